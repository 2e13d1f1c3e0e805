"""Unicode hygiene: invisible, bidi and control characters, look-alike letters.

Spammers split words with zero-width characters (``ca\u200bsino``), reverse text with bidi
overrides (Trojan Source, CVE-2021-42574) and disguise Latin words with Cyrillic look-alikes
(``pаypal``). This stage reports each as a finding, and builds the *view* the later stages
analyse: the text with those characters taken out and look-alikes read as what they imitate,
so a hidden spam word is still a word. Offsets always refer back to the real text.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from .chardata import char_script
from .results import Edit, Finding, stable_id

# Characters that hide or reorder text. Tags U+E0000–E007F, variation selectors and the
# Hangul fillers render as nothing; U+2061–2064 are invisible math operators.
_INVISIBLE = (
    "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u034f\u180e\u17b4\u17b5"
    "\u115f\u1160\u3164\uffa0"
)
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
SUSPECT_RE = regex.compile(
    rf"[{_INVISIBLE}{_BIDI}\ufe00-\ufe0f\U000e0000-\U000e007f\U000e0100-\U000e01ef"
    r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
# An ANSI/VT escape sequence is one finding, not a control character and some letters.
_ESCAPE_RE = regex.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# A word with Latin and Cyrillic or Greek letters. The look-aheads are tried only where a
# word starts: tried at every letter, a long word would be read once per letter.
_MIXED_WORD_RE = regex.compile(
    r"(?<![\p{L}\p{M}])(?=[\p{L}\p{M}]*\p{Latin})(?=[\p{L}\p{M}]*[\p{Cyrillic}\p{Greek}])"
    r"[\p{L}\p{M}]+"
)
_CYRILLIC_GREEK_RE = regex.compile(r"[\p{Cyrillic}\p{Greek}]")
_EMOJI_RE = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]")
_JOINING_SCRIPTS = frozenset(
    {
        "Arabic",
        "Devanagari",
        "Bengali",
        "Gurmukhi",
        "Gujarati",
        "Tamil",
        "Telugu",
        "Kannada",
        "Malayalam",
        "Sinhala",
        "Khmer",
        "Myanmar",
        "Tibetan",
    }
)
_RTL_RE = regex.compile(r"[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]")
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
            "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}  # fmt: skip
#: Any embedding, override or isolate, opening or closing.
_BIDI_RE = regex.compile("[" + "".join(_OPENERS) + "\u202c\u2069]")
_BIDI_LINE_RE = regex.compile("[" + "".join(_OPENERS) + "\u202c\u2069\n]")
_TAG_RUN_RE = regex.compile(r"[\U000e0000-\U000e007f]+")

#: Finding kinds that ``clean`` deletes (mojibake is already repaired; a confusable word is
#: replaced only when the caller opts in).
REMOVABLE = frozenset(
    {"foreign_fragment", "spam_fragment", "invisible_char", "bidi_control", "control_char"}
)


@dataclass(frozen=True)
class Inspection:
    """What this stage found, and the text the later stages analyse."""

    findings: tuple[Finding, ...]
    view: str
    positions: tuple[int, ...] | None  # view index -> text index; None: view is the text
    substitutions: tuple[Edit, ...] = ()  # what clean may substitute, if the config opts in


def _describe(chars: str) -> str:
    names = []
    for ch in dict.fromkeys(chars):
        name = unicodedata.name(ch, "")
        if not name and ch < "\xa0":
            name = "CONTROL CHARACTER"
        names.append(f"U+{ord(ch):04X} {name or 'UNNAMED'}".rstrip())
    return ", ".join(names)


def _finding(
    kind: str,
    text: str,
    start: int,
    end: int,
    score: float,
    reasons: tuple[str, ...],
    detail: str,
) -> Finding:
    piece = text[start:end]
    return Finding(
        kind=kind,
        start=start,
        end=end,
        text=piece,
        language=None,
        score=score,
        reasons=reasons,
        detail=detail,
        id=stable_id(kind, start, end, piece),
    )


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


def _flag_tags(text: str) -> set[int]:
    """Indices of the tag characters that spell an emoji tag sequence (a subdivision flag:
    a black flag, then tags): each run of tags is looked at once."""
    found: set[int] = set()
    for run in _TAG_RUN_RE.finditer(text):
        if run.start() > 0 and text[run.start() - 1] == "\U0001f3f4":
            found.update(range(run.start(), run.end()))
    return found


def _invisible(
    text: str, i: int, ch: str, has_rtl: bool, flag_tags: set[int]
) -> tuple[float, str, str] | None:
    """(score, reason, why) for an invisible or bidi character at ``i``; None when legitimate."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    inside_word = bool(before and after and _is_letter(before) and _is_letter(after))
    if ch == "\u200d" and (_EMOJI_RE.match(before or " ") or _EMOJI_RE.match(after or " ")):
        return None  # emoji ZWJ sequence
    if (
        ch in "\u200c\u200d"
        and inside_word
        and (char_script(before) in _JOINING_SCRIPTS or char_script(after) in _JOINING_SCRIPTS)
    ):
        return None  # Persian and Indic (non-)joiners are spelling
    if "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":
        if before and (_EMOJI_RE.match(before) or char_script(before) == "Han" or before.isdigit()):
            return None  # emoji and ideographic variation sequences
        return 0.6, "variation_selector", "a variation selector that selects nothing"
    if "\U000e0000" <= ch <= "\U000e007f":
        if i in flag_tags:
            return None  # emoji tag sequence (subdivision flags)
        return 0.9, "tag_character", "an invisible tag character"
    if ch == "\ufeff" and i == 0:
        return None  # a byte-order mark at the start is a file header
    if ch == "\u00ad":
        if inside_word:
            return 0.3, "soft_hyphen", "a soft hyphen inside a word (a hyphenation hint)"
        return 0.6, "soft_hyphen", "a soft hyphen outside a word"
    if ch in "\u200e\u200f\u061c":
        if has_rtl:
            return None  # direction marks belong in right-to-left text
        return 0.6, "direction_mark", "a direction mark in text without right-to-left script"
    if inside_word:
        return 0.9, "splits_word", "an invisible character splitting a word"
    return 0.7, "invisible", "an invisible character"


