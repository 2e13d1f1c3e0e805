"""The picture to look at before choosing: throughput against accuracy, texthygiene and peers.

    python -m benchmarks.plot

Reads ``results/accuracy.json`` and ``results/throughput.json`` (the same system names in
both) and writes ``results/tradeoff.png``: characters per second on a log scale against
recall of injected fragments (left) and against the share of documents without injection
that get a false flag (right), one marker per corpus. Needs matplotlib (the ``bench`` extra).
"""

from __future__ import annotations

import json
from typing import Any

from .common import RESULTS, ROOT, false_flagged

#: Throughput names for systems that accuracy names differently.
_SPEED_NAME = {"texthygiene": "scan"}
_MARKERS = {"ours": "o", "generated": "s"}


def main() -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    accuracy = json.loads((RESULTS / "accuracy.json").read_text(encoding="utf-8"))
    speed = json.loads((RESULTS / "throughput.json").read_text(encoding="utf-8"))["results"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5), sharex=True)
    colours: dict[str, Any] = {}
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for corpus, result in accuracy["corpora"].items():
        for name, r in result.get("systems", {}).items():
            measured = speed.get(_SPEED_NAME.get(name, name.replace("texthygiene ", "scan ")))
            if measured is None:
                continue
            colour = colours.setdefault(name, cycle[len(colours) % len(cycle)])
            x = measured["chars_per_s"]
            marker = _MARKERS.get(corpus, "^")
            label = name if corpus == "ours" else None
            left.scatter(x, r["recall"]["all"]["rate"], color=colour, marker=marker, label=label)
            k, n = false_flagged(r)
            right.scatter(x, k / n if n else 0.0, color=colour, marker=marker)
    for axis, title in (
        (left, "recall of injected fragments"),
        (right, "documents falsely flagged"),
    ):
        axis.set_xscale("log")
        axis.set_xlabel("characters per second (log scale; one process)")
        axis.set_title(title)
        axis.grid(True, alpha=0.3)
    left.set_ylim(0, 1.02)
    right.set_ylim(bottom=0)
    left.legend(fontsize=8, loc="lower left")
    fig.suptitle(
        "texthygiene and peers on the same documents "
        "(circles: our corpus, squares: generated from lingua's test data)"
    )
    fig.tight_layout()
    path = RESULTS / "tradeoff.png"
    fig.savefig(path, dpi=110, metadata={"Software": None})
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
