"""Mojibake cases we wrote ourselves, in ftfy's test-case format (tests/data/mojibake.jsonl).

Each ``fixed`` text is ours; its ``original`` is that text encoded as UTF-8 and decoded the
wrong way (Windows-1252, Latin-1, Windows-1251, Windows-1250, Mac Roman, or twice over). Cases
whose ``original`` equals ``fixed`` are legitimate text that must pass through untouched. A
case with ``unreported`` is repaired correctly but a change goes without a finding: the location
check runs as a strict xfail there, so fixing it is noticed.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

import texthygiene
from texthygiene import Report

from .conftest import DATA, load_jsonl

CASES = load_jsonl(DATA / "mojibake.jsonl")
GARBLED = [c for c in CASES if c["original"] != c["fixed"]]
LEGITIMATE = [c for c in CASES if c["original"] == c["fixed"]]


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["label"] for c in cases]


def unreported_changes(original: str, report: Report) -> list[str]:
    """Pieces of the repaired text outside every mojibake finding that are not, in order, the
    original's own text: each is a change made without a finding that shows it."""
    findings = sorted((f for f in report.findings if f.kind == "mojibake"), key=lambda f: f.start)
    starts = [f.start for f in findings] + [len(report.text)]
    ends = [0] + [f.end for f in findings]
    pieces = [report.text[end:start] for end, start in zip(ends, starts, strict=True)]
    unreported, at = [], 0
    for number, piece in enumerate(pieces):
        if not piece:  # two findings side by side, or one at an end of the text
            continue
        found = original.find(piece, at)
        first, last = number == 0, number == len(pieces) - 1
        if found < 0 or (first and found != 0) or (last and found + len(piece) != len(original)):
            unreported.append(piece)
        else:
            at = found + len(piece)
    return unreported


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_repair(case: dict[str, str]) -> None:
    assert texthygiene.repair(case["original"]) == case["fixed"]


@pytest.mark.parametrize("case", GARBLED, ids=_ids(GARBLED))
def test_garbled_text_is_reported_as_mojibake(case: dict[str, str]) -> None:
    report = texthygiene.scan(case["original"])
    assert report.text == case["fixed"]
    assert report.repairs
    findings = [f for f in report.findings if f.kind == "mojibake"]
    assert findings
    for finding in findings:
        assert report.text[finding.start : finding.end] == finding.text
        assert finding.reasons == ("encoding_repaired",)
        assert finding.detail.startswith("repaired mojibake: ")


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=[pytest.mark.xfail(strict=True, reason=c["unreported"])])
        if "unreported" in c
        else c
        for c in GARBLED
    ],
    ids=_ids(GARBLED),
)
def test_every_change_lies_in_a_finding(case: dict[str, str]) -> None:
    report = texthygiene.scan(case["original"])
    assert unreported_changes(case["original"], report) == []


@pytest.mark.parametrize("case", LEGITIMATE, ids=_ids(LEGITIMATE))
def test_legitimate_text_is_left_alone(case: dict[str, str]) -> None:
    report = texthygiene.scan(case["original"])
    assert report.repairs == ()
    assert [f for f in report.findings if f.kind == "mojibake"] == []


def test_the_location_check_sees_a_missing_finding() -> None:
    # The check itself: a report that leaves out one repaired spot must be caught.
    original = "Het cafÃ© en de crÃ¨me."
    report = texthygiene.scan(original)
    assert [f.text for f in report.findings] == ["é", "è"]
    assert unreported_changes(original, report) == []
    partial = dataclasses.replace(report, findings=report.findings[:1])
    assert unreported_changes(original, partial) == [" en de crème."]
