"""Focused tests of the flag stage's run building."""

from __future__ import annotations

import pytest

from texthygiene.flag import _run_breaks
from texthygiene.identify import WordLanguages
from texthygiene.segment import Token, tokenize


def _words(tokens: list[Token], labels: dict[str, str]) -> WordLanguages:
    return WordLanguages(
        host="pt",
        host_script="Latin",
        labels=[labels.get(t.text) if t.kind == "word" else None for t in tokens],
        confidences=[1.0] * len(tokens),
        weights=[1.0] * len(tokens),
        evidence={},
        languages=("pt",),
    )


@pytest.mark.parametrize(
    ("text", "labels", "breaks"),
    [
        # a pasted phrase, then the host's next sentence with no full stop between
        ("mwisho Enquanto", {"mwisho": "sw", "Enquanto": "es"}, True),
        # labels flipping between confusable languages inside one run
        ("mwisho enquanto", {"mwisho": "sw", "enquanto": "es"}, False),
        # a name inside a capitalised run is not a sentence start
        ("Dar Es", {"Dar": "sw", "Es": "es"}, False),
        # the same label never breaks the run
        ("mwisho Enquanto", {"mwisho": "sw", "Enquanto": "sw"}, False),
        # a full stop between two labels does
        ("mwisho. enquanto", {"mwisho": "sw", "enquanto": "es"}, True),
    ],
)
def test_runs_break_where_a_new_sentence_starts(
    text: str, labels: dict[str, str], breaks: bool
) -> None:
    tokens = tokenize(text)
    words = [i for i, t in enumerate(tokens) if t.kind == "word"]
    assert _run_breaks(tokens, _words(tokens, labels), words[0], words[1]) is breaks
