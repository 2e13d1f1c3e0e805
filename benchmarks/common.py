"""Helpers shared by the benchmarks: corpora, intervals, result files."""

from __future__ import annotations

import hashlib
import json
import math
import os
import platform
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LINGUA = SHARED / "corpora" / "external" / "lingua-testdata"
RESULTS = Path(__file__).resolve().parent / "results"


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval for a proportion."""
    if total == 0:
        return (0.0, 1.0)
    p = successes / total
    denom = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denom
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def rate(successes: int, total: int) -> dict[str, Any]:
    low, high = wilson(successes, total)
    return {
        "n": total,
        "k": successes,
        "rate": successes / total if total else None,
        "ci95": [round(low, 4), round(high, 4)],
    }


def fmt_rate(entry: dict[str, Any]) -> str:
    if not entry["n"]:
        return "   n/a"
    low, high = entry["ci95"]
    return f"{entry['rate']:6.1%} [{low:.1%}–{high:.1%}] ({entry['k']}/{entry['n']})"


def false_flagged(result: dict[str, Any]) -> tuple[int, int]:
    """Documents without injection (legitimate, clean) that got any flag: (k, n)."""
    groups = [v for k, v in result["docs_with_false_flag"].items() if k != "injected"]
    return sum(v["k"] for v in groups), sum(v["n"] for v in groups)


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
    }


def write_result(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {"benchmark": name, "machine": machine(), **data}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
