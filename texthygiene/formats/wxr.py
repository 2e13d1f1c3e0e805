"""WordPress export (WXR): every item's title, content and excerpt (and comments on request).

The file is parsed as a stream by expat with defusedxml's guards at their strictest (a WXR
file has no DOCTYPE, so any DTD is refused: no entity declarations, no billion laughs, no
external entities or DTDs fetched), and every field's byte span in
the original is kept. Writing splices a changed field back into those bytes: CDATA stays
CDATA, namespaces, whitespace and everything outside the changed fields are untouched.
expat itself rather than an ElementTree API because only expat reports byte offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, NoReturn, cast
from xml.parsers import expat

from defusedxml.common import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from . import Item, ReadOptions, Record, RecordError, SpliceWriter, Verbatim

_CHUNK = 1 << 16
_SEP = " "  # expat's namespace separator: "uri localname"


def _forbid_dtd(name: str, sysid: str | None, pubid: str | None, internal: bool) -> NoReturn:
    raise DTDForbidden(name, sysid, pubid)


def _forbid_entity(name: str, *args: object) -> NoReturn:
    raise EntitiesForbidden(name, None, None, None, None, None)


def _forbid_external(context: str, base: str | None, sysid: str | None, pubid: str | None) -> int:
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def _field_name(name: str, in_comment: bool, comments: bool) -> str | None:
    """The record name of an element whose text is scanned, or None."""
    uri, _, local = name.rpartition(_SEP)
    if in_comment:
        if comments and local == "comment_content" and "wordpress.org/export/" in uri:
            return "comment"
        return None
    if not uri and local == "title":
        return "title"
    if local == "encoded" and uri.endswith("/content/"):
        return "content"
    if local == "encoded" and "/excerpt/" in uri:
        return "excerpt"
    return None


@dataclass
class _Field:
    name: str
    line: int
    start: int = -1
    parts: list[str] = field(default_factory=list)
    cdata_sections: int = 0
    outside_cdata: bool = False


@dataclass
class _Done:
    """A finished field, waiting for its item's post id."""

    name: str
    line: int
    start: int
    end: int
    text: str
    cdata: bool
    comment_id: str


class _Parser:
    """Collects the scanned fields of each item, with byte spans, as expat reports them."""

    def __init__(self, comments: bool) -> None:
        self.comments = comments
        self.parser = expat.ParserCreate(namespace_separator=_SEP)
        p = self.parser
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.StartDoctypeDeclHandler = _forbid_dtd
        p.EntityDeclHandler = _forbid_entity
        p.UnparsedEntityDeclHandler = _forbid_entity
        p.ExternalEntityRefHandler = _forbid_external
        p.XmlDeclHandler = self._xml_decl
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._data
        p.StartCdataSectionHandler = self._cdata_start
        p.EndCdataSectionHandler = self._cdata_end
        self.in_cdata = False
        self.encoding = "utf-8"
        self.items = 0
        self.in_item = False
        self.in_comment = False
        self.current: _Field | None = None
        self.capture: str | None = None  # post_id or comment_id being read
        self.captured: list[str] = []
        self.post_id = ""
        self.comment_id = ""
        self.fields: list[_Done] = []
        self.finished: list[tuple[str, list[_Done]]] = []  # (item name, fields)

    def _xml_decl(self, version: str, encoding: str | None, standalone: int) -> None:
        self.encoding = encoding or "utf-8"

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        uri, _, local = name.rpartition(_SEP)
        if not uri and local == "item":
            self.in_item, self.items = True, self.items + 1
            self.post_id, self.fields = "", []
            return
        if not self.in_item:
            return
        is_wp = "wordpress.org/export/" in uri
        if is_wp and local == "comment":
            self.in_comment, self.comment_id = True, ""
        elif is_wp and local in ("post_id", "comment_id"):
            self.capture, self.captured = local, []
        elif self.current is None:
            kind = _field_name(name, self.in_comment, self.comments)
            if kind is not None:
                self.current = _Field(kind, self.parser.CurrentLineNumber)

    def _cdata_start(self) -> None:
        self.in_cdata = True
        if self.current is not None:
            if self.current.start < 0:
                self.current.start = self.parser.CurrentByteIndex
            self.current.cdata_sections += 1

    def _cdata_end(self) -> None:
        self.in_cdata = False

    def _data(self, data: str) -> None:
        if self.capture is not None:
            self.captured.append(data)
        current = self.current
        if current is None:
            return
        if current.start < 0:
            current.start = self.parser.CurrentByteIndex
        if not self.in_cdata:
            current.outside_cdata = True
        current.parts.append(data)

    def _end(self, name: str) -> None:
        uri, _, local = name.rpartition(_SEP)
        if self.capture is not None and local == self.capture:
            value = "".join(self.captured).strip()
            if self.capture == "post_id":
                self.post_id = value
            else:
                self.comment_id = value
            self.capture = None
            return
        current = self.current
        if current is not None and _field_name(name, self.in_comment, self.comments):
            self.current = None
            text = "".join(current.parts)
            if current.start >= 0 and text.strip():
                # Text outside CDATA (even whitespace around a section) means the field is
                # rewritten escaped; a field that is exactly one CDATA section stays one.
                cdata = current.cdata_sections == 1 and not current.outside_cdata
                end = self.parser.CurrentByteIndex
                # WXR puts wp:comment_id before wp:comment_content.
                comment = self.comment_id if current.name == "comment" else ""
                self.fields.append(
                    _Done(current.name, current.line, current.start, end, text, cdata, comment)
                )
            return
        if "wordpress.org/export/" in uri and local == "comment":
            self.in_comment = False
        elif not uri and local == "item":
            self.in_item = False
            name_ = f"post {self.post_id}" if self.post_id else f"item {self.items}"
            self.finished.append((name_, self.fields))


