"""JSONL through ``clean``: every record comes out, every other field unchanged (hypothesis)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import texthygiene
from texthygiene.cli import main
from texthygiene.formats.jsonl import dumps

SENTENCES = [
    "We hebben dit jaar veel tomaten en bonen geoogst in de moestuin.",
    "De buren hielpen mee met water geven tijdens de droge zomer.где взять деньги быстро",
    "The garden opens on Saturday for everyone who wants to visit.",
    "Mooi verhaal!\u200b Tot ziens.",
    "",
]

# Lone surrogates included: JSON can carry them escaped (\ud800), UTF-8 cannot.
any_text = st.text(st.characters(blacklist_categories=()), max_size=12)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | any_text
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=6,
)
texts = st.sampled_from(SENTENCES) | st.text(max_size=40)


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    fields = draw(st.dictionaries(any_text.filter(lambda k: k != "body"), values, max_size=4))
    items = list(fields.items())
    if draw(st.integers(0, 9)):  # now and then a record without the text field
        items.insert(draw(st.integers(0, len(items))), ("body", draw(texts)))
    return dict(items)


@given(st.lists(records(), min_size=1, max_size=6), st.booleans())
def test_clean_keeps_every_record_and_field(batch: list[dict[str, Any]], ascii_: bool) -> None:
    lines = [json.dumps(r) if ascii_ else dumps(r) for r in batch]
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder, "in.jsonl"), Path(folder, "out.jsonl")
        source.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        args = ["clean", "--text-field", "body", "--keep-going", "--exit-zero", "-q", "-j", "1"]
        assert main([*args, str(source), "-o", str(target)]) == 0
        # JSON Lines ends lines at "\n" only (U+0085 or U+2028 may sit inside a string).
        out = target.read_bytes().decode("utf-8").split("\n")[:-1]
    assert len(out) == len(batch)
    for record, line, original in zip(batch, out, lines, strict=True):
        result = json.loads(line)
        assert list(result) == list(record)  # key order kept
        for key, value in record.items():
            if key != "body":
                assert result[key] == value
        if "body" in record:
            assert result["body"] == texthygiene.clean(record["body"])
        if result.get("body") == record.get("body"):
            assert line == original  # an unchanged record is copied byte for byte
