"""Accuracy of fragment flagging on our labelled corpus and the generated lingua corpus.

    python -m benchmarks.accuracy [--show N]

Recall of injected fragments by position and script class (a fragment counts as found when
a finding overlaps it), recall on fragments that contain no lexicon term, span precision
(share of flagged characters that are injected), and the share of legitimate and of clean
documents with any false flag — each with a 95% Wilson interval. Only fragment findings
(foreign_fragment, spam_fragment) count; Unicode hygiene findings are not fragments.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import texthygiene
from texthygiene.clean import FRAGMENT_KINDS
from texthygiene.lexicon import spam_matcher
from texthygiene.segment import tokenize

from . import generated
from .common import ROOT, fmt_rate, load_jsonl, rate, sha256, write_result


def _has_lexicon_term(text: str) -> bool:
    return bool(spam_matcher(True, ()).find(tokenize(text)))


def evaluate(docs: Iterable[dict[str, Any]], show: int = 0) -> dict[str, Any]:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flagged_docs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flagged_chars = true_flagged_chars = truth_chars = truth_found_chars = 0
    misses: list[str] = []
    false_flags: list[str] = []
    for doc in docs:
        report = texthygiene.scan(doc["text"])
        report_findings = [f for f in report.findings if f.kind in FRAGMENT_KINDS]
        spans = doc["spans"]
        for f in report_findings:
            flagged_chars += f.end - f.start
            for s in spans:
                true_flagged_chars += max(0, min(f.end, s["end"]) - max(f.start, s["start"]))
        for s in spans:
            truth_chars += s["end"] - s["start"]
            hit = any(f.start < s["end"] and s["start"] < f.end for f in report_findings)
            for f in report_findings:
                truth_found_chars += max(0, min(f.end, s["end"]) - max(f.start, s["start"]))
            keys = ["all", f"position:{s['position']}", f"script:{s['script']}"]
            keys.append(f"script:{s['script']}+position:{s['position']}")
            if not _has_lexicon_term(s["text"]):
                keys.append("no_lexicon_term")
            for key in keys:
                found[key][0] += hit
                found[key][1] += 1
            if not hit:
                misses.append(f"{doc['id']} [{s['position']}/{s['language']}] {s['text']!r}")
        spurious = [
            f
            for f in report_findings
            if not any(f.start < s["end"] and s["start"] < f.end for s in spans)
        ]
        group = "injected" if spans else doc.get("group", "clean")
        flagged_docs[group][0] += bool(spurious)
        flagged_docs[group][1] += 1
        for f in spurious:
            false_flags.append(f"{doc['id']} {f.score:.2f} {f.reasons} {f.text!r}")
    return {
        "recall": {key: rate(*value) for key, value in sorted(found.items())},
        "docs_with_false_flag": {key: rate(*value) for key, value in sorted(flagged_docs.items())},
        "span_precision": rate(true_flagged_chars, flagged_chars),
        "span_recall": rate(truth_found_chars, truth_chars),
        "misses": misses[:show],
        "false_flags": false_flags[:show],
    }


def _print(title: str, result: dict[str, Any]) -> None:
    print(f"\n## {title}")
    for key, entry in result["recall"].items():
        print(f"  recall {key:<26} {fmt_rate(entry)}")
    for key, entry in result["docs_with_false_flag"].items():
        print(f"  docs with a false flag, {key:<9} {fmt_rate(entry)}")
    print(f"  span precision (chars)           {fmt_rate(result['span_precision'])}")
    print(f"  span recall (chars)              {fmt_rate(result['span_recall'])}")
    for line in result["misses"]:
        print(f"    miss: {line}")
    for line in result["false_flags"]:
        print(f"    false flag: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N misses and false flags")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    out: dict[str, Any] = {"texthygiene": texthygiene.__version__, "corpora": {}}

    injected_path = ROOT / "corpora" / "injected.jsonl"
    legit_path = ROOT / "corpora" / "legit.jsonl"
    ours = load_jsonl(injected_path) + [
        {**doc, "group": "legitimate"} for doc in load_jsonl(legit_path)
    ]
    result = evaluate(ours, args.show)
    result["sha256"] = {p.name: sha256(p) for p in (injected_path, legit_path)}
    out["corpora"]["ours"] = result
    _print("Our labelled corpus (corpora/)", result)

    if generated.available():
        docs = generated.generate()
        gen = evaluate(
            ({"id": d.id, "text": d.text, "spans": d.spans, "group": "clean"} for d in docs),
            args.show,
        )
        gen["fingerprint_sha256"] = generated.fingerprint(docs)
        gen["seed"] = generated.SEED
        out["corpora"]["generated"] = gen
        _print(f"Generated from lingua test data (seed {generated.SEED})", gen)
    else:
        print("\n(generated corpus skipped: ../shared/corpora/external/lingua-testdata absent)")
    out["seconds"] = round(time.perf_counter() - started, 1)
    path = write_result("accuracy", out)
    print(f"\nwrote {path.relative_to(ROOT)} in {out['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
