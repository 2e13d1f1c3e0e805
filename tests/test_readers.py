"""Readers on broken and unusual files: a located error instead of a crash or silent loss,
and byte-exact output for what they can read. In process, through the CLI's ``main``."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import logging
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from texthygiene.cli import main
from texthygiene.formats import ReadOptions
from texthygiene.formats.csvfile import MAX_CHARS
from texthygiene.formats.jsonl import dumps
from texthygiene.formats.text import decode_document
from texthygiene.formats.warc import read_warc

SPAM = "где взять деньги быстро"
DUTCH = [
    "We hebben dit jaar veel tomaten en bonen geoogst in de moestuin.",
    "De buren hielpen mee met water geven tijdens de droge zomer.",
    "Volgend voorjaar zaaien we sla, wortels en een rij zonnebloemen.",
]
GLUED = DUTCH[1] + SPAM


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(*args: str) -> int:
    return main([args[0], "-j", "1", *args[1:]])


def docs(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# --- CSV ---------------------------------------------------------------------------------


@pytest.mark.parametrize("end", ["\r", "\n", "\r\n"])
def test_csv_any_line_ending_round_trips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], end: str
) -> None:
    rows = ["id,text", f'1,"{DUTCH[0]}{end}tweede regel"', f'2,"{DUTCH[2]}"', f"3,{GLUED}"]
    data = end.join(rows).encode()  # no final line break
    Path("in.csv").write_bytes(data)
    assert run("scan", "--format", "jsonl", "--id-field", "id", "in.csv") == 1
    assert [d["id"] for d in docs(capsys.readouterr().out)] == ["1", "2", "3"]
    assert run("clean", "in.csv", "-o", "out.csv") == 1
    # only the spam is gone: the line endings, the quoted line break, no final line break
    assert Path("out.csv").read_bytes() == data.replace(SPAM.encode(), b"")


def test_csv_unterminated_quote_is_reported_not_merged(capsys: pytest.CaptureFixture[str]) -> None:
    data = f'id,text\n1,{DUTCH[0]}\n2,"{DUTCH[1]}\n3,{GLUED}\n4,{DUTCH[2]}\n'.encode()
    Path("in.csv").write_bytes(data)
    assert run("scan", "--format", "jsonl", "in.csv") == 2
    captured = capsys.readouterr()
    assert "in.csv: line 3: unterminated quote" in captured.err
    assert "(line 5)" in captured.err
    assert [d["location"] for d in docs(captured.out)] == ["line 2"]
    assert run("clean", "in.csv", "-o", "out.csv") == 2
    assert Path("out.csv").read_bytes() == data  # the unread rows are passed through


def test_csv_cells_up_to_the_size_cap(capsys: pytest.CaptureFixture[str]) -> None:
    long = (DUTCH[0] + " ") * (200_000 // len(DUTCH[0]))  # over the csv module's 131 072
    over = "x" * (MAX_CHARS + 1)
    Path("in.csv").write_text(f"id,text\n1,{long}\n2,{over}\n3,{GLUED}\n", encoding="utf-8")
    assert run("scan", "--format", "jsonl", "--id-field", "id", "in.csv") == 2
    captured = capsys.readouterr()
    assert "in.csv: line 3: a cell over 5,000,000 characters" in captured.err
    assert [d["id"] for d in docs(captured.out)] == ["1", "3"]


def test_csv_missing_column_names_the_columns(capsys: pytest.CaptureFixture[str]) -> None:
    Path("in.csv").write_text(f"id;body;author\n1;{DUTCH[0]};Ans\n", encoding="utf-8")
    assert run("scan", "in.csv") == 2
    err = capsys.readouterr().err
    assert "in.csv: line 1: no text column 'text'; the columns are: 'id', 'body', 'author'" in err


# --- JSONL -------------------------------------------------------------------------------


def test_jsonl_with_a_byte_order_mark(capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in (GLUED, DUTCH[0])]
    data = b"\xef\xbb\xbf" + "\n".join(lines).encode() + b"\n"
    Path("in.jsonl").write_bytes(data)
    assert run("scan", "--format", "jsonl", "in.jsonl") == 1
    assert [d["location"] for d in docs(capsys.readouterr().out)] == ["line 1", "line 2"]
    assert run("clean", "in.jsonl", "-o", "out.jsonl") == 1
    assert Path("out.jsonl").read_bytes() == data.replace(SPAM.encode(), b"")


def test_jsonl_bad_numbers_and_nesting_are_line_errors(capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        '{"text": "a", "n": ' + "9" * 5000 + "}",  # over Python's integer-string limit
        '{"text": "b", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"text": DUTCH[0]}),
    ]
    Path("in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("scan", "--format", "jsonl", "in.jsonl") == 2
    captured = capsys.readouterr()
    assert "in.jsonl: line 1: invalid JSON" in captured.err
    assert "in.jsonl: line 2: invalid JSON" in captured.err
    assert [d["location"] for d in docs(captured.out)] == ["line 3"]


def test_jsonl_missing_text_field_is_one_error_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"id": i, "body": DUTCH[i % 3]} for i in range(40)] + [{"text": GLUED, "x": 1}]
    Path("in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert run("scan", "--keep-going", "--format", "jsonl", "in.jsonl") == 1
    captured = capsys.readouterr()
    (warning,) = [line for line in captured.err.splitlines() if "warning:" in line]
    assert warning == (
        "texthygiene: warning: in.jsonl: line 1: no text field 'text' in 40 objects "
        "(lines 1, 2, 3, 4, 5, …); their keys: 'body', 'id' (choose one with --text-field)"
    )
    assert [d["location"] for d in docs(captured.out)] == ["line 41"]
    assert run("clean", "in.jsonl", "-o", "out.jsonl") == 2
    out = Path("out.jsonl").read_text(encoding="utf-8").splitlines()
    assert out[:40] == [json.dumps(r) for r in records[:40]]  # passed through
    assert json.loads(out[40])["text"] == DUTCH[1]


# An empty XML file is not a document (expat: "no element found"); the others are empty.
@pytest.mark.parametrize(
    ("name", "code"), [("empty.jsonl", 0), ("empty.csv", 0), ("empty.txt", 0), ("empty.xml", 2)]
)
def test_an_empty_input_gets_an_empty_output(name: str, code: int) -> None:
    Path(name).write_bytes(b"")
    assert run("clean", name, "-o", "out") == code
    assert Path("out").read_bytes() == b""


LINE_BREAKERS = "\x85\x9b\x1c\u2028\u2029\x7f"


def test_json_output_keeps_one_record_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    text = DUTCH[0] + LINE_BREAKERS + SPAM
    Path("in.jsonl").write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    assert run("scan", "--format", "jsonl", "in.jsonl") == 1
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1  # splitlines breaks at every one of them
    assert json.loads(out)["findings"]
    assert run("clean", "in.jsonl", "-o", "out.jsonl") == 1
    cleaned = Path("out.jsonl").read_text(encoding="utf-8")
    assert len(cleaned.splitlines()) == 1
    assert SPAM not in json.loads(cleaned)["text"]
    assert dumps(LINE_BREAKERS) == '"\\u0085\\u009b\\u001c\\u2028\\u2029\\u007f"'


# --- WordPress export --------------------------------------------------------------------

WXR = (
    '<?xml version="1.0" encoding="{encoding}"?>\n'
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
    "<item><title>Oogst</title><content:encoded><![CDATA[<p>{glued}</p>]]></content:encoded>"
    "<wp:post_id>1</wp:post_id></item>\n"
    "<item><title>Herfst</title><content:encoded>&lt;p&gt;{glued}&lt;/p&gt;</content:encoded>"
    "<wp:post_id>2</wp:post_id></item>\n</channel></rss>\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_wxr_is_written_back_in_its_own_byte_order(codec: str) -> None:
    text = WXR.format(encoding="UTF-16", glued=GLUED)
    bom = "\ufeff".encode(codec)
    Path("in.xml").write_bytes(bom + text.encode(codec))
    assert run("clean", "in.xml", "-o", "out.xml") == 1
    assert Path("out.xml").read_bytes() == bom + text.replace(SPAM, "").encode(codec)


def test_wxr_unknown_encoding_is_an_error_and_the_next_input_is_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("bad.xml").write_text(WXR.format(encoding="x-no-such", glued=GLUED), encoding="utf-8")
    Path("sj.xml").write_text(WXR.format(encoding="Shift_JIS", glued=GLUED), encoding="utf-8")
    Path("post.txt").write_text(GLUED, encoding="utf-8")
    assert run("scan", "--keep-going", "--format", "jsonl", "bad.xml", "sj.xml", "post.txt") == 2
    captured = capsys.readouterr()
    assert "error: bad.xml: line 1: unsupported XML encoding: unknown encoding: x-no-such" in (
        captured.err
    )
    assert "error: sj.xml: line 1: unsupported XML encoding" in captured.err
    assert [d["source"] for d in docs(captured.out)] == ["post.txt"]
    assert run("clean", "bad.xml", "-o", "out.xml") == 2
    assert Path("out.xml").read_bytes() == Path("bad.xml").read_bytes()


# --- WARC and ARC ------------------------------------------------------------------------


def warc_bytes(pages: list[tuple[str, bytes]], gz: bool = False) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
        )
    return buffer.getvalue()


PAGES = [(f"https://tuin.example/{i}", f"<p>{text}</p>".encode()) for i, text in enumerate(DUTCH)]


def record_starts(data: bytes) -> list[int]:
    return [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)]


def test_truncated_uncompressed_warc_is_an_error_at_every_cut(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = warc_bytes(PAGES)
    last = record_starts(data)[-1]
    # in the version line, in the WARC headers, in the HTTP headers, in the payload
    cuts = [last + 3, last + 40, last + 300, len(data) - 30, len(data) - 5]
    for cut in cuts:
        Path("cut.warc").write_bytes(data[:cut])
        assert run("scan", "--keep-going", "--format", "jsonl", "cut.warc") == 2, cut
        captured = capsys.readouterr()
        assert "error: cut.warc: record 3 (" in captured.err, (cut, captured.err)
        assert [d["uri"] for d in docs(captured.out)] == [PAGES[0][0], PAGES[1][0]], cut
    Path("whole.warc").write_bytes(data[: len(data) - 4])  # only the blank lines after it
    assert run("scan", "whole.warc") == 0


@pytest.mark.parametrize("gz", [False, True])
def test_inflated_content_length_is_an_error(gz: bool, capsys: pytest.CaptureFixture[str]) -> None:
    data = warc_bytes(PAGES)
    # the last record's length, grown by 40 bytes (then gzipped record by record, or not)
    start = record_starts(data)[-1]
    header_end = data.index(b"\r\n\r\n", start)
    match = re.search(rb"Content-Length: (\d+)", data[start:header_end])
    assert match is not None
    grown_length = b"Content-Length: %d" % (int(match.group(1)) + 40)
    grown = data[:start] + data[start:header_end].replace(match.group(0), grown_length)
    grown += data[header_end:]
    if gz:
        starts = [*record_starts(grown), len(grown)]
        grown = b"".join(gzip.compress(grown[a:b]) for a, b in itertools.pairwise(starts))
    Path("crawl.warc").write_bytes(grown)
    assert run("scan", "--format", "jsonl", "crawl.warc") == 2
    captured = capsys.readouterr()
    assert "crawl.warc: record 3 (offset " in captured.err
    assert "bytes before the length its header gives" in captured.err
    assert PAGES[2][1].decode() not in captured.out


def test_warc_record_without_target_uri_is_an_error_and_the_next_input_is_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = warc_bytes(PAGES)
    Path("renamed.warc").write_bytes(data.replace(b"WARC-Target-URI", b"WARC-Target-XYZ", 1))
    Path("post.txt").write_text(GLUED, encoding="utf-8")
    assert run("scan", "--format", "jsonl", "renamed.warc", "post.txt") == 2
    captured = capsys.readouterr()
    assert "error: renamed.warc: record 1 (after offset 0): unreadable archive: AttributeError" in (
        captured.err
    )
    assert "Traceback" not in captured.err
    assert [d["source"] for d in docs(captured.out)] == ["post.txt"]


def test_short_content_length_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    data = warc_bytes(PAGES)
    start = record_starts(data)[0]
    match = re.search(rb"Content-Length: (\d+)", data[start:])
    assert match is not None
    short = data.replace(match.group(0), b"Content-Length: %d" % (int(match.group(1)) - 10), 1)
    Path("short.warc").write_bytes(short)
    assert run("scan", "short.warc") == 2
    err = capsys.readouterr().err
    assert "error: short.warc: record 1 (offset 0): no blank line where the record ends" in err
    assert "WARNING: Record not followed by newline" not in err  # warcio's own, unprefixed


def test_warcio_log_lines_name_the_archive(caplog: pytest.LogCaptureFixture) -> None:
    data = warc_bytes([("https://tuin.example/met spatie", PAGES[0][1])])
    with caplog.at_level(logging.WARNING):
        items = list(read_warc(io.BufferedReader(io.BytesIO(data)), "a.warc", ReadOptions()))
    assert [dict(i.meta)["uri"] for i in items] == ["https://tuin.example/met%20spatie"]  # type: ignore[union-attr]
    assert [r.getMessage() for r in caplog.records] == [
        "texthygiene: warning: a.warc: Replacing spaces in invalid WARC-Target-URI: "
        "https://tuin.example/met spatie"
    ]


def arc_bytes(pages: list[tuple[str, str, bytes]]) -> list[bytes]:
    """An ARC (version 1) file's records: the file header, then one per page."""
    meta = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [b"filedesc://old.arc 0.0.0.0 20010101000000 text/plain %d\n" % len(meta) + meta]
    for url, content_type, body in pages:
        http = f"HTTP/1.0 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
        records.append(
            f"{url} 10.0.0.1 20010101000000 {content_type} {len(http)}\n".encode() + http
        )
    return [record + b"\n" for record in records]  # a blank line after each


