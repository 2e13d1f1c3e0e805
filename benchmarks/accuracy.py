"""Accuracy of fragment flagging on our labelled corpus and the generated lingua corpus.

    python -m benchmarks.accuracy [--show N] [--no-peers]

Recall of injected fragments by position and script class (a fragment counts as found when
a finding overlaps it), recall on fragments that contain no lexicon term, span precision
(share of flagged characters that are injected), and the share of legitimate and of clean
documents with any false flag — each with a 95% Wilson interval. Only fragment findings
(foreign_fragment, spam_fragment) count; Unicode hygiene findings are not fragments.

The peers (``benchmarks/peers.py``: lingua, CLD2, fastText, langdetect, each flagging what
differs from the document's majority language) and texthygiene's optional detector
backends run on the same documents. Calibration: texthygiene is run once more at threshold
0.2 and the precision of its findings (share that overlap an injected fragment) is reported
per score band, to check that the default threshold sits where precision is at least 95%.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import texthygiene
from texthygiene.clean import FRAGMENT_KINDS
from texthygiene.identify import DETECTORS
from texthygiene.lexicon import spam_matcher
from texthygiene.segment import tokenize

from . import generated, peers
from .common import (
    CALIBRATION_THRESHOLD,
    ROOT,
    false_flagged,
    fmt_rate,
    load_jsonl,
    print_calibration,
    rate,
    sha256,
    write_result,
)
from .common import calibration as common_calibration


def _has_lexicon_term(text: str) -> bool:
    return bool(spam_matcher(True, ()).find(tokenize(text)))


Spans = list[tuple[int, int, float | None]]  # start, end, score (None: a peer, no score)


def texthygiene_spans(config: texthygiene.Config | None = None) -> Callable[[str], Spans]:
    def spans(text: str) -> Spans:
        report = texthygiene.scan(text, config=config)
        return [(f.start, f.end, f.score) for f in report.findings if f.kind in FRAGMENT_KINDS]

    return spans


def peer_spans(peer: peers.Peer) -> Callable[[str], Spans]:
    def spans(text: str) -> Spans:
        return [(s, e, None) for s, e, _ in peers.flag(text, peer.sections(text))]

    return spans


def evaluate(
    docs: Iterable[dict[str, Any]], detect: Callable[[str], Spans], show: int = 0
) -> dict[str, Any]:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flagged_docs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flagged_chars = true_flagged_chars = truth_chars = truth_found_chars = 0
    misses: list[str] = []
    false_flags: list[str] = []
    started = time.perf_counter()
    characters = 0
    for doc in docs:
        characters += len(doc["text"])
        report_findings = detect(doc["text"])
        spans = doc["spans"]
        for f_start, f_end, _ in report_findings:
            flagged_chars += f_end - f_start
            for s in spans:
                true_flagged_chars += max(0, min(f_end, s["end"]) - max(f_start, s["start"]))
        for s in spans:
            truth_chars += s["end"] - s["start"]
            hit = any(f[0] < s["end"] and s["start"] < f[1] for f in report_findings)
            for f_start, f_end, _ in report_findings:
                truth_found_chars += max(0, min(f_end, s["end"]) - max(f_start, s["start"]))
            keys = ["all", f"position:{s['position']}", f"script:{s['script']}"]
            keys.append(f"script:{s['script']}+position:{s['position']}")
            has_term = _has_lexicon_term(s["text"])
            if not has_term:
                keys.append("no_lexicon_term")
            # The core issue forbids flagging a line of its own in the host's script on its
            # language alone, so without a spam term such a line is out of reach by design.
            if s["script"] == "same" and (s["position"] != "own_line" or has_term):
                keys.append("script:same+flaggable")
            for key in keys:
                found[key][0] += hit
                found[key][1] += 1
            if not hit:
                misses.append(f"{doc['id']} [{s['position']}/{s['language']}] {s['text']!r}")
        spurious = [
            f
            for f in report_findings
            if not any(f[0] < s["end"] and s["start"] < f[1] for s in spans)
        ]
        group = "injected" if spans else doc.get("group", "clean")
        flagged_docs[group][0] += bool(spurious)
        flagged_docs[group][1] += 1
        for f_start, f_end, score in spurious:
            text = doc["text"][f_start:f_end]
            false_flags.append(f"{doc['id']} {score if score is not None else '-'} {text!r}")
    seconds = time.perf_counter() - started
    return {
        "recall": {key: rate(*value) for key, value in sorted(found.items())},
        "docs_with_false_flag": {key: rate(*value) for key, value in sorted(flagged_docs.items())},
        "span_precision": rate(true_flagged_chars, flagged_chars),
        "span_recall": rate(truth_found_chars, truth_chars),
        "seconds": round(seconds, 2),
        "chars_per_s": round(characters / seconds) if seconds else None,
        "misses": misses[:show],
        "false_flags": false_flags[:show],
    }


def calibration(docs: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Precision per score band of every finding at or above ``CALIBRATION_THRESHOLD``
    (right when it overlaps an injected fragment), see ``common.calibration``."""
    detect = texthygiene_spans(texthygiene.Config(threshold=CALIBRATION_THRESHOLD))
    scored = []
    for doc in docs:
        for start, end, score in detect(doc["text"]):
            assert score is not None
            right = any(start < s["end"] and s["start"] < end for s in doc["spans"])
            scored.append((score, right))
    return common_calibration(scored)


