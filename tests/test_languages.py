"""Per-language checks on sentences we wrote ourselves (tests/data/languages.jsonl), in the
style of lingua's test data: one sentence a line with its language, three a language.

Each sentence is identified on its own, then placed after a Dutch paragraph of ours, glued to
its last sentence (the seed post's case) and after a space, where it must be the one finding:
in its language, covering every letter of it and none of the host's. A Dutch sentence there
must give no finding at all. Where the library gets one wrong today, ``known`` says how, and
the check runs as a strict xfail, so a fix is noticed as much as a regression.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

import texthygiene

from .conftest import DATA, load_jsonl

SENTENCES = load_jsonl(DATA / "languages.jsonl")

HOST = (
    "Gisteren zijn we met de hele familie naar het strand geweest. Het water was nog koud, "
    "maar de kinderen hebben urenlang zandkastelen gebouwd en schelpen gezocht. "
    "Op de terugweg hebben we patat gegeten bij het kraampje op de boulevard."
)
PLACES = {"glued": "", "after_a_sentence": " "}
REVIEW = texthygiene.Config(threshold=0.40)
_LETTER = re.compile(r"\w")


def _cases(check: str, place: str | None = None) -> list[Any]:
    cases = []
    for number, sentence in enumerate(SENTENCES):
        known = sentence.get("known", {}).get(check)
        marks = [pytest.mark.xfail(strict=True, reason=known)] if known else []
        values: tuple[str, ...] = (sentence["language"], sentence["text"])
        name = f"{sentence['language']}-{number}"
        if place is not None:
            values, name = (place, *values), f"{place}-{name}"
        cases.append(pytest.param(*values, id=name, marks=marks))
    return cases


def test_the_data_covers_many_languages() -> None:
    languages = {s["language"] for s in SENTENCES}
    assert languages <= set(texthygiene.LANGUAGES)
    assert len(languages) >= 40
    for language in languages:
        assert sum(s["language"] == language for s in SENTENCES) >= 3


@pytest.mark.parametrize(("language", "text"), _cases("identified"))
def test_sentence_is_identified(language: str, text: str) -> None:
    assert texthygiene.scan(text).language == language


def test_known_entries_name_a_check() -> None:
    checks = {"identified", *PLACES}
    assert all(set(s.get("known", {})) <= checks for s in SENTENCES)


@pytest.mark.parametrize(
    ("place", "language", "text"), [case for place in PLACES for case in _cases(place, place)]
)
def test_sentence_after_a_dutch_paragraph_is_the_one_finding(
    place: str, language: str, text: str
) -> None:
    start = len(HOST) + len(PLACES[place])
    # A whole sentence in the host's script with nothing but its language for evidence sits
    # at the default threshold's edge (the weights are fitted on real text, where such
    # sentences are code-switching about as often as pasted): it must be the one run found,
    # with its language and its exact extent, at a review threshold just below the default.
    report = texthygiene.scan(HOST + PLACES[place] + text, config=REVIEW)
    assert report.language == "nl"
    if language == "nl":
        assert report.findings == ()
        return
    (finding,) = report.findings
    assert finding.language == language
    assert start <= finding.start
    assert finding.end <= start + len(text)
    uncovered = text[: finding.start - start] + text[finding.end - start :]
    assert not _LETTER.search(uncovered), uncovered
