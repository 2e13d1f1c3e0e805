"""The HTML review report: structure and escaping in Python, behaviour in a real Chromium,
and ``texthygiene scan --format html``."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import texthygiene
from tests.conftest import ROOT
from texthygiene.cli import main
from texthygiene.report_html import KINDS, highlight, render_report
from texthygiene.results import Finding, Report

GLUED = "Mooi verhaal over de tuin en de buren.где взять деньги быстро"

#: Texts we wrote, each a trap for offsets or for the HTML parser.
TRICKY = {
    "emoji": "😀😀 🙂 " + GLUED,
    "zwj-and-flags": "👨‍👩‍👧 🇳🇱 🏴󠁧󠁢󠁳󠁣󠁴󠁿 " + GLUED,
    "math-letters": "𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐. " + GLUED,
    "crlf-nul": "Regel een\r\nRegel twee\x00 en nog een.\r\n" + GLUED + "\r\n",
    "escape": "Rood \x1b[31mwaarschuwing\x1b[0m in de log.\n" + GLUED,
    "invisible": "Speel vandaag in het online ca\u200bsino met gratis spins en win.",
    "bidi": "Bestand factuur\u202egpj.exe is bijgevoegd, open het snel.",
    "mojibake": "Het cafÃ© aan de gracht is mooi.где взять деньги быстро",
    "combining": "Een cafe\u0301 en een ijsje. " + GLUED,
    "entities": "AT&amp;T &lt;b&gt; &#x41; is geen markup. " + GLUED,
}

#: Untrusted text that must stay text: markup in the body, in a flagged fragment, in ids.
XSS = {
    "script": "Een bericht over de tuin. <script>window.__xss = 1</script> en verder niets.",
    "img": 'Mooi verhaal."><img src=x onerror="window.__xss=2"> klik hier voor meer.',
    "link": '<a href="javascript:window.__xss=3">klik</a> voor de aanbieding van vandaag.',
    "in-fragment": "Mooi verhaal over de tuin.где взять <img src=x onerror=window.__xss=4> быстро",
    "close-pre": "Tekst</pre><script>window.__xss=5</script><pre> en <!-- verder -->.",
}
XSS_ID = '"><script>window.__xss=6</script>'
XSS_SOURCE = "<img src=x onerror=window.__xss=7>.txt"
PAYLOADS = ("<script>", "onerror=", "javascript:")


def finding(text: str, start: int, end: int, kind: str = "foreign_fragment", **kw: Any) -> Finding:
    fields: dict[str, Any] = {"language": "ru", "score": 0.9, "reasons": (), "detail": "", "id": ""}
    fields.update(kw)
    return Finding(kind, start, end, text[start:end], **fields)


def make_report(text: str, findings: list[Finding]) -> Report:
    return Report(text, "nl", (), tuple(findings))


class PageReader(HTMLParser):
    """Rebuild every document's text from the page and where each highlight piece sits."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.docs: list[tuple[str, dict[int, list[tuple[int, int]]]]] = []
        self._pre = False
        self._cp = False
        self._text: list[str] = []
        self._open: list[tuple[int, int]] = []
        self._pieces: dict[int, list[tuple[int, int]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        attr = dict(attrs)
        if tag == "pre":
            self._pre, self._text, self._pieces = True, [], {}
        elif self._pre and tag == "span" and attr.get("class") == "cp":
            self._cp = True
        elif self._pre and tag == "mark":
            self._open.append((int(attr["data-f"] or ""), len("".join(self._text))))

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._pre = False
            self.docs.append(("".join(self._text), self._pieces))
        elif self._pre and tag == "span":
            self._cp = False
        elif self._pre and tag == "mark":
            index, start = self._open.pop()
            self._pieces.setdefault(index, []).append((start, len("".join(self._text))))

    def handle_data(self, data: str) -> None:
        if self._pre:
            self._text.append(chr(int(data[2:], 16)) if self._cp else data)


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader


def assert_pieces_cover(pieces: list[tuple[int, int]], f: Finding) -> None:
    """The pieces of one finding's highlight tile exactly [start, end)."""
    pieces = sorted(pieces)
    assert pieces[0][0] == f.start
    assert pieces[-1][1] == f.end
    for (_, end), (start, _) in itertools.pairwise(pieces):
        assert end == start


def render(docs: list[tuple[str, str, Report]], **kw: Any) -> str:
    options: dict[str, Any] = {"threshold": 0.5, "inputs": ["posts.jsonl"], "version": "9.9"}
    options.update(kw)
    return render_report(docs, **options)


# ---------------------------------------------------------------- structure, in Python


@st.composite
def text_and_findings(draw: st.DrawFn) -> tuple[str, list[Finding]]:
    alphabet = st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("\r\n\x00\x1b\u200b\u202e\u2066&<>\"'😀🇳🇱\u0301"),
    )
    text = draw(st.text(alphabet, max_size=40))
    spans = draw(
        st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=6)
    )
    kinds = st.sampled_from([*KINDS, "<weird kind>"])
    return text, [
        finding(
            text, min(a, b), max(a, b), draw(kinds), language=draw(st.sampled_from([None, "ru"]))
        )
        for a, b in spans
    ]


