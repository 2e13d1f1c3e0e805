"""The moderator's loop (issue 18): documents named as their source names them, decisions
marked on the review page, and the command line honouring the exported decisions."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from texthygiene.cli import main
from texthygiene.decisions import DecisionsError, load, parse
from texthygiene.formats import ReadOptions, Record
from texthygiene.formats.csvfile import read_csv
from texthygiene.formats.jsonl import read_jsonl
from texthygiene.formats.wxr import read_wxr
from texthygiene.results import Finding

from .conftest import shared_path
from .test_report_html import browser, open_page  # noqa: F401  (the fixture, by name)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EDIT = "https://moestuin.example/wp-admin/post.php?post=12&action=edit"


def records(reader: Any, data: bytes, **options: Any) -> list[Record]:
    items = reader(io.BufferedReader(io.BytesIO(data)), "in", ReadOptions(**options))
    return [item for item in items if isinstance(item, Record)]


# ------------------------------------------------------------------ item 1: documents


def test_wxr_records_carry_what_the_export_knows() -> None:
    data = (EXAMPLES / "moestuin-export.xml").read_bytes()
    by_id = {r.id: dict(r.meta) for r in records(read_wxr, data, comments=True)}
    assert by_id["post 12 content"] == {
        "title": "Een jaar later",
        "link": "https://moestuin.example/2024/03/een-jaar-later/",
        "post_id": 12,
        "author": "anja",
        "date": "2024-03-16 10:30:00",
        "status": "publish",
        "edit_link": EDIT,
    }
    assert by_id["post 12 title"] == by_id["post 12 content"]
    # A comment names its post, and is edited on its own page (the post's author is not its).
    assert by_id["post 12 comment 32"] == {
        "title": "Een jaar later",
        "link": "https://moestuin.example/2024/03/een-jaar-later/",
        "post_id": 12,
        "comment_id": 32,
        "edit_link": "https://moestuin.example/wp-admin/comment.php?action=editcomment&c=32",
    }


@pytest.mark.parametrize(
    ("channel", "edit"),
    [
        ("<wp:base_site_url>https://net.example</wp:base_site_url>"
         "<wp:base_blog_url>https://tuin.net.example/</wp:base_blog_url>",
         "https://tuin.net.example/wp-admin/post.php?post=7&action=edit"),
        ("<link>https://a.example/blog</link>",
         "https://a.example/blog/wp-admin/post.php?post=7&action=edit"),
        ("<link>javascript:alert(1)</link>", None),
    ],
    ids=["multisite-blog-url", "channel-link", "no-http-address"],
)  # fmt: skip
def test_edit_link_is_made_on_the_blogs_address(channel: str, edit: str | None) -> None:
    data = (
        '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"{channel}<item><title>T</title><content:encoded>Tekst</content:encoded>"
        "<wp:post_id>7</wp:post_id></item></channel></rss>"
    ).encode()
    meta = dict(records(read_wxr, data)[0].meta)
    assert meta.get("edit_link") == edit
    assert meta["title"] == "T"


def test_meta_fields_from_jsonl_and_csv() -> None:
    line = b'{"id": "a", "text": "x", "author": "Ria", "n": 3, "tags": ["a"], "url": null}\n'
    meta = records(read_jsonl, line, meta_fields=("author", "n", "tags", "url", "absent"))[0].meta
    assert meta == (("author", "Ria"), ("n", 3), ("tags", '["a"]'), ("url", "null"))
    table = b"id,text,author\r\n1,Tekst,Joost\r\n"
    assert records(read_csv, table, meta_fields=("author",))[0].meta == (("author", "Joost"),)
    items = list(
        read_csv(io.BufferedReader(io.BytesIO(table)), "t.csv", ReadOptions(meta_fields=("x",)))
    )
    errors = [i for i in items if not isinstance(i, Record) and hasattr(i, "message")]
    assert [e.message for e in errors] == [  # type: ignore[union-attr]
        "no column 'x' for --meta-field; the columns are: 'id', 'text', 'author'"
    ]
    assert len([i for i in items if isinstance(i, Record)]) == 1  # the rows are still read


def test_meta_field_in_reports_and_reserved_names(tmp_path: Path, capsys: Any) -> None:
    posts = EXAMPLES / "posts.jsonl"
    args = ["scan", "--isolated", "--id-field", "id", "--format", "jsonl", str(posts)]
    assert main([*args, "--meta-field", "author"]) == 1
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["id"], d["author"]) for d in docs][:2] == [
        ("zaaikalender", "Ria"),
        ("oogstfeest", "Joost"),
    ]
    assert main([*args, "--meta-field", "language"]) == 2
    assert "'language' is a report's own field" in capsys.readouterr().err
    config = tmp_path / "texthygiene.toml"
    config.write_text('meta-field = ["author"]\n', encoding="utf-8")
    assert main(["scan", "--config", str(config), "--id-field", "id", str(posts)]) == 1
    assert "by Ria" in capsys.readouterr().out  # the table's line about the document


def test_table_names_the_post(capsys: Any) -> None:
    assert main(["scan", "--isolated", str(EXAMPLES / "moestuin-export.xml")]) == 1
    out = capsys.readouterr().out
    assert (
        "post 12 content “Een jaar later” <https://moestuin.example/2024/03/een-jaar-later/>" in out
    )
    assert f"by anja · 2024-03-16 10:30:00 · publish · edit {EDIT}" in out


def test_page_shows_title_and_edit_link_first(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = ["scan", "--isolated", "--comments", "--format", "html", "-o", str(out)]
    assert main([*args, str(EXAMPLES / "moestuin-export.xml")]) == 1
    page = out.read_text(encoding="utf-8")
    header = re.search(r'<article class="doc" id="d\d+"[^>]*><header>(.*?)</header>', page)
    assert header is not None
    assert re.match(r'<h2 id="d\d-h">\d\. Een jaar later</h2><p class="links">', header.group(1))
    assert f'<a href="{EDIT.replace("&", "&amp;")}" rel="noreferrer">edit in WordPress</a>' in page
    assert "document post 12 comment 32 · source" in header.group(1)  # the worst: the comment


@pytest.mark.shared("corpora/realworld/cms/wxr")
def test_theme_test_export_page_names_every_post(tmp_path: Path) -> None:
    export = shared_path(
        "corpora", "realworld", "cms", "wxr",
        "LICENCE-UNCLEAR_wordpress-theme-test-data_themeunittestdata.wordpress.xml",
    )  # fmt: skip
    out = tmp_path / "report.html"
    args = ["scan", "--isolated", "--exit-zero", "--verbose", "--max-documents", "0", "-j", "1"]
    assert main([*args, "--format", "html", "-o", str(out), str(export)]) == 0
    page = out.read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="d\d+-h">\d+\. ([^<]*)</h2>', page)
    assert "WP 6.1 Font size scale" in headings
    # Only a post without a title is named by its id.
    untitled = {r.id for r in records(read_wxr, export.read_bytes()) if "title" not in dict(r.meta)}
    assert {h for h in headings if re.fullmatch(r"post \d+ \w+", h)} <= untitled
    assert len(untitled) < len(headings) / 10
    edit = "https://wpthemetestdata.wordpress.com/wp-admin/post.php?post=163&amp;action=edit"
    assert f'<a href="{edit}" rel="noreferrer">edit in WordPress</a>' in page
    assert page.count("edit in WordPress") == len(headings)


# ------------------------------------------------------------------ item 3: decisions


def finding(text: str, start: int, kind: str = "foreign_fragment") -> Finding:
    from texthygiene.results import stable_id

    end = start + len(text)
    return Finding(kind, start, end, text, "ru", 0.9, (), "", stable_id(kind, start, end, text))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[]", "f.json: expected an object with schema_version and decisions"),
        ('{"schema_version": 2, "decisions": []}',
         "f.json: schema_version is 2; this texthygiene reads version 1"),
        ('{"schema_version": 1}', "f.json: decisions must be a list of entries"),
        ('{"schema_version": 1, "decisions": [{"finding_id": "a", "decision": "spam"}, 3]}',
         "f.json: decision 1: expected an object, got int"),
        ('{"schema_version": 1, "decisions": [{"finding_id": "a", "decision": "maybe"}]}',
         'f.json: decision 0: decision is "maybe"; expected "spam" or "not_spam"'),
        ('{"schema_version": 1, "decisions": [{"document": "a", "decision": "spam"}]}',
         "f.json: decision 0: needs a finding_id, or a document and a text"),
        ('{"schema_version": 1, "decisions": [{"finding_id": "a", "decison": "spam"}]}',
         "f.json: decision 0: unknown key(s) 'decison' "
         "(known: finding_id, document, source, text, decision)"),
        ('{"schema_version": 1, "decisions": [{"finding_id": 5, "decision": "spam"}]}',
         "f.json: decision 0: finding_id must be a non-empty string"),
        ('{"schema_version": 1, "decisions": [',
         "f.json: not JSON: Expecting value (line 1, column 37)"),
    ],
)  # fmt: skip
def test_invalid_decisions_files_are_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "f.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DecisionsError) as caught:
        load(str(path))
    assert str(caught.value) == str(path.parent / message)


def test_a_decision_survives_an_unrelated_edit() -> None:
    decisions = parse(
        {
            "schema_version": 1,
            "decisions": [
                {"finding_id": finding("где взять", 10).id, "document": "a",
                 "text": "где  ВЗЯТЬ", "decision": "not_spam"},
                {"finding_id": finding("casino", 40).id, "decision": "spam"},
            ],
        },
        "d.json",
    )  # fmt: skip
    moved = finding("где взять", 25)  # text added before it: another id, the same fragment
    assert decisions.match("in", "a", moved).decision == "not_spam"  # type: ignore[union-attr]
    assert decisions.match("in", "b", moved) is None  # another document: no
    anywhere = finding("casino", 40)
    assert decisions.match("x", "b", anywhere).decision == "spam"  # type: ignore[union-attr]
    kept, used = decisions.select("in", "a", [moved, finding("other", 1)], "scan")
    assert (kept, used) == ((1,), (0,))
    assert decisions.unmatched({0}, {"a"}) == [
        f"d.json: decision 1 (finding_id {anywhere.id!r}): no finding matches it "
        "(fixed, changed, or below the threshold); ignored"
    ]


POSTS = EXAMPLES / "posts.jsonl"


def run_scan(capsys: Any, *extra: str, path: Path = POSTS) -> tuple[list[tuple[str, str]], str]:
    """The (document, kind) of every finding a JSONL scan reports, and its stderr."""
    args = ["scan", "--isolated", "--id-field", "id", "--format", "jsonl", *extra, str(path)]
    main(args)
    captured = capsys.readouterr()
    docs = [json.loads(line) for line in captured.out.splitlines()]
    return [(d["id"], f["kind"]) for d in docs for f in d["findings"]], captured.err


def scan_ids(capsys: Any, *extra: str, path: Path = POSTS) -> list[tuple[str, str]]:
    return run_scan(capsys, *extra, path=path)[0]


def test_cli_honours_decisions_and_baseline(tmp_path: Path, capsys: Any) -> None:
    everything = scan_ids(capsys)
    assert ("zaaikalender", "foreign_fragment") in everything
    decisions = tmp_path / "d.json"
    decisions.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "decisions": [
                    {"document": "zaaikalender", "text": "где взять деньги быстро",
                     "decision": "not_spam"},
                    {"document": "gone", "text": "x", "decision": "spam"},
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    decided, err = run_scan(capsys, "--decisions", str(decisions))
    assert decided == [f for f in everything if f[0] != "zaaikalender"]
    assert "decision 1 (document 'gone', text 'x'): no document 'gone' in the input" in err
    # A baseline run: the not-spam finding is not new either.
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"schema_version": "1.1", "findings": []}\n', encoding="utf-8")
    assert scan_ids(capsys, "--baseline", str(baseline), "--decisions", str(decisions)) == decided
    config = tmp_path / "texthygiene.toml"
    config.write_text(f'decisions = "{decisions.name}"\n', encoding="utf-8")
    args = ["scan", "--config", str(config), "--id-field", "id", "--format", "jsonl"]
    main([*args, str(POSTS)])
    assert "zaaikalender" not in capsys.readouterr().out.split('"findings": [{')[0][-200:]
    assert main(["clean", "--isolated", "--decided-only", str(POSTS)]) == 2
    assert "--decided-only needs --decisions FILE" in capsys.readouterr().err


# ------------------------------------------------------- items 2, 3, 5: the whole loop


def _finding_note(page: Any, document: str, kind: str) -> Any:
    article = page.locator("article.doc", has=page.locator("h2", has_text=document))
    return article.locator(f"li.fn[data-k={kind}]")


@pytest.mark.browser
def test_moderator_loop_in_chromium(browser: Any, tmp_path: Path, capsys: Any) -> None:  # noqa: F811
    report = tmp_path / "report.html"
    scan = ["scan", "--isolated", "--id-field", "id", "--format", "html", "-j", "1"]
    assert main([*scan, "-o", str(report), str(POSTS)]) == 1
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(report.as_uri())
    # The Russian fragment in zaaikalender is a false alarm (say): keyboard, on its highlight.
    mark = page.locator("article.doc", has=page.locator("h2", has_text="zaaikalender"))
    mark.locator("mark").first.click()
    page.keyboard.press("n")
    # In bestuur the spam line is spam (button); its two zero-width spaces: one group, Shift+S.
    _finding_note(page, "bestuur", "spam_fragment").locator("button[data-d=spam]").first.click()
    invisible = _finding_note(page, "bestuur", "invisible_char")
    assert invisible.count() == 2
    invisible.first.locator("button[data-d=spam]").first.focus()
    page.keyboard.press("Shift+S")
    assert page.locator("#tally").inner_text() == "3 marked spam, 1 not spam"
    page.reload()  # kept in the browser, for this report
    assert page.locator("#tally").inner_text() == "3 marked spam, 1 not spam"
    assert page.locator("li.fn.dec-ok").count() == 1
    assert page.locator("mark.dec-spam").count() >= 3
    with page.expect_download() as caught:
        page.click("#export")
    download = caught.value
    assert download.suggested_filename == "texthygiene-decisions.json"
    decisions = tmp_path / "texthygiene-decisions.json"
    download.save_as(decisions)
    assert errors == []
    context.close()
    exported = json.loads(decisions.read_text(encoding="utf-8"))
    assert exported["schema_version"] == 1
    assert sorted((d["document"], d["decision"]) for d in exported["decisions"]) == [
        ("bestuur", "spam"), ("bestuur", "spam"), ("bestuur", "spam"),
        ("zaaikalender", "not_spam"),
    ]  # fmt: skip
    assert {d["text"] for d in exported["decisions"]} >= {"где взять деньги быстро", "\u200b"}

    # scan: the not-spam finding is left out; the spam ones stay.
    assert scan_ids(capsys, "--decisions", str(decisions)) == [
        ("bestuur", "spam_fragment"), ("bestuur", "invisible_char"), ("bestuur", "invisible_char"),
    ]  # fmt: skip
    # The post edited since (text added before the fragment): the decision still holds.
    edited = tmp_path / "posts.jsonl"
    lines = POSTS.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = lines[0].replace('"text": "In maart', '"text": "Nieuw: in maart')
    edited.write_text("".join(lines), encoding="utf-8")
    found, err = run_scan(capsys, "--decisions", str(decisions), path=edited)
    assert [document for document, _ in found] == ["bestuur"] * 3
    assert "warning" not in err

    # clean --decided-only removes the spam-marked findings and nothing else.
    out = tmp_path / "clean.jsonl"
    clean = ["clean", "--isolated", "--id-field", "id", "--decisions", str(decisions)]
    assert main([*clean, "--decided-only", "-o", str(out), str(edited)]) == 1
    cleaned = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    original = [json.loads(line) for line in lines]
    assert cleaned[0] == original[0]  # marked not spam: untouched
    assert cleaned[2]["text"] == original[2]["text"].split("\n\n")[0]  # the spam line gone
    assert cleaned[1] == original[1]
    assert len(cleaned) == len(original)


@pytest.mark.browser
def test_layout_notes_beside_highlights_and_screenshots(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    lines = [
        f"Regel {i} over de tuin en het weer vandaag.где взять деньги быстро" for i in range(30)
    ]
    posts = tmp_path / "long.jsonl"
    rows = [{"id": "lang", "text": "\n\n\n".join(lines)}]
    rows += [{"id": f"kort-{i}", "text": "Korte tekst.где взять деньги"} for i in range(3)]
    posts.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    report = tmp_path / "report.html"
    args = ["scan", "--isolated", "--id-field", "id", "--format", "html", "-j", "1"]
    assert main([*args, "-o", str(report), str(posts)]) == 1
    for width, height in ((1400, 1000), (390, 844)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(report.as_uri())
        page.wait_for_timeout(200)  # the notes are placed when their document comes in view
        page.screenshot(path=str(tmp_path / f"report-{width}x{height}.png"))
        # The worst document (most findings) is first, and on the first screen.
        first = page.locator("article.doc").first
        assert "lang" in first.locator("h2").inner_text()
        assert first.bounding_box()["y"] < height
        assert not page.locator("#n-scanned").is_visible()  # the summary is folded
        offsets = page.evaluate(
            """() => {
              const doc = document.querySelector("article.doc");
              return Array.from(doc.querySelectorAll("li.fn")).map((li) => {
                const mark = doc.querySelector(`mark[data-f='${li.dataset.n}']`);
                return [li.getBoundingClientRect().top, mark.getBoundingClientRect().top,
                        li.getBoundingClientRect().left, mark.getBoundingClientRect().right];
              });
            }"""
        )
        assert len(offsets) == 30
        if width == 1400:  # beside: level with its highlight, to the right of the text
            # Each note as high as its highlight, or just below the note before it.
            bottoms = page.evaluate(
                "() => Array.from(document.querySelectorAll('article.doc')[0]"
                ".querySelectorAll('li.fn')).map((li) => li.getBoundingClientRect().bottom)"
            )
            assert abs(offsets[0][0] - offsets[0][1]) < 2
            for i, (note, mark, _, _) in enumerate(offsets[1:], 1):
                assert abs(note - max(mark, bottoms[i - 1] + 6)) < 2, i
            # Here the lines are further apart than a folded note is tall: every note is level.
            assert sum(abs(note - mark) < 2 for note, mark, _, _ in offsets) == len(offsets)
            assert all(left > right for _, _, left, right in offsets)
        else:  # one column: the notes follow the text
            assert all(note > mark for note, mark, _, _ in offsets)
        page.close()


# A post written in two languages throughout, and one with a single pasted English line.
BILINGUAL = (
    "Ayer fuimos al mercado con mi hermana. That was honestly the best day of the whole summer.\n"
    "Compramos frutas y verduras frescas para la semana. We also found a lovely little bakery.\n"
    "Después comimos en un restaurante pequeño. The paella there was amazing and cheap too.\n"
)
PASTED = (
    "Ayer fuimos al mercado con mi hermana y compramos frutas y verduras frescas.\n\n"
    "Buy cheap replica watches online with free shipping today\n\n"
    "Después comimos en un restaurante pequeño cerca de la plaza mayor.\n"
)


def test_a_multilingual_post_is_one_line_not_a_finding_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bilingual.txt").write_text(BILINGUAL, encoding="utf-8")
    Path("pasted.txt").write_text(PASTED, encoding="utf-8")
    assert main(["scan", "--isolated", "bilingual.txt", "pasted.txt"]) == 1
    table = capsys.readouterr().out
    (bilingual,) = [line for line in table.splitlines() if line.startswith("bilingual.txt")]
    assert bilingual.endswith(", written in English and Spanish, 0 findings")
    (pasted,) = [line for line in table.splitlines() if line.startswith("pasted.txt")]
    assert "written in" not in pasted
    assert "replica watches" in table  # the pasted line is still a finding
    assert main(["scan", "--isolated", "--format", "html", "-o", "r.html", "bilingual.txt"]) == 0
    assert "written in English and Spanish" in Path("r.html").read_text(encoding="utf-8")
    assert main(["scan", "--isolated", "--format", "jsonl", "bilingual.txt"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["multilingual"] is True
    assert set(doc["languages"]) >= {"en", "es"}