def _bidi_findings(text: str, out: list[Finding], hidden: set[int]) -> None:
    """Overrides always; embeddings and isolates when a line leaves them unbalanced."""
    stack: list[int] = []  # the open openers of this line, by text index
    # For each closing mark, the stack indices of the openers it closes, in stack order:
    # the innermost one it closes is found at once, however deep the stack.
    closes: dict[str, list[int]] = {"\u202c": [], "\u2069": []}
    for mark in _BIDI_LINE_RE.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\n":
            _unclosed(text, stack, out, hidden)
            stack.clear()
            closes["\u202c"].clear()
            closes["\u2069"].clear()
        elif ch in _OPENERS:
            closes[_OPENERS[ch]].append(len(stack))
            stack.append(i)
            if ch in "\u202d\u202e":
                _bidi(
                    text,
                    i,
                    0.95,
                    "bidi_override",
                    "reverses how the text after it shows",
                    out,
                    hidden,
                )
        else:
            match = closes[ch][-1] if closes[ch] else None
            if match is None:
                _bidi(text, i, 0.7, "unbalanced", "closes nothing", out, hidden)
                continue
            if text[stack[match]] in "\u202d\u202e":
                # the override goes, so its closing mark goes with it
                _bidi(text, i, 0.95, "bidi_override", "closes a direction override", out, hidden)
            del stack[match:]
            for indices in closes.values():
                while indices and indices[-1] >= match:
                    indices.pop()
    _unclosed(text, stack, out, hidden)


def _unclosed(text: str, stack: list[int], out: list[Finding], hidden: set[int]) -> None:
    """Embeddings and isolates still open at the end of their line."""
    for i in stack:
        if text[i] not in "\u202d\u202e":
            _bidi(text, i, 0.8, "unbalanced", "is never closed on its line", out, hidden)


def _bidi(
    text: str, i: int, score: float, reason: str, what: str, out: list[Finding], hidden: set[int]
) -> None:
    """A bidi_control finding for the mark at ``i`` (hidden: clean deletes it)."""
    hidden.add(i)
    detail = f"{_describe(text[i])} {what}"
    out.append(_finding("bidi_control", text, i, i + 1, score, (reason,), detail))


