"""One hash over every report texthygiene gives on the project's corpora: a speed change
must leave it identical (put it in the commit message).

    python -m benchmarks.output_hash [--quick]

sha256 over the JSON of ``scan(...).to_dict()`` (``scan_html`` for HTML documents) for
every text in ``corpora/*.jsonl`` and ``tests/data/*.jsonl`` (the ``text`` field, and the
``original`` of the mojibake cases), then, where ``../shared`` has them, the real-text
train split (``benchmarks/realworld.py``) and the generated lingua corpus. Prints one
hash per source and the total; ``--quick`` leaves out the two ``../shared`` sources.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Iterator

import texthygiene

from . import generated
from .common import ROOT, load_jsonl

#: Fields of a test-data record that hold a text to scan.
TEXT_FIELDS = ("text", "original")


def _local() -> Iterator[tuple[str, list[tuple[str, bool]]]]:
    paths = sorted((ROOT / "corpora").glob("*.jsonl")) + sorted(
        (ROOT / "tests" / "data").glob("*.jsonl")
    )
    for path in paths:
        texts = []
        for record in load_jsonl(path):
            html = record.get("format") == "html" or record.get("markup") == "html"
            texts.extend(
                (record[key], html) for key in TEXT_FIELDS if isinstance(record.get(key), str)
            )
        yield str(path.relative_to(ROOT)), texts


def _shared() -> Iterator[tuple[str, list[tuple[str, bool]]]]:
    from . import realworld

    build = realworld.builder()
    if build.SHARED_REALWORLD.exists():
        docs = build.build("train")
        yield "realworld train", [(d["text"], d["markup"] == "html") for d in docs]
    if generated.available():
        yield "generated lingua", [(d.text, False) for d in generated.generate()]


def digest(texts: list[tuple[str, bool]]) -> str:
    h = hashlib.sha256()
    for text, html in texts:
        report = texthygiene.scan_html(text) if html else texthygiene.scan(text)
        h.update(json.dumps(report.to_dict(), sort_keys=True, ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the repository's texts only")
    args = parser.parse_args(argv)
    sources = list(_local()) + ([] if args.quick else list(_shared()))
    total = hashlib.sha256()
    for name, texts in sources:
        started = time.perf_counter()
        value = digest(texts)
        total.update(f"{name} {value}\n".encode())
        print(f"{value[:16]}  {name} ({len(texts)} texts, {time.perf_counter() - started:.1f} s)")
    print(f"output hash {total.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
