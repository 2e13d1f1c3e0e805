#!/usr/bin/env python3
"""Build the labelled real-text corpus (train, dev, test) from ../shared/corpora/realworld.

    python3 corpora/tools/build_realworld.py                  # check the committed sha256
    python3 corpora/tools/build_realworld.py --update         # rewrite corpora/realworld.json
    python3 corpora/tools/build_realworld.py --dump dev > /tmp/dev.jsonl   # to read it

The documents are third-party text: they are built at run time and never committed. What is
committed is this script, its seed and the sha256 of what it builds per split
(``corpora/realworld.json``), so any change to the script or to ../shared shows.

Splits are the folder's own (its README): unit *n* of each file (paragraph of a host file,
line of a spam or JSONL file, file of a ``cms/`` folder, all numbered from 1) is train when
n % 5 is 1, 2 or 3, dev when it is 4, test when it is 0. A document is made only of units
of its split, so no unit crosses splits. Our own lexicon (``texthygiene/data/spam_terms.tsv``)
is not third-party text and is used in every split.

Documents, each ``{"id", "kind", "group", "host", "markup", "text", "spans", "units"}``:

* ``injected``: a host document (1–4 paragraphs of one language, consecutive among its
  split's paragraphs) with one fragment inserted ``glued`` to a sentence end, at a
  ``paragraph_end``, on its ``own_line`` or ``mid_paragraph`` between two sentences. The
  fragment is a real spam phrase (``spam/<lang>.txt``: en, id, fa, ru, zh), the opening of
  a host sentence of another language, or a phrase of our lexicon. Its ``category`` is
  ``different_script``, ``same_script`` (another, not close language), ``close_language``
  or ``same_language``; the span records exact offsets, language, position and source.
* ``legitimate``: the ``codeswitch/*.jsonl`` documents as they are.
* ``clean``: every host document once with nothing inserted; and CMS content: Congo Hugo
  pages (Markdown, front matter dropped), comment-widget strings grouped per widget and
  language into small pages, and WXR post bodies (HTML, ``markup: "html"``) read by our own
  WXR reader. The ``LICENCE-UNCLEAR_*`` WXR files are skipped (they keep their unit numbers).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.dont_write_bytecode = True  # importing the sibling validate.py leaves no __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import validate  # noqa: E402  (the script classes our own corpora are labelled with)

ROOT = Path(__file__).resolve().parents[2]
SHARED_REALWORLD = ROOT.parent / "shared" / "corpora" / "realworld"
MANIFEST = ROOT / "corpora" / "realworld.json"
LEXICON = ROOT / "texthygiene" / "data" / "spam_terms.tsv"

SEED = 20260516
SPLITS = ("train", "dev", "test")
POSITIONS = ("glued", "paragraph_end", "own_line", "mid_paragraph")
CATEGORIES = ("different_script", "same_script", "close_language", "same_language")
#: Languages with real spam phrases in ``spam/``.
REAL_SPAM = ("en", "fa", "id", "ru", "zh")
#: Languages a reader of one takes for the other in short runs (the brief: uk/ru, ms/id,
#: pt/es …). Only pairs with material on both sides matter.
CLOSE_GROUPS = (
    frozenset({"ru", "uk", "bg"}),
    frozenset({"ms", "id"}),
    frozenset({"pt", "es"}),
    frozenset({"cs", "sk"}),
    frozenset({"sv", "nb", "da"}),
)
#: Scripts written without spaces between words: a fragment is counted in characters.
UNSPACED = frozenset({"ja", "zh", "th"})
CHROME_PAGE = (4, 12)  # strings per page of comment-widget chrome
UNCLEAR = "LICENCE-UNCLEAR_"

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)|(?<=[。！？])(?=[^\s。！？」』）])")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


class BuildError(Exception):
    """A source file of ../shared is missing or not as its README describes."""


def split_of(n: int) -> str:
    """The fixed split of unit number ``n`` (numbered from 1)."""
    if n < 1:
        raise ValueError(f"unit numbers start at 1, got {n}")
    return {1: "train", 2: "train", 3: "train", 4: "dev", 0: "test"}[n % 5]


def dominant_script(text: str) -> str | None:
    """The script of most letters, after NFKC: spam's mathematical bold letters are Latin."""
    return validate.dominant_script(unicodedata.normalize("NFKC", text))


