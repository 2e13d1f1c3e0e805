"""The post that started the project, end to end."""

from __future__ import annotations

import pytest

import texthygiene
from texthygiene import Config

SEED_FRAGMENT = "где взять контент для блога"
NOT_FLAGGED = [
    "Quit while you’re ahead",
    "2 thoughts on",
    "Your email address will not be published",
    "Required fields are marked",
    "This site uses Akismet to reduce spam",
    "Storify",
    "@davied",
    "@mlborsje",
    "Ambtenaar2.0",
    "Ambtenaren2.0",
    "businessplan",
    "dagvoorzitter/moderator",
    "kán",
    "persé",
    "DOEN",
    "JIJ",
    "Heeft het netwerk jou al gevraagd",
]


@pytest.mark.parametrize(
    ("languages", "config"),
    [
        (None, None),
        (["nl"], None),
        (None, Config(spam_lexicon=False)),
        (["nl"], Config(spam_lexicon=False)),
    ],
    ids=["default", "languages-nl", "no-lexicon", "nl-no-lexicon"],
)
def test_seed_has_exactly_the_russian_phrase(
    seed_text: str, languages: list[str] | None, config: Config | None
) -> None:
    report = texthygiene.scan(seed_text, languages=languages, config=config)
    assert report.language == "nl"
    assert [(f.text, f.language, f.kind) for f in report.findings] == [
        (SEED_FRAGMENT, "ru", "foreign_fragment")
    ]
    finding = report.findings[0]
    assert report.text[finding.start : finding.end] == SEED_FRAGMENT
    assert "script_mismatch" in finding.reasons
    assert "glued_to_sentence" in finding.reasons
    assert finding.detail == "Russian text glued to the end of a Dutch sentence"


@pytest.mark.parametrize("phrase", NOT_FLAGGED)
def test_seed_legitimate_content_not_flagged_even_at_low_threshold(
    seed_text: str, phrase: str
) -> None:
    start = seed_text.index(phrase)
    end = start + len(phrase)
    report = texthygiene.scan(seed_text, config=Config(threshold=0.2))
    overlapping = [f.text for f in report.findings if f.start < end and start < f.end]
    assert overlapping == []


def test_seed_passes_repair_unchanged(seed_text: str) -> None:
    assert texthygiene.repair(seed_text) == seed_text
    assert texthygiene.scan(seed_text).repairs == ()


def test_seed_clean_removes_only_the_phrase(seed_text: str) -> None:
    cleaned = texthygiene.clean(seed_text)
    assert cleaned == seed_text.replace(SEED_FRAGMENT, "")
    assert "losgemaakt hebben.\n" in cleaned


def test_seed_phrase_words_are_in_no_term_list() -> None:
    from importlib import resources

    data = resources.files("texthygiene").joinpath("data")
    lists = "".join(
        entry.read_text(encoding="utf-8") for entry in data.iterdir() if entry.name.endswith(".tsv")
    ).casefold()
    for word in SEED_FRAGMENT.split():
        assert word not in lists
