"""The spam lexicon's matcher: every bundled term is found in running text of its script."""

from __future__ import annotations

import pytest

from texthygiene.chardata import UNSPACED_SCRIPTS, char_script
from texthygiene.lexicon import _bundled_terms, spam_matcher
from texthygiene.segment import tokenize

# Host words either side of a term, glued on where the term's end is in an unspaced script
# (as spam is glued into a Chinese or Japanese sentence), spaced otherwise.
_UNSPACED_HOST = ("今天天气很好", "我们去公园")
_SPACED_HOST = ("the weather was fine", "we went to the park")


def _in_text(term: str) -> str:
    glue_left = char_script(term[0]) in UNSPACED_SCRIPTS
    glue_right = char_script(term[-1]) in UNSPACED_SCRIPTS
    left = _UNSPACED_HOST[0] if glue_left else _SPACED_HOST[0] + " "
    right = _UNSPACED_HOST[1] if glue_right else " " + _SPACED_HOST[1]
    return left + term + right


@pytest.mark.parametrize(
    "term", sorted({term for term, _, _ in _bundled_terms()}), ids=lambda t: t.encode().hex()
)
def test_every_bundled_term_is_found_in_running_text(term: str) -> None:
    text = _in_text(term)
    start = text.index(term)
    tokens = tokenize(text)
    found = [
        (tokens[m.first].start, tokens[m.last].end) for m in spam_matcher(True, ()).find(tokens)
    ]
    # matches on the term's own words (the term, or a shorter one inside it), and no other;
    # an unspaced term's match is the whole run of the script it stands in
    assert found, text
    assert all(a < start + len(term) and b > start for a, b in found), (text, found)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("我喜欢av女优的", "av女优"),
        ("北京赛车pk10开奖结果", "北京赛车pk10"),
        ("公园fx自動売買ツール今日", "fx自動売買ツール"),
    ],
)
def test_a_term_mixing_scripts_is_found_where_its_unspaced_ends_run_on(
    text: str, term: str
) -> None:
    assert [m.term for m in spam_matcher(True, ()).find(tokenize(text))] == [term]


@pytest.mark.parametrize("text", ["treated治療薬通販", "ava女优", "supera货"])
def test_a_latin_piece_of_a_mixed_term_is_a_whole_word(text: str) -> None:
    assert spam_matcher(True, ()).find(tokenize(text)) == []