@given(text_and_findings())
def test_page_text_is_the_text_and_highlights_tile_each_finding(
    case: tuple[str, list[Finding]],
) -> None:
    text, findings = case
    page = render([("doc", "src", make_report(text, findings))], list_clean=True)
    page.encode("utf-8")  # lone surrogates never reach the page
    reader = read_page(page)
    [(page_text, pieces)] = reader.docs
    assert page_text == text
    for index, f in enumerate(findings):
        assert_pieces_cover(pieces[index], f)
    assert reader.tags.count("script") == 1
    assert {"img", "a", "iframe", "object", "embed"}.isdisjoint(reader.tags)


def test_highlight_keeps_overlapping_findings_well_nested() -> None:
    text = "0123456789"
    findings = [finding(text, 1, 6), finding(text, 4, 8, "invisible_char"), finding(text, 5, 5)]
    html = highlight(text, findings, "d1")
    # The second is closed where the first ends and reopened: four pieces for three findings.
    assert html.count("<mark") == html.count("</mark>") == 4
    assert html.count(' last"') == 3  # one numbered piece per finding


@pytest.mark.parametrize("name", sorted(XSS))
def test_untrusted_text_is_escaped_exactly(name: str) -> None:
    report = texthygiene.scan(XSS[name])
    page = render([(XSS_ID, XSS_SOURCE, report)], list_clean=True)
    reader = read_page(page)
    assert reader.docs[0][0] == report.text
    assert reader.tags.count("script") == 1
    assert {"img", "a", "iframe"}.isdisjoint(reader.tags)
    body = page[: page.rindex("<script>")]
    for tag in ("<script", "<img", "<a "):
        assert tag not in body


def test_summary_counts_everything_and_lists_worst_first() -> None:
    text = "Tekst met iets erin."
    docs = [
        (f"doc{i}", "a.txt", make_report(text, [finding(text, 0, 5, score=score)] * count))
        for i, (score, count) in enumerate([(0.6, 1), (0.95, 1), (0.95, 2), (0.7, 1)])
    ]
    docs += [(f"clean{i}", "b.txt", make_report(text, [])) for i in range(3)]
    page = render(docs, max_documents=3)
    assert re.search(r'id="n-scanned">7<', page)
    assert re.search(r'id="n-flagged">4<', page)
    assert re.search(r'id="n-clean">3<', page)
    assert re.search(r'id="n-listed">3<', page)
    assert "1 document left out" in page
    assert re.findall(r'<h2 id="d\d+-h">\d+\. (\w+)</h2>', page) == ["doc2", "doc1", "doc3"]
    assert "clean0" not in page


def test_long_input_lists_are_shortened() -> None:
    inputs = [f"<dir>/post-{i}.txt" for i in range(25)]
    page = render([], inputs=inputs)
    assert "&lt;dir&gt;/post-19.txt" in page
    assert "post-20.txt" not in page
    assert " and 5 more" in page


