#!/usr/bin/env python3
"""Validate the labelled corpora in ``corpora/`` (stdlib only).

Checks every line of ``injected.jsonl`` and, when present, ``legit.jsonl``:

* each line is a JSON object with ``id``, ``host``, ``text`` and ``spans``;
* ids are unique across both files;
* every span's ``text`` equals ``text[start:end]`` and has no surrounding
  whitespace; spans are sorted and do not overlap;
* ``position``, ``script``, ``language`` and ``spam`` hold valid values, the
  ``script`` label agrees with the Unicode scripts actually used, and the
  ``position`` label agrees with the characters around the span;
* fragments have a plausible length (2-10 words, or 4-20 characters for
  Han / Kana / Thai, which do not separate words with spaces);
* ``legit.jsonl`` documents have ``"spans": []`` and a ``traps`` list; a
  trap with a ``text`` must occur in the document (at ``start:end`` if
  given).

Prints counts by host, fragment language, position, script and spam flag.
Exits 1 if any problem was found, 0 otherwise.

Usage::

    python3 corpora/tools/validate.py [FILE ...]

Without arguments it validates ``corpora/injected.jsonl`` and
``corpora/legit.jsonl`` (the latter only if it exists).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent
DEFAULT_FILES = (CORPORA / "injected.jsonl", CORPORA / "legit.jsonl")

POSITIONS = ("glued", "paragraph_end", "own_line", "mid_paragraph")
SCRIPTS = ("same", "different")
LANG_RE = re.compile(r"^[a-z]{2}$")
ID_RE = re.compile(r"^[a-z]+-[a-z]{2}-\d{3,}$")

# Scripts written without spaces between words: length is counted in characters.
UNSPACED_SCRIPTS = frozenset({"Han", "Thai"})
# Sentence-final characters that may precede a mid-paragraph fragment.
SENTENCE_END = ".!?…:;)\"'»”’"
# Injected documents are meant to be realistic posts of this size.
MIN_CHARS, MAX_CHARS = 400, 2500

# First word of the Unicode character name -> script label.
_SCRIPT_BY_NAME_PREFIX = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "THAI": "Thai",
    "DEVANAGARI": "Devanagari",
    "HANGUL": "Hangul",
    "CJK": "Han",
    "HIRAGANA": "Han",  # Kana and Han are one class here: Japanese mixes them.
    "KATAKANA": "Han",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
}


def char_script(ch: str) -> str | None:
    """Return the script label of a letter, or None for non-letters."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    prefix = name.split(" ", 1)[0]
    return _SCRIPT_BY_NAME_PREFIX.get(prefix, "Other")


def dominant_script(text: str) -> str | None:
    """Return the script used by most letters of ``text`` (None if no letters)."""
    counts = Counter(s for s in map(char_script, text) if s is not None)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def host_script(text: str, spans: list[dict]) -> str | None:
    """Dominant script of the document text outside the labelled spans."""
    parts = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.get("start", 0)):
        start = span.get("start", 0)
        end = span.get("end", 0)
        if isinstance(start, int) and isinstance(end, int):
            parts.append(text[pos:start])
            pos = max(pos, end)
    parts.append(text[pos:])
    return dominant_script("".join(parts))


def script_class(text: str, spans: list[dict], fragment: str) -> str:
    """``"different"`` if the fragment's script differs from the host's."""
    return "same" if dominant_script(fragment) == host_script(text, spans) else "different"


def fragment_length_problem(fragment: str) -> str | None:
    """Return a message if the fragment is too short or too long."""
    script = dominant_script(fragment)
    if script in UNSPACED_SCRIPTS:
        n = sum(1 for ch in fragment if not ch.isspace())
        if not 4 <= n <= 20:
            return f"{n} characters (want 4-20 for {script})"
        return None
    n = len(fragment.split())
    if not 2 <= n <= 10:
        return f"{n} words (want 2-10)"
    return None


