"""Result types: what a scan returns. Frozen, JSON-serialisable through ``to_dict``.

Offsets are Python string indices (code points) into ``Report.text``; ``to_dict(utf16=True)``
adds UTF-16 code-unit offsets for JavaScript consumers.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import regex

# 1.1: source offsets and hidden segments (HTML input); 1.2: languages and multilingual
SCHEMA_VERSION = "1.2"


_ASTRAL_RE = regex.compile(r"[\U00010000-\U0010FFFF]")


def utf16_offset(text: str, index: int) -> int:
    """Convert a code-point index into ``text`` to a UTF-16 code-unit index.

    >>> utf16_offset("a😀b", 2)
    3
    """
    return _Utf16Index(text)(index)


class _Utf16Index:
    """Code point → UTF-16 offsets for one text: astral characters found once, then a bisect,
    so converting every offset of a large report stays linear."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL_RE.finditer(text)]

    def __call__(self, index: int) -> int:
        return index + bisect_left(self._astral, index) if self._astral else index


#: Every kind of finding and what it means; the CLI's ``--only`` and the review page's legend
#: read it from here.
FINDING_KINDS: dict[str, str] = {
    "foreign_fragment": "text in another language or script, out of place",
    "spam_fragment": "host-language text with strong spam evidence",
    "invisible_char": "invisible character (zero-width, tag, word joiner, BOM)",
    "bidi_control": "bidirectional control that reorders how text shows",
    "control_char": "control character or terminal escape sequence",
    "confusable": "word with look-alike letters from another script",
    "mojibake": "repaired encoding damage (shown before → after)",
    "whitespace": "mixed line endings, or a no-break space gluing a fragment",
    "normalization": "text not in Unicode NFC",
    "hidden_text": "HTML input: text the page hides (display:none, …)",
    "foreign_link": "HTML input: a link whose text is foreign or spam",
}


#: Every reason code a finding can carry, and what it means. ``href`` is written
#: ``href=URL``: the link's target, as the page has it. Flagging checks its codes against
#: this list; a test checks the README's table against it.
REASON_CODES: dict[str, str] = {
    # foreign_fragment and spam_fragment: evidence for
    "script_mismatch": "the run is in another script than the text around it",
    "language_mismatch": "the run's words read as another language (same script, ≥ 2 words)",
    "glued_to_sentence": "no space between the run and the host's sentence",
    "sentence_boundary": "between two sentences or at a paragraph end (against, before a capital)",
    "own_line": "a line of its own, in another script or language or with spam terms",
    "lowercase_sentence_start": "the run starts in lower case after a full stop",
    "spam_terms": "words from the spam-term lexicon (or the site's extra terms)",
    "script_phrase": "a phrase of 3+ words in another script (not Latin, not names) in a sentence",
    "close_language_letters": (
        "a language close to the host's, told by letters or words the host lacks"
    ),
    "recurring": "the phrase recurs where injected text sits in other documents of the run",
    # spam cues (cues.py): evidence for, never enough alone
    "price": "a price or currency amount in the run (€15, Rp 50.000, 1jt, 500 руб.)",
    "percentage": "a percentage in the run (50%, %50, ۶۰ درصد)",
    "phone_number": "a phone number in the run",
    "messenger": "a messenger handle or invitation (WhatsApp, WA:, t.me/…, Telegram, 微信)",
    "url_in_run": "a URL or domain name in the run",
    "call_to_action": "a call to action (buy now, click here, daftar sekarang, закажите, 立即购买)",
    "emoji_run": "two or more emoji in a row",
    "styled_letters": "letters in a look-alike font (mathematical, fullwidth or circled)",
    "all_caps": "an ALL-CAPS offer (two capitalised words in a row, or NAME88)",
    # foreign_fragment and spam_fragment: evidence against
    "inside_sentence": "the run sits inside a host sentence (an idiom, a loanword)",
    "complete_sentence": "a capitalised run with its own full stop (a quote, a sign-off)",
    "quoted": "the run is in quotation marks",
    "parenthetical": "the run is in parentheses (a name's original script)",
    "translated": "a translation beside it, after a slash, a dash, = or |",
    "language_named": "the text around the run names its language",
    "multilingual_document": "a second language runs through the text; language is no evidence",
    # invisible_char and bidi_control
    "splits_word": "an invisible character inside a word",
    "invisible": "an invisible character outside a word",
    "tag_character": "an invisible Unicode tag character",
    "variation_selector": "a variation selector that selects nothing",
    "soft_hyphen": "a soft hyphen (inside a word it scores below the threshold)",
    "direction_mark": "a direction mark in text without right-to-left script",
    "bidi_override": "a direction override, or the mark that closes one",
    "unbalanced": "a direction embedding or isolate that is not closed, or closes nothing",
    # control_char, whitespace, confusable, normalization, mojibake
    "control": "a control character in text",
    "terminal_escape": "a terminal escape sequence (it can rewrite the screen)",
    "control_separator": "a form feed, vertical tab or similar between two words",
    "mixed_line_endings": "the text mixes CRLF, CR and LF line endings",
    "nbsp_glue": "a no-break space that keeps a flagged fragment on the host's line",
    "mixed_script": "a word with look-alike letters from another script",
    "not_nfc": "characters that Unicode NFC composes",
    "encoding_repaired": "mojibake that encoding repair fixed",
    # hidden_text and foreign_link (HTML input)
    "hidden": "the page hides this text; the next code says how",
    "hidden_attribute": "hidden by the hidden attribute",
    "display_none": "hidden by display:none",
    "visibility_hidden": "hidden by visibility:hidden",
    "opacity_zero": "hidden by opacity:0",
    "font_size_zero": "hidden by font-size:0",
    "off_screen": "moved off screen (positioning or text-indent)",
    "clipped": "clipped to nothing",
    "zero_size": "a zero-size box with overflow:hidden",
    "link": "the text of a link",
    "href": "the link's target, written href=URL",
}


