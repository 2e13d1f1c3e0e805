"""Spam cues (issue 16 item 6): each cue kind is found where spam writes it and not in the
ordinary prose beside it; a cue strengthens a run in an injection's position and never
flags a host sentence by itself."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

import texthygiene
from texthygiene.cues import CUE_KINDS, find_cues
from texthygiene.results import REASON_CODES

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "spam_cues.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
HOST = (
    "We visited the old harbour on Sunday. The weather was lovely and the fish market "
    "was busy with families."
)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_cues_found(case: dict[str, object]) -> None:
    text = str(case["text"])
    cues = find_cues(text)
    assert [f"{c.kind}:{c.text}" for c in cues] == case["cues"]
    for cue in cues:
        assert text[cue.start : cue.end] == cue.text


def test_every_kind_has_a_positive_and_is_a_reason_code() -> None:
    found = {str(cue).split(":")[0] for case in CASES for cue in case["cues"]}  # type: ignore[attr-defined]
    assert found == set(CUE_KINDS)
    assert set(CUE_KINDS) <= set(REASON_CODES)


def test_offsets_inside_a_span() -> None:
    text = "Hi there. Call 09061701461 now. Bye 0612345678"
    cues = find_cues(text, 10, 31)
    assert [(c.kind, c.start, c.text) for c in cues] == [("phone_number", 15, "09061701461")]


def _flagged(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.reasons) for f in texthygiene.scan(text).findings]


@pytest.mark.parametrize(
    ("text", "fragment", "cue"),
    [
        # same-language spam on a line of its own: found only through its cues
        (
            HOST + "\n\nCall 09061701461 now to claim your £1500 prize\n\nWe go again.",
            "Call 09061701461 now to claim your £1500 prize",
            "phone_number",
        ),
        # glued onto a host sentence, cut before the host's next sentence
        (
            HOST + "Call 09066368753 for £5 credit Then we walked home.",
            "Call 09066368753 for £5 credit",
            "phone_number",
        ),
        # appended to a paragraph without a full stop of its own
        (HOST + " Only £1.50/week call 09066368753", "Only £1.50/week call 09066368753", "price"),
    ],
)
def test_cues_make_same_language_spam_findable(text: str, fragment: str, cue: str) -> None:
    flagged = _flagged(text)
    assert [f for f, _ in flagged] == [fragment]
    assert cue in flagged[0][1]


@pytest.mark.parametrize(
    "text",
    [
        HOST + " Tickets cost $15 at the door, call +31 20 123 4567 to book.",
        HOST + "\n\nOpening hours: Mon-Fri, phone 030 1234567\n\nWe go again.",
        HOST + " The shop gives 20% off and sells bread for €2.50 a loaf. We bought two.",
        HOST + "\n\nSee www.harbourmarket.nl for the dates\n\nWe go again.",
    ],
)
def test_a_cue_alone_does_not_flag_a_host_sentence(text: str) -> None:
    assert _flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # band names in capitals glued onto a Japanese sentence: names, not a shouted offer
        "彼は若い頃から日本のロックを聴いて育った。特に好きだったバンドはBOØWY、JUDY AND MARYなど"
        "である。その後、彼は自分のバンドを結成した。",
        # a comment widget's sign-in line: a messenger named, with no handle, number or link
        "Коментари\n\nНајавете се за да коментирате.\n\nНајава со Telegram QR-код\n\n"
        "Нема коментари.",
    ],
)
def test_names_are_no_cue(text: str) -> None:
    assert _flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "CLICK HERE and BUY   NOW before it ends",
        "Click\there, Sign Up Now!",
        "Daftar Sekarang: info lengkap",
        "ΚΑΛΈΣΤΕ ΤΏΡΑ or click-here or clickhere",
        "İnfo lengkap or ınfo lengkap or ſhop now",
        "限时优惠，立即购买！",
        "今すぐ登録してください",
        "We visited the old harbour on Sunday.",
        "https://example.com/buy-now then www.shop.example and shop.example.nl/x",
        "Meet me at 10.30 in Dr. Smith's office; e-mail.me or not.",
    ],
)
def test_prefilters_find_what_the_full_patterns_find(text: str) -> None:
    """The calls to action and links are looked for only where a cheap search says they
    can be; what they find must be what the full patterns find everywhere."""
    from texthygiene.cues import _URL_RE, _calls_to_action

    def spans(kind: str) -> list[tuple[int, int]]:
        return [(c.start, c.end) for c in find_cues(text) if c.kind == kind]

    assert spans("call_to_action") == [m.span() for m in _calls_to_action().pattern.finditer(text)]
    assert spans("url_in_run") == [m.span() for m in _URL_RE.finditer(text)]


def test_prefilters_on_a_page_of_every_corpus_post() -> None:
    """The same on a long page: every post of our corpora, joined."""
    from texthygiene.cues import _URL_RE, _calls_to_action

    root = Path(__file__).parent.parent / "corpora"
    page = "\n\n".join(
        json.loads(line)["text"]
        for name in ("injected.jsonl", "legit.jsonl")
        for line in (root / name).read_text("utf-8").splitlines()
        if line.strip()
    )
    found = find_cues(page)
    for kind, pattern in (("call_to_action", _calls_to_action().pattern), ("url_in_run", _URL_RE)):
        assert [(c.start, c.end) for c in found if c.kind == kind] == [
            m.span() for m in pattern.finditer(page)
        ]


@functools.cache
def _every_character() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz0123456789")
def test_an_ascii_word_matches_a_call_to_action_only_if_it_casefolds_to_it(letter: str) -> None:
    """Why the calls to action are not tried at an ASCII word that no term starts with: the
    characters the pattern matches to an ASCII one case-insensitively are its two cases
    and İ K ſ, none of them ASCII nor in a casefolded term."""
    import regex

    matched = {
        m.group()
        for m in regex.finditer(regex.escape(letter), _every_character(), regex.IGNORECASE)
    }
    assert {c for c in matched if c.isascii()} == {letter, letter.upper()}
    assert all(c.casefold() != c for c in matched if not c.isascii())
