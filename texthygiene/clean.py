"""Cleaning: delete flagged spans, and the whitespace that joined them, and nothing else."""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable

import regex

from .chardata import SENTENCE_END, SENTENCE_FINAL
from .hygiene import REMOVABLE
from .results import Edit, Finding

FRAGMENT_KINDS = frozenset({"foreign_fragment", "spam_fragment"})

_HORIZONTAL = " \t\u00a0\u3000"
_LINE_BREAK_RE = regex.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
# Characters nobody sees: a line holding only these (and spaces) is blank, and the ones
# touching a removed fragment go with it (an RLM after Hebrew, a hidden joiner, a separator
# control that stood between it and a word).
_UNSEEN = "\x1c\x1d\x1e\x1f\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c"
_BLANK_RE = regex.compile(rf"[\s{_UNSEEN}]*")
#: Punctuation a fragment inside a sentence stands before: the space before the fragment goes.
_CLOSING = frozenset(SENTENCE_END | set(",)]}»”’\"'›」』"))


def _is_blank(text: str, start: int, end: int) -> bool:
    return _BLANK_RE.fullmatch(text, start, end) is not None


class _LineBreaks:
    """Where each line break of a text starts and ends, found once: a line is then found by
    bisection, not by a search along it (a long line with many findings would be read once
    per finding)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = array("q")
        self.ends = array("q")
        for match in _LINE_BREAK_RE.finditer(text):
            self.starts.append(match.start())
            self.ends.append(match.end())

    def line_start(self, pos: int) -> int:
        """The end of the last line break in ``text[:pos]`` (0 if none)."""
        k = bisect_left(self.starts, pos) - 1
        return min(self.ends[k], pos) if k >= 0 else 0  # pos may split a CRLF: CR ends there

    def line_end(self, pos: int) -> int:
        """The start of the first line break in ``text[pos:]`` (the text's end if none)."""
        k = bisect_left(self.starts, pos)
        if k > 0 and self.ends[k - 1] > pos:
            return pos  # inside a CRLF: its LF starts here
        return self.starts[k] if k < len(self.starts) else len(self.text)

    def last_break_start(self, pos: int) -> int:
        """The start of the last line break in ``text[:pos]`` (there must be one)."""
        return self.starts[bisect_left(self.starts, pos) - 1]


_CACHE = threading.local()


def _breaks(text: str) -> _LineBreaks:
    """The line breaks of ``text``, kept for the text last asked about (in this thread):
    the findings of one text are removed one after another."""
    cached: _LineBreaks | None = getattr(_CACHE, "breaks", None)
    if cached is None or cached.text is not text:
        cached = _LineBreaks(text)
        _CACHE.breaks = cached
    return cached


def _line_start(text: str, pos: int) -> int:
    return _breaks(text).line_start(pos)


def _line_end(text: str, pos: int) -> int:
    return _breaks(text).line_end(pos)


def _after_break(text: str, pos: int) -> int:
    """The index after the line break that starts at ``pos``."""
    match = _LINE_BREAK_RE.match(text, pos)
    return match.end() if match else pos


def removal_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The range to delete for a flagged span: the span with the invisible marks touching it,
    its own closing punctuation when it stands as a sentence of its own, plus one side's
    whitespace, or the whole line when nothing else is left on it (and one blank line with
    it, so no empty paragraph remains).

    >>> t = "Zin een. spam hier\\n\\nVolgende."
    >>> s, e = removal_range(t, 9, 18); t[:s] + t[e:]
    'Zin een.\\n\\nVolgende.'
    >>> t = "Zin een.spam hier. Volgende."
    >>> s, e = removal_range(t, 8, 17); t[:s] + t[e:]
    'Zin een. Volgende.'
    """
    while start > 0 and text[start - 1] in _UNSEEN:
        start -= 1
    while end < len(text) and text[end] in _UNSEEN:
        end += 1
    line_start = _line_start(text, start)
    line_end = _line_end(text, end)
    if _starts_sentence(text, line_start, start):
        own = end
        while own < line_end and text[own] in SENTENCE_FINAL:
            own += 1
        if own > end and (own == line_end or text[own] in _HORIZONTAL):
            end = own
    if _is_blank(text, line_start, start) and _is_blank(text, end, line_end):
        return _line_removal(text, line_start, line_end)
    left = start
    while left > line_start and text[left - 1] in _HORIZONTAL:
        left -= 1
    right = end
    while right < line_end and text[right] in _HORIZONTAL:
        right += 1
    if left < start and (right > end or right == line_end or text[end] in _CLOSING):
        return left, end  # keep the whitespace after; drop the one before
    if left == line_start:
        return start, right  # at the start of the line: drop what separated it
    return start, end  # glued on: the whitespace after it still separates


def _starts_sentence(text: str, line_start: int, start: int) -> bool:
    """Whether only a sentence end, or the line start, precedes ``start`` (past spaces)."""
    i = start
    while i > line_start and (text[i - 1] in _HORIZONTAL or text[i - 1] in _UNSEEN):
        i -= 1
    return i == line_start or text[i - 1] in SENTENCE_FINAL


def _line_removal(text: str, line_start: int, line_end: int) -> tuple[int, int]:
    if line_end < len(text):
        end = _after_break(text, line_end)
        if line_start == 0 or _is_blank(text, *_previous_line(text, line_start)):
            nxt = _line_end(text, end)
            if nxt < len(text) and _is_blank(text, end, nxt):
                end = _after_break(text, nxt)  # drop the blank line too: no empty paragraph
        return line_start, end
    # The last line: take the line break before it (and a blank line before that).
    start = line_start
    if start > 0:
        prev_start, start = _previous_line(text, line_start)
        if prev_start > 0 and _is_blank(text, prev_start, start):
            start = _previous_line(text, prev_start)[1]
    return start, line_end


def _previous_line(text: str, line_start: int) -> tuple[int, int]:
    """Start and end (where its line break starts) of the line before the one at
    ``line_start`` (which must not be 0)."""
    end = _breaks(text).last_break_start(line_start)
    return _line_start(text, end), end


def remove(
    text: str, findings: Iterable[Finding], edits: Iterable[Edit] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """Delete every removable finding and make the opted-in edits; return the text and the
    merged ranges deleted.

    Fragments go with the whitespace that joined them; a hidden or control character goes
    alone; mojibake (already repaired) and look-alike words stay unless an edit replaces them.
    An edit inside a deleted range is dropped with it.
    """
    ranges = sorted(
        removal_range(text, f.start, f.end) if f.kind in FRAGMENT_KINDS else (f.start, f.end)
        for f in findings
        if f.kind in REMOVABLE
    )
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    changes = [(start, end, "") for start, end in merged]
    for edit in edits:
        if all(edit.end <= start or edit.start >= end for start, end in merged):
            changes.append((edit.start, edit.end, edit.replacement))
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement in sorted(changes):
        if start < cursor:
            continue  # overlapping edits: the first wins
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(text[cursor:])
    _CACHE.breaks = None  # done with this text: do not keep it alive
    return "".join(pieces), merged