@lru_cache(maxsize=1)
def _lookalikes() -> dict[str, dict[str, str]]:
    """For each script, the look-alikes of its letters in the others: script -> {char: char}.

    From Unicode's confusables data as the ``confusable_homoglyphs`` package ships it.
    """
    data_file = resources.files("confusable_homoglyphs").joinpath("confusables.json")
    data: dict[str, list[dict[str, str]]] = json.loads(data_file.read_text(encoding="utf-8"))
    table: dict[str, dict[str, str]] = {"Latin": {}, "Cyrillic": {}, "Greek": {}}
    for char, glyphs in data.items():
        if len(char) != 1:
            continue
        source = char_script(char)
        for glyph in glyphs:
            target = glyph["c"]
            if len(target) == 1 and char_script(target) in table and source != char_script(target):
                table[char_script(target)].setdefault(char, target)
    return table


def _two_glued_words(word: str) -> bool:
    """A word that changes script once, into a run of its own, is two words written together
    (``быстроHope``, ``сейчасop``): a disguise swaps scattered letters (``pаypal``, ``Mоscow``)
    or one or two at an end of the word. A new capital after a small letter starts a word."""
    scripts = [char_script(ch) for ch in word]
    changes = [i for i in range(1, len(word)) if scripts[i] != scripts[i - 1]]
    if len(changes) != 1:
        return False
    cut = changes[0]
    shorter = min(cut, len(word) - cut)
    camel = word[cut].isupper() and word[cut - 1].islower()
    return shorter >= 3 or (shorter == 2 and camel)


def _confusables(text: str, out: list[Finding], swaps: dict[int, str], edits: list[Edit]) -> None:
    for match in _MIXED_WORD_RE.finditer(text):
        word = match.group()
        if _two_glued_words(word):
            continue
        counts: dict[str, int] = {}
        for ch in word:
            script = char_script(ch)
            if script in ("Latin", "Cyrillic", "Greek"):
                counts[script] = counts.get(script, 0) + 1
        if len(counts) < 2:
            continue  # the other script is only in marks (a titlo on a Latin letter)
        main = max(sorted(counts), key=counts.__getitem__)
        table = _lookalikes()[main]
        skeleton = []
        for offset, ch in enumerate(word):
            script = char_script(ch)
            if script in counts and script != main:
                replacement = table.get(ch)
                if replacement is None:
                    break  # a letter with no look-alike: a real mixed word, not a disguise
                swaps[match.start() + offset] = replacement
                skeleton.append(replacement)
            else:
                skeleton.append(ch)
        else:
            foreign = "".join(ch for ch in word if char_script(ch) not in (main, "Common"))
            edits.append(Edit(match.start(), match.end(), word, "".join(skeleton), "confusable"))
            out.append(
                _finding(
                    "confusable",
                    text,
                    match.start(),
                    match.end(),
                    0.85,
                    ("mixed_script",),
                    f"{main} word with look-alike letters ({_describe(foreign)}) "
                    f"imitating {''.join(skeleton)!r}",
                )
            )
            continue
        for offset in range(len(word)):
            swaps.pop(match.start() + offset, None)


_LINE_ENDING_RE = regex.compile(r"\r\n|\r|\n")
_ENDING_NAMES = {"\r\n": "CRLF", "\r": "CR", "\n": "LF"}
_CLUSTER_RE = regex.compile(r"\X")


def _whitespace_and_normalisation(text: str, out: list[Finding], edits: list[Edit]) -> None:
    """Low-severity findings: mixed line endings, text not in NFC."""
    if "\r" in text:
        endings = [(m.start(), m.group()) for m in _LINE_ENDING_RE.finditer(text)]
        styles: dict[str, int] = {}
        for _, ending in endings:
            styles[ending] = styles.get(ending, 0) + 1
        for start, ending in endings:
            if ending != "\n":
                edits.append(Edit(start, start + len(ending), ending, "\n", "line_ending"))
        if len(styles) > 1:
            main = max(sorted(styles), key=styles.__getitem__)
            start, ending = next(e for e in endings if e[1] != main)
            counts = ", ".join(f"{n} {_ENDING_NAMES[e]}" for e, n in sorted(styles.items()))
            out.append(
                _finding(
                    "whitespace",
                    text,
                    start,
                    start + len(ending),
                    0.2,
                    ("mixed_line_endings",),
                    f"mixed line endings ({counts}); the first that differs is here",
                )
            )
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        for match in _CLUSTER_RE.finditer(text):
            cluster = match.group()
            composed = unicodedata.normalize("NFC", cluster)
            if composed != cluster:
                edits.append(Edit(match.start(), match.end(), cluster, composed, "nfc"))
                out.append(
                    _finding(
                        "normalization",
                        text,
                        match.start(),
                        match.end(),
                        0.2,
                        ("not_nfc",),
                        f"not in NFC: {_describe(cluster)} composes to {composed!r}",
                    )
                )


