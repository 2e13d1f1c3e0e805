"""Bytes to text: byte-order marks, strict UTF-8, then legacy encodings ranked by language.

charset-normalizer proposes candidates; on ordinary short text its own ranking often picks a
sibling code page (French cp1252 read as cp1250). Every candidate that decodes is scored by
how much it reads as real language under the language model, and the best one wins. Only
decoding happens here; ftfy's repair stays in ``repair``.
"""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass

import regex

from .chardata import char_script, script_group
from .identify import model

#: Byte-order marks and their codecs, longest first (UTF-32-LE starts with UTF-16-LE's mark).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: The usual legacy encodings of the languages we identify, tried besides the detector's.
LEGACY = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "iso-8859-2", "iso-8859-7", "koi8-r", "koi8-u", "cp874", "shift_jis", "euc-jp",
    "gb18030", "big5", "euc-kr",
)  # fmt: skip
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
#: Characters real text rarely decodes to: controls, private use, unassigned code points,
#: and symbols (box drawing, math, ¶ ∙ ░ …), which is what bytes of the wrong code page become.
_NOISE_RE = regex.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Co}\p{Cn}\p{So}\p{Sm}\p{Sk}\ufffd"
    r"¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷]"
)
#: A symbol between two letters ("вз€ть" for "взять") is a byte of the wrong code page.
_INNER_SYMBOL_RE = regex.compile(r"(?<=\p{L})\p{S}(?=\p{L})")
_NOISE_PENALTY = 20.0
_SAMPLE = 4096  # characters scored per candidate: enough to tell, bounded for big inputs


@dataclass(frozen=True)
class Decoded:
    """A decoding: the text, the codec used, how sure we are (0–1), and whether a BOM said so."""

    text: str
    encoding: str
    confidence: float
    had_bom: bool


def _candidates(data: bytes) -> list[str]:
    from charset_normalizer import from_bytes

    found = [match.encoding for match in from_bytes(data[:65536])]
    # UTF-16/32 without a BOM decode almost any even-length bytes into CJK-looking text;
    # consider them only when NUL bytes say so (ASCII text in UTF-16 is half NULs).
    wide = data.count(0) * 4 >= len(data)
    seen: dict[str, None] = {}
    for name in (*found, *LEGACY):
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec.startswith(("utf-16", "utf-32")) and not wide:
            continue
        seen.setdefault(codec, None)
    return list(seen)


def _score(text: str) -> float:
    sample = text[:_SAMPLE]
    noise = len(_NOISE_RE.findall(sample)) + len(_INNER_SYMBOL_RE.findall(sample))
    # Each script's words are read as language on their own, so a Dutch post quoting Russian
    # reads as well as either part. Letters out of place are noise: a wrong code page
    # scatters them through words or leaves them alone ("À bientôt" read as cp1256 is
    # "ہ bientôt"), where a real second language writes whole words.
    by_group: dict[str, list[str]] = {}
    for word in _WORD_RE.findall(sample):
        counts: dict[str, int] = {}
        for ch in word:
            group = script_group(char_script(ch))
            counts[group] = counts.get(group, 0) + 1
        main = max(sorted(counts), key=counts.__getitem__)
        noise += len(word) - counts[main]
        by_group.setdefault(main, []).append(word)
    letters = {group: sum(map(len, words)) for group, words in by_group.items()}
    total = sum(letters.values())
    if not total:
        return model().plausibility([]) - _NOISE_PENALTY * noise / max(1, len(sample))
    main_group = max(sorted(letters), key=letters.__getitem__)
    for group, words in by_group.items():
        if group != main_group and all(len(word) == 1 for word in words):
            noise += letters[group]  # only lone letters in this script: debris
    reading = sum(
        model().plausibility(words) * letters[group] / total for group, words in by_group.items()
    )
    return reading - _NOISE_PENALTY * noise / max(1, len(sample))


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 of mostly Latin text without a BOM: every other byte is NUL, on one side only.
    (It is also valid UTF-8, full of NULs, which text never is.)"""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls * 2 >= half and other == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return Decoded(text, encoding, round(min(1.0, nuls / half), 4), False)
    return None


def decode(data: bytes) -> Decoded:
    """Decode bytes of unknown encoding.

    >>> decode("café".encode("cp1252")).text
    'café'
    >>> decode("\\ufeffhallo".encode("utf-16-le")).encoding
    'utf-16-le'
    >>> decode("hallo wereld".encode("utf-16-be")).text
    'hallo wereld'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode expects bytes, got {type(data).__name__}")
    data = bytes(data)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, 1.0, True)
            except UnicodeDecodeError:
                break  # a BOM that lies: rank the candidates like any other bytes
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    try:
        # Valid UTF-8 is UTF-8: legacy bytes almost never are, and a wrong guess on real
        # UTF-8 would be the worst outcome.
        return Decoded(data.decode("utf-8"), "utf-8", 1.0, False)
    except UnicodeDecodeError:
        pass
    scored: list[tuple[float, int, str, str]] = []
    preferred = [codecs.lookup(name).name for name in LEGACY]
    for rank, encoding in enumerate(_candidates(data)):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        # Equal scores mean equal texts: name the commoner code page (cp1252 before cp1250).
        order = preferred.index(encoding) if encoding in preferred else len(preferred) + rank
        scored.append((_score(text), -order, encoding, text))
    if not scored:
        return Decoded(data.decode("latin-1"), "latin-1", 0.0, False)
    scored.sort(reverse=True)
    best = scored[0]
    # Confidence: how far the winner is ahead of the best decoding that reads differently
    # (cp932 and shift_jis usually agree: that is no doubt).
    rival = next((entry[0] for entry in scored[1:] if entry[3] != best[3]), None)
    margin = best[0] - rival if rival is not None else 10.0
    confidence = 1.0 - math.exp(-max(0.0, margin) * 2.0)
    return Decoded(best[3], best[2], round(confidence, 4), False)