@pytest.mark.parametrize("name", ["old.arc", "old.arc.gz"])
def test_arc_files_are_read(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    pages = [
        ("http://tuin.example/a", "text/html", f"<p>{GLUED}</p>".encode()),
        ("http://tuin.example/logo.png", "image/png", b"\x89PNG"),
        ("http://tuin.example/b", "text/plain", DUTCH[2].encode()),
    ]
    records = arc_bytes(pages)
    data = (
        b"".join(gzip.compress(r) for r in records) if name.endswith(".gz") else b"".join(records)
    )
    Path(name).write_bytes(data)
    assert run("scan", "--format", "jsonl", name) == 1
    first = capsys.readouterr()
    found = docs(first.out)
    assert [(d["uri"], d["id"]) for d in found] == [
        ("http://tuin.example/a", "record 2"),
        ("http://tuin.example/b", "record 4"),
    ]
    assert [f["text"] for f in found[0]["findings"]] == [SPAM]  # type: ignore[index]
    assert run("scan", "--format", "jsonl", name) == 1
    assert capsys.readouterr().out == first.out  # no made-up random record ids


@pytest.mark.parametrize(
    "label", ["unicode_escape", "raw-unicode-escape", "rot13", "base64", "punycode", "utf-7"]
)
def test_a_charset_that_is_no_character_encoding_is_ignored(label: str) -> None:
    # A page declaring a Python transform as its charset is read as if it declared nothing:
    # its literal backslash escapes stay text, and nothing is decoded twice.
    page = "<p>caf\\u00e9 \\x41 — café</p>".encode()
    text, encoding, _ = decode_document(page, "html", f"text/html; charset={label}")
    assert text == page.decode("utf-8")
    assert encoding == "utf-8"