def nbsp_glue_findings(text: str, fragments: Iterable[Finding]) -> list[Finding]:
    """A no-break space that glues a flagged fragment to the host text (low severity: CMSs
    write ``&nbsp;`` everywhere, so only this use of it is worth a mention)."""
    found = []
    for fragment in fragments:
        for i in (fragment.start - 1, fragment.end):
            if 0 <= i < len(text) and text[i] == "\u00a0":
                found.append(
                    _finding(
                        "whitespace",
                        text,
                        i,
                        i + 1,
                        0.3,
                        ("nbsp_glue",),
                        "U+00A0 NO-BREAK SPACE: keeps a flagged fragment on the host's line",
                    )
                )
    return found


def _between_words(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and _shown(text[i - 1]) and _shown(text[i + 1])


def _shown(ch: str) -> bool:
    return ch.isprintable() and not ch.isspace() and SUSPECT_RE.match(ch) is None


def inspect(text: str) -> Inspection:
    """Find hidden, reordering and control characters and look-alike words; build the view.

    >>> found = inspect("Online ca\\u200bsino")
    >>> [(f.kind, f.start, f.detail) for f in found.findings]
    [('invisible_char', 9, 'U+200B ZERO WIDTH SPACE: an invisible character splitting a word')]
    >>> found.view
    'Online casino'
    """
    has_suspect = SUSPECT_RE.search(text) is not None
    has_mixed = (
        not text.isascii()
        and _CYRILLIC_GREEK_RE.search(text) is not None  # cheap: most texts have neither
        and _MIXED_WORD_RE.search(text) is not None
    )
    findings: list[Finding] = []
    edits: list[Edit] = []
    _whitespace_and_normalisation(text, findings, edits)
    if not has_suspect and not has_mixed:
        return Inspection(tuple(findings), text, None, tuple(edits))
    hidden: set[int] = set()
    swaps: dict[int, str] = {}
    if has_suspect:
        has_rtl = _RTL_RE.search(text) is not None
        flag_tags = _flag_tags(text) if "\U0001f3f4" in text else set()
        for match in _ESCAPE_RE.finditer(text):
            hidden.update(range(match.start(), match.end()))
            findings.append(
                _finding(
                    "control_char",
                    text,
                    match.start(),
                    match.end(),
                    0.95,
                    ("terminal_escape",),
                    f"U+001B ESCAPE starts a terminal escape sequence {match.group()[1:]!r} "
                    "(it can rewrite the screen)",
                )
            )
        if _BIDI_RE.search(text):  # a walk over every character, for the rare text it concerns
            _bidi_findings(text, findings, hidden)
        for match in SUSPECT_RE.finditer(text):
            i, ch = match.start(), match.group()
            if i in hidden or ch in _OPENERS or ch in "\u202c\u2069":
                continue
            if ch.isspace() and _between_words(text, i):
                # A form feed or vertical tab between words still separates them: deleting
                # it would glue two words into one, so it stays, in the view too.
                findings.append(
                    _finding(
                        "whitespace",
                        text,
                        i,
                        i + 1,
                        0.3,
                        ("control_separator",),
                        f"{_describe(ch)}: a control character used as a word separator",
                    )
                )
                continue
            if ch < "\xa0" or ch == "\x7f":
                hidden.add(i)
                findings.append(
                    _finding(
                        "control_char",
                        text,
                        i,
                        i + 1,
                        0.9,
                        ("control",),
                        f"{_describe(ch)}: a control character in text",
                    )
                )
                continue
            judged = _invisible(text, i, ch, has_rtl, flag_tags)
            if judged is None:
                continue
            score, reason, why = judged
            hidden.add(i)
            kind = "bidi_control" if ch in _BIDI else "invisible_char"
            findings.append(
                _finding(kind, text, i, i + 1, score, (reason,), f"{_describe(ch)}: {why}")
            )
    if has_mixed:
        _confusables(text, findings, swaps, edits)
    ordered = tuple(sorted(findings, key=lambda f: f.start))
    if not hidden and not swaps:
        return Inspection(ordered, text, None, tuple(edits))
    view_chars: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        if i in hidden:
            continue
        view_chars.append(swaps.get(i, ch))
        positions.append(i)
    return Inspection(ordered, "".join(view_chars), tuple(positions), tuple(edits))
