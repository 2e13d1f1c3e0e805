"""The hot loops in pure Python: the reference that ``_speedups.pyx`` compiles.

Every function here has a twin of the same name and signature in ``_speedups.pyx`` that
returns exactly the same result (``tests/test_speedups.py`` compares them); ``speedups``
picks one of the two at import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import numpy as np

_Token = TypeVar("_Token", bound=tuple[object, ...])


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


def tokens_of(
    pieces: Iterable[tuple[str, str]],
    token: type[_Token],
    script_pieces: Callable[[str], Sequence[tuple[int, int, str]]],
    groups: Mapping[str, str],
) -> list[_Token]:
    """Tokens (as ``token``, a tuple type of start, end, kind, script, text, group) from
    the (kind, text) pieces that tile a text, words split where ``script_pieces`` says
    their script changes, each script in the group ``groups`` maps it to (else its own).

    >>> from typing import NamedTuple
    >>> class T(NamedTuple):
    ...     start: int; end: int; kind: str; script: str; text: str; group: str
    >>> for t in tokens_of([("word", "ab"), ("space", " "), ("word", "12")], T,
    ...                    lambda word: ((0, len(word), "Greek"),), {}):
    ...     print(tuple(t))
    (0, 2, 'word', 'Latin', 'ab', 'Latin')
    (2, 3, 'space', 'Common', ' ', 'Common')
    (3, 5, 'number', 'Common', '12', 'Common')
    """
    new = tuple.__new__  # without a NamedTuple's Python-level __new__: a third of the cost
    tokens: list[_Token] = []
    append = tokens.append
    start = 0
    for kind, piece in pieces:
        end = start + len(piece)
        if kind != "word":
            append(new(token, (start, end, kind, "Common", piece, "Common")))
        elif piece.isascii():  # most words: no script to work out
            if piece.isdigit():
                append(new(token, (start, end, "number", "Common", piece, "Common")))
            else:
                append(new(token, (start, end, "word", "Latin", piece, "Latin")))
        else:
            for a, b, script in script_pieces(piece):
                kind = "number" if script == "Common" else "word"
                group = groups.get(script, script)
                append(new(token, (start + a, start + b, kind, script, piece[a:b], group)))
        start = end
    return tokens
