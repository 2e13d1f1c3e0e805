"""Batch formats at the edge of the library: streaming readers and writers for whole files.

A reader turns one input into a stream of ``Record`` (a document to scan), ``RecordError``
(a document that could not be read) and ``Verbatim`` (bytes between documents: a CSV header,
WXR markup), in input order. Every item carries its original bytes (``raw``), so a writer
copies everything it does not change verbatim and splices in only the changed text. The core
(``pipeline`` and the stages) never imports this package.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol, cast

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
    ".arc": "warc",  # warcio reads ARC too
    ".arc.gz": "warc",
}


@dataclass(frozen=True)
class Record:
    """One document from an input: its text and where it came from.

    ``markup`` is ``"html"`` when ``text`` is HTML source (offsets then refer to it), else
    ``"text"``. ``meta`` holds what a format adds to every report so that a person knows
    the document: a WARC record's URI, record id, byte offset and date; a WordPress post's
    title, permalink, id, author, date, status and edit link; the JSONL or CSV fields named
    with ``--meta-field``. ``slot`` tells the writer which part of ``raw`` the text came from.
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
    rest_lost: bool = False  # the bytes after this point could not be read: never rewrite


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
    meta_fields: tuple[str, ...] = ()  # JSONL keys or CSV columns copied into ``meta``


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
    >>> detect("old.arc", b""), detect("-", b"filedesc://old.arc 0.0.0.0 2001")
    ('warc', 'warc')
    """
    named = by_name(name)
    if named is not None:
        return named
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith((b"WARC/", b"filedesc://")) or head.startswith(b"\x1f\x8b"):
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


class _Tap(io.BufferedIOBase):
    """An input stream as a reader sees it: counts the bytes handed out, and keeps those
    that no item's ``raw`` has covered yet (what a failed reader leaves unwritten)."""

    def __init__(self, stream: BinaryIO, keep: bool) -> None:
        super().__init__()
        self.stream = stream
        self.keep = keep
        self.consumed = 0
        self.held = bytearray()

    def _took(self, data: bytes) -> bytes:
        self.consumed += len(data)
        if self.keep:
            self.held += data
        return data

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        return self._took(self.stream.read(-1 if size is None else size))

    def read1(self, size: int = -1) -> bytes:
        return self.read(size)

    def readline(self, size: int | None = -1) -> bytes:
        return self._took(self.stream.readline(-1 if size is None else size))

    def peek(self, size: int = 0) -> bytes:
        peek = getattr(self.stream, "peek", None)
        return bytes(peek(size)) if peek is not None else b""

    def covered(self, size: int) -> None:
        del self.held[:size]


class Input:
    """One input read as a stream of items, whatever its reader does.

    A reader's failure (a bug, a library's exception, an I/O error) never escapes: it
    becomes a fatal ``RecordError`` naming the byte where reading stopped and carrying every
    byte from there on, so a rewrite passes them through unchanged (``rest_lost`` when they
    cannot be read). An input without items yields one empty ``Verbatim``, so that its
    output is written all the same. ``consumed`` is the bytes read so far (for progress).
    """

    def __init__(self, stream: BinaryIO, source: str, fmt: str, options: ReadOptions) -> None:
        self.read = reader(fmt)  # ImportError (WARC without warcio) is the caller's to report
        self.source = source
        self.fmt = fmt
        self.options = options
        self.stream = stream
        # A WARC's items carry no bytes (it is never rewritten): keeping them would only grow.
        self.tap = _Tap(stream, keep=fmt != "warc")

    @property
    def consumed(self) -> int:
        return self.tap.consumed

    def __iter__(self) -> Iterator[Item]:
        covered = 0
        last = ""
        yielded = False
        try:
            for item in self.read(cast("BinaryIO", self.tap), self.source, self.options):
                self.tap.covered(len(item.raw))
                covered += len(item.raw)
                if not isinstance(item, Verbatim):
                    last = item.location
                yielded = True
                yield item
                if isinstance(item, RecordError) and item.fatal:
                    return
        except Exception as error:  # a reader's failure is reported, whatever it is
            yield self._failed(error, covered if self.tap.keep else self.tap.consumed, last)
            return
        if not yielded:
            yield Verbatim(b"")

    def _failed(self, error: Exception, offset: int, last: str) -> RecordError:
        where = f"byte {offset}" + (f" (after {last})" if last else "")
        if isinstance(error, OSError):
            why = error.strerror or str(error)
        else:
            why = f"unreadable {self.fmt}: {type(error).__name__}: {error}"
        if not self.tap.keep:
            return RecordError(self.source, where, why, fatal=True)
        try:
            rest = bytes(self.tap.held) + self.stream.read()
        except OSError:
            return RecordError(self.source, where, why, fatal=True, rest_lost=True)
        return RecordError(self.source, where, why, rest, fatal=True)
