"""Dutch posts with a Russian phrase glued to the last sentence, end to end: our own post, and
the post that started the project (../shared; skipped where absent)."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest

import texthygiene
from texthygiene import Config

from .conftest import GLUED_POSTS, GluedPost


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
def test_post_has_exactly_the_glued_phrase(
    glued_post: GluedPost, languages: list[str] | None, config: Config | None
) -> None:
    report = texthygiene.scan(glued_post.text, languages=languages, config=config)
    assert report.language == "nl"
    assert [(f.text, f.language, f.kind) for f in report.findings] == [
        (glued_post.fragment, "ru", "foreign_fragment")
    ]
    finding = report.findings[0]
    assert report.text[finding.start : finding.end] == glued_post.fragment
    assert "script_mismatch" in finding.reasons
    assert "glued_to_sentence" in finding.reasons
    assert finding.detail == "Russian text glued to the end of a Dutch sentence"


def _legitimate_phrases() -> list[Any]:
    cases = []
    for post in GLUED_POSTS:
        known = post["known_low_threshold_flags"]
        for phrase in post["not_flagged"]:
            known_flag = phrase in known
            marks = [pytest.mark.xfail(strict=True, reason=known[phrase])] if known_flag else []
            cases.append(pytest.param(post, phrase, id=f"{post['id']}-{phrase[:40]}", marks=marks))
    return cases


@pytest.mark.parametrize(("glued_post", "phrase"), _legitimate_phrases(), indirect=["glued_post"])
def test_legitimate_content_not_flagged_even_at_low_threshold(
    glued_post: GluedPost, phrase: str
) -> None:
    start = glued_post.text.index(phrase)
    end = start + len(phrase)
    report = texthygiene.scan(glued_post.text, config=Config(threshold=0.2))
    overlapping = [f.text for f in report.findings if f.start < end and start < f.end]
    assert overlapping == []


def test_post_passes_repair_unchanged(glued_post: GluedPost) -> None:
    assert texthygiene.repair(glued_post.text) == glued_post.text
    assert texthygiene.scan(glued_post.text).repairs == ()


def test_clean_removes_only_the_phrase(glued_post: GluedPost) -> None:
    # The sentence it was glued to keeps its full stop and its line.
    assert texthygiene.clean(glued_post.text) == glued_post.text.replace(glued_post.fragment, "")


@pytest.mark.parametrize("post", GLUED_POSTS, ids=[p["id"] for p in GLUED_POSTS])
def test_phrase_words_are_in_no_term_list(post: dict[str, str]) -> None:
    # The phrase is found by its language alone: none of its words is a word of a listed term.
    data = resources.files("texthygiene").joinpath("data")
    listed = {
        word
        for entry in data.iterdir()
        if entry.name.endswith(".tsv")
        for word in re.findall(r"\w+", entry.read_text(encoding="utf-8").casefold())
    }
    assert [w for w in post["fragment"].casefold().split() if w in listed] == []
