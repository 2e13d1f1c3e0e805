"""Encoding repair: ftfy's mojibake fixes with every cosmetic change switched off.

The only module that imports ftfy.
"""

from __future__ import annotations

import difflib

import ftfy

from .config import Config, check_size
from .results import Finding, RepairStep, stable_id

#: Encoding repair and nothing else: no quote uncurling, width, ligature, line-break,
#: HTML-entity or normalisation changes, and no control characters deleted or replaced
#: (those are findings, not silent edits). C1 controls are the exception: they are
#: Windows-1252 characters decoded as Latin-1, which is mojibake.
_ENCODING_ONLY = ftfy.TextFixerConfig(
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
    fixed, steps = ftfy.fix_and_explain(text, config=_ENCODING_ONLY)
    if fixed == text:
        return text, ()
    return fixed, tuple(RepairStep(action, str(parameter)) for action, parameter in steps or ())


def mojibake_findings(original: str, fixed: str, steps: tuple[RepairStep, ...]) -> list[Finding]:
    """One finding per region that repair changed, on the repaired text, with what it was."""
    if not steps:
        return []
    plan = ", ".join(f"{s.action} {s.parameter}" for s in steps)
    findings = []
    matcher = difflib.SequenceMatcher(None, original, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or j1 == j2:
            continue
        while j1 < j2 and fixed[j1].isspace():
            j1 += 1
        while j2 > j1 and fixed[j2 - 1].isspace():
            j2 -= 1
        if j1 == j2:
            continue
        piece = fixed[j1:j2]
        findings.append(
            Finding(
                kind="mojibake",
                start=j1,
                end=j2,
                text=piece,
                language=None,
                score=1.0,
                reasons=("encoding_repaired",),
                detail=f"repaired mojibake: {original[i1:i2]!r} → {piece!r} ({plan})",
                id=stable_id("mojibake", j1, j2, piece),
            )
        )
    return findings


def repair(text: str, *, config: Config | None = None) -> str:
    """Repair mojibake only (see ``repair_and_explain``); a text over ``config.max_chars``
    raises ``TextTooLarge``."""
    check_size(text, config or Config())
    return repair_and_explain(text)[0]