def read_wxr(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """Scanned fields as records, every other byte as ``Verbatim``, in file order."""
    state = _Parser(options.comments)
    buffer = bytearray()
    base = 0  # file offset of buffer[0]
    head = b""  # the file's first bytes: its byte-order mark
    while True:
        chunk = stream.read(_CHUNK)
        buffer += chunk
        error: str | None = None
        try:
            state.parser.Parse(chunk, not chunk)
        except expat.ExpatError as exc:
            error = f"invalid XML: {expat.errors.messages[exc.code]}"
            where = f"line {exc.lineno}, column {exc.offset + 1}"
        except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as exc:
            error = f"refused XML: {type(exc).__name__} ({exc})"
            where = f"line {state.parser.CurrentLineNumber}"
        except (LookupError, ValueError) as exc:  # an encoding expat cannot read
            error = f"unsupported XML encoding: {exc}"
            where = f"line {state.parser.CurrentLineNumber}"
        if not base and not head:
            head = bytes(buffer[:4])
        for item, fields in state.finished:
            for done in fields:
                yield Verbatim(bytes(buffer[: done.start - base]))
                raw = bytes(buffer[done.start - base : done.end - base])
                del buffer[: done.end - base]
                base = done.end
                doc = f"{item} {done.name} {done.comment_id}".rstrip()
                yield Record(
                    source,
                    doc,
                    f"line {done.line}",
                    done.text,
                    markup="text" if done.name == "title" else "html",
                    raw=raw,
                    slot=(done.cdata, _codec(state.encoding, head)),
                )
        state.finished.clear()
        if error is not None:
            yield RecordError(source, where, error, bytes(buffer) + stream.read(), fatal=True)
            return
        if not chunk:
            yield Verbatim(bytes(buffer))
            return


def _codec(declared: str, head: bytes) -> str:
    """The codec a field is written back in: the file's own, byte order included (the
    declaration's "UTF-16" would put a byte-order mark before every field).

    >>> _codec("UTF-16", b"<\\x00?\\x00"), _codec("UTF-8", b"\\xfe\\xff\\x00<")
    ('utf-16-le', 'utf-16-be')
    """
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return "utf-16-le"  # expat follows the byte-order mark, and reads UTF-16 only
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return "utf-16-be"
    return declared


class WxrWriter(SpliceWriter):
    """Writes a changed field back as CDATA (if it was one section) or escaped text."""

    def render(self, record: Record, new_text: str) -> bytes:
        cdata, encoding = cast("tuple[bool, str]", record.slot)
        if cdata:
            body = "<![CDATA[" + new_text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
        else:
            body = new_text.replace("&", "&amp;").replace("<", "&lt;")
            # '>' only where the original escaped it too; ']]>' must always be escaped.
            gt = "&gt;" if "&gt;".encode(encoding) in record.raw else ">"
            body = body.replace("]]>", "]]&gt;").replace(">", gt)
        return body.encode(encoding, "xmlcharrefreplace")
