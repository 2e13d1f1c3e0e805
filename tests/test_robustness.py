"""No text raises under the size cap, and a text over it raises one clear error."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import texthygiene
from texthygiene import Config, TextTooLarge
from texthygiene.repair import changed_regions


def _newer_characters() -> list[str]:
    """Characters ``regex`` knows and Python's ``unicodedata`` does not (a newer Unicode)."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    return [
        m.group()
        for m in regex.finditer(r"\P{Cn}", every)
        if unicodedata.category(m.group()) == "Cn"
    ]


NEWER = _newer_characters()
# The newer ones in the scripts the look-alike check compares (where the two sources' scripts
# for a word disagree), and letters, marks and separators of those scripts to mix them with.
NEWER_MIXED = [ch for ch in NEWER if regex.match(r"[\p{Latin}\p{Cyrillic}\p{Greek}]", ch)]
MIXERS = "aeopxдаорсαοι\u0483\u0301\u0307\u200b\u202e\u2066\u2069 .\n"
any_text = st.one_of(
    st.text(
        alphabet=st.one_of(
            st.characters(blacklist_categories=("Cs",)),
            st.sampled_from(NEWER or ["\ua7cb"]),
            st.sampled_from(MIXERS),
        ),
        max_size=40,
    ),
    st.text(alphabet=st.sampled_from([*NEWER_MIXED, *MIXERS]), max_size=12),
)


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def test_newer_unicode_is_there_to_test() -> None:
    # The property below draws from these; without them it tests much less than it says.
    assert "\ua7cb" in NEWER_MIXED or unicodedata.category("\ua7cb") != "Cn"


@given(any_text)
@example("\ua7cb\u0483")  # a letter only regex knows, and a Cyrillic mark
@example("\ua7cbд")
def test_scan_and_clean_never_raise_and_clean_only_deletes(text: str) -> None:
    report = texthygiene.scan(text)
    assert all(report.text[f.start : f.end] == f.text for f in report.findings)
    assert is_subsequence(texthygiene.clean(text), texthygiene.repair(text))


@pytest.mark.parametrize(
    ("text", "confusable"),
    [("pаypal", True), ("\ua7cb\u0483", False), ("a\u0483b", False), ("Mоscow", True)],
)
def test_a_mark_from_another_script_is_no_look_alike(text: str, confusable: bool) -> None:
    kinds = [f.kind for f in texthygiene.scan(text).findings]
    assert ("confusable" in kinds) is confusable


CAP = Config(max_chars=100)


@pytest.mark.parametrize(
    ("call", "data"),
    [
        (texthygiene.scan, "a" * 101),
        (texthygiene.clean, "a" * 101),
        (texthygiene.repair, "a" * 101),
        (texthygiene.scan, ("é" * 101).encode("utf-8")),
        (texthygiene.clean, b"a" * 401),
    ],
)
def test_over_the_cap_is_text_too_large_naming_size_and_cap(call: object, data: object) -> None:
    with pytest.raises(TextTooLarge) as raised:
        call(data, config=CAP)  # type: ignore[operator]
    assert isinstance(raised.value, ValueError)
    message = str(raised.value)
    assert "101" in message or "401" in message
    assert "100 characters" in message
    assert (raised.value.size, raised.value.cap) in ((101, 100), (401, 100))


def test_at_the_cap_is_accepted() -> None:
    text = "Een zin over de tuin. " * 4 + "ab"
    assert len(text) == 90
    assert texthygiene.scan(text, config=Config(max_chars=90)).text == text
    assert texthygiene.clean(text, config=Config(max_chars=90)) == text
    assert texthygiene.repair(text, config=Config(max_chars=90)) == text


def test_the_default_cap_is_generous_and_exported() -> None:
    assert Config().max_chars == 5_000_000
    assert "TextTooLarge" in texthygiene.__all__


def _moj(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", "replace")


mojibake_texts = st.lists(
    st.tuples(
        st.text(alphabet=st.sampled_from("ab é?ñ\u00a0д中😀.\n"), max_size=12),
        st.booleans(),
    ),
    max_size=8,
).map(lambda parts: "".join(_moj(t) if bad else t for t, bad in parts))


@given(mojibake_texts)
@example("cafÃ© and Ã  la mode" + " Mooi." * 50 + "crÃ¨me")
@example("Ã?" + "x" * 30 + _moj("д"))
def test_changed_regions_rebuild_the_repaired_text(original: str) -> None:
    fixed = texthygiene.repair(original)
    rebuilt, cursor, last_j = [], 0, 0
    for i1, i2, j1, j2 in changed_regions(original, fixed):
        assert cursor <= i1 <= i2
        assert last_j <= j1 <= j2
        rebuilt += [original[cursor:i1], fixed[j1:j2]]
        cursor, last_j = i2, j2
    rebuilt.append(original[cursor:])
    assert "".join(rebuilt) == fixed


def test_mojibake_in_a_long_text_is_found_where_it_is() -> None:
    text = "Mooi verhaal over de tuin. " * 2000 + _moj("café") + " en " + _moj("crème brûlée.")
    report = texthygiene.scan(text)
    found = [
        (f.start, f.text, f.detail.split(" (")[0]) for f in report.findings if f.kind == "mojibake"
    ]
    at = 27 * 2000
    assert found == [
        (at + 3, "é", "repaired mojibake: 'Ã©' → 'é'"),
        (at + 10, "è", "repaired mojibake: 'Ã¨' → 'è'"),
        (at + 16, "û", "repaired mojibake: 'Ã»' → 'û'"),
        (at + 18, "é", "repaired mojibake: 'Ã©' → 'é'"),
    ]


@pytest.mark.parametrize(
    ("text", "repaired", "kinds"),
    [
        # C1 controls Windows-1252 defines are its characters read as Latin-1: mojibake,
        # repaired and reported as such.
        ("a\x85b", "a…b", ["mojibake"]),
        ("Zin\x96 \x93quote\x94", "Zin– “quote”", ["mojibake"] * 3),
        ("a\x9b[31mb", "a›[31mb", ["mojibake"]),
        # Those it leaves undefined, C0 controls, DEL and escapes: repair leaves them alone,
        # scan reports them and clean removes them.
        ("a\x81b", "a\x81b", ["control_char"]),
        ("a\x01b\x7fc", "a\x01b\x7fc", ["control_char", "control_char"]),
        ("a\x1b[31mb", "a\x1b[31mb", ["control_char"]),
        # No cosmetic change: ligatures, full-width letters stay.
        ("ﬁne café", "ﬁne café", []),
        ("Ａ", "Ａ", []),
    ],
)
def test_repair_changes_only_mojibake_and_says_so(
    text: str, repaired: str, kinds: list[str]
) -> None:
    assert texthygiene.repair(text) == repaired
    report = texthygiene.scan(text)
    assert report.text == repaired
    assert [f.kind for f in report.findings] == kinds
    if "mojibake" in kinds:
        assert all(repr(f.text) in f.detail for f in report.findings)


def test_a_run_over_many_hidden_elements_is_not_repeated_per_element() -> None:
    run = 'situs slot <span style="display:none">gacor</span> hari ini ' * 200
    html = f"<p>Mooi verhaal over de tuin en de buren.</p><p>Mooi. {run}</p>"
    report = texthygiene.scan_html(html)
    # The findings do not each carry the run: they do not overlap, so together they hold
    # no more than the text (before, each of the 200 carried all of it).
    spans = sorted((f.start, f.end) for f in report.findings)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert sum(end - start for start, end in spans) <= len(report.text)
    assert "situs slot" not in texthygiene.clean_html(html)
