"""Close languages told apart by the evidence that separates them (issue 15 items 2 and 3):
sentences of our own (tests/data/neighbours.jsonl, written for this test, not taken from
lingua's test data or ../shared) are named as ``expected`` (null: not named), the
``rule`` field saying which rule of ``texthygiene.naming`` they exercise.
"""

from __future__ import annotations

import pytest

import texthygiene

from .conftest import DATA, load_jsonl

CASES = load_jsonl(DATA / "neighbours.jsonl")


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['rule']}-{c['language']}-{n}" for n, c in enumerate(CASES)]
)
def test_a_close_language_is_named_by_its_own_evidence(case: dict[str, str | None]) -> None:
    assert texthygiene.scan(str(case["text"])).language == case["expected"]


def test_the_named_languages_are_listed() -> None:
    named = {c["expected"] for c in CASES} - {None}
    assert named <= set(texthygiene.LANGUAGES)


HOST = (
    "Gisteren zijn we met de hele familie naar het strand geweest. Het water was nog koud, "
    "maar de kinderen hebben urenlang zandkastelen gebouwd en schelpen gezocht."
)
#: A run's own language is told from its neighbour's by the list rule (Malay from Indonesian);
#: the marker rules abstain on whole texts only (a glued Bokmål run is named by the n-grams,
#: and may read as Danish there).
NAMED_CASES = [c for c in CASES if c["rule"] == "malay" and c["expected"] is not None]


@pytest.mark.parametrize(
    "case", NAMED_CASES, ids=[f"{c['rule']}-{c['language']}-{n}" for n, c in enumerate(NAMED_CASES)]
)
def test_a_glued_run_is_found_in_its_own_language(case: dict[str, str]) -> None:
    (finding,) = texthygiene.scan(HOST + case["text"]).findings
    assert finding.language == case["expected"]


@pytest.mark.parametrize(
    "case", NAMED_CASES, ids=[f"{c['rule']}-{c['language']}-{n}" for n, c in enumerate(NAMED_CASES)]
)
def test_an_expected_language_is_not_flagged(case: dict[str, str]) -> None:
    report = texthygiene.scan(HOST + case["text"], languages=["nl", case["expected"]])
    assert report.findings == ()


@pytest.mark.parametrize(
    "case", NAMED_CASES, ids=[f"{c['rule']}-{c['language']}-{n}" for n, c in enumerate(NAMED_CASES)]
)
def test_the_document_languages_agree_with_the_named_language(case: dict[str, str]) -> None:
    report = texthygiene.scan(case["text"])
    assert list(report.languages) == [case["expected"]]
