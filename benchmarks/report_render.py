"""How long the HTML review report takes to build in Python and to render in Chromium.

    python -m benchmarks.report_render [--runs R]

Documents are our labelled corpus (``corpora/``: 332 posts, 189 of them injected), scanned
once and repeated under new ids up to 2 000 and 50 000 documents; a page lists at most 500
documents by default, so its size depends on the listing, not on the scan size. Chromium
time is from navigation to the second animation frame after the load event (the page is
parsed, styled, laid out and painted), in a fresh page each run; the median and the worst
of R runs are reported. Debian's chromium, headless, as in the tests.

It also times ``texthygiene scan`` over the same 2 000 documents as a JSONL file, with
``--format html`` and ``--format jsonl`` alternately, so the ratio is what the page costs on
top of a scan.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import texthygiene
from texthygiene.report_html import render_report

from .browser import launch
from .common import ROOT, load_jsonl, write_result

_PAINTED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

#: (documents scanned, documents listed (None: every flagged one), only flagged documents)
CASES: tuple[tuple[int, int | None, bool], ...] = (
    (2_000, 500, False),
    (50_000, 500, False),
    (2_000, None, False),
    (2_000, None, True),  # issue 18: 2 000 documents on the page, each with its decisions UI
)


def _documents(reports: list[texthygiene.Report], count: int) -> list[tuple[str, str, Any]]:
    return [(f"post-{i:05d}", "corpus.jsonl", reports[i % len(reports)]) for i in range(count)]


def _chromium_seconds(browser: Any, path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        page = browser.new_page()
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate(_PAINTED)
        times.append(time.perf_counter() - t0)
        page.close()
    return times


def _cli_seconds(corpus: list[dict[str, Any]], folder: Path, runs: int) -> dict[str, float]:
    posts = folder / "posts.jsonl"
    with posts.open("w", encoding="utf-8") as handle:
        for i in range(2_000):
            doc = corpus[i % len(corpus)]
            handle.write(json.dumps({"id": f"post-{i:05d}", "text": doc["text"]}) + "\n")
    times: dict[str, list[float]] = {"html": [], "jsonl": []}
    for _ in range(runs):
        for fmt, spent in times.items():
            command = [sys.executable, "-m", "texthygiene", "scan", "--exit-zero", "--id-field"]
            command += ["id", "--format", fmt, "-o", str(folder / f"out.{fmt}"), str(posts)]
            t0 = time.perf_counter()
            subprocess.run(command, check=True)
            spent.append(time.perf_counter() - t0)
    html_s, jsonl_s = (statistics.median(times[fmt]) for fmt in ("html", "jsonl"))
    return {
        "documents": 2_000,
        "html_median_s": round(html_s, 2),
        "jsonl_median_s": round(jsonl_s, 2),
        "html_to_jsonl": round(html_s / jsonl_s, 3),
    }


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads per case")
    args = parser.parse_args(argv)
    corpus = load_jsonl(ROOT / "corpora" / "injected.jsonl") + load_jsonl(
        ROOT / "corpora" / "legit.jsonl"
    )
    reports = [texthygiene.scan(doc["text"]) for doc in corpus]
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        browser.new_page().close()  # browser start-up is not part of any page's time
        flagged = [report for report in reports if report.findings]
        for scanned, listed, only_flagged in CASES:
            docs = _documents(flagged if only_flagged else reports, scanned)
            t0 = time.perf_counter()
            page = render_report(
                docs,
                threshold=texthygiene.Config().threshold,
                inputs=["corpus.jsonl"],
                version=texthygiene.__version__,
                max_documents=listed,
            )
            build = time.perf_counter() - t0
            path = Path(tmp) / f"report-{scanned}-{listed}.html"
            path.write_text(page, encoding="utf-8")
            times = _chromium_seconds(browser, path, args.runs)
            results.append(
                {
                    "documents": scanned,
                    "max_documents": listed,
                    "only_flagged": only_flagged,
                    "listed": page.count('<article class="doc"'),
                    "page_bytes": path.stat().st_size,
                    "python_build_s": round(build, 3),
                    "chromium_median_s": round(statistics.median(times), 3),
                    "chromium_max_s": round(max(times), 3),
                    "chromium_runs_s": [round(t, 3) for t in times],
                }
            )
        browser.close()
        cli = _cli_seconds(corpus, Path(tmp), max(1, args.runs // 2))
    print(
        f"{'documents':>10}{'listed':>8}{'page MB':>9}{'build s':>9}{'Chromium s':>12}{'max s':>8}"
    )
    for r in results:
        print(
            f"{r['documents']:>10,}{r['listed']:>8,}{r['page_bytes'] / 1e6:>9.2f}"
            f"{r['python_build_s']:>9.2f}{r['chromium_median_s']:>12.2f}{r['chromium_max_s']:>8.2f}"
        )
    print(
        f"\ntexthygiene scan, 2 000 documents: --format html {cli['html_median_s']:.2f} s, "
        f"--format jsonl {cli['jsonl_median_s']:.2f} s (× {cli['html_to_jsonl']:.2f})"
    )
    path = write_result("report_render", {"runs": args.runs, "cases": results, "cli": cli})
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
