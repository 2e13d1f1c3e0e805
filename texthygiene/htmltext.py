"""HTML to the text a browser shows, with every character mapped back into the source.

One linear pass of a small HTML5-style tokenizer (tags, comments, raw-text elements) over the
source string; no tree is built and nothing recurses, so 10 000 levels of nesting cost what
10 000 siblings cost. Text is laid out as a browser's ``innerText`` would: blocks, list items,
table cells and ``<br>`` become line breaks, whitespace collapses, entities are decoded,
inline elements do not split words. WordPress classic-editor content (no ``<p>``) gets
wpautop's reading: a blank line is a paragraph, a single newline a line break.

The result keeps ``pieces``: runs of extracted text with the source span each came from, so
any range of the text maps back to exact source offsets (``source_span``).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple


def names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Elements whose content is not markup: skipped to their end tag, never shown as page text.
_RAWTEXT = names("script style textarea title xmp iframe noembed noframes noscript plaintext")
# Elements whose content a reader never sees as text on the page.
_IGNORED = _RAWTEXT | names("template head svg math")
_VOID = names("area base br col embed hr img input keygen link meta param source track wbr")
# Content that is not text: an element holding one of these holds something besides its text.
MEDIA = names("img picture video audio iframe embed object svg canvas input select textarea button")
_PARAGRAPH = names(
    "p h1 h2 h3 h4 h5 h6 blockquote pre ul ol dl table figure hr section article aside "
    "header footer nav main address details form fieldset hgroup center menu dir"
)
_LINE = names("div li dt dd tr td th caption figcaption summary legend option")
# A start tag of one of these closes an open <p> (HTML5 "close a p element").
_CLOSES_P = _PARAGRAPH | names("li dd dt div figcaption")
_P_SCOPE = names("button table td th caption html template marquee object applet")
_PRE = names("pre listing")
# Screen-reader-only text is hidden on purpose and is not spam.
ACCESSIBLE_CLASSES = names(
    "sr-only sr-only-focusable visually-hidden visually-hidden-focusable visuallyhidden "
    "screen-reader-text screen-reader-only screen-reader a11y-hidden assistive-text "
    "skip-link skip-to-content show-for-sr element-invisible"
)
# Shortcodes WordPress ships or that are common; any other [name key="value"] also counts.
_SHORTCODES = names(
    "gallery caption wp_caption embed audio video playlist contact-form-7 contact-form "
    "button row column col columns vc_row vc_column vc_column_text et_pb_section "
    "et_pb_row et_pb_column et_pb_text"
)

_TOKEN = re.compile(
    r"""
    (?P<comment><!--(?:-?>|.*?(?:--!?>|\Z)))
  | (?P<end></[a-zA-Z][^\t\n\f\r />]*(?:[^"'>]|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*(?:>|\Z))
  | (?P<start><[a-zA-Z][^\t\n\f\r />]*(?:[^"'>]|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*(?:>|\Z))
  | (?P<bogus><[!?/][^>]*(?:>|\Z))
  | (?P<text>(?:[^<]|<(?![a-zA-Z!?/]))+|<)
    """,
    re.S | re.X,
)
_TAG_NAME = re.compile(r"</?([^\t\n\f\r />]+)")
_ATTR = re.compile(
    r"""([^\t\n\f\r />"'=][^\t\n\f\r />"'=]*)"""
    r"""(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\t\n\f\r >]*)))?"""
)
# Inside a text run: collapsible whitespace, a character reference, a shortcode, other text.
_PLAIN = r"(?:[^ \t\n\r\f&\[]|&(?![#A-Za-z])|\[(?![/A-Za-z_]))+"
_TEXT_PART = re.compile(
    rf"(?P<plain>{_PLAIN}(?: {_PLAIN})*)"  # words and the single spaces between them
    r"|(?P<space>[ \t\n\r\f]+)"
    r"|(?P<ref>&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?))"
    r"|(?P<short>\[/?[A-Za-z_][\w-]*(?:\s[^\[\]]*)?/?\])"
    r"|(?P<other>.)",
    re.S,
)
_SHORTCODE_NAME = re.compile(r"\[/?([A-Za-z_][\w-]*)")
_STYLE_OPEN = re.compile(r"<style\b[^>]*>", re.I)
_STYLE_CLOSE = re.compile(r"</style\s*>", re.I)
_SIMPLE_SELECTOR = re.compile(r"[a-zA-Z]*([.#][-\w]+)")
_STYLE_DECL = re.compile(r"([-a-zA-Z]+)\s*:\s*([^;]*)")
_LENGTH = re.compile(r"^(-?\d*\.?\d+)\s*(px|em|rem|pt|pc|%|vw|vh|vmin|vmax|cm|mm|in|ex|ch)?$")
_OFF_SCREEN_PX = -500.0
# A word with the space before it: the unit encoding repair is mapped in.
_CHUNK = re.compile(r"\s*\S+|\s+")
_MERGE = 4  # words repaired together at most, when one alone does not repair as in context
_UNIT_PX = {"em": 16.0, "rem": 16.0, "pt": 4 / 3, "pc": 16.0, "cm": 37.8, "mm": 3.78, "in": 96.0}


class Piece(NamedTuple):
    """A run of extracted text and the source span it came from.

    ``verbatim`` pieces copy the source character for character; the others (an entity,
    collapsed whitespace, a line break standing for a tag) map as a whole.
    """

    text_start: int
    text_end: int
    source_start: int
    source_end: int
    verbatim: bool
    synthetic: bool  # a break that stands for markup: no source text of its own


class Element(NamedTuple):
    """An element as the tokenizer saw it, with its spans in the source and in the text."""

    name: str
    parent: int  # index in ``Extracted.elements``, -1 at the top
    source_start: int  # the start tag's ``<``
    source_end: int  # after its end tag, or where it was implicitly closed
    text_start: int
    text_end: int
    attrs: dict[str, str]
    hidden: str | None  # why this element itself is hidden (display_none, …), None if not
    accessible: bool  # hidden on purpose for screen readers (sr-only, skip links)


@dataclass(frozen=True)
class Extracted:
    """The shown text of an HTML string and the maps back into it."""

    source: str
    text: str
    pieces: tuple[Piece, ...]
    elements: tuple[Element, ...]
    media: tuple[int, ...]  # source offsets of media elements (images, embeds, controls)
    # Source ranges of markup that is not text and is no element's text: scripts, styles,
    # templates, comments. Cleaning never deletes them.
    kept: tuple[tuple[int, int], ...]
    page_language: str | None  # <html lang>, primary subtag
    # Where each piece starts in the text, for bisecting (derived from ``pieces``).
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._starts.extend(p.text_start for p in self.pieces)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source range a text range ``[start, end)`` came from (``start < end``)."""
        first = self.pieces[bisect_right(self._starts, start) - 1]
        last = self.pieces[bisect_right(self._starts, max(start, end - 1)) - 1]
        source_start = first.source_start
        if first.verbatim:
            source_start += start - first.text_start
        source_end = last.source_end
        if last.verbatim:
            source_end = last.source_start + end - last.text_start
        return source_start, max(source_start, source_end)

    def source_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """The source characters that text ``[start, end)`` came from, as ranges: markup
        between them (tags, comments) and breaks standing for markup are not included. A
        piece that is not a copy of its source (an entity, collapsed whitespace, a repaired
        word) cannot be cut: it counts whole if the range has any of it, as in
        ``source_span``."""
        ranges: list[tuple[int, int]] = []
        i = max(0, bisect_right(self._starts, start) - 1)
        while i < len(self.pieces) and self.pieces[i].text_start < end:
            piece = self.pieces[i]
            i += 1
            lo, hi = max(start, piece.text_start), min(end, piece.text_end)
            if lo >= hi or piece.synthetic:
                continue
            if piece.verbatim:
                offset = piece.source_start - piece.text_start
                ranges.append((lo + offset, hi + offset))
            else:
                ranges.append((piece.source_start, piece.source_end))
        return ranges


def rewritten(
    ex: Extracted, fix: Callable[[str], str]
) -> tuple[Extracted, list[tuple[int, str, str]]]:
    """``ex`` with ``fix`` applied to each piece of text (encoding repair), the maps kept;
    and, per changed stretch, where it starts in the new text, what it was and what it is.

    A verbatim piece is repaired word by word (see ``_aligned``): each changed stretch maps
    as a whole to exactly the source it was repaired from, and everything a fix leaves alone
    still maps character for character.
    """
    parts: list[str] = []
    pieces: list[Piece] = []
    changes: list[tuple[int, str, str]] = []
    new_bounds: list[tuple[int, int]] = []
    length = 0
    for piece in ex.pieces:
        old = ex.text[piece.text_start : piece.text_end]
        new = old if piece.synthetic else fix(old)
        new_bounds.append((length, length + len(new)))
        if new == old:
            pieces.append(piece._replace(text_start=length, text_end=length + len(new)))
        elif not piece.verbatim:
            pieces.append(piece._replace(text_start=length, text_end=length + len(new)))
            changes.append((length, old, new))
        else:
            at, source = length, piece.source_start
            for old_len, new_len in _aligned(old, new, fix):
                was = ex.source[source : source + old_len]
                now = new[at - length : at - length + new_len]
                if was == now:
                    _add_verbatim(pieces, at, at + new_len, source)
                else:
                    pre, suf = _unchanged_ends(was, now, fix)
                    mid_end = at + new_len - suf
                    if pre:
                        _add_verbatim(pieces, at, at + pre, source)
                    pieces.append(
                        Piece(at + pre, mid_end, source + pre, source + old_len - suf, False, False)
                    )
                    if suf:
                        end = source + old_len
                        pieces.append(Piece(mid_end, mid_end + suf, end - suf, end, True, False))
                    changes.append((at + pre, was[pre : old_len - suf], now[pre : new_len - suf]))
                at += new_len
                source += old_len
        parts.append(new)
        length += len(new)
    if not changes:
        return ex, []
    old_starts = [p.text_start for p in ex.pieces]

    def move(offset: int) -> int:
        i = bisect_right(old_starts, offset) - 1
        if i < 0:
            return 0
        piece = ex.pieces[i]
        start, end = new_bounds[i]
        if end - start == piece.text_end - piece.text_start:
            return min(end, start + offset - piece.text_start)
        return start if offset == piece.text_start else end

    elements = tuple(
        e._replace(text_start=move(e.text_start), text_end=move(e.text_end)) for e in ex.elements
    )
    text = "".join(parts)
    return (
        Extracted(ex.source, text, tuple(pieces), elements, ex.media, ex.kept, ex.page_language),
        changes,
    )


def _add_verbatim(pieces: list[Piece], start: int, end: int, source_start: int) -> None:
    """Append a verbatim piece, or grow the last one if this one goes on from it."""
    last = pieces[-1] if pieces else None
    if (
        last is not None
        and last.verbatim
        and (last.text_end, last.source_end)
        == (
            start,
            source_start,
        )
    ):
        pieces[-1] = last._replace(text_end=end, source_end=source_start + end - start)
    else:
        pieces.append(Piece(start, end, source_start, source_start + end - start, True, False))


def _aligned(old: str, new: str, fix: Callable[[str], str]) -> list[tuple[int, int]]:
    """``new == fix(old)`` cut into consecutive stretches, as (old length, new length), each
    the fix of its own stretch of ``old``: words (with the space before them), or a few
    words together where one alone does not repair as it does in context, and at worst one
    stretch in the middle that only repairs whole. Every cut is checked, so the stretches
    map into ``old`` exactly."""
    ends = [m.end() for m in _CHUNK.finditer(old)]
    starts = [0, *ends[:-1]]
    count = len(ends)
    same_start, same_end = _common_ends(old, new)
    # The words before the first change and after the last one, if they repair to themselves.
    first = bisect_right(ends, same_start)
    if first and fix(old[: starts[first]]) != old[: starts[first]]:
        first = 0
    stop = bisect_left(starts, len(old) - same_end)
    if stop < count and fix(old[starts[stop] :]) != old[starts[stop] :]:
        stop = count
    head = [(starts[first], starts[first])] if first else []
    tail = [(len(old) - starts[stop], len(old) - starts[stop])] if stop < count else []
    pos, rpos = head[0][1] if head else 0, len(new) - (tail[0][1] if tail else 0)
    i = first
    while i < stop:  # word by word from the left
        for k in range(i, min(i + _MERGE, stop)):
            fixed = fix(old[starts[i] : ends[k]])
            if (
                fixed
                and new.startswith(fixed, pos, rpos)
                and (k + 1 < stop or pos + len(fixed) == rpos)
            ):
                break
        else:
            break
        head.append((ends[k] - starts[i], len(fixed)))
        pos += len(fixed)
        i = k + 1
    j = stop
    while j > i:  # and from the right, what the left could not place
        for k in range(j - 1, max(i, j - _MERGE) - 1, -1):
            fixed = fix(old[starts[k] : ends[j - 1]])
            if fixed and new.endswith(fixed, pos, rpos) and (k > i or rpos - len(fixed) == pos):
                break
        else:
            break
        tail.append((ends[j - 1] - starts[k], len(fixed)))
        rpos -= len(fixed)
        j = k
    if j > i or pos < rpos:  # what repairs only whole
        head.append(
            (
                (starts[j] if j < count else len(old)) - (starts[i] if i < count else len(old)),
                rpos - pos,
            )
        )
    return head + tail[::-1]


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """The lengths of the longest common prefix and (after it) suffix of two strings."""
    shorter = min(len(old), len(new))
    pre = next((i for i in range(shorter) if old[i] != new[i]), shorter)
    suf = next((i for i in range(shorter - pre) if old[-1 - i] != new[-1 - i]), shorter - pre)
    return pre, suf


def _unchanged_ends(old: str, new: str, fix: Callable[[str], str]) -> tuple[int, int]:
    """How many characters at the start and at the end of ``old`` a fix left alone: the
    most for which the changed middle repairs on its own to what it became."""
    pre, suf = _common_ends(old, new)
    for a, b in ((pre, suf), (pre, 0), (0, suf)):
        if not (a or b) or fix(old[a : len(old) - b]) == new[a : len(new) - b]:
            return a, b
    return 0, 0


def stylesheet_hiding(source: str) -> dict[str, str]:
    """Hiding rules of the page's own ``<style>`` blocks, for simple selectors only:
    ``.class`` or ``#id`` (optionally after a tag name) → reason code.

    >>> stylesheet_hiding("<style>.a1, div#b { display: none } .c { color: red }</style>")
    {'.a1': 'display_none', '#b': 'display_none'}
    """
    rules: dict[str, str] = {}
    blocks = []
    pos = 0
    while (opening := _STYLE_OPEN.search(source, pos)) is not None:
        # Searched apart, so a thousand unclosed <style> tags cost one pass, not a thousand.
        closing = _STYLE_CLOSE.search(source, opening.end())
        if closing is None:
            break
        blocks.append(source[opening.end() : closing.start()])
        pos = closing.end()
    for block in blocks:
        for rule in block.split("}"):
            head, brace, declarations = rule.rpartition("{")
            if not brace:
                continue
            selectors = head.split("{")[-1]  # inside @media {…}: the rule's own selectors
            reason = hidden_reason({"style": declarations})
            if reason is None:
                continue
            for selector in selectors.split(","):
                simple = _SIMPLE_SELECTOR.fullmatch(selector.strip())
                if simple:
                    rules.setdefault(simple.group(1), reason)
    return rules


def hidden_reason(attrs: dict[str, str]) -> str | None:
    """Why inline markup hides an element, as a reason code, or None.

    >>> hidden_reason({"style": "position:absolute; left:-9999px"})
    'off_screen'
    >>> hidden_reason({"style": "font-size: 0px !important"})
    'font_size_zero'
    """
    if "hidden" in attrs:
        return "hidden_attribute"
    style = attrs.get("style")
    if not style:
        return None
    decls = {
        name.lower(): value.lower().replace("!important", "").strip()
        for name, value in _STYLE_DECL.findall(style)
    }
    if decls.get("display") == "none":
        return "display_none"
    if decls.get("visibility") in ("hidden", "collapse"):
        return "visibility_hidden"
    if _number(decls.get("opacity")) == 0:
        return "opacity_zero"
    if _px(decls.get("font-size")) == 0:
        return "font_size_zero"
    indent = _px(decls.get("text-indent"))
    if indent is not None and indent <= _OFF_SCREEN_PX:
        return "off_screen"
    if decls.get("position") in ("absolute", "fixed"):
        for side in ("left", "top", "right", "bottom", "margin-left", "margin-top"):
            offset = _px(decls.get(side))
            if offset is not None and offset <= _OFF_SCREEN_PX:
                return "off_screen"
        if decls.get("clip", "").replace(" ", "") in ("rect(0,0,0,0)", "rect(0000)"):
            return "clipped"
    if decls.get("overflow") == "hidden" and any(
        _px(decls.get(side)) == 0 for side in ("width", "height", "max-height", "max-width")
    ):
        return "zero_size"
    return None


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    match = _LENGTH.match(value.strip())
    if not match:
        return None
    number = float(match.group(1))
    return number / 100 if match.group(2) == "%" else number


def _px(value: str | None) -> float | None:
    if value is None:
        return None
    match = _LENGTH.match(value.strip())
    if not match:
        return None
    return float(match.group(1)) * _UNIT_PX.get(match.group(2) or "px", 1.0)


def _attributes(tag: str, name_end: int) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR.finditer(tag, name_end):
        key = match.group(1).lower()
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        attrs.setdefault(key, html.unescape(value))
    return attrs


def _is_shortcode(token: str) -> bool:
    name = _SHORTCODE_NAME.match(token)
    return name is not None and (name.group(1).lower() in _SHORTCODES or "=" in token)


class _Open:
    """An element on the open-element stack, with the state its content inherits."""

    __slots__ = (
        "ignored",
        "index",
        "li_scope",
        "name",
        "p_scope",
        "pre",
        "text_start",
    )

    def __init__(self, name: str, index: int, text_start: int) -> None:
        self.name = name
        self.index = index
        self.text_start = text_start
        self.ignored = False
        self.pre = False
        self.p_scope = -1  # stack position of the <p> a new block would close, -1: none
        self.li_scope = -1


class _Builder:
    def __init__(self, source: str, wpautop: bool, stylesheet: dict[str, str]) -> None:
        self.source = source
        self.wpautop = wpautop
        self.stylesheet = stylesheet
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.length = 0
        self.pending_break = 0
        self.pending_space: tuple[int, int] | None = None
        self.line_start = True  # nothing shown yet on the current line
        self.elements: list[Element] = []
        self.stack: list[_Open] = []
        self.counts: dict[str, int] = {}
        self.media: list[int] = []
        self.kept: list[tuple[int, int]] = []
        self.page_language: str | None = None

    # -- text -----------------------------------------------------------------------------
    def _append(self, text: str, start: int, end: int, verbatim: bool, synthetic: bool) -> None:
        self.parts.append(text)
        pieces = self.pieces
        last = pieces[-1] if pieces else None
        if verbatim and last is not None and last.verbatim and last.source_end == start:
            pieces[-1] = last._replace(text_end=last.text_end + len(text), source_end=end)
        else:
            pieces.append(
                Piece(self.length, self.length + len(text), start, end, verbatim, synthetic)
            )
        self.length += len(text)

    def _flush(self, at: int) -> None:
        if not self.pending_break and self.pending_space is None:
            return
        if self.pending_break and self.length:
            self._append("\n" * self.pending_break, at, at, False, True)
            self.line_start = True
        elif self.pending_space is not None and not self.line_start:
            self._append(" ", *self.pending_space, False, False)
        self.pending_break = 0
        self.pending_space = None

    def block(self, level: int) -> None:
        self.pending_break = min(2, max(self.pending_break, level))
        self.pending_space = None

    def text(self, start: int, end: int) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.ignored:
            return
        pre = top is not None and top.pre
        source = self.source
        for match in _TEXT_PART.finditer(source, start, end):
            kind = match.lastgroup
            a, b = match.span()
            if kind == "space":
                if pre:
                    self._flush(a)
                    self._append(source[a:b], a, b, True, False)
                    self.line_start = source[b - 1] == "\n"
                elif self.wpautop and "\n" in source[a:b]:
                    lines = source.count("\n", a, b)
                    self.pending_break = min(2, max(self.pending_break, lines))
                    self.pending_space = None
                elif self.pending_break == 0:
                    self.pending_space = (a, b)
            elif kind == "ref":
                self._flush(a)
                decoded = html.unescape(source[a:b])
                self._append(decoded, a, b, decoded == source[a:b], False)
                self.line_start = False
            elif kind == "short" and _is_shortcode(source[a:b]):
                continue
            else:
                self._flush(a)
                self._append(source[a:b], a, b, True, False)
                self.line_start = False

    def line_break(self, at: int) -> None:
        if self.stack and self.stack[-1].ignored:
            return
        if self.pending_break:
            self.pending_break = min(2, self.pending_break + 1)
        elif self.length:
            self._append("\n", at, at, False, True)
            self.line_start = True
        self.pending_space = None

    # -- elements -------------------------------------------------------------------------
    def open(self, name: str, attrs: dict[str, str], start: int) -> None:
        if name == "html" and "lang" in attrs and self.page_language is None:
            self.page_language = attrs["lang"].split("-")[0].strip().lower() or None
        if name in MEDIA:
            self.media.append(start)
        if name == "br":
            self.line_break(start)
            return
        if name in ("html", "body"):
            return  # never closed in practice; the document is their content
        parent = self.stack[-1] if self.stack else None
        if name in _CLOSES_P and parent is not None and parent.p_scope >= 0:
            self.close_to(parent.p_scope, start)
            parent = self.stack[-1] if self.stack else None
        if name == "li" and parent is not None and parent.li_scope >= 0:
            self.close_to(parent.li_scope, start)
            parent = self.stack[-1] if self.stack else None
        shown = parent is None or not parent.ignored
        if shown and name in _PARAGRAPH:
            self.block(2)
        elif shown and name in _LINE:
            self.block(1)
        if name in _VOID:
            return
        # Where this element's text will start: after the break or space still pending.
        text_start = self.length
        if self.length and self.pending_break:
            text_start += self.pending_break
        elif self.pending_space is not None and not self.line_start:
            text_start += 1
        index = len(self.elements)
        reason = hidden_reason(attrs)
        classes = set(attrs.get("class", "").lower().split())
        if reason is None and self.stylesheet:
            selectors = [f".{c}" for c in attrs.get("class", "").split()]
            selectors += [f"#{i}" for i in attrs.get("id", "").split()]
            reason = next((self.stylesheet[k] for k in selectors if k in self.stylesheet), None)
        accessible = bool(classes & ACCESSIBLE_CLASSES) or (
            name == "a" and attrs.get("href", "").startswith("#") and reason is not None
        )
        parent_index = parent.index if parent is not None else -1
        self.elements.append(
            Element(name, parent_index, start, -1, text_start, -1, attrs, reason, accessible)
        )
        item = _Open(name, index, text_start)
        if parent is not None:
            item.ignored, item.pre = parent.ignored, parent.pre
            item.p_scope, item.li_scope = parent.p_scope, parent.li_scope
        item.ignored = item.ignored or name in _IGNORED
        item.pre = item.pre or name in _PRE
        depth = len(self.stack)
        if name == "p":
            item.p_scope = depth
        elif name in _P_SCOPE:
            item.p_scope = -1
        if name == "li":
            item.li_scope = depth
        elif name in ("ul", "ol", "menu"):
            item.li_scope = -1
        self.stack.append(item)
        self.counts[name] = self.counts.get(name, 0) + 1

    def close(self, name: str, start: int, end: int) -> None:
        if name == "br":
            self.line_break(start)
            return
        if not self.counts.get(name):
            if name == "p" and not (self.stack and self.stack[-1].ignored):
                self.block(2)  # HTML5: a stray </p> is an empty paragraph
            return  # any other stray end tag is ignored
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].name == name:
                self.close_to(depth, start, end)
                return

    def close_to(self, depth: int, at: int, end: int | None = None) -> None:
        """Close the element at stack position ``depth`` and everything inside it; the
        innermost end at ``at`` (implicitly), the element itself at ``end`` if given."""
        while len(self.stack) > depth:
            item = self.stack.pop()
            self.counts[item.name] -= 1
            self.elements[item.index] = self.elements[item.index]._replace(
                source_end=end if end is not None and len(self.stack) == depth else at,
                text_start=min(item.text_start, self.length),  # a break never shown: empty
                text_end=self.length,
            )
            if self.stack and self.stack[-1].ignored:
                continue
            if item.name in _PARAGRAPH:
                self.block(2)
            elif item.name in _LINE:
                self.block(1)

    def finish(self) -> Extracted:
        self.close_to(0, len(self.source))
        return Extracted(
            self.source,
            "".join(self.parts),
            tuple(self.pieces),
            tuple(self.elements),
            tuple(self.media),
            _outermost(
                self.kept
                + [(e.source_start, e.source_end) for e in self.elements if e.name in _IGNORED]
            ),
            self.page_language,
        )


def _outermost(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Ranges that nest or are disjoint, without the nested ones, sorted."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return tuple(out)


def _wpautop_applies(source: str) -> bool:
    """WordPress classic-editor content: no paragraphs of its own, no block markers."""
    return re.search(r"<(?:p|html|body)[\s>/]|<!-- wp:", source, re.I) is None


def extract(source: str) -> Extracted:
    """The text of ``source`` as a browser shows it, hidden text included, with its maps.

    >>> ex = extract("<p>Hallo <b>w&eacute;reld</b></p><p>Tot&nbsp;ziens</p>")
    >>> ex.text
    'Hallo wéreld\\n\\nTot\\xa0ziens'
    >>> ex.source_span(6, 12)
    (12, 25)
    """
    builder = _Builder(source, _wpautop_applies(source), stylesheet_hiding(source))
    pos, size = 0, len(source)
    while pos < size:
        match = _TOKEN.match(source, pos)
        assert match is not None  # the text alternative matches any character
        kind, end = match.lastgroup, match.end()
        if kind == "text":
            builder.text(pos, end)
        elif kind in ("comment", "bogus"):
            builder.kept.append((pos, end))
        elif kind in ("start", "end"):
            tag = match.group()
            name_match = _TAG_NAME.match(tag)
            assert name_match is not None
            name = name_match.group(1).lower()
            if kind == "end":
                builder.close(name, pos, end)
            else:
                attrs = _attributes(tag, name_match.end())
                builder.open(name, attrs, pos)
                if name in _RAWTEXT:
                    closer = re.compile(rf"</{re.escape(name)}[\t\n\f\r />]", re.I)
                    found = None if name == "plaintext" else closer.search(source, end)
                    end = found.start() if found else size
        pos = end
    return builder.finish()
