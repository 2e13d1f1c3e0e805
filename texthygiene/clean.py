"""Cleaning: delete flagged spans, and the whitespace that joined them, and nothing else."""

from __future__ import annotations

from collections.abc import Iterable

from .hygiene import REMOVABLE
from .results import Edit, Finding

FRAGMENT_KINDS = frozenset({"foreign_fragment", "spam_fragment"})

_HORIZONTAL = " \t\u00a0\u3000"


def _is_blank(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()


def removal_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The range to delete for a flagged span: the span, plus one side's whitespace, plus
    the whole line when nothing else is left on it (and one blank line with it, so no
    empty paragraph remains).

    >>> t = "Zin een. spam hier\\n\\nVolgende."
    >>> s, e = removal_range(t, 9, 18); t[:s] + t[e:]
    'Zin een.\\n\\nVolgende.'
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    if _is_blank(text, line_start, start) and _is_blank(text, end, line_end):
        return _line_removal(text, line_start, line_end)
    left = start
    while left > line_start and text[left - 1] in _HORIZONTAL:
        left -= 1
    right = end
    while right < line_end and text[right] in _HORIZONTAL:
        right += 1
    if left < start and (right > end or right == line_end):
        return left, end  # keep the whitespace after; drop the one before
    if left == line_start:
        return start, right  # at the start of the line: drop what separated it
    return start, end  # glued on: the whitespace after it still separates


def _line_removal(text: str, line_start: int, line_end: int) -> tuple[int, int]:
    if line_end < len(text):
        end = line_end + 1
        prev_blank = line_start == 0 or _previous_line_blank(text, line_start)
        if prev_blank:
            nxt = text.find("\n", end)
            if nxt != -1 and _is_blank(text, end, nxt):
                end = nxt + 1  # drop the blank line too: no empty paragraph left behind
        return line_start, end
    # The last line: take the line break before it (and a blank line before that).
    start = line_start
    if start > 0:
        start -= 1
        prev = text.rfind("\n", 0, start)
        if prev != -1 and _is_blank(text, prev + 1, start):
            start = prev
    return start, line_end


def _previous_line_blank(text: str, line_start: int) -> bool:
    prev = text.rfind("\n", 0, line_start - 1) + 1
    return _is_blank(text, prev, line_start - 1)


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
    return "".join(pieces), merged
