"""WARC and WARC.gz web archives (warcio): HTML and plain-text responses are scanned.

An archive is never rewritten: ``clean`` writes a JSONL of the cleaned records, each with its
target URI and WARC record id. Payloads are decoded with the charset the HTTP header or the
HTML declares, else as ``texthygiene.decode`` decides.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from texthygiene.decode import decode

from . import Item, ReadOptions, Record, RecordError
from .jsonl import dumps

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _charset(content_type: str, payload: bytes) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    match = _CHARSET_RE.search(payload[:2048])
    return match.group(1).decode("ascii") if match else None


def _text(content_type: str, payload: bytes) -> str:
    charset = _charset(content_type, payload)
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    return decode(payload).text


def read_warc(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """One record per HTML or plain-text response (or resource); others are skipped."""
    records = ArchiveIterator(stream)
    number = 0
    offset = 0
    try:
        for record in records:
            number += 1
            offset = records.get_record_offset()
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
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
            yield Record(
                source,
                record_id or f"record {number}",
                f"record {number} (offset {offset})",
                _text(content_type, payload),
                markup="html" if mime in _HTML_TYPES else "text",
                meta=(("uri", uri), ("record_id", record_id)),
            )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as error:
        where = f"record {number + 1} (after offset {offset})"
        yield RecordError(source, where, f"unreadable archive: {error}", fatal=True)


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
