"""HTML post bodies: scan the text a browser shows, report into the source, clean by splicing.

An edge module: it extracts text with ``htmltext``, runs the plain-text pipeline on it, and
adds what only markup can say — text hidden by inline style, link text, declared ``lang``,
code. The core never imports it.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .chardata import language_name
from .clean import FRAGMENT_KINDS, removal_range
from .config import Config
from .decode import BOMS, decode
from .htmltext import Element, Extracted, extract, names, rewritten
from .hygiene import REMOVABLE
from .pipeline import scan_units
from .repair import repair, repair_and_explain
from .results import Finding, RepairStep, Report, Segment, stable_id

# Log-odds added to the core's evidence (see flag.py for the scale).
HIDDEN = 0.6  # hidden text alone: suspicious, but spoilers and tabs exist
HIDDEN_FOREIGN = 1.5  # hidden and in a foreign language or script
HIDDEN_SPAM = 2.0  # hidden and with spam terms
LINK_FOREIGN = 0.5  # a link whose text is a foreign run (titles of foreign pages are common)
LINK_SPAM = 1.5  # a link whose text has spam terms
# Candidates the core scores below this are not evidence: link evidence (at most +2 nats)
# cannot lift them to 0.5, and asking the core for weaker ones multiplies its findings (and
# its pairwise overlap checks) several times over on long pages.
_FLOOR = 0.1
#: The HTML-only kinds; clean removes them like fragments (with their whitespace and full stop).
ELEMENT_KINDS = frozenset({"hidden_text", "foreign_link"})
_CODE = names("code pre kbd samp var tt")
# Elements whose text is a unit of its own (an item, a cell, a heading, a menu, a label),
# not prose: a run there is foreign only on its words' evidence (see ``structure``).
UNIT_ELEMENTS = names(
    "li dt dd td th caption h1 h2 h3 h4 h5 h6 nav menu label legend option button "
    "summary figcaption"
)
# Structure whose removal would break the page around it: only its text goes.
_KEEP = names("html head body table thead tbody tfoot tr td th caption colgroup")
_BOMS = {encoding: bom for bom, encoding in BOMS}
_HIDDEN_PHRASES = {
    "hidden_attribute": "the hidden attribute",
    "display_none": "display:none",
    "visibility_hidden": "visibility:hidden",
    "opacity_zero": "opacity:0",
    "font_size_zero": "font-size:0",
    "off_screen": "off-screen positioning",
    "clipped": "clipping",
    "zero_size": "a zero-size box with overflow hidden",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.I)


def _source(html: str | bytes) -> tuple[str, str | None]:
    if isinstance(html, str):
        return html, None
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        declared = _META_CHARSET.search(data[:4096])
        guess = decode(data)
        if declared and guess.encoding != "utf-8" and not guess.had_bom:
            charset = declared.group(1).decode("ascii", "replace").lower()
            try:
                return data.decode(charset), charset
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: the decoder's reading stands
        return guess.text, guess.encoding
    raise TypeError(f"expected str or bytes, got {type(html).__name__}")


_NONSPACE = re.compile(r"\S")


class _Intervals:
    """Merged, sorted text ranges with logarithmic look-ups."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = _merge(ranges)
        self.starts = [s for s, _ in self.ranges]
        self.ends = [e for _, e in self.ranges]

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.ends, start)
        return i < len(self.ranges) and self.starts[i] < end


def _overlapping(findings: Sequence[Finding], ends: Sequence[int], start: int, end: int) -> range:
    """Indices of the (sorted, disjoint) ``findings`` that overlap ``[start, end)``."""
    first = bisect_right(ends, start)
    last = first
    while last < len(findings) and findings[last].start < end:
        last += 1
    return range(first, last)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


class _Regions:
    """The element-derived ranges of the text that change how a finding is read."""

    def __init__(self, ex: Extracted, page_language: str | None) -> None:
        elements = ex.elements
        self.hidden: list[tuple[int, int, int]] = []  # outermost hidden: text range, element
        accessible: list[tuple[int, int]] = []
        code: list[tuple[int, int]] = []
        declared: list[tuple[int, int]] = []  # a lang that differs from the page's
        self.links: list[tuple[int, int, int]] = []
        # Parents precede children, so one pass in document order knows every ancestor.
        under_hidden = [False] * len(elements)
        under_accessible = [False] * len(elements)
        for index, element in enumerate(elements):
            parent = element.parent
            outer_hidden = parent >= 0 and under_hidden[parent]
            outer_accessible = parent >= 0 and under_accessible[parent]
            under_accessible[index] = outer_accessible or element.accessible
            under_hidden[index] = outer_hidden or element.hidden is not None
            span = (element.text_start, element.text_end)
            if element.text_start >= element.text_end:
                continue
            if under_accessible[index] and (element.hidden is not None or element.accessible):
                accessible.append(span)
            elif element.hidden is not None and not outer_hidden:
                self.hidden.append((*span, index))
            if element.name in _CODE:
                code.append(span)
            lang = element.attrs.get("lang", element.attrs.get("xml:lang"))
            if lang is not None:
                primary = lang.split("-")[0].strip().lower()
                if primary and primary != page_language:
                    declared.append(span)
            if element.name == "a" and "href" in element.attrs and not under_hidden[index]:
                self.links.append((*span, index))
        self.accessible = _Intervals(accessible)
        self.code = _Intervals(code)
        self.declared = _Intervals(declared)
        self.hidden_spans = _Intervals([(s, e) for s, e, _ in self.hidden] + self.accessible.ranges)


