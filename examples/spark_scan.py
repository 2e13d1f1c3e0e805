"""Scan JSONL or WARC files with texthygiene on Apache Spark; write Parquet or JSONL reports.

    spark-submit examples/spark_scan.py INPUT OUTPUT [options]

INPUT is a file, a directory or a glob, on any file system Spark reads (``file:``, ``hdfs:``,
``s3a:`` with hadoop-aws on the class path). Input whose name has ``.warc`` in it (a glob
such as ``crawl/*.warc.gz`` too) is read as WARC, anything else as JSON Lines (gzip welcome);
a directory of WARC files needs ``--input-format warc``.

With ``--collection`` (the default, as ``texthygiene scan``), the input's records are one
run: a phrase injected into many of them is found because it recurs (reason ``recurring``;
``texthygiene.spark.collection_report_columns``, two passes and a DataFrame-wide count of
fragment keys); ``--no-collection`` scans each record on its own.

Every input record gives one output row: its own fields (JSONL) or ``source``, ``offset``,
``location``, ``record_id``, ``uri`` and ``content_type`` (WARC: ``html`` or ``text``, the
kind of payload), the scanned ``text``, and the report
columns of ``texthygiene.spark.report_columns`` (``th_language``, ``th_finding_count``,
``th_max_score``, ``th_findings`` as JSON, ``th_error``, ``th_cleaned`` with ``--cleaned``).
A malformed JSON line, a record without text or an unreadable WARC sets ``th_error`` and
names the file (and record and byte offset in a WARC); every other record is still scanned. The exit
status is 0 when nothing was flagged, 1 with findings and 2 when some record had an error.

WARC: records are read by ``texthygiene.formats.warc.read_warc``, the command line's reader:
HTTP responses and resources whose content type is HTML or plain text are decoded with
their declared charset (or detected) and HTML is reduced to its visible text by
``texthygiene.htmltext``; requests, metadata and images are skipped. Each WARC file is
read whole into one task's memory (a Common Crawl file is about 1 GB): give executors that.

Needs ``pip install '.[spark]'`` (from a texthygiene checkout) on the driver and every worker.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator, Sequence

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

import texthygiene
from texthygiene import htmltext
from texthygiene.formats import ReadOptions, Record, RecordError
from texthygiene.spark import collection_report_columns, report_columns

WARC_SCHEMA = T.StructType(
    [
        T.StructField("source", T.StringType()),
        T.StructField("offset", T.LongType()),
        T.StructField("location", T.StringType()),
        T.StructField("record_id", T.StringType()),
        T.StructField("uri", T.StringType()),
        T.StructField("content_type", T.StringType()),
        T.StructField("text", T.StringType()),
        T.StructField("read_error", T.StringType()),
    ]
)


def warc_rows(source: str, data: bytes) -> Iterator[tuple[object, ...]]:
    """One row per text record of a WARC file (texthygiene's reader); errors become rows."""
    from texthygiene.formats.warc import read_warc as read_records

    stream = io.BufferedReader(io.BytesIO(data))  # peekable: the reader checks for gzip
    for item in read_records(stream, source, ReadOptions()):
        if isinstance(item, Record):
            meta = dict(item.meta)  # the reader's uri, record_id and byte offset
            text = htmltext.extract(item.text).text if item.markup == "html" else item.text
            yield (
                source,
                meta.get("offset"),
                item.location,
                meta.get("record_id") or None,
                meta.get("uri") or None,
                item.markup,
                text,
                None,
            )
        elif isinstance(item, RecordError):
            message = f"{source}: {item.location}: {item.message}"
            yield (source, None, item.location, None, None, None, None, message)


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
    parser.add_argument(
        "--collection",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="evidence from phrases recurring across the input's records (default: on)",
    )
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
        columns = collection_report_columns if args.collection else report_columns
        report = columns(
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
    spark.catalog.clearCache()  # the first pass of a collection run, persisted: written now
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
