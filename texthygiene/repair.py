"""Encoding repair: ftfy's mojibake fixes with every cosmetic change switched off.

The only module that imports ftfy.
"""

from __future__ import annotations

import ftfy

from .results import RepairStep

#: Encoding repair and nothing else: no quote uncurling, width, ligature, line-break,
#: HTML-entity or normalisation changes, and no control characters deleted or replaced
#: (those are findings, not silent edits).
_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=False,
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


def repair(text: str) -> str:
    """Repair mojibake only (see ``repair_and_explain``)."""
    return repair_and_explain(text)[0]