def position_problem(text: str, start: int, end: int, position: str) -> str | None:
    """Return a message if the characters around a span contradict its position."""
    before = text[start - 1] if start > 0 else ""
    after = text[end:]
    ends_line = re.match(r"[.!?…]?(\n|$)", after) is not None
    if position == "glued":
        if not before or before.isspace():
            return "glued fragment must follow host text with no whitespace"
    elif position == "paragraph_end":
        if before != " ":
            return "paragraph_end fragment must follow host text after one space"
        if not ends_line:
            return "paragraph_end fragment must end its line/paragraph"
    elif position == "own_line":
        if before not in ("", "\n"):
            return "own_line fragment must start a line"
        if not ends_line:
            return "own_line fragment must end its line"
    elif position == "mid_paragraph":
        if before != " ":
            return "mid_paragraph fragment must follow a space"
        if not after.startswith(" ") or after[1:2] in ("", "\n", " "):
            return "mid_paragraph fragment must be followed by a space and host text"
        left = text[:start].rstrip(" ")
        if not left or left[-1] not in SENTENCE_END:
            return "mid_paragraph fragment must follow the end of a host sentence"
        if unicodedata.category(text[end - 1])[0] not in "LMN":  # M: e.g. Devanagari vowel signs
            return "mid_paragraph fragment must not carry its own punctuation"
    return None


class Validator:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.warnings: list[str] = []
        self.seen_ids: dict[str, str] = {}

    def problem(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"{where}: {msg}")

    # -- per document -------------------------------------------------------
    def check_doc(self, where: str, doc: object, kind: str) -> dict | None:
        if not isinstance(doc, dict):
            self.problem(where, "line is not a JSON object")
            return None
        for key, typ in (("id", str), ("host", str), ("text", str), ("spans", list)):
            if not isinstance(doc.get(key), typ):
                self.problem(where, f"missing or invalid {key!r}")
                return None
        doc_id, host, text, spans = doc["id"], doc["host"], doc["text"], doc["spans"]
        where = f"{where} ({doc_id})"
        if not ID_RE.match(doc_id):
            self.problem(where, f"id {doc_id!r} does not look like <corpus>-<host>-NNN")
        if doc_id in self.seen_ids:
            self.problem(where, f"duplicate id (first seen at {self.seen_ids[doc_id]})")
        else:
            self.seen_ids[doc_id] = where
        if not LANG_RE.match(host):
            self.problem(where, f"host {host!r} is not an ISO 639-1 code")
        if not text.strip():
            self.problem(where, "empty text")
        if text != text.strip():
            self.problem(where, "text has leading/trailing whitespace")

        if kind == "legit":
            if spans:
                self.problem(where, 'legit documents must have "spans": []')
            traps = doc.get("traps")
            if not isinstance(traps, list):
                self.problem(where, 'legit documents need a "traps" list')
            else:
                self.check_traps(where, text, traps)
            return doc

        if not spans:
            self.problem(where, "injected document without spans")
        if not MIN_CHARS <= len(text) <= MAX_CHARS:
            self.problem(where, f"text is {len(text)} characters (want {MIN_CHARS}-{MAX_CHARS})")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        if len(paragraphs) < 2:
            self.problem(where, "fewer than 2 paragraphs")
        prev_end = 0
        for i, span in enumerate(spans):
            self.check_span(f"{where} span {i}", host, text, spans, span, prev_end)
            if isinstance(span, dict) and isinstance(span.get("end"), int):
                prev_end = span["end"]
        return doc

    def check_span(
        self, where: str, host: str, text: str, spans: list, span: object, prev_end: int
    ) -> None:
        if not isinstance(span, dict):
            self.problem(where, "span is not an object")
            return
        required = {
            "start": int,
            "end": int,
            "text": str,
            "language": str,
            "position": str,
            "script": str,
            "spam": bool,
        }
        for key, typ in required.items():
            if not isinstance(span.get(key), typ) or (
                typ is int and isinstance(span.get(key), bool)
            ):
                self.problem(where, f"missing or invalid {key!r}")
                return
        start, end, frag = span["start"], span["end"], span["text"]
        if not 0 <= start < end <= len(text):
            self.problem(where, f"offsets {start}:{end} out of range")
            return
        if start < prev_end:
            self.problem(where, "spans overlap or are not sorted")
        if text[start:end] != frag:
            self.problem(where, f"text[{start}:{end}]={text[start:end]!r} != span text {frag!r}")
            return
        if frag != frag.strip():
            self.problem(where, "span text has leading/trailing whitespace")
        lang = span["language"]
        if not LANG_RE.match(lang):
            self.problem(where, f"language {lang!r} is not an ISO 639-1 code")
        if lang == host:
            self.problem(where, "fragment language equals host language")
        if span["position"] not in POSITIONS:
            self.problem(where, f"position {span['position']!r} not in {POSITIONS}")
        else:
            msg = position_problem(text, start, end, span["position"])
            if msg:
                self.problem(where, msg)
        if span["script"] not in SCRIPTS:
            self.problem(where, f"script {span['script']!r} not in {SCRIPTS}")
        else:
            expected = script_class(text, spans, frag)
            if span["script"] != expected:
                self.problem(
                    where, f"script labelled {span['script']!r} but characters say {expected!r}"
                )
        msg = fragment_length_problem(frag)
        if msg:
            self.problem(where, f"fragment length: {msg}")

    def check_traps(self, where: str, text: str, traps: list) -> None:
        for j, trap in enumerate(traps):
            if not isinstance(trap, dict):
                continue  # trap schema is owned by legit.jsonl's author
            start, end, ttext = trap.get("start"), trap.get("end"), trap.get("text")
            if not isinstance(ttext, str):
                continue
            if isinstance(start, int) and isinstance(end, int):
                if not 0 <= start < end <= len(text) or text[start:end] != ttext:
                    self.problem(f"{where} trap {j}", f"text[{start}:{end}] != trap text {ttext!r}")
            elif ttext not in text:
                self.problem(f"{where} trap {j}", f"trap text {ttext!r} does not occur in the text")

    # -- per file -----------------------------------------------------------
    def check_file(self, path: Path) -> list[dict]:
        kind = "legit" if path.name.startswith("legit") else "injected"
        docs: list[dict] = []
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                where = f"{path.name}:{lineno}"
                if not line.strip():
                    self.problem(where, "blank line")
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    self.problem(where, f"invalid JSON: {exc}")
                    continue
                doc = self.check_doc(where, obj, kind)
                if doc is not None:
                    docs.append(doc)
        return docs


