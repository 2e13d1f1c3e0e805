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
import json
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
  var notes = Array.prototype.slice.call(document.querySelectorAll("li.fn"));
  var status = document.getElementById("shown");
  var tally = document.getElementById("tally");
  var texts = null;
  document.body.classList.add("js");
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

  /* Decisions: kept per report in localStorage, exported as texthygiene-decisions.json. */
  var storeKey = "texthygiene-decisions:" + document.body.dataset.report;
  var decided = {};
  try { decided = JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { }
  var groups = {};
  notes.forEach(function (li) { (groups[li.dataset.g] = groups[li.dataset.g] || []).push(li); });
  function docOf(el) { return el.closest("article.doc"); }
  function keyOf(li) { return docOf(li).dataset.doc + "\\t" + li.dataset.id; }
  function show(li, decision) {
    var doc = docOf(li);
    var pieces = doc.querySelectorAll("mark[data-f='" + li.dataset.n + "']");
    [li].concat(Array.prototype.slice.call(pieces)).forEach(function (el) {
      el.classList.toggle("dec-spam", decision === "spam");
      el.classList.toggle("dec-ok", decision === "not_spam");
    });
  }
  function count() {
    var n = {spam: 0, not_spam: 0};
    Object.keys(decided).forEach(function (key) { n[decided[key].decision] += 1; });
    tally.textContent = n.spam + " marked spam, " + n.not_spam + " not spam";
  }
  function decide(list, decision) {
    var same = list.every(function (li) {
      var entry = decided[keyOf(li)];
      return entry && entry.decision === decision;
    });
    if (same) { decision = null; }  /* marking again what is marked clears it */
    list.forEach(function (li) {
      var key = keyOf(li);
      if (decision) {
        decided[key] = {finding_id: li.dataset.id, document: JSON.parse(docOf(li).dataset.doc),
          text: JSON.parse(li.dataset.t), decision: decision};
      } else {
        delete decided[key];
      }
      show(li, decision);
    });
    try { localStorage.setItem(storeKey, JSON.stringify(decided)); } catch (e) { }
    count();
  }
  notes.forEach(function (li) {
    var entry = decided[keyOf(li)];
    if (entry) { show(li, entry.decision); }
  });
  count();
  function noteOf(el) {
    var mark = el.closest && el.closest("mark[aria-describedby]");
    if (mark) { return document.getElementById(mark.getAttribute("aria-describedby")); }
    return el.closest ? el.closest("li.fn") : null;
  }
  function shownNotes() {
    var kinds = checked("kind"), langs = checked("lang");
    var query = form.elements.q.value.trim().toLowerCase();
    return notes.filter(function (li) {
      return !docOf(li).hidden && kinds.has(li.dataset.k) && langs.has(li.dataset.l) &&
        (!query || JSON.parse(li.dataset.t).toLowerCase().indexOf(query) >= 0);
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.id === "export") {
      var entries = Object.keys(decided).sort().map(function (key) { return decided[key]; });
      var body = JSON.stringify({schema_version: 1, decisions: entries}, null, 1);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([body + "\\n"], {type: "application/json"}));
      link.download = "texthygiene-decisions.json";
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    } else if (button.dataset.bulk !== undefined) {
      var list = shownNotes();
      if (button.dataset.bulk) {
        decide(list, button.dataset.bulk);
      } else {
        decide(list.filter(function (li) { return decided[keyOf(li)]; }), null);
      }
    } else if (button.dataset.g !== undefined) {
      decide(groups[button.dataset.g], button.dataset.d);  /* a campaign: one decision */
    } else if (button.dataset.d) {
      var li = button.closest("li.fn");
      decide(button.hasAttribute("data-all") ? groups[li.dataset.g] : [li], button.dataset.d);
    }
  });
  function move(step) {
    var all = Array.prototype.slice.call(document.querySelectorAll("mark.last")).filter(
      function (mark) { return !docOf(mark).hidden; });
    var note = noteOf(document.activeElement);
    var at = -1;
    all.forEach(function (mark, i) {
      if (note && mark.getAttribute("aria-describedby") === note.id) { at = i; }
    });
    var next = all[Math.min(all.length - 1, Math.max(0, at + step))];
    if (next) { next.focus(); next.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey ||
        (target.closest && target.closest("input, textarea, select"))) { return; }
    var key = event.key.toLowerCase();
    if (key === "j" || key === "k") { move(key === "j" ? 1 : -1); event.preventDefault(); return; }
    var decision = {s: "spam", n: "not_spam", u: ""}[key];
    var li = noteOf(target);
    if (decision === undefined || !li) { return; }
    var list = event.shiftKey ? groups[li.dataset.g] : [li];
    if (decision) {
      decide(list, decision);
    } else {
      decide(list.filter(function (one) { return decided[keyOf(one)]; }), null);
    }
    event.preventDefault();
  });

  /* Notes beside their highlights: each note moves down to its highlight's line. */
  var wide = window.matchMedia("(min-width: 50rem)");
  function align(doc) {
    var list = doc.querySelector("ol.notes");
    if (!list) { return; }
    var items = Array.prototype.slice.call(list.children);
    if (!wide.matches) {
      items.forEach(function (li) { li.style.marginTop = ""; });
      return;
    }
    var first = {};
    doc.querySelectorAll("mark[data-f]").forEach(function (mark) {
      if (!(mark.dataset.f in first)) { first[mark.dataset.f] = mark; }
    });
    var base = list.getBoundingClientRect().top;
    var tops = items.map(function (li) {
      var mark = first[li.dataset.n];
      return mark ? mark.getBoundingClientRect().top - base : null;
    });
    var heights = items.map(function (li) { return li.getBoundingClientRect().height; });
    /* Each note at its highlight's height, or 6px below the note before it (the notes'
       own bottom margins are off here: they would collapse into these). */
    var bottom = 0;
    items.forEach(function (li, i) {
      var least = i ? bottom + 6 : 0;
      var want = tops[i] === null ? least : Math.max(least, tops[i]);
      li.style.marginTop = (want - bottom) + "px";
      bottom = want + heights[i];
    });
  }
  /* A highlight's focus opens its note (a note's own buttons never move what is clicked). */
  document.addEventListener("focusin", function (event) {
    var mark = event.target.closest && event.target.closest("mark[aria-describedby]");
    var li = mark && noteOf(mark);
    if (!li || li.classList.contains("open")) { return; }
    li.classList.add("open");
    align(docOf(li));
  });
  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting && !entry.target.aligned) {
        entry.target.aligned = true;
        /* After the frame in which it came into view: its text is laid out by then. */
        requestAnimationFrame(function () { align(entry.target); });
      }
    });
  }, {rootMargin: "400px 0px"});
  docs.forEach(function (doc) { seen.observe(doc); });
  window.addEventListener("resize", function () {
    docs.forEach(function (doc) { doc.aligned = false; seen.unobserve(doc); seen.observe(doc); });
  });
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
.keys { color: #555; font-size: .85rem; margin: .25rem 0 0; }
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
ol.notes { margin: 0; padding-left: 1.5rem; font-size: .85rem; }
ol.notes li { margin: 0 0 6px; padding-left: .3rem; border-left: 6px solid #ddd;
  overflow-wrap: anywhere; }
h2 small { font-weight: normal; color: #555; }
.links { margin: .1rem 0 0; overflow-wrap: anywhere; }
.links a { margin-right: 1rem; }
details.summary-box > summary { cursor: pointer; font-weight: 600; }
.dec, .js-only { display: none; }
.js .dec { display: inline; } .js .js-only { display: inline-block; }
.dec button, #filters button { font: inherit; font-size: .75rem; padding: 0 .3rem; margin: 0 .1rem;
  border: 1px solid #999; border-radius: 3px; background: #f4f4f4; cursor: pointer; }
li.fn.dec-spam { background: #ffe1e1; } li.fn.dec-ok { background: #e2f5e2; }
li.dec-spam .dec button[data-d=spam], li.dec-ok .dec button[data-d=not_spam] {
  background: #333; color: #fff; }
mark.dec-spam { text-decoration: line-through 2px #b00000; }
mark.dec-ok { background: transparent !important; outline: 2px dashed #2a8a2a; }
#tally { margin-left: .5rem; color: #333; }
@media (max-width: 50rem) {
  body { padding: .5rem; }
  article.doc { grid-template-columns: minmax(0, 1fr); }
  ol.notes { margin-top: .75rem; }
  #filters { position: static; } .keys { display: none; }
}
.more { display: block; }
@media (min-width: 50rem) {
  .js ol.notes li { margin-bottom: 0; }
  .js ol.notes li:not(.open) .more { display: none; }
}
.frag { font-style: italic; }
del.before { background: #ffd6d6; } ins.after { background: #c9f2c4; text-decoration: none; }
.reasons { color: #555; font-size: .85em; }
ol.campaigns { margin: .25rem 0 .75rem; padding-left: 1.5rem; }
ol.campaigns li { margin: 0 0 .4rem; overflow-wrap: anywhere; }
footer { color: #666; font-size: .85rem; margin-top: 2rem; }
"""


class ReportDocument(NamedTuple):
    """One scanned document: an id (unique in the report), where it came from, its report,
    and what its source says about it (``meta``: title, link, author, date, status,
    edit_link and any other field, as ``formats.Record.meta``)."""

    id: str
    source: str
    report: Report
    meta: tuple[tuple[str, str | int], ...] = ()


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


#: A language a multilingual document is "written in" holds at least this share of its words.
WRITTEN_IN_SHARE = 0.1


def written_in(languages: Iterable[tuple[str, float]]) -> str:
    """What a multilingual document is written in: one line instead of a finding per run.

    >>> written_in([("el", 0.6), ("en", 0.38), ("fr", 0.02)])
    'written in Greek and English'
    """
    names = [language_name(code) for code, share in languages if share >= WRITTEN_IN_SHARE]
    if not names:
        return "written in several languages"
    return "written in " + (
        " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
    )


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


def _json_attr(text: str) -> str:
    """Text for a data attribute the script reads back whole: a JSON string, ASCII only (a
    lone surrogate or a control character survives), then escaped for the attribute."""
    return html.escape(json.dumps(text), quote=True)


_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
#: The group of a recurring phrase: one campaign, whatever kind each of its findings is.
_CAMPAIGN = "(campaign)"  # no kind is spelled so
#: How the collection detail names the documents a phrase recurs in besides this one.
_OTHERS = re.compile(r"(\d+) other documents of this run")


def campaign_key(text: str) -> str:
    """A recurring phrase as the campaign it belongs to: its words casefolded, digits folded,
    punctuation and spacing dropped (the collection keys ignore them too).

    >>> campaign_key("Bezoek onze  webshop: 20% korting!")
    'bezoek onze webshop 00 korting'
    """
    return _DIGIT.sub("0", " ".join(_WORD.findall(text.casefold())))


def _group_key(finding: Finding) -> tuple[str, str]:
    """Findings alike: the same kind and the same text, casefolded, whitespace collapsed; a
    recurring phrase's findings are one campaign (``campaign_key``) across kinds."""
    if "recurring" in finding.reasons:
        return _CAMPAIGN, campaign_key(finding.text)
    return finding.kind, " ".join(finding.text.casefold().split())


def _buttons(alike: int) -> str:
    own = '<button type="button" data-d="spam">spam</button>'
    own += '<button type="button" data-d="not_spam">not spam</button>'
    if alike > 1:
        own += (
            f' all {alike}: <button type="button" data-d="spam" data-all>spam</button>'
            '<button type="button" data-d="not_spam" data-all>not spam</button>'
        )
    return f'<span class="dec">{own}</span>'


def _note(
    finding: Finding,
    i: int,
    doc_key: str,
    text: str,
    before: str | None,
    group: tuple[int, int] = (0, 1),
) -> str:
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
    lines = [body]
    if finding.detail:
        lines.append(_plain(finding.detail))
    if finding.reasons:
        lines.append(f'<span class="reasons">reasons: {_plain(", ".join(finding.reasons))}</span>')
    # Beside the text a note shows its first line; the rest opens with its highlight's focus.
    lines = [
        head + " " + _buttons(group[1]),
        '<span class="more">' + "<br>".join(lines) + "</span>",
    ]
    return (
        f'<li id="{doc_key}-n{i}" class="fn k-{_token(finding.kind)}" value="{i + 1}" '
        f'data-n="{i}" data-id="{_plain(finding.id)}" data-k="{_token(finding.kind)}" '
        f'data-l="{_lang_token(finding.language)}" data-g="{group[0]}" '
        f'data-t="{_json_attr(finding.text)}">' + "<br>".join(lines) + "</li>"
    )


def _campaigns(listed: Sequence[_Listed], groups: dict[tuple[str, str], list[int]]) -> str:
    """The campaigns among the listed documents: each recurring phrase found in two or more
    of them, most documents first, with a link to each finding and one decision for all."""
    members: dict[int, list[tuple[int, int, Finding, str]]] = {}
    for position, item in enumerate(listed, 1):
        for i, f in enumerate(item.doc.report.findings):
            key = _group_key(f)
            if key[0] == _CAMPAIGN:
                members.setdefault(groups[key][0], []).append((position, i, f, item.doc.id))
    entries = []
    for number, found in members.items():
        docs = len({position for position, *_ in found})
        if docs > 1:
            entries.append((-docs, number, docs, found))
    if not entries:
        return ""
    items = []
    for _, number, docs, found in sorted(entries):
        phrase = Counter(f.text for _, _, f, _ in found).most_common(1)[0][0]
        run = max(
            (int(m.group(1)) + 1 for _, _, f, _ in found if (m := _OTHERS.search(f.detail))),
            default=docs,
        )
        in_run = f", {run:,} in the whole run" if run > docs else ""
        links = " ".join(
            f'<a href="#d{position}-n{i}">{_plain(doc_id)}</a>' for position, i, _, doc_id in found
        )
        items.append(
            f'<li class="camp" data-g="{number}"><span class="frag">'
            f"“{_text_html(phrase, show_hidden=True)}”</span> · "
            f'<span class="n">{docs:,} documents listed{in_run}</span> '
            f'<span class="dec">mark all {len(found):,} findings: '
            f'<button type="button" data-d="spam" data-g="{number}">spam</button>'
            f'<button type="button" data-d="not_spam" data-g="{number}">not spam</button>'
            f'</span><br><span class="links">{links}</span></li>'
        )
    count = len(items)
    return (
        '<details class="summary-box" id="campaigns" open>'
        f"<summary>{count:,} campaign{'' if count == 1 else 's'}: a phrase that recurs across "
        "the documents of this run, reviewed as one decision</summary>"
        f'<ol class="campaigns">{"".join(items)}</ol></details>'
    )


def _pairs(report: Report) -> list[str]:
    pairs = {f"{_token(f.kind)}:{_lang_token(f.language)}" for f in report.findings}
    return sorted(pairs) or ["clean"]  # no language: the language filter leaves it alone


_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+\Z", re.I)


def _link(url: object, label: str) -> str:
    """A link to an http(s) address from the source; anything else is shown, not linked."""
    if not isinstance(url, str) or not url:
        return ""
    if not _SAFE_URL.match(url):
        return f"<span>{_plain(url)}</span>"
    return f'<a href="{html.escape(url, quote=True)}" rel="noreferrer">{label}</a>'


def _document(position: int, listed: _Listed, groups: dict[tuple[str, str], list[int]]) -> str:
    doc_key = f"d{position}"
    report = listed.doc.report
    findings = report.findings
    meta = dict(listed.doc.meta)
    title = str(meta.get("title") or "")
    about = [f"source {_plain(listed.doc.source)}"]
    if title:
        about.insert(0, f"document {_plain(listed.doc.id)}")
    if meta.get("author"):
        about.append(f"by {_plain(str(meta['author']))}")
    for key in ("date", "status", "post_type"):
        if meta.get(key):
            about.append(_plain(str(meta[key])))
    about.extend(
        f"{_plain(key)} {_plain(str(value))}"
        for key, value in listed.doc.meta
        if key not in _SHOWN_META and value != ""
    )
    about.append(f"language {_plain(language_name(report.language))}")
    if report.multilingual:
        about.append(_plain(written_in(report.languages.items())))
    about.append(f"{len(findings)} finding{'' if len(findings) == 1 else 's'}")
    if findings:
        about.append(f"highest score {listed.score:.2f}")
    if report.encoding:
        about.append(f"decoded as {_plain(report.encoding)}")
    if report.repairs:
        steps = ", ".join(f"{s.action} {s.parameter}" for s in report.repairs)
        about.append(f"encoding repaired ({_plain(steps)})")
    link = meta.get("link") or meta.get("uri")
    links = [
        _link(link, _plain(str(link))),
        _link(meta.get("edit_link"), "edit in WordPress"),
    ]
    links_html = " ".join(part for part in links if part)
    before = _mojibake_before(report)
    notes = "".join(
        _note(f, i, doc_key, report.text, before.get(i), _group(groups, f))
        for i, f in enumerate(findings)
    )
    lang = f' lang="{_plain(report.language)}"' if report.language else ""
    heading = _plain(title) if title else _plain(listed.doc.id)
    return (
        f'<article class="doc" id="{doc_key}" data-f="{" ".join(_pairs(report))}" '
        f'data-doc="{_json_attr(listed.doc.id)}" aria-labelledby="{doc_key}-h">'
        f'<header><h2 id="{doc_key}-h">{position}. {heading}</h2>'
        + (f'<p class="links">{links_html}</p>' if links_html else "")
        + f'<p class="meta">{" · ".join(about)}</p></header>'
        f'<pre class="text"{lang}>{highlight(report.text, findings, doc_key)}</pre>'
        + (f'<ol class="notes">{notes}</ol>' if notes else '<p class="notes">no findings</p>')
        + "</article>"
    )


#: Meta the page shows in its own place (heading, links, the line below them) or not at all.
_SHOWN_META = frozenset(
    {
        "title",
        "link",
        "uri",
        "edit_link",
        "author",
        "date",
        "status",
        "post_type",
        "record_id",
        "post_id",
        "comment_id",
    }
)


def _group(groups: dict[tuple[str, str], list[int]], finding: Finding) -> tuple[int, int]:
    """A finding's group of alike findings on the page: its number and its size."""
    number_size = groups[_group_key(finding)]
    return number_size[0], number_size[1]


def _check(item: object, index: int) -> ReportDocument:
    if (
        isinstance(item, tuple)
        and len(item) in (3, 4)
        and isinstance(item[0], str)
        and isinstance(item[1], str)
        and isinstance(item[2], Report)
        and (len(item) == 3 or isinstance(item[3], tuple))
    ):
        return ReportDocument(*item)
    raise TypeError(
        f"documents[{index}]: expected (id: str, source: str, Report[, meta]), got {item!r:.200}"
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

    def add(
        self,
        doc_id: str,
        source: str,
        report: Report,
        meta: tuple[tuple[str, str | int], ...] = (),
    ) -> None:
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
        elif not self.list_clean and not report.multilingual:
            return  # a multilingual one is listed for its one line: what it is written in
        score = max((f.score for f in findings), default=-1.0)
        entry = (
            (score, len(findings), -index),
            _Listed(ReportDocument(doc_id, source, report, meta), score),
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
        shown = outcome.findings or outcome.multilingual or self.page.list_clean
        if record.markup == "html" and shown:
            text = extract(record.text).text
        elif shown:
            text, repairs = repair_and_explain(record.text)
        source = record.source
        if record.location and record.location != record.id:
            source += f" ({record.location})"
        report = Report(
            text,
            outcome.language,
            (),
            outcome.findings,
            repairs,
            record.text,
            languages=dict(outcome.languages),
            multilingual=outcome.multilingual,
        )
        self.page.add(record.id, source, report, record.meta)

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
    the flagged ones, or they are multilingual (one line says what they are written in).
    ``threshold``, ``inputs`` and ``version`` are shown as given.
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
    groups: dict[tuple[str, str], list[int]] = {}
    for item in listed:
        for f in item.doc.report.findings:
            group = groups.setdefault(_group_key(f), [len(groups), 0])
            group[1] += 1
    # Decisions are stored in the browser per report: per listed document and finding.
    report_key = hashlib.sha256(
        "\n".join(
            f"{item.doc.id}\t{' '.join(f.id for f in item.doc.report.findings)}" for item in listed
        ).encode("utf-8", "surrogatepass")
    ).hexdigest()[:16]
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
        f"<style>{style}</style></head>",
        f'<body data-report="{report_key}">',
        "<header><h1>texthygiene review report</h1>",
        '<details class="summary-box" id="summary">',
        f"<summary>{scanned:,} document{'' if scanned == 1 else 's'} scanned, "
        f"{flagged:,} with findings, {len(listed):,} listed worst first "
        f"(threshold {threshold:g}) — summary</summary>",
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
        "</details>",
        _campaigns(listed, groups),
        left_note,
        "</header><main>",
        '<form id="filters" hidden aria-label="filter the listed documents">',
        f"<fieldset><legend>kind</legend>{_checkboxes('kind', filter_kinds)}</fieldset>",
        f"<fieldset><legend>language</legend>{_checkboxes('lang', filter_langs)}</fieldset>",
        '<label>search <input type="search" name="q" autocomplete="off"></label> ',
        '<output id="shown" aria-live="polite"></output><br>',
        "mark the findings shown "
        '<button type="button" data-bulk="spam">spam</button>'
        '<button type="button" data-bulk="not_spam">not spam</button>'
        '<button type="button" data-bulk="">unmark</button> '
        '<button type="button" id="export">Export decisions</button>'
        '<output id="tally" aria-live="polite"></output>',
        '<p class="keys">Keys on a highlight or note: <kbd>s</kbd> spam, <kbd>n</kbd> not spam, '
        "<kbd>u</kbd> unmark (with <kbd>Shift</kbd>: every finding alike), <kbd>j</kbd>/"
        "<kbd>k</kbd> next/previous finding. Marks are kept in this browser for this report; "
        "<code>texthygiene scan|clean --decisions texthygiene-decisions.json</code> "
        "applies the exported file.</p></form>",
    ]
    parts.extend(_document(position, item, groups) for position, item in enumerate(listed, 1))
    parts += [
        "</main><footer>Offsets are code points of the scanned text (after encoding repair; for "
        "HTML input, the text the page shows). Hover a highlight, or ",
        "focus it with the keyboard, for its score and reasons; the numbered notes beside ",
        "each text say the same. Invisible and control characters are shown as ",
        '<span class="cp">U+XXXX</span> boxes.</footer>',
        f"<script>{_SCRIPT}</script></body></html>\n",
    ]
    return "".join(parts)