def test_the_core_never_imports_the_report() -> None:
    program = (
        "import sys, texthygiene\n"
        "texthygiene.scan('Een zin.где взять деньги быстро')\n"
        "print(sorted(m for m in sys.modules if m.startswith('texthygiene.')))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout
    assert "texthygiene.pipeline" in loaded
    assert "report_html" not in loaded


def test_clean_documents_listed_on_request_after_the_flagged() -> None:
    text = "Tekst."
    docs = [
        ("clean", "a", make_report(text, [])),
        ("bad", "a", make_report(text, [finding(text, 0, 5)])),
    ]
    page = render(docs, list_clean=True, max_documents=None)
    assert re.findall(r'<h2 id="d\d+-h">\d+\. (\w+)</h2>', page) == ["bad", "clean"]
    assert 'data-f="clean"' in page
    assert "left out" not in page


def test_mojibake_shown_before_and_after() -> None:
    report = texthygiene.scan(TRICKY["mojibake"])
    assert any(f.kind == "mojibake" for f in report.findings)
    page = render([("m", "m.txt", report)])
    assert '<del class="before">Ã©</del> → <ins class="after">é</ins>' in page


def test_a_finding_that_does_not_fit_the_text_is_listed_not_highlighted() -> None:
    text = "Korte tekst."
    bad = Finding("foreign_fragment", 5, 99, "elders", "ru", 0.9, (), "", "x")
    good = finding(text, 0, 5)
    page = render([("doc", "a.txt", make_report(text, [bad, good]))])
    assert "offsets 5–99 do not match the text: not highlighted" in page
    [(page_text, pieces)] = read_page(page).docs
    assert page_text == text
    assert set(pieces) == {1}


def test_bad_records_are_named() -> None:
    with pytest.raises(TypeError, match=r"documents\[1\]"):
        render([("a", "b", make_report("x", [])), ("only-two", "items")])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="max_documents"):
        render([], max_documents=-1)


