"""WARC and WARC.gz web archives (warcio): HTML and plain-text responses are scanned.

An archive is never rewritten: ``clean`` writes a JSONL of the cleaned records, each with its
target URI and WARC record id. Reports carry the URI, the record id and the record's byte
offset in the archive (``meta``). Payloads are decoded with the charset the HTTP header or the
HTML declares, else as ``texthygiene.decode`` decides.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from . import Item, ReadOptions, Record, RecordError
from .jsonl import dumps
from .text import decode_document

_HTML_TYPES = ("text/html", "application/xhtml+xml")


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


def read_warc(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """One record per HTML or plain-text response (or resource); others are skipped."""
    peek = getattr(stream, "peek", None)
    check = _GzipCheck(stream) if peek is not None and peek(2)[:2] == b"\x1f\x8b" else None
    records = ArchiveIterator(check or stream)
    number = 0
    offset = 0
    try:
        for record in records:
            number += 1
            if record.rec_type not in ("response", "resource", "conversion"):
                continue
            if record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type") or ""
            else:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            mime = content_type.split(";")[0].strip().lower()
            if mime not in (*_HTML_TYPES, "text/plain"):
                continue
            payload = record.content_stream().read()
            offset = records.get_record_offset()  # only after the read: it skips to the end
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
            markup = "html" if mime in _HTML_TYPES else "text"
            yield Record(
                source,
                record_id or f"record {number}",
                f"record {number} (offset {offset})",
                decode_document(payload, markup, content_type)[0],
                markup=markup,
                meta=(("uri", uri), ("record_id", record_id), ("offset", offset)),
            )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as error:
        where = f"record {number + 1} (after offset {offset})"
        yield RecordError(source, where, f"unreadable archive: {error}", fatal=True)
        return
    if check is not None and check.truncated:
        where = f"after record {number} (offset {offset})"
        yield RecordError(
            source, where, "truncated gzip member: the archive ends early", fatal=True
        )


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
