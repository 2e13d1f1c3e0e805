"""Batch formats at the edge of the library: streaming readers and writers for whole files.

A reader turns one input into a stream of ``Record`` (a document to scan), ``RecordError``
(a document that could not be read) and ``Verbatim`` (bytes between documents: a CSV header,
WXR markup), in input order. Every item carries its original bytes (``raw``), so a writer
copies everything it does not change verbatim and splices in only the changed text. The core
(``pipeline`` and the stages) never imports this package.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

#: Formats by name; ``detect`` picks one from the file name, then from the first bytes.
FORMATS = ("text", "html", "jsonl", "csv", "wxr", "warc")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".wxr": "wxr",
    ".xml": "wxr",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
}


@dataclass(frozen=True)
class Record:
    """One document from an input: its text and where it came from.

    ``markup`` is ``"html"`` when ``text`` is HTML source (offsets then refer to it), else
    ``"text"``. ``meta`` holds what a format adds to every report (a WARC record's URI,
    record id and byte offset). ``slot`` tells the writer which part of ``raw`` the text
    came from.
    """

    source: str
    id: str
    location: str
    text: str
    markup: str = "text"
    meta: tuple[tuple[str, str | int], ...] = ()
    raw: bytes = b""
    slot: object = None


@dataclass(frozen=True)
class RecordError:
    """A document that could not be read, with the original bytes to pass through."""

    source: str
    location: str
    message: str
    raw: bytes = b""
    fatal: bool = False  # the rest of the input is unreadable (truncated archive, broken XML)


@dataclass(frozen=True)
class Verbatim:
    """Original bytes that belong to no document; written back unchanged."""

    raw: bytes


@dataclass(frozen=True)
class ReadOptions:
    """What readers need from the command line."""

    text_field: str = "text"
    id_field: str | None = None
    comments: bool = False


Item = Record | RecordError | Verbatim


class Writer(Protocol):
    """Writes every input item back out in order, changed or verbatim."""

    def write(self, item: Item, new_text: str | None) -> None:
        """``new_text`` None: the item passes through unchanged."""

    def close(self) -> None:
        """Write whatever follows the last item."""


Reader = Callable[[BinaryIO, str, ReadOptions], Iterator[Item]]


def by_name(name: str) -> str | None:
    """The format a file name says, or None.

    >>> by_name("crawl.warc.gz"), by_name("notes")
    ('warc', None)
    """
    lower = os.path.basename(name).lower()
    for suffix, fmt in sorted(_EXTENSIONS.items(), key=lambda kv: -len(kv[0])):
        if lower.endswith(suffix):
            return fmt
    return None


def detect(name: str, head: bytes) -> str:
    """The format of an input from its name, else from its first bytes.

    >>> detect("export.xml", b""), detect("-", b'{"id": 1}'), detect("-", b"WARC/1.0")
    ('wxr', 'jsonl', 'warc')
    """
    named = by_name(name)
    if named is not None:
        return named
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    lowered = start[:512].lower()
    if lowered.startswith(b"<?xml") and b"<rss" in lowered:
        return "wxr"
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def reader(fmt: str) -> Reader:
    """The streaming reader of a format (imported on use: WARC needs warcio)."""
    if fmt == "text":
        from .text import read_text

        return read_text
    if fmt == "html":
        from .text import read_html

        return read_html
    if fmt == "jsonl":
        from .jsonl import read_jsonl

        return read_jsonl
    if fmt == "csv":
        from .csvfile import read_csv

        return read_csv
    if fmt == "wxr":
        from .wxr import read_wxr

        return read_wxr
    if fmt == "warc":
        try:
            from .warc import read_warc
        except ImportError as error:  # warcio is an optional extra
            raise ImportError(
                "WARC input needs warcio: pip install '.[warc]' in the texthygiene checkout"
                " (or pip install warcio)"
            ) from error
        return read_warc
    raise ValueError(f"unknown input format {fmt!r} (known: {', '.join(FORMATS)})")


def writer(fmt: str, out: BinaryIO) -> Writer:
    """The writer that puts a format back together (WARC: a JSONL of cleaned records)."""
    if fmt in ("text", "html"):
        from .text import TextWriter

        return TextWriter(out)
    if fmt == "jsonl":
        from .jsonl import JsonlWriter

        return JsonlWriter(out)
    if fmt == "csv":
        from .csvfile import CsvWriter

        return CsvWriter(out)
    if fmt == "wxr":
        from .wxr import WxrWriter

        return WxrWriter(out)
    if fmt == "warc":
        from .warc import WarcJsonlWriter

        return WarcJsonlWriter(out)
    raise ValueError(f"unknown format {fmt!r}")


class SpliceWriter:
    """Copies prefixes and unchanged items verbatim; ``render`` turns changed text to bytes."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def render(self, record: Record, new_text: str) -> bytes:
        raise NotImplementedError

    def write(self, item: Item, new_text: str | None) -> None:
        if isinstance(item, Record) and new_text is not None and new_text != item.text:
            self.out.write(self.render(item, new_text))
        else:
            self.out.write(item.raw)

    def close(self) -> None:
        self.out.flush()
