"""Mutated inputs of every format, in process through the CLI's ``main``: never a traceback,
an exit code of 0, 1 or 2, every unreadable record reported with its file and place, and
every byte of a rewritable input either read as a record or passed through."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from texthygiene.cli import main
from texthygiene.formats import Input, ReadOptions, Record, RecordError, Verbatim, by_name
from texthygiene.reporters import escape

EXAMPLES = min(50, settings.default.max_examples)  # at most 50 per format (CI's budget)

WORDS = [
    "tuin", "bonen", "oogst", "где", "взять", "деньги", "café", "cafÃ©", "situs", "slot",
    "\u200b", "\u202e", "&amp;", "<b>", "]]>", '"', ",", ";", "\\", "\r", "\n", "\x85",
]  # fmt: skip
TEXTS = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join),
    min_size=1,
    max_size=4,
)
#: What a mutation inserts: the bytes each format's syntax turns on, and some at random.
TOKENS = st.sampled_from(
    [
        b'"',
        b"\r",
        b"\n",
        b"\r\n",
        b"\x00",
        b"\xff",
        b"\xc3",
        b"{",
        b"}",
        b"[",
        b":",
        b",",
        b"<",
        b">",
        b"&",
        b"&nbsp;",
        b"]]>",
        b"<![CDATA[",
        b"<!DOCTYPE x>",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"Content-Length: 99999\r\n",
        b"WARC/1.0\r\n",
        b"\r\n\r\n",
        b"\x1f\x8b",
        b'encoding="x-bad"',
        b"9" * 5000,
    ]
) | st.binary(min_size=1, max_size=6)
#: Where a mutation happens: anywhere (a fraction of the length), or just after the n-th
#: byte of syntax, where it most often changes what a reader sees.
PLACES = st.floats(0, 1) | st.integers(0, 200)
SYNTAX = re.compile(rb'[:,"\r\n<>\[\]{};]')
DIGITS = re.compile(rb"\d+")
MUTATIONS = st.lists(
    st.tuples(PLACES, st.sampled_from(["insert", "delete", "replace", "cut", "number"]), TOKENS),
    min_size=1,
    max_size=4,
)
Mutations = list[tuple[float | int, str, bytes]]


def place(data: bytes, where: float | int) -> int:
    if isinstance(where, float):
        return int(where * len(data))
    marks = [match.end() for match in SYNTAX.finditer(data)]
    return marks[where % len(marks)] if marks else 0


def mutate(data: bytes, mutations: Mutations) -> bytes:
    for where, how, token in mutations:
        at = place(data, where)
        if how == "insert":
            data = data[:at] + token + data[at:]
        elif how == "delete":
            data = data[:at] + data[at + len(token) :]
        elif how == "replace":
            data = data[:at] + token + data[at + len(token) :]
        elif how == "number":  # the next number grows: an id, a length, a count
            digits = DIGITS.search(data, at)
            if digits is not None:
                grown = b"9" * (1, 6, 5000)[len(token) % 3]
                data = data[: digits.start()] + grown + data[digits.end() :]
        else:
            data = data[:at]
    return data


def jsonl(texts: list[str]) -> bytes:
    return "".join(
        json.dumps({"id": i, "text": t}, ensure_ascii=i % 2 == 0) + "\n"
        for i, t in enumerate(texts)
    ).encode()


def csv_file(texts: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text", "author"])
    writer.writerows([i, t, "Ans"] for i, t in enumerate(texts))
    return buffer.getvalue().encode()


def wxr(texts: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Post {i}</title><content:encoded><![CDATA[<p>"
        f"{t.replace(']]>', '')}</p>]]></content:encoded><wp:post_id>{i}</wp:post_id></item>\n"
        for i, t in enumerate(texts)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n{items}</channel></rss>\n'
    ).encode()


def warc(texts: list[str], gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for i, t in enumerate(texts):
        body = f"<p>{t}</p>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://x.example/{i}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
            )
        )
    return buffer.getvalue()


def html(texts: list[str]) -> bytes:
    body = "".join(f"<p>{t}</p>" for t in texts)
    head = '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
    return f"{head}<body>{body}</body></html>".encode()


def check(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        with path.open("rb") as stream:
            fmt = by_name(name)
            assert fmt is not None
            items = list(Input(stream, str(path), fmt, ReadOptions()))
        report = Path(folder, "report.jsonl")
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            scanned = main(["scan", "-j", "1", "--format", "jsonl", "-o", str(report), str(path)])
            cleaned = main(["clean", "-j", "1", str(path), "-o", str(Path(folder, "out"))])
        stderr = err.getvalue()
        reported = {json.loads(line)["location"] for line in report.read_text("utf-8").splitlines()}
    assert scanned in (0, 1, 2)
    assert cleaned in (0, 1, 2)
    assert "Traceback" not in stderr
    # Input's safety net (a reader that failed on its own) must not be what caught these.
    assert f"unreadable {fmt}:" not in stderr
    for item in items:
        if isinstance(item, RecordError):  # reported, with the file and the place
            where = f"{path}: {item.location}" if item.location else str(path)
            assert escape(f"{where}: {item.message}") in stderr
        elif isinstance(item, Record):  # in the report, or its failure is
            assert item.location in reported or escape(f"{path}: {item.location}:") in stderr
    if fmt != "warc":  # nothing silently dropped: every byte is a record's or passed through
        assert b"".join(item.raw for item in items) == data
    if fmt == "csv" and items and isinstance(items[0], RecordError):
        return  # no usable header: one error, and the whole file passed through
    # Passed through unread: the CSV header, blank lines, a byte-order mark, and JSON objects
    # without the text field (which one error names, with their count).
    for item in items[1:] if fmt == "csv" else items if fmt == "jsonl" else []:
        if isinstance(item, Verbatim) and item.raw.strip(b" \t\r\n\xef\xbb\xbf"):
            assert fmt == "jsonl", item
            assert "no text field 'text'" in stderr, item


@settings(max_examples=EXAMPLES)
@given(TEXTS, MUTATIONS)
def test_jsonl(texts: list[str], mutations: Mutations) -> None:
    check("in.jsonl", mutate(jsonl(texts), mutations))


@settings(max_examples=EXAMPLES)
@given(TEXTS, MUTATIONS)
def test_csv(texts: list[str], mutations: Mutations) -> None:
    check("in.csv", mutate(csv_file(texts), mutations))


@settings(max_examples=EXAMPLES)
@given(TEXTS, MUTATIONS)
def test_wxr(texts: list[str], mutations: Mutations) -> None:
    check("in.xml", mutate(wxr(texts), mutations))


@settings(max_examples=EXAMPLES)
@given(TEXTS, MUTATIONS, st.booleans())
def test_warc(texts: list[str], mutations: Mutations, gz: bool) -> None:
    check("in.warc.gz" if gz else "in.warc", mutate(warc(texts, gz), mutations))


@settings(max_examples=EXAMPLES)
@given(TEXTS, MUTATIONS)
def test_html(texts: list[str], mutations: Mutations) -> None:
    check("in.html", mutate(html(texts), mutations))
