"""Throughput of scan / clean / repair next to the naive langdetect baseline, in one run.

    python -m benchmarks.throughput [--seconds S]

The baseline is exactly: ``DetectorFactory.seed = 0``, split each text with
``re.split(r"(?<=[.!?])\\s+|\\n+", text)``, ``langdetect.detect`` on every non-empty
stripped piece (profiles loaded before timing). Posts are every document of our labelled
corpus. Single process; ratios are what to compare across machines.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import texthygiene

from .common import ROOT, load_jsonl, write_result

_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def baseline(text: str) -> list[str]:
    import langdetect
    from langdetect.lang_detect_exception import LangDetectException

    out = []
    for piece in _SPLIT.split(text):
        piece = piece.strip()
        if piece:
            try:
                out.append(langdetect.detect(piece))
            except LangDetectException:
                out.append("unknown")
    return out


def _time_all(
    fns: dict[str, Callable[[str], object]], posts: list[str], min_seconds: float
) -> dict[str, dict[str, Any]]:
    """Time every function over all posts, round-robin, so load on a shared machine falls
    on all of them alike and the ratios stay fair."""
    per_doc: dict[str, list[float]] = {name: [] for name in fns}
    rounds = 0
    while rounds < 2 or min(sum(t) for t in per_doc.values()) < min_seconds:
        for name, fn in fns.items():
            times = per_doc[name]
            for post in posts:
                t0 = time.perf_counter()
                fn(post)
                times.append(time.perf_counter() - t0)
        rounds += 1
    chars = sum(len(p) for p in posts) * rounds
    results = {}
    for name, times in per_doc.items():
        total = sum(times)
        quantiles = statistics.quantiles(times, n=100)
        results[name] = {
            "chars_per_s": chars / total,
            "docs_per_s": len(times) / total,
            "p50_ms": quantiles[49] * 1e3,
            "p95_ms": quantiles[94] * 1e3,
            "p99_ms": quantiles[98] * 1e3,
            "rounds": rounds,
        }
    return results


def _first_call_latency() -> dict[str, float]:
    code = (
        "import time; t=time.perf_counter(); import texthygiene; i=time.perf_counter();"
        "texthygiene.scan('Een korte zin om te beginnen.'); f=time.perf_counter();"
        "print(i-t, f-i)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported, first = (float(x) for x in out.stdout.split())
    return {"import_s": imported, "first_scan_s": first}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time per measurement")
    args = parser.parse_args(argv)
    corpus = load_jsonl(ROOT / "corpora" / "injected.jsonl") + load_jsonl(
        ROOT / "corpora" / "legit.jsonl"
    )
    posts = [doc["text"] for doc in corpus]

    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    baseline("Profiles load before timing.")
    texthygiene.scan("Het model laadt voor de meting.")

    results = _time_all(
        {
            "baseline_langdetect": baseline,
            "scan": texthygiene.scan,
            "clean": texthygiene.clean,
            "repair": texthygiene.repair,
        },
        posts,
        args.seconds,
    )
    base = results["baseline_langdetect"]["chars_per_s"]
    print(f"{len(posts)} posts, {sum(map(len, posts))} characters\n")
    print(f"{'':<22}{'chars/s':>12}{'docs/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'× baseline':>12}")
    for name, r in results.items():
        r["ratio_to_baseline"] = r["chars_per_s"] / base
        print(
            f"{name:<22}{r['chars_per_s']:>12,.0f}{r['docs_per_s']:>10,.1f}"
            f"{r['p50_ms']:>9.2f}{r['p95_ms']:>9.2f}{r['ratio_to_baseline']:>12.1f}"
        )
    latency = _first_call_latency()
    print(
        f"\nimport {latency['import_s']:.2f} s, "
        f"first scan (model load) {latency['first_scan_s']:.2f} s"
    )
    path = write_result(
        "throughput",
        {
            "texthygiene": texthygiene.__version__,
            "posts": len(posts),
            "characters": sum(map(len, posts)),
            "results": results,
            "latency": latency,
        },
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
