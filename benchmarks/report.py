"""Regenerate benchmarks/RESULTS.md from benchmarks/results/*.json.

python -m benchmarks.report

Every result file is rendered: by a renderer here, by a ``render(data) -> list[str]`` that
the benchmark's own module defines, or else as a generic table of its figures. So a new
benchmark shows up without touching this file.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

from .common import RESULTS, ROOT, calibration_lines, false_flagged, fmt_rate

Renderer = Callable[[dict[str, Any]], list[str]]


def _heading(title: str, name: str, data: dict[str, Any]) -> list[str]:
    return [f"## {title} — `python -m benchmarks.{name}` ({data['machine']['date']})", ""]


def _pct(entry: dict[str, Any] | None) -> str:
    if not entry or not entry.get("n"):
        return "n/a"
    return f"{entry['rate']:.1%}"


def _accuracy(data: dict[str, Any]) -> list[str]:
    lines = _heading("Accuracy", "accuracy", data)
    names = {
        "ours": "Our labelled corpus (`corpora/`)",
        "generated": "Generated from lingua test data (`../shared`)",
    }
    for key, result in data["corpora"].items():
        lines += [f"### {names.get(key, key)}", ""]
        frozen = result.get("sha256") or {"generated": result.get("fingerprint_sha256")}
        lines += [f"Frozen inputs: {', '.join(f'`{k}` {v[:16]}…' for k, v in frozen.items())}"]
        lines += ["", "| measure | rate [95% Wilson] (k/n) |", "|---|---|"]
        for name, entry in result["recall"].items():
            lines.append(f"| recall {name} | {fmt_rate(entry)} |")
        for name, entry in result["docs_with_false_flag"].items():
            lines.append(f"| {name} documents with a false flag | {fmt_rate(entry)} |")
        lines.append(f"| span precision (characters) | {fmt_rate(result['span_precision'])} |")
        lines.append(f"| span recall (characters) | {fmt_rate(result['span_recall'])} |")
        lines.append("")
        if "systems" in result:
            lines += _side_by_side(result["systems"])
        if "calibration" in result:
            lines += calibration_lines(result["calibration"])
    if data.get("unavailable"):
        lines += ["Not measured (not installed here):", ""]
        lines += [f"* {name}: {why}" for name, why in data["unavailable"].items()]
        lines.append("")
    return lines


def _side_by_side(systems: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        "Side by side on the same documents (peers flag every section or sentence whose "
        "language differs from the document's majority):",
        "",
        "| system | recall | different script | same script | glued | own line "
        "| documents falsely flagged | span precision | characters/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in systems.items():
        recall = r["recall"]
        k, n = false_flagged(r)
        lines.append(
            f"| {name} | {_pct(recall.get('all'))} | {_pct(recall.get('script:different'))} "
            f"| {_pct(recall.get('script:same'))} | {_pct(recall.get('position:glued'))} "
            f"| {_pct(recall.get('position:own_line'))} | {k / n if n else 0:.1%} ({k}/{n}) "
            f"| {_pct(r['span_precision'])} | {r.get('chars_per_s') or 0:,} |"
        )
    return [*lines, ""]


def _throughput(data: dict[str, Any]) -> list[str]:
    lines = [
        *_heading("Throughput", "throughput", data),
        f"{data['posts']} posts of our corpora, {data['characters']:,} characters, one process; "
        "every measurement round-robin in the same run.",
        "",
        "| | characters/s | documents/s | p50 ms | p95 ms | × baseline |",
        "|---|---|---|---|---|---|",
    ]
    for name, r in data["results"].items():
        lines.append(
            f"| {name} | {r['chars_per_s']:,.0f} | {r['docs_per_s']:,.1f} | {r['p50_ms']:.2f} "
            f"| {r['p95_ms']:.2f} | {r['ratio_to_baseline']:.1f} |"
        )
    ratios = data.get("ratios")
    if ratios:
        lines += [
            "",
            f"`scan` is {ratios['scan_over_baseline']:.1f}× the naive baseline; `clean` takes "
            f"{ratios['clean_time_over_scan']:.2f}× the time of `scan`; `repair` takes "
            f"{ratios['repair_time_over_ftfy']:.2f}× the time of bare `ftfy.fix_text`.",
        ]
    if data.get("scaling"):
        scaling = data["scaling"]
        lines += [
            "",
            "Time per KB of `scan` by document size: the same 10 KB of posts repeated (only the "
            "size changes), and all posts in turn (the larger, the more languages one "
            "document mixes).",
            "",
            "| document size | " + " | ".join(f"ms per KB, {kind}" for kind in scaling) + " |",
            "|---|" + "---|" * len(scaling),
        ]
        for size in next(iter(scaling.values())):
            cells = " | ".join(f"{scaling[kind][size]['ms_per_kb']:.3f}" for kind in scaling)
            lines.append(f"| {size} | {cells} |")
    if data.get("memory"):
        memory = data["memory"]
        lines += [
            "",
            f"Peak memory allocated while scanning one {memory['document_mb']:.1f} MB document: "
            f"{memory['scan_peak_mb']:.0f} MB (tracemalloc).",
        ]
    if data.get("stream"):
        marks = ", ".join(f"{m['documents']:,}: {m['rss_mb']} MB" for m in data["stream"])
        lines += ["", f"Resident memory along a stream of new-word documents: {marks}."]
    latency = data["latency"]
    lines += ["", "| | import s | first call s (model load) |", "|---|---|---|"]
    for name, r in latency.items():
        lines.append(f"| {name} | {r['import_s']:.2f} | {r['first_call_s']:.2f} |")
    return [*lines, ""]


def _langid(data: dict[str, Any]) -> list[str]:
    kinds = ("single-words", "word-pairs", "sentences")
    lines = [
        *_heading("Language identification per segment", "langid", data),
        f"{len(data['languages'])} languages (lingua's test data ∩ langdetect's profiles), "
        f"the first {data['limit']} items of each kind per language; accuracy averaged over "
        "languages; speed in the same round-robin run.",
        "",
        "| identifier | single words | word pairs | sentences | sentences/s | × langdetect |",
        "|---|---|---|---|---|---|",
    ]
    for name, r in data["results"].items():
        cells = " | ".join(f"{r[k]['accuracy']:.3f}" for k in kinds)
        lines.append(
            f"| {name} | {cells} | {r['sentences']['items_per_s']:,.0f} "
            f"| {r.get('sentences_speed_ratio_to_langdetect', float('nan')):.1f} |"
        )
    return [*lines, ""]


def _decoding(data: dict[str, Any]) -> list[str]:
    lines = _heading("Decoding", "decoding", data)
    lines += ["| texts | UTF-8 given back | texthygiene.decode exact | charset-normalizer exact |"]
    lines += ["|---|---|---|---|"]
    for name, result in data["results"].items():
        lines.append(
            f"| {name} | {fmt_rate(result['utf8_roundtrip'])} "
            f"| {fmt_rate(result['texthygiene']['all'])} "
            f"| {fmt_rate(result['charset_normalizer']['all'])} |"
        )
    return [*lines, ""]


def _profile(data: dict[str, Any]) -> list[str]:
    lines = [
        *_heading("Where scan spends its time", "profile", data),
        f"pyinstrument, {data['rounds']} warm rounds over {data['posts']} posts.",
        "",
        "| stage | share of scan |",
        "|---|---|",
    ]
    lines += [f"| `{e['function']}` ({e['file']}) | {e['share']:.1%} |" for e in data["stages"]]
    lines += ["", "| inside `identify_words` | share of scan |", "|---|---|"]
    lines += [f"| `{e['function']}` | {e['share']:.1%} |" for e in data["identify"]]
    return [*lines, ""]


def _generic(name: str, data: dict[str, Any]) -> list[str]:
    """A result file nobody wrote a renderer for: its scalar figures, flattened."""
    rows: list[tuple[str, Any]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)
        elif isinstance(value, (int, float, str, bool)) or value is None:
            rows.append((prefix, value))

    walk("", {k: v for k, v in data.items() if k not in ("benchmark", "machine")})
    lines = [*_heading(name.replace("_", " ").capitalize(), name, data)]
    lines += ["| figure | value |", "|---|---|"]
    for key, value in rows[:200]:
        shown = f"{value:,.4g}" if isinstance(value, float) else str(value)
        lines.append(f"| {key} | {shown} |")
    return [*lines, ""]


RENDERERS: dict[str, Renderer] = {
    "accuracy": _accuracy,
    "langid": _langid,
    "throughput": _throughput,
    "profile": _profile,
    "decoding": _decoding,
}
#: Sections in this order first; any other result file follows, by name.
ORDER = ("accuracy", "realworld", "langid", "throughput", "profile", "decoding")
#: Result files written by another benchmark's module (a split other than the default).
MODULE_OF = {"realworld_train": "realworld", "realworld_test": "realworld"}
SKIP = frozenset({"check", "speed"})  # the CI gates' committed figures, not benchmark runs


def _renderer(name: str) -> Renderer:
    if name in RENDERERS:
        return RENDERERS[name]
    try:
        module = importlib.import_module(f"benchmarks.{MODULE_OF.get(name, name)}")
    except ImportError:
        module = None
    render: Renderer | None = getattr(module, "render", None)
    if render is not None:
        return render
    return lambda data: _generic(name, data)


def main() -> int:
    sections = [
        "# Benchmark results",
        "",
        "Regenerated by `python -m benchmarks.report` from `benchmarks/results/*.json`.",
        "",
    ]
    found = sorted(p.stem for p in RESULTS.glob("*.json") if p.stem not in SKIP)
    names = [n for n in ORDER if n in found] + [n for n in found if n not in ORDER]
    if (RESULTS / "tradeoff.png").exists():
        sections += [
            "![throughput versus accuracy](results/tradeoff.png)",
            "",
            "`python -m benchmarks.plot`: characters per second (log scale) against recall of "
            "injected fragments and against the share of documents falsely flagged.",
            "",
        ]
    machine: dict[str, Any] | None = None
    versions: dict[str, Any] = {}
    for name in names:
        data = json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))
        machine = machine or data.get("machine")
        versions.update({k: v for k, v in data.get("versions", {}).items() if v})
        sections += _renderer(name)(data)
    if machine:
        sections += [
            "## Machine and versions",
            "",
            f"Python {machine['python']} on {machine['platform']} ({machine['processor']}), "
            f"{machine['cpus']} CPUs, shared with other work: absolute speeds vary between "
            "runs, ratios measured in one run are what to compare.",
            "",
        ]
        if versions:
            sections += [", ".join(f"{k} {v}" for k, v in sorted(versions.items())), ""]
    (ROOT / "benchmarks" / "RESULTS.md").write_text("\n".join(sections), encoding="utf-8")
    print("wrote benchmarks/RESULTS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
