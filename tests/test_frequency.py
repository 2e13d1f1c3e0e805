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


@pytest.mark.parametrize("count", [1, 3, 10])  # a few words are sorted, more take passes
@pytest.mark.parametrize(
    ("home_size", "ties"),
    [(1, False), (3, True), (0, False), (-1, False), (-2, True)],  # <= 0: all but nl, de
)
def test_frequency_evidence_matches_per_language_lookups(
    home_size: int, ties: bool, count: int
) -> None:
    # The fast path (repeated argmax, one matrix look-up) must pick the same contenders as
    # a stable sort, equal scores included, and fall back where too few others are left.
    lm = detector("langdetect")
    rng = np.random.default_rng(7)
    words = ["deep", "de", "levels", "Straße", "ten", "judi", "xqzvwk", "deep", "the", "und"]
    words = words[:count]
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


def test_zipf_matrix_starts_small_and_agrees_with_the_tables_as_it_grows_and_resets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from texthygiene import frequency

    languages = ("en", "nl", "de", "fr")
    freq = lists()
    small = frequency.ZipfMatrix(freq, languages)
    small.lookup(["deep"], np.zeros((1, 1), dtype=np.intp))
    assert small._zipf.shape[0] < frequency._MATRIX_WORDS  # no megabytes for one word
    # A tiny bound: texts of new words grow the matrix, then overflow it and start afresh.
    monkeypatch.setattr(frequency, "_MATRIX_FIRST", 2)
    monkeypatch.setattr(frequency, "_MATRIX_WORDS", 8)
    matrix = frequency.ZipfMatrix(freq, languages)
    vocabulary = ["deep", "ten", "levels", "Straße", "de", "xqzvwk", "the", "und", "het", "le"]
    rng = np.random.default_rng(3)
    sizes = set()
    for _ in range(30):
        words = [vocabulary[k] for k in rng.integers(0, len(vocabulary), rng.integers(1, 7))]
        columns = rng.integers(0, len(languages), (len(words), 2))
        got = matrix.lookup(words, columns)
        pairs = zip(words, columns, strict=True)
        expected = np.array([[freq.search([w], languages[c])[0] for c in row] for w, row in pairs])
        assert np.array_equal(got, expected)
        sizes.add(matrix._zipf.shape[0])
    assert min(sizes) < max(sizes) <= 8


def test_the_memo_of_recent_words_keeps_its_newer_half_under_its_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from texthygiene import frequency

    monkeypatch.setattr(frequency, "_SEEN_LIMIT", 8)
    freq = frequency.FrequencyLists(frequency._data_dir())
    texts = [["deep", "ten"], ["levels", "the"], ["und", "het"], ["le", "de"], ["water", "zee"]]
    for words in texts:
        for language in ("en", "nl"):
            got = freq.zipf(words, language)
            assert np.array_equal(got, freq.search(words, language))
            assert sum(map(len, freq._seen.values())) <= 8
    # The last text's words in both languages, and the one before's, are still known.
    assert {*texts[-1], *texts[-2]} <= freq._seen["en"].keys() & freq._seen["nl"].keys()
