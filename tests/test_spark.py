"""texthygiene.spark and examples/spark_scan.py on a real local Spark session (``local[2]``).

Every result is checked against single-process ``scan`` on the same text. Marked ``spark``:
each test skips, with the reason, without Java or the spark extra; in CI (``CI`` set) their
absence fails it.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import texthygiene
from texthygiene import Config, clean, scan

from .conftest import CORPORA, ROOT, load_jsonl
from .test_collection import PHRASE, SCAN, dutch_paragraphs, place, site, th, write_site

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


# Every test here needs the spark extra and a JRE: conftest skips them per test where those are
# absent (in CI it fails them).
pytestmark = pytest.mark.spark


def report_columns(*args: Any, **kwargs: Any) -> Any:
    # Imported when a test runs, not with this module: it needs pyspark.
    from texthygiene.spark import report_columns as columns

    return columns(*args, **kwargs)


DOCS = load_jsonl(CORPORA / "injected.jsonl") + load_jsonl(CORPORA / "legit.jsonl")

# Texts that stress the hand-over between Spark, Arrow and pandas, all written by us.
EDGE_TEXTS = [
    "",
    "   \n\n  ",
    "Een mooie dag in het park.где взять деньги быстро",
    "Het cafÃ© was open, zei de eigenaar. De koffie was goed.",  # mojibake, repaired
    "Wij spelen graag online ca\u200bsino met de buren",
    "Een zin met \u202eomgekeerde\u202c tekst en een bel\x07 erin.",
    "Nul\x00teken midden in een zin over de tuin.",
    "Emoji 🏴 en 👩\u200d👩\u200d👧 in een gewone Nederlandse zin over de tuin.",
    "Regels\r\nmet\rverschillende\neinden.",
]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    from pyspark.sql import SparkSession

    # The workers must run this interpreter, which has texthygiene installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("texthygiene-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def _expected(text: str | bytes, **options: Any) -> dict[str, Any]:
    report = scan(text, **options)
    findings = [f.to_dict() for f in report.findings]
    return {
        "language": report.language,
        "finding_count": len(findings),
        "max_score": max((round(f.score, 4) for f in report.findings), default=None),
        "findings": findings,
    }


def _actual(row: Any, prefix: str = "th_") -> dict[str, Any]:
    return {
        "language": row[prefix + "language"],
        "finding_count": row[prefix + "finding_count"],
        "max_score": row[prefix + "max_score"],
        "findings": json.loads(row[prefix + "findings"]),
    }


def test_report_columns_equal_single_process_scan(spark: SparkSession) -> None:
    rows = [(d["id"], d["host"], d["text"]) for d in DOCS]
    rows += [(f"edge-{i}", "nl", text) for i, text in enumerate(EDGE_TEXTS)]
    frame = spark.createDataFrame(
        spark.sparkContext.parallelize(rows, 4), "id string, host string, text string"
    )
    result = report_columns(frame, cleaned=True).collect()
    assert [r["id"] for r in result] == [r[0] for r in rows]  # one row each, in order
    flagged = 0
    for (doc_id, host, text), row in zip(rows, result, strict=True):
        assert (row["host"], row["text"]) == (host, text), doc_id
        assert _actual(row) == _expected(text), doc_id
        assert row["th_cleaned"] == clean(text), doc_id
        assert row["th_error"] is None
        flagged += row["th_finding_count"] > 0
    assert flagged >= 150  # the injected posts are really being scanned


def _campaign_site(path: Path) -> None:
    """20 Dutch posts: a Dutch phrase glued into, inserted in or appended to 8 of them, a
    Russian one glued onto 3 (a finding alone, gaining ``recurring``)."""
    paragraphs = dutch_paragraphs()
    positions = ("glued", "mid", "end")
    posts = site(20, {i: place(paragraphs[i], PHRASE, positions[i % 3]) for i in range(8)})
    for i in (10, 12, 14):
        posts[i] = place(paragraphs[i], "где взять деньги быстро без отказа", "glued")
    write_site(path, posts)


@pytest.mark.parametrize("partitions", [1, 3])
def test_collection_columns_equal_the_command_line(
    spark: SparkSession, tmp_path: Path, partitions: int
) -> None:
    from texthygiene.spark import collection_report_columns

    _campaign_site(tmp_path / "site.jsonl")
    cli = [json.loads(line) for line in th(*SCAN, "site.jsonl", cwd=tmp_path).splitlines()]
    expected = {r["id"]: r["findings"] for r in cli}
    # In Spark a null text is one more row, an error that counts in no sketch (the command
    # line reports it as an error record).
    (tmp_path / "spark.jsonl").write_text(
        (tmp_path / "site.jsonl").read_text("utf-8") + '{"id": "post-null", "text": null}\n',
        encoding="utf-8",
    )
    frame = spark.read.json(str(tmp_path / "spark.jsonl")).repartition(partitions)
    rows = collection_report_columns(frame, cleaned=True).collect()
    single = {r["id"]: r for r in report_columns(frame).collect()}
    spark.catalog.clearCache()
    assert sorted(r["id"] for r in rows) == sorted([*expected, "post-null"])
    recurring = 0
    for row in rows:
        if row["id"] == "post-null":
            assert row["th_error"] == "text is null"
            continue
        findings = json.loads(row["th_findings"])
        assert findings == expected[row["id"]], row["id"]  # ids, spans, scores, details
        assert row["th_finding_count"] == len(findings)
        assert row["th_cleaned"] is not None
        gained = [f for f in findings if "recurring" in f["reasons"]]
        recurring += bool(gained)
        # the single-document columns differ only where the run adds evidence
        assert (json.loads(single[row["id"]]["th_findings"]) == findings) == (not gained)
    assert recurring == 11  # both campaigns, in every post they are in


def test_languages_and_config_reach_the_workers(spark: SparkSession) -> None:
    options: dict[str, Any] = {
        "languages": ["nl", "en"],
        "config": Config(threshold=0.3, extra_spam_terms=("tuinbonen",)),
    }
    texts = [d["text"] for d in DOCS if d["host"] in ("nl", "en")]
    texts.append("Wij kweken tuinbonen en sla, zei de buurman. Het was een mooie dag.")
    frame = spark.createDataFrame([(t,) for t in texts], "text string")
    result = report_columns(frame, **options).collect()
    expected = [_expected(t, **options) for t in texts]
    assert [_actual(r) for r in result] == expected
    # The options change results, so a worker that ignored them would fail the check above.
    assert expected != [_expected(t) for t in texts]


def test_binary_column_is_decoded_as_scan_decodes_bytes(spark: SparkSession) -> None:
    text = "Mooi verhaal over de tuin en de buren.где взять деньги быстро"
    payloads = [
        text.encode("utf-8"),
        text.encode("utf-16"),  # with its byte-order mark
        ("Ещё одна история про сад и соседей. " * 4 + "buy cheap viagra online").encode("cp1251"),
        "Über die Gärten und Bäume der Nachbarn erzählt man sich viel.".encode("latin-1"),
    ]
    # A dot in a column name is part of the name, not a struct field access.
    frame = spark.createDataFrame([(bytearray(p),) for p in payloads], "`post.body` binary")
    result = report_columns(frame, "post.body").collect()
    assert [_actual(r) for r in result] == [_expected(p) for p in payloads]
    assert result[0]["th_finding_count"] == 1


def test_null_text_sets_error_and_keeps_the_other_rows(spark: SparkSession) -> None:
    texts = ["Een mooie dag in het park.где взять деньги быстро", None, "Gewoon een zin."]
    frame = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id int, text string")
    result = report_columns(frame, cleaned=True, prefix="x_").collect()
    assert [r["x_error"] for r in result] == [None, "text is null", None]
    assert [r["x_finding_count"] for r in result] == [1, None, 0]
    assert result[1]["x_findings"] is None
    assert result[1]["x_cleaned"] is None
    assert result[0]["x_cleaned"] == "Een mooie dag in het park."


def test_a_record_the_scan_fails_on_is_an_error_row(monkeypatch: pytest.MonkeyPatch) -> None:
    import texthygiene.spark

    def failing(text: str | bytes, **options: Any) -> texthygiene.Report:
        if "boom" in str(text):
            raise RecursionError("maximum recursion depth exceeded")
        return scan(text, **options)

    monkeypatch.setattr(texthygiene.spark, "scan", failing)
    rows = [texthygiene.spark.report_row(t) for t in ("boom", "Een gewone zin.")]
    assert rows[0]["error"] == "scan failed: RecursionError: maximum recursion depth exceeded"
    assert rows[0]["findings"] is None
    assert rows[1]["error"] is None
    assert rows[1]["findings"] == "[]"


@pytest.mark.parametrize(
    ("schema", "column", "options", "error", "message"),
    [
        ("body string", "text", {}, ValueError, "no column 'text' (columns: body)"),
        ("text int", "text", {}, TypeError, "column 'text' is int, not string or binary"),
        ("text string, th_language string", "text", {}, ValueError, "th_language already"),
        ("text string", "text", {"languages": "nl,zz"}, ValueError, "unknown language"),
    ],
)
def test_bad_arguments_fail_on_the_driver(
    spark: SparkSession,
    schema: str,
    column: str,
    options: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    frame = spark.createDataFrame([], schema)
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        report_columns(frame, column, **options)


@settings(max_examples=8)
@given(st.lists(st.text(max_size=120), min_size=1, max_size=12))
def test_any_texts_match_single_process_scan(spark: SparkSession, texts: list[str]) -> None:
    frame = spark.createDataFrame([(t,) for t in texts], "text string")
    result = report_columns(frame).collect()
    assert [_actual(r) for r in result] == [_expected(t) for t in texts]


# ---- examples/spark_scan.py ------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> ModuleType:
    from pyspark import cloudpickle

    path = ROOT / "examples" / "spark_scan.py"
    spec = importlib.util.spec_from_file_location("spark_scan", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["spark_scan"] = module
    spec.loader.exec_module(module)
    # Workers cannot import the example by name: ship its functions by value, as
    # spark-submit does for a script.
    cloudpickle.register_pickle_by_value(module)
    return module


def _jsonl_output(directory: Path) -> list[dict[str, Any]]:
    lines = []
    for part in sorted(directory.glob("part-*")):
        lines += part.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_example_scans_a_jsonl_directory(
    spark: SparkSession, example: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    injected = {d["id"] for d in load_jsonl(CORPORA / "injected.jsonl")}
    # This run reads its text from "body", and one file is gzipped, as archives often are.
    docs = [
        {"id": d["id"], "host": d["host"], "body": d["text"], "spans": d["spans"]} for d in DOCS
    ]
    lines = {
        name: "".join(
            json.dumps(d, ensure_ascii=False) + "\n" for d in docs if (d["id"] in injected) == first
        ).encode("utf-8")
        for name, first in (("a.jsonl", True), ("b.jsonl.gz", False))
    }
    (source / "a.jsonl").write_bytes(lines["a.jsonl"])
    (source / "b.jsonl.gz").write_bytes(gzip.compress(lines["b.jsonl.gz"]))
    (source / "c.jsonl").write_text(
        '{"id": "good", "body": "Mooi verhaal over de tuin.где взять деньги быстро"}\n'
        '{"id": "broken", "body": "no closing brace"\n'
        '{"id": "no-body", "title": "a record without the text field"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    argv = [str(source), str(out), "--output-format", "jsonl", "--text-field", "body"]
    status = example.main([*argv, "--cleaned"], spark=spark)
    assert status == 2  # findings and bad records: the errors win
    summary = capsys.readouterr().err
    assert f"{len(docs) + 3} records" in summary
    assert "2 with errors" in summary
    rows = {row.get("id", "broken"): row for row in _jsonl_output(out)}
    assert len(rows) == len(docs) + 3  # every record, even the broken ones
    for doc in docs:
        row = rows[doc["id"]]
        assert row["host"] == doc["host"]
        assert row["spans"] == doc["spans"]  # other fields pass through
        expected = _expected(doc["body"])
        # Spark's JSON writer leaves null fields out.
        assert row.get("th_language") == expected["language"], doc["id"]
        assert json.loads(row["th_findings"]) == expected["findings"], doc["id"]
        assert row["th_cleaned"] == clean(doc["body"])
    assert json.loads(rows["good"]["th_findings"])[0]["text"] == "где взять деньги быстро"
    assert rows["broken"]["th_error"].endswith(
        'c.jsonl: malformed JSON line: {"id": "broken", "body": "no closing brace"'
    )
    assert rows["no-body"]["th_error"] == "text is null"


def test_example_collection_switch(
    spark: SparkSession, example: ModuleType, tmp_path: Path
) -> None:
    _campaign_site(tmp_path / "site.jsonl")
    expected = {
        switch: {
            r["id"]: r["findings"]
            for r in map(json.loads, th(*SCAN, switch, "site.jsonl", cwd=tmp_path).splitlines())
        }
        for switch in ("--collection", "--no-collection")
    }
    assert expected["--collection"] != expected["--no-collection"]
    for switch in ("", "--no-collection"):  # on by default, as the command line
        out = tmp_path / f"out{switch}"
        argv = [str(tmp_path / "site.jsonl"), str(out), "--output-format", "jsonl"]
        assert example.main([*argv, *filter(None, [switch])], spark=spark) == 1
        found = {r["id"]: json.loads(r["th_findings"]) for r in _jsonl_output(out)}
        assert found == expected[switch or "--collection"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--languages", "nl,zz"], "unknown language code 'zz'"),
        (["--text-field", "content"], "no column 'content'"),
    ],
)
def test_example_usage_errors_exit_2(
    spark: SparkSession,
    example: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    message: str,
) -> None:
    source = tmp_path / "posts.jsonl"
    source.write_text('{"id": 1, "text": "Een zin."}\n', encoding="utf-8")
    assert example.main([str(source), str(tmp_path / "out"), *options], spark=spark) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def _warc(records: list[tuple[str, str, bytes, str]], *, compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for kind, uri, payload, content_type in records:
        if kind == "response":
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), length=len(payload), http_headers=http
            )
        else:
            record = writer.create_warc_record(
                uri,
                kind,
                payload=io.BytesIO(payload),
                length=len(payload),
                warc_content_type=content_type,
            )
        writer.write_record(record)
    return buffer.getvalue()


PAGE = (
    "<html><head><title>Tuinnieuws</title><script>var spam = 'где взять';</script></head>"
    "<body><h1>De moestuin</h1><p>We hebben dit jaar veel tomaten geoogst, zei de voorzitter."
    " De bonen deden het minder goed.</p><p>Volgende week is er een &eacute;&eacute;n-dag "
    "cursus over compost.где взять контент для блога</p></body></html>"
)


def test_example_scans_warc_files(spark: SparkSession, example: ModuleType, tmp_path: Path) -> None:
    source = tmp_path / "warcs"
    source.mkdir()
    records = [
        ("request", "http://tuin.example/", b"GET / HTTP/1.1\r\n\r\n", "application/http"),
        ("response", "http://tuin.example/", PAGE.encode("utf-8"), "text/html; charset=utf-8"),
        ("response", "http://tuin.example/logo.png", b"\x89PNG\r\n", "image/png"),
        (
            "response",
            "http://sad.example/",
            PAGE.encode("cp1251"),
            "text/html; charset=windows-1251",
        ),
        ("resource", "file:///notes.txt", b"Gewoon een notitie over de tuin.", "text/plain"),
    ]
    (source / "a.warc.gz").write_bytes(_warc(records, compress=True))
    (source / "b.warc").write_bytes(_warc(records[1:2], compress=False))
    damaged = _warc(records[1:2] * 3, compress=True)
    (source / "c.warc.gz").write_bytes(damaged[:-30])
    out = tmp_path / "out"
    assert (
        example.main(
            [str(source), str(out), "--input-format", "warc", "--partitions", "2"], spark=spark
        )
        == 2
    )

    import pandas as pd

    rows = pd.read_parquet(out).sort_values(["source", "offset"]).to_dict("records")
    by_file: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_file.setdefault(Path(row["source"]).name, []).append(row)
    assert [r["uri"] for r in by_file["a.warc.gz"]] == [
        "http://tuin.example/",
        "http://sad.example/",
        "file:///notes.txt",
    ]
    assert [r["uri"] for r in by_file["b.warc"]] == ["http://tuin.example/"]
    # texthygiene's WARC reader yields what warcio read of the cut member, then the error.
    good = [r for r in by_file["c.warc.gz"] if r["text"] is not None]
    cut = [r for r in by_file["c.warc.gz"] if r["text"] is None]
    assert [r["uri"] for r in good] == ["http://tuin.example/"] * len(good)
    assert len(good) >= 2
    assert len(cut) == 1
    assert pd.isna(cut[0]["offset"])
    # The cut record is named by its own number and offset, where its gzip member starts.
    prefix = f"record {len(good) + 1} (offset "
    assert cut[0]["location"].startswith(prefix)
    start = int(cut[0]["location"][len(prefix) : -1])
    assert start > good[-1]["offset"]
    assert damaged[start : start + 2] == b"\x1f\x8b"
    assert cut[0]["th_error"].startswith(f"{cut[0]['source']}: {cut[0]['location']}: ")
    assert cut[0]["th_error"].endswith(
        "bytes before the length its header gives: the archive is truncated, or the "
        "Content-Length is wrong"
    )
    for row in rows:
        if row["text"] is None:
            continue
        assert row["record_id"].startswith("<urn:uuid:")
        assert json.loads(row["th_findings"]) == _expected(row["text"])["findings"]
        assert row["th_error"] is None
    page = by_file["a.warc.gz"][0]
    assert "var spam" not in page["text"]  # scripts are not visible text
    assert "één-dag" in page["text"]
    assert [f["text"] for f in json.loads(page["th_findings"])] == ["где взять контент для блога"]
    assert by_file["a.warc.gz"][1]["text"] == page["text"]  # the declared charset was used


@pytest.mark.parametrize(
    ("payload", "content_type", "markup", "text"),
    [
        ("<p>caf\xe9</p>".encode("latin-1"), "text/html; charset=ISO-8859-1", "html", "café"),
        ("<p>café</p>".encode(), "text/html; charset=no-such-charset", "html", "café"),
        ("<p>café</p>".encode(), "text/html", "html", "café"),
        (b"<b>not html</b>", 'text/plain; charset="us-ascii"', "text", "<b>not html</b>"),
    ],
)
def test_warc_rows_use_the_package_reader(
    example: ModuleType, payload: bytes, content_type: str, markup: str, text: str
) -> None:
    data = _warc([("response", "http://x.example/", payload, content_type)], compress=False)
    [row] = example.warc_rows("x.warc", data)
    source, offset, location, record_id, uri, kind, got, error = row
    assert (source, offset, location, uri, kind, got, error) == (
        "x.warc",
        0,
        "record 1 (offset 0)",
        "http://x.example/",
        markup,
        text,
        None,
    )
    assert str(record_id).startswith("<urn:uuid:")


def test_spark_submit_runs_the_example(tmp_path: Path) -> None:
    submit = Path(sys.executable).with_name("spark-submit")
    assert submit.exists(), "pyspark installs spark-submit beside the interpreter"
    docs = load_jsonl(CORPORA / "injected.jsonl")[:5]
    source = tmp_path / "posts.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "report"
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    command = [
        str(submit),
        "--master",
        "local[2]",
        "--conf",
        "spark.ui.enabled=false",
        "--conf",
        "spark.ui.showConsoleProgress=false",
        str(ROOT / "examples" / "spark_scan.py"),
        str(source),
        str(out),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr[-2000:]  # findings, no errors
    # spark-submit passes the script's stderr on through its own stdout.
    assert f"{len(docs)} records, {len(docs)} with findings, 0 with errors" in done.stdout

    import pandas as pd

    rows = pd.read_parquet(out).to_dict("records")
    assert [r["id"] for r in rows] == [d["id"] for d in docs]
    for doc, row in zip(docs, rows, strict=True):
        assert json.loads(row["th_findings"]) == _expected(doc["text"])["findings"]
