"""The command line on real files of every format, through a subprocess as users run it."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from texthygiene import batch

SPAM = "где взять деньги быстро"
DUTCH = [
    "We hebben dit jaar veel tomaten en bonen geoogst in de moestuin.",
    "De buren hielpen mee met water geven tijdens de droge zomer.",
    "Volgend voorjaar zaaien we sla, wortels en een rij zonnebloemen.",
    "Op zaterdag is de tuin open voor iedereen die wil komen kijken.",
]
GLUED = DUTCH[1] + SPAM  # a Dutch sentence with Russian spam glued on


def th(
    *args: str | Path, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m texthygiene`` with the given arguments, one process per run."""
    result = subprocess.run(
        [sys.executable, "-m", "texthygiene", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


def lines_of(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# --- plain text and stdin ---------------------------------------------------------------


def test_stdin_and_files_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text(" ".join(DUTCH) + "\n", encoding="utf-8")
    (tmp_path / "spam.txt").write_text(DUTCH[0] + "\n\n" + GLUED + "\n", encoding="utf-8")
    ok = th("scan", "clean.txt", cwd=tmp_path)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "", "")
    flagged = th("scan", "--format", "jsonl", "clean.txt", "-", cwd=tmp_path, stdin=GLUED.encode())
    assert flagged.returncode == 1
    docs = lines_of(flagged.stdout)
    assert [d["source"] for d in docs] == ["clean.txt", "-"]  # input order
    assert [f["text"] for f in docs[1]["findings"]] == [SPAM]
    assert th("scan", "--exit-zero", "spam.txt", cwd=tmp_path).returncode == 0
    missing = th("scan", "nope.txt", "spam.txt", cwd=tmp_path)
    assert missing.returncode == 2  # 2 wins over 1
    assert "nope.txt" in missing.stderr
    assert SPAM in missing.stdout


def test_repair_is_format_aware(tmp_path: Path) -> None:
    broken = "CafÃ© aan de gracht."
    path = tmp_path / "posts.jsonl"
    path.write_text(json.dumps({"text": broken, "note": broken}) + "\n", encoding="utf-8")
    result = th("repair", "posts.jsonl", cwd=tmp_path)
    assert result.returncode == 0
    assert lines_of(result.stdout) == [{"text": "Café aan de gracht.", "note": broken}]


# --- JSONL -----------------------------------------------------------------------------


def write_jsonl(path: Path) -> list[bytes]:
    lines = [
        b'{"id": "a", "body": "' + DUTCH[0].encode() + b'", "n": 1.50, "tag": "\\ud800"}\n',
        b'{"id": "b", "body": ' + json.dumps(GLUED).encode() + b', "meta": {"x": [1, 2]}}\n',
        b"{not json\n",
        b'{"id": "d", "title": "no body here"}\n',
        b'{"id": "e", "body": "bad \xff byte"}\n',
        b'{"body": "' + DUTCH[2].encode() + b'",   "id": "f"}\n',
    ]
    path.write_bytes(b"".join(lines))
    return lines


def test_jsonl_errors_name_line_and_others_are_processed(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl")
    args = ("--format", "jsonl", "--text-field", "body", "--id-field", "id", "in.jsonl")
    result = th("scan", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert [d["id"] for d in lines_of(result.stdout)] == ["a", "b", "f"]
    assert "in.jsonl: line 3: invalid JSON" in result.stderr
    assert "in.jsonl: line 4: no text field 'body'" in result.stderr
    assert "in.jsonl: line 5: invalid UTF-8" in result.stderr
    going = th("scan", "--keep-going", *args, cwd=tmp_path)
    assert going.returncode == 1  # the findings alone
    assert going.stderr.count("warning:") == 3


def test_jsonl_clean_keeps_every_record_and_every_other_byte(tmp_path: Path) -> None:
    lines = write_jsonl(tmp_path / "in.jsonl")
    result = th(
        "clean", "--keep-going", "--text-field", "body", "--id-field", "id", "in.jsonl",
        "-o", "out.jsonl", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    out = (tmp_path / "out.jsonl").read_bytes().splitlines(keepends=True)
    assert len(out) == len(lines)
    changed = [i for i, (a, b) in enumerate(zip(lines, out, strict=True)) if a != b]
    assert changed == [1]
    assert (
        out[1]
        == b'{"id": "b", "body": ' + json.dumps(DUTCH[1]).encode() + b', "meta": {"x": [1, 2]}}\n'
    )
    audit = lines_of((tmp_path / "out.jsonl.audit.jsonl").read_text(encoding="utf-8"))
    assert [(a["document"], a["location"], a["text"]) for a in audit] == [("b", "line 2", SPAM)]
    assert GLUED[audit[0]["start"] : audit[0]["end"]] == SPAM


# --- CSV --------------------------------------------------------------------------------


def test_csv_round_trip(tmp_path: Path) -> None:
    rows = [["id", "body", "author"], ["1", DUTCH[0], "Ans"], ["2", GLUED, 'Bo; "Kees"']]
    rows.append(["3", DUTCH[2] + "\nTweede regel van dezelfde cel.", "Cor"])
    with (tmp_path / "posts.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    cleaned = th("clean", "--text-field", "body", "posts.csv", "-o", "out.csv", cwd=tmp_path)
    assert cleaned.returncode == 1, cleaned.stderr
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as handle:
        out = list(csv.reader(handle))
    assert out == [rows[0], rows[1], ["2", DUTCH[1], rows[2][2]], rows[3]]
    again = th("scan", "--text-field", "body", "--id-field", "id", "out.csv", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")
    short = tmp_path / "short.csv"
    short.write_text("id,body\n1\n2," + GLUED + "\n", encoding="utf-8")
    result = th("scan", "--text-field", "body", "--format", "jsonl", "short.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert "short.csv: line 2: 1 fields, the header has 2" in result.stderr
    assert [d["location"] for d in lines_of(result.stdout)] == ["line 3"]


# --- HTML -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1251"])
def test_html_file_is_scanned_as_html(tmp_path: Path, encoding: str) -> None:
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{encoding}"></head><body><p>{DUTCH[0]}'
        f'</p><p>{DUTCH[2]}</p><div style="display:none">{SPAM} казино онлайн</div></body></html>'
    )
    (tmp_path / "post.html").write_bytes(page.encode(encoding))
    result = th("scan", "--format", "json", "post.html", cwd=tmp_path)
    assert result.returncode == 1
    (doc,) = json.loads(result.stdout)
    (finding,) = doc["findings"]
    hidden = page[finding["source_start"] : finding["source_end"]]
    assert hidden.startswith("<div")
    assert th("clean", "post.html", "-o", "clean.html", cwd=tmp_path).returncode == 1
    # written back in the encoding it declares, without the hidden block
    assert (tmp_path / "clean.html").read_bytes() == page.replace(hidden, "").encode(encoding)


# --- WordPress export -------------------------------------------------------------------

WXR_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n'
    '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n\t<title>Moestuin</title>\n'
)
WXR_TAIL = "</channel>\n</rss>\n"


def wxr_item(post_id: int, title: str, content: str, comment: str = "", cdata: bool = True) -> str:
    body = f"<![CDATA[{content}]]>" if cdata else content.replace("&", "&amp;").replace("<", "&lt;")
    comments = (
        f"\t\t<wp:comment>\n\t\t\t<wp:comment_id>{post_id}0</wp:comment_id>\n"
        f"\t\t\t<wp:comment_content><![CDATA[{comment}]]></wp:comment_content>\n"
        "\t\t</wp:comment>\n"
        if comment
        else ""
    )
    return (
        f"\t<item>\n\t\t<title>{title}</title>\n"
        f"\t\t<content:encoded>{body}</content:encoded>\n"
        "\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
        f"\t\t<wp:post_id>{post_id}</wp:post_id>\n{comments}\t</item>\n"
    )


def test_wxr_import_recipe(tmp_path: Path) -> None:
    export = (
        WXR_HEAD
        + (
            wxr_item(12, "Oogst &amp; zaaien", f"<p>{DUTCH[0]}</p>\n<p>{GLUED}</p>")
            + wxr_item(13, "Herfst", f"<p>{DUTCH[2]} {DUTCH[3]}</p>", comment=DUTCH[0] + SPAM)
            + wxr_item(14, "Weer", f"<p>{DUTCH[3]}</p><p>{GLUED}</p>", cdata=False)
        )
        + WXR_TAIL
    )
    (tmp_path / "export.xml").write_text(export, encoding="utf-8")
    scanned = th("scan", "--comments", "--format", "jsonl", "export.xml", cwd=tmp_path)
    assert scanned.returncode == 1
    flagged = [d["id"] for d in lines_of(scanned.stdout) if d["findings"]]
    assert flagged == ["post 12 content", "post 13 comment 130", "post 14 content"]
    result = th("clean", "--comments", "export.xml", "-o", "clean.xml", cwd=tmp_path)
    assert result.returncode == 1
    out = (tmp_path / "clean.xml").read_text(encoding="utf-8")
    expected = export.replace(GLUED, DUTCH[1]).replace(
        DUTCH[0] + SPAM, DUTCH[0]
    )  # CDATA stays CDATA, the escaped body stays escaped: only the spam is gone
    assert out == expected
    assert th("scan", "--comments", "clean.xml", cwd=tmp_path).returncode == 0
    audit = lines_of((tmp_path / "clean.xml.audit.jsonl").read_text(encoding="utf-8"))
    assert {a["text"] for a in audit} == {SPAM}
    assert len(audit) == 3


ATTACKS = {
    "billion-laughs": (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n'
        "<rss><channel><item><title>&lol3;</title></item></channel></rss>\n",
        "DTDForbidden",
    ),
    "external-entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        "<rss><channel><item><title>&xxe;</title></item></channel></rss>\n",
        "DTDForbidden",
    ),
    "external-dtd": (
        '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">\n'
        "<rss><channel><item><title>&ent;</title></item></channel></rss>\n",
        "DTDForbidden",
    ),
    "parameter-entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n'
        "<rss><channel><item><title>x</title></item></channel></rss>\n",
        "DTDForbidden",
    ),
    "undefined-entity": (
        WXR_HEAD
        + wxr_item(1, "Eerste", f"<p>{GLUED}</p>")
        + "\t<item><title>Kapot &nbsp; bericht</title></item>\n"
        + WXR_TAIL,
        "undefined entity",
    ),
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_wxr_attack_files_are_refused(tmp_path: Path, name: str) -> None:
    text, message = ATTACKS[name]
    (tmp_path / f"{name}.xml").write_text(text, encoding="utf-8")
    result = th("clean", "--keep-going", f"{name}.xml", "-o", "o.xml", cwd=tmp_path)
    assert result.returncode == 2, result.stderr  # the rest of the file is unread: an error
    assert f"{name}.xml: line " in result.stderr
    assert message in result.stderr
    assert "root:" not in (tmp_path / "o.xml").read_text(encoding="utf-8")
    # nothing is lost: what could not be parsed is written through verbatim
    out = (tmp_path / "o.xml").read_text(encoding="utf-8")
    assert out == text.replace(GLUED, DUTCH[1])


# --- WARC -------------------------------------------------------------------------------


def write_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    with path.open("wb") as handle:
        warc = WARCWriter(handle, gzip=True)
        for uri, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            # With the length given, warcio does not spool the payload to a temporary file
            # it never closes (a ResourceWarning, an error under this suite's settings).
            record = warc.create_warc_record(
                uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            warc.write_record(record)


PAGES = [
    ("https://tuin.example/a", "text/html; charset=utf-8", f"<p>{DUTCH[0]}</p>".encode()),
    ("https://tuin.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    (
        "https://tuin.example/b",
        "text/html; charset=windows-1251",
        f"<html><body><p>{DUTCH[2]}</p><p>{GLUED}</p></body></html>".encode("cp1251"),
    ),
    ("https://tuin.example/c", "text/html", f"<p>{DUTCH[3]}</p>".encode()),
]


def test_warc_scan_and_clean(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz", PAGES)
    ids, offsets = [], []
    with (tmp_path / "crawl.warc.gz").open("rb") as handle:
        records = ArchiveIterator(handle)
        for record in records:
            ids.append(record.rec_headers.get_header("WARC-Record-ID"))
            record.content_stream().read()
            offsets.append(records.get_record_offset())
    scanned = th("scan", "--format", "jsonl", "crawl.warc.gz", cwd=tmp_path)
    assert scanned.returncode == 1, scanned.stderr
    docs = lines_of(scanned.stdout)
    assert [(d["uri"], d["record_id"]) for d in docs] == [(PAGES[i][0], ids[i]) for i in (0, 2, 3)]
    # Each report carries its record's byte offset, where that record's gzip member starts.
    assert [d["offset"] for d in docs] == [offsets[i] for i in (0, 2, 3)]
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    assert all(data[d["offset"] : d["offset"] + 2] == b"\x1f\x8b" for d in docs)
    assert [f["text"] for f in docs[1]["findings"]] == [SPAM]  # decoded as declared
    cleaned = th("clean", "crawl.warc.gz", "-o", "out.jsonl", cwd=tmp_path)
    assert cleaned.returncode == 1
    out = lines_of((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert [o["uri"] for o in out] == [PAGES[i][0] for i in (0, 2, 3)]
    assert SPAM not in out[1]["text"]
    assert DUTCH[1] in out[1]["text"]


def test_truncated_warc_names_the_record(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz", PAGES)
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 150])  # inside the last record
    result = th("scan", "--format", "jsonl", "cut.warc.gz", cwd=tmp_path)
    assert result.returncode == 2
    assert "cut.warc.gz: after record 3 (offset " in result.stderr
    assert "truncated gzip member" in result.stderr
    assert [d["uri"] for d in lines_of(result.stdout)] == [PAGES[0][0], PAGES[2][0]]
    assert gzip.decompress(data)  # the full archive itself is fine


# --- batch behaviour --------------------------------------------------------------------


def _write_many(path: Path, count: int) -> None:
    """A JSONL of ``count`` Dutch records, every seventh with a glued Russian fragment."""
    records = [
        {"id": i, "text": (GLUED if i % 7 == 0 else DUTCH[i % 4]) + f" Nummer {i}."}
        for i in range(count)
    ]
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


def _batches(path: Path) -> list[int]:
    """The records of each batch a run over ``path`` hands to a worker."""
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    return [len(tasks) for _, tasks in batch._batches(texts, lambda text: (text, "text"))]


@pytest.mark.parametrize(
    "options",
    [
        ("--format", "jsonl"),  # lines made in the workers, finished with collection evidence
        ("--format", "jsonl", "--no-collection"),  # ... in one pass
        ("--format", "json"),
        ("--format", "table", "--verbose"),  # made in the parent from the outcomes
        ("--format", "jsonl", "--baseline", "empty.json"),  # filtered in the parent
    ],
)
def test_jobs_give_byte_identical_results(tmp_path: Path, options: tuple[str, ...]) -> None:
    _write_many(tmp_path / "many.jsonl", 600)
    (tmp_path / "empty.json").write_text('{"findings": []}', encoding="utf-8")
    assert len(_batches(tmp_path / "many.jsonl")) > 2  # or --jobs 2 would use no workers
    one = th("scan", *options, "--jobs", "1", "many.jsonl", cwd=tmp_path)
    two = th("scan", *options, "--jobs", "2", "many.jsonl", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout.encode("utf-8") == two.stdout.encode("utf-8")
    if "jsonl" in options:
        locations = [d["location"] for d in lines_of(two.stdout)]
        assert locations == [f"line {i + 1}" for i in range(600)]


def test_baseline_gates_only_new_findings(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text(DUTCH[0] + "\n\n" + GLUED + "\n", encoding="utf-8")
    wrote = th("scan", "--write-baseline", "baseline.json", "post.txt", cwd=tmp_path)
    assert wrote.returncode == 0
    assert th("scan", "--baseline", "baseline.json", "post.txt", cwd=tmp_path).returncode == 0
    post.write_text(DUTCH[0] + "\n\n" + GLUED + "\n\n" + DUTCH[3] + "купить дешево", "utf-8")
    gate = th("scan", "--baseline", "baseline.json", "post.txt", cwd=tmp_path)
    assert gate.returncode == 1
    assert "купить дешево" in gate.stdout
    assert SPAM not in gate.stdout


def test_in_place_is_atomic_with_backup(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    original = DUTCH[0] + "\n\n" + GLUED + "\n"
    post.write_text(original, encoding="utf-8")
    result = th("clean", "--in-place", "--backup", "post.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert post.read_text(encoding="utf-8") == DUTCH[0] + "\n\n" + DUTCH[1] + "\n"
    assert (tmp_path / "post.txt.bak").read_text(encoding="utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.txt", "post.txt.bak"]
    refused = th("clean", "--in-place", "-", cwd=tmp_path, stdin=b"x")
    assert refused.returncode == 2
    assert "stdin" in refused.stderr


def test_only_and_min_score(tmp_path: Path) -> None:
    (tmp_path / "post.txt").write_text(DUTCH[0] + " ca\u200bsino\n\n" + GLUED, "utf-8")
    every = lines_of(th("scan", "--format", "jsonl", "post.txt", cwd=tmp_path).stdout)
    kinds = {f["kind"] for f in every[0]["findings"]}
    assert {"invisible_char", "foreign_fragment"} <= kinds
    only = th("scan", "--format", "jsonl", "--only", "invisible_char", "post.txt", cwd=tmp_path)
    assert {f["kind"] for f in lines_of(only.stdout)[0]["findings"]} == {"invisible_char"}
    high = th("scan", "--format", "jsonl", "--min-score", "1", "post.txt", cwd=tmp_path)
    assert (high.returncode, lines_of(high.stdout)[0]["findings"]) == (0, [])
    bad = th("scan", "--only", "nonsense", "post.txt", cwd=tmp_path)
    assert bad.returncode == 2
    assert "nonsense" in bad.stderr


def test_folders_keep_their_layout_under_output(tmp_path: Path) -> None:
    for name, text in (("a/index.md", GLUED), ("b/index.md", DUTCH[0]), (".git/x.txt", GLUED)):
        (tmp_path / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / name).write_text(text + "\n", encoding="utf-8")
    result = th("clean", "site", "-o", "out", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.*"))
    assert written == ["audit.jsonl", "site/a/index.md", "site/b/index.md"]  # hidden skipped
    assert (tmp_path / "out/site/a/index.md").read_text(encoding="utf-8") == DUTCH[1] + "\n"


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")  # POSIX only
    lines = (json.dumps({"text": DUTCH[i % 4] + f" Nummer {i}."}) + "\n" for i in range(6000))
    (tmp_path / "many.jsonl").write_text("".join(lines), encoding="utf-8")
    command = [sys.executable, "-m", "texthygiene", "scan", "-j", "1", "many.jsonl"]
    piped = subprocess.run(command, cwd=tmp_path, capture_output=True, check=False)
    assert (piped.returncode, piped.stderr) == (0, b"")
    leader, follower = pty.openpty()
    termios = pytest.importorskip("termios")
    fcntl = pytest.importorskip("fcntl")
    # A new pty is 0 columns wide, and tqdm fits its bar into that: give it a real width.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=follower) as proc:
        os.close(follower)
        out, _ = proc.communicate()
        shown = b""
        while chunk := _read_pty(leader):
            shown += chunk
    os.close(leader)
    assert proc.returncode == 0
    assert out == b""  # the bar never goes to stdout
    # The run takes longer than the bar's one-second delay. The input's size is known: the
    # bar counts bytes read, with percent and time left, and the documents beside them.
    assert b"6000 docs" in shown
    final = re.search(rb"100%\|[^\r\n]*\| ([\d.]+)k/([\d.]+)k \[\d\d:\d\d<00:00[^\]]*docs\]", shown)
    assert final is not None, shown[-300:]  # percent, kilobytes of the total, time left
    size = (tmp_path / "many.jsonl").stat().st_size
    assert final.group(1) == final.group(2) == str(size // 1000).encode()  # 3 digits shown


def _read_pty(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # Linux reports the closed other end as EIO
        return b""


def _workers(pid: int) -> list[int]:
    """Worker processes below ``pid``: descendants without children of their own (under a
    fork server too), other than multiprocessing's resource tracker."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        try:
            with open(f"/proc/{parent}/task/{parent}/children") as handle:
                children = [int(p) for p in handle.read().split()]
            with open(f"/proc/{parent}/cmdline", "rb") as handle:
                tracker = b"resource_tracker" in handle.read()
        except OSError:
            continue
        if parent != pid and not children and not tracker:
            found.append(parent)
        queue += children
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc (Linux)")
def test_killed_worker_is_an_error_and_no_record_is_lost(tmp_path: Path) -> None:
    # A worker killed from outside (as the out-of-memory killer does) in --jobs 2: no
    # traceback, an error naming the records it held, exit code 2, and every record still
    # reported exactly as --jobs 1 reports it.
    _write_many(tmp_path / "many.jsonl", 600)
    command = [sys.executable, "-m", "texthygiene", "scan", "--format", "jsonl", "many.jsonl"]
    process = subprocess.Popen(
        [*command, "--jobs", "2"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    killed = None
    while killed is None and process.poll() is None:
        workers = _workers(process.pid)
        if workers:
            killed = workers[0]
            os.kill(killed, 9)
        time.sleep(0.01)
    out, err = process.communicate()
    assert killed is not None, "the run ended before a worker could be killed"
    stderr = err.decode("utf-8")
    assert "Traceback" not in stderr
    assert "worker process died" in stderr
    first = _batches(tmp_path / "many.jsonl")[0]
    assert f"many.jsonl: line 1 to line {first}" in stderr  # the first batch, by its records
    assert process.returncode == 2
    one = th("scan", "--format", "jsonl", "--jobs", "1", "many.jsonl", cwd=tmp_path)
    assert out.decode("utf-8") == one.stdout
