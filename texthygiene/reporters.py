"""How ``texthygiene scan`` prints what it found: a table for people, JSON for machines,
annotations and SARIF for CI gates, counts for ``--statistics``.

A reporter receives every scanned document in input order (``add``) and finishes the output
(``close``). ``REPORTERS`` maps ``--format`` names to reporter classes, so another output
format is one more entry.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import Any, NamedTuple, Protocol, TextIO

from . import __version__
from .batch import Header, Outcome
from .formats import Record
from .formats.jsonl import dumps
from .repair import repair_and_explain, to_original
from .report_html import HtmlReporter, written_in
from .results import FINDING_KINDS, SCHEMA_VERSION, Finding

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
    return _document((record.source, record.id, record.location, record.meta), outcome)


def report_line(header: Header, outcome: Outcome) -> str:
    """The JSON object for one scanned document, on one line (without its line break): what
    a batch worker returns in ``Outcome.line`` for the JSON and JSONL reports."""
    return dumps(_document(header, outcome))


def _document(header: Header, outcome: Outcome) -> dict[str, Any]:
    source, doc_id, location, meta = header
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "id": doc_id,
        "location": location,
        **dict(meta),
        "language": outcome.language,
        "languages": {code: round(share, 4) for code, share in outcome.languages},
        "multilingual": outcome.multilingual,
        "findings": [f.to_dict() for f in outcome.findings],
    }


#: Meta a report line shows elsewhere (title, link) or that names no more than the record.
_UNSHOWN = frozenset({"title", "link", "uri", "record_id", "offset", "post_id", "comment_id"})


def about_line(meta: Sequence[tuple[str, str | int]]) -> str:
    """What else the source says about a document, on one line: author, date, status, type,
    any ``--meta-field``, and the edit link last.

    >>> about_line((("title", "T"), ("author", "anja"), ("date", "2024-03-16"), ("lang", "nl"),
    ...             ("edit_link", "https://x.example/wp-admin/post.php?post=1&action=edit")))
    'by anja · 2024-03-16 · lang nl · edit https://x.example/wp-admin/post.php?post=1&action=edit'
    """
    parts = []
    for key, value in meta:
        if key in _UNSHOWN or key == "edit_link" or value in ("", None):
            continue
        if key == "author":
            parts.append(f"by {value}")
        elif key in ("date", "status", "post_type"):
            parts.append(str(value))
        else:
            parts.append(f"{key} {value}")
    edit = dict(meta).get("edit_link")
    if edit:
        parts.append(f"edit {edit}")
    return " · ".join(parts)


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
        if not outcome.findings and not outcome.multilingual and not self.verbose:
            return
        name = record.id if record.id == record.source else f"{record.source} {record.id}"
        meta = dict(record.meta)
        title = str(meta.get("title") or "")
        link = str(meta.get("link") or meta.get("uri") or "")
        count = len(outcome.findings)
        self.out.write(
            f"{escape(name)}{f' “{escape(title)}”' if title else ''}"
            f"{f' <{escape(link)}>' if link else ''}: "
            f"language {outcome.language or '-'}"
            f"{f', {written_in(outcome.languages)}' if outcome.multilingual else ''}"
            f", {count} finding{'' if count == 1 else 's'}\n"
        )
        about = about_line(record.meta)
        if about:
            self.out.write(f"    {escape(about)}\n")
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
        line = outcome.line if outcome.line is not None else dumps(document(record, outcome))
        self.out.write(line + "\n")

    def close(self) -> None:
        self.out.flush()


class JsonReporter:
    """One JSON array of the per-document objects, written as it goes."""

    def __init__(self, out: TextIO, *, verbose: bool = False) -> None:
        self.out = out
        self.count = 0

    def add(self, record: Record, outcome: Outcome) -> None:
        line = outcome.line if outcome.line is not None else dumps(document(record, outcome))
        self.out.write(("[\n" if not self.count else ",\n") + line)
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if not self.count else "\n]\n")
        self.out.flush()


_BREAK_RE = re.compile(r"\r\n|\r|\n")
_LINE_RE = re.compile(r"line (\d+)")


class Position(NamedTuple):
    """Where a finding is in its input file: 1-based lines and columns (code points), the
    end column just past the finding, as editors and SARIF count. A record inside a file
    (a JSONL line, a CSV row, a WXR field) gives only the line it starts on: its text is
    escaped or embedded there, so a column in the text is not a column in the file."""

    line: int
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


class _Lines:
    """Offsets into one text to lines and columns, by bisecting the line starts."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _BREAK_RE.finditer(text))]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def positions(record: Record, findings: Sequence[Finding]) -> list[Position | None]:
    """Each finding's place in the record's input file; None where the file has no lines
    to point at (stdin, a WARC archive)."""
    if record.source == "-" or not findings:
        return [None] * len(findings)
    if record.location:
        match = _LINE_RE.match(record.location)
        line = int(match.group(1)) if match else None
        return [Position(line, None, line) if line else None for _ in findings]
    # The whole file is the record: offsets are into the HTML source (HTML input) or into
    # the text after encoding repair, which is redone here as the review page does.
    lines = _Lines(record.text)
    spans: list[tuple[int, int] | None]
    if record.markup == "html":
        spans = [
            (f.source_start, f.source_end)
            if f.source_start is not None and f.source_end is not None
            else None
            for f in findings
        ]
    else:
        pairs = [(f.start, f.end) for f in findings]
        fixed = repair_and_explain(record.text)[0]
        if fixed != record.text:
            back = to_original(record.text, fixed)
            pairs = [(back(start, False), back(end, True)) for start, end in pairs]
        spans = list(pairs)
    out: list[Position | None] = []
    for span in spans:
        if span is None:
            out.append(None)
            continue
        line, column = lines(span[0])
        end_line, end_column = lines(span[1])
        out.append(Position(line, column, end_line, end_column))
    return out


