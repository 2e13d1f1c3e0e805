"""WordPress export (WXR): every item's title, content and excerpt (and comments on request).

Every record carries what the export knows about its post (``meta``): title, permalink, post
id, author, date, status, type and an edit link on the site (comments: the comment's own
edit link), so that a report names a post the way its editors know it.

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

#: Item elements whose text becomes ``meta``, by (namespace kind, local name): "" no
#: namespace, "dc" Dublin Core, "wp" WordPress's export namespace.
_ITEM_META = {
    ("", "link"): "link",
    ("", "pubDate"): "pubdate",
    ("dc", "creator"): "author",
    ("wp", "post_id"): "post_id",
    ("wp", "post_date"): "date",
    ("wp", "status"): "status",
    ("wp", "post_type"): "post_type",
    ("wp", "comment_id"): "comment_id",
}
#: Channel elements that give the site's address (the edit links are made on it).
_CHANNEL_META = {
    ("", "link"): "link",
    ("wp", "base_site_url"): "site",
    ("wp", "base_blog_url"): "blog",
}


def _namespace(uri: str) -> str:
    if not uri:
        return ""
    if "wordpress.org/export/" in uri:
        return "wp"
    return "dc" if uri.rstrip("/").endswith("purl.org/dc/elements/1.1") else "?"


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
        self.capture: str | None = None  # the meta key (or channel key) being read
        self.captured: list[str] = []
        self.channel: dict[str, str] = {}  # the site's addresses
        self.item: dict[str, str] = {}  # the current item's meta
        self.title = ""
        self.comment_id = ""
        self.fields: list[_Done] = []
        # (item name, its meta, its fields)
        self.finished: list[tuple[str, tuple[tuple[str, str | int], ...], list[_Done]]] = []

    def _xml_decl(self, version: str, encoding: str | None, standalone: int) -> None:
        self.encoding = encoding or "utf-8"

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        uri, _, local = name.rpartition(_SEP)
        if not uri and local == "item":
            self.in_item, self.items = True, self.items + 1
            self.item, self.title, self.fields = {}, "", []
            return
        space = _namespace(uri)
        if not self.in_item:
            key = _CHANNEL_META.get((space, local))
            if key is not None and key not in self.channel:  # not an <image>'s <link>
                self.capture, self.captured = "channel " + key, []
            return
        is_wp = space == "wp"
        if is_wp and local == "comment":
            self.in_comment, self.comment_id = True, ""
        elif (is_wp and local == "comment_id") or (
            not self.in_comment and (space, local) in _ITEM_META
        ):
            self.capture, self.captured = _ITEM_META[space, local], []
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
        if self.capture is not None:
            value, key = "".join(self.captured).strip(), self.capture
            self.capture = None
            if key.startswith("channel "):
                self.channel[key[8:]] = value
            elif key == "comment_id":
                self.comment_id = value
            elif value:
                self.item[key] = value
            return
        current = self.current
        if current is not None and _field_name(name, self.in_comment, self.comments):
            self.current = None
            text = "".join(current.parts)
            if current.name == "title":
                self.title = text.strip()
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
            post_id = self.item.get("post_id", "")
            name_ = f"post {post_id}" if post_id else f"item {self.items}"
            self.finished.append((name_, self._meta(), self.fields))

    def _meta(self) -> tuple[tuple[str, str | int], ...]:
        """The current item's meta, in the order a report shows it."""
        item = self.item
        post_id = item.get("post_id", "")
        meta: list[tuple[str, str | int]] = [("title", self.title)] if self.title else []
        if item.get("link"):
            meta.append(("link", item["link"]))
        if post_id:
            meta.append(("post_id", int(post_id) if post_id.isdigit() else post_id))
        for key in ("author", "date", "status", "post_type"):
            if key == "date" and "date" not in item and "pubdate" in item:
                meta.append(("date", item["pubdate"]))
            elif key in item:
                meta.append((key, item[key]))
        site = _site(self.channel)
        if site and post_id.isdigit():
            meta.append(("edit_link", f"{site}/wp-admin/post.php?post={post_id}&action=edit"))
        return tuple(meta)


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
        for item, meta, fields in state.finished:
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
                    meta=_comment_meta(meta, done.comment_id, state.channel)
                    if done.name == "comment"
                    else meta,
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


def _site(channel: dict[str, str]) -> str:
    """The site address an edit link is made on: the blog's own URL (``base_site_url`` is
    the network's on a multisite, and a single site gives both the same), else the site's,
    else the channel link; only an http(s) address.

    >>> _site({"site": "https://wordpress.com/", "blog": "https://tuin.wordpress.com"})
    'https://tuin.wordpress.com'
    >>> _site({"link": "javascript:alert(1)"})
    ''
    """
    for key in ("blog", "site", "link"):
        value = channel.get(key, "").rstrip("/")
        if value.lower().startswith(("https://", "http://")):
            return value
    return ""


def _comment_meta(
    meta: tuple[tuple[str, str | int], ...], comment_id: str, channel: dict[str, str]
) -> tuple[tuple[str, str | int], ...]:
    """A comment's meta: its post's title, link and id, and the comment's own edit link (the
    post's author and status are not the comment's)."""
    kept = tuple((k, v) for k, v in meta if k in ("title", "link", "post_id"))
    site = _site(channel)
    if not comment_id.isdigit():
        return kept
    edit = (("edit_link", f"{site}/wp-admin/comment.php?action=editcomment&c={comment_id}"),)
    return kept + (("comment_id", int(comment_id)),) + (edit if site else ())


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
