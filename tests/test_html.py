"""HTML post bodies: scan_html / clean_html, source offsets, hidden text, links, robustness."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

import texthygiene
from texthygiene import Config, clean_html, scan_html
from texthygiene.clean import FRAGMENT_KINDS, removal_range
from texthygiene.html import ELEMENT_KINDS, removals, scan_extracted, splice
from texthygiene.htmltext import Extracted, extract, hidden_reason
from texthygiene.hygiene import REMOVABLE

from .conftest import GluedPost

CASES = Path(__file__).parent / "html_cases"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CASES / "cases.json").read_text("utf-8"))
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_KEPT = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_IGNORED = {"script", "style", "template", "title", "textarea", "noscript", "head"}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def stripped(source: str) -> str:
    """Tags and comments removed, entities decoded: what the span shows, roughly."""
    return html.unescape(_TAG.sub("", source))


def check_pieces(ex: Extracted) -> None:
    """Every piece of extracted text maps back to the source it came from."""
    previous = 0
    repaired: list[Any] = []
    for piece in ex.pieces:
        assert piece.text_start == previous
        previous = piece.text_end
        text = ex.text[piece.text_start : piece.text_end]
        source = ex.source[piece.source_start : piece.source_end]
        if piece.synthetic:
            assert set(text) == {"\n"}, piece
            assert source == "", piece
        elif piece.verbatim:
            assert text == source, piece
        elif source.startswith("&"):
            assert html.unescape(source) == text, piece
        elif not source.strip(" \t\n\r\f"):
            assert text == " ", piece
            assert source, piece
        else:
            repaired.append(piece)  # mojibake: checked below with the text around it
    assert previous == len(ex.text)
    # Repair maps its text word by word, each word (or few) repaired on its own: the source
    # and text of a run of pieces with no markup between them are repaired source and text.
    runs: list[list[Any]] = []
    for piece in ex.pieces:
        plain = piece.verbatim or piece in repaired
        if plain and runs and runs[-1][-1].source_end == piece.source_start:
            runs[-1].append(piece)
        elif plain:
            runs.append([piece])
    for run in runs:
        if any(piece in repaired for piece in run):
            source = ex.source[run[0].source_start : run[-1].source_end]
            text = ex.text[run[0].text_start : run[-1].text_end]
            assert texthygiene.repair(source) == text, run
    for element in ex.elements:
        assert ex.source[element.source_start :].lower().startswith("<" + element.name)
        assert element.source_start < element.source_end <= len(ex.source)
        assert element.text_start <= element.text_end


def check_findings(source: str, report: texthygiene.Report, ex: Extracted | None = None) -> None:
    """Each finding's source span shows its text; given the extraction (checked with
    ``check_pieces``), text repaired only in context is read through its pieces."""
    for f in report.findings:
        assert report.text[f.start : f.end] == f.text
        assert f.source_start is not None
        assert f.source_end is not None
        span = stripped(source[f.source_start : f.source_end])
        if report.repairs:
            span = texthygiene.repair(span)
        if ex is not None and squash(f.text) not in squash(span):
            shown = []
            for p in ex.pieces:
                lo, hi = max(p.source_start, f.source_start), min(p.source_end, f.source_end)
                if lo < hi and p.verbatim:
                    shown.append(source[lo:hi])
                elif lo < hi:
                    shown.append(ex.text[p.text_start : p.text_end])
            span = "".join(shown)
        assert squash(f.text) in squash(span), (f, span)


def html5_events(document: str) -> list[tuple[Any, ...]]:
    """The HTML5 tree as a flat list of events, each with its depth: elements with their
    attributes, and text one character at a time (so merged text nodes compare equal)."""
    root = html5lib.parse(document, treebuilder="etree", namespaceHTMLElements=False)
    events: list[tuple[Any, ...]] = []
    stack: list[tuple[Any, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, tail = stack.pop()
        if tail:
            events.extend(("text", depth, ch) for ch in node.tail or "")
            continue
        tag = node.tag if isinstance(node.tag, str) else "#comment"
        events.append(("start", depth, tag, tuple(sorted(node.attrib.items()))))
        if tag == "#comment":
            events.append(("comment", depth, node.text))
        else:
            events.extend(("text", depth + 1, ch) for ch in node.text or "")
        children = list(node)
        for child in reversed(children):
            stack.append((child, depth + 1, True))
            stack.append((child, depth + 1, False))
    return events


def html5_text(document: str) -> str:
    root = html5lib.parse(document, treebuilder="etree", namespaceHTMLElements=False)
    out: list[str] = []
    stack: list[tuple[Any, bool, bool]] = [(root, False, False)]
    while stack:
        node, tail, hidden = stack.pop()
        if tail:
            out.append(node.tail or "")
            continue
        tag = node.tag if isinstance(node.tag, str) else "#comment"
        skip = hidden or tag in _IGNORED or tag == "#comment"
        if not skip:
            out.append(node.text or "")
        for child in reversed(list(node)):
            if not hidden:
                stack.append((child, True, False))
            stack.append((child, False, skip))
    return "".join(out)


def is_subsequence(small: list[Any], big: list[Any]) -> bool:
    it = iter(big)
    return all(any(item == other for other in it) for item in small)


# -- the cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_case(name: str) -> None:
    source = (CASES / name).read_text(encoding="utf-8")
    expected = EXPECTED[name]
    report = scan_html(source)
    got = [(f.kind, f.text) for f in report.findings]
    assert got == [(e["kind"], e["text"]) for e in expected["findings"]]
    for finding, want in zip(report.findings, expected["findings"], strict=True):
        if "language" in want:
            assert finding.language == want["language"]
        assert set(want.get("reasons", ())) <= set(finding.reasons), finding
        assert finding.score >= Config().threshold
        assert finding.detail
    check_findings(source, report)
    check_pieces(extract(source))

    cleaned = clean_html(source)
    assert isinstance(cleaned, str)
    for gone in expected.get("clean_drops", ()):
        assert gone not in cleaned
    for kept in expected.get("clean_keeps", ()):
        assert kept in cleaned
    assert scan_html(cleaned).findings == ()
    if not expected["findings"]:
        assert cleaned == source


def test_case_files_all_listed() -> None:
    assert sorted(p.name for p in CASES.glob("*.html")) == sorted(EXPECTED)


def test_extracted_text_matches_an_html5_parser_on_the_cases() -> None:
    for path in sorted(CASES.glob("*.html")):
        source = path.read_text(encoding="utf-8")
        if "[gallery" in source:
            continue  # shortcodes are ours to drop; a browser shows them
        assert squash(extract(source).text) == squash(html5_text(source)), path.name


def test_moderator_source_offsets() -> None:
    source = (CASES / "block-editor-glued.html").read_text(encoding="utf-8")
    (finding,) = scan_html(source).findings
    assert finding.source_start is not None
    assert source[finding.source_start : finding.source_end] == "где взять контент для блога"
    as_dict = finding.to_dict()
    assert (as_dict["source_start"], as_dict["source_end"]) == (
        finding.source_start,
        finding.source_end,
    )
    assert texthygiene.scan("Gewone tekst.").to_dict()["schema_version"] == "1.2"


def test_hidden_segments_marked_and_tiling() -> None:
    report = scan_html((CASES / "hidden-japanese.html").read_text(encoding="utf-8"))
    assert "".join(s.text for s in report.segments) == report.text
    hidden = "".join(s.text for s in report.segments if s.hidden)
    assert squash(hidden) == squash(report.findings[0].text)
    assert any(s.to_dict()["hidden"] for s in report.segments)


def test_glued_post_as_wordpress_html(glued_post: GluedPost) -> None:
    """The post as the block editor stores it: the Russian phrase, nothing else."""
    blocks = []
    for number, block in enumerate(glued_post.text.strip().split("\n\n")):
        body = html.escape(block, quote=False).replace("’", "&#8217;").replace("\n", "<br>\n")
        if number == 0:
            blocks.append(f"<!-- wp:heading -->\n<h1>{body}</h1>\n<!-- /wp:heading -->")
        elif block == glued_post.subheading:
            blocks.append(f"<!-- wp:heading -->\n<h2>{body}</h2>\n<!-- /wp:heading -->")
        else:
            blocks.append(f"<!-- wp:paragraph -->\n<p>{body}</p>\n<!-- /wp:paragraph -->")
    source = "\n\n".join(blocks)
    report = scan_html(source)
    assert report.language == "nl"
    assert [(f.kind, f.text, f.language) for f in report.findings] == [
        ("foreign_fragment", glued_post.fragment, "ru")
    ]
    finding = report.findings[0]
    assert source[finding.source_start : finding.source_end] == finding.text
    assert "glued_to_sentence" in finding.reasons
    cleaned = clean_html(source)
    assert isinstance(cleaned, str)
    assert cleaned == source.replace(glued_post.fragment, "")


# -- hidden text, accessibility, lang, code -------------------------------------------------

HIDING = [
    ({"style": "display:none"}, "display_none"),
    ({"style": "DISPLAY: None !important"}, "display_none"),
    ({"style": "visibility:hidden"}, "visibility_hidden"),
    ({"style": "font-size:0"}, "font_size_zero"),
    ({"style": "font-size: 0px"}, "font_size_zero"),
    ({"style": "opacity:0.0"}, "opacity_zero"),
    ({"style": "position:absolute;left:-9999px"}, "off_screen"),
    ({"style": "position:fixed; top:-200em"}, "off_screen"),
    ({"style": "text-indent:-10000px"}, "off_screen"),
    ({"style": "width:0;height:0;overflow:hidden"}, "zero_size"),
    ({"style": "position:absolute;clip:rect(0,0,0,0)"}, "clipped"),
    ({"hidden": ""}, "hidden_attribute"),
    ({"style": "display:block"}, None),
    ({"style": "font-size:0.9em"}, None),
    ({"style": "opacity:0.5"}, None),
    ({"style": "position:absolute;left:-20px"}, None),
    ({"style": "left:-9999px"}, None),  # not positioned: the offset does nothing
    ({"style": "overflow:hidden"}, None),
    ({}, None),
]


@pytest.mark.parametrize(("attrs", "reason"), HIDING)
def test_hidden_reason(attrs: dict[str, str], reason: str | None) -> None:
    assert hidden_reason(attrs) == reason


def test_hiding_by_the_pages_own_stylesheet() -> None:
    page = (
        "<style>.promo-x, #links { display:none } .sr-only { position:absolute; "
        "clip: rect(0,0,0,0) } p { color: #333 }</style>" + HOST
    )
    hidden = page + '<div class="promo-x">judi bola online terpercaya</div>'
    assert [(f.kind, f.reasons[:2]) for f in scan_html(hidden).findings] == [
        ("hidden_text", ("hidden", "display_none"))
    ]
    by_id = page + '<ul id="links"><li><a href="https://x.example">slot gacor</a></li></ul>'
    assert [f.kind for f in scan_html(by_id).findings] == ["hidden_text"]
    assert scan_html(page + '<span class="sr-only">(opens in a new tab)</span>').findings == ()


HOST = (
    "<p>Onze vereniging organiseert elke maand een wandeling door het bos, voor jong en oud. "
    "Aanmelden kan via de ledenadministratie, uiterlijk een week van tevoren.</p>\n"
)


def test_hidden_plus_evidence_scores_higher_than_either_alone() -> None:
    plain = scan_html(HOST + '<div style="display:none">Tot volgende maand allemaal.</div>')
    foreign = scan_html(HOST + "<p>где взять деньги быстро онлайн</p>")
    both = scan_html(HOST + '<div style="display:none">где взять деньги быстро онлайн</div>')
    (hidden_only,) = plain.findings
    (foreign_only,) = foreign.findings
    (combined,) = both.findings
    assert hidden_only.kind == combined.kind == "hidden_text"
    assert foreign_only.kind == "foreign_fragment"
    assert combined.score > max(hidden_only.score, foreign_only.score)
    assert combined.language == "ru"


@pytest.mark.parametrize(
    "markup",
    [
        '<span class="sr-only">opens in a new window</span>',
        '<span class="screen-reader-text" style="display:none">Read more</span>',
        '<div class="visually-hidden"><span style="position:absolute;left:-9999px">'
        "Menu</span></div>",
        '<a href="#main" style="position:absolute;left:-9999px">Skip to main content</a>',
    ],
)
def test_accessibility_patterns_not_flagged(markup: str) -> None:
    report = scan_html(HOST + markup)
    assert report.findings == ()
    assert any(s.hidden for s in report.segments)


def test_declared_lang_is_expected_but_still_checked_for_spam() -> None:
    quote = '<blockquote lang="ru">Тише едешь — дальше будешь, говорила моя бабушка.</blockquote>'
    assert scan_html(HOST + quote).findings == ()
    assert [f.language for f in scan_html(HOST + quote.replace(' lang="ru"', "")).findings] == [
        "ru"
    ]
    spam = '<p lang="en">Play at the best online casino with free spins today</p>'
    assert ["spam_terms" in f.reasons for f in scan_html(HOST + spam).findings] == [True]
    hidden = '<p lang="ru" style="display:none">Тише едешь — дальше будешь.</p>'
    assert [f.kind for f in scan_html(HOST + hidden).findings] == ["hidden_text"]


def test_code_is_not_language() -> None:
    code = "<pre><code>где взять = get_content(blog)\nprint(где взять)</code></pre>"
    assert scan_html(HOST + code).findings == ()


def test_link_to_foreign_site_with_host_text_not_flagged() -> None:
    link = (
        '<p>Lees het hele verhaal op <a href="https://example.ru/">de Russische website</a> '
        "van de organisatie.</p>"
    )
    assert scan_html(HOST + link).findings == ()


def test_spam_link_glued_to_host_text_takes_only_the_link() -> None:
    sentence = "Vandaag hebben we de moestuin winterklaar gemaakt."
    source = f'<p>{sentence}</p>\n<p><a href="/x">best online casino bonus</a>{sentence}</p>'
    [finding] = scan_html(source).findings
    assert (finding.kind, finding.text) == ("foreign_link", "best online casino bonus")
    assert clean_html(source) == f"<p>{sentence}</p>\n<p>{sentence}</p>"


def test_languages_argument_and_config_pass_through() -> None:
    source = HOST + '<p>Mehr Informationen gibt es bei <a href="/x">slot gacor</a>.</p>'
    assert scan_html(source).findings
    assert scan_html(source, config=Config(threshold=1.0)).findings == ()
    with pytest.raises(ValueError, match="unknown language code"):
        scan_html(source, languages=["xx"])


# -- layout ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("<p>een</p><p>twee</p>", "een\n\ntwee"),
        ("<h2>Kop</h2>tekst", "Kop\n\ntekst"),
        ("<ul><li>een<li>twee</ul>", "een\ntwee"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a\nb"),
        ("een<br>twee<br/><br>drie", "een\ntwee\n\ndrie"),
        ("<p>wo<b>o</b>rd   en\n  <i>nog</i> een</p>", "woord en nog een"),
        ("<p>caf&eacute; &amp; thee&nbsp;&#8217;s&#x41;</p>", "café & thee\xa0’sA"),
        ("<p>AT&T &notanentity; &amp</p>", "AT&T ¬anentity; &"),
        ("<p>a<script>var x = '<p>niet</p>';</script>b<style>p{}</style>c</p>", "abc"),
        ("<p>a<!-- commentaar -->b<template><p>niet</p></template>c</p>", "abc"),
        ("<pre>  twee  spaties\n  en een regel</pre>", "  twee  spaties\n  en een regel"),
        ("Alinea een\nregel twee\n\nAlinea twee", "Alinea een\nregel twee\n\nAlinea twee"),
        ('Tekst [caption id="x"]onderschrift[/caption] verder', "Tekst onderschrift verder"),
        ("<p>[sic] blijft staan</p>", "[sic] blijft staan"),
        ("<p>een <p>twee", "een\n\ntwee"),
        ("<div><p>een</div>twee", "een\n\ntwee"),
        ("tekst</div></span></p>meer", "tekst\n\nmeer"),
        ("<p title='x>y'>a</p><p title=\"b\">c", "a\n\nc"),
        ("<p class=los id=x>a</p>", "a"),
        ("<p>a < b en c <> d</p>", "a < b en c <> d"),
        ('<p>onaf <a href="x', "onaf"),
        ("<!-- nooit gesloten <p>tekst</p>", ""),
        ("<p>a\x00b</p>", "a\x00b"),
    ],
)
def test_layout(source: str, text: str) -> None:
    ex = extract(source)
    assert ex.text == text
    check_pieces(ex)


def test_stray_end_tag_closes_nothing_and_unclosed_elements_end_at_the_end() -> None:
    ex = extract("<div><b>vet</i> nog vet</div> los")
    (div, bold) = ex.elements
    assert ex.text[bold.text_start : bold.text_end] == "vet nog vet"
    assert ex.source[bold.source_start : bold.source_end] == "<b>vet</i> nog vet"
    assert ex.source[div.source_start : div.source_end] == "<div><b>vet</i> nog vet</div>"


# -- robustness -----------------------------------------------------------------------------


MALFORMED = [
    "<p>Unclosed <b>bold <i>italic</p> after",
    "</div></div><p>Stray closers</p></span>",
    "<p>Broken &entities; &#; &#x; &#99999999; &amp</p>",
    "<p class=unquoted title=a>b id='x>Attributes</p>",
    "<p <p <p>Tag soup<</p>",
    "<div style='display:none'>Never closed hidden casino online",
    "<a href='x'><a href='y'>nested links</a></a>",
    "<!DOCTYPE html><html><head><title>t</title></head><body>b</body></html>",
    "<![CDATA[ data ]]><?php echo 1; ?><p>after</p>",
    "<script>never closed <p>",
    "<",
    "&",
    "",
]


@pytest.mark.parametrize("source", MALFORMED)
def test_malformed_html_does_not_crash(source: str) -> None:
    report = scan_html(source)
    check_findings(source, report)
    check_pieces(extract(source))
    cleaned = clean_html(source)
    assert isinstance(cleaned, str)


def test_ten_thousand_levels_deep() -> None:
    depth = 10_000
    source = (
        "<div>" * depth
        + "<p>Mooi verhaal over de tuin en de buren.где взять деньги быстро</p>"
        + "<span hidden>x</span>"
        + "</div>" * depth
    )
    report = scan_html(source)
    assert [f.kind for f in report.findings] == ["foreign_fragment", "hidden_text"]
    check_findings(source, report)
    cleaned = clean_html(source)
    assert cleaned == source.replace("где взять деньги быстро", "").replace(
        "<span hidden>x</span>", ""
    )
    unclosed = "<div><span style='display:none'>" * depth + "casino"
    assert len(extract(unclosed).elements) == 2 * depth
    assert clean_html(unclosed) == ""


def test_twenty_megabyte_page() -> None:
    """A 20 MB page is mostly markup: inline images, scripts, styles, attributes."""
    post = (CASES / "hidden-japanese.html").read_text(encoding="utf-8")
    image = '<img alt="" src="data:image/png;base64,' + "iVBORw0KGgo" * 9000 + '">\n'
    script = "<script>var data = [" + "1," * 50000 + "];</script>\n"
    chunk = '<div class="row"><span class="cell" data-x="1">' + image + script + "</span></div>\n"
    source = post + chunk * (20_000_000 // len(chunk))
    assert len(source) >= 19_000_000
    report = scan_html(source)
    assert [f.kind for f in report.findings] == ["hidden_text"]
    assert report.findings[0].source_start == post.index("<div")
    cleaned = clean_html(source)
    assert isinstance(cleaned, str)
    assert len(source) - len(cleaned) == len(
        post[post.index("<div") : post.index("</div>") + len("</div>")]
    )


def test_bytes_in_original_encoding_with_meta_charset() -> None:
    page = (
        '<meta charset="windows-1251">'
        "<p>Сегодня мы посадили в саду новые яблони и груши, а весной будем ждать цветов.</p>"
        '<div style="display:none">casino online gratis spins bonus</div>'
    )
    data = page.encode("cp1251")
    report = scan_html(data)
    assert report.encoding == "windows-1251"
    assert [f.kind for f in report.findings] == ["hidden_text"]
    cleaned = clean_html(data)
    assert isinstance(cleaned, bytes)
    assert cleaned == page[: page.index("<div")].encode("cp1251")


def test_bytes_with_nul_and_invalid_utf8() -> None:
    good = HOST.encode("utf-8")
    for data in (good.replace(b"wandeling", b"wande\x00ling"), good + b"\xff\xfe<p>\xc3</p>"):
        report = scan_html(data)
        assert report.encoding
        cleaned = clean_html(data)
        assert isinstance(cleaned, bytes)
        assert scan_html(cleaned).findings == ()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "cp1252"])
def test_bytes_come_back_in_their_encoding_with_their_bom(encoding: str) -> None:
    page = HOST.replace("bos", "bos café") + "<p hidden>gratis casino bonus</p>"
    cleaned = clean_html(page.encode(encoding))
    assert cleaned == page[: page.index("<p hidden>")].encode(encoding)


def test_wrong_type() -> None:
    with pytest.raises(TypeError, match="expected str or bytes"):
        scan_html(42)  # type: ignore[arg-type]


# -- properties -----------------------------------------------------------------------------

SENTENCES = [
    "Vandaag hebben we de moestuin winterklaar gemaakt.",
    "De laatste pompoenen zijn geoogst en de bedden zijn afgedekt met stro.",
    "Volgende week planten we de knoflook, als het niet te hard vriest.",
    "Iedereen die meedeed mag trots zijn op wat we samen bereikt hebben.",
    "De koffie staat klaar in het buurthuis &amp; de koek ook.",
    "Het is een mooie tijd voor de buurt&#8217;s tuin.",
    "We zoeken nog vrijwilligers voor het&nbsp;decor.",
    "Het cafÃ© op de hoek schenkt de koffie.",
]
FRAGMENTS = [
    "где взять контент для блога",
    "ルイヴィトン 財布 激安 通販",
    "slot gacor hari ini",
    "best online casino bonus",
]
sentence = st.sampled_from(SENTENCES)
fragment = st.sampled_from(FRAGMENTS)
space = st.sampled_from([" ", "\n", "  ", ""])


@st.composite
def inline(draw: st.DrawFn) -> str:
    text = draw(st.one_of(sentence, fragment))
    wrapper = draw(
        st.sampled_from(
            [
                "{}",
                "<b>{}</b>",
                "<em class='x'>{}</em>",
                '<a href="https://site.example/{n}">{}</a>',
                '<span style="display:none">{}</span>',
                '<span class="sr-only">{}</span>',
                "<code>{}</code>",
                "{}<br>",
            ]
        )
    )
    return wrapper.replace("{n}", str(draw(st.integers(0, 9)))).format(text)


@st.composite
def block(draw: st.DrawFn) -> str:
    body = draw(space).join(draw(st.lists(inline(), min_size=1, max_size=4)))
    tag = draw(st.sampled_from(["p", "div", "h2", "li", "blockquote", "hidden"]))
    if tag == "li":
        return f"<ul><li>{body}</li></ul>"
    if tag == "hidden":
        return f'<div style="position:absolute;left:-9999px">{body}</div>'
    if tag == "blockquote":
        return f'<blockquote lang="en"><p>{body}</p></blockquote>'
    return f"<{tag}>{body}</{tag}>"


@st.composite
def document(draw: st.DrawFn) -> str:
    """A post: a paragraph in the host language, then blocks of anything."""
    opening = " ".join(draw(st.lists(sentence, min_size=2, max_size=3)))
    blocks = [f"<p>{opening}</p>", *draw(st.lists(block(), min_size=1, max_size=6))]
    seps = ["\n", "\n\n", "", "\n<!-- wp:paragraph -->\n"]
    out = blocks[0]
    for b in blocks[1:]:
        out += draw(st.sampled_from(seps)) + b
    if draw(st.booleans()):
        out = f"<div class='entry'>{out}</div>"
    return out


@given(document())
def test_property_positions_round_trip(source: str) -> None:
    ex = extract(source)
    check_pieces(ex)
    assert squash(ex.text) == squash(html5_text(source))
    tags = [e[2] for e in html5_events(source) if e[0] == "start"]
    implied = {"html", "head", "body", "#document", "#comment", "br"}
    assert [e.name for e in ex.elements] == [t for t in tags if t not in implied]
    for element in ex.elements:
        inner = extract(source[element.source_start : element.source_end]).text
        assert squash(inner) == squash(ex.text[element.text_start : element.text_end])


@given(document())
def test_property_clean_removes_only_flagged_ranges(source: str) -> None:
    report, ex = scan_extracted(source, None, None)
    check_findings(source, report)
    cleaned = clean_html(source)
    assert isinstance(cleaned, str)
    # Only flagged text goes.
    keep = list(report.text)
    for f in report.findings:
        if f.kind in FRAGMENT_KINDS or f.kind in ELEMENT_KINDS:
            # as in plain-text clean: with the fragment's own full stop and whitespace
            # (a spam link's clause can run on past the link to the sentence's end)
            start, end = removal_range(report.text, f.start, f.end)
            keep[start:end] = [""] * (end - start)
        elif f.kind not in ("confusable", "mojibake", "whitespace", "normalization"):
            keep[f.start : f.end] = [""] * (f.end - f.start)
    assert squash(scan_html(cleaned).text) == squash("".join(keep))
    # Everything else is untouched: the cleaned source is the source minus some ranges…
    ranges = removals(ex, report.findings)
    rebuilt, cursor = [], 0
    for start, end in ranges:
        rebuilt.append(source[cursor:start])
        cursor = end
    rebuilt.append(source[cursor:])
    assert cleaned == "".join(rebuilt)
    # …and its HTML5 tree is the input's minus whole elements or text.
    assert is_subsequence(html5_events(cleaned), html5_events(source))
    # Idempotent, wherever the plain-text pipeline is: removing one fragment can expose
    # another to the core (spam between two foreign runs reads as host text once they go).
    if not texthygiene.scan(extract(cleaned).text).findings:
        assert clean_html(cleaned) == cleaned


def test_clean_is_idempotent_on_the_cases() -> None:
    for path in sorted(CASES.glob("*.html")):
        once = clean_html(path.read_text(encoding="utf-8"))
        assert clean_html(once) == once, path.name


def test_mojibake_repaired_in_text_and_located_in_source() -> None:
    source = (
        "<p>Het <b>cafÃ©</b> aan de overkant is weer open, met koffie &amp; taart.</p>"
        "<p>Ook de crÃ¨me brÃ»lÃ©e is terug, zegt de eigenaar.</p>"
    )
    report = scan_html(source)
    assert "café" in report.text
    assert "crème brûlée" in report.text
    assert report.repairs
    mojibake = [f for f in report.findings if f.kind == "mojibake"]
    assert [f.text for f in mojibake][:1] == ["é"]
    assert source[mojibake[0].source_start : mojibake[0].source_end] == "Ã©"
    check_findings(source, report)
    assert clean_html(source) == source  # repair is reported, never spliced in
    unrepaired = scan_html(source, config=Config(repair_encoding=False))
    assert "cafÃ©" in unrepaired.text
    assert extract(source).text == unrepaired.text


# -- mojibake and markup inside what clean removes ------------------------------------------


def moj(text: str) -> str:
    """UTF-8 read as Windows-1252: the mojibake of a post that went through a bad import."""
    return text.encode("utf-8").decode("cp1252", "replace")


def check_audit(source: str, report: texthygiene.Report, ex: Extracted) -> str:
    """clean_html removes every character of text it reports removed, and no other letter:
    a deleted character is inside a removed finding's source span, or joins text (spaces,
    punctuation), or is markup of an element that held only such text. Scripts and styles
    always stay. Returns the cleaned source."""
    cleaned = clean_html(source)
    assert isinstance(cleaned, str)
    ranges = removals(ex, report.findings)
    assert cleaned == splice(source, ranges)
    deleted = [False] * len(source)
    for start, end in ranges:
        deleted[start:end] = [True] * (end - start)
    listed = [False] * len(source)
    for f in report.findings:
        if f.kind not in REMOVABLE and f.kind not in ELEMENT_KINDS:
            continue
        assert f.source_start is not None
        assert f.source_end is not None
        listed[f.source_start : f.source_end] = [True] * (f.source_end - f.source_start)
        came_from = ex.source_ranges(f.start, f.end)
        for start, end in came_from:
            assert all(deleted[start:end]), (f, source[start:end])
        if f.kind not in ELEMENT_KINDS:  # the span is exactly the text's own source
            assert (f.source_start, f.source_end) == (came_from[0][0], came_from[-1][1]), f
    joining = [False] * len(source)  # source of text that only joins: spaces, punctuation
    in_text = [False] * len(source)
    for piece in ex.pieces:
        shown = ex.text[piece.text_start : piece.text_end]
        for pos in range(piece.source_start, piece.source_end):
            in_text[pos] = True
            if piece.verbatim:
                joining[pos] = not shown[pos - piece.source_start].isalnum()
            else:
                joining[pos] = not any(ch.isalnum() for ch in shown)
    kept = [False] * len(source)
    for match in _KEPT.finditer(source):
        kept[match.start() : match.end()] = [True] * len(match.group())
    whole = [False] * len(source)  # inside an element deleted whole (but what is kept)
    for element in ex.elements:
        start, end = element.source_start, element.source_end
        if all(deleted[pos] or kept[pos] for pos in range(start, end)):
            whole[start:end] = [True] * (end - start)
    for pos, gone in enumerate(deleted):
        if gone and not listed[pos] and not joining[pos]:
            where = (pos, source[max(0, pos - 20) : pos + 20])
            assert whole[pos], where
            assert not in_text[pos], where
    for tag in ("<script", "<style", "<!--"):
        assert cleaned.count(tag) == source.count(tag)
    return cleaned


MOJIBAKE_POST = (
    "<p>Mooi verhaal over het "
    + moj("café")
    + " en de buren."
    + moj("где взять контент для блога")
    + "</p>"
)


def test_a_mojibake_post_loses_exactly_what_its_report_says() -> None:
    report, ex = scan_extracted(MOJIBAKE_POST, None, None)
    (fragment,) = [f for f in report.findings if f.kind == "foreign_fragment"]
    assert fragment.source_start is not None
    assert MOJIBAKE_POST[fragment.source_start : fragment.source_end] == moj(
        "где взять контент для блога"
    )
    cleaned = check_audit(MOJIBAKE_POST, report, ex)
    assert cleaned == "<p>Mooi verhaal over het " + moj("café") + " en de buren.</p>"


def test_each_mojibake_finding_has_its_own_source_span() -> None:
    source = "<p>Wij drinken cafÃ© en crÃ¨me met een naÃ¯ef idee.</p>"
    report = scan_html(source)
    assert [(f.kind, f.text) for f in report.findings] == [("mojibake", c) for c in "éèï"]
    assert [source[f.source_start : f.source_end] for f in report.findings] == ["Ã©", "Ã¨", "Ã¯"]
    glued = "<p>Mooi verhaal." + moj("где купить") + "</p>"
    spans = [(f.text, glued[f.source_start : f.source_end]) for f in scan_html(glued).findings]
    assert ("где", moj("где")) in spans
    assert ("купить", moj("купить")) in spans


RUN = "<p>Mooi verhaal over de tuin en de buren.где взять {} контент для блога</p>"


@pytest.mark.parametrize(
    "markup",
    [
        "<script>track()</script>",
        "<style>p { color: red }</style>",
        "<!-- teller -->",
        "<span hidden></span>",
        "<b></b>",
        '<img src="x.png" alt="">',
        "<br>",
    ],
)
def test_markup_between_flagged_words_stays(markup: str) -> None:
    source = RUN.format(markup)
    report, ex = scan_extracted(source, None, None)
    assert {f.kind for f in report.findings} == {"foreign_fragment"}
    cleaned = check_audit(source, report, ex)
    assert markup in cleaned
    assert extract(cleaned).text.rstrip() == "Mooi verhaal over de tuin en de buren."


def test_a_style_inside_a_flagged_run_still_hides_what_it_hid() -> None:
    style = "<style>.uitleg { position: absolute; left: -9999px }</style>"
    source = (
        HOST
        + RUN.format(style)
        + '<p>Lees verder<a href="#main" class="uitleg">Naar de inhoud</a>.</p>'
    )
    report, ex = scan_extracted(source, None, None)
    assert [f.kind for f in report.findings] == ["foreign_fragment"]
    cleaned = check_audit(source, report, ex)
    assert style in cleaned
    assert scan_html(cleaned).findings == ()


LATIN_WORDS = ["café", "crème", "naïef", "Müller", "déjà", "façade", "één", "reünie", "Curaçao"]
INJECTED = [
    "где взять контент для блога",
    "ルイヴィトン 財布 激安 通販",
    "slot gacor hari ini",
    "καλό καζίνο στο διαδίκτυο σήμερα",
    "best online casino bonus",
]
BETWEEN = [
    "<script>track()</script>",
    "<style>.x { color: red }</style>",
    "<!-- teller -->",
    "<b></b>",
    "<span hidden></span>",
    "<br>",
]
random_word = st.one_of(
    st.sampled_from(LATIN_WORDS),
    st.text(st.characters(min_codepoint=0xA1, max_codepoint=0x24F), min_size=1, max_size=7),
    st.text(st.characters(min_codepoint=0x430, max_codepoint=0x44F), min_size=1, max_size=7),
)


@st.composite
def mojibake_sentence(draw: st.DrawFn) -> str:
    words = draw(sentence).split(" ")
    for i in range(len(words)):
        if draw(st.integers(0, 3)) == 0:
            words[i] = moj(draw(random_word))
    return " ".join(words)


@st.composite
def injected(draw: st.DrawFn) -> str:
    words = draw(st.sampled_from(INJECTED)).split(" ")
    out = moj(words[0]) if draw(st.booleans()) else words[0]
    for word in words[1:]:
        if draw(st.integers(0, 2)) == 0:
            out += f" {draw(st.sampled_from(BETWEEN))} "
        else:
            out += " "
        out += moj(word) if draw(st.booleans()) else word
    wrapper = draw(
        st.sampled_from(
            ["{}", "<b>{}</b>", '<a href="https://x.example/">{}</a>', "<span hidden>{}</span>"]
        )
    )
    return wrapper.format(out)


@st.composite
def mojibake_post(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        body = draw(mojibake_sentence())
        for _ in range(draw(st.integers(0, 2))):
            body += draw(st.sampled_from(["", " "])) + draw(injected())
            body += draw(st.sampled_from(["", " " + draw(mojibake_sentence())]))
        paragraphs.append(f"<p>{body}</p>")
    return "\n".join(paragraphs)


@given(mojibake_post())
def test_property_clean_html_with_mojibake_removes_what_it_reports(source: str) -> None:
    report, ex = scan_extracted(source, None, None)
    check_pieces(ex)
    check_findings(source, report, ex)
    check_audit(source, report, ex)
