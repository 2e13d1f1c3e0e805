"""Where ``scan`` spends its time: a pyinstrument profile of the stages, warm model and caches.

    python -m benchmarks.profile [--rounds N]

Scans every post of our corpora once to warm up (model load, word-evidence cache), then
profiles N more rounds and reports each stage's share of ``scan`` and, inside the identify
stage, of its heaviest parts. Needs pyinstrument (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
from typing import Any

import texthygiene

from .common import ROOT, load_jsonl, write_result


def _children(frames: list[Any], total: float) -> list[dict[str, Any]]:
    """The callees of ``frames`` merged by function, with their share of ``total``."""
    merged: dict[tuple[str, str], float] = {}
    for frame in frames:
        for child in frame.children:
            key = (child.function, child.file_path_short)
            merged[key] = merged.get(key, 0.0) + child.time
    return [
        {"function": f, "file": path, "share": round(t / total, 4), "seconds": round(t, 3)}
        for (f, path), t in sorted(merged.items(), key=lambda item: -item[1])
        if t / total >= 0.01
    ]


def _find(frame: Any, name: str) -> list[Any]:
    """Every outermost frame of function ``name`` under ``frame``."""
    if frame.function == name:
        return [frame]
    return [found for child in frame.children for found in _find(child, name)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    from pyinstrument import Profiler

    corpus = load_jsonl(ROOT / "corpora" / "injected.jsonl") + load_jsonl(
        ROOT / "corpora" / "legit.jsonl"
    )
    posts = [doc["text"] for doc in corpus]
    for post in posts:
        texthygiene.scan(post)
    # A timing thread: this machine's clock calls cost microseconds, which would distort a
    # profile of pure-Python code.
    profiler = Profiler(interval=0.0005, use_timing_thread=True)
    profiler.start()
    for _ in range(args.rounds):
        for post in posts:
            texthygiene.scan(post)
    profiler.stop()
    root = profiler.last_session.root_frame() if profiler.last_session else None
    scans = _find(root, "scan") if root is not None else []
    total = sum(frame.time for frame in scans)
    if not total:
        print("no samples inside scan")
        return 1
    stages = _children(scans, total)
    inside = _children([f for scan in scans for f in _find(scan, "identify_words")], total)
    print(f"scan: {total:.2f} s over {args.rounds} rounds of {len(posts)} posts")
    for entry in stages:
        print(f"  {entry['share']:6.1%}  {entry['function']}  ({entry['file']})")
    print("inside identify_words:")
    for entry in inside:
        print(f"  {entry['share']:6.1%}  {entry['function']}")
    path = write_result(
        "profile",
        {"rounds": args.rounds, "posts": len(posts), "stages": stages, "identify": inside},
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
