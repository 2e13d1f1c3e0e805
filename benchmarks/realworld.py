"""Flagging on real text: the labelled real-text corpus built from ../shared (issue 16).

    python -m benchmarks.realworld [--split train|dev|test] [--show N] [--no-peers]

Builds one split (default dev; look at test once, at the end of a piece of work) with
``corpora/tools/build_realworld.py``, runs ``texthygiene.scan`` on every document
(``scan_html`` on the WXR post bodies) and reports, each with a 95% Wilson interval:

* recall of the injected spans, overall and by category (different script, same script in
  another language, close language, same language as the host), by position and by where
  the phrase came from (real spam, another language's host sentence, our own lexicon, whose
  phrases texthygiene finds by construction);
* documents falsely flagged per kind: legitimate code-switched documents by source file,
  clean host documents, CMS content (Hugo pages, widget strings, WXR bodies), and injected
  documents flagged outside their span;
* span precision: the share of flagged characters that are injected.

An injected span is found (``matches``) when the fragment findings cover at least half of
it and the findings touching it are together at most 1.5× its length + 8 characters long: a
finding that runs on through the host's next clause is a miss. Only fragment findings
(foreign_fragment, spam_fragment) count. The naive peers (``benchmarks/peers.py``:
langdetect per sentence, and lingua, CLD2 and fastText where they import) flag whatever
differs from the document's majority language, on the same documents.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from types import ModuleType
from typing import Any

import texthygiene
from texthygiene.clean import FRAGMENT_KINDS
from texthygiene.htmltext import extract

from . import peers
from .common import (
    CALIBRATION_THRESHOLD,
    ROOT,
    calibration,
    calibration_lines,
    fmt_rate,
    load_script,
    print_calibration,
    rate,
    write_result,
)

Span = tuple[int, int]
#: A flagger: the document -> the text its offsets refer to, and the flagged spans.
Detect = Callable[[dict[str, Any]], tuple[str, list[Span]]]

#: A finding may run past the span by this much (relative and absolute) and still be right.
RUN_ON_FACTOR = 1.5
RUN_ON_CHARS = 8
#: Share of the span the findings must cover.
MIN_COVER = 0.5


@cache
def builder() -> ModuleType:
    """``corpora/tools/build_realworld.py``, a script rather than a package module."""
    return load_script(ROOT / "corpora" / "tools" / "build_realworld.py")


def _union_length(ranges: Iterable[Span]) -> int:
    total, reach = 0, None
    for start, end in sorted(ranges):
        if reach is None or start >= reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def matches(start: int, end: int, findings: Sequence[Span]) -> bool:
    """Whether ``findings`` find the injected span ``[start, end)``: they cover at least
    half of it, and those touching it (sharing a character) are together at most
    1.5× its length + 8 characters long."""
    touching = [(s, e) for s, e in findings if s < end and start < e]
    if not touching:
        return False
    length = end - start
    covered = _union_length((max(s, start), min(e, end)) for s, e in touching)
    extent = _union_length(touching)
    return covered >= MIN_COVER * length and extent <= RUN_ON_FACTOR * length + RUN_ON_CHARS


def texthygiene_detect(
    doc: dict[str, Any], config: texthygiene.Config | None = None
) -> tuple[str, list[Span]]:
    text, scored = texthygiene_scored(doc, config)
    return text, [(start, end) for start, end, _ in scored]


def texthygiene_scored(
    doc: dict[str, Any], config: texthygiene.Config | None = None
) -> tuple[str, list[tuple[int, int, float]]]:
    if doc["markup"] == "html":
        report = texthygiene.scan_html(doc["text"], config=config)
    else:
        report = texthygiene.scan(doc["text"], config=config)
    fragments = [f for f in report.findings if f.kind in FRAGMENT_KINDS]
    return report.text, [(f.start, f.end, f.score) for f in fragments]


def calibrating(sink: list[tuple[float, bool]], threshold: float) -> Detect:
    """texthygiene scanning once at ``CALIBRATION_THRESHOLD``: the findings at or above
    ``threshold`` are returned (the same as a scan at ``threshold``, as overlaps are
    resolved best score first), and every finding's (score, right) goes to ``sink``, right
    when it overlaps an injected span."""
    config = texthygiene.Config(threshold=CALIBRATION_THRESHOLD)

    def detect(doc: dict[str, Any]) -> tuple[str, list[Span]]:
        text, scored = texthygiene_scored(doc, config)
        for start, end, score in scored:
            right = any(start < s["end"] and s["start"] < end for s in doc["spans"])
            sink.append((score, right))
        return text, [(start, end) for start, end, score in scored if score >= threshold]

    return detect


def peer_detect(peer: peers.Peer) -> Detect:
    def detect(doc: dict[str, Any]) -> tuple[str, list[Span]]:
        text = extract(doc["text"]).text if doc["markup"] == "html" else doc["text"]
        return text, [(s, e) for s, e, _ in peers.flag(text, peer.sections(text))]

    return detect


def _flag_group(doc: dict[str, Any]) -> str:
    return f"{doc['kind']}:{doc['group']}"


#: Rolled-up kinds of document that must not be flagged (beside each group of its own).
ROLLUPS = {"legitimate": "legitimate:", "cms": "clean:cms/"}


def evaluate(docs: Iterable[dict[str, Any]], detect: Detect, show: int = 0) -> dict[str, Any]:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    overlapped: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flagged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    chars = {"flagged": 0, "true": 0, "flagged_injected_docs": 0}
    misses: list[str] = []
    false_flags: list[str] = []
    characters = 0
    started = time.perf_counter()
    for doc in docs:
        characters += len(doc["text"])
        text, spans = detect(doc)
        truth = doc["spans"]
        for f_start, f_end in spans:
            chars["flagged"] += f_end - f_start
            if truth:
                chars["flagged_injected_docs"] += f_end - f_start
            for s in truth:
                chars["true"] += max(0, min(f_end, s["end"]) - max(f_start, s["start"]))
        for s in truth:
            right = matches(s["start"], s["end"], spans)
            hit = any(f_s < s["end"] and s["start"] < f_e for f_s, f_e in spans)
            keys = (
                "all",
                f"category:{s['category']}",
                f"position:{s['position']}",
                f"source:{s['source']}",
                f"category:{s['category']}+position:{s['position']}",
                f"category:{s['category']}+source:{s['source']}",
                f"host:{doc['host']}",
            )
            if s["source"] != "lexicon":  # our lexicon's phrases are found by construction
                keys += ("without_lexicon:all", f"without_lexicon:category:{s['category']}")
            for key in keys:
                found[key][0] += right
                found[key][1] += 1
            for key in keys[:2]:
                overlapped[key][0] += hit
                overlapped[key][1] += 1
            if not right:
                touching = [text[a:b] for a, b in spans if a < s["end"] and s["start"] < b]
                misses.append(
                    f"{doc['id']} [{s['category']}/{s['position']}/{s['source']}:"
                    f"{s['language']}] {s['text']!r} flagged {touching!r}"
                )
        spurious = [
            (a, b) for a, b in spans if not any(a < s["end"] and s["start"] < b for s in truth)
        ]
        group = "injected:outside the span" if truth else _flag_group(doc)
        flagged[group][0] += bool(spurious)
        flagged[group][1] += 1
        false_flags += [f"{doc['id']} {text[a:b]!r}" for a, b in spurious]
    seconds = time.perf_counter() - started
    for name, prefix in ROLLUPS.items():
        members = [v for g, v in flagged.items() if g.startswith(prefix)]
        flagged[name] = [sum(v[0] for v in members), sum(v[1] for v in members)]
    return {
        "recall": {key: rate(*value) for key, value in sorted(found.items())},
        "recall_any_overlap": {key: rate(*value) for key, value in sorted(overlapped.items())},
        "docs_falsely_flagged": {key: rate(*value) for key, value in sorted(flagged.items())},
        "span_precision": rate(chars["true"], chars["flagged"]),
        "span_precision_injected_docs": rate(chars["true"], chars["flagged_injected_docs"]),
        "seconds": round(seconds, 2),
        "chars_per_s": round(characters / seconds) if seconds else None,
        "misses": misses[:show],
        "false_flags": false_flags[:show],
    }


def _print(name: str, result: dict[str, Any]) -> None:
    print(f"\n## {name}  ({result['seconds']} s)")
    for key, entry in result["recall"].items():
        if "+" not in key and not key.startswith("host:"):
            print(f"  recall {key:<34} {fmt_rate(entry)}")
    for key, entry in result["docs_falsely_flagged"].items():
        print(f"  falsely flagged {key:<45} {fmt_rate(entry)}")
    print(f"  span precision (characters)            {fmt_rate(result['span_precision'])}")
    for line in result["misses"]:
        print(f"    miss: {line}")
    for line in result["false_flags"]:
        print(f"    false flag: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--show", type=int, default=0, help="print N misses and false flags")
    parser.add_argument("--no-peers", action="store_true", help="texthygiene only")
    args = parser.parse_args(argv)
    build = builder()
    if not build.SHARED_REALWORLD.exists():
        print(f"{build.SHARED_REALWORLD.relative_to(ROOT.parent)} is absent: nothing to measure")
        return 1
    started = time.perf_counter()
    docs = build.build(args.split)
    corpus = build.summary(docs)
    print(f"{args.split}: {corpus['documents']} documents, sha256 {corpus['sha256'][:16]}…")
    texthygiene.scan("Een korte zin.")  # load the models outside the timed loop
    scored: list[tuple[float, bool]] = []
    threshold = texthygiene.Config().threshold
    results = {"texthygiene": evaluate(docs, calibrating(scored, threshold), args.show)}
    results["texthygiene"]["calibration"] = calibration(scored)
    _print("texthygiene", results["texthygiene"])
    print_calibration(results["texthygiene"]["calibration"], CALIBRATION_THRESHOLD)
    unavailable: dict[str, str] = {}
    if not args.no_peers:
        ok, unavailable = peers.available()
        for name, why in unavailable.items():
            print(f"(unavailable: {name}: {why})")
        for peer in ok:
            results[peer.name] = evaluate(docs, peer_detect(peer))
            _print(peer.name, results[peer.name])
    out = {
        "split": args.split,
        "seed": build.SEED,
        "corpus": corpus,
        "texthygiene": texthygiene.__version__,
        "versions": peers.versions(),
        "unavailable": unavailable,
        "systems": results,
        "seconds": round(time.perf_counter() - started, 1),
    }
    path = write_result("realworld" if args.split == "dev" else f"realworld_{args.split}", out)
    print(f"\nwrote {path.relative_to(ROOT)} in {out['seconds']} s")
    return 0


#: Rows of the rendered table: (label, key in recall or docs_falsely_flagged).
_RECALL_ROWS = (
    ("all injected spans", "all"),
    ("different script", "category:different_script"),
    ("same script, another language", "category:same_script"),
    ("close language", "category:close_language"),
    ("same language as the host", "category:same_language"),
    ("glued to a sentence end", "position:glued"),
    ("at a paragraph end", "position:paragraph_end"),
    ("on its own line", "position:own_line"),
    ("mid-paragraph", "position:mid_paragraph"),
    ("real spam phrases", "source:spam"),
    ("host sentences of another language", "source:sentence"),
    ("our lexicon's phrases", "source:lexicon"),
    ("all but our lexicon's phrases", "without_lexicon:all"),
    ("— different script", "without_lexicon:category:different_script"),
    ("— same script, another language", "without_lexicon:category:same_script"),
    ("— close language", "without_lexicon:category:close_language"),
    ("— same language as the host", "without_lexicon:category:same_language"),
)


def _pct(entry: dict[str, Any] | None) -> str:
    return "n/a" if not entry or not entry.get("n") else f"{entry['rate']:.1%}"


def render(data: dict[str, Any]) -> list[str]:
    """The RESULTS.md section (``benchmarks/report.py`` calls it)."""
    split = data["split"]
    systems = data["systems"]
    ours = systems["texthygiene"]
    corpus = data["corpus"]
    lines = [
        f"## Real text, {split} split — `python -m benchmarks.realworld --split {split}` "
        f"({data['machine']['date']})",
        "",
        f"{corpus['documents']} documents built by `corpora/tools/build_realworld.py` (seed "
        f"{data['seed']}, sha256 `{corpus['sha256'][:16]}…`) from `../shared/corpora/realworld`: "
        "real host prose in 22 languages with one phrase inserted, real code-switched "
        "documents, clean hosts and CMS content. A span is found when the findings cover "
        "≥ 50% of it and those touching it are at most 1.5× its length + 8 characters.",
        "",
        "| recall | " + " | ".join(systems) + " |",
        "|---|" + "---|" * len(systems),
    ]
    for label, key in _RECALL_ROWS:
        cells = [fmt_rate(ours["recall"].get(key, {"n": 0}))]
        cells += [_pct(r["recall"].get(key)) for name, r in systems.items() if r is not ours]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "| documents falsely flagged | " + " | ".join(systems) + " |"]
    lines.append("|---|" + "---|" * len(systems))
    for key, entry in ours["docs_falsely_flagged"].items():
        cells = [fmt_rate(entry)]
        cells += [
            _pct(r["docs_falsely_flagged"].get(key)) for r in systems.values() if r is not ours
        ]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    lines += ["", "| span precision (characters) | " + " | ".join(systems) + " |"]
    lines.append("|---|" + "---|" * len(systems))
    for label, key in (("all documents", "span_precision"),
                       ("injected documents", "span_precision_injected_docs")):  # fmt: skip
        cells = [fmt_rate(ours[key])] + [_pct(r[key]) for r in systems.values() if r is not ours]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    if "calibration" in ours:
        lines += ["", *calibration_lines(ours["calibration"])]
    if data.get("unavailable"):
        lines += ["", "Not measured (not installed here):", ""]
        lines += [f"* {name}: {why}" for name, why in data["unavailable"].items()]
    return [*lines, ""]


if __name__ == "__main__":
    raise SystemExit(main())
