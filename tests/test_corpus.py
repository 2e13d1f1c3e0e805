"""Data-driven: every document of our labelled corpora (see corpora/README.md).

An injected document passes when each labelled fragment is covered by a finding that is
mostly that fragment (span precision), and nothing else is flagged. A legitimate document
passes when nothing is flagged. Documents we currently get wrong are listed, with the reason,
in ``known_failures.txt`` and run as strict xfail: fixing one is noticed, so is breaking one.
The rates over the whole corpus are what ``python -m benchmarks.accuracy`` reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import texthygiene

from .conftest import CORPORA, load_jsonl

KNOWN_FAILURES = {
    line.split()[0]
    for line in (Path(__file__).parent / "known_failures.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def _cases() -> list[Any]:
    docs = load_jsonl(CORPORA / "injected.jsonl") + load_jsonl(CORPORA / "legit.jsonl")
    return [
        pytest.param(
            doc,
            id=doc["id"],
            marks=[pytest.mark.xfail(strict=True)] if doc["id"] in KNOWN_FAILURES else [],
        )
        for doc in docs
    ]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


@pytest.mark.parametrize("doc", _cases())
def test_corpus_document(doc: dict[str, Any]) -> None:
    report = texthygiene.scan(doc["text"])
    assert report.text == doc["text"]
    unexplained = list(report.findings)
    for span in doc["spans"]:
        matching = [
            f
            for f in report.findings
            if _overlap(f.start, f.end, span["start"], span["end"]) * 2 > (f.end - f.start)
        ]
        assert matching, f"missed {span['text']!r} ({span['position']}, {span['language']})"
        covered = sum(_overlap(f.start, f.end, span["start"], span["end"]) for f in matching)
        assert covered * 2 > span["end"] - span["start"], f"only part of {span['text']!r} flagged"
        unexplained = [f for f in unexplained if f not in matching]
    assert [f.text for f in unexplained] == []


def test_known_failures_are_corpus_ids() -> None:
    ids = {doc["id"] for doc in load_jsonl(CORPORA / "injected.jsonl")}
    ids |= {doc["id"] for doc in load_jsonl(CORPORA / "legit.jsonl")}
    assert sorted(KNOWN_FAILURES - ids) == []