def _summary(record: Record, finding: Finding) -> str:
    """One line about a finding, terminal-safe."""
    where = "" if record.id == record.source else f"{record.id}: "
    return (
        f"{where}{finding.kind} {finding.language or '-'} {finding.score:.2f} "
        f"[{escape(finding.text)}] {escape(finding.detail)} ({', '.join(finding.reasons)})"
    )


def _display_path(source: str) -> str:
    """A path as annotations want it: relative to the working folder when inside it."""
    if os.path.isabs(source):
        relative = os.path.relpath(source)
        if not relative.startswith(".."):
            return relative
    return source


def _workflow(text: str, *, prop: bool = False) -> str:
    """Escape a workflow command's message (or, ``prop``, a property value)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


class GithubReporter:
    """GitHub Actions workflow commands: one ``::warning`` annotation per finding, placed
    on the file, line and columns where the finding is."""

    def __init__(self, out: TextIO, *, verbose: bool = False) -> None:
        self.out = out

    def add(self, record: Record, outcome: Outcome) -> None:
        path = _display_path(record.source)
        for finding, at in zip(outcome.findings, positions(record, outcome.findings), strict=True):
            props = [f"title={_workflow(f'texthygiene ({finding.kind})', prop=True)}"]
            prefix = ""
            if record.source != "-":
                props.append(f"file={_workflow(path, prop=True)}")
                prefix = f"{path}: "
            if at is not None:
                props.append(f"line={at.line}")
                prefix = f"{path}:{at.line}: "
                if at.column is not None:
                    props += [f"col={at.column}", f"endLine={at.end_line}"]
                    props.append(f"endColumn={at.end_column}")
                    prefix = f"{path}:{at.line}:{at.column}: "
            message = _workflow(prefix + _summary(record, finding))
            self.out.write(f"::warning {','.join(props)}::{message}\n")

    def close(self) -> None:
        self.out.flush()


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_RULES = list(FINDING_KINDS)


def _uri(source: str) -> str:
    """A file's SARIF artifact URI: relative (to the repository root, as code scanning
    reads it) when given relative, else a file: URI."""
    if os.path.isabs(source):
        return Path(source).as_uri()
    return urllib.parse.quote(PurePath(source).as_posix())


class SarifReporter:
    """SARIF 2.1.0: one run whose rules are the finding kinds and whose results carry each
    finding's file and region; the results are written as they come."""

    def __init__(self, out: TextIO, *, verbose: bool = False) -> None:
        self.out = out
        self.count = 0
        rules = [
            {
                "id": kind,
                "name": kind,
                "shortDescription": {"text": meaning},
                "defaultConfiguration": {"level": "warning"},
            }
            for kind, meaning in FINDING_KINDS.items()
        ]
        driver = {"name": "texthygiene", "version": __version__, "rules": rules}
        head = {"$schema": SARIF_SCHEMA, "version": "2.1.0"}
        run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints"}
        self.out.write(dumps(head)[:-1] + ', "runs": [' + dumps(run)[:-1] + ', "results": [')

    def add(self, record: Record, outcome: Outcome) -> None:
        for finding, at in zip(outcome.findings, positions(record, outcome.findings), strict=True):
            result: dict[str, Any] = {
                "ruleId": finding.kind,
                "ruleIndex": _RULES.index(finding.kind),
                "level": "warning",
                "message": {"text": _summary(record, finding)},
            }
            if record.source != "-":
                physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(record.source)}}
                if at is not None:
                    region: dict[str, int] = {"startLine": at.line}
                    if at.column is not None and at.end_line is not None:
                        region["startColumn"] = at.column
                        region["endLine"] = at.end_line
                        region["endColumn"] = at.end_column or at.column
                    physical["region"] = region
                result["locations"] = [{"physicalLocation": physical}]
            result["partialFingerprints"] = {"texthygiene/findingId": finding.id}
            result["properties"] = {
                "document": record.id,
                "location": record.location,
                **{k: v for k, v in record.meta if k == "uri"},
                "language": finding.language,
                "score": round(finding.score, 4),
                "reasons": list(finding.reasons),
                "text": finding.text,
                "start": finding.start,
                "end": finding.end,
            }
            self.out.write(("\n" if not self.count else ",\n") + dumps(result))
            self.count += 1

    def close(self) -> None:
        self.out.write("\n]}]}\n")
        self.out.flush()


