"""JSON Lines: one object per line; the text field is scanned, every other byte is kept.

A changed record is written back by replacing only the text field's value in the original
line, so other fields keep their exact spelling: key order, number formats, escapes
(``\\ud800``, a lone surrogate, stays escaped), whitespace.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from . import Item, ReadOptions, Record, RecordError, SpliceWriter, Verbatim

_DECODER = json.JSONDecoder()
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = re.compile(r"[ \t\n\r]*")
#: Escaped on output: lone surrogates (no UTF-8 for them), and what line-oriented readers
#: split lines at besides \n (Python's ``splitlines``, JavaScript): DEL and the C1 controls
#: (U+0085 is NEL), U+2028 and U+2029. ``json.dumps`` escapes only the C0 controls.
_ESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_BOM = b"\xef\xbb\xbf"
#: Lines with a missing text field named in the one error about them, at most.
_NAMED_LINES = 5


def value_span(line: str, key: str) -> tuple[int, int] | None:
    """Where the value of a top-level ``key`` sits in a JSON object's source (the last one,
    as ``json.loads`` keeps the last of duplicate keys).

    >>> line = '{"id": 7, "body": "hoi \\\\u00e9", "x": []}'
    >>> s, e = value_span(line, "body"); line[s:e]
    '"hoi \\\\u00e9"'
    """
    span = None
    pos = _skip(line, 0)
    if not line.startswith("{", pos):
        return None
    pos = _skip(line, pos + 1)
    if line.startswith("}", pos):
        return None
    while True:
        name, pos = _scanstring(line, pos + 1)
        pos = _skip(line, _skip(line, pos) + 1)  # past the colon
        _, end = _DECODER.raw_decode(line, pos)
        if name == key:
            span = (pos, end)
        pos = _skip(line, end)
        if line.startswith("}", pos):
            return span
        pos = _skip(line, pos + 1)  # past the comma


def _skip(line: str, pos: int) -> int:
    match = _WS.match(line, pos)
    return match.end() if match else pos


def dumps(value: object) -> str:
    """JSON without ASCII escaping, on one line for every line-oriented reader: lone
    surrogates, C1 controls and Unicode line separators are escaped.

    >>> dumps({"t": "a\\u2028b\\x85c"})
    '{"t": "a\\\\u2028b\\\\u0085c"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    return _ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def read_jsonl(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """One record per non-blank line; a bad line is a ``RecordError`` and reading goes on.

    Objects without the text field are passed through; they are one error, at the end of
    the file, naming the keys they do have (a wrong ``--text-field`` is one mistake).
    """
    field = options.text_field
    missing: list[int] = []
    keys: dict[str, None] = {}
    for number, raw in enumerate(stream, 1):
        where = f"line {number}"
        if number == 1 and raw.startswith(_BOM):  # as the text reader accepts it
            yield Verbatim(_BOM)
            raw = raw[len(_BOM) :]
        if not raw.strip():
            yield Verbatim(raw)
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield RecordError(source, where, f"invalid UTF-8 at byte {error.start}", raw)
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as error:  # also: huge integers, deep nesting
            yield RecordError(source, where, f"invalid JSON: {error}", raw)
            continue
        if not isinstance(obj, dict):
            yield RecordError(source, where, f"expected an object, got {type(obj).__name__}", raw)
            continue
        if field not in obj:
            missing.append(number)
            keys.update(dict.fromkeys(obj))
            yield Verbatim(raw)
            continue
        text = obj[field]
        if not isinstance(text, str):
            kind = type(text).__name__
            yield RecordError(source, where, f"text field {field!r} is {kind}, not a string", raw)
            continue
        doc_id = where
        if options.id_field is not None and obj.get(options.id_field) is not None:
            doc_id = str(obj[options.id_field])
        meta = tuple((name, _meta_value(obj[name])) for name in options.meta_fields if name in obj)
        yield Record(source, doc_id, where, text, meta=meta, raw=raw, slot=value_span(line, field))
    if missing:
        yield _missing_field(source, field, missing, keys)


def _meta_value(value: object) -> str | int:
    """A ``--meta-field`` value as reports carry it: strings and whole numbers as they are,
    anything else (a list, an object, null) as its JSON text.

    >>> _meta_value("Ria"), _meta_value(12), _meta_value(["a", 1]), _meta_value(True)
    ('Ria', 12, '["a", 1]', 'true')
    """
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return dumps(value)


def _missing_field(source: str, field: str, lines: list[int], keys: dict[str, None]) -> RecordError:
    named = ", ".join(map(str, lines[:_NAMED_LINES])) + (", …" if len(lines) > _NAMED_LINES else "")
    has = ", ".join(repr(key) for key in sorted(keys)[:20]) or "none"
    count = "1 object (line" if len(lines) == 1 else f"{len(lines)} objects (lines"
    return RecordError(
        source,
        f"line {lines[0]}",
        f"no text field {field!r} in {count} {named}); their keys: {has}"
        " (choose one with --text-field)",
    )


class JsonlWriter(SpliceWriter):
    """Replaces the text field's value in the original line, nothing else."""

    def render(self, record: Record, new_text: str) -> bytes:
        line = record.raw.decode("utf-8")
        start, end = cast("tuple[int, int]", record.slot)
        return (line[:start] + dumps(new_text) + line[end:]).encode("utf-8")