def test_output_is_deterministic_across_hash_seeds() -> None:
    program = (
        "import sys, texthygiene\n"
        "from tests.test_report_html import TRICKY, XSS, render\n"
        "docs = [(n, 't.txt', texthygiene.scan(t)) for n, t in {**TRICKY, **XSS}.items()]\n"
        "sys.stdout.buffer.write(render(docs, list_clean=True).encode('utf-8'))\n"
    )
    pages = [
        subprocess.run(
            [sys.executable, "-c", program],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert pages[0] == pages[1]
    assert b"<mark" in pages[0]


# ---------------------------------------------------------------- in Chromium

WALK = """() => Array.from(document.querySelectorAll("article.doc pre.text"), (pre) => {
  let text = "", n = 0;
  const marks = {};
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        text += child.data;
        n += Array.from(child.data).length;  // code points, as Python counts
      } else if (child.classList.contains("cp")) {
        text += String.fromCodePoint(parseInt(child.textContent.slice(2), 16));
        n += 1;
      } else if (child.tagName === "MARK") {
        const start = n;
        walk(child);
        (marks[child.dataset.f] ||= []).push([start, n, getComputedStyle(child).backgroundColor]);
      } else {
        walk(child);
      }
    }
  };
  walk(pre);
  return {text, marks};
})"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Tests using this fixture are marked `browser`: conftest has checked playwright and
    # Debian's chromium (skip where absent, fail in CI).
    from benchmarks.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def open_page(browser: Any, path: Path, *, javascript: bool = True) -> Any:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: page.errors.append(f"dialog {dialog.message}"))
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(path.as_uri())
    return page


def rgb(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture(scope="module")
def tricky_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Report]]:
    overlap = "Eén twee drie vier vijf zes"
    docs = [(name, f"{name}.txt", texthygiene.scan(text)) for name, text in TRICKY.items()]
    docs.append(
        (
            "overlap",
            "synthetic",
            make_report(
                overlap,
                [
                    finding(overlap, 0, 13),
                    finding(overlap, 4, 18, "spam_fragment"),
                    finding(overlap, 9, 9, "confusable"),
                    finding(overlap, 19, 27, "mojibake", language=None),
                ],
            ),
        )
    )
    path = tmp_path_factory.mktemp("report") / "tricky.html"
    path.write_text(render(docs, list_clean=True, max_documents=None), encoding="utf-8")
    return path, [report for _, _, report in docs]


def test_highlights_sit_where_the_findings_say(browser: Any, tricky_page: Any) -> None:
    path, reports = tricky_page
    page = open_page(browser, path)
    shown = page.evaluate(WALK)
    by_text = {item["text"]: item["marks"] for item in shown}
    assert sorted(by_text) == sorted(r.text for r in reports)  # no character lost or changed
    checked = 0
    for report in reports:
        marks = by_text[report.text]
        for index, f in enumerate(report.findings):
            pieces = marks[str(index)]
            assert_pieces_cover([(start, end) for start, end, _ in pieces], f)
            assert {colour for _, _, colour in pieces} == {rgb(KINDS[f.kind][0])}
            checked += 1
    emoji = next(r for r in reports if r.text == TRICKY["emoji"])
    fragment = next(f for f in emoji.findings if f.language == "ru")
    assert fragment.text == "где взять деньги быстро"
    assert emoji.to_dict(utf16=True)["findings"][0]["start_utf16"] != fragment.start
    assert checked >= 15
    assert page.errors == []


def test_hover_title_and_note_carry_score_and_reasons(browser: Any, tricky_page: Any) -> None:
    page = open_page(browser, tricky_page[0])
    mark = page.locator("article.doc", has_text="😀😀").locator("mark").first
    note_id = mark.get_attribute("aria-describedby")
    note = page.locator(f"#{note_id}")
    assert "score 1.00" in mark.get_attribute("title")
    assert "glued_to_sentence" in mark.get_attribute("title")
    assert note.is_visible()
    mark.focus()  # keyboard users reach every highlight; its note opens beside it
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    assert "glued_to_sentence" in note.inner_text()


def visible_ids(page: Any) -> list[str]:
    return sorted(
        page.evaluate(
            "Array.from(document.querySelectorAll('article.doc'))"
            ".filter((doc) => !doc.hidden).map((doc) => doc.id)"
        )
    )


def test_filters_hide_and_show_documents(browser: Any, tmp_path: Path) -> None:
    text = "Tekst met een stuk erin en nog wat meer woorden."
    docs = [
        ("russisch", "a", make_report(text, [finding(text, 0, 5, language="ru")])),
        ("chinees", "a", make_report(text, [finding(text, 6, 9, language="zh")])),
        ("spam", "a", make_report(text, [finding(text, 0, 5, "spam_fragment", language="nl")])),
        (
            "beide",
            "a",
            make_report(
                text,
                [
                    finding(text, 0, 5, language="ru"),
                    finding(text, 10, 13, "invisible_char", language=None),
                ],
            ),
        ),
        ("schoon", "a", make_report("Een zin over de zeehond.", [])),
    ]
    path = tmp_path / "filter.html"
    path.write_text(render(docs, list_clean=True), encoding="utf-8")
    page = open_page(browser, path)
    heading = {
        doc_id: page.locator(f"#{doc_id}-h").inner_text().split(". ", 1)[1]
        for doc_id in visible_ids(page)
    }

    def shown() -> list[str]:
        return sorted(heading[doc_id] for doc_id in visible_ids(page))

    assert shown() == sorted(heading.values())
    page.uncheck("input[name=kind][value=foreign_fragment]")
    assert shown() == ["beide", "schoon", "spam"]
    page.uncheck("input[name=lang][value=none]")
    assert shown() == ["schoon", "spam"]
    page.check("input[name=kind][value=foreign_fragment]")
    page.uncheck("input[name=lang][value=ru]")
    assert shown() == ["chinees", "schoon", "spam"]
    page.check("input[name=lang][value=ru]")
    page.check("input[name=lang][value=none]")
    page.fill("input[name=q]", "ZEEHOND")
    assert shown() == ["schoon"]
    assert page.locator("#shown").inner_text() == "1 of 5 listed documents shown"
    page.fill("input[name=q]", "")
    assert shown() == sorted(heading.values())
    assert page.errors == []


def test_readable_with_scripts_off(browser: Any, tricky_page: Any) -> None:
    page = open_page(browser, tricky_page[0], javascript=False)
    assert not page.locator("#filters").is_visible()
    assert page.locator("article.doc").count() == len(tricky_page[1])
    assert page.locator("article.doc:visible").count() == len(tricky_page[1])
    assert page.locator("article.doc mark").first.is_visible()  # the summary is folded


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_xss_samples_stay_inert(browser: Any, tmp_path: Path, csp: bool) -> None:
    docs = [(XSS_ID, XSS_SOURCE, texthygiene.scan(text)) for text in XSS.values()]
    page_html = render(docs, list_clean=True)
    if not csp:  # the escaping alone must already hold
        page_html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_html)
    path = tmp_path / "xss.html"
    path.write_text(page_html, encoding="utf-8")
    page = open_page(browser, path)
    for mark in page.locator("article.doc mark").all():  # the summary is folded
        mark.hover()
    page.locator("pre.text").first.click()
    assert page.evaluate("window.__xss") is None
    assert page.locator("script").count() == 1
    assert page.locator("img, a, iframe, object, embed").count() == 0
    texts = page.locator("pre.text").all_inner_texts()
    for text in XSS.values():
        assert text in texts
    assert page.locator("h2", has_text=XSS_ID).count() == len(XSS)
    assert page.locator("#filters").is_visible()  # our own script did run
    assert page.errors == []
    assert all(url.startswith("file:") for url in page.requests)


# ---------------------------------------------------------------- scan --format html

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "moestuin-post.txt"

POSTS = [
    {"id": "emoji", "text": "😀🇳🇱 Vandaag in de tuin. " + GLUED},
    {"id": "mojibake", "text": "Het cafÃ© aan de gracht is mooi.где взять деньги быстро"},
    {"id": "schoon", "text": "Een rustige zondag met koffie en de krant."},
    {"id": "<script>alert(1)</script>", "text": "Tekst <img src=x onerror=alert(1)>." + GLUED},
]


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in POSTS), "utf-8")
    return path


def listed(page: str) -> list[str]:
    return re.findall(r'<h2 id="d\d+-h">\d+\. ([^<]*)</h2>', page)


def test_html_report_of_a_jsonl_scan(posts: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = ["scan", "--format", "html", "--id-field", "id", "-j", "1", "-o", str(out), str(posts)]
    assert main(args) == 1
    page = out.read_text(encoding="utf-8")
    assert re.search(r'id="n-scanned">4<', page)
    assert re.search(r'id="n-flagged">3<', page)
    assert "schoon" not in listed(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listed(page)
    assert '<del class="before">Ã©</del> → <ins class="after">é</ins>' in page
    assert "do not match the text" not in page  # the re-derived text fits every offset
    texts = [text for text, _ in read_page(page).docs]
    assert "Het café aan de gracht is mooi.где взять деньги быстро" in texts


def test_max_documents_and_verbose(posts: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    base = ["scan", "--format", "html", "--id-field", "id", "-o", str(out), str(posts)]
    assert main([*base, "--max-documents", "1", "--exit-zero"]) == 0
    page = out.read_text(encoding="utf-8")
    assert len(listed(page)) == 1
    assert "2 documents left out" in page
    assert main([*base, "--max-documents", "0", "--verbose"]) == 1
    assert listed(out.read_text(encoding="utf-8"))[-1] == "schoon"
    assert main([*base, "--max-documents", "-1"]) == 2


def test_html_report_highlights_in_chromium(browser: Any, posts: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    main(["scan", "--format", "html", "--id-field", "id", "-o", str(out), str(posts)])
    page = open_page(browser, out)
    shown = {item["text"]: item["marks"] for item in page.evaluate(WALK)}
    emoji_text = POSTS[0]["text"]
    start = emoji_text.index("где")
    assert [[s, e] for s, e, _ in shown[emoji_text]["0"]] == [[start, len(emoji_text)]]
    assert page.evaluate("window.__xss") is None
    assert page.locator("img, script:not(:last-child)").count() == 0
    assert page.errors == []


def test_html_input_shows_the_text_the_page_shows(tmp_path: Path) -> None:
    body = (
        "<p>Mooi verhaal over de <b>tuin</b> &amp; de buren.</p>"
        '<div style="display:none">где взять деньги быстро</div>'
    )
    (tmp_path / "post.html").write_text(body, encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["scan", "--format", "html", "-o", str(out), str(tmp_path / "post.html")]) == 1
    page = out.read_text(encoding="utf-8")
    [(text, pieces)] = read_page(page).docs
    assert text.startswith("Mooi verhaal over de tuin & de buren.")
    [(start, end)] = pieces[0]
    assert text[start:end] == "где взять деньги быстро"
    assert 'class="k-hidden_text last"' in page


def test_html_report_through_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "texthygiene",
            "scan",
            "--format",
            "html",
            "-o",
            str(out),
            str(EXAMPLE),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "купить дешевые лекарства без рецепта" in page


#: Characters that reorder text or show nothing: each a trap in a page.
UNSEEN = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"  # bidi
    "\u200b\u200c\u200d\u2060\u2061\ufeff\u00ad\u180e\u034f\u115f\u3164\uffa0"  # invisible
    "\ufe00\U000e0041\U000e0100\u2028\u2029\x85\x1b\ue000\U0010fffd"
)


def raw_unseen(page: str) -> set[str]:
    """Every character of ``page`` that would reorder or hide text where it stands."""
    return {
        ch
        for ch in page
        if unicodedata.category(ch) in {"Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
        or (unicodedata.category(ch) == "Cc" and ch not in "\n\t")
        or ch in UNSEEN
    }


def test_bidi_and_invisible_characters_are_marks_everywhere_in_the_page() -> None:
    texts = [
        "Zie \u202eexe.txt\u202c voor de factuur.",
        "De prijs is \u2067100 - 20\u2069 euro.",
        *(f"Mooi verhaal over{ch}de tuin en de buren." for ch in UNSEEN),
    ]
    docs = [(f"scan-{i}", "posts.jsonl", texthygiene.scan(t)) for i, t in enumerate(texts)]
    # The same texts with no findings at all, and untrusted ids, sources and languages.
    docs += [
        (f"id\u202e{i}", f"src\u2067{i}.txt", Report(t, f"n\u200bl{i}", (), ()))
        for i, t in enumerate(texts)
    ]
    page = render(docs, list_clean=True, max_documents=None, inputs=["in\u202eput.jsonl"])
    assert raw_unseen(page) == set()
    shown = [text for text, _ in read_page(page).docs]
    assert sorted(shown) == sorted(r.text for _, _, r in docs)  # a mark per character
    for ch in UNSEEN:
        assert f">U+{ord(ch):04X}</span>" in page


# --- campaigns (issue 17 item 4) --------------------------------------------------------


def campaign_site(tmp_path: Path, count: int = 6) -> Path:
    """A JSONL run of 14 Dutch posts; the collection tests' phrase glued onto, inserted into or
    appended to the first ``count`` of them."""
    from tests.test_collection import PHRASE, dutch_paragraphs, place, site, write_site

    paragraphs = dutch_paragraphs()
    positions = ("glued", "mid", "end")
    posts = site(14, {i: place(paragraphs[i], PHRASE, positions[i % 3]) for i in range(count)})
    path = tmp_path / "site.jsonl"
    write_site(path, posts)
    return path


def test_campaign_key_folds_case_punctuation_spacing_and_digits() -> None:
    from texthygiene.report_html import campaign_key

    assert campaign_key("Bezoek onze  webshop: 20% korting!") == campaign_key(
        "bezoek onze webshop 35 % korting"
    )
    assert campaign_key("bezoek onze webshop") != campaign_key("bezoek onze winkel")


KINDS_OF_A_CAMPAIGN = ("spam_fragment", "foreign_fragment")


def test_a_campaign_spans_kinds_and_spellings_and_counts_the_whole_run() -> None:
    texts = ["Koop nu. Bezoek ONZE webshop, 2 keer!", "Hallo. bezoek onze webshop 5 keer"]
    detail = "the same phrase is glued into {} other documents of this run"
    docs = [
        (
            f"post-{n}",
            "site.jsonl",
            make_report(
                text,
                [
                    finding(
                        text,
                        text.lower().index("bezoek"),
                        len(text),
                        kind,
                        reasons=("glued_to_sentence", "recurring"),
                        detail=detail.format(8),
                    )
                ],
            ),
        )
        for n, (text, kind) in enumerate(zip(texts, KINDS_OF_A_CAMPAIGN, strict=True))
    ]
    page = render(docs)
    [entry] = re.findall(r'<li class="camp".*?</li>', page)
    assert "2 documents listed, 9 in the whole run" in entry
    assert re.findall(r'href="#(d\d-n\d)">(post-\d)<', entry) == [
        ("d1-n0", "post-0"),
        ("d2-n0", "post-1"),
    ]
    # The same findings without the recurring evidence are no campaign.
    plain = [
        (doc_id, source, make_report(r.text, [replace(f, reasons=()) for f in r.findings]))
        for doc_id, source, r in docs
    ]
    assert 'id="campaigns"' not in render(plain)


def test_no_campaign_without_a_phrase_recurring_in_two_listed_documents(tmp_path: Path) -> None:
    site = campaign_site(tmp_path)
    out = tmp_path / "page.html"
    args = ["scan", "--isolated", "--id-field", "id", "--format", "html", "-j", "1"]
    assert main([*args, "-o", str(out), str(site)]) == 1
    assert out.read_text(encoding="utf-8").count('<li class="camp"') == 1
    # Listing one document leaves no campaign on the page; without collection there is none.
    assert main([*args, "--max-documents", "1", "-o", str(out), str(site)]) == 1
    assert 'id="campaigns"' not in out.read_text(encoding="utf-8")
    assert main([*args, "--no-collection", "-o", str(out), str(site)]) in (0, 1)
    assert 'id="campaigns"' not in out.read_text(encoding="utf-8")


def test_a_campaign_is_one_entry_and_one_decision_in_chromium(browser: Any, tmp_path: Path) -> None:
    site = campaign_site(tmp_path)
    scan = ["scan", "--isolated", "--id-field", "id", "-j", "1"]
    out = tmp_path / "page.html"
    assert main([*scan, "--format", "html", "-o", str(out), str(site)]) == 1
    jsonl = tmp_path / "run.jsonl"
    assert main([*scan, "--format", "jsonl", "-o", str(jsonl), str(site)]) == 1
    expected = sorted(
        (record["id"], f["id"])
        for record in map(json.loads, jsonl.read_text(encoding="utf-8").splitlines())
        for f in record["findings"]
        if "recurring" in f["reasons"]
    )
    assert [doc for doc, _ in expected] == [f"post-{i}" for i in range(6)]

    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(out.as_uri())
    entry = page.locator("#campaigns li.camp")
    assert entry.count() == 1
    assert "bezoek onze webshop voor de mooiste tuinmeubelen" in entry.inner_text().lower()
    links = entry.locator("a")
    assert sorted(links.all_inner_texts()) == [doc for doc, _ in expected]
    for link in links.all():  # each link leads to that document's finding of the phrase
        note = page.locator(link.get_attribute("href") or "")
        assert "tuinmeubelen" in (note.get_attribute("data-t") or "")
        assert note.evaluate("li => li.closest('article').dataset.doc") == json.dumps(
            link.inner_text()
        )
    entry.locator("button[data-d=spam]").click()
    assert page.locator("#tally").inner_text() == "6 marked spam, 0 not spam"
    assert page.locator("li.fn.dec-spam").count() == 6
    with page.expect_download() as caught:
        page.click("#export")
    decisions = tmp_path / "texthygiene-decisions.json"
    caught.value.save_as(decisions)
    entry.locator("button[data-d=spam]").click()  # again: the whole campaign is unmarked
    assert page.locator("#tally").inner_text() == "0 marked spam, 0 not spam"
    assert errors == []
    context.close()
    exported = json.loads(decisions.read_text(encoding="utf-8"))["decisions"]
    assert sorted((d["document"], d["finding_id"]) for d in exported) == expected
    assert {d["decision"] for d in exported} == {"spam"}