class StatisticsReporter:
    """``--statistics``: how many findings of each kind in each language, most first (as
    ruff's ``--statistics``), as a table or (``as_json``) a JSON array."""

    def __init__(self, out: TextIO, *, as_json: bool = False) -> None:
        self.out = out
        self.as_json = as_json
        self.counts: Counter[tuple[str, str | None]] = Counter()

    def add(self, record: Record, outcome: Outcome) -> None:
        self.counts.update((f.kind, f.language) for f in outcome.findings)

    def rows(self) -> list[tuple[int, str, str | None]]:
        order = {kind: i for i, kind in enumerate(FINDING_KINDS)}
        return sorted(
            ((n, kind, language) for (kind, language), n in self.counts.items()),
            key=lambda r: (-r[0], order.get(r[1], len(order)), r[1], r[2] or ""),
        )

    def close(self) -> None:
        rows = self.rows()
        if self.as_json:
            body = ",\n".join(
                "  " + dumps({"kind": kind, "language": language, "count": n})
                for n, kind, language in rows
            )
            self.out.write(f"[\n{body}\n]\n" if rows else "[]\n")
        elif rows:
            width = len(str(rows[0][0]))
            kinds = max(len(kind) for _, kind, _ in rows)
            for n, kind, language in rows:
                self.out.write(f"{n:>{width}}  {kind:<{kinds}}  {language or '-'}\n")
        self.out.flush()


REPORTERS: dict[str, Callable[..., Reporter]] = {
    "table": TableReporter,
    "json": JsonReporter,
    "jsonl": JsonlReporter,
    "html": HtmlReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
}
