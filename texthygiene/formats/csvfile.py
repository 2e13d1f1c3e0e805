"""CSV with a header row: the text column is scanned, every other cell kept as it was.

Rows are read from the original bytes line by line, so a changed row is the only one
rewritten (with the file's delimiter and line ending); every other row, the header, and a
row that cannot be read are copied byte for byte.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO, cast

from . import Item, ReadOptions, Record, RecordError, SpliceWriter, Verbatim

_UNDECODABLE = frozenset(chr(c) for c in range(0xDC80, 0xDD00))  # surrogateescape's bytes


class _Lines:
    """Decoded lines for ``csv.reader``, remembering the raw bytes each row consumed."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.consumed: list[bytes] = []

    def __iter__(self) -> Iterator[str]:
        for raw in self.stream:
            self.consumed.append(raw)
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
        pass

    Dialect.delimiter = delimiter
    return Dialect


def read_csv(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """One record per row after the header."""
    first = stream.readline()
    header_text = first.decode("utf-8-sig", "surrogateescape")
    dialect = _dialect(header_text)
    header = next(csv.reader([header_text], dialect), [])
    lines = _Lines(stream)
    if options.text_field not in header:
        yield RecordError(source, "line 1", f"no text column {options.text_field!r}", first)
        for raw in stream:
            yield Verbatim(raw)
        return
    yield Verbatim(first)
    column = header.index(options.text_field)
    id_column = header.index(options.id_field) if options.id_field in header else None
    rows = csv.reader(lines, dialect)
    number = 1
    while True:
        start = number + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            number = rows.line_num + 1
            yield RecordError(source, f"line {start}", f"invalid CSV: {error}", lines.take())
            continue
        number = rows.line_num + 1
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
            ending = "\r\n" if raw.endswith(b"\r\n") else "\n"
            yield Record(
                source, doc_id, where, row[column], raw=raw, slot=(row, column, dialect, ending)
            )


class CsvWriter(SpliceWriter):
    """Rewrites only a changed row, with the file's own dialect and line ending."""

    def render(self, record: Record, new_text: str) -> bytes:
        row, column, dialect, ending = cast(
            "tuple[list[str], int, type[csv.Dialect], str]", record.slot
        )
        cells = list(row)
        cells[column] = new_text
        buffer = io.StringIO()
        csv.writer(buffer, dialect, lineterminator=ending).writerow(cells)
        return buffer.getvalue().encode("utf-8")
