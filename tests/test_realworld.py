"""The real-text corpus builder (corpora/tools/build_realworld.py) and the matching rule of
benchmarks/realworld.py. The corpus is built from ../shared at run time."""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks.realworld import builder, matches

from .conftest import CORPORA, shared_path

# A 20-character injected span at [100, 120): 1.5 × 20 + 8 = 38 characters may be flagged.
MATCH_CASES = [
    ("exact", [(100, 120)], True),
    ("half covered", [(110, 120)], True),
    ("less than half covered", [(111, 120)], False),
    ("covered in two pieces", [(100, 106), (114, 120)], True),
    ("pieces under half together", [(100, 104), (114, 119)], False),
    ("runs on, within 38 characters", [(90, 128)], True),
    ("runs on past 38 characters", [(90, 129)], False),
    ("run-on counted over all touching findings", [(86, 110), (110, 124)], True),
    ("touching findings too long together", [(80, 110), (110, 125)], False),
    ("a far finding does not count against it", [(100, 120), (0, 90)], True),
    ("adjacent, not touching", [(80, 100), (120, 140)], False),
    ("nothing flagged", [], False),
]


@pytest.mark.parametrize(
    ("findings", "right"), [c[1:] for c in MATCH_CASES], ids=[c[0] for c in MATCH_CASES]
)
def test_matching_rule(findings: list[tuple[int, int]], right: bool) -> None:
    assert matches(100, 120, findings) is right


@pytest.fixture(scope="module")
def splits() -> dict[str, list[dict[str, Any]]]:
    folder = shared_path("corpora", "realworld")
    build = builder()
    return {split: build.build(split, folder) for split in build.SPLITS}


def test_builder_is_deterministic(splits: dict[str, list[dict[str, Any]]]) -> None:
    build = builder()
    again = build.build("dev", shared_path("corpora", "realworld"))
    assert build.digest(again) == build.digest(splits["dev"])


def test_splits_never_share_a_source_unit(splits: dict[str, list[dict[str, Any]]]) -> None:
    build = builder()
    seen: dict[str, str] = {}
    for split, docs in splits.items():
        for doc in docs:
            assert doc["units"], doc["id"]
            for unit in doc["units"]:
                assert seen.setdefault(unit, split) == split, f"{unit} in {seen[unit]} and {split}"
                if "#" in unit:  # a numbered paragraph or line: its number names its split
                    assert build.split_of(int(unit.rsplit("#", 1)[1])) == split, unit


def test_built_corpus_is_the_committed_one(splits: dict[str, list[dict[str, Any]]]) -> None:
    build = builder()
    committed = json.loads((CORPORA / "realworld.json").read_text("utf-8"))
    assert committed["seed"] == build.SEED
    for split, docs in splits.items():
        assert build.digest(docs) == committed["splits"][split]["sha256"], (
            f"the {split} split changed (the builder, ../shared or our lexicon): read the "
            "change, then run python3 corpora/tools/build_realworld.py --update"
        )


def test_every_kind_category_and_position_is_built(
    splits: dict[str, list[dict[str, Any]]],
) -> None:
    build = builder()
    for split in ("train", "dev"):
        docs = splits[split]
        spans = [s for d in docs for s in d["spans"]]
        assert {s["category"] for s in spans} == set(build.CATEGORIES)
        assert {s["position"] for s in spans} == set(build.POSITIONS)
        assert {s["source"] for s in spans} == {"spam", "sentence", "lexicon"}
        groups = {d["group"] for d in docs}
        assert {"host", "cms/congo", "cms/chrome"} <= groups
        assert sum(g.startswith("codeswitch/") for g in groups) == 6
    assert "cms/wxr" in {d["group"] for d in splits["train"]}  # its one licensed file is unit 3


def test_injected_spans_are_where_and_what_they_say(
    splits: dict[str, list[dict[str, Any]]],
) -> None:
    build = builder()
    for doc in splits["train"] + splits["dev"]:
        for span in doc["spans"]:
            text, start, end = doc["text"], span["start"], span["end"]
            assert text[start:end] == span["text"] == span["text"].strip(), doc["id"]
            before, after = text[start - 1] if start else "", text[end : end + 2]
            where = {
                "glued": not before.isspace(),
                "paragraph_end": before == " " and after in ("", "\n\n"),
                "own_line": before == "\n" and after in ("", "\n\n"),
                "mid_paragraph": before == " " and after[:1] == " ",
            }
            assert where[span["position"]], (doc["id"], span["position"])
            if span["category"] in ("different_script", "same_script"):
                host = build.dominant_script(text[:start] + text[end:])
                different = build.dominant_script(span["text"]) != host
                assert different == (span["category"] == "different_script"), doc["id"]
            if span["category"] == "same_language":
                assert span["language"] == doc["host"]
            if span["category"] == "close_language":
                assert build.close(span["language"], doc["host"])
