"""Scan JSONL or WARC files with texthygiene on Apache Spark; write Parquet or JSONL reports.

    spark-submit examples/spark_scan.py INPUT OUTPUT [options]

INPUT is a file, a directory or a glob, on any file system Spark reads (``file:``, ``hdfs:``,
``s3a:`` with hadoop-aws on the class path). Input whose name has ``.warc`` in it (a glob
such as ``crawl/*.warc.gz`` too) is read as WARC, anything else as JSON Lines (gzip welcome);
a directory of WARC files needs ``--input-format warc``.

Every input record gives one output row: its own fields (JSONL) or ``source``, ``offset``,
``record_id``, ``uri`` and ``content_type`` (WARC), the scanned ``text``, and the report
columns of ``texthygiene.spark.report_columns`` (``th_language``, ``th_finding_count``,
``th_max_score``, ``th_findings`` as JSON, ``th_error``, ``th_cleaned`` with ``--cleaned``).
A malformed JSON line, a record without text or an unreadable WARC sets ``th_error`` and
names the file (and byte offset in a WARC); every other record is still scanned. The exit
status is 0 when nothing was flagged, 1 with findings and 2 when some record had an error.

WARC: HTTP responses and resources whose content type is HTML or plain text are decoded
with their declared charset (or detected, as ``texthygiene.decode`` does) and HTML is
reduced to its visible text; requests, metadata and images are skipped. Each WARC file is
read whole into one task's memory (a Common Crawl file is about 1 GB): give executors that.

Needs ``pip install 'texthygiene[spark]'`` on the driver and every worker.
"""

from __future__ import annotations

import argparse
import codecs
import io
import sys
import zlib
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

import texthygiene
from texthygiene.spark import report_columns

WARC_SCHEMA = T.StructType(
    [
        T.StructField("source", T.StringType()),
        T.StructField("offset", T.LongType()),
        T.StructField("record_id", T.StringType()),
        T.StructField("uri", T.StringType()),
        T.StructField("content_type", T.StringType()),
        T.StructField("text", T.StringType()),
        T.StructField("read_error", T.StringType()),
    ]
)
_CHUNK = 1 << 16
_TEXT_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
# Until texthygiene reads HTML itself, only the visible text of a page is scanned.
_INVISIBLE = {"script", "style", "noscript", "template", "head"}
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "title",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "td",
    "th",
}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The visible text of a page: one paragraph per block element, blank lines collapsed."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def payload_text(payload: bytes, content_type: str) -> str:
    """A payload as text: its declared charset when that decodes it, else detected."""
    mime, _, params = content_type.partition(";")
    charset = next(
        (
            value.strip().strip("\"'")
            for key, _, value in (p.partition("=") for p in params.split(";"))
            if key.strip().lower() == "charset"
        ),
        None,
    )
    text = None
    if charset:
        try:
            text = payload.decode(codecs.lookup(charset).name)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = texthygiene.decode(payload).text
    return html_text(text) if mime.strip().lower() != "text/plain" else text


def damaged_member(data: bytes) -> int | None:
    """Where a gzipped WARC is cut short or corrupt: the offset of that gzip member, else None.

    warcio stops quietly at a truncated member, so every member is checked to its end; that
    costs a decompression, which is fast next to the scan.
    """
    if not data.startswith(b"\x1f\x8b"):
        return None
    view = memoryview(data)
    start = 0
    while start < len(data):
        member = zlib.decompressobj(wbits=31)
        position = start
        try:
            while not member.eof:
                if position >= len(data):
                    return start
                chunk = view[position : position + _CHUNK]
                member.decompress(chunk)
                position += len(chunk)
        except zlib.error:
            return start
        start = position - len(member.unused_data)
    return None


def warc_rows(source: str, data: bytes) -> Iterator[tuple[object, ...]]:
    """One row per text record of a WARC file; a damaged file ends with an error row."""
    from warcio.archiveiterator import ArchiveIterator

    damaged = damaged_member(data)
    records = ArchiveIterator(io.BytesIO(data[:damaged]))
    offset = 0
    try:
        for record in records:
            if record.rec_type not in ("response", "resource"):
                continue
            headers = record.http_headers or record.rec_headers
            content_type = headers.get_header("Content-Type") or ""
            if content_type.partition(";")[0].strip().lower() not in _TEXT_TYPES:
                continue
            payload = record.content_stream().read()
            offset = records.get_record_offset()  # known once the record is read
            yield (
                source,
                offset,
                record.rec_headers.get_header("WARC-Record-ID"),
                record.rec_headers.get_header("WARC-Target-URI"),
                content_type,
                payload_text(payload, content_type),
                None,
            )
    except Exception as error:  # warcio raises many kinds on damaged archives
        yield (source, offset, None, None, None, None, f"{source}: unreadable WARC record: {error}")
    if damaged is not None:
        message = f"{source}: gzip member at byte {damaged} is truncated or corrupt"
        yield (source, damaged, None, None, None, None, message)


