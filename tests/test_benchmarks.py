"""The benchmarks' own logic: the peers' sentence split, offsets and majority flagging."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks import peers

_BASELINE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")

texts = st.text(alphabet=st.sampled_from("ab дé.!? \n\t"), max_size=60)


@given(texts)
def test_sentence_offsets_are_the_baseline_pieces(text: str) -> None:
    # The peers run per sentence on exactly the pieces the naive baseline detects.
    pieces = [p.strip() for p in _BASELINE_SPLIT.split(text) if p.strip()]
    assert [text[s:e] for s, e in peers.sentences(text)] == pieces


def test_flag_marks_what_differs_from_the_majority_trimmed() -> None:
    text = "Een lange Nederlandse zin hier. где деньги "
    sections = [(0, 32, "nl"), (32, len(text), "ru"), (0, 0, "")]
    assert peers.flag(text, sections) == [(32, 42, "ru")]
    assert text[32:42] == "где деньги"
    assert peers.flag(text, [(0, 5, "")]) == []


def test_cld2_byte_offsets_become_character_offsets() -> None:
    pytest.importorskip("pycld2")
    text = "Één mooie dag in het park met de kinderen en de hond. " + (
        "где взять деньги быстро и дешево в москве сегодня вечером"
    )
    sections = peers.cld2_sections(text)
    assert sections[-1][1] == len(text)
    russian = [text[s:e] for s, e, lang in sections if lang == "ru"]
    assert russian
    assert russian[0].startswith("где")
