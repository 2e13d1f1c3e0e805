"""A corpus generated at run time from lingua's test data (../shared), with a fixed seed.

Host paragraphs are real sentences in one language; fragments are word pairs or sentence
openings (3–6 words) from another language, never from our lexicon, injected glued, at a
paragraph end, on a line of their own or between two sentences. Languages close to the host
(Dutch/Afrikaans, Danish/Norwegian/Swedish, Czech/Slovak, …) are not used as its fragments:
those are dialect questions, not injection. Half the documents stay clean.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from texthygiene.chardata import CLOSE_LANGUAGES

from .common import LINGUA

SEED = 20261128
HOSTS = ("nl", "de", "en", "fr", "es", "it", "pl", "pt", "sv", "id", "tr", "cs")
FRAGMENT_LANGUAGES = (
    # different script from every host above
    "ru", "uk", "bg", "el", "ar", "fa", "he", "hi", "th", "ko", "ja", "zh", "bn", "ta",
    # Latin script
    "en", "de", "fr", "es", "it", "pt", "pl", "id", "tr", "vi", "hu", "ro", "fi", "lt",
    "lv", "sq", "sw", "so", "tl", "cy", "hr", "sk", "nl", "sv", "cs", "et",
)  # fmt: skip
POSITIONS = ("glued", "paragraph_end", "own_line", "mid_paragraph")
NON_LATIN = frozenset(FRAGMENT_LANGUAGES[:14])


@dataclass
class Document:
    id: str
    host: str
    text: str
    spans: list[dict[str, object]] = field(default_factory=list)


def _lines(kind: str, lang: str) -> list[str]:
    path = LINGUA / kind / f"{lang}.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def available() -> bool:
    return (LINGUA / "sentences" / "nl.txt").exists()


def _fragment(rng: random.Random, lang: str) -> str:
    if rng.random() < 0.5:
        return rng.choice(_lines("word-pairs", lang))
    words = rng.choice(_lines("sentences", lang)).split()
    if lang in ("zh", "ja", "th"):
        text = "".join(words) if len(words) == 1 else " ".join(words[:3])
        return text[: rng.randint(6, 14)].rstrip("，。、,.!?！？ ")
    return " ".join(words[: rng.randint(3, 6)]).rstrip(",.;:!?¿¡\"'«»“”")


def _paragraphs(rng: random.Random, host: str) -> list[list[str]]:
    sentences = _lines("sentences", host)
    return [rng.sample(sentences, rng.randint(2, 4)) for _ in range(rng.randint(1, 3))]


def generate(n_injected: int = 1200, n_clean: int = 1200, seed: int = SEED) -> list[Document]:
    """The generated corpus; the same seed gives the same documents."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for n in range(n_clean):
        host = HOSTS[n % len(HOSTS)]
        text = "\n\n".join(" ".join(p) for p in _paragraphs(rng, host))
        docs.append(Document(f"gen-clean-{n:05d}", host, text))
    for n in range(n_injected):
        host = HOSTS[n % len(HOSTS)]
        choices = [
            lang
            for lang in FRAGMENT_LANGUAGES
            if lang != host and lang not in CLOSE_LANGUAGES.get(host, frozenset())
        ]
        lang = rng.choice(choices)
        fragment = _fragment(rng, lang)
        # Every host takes every position in turn (n % 4 beside n % 12 would tie each
        # host to one position: mid-paragraph fragments only ever in three hosts).
        position = POSITIONS[n // len(HOSTS) % len(POSITIONS)]
        paragraphs = _paragraphs(rng, host)
        p = rng.randrange(len(paragraphs))
        para = paragraphs[p]
        if position == "mid_paragraph" and len(para) < 2:
            para.append(rng.choice(_lines("sentences", host)))
        before = "\n\n".join(" ".join(x) for x in paragraphs[:p])
        before = before + "\n\n" if before else ""
        after = "\n\n".join(" ".join(x) for x in paragraphs[p + 1 :])
        after = "\n\n" + after if after else ""
        if position == "glued":
            head, tail = " ".join(para) + "", ""
        elif position == "paragraph_end":
            head, tail = " ".join(para) + " ", ""
        elif position == "own_line":
            head, tail = " ".join(para) + "\n", ""
        else:
            cut = rng.randint(1, len(para) - 1)
            head, tail = " ".join(para[:cut]) + " ", " " + " ".join(para[cut:])
        start = len(before) + len(head)
        text = before + head + fragment + tail + after
        span = {
            "start": start,
            "end": start + len(fragment),
            "text": fragment,
            "language": lang,
            "position": position,
            "script": "different" if lang in NON_LATIN else "same",
        }
        docs.append(Document(f"gen-inj-{n:05d}", host, text, [span]))
    return docs


def fingerprint(docs: list[Document]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for doc in docs:
        digest.update(doc.id.encode() + b"\0" + doc.text.encode("utf-8") + b"\0")
    return digest.hexdigest()


def source_files() -> list[Path]:
    return sorted(LINGUA.glob("*/*.txt"))