def reason_code(reason: str) -> str:
    """The code of a reason: ``href=https://…`` is the code ``href`` with its value.

    >>> reason_code("href=https://casino.example/"), reason_code("spam_terms")
    ('href', 'spam_terms')
    """
    return reason.partition("=")[0]


def stable_id(kind: str, start: int, end: int, text: str) -> str:
    """The id of a finding: the same finding in the same text gets it on every run."""
    key = f"{kind}\0{start}\0{end}\0{text}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(key).hexdigest()[:16]


@dataclass(frozen=True)
class Segment:
    """A run of ``Report.text`` in one script and language (or without language signal)."""

    start: int
    end: int
    text: str
    script: str
    language: str | None
    confidence: float
    kind: str = "text"  # "text", or what carries no language: url, email, handle, …
    hidden: bool = False  # HTML input: the page hides this text (display:none, …)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "script": self.script,
            "language": self.language,
            "confidence": round(self.confidence, 4),
            "kind": self.kind,
            "hidden": self.hidden,
        }


@dataclass(frozen=True)
class Finding:
    """One flagged fragment with the evidence behind it."""

    kind: str
    start: int
    end: int
    text: str
    language: str | None
    score: float
    reasons: tuple[str, ...]
    detail: str
    id: str
    position: str = ""
    # HTML input: the span of the source HTML this finding came from; None for plain text.
    source_start: int | None = None
    source_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "language": self.language,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "detail": self.detail,
            "position": self.position,
            "source_start": self.source_start,
            "source_end": self.source_end,
        }


@dataclass(frozen=True)
class RepairStep:
    """One step ftfy took, replayable with ``ftfy.apply_plan``."""

    action: str
    parameter: str

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "parameter": self.parameter}


@dataclass(frozen=True)
class Edit:
    """A substitution ``clean`` makes when the config opts in: ``text`` becomes ``replacement``."""

    start: int
    end: int
    text: str
    replacement: str
    reason: str  # confusable, nfc, line_ending

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "replacement": self.replacement,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Report:
    """Everything ``scan`` found, and the text every offset refers to."""

    text: str
    language: str | None
    segments: tuple[Segment, ...]
    findings: tuple[Finding, ...]
    repairs: tuple[RepairStep, ...] = ()
    original: str | None = field(default=None, repr=False)
    encoding: str | None = None  # the codec bytes input was decoded with
    edits: tuple[Edit, ...] = ()  # substitutions clean makes (only those the config asks for)
    # Share of the words per language, largest first; multilingual: a second language runs
    # through the text (then a foreign run needs evidence beside its language to be flagged).
    languages: dict[str, float] = field(default_factory=dict)
    multilingual: bool = False

    def to_dict(self, *, utf16: bool = False) -> dict[str, Any]:
        """A JSON-serialisable dict; ``utf16=True`` adds ``*_utf16`` offsets (for HTML input,
        ``source_start_utf16``/``source_end_utf16`` too: into the source, ``original``)."""
        findings = [f.to_dict() for f in self.findings]
        segments = [s.to_dict() for s in self.segments]
        edits = [e.to_dict() for e in self.edits]
        if utf16:
            to_utf16 = _Utf16Index(self.text)
            for item in (*findings, *segments, *edits):
                item["start_utf16"] = to_utf16(item["start"])
                item["end_utf16"] = to_utf16(item["end"])
            in_source = _Utf16Index(self.original) if self.original is not None else None
            for item in findings:
                for key in ("source_start", "source_end"):
                    offset = item[key]
                    item[f"{key}_utf16"] = (
                        in_source(offset) if in_source is not None and offset is not None else None
                    )
        return {
            "schema_version": SCHEMA_VERSION,
            "language": self.language,
            "languages": {code: round(share, 4) for code, share in self.languages.items()},
            "multilingual": self.multilingual,
            "encoding": self.encoding,
            "text": self.text,
            "repairs": [r.to_dict() for r in self.repairs],
            "edits": edits,
            "segments": segments,
            "findings": findings,
        }
