"""Encoding repair: ftfy's mojibake fixes with every cosmetic change switched off.

The only module that imports ftfy.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

import regex

from .config import Config, check_size
from .results import Finding, RepairStep, stable_id

if TYPE_CHECKING:
    import ftfy


@cache
def _encoding_only() -> ftfy.TextFixerConfig:
    """Encoding repair and nothing else: no quote uncurling, width, ligature, line-break,
    HTML-entity or normalisation changes, and no control characters deleted or replaced
    (those are findings, not silent edits). C1 controls are the exception: they are
    Windows-1252 characters decoded as Latin-1, which is mojibake.

    ftfy is imported here, on the first non-ASCII text: an all-ASCII one never needs it,
    and its import is a quarter of the package's.
    """
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,  # C1 controls in text are Windows-1252 read as Latin-1: mojibake
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


def repair_and_explain(text: str) -> tuple[str, tuple[RepairStep, ...]]:
    """Repair mojibake; return the text and the steps taken (empty when nothing changed).

    >>> fixed, steps = repair_and_explain("cafÃ©")
    >>> fixed, [(s.action, s.parameter) for s in steps]
    ('café', [('encode', 'latin-1'), ('decode', 'utf-8')])
    """
    if text.isascii():
        return text, ()
    import ftfy

    fixed, steps = ftfy.fix_and_explain(text, config=_encoding_only())
    if fixed == text:
        return text, ()
    return fixed, tuple(RepairStep(action, str(parameter)) for action, parameter in steps or ())


#: Characters no repair step changes, tried as anchors finest first: every ASCII character;
#: then all but a space (``restore_byte_a0`` takes the one after ``Ã``) and ``?`` and SUB
#: (lossy sequences take them). UTF-8 sequences hold no ASCII byte, so every other repair
#: happens between two anchors.
_ANCHOR_TIERS = (
    regex.compile(r"[^\x00-\x7f]+"),
    regex.compile(r"[^\x00-\x19\x1b-\x1f!-\x3e@-\x7f]+"),
)
#: A changed stretch between two anchors longer than this is one finding, not diffed further
#: (a character diff of it would cost its length squared).
_DIFF_MAX = 2000
#: How much of what a repair replaced a finding's detail quotes.
_DETAIL_MAX = 200


def _gaps(pattern: regex.Pattern[str], text: str) -> Iterator[tuple[int, int, int]]:
    """(anchors before it, start, end) of each run of non-anchor characters."""
    taken = 0
    for run in pattern.finditer(text):
        yield run.start() - taken, run.start(), run.end()
        taken += run.end() - run.start()


def changed_regions(original: str, fixed: str) -> Iterator[tuple[int, int, int, int]]:
    """(i1, i2, j1, j2): ``original[i1:i2]`` became ``fixed[j1:j2]``, in text order.

    Linear: the anchors (characters repair never changes) of the two texts pair up in
    order, and only the stretches between paired anchors that differ are compared, each
    with difflib when short. Should the anchors not pair up, what lies between the common
    start and end is one region.
    """
    for pattern in _ANCHOR_TIERS:
        if pattern.sub("", original) == pattern.sub("", fixed):
            break
    else:
        yield _trimmed(original, 0, len(original), fixed, 0, len(fixed))
        return
    before = _gaps(pattern, original)
    after = _gaps(pattern, fixed)
    # Walk both lists of stretches by the anchor they follow; a stretch with no partner
    # (the other text has none there) is paired with the empty one at the same anchor.
    a = next(before, None)
    b = next(after, None)
    # Anchor index k sits at (k + non-anchors before it) in each text.
    shift_a = shift_b = 0  # non-anchor characters before the current point in each text
    while a is not None or b is not None:
        k = min(x[0] for x in (a, b) if x is not None)
        if a is not None and a[0] == k:
            i1, i2 = a[1], a[2]
        else:
            i1 = i2 = k + shift_a
        if b is not None and b[0] == k:
            j1, j2 = b[1], b[2]
        else:
            j1 = j2 = k + shift_b
        shift_a += i2 - i1
        shift_b += j2 - j1
        if original[i1:i2] != fixed[j1:j2]:
            i1, i2, j1, j2 = _trimmed(original, i1, i2, fixed, j1, j2)
            if max(i2 - i1, j2 - j1) > _DIFF_MAX:
                yield i1, i2, j1, j2
            else:
                matcher = difflib.SequenceMatcher(
                    None, original[i1:i2], fixed[j1:j2], autojunk=False
                )
                for tag, a1, a2, b1, b2 in matcher.get_opcodes():
                    if tag != "equal":
                        yield i1 + a1, i1 + a2, j1 + b1, j1 + b2
        if a is not None and a[0] == k:
            a = next(before, None)
        if b is not None and b[0] == k:
            b = next(after, None)


def to_original(original: str, fixed: str) -> Callable[[int, bool], int]:
    """Offsets into the repaired text back to offsets into ``original``, by
    :func:`changed_regions` (linear). Unchanged text maps one to one; a repaired stretch maps
    as a whole: a start inside it to its start, an end inside it to its end.

    >>> back = to_original("Het cafÃ© is open.", "Het café is open.")
    >>> back(4, False), back(8, True), back(9, False)
    (4, 9, 10)
    """
    regions = list(changed_regions(original, fixed))
    starts = [j1 for _, _, j1, _ in regions]

    def back(offset: int, end: bool) -> int:
        k = bisect_right(starts, offset - 1 if end else offset) - 1
        if k < 0:
            return offset
        i1, i2, _, j2 = regions[k]
        if offset <= j2 if end else offset < j2:
            return i2 if end else i1
        return i2 + offset - j2

    return back


def _trimmed(
    original: str, i1: int, i2: int, fixed: str, j1: int, j2: int
) -> tuple[int, int, int, int]:
    """The stretches without their common start and end."""
    while i1 < i2 and j1 < j2 and original[i1] == fixed[j1]:
        i1 += 1
        j1 += 1
    while i2 > i1 and j2 > j1 and original[i2 - 1] == fixed[j2 - 1]:
        i2 -= 1
        j2 -= 1
    return i1, i2, j1, j2


def mojibake_findings(original: str, fixed: str, steps: tuple[RepairStep, ...]) -> list[Finding]:
    """One finding per region that repair changed, on the repaired text, with what it was."""
    if not steps:
        return []
    plan = ", ".join(f"{s.action} {s.parameter}" for s in steps)
    findings = []
    for i1, i2, j1, j2 in changed_regions(original, fixed):
        if j1 == j2:
            continue
        while j1 < j2 and fixed[j1].isspace():
            j1 += 1
        while j2 > j1 and fixed[j2 - 1].isspace():
            j2 -= 1
        if j1 == j2:
            continue
        piece = fixed[j1:j2]
        was = original[i1:i2]
        shown = f"{was[:_DETAIL_MAX]!r}…" if len(was) > _DETAIL_MAX else repr(was)
        now = f"{piece[:_DETAIL_MAX]!r}…" if len(piece) > _DETAIL_MAX else repr(piece)
        findings.append(
            Finding(
                kind="mojibake",
                start=j1,
                end=j2,
                text=piece,
                language=None,
                score=1.0,
                reasons=("encoding_repaired",),
                detail=f"repaired mojibake: {shown} → {now} ({plan})",
                id=stable_id("mojibake", j1, j2, piece),
            )
        )
    return findings


def repair(text: str, *, config: Config | None = None) -> str:
    """Repair mojibake only (see ``repair_and_explain``); a text over ``config.max_chars``
    raises ``TextTooLarge``."""
    check_size(text, config or Config())
    return repair_and_explain(text)[0]