def print_counter(title: str, counter: Counter) -> None:
    print(
        f"  {title}: "
        + ", ".join(
            f"{k}={v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
        )
    )


def report(path: Path, docs: list[dict]) -> None:
    print(f"{path.name}: {len(docs)} documents")
    print_counter("by host", Counter(d["host"] for d in docs))
    lengths = sorted(len(d["text"]) for d in docs)
    if lengths:
        print(
            f"  length (chars): min={lengths[0]} "
            f"median={lengths[len(lengths) // 2]} max={lengths[-1]}"
        )
    if path.name.startswith("legit"):
        traps = [t for d in docs for t in d.get("traps", []) if isinstance(d.get("traps"), list)]
        print(f"  traps: {len(traps)}")
        kinds = Counter()
        for t in traps:
            if isinstance(t, dict):
                kinds[str(t.get("pattern", t.get("kind", t.get("type", "?"))))] += 1
            else:
                kinds[str(t)] += 1
        if kinds:
            print_counter("traps by kind", kinds)
        return
    spans = [s for d in docs for s in d["spans"] if isinstance(s, dict)]
    print(f"  fragments: {len(spans)}")
    print_counter("fragments per document", Counter(len(d["spans"]) for d in docs))
    print_counter("by fragment language", Counter(s.get("language") for s in spans))
    print(f"  distinct fragment languages: {len({s.get('language') for s in spans})}")
    print_counter("by position", Counter(s.get("position") for s in spans))
    print_counter("by script", Counter(s.get("script") for s in spans))
    print_counter("by spam", Counter(s.get("spam") for s in spans))
    print_counter(
        "position x script", Counter(f"{s.get('position')}/{s.get('script')}" for s in spans)
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:
        files = [Path(a) for a in args]
    else:
        files = [p for p in DEFAULT_FILES if p.exists() or p.name == "injected.jsonl"]
    v = Validator()
    results = []
    for path in files:
        if not path.exists():
            v.problem(str(path), "file not found")
            continue
        results.append((path, v.check_file(path)))
    for path, docs in results:
        report(path, docs)
    for w in v.warnings:
        print(f"WARNING {w}")
    for p in v.problems:
        print(f"PROBLEM {p}")
    if v.problems:
        print(f"{len(v.problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