def systems(with_peers: bool) -> tuple[dict[str, Callable[[str], Spans]], dict[str, str]]:
    """Every flagger to compare: texthygiene, its optional backends, the peers."""
    out: dict[str, Callable[[str], Spans]] = {}
    unavailable: dict[str, str] = {}
    if not with_peers:
        return out, unavailable
    for backend in DETECTORS[1:]:
        name = f"texthygiene (detector={backend})"
        config = texthygiene.Config(detector=backend)
        try:
            texthygiene.scan("Een korte zin.", config=config)
        except ImportError as error:
            unavailable[name] = str(error)
        else:
            out[name] = texthygiene_spans(config)
    ok, missing = peers.available()
    unavailable.update(missing)
    for peer in ok:
        out[peer.name] = peer_spans(peer)
    return out, unavailable


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


def _summary(result: dict[str, Any]) -> dict[str, Any]:
    keep = ("recall", "docs_with_false_flag", "span_precision", "span_recall", "seconds")
    return {k: result[k] for k in (*keep, "chars_per_s")}


def _print_table(title: str, results: dict[str, dict[str, Any]]) -> None:
    print(f"\n## {title}: side by side")
    cols = ("all", "script:different", "script:same")
    print(
        f"  {'':<38}{'recall':>8}{'diff.':>8}{'same':>8}{'FP docs':>9}{'span P':>8}{'chars/s':>10}"
    )
    for name, r in results.items():
        recall = [r["recall"].get(c, {}).get("rate") or 0.0 for c in cols]
        k, n = false_flagged(r)
        fp_rate = k / max(1, n)
        print(
            f"  {name:<38}{recall[0]:>8.1%}{recall[1]:>8.1%}{recall[2]:>8.1%}{fp_rate:>9.1%}"
            f"{r['span_precision']['rate'] or 0:>8.1%}{r['chars_per_s'] or 0:>10,}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N misses and false flags")
    parser.add_argument("--no-peers", action="store_true", help="texthygiene only")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    others, unavailable = systems(not args.no_peers)
    out: dict[str, Any] = {
        "texthygiene": texthygiene.__version__,
        "versions": peers.versions(),
        "unavailable": unavailable,
        "corpora": {},
    }
    for name, why in unavailable.items():
        print(f"(unavailable: {name}: {why})")

    injected_path = ROOT / "corpora" / "injected.jsonl"
    legit_path = ROOT / "corpora" / "legit.jsonl"
    corpora: list[tuple[str, str, list[dict[str, Any]], dict[str, str]]] = []
    ours = load_jsonl(injected_path) + [
        {**doc, "group": "legitimate"} for doc in load_jsonl(legit_path)
    ]
    frozen = {"sha256": {p.name: sha256(p) for p in (injected_path, legit_path)}}
    corpora.append(("ours", "Our labelled corpus (corpora/)", ours, frozen))
    if generated.available():
        gen_docs = generated.generate()
        docs = [{"id": d.id, "text": d.text, "spans": d.spans, "group": "clean"} for d in gen_docs]
        fingerprint = {
            "fingerprint_sha256": generated.fingerprint(gen_docs),
            "seed": generated.SEED,
        }
        title = f"Generated from lingua test data (seed {generated.SEED})"
        corpora.append(("generated", title, docs, fingerprint))
    else:
        print("\n(generated corpus skipped: ../shared/corpora/external/lingua-testdata absent)")

    for key, title, docs, frozen_inputs in corpora:
        result = evaluate(docs, texthygiene_spans(), args.show)
        result.update(frozen_inputs)
        _print(title, result)
        result["calibration"] = calibration(docs)
        print_calibration(result["calibration"], CALIBRATION_THRESHOLD)
        side = {"texthygiene": _summary(result)}
        for name, detect in others.items():
            side[name] = _summary(evaluate(docs, detect))
        result["systems"] = side
        _print_table(title, side)
        out["corpora"][key] = result
    out["seconds"] = round(time.perf_counter() - started, 1)
    path = write_result("accuracy", out)
    print(f"\nwrote {path.relative_to(ROOT)} in {out['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
