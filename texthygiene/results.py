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

SCHEMA_VERSION = "1.1"  # 1.1: source offsets and hidden segments (HTML input)


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
            "encoding": self.encoding,
            "text": self.text,
            "repairs": [r.to_dict() for r in self.repairs],
            "edits": edits,
            "segments": segments,
            "findings": findings,
        }
