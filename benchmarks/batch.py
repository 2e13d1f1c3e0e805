"""Batch throughput and memory of ``texthygiene scan`` on generated JSONL, in one run.

    python -m benchmarks.batch [--quick] [--throughput-mb N] [--sizes MB,MB] [--repeat N]

Inputs are generated into a temporary folder at run time (never committed) by repeating the
posts of ``corpora/`` with unique ids. Throughput: the command scans one file with
``--jobs 1`` and ``--jobs 2`` (wall time, model loading included), reported as documents/s
and MB/s, and documents and MB per CPU-second of the whole process tree, workers included
(what a machine shared with other work still measures fairly: the per-core figure). With
``--repeat N`` the two runs alternate N times and each keeps its fastest (the run least
disturbed by other work); the load average before each run is recorded, since a wall-time
ratio means little on a machine whose cores are busy elsewhere. Memory: the peak of the
summed resident memory of the command and its worker processes (sampled from /proc every
0.1 s) on each size, and of their summed proportional set size (PSS: a page shared between
the processes, as the tables loaded before the fork are, counted once in all: the memory
the run really holds; where that peak is: the command's own pages, each worker's, and the
pages they share), and the RSS peak over the second half of the run only (the steady
state, without the workers' start); streaming means the sizes should differ by little.
``--quick`` uses small sizes to check it runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .common import ROOT, load_jsonl, write_result

MB = 1 << 20


def generate(path: Path, megabytes: float) -> int:
    """Write a JSONL of at least ``megabytes`` from our corpora; return the record count."""
    posts = [*load_jsonl(ROOT / "corpora" / "legit.jsonl")]
    posts += load_jsonl(ROOT / "corpora" / "injected.jsonl")
    target = int(megabytes * MB)
    written = count = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            post = posts[count % len(posts)]
            line = json.dumps({"id": f"{post['id']}-{count}", "text": post["text"]}) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for parent in pids:
        try:
            for task in os.listdir(f"/proc/{parent}/task"):
                with open(f"/proc/{parent}/task/{task}/children") as handle:
                    pids.extend(int(p) for p in handle.read().split())
        except OSError:
            continue  # the process ended between listing and reading
    return pids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> tuple[int, int]:
    """Proportional set size: a page shared by n processes counts 1/n in each (the mapped
    model table, pages a fork shares), so the tree's sum is the memory it really holds; and
    the private part of it (pages of this process alone: its own allocations, and the pages
    it or the others copied since the fork)."""
    pss = private = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
                elif line.startswith(("Private_Clean:", "Private_Dirty:")):
                    private += int(line.split()[1]) * 1024
    except OSError:
        pass
    return pss, private


def run_scan(path: Path, jobs: int) -> dict[str, Any]:
    """Scan ``path`` with the command line; wall time and peak memory of the process tree."""
    command = [sys.executable, "-m", "texthygiene", "scan", "--format", "jsonl", "--exit-zero"]
    command += ["--jobs", str(jobs), "-o", os.devnull, str(path)]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command)
    samples: list[tuple[float, int]] = []
    peak_pss = 0
    breakdown: dict[str, Any] = {}
    while process.poll() is None:
        tree = _tree(process.pid)
        samples.append((time.perf_counter(), sum(_rss(p) for p in tree)))
        shares = [_pss(p) for p in tree]
        total = sum(pss for pss, _ in shares)
        if total > peak_pss:
            # Where the peak's memory is: the command's and each worker's own pages, and
            # the pages they share (counted once).
            peak_pss = total
            breakdown = {
                "parent_private_mb": round(shares[0][1] / MB, 1),
                "workers_private_mb": [round(private / MB, 1) for _, private in shares[1:]],
                "shared_mb": round((total - sum(private for _, private in shares)) / MB, 1),
            }
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    peak = max((rss for _, rss in samples), default=0)
    late = max((rss for t, rss in samples if t - start >= seconds / 2), default=0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"scan failed with exit code {process.returncode}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "load_average_before": round(load, 2),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(peak / MB, 1),
        "peak_rss_mb_second_half": round(late / MB, 1),
        "peak_pss_mb": round(peak_pss / MB, 1),
        "peak_pss_breakdown": breakdown,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: 2 MB, 4 and 8 MB")
    parser.add_argument("--throughput-mb", type=float, default=16.0)
    parser.add_argument("--sizes", default="200,1024", help="MB of the memory runs")
    parser.add_argument("--name", default="batch", help="results/NAME.json")
    parser.add_argument("--repeat", type=int, default=1, help="throughput runs of each, best kept")
    args = parser.parse_args()
    throughput_mb = 2.0 if args.quick else args.throughput_mb
    sizes = [4.0, 8.0] if args.quick else [float(s) for s in args.sizes.split(",")]
    results: dict[str, Any] = {"quick": args.quick}
    with tempfile.TemporaryDirectory(prefix="texthygiene-bench-") as folder:
        path = Path(folder, "throughput.jsonl")
        docs = generate(path, throughput_mb)
        size = path.stat().st_size / MB
        speed: dict[str, Any] = {"megabytes": round(size, 2), "documents": docs}
        runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for _ in range(max(1, args.repeat)):
            for jobs in (1, 2):
                runs[jobs].append(run_scan(path, jobs))
                print(f"throughput, --jobs {jobs}: {runs[jobs][-1]}", flush=True)
        for jobs, done in runs.items():
            run = dict(min(done, key=lambda r: r["seconds"]))
            run["runs"] = len(done)
            worst = max(done, key=lambda r: r["peak_pss_mb"])  # memory: the worst run's
            run["peak_pss_mb"] = worst["peak_pss_mb"]
            run["peak_pss_breakdown"] = worst["peak_pss_breakdown"]
            run["peak_rss_mb"] = max(r["peak_rss_mb"] for r in done)
            run["docs_per_s"] = round(docs / run["seconds"], 1)
            run["mb_per_s"] = round(size / run["seconds"], 3)
            run["docs_per_cpu_s"] = round(docs / run["cpu_seconds"], 1)
            run["mb_per_cpu_s"] = round(size / run["cpu_seconds"], 3)
            speed[f"jobs_{jobs}"] = run
        speed["speedup_2_over_1"] = round(
            speed["jobs_2"]["docs_per_s"] / speed["jobs_1"]["docs_per_s"], 2
        )
        # The CPU the two jobs spend on the same input: what parallel work costs over one
        # process, which a busy machine's wall times hide (2 / this bounds the speedup).
        speed["cpu_seconds_2_over_1"] = round(
            speed["jobs_2"]["cpu_seconds"] / speed["jobs_1"]["cpu_seconds"], 3
        )
        for key in ("peak_rss_mb", "peak_pss_mb"):
            speed[f"{key}_2_over_1"] = round(speed["jobs_2"][key] / speed["jobs_1"][key], 2)
        results["throughput"] = speed
        path.unlink()
        memory: dict[str, Any] = {"jobs": 2}
        for megabytes in sizes:
            path = Path(folder, f"memory-{megabytes:g}.jsonl")
            docs = generate(path, megabytes)
            run = run_scan(path, 2)
            run["megabytes"] = round(path.stat().st_size / MB, 1)
            run["documents"] = docs
            memory[f"{megabytes:g}MB"] = run
            print(f"memory, {megabytes:g} MB: {run}", flush=True)
            path.unlink()
        if len(sizes) > 1:
            for key, name in (("peak_rss_mb", "peak"), ("peak_rss_mb_second_half", "late_peak")):
                small, large = (memory[f"{m:g}MB"][key] for m in (sizes[0], sizes[-1]))
                memory[f"{name}_ratio_largest_to_smallest"] = round(large / small, 3)
        results["memory"] = memory
    name = f"{args.name}-quick" if args.quick else args.name
    print(f"wrote {write_result(name, results).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
