"""How ``texthygiene scan`` prints what it found: a table for people, JSON for machines.

A reporter receives every scanned document in input order (``add``) and finishes the output
(``close``). ``REPORTERS`` maps ``--format`` names to reporter classes, so another output
format is one more entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TextIO

from .batch import Outcome
from .formats import Record
from .formats.jsonl import dumps
from .report_html import HtmlReporter
from .results import SCHEMA_VERSION

_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def escape(text: str) -> str:
    """Untrusted text for a terminal: every control, bidi, format or escape character is
    shown as an escape (``\\u202e``), never sent raw.

    >>> escape("a\\u202eb\\x1b[2J\\n")
    'a\\\\u202eb\\\\u001b[2J\\\\n'
    """
    return "".join(ch if ch.isprintable() else _NAMED.get(ch) or f"\\u{ord(ch):04x}" for ch in text)


def document(record: Record, outcome: Outcome) -> dict[str, Any]:
    """The JSON object for one scanned document."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": record.source,
        "id": record.id,
        "location": record.location,
        **dict(record.meta),
        "language": outcome.language,
        "findings": [f.to_dict() for f in outcome.findings],
    }


class Reporter(Protocol):
    def add(self, record: Record, outcome: Outcome) -> None: ...

    def close(self) -> None: ...


class TableReporter:
    """One block per document with findings: kind, language, score, the fragment in
    context, reasons; ``verbose`` lists documents without findings too."""

    def __init__(self, out: TextIO, *, verbose: bool = False) -> None:
        self.out = out
        self.verbose = verbose

    def add(self, record: Record, outcome: Outcome) -> None:
        if not outcome.findings and not self.verbose:
            return
        name = record.id if record.id == record.source else f"{record.source} {record.id}"
        uri = str(dict(record.meta).get("uri") or "")
        count = len(outcome.findings)
        self.out.write(
            f"{escape(name)}{f' <{escape(uri)}>' if uri else ''}: "
            f"language {outcome.language or '-'}, {count} finding{'' if count == 1 else 's'}\n"
        )
        for f, (before, after) in zip(outcome.findings, outcome.contexts, strict=True):
            self.out.write(
                f"  {f.start}-{f.end}  {f.kind}  {f.language or '-'}  {f.score:.2f}  "
                f"…{escape(before)}[{escape(f.text)}]{escape(after)}…\n"
                f"      {escape(f.detail)} [{', '.join(f.reasons)}]\n"
            )

    def close(self) -> None:
        self.out.flush()


class JsonlReporter:
    """One JSON object per line, per document."""

    def __init__(self, out: TextIO, *, verbose: bool = False) -> None:
        self.out = out

    def add(self, record: Record, outcome: Outcome) -> None:
        self.out.write(dumps(document(record, outcome)) + "\n")

    def close(self) -> None:
        self.out.flush()


class JsonReporter:
    """One JSON array of the per-document objects, written as it goes."""

    def __init__(self, out: TextIO, *, verbose: bool = False) -> None:
        self.out = out
        self.count = 0

    def add(self, record: Record, outcome: Outcome) -> None:
        self.out.write(("[\n" if not self.count else ",\n") + dumps(document(record, outcome)))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if not self.count else "\n]\n")
        self.out.flush()


REPORTERS: dict[str, Callable[..., Reporter]] = {
    "table": TableReporter,
    "json": JsonReporter,
    "jsonl": JsonlReporter,
    "html": HtmlReporter,
}
