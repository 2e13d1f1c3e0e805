"""Throughput of scan_html next to plain-text scan on the same posts, and how it scales.

    python -m benchmarks.html_throughput [--seconds S] [--scaling-mb N]

Every post of our labelled corpus is laid out as WordPress block-editor HTML (block
comments, ``<h2>`` for a short line of its own, ``<p>`` paragraphs, ``<br>`` for a single
newline, typographic apostrophes as ``&#8217;``, a link and an emphasis per post). Timed in
one round-robin run, post by post: ``scan_html`` on the HTML, plain ``scan`` on the text
``scan_html`` extracts from it, the extraction alone, and, for reference, the two parsers
one could have built on (the standard library's ``html.parser`` with no handlers, and
html5lib building a tree). MB are megabytes of UTF-8 input. Single process; compare ratios.

Also measured: whether ``scan_html`` reports the same fragments as ``scan`` on the
original plain text (agreement), whether extracted text equals html5lib's text
(whitespace aside), whether every finding's source span holds its text, and seconds per MB
(CPU time) for one page of growing size: a quadratic step would show as a rising figure.
"""

from __future__ import annotations

import argparse
import html
import statistics
import time
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import texthygiene
from texthygiene.htmltext import extract

from .common import ROOT, load_jsonl, write_result

_HEADING_WORDS = 8


