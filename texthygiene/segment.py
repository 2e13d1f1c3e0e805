"""Segmentation: tokens with exact offsets, lines, and the segments that tile a text.

Words are split where their script changes (``hebbenгде`` is two words), so a fragment
glued on without a space or a full stop still starts a token of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .chardata import PROTECTED_KINDS, TOKEN_RE, char_script, script_group
from .results import Segment


class Token(NamedTuple):
    start: int
    end: int
    kind: str  # word, number, url, email, handle, hashtag, code, newline, space, other, hidden
    script: str  # a script name for words, "Common" otherwise
    text: str
    group: str  # the script group: kana and Han are one (see chardata.SCRIPT_GROUP)


def _split_by_script(word: str, start: int) -> list[Token]:
    return [
        Token(
            start + a,
            start + b,
            "number" if script == "Common" else "word",
            script,
            word[a:b],
            script_group(script),
        )
        for a, b, script in _pieces(word)
    ]


@lru_cache(maxsize=65536)
def _pieces(word: str) -> tuple[tuple[int, int, str], ...]:
    """Where a word's script changes: (start, end, script) of each piece."""
    pieces: list[tuple[int, int, str]] = []
    piece_start, current = 0, "Common"
    for i, ch in enumerate(word):
        script = char_script(ch)
        if script in ("Common", "Other"):
            continue
        if current == "Common":
            current = script
        elif script_group(script) != script_group(current):
            pieces.append((piece_start, i, current))
            piece_start, current = i, script
        elif script != current and script == "Han":
            current = script  # Japanese: a run with any Han reads as Han
    pieces.append((piece_start, len(word), current))
    return tuple(pieces)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens that tile it exactly.

    >>> [t.text for t in tokenize("hebben.где @davied")]
    ['hebben', '.', 'где', ' ', '@davied']
    """
    tokens: list[Token] = []
    append = tokens.append
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup or "other"
        start, end = match.span()
        piece = text[start:end]
        if kind != "word":
            append(Token(start, end, kind, "Common", piece, "Common"))
        elif piece.isascii():  # most words: no script to work out
            if piece.isdigit():
                append(Token(start, end, "number", "Common", piece, "Common"))
            else:
                append(Token(start, end, "word", "Latin", piece, "Latin"))
        else:
            tokens.extend(_split_by_script(piece, start))
    return tokens


def tokenize_view(text: str, view: str, positions: Sequence[int] | None) -> list[Token]:
    """Tokens of ``view`` (the text with hidden characters taken out) placed on ``text``.

    A word keeps the view's spelling (``casino`` for ``ca\u200bsino``) but spans the real
    characters; what the view left out between tokens becomes a ``hidden`` token, so the
    tokens still tile ``text``.

    >>> tokens = tokenize_view("ca\u200bsino", "casino", [0, 1, 3, 4, 5, 6])
    >>> [(t.text, t.start, t.end) for t in tokens]
    [('casino', 0, 7)]
    """
    if positions is None:
        return tokenize(text)
    tokens: list[Token] = []
    cursor = 0
    for token in tokenize(view):
        start, end = positions[token.start], positions[token.end - 1] + 1
        if start > cursor:
            tokens.append(Token(cursor, start, "hidden", "Common", text[cursor:start], "Common"))
        tokens.append(token._replace(start=start, end=end))
        cursor = end
    if cursor < len(text):
        tokens.append(Token(cursor, len(text), "hidden", "Common", text[cursor:], "Common"))
    return tokens


def is_language_word(token: Token) -> bool:
    """A word that can carry language evidence (letters, not digits or protected text)."""
    return token.kind == "word"


def line_ranges(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of each line (newline tokens belong to no line)."""
    ranges: list[tuple[int, int]] = []
    begin = 0
    for i, token in enumerate(tokens):
        if token.kind == "newline":
            ranges.append((begin, i))
            begin = i + 1
    ranges.append((begin, len(tokens)))
    return ranges


def build_segments(
    text: str,
    tokens: Sequence[Token],
    labels: Sequence[str | None],
    confidences: Sequence[float],
) -> tuple[Segment, ...]:
    """Merge tokens into runs of one (kind, script, language); the runs tile ``text``.

    Spaces and punctuation between two words of the same run on the same line join the
    run; elsewhere they form neutral segments (language None).
    """
    keys: list[tuple[str, str, str | None] | None] = [None] * len(tokens)
    previous: int | None = None  # last token that carries a key, on this line
    for i, token in enumerate(tokens):
        if token.kind == "newline":
            previous = None
            continue
        if token.kind in PROTECTED_KINDS:
            keys[i] = (token.kind, "Common", None)
        elif is_language_word(token):
            key = ("text", token.group, labels[i])
            keys[i] = key
            if previous is not None and keys[previous] == key:
                for j in range(previous + 1, i):
                    keys[j] = key
        else:
            continue
        previous = i

    segments: list[Segment] = []
    first = 0
    for i in range(1, len(tokens) + 1):
        if i < len(tokens) and keys[i] == keys[first]:
            continue
        start, end = tokens[first].start, tokens[i - 1].end
        seg_key = keys[first]
        if seg_key is None:
            segments.append(Segment(start, end, text[start:end], "Common", None, 0.0, "neutral"))
        else:
            kind, _, language = seg_key
            script = next(
                (tokens[j].script for j in range(first, i) if tokens[j].script != "Common"),
                "Common",
            )
            segments.append(
                Segment(start, end, text[start:end], script, language, confidences[first], kind)
            )
        first = i
    return tuple(segments)
