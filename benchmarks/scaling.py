"""Linear time, memory and output on hostile input: every shape at n and 4n, in one run.

    python -m benchmarks.scaling            # n = 25 000 characters
    python -m benchmarks.scaling --quick    # n = 3 000: the CI gate (well under a minute)

Each shape is text an attacker can send (one long word, thousands of bidi isolates or tag
characters, a line of spam terms, mojibake in a long text, hidden elements in one run, …),
built to n and to 4n characters. For each, the full path is timed (scan, the report as
JSON with UTF-16 offsets, clean) as the best of a few runs, its peak memory is traced in
one more run, and the JSON's size is kept. Linear growth is 4×; the run fails (exit 1)
when any of the three grows more than ``LIMIT``× from n to 4n, which a quadratic part (16×)
cannot hide under. Figures go to benchmarks/results/scaling.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
import tracemalloc
from collections.abc import Callable

import texthygiene
from texthygiene.clean import remove

from .common import write_result

LIMIT = 6.0  # ratio n → 4n: 4 is linear, 16 quadratic; n log n stays well under 6
N_FULL = 25_000
N_QUICK = 3_000
RUNS = 2  # timed runs per size at least (the best counts)
MAX_RUNS = 7  # at most, for inputs quicker than SETTLE_SECONDS in all
SETTLE_SECONDS = 0.3


def _moj(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", "replace")


def _fill(pattern: str, n: int) -> str:
    return (pattern * (n // len(pattern) + 1))[:n]


def _after_prose(tail: Callable[[int], str]) -> Callable[[int], str]:
    """A shape at the end of a Dutch paragraph, so there is a host for it to be foreign to."""
    host = "Mooi verhaal over de tuin en de buren. Wij gingen met de fiets naar het dorp. "
    return lambda n: host + tail(n - len(host))


DUTCH = "Mooi verhaal over de tuin en de buren. Wij gingen met de fiets naar het dorp. "

#: name -> text of about n characters. Plain text unless the name starts with ``html_``.
SHAPES: dict[str, Callable[[int], str]] = {
    # from issue 13
    "mojibake_in_long_text": lambda n: _fill(DUTCH, n) + _moj("café crème"),
    "mojibake_at_both_ends": lambda n: _moj("café ") + _fill(DUTCH, n) + _moj(" crème"),
    "mojibake_everywhere": lambda n: _moj(_fill("где взять деньги ", n)),
    "mojibake_without_spaces": lambda n: _moj(_fill("中文字符", n // 3)),
    "one_cyrillic_word": _after_prose(lambda n: "д" * n),
    "one_latin_word": lambda n: "a" * n,
    "tag_characters": _after_prose(lambda n: "\U000e0041" * n),
    "bidi_isolates_unclosed": lambda n: "\u2066" * (n // 2) + "\u202c" * (n // 2),
    "bidi_overrides_nested": lambda n: "\u202e" * (n // 2) + "\u202c" * (n // 2),
    "bidi_deep_mixed": lambda n: (
        _fill("\u2067\u202b\u2068x", n // 2) + _fill("\u202c\u2069", n // 2)
    ),
    "spam_terms_one_line": _after_prose(lambda n: _fill("casino bonus ", n)),
    "situs_slot_gacor": _after_prose(lambda n: _fill("situs slot gacor, ", n)),
    # more an attacker could try
    "long_line_no_spaces": lambda n: _fill("abc.def/ghi-", n),
    "dots": lambda n: "." * n,
    "newlines_only": lambda n: "\n" * n,
    "one_word_lines": lambda n: _fill("woord\n", n),
    "crlf_mixed": lambda n: _fill("regel\r\nregel\rregel\n", n),
    "many_urls": _after_prose(lambda n: _fill("https://example.com/a/b?c=d ", n)),
    "glued_urls": _after_prose(lambda n: _fill("tuinhttps://example.com/situs/slot/gacor ", n)),
    "url_like_run": lambda n: "http://" + "a" * n,
    "emails_handles_tags": _after_prose(lambda n: _fill("a@b.nl @piet #tuin `code` ", n)),
    "short_words_many_scripts": lambda n: _fill("a д α 中 ا ก ש क 한 ა ", n),
    "long_numbers": lambda n: _fill("1234567890", n),
    "numbers_and_words": _after_prose(lambda n: _fill("12 д 34 α ", n)),
    "confusable_words": _after_prose(lambda n: _fill("pаypal cаsino ", n)),
    "glued_script_words": lambda n: _fill("casinoказино ", n),
    "zero_width_in_words": _after_prose(lambda n: _fill("ca\u200bsi\u200dno ", n)),
    "zero_width_only": lambda n: "\u200b" * n,
    "control_characters": lambda n: _fill("a\x01\x02\x1b[31m", n),
    "terminal_escape_run": lambda n: "\x1b[" + "1;" * (n // 2) + "m",
    "combining_marks": lambda n: "e" + "\u0301" * n,
    "nfd_text": _after_prose(lambda n: _fill("cafe\u0301 ", n)),
    "opening_quotes": _after_prose(lambda n: "“" * (n // 2) + _fill("где взять ", n // 2)),
    "glued_foreign_sentences": lambda n: _fill("Wij fietsten naar huis.где взять контент ", n),
    "variation_selectors": lambda n: _fill("a\ufe0f", n),
    "emoji_zwj": lambda n: _fill("👩\u200d👩\u200d👧 ", n),
    "rtl_with_marks": lambda n: _fill("שלום\u200f עולם\u200e ", n),
    "html_hidden_spans_in_one_run": lambda n: (
        "<p>Mooi verhaal over de tuin en de buren.</p><p>Mooi. "
        + _fill('situs slot <span style="display:none">gacor</span> hari ini ', n)
        + "</p>"
    ),
    "html_many_elements": lambda n: _fill("<p><b>Mooi</b> <i>verhaal</i></p>", n),
    "html_deep_nesting": lambda n: "<div>" * (n // 11) + "tekst" + "</div>" * (n // 11),
}


def _run(name: str, text: str) -> int:
    """The whole path for one input; returns the size of the JSON report."""
    if name.startswith("html_"):
        report = texthygiene.scan_html(text)
        texthygiene.clean_html(text)
    else:
        report = texthygiene.scan(text)
        remove(report.text, report.findings, report.edits)
    return len(json.dumps(report.to_dict(utf16=True), ensure_ascii=False))


def _measure(name: str, text: str) -> dict[str, float]:
    best = float("inf")
    size = 0
    spent = 0.0
    runs = 0
    # Quick inputs run more often (the best of several is the cost, not a scheduler hiccup).
    while runs < RUNS or (spent < SETTLE_SECONDS and runs < MAX_RUNS):
        gc.collect()
        start = time.perf_counter()
        size = _run(name, text)
        took = time.perf_counter() - start
        best = min(best, took)
        spent += took
        runs += 1
    gc.collect()
    tracemalloc.start()
    _run(name, text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"chars": len(text), "seconds": best, "peak_bytes": peak, "json_bytes": size}


def _compare(
    name: str, build: Callable[[int], str], n: int
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """The shape measured at n and 4n, and how much each figure grew."""
    small = _measure(name, build(n))
    large = _measure(name, build(4 * n))
    ratios = {
        "time": _ratio(large["seconds"], max(small["seconds"], 0.01)),
        "memory": _ratio(large["peak_bytes"], max(small["peak_bytes"], 64_000)),
        "json": _ratio(large["json_bytes"], max(small["json_bytes"], 4_000)),
    }
    return small, large, ratios


def _ratio(big: float, small: float) -> float:
    # Below a few milliseconds or kilobytes, the fixed cost decides: no ratio to read there.
    return big / small if small > 0 else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"n = {N_QUICK} (the CI gate)")
    parser.add_argument("--n", type=int, help="characters at the small size")
    parser.add_argument("--only", help="run only the shapes whose name contains this")
    args = parser.parse_args(argv)
    n = args.n or (N_QUICK if args.quick else N_FULL)
    # Load the model, the lexicon, the look-alikes and ftfy before the clock starts.
    texthygiene.scan("Model laden: pаypal cafÃ© где\u200b\u202e.")
    texthygiene.scan_html("<p>Model laden.</p>")
    began = time.perf_counter()
    results: dict[str, dict[str, object]] = {}
    failed: list[str] = []
    print(f"n = {n:,} characters; limit {LIMIT}× from n to 4n (linear is 4×)")
    print(
        f"{'shape':30} {'s @n':>7} {'s @4n':>7} {'time×':>6} {'mem×':>6} {'json×':>6} {'B/char':>7}"
    )
    for name, build in SHAPES.items():
        if args.only and args.only not in name:
            continue
        small, large, ratios = _compare(name, build, n)
        if max(ratios.values()) > LIMIT:
            # Once more before failing: a busy machine can stall one run; a quadratic part
            # grows the same every time.
            again = _compare(name, build, n)
            if max(again[2].values()) < max(ratios.values()):
                small, large, ratios = again
        worst = max(ratios.values())
        if worst > LIMIT:
            failed.append(name)
        results[name] = {"n": small, "4n": large, "ratios": ratios, "ok": worst <= LIMIT}
        print(
            f"{name:30} {small['seconds']:7.3f} {large['seconds']:7.3f} {ratios['time']:6.2f} "
            f"{ratios['memory']:6.2f} {ratios['json']:6.2f} "
            f"{large['peak_bytes'] / large['chars']:7.0f}" + ("  FAIL" if worst > LIMIT else "")
        )
    elapsed = time.perf_counter() - began
    path = write_result(
        "scaling",
        {
            "n": n,
            "limit": LIMIT,
            "runs": RUNS,
            "seconds": round(elapsed, 1),
            "failed": failed,
            "shapes": results,
        },
    )
    print(f"\n{len(results)} shapes in {elapsed:.0f} s; wrote {path.relative_to(path.parents[2])}")
    if failed:
        print(f"grew faster than {LIMIT}× from n to 4n: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
