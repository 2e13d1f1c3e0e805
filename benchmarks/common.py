"""Helpers shared by the benchmarks: corpora, intervals, result files."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import os
import platform
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LINGUA = SHARED / "corpora" / "external" / "lingua-testdata"
RESULTS = Path(__file__).resolve().parent / "results"


def load_script(path: Path) -> ModuleType:
    """A script of the repository's (``corpora/tools/*.py``) as a module, registered under its
    name in ``sys.modules`` (its dataclasses look their module up there)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


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


#: Score bands for calibration: [low, high) except the last, which includes 1.0.
BANDS = tuple((round(0.2 + 0.1 * n, 1), round(0.3 + 0.1 * n, 1)) for n in range(8))
#: Findings are collected at this threshold to calibrate the scores above it.
CALIBRATION_THRESHOLD = BANDS[0][0]
#: The precision the default threshold is chosen for, and the grid it is chosen on.
TARGET_PRECISION = 0.95
THRESHOLD_STEP = 0.01


def calibration(scored: Iterable[tuple[float, bool]]) -> dict[str, Any]:
    """Precision per score band of findings (score, right) at or above
    ``CALIBRATION_THRESHOLD``, the precision of all findings at or above each band's lower
    edge (a threshold there), and the threshold chosen for ``TARGET_PRECISION``: the lowest
    on a ``THRESHOLD_STEP`` grid whose findings have at least that precision."""
    pairs = sorted(scored)
    per_band = [[0, 0] for _ in BANDS]
    for score, right in pairs:
        band = min(int((score - BANDS[0][0]) * 10 + 1e-9), len(BANDS) - 1)
        per_band[band][0] += right
        per_band[band][1] += 1
    bands = {f"{lo:.1f}-{hi:.1f}": rate(*per_band[n]) for n, (lo, hi) in enumerate(BANDS)}
    at_least = {}
    for n, (lo, _) in enumerate(BANDS):
        k = sum(b[0] for b in per_band[n:])
        total = sum(b[1] for b in per_band[n:])
        at_least[f"{lo:.1f}"] = rate(k, total)
    chosen = None
    steps = round((1.0 - CALIBRATION_THRESHOLD) / THRESHOLD_STEP)
    for n in range(steps + 1):
        threshold = round(CALIBRATION_THRESHOLD + n * THRESHOLD_STEP, 2)
        above = [right for score, right in pairs if score >= threshold]
        if above and sum(above) >= TARGET_PRECISION * len(above):
            chosen = {"threshold": threshold, "precision": rate(sum(above), len(above))}
            break
    return {
        "bands": bands,
        "threshold_at_least": at_least,
        f"threshold_for_precision_{TARGET_PRECISION}": chosen,
    }


def print_calibration(result: dict[str, Any], threshold: float) -> None:
    print(f"  calibration: precision per score band (scan at threshold {threshold})")
    at_least = result["threshold_at_least"]
    for (band, entry), low in zip(result["bands"].items(), at_least, strict=True):
        print(f"    {band}  {fmt_rate(entry)}   at or above {low}: {fmt_rate(at_least[low])}")
    chosen = result[f"threshold_for_precision_{TARGET_PRECISION}"]
    if chosen is None:
        print(f"    no threshold gives precision >= {TARGET_PRECISION:.0%}")
    else:
        print(
            f"    lowest threshold with precision >= {TARGET_PRECISION:.0%}: "
            f"{chosen['threshold']} {fmt_rate(chosen['precision'])}"
        )


def calibration_lines(result: dict[str, Any]) -> list[str]:
    """The calibration table in Markdown (RESULTS.md)."""
    lines = [
        "Calibration: precision of texthygiene's findings per score band (a finding is right "
        f"when it overlaps an injected fragment; scanned at threshold {CALIBRATION_THRESHOLD}), "
        "and of all findings at or above a threshold:",
        "",
        "| score band | precision in band | threshold | precision at or above |",
        "|---|---|---|---|",
    ]
    at_least = list(result["threshold_at_least"].items())
    for (band, entry), (low, above) in zip(result["bands"].items(), at_least, strict=True):
        lines.append(f"| {band} | {fmt_rate(entry)} | ≥ {low} | {fmt_rate(above)} |")
    chosen = result.get(f"threshold_for_precision_{TARGET_PRECISION}")
    if chosen:
        lines += [
            "",
            f"The lowest threshold (in steps of {THRESHOLD_STEP}) whose findings have precision "
            f"≥ {TARGET_PRECISION:.0%}: {chosen['threshold']}, {fmt_rate(chosen['precision'])}.",
        ]
    return [*lines, ""]


def false_flagged(result: dict[str, Any]) -> tuple[int, int]:
    """Documents without injection (legitimate, clean) that got any flag: (k, n)."""
    groups = [v for k, v in result["docs_with_false_flag"].items() if k != "injected"]
    return sum(v["k"] for v in groups), sum(v["n"] for v in groups)


def machine() -> dict[str, Any]:
    import texthygiene

    return {
        # Which hot loops ran: the compiled extension, or the pure-Python ones (not built,
        # or TEXTHYGIENE_PURE=1); the speed figures depend on it.
        "texthygiene_loops": "compiled" if texthygiene.COMPILED else "pure Python",
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
