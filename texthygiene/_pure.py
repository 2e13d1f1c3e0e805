"""The hot loops in pure Python: the reference that ``_speedups.pyx`` compiles.

Every function here has a twin of the same name and signature in ``_speedups.pyx`` that
returns exactly the same result (``tests/test_speedups.py`` compares them); ``speedups``
picks one of the two at import.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class _Word(Protocol):
    """What ``host_words`` reads of a token (``segment.Token`` has both)."""

    @property
    def kind(self) -> str: ...

    @property
    def text(self) -> str: ...


def viterbi(emissions: np.ndarray, switch_costs: Sequence[float], start: np.ndarray) -> list[int]:
    """Best label sequence: emissions [T, L], cost of switching before each step, start scores.

    >>> e = np.array([[0, -5], [0, -5], [-5, 0], [-5, 0]], dtype=float)
    >>> viterbi(e, [0, 3, 3, 3], np.zeros(2))
    [0, 0, 1, 1]
    """
    steps = len(emissions)
    score = start + emissions[0]
    # Plain lists of per-step results and an in-place add: each numpy call here costs more
    # than the arithmetic on 54 languages, and this loop runs once per word. Whether a
    # label switched at step t (jump > its score before) is asked only along the best path,
    # so only the scores and jumps are kept.
    best_prev = [0] * steps
    jumps = [0.0] * steps
    scores = [score] * steps
    maximum = np.maximum
    for t in range(1, steps):
        best = score.argmax()
        best_prev[t] = best
        jump = score[best] - switch_costs[t]
        jumps[t] = jump
        score = maximum(score, jump)  # a new array: scores[t - 1] stays as it was
        score += emissions[t]
        scores[t] = score
    label = int(score.argmax())
    labels = [label] * steps
    for t in range(steps - 1, 0, -1):
        if jumps[t] > scores[t - 1][label]:
            label = int(best_prev[t])
        labels[t - 1] = label
    return labels


def host_words(
    tokens: Sequence[_Word], labels: Sequence[str | None], host: str | None
) -> list[int]:
    """Index of every word labelled ``host`` that starts lowercase and holds no digit: the
    words whose borrowings ``document.Echoes`` counts (a capital is a name's).

    >>> from types import SimpleNamespace as T
    >>> tokens = [T(kind="word", text=w) for w in ("de", "Jan", "mp3", "fiets")]
    >>> host_words(tokens + [T(kind="space", text=" ")], ["nl"] * 4 + [None], "nl")
    [0, 3]
    """
    return [
        i
        for i, t in enumerate(tokens)
        if t.kind == "word"
        and labels[i] == host
        and t.text[:1].islower()
        and not any(c.isdigit() for c in t.text)
    ]
