"""Word-frequency evidence: wordfreq's lists read without wordfreq, and what they change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import wordfreq

import texthygiene
from texthygiene.frequency import lists

DATA = Path(__file__).parent / "data" / "host_lists.jsonl"
DOCS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
FRAGMENT_KINDS = ("foreign_fragment", "spam_fragment")


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("deep", "en"),
        ("deep", "nl"),
        ("Deep", "en"),
        ("ten", "nl"),
        ("levels", "fr"),
        ("Straße", "de"),
        ("de", "pt"),
        ("xqzvwk", "en"),
    ],
)
def test_zipf_matches_wordfreq(word: str, language: str) -> None:
    # wordfreq's own API is the oracle: the same lists, read through its tokenizer.
    expected = wordfreq.zipf_frequency(word, language, wordlist="small")
    assert lists().zipf([word], language)[0] == pytest.approx(expected, abs=0.006)


@pytest.mark.parametrize("language", ["af", "ja", "zh", "xx"])
def test_no_list_means_no_evidence(language: str) -> None:
    assert not lists().has(language)
    assert lists().zipf(["deep", "de"], language).tolist() == [0.0, 0.0]


def _fragments(doc: dict[str, object]) -> list[texthygiene.Finding]:
    text = str(doc["text"])
    report = texthygiene.scan_html(text) if doc["format"] == "html" else texthygiene.scan(text)
    return [f for f in report.findings if f.kind in FRAGMENT_KINDS]


@pytest.mark.parametrize("doc", [d for d in DOCS if not d["must_flag"]], ids=lambda d: d["id"])
def test_host_language_lists_give_no_foreign_finding(doc: dict[str, object]) -> None:
    assert [(f.text, f.language) for f in _fragments(doc)] == []


@pytest.mark.parametrize("doc", [d for d in DOCS if d["must_flag"]], ids=lambda d: d["id"])
def test_injections_are_still_flagged(doc: dict[str, object]) -> None:
    found = [f.text for f in _fragments(doc)]
    for fragment in doc["must_flag"]:  # type: ignore[attr-defined]
        assert any(fragment in text or text in fragment for text in found), (fragment, found)


def test_explain_words_shows_why() -> None:
    words = texthygiene.explain_words("Click here for more details.")
    assert [w.text for w in words] == ["Click", "here", "for", "more", "details"]
    more = words[3].to_dict()
    assert more["language"] == "en"
    assert more["host"] == "en"
    assert more["zipf"]["en"] == 6.36
    assert set(more) >= {"evidence", "ngram_language", "zipf", "start", "end"}