def scan_html(
    html: str | bytes,
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> Report:
    """Scan an HTML post body: ``report.text`` is the text a browser shows (hidden text
    included, its segments marked ``hidden``); every finding also carries
    ``source_start``/``source_end``, offsets into the HTML string (decoded, for bytes).

    >>> report = scan_html('<p>Mooi verhaal over de tuin.</p><div style="display:none">'
    ...                    'где взять деньги быстро</div>')
    >>> [(f.kind, f.text, f.source_start, f.source_end) for f in report.findings]
    [('hidden_text', 'где взять деньги быстро', 33, 88)]
    """
    return scan_extracted(html, languages, config)[0]


def scan_extracted(
    html: str | bytes, languages: Iterable[str] | str | None, config: Config | None
) -> tuple[Report, Extracted]:
    """``scan_html``, and the extraction (repaired, where repair changed it) whose text
    ``report.text`` is: the maps from text offsets back into the source."""
    source, encoding = _source(html)
    config = config or Config()
    ex = extract(source)
    steps: tuple[RepairStep, ...] = ()
    mojibake: list[Finding] = []
    if config.repair_encoding:
        steps = repair_and_explain(ex.text)[1]
        if steps:
            ex, changes = rewritten(ex, repair)
            mojibake = [f for at, old, new in changes if (f := _mojibake(at, old, new))]
    # Candidates below the threshold are evidence too: hidden or linked, they may count.
    units = [(e.text_start, e.text_end) for e in ex.elements if e.name in UNIT_ELEMENTS]
    core = scan_units(
        ex.text,
        languages=languages,
        config=config._replace(threshold=min(config.threshold, _FLOOR), repair_encoding=False),
        units=units,
    )
    regions = _Regions(ex, ex.page_language or core.language)

    candidates: list[Finding] = []
    findings: list[Finding] = [f for f in mojibake if f.score >= config.threshold]
    for finding in core.findings:
        if finding.kind not in FRAGMENT_KINDS:
            if finding.score >= config.threshold:
                findings.append(finding)
        elif regions.code.contains(finding.start, finding.end):
            continue
        elif "spam_terms" not in finding.reasons and regions.accessible.contains(
            finding.start, finding.end
        ):
            continue  # screen-reader text is the theme's chrome, in whatever language it has
        elif "spam_terms" in finding.reasons or not regions.declared.contains(
            finding.start, finding.end
        ):
            candidates.append(finding)  # (text in a language the page declares is expected)
    ends = [f.end for f in candidates]
    absorbed: set[int] = set()
    covered = 0  # where the last hidden finding ends: an element before it is part of it
    for start, end, index in regions.hidden:
        if end <= covered:
            continue
        inside = _overlapping(candidates, ends, start, end)
        # A run is spanned by one finding, not by one per hidden element inside it (ten
        # thousand elements in one run would each carry the whole run).
        fresh = [candidates[n] for n in inside if n not in absorbed]
        absorbed.update(inside)
        hidden = _hidden_finding(ex, start, end, index, [candidates[n] for n in inside], fresh)
        if hidden is not None and hidden.score >= config.threshold:
            findings.append(hidden)
            covered = hidden.end
    for start, end, index in regions.links:
        inside = range(0)
        if start < end:
            inside = _overlapping(candidates, ends, start, end)
        fresh = [candidates[n] for n in inside if n not in absorbed]
        link = _link_finding(ex, start, end, index, fresh, core.language)
        if link is not None and link.score >= config.threshold:
            absorbed.update(inside)
            findings.append(link)
    findings.extend(
        f for n, f in enumerate(candidates) if n not in absorbed and f.score >= config.threshold
    )
    located = sorted((_locate(ex, f) for f in findings), key=lambda f: (f.start, f.end, f.kind))
    report = Report(
        ex.text,
        core.language,
        _mark_hidden(core.segments, regions.hidden_spans),
        tuple(located),
        steps,
        original=source,
        encoding=encoding,
        languages=core.languages,
        multilingual=core.multilingual,
    )
    return report, ex


def _mojibake(at: int, old: str, new: str) -> Finding | None:
    """The finding for one repaired stretch, which starts at ``at`` in the repaired text."""
    start, end = _trim(new, 0, len(new))
    if start == end:
        return None
    text = new[start:end]
    plan = ", ".join(f"{s.action} {s.parameter}" for s in repair_and_explain(old)[1])
    return Finding(
        kind="mojibake",
        start=at + start,
        end=at + end,
        text=text,
        language=None,
        score=1.0,
        reasons=("encoding_repaired",),
        detail=f"repaired mojibake: {old.strip()!r} → {text!r} ({plan})",
        id=stable_id("mojibake", at + start, at + end, text),
    )


def _hidden_finding(
    ex: Extracted,
    start: int,
    end: int,
    index: int,
    inside: Sequence[Finding],
    spanned: Sequence[Finding],
) -> Finding | None:
    """Hidden text, scored higher when it is also foreign or has spam terms (``inside``:
    the candidates it overlaps; ``spanned``: those no earlier hidden finding spans)."""
    start, end = _trim(ex.text, start, end)
    if start >= end:
        return None
    # A run that goes on past the element is one injection: the finding covers all of it.
    start = min([start, *(c.start for c in spanned)])
    end = max([end, *(c.end for c in spanned)])
    element = ex.elements[index]
    reason = element.hidden or "hidden_attribute"
    reasons = ["hidden", reason]
    language = None
    terms = False
    best = 0.0
    for cand in inside:
        bonus = (HIDDEN_FOREIGN if cand.kind == "foreign_fragment" else 0.0) + (
            HIDDEN_SPAM if "spam_terms" in cand.reasons else 0.0
        )
        best = max(best, bonus, _logit(cand.score))
        if cand.kind == "foreign_fragment" and language is None:
            language = cand.language
        terms = terms or "spam_terms" in cand.reasons
        reasons.extend(r for r in cand.reasons if r not in reasons)
    what = f"{language_name(language)} text" if language else "Text"
    detail = f"{what} hidden by {_HIDDEN_PHRASES[reason]}"
    if terms:
        detail += ", with spam terms"
    text = ex.text[start:end]
    return Finding(
        kind="hidden_text",
        start=start,
        end=end,
        text=text,
        language=language,
        score=_sigmoid(HIDDEN + best),
        reasons=tuple(reasons),
        detail=detail,
        id=stable_id("hidden_text", start, end, text),
        position="hidden",
        **_element_span(ex, element, start, end),
    )


def _link_finding(
    ex: Extracted,
    start: int,
    end: int,
    index: int,
    inside: Sequence[Finding],
    host: str | None,
) -> Finding | None:
    """A link whose text is (part of) a foreign or spam run: that run's evidence, plus
    what being link text adds."""
    start, end = _trim(ex.text, start, end)
    if start >= end or not inside:
        return None
    best_z, best = -math.inf, inside[0]
    for cand in inside:
        z = _logit(cand.score)
        if cand.kind == "foreign_fragment":
            z += LINK_FOREIGN
        if "spam_terms" in cand.reasons:
            z += LINK_SPAM
        if z > best_z:
            best_z, best = z, cand
    # A foreign run that goes on past the link is one injection; a spam clause is only cut
    # at the sentence's end, and the link's end is a better boundary than that.
    runs = [c for c in inside if c.kind == "foreign_fragment"]
    start = min([start, *(c.start for c in runs)])
    end = max([end, *(c.end for c in runs)])
    element = ex.elements[index]
    href = element.attrs.get("href", "")
    text = ex.text[start:end]
    what = (
        f"{language_name(best.language)} link text"
        if best.kind == "foreign_fragment"
        else f"{language_name(host)} link text with spam terms"
    )
    return Finding(
        kind="foreign_link",
        start=start,
        end=end,
        text=text,
        language=best.language,
        score=_sigmoid(best_z),
        reasons=("link", *best.reasons, f"href={href}"),
        detail=f"{what} linking to {href}",
        id=stable_id("foreign_link", start, end, text),
        position=best.position,
        **_element_span(ex, element, start, end),
    )


def _element_span(ex: Extracted, element: Element, start: int, end: int) -> dict[str, int]:
    """The source span of a finding about an element: the whole element, and any text of
    the finding outside it."""
    source_start, source_end = ex.source_span(start, end)
    return {
        "source_start": min(source_start, element.source_start),
        "source_end": max(source_end, element.source_end),
    }


def _locate(ex: Extracted, finding: Finding) -> Finding:
    if finding.source_start is not None:
        return finding
    source_start, source_end = ex.source_span(finding.start, finding.end)
    return replace(finding, source_start=source_start, source_end=source_end)


def _mark_hidden(segments: Sequence[Segment], hidden: _Intervals) -> tuple[Segment, ...]:
    """Split segments at hidden-text boundaries and mark the hidden parts."""
    if not hidden.ranges:
        return tuple(segments)
    cuts = sorted({c for span in hidden.ranges for c in span})
    out: list[Segment] = []
    for segment in segments:
        first = bisect_right(cuts, segment.start)
        last = bisect_left(cuts, segment.end)
        points = [segment.start, *cuts[first:last], segment.end]
        for a, b in itertools.pairwise(points):
            piece = segment.text[a - segment.start : b - segment.start]
            out.append(replace(segment, start=a, end=b, text=piece, hidden=hidden.contains(a, b)))
    return tuple(out)


def clean_html(
    html: str | bytes,
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> str | bytes:
    """Remove what ``scan_html`` flags from the HTML source and nothing else.

    An element that holds nothing but flagged text goes whole (the hidden div, the spam
    link); otherwise only the flagged text (and the whitespace that joined it) goes. Every
    other character of the source is kept as it was. Bytes come back as bytes in the
    encoding they were read in.

    >>> clean_html('<p>Mooi verhaal over de tuin.</p><div style="display:none">'
    ...            'где взять деньги быстро</div>')
    '<p>Mooi verhaal over de tuin.</p>'
    """
    report, ex = scan_extracted(html, languages, config)
    cleaned = splice(ex.source, removals(ex, report.findings))
    if isinstance(html, str):
        return cleaned
    encoding = report.encoding or "utf-8"
    bom = _BOMS.get(encoding, b"")
    if not bytes(html).startswith(bom):
        bom = b""
    return bom + cleaned.encode(encoding)


def removals(ex: Extracted, findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """The source ranges to delete for ``findings``, merged and sorted."""
    text = ex.text
    removed: list[tuple[int, int]] = []
    for f in findings:
        if f.kind in FRAGMENT_KINDS or f.kind in ELEMENT_KINDS:
            removed.append(removal_range(text, f.start, f.end))
        elif f.kind in REMOVABLE:
            removed.append((f.start, f.end))
    gone = _Intervals(removed)
    ranges = [r for start, end in gone.ranges for r in ex.source_ranges(start, end)]
    for index in _emptied(ex, gone):
        ranges.append((ex.elements[index].source_start, ex.elements[index].source_end))
    return _without(_merge(ranges), ex.kept)


def _without(
    ranges: list[tuple[int, int]], kept: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The (sorted, disjoint) ``ranges`` with the (sorted) ``kept`` ranges cut out of them:
    a script, style or comment inside an element that goes stays where it was."""
    out: list[tuple[int, int]] = []
    k = 0
    for start, end in ranges:
        while k < len(kept) and kept[k][1] <= start:
            k += 1
        j = k
        while j < len(kept) and kept[j][0] < end:
            keep_start, keep_end = kept[j]
            if keep_start > start:
                out.append((start, keep_start))
            start = max(start, keep_end)
            j += 1
        if start < end:
            out.append((start, end))
    return out


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _emptied(ex: Extracted, gone: _Intervals) -> list[int]:
    """The outermost elements that had text, all of it ``gone`` but whitespace, and hold no
    image, embed or form control. An element without text of its own (a script, a style, an
    empty span) never goes: only flagged text does."""
    text = ex.text
    media = ex.media
    emptied = [False] * len(ex.elements)
    chosen: list[int] = []
    for index, element in enumerate(ex.elements):
        start, end = element.text_start, element.text_end
        if element.name in _KEEP or not gone.overlaps(start, end):
            continue
        if not _NONSPACE.search(text, start, end):
            continue
        m = bisect_left(media, element.source_start)
        if m < len(media) and media[m] < element.source_end:
            continue
        if _only_space_outside(text, start, end, gone):
            emptied[index] = True
            if element.parent < 0 or not emptied[element.parent]:
                chosen.append(index)
    return chosen


def _only_space_outside(text: str, start: int, end: int, gone: _Intervals) -> bool:
    pos = start
    i = bisect_right(gone.ends, start)
    while pos < end:
        gap_end = min(end, gone.starts[i]) if i < len(gone.ranges) else end
        if gap_end > pos and _NONSPACE.search(text, pos, gap_end):
            return False
        if i >= len(gone.ranges):
            return True
        pos = gone.ends[i]
        i += 1
    return True


def splice(source: str, ranges: Sequence[tuple[int, int]]) -> str:
    """``source`` without the (sorted, disjoint) ``ranges``."""
    pieces: list[str] = []
    cursor = 0
    for start, end in ranges:
        pieces.append(source[cursor:start])
        cursor = end
    pieces.append(source[cursor:])
    return "".join(pieces)