def close(a: str, b: str) -> bool:
    return any(a in group and b in group for group in CLOSE_GROUPS)


@dataclass(frozen=True)
class Fragment:
    text: str
    language: str
    source: str  # "spam", "sentence" or "lexicon"
    unit: str | None  # the shared unit it came from (None: our lexicon)


class Sources:
    """The units of one split, read from the realworld folder."""

    def __init__(self, folder: Path, split: str) -> None:
        if not (folder / "README.md").exists():
            raise BuildError(f"{folder}: not the realworld corpus folder (no README.md)")
        self.folder = folder
        self.split = split
        self.hosts: dict[str, list[tuple[str, str]]] = {}  # lang -> [(unit, paragraph)]
        for path in sorted((folder / "hosts").glob("*.txt")):
            paragraphs = [p.strip() for p in path.read_text("utf-8").split("\n\n")]
            self.hosts[path.stem] = [
                (f"hosts/{path.name}#{n}", p)
                for n, p in enumerate(paragraphs, 1)
                if p and split_of(n) == split
            ]
        host_text = {
            lang: (folder / "hosts" / f"{lang}.txt").read_text("utf-8") for lang in self.hosts
        }
        self.spam: dict[str, list[tuple[str, str]]] = {}
        for lang in REAL_SPAM:
            path = folder / "spam" / f"{lang}.txt"
            if not path.exists():
                raise BuildError(f"{path}: missing")
            self.spam[lang] = [
                (f"spam/{lang}.txt#{n}", line.strip())
                for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                # A few real ads of spam/ru.txt also stand in hosts/ru.txt (README): never
                # let one text sit in two splits.
                if line.strip()
                and split_of(n) == split
                and line.strip() not in host_text.get(lang, "")
            ]
        self.lexicon: dict[str, list[str]] = {}
        for line in LEXICON.read_text("utf-8").splitlines()[1:]:
            if line and not line.startswith("#"):
                lang, _category, term = line.split("\t")
                if lang != "xx":  # brand names belong to no language
                    self.lexicon.setdefault(lang, []).append(term)
        self.script = _script_of_language(folder, self.lexicon)
        # A phrase stands for its language only in that language's script (not romanised
        # Hindi "satta king", not Chinese spam "txt下载"), so its category follows from its
        # characters.
        for lang, terms in self.lexicon.items():
            terms[:] = [t for t in terms if dominant_script(t) == self.script[lang]]
        for lang, lines in self.spam.items():
            lines[:] = [(u, t) for u, t in lines if dominant_script(t) == self.script[lang]]
        # Sentences long enough to open a fragment with (not a stray quote or a heading).
        self.sentences: dict[str, list[tuple[str, str]]] = {
            lang: [
                (unit, s)
                for unit, p in units
                for s in sentences(p)
                if (len(s) >= 12 if lang in UNSPACED else len(s.split()) >= 4)
                and dominant_script(s) == self.script[lang]
            ]
            for lang, units in self.hosts.items()
        }

    def candidates(self, host: str, category: str) -> dict[str, list[str]]:
        """Fragment languages of ``category`` for ``host``, by source."""
        languages = set(self.spam) | set(self.sentences) | set(self.lexicon)
        script = self.script[host]
        if category == "same_language":
            wanted = {host}
        elif category == "close_language":
            wanted = {lang for lang in languages if lang != host and close(lang, host)}
        elif category == "same_script":
            wanted = {
                lang
                for lang in languages
                if lang != host and not close(lang, host) and self.script.get(lang) == script
            }
        else:
            wanted = {lang for lang in languages if self.script.get(lang) not in (None, script)}
        out: dict[str, list[str]] = {}
        for lang in sorted(wanted):
            if lang in self.spam:
                if self.spam[lang]:
                    out.setdefault("spam", []).append(lang)
                continue  # a language with real spam is represented by it alone
            if lang != host and self.sentences.get(lang):
                out.setdefault("sentence", []).append(lang)
            if self.lexicon.get(lang):
                out.setdefault("lexicon", []).append(lang)
        return out

    def fragment(self, rng: random.Random, source: str, lang: str) -> Fragment:
        if source == "spam":
            unit, text = rng.choice(self.spam[lang])
            return Fragment(text, lang, source, unit)
        if source == "lexicon":
            return Fragment(rng.choice(self.lexicon[lang]), lang, source, None)
        for _ in range(50):
            unit, sentence = rng.choice(self.sentences[lang])
            text = opening(rng, sentence, lang)
            # Not an opening that is a foreign name ("Kori Schulman 오바마"): the category
            # of a fragment follows from its characters.
            if dominant_script(text) == self.script[lang]:
                return Fragment(text, lang, source, unit)
        raise BuildError(f"hosts/{lang}.txt: no sentence opening in its own script")


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]


