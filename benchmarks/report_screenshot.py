"""Regenerate ``docs/report-example.png``: the review report of the bundled example post
(``examples/moestuin-post.txt``, our own text), in Chromium.

    python -m benchmarks.report_screenshot
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import texthygiene
from texthygiene.report_html import render_report

from .browser import launch
from .common import ROOT

POST = ROOT / "examples" / "moestuin-post.txt"
OUTPUT = ROOT / "docs" / "report-example.png"


def main() -> int:
    from playwright.sync_api import sync_playwright

    report = texthygiene.scan(POST.read_text(encoding="utf-8"))
    page_html = render_report(
        [("moestuin-post", POST.name, report)],
        threshold=texthygiene.Config().threshold,
        inputs=[POST.name],
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