def to_wordpress(text: str, number: int) -> str:
    """A plain post as the block editor would store it."""
    blocks = []
    for index, block in enumerate(text.strip().split("\n\n")):
        body = html.escape(block, quote=False).replace("’", "&#8217;").replace("\n", "<br>\n")
        if "\n" not in block and len(block.split()) <= _HEADING_WORDS and block[-1:] not in ".!?":
            blocks.append(f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{body}</h2>\n')
            blocks[-1] += "<!-- /wp:heading -->"
            continue
        words = body.split(" ")
        if index == 1 and len(words) > 6:
            words[0] = f'<a href="https://example.org/{number}">{words[0]}'
            words[2] += "</a>"
        if index == 2 and len(words) > 3:
            words[1] = f"<em>{words[1]}</em>"
        body = " ".join(words)
        blocks.append(f"<!-- wp:paragraph -->\n<p>{body}</p>\n<!-- /wp:paragraph -->")
    return "\n\n".join(blocks) + "\n"


def _stdlib_tokenize(source: str) -> None:
    parser = HTMLParser()
    parser.feed(source)
    parser.close()


def _html5lib_tree(source: str) -> None:
    import html5lib

    html5lib.parse(source, treebuilder="etree")


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def _time_round_robin(
    jobs: dict[str, tuple[Callable[[str], object], list[str]]], min_seconds: float
) -> dict[str, dict[str, Any]]:
    """Each job over its own inputs, post by post in turn, so machine load falls alike."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    rounds = 0
    while rounds < 2 or min(sum(t) for t in times.values()) < min_seconds:
        count = len(next(iter(jobs.values()))[1])
        for i in range(count):
            for name, (fn, inputs) in jobs.items():
                t0 = time.perf_counter()
                fn(inputs[i])
                times[name].append(time.perf_counter() - t0)
        rounds += 1
    results = {}
    for name, (_, inputs) in jobs.items():
        total = sum(times[name])
        q = statistics.quantiles(times[name], n=100)
        results[name] = {
            "mb_per_s": sum(map(_mb, inputs)) * rounds / total,
            "posts_per_s": len(times[name]) / total,
            "p50_ms": q[49] * 1e3,
            "p95_ms": q[94] * 1e3,
            "rounds": rounds,
        }
    return results


def _fidelity(posts: list[str], pages: list[str]) -> dict[str, Any]:
    from tests.test_html import html5_text, squash, stripped

    same_findings = same_text = spans_ok = findings = 0
    for text, page in zip(posts, pages, strict=True):
        report = texthygiene.scan_html(page)
        plain = texthygiene.scan(text)
        same_findings += [f.text for f in report.findings] == [f.text for f in plain.findings]
        same_text += squash(report.text) == squash(html5_text(page))
        for f in report.findings:
            findings += 1
            span = page[f.source_start : f.source_end]
            spans_ok += squash(f.text) in squash(stripped(span))
    return {
        "posts": len(posts),
        "same_findings_as_plain_scan": same_findings,
        "text_equals_html5lib": same_text,
        "findings": findings,
        "source_span_holds_text": spans_ok,
    }


def _scaling(pages: list[str], max_mb: float) -> list[dict[str, float]]:
    """CPU seconds per MB of HTML for one page of growing size."""
    unit = "".join(pages)
    rows = []
    size = 1.0
    while size <= max_mb:
        page = unit * max(1, round(size * 1e6 / len(unit.encode("utf-8"))))
        # CPU time: on a shared machine, wall time of one long call is mostly other load.
        t0 = time.process_time()
        text = extract(page).text
        t1 = time.process_time()
        texthygiene.scan_html(page)
        t2 = time.process_time()
        texthygiene.scan(text)
        t3 = time.process_time()
        mb = _mb(page)
        rows.append(
            {
                "mb": round(mb, 2),
                "extract_s_per_mb": (t1 - t0) / mb,
                "scan_html_s_per_mb": (t2 - t1) / mb,
                "scan_extracted_text_s_per_mb": (t3 - t2) / mb,
            }
        )
        size *= 2
    return rows


def _extremes() -> dict[str, float]:
    """Wall seconds of scan_html on deep, huge and hostile pages."""
    deep = "<div>" * 10_000 + "<p>Diep verstopt, maar gewoon leesbaar.</p>" + "</div>" * 10_000
    image = '<img alt="" src="data:image/png;base64,' + "iVBORw0KGgo" * 9000 + '">\n'
    script = "<script>var data = [" + "1," * 50000 + "];</script>\n"
    chunk = f'<div class="row"><span data-x="1">{image}{script}</span></div>\n'
    heavy = "<p>Een gewone zin om mee te beginnen.</p>" + chunk * (20_000_000 // len(chunk))
    n = 1_000_000
    hostile = {
        "unclosed_style_1mb_s": "<style>" + "a" * n,
        "style_without_braces_1mb_s": "<style>" + "a" * n + "</style>",
        "less_than_signs_1mb_s": "<" * n,
        "ampersands_1mb_s": "&" * n,
        "unclosed_quotes_1mb_s": '<a x="' * (n // 6),
        "unclosed_shortcodes_1mb_s": "[gallery ids=1 " * (n // 15),
    }
    out = {}
    pages = [("nesting_10000_s", deep), ("markup_20mb_s", heavy), *hostile.items()]
    for name, page in pages:
        t0 = time.perf_counter()
        texthygiene.scan_html(page)
        out[name] = time.perf_counter() - t0
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time per measurement")
    parser.add_argument("--scaling-mb", type=float, default=4.0, help="largest page, in MB")
    args = parser.parse_args(argv)
    corpus = load_jsonl(ROOT / "corpora" / "injected.jsonl") + load_jsonl(
        ROOT / "corpora" / "legit.jsonl"
    )
    posts = [doc["text"] for doc in corpus]
    pages = [to_wordpress(text, n) for n, text in enumerate(posts)]
    texts = [extract(page).text for page in pages]
    texthygiene.scan("Het model laadt voor de meting.")

    results = _time_round_robin(
        {
            "scan_html": (texthygiene.scan_html, pages),
            "scan_on_extracted_text": (texthygiene.scan, texts),
            "extract_only": (extract, pages),
            "stdlib_html_parser_no_handlers": (_stdlib_tokenize, pages),
            "html5lib_tree": (_html5lib_tree, pages),
        },
        args.seconds,
    )
    html_time = 1 / results["scan_html"]["posts_per_s"]
    text_time = 1 / results["scan_on_extracted_text"]["posts_per_s"]
    print(
        f"{len(pages)} posts, {sum(map(_mb, pages)):.2f} MB HTML, "
        f"{sum(map(_mb, texts)):.2f} MB text\n"
    )
    print(f"{'':<34}{'MB/s':>8}{'posts/s':>10}{'p50 ms':>9}{'p95 ms':>9}")
    for name, r in results.items():
        print(
            f"{name:<34}{r['mb_per_s']:>8.3f}{r['posts_per_s']:>10.1f}"
            f"{r['p50_ms']:>9.2f}{r['p95_ms']:>9.2f}"
        )
    print(f"\nscan_html takes {html_time / text_time:.2f}× the time of scan per post")

    fidelity = _fidelity(posts, pages)
    print(
        f"same findings as plain scan: {fidelity['same_findings_as_plain_scan']}/{len(posts)}; "
        f"text = html5lib's: {fidelity['text_equals_html5lib']}/{len(posts)}; "
        f"source span holds text: {fidelity['source_span_holds_text']}/{fidelity['findings']}"
    )
    scaling = _scaling(pages, args.scaling_mb)
    for row in scaling:
        print(
            f"{row['mb']:>6.2f} MB page: extract {row['extract_s_per_mb']:.3f} s/MB, "
            f"scan_html {row['scan_html_s_per_mb']:.3f} s/MB, "
            f"scan on its text {row['scan_extracted_text_s_per_mb']:.3f} s/MB"
        )
    extremes = _extremes()
    for name, seconds in extremes.items():
        print(f"{name:<30}{seconds:>8.2f}")
    path = write_result(
        "html_throughput",
        {
            "texthygiene": texthygiene.__version__,
            "posts": len(pages),
            "html_mb": round(sum(map(_mb, pages)), 4),
            "text_mb": round(sum(map(_mb, texts)), 4),
            "results": results,
            "scan_html_time_ratio_to_scan": html_time / text_time,
            "fidelity": fidelity,
            "scaling": scaling,
            "extremes": extremes,
        },
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
