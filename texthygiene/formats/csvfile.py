"""CSV with a header row: the text column is scanned, every other cell kept as it was.

Rows are read from the original bytes line by line (``\\r\\n``, ``\\n`` or a bare ``\\r``), so
a changed row is the only one rewritten (with the file's delimiter and line ending); every
other row, the header, and a row that cannot be read are copied byte for byte. Quoting is
read strictly: a quote left open would otherwise swallow every row after it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import BinaryIO, cast

from texthygiene.config import Config

from . import Item, ReadOptions, Record, RecordError, SpliceWriter, Verbatim

#: The longest cell read, in characters: the core's size cap (``Config.max_chars`` where the
#: core has it), not the csv module's default of 131 072.
MAX_CHARS = Config().max_chars  # the default size cap: a larger cell could not be scanned
csv.field_size_limit(max(csv.field_size_limit(), MAX_CHARS))

_CR_LINES = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # each line, ending included
_UNDECODABLE = frozenset(chr(c) for c in range(0xDC80, 0xDD00))  # surrogateescape's bytes


def _raw_lines(stream: BinaryIO) -> Iterator[bytes]:
    """The input's lines with their endings, whichever of ``\\r\\n``, ``\\n``, ``\\r`` ends them.

    The io layer splits at ``\\n`` (fast); a line with a bare ``\\r`` in it is split again.
    (A file with only bare ``\\r``, as classic Mac OS wrote them, is then read whole.)
    """
    for line in stream:
        bare = line.count(b"\r") - line.endswith(b"\r\n")
        if not bare:
            yield line
        else:
            yield from _CR_LINES.findall(line)


class _Lines:
    """Decoded lines for ``csv.reader``, remembering the raw bytes each row consumed."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self.lines = lines
        self.consumed: list[bytes] = []
        self.count = 1  # lines read, the header included

    def __iter__(self) -> Iterator[str]:
        for raw in self.lines:
            self.consumed.append(raw)
            self.count += 1
            yield raw.decode("utf-8", "surrogateescape")

    def take(self) -> bytes:
        raw = b"".join(self.consumed)
        self.consumed.clear()
        return raw


def _dialect(header: str) -> type[csv.Dialect]:
    """Excel's dialect with the delimiter the header uses most (``csv.Sniffer`` guesses
    quoting rules from one line too, and guesses them wrong)."""
    delimiter = max(",;\t|", key=lambda d: (header.count(d), d == ","))

    class Dialect(csv.excel):
        strict = True  # an open quote at the end of the file is an error, not one long cell

    Dialect.delimiter = delimiter
    return Dialect


def _ending(raw: bytes) -> str:
    for end in ("\r\n", "\n", "\r"):
        if raw.endswith(end.encode()):
            return end
    return ""  # the last line of a file without a final line break


def read_csv(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """One record per row after the header."""
    raw_lines = _raw_lines(stream)
    first = next(raw_lines, None)
    if first is None:
        return  # an empty file: no header, and nothing to scan
    header_text = first.decode("utf-8-sig", "surrogateescape")
    dialect = _dialect(header_text)
    try:
        header = next(csv.reader([header_text.rstrip("\r\n")], dialect), [])
    except csv.Error as error:
        header, problem = [], f"invalid CSV header: {error}"
    else:
        problem = f"no text column {options.text_field!r}; the columns are: " + (
            ", ".join(repr(name) for name in header[:50]) or "none"
        )
    if options.text_field not in header:
        yield RecordError(source, "line 1", problem, first)
        for raw in raw_lines:
            yield Verbatim(raw)
        return
    yield Verbatim(first)
    absent = [name for name in options.meta_fields if name not in header]
    if absent:  # a typo in --meta-field is named once; the rows are read all the same
        yield RecordError(
            source,
            "line 1",
            f"no column {', '.join(map(repr, absent))} for --meta-field; the columns are: "
            + ", ".join(repr(name) for name in header[:50]),
        )
    meta_columns = [(name, header.index(name)) for name in options.meta_fields if name in header]
    column = header.index(options.text_field)
    id_column = header.index(options.id_field) if options.id_field in header else None
    lines = _Lines(raw_lines)
    rows = csv.reader(lines, dialect)
    while True:
        start = lines.count + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield RecordError(
                source, f"line {start}", _csv_problem(error, start, lines), lines.take()
            )
            continue
        raw = lines.take()
        where = f"line {start}"
        if not row:
            yield Verbatim(raw)
        elif any(ch in _UNDECODABLE for cell in row for ch in cell):
            yield RecordError(source, where, "invalid UTF-8", raw)
        elif len(row) != len(header):
            yield RecordError(
                source, where, f"{len(row)} fields, the header has {len(header)}", raw
            )
        else:
            doc_id = row[id_column] if id_column is not None else where
            yield Record(
                source,
                doc_id,
                where,
                row[column],
                meta=tuple((name, row[i]) for name, i in meta_columns),
                raw=raw,
                slot=(row, column, dialect, _ending(raw)),
            )


def _csv_problem(error: csv.Error, start: int, lines: _Lines) -> str:
    message = str(error)
    if message == "unexpected end of data":
        return (
            f"unterminated quote: the cell it opens runs to the end of the file (line "
            f"{lines.count}); these lines are passed through unread"
        )
    if message.startswith("field larger than field limit"):
        return f"a cell over {MAX_CHARS:,} characters (the size cap) is not read"
    return f"invalid CSV: {message}"


class CsvWriter(SpliceWriter):
    """Rewrites only a changed row, with the file's own dialect and line ending."""

    def render(self, record: Record, new_text: str) -> bytes:
        row, column, dialect, ending = cast(
            "tuple[list[str], int, type[csv.Dialect], str]", record.slot
        )
        cells = list(row)
        cells[column] = new_text
        buffer = io.StringIO()
        # "\r\n" makes a cell with either character quoted; then the row's own ending.
        csv.writer(buffer, dialect, lineterminator="\r\n").writerow(cells)
        return (buffer.getvalue()[:-2] + ending).encode("utf-8")
