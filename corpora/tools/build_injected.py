#!/usr/bin/env python3
"""Build ``corpora/injected.jsonl`` from the marked-up sources (stdlib only).

Sources live in ``corpora/tools/injected_src/*.txt`` (one file per host
language).  Each file holds documents, each introduced by a header line::

    @@@ inj-nl-001

followed by the document text.  Lines before the first header are comments.
Leading and trailing blank lines of a document are dropped, trailing spaces
on each line are removed; everything else is kept verbatim (paragraphs are
separated by one blank line).

Injected fragments are marked inline, one marker per fragment, written
with U+27EA/U+27EB (mathematical double angle brackets)::

    ...de schuur.⟪id|glued|spam|situs slot gacor⟫

The four fields are the fragment language (ISO 639-1), its position
(glued, paragraph_end, own_line, mid_paragraph), ``spam`` or ``neutral``,
and the fragment text itself.  The marker is replaced by the fragment, so
the characters around the marker are exactly the characters around the
fragment in the output.
The script class (same / different) is derived from the characters.  The
host language is the middle part of the id.

The output is deterministic: files in name order, documents in file order.
Run ``python3 corpora/tools/validate.py`` afterwards.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = (
    True  # importing the sibling validate.py must not leave __pycache__ behind
)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate import POSITIONS, script_class  # noqa: E402

TOOLS = Path(__file__).resolve().parent
SRC_DIR = TOOLS / "injected_src"
OUT = TOOLS.parent / "injected.jsonl"

HEADER_RE = re.compile(r"^@@@ (inj-([a-z]{2})-\d{3,})\s*$")
MARK_RE = re.compile(r"⟪([a-z]{2})\|([a-z_]+)\|(spam|neutral)\|([^⟪⟫\n]*)⟫")


class SourceError(Exception):
    pass


def parse_sources(src_dir: Path) -> list[tuple[str, str, str, str]]:
    """Return (source location, id, host, marked text) for every document."""
    docs = []
    for path in sorted(src_dir.glob("*.txt")):
        current: tuple[str, str, str] | None = None
        lines: list[str] = []

        def flush(head: tuple[str, str, str] | None, body_lines: list[str]) -> None:
            if head is not None:
                body = "\n".join(line.rstrip(" \t") for line in body_lines).strip("\n")
                docs.append((head[0], head[1], head[2], body))

        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = HEADER_RE.match(line)
            if m:
                flush(current, lines)
                current = (f"{path.name}:{lineno}", m.group(1), m.group(2))
                lines = []
            elif line.startswith("@@@"):
                raise SourceError(f"{path.name}:{lineno}: malformed header {line!r}")
            elif current is not None:
                lines.append(line)
        flush(current, lines)
    return docs


def render(where: str, doc_id: str, host: str, marked: str) -> dict:
    """Strip the markers from ``marked`` and compute span offsets."""
    out: list[str] = []
    raw_spans = []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(marked):
        chunk = marked[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        lang, position, spam, frag = m.groups()
        if position not in POSITIONS:
            raise SourceError(f"{where} ({doc_id}): unknown position {position!r}")
        if frag != frag.strip() or not frag:
            raise SourceError(f"{where} ({doc_id}): fragment {frag!r} has surrounding whitespace")
        raw_spans.append((length, length + len(frag), frag, lang, position, spam == "spam"))
        out.append(frag)
        length += len(frag)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "⟪" in text or "⟫" in text:
        raise SourceError(f"{where} ({doc_id}): unbalanced or malformed marker")
    bare = [{"start": s, "end": e} for s, e, *_ in raw_spans]
    spans = []
    for start, end, frag, lang, position, spam in raw_spans:
        assert text[start:end] == frag
        spans.append(
            {
                "start": start,
                "end": end,
                "text": frag,
                "language": lang,
                "position": position,
                "script": script_class(text, bare, frag),
                "spam": spam,
            }
        )
    return {"id": doc_id, "host": host, "text": text, "spans": spans}


def main() -> int:
    try:
        docs = parse_sources(SRC_DIR)
        seen: set[str] = set()
        records = []
        for where, doc_id, host, marked in docs:
            if doc_id in seen:
                raise SourceError(f"{where}: duplicate id {doc_id}")
            seen.add(doc_id)
            records.append(render(where, doc_id, host, marked))
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_spans = sum(len(r["spans"]) for r in records)
    print(
        f"wrote {OUT.relative_to(TOOLS.parent.parent)}: "
        f"{len(records)} documents, {n_spans} fragments"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
