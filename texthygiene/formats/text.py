"""Plain-text and HTML files: one document per file (``-`` is stdin)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO, cast

from texthygiene.decode import BOMS, decode

from . import Item, ReadOptions, Record, SpliceWriter

_BOMS = tuple(bom for bom, _ in BOMS)  # longest first, as decode tries them


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# As browsers read them (WHATWG Encoding): these labels mean windows-1252.
_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"})
# Python codecs that decode bytes to text but are no character encoding a page can be written
# in: honouring `charset=unicode_escape` would turn a literal "\\u0041" in the page into "A".
_NOT_CHARSETS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "utf-7"}
)


def _is_charset(label: str) -> bool:
    """Whether a declared charset label names a real character encoding Python has."""
    try:
        info = codecs.lookup(label)
    except LookupError:
        return False
    # bytes-to-bytes and text-to-text codecs (base64, rot13…) are no text encodings at all
    return getattr(info, "_is_text_encoding", True) and info.name not in _NOT_CHARSETS


def declared_charset(content_type: str, data: bytes, markup: str) -> str | None:
    """The charset an HTTP Content-Type or (for HTML) a ``<meta>`` declares, or None.

    >>> declared_charset("text/html; charset=ISO-8859-1", b"", "html")
    'cp1252'
    >>> declared_charset('text/html; charset="unicode_escape"', b"", "html") is None
    True
    """
    charset = None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    if charset is None and markup == "html":
        match = _META_CHARSET.search(data[:2048])
        charset = match.group(1).decode("ascii") if match else None
    if charset is None:
        return None
    if charset.lower() in _WINDOWS_1252:
        return "cp1252"
    return charset if _is_charset(charset) else None


def decode_document(data: bytes, markup: str, content_type: str = "") -> tuple[str, str, bytes]:
    """The text of a document, the encoding it was read with, and its byte-order mark.

    A byte-order mark wins, then a declared charset that decodes the bytes, then what
    ``texthygiene.decode`` decides.
    """
    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    declared = None if bom else declared_charset(content_type, data, markup)
    if declared:
        try:
            return data.decode(declared), declared, b""
        except ValueError:
            pass  # a wrong declaration: detect instead
    decoded = decode(data)
    return decoded.text, decoded.encoding or "utf-8", bom if decoded.had_bom else b""


def _read(stream: BinaryIO, source: str, markup: str) -> Iterator[Item]:
    data = stream.read()
    text, encoding, bom = decode_document(data, markup)
    name = "<stdin>" if source == "-" else source
    yield Record(source, name, "", text, markup=markup, raw=data, slot=(encoding, bom))


def read_text(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """The whole input as one document, decoded as ``texthygiene.decode`` decides."""
    return _read(stream, source, "text")


def read_html(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """The whole input as one HTML document."""
    return _read(stream, source, "html")


class TextWriter(SpliceWriter):
    """Writes a changed document in the encoding it was read in, or UTF-8 where that cannot
    hold the result (repaired mojibake is often outside the legacy code page)."""

    def render(self, record: Record, new_text: str) -> bytes:
        encoding, bom = cast("tuple[str, bytes]", record.slot)
        try:
            return bom + new_text.encode(encoding)
        except (ValueError, LookupError):  # UnicodeEncodeError, and a bare UnicodeError
            return (codecs.BOM_UTF8 if bom else b"") + new_text.encode("utf-8", "surrogatepass")