def read_warc(spark: SparkSession, path: str, partitions: int | None) -> DataFrame:
    files = spark.sparkContext.binaryFiles(path, minPartitions=partitions)
    rows = files.flatMap(lambda item: warc_rows(item[0], item[1]))
    frame = spark.createDataFrame(rows, WARC_SCHEMA)
    return frame.withColumnRenamed("read_error", "_read_error")


def read_jsonl(spark: SparkSession, path: str) -> DataFrame:
    frame = (
        spark.read.option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", "_corrupt_record")
        .json(path)
    )
    frame = frame.withColumn("source", F.col("_metadata.file_path"))
    if "_corrupt_record" in frame.columns:
        malformed = F.concat(
            F.col("source"), F.lit(": malformed JSON line: "), F.substring("_corrupt_record", 1, 80)
        )
        frame = frame.withColumn(
            "_read_error", F.when(F.col("_corrupt_record").isNotNull(), malformed)
        ).drop("_corrupt_record")
    return frame


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="file, directory or glob (any Hadoop file system URI)")
    parser.add_argument("output", help="output directory (must not exist)")
    parser.add_argument("--input-format", choices=("auto", "jsonl", "warc"), default="auto")
    parser.add_argument("--output-format", choices=("parquet", "jsonl"), default="parquet")
    parser.add_argument("--text-field", default="text", help="JSONL field holding the text")
    parser.add_argument("--languages", help="languages expected on the site, e.g. nl,en")
    parser.add_argument("--min-score", type=float, default=texthygiene.Config().threshold)
    parser.add_argument("--cleaned", action="store_true", help="add th_cleaned")
    parser.add_argument("--partitions", type=int, help="minimum number of WARC partitions")
    return parser


def main(argv: Sequence[str] | None = None, spark: SparkSession | None = None) -> int:
    """Run the scan; ``spark`` defaults to the active session (or a new one)."""
    args = _parser().parse_args(argv)
    spark = spark or SparkSession.builder.appName("texthygiene-scan").getOrCreate()
    warc = args.input_format == "warc" or (
        args.input_format == "auto" and ".warc" in args.input.rsplit("/", 1)[-1]
    )
    frame = read_warc(spark, args.input, args.partitions) if warc else read_jsonl(spark, args.input)
    text_field = "text" if warc else args.text_field
    try:
        report = report_columns(
            frame,
            text_field,
            languages=args.languages,
            config=texthygiene.Config(threshold=args.min_score),
            cleaned=args.cleaned,
        )
    except (ValueError, TypeError) as error:  # a bad option or a missing text column
        print(f"texthygiene: {args.input}: {error}", file=sys.stderr)
        return 2
    if "_read_error" in report.columns:
        # A record that could not be read has no text; say why rather than "text is null".
        report = report.withColumn(
            "th_error", F.coalesce(F.col("_read_error"), F.col("th_error"))
        ).drop("_read_error")
    if args.output_format == "parquet":
        report.write.parquet(args.output)
        written = spark.read.parquet(args.output)
    else:
        report.write.json(args.output)
        written = spark.read.schema("th_finding_count INT, th_error STRING").json(args.output)
    totals = written.agg(
        F.count(F.lit(1)).alias("records"),
        F.count(F.when(F.col("th_finding_count") > 0, True)).alias("flagged"),
        F.count("th_error").alias("errors"),
    ).first()
    assert totals is not None  # an aggregate without grouping always has its one row
    print(
        f"texthygiene: {totals['records']} records, {totals['flagged']} with findings, "
        f"{totals['errors']} with errors → {args.output}",
        file=sys.stderr,
    )
    return 2 if totals["errors"] else 1 if totals["flagged"] else 0


if __name__ == "__main__":
    sys.exit(main())
