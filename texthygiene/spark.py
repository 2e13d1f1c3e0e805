"""Apache Spark: add texthygiene report columns to a DataFrame with a text column.

An edge module, like the command line: it imports pyspark and pandas (``pip install
'.[spark]'`` in a checkout) and calls the core; the core never imports it.

    from texthygiene.spark import report_columns

    report_columns(spark.read.json("posts/"), "body", languages="nl,en").write.parquet("out/")

The scan runs in an iterator-of-batches pandas UDF: each Python worker loads the language
model once (on its first batch) and keeps it for every later batch and task it runs, since
Spark reuses Python workers. Results are those of single-process :func:`texthygiene.scan`.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from .batch import SKETCH_BITS
from .clean import remove
from .collection import MIN_OTHERS, Sketch, keys, recurring
from .config import Config
from .identify import model
from .pipeline import normalise_languages, scan
from .results import Report

try:
    import pandas as pd
    from pyspark import StorageLevel
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    from pyspark.sql.pandas.functions import pandas_udf
except ImportError as error:  # pragma: no cover - depends on the installed extras
    raise ImportError(
        "texthygiene.spark needs pyspark, pandas and pyarrow: pip install '.[spark]' in the"
        " texthygiene checkout"
    ) from error

__all__ = ["REPORT_FIELDS", "collection_report_columns", "report_columns", "report_row"]

#: The columns ``report_columns`` adds (after the prefix), and their Spark types.
REPORT_FIELDS: tuple[tuple[str, T.DataType], ...] = (
    ("language", T.StringType()),
    ("finding_count", T.IntegerType()),
    ("max_score", T.DoubleType()),
    ("findings", T.StringType()),
    ("error", T.StringType()),
)
_CLEANED = ("cleaned", T.StringType())

# Nullable pandas dtypes, so a row whose text is missing keeps nulls rather than NaN or 0.
_DTYPES = {
    "language": "object",
    "finding_count": "Int32",
    "max_score": "Float64",
    "findings": "object",
    "error": "object",
    "cleaned": "object",
}


def report_row(
    text: object,
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
    cleaned: bool = False,
) -> dict[str, Any]:
    """One row of report columns for ``text``; a missing text, or one the scan fails on,
    sets ``error`` and leaves the other columns null.

    ``findings`` is the JSON array of ``Finding.to_dict()``, offsets into the repaired text
    (``texthygiene.repair(text)``, the input itself unless it held mojibake).

    >>> row = report_row("Mooi verhaal over de tuin en de buren.где взять деньги быстро")
    >>> row["language"], row["finding_count"], row["max_score"] > 0.9, row["error"]
    ('nl', 1, True, None)
    >>> report_row(None)["error"]
    'text is null'
    """
    row: dict[str, Any] = dict.fromkeys(_DTYPES if cleaned else list(_DTYPES)[:-1])
    report = _scanned(text, languages, config)
    if isinstance(report, str):
        row["error"] = report
        return row
    return _filled(row, report, cleaned)


def _scanned(
    text: object, languages: Iterable[str] | str | None, config: Config | None
) -> Report | str:
    """The report of ``text``, or why there is none."""
    if text is None:
        return "text is null"
    if not isinstance(text, (str, bytes, bytearray)):
        return f"text is {type(text).__name__}, not str or bytes"
    try:
        return scan(
            bytes(text) if isinstance(text, bytearray) else text, languages=languages, config=config
        )
    except Exception as error:  # one record that breaks the scan must not fail the whole job
        return f"scan failed: {type(error).__name__}: {error}"


def _filled(row: dict[str, Any], report: Report, cleaned: bool) -> dict[str, Any]:
    findings = [f.to_dict() for f in report.findings]
    row["language"] = report.language
    row["finding_count"] = len(findings)
    row["max_score"] = max((f["score"] for f in findings), default=None)
    row["findings"] = json.dumps(findings, ensure_ascii=False, separators=(",", ":"))
    if cleaned:
        row["cleaned"] = remove(report.text, report.findings, report.edits)[0]
    return row


def report_columns(
    df: DataFrame,
    text_column: str = "text",
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
    cleaned: bool = False,
    prefix: str = "th_",
) -> DataFrame:
    """``df`` with report columns added: ``th_language``, ``th_finding_count``,
    ``th_max_score`` (null without findings), ``th_findings`` (JSON), ``th_error`` (null
    unless the row's text is null or could not be scanned) and, with ``cleaned=True``,
    ``th_cleaned``; another ``prefix`` replaces ``th_``.

    ``text_column`` may be a string or a binary column (bytes are decoded as
    :func:`texthygiene.decode` does). Every input row gives exactly one output row, in order.
    """
    fields = (*REPORT_FIELDS, _CLEANED) if cleaned else REPORT_FIELDS
    struct = "__texthygiene_report"  # a temporary column, dropped again
    _check(df, text_column, [struct, *(prefix + name for name, _ in fields)])
    expected = normalise_languages(languages)  # a bad code fails here, on the driver
    config = config or Config()
    names = [name for name, _ in fields]
    schema = T.StructType([T.StructField(name, kind) for name, kind in fields])

    def batches(texts: Iterator[pd.Series]) -> Iterator[pd.DataFrame]:
        model()  # once per worker process: later batches and tasks find it loaded
        for batch in texts:
            rows = [
                report_row(
                    _missing_as_none(text), languages=expected, config=config, cleaned=cleaned
                )
                for text in batch
            ]
            frame = pd.DataFrame.from_records(rows, columns=names, index=batch.index)
            yield frame.astype({name: _DTYPES[name] for name in names})

    # pyspark's stubs list no overload for an iterator UDF returning a struct.
    udf = pandas_udf(batches, schema)  # type: ignore[call-overload]
    return (
        df.withColumn(struct, udf(F.col(_quote(text_column))))
        .withColumns({prefix + name: F.col(struct).getField(name) for name in names})
        .drop(struct)
    )


#: The first pass's columns: a document's fragment keys (``collection.keys`` as signed
#: 64-bit integers, Spark has no unsigned type), its pickled report, or why it has none.
_FIRST_PASS = T.StructType(
    [
        T.StructField("keys", T.ArrayType(T.LongType())),
        T.StructField("report", T.BinaryType()),
        T.StructField("error", T.StringType()),
    ]
)


def collection_report_columns(
    df: DataFrame,
    text_column: str = "text",
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
    cleaned: bool = False,
    prefix: str = "th_",
    width_bits: int = SKETCH_BITS,
) -> DataFrame:
    """``report_columns`` with collection evidence: a phrase that recurs in many rows of
    ``df`` in injection-like positions is found (reason ``recurring``), as ``texthygiene
    scan`` finds it across the documents of one run. The rows of ``df`` are the run.

    Two passes. The first scans every row and keys it (``collection.keys``); the rows are
    persisted (memory and disk), so each is scanned once. Then a DataFrame-wide
    aggregation counts in how many rows each key occurs; the keys that recur in more than
    ``MIN_OTHERS`` rows (no other count is evidence) are read to the driver in a stream,
    put in a ``collection.Sketch`` and broadcast. The second pass adds the evidence
    (``collection.recurring``). The counts are exact (the command line's sketch is an upper
    bound, equal but for rare collisions), so results equal the command line's on the same
    documents whatever the partitioning. This function runs the first pass and the
    aggregation (Spark jobs) before it returns; ``unpersist`` is the caller's, once the
    result is written (``spark.catalog.clearCache()``).
    """
    fields = (*REPORT_FIELDS, _CLEANED) if cleaned else REPORT_FIELDS
    first, struct = "__texthygiene_first", "__texthygiene_report"  # temporary columns
    _check(df, text_column, [first, struct, *(prefix + name for name, _ in fields)])
    expected = normalise_languages(languages)
    config = config or Config()
    names = [name for name, _ in fields]
    schema = T.StructType([T.StructField(name, kind) for name, kind in fields])

    def scanned(texts: Iterator[pd.Series]) -> Iterator[pd.DataFrame]:
        model()
        for batch in texts:
            rows: list[tuple[list[int] | None, bytes | None, str | None]] = []
            for text in batch:
                report = _scanned(_missing_as_none(text), expected, config)
                if isinstance(report, str):
                    rows.append((None, None, report))
                else:
                    found = keys(report.text).view(np.int64).tolist()
                    rows.append((found, pickle.dumps(report, pickle.HIGHEST_PROTOCOL), None))
            yield pd.DataFrame.from_records(
                rows, columns=["keys", "report", "error"], index=batch.index
            )

    scan_udf = pandas_udf(scanned, _FIRST_PASS)  # type: ignore[call-overload]
    keyed = df.withColumn(first, scan_udf(F.col(_quote(text_column)))).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    sketch = _sketch(keyed.select(F.col(first).getField("keys").alias("keys")), width_bits)
    shared = keyed.sparkSession.sparkContext.broadcast(sketch)

    def finished(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        counts = shared.value
        for batch in batches:
            rows = []
            for found, data, error in batch.itertuples(index=False):
                row: dict[str, Any] = dict.fromkeys(names)
                if data is None:
                    row["error"] = error
                    rows.append(row)
                    continue
                report = pickle.loads(data)  # ours, from the first pass: trusted
                mine = np.asarray(found, dtype=np.int64).view(np.uint64)
                # (as the command line: a document none of whose keys recurs gains nothing)
                if counts.documents > 1 and (counts.count(mine) > MIN_OTHERS).any():
                    report = recurring(report, counts, config.threshold)
                rows.append(_filled(row, report, cleaned))
            frame = pd.DataFrame.from_records(rows, columns=names, index=batch.index)
            yield frame.astype({name: _DTYPES[name] for name in names})

    finish_udf = pandas_udf(finished, schema)  # type: ignore[call-overload]
    return (
        keyed.withColumn(struct, finish_udf(F.col(first)))
        .withColumns({prefix + name: F.col(struct).getField(name) for name in names})
        .drop(struct, first)
    )


#: Keys read from the aggregation into the sketch at a time (bounded driver memory).
_CHUNK = 1 << 16


def _sketch(keyed: DataFrame, width_bits: int) -> Sketch:
    """The sketch of the keys of ``keyed`` (a column ``keys``, null for a row that could
    not be scanned) that recur in more than ``MIN_OTHERS`` rows, with exact counts."""
    sketch = Sketch(width_bits)
    scanned = keyed.where(F.col("keys").isNotNull())
    sketch.documents = scanned.count()
    counted = (
        scanned.select(F.explode("keys").alias("key"))  # a row's keys are distinct
        .groupBy("key")
        .count()
        .where(F.col("count") > MIN_OTHERS)
    )
    found: list[int] = []
    times: list[int] = []
    for row in counted.toLocalIterator():
        found.append(row["key"])
        times.append(row["count"])
        if len(found) == _CHUNK:
            sketch.add_counts(np.array(found, dtype=np.int64).view(np.uint64), np.array(times))
            found.clear()
            times.clear()
    sketch.add_counts(np.array(found, dtype=np.int64).view(np.uint64), np.array(times))
    return sketch


def _check(df: DataFrame, text_column: str, added: list[str]) -> None:
    kinds = {field.name: field.dataType for field in df.schema.fields}
    if text_column not in kinds:
        raise ValueError(f"no column {text_column!r} (columns: {', '.join(df.columns)})")
    if not isinstance(kinds[text_column], (T.StringType, T.BinaryType)):
        raise TypeError(
            f"column {text_column!r} is {kinds[text_column].simpleString()}, not string or binary"
        )
    clash = [name for name in added if name in kinds]
    if clash:
        raise ValueError(f"columns {', '.join(clash)} already exist; pass another prefix=")


def _missing_as_none(value: object) -> object:
    # Arrow hands a null string over as None, but pandas may turn it into NaN or NA.
    return None if value is None or value is pd.NA or value != value else value


def _quote(name: str) -> str:
    """A column name as Spark parses it: a dot in ``text_column`` is part of the name."""
    return "`" + name.replace("`", "``") + "`"
