"""Collection evidence: a phrase injected into many documents of one run recurs.

SEO injections are campaigns: one phrase pushed into many posts of a site. One post at a
time a same-language phrase is nearly invisible; across the run it recurs. A run of many
documents is read twice: ``keys`` gives each document's fragment keys (normalised word
shingles, hashed with blake2b so they are the same in every process and on every run), a
``Sketch`` counts in how many documents each key occurs in fixed memory, and ``recurring``
adds the evidence to one report.

Recurrence alone never flags: site chrome, sign-offs and disclaimers recur too. A recurring
run counts only where injected text sits — glued onto a sentence, starting in lower case
after a full stop, between two sentences of a paragraph, unpunctuated at a paragraph's end —
or when it is in another language or carries spam cues of its own. A line of its own, or a
paragraph that recurs whole (a template), is chrome; a run in quotation marks is a quote;
a run shorter than ``MIN_WORDS`` is a name.

Pure: text and counts in, findings out.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import median_low

import numpy as np
import regex

from .chardata import CLOSING_QUOTES, OPENING_QUOTES, language_name
from .cues import Cue, cue_kinds, find_cues
from .results import Finding, Report, stable_id

SHINGLE = 3  # words a key covers: short enough that a one-word edit leaves keys intact
MIN_WORDS = 4  # a recurring run shorter than this is a name or a product, never evidence
MIN_OTHERS = 2  # other documents a key must recur in before it is evidence
PASSAGE = 1.3  # a foreign stretch this much longer than the run is a passage, not a run
TEMPLATE_SHARE = 0.9  # of a paragraph's words recurring: the paragraph is a template
GAP = 1  # words: an edited word inside a recurring run does not split it
FRAGMENT_KINDS = ("foreign_fragment", "spam_fragment")

# Log-odds, on flag.py's scale: the prior that a run is legitimate, the position cues
# (flag.GLUED, flag.LOWERCASE_START, flag.ALIGNED), and the recurrence, growing with the
# log of how many other documents hold the phrase.
PRIOR = -4.0
GLUED, LOWERCASE_START, BOUNDARY = 3.0, 1.5, 1.5
FOREIGN = 2.0
CUE, CUE_MAX = 1.5, 3.0
RECURRING_BASE, RECURRING_PER_DOUBLING, RECURRING_MAX = 2.0, 1.0, 5.0

_WORD_RE = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
_URL_RE = regex.compile(r"(?:https?://|www\.)\S+")
# A sentence ends at final punctuation, unless it sits between two digits (3.5) or inside
# a URL (masked before).
_END_RE = regex.compile(r"[.!?…。！？]+(?!\d)")
# A quotation inside the run: what recurs is a quote (a proverb, a motto), not a campaign
# (a straight apostrophe is mostly an apostrophe).
_QUOTATION_RE = regex.compile(
    "["
    + regex.escape("".join(sorted(OPENING_QUOTES - {"'"})))
    + "][^\\n]{3,}?["
    + regex.escape("".join(sorted(CLOSING_QUOTES - {"'"})))
    + "]"
)

_VERBS = {
    "glued": "glued into",
    "paragraph_end": "appended to paragraphs of",
    "mid_paragraph": "inserted between the sentences of",
    "inside_sentence": "inside sentences of",
}


def recurrence_weight(others: int) -> float:
    """Log-odds a phrase gains from recurring in ``others`` other documents.

    >>> recurrence_weight(1), recurrence_weight(2), recurrence_weight(4), recurrence_weight(500)
    (0.0, 3.0, 4.0, 5.0)
    """
    if others < MIN_OTHERS:
        return 0.0
    return min(RECURRING_MAX, RECURRING_BASE + RECURRING_PER_DOUBLING * math.log2(others))


@dataclass(frozen=True)
class _Piece:
    """A sentence, or what is left of one, on one line."""

    start: int
    end: int
    words: tuple[tuple[int, int, str], ...]  # (start, end, normalised)
    index: int  # in its line
    count: int  # pieces on the line
    final: bool  # ends with sentence-final punctuation
    glued_before: bool  # no space between the previous piece's full stop and this one
    after_full_stop: bool  # the previous piece ends with a full stop


def _pieces(text: str) -> list[_Piece]:
    masked = _URL_RE.sub(lambda m: "u" * len(m.group()), text)
    out: list[_Piece] = []
    offset = 0
    for line in masked.split("\n"):
        spans: list[tuple[int, int, bool]] = []  # start, end, ends with final punctuation
        begin = 0
        for m in _END_RE.finditer(line):
            spans.append((begin, m.end(), True))
            begin = m.end()
        if line[begin:].strip():
            spans.append((begin, len(line), False))
        found = [(offset + w.start(), offset + w.end(), w.group()) for w in _WORD_RE.finditer(line)]
        kept = []
        at = 0
        for start, end, final in spans:
            first = at
            while at < len(found) and found[at][0] < offset + end:
                at += 1
            if at > first:
                words = tuple((a, b, word.casefold()) for a, b, word in found[first:at])
                kept.append((start, end, final, words))
        for i, (start, end, final, words) in enumerate(kept):
            previous = kept[i - 1] if i else None
            glued = (
                previous is not None
                and previous[2]
                and start == previous[1]
                and words[0][0] - offset == start
            )
            out.append(
                _Piece(
                    offset + start,
                    offset + end,
                    words,
                    i,
                    len(kept),
                    final,
                    bool(glued),
                    previous is not None and line[previous[1] - 1] == ".",
                )
            )
        offset += len(line) + 1
    return out


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> int:
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "little")


# Odd 64-bit multipliers, one per place in a shingle: "a b c" and "c b a" differ.
_PLACES = np.array([0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x9FB21C651E98DF25], dtype=np.uint64)
_EMPTY = np.zeros(0, dtype=np.uint64)
_COUNT_MAX = 0xFFFF


def _shingles(pieces: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """The keys of each piece's shingles, in order: its words' blake2b keys, mixed (the
    whole document at once; a shingle never crosses from one piece into the next)."""
    flat = [word for words in pieces for word in words]
    if len(flat) < SHINGLE:
        return [_EMPTY for _ in pieces]
    hashed = np.fromiter(map(_word_key, flat), np.uint64, len(flat))
    n = len(flat) - SHINGLE + 1
    key = np.zeros(n, dtype=np.uint64)
    for place in range(SHINGLE):
        key = (key ^ hashed[place : place + n]) * _PLACES[place]  # wraps modulo 2**64
    key ^= key >> np.uint64(29)
    out = []
    at = 0
    for words in pieces:
        out.append(key[at : at + max(0, len(words) - SHINGLE + 1)])
        at += len(words)
    return out


def keys(text: str) -> np.ndarray:
    """The distinct fragment keys of one document's text (what the first pass counts):
    the words of ``_pieces``, found without their offsets."""
    masked = _URL_RE.sub(lambda m: "u" * len(m.group()), text)
    pieces = [
        [word.casefold() for word in _WORD_RE.findall(part)]
        for line in masked.split("\n")
        for part in _END_RE.split(line)
    ]
    found = _shingles(pieces)
    unique: np.ndarray = np.unique(np.concatenate(found)) if found else _EMPTY
    return unique


class Sketch:
    """In how many documents each key occurs, in fixed memory: a count-min sketch with
    conservative update, so a count is never below the truth and rarely above it.

    >>> sketch = Sketch(width_bits=10)
    >>> for text in ["one two three four", "One, two; THREE four 4", "five six seven"]:
    ...     sketch.add(keys(text))
    >>> sketch.count(keys("one two three four")).tolist()
    [2, 2]
    """

    # Odd 64-bit multipliers, one a row (multiply-shift hashing); fixed: counts reproduce.
    _MULTIPLIERS = np.array(
        [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
        dtype=np.uint64,
    )

    def __init__(self, width_bits: int = 20) -> None:
        self.bits = width_bits
        # 16-bit counters: a count stops at 65,535 documents, far past any evidence weight
        self.table = np.zeros((len(self._MULTIPLIERS), 1 << width_bits), dtype=np.uint16)
        self.documents = 0
        self._rows = np.arange(len(self._MULTIPLIERS))[:, None]

    def _cells(self, keys: np.ndarray) -> np.ndarray:
        product = keys[None, :] * self._MULTIPLIERS[:, None]  # wraps modulo 2**64, as meant
        cells: np.ndarray = (product >> np.uint64(64 - self.bits)).astype(np.intp)
        return cells

    def add(self, keys: np.ndarray) -> None:
        """Count one document holding these (distinct) keys."""
        self.documents += 1
        if not len(keys):
            return
        cells = self._cells(keys)
        current = self.table[self._rows, cells]
        floor = np.minimum(current.min(axis=0), np.uint16(_COUNT_MAX - 1)) + np.uint16(1)
        self.table[self._rows, cells] = np.maximum(current, floor)

    def add_counts(self, keys: np.ndarray, counts: np.ndarray) -> None:
        """Count ``keys`` (distinct) as held by ``counts`` documents each, counted elsewhere
        (a DataFrame-wide aggregation). A cell keeps the largest count put in it, so the
        order keys come in does not matter; ``documents`` is left to the caller.

        >>> sketch = Sketch(width_bits=10)
        >>> sketch.add_counts(keys("one two three four"), np.array([3, 5]))
        >>> sketch.count(keys("one two three four")).tolist()
        [3, 5]
        """
        if not len(keys):
            return
        cells = self._cells(keys)
        rows = np.broadcast_to(self._rows, cells.shape)
        clipped = np.minimum(np.asarray(counts), _COUNT_MAX).astype(np.uint16)
        np.maximum.at(self.table, (rows, cells), np.broadcast_to(clipped, cells.shape))

    def count(self, keys: np.ndarray) -> np.ndarray:
        """How many documents hold each key (an upper bound)."""
        if not len(keys):
            return np.zeros(0, dtype=np.uint16)
        found: np.ndarray = self.table[self._rows, self._cells(keys)].min(axis=0)
        return found


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    others: int
    position: str  # "" where the run sits where nothing is injected
    reasons: tuple[str, ...]
    weight: float  # log-odds of the position and the run's own cues


def _quoted(text: str, piece: _Piece, start: int, end: int) -> bool:
    before = text[piece.start : start]
    opened = sum(c in OPENING_QUOTES and c not in CLOSING_QUOTES for c in before)
    closed = sum(c in CLOSING_QUOTES and c not in OPENING_QUOTES for c in before)
    straight = sum(c in OPENING_QUOTES and c in CLOSING_QUOTES for c in before)
    return opened > closed or straight % 2 == 1 or text[end : end + 1] in CLOSING_QUOTES


def _foreign(report: Report, words: Sequence[tuple[int, int, str]]) -> bool:
    """Most of the run's words are in another language, and not capitalised: a phrase, not
    a name or a product (``Gardena Comfort Flex``) going on in a host sentence. Not in a
    multilingual document (language is no evidence there), nor inside a longer passage in
    that language (a quoted comment: what recurs is part of it, not pasted in)."""
    if report.multilingual or not words:
        return False
    start, end = words[0][0], words[-1][1]
    foreign = 0
    reach = [start, end]
    for s in report.segments:
        if s.end <= start or s.start >= end:
            continue
        if s.language is not None and s.language != report.language:
            reach = [min(reach[0], s.start), max(reach[1], s.end)]
    for a, _b, _ in words:
        if report.text[a : a + 1].isupper():
            continue
        for s in report.segments:
            if s.start <= a < s.end:
                foreign += s.language is not None and s.language != report.language
                break
    passage = reach[1] - reach[0] > PASSAGE * (end - start)
    return foreign * 2 > len(words) and not passage


def _runs(report: Report, counts: Sketch) -> list[_Run]:
    text = report.text
    pieces = _pieces(text)
    by_line: dict[int, list[_Piece]] = {}
    line = 0
    for piece in pieces:
        if piece.index == 0:
            line += 1
        by_line.setdefault(line, []).append(piece)
    # One look-up for the whole document: the sketch costs per call, not per key.
    shingles = _shingles([[w[2] for w in piece.words] for piece in pieces])
    flat = counts.count(np.concatenate(shingles)).tolist() if shingles else []
    recurs: dict[int, list[int]] = {}
    at = 0
    for piece, piece_keys in zip(pieces, shingles, strict=True):
        recurs[id(piece)] = [c - 1 for c in flat[at : at + len(piece_keys)]]
        at += len(piece_keys)
    lines = []
    for line_pieces in by_line.values():
        found = [(piece, *_recurring(piece, recurs[id(piece)])) for piece in line_pieces]
        # (a piece too short for a key, "Veel plezier!", neither recurs nor is new)
        words = sum(len(piece.words) for piece in line_pieces if len(piece.words) >= SHINGLE)
        lines.append((found, words, sum(covered for _, _, covered in found)))
    # A document that recurs (nearly) whole is a copy of another (a repost, an archive
    # that holds a page twice): what recurs is all of it, not a phrase pasted in.
    if sum(c for _, _, c in lines) >= TEMPLATE_SHARE * sum(w for _, w, _ in lines):
        return []
    runs: list[_Run] = []
    cues: list[tuple[Cue, ...]] = []  # the document's spam cues, found once when needed
    for found, words, covered in lines:
        # A paragraph that recurs (nearly) whole is a template: a disclaimer, chrome.
        template = covered >= TEMPLATE_SHARE * words
        for piece, spans, _ in found:
            for first, last, others in spans:
                run = _judge(report, piece, (first, last, others), template, cues)
                if run is not None:
                    runs.append(run)
    return runs


def _recurring(piece: _Piece, others: list[int]) -> tuple[list[tuple[int, int, int]], int]:
    """The piece's recurring runs of words (first, last, other documents), and how many of
    its words recur; ``others``: in how many other documents each of its shingles is."""
    if not others:
        return [], 0
    covered = [False] * len(piece.words)
    for i, n in enumerate(others):
        if n >= MIN_OTHERS:
            covered[i : i + SHINGLE] = [True] * SHINGLE
    spans: list[tuple[int, int, int]] = []
    first = last = -1
    for j, hit in enumerate(covered):
        if not hit:
            continue
        if first >= 0 and j - last - 1 <= GAP:
            last = j
            continue
        if first >= 0:
            spans.append(_span(others, first, last, len(covered)))
        first = last = j
    if first >= 0:
        spans.append(_span(others, first, last, len(covered)))
    return [s for s in spans if s[1] - s[0] + 1 >= MIN_WORDS], sum(covered)


def _span(others: list[int], first: int, last: int, words: int) -> tuple[int, int, int]:
    """A recurring run, reaching the piece's edge when an edit near it left a few words
    uncovered (an edited last word breaks every shingle it is in)."""
    n = _others(others, first, last)
    first = 0 if first < SHINGLE else first
    last = words - 1 if words - 1 - last < SHINGLE else last
    return first, last, n


def _others(others: list[int], first: int, last: int) -> int:
    inside = [n for n in others[first : max(first, last - SHINGLE + 1) + 1] if n >= MIN_OTHERS]
    return median_low(inside) if inside else MIN_OTHERS


def _judge(
    report: Report,
    piece: _Piece,
    span: tuple[int, int, int],
    template: bool,
    found: list[tuple[Cue, ...]],
) -> _Run | None:
    text = report.text
    first, last, others = span
    start, end = piece.words[first][0], piece.words[last][1]
    if _quoted(text, piece, start, end) or _QUOTATION_RE.search(text, start, end):
        return None
    whole = first == 0 and last == len(piece.words) - 1
    if not found:
        found.append(find_cues(text))
    cues = cue_kinds(found[0], start, end)
    if (template or (whole and piece.count == 1)) and not cues:
        return None  # a line of its own, a recurring paragraph: chrome, a sign-off
    foreign = _foreign(report, piece.words[first : last + 1])
    reasons: list[str] = []
    weight = 0.0
    position = ""
    if first == 0 and piece.glued_before:
        position, weight = "glued", GLUED
        reasons.append("glued_to_sentence")
    elif first == 0 and piece.after_full_stop and text[start : start + 1].islower():
        position, weight = "mid_paragraph", LOWERCASE_START
        reasons.append("lowercase_sentence_start")
    if last == len(piece.words) - 1 and not piece.final and piece.index + first > 0:
        if not position:
            position, weight = "paragraph_end", BOUNDARY
            reasons.append("sentence_boundary")
    elif whole and 0 < piece.index < piece.count - 1 and not position:
        position, weight = "mid_paragraph", BOUNDARY
        reasons.append("sentence_boundary")
    if foreign:
        weight += FOREIGN
        reasons.append("language_mismatch")
    if cues:
        weight += min(CUE_MAX, CUE * len(cues))
        reasons.extend(cues)
    if not position:
        if not (foreign or cues):
            return None  # inside a sentence, or where a sentence may stand: no cue of its own
        position = (
            "inside_sentence" if not whole else "own_line" if piece.count == 1 else "mid_paragraph"
        )
    return _Run(start, end, others, position, tuple(reasons), weight)


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def _detail(position: str, others: int) -> str:
    verb = _VERBS.get(position, "found in")
    return f"the same phrase is {verb} {others} other documents of this run"


def recurring(report: Report, counts: Sketch, threshold: float = 0.5) -> Report:
    """``report`` with the evidence of the run's other documents: a fragment finding whose
    phrase recurs gains ``recurring``; a recurring run in an injection-like position that
    scores at least ``threshold`` with it becomes a finding. ``counts`` holds this
    document's keys too (it is one of the run)."""
    if report.language is None:
        return report
    findings = list(report.findings)
    added = False
    for run in _runs(report, counts):
        gain = recurrence_weight(run.others)
        if not gain:
            continue
        overlapping = [i for i, f in enumerate(findings) if f.start < run.end and f.end > run.start]
        if overlapping:
            for i in overlapping:
                f = findings[i]
                if f.kind in FRAGMENT_KINDS and "recurring" not in f.reasons:
                    findings[i] = replace(
                        f,
                        score=1 / (1 + math.exp(-(_logit(f.score) + gain))),
                        reasons=(*f.reasons, "recurring"),
                        detail=f"{f.detail}; {_detail(run.position, run.others)}",
                    )
                    added = True
            continue
        logit = PRIOR + run.weight + gain
        score = 1 / (1 + math.exp(-logit))
        if score < threshold:
            continue
        kind = "foreign_fragment" if "language_mismatch" in run.reasons else "spam_fragment"
        fragment = report.text[run.start : run.end]
        language = report.language if kind == "spam_fragment" else _language(report, run)
        what = f"{language_name(language)} text" if language else "text"
        findings.append(
            Finding(
                kind=kind,
                start=run.start,
                end=run.end,
                text=fragment,
                language=language,
                score=score,
                reasons=(*run.reasons, "recurring"),
                detail=f"{what} recurring across the run; {_detail(run.position, run.others)}",
                id=stable_id(kind, run.start, run.end, fragment),
                position=run.position,
            )
        )
        added = True
    if not added:
        return report
    return replace(report, findings=tuple(sorted(findings, key=lambda f: (f.start, f.end, f.kind))))


def _language(report: Report, run: _Run) -> str | None:
    shares: dict[str, int] = {}
    for s in report.segments:
        if s.start < run.end and s.end > run.start and s.language and s.language != report.language:
            shares[s.language] = (
                shares.get(s.language, 0) + min(s.end, run.end) - max(s.start, run.start)
            )
    return max(sorted(shares), key=shares.__getitem__) if shares else None
