"""Throughput of ``texthygiene.spark.report_columns`` on local Spark next to plain ``scan``.

    python -m benchmarks.spark [--repeat N] [--rounds R]

Posts are every document of our labelled corpus, repeated N times. One ``local[2]``
session; the DataFrame is cached in 1 or 2 partitions, so a job runs on 1 or 2 Python
workers; workers are warmed up (model loaded) before timing. Single-process ``scan`` runs in
this process. The three are timed round-robin, R rounds, so load on a shared machine falls
on all alike; the best round of each is kept. Ratios are what to compare across machines.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

import texthygiene

from .common import ROOT, load_jsonl, write_result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=6, help="copies of the corpus")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from texthygiene.spark import report_columns

    corpus = load_jsonl(ROOT / "corpora" / "injected.jsonl") + load_jsonl(
        ROOT / "corpora" / "legit.jsonl"
    )
    posts = [doc["text"] for doc in corpus] * args.repeat
    characters = sum(map(len, posts))
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.createDataFrame([(p,) for p in posts], "text string")
    frames = {n: frame.repartition(n).cache() for n in (1, 2)}

    def run_spark(partitions: int) -> int:
        result = report_columns(frames[partitions]).agg(F.sum("th_finding_count")).first()
        assert result is not None
        return int(result[0])

    def run_scan() -> int:
        return sum(len(texthygiene.scan(p).findings) for p in posts)

    texthygiene.scan("Het model laadt voor de meting.")
    for n in (1, 2):
        frames[n].count()
        run_spark(n)  # loads the model in the workers this job uses
    runs = {
        "scan, 1 process": run_scan,
        "spark, 1 partition": lambda: run_spark(1),
        "spark, 2 partitions": lambda: run_spark(2),
    }
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    counts: dict[str, int] = {}
    for _ in range(args.rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            counts[name] = run()
            seconds[name].append(time.perf_counter() - start)
    spark.stop()
    if len(set(counts.values())) != 1:
        raise SystemExit(f"finding counts differ between runs: {counts}")

    base = min(seconds["scan, 1 process"])
    results: dict[str, dict[str, Any]] = {}
    print(f"{len(posts)} posts, {characters} characters, {args.rounds} rounds\n")
    print(f"{'':<22}{'chars/s':>12}{'docs/s':>10}{'× scan':>9}")
    for name, times in seconds.items():
        best = min(times)
        results[name] = {
            "seconds": [round(t, 3) for t in times],
            "chars_per_s": characters / best,
            "docs_per_s": len(posts) / best,
            "ratio_to_scan": base / best,
        }
        print(
            f"{name:<22}{characters / best:>12,.0f}{len(posts) / best:>10,.1f}{base / best:>9.2f}"
        )
    path = write_result(
        "spark",
        {
            "texthygiene": texthygiene.__version__,
            "posts": len(posts),
            "characters": characters,
            "findings": counts["scan, 1 process"],
            "results": results,
        },
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
