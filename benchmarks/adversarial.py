"""Linear cost on hostile input: time per KB of ``scan`` at 10 KB and at 100 KB.

    python -m benchmarks.adversarial

Each input is a pattern repeated to size: long runs that a regex alternative could rescan
from every position (dots, underscores, e-mail-like and URL-like runs, one endless word),
text dense with hidden and bidi characters, and a report with thousands of findings whose
``to_dict(utf16=True)`` must not recount the text per offset. The figure to read is the ratio
of the time per KB at 100 KB to that at 10 KB: about 1 means linear; 10 would be quadratic.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import texthygiene

from .common import write_result

SIZES = (10_000, 100_000)
PATTERNS: dict[str, str] = {
    "dots": ".",
    "underscores": "_",
    "dotted_word": "a.",
    "at_signs": "x@",
    "plus_minus": "+-",
    "one_long_word": "a",
    "url_like": "http://a",
    "hidden_chars": "ca\u200bsi\u202eno ",
    "mixed_scripts": "casinoказино ",
    "glued_spam": "Wij fietsten naar huis.где взять контент для блога ",
    "emoji_before_findings": "😀 Zin over de tuin.купить дешево ",
}


def _per_kb(run: Callable[[], object], size: int) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best / (size / 1000)


def main() -> None:
    texthygiene.scan("Model laden voor de meting.")
    results: dict[str, dict[str, float]] = {}
    print(f"{'input':24} {'ms/KB @10KB':>12} {'ms/KB @100KB':>13} {'ratio':>6}")
    for name, pattern in PATTERNS.items():
        row: dict[str, float] = {}
        for size in SIZES:
            text = (pattern * (size // len(pattern) + 1))[:size]
            row[str(size)] = _per_kb(
                lambda text=text: texthygiene.scan(text).to_dict(utf16=True), size
            )
        ratio = row[str(SIZES[1])] / row[str(SIZES[0])]
        row["ratio"] = ratio
        results[name] = row
        print(
            f"{name:24} {row[str(SIZES[0])] * 1000:12.3f} {row[str(SIZES[1])] * 1000:13.3f} "
            f"{ratio:6.2f}"
        )
    worst = max(results, key=lambda n: results[n]["ratio"])
    print(f"\nworst ratio: {worst} {results[worst]['ratio']:.2f} (1 = linear, 10 = quadratic)")
    path = write_result("adversarial", {"sizes": list(SIZES), "inputs": results})
    print(f"wrote {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
