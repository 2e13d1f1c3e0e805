"""WARC and WARC.gz web archives (warcio): HTML and plain-text responses are scanned.

An archive is never rewritten: ``clean`` writes a JSONL of the cleaned records, each with its
target URI and WARC record id. Reports carry the URI, the record id, the record's byte
offset in the archive and its date (``meta``). Payloads are decoded with the charset the
HTTP header or the HTML declares, else as ``texthygiene.decode`` decides.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from . import Item, ReadOptions, Record, RecordError
from .jsonl import dumps
from .text import decode_document

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: warcio's modules that log (a logger's filters do not apply to its children's records).
_WARCIO_LOGGERS = ("warcio.recordloader", "warcio.bufferedreaders")


class _GzipCheck:
    """Passes an archive's bytes through while checking that every gzip member ends.

    warcio stops quietly at a member cut short (the records in it are simply missing), so
    the members are followed here too; decompressing twice costs little next to scanning.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.member = zlib.decompressobj(wbits=31)
        self.started = False  # the current member has input it has not finished

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        pending = data
        while pending:
            self.member.decompress(pending, 1 << 16)
            self.started = not self.member.eof
            pending = self.member.unused_data
            if self.member.eof:
                self.member = zlib.decompressobj(wbits=31)
            elif self.member.unconsumed_tail:
                pending = self.member.unconsumed_tail
        return data

    @property
    def truncated(self) -> bool:
        return self.started


class _Count:
    """Counts an uncompressed archive's bytes: what follows its last whole record is a
    record warcio dropped because it was cut short."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.total = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.total += len(data)
        return data


def read_warc(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """One record per HTML or plain-text response (or resource); others are skipped.

    ARC files (``.arc``, ``.arc.gz``) are read the same way: warcio reads both. Every
    record is checked to be as long as its header says: a record cut short (a truncated
    file, or a ``Content-Length`` larger than the record) is an error, as is a record that
    runs on past its length (warcio only warns about that on stderr).
    """
    peek = getattr(stream, "peek", None)
    gzipped = peek is not None and peek(2)[:2] == b"\x1f\x8b"
    check = _GzipCheck(stream) if gzipped else None
    count = None if gzipped else _Count(stream)
    records = ArchiveIterator(check or count)
    records.INC_RECORD = ""  # warcio's own warning, unprefixed: reported below instead
    number = 0
    offset = 0  # where the current record starts
    after = 0  # where the last whole record ended
    try:
        with _warcio_log_prefixed(source):
            for record in records:
                number += 1
                warned = records.err_count
                item = _record(record, source, number, records)
                offset, length = records.get_record_offset(), records.get_record_length()
                where = f"record {number} (offset {offset})"
                missing = getattr(record.raw_stream, "limit", 0)
                if missing > 0 or _no_length(record):
                    message = (
                        f"the record ends {missing} bytes before the length its header gives: "
                        "the archive is truncated, or the Content-Length is wrong"
                        if missing
                        else "the record's header is cut short: the archive is truncated"
                    )
                    yield RecordError(source, where, message, fatal=True)
                    return
                if item is not None:
                    yield item
                after = offset + length
                if records.err_count > warned:
                    yield RecordError(
                        source,
                        where,
                        "no blank line where the record ends: its Content-Length is wrong "
                        "(the next record may be misread)",
                    )
    except Exception as error:  # warcio's failures on a broken archive are of every kind
        where = f"record {number + 1} (after offset {after})"
        yield RecordError(source, where, f"unreadable archive: {_why(error)}", fatal=True)
        return
    end = getattr(records, "offset", None)  # where warcio stopped: after the last record
    if count is not None and isinstance(end, int) and count.total > end:
        where = f"record {number + 1} (offset {end})"
        message = (
            f"the last {count.total - end} bytes are a record cut short: the archive is truncated"
        )
        yield RecordError(source, where, message, fatal=True)
    if check is not None and check.truncated:
        where = f"after record {number} (offset {offset})"
        yield RecordError(
            source, where, "truncated gzip member: the archive ends early", fatal=True
        )


def _no_length(record: ArcWarcRecord) -> bool:
    """A WARC record without its mandatory Content-Length: its header was cut off."""
    return record.format == "warc" and record.rec_headers.get_header("Content-Length") is None


def _why(error: Exception) -> str:
    if isinstance(error, (ArchiveLoadFailed, EOFError, OSError, zlib.error)):
        return str(error)
    return f"{type(error).__name__}: {error}"  # not warcio's own: name the kind


def _record(
    record: ArcWarcRecord, source: str, number: int, records: ArchiveIterator
) -> Record | None:
    """A record to scan, or None for one that is not HTML or plain text."""
    if record.rec_type not in ("response", "resource", "conversion"):
        return None
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    content_type = headers.get_header("Content-Type") or ""
    if record.format == "arc" and not content_type:
        content_type = record.rec_headers.get_header("content-type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime not in (*_HTML_TYPES, "text/plain"):
        return None
    payload = record.content_stream().read()
    offset = records.get_record_offset()  # only after the read: it skips to the end
    if record.format == "arc":  # ARC has no record ids (warcio would make up random ones)
        uri, record_id = record.rec_headers.get_header("uri") or "", ""
        date = record.rec_headers.get_header("archive-date") or ""
    else:
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
        date = record.rec_headers.get_header("WARC-Date") or ""
    markup = "html" if mime in _HTML_TYPES else "text"
    return Record(
        source,
        record_id or f"record {number}",
        f"record {number} (offset {offset})",
        decode_document(payload, markup, content_type)[0],
        markup=markup,
        meta=(("uri", uri), ("record_id", record_id), ("offset", offset), ("date", date)),
    )


class _Prefix(logging.Filter):
    """Names the archive in what warcio logs (a URI it had to repair, say)."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = f"texthygiene: warning: {_printable(self.source)}: {record.getMessage()}"
        record.args = ()
        return True


@contextmanager
def _warcio_log_prefixed(source: str) -> Iterator[None]:
    prefix = _Prefix(source)
    for name in _WARCIO_LOGGERS:
        logging.getLogger(name).addFilter(prefix)
    try:
        yield
    finally:
        for name in _WARCIO_LOGGERS:
            logging.getLogger(name).removeFilter(prefix)


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


class WarcJsonlWriter:
    """One JSON line per scanned record: URI, record id and the (cleaned) text."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def write(self, item: Item, new_text: str | None) -> None:
        if not isinstance(item, Record):
            return  # the archive is not rewritten: only its scanned records are written
        meta = dict(item.meta)
        line = {"uri": meta.get("uri", ""), "record_id": meta.get("record_id", "")}
        line["text"] = item.text if new_text is None else new_text
        self.out.write(dumps(line).encode("utf-8") + b"\n")

    def close(self) -> None:
        self.out.flush()
