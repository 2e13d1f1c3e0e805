"""The moderator review report: one self-contained HTML page of what was flagged and why.

An edge module: it reads ``Report`` objects (or, for ``texthygiene scan --format html``, the
batch runner's records and outcomes) and writes a string; the core never imports it.

The page needs nothing from the network and nothing from disk. Every piece of document text
is escaped, and a Content-Security-Policy lets only the page's own inline script run, so a
post that contains markup shows it as text. Highlights are placed here, in Python, by code
point, so nothing in the browser has to convert offsets; characters that the HTML parser
would change or drop (CR, NUL, other controls, lone surrogates) and the invisible characters
a finding points at are shown as visible ``U+XXXX`` tokens that each stand for one code point.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import html
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO

import regex

from . import __version__
from .chardata import language_name
from .htmltext import extract
from .repair import changed_regions, repair_and_explain
from .results import FINDING_KINDS, Finding, RepairStep, Report

if TYPE_CHECKING:
    from .batch import Outcome
    from .formats import Record

#: Background colour per kind: pale enough for dark text and distinct from each other; a
#: kind not listed here gets a neutral colour.
_COLOURS = {
    "foreign_fragment": "#ffb3b3",
    "spam_fragment": "#ffc98a",
    "invisible_char": "#d3b8ff",
    "bidi_control": "#9fd4ff",
    "control_char": "#c8c8c8",
    "confusable": "#fff07a",
    "mojibake": "#a8e6a1",
    "whitespace": "#e0e0e0",
    "normalization": "#f4c6ea",
    "hidden_text": "#b8e0d8",
    "foreign_link": "#f7d0b0",
}
#: Kind → (background colour, one-line meaning).
KINDS: dict[str, tuple[str, str]] = {
    kind: (_COLOURS[kind], meaning) for kind, meaning in FINDING_KINDS.items()
}
_OTHER_COLOUR = "#dddddd"

#: Kinds whose finding *is* a hidden character: inside them every character that does not
#: print is shown as a token, so the moderator sees what is there.
_HIDDEN_KINDS = frozenset({"invisible_char", "bidi_control", "control_char", "whitespace"})

#: Always tokens: the HTML parser turns CR and CRLF into LF and drops NUL, which would shift
#: every offset after them; other controls and lone surrogates do not belong in a page; and
#: a bidi control or an invisible character, finding or not, would reorder or hide the text
#: around it (``'Zie \u202eexe.txt'`` reads as ``txt.exe``). As in the terminal table: every
#: format, control, separator, private-use or unassigned character, and the characters that
#: render as nothing (Hangul fillers, the grapheme joiner, variation selectors but the two
#: that pick an emoji's or a symbol's style).
_ALWAYS_TOKEN = regex.compile(
    r"[[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0"
    r"\ufe00-\ufe0d\U000e0100-\U000e01ef]--[\t\n]]",
    regex.V1,
)
_UNSAFE_ID = re.compile(r"[^a-z0-9_-]")

_SCRIPT = """(function () {
  "use strict";
  var form = document.getElementById("filters");
  var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
  var status = document.getElementById("shown");
  var texts = null;
  function checked(name) {
    var set = new Set();
    form.querySelectorAll("input[name=" + name + "]:checked").forEach(function (box) {
      set.add(box.value);
    });
    return set;
  }
  function apply() {
    var kinds = checked("kind"), langs = checked("lang");
    var query = form.elements.q.value.trim().toLowerCase();
    if (query && !texts) {
      texts = docs.map(function (doc) { return doc.textContent.toLowerCase(); });
    }
    var shown = 0;
    docs.forEach(function (doc, i) {
      var match = doc.dataset.f.split(" ").some(function (pair) {
        var kl = pair.split(":");
        return kinds.has(kl[0]) && (kl.length < 2 || langs.has(kl[1]));
      }) && (!query || texts[i].indexOf(query) >= 0);
      doc.hidden = !match;
      if (match) { shown += 1; }
    });
    status.textContent = shown + " of " + docs.length + " listed documents shown";
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
"""
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)

_STYLE = """
:root { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fafafa; }
body { margin: 0 auto; max-width: 80rem; padding: 1rem 1.5rem; line-height: 1.45; }
[hidden] { display: none !important; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .25rem 0 .75rem; }
th, td { text-align: left; padding: .1rem .75rem .1rem 0; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.summary { display: flex; flex-wrap: wrap; gap: 0 3rem; }
.note { background: #fff6d6; border-left: 4px solid #e0b000; padding: .4rem .75rem; }
#filters { background: #fff; border: 1px solid #ccc; padding: .5rem .75rem; margin: 1rem 0;
  position: sticky; top: 0; z-index: 1; }
#filters fieldset { border: 0; display: inline; margin: 0; padding: 0 1rem 0 0; }
#filters label { white-space: nowrap; margin-right: .5rem; }
article.doc { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0 1.5rem;
  background: #fff; border: 1px solid #ccc; border-radius: 4px; margin: 1rem 0; padding: .75rem;
  content-visibility: auto; contain-intrinsic-size: auto 30rem; }
article.doc > header { grid-column: 1 / -1; margin-bottom: .5rem; }
.meta { color: #555; margin: .1rem 0 0; overflow-wrap: anywhere; }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0;
  unicode-bidi: isolate; }
mark { color: inherit; border-radius: 2px; padding: 0 1px; }
mark.last::after { content: "[" attr(data-ref) "]"; font-size: .7em; vertical-align: super;
  color: #333; }
mark:focus { outline: 2px solid #1a1a1a; }
.cp { font: .75em ui-monospace, monospace; border: 1px solid #888; border-radius: 2px;
  padding: 0 1px; margin: 0 1px; color: #333; background: #fff; }
ol.notes { margin: 0; padding-left: 1.5rem; font-size: .9rem; }
ol.notes li { margin-bottom: .5rem; padding-left: .3rem; border-left: 6px solid #ddd;
  overflow-wrap: anywhere; }
.frag { font-style: italic; }
del.before { background: #ffd6d6; } ins.after { background: #c9f2c4; text-decoration: none; }
.reasons { color: #555; font-size: .85em; }
footer { color: #666; font-size: .85rem; margin-top: 2rem; }
"""


class ReportDocument(NamedTuple):
    """One scanned document: an id (unique in the report), where it came from, its report."""

    id: str
    source: str
    report: Report


class _Listed(NamedTuple):
    doc: ReportDocument
    score: float


def _colour(kind: str) -> str:
    return KINDS.get(kind, (_OTHER_COLOUR, ""))[0]


def _token(kind: str) -> str:
    return _UNSAFE_ID.sub("_", kind.lower()) or "_"


def _lang_token(language: str | None) -> str:
    return "none" if language is None else _token(language)


def _char_name(ch: str) -> str:
    if "\ud800" <= ch <= "\udfff":
        return "lone surrogate"
    return unicodedata.name(ch, "") or f"{unicodedata.category(ch)} character"


def _cp_token(ch: str) -> str:
    """One code point, shown as a visible box that a reader (and the tests) count as one."""
    return f'<span class="cp" title="{html.escape(_char_name(ch))}">U+{ord(ch):04X}</span>'


def _text_html(text: str, *, show_hidden: bool) -> str:
    """Escape document text; the ``_ALWAYS_TOKEN`` characters always, and with
    ``show_hidden`` every non-printing character (a no-break space too) except newline and
    tab, become ``_cp_token`` boxes."""
    if show_hidden:
        return "".join(
            _cp_token(ch)
            if (not ch.isprintable() and ch not in "\n\t") or _ALWAYS_TOKEN.match(ch)
            else html.escape(ch, False)
            for ch in text
        )
    parts = []
    last = 0
    for match in _ALWAYS_TOKEN.finditer(text):
        parts.append(html.escape(text[last : match.start()], quote=False))
        parts.append(_cp_token(match.group()))
        last = match.end()
    parts.append(html.escape(text[last:], quote=False))
    return "".join(parts)


def _plain(text: str) -> str:
    """Untrusted text for an attribute or a label: non-printing characters as ``\\uXXXX``."""
    visible = "".join(
        ch if ch.isprintable() and not _ALWAYS_TOKEN.match(ch) else f"\\u{ord(ch):04x}"
        for ch in text
    )
    return html.escape(visible, quote=True)


def _valid(text: str, finding: Finding) -> bool:
    return 0 <= finding.start <= finding.end <= len(text) and (
        text[finding.start : finding.end] == finding.text
    )


def _open_tag(finding: Finding, i: int, doc_key: str, *, last: bool) -> str:
    language = language_name(finding.language) if finding.language else "no language"
    title = f"{finding.kind} · {language} · score {finding.score:.2f}"
    if finding.detail:
        title += f"\n{finding.detail}"
    if finding.reasons:
        title += f"\nreasons: {', '.join(finding.reasons)}"
    return (
        f'<mark class="k-{_token(finding.kind)}{" last" if last else ""}" data-f="{i}" '
        f'data-ref="{i + 1}" tabindex="0" aria-describedby="{doc_key}-n{i}" '
        f'title="{_plain(title)}">'
    )


def highlight(text: str, findings: Sequence[Finding], doc_key: str) -> str:
    """``text`` as HTML with every finding wrapped in ``<mark>``, placed by code point.

    Findings may overlap; where one ends inside another the outer one is closed and reopened,
    so the markup stays well nested and every piece of a finding carries its ``data-f``; the
    last piece is marked ``last`` (it shows the note number). Findings whose offsets do not
    match ``text`` are skipped (the caller lists them).

    >>> highlight("a<b", [Finding("x", 1, 2, "<", None, 1.0, (), "", "id")], "d1")
    'a<mark class="k-x last" data-f="0" data-ref="1" tabindex="0" aria-describedby="d1-n0" \
title="x · no language · score 1.00">&lt;</mark>b'
    """
    usable = [(i, f) for i, f in enumerate(findings) if _valid(text, f)]
    boundaries = sorted({0, len(text), *(f.start for _, f in usable), *(f.end for _, f in usable)})
    starting: dict[int, list[int]] = {}
    for i, f in sorted(usable, key=lambda item: (item[1].start, -item[1].end, item[0])):
        starting.setdefault(f.start, []).append(i)
    stack: list[int] = []
    out: list[str] = []
    latest_open: dict[int, int] = {}  # finding → index in ``out`` of its latest opening tag
    for k, position in enumerate(boundaries):
        end = boundaries[k + 1] if k + 1 < len(boundaries) else position
        closing = {i for i in stack if findings[i].end == position}
        reopen: list[int] = []
        if closing:
            depth = min(stack.index(i) for i in closing)
            reopen = [i for i in stack[depth:] if i not in closing]
            out.append("</mark>" * (len(stack) - depth))
            del stack[depth:]
        for i in (*reopen, *starting.get(position, ())):
            latest_open[i] = len(out)
            out.append(_open_tag(findings[i], i, doc_key, last=False))
            if findings[i].end == position:  # empty: nothing to wrap
                out.append("</mark>")
            else:
                stack.append(i)
        show_hidden = any(findings[i].kind in _HIDDEN_KINDS for i in stack)
        out.append(_text_html(text[position:end], show_hidden=show_hidden))
    for i, index in latest_open.items():
        out[index] = _open_tag(findings[i], i, doc_key, last=True)
    return "".join(out)


def _mojibake_before(report: Report) -> dict[int, str]:
    """For each mojibake finding (by index), the original text it was repaired from: its
    source span where it has one (HTML), else the region repair changed around it."""
    wanted = {i: f for i, f in enumerate(report.findings) if f.kind == "mojibake"}
    if not wanted or report.original is None:
        return {}
    before = {}
    for i, f in wanted.items():
        if f.source_start is not None and f.source_end is not None:
            before[i] = report.original[f.source_start : f.source_end]
    rest = {i: f for i, f in wanted.items() if i not in before}
    if rest:
        changed = list(changed_regions(report.original, report.text))
        firsts = [j1 for _, _, j1, _ in changed]
        for i, f in rest.items():
            k = bisect_right(firsts, f.start) - 1
            if k >= 0 and f.end <= changed[k][3]:
                before[i] = report.original[changed[k][0] : changed[k][1]]
    return before


def _note(finding: Finding, i: int, doc_key: str, text: str, before: str | None) -> str:
    language = (
        f"{_plain(language_name(finding.language))} ({_plain(finding.language)})"
        if finding.language
        else "no language"
    )
    head = f"<b>{_plain(finding.kind)}</b> · {language} · score {finding.score:.2f}"
    if finding.position:
        head += f" · {_plain(finding.position)}"
    if not _valid(text, finding):
        body = (
            f"offsets {finding.start}–{finding.end} do not match the text: not highlighted"
            f'<br><span class="frag">{_text_html(finding.text, show_hidden=True)}</span>'
        )
    elif before is not None:
        body = (
            f'<del class="before">{_text_html(before, show_hidden=True)}</del> → '
            f'<ins class="after">{_text_html(finding.text, show_hidden=True)}</ins>'
        )
    else:
        body = f'<span class="frag">“{_text_html(finding.text, show_hidden=True)}”</span>'
    lines = [head, body]
    if finding.detail:
        lines.append(_plain(finding.detail))
    if finding.reasons:
        lines.append(f'<span class="reasons">reasons: {_plain(", ".join(finding.reasons))}</span>')
    return (
        f'<li id="{doc_key}-n{i}" class="k-{_token(finding.kind)}" value="{i + 1}">'
        + "<br>".join(lines)
        + "</li>"
    )


def _pairs(report: Report) -> list[str]:
    pairs = {f"{_token(f.kind)}:{_lang_token(f.language)}" for f in report.findings}
    return sorted(pairs) or ["clean"]  # no language: the language filter leaves it alone


def _document(position: int, listed: _Listed) -> str:
    doc_key = f"d{position}"
    report = listed.doc.report
    findings = report.findings
    meta = [f"source {_plain(listed.doc.source)}"]
    meta.append(f"language {_plain(language_name(report.language))}")
    meta.append(f"{len(findings)} finding{'' if len(findings) == 1 else 's'}")
    if findings:
        meta.append(f"highest score {listed.score:.2f}")
    if report.encoding:
        meta.append(f"decoded as {_plain(report.encoding)}")
    if report.repairs:
        steps = ", ".join(f"{s.action} {s.parameter}" for s in report.repairs)
        meta.append(f"encoding repaired ({_plain(steps)})")
    before = _mojibake_before(report)
    notes = "".join(
        _note(f, i, doc_key, report.text, before.get(i)) for i, f in enumerate(findings)
    )
    lang = f' lang="{_plain(report.language)}"' if report.language else ""
    return (
        f'<article class="doc" id="{doc_key}" data-f="{" ".join(_pairs(report))}" '
        f'aria-labelledby="{doc_key}-h">'
        f'<header><h2 id="{doc_key}-h">{position}. {_plain(listed.doc.id)}</h2>'
        f'<p class="meta">{" · ".join(meta)}</p></header>'
        f'<pre class="text"{lang}>{highlight(report.text, findings, doc_key)}</pre>'
        + (f'<ol class="notes">{notes}</ol>' if notes else '<p class="notes">no findings</p>')
        + "</article>"
    )


def _check(item: object, index: int) -> ReportDocument:
    if (
        isinstance(item, tuple)
        and len(item) == 3
        and isinstance(item[0], str)
        and isinstance(item[1], str)
        and isinstance(item[2], Report)
    ):
        return ReportDocument(*item)
    raise TypeError(
        f"documents[{index}]: expected (id: str, source: str, Report), got {item!r:.200}"
    )


def _count_rows(findings: Counter[str], documents: Counter[str], label: dict[str, str]) -> str:
    order = sorted(findings, key=lambda key: (-findings[key], key))
    return "".join(
        f'<tr><td>{label[key]}</td><td class="n">{findings[key]:,}</td>'
        f'<td class="n">{documents[key]:,}</td></tr>'
        for key in order
    )


def _checkboxes(name: str, values: dict[str, str]) -> str:
    return "".join(
        f'<label><input type="checkbox" name="{name}" value="{value}" checked> {label}</label>'
        for value, label in values.items()
    )


class ReviewPage:
    """The review page, fed one document at a time (``add``) and rendered once (``html``).

    It keeps the counts and the worst ``max_documents`` documents only, so a scan of any
    size is summarised in bounded memory. See ``render_report`` for what the page shows.
    """

    def __init__(
        self,
        *,
        threshold: float,
        inputs: Sequence[str],
        version: str,
        max_documents: int | None = 500,
        list_clean: bool = False,
    ) -> None:
        if max_documents is not None and max_documents < 0:
            raise ValueError(f"max_documents must be ≥ 0 or None, got {max_documents}")
        self.threshold = threshold
        self.inputs = list(inputs)
        self.version = version
        self.max_documents = max_documents
        self.list_clean = list_clean
        self.scanned = 0
        self.flagged = 0
        self.kind_findings: Counter[str] = Counter()
        self.kind_docs: Counter[str] = Counter()
        self.lang_findings: Counter[str] = Counter()
        self.lang_docs: Counter[str] = Counter()
        # The worst documents so far, as a min-heap on (score, finding count, -input order).
        self._heap: list[tuple[tuple[float, int, int], _Listed]] = []

    def add(self, doc_id: str, source: str, report: Report) -> None:
        """Count one document, and keep it if it is among the worst so far."""
        index = self.scanned
        self.scanned += 1
        findings = report.findings
        if findings:
            self.flagged += 1
            kinds = Counter(f.kind for f in findings)
            langs = Counter(_lang_token(f.language) for f in findings)
            self.kind_findings.update(kinds)
            self.kind_docs.update(kinds.keys())
            self.lang_findings.update(langs)
            self.lang_docs.update(langs.keys())
        elif not self.list_clean:
            return
        score = max((f.score for f in findings), default=-1.0)
        entry = (
            (score, len(findings), -index),
            _Listed(ReportDocument(doc_id, source, report), score),
        )
        limit = self.max_documents
        if limit is None or len(self._heap) < limit:
            heapq.heappush(self._heap, entry)
        elif limit and entry[0] > self._heap[0][0]:
            heapq.heapreplace(self._heap, entry)

    def listed(self) -> list[_Listed]:
        """The documents the page lists, worst first."""
        return [item for _, item in sorted(self._heap, key=lambda e: e[0], reverse=True)]

    def html(self) -> str:
        """The page, as one self-contained HTML string."""
        return _page(self)


class HtmlReporter:
    """``texthygiene scan --format html``: every document into one ``ReviewPage``, written
    when the run closes; ``verbose`` lists documents without findings too."""

    def __init__(
        self,
        out: TextIO,
        *,
        verbose: bool = False,
        threshold: float = 0.5,
        inputs: Sequence[str] = (),
        max_documents: int | None = 500,
    ) -> None:
        self.out = out
        self.page = ReviewPage(
            threshold=threshold,
            inputs=inputs,
            version=__version__,
            max_documents=max_documents,
            list_clean=verbose,
        )

    def add(self, record: Record, outcome: Outcome) -> None:
        text = record.text
        repairs: tuple[RepairStep, ...] = ()
        # The batch outcome carries no text. The text the offsets refer to is cheap and
        # deterministic to redo: the text an HTML body shows, or the input after repair.
        if record.markup == "html" and (outcome.findings or self.page.list_clean):
            text = extract(record.text).text
        elif outcome.findings or self.page.list_clean:
            text, repairs = repair_and_explain(record.text)
        source = record.source
        if record.location and record.location != record.id:
            source += f" ({record.location})"
        uri = dict(record.meta).get("uri")
        if uri:
            source += f" <{uri}>"
        report = Report(text, outcome.language, (), outcome.findings, repairs, record.text)
        self.page.add(record.id, source, report)

    def close(self) -> None:
        self.out.write(self.page.html())
        self.out.flush()


def render_report(
    documents: Iterable[tuple[str, str, Report]],
    *,
    threshold: float,
    inputs: Sequence[str],
    version: str,
    max_documents: int | None = 500,
    list_clean: bool = False,
) -> str:
    """The review page for ``documents``, as one self-contained HTML string.

    ``documents`` yields ``(id, source, report)`` (a ``ReportDocument`` or any such tuple) and
    is read once. Every document is counted in the summary; documents with findings are
    listed worst first (highest finding score, then most findings, then input order), at
    most ``max_documents`` of them (None: all), and the page says how many were left out.
    Documents without findings are only counted unless ``list_clean``, which lists them after
    the flagged ones. ``threshold``, ``inputs`` and ``version`` are shown as given.
    """
    page = ReviewPage(
        threshold=threshold,
        inputs=inputs,
        version=version,
        max_documents=max_documents,
        list_clean=list_clean,
    )
    for index, item in enumerate(documents):
        page.add(*_check(item, index))
    return page.html()


def _page(page: ReviewPage) -> str:
    scanned, flagged, list_clean = page.scanned, page.flagged, page.list_clean
    kind_findings, kind_docs = page.kind_findings, page.kind_docs
    lang_findings, lang_docs = page.lang_findings, page.lang_docs
    threshold, inputs, version, max_documents = (
        page.threshold,
        page.inputs,
        page.version,
        page.max_documents,
    )
    listed = page.listed()
    candidates = flagged + (scanned - flagged if list_clean else 0)
    left_out = candidates - len(listed)

    kind_label = {
        k: f'<mark class="sw k-{_token(k)}">{_plain(k)}</mark> '
        f"<small>{html.escape(KINDS.get(k, ('', ''))[1])}</small>"
        for k in kind_findings
    }
    lang_label = {
        code: "no language" if code == "none" else f"{_plain(language_name(code))} ({_plain(code)})"
        for code in lang_findings
    }
    listed_pairs = sorted({p for item in listed for p in _pairs(item.doc.report)})
    filter_kinds = {k: _plain(k) for k in sorted({p.split(":")[0] for p in listed_pairs})}
    if "clean" in filter_kinds:
        filter_kinds["clean"] = "no findings"
    filter_langs = {
        code: "no language" if code == "none" else _plain(code)
        for code in sorted({p.split(":")[1] for p in listed_pairs if ":" in p})
    }
    all_kinds = sorted(set(KINDS) | set(kind_findings))
    style = _STYLE + "".join(
        f"mark.k-{_token(k)} {{ background: {_colour(k)}; }} "
        f"ol.notes li.k-{_token(k)} {{ border-left-color: {_colour(k)}; }}\n"
        for k in all_kinds
    )

    shown_inputs = list(inputs[:20])
    inputs_html = ", ".join(f"<code>{_plain(name)}</code>" for name in shown_inputs) or "—"
    if len(inputs) > len(shown_inputs):
        inputs_html += f" and {len(inputs) - len(shown_inputs):,} more"
    clean_count = scanned - flagged
    clean_state = "listed" if list_clean else "counted, not listed"
    if left_out:
        left_note = (
            f'<p class="note" id="left-out">{left_out:,} document{"s" if left_out != 1 else ""} '
            f"left out: only the {len(listed):,} with the highest scores are listed "
            f"(max_documents={max_documents}; on the command line --max-documents).</p>"
        )
    else:
        left_note = ""
    legend = "".join(
        f'<mark class="sw k-{_token(k)}">{_plain(k)}</mark> ' for k in all_kinds if k in KINDS
    )
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>texthygiene review report</title>",
        f"<style>{style}</style></head><body>",
        "<header><h1>texthygiene review report</h1>",
        '<div class="summary">',
        '<section aria-labelledby="s-docs"><h2 id="s-docs">Documents</h2><table>',
        f'<tr><th>scanned</th><td class="n" id="n-scanned">{scanned:,}</td></tr>',
        f'<tr><th>with findings</th><td class="n" id="n-flagged">{flagged:,}</td></tr>',
        f"<tr><th>without findings ({clean_state})</th>"
        f'<td class="n" id="n-clean">{clean_count:,}</td></tr>',
        f'<tr><th>listed below</th><td class="n" id="n-listed">{len(listed):,}</td></tr>',
        "</table></section>",
        '<section aria-labelledby="s-scan"><h2 id="s-scan">Scan</h2><table>',
        f"<tr><th>threshold</th><td>{threshold:g}</td></tr>",
        f"<tr><th>texthygiene</th><td>{_plain(version)}</td></tr>",
        f"<tr><th>inputs</th><td>{inputs_html}</td></tr>",
        "</table></section></div>",
        '<div class="summary">',
        '<section aria-labelledby="s-kinds"><h2 id="s-kinds">Findings by kind</h2>',
        "<table><tr><th>kind</th><th>findings</th><th>documents</th></tr>",
        _count_rows(kind_findings, kind_docs, kind_label),
        "</table></section>",
        '<section aria-labelledby="s-langs"><h2 id="s-langs">Findings by fragment language</h2>',
        "<table><tr><th>language</th><th>findings</th><th>documents</th></tr>",
        _count_rows(lang_findings, lang_docs, lang_label),
        "</table></section></div>",
        f"<p>Legend: {legend}</p>",
        left_note,
        "</header><main>",
        '<form id="filters" hidden aria-label="filter the listed documents">',
        f"<fieldset><legend>kind</legend>{_checkboxes('kind', filter_kinds)}</fieldset>",
        f"<fieldset><legend>language</legend>{_checkboxes('lang', filter_langs)}</fieldset>",
        '<label>search <input type="search" name="q" autocomplete="off"></label> ',
        '<output id="shown" aria-live="polite"></output></form>',
    ]
    parts.extend(_document(position, item) for position, item in enumerate(listed, 1))
    parts += [
        "</main><footer>Offsets are code points of the scanned text (after encoding repair; for "
        "HTML input, the text the page shows). Hover a highlight, or ",
        "focus it with the keyboard, for its score and reasons; the numbered notes beside ",
        "each text say the same. Invisible and control characters are shown as ",
        '<span class="cp">U+XXXX</span> boxes.</footer>',
        f"<script>{_SCRIPT}</script></body></html>\n",
    ]
    return "".join(parts)
