"""Collection evidence (issue 17): a phrase injected into many posts of a run is found because
it recurs; recurring chrome, sign-offs, disclaimers, quotes and names stay clean; the switch
off gives exactly the single-document reports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import texthygiene
from texthygiene import collection
from texthygiene.collection import Sketch, keys, recurrence_weight, recurring
from texthygiene.results import Report

from .conftest import CORPORA, load_jsonl
from .test_batch_cli import th as run_cli

PHRASE = "bezoek onze webshop voor de mooiste tuinmeubelen"
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@cache
def paragraphs(dutch: bool = True) -> tuple[tuple[str, ...], ...]:
    """Paragraphs of our own corpus, Dutch or in other languages, each as its sentences
    (three or more)."""
    out = []
    for doc in [*load_jsonl(CORPORA / "legit.jsonl"), *load_jsonl(CORPORA / "injected.jsonl")]:
        if (doc["host"] == "nl") != dutch:
            continue
        text = doc["text"]
        for span in sorted(doc["spans"], key=lambda s: -s["start"]):  # injected spans cut out
            text = text[: span["start"]] + text[span["end"] :]
        for para in text.split("\n\n"):
            sentences = _SENTENCE_RE.split(" ".join(para.split()))
            if len(sentences) >= 3 and len(para) >= 200:
                out.append(tuple(sentences))
    return tuple(out)


def dutch_paragraphs() -> tuple[tuple[str, ...], ...]:
    return paragraphs(dutch=True)


def place(sentences: tuple[str, ...], phrase: str, position: str) -> str:
    """A paragraph with ``phrase`` glued onto its first sentence, between its first two
    sentences, or unpunctuated at its end."""
    if position == "glued":
        return f"{sentences[0]}{phrase} " + " ".join(sentences[1:])
    if position == "mid":
        middle = phrase[0].upper() + phrase[1:] + "."
        return " ".join([sentences[0], middle, *sentences[1:]])
    return " ".join(sentences) + " " + phrase


def run_reports(texts: list[str], collection: bool = True) -> list[Report]:
    reports = [texthygiene.scan(text) for text in texts]
    if not collection:
        return reports
    sketch = Sketch(width_bits=16)
    for report in reports:
        sketch.add(keys(report.text))
    return [recurring(report, sketch) for report in reports]


def recurring_findings(report: Report) -> list[str]:
    return [f.text for f in report.findings if "recurring" in f.reasons]


def site(count: int, extra: dict[int, str] | None = None) -> list[str]:
    """``count`` posts from distinct Dutch paragraphs; ``extra`` replaces some posts."""
    paragraphs = dutch_paragraphs()
    assert len(paragraphs) >= count
    posts = [" ".join(p) for p in paragraphs[:count]]
    for i, text in (extra or {}).items():
        posts[i] = text
    return posts


# --- keys and the sketch ---------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "Bezoek Onze Webshop voor de MOOISTE tuinmeubelen!",
        "bezoek onze webshop, voor de mooiste tuinmeubelen.",
        "bezoek onze 2 webshop voor de 50 mooiste tuinmeubelen",
    ],
)
def test_keys_ignore_case_punctuation_and_numbers(variant: str) -> None:
    assert keys(variant).tolist() == keys(PHRASE).tolist()


def test_keys_are_deterministic_across_processes() -> None:
    code = "from texthygiene.collection import keys; print(keys('een twee drie vier').tolist())"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert runs == {f"{keys('een twee drie vier').tolist()}\n"}


def test_first_pass_keys_are_the_keys_the_second_pass_reads() -> None:
    # keys() finds words without offsets, for speed; the second pass looks up the keys of
    # the pieces it judges: the two must agree, or a phrase counted would not be found.
    for doc in [*load_jsonl(CORPORA / "injected.jsonl"), *load_jsonl(CORPORA / "legit.jsonl")]:
        pieces = collection._pieces(doc["text"])
        found = collection._shingles([[w[2] for w in p.words] for p in pieces])
        read = sorted(set(np.concatenate(found).tolist())) if found else []
        assert keys(doc["text"]).tolist() == read, doc["id"]


def test_sketch_counts_documents_not_occurrences() -> None:
    sketch = Sketch(width_bits=12)
    sketch.add(keys(f"{PHRASE}. {PHRASE}. {PHRASE}."))
    sketch.add(keys(PHRASE))
    assert set(sketch.count(keys(PHRASE)).tolist()) == {2}
    assert set(sketch.count(keys("een ander zinnetje dat nergens staat")).tolist()) == {0}


def test_sketch_counts_stop_at_their_limit_instead_of_wrapping() -> None:
    sketch = Sketch(width_bits=8)
    key = keys("een twee drie vier")
    for _ in range(0x10000 + 5):
        sketch.add(key)
    assert set(sketch.count(key).tolist()) == {0xFFFF}


def test_recurrence_weight_grows_with_the_documents() -> None:
    weights = [recurrence_weight(n) for n in (1, 2, 5, 20, 1000)]
    assert weights[0] == 0.0
    assert weights == sorted(weights)
    assert weights[1] < weights[3]


# --- campaigns are found ---------------------------------------------------------------


@pytest.mark.parametrize("position", ["glued", "mid", "end"])
def test_a_same_language_campaign_is_found_because_it_recurs(position: str) -> None:
    paragraphs = dutch_paragraphs()
    posts = site(12, {i: place(paragraphs[i], PHRASE, position) for i in range(6)})
    alone = run_reports(posts, collection=False)
    assert not any(PHRASE in f.text.casefold() for r in alone[:6] for f in r.findings)
    reports = run_reports(posts)
    for report in reports[:6]:
        found = [f for f in report.findings if "recurring" in f.reasons]
        assert [f.text.casefold().rstrip(".") for f in found] == [PHRASE], report.text
        assert "5 other documents" in found[0].detail
        assert found[0].kind == "spam_fragment"
        assert found[0].language == "nl"
    assert [recurring_findings(r) for r in reports[6:]] == [[]] * 6


def test_small_edits_still_recur() -> None:
    paragraphs = dutch_paragraphs()
    variants = [PHRASE, "Bezoek onze webshop voor de allermooiste tuinmeubelen", PHRASE.upper()]
    posts = site(8, {i: place(paragraphs[i], variants[i % 3], "end") for i in range(4)})
    reports = run_reports(posts)
    assert all(recurring_findings(r) for r in reports[:4])


def test_more_documents_score_higher() -> None:
    paragraphs = dutch_paragraphs()

    def score(copies: int) -> float:
        posts = site(14, {i: place(paragraphs[i], PHRASE, "mid") for i in range(copies)})
        report = run_reports(posts)[0]
        return max(f.score for f in report.findings if "recurring" in f.reasons)

    assert score(3) < score(10)


def test_two_documents_are_not_a_campaign() -> None:
    paragraphs = dutch_paragraphs()
    posts = site(6, {i: place(paragraphs[i], PHRASE, "mid") for i in range(2)})
    assert [recurring_findings(r) for r in run_reports(posts)] == [[]] * 6


def test_an_existing_finding_gains_the_evidence() -> None:
    spam = "где взять деньги быстро"
    posts = site(6, {i: place(dutch_paragraphs()[i], spam, "glued") for i in range(3)})
    alone, together = run_reports(posts, collection=False), run_reports(posts)
    for before, after in zip(alone[:3], together[:3], strict=True):
        [old] = [f for f in before.findings if f.text == spam]
        [new] = [f for f in after.findings if f.text == spam]
        assert new.reasons == (*old.reasons, "recurring")
        assert new.score > old.score


# --- recurring legitimate text stays clean ---------------------------------------------

CHROME = {
    "sign-off": lambda p: " ".join(p) + "\n\nGroetjes, Anja",
    "navigation": lambda p: "Home | Over mij | Archief | Contact\n\n" + " ".join(p),
    "disclaimer": lambda p: (
        " ".join(p)
        + "\n\nDeze blog bevat geen gesponsorde inhoud en alle meningen zijn mijn eigen."
    ),
    "quoted proverb": lambda p: " ".join(
        [p[0], "Zoals oma altijd zei: „wie niet waagt, die niet wint”, en zo is het.", *p[1:]]
    ),
    "product name": lambda p: " ".join(
        [p[0], p[1][:-1] + ", met de Gardena Comfort Flex tuinslang.", *p[2:]]
    ),
    "template paragraph": lambda p: (
        " ".join(p)
        + "\n\nDit bericht verscheen eerder op ons forum. Reageren kan hieronder. Veel leesplezier!"
    ),
}


@pytest.mark.parametrize("kind", list(CHROME))
def test_recurring_legitimate_text_stays_clean(kind: str) -> None:
    paragraphs = dutch_paragraphs()
    posts = [CHROME[kind](p) for p in paragraphs[:12]]
    assert [recurring_findings(r) for r in run_reports(posts)] == [[]] * 12


ENGLISH = (
    "My sister wrote to us last week from Busan",
    "The neighbours sent a long letter about the harbour",
    "Our friend answered from the coast in a hurry",
    "A reader told us about her trip to the islands",
)


def test_a_recurring_part_of_a_longer_foreign_passage_stays_clean() -> None:
    # Each Dutch post quotes an English comment; the comments share one clause. What
    # recurs is part of a passage in that language, not a phrase pasted into the post.
    shared = "and next month there is a fireworks festival at the beach"
    posts = [
        " ".join([p[0], f"Ze schreef: {ENGLISH[i]} {shared} for the whole family.", *p[1:]])
        for i, p in enumerate(dutch_paragraphs()[:4])
    ]
    assert [recurring_findings(r) for r in run_reports(posts)] == [[]] * 4


def test_a_copied_post_is_no_campaign() -> None:
    # The same post four times (a repost, an archive holding a page twice), with a link of
    # its own: all of it recurs, so nothing in it is a phrase pasted in.
    post = " ".join(dutch_paragraphs()[0]) + "\n\nMeer foto's op https://tuinblog.example.nl/foto"
    posts = [post] * 4 + [" ".join(p) for p in dutch_paragraphs()[1:5]]
    assert [recurring_findings(r) for r in run_reports(posts)] == [[]] * 8


def test_a_recurring_line_of_its_own_with_spam_cues_is_found() -> None:
    line = "koop nu tuinmeubelen met 50% korting op www.tuinparadijs.nl"
    posts = [" ".join(p) + "\n\n" + line for p in dutch_paragraphs()[:8]]
    assert all(recurring_findings(r) for r in run_reports(posts))


# --- the command line ------------------------------------------------------------------


def th(*args: str | Path, cwd: Path, stdin: bytes | None = None) -> str:
    result = run_cli(*args, cwd=cwd, stdin=stdin)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def write_site(path: Path, posts: list[str]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(posts):
            handle.write(json.dumps({"id": f"post-{i}", "text": text}, ensure_ascii=False) + "\n")


def by_id(output: str) -> dict[str, list[dict[str, Any]]]:
    records = [json.loads(line) for line in output.splitlines()]
    return {r["id"]: r["findings"] for r in records}


def strip(output: str) -> list[dict[str, Any]]:
    """The records, without where they were read from."""
    records = [json.loads(line) for line in output.splitlines()]
    return [{k: v for k, v in r.items() if k not in ("source", "location")} for r in records]


SCAN = ("scan", "--isolated", "--format", "jsonl", "--id-field", "id")


def test_cli_finds_the_campaign_in_a_jsonl_and_no_collection_is_single_documents(
    tmp_path: Path,
) -> None:
    paragraphs = dutch_paragraphs()
    positions = ("glued", "mid", "end")
    posts = site(20, {i: place(paragraphs[i], PHRASE, positions[i % 3]) for i in range(8)})
    write_site(tmp_path / "site.jsonl", posts)
    found = by_id(th(*SCAN, "site.jsonl", cwd=tmp_path))
    for i in range(8):
        [hit] = [f for f in found[f"post-{i}"] if "recurring" in f["reasons"]]
        assert hit["detail"].endswith("7 other documents of this run")
    off = th(*SCAN, "--no-collection", "site.jsonl", cwd=tmp_path)
    single = "".join(
        th(*SCAN, "-", cwd=tmp_path, stdin=line.encode())
        for line in (tmp_path / "site.jsonl").read_text("utf-8").splitlines(keepends=True)
    )
    assert strip(off) == strip(single)
    assert off != th(*SCAN, "site.jsonl", cwd=tmp_path)
    (tmp_path / "texthygiene.toml").write_text("collection = false\n", encoding="utf-8")
    configured = th("scan", "--format", "jsonl", "--id-field", "id", "site.jsonl", cwd=tmp_path)
    assert configured == off


def test_cli_without_a_recurring_phrase_is_unchanged(tmp_path: Path) -> None:
    write_site(tmp_path / "site.jsonl", site(10))
    on = th(*SCAN, "site.jsonl", cwd=tmp_path)
    assert on == th(*SCAN, "--no-collection", "site.jsonl", cwd=tmp_path)


def test_cli_stdin_jobs_and_clean(tmp_path: Path) -> None:
    dutch, other = dutch_paragraphs(), paragraphs(dutch=False)
    # more than two batches of work, so --jobs 2 really runs in worker processes
    assert len(other) >= 140
    posts = [" ".join(other[i]) + f" Bericht {i}." for i in range(140)]
    for n, i in enumerate(range(0, 140, 10)):
        posts[i] = place(dutch[n], PHRASE, "mid") + f" Bericht {i}."
    write_site(tmp_path / "site.jsonl", posts)
    data = (tmp_path / "site.jsonl").read_bytes()
    one = th(*SCAN, "--jobs", "1", "site.jsonl", cwd=tmp_path)
    assert one == th(*SCAN, "--jobs", "2", "site.jsonl", cwd=tmp_path)
    piped = th(*SCAN, "--jobs", "1", "-", cwd=tmp_path, stdin=data)
    assert piped == one.replace('"source": "site.jsonl"', '"source": "-"')
    found = by_id(one)
    assert all(
        any("recurring" in f["reasons"] for f in found[f"post-{i}"]) for i in range(0, 140, 10)
    )
    cleaned = th("clean", "--isolated", "--id-field", "id", "-", cwd=tmp_path, stdin=data)
    texts = [json.loads(line)["text"] for line in cleaned.splitlines()]
    assert len(texts) == 140
    assert not any(PHRASE in t.casefold() for t in texts)
    assert sum("Bericht" in t for t in texts) == 140  # nothing else lost


def test_cli_on_our_corpus_without_campaigns_adds_nothing(tmp_path: Path) -> None:
    # Posts written separately share phrases ("Next month there is a" in quoted English
    # comments); none of it sits where injected text sits, so nothing may change.
    corpus = CORPORA / "legit.jsonl"
    on = th(*SCAN, "--exit-zero", corpus, cwd=tmp_path)
    assert on == th(*SCAN, "--exit-zero", "--no-collection", corpus, cwd=tmp_path)
