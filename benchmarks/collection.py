"""Collection evidence on a generated site export: campaigns found, chrome left alone.

    python -m benchmarks.collection [--quick]

The site is built at run time (never committed) from our own corpora: each paragraph of
``corpora/legit.jsonl`` and of ``corpora/injected.jsonl`` (its labelled spans cut out) is one
post, under the site's navigation line; some posts end with a sign-off or a disclaimer on a
line of their own, some quote a proverb inside a sentence of their own, some name a product.
Campaigns put one phrase into 3, 10 or 50 posts — in the post's own language (Dutch posts) or
in English (posts in other languages) — glued onto a sentence, between two sentences, or
unpunctuated at the paragraph's end, in turn; as is, capitalised with a number, or with a
comma. One CLI run with collection evidence and one
with ``--no-collection`` scan the same JSONL (``--jobs 1``, in this process's CPU time).

Recall by campaign size: the share of a campaign's posts where a finding covers most of
the phrase. False flags: posts with a finding the ``--no-collection`` run does not have that
is not a campaign phrase (the recurring chrome, sign-offs, disclaimers, proverbs, product
names). Throughput: documents per CPU-second with collection on over off.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .common import ROOT, fmt_rate, load_jsonl, rate, write_result

NAVIGATION = "Home | Over deze site | Archief | Contact"
SIGN_OFFS = {"nl": "Groetjes, Anja", "de": "Liebe Grüße, Anja", "en": "Cheers, Anja"}
DISCLAIMER = {
    "nl": "Deze blog bevat geen gesponsorde inhoud en alle meningen zijn mijn eigen.",
    "de": "Dieser Blog enthält keine bezahlten Inhalte und alle Meinungen sind meine eigenen.",
    "en": "This blog contains no sponsored content and all opinions are my own.",
}
PROVERBS = {
    "nl": ["Zoals mijn oma zei", "Ik dacht maar", "Het blijft waar"],
    "de": ["Wie meine Oma sagte", "Ich dachte nur", "Es bleibt wahr"],
    "en": ["As my gran said", "I just thought", "It stays true"],
}
PROVERB = {
    "nl": "„wie niet waagt, die niet wint”",
    "de": "„wer nicht wagt, der nicht gewinnt”",
    "en": "“nothing ventured, nothing gained”",
}
PRODUCT = "Gardena Comfort Flex"
PRODUCT_SENTENCES = [
    "Ik sproeide alles met de {p} slang.",
    "Mijn buurman leende de {p} slang.",
    "De {p} slang lag nog in de schuur.",
]
# (size, host filter, phrase): same-language campaigns go into Dutch posts, foreign ones
# (English) into posts in other languages than English.
CAMPAIGNS = [
    (3, "nl", "bestel vandaag nog de voordeligste loungesets bij tuinparadijs"),
    (10, "nl", "koop de beste hangmatten voor een zachte prijs bij ons"),
    (50, "nl", "bezoek onze webshop voor de mooiste tuinmeubelen"),
    (3, "foreign", "cheap garden furniture delivered to your door tomorrow"),
    (10, "foreign", "discover the finest outdoor lounge sets at low prices"),
    (50, "foreign", "best online deals on patio heaters and garden lights"),
]
POSITIONS = ("glued", "mid", "end")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])")


def _paragraphs() -> list[tuple[str, str]]:
    """(host, paragraph) of our corpora, spans of injected posts cut out."""
    out: list[tuple[str, str]] = []
    for name in ("legit.jsonl", "injected.jsonl"):
        for doc in load_jsonl(ROOT / "corpora" / name):
            text = doc["text"]
            for span in sorted(doc["spans"], key=lambda s: -s["start"]):
                text = text[: span["start"]] + text[span["end"] :]
            for para in text.split("\n\n"):
                para = " ".join(para.split())
                if len(para) >= 200 and len(_SENTENCE_RE.split(para)) >= 3:
                    out.append((doc["host"], para))
    return out


def _inject(para: str, phrase: str, position: str) -> tuple[str, int, int]:
    """The paragraph with ``phrase`` in it, and where the phrase is."""
    sentences = _SENTENCE_RE.split(para)
    if position == "end":
        head = para + " "
        return head + phrase, len(head), len(head) + len(phrase)
    if position == "glued":  # onto the first sentence, the next one going on after a space
        head = sentences[0]
        rest = " ".join(sentences[1:])
        return f"{head}{phrase} {rest}", len(head), len(head) + len(phrase)
    head = sentences[0] + " "
    text = phrase[0].upper() + phrase[1:] + "."
    return head + text + " " + " ".join(sentences[1:]), len(head), len(head) + len(phrase)


def _variant(phrase: str, i: int) -> str:
    """The campaign's phrase as one post has it: as is, capitalised with a number, or with
    a comma (templated variants must still match)."""
    if i % 3 == 1:
        return phrase.capitalize() + f" {2020 + i % 7}"
    if i % 3 == 2:
        words = phrase.split()
        return " ".join([*words[:3], words[3] + ",", *words[4:]]) if len(words) > 4 else phrase
    return phrase


def build(limit: int | None = None) -> tuple[list[dict[str, Any]], dict[str, tuple[int, str]]]:
    """The site's posts, and each injected post's campaign: id → (size, phrase)."""
    rng = random.Random(17)
    paragraphs = _paragraphs()
    rng.shuffle(paragraphs)
    if limit:
        paragraphs = paragraphs[:limit]
    posts: list[dict[str, Any]] = []
    campaign: dict[str, tuple[int, str]] = {}
    free = list(range(len(paragraphs)))
    planned: dict[int, tuple[int, str, str]] = {}
    for size, hosts, phrase in CAMPAIGNS:
        fits = [
            i
            for i in free
            if (paragraphs[i][0] == "nl") == (hosts == "nl") and paragraphs[i][0] != "en"
        ]
        for n, i in enumerate(fits[:size]):
            planned[i] = (size, phrase, POSITIONS[n % len(POSITIONS)])
            free.remove(i)
    for i, (host, para) in enumerate(paragraphs):
        doc_id = f"post-{i:04d}"
        lang = host if host in SIGN_OFFS else "en"
        if i in planned:
            size, phrase, position = planned[i]
            para = _inject(para, _variant(phrase, i), position)[0]
            campaign[doc_id] = (size, phrase)
        elif i % 4 == 1:  # a proverb quoted inside a sentence of the post's own
            opener = PROVERBS[lang][i % 3]
            sentences = _SENTENCE_RE.split(para)
            para = " ".join([sentences[0], f"{opener}: {PROVERB[lang]}.", *sentences[1:]])
        elif i % 4 == 2 and host == "nl":  # a product named inside a sentence
            sentences = _SENTENCE_RE.split(para)
            made = PRODUCT_SENTENCES[i % 3].format(p=PRODUCT)
            para = " ".join([sentences[0], made, *sentences[1:]])
        lines = [NAVIGATION, para]
        if i % 3 == 0:
            lines.append(SIGN_OFFS[lang])
        if i % 5 == 0:
            lines.append(DISCLAIMER[lang])
        posts.append({"id": doc_id, "text": "\n\n".join(lines)})
    return posts, campaign


def _run(path: Path, *options: str) -> tuple[dict[str, list[dict[str, Any]]], float]:
    command = [sys.executable, "-m", "texthygiene", "scan", "--isolated", "--jobs", "1"]
    command += ["--format", "jsonl", "--id-field", "id", "--exit-zero", *options, str(path)]
    before = _children()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    cpu = _children() - before
    found: dict[str, list[dict[str, Any]]] = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        found[record["id"]] = record["findings"]
    return found, cpu


def _children() -> float:
    """CPU seconds of the finished child processes (the command and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _covers(findings: list[dict[str, Any]], text_phrase: str) -> bool:
    words = set(re.findall(r"\w+", text_phrase.casefold()))
    for f in findings:
        if f["kind"] not in ("spam_fragment", "foreign_fragment"):
            continue
        got = set(re.findall(r"\w+", f["text"].casefold()))
        if len(words & got) * 2 > len(words):
            return True
    return False


def render(data: dict[str, Any]) -> list[str]:
    """The RESULTS.md section (``benchmarks.report`` finds it by this module's name)."""
    lines = [
        f"## Collection evidence — `python -m benchmarks.collection` ({data['machine']['date']})",
        "",
        f"A generated site export of {data['documents']} posts from our corpora, "
        f"{data['campaign_posts']} of them in campaigns; one CLI run with collection evidence, "
        "one with `--no-collection`.",
        "",
        "| campaign | found with collection | with `--no-collection` |",
        "|---|---|---|",
    ]
    for label, entry in data["recall"].items():
        lines.append(
            f"| {label} | {fmt_rate(entry['collection'])} | {fmt_rate(entry['no_collection'])} |"
        )
    lines += [
        "",
        f"Posts with a finding collection evidence added that is no campaign phrase (recurring "
        f"navigation, sign-offs, disclaimers, quoted proverbs, product names): "
        f"{data['false_flagged_documents']}. Throughput with collection on over off (CPU "
        f"seconds of the whole command, `--jobs 1`): {data['throughput_ratio']:.2f}.",
        "",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller site, to check it runs")
    args = parser.parse_args(argv)
    posts, campaign = build(limit=250 if args.quick else None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "site.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for post in posts:
                handle.write(json.dumps(post, ensure_ascii=False) + "\n")
        on, cpu_on = _run(path)
        off, cpu_off = _run(path, "--no-collection")
    recall: dict[str, Any] = {}
    for size, hosts, phrase in CAMPAIGNS:
        ids = [d for d, (_, p) in campaign.items() if p == phrase]
        hits = sum(_covers(on.get(d, []), phrase) for d in ids)
        before = sum(_covers(off.get(d, []), phrase) for d in ids)
        label = f"{size} posts, {'same language' if hosts == 'nl' else 'foreign'}"
        recall[label] = {
            "collection": rate(hits, len(ids)),
            "no_collection": rate(before, len(ids)),
        }
    false_docs: list[dict[str, Any]] = []
    for post in posts:
        doc = post["id"]
        old = {(f["start"], f["end"]) for f in off.get(doc, [])}
        new = [f for f in on.get(doc, []) if (f["start"], f["end"]) not in old]
        if doc in campaign:
            phrase = campaign[doc][1]
            new = [f for f in new if not _covers([f], phrase)]
        if new:
            false_docs.append({"document": doc, "findings": [f["text"] for f in new]})
    result = {
        "documents": len(posts),
        "campaign_posts": len(campaign),
        "recall": recall,
        "false_flagged_documents": len(false_docs),
        "false_flags": false_docs[:20],
        "cpu_seconds": {"collection": round(cpu_on, 2), "no_collection": round(cpu_off, 2)},
        "throughput_ratio": round(cpu_off / cpu_on, 3) if cpu_on else None,
    }
    for label, entry in recall.items():
        on_rate, off_rate = entry["collection"], entry["no_collection"]
        print(f"{label:<26} {fmt_rate(on_rate)}  (--no-collection: {fmt_rate(off_rate)})")
    print(f"false flags: {len(false_docs)} documents of {len(posts)}")
    for entry in false_docs[:10]:
        print(f"  {entry['document']}: {entry['findings']}")
    ratio = result["throughput_ratio"]
    print(f"CPU seconds: {cpu_on:.2f} on, {cpu_off:.2f} off; throughput ratio {ratio}")
    if not args.quick:
        write_result("collection", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
