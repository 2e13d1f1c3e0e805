"""Plain-text and HTML files: one document per file (``-`` is stdin)."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO, cast

from texthygiene.decode import decode

from . import Item, ReadOptions, Record, SpliceWriter

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


def _read(stream: BinaryIO, source: str, markup: str) -> Iterator[Item]:
    data = stream.read()
    decoded = decode(data)
    name = "<stdin>" if source == "-" else source
    bom = next((b for b in _BOMS if decoded.had_bom and data.startswith(b)), b"")
    slot = (decoded.encoding or "utf-8", bom)
    yield Record(source, name, "", decoded.text, markup=markup, raw=data, slot=slot)


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
        except (UnicodeEncodeError, LookupError):
            return (codecs.BOM_UTF8 if bom else b"") + new_text.encode("utf-8", "surrogatepass")