def opening(rng: random.Random, sentence: str, lang: str) -> str:
    """The first words of a sentence, as the generated corpus takes them (3–8 words, or
    6–14 characters in unspaced scripts), without the sentence's trailing punctuation."""
    if lang in UNSPACED:
        text = sentence[: rng.randint(6, 14)]
    else:
        text = " ".join(sentence.split()[: rng.randint(3, 8)])
    return text.strip().rstrip(",.;:!?¿¡\"'«»“”„。，、！？：；（「『 ") or sentence.strip()


def _script_of_language(folder: Path, lexicon: dict[str, list[str]]) -> dict[str, str]:
    """The dominant script of each language with material: from its text, not typed in."""
    scripts: dict[str, str] = {}
    for path in sorted((folder / "hosts").glob("*.txt")):
        scripts[path.stem] = dominant_script(path.read_text("utf-8")[:5000]) or "Other"
    for lang in REAL_SPAM:
        scripts.setdefault(
            lang, dominant_script((folder / "spam" / f"{lang}.txt").read_text("utf-8")) or "Other"
        )
    for lang, terms in lexicon.items():
        scripts.setdefault(lang, dominant_script(" ".join(terms)) or "Other")
    return scripts


def _insert(
    rng: random.Random, paragraphs: list[str], fragment: str, position: str
) -> tuple[str, int]:
    """The document with ``fragment`` at ``position``, and where the fragment starts."""
    p = rng.randrange(len(paragraphs))
    para_sentences = sentences(paragraphs[p])
    if position == "mid_paragraph" and len(para_sentences) < 2:
        multi = [i for i, x in enumerate(paragraphs) if len(sentences(x)) >= 2]
        if not multi:
            raise BuildError("no paragraph of two sentences")
        p = rng.choice(multi)
    para = paragraphs[p]
    before = "\n\n".join(paragraphs[:p]) + ("\n\n" if p else "")
    after_paras = "\n\n".join(paragraphs[p + 1 :])
    if position == "own_line":
        if p == len(paragraphs) - 1:
            head = para + "\n"
            tail = ""
        else:
            head = para + rng.choice(("\n", "\n\n"))
            tail = "\n\n"
        start = len(before) + len(head)
        return before + head + fragment + tail + after_paras, start
    after = "\n\n" + after_paras if after_paras else ""
    if position == "paragraph_end":
        head, tail = para + " ", ""
    else:
        ends = [m.start() for m in _SENTENCE_END.finditer(para)]
        cuts = [*ends, len(para)] if position == "glued" else ends
        if position == "glued":
            # The end of a sentence: before the whitespace that separates it from the next.
            cut = rng.choice(cuts)
            head, tail = para[:cut], para[cut:]
        else:
            cut = rng.choice([m.end() for m in _SENTENCE_END.finditer(para)])
            head = para[:cut].rstrip() + " "
            tail = " " + para[cut:]
    start = len(before) + len(head)
    return before + head + fragment + tail + after, start


