"""Regenerate ``docs/report-seed.png``: the review report of the seed post, in Chromium.

    python -m benchmarks.report_screenshot

Reads ``../shared/seed/ambtenaar20-post.txt`` at run time (the post is not part of the repo).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import texthygiene
from texthygiene.report_html import render_report

from .browser import launch
from .common import ROOT, SHARED

SEED = SHARED / "seed" / "ambtenaar20-post.txt"
OUTPUT = ROOT / "docs" / "report-seed.png"


def main() -> int:
    from playwright.sync_api import sync_playwright

    report = texthygiene.scan(SEED.read_text(encoding="utf-8"))
    page_html = render_report(
        [("ambtenaar20-post", SEED.name, report)],
        threshold=texthygiene.Config().threshold,
        inputs=[SEED.name],
        version=texthygiene.__version__,
    )
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        path = Path(tmp) / "report.html"
        path.write_text(page_html, encoding="utf-8")
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(path.as_uri())
        page.screenshot(path=str(OUTPUT), full_page=True)
        browser.close()
    print(f"written to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
