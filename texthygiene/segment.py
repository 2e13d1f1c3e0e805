"""Segmentation: tokens with exact offsets, lines, and the segments that tile a text.

Words are split where their script changes (``hebbenгде`` is two words), so a fragment
glued on without a space or a full stop still starts a token of its own.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from .chardata import (
    PLAIN_TOKEN_RE,
    PROTECTED_KINDS,
    PROTECTED_MARKS,
    TOKEN_RE,
    char_script,
    imitated_letter,
    script_group,
)
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


#: Words whose script pieces are remembered: the frequent ones, which are most of a text's
#: (an entry costs ~250 bytes in every batch worker).
_PIECES_KEPT = 8192


@lru_cache(maxsize=_PIECES_KEPT)
def _pieces(word: str) -> tuple[tuple[int, int, str], ...]:
    """Where a word's script changes: (start, end, script) of each piece."""
    pieces: list[tuple[int, int, str]] = []
    piece_start, current = 0, "Common"
    imitated: str | None = None  # the script of the first look-alike letter
    for i, ch in enumerate(word):
        script = char_script(ch)
        if script in ("Common", "Other"):
            if imitated is None:
                letter = imitated_letter(ch)
                imitated = None if letter is None else char_script(letter)
            continue
        if current == "Common":
            current = script
        elif script_group(script) != script_group(current):
            pieces.append((piece_start, i, current))
            piece_start, current = i, script
        elif script != current and script == "Han":
            current = script  # Japanese: a run with any Han reads as Han
    if current == "Common" and imitated is not None:
        # A word in look-alike letters alone (𝐛𝐮𝐭𝐮𝐡) is a word of the script they imitate;
        # mixed into another script's letters (𝘈𝘌Я𝙊) they stay that word's, as digits do.
        current = imitated
    pieces.append((piece_start, len(word), current))
    return tuple(pieces)


#: Builds a Token without the Python-level ``__new__`` of a NamedTuple (a third of the
#: cost of making one, and a text has a token every three characters).
_new = tuple.__new__


class _FirstKind(dict[str, str]):
    """A plain token's kind from its first character: the character classes of
    ``PLAIN_TOKEN_RE``'s alternatives do not overlap, so the first character decides which
    one matched (computed once per character with ``TOKEN_RE`` itself)."""

    def __missing__(self, ch: str) -> str:
        match = TOKEN_RE.match(ch)
        kind = (match.lastgroup if match else None) or "other"
        self[ch] = kind
        return kind


_FIRST_KIND = _FirstKind()


#: Where a protected token (url … code) may be: it cannot match without one of these marks.
_MARK_RE = regex.compile("|".join(map(regex.escape, PROTECTED_MARKS)))


def _plain_pieces(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each token of a text that holds no protected mark: the simpler
    pattern, with C building the list, and each kind read from the first character."""
    kinds = _FIRST_KIND
    return [(kinds[piece[0]], piece) for piece in PLAIN_TOKEN_RE.findall(text)]


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens that tile it exactly.

    >>> [t.text for t in tokenize("hebben.где @davied")]
    ['hebben', '.', 'где', ' ', '@davied']
    """
    # The full pattern runs only on the lines that hold a mark (no token crosses a line
    # feed), so one URL does not send a whole archive page down the slow path.
    pieces: list[tuple[str, str]] = []
    done = 0
    for mark in _MARK_RE.finditer(text):
        if mark.start() < done:
            continue  # on a line already read
        start = text.rfind("\n", 0, mark.start()) + 1
        end = text.find("\n", mark.end()) + 1 or len(text)
        pieces += _plain_pieces(text[done:start])
        pieces += [(m.lastgroup or "other", m.group()) for m in TOKEN_RE.finditer(text, start, end)]
        done = end
    pieces += _plain_pieces(text[done:])
    return tokens_of(pieces)


def tokens_of(pieces: Sequence[tuple[str, str]]) -> list[Token]:
    """Tokens from the (kind, text) pieces that tile a text, words split by script."""
    tokens: list[Token] = []
    append = tokens.append
    start = 0
    for kind, piece in pieces:
        end = start + len(piece)
        if kind != "word":
            append(_new(Token, (start, end, kind, "Common", piece, "Common")))
        elif piece.isascii():  # most words: no script to work out
            if piece.isdigit():
                append(_new(Token, (start, end, "number", "Common", piece, "Common")))
            else:
                append(_new(Token, (start, end, "word", "Latin", piece, "Latin")))
        else:
            tokens.extend(_split_by_script(piece, start))
        start = end
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
    breaks = [i for i, token in enumerate(tokens) if token.kind == "newline"]
    return list(zip([0, *(i + 1 for i in breaks)], [*breaks, len(tokens)], strict=True))


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
        kind = token.kind
        if kind == "word":  # is_language_word, inline (a loop over every token)
            key = ("text", token.group, labels[i])
            keys[i] = key
            if previous is not None and previous + 1 < i and keys[previous] == key:
                keys[previous + 1 : i] = [key] * (i - previous - 1)
        elif kind in PROTECTED_KINDS:
            keys[i] = (kind, "Common", None)
        elif kind == "newline":
            previous = None
            continue
        else:
            continue
        previous = i

    segments: list[Segment] = []
    first = 0
    for seg_key, run in itertools.groupby(keys):  # runs of equal keys, found at C speed
        i = first + len(list(run))
        start, end = tokens[first].start, tokens[i - 1].end
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
