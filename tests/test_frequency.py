"""Word-frequency evidence: wordfreq's lists read without wordfreq, and what they change."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import wordfreq

import texthygiene
from texthygiene.frequency import LIST_FLOOR, lists
from texthygiene.identify import (
    _LN10,
    FREQUENCY_CONTENDERS,
    Identifier,
    detector,
    frequency_evidence,
)

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


def _evidence_by_language(
    words: list[str], rows: np.ndarray, host_col: int, home: list[str], lm: Identifier
) -> np.ndarray:
    """frequency_evidence as first written: a full stable sort, one look-up per language."""
    bonus = np.zeros(rows.shape, dtype=np.float32)
    host_z = np.zeros(len(words), dtype=np.float32)
    for code in home:
        np.maximum(host_z, lists().zipf(words, code), out=host_z)
    bonus[:, host_col] = np.maximum(host_z - LIST_FLOOR, 0.0) * _LN10
    others = rows.copy()
    others[:, [lm.column[code] for code in home]] = -np.inf
    top = np.argsort(-others, axis=1, kind="stable")[:, :FREQUENCY_CONTENDERS]
    for col in np.unique(top).tolist():
        members = np.flatnonzero((top == col).any(axis=1)).tolist()
        zipf = lists().zipf([words[m] for m in members], lm.languages[col])
        bonus[members, col] = np.maximum(zipf - LIST_FLOOR, 0.0) * _LN10
    return bonus


@pytest.mark.parametrize(
    ("home_size", "ties"),
    [(1, False), (3, True), (0, False), (-1, False), (-2, True)],  # <= 0: all but nl, de
)
def test_frequency_evidence_matches_per_language_lookups(home_size: int, ties: bool) -> None:
    # The fast path (repeated argmax, one matrix look-up) must pick the same contenders as
    # a stable sort, equal scores included, and fall back where too few others are left.
    lm = detector("langdetect")
    rng = np.random.default_rng(7)
    words = ["deep", "de", "levels", "Straße", "ten", "judi", "xqzvwk", "deep", "the", "und"]
    rows = rng.normal(size=(len(words), len(lm.languages))).astype(np.float32)
    if ties:
        rows = np.round(rows)  # many equal scores in each row
    languages = ["en", "nl", "de", "id", "fr", "it", "es", "pt", "sv", "pl", "ru"]
    left_out = ("nl", "de")[:-home_size]
    home = languages[:home_size] if home_size > 0 else ["en"]
    home += [code for code in lm.languages if home_size <= 0 and code not in {*left_out, "en"}]
    host_col = lm.column[home[0]]
    expected = _evidence_by_language(words, rows, host_col, home, lm)
    got = frequency_evidence(words, rows, host_col, home, lm)
    assert got.dtype == expected.dtype
    assert np.array_equal(got, expected)
    assert expected.any()