def _chunks(rng: random.Random, units: list[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    i = 0
    while i < len(units):
        size = rng.randint(1, 4)
        yield units[i : i + size]
        i += size


def _host_documents(src: Sources, split: str) -> Iterator[dict[str, Any]]:
    for host, units in src.hosts.items():
        rng = random.Random(f"{SEED}:{split}:{host}")
        categories = [c for c in CATEGORIES if src.candidates(host, c)]
        for n, chunk in enumerate(_chunks(rng, units)):
            paragraphs = [p for _, p in chunk]
            unit_ids = [u for u, _ in chunk]
            base = {"group": "host", "host": host, "markup": "text"}
            text = "\n\n".join(paragraphs)
            yield {
                "id": f"rw-{split}-clean-{host}-{n:03d}",
                "kind": "clean",
                **base,
                "text": text,
                "spans": [],
                "units": unit_ids,
            }
            for k, position in enumerate(POSITIONS):
                if position == "mid_paragraph" and not any(
                    len(sentences(p)) >= 2 for p in paragraphs
                ):
                    continue
                category = categories[(n + k) % len(categories)]
                by_source = src.candidates(host, category)
                source = rng.choice(sorted(by_source))
                fragment = src.fragment(rng, source, rng.choice(by_source[source]))
                doc_text, start = _insert(rng, paragraphs, fragment.text, position)
                span = {
                    "start": start,
                    "end": start + len(fragment.text),
                    "text": fragment.text,
                    "language": fragment.language,
                    "category": category,
                    "position": position,
                    "source": fragment.source,
                }
                assert doc_text[span["start"] : span["end"]] == fragment.text
                used = unit_ids + ([fragment.unit] if fragment.unit else [])
                yield {
                    "id": f"rw-{split}-inj-{host}-{n:03d}-{k}",
                    "kind": "injected",
                    **base,
                    "text": doc_text,
                    "spans": [span],
                    "units": used,
                }


def _codeswitch_documents(folder: Path, split: str) -> Iterator[dict[str, Any]]:
    for path in sorted((folder / "codeswitch").glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip() or split_of(n) != split:
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise BuildError(f"{path}, line {n}: {error}") from error
            yield {
                "id": f"rw-{split}-legit-{path.stem}-{n:04d}",
                "kind": "legitimate",
                "group": f"codeswitch/{path.stem}",
                "host": "+".join(record.get("languages", [])),
                "markup": "text",
                "text": text,
                "spans": [],
                "units": [f"codeswitch/{path.name}#{n}"],
            }


def _congo_documents(folder: Path, split: str) -> Iterator[dict[str, Any]]:
    for n, path in enumerate(sorted((folder / "cms" / "posts" / "congo").iterdir()), 1):
        if split_of(n) != split:
            continue
        text = _FRONT_MATTER.sub("", path.read_text("utf-8")).strip()
        lang = path.name.rsplit(".", 2)[-2]
        yield {
            "id": f"rw-{split}-cms-congo-{n:03d}",
            "kind": "clean",
            "group": "cms/congo",
            "host": lang,
            "markup": "text",
            "text": text,
            "spans": [],
            "units": [f"cms/posts/congo/{path.name}"],
        }


def _chrome_documents(folder: Path, split: str) -> Iterator[dict[str, Any]]:
    path = folder / "cms" / "chrome_strings.jsonl"
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or split_of(n) != split:
            continue
        try:
            record = json.loads(line)
            key = (record["project"], record["lang"])
            text = record["text"].strip()
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise BuildError(f"{path}, line {n}: {error}") from error
        if text:
            groups.setdefault(key, []).append((f"cms/chrome_strings.jsonl#{n}", text))
    for (project, lang), strings in sorted(groups.items()):
        rng = random.Random(f"{SEED}:{split}:chrome:{project}:{lang}")
        i = page = 0
        while i < len(strings):
            chunk = strings[i : i + rng.randint(*CHROME_PAGE)]
            i += len(chunk)
            yield {
                "id": f"rw-{split}-cms-chrome-{project}-{lang}-{page:02d}",
                "kind": "clean",
                "group": "cms/chrome",
                "host": lang,
                "markup": "text",
                "text": "\n".join(t for _, t in chunk),
                "spans": [],
                "units": [u for u, _ in chunk],
            }
            page += 1


def _wxr_documents(folder: Path, split: str) -> Iterator[dict[str, Any]]:
    from texthygiene.formats import ReadOptions, Record, RecordError, reader

    for n, path in enumerate(sorted((folder / "cms" / "wxr").glob("*.xml")), 1):
        if split_of(n) != split or path.name.startswith(UNCLEAR):
            continue
        with path.open("rb") as stream:
            for item in reader("wxr")(stream, path.name, ReadOptions()):
                if isinstance(item, RecordError):
                    raise BuildError(f"{path}, {item.location}: {item.message}")
                if isinstance(item, Record) and item.id.endswith(" content") and item.text.strip():
                    slug = re.sub(r"\W+", "-", item.id).strip("-")
                    yield {
                        "id": f"rw-{split}-cms-wxr-{n}-{slug}",
                        "kind": "clean",
                        "group": "cms/wxr",
                        "host": "en",
                        "markup": "html",
                        "text": item.text,
                        "spans": [],
                        "units": [f"cms/wxr/{path.name}"],
                    }


def build(split: str, folder: Path = SHARED_REALWORLD) -> list[dict[str, Any]]:
    """Every document of ``split``, in a fixed order; the same call gives the same list."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    src = Sources(folder, split)
    docs = [
        *_host_documents(src, split),
        *_codeswitch_documents(folder, split),
        *_congo_documents(folder, split),
        *_chrome_documents(folder, split),
        *_wxr_documents(folder, split),
    ]
    ids = [d["id"] for d in docs]
    if len(set(ids)) != len(ids):
        raise BuildError("duplicate document ids")
    return docs


def digest(docs: list[dict[str, Any]]) -> str:
    h = hashlib.sha256()
    for doc in docs:
        h.update(json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
    return h.hexdigest()


def summary(docs: list[dict[str, Any]]) -> dict[str, Any]:
    groups = Counter(f"{d['kind']}:{d['group']}" for d in docs)
    return {
        "sha256": digest(docs),
        "documents": len(docs),
        "by_group": dict(sorted(groups.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=SHARED_REALWORLD, help="the realworld folder"
    )
    parser.add_argument("--update", action="store_true", help=f"rewrite {MANIFEST.name}")
    parser.add_argument("--dump", choices=SPLITS, help="write that split as JSON Lines to stdout")
    args = parser.parse_args(argv)
    if args.dump:
        for doc in build(args.dump, args.shared):
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
        return 0
    built = {split: summary(build(split, args.shared)) for split in SPLITS}
    manifest = {"seed": SEED, "splits": built}
    if args.update:
        MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"wrote {MANIFEST.relative_to(ROOT)}")
        return 0
    committed = json.loads(MANIFEST.read_text("utf-8")) if MANIFEST.exists() else {}
    differ = False
    for split, entry in built.items():
        want = committed.get("splits", {}).get(split, {}).get("sha256")
        same = want == entry["sha256"]
        differ |= not same
        print(
            f"{split:<6} {entry['documents']:>5} documents  {entry['sha256'][:16]}…  "
            f"{'as committed' if same else 'DIFFERS from ' + MANIFEST.name}"
        )
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
