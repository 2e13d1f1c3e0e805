"""Language identification: a deterministic naive Bayes over langdetect's shipped profiles.

langdetect samples n-grams at random and so needs a seed to be repeatable; the profiles
themselves are good. Here every 1–3-gram of a word is scored (no sampling), a word's
language evidence is cached, and a Viterbi pass with a switching cost turns word evidence
into language runs inside a line. The only module that imports langdetect; optional
detector backends (``backends``) give the same per-word evidence from other libraries.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import threading
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple, Protocol

import numpy as np
import regex
from langdetect.utils.ngram import NGram

from . import modelcache
from .chardata import (
    CLAUSE_PUNCT,
    CLOSE_LANGUAGES,
    SENTENCE_END,
    SENTENCE_FINAL,
    STYLED_SCRIPTS,
    UNSPACED_SCRIPTS,
    char_script,
    unstyled,
)
from .frequency import LIST_FLOOR, lists
from .hanforms import has_chinese_forms, has_kana
from .segment import Token, line_ranges
from .speedups import viterbi

#: Fallback for a language with no gram of some length (langdetect's own smoothing).
_SMOOTHING = 0.5 / 10_000
#: A gram a profile pruned away scores this fraction of that profile's rarest kept gram.
_ABSENT_FRACTION = 0.1
#: One word moves a language's log-odds by at most this much: a name, typo or loanword
#: cannot outvote the words around it.
WORD_EVIDENCE_CAP = 10.0
#: Nats a word of kanji shared by Chinese and Japanese is more Chinese than Japanese at most.
SHARED_HAN_MARGIN = 0.5
#: Nats a word with kana (Japanese) or a simplified form (Chinese) is that language's above
#: any other profile's reading of it.
OWN_LETTER_MARGIN = 3.0
#: Profile names we report under another code.
_RENAME = {"zh-cn": "zh", "zh-tw": "zh", "no": "nb"}
#: Words the evidence cache holds before it starts afresh. A cached word costs about 0.5 KB
#: (its row, its key); the bound is met within the first tens of MB of a real stream, so a
#: long run's memory is flat after that, and a text's frequent words are back in the cache
#: right after a reset (first sight of every word makes a text about 1.5× slower).
_CACHE_LIMIT = 50_000
#: Rows of the profile table built at a time while loading (bounds the loading peak).
_LOAD_ROWS = 8192
#: A word with more grams than this (a run of 1 000-odd letters) is summed by counting its
#: distinct grams, in memory that does not grow with the word.
_LONG_WORD_GRAMS = 4096
#: Log-probability charged for an n-gram that no profile knows (rarer than any kept gram).
_UNKNOWN_GRAM = -14.0
_HAN = regex.compile(r"\p{Han}")
_HANGUL = regex.compile(r"\p{Hangul}")
_UNSPACED_LETTERS = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]{2}"
)


class _Normalised(dict[int, str]):
    """``str.translate`` table that applies langdetect's per-character normalisation,
    computing each character once (it walks a table of Unicode blocks per call)."""

    def __missing__(self, code: int) -> str:
        value: str = NGram.normalize(chr(code))
        self[code] = value
        return value


_NORMALISED = _Normalised()


class Identifier(Protocol):
    """What the identify stage needs from a language model (a detector backend).

    ``languages`` are the evidence columns (ISO 639-1 codes as texthygiene reports them) and
    ``column`` maps a code to its column. A row of ``evidence_matrix`` is one word's
    log-posterior per language relative to the best (0), floored at ``-WORD_EVIDENCE_CAP``;
    all zeros means no evidence. ``identify`` names the language of a whole word sequence
    with its probability (None when there is no signal).
    """

    languages: tuple[str, ...]
    column: dict[str, int]

    def evidence_matrix(self, words: Sequence[str]) -> np.ndarray: ...

    def identify(self, words: Sequence[str]) -> tuple[str | None, float]: ...


class CachedEvidence:
    """Word evidence computed once per distinct word and kept as a row of one matrix.

    A text's evidence is then a single fancy-indexing copy rather than a stack of per-word
    arrays, and a text's new words are computed together. The cache is bounded
    (``_CACHE_LIMIT`` new words, then it starts afresh) and safe to share between threads.
    Subclasses provide ``_vectors``.
    """

    def __init__(self, languages: Sequence[str]) -> None:
        self.languages: tuple[str, ...] = tuple(languages)
        self.column: dict[str, int] = {code: i for i, code in enumerate(self.languages)}
        self._rows: dict[str, int] = {}
        self._matrix: np.ndarray = np.empty((1024, len(self.languages)), dtype=np.float32)
        self._guard = threading.Lock()

    def _vectors(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Evidence of each word over ``languages`` before the cap ([len(words), languages],
        float32), and which words have any (the others' rows are ignored)."""
        raise NotImplementedError

    def word_evidence(self, word: str) -> np.ndarray:
        """Log-posterior of each language for one word, relative to the best, capped.

        The best language scores 0 and no language scores below ``-WORD_EVIDENCE_CAP``;
        a word with no evidence gives all zeros.
        """
        matrix: np.ndarray = self.evidence_matrix([word])[0]
        return matrix

    def evidence_matrix(self, words: Sequence[str]) -> np.ndarray:
        """``word_evidence`` of every word, one row each: [len(words), len(languages)]."""
        with self._guard:  # rows are assigned and gathered as one step
            missing = [*dict.fromkeys(word for word in words if word not in self._rows)]
            if len(self._rows) + len(missing) > _CACHE_LIMIT:
                # Before, not during: the rows gathered below must stay valid.
                self._clear()
                missing = [*dict.fromkeys(words)]
            if missing:
                self._add(missing)
            rows = self._rows
            return self._matrix[[rows[word] for word in words]]

    def identify(self, words: Sequence[str]) -> tuple[str | None, float]:
        """The most likely language of a word sequence and its posterior probability."""
        if not words:
            return None, 0.0
        total = self.evidence_matrix(words).sum(axis=0)
        if not total.any():
            return None, 0.0
        return self.languages[int(total.argmax())], softmax_top(total)

    def _add(self, words: Sequence[str]) -> None:
        """Compute new words' evidence together (one numpy pass for a text's new words)."""
        first = len(self._rows)
        end = first + len(words)
        if end > len(self._matrix):
            size = max(end, min(2 * len(self._matrix), _CACHE_LIMIT))  # no slack past the bound
            grown = np.empty((size, len(self.languages)), np.float32)
            grown[:first] = self._matrix[:first]
            self._matrix = grown
        vectors, known = self._vectors(words)
        block = np.zeros((len(words), len(self.languages)), dtype=np.float32)
        if known.any():
            found = vectors[known]
            block[known] = np.maximum(found - found.max(axis=1)[:, None], -WORD_EVIDENCE_CAP)
        self._matrix[first:end] = block
        for n, word in enumerate(words):
            self._rows[word] = first + n

    def _clear(self) -> None:
        self._rows = {}
        self._matrix = np.empty((1024, len(self.languages)), dtype=np.float32)


class LanguageModel(CachedEvidence):
    """Per-word language evidence over every language langdetect ships a profile for.

    A word's evidence is naive Bayes over its 1–3-grams, one column per profile; a language
    with two profiles (zh-cn and zh-tw) takes the better of the two, so a word reads as
    Chinese when it reads as either script's Chinese (averaging the profiles would halve
    every gram only one script uses, and hand short Chinese words to Korean). The evidence
    against a language then saturates at ``WORD_EVIDENCE_CAP`` (see ``saturate``).

    The built tables go to the model cache (``modelcache``); a later process maps them in.
    """

    alphabets: dict[str, frozenset[str]]

    def __init__(self) -> None:
        profiles = resources.files("langdetect").joinpath("profiles")
        names = sorted(p.name for p in profiles.iterdir() if not p.name.startswith("."))
        codes = sorted({_RENAME.get(n, n) for n in names})
        super().__init__(codes)
        # One column per profile: first each language's first profile, in ``languages``
        # order, then the languages' further profiles (zh-tw).
        first = {_RENAME.get(n, n): n for n in reversed(names)}
        columns = [first[code] for code in codes] + [n for n in names if n not in first.values()]
        column = {name: n for n, name in enumerate(columns)}
        #: The language of each profile, i.e. of each column of the gram table.
        self.profiles: tuple[str, ...] = tuple(_RENAME.get(name, name) for name in columns)
        #: (language column, profile column) of each further profile of a language.
        self._more_profiles = [
            (self.column[code], p) for p, code in enumerate(self.profiles) if p >= len(codes)
        ]
        self._korean = self.column.get("ko")
        self._chinese, self._japanese = self.column.get("zh"), self.column.get("ja")
        self._kept: dict[str, bytes] = {}
        self._lengths: np.ndarray | None = None  # each table row's gram length
        self._known_counts: dict[str, dict[str, tuple[int, int, int, int]]] = {}
        cache_key = _cache_key(names)
        cached = modelcache.load(cache_key)
        if cached is not None:
            self._index, self._absent_log, self.alphabets, self._log = cached
            return
        index: dict[str, int] = {}
        # Loading stays lean: each profile's grams become arrays at once (no lists of
        # Python numbers across profiles) and the table is built a slice of rows at a time,
        # so the peak is not the float64 table and its copies (this peak once outweighed a
        # worker's whole steady state and set the batch command's peak memory).
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        probs: list[np.ndarray] = []
        alphabets: dict[str, set[str]] = {}
        for name in names:
            data = json.loads(profiles.joinpath(name).read_text(encoding="utf-8"))
            totals = data["n_words"]
            kept = [(g, count) for g, count in data["freq"].items() if 1 <= len(g) <= 3]
            del data
            alphabets.setdefault(_RENAME.get(name, name), set()).update(
                g for g, _ in kept if len(g) == 1 and g.isalpha()
            )
            rows.append(np.array([index.setdefault(g, len(index)) for g, _ in kept], np.intp))
            probs.append(np.array([c / totals[len(g) - 1] for g, c in kept], np.float64))
            cols.append(np.full(len(kept), column[name], np.intp))
        order = np.argsort(np.concatenate(rows), kind="stable")  # a cell's profiles in order
        entries = (
            np.concatenate(rows)[order],
            np.concatenate(cols)[order],
            np.concatenate(probs)[order],
        )
        del rows, cols, probs, order
        lengths = np.array([len(g) for g in index], dtype=np.int8)
        slices = [(lo, min(lo + _LOAD_ROWS, len(index))) for lo in range(0, len(index), _LOAD_ROWS)]
        # The profiles are pruned: a gram missing from a language was merely rarer there than
        # its pruning cut-off, not impossible. Score it just under that language's rarest
        # kept gram of the same length, not with a near-zero constant ("we " is missing from
        # the English profile; a flat constant would make "we" look un-English).
        rarest = np.full((4, len(columns)), np.inf)
        for lo, hi in slices:
            block = _table_rows(entries, lo, hi, len(columns))
            for n in (1, 2, 3):
                part = block[lengths[lo:hi] == n]
                np.minimum(
                    rarest[n], part.min(axis=0, initial=np.inf, where=part > 0), out=rarest[n]
                )
        rarest[~np.isfinite(rarest)] = _SMOOTHING
        absent = rarest * _ABSENT_FRACTION
        #: Per gram length and profile, the log-probability of a gram the profile lacks:
        #: a table cell above it is a gram the profile knows (see ``known_share``).
        self._absent_log = np.log(absent).astype(np.float32)
        self._index = index
        #: Each language's letters: those one of its profiles keeps (at least one letter in
        #: 10 000 of its text), normalised as langdetect normalises them.
        self.alphabets = {code: frozenset(letters) for code, letters in alphabets.items()}
        # The last row, all zeros, pads gram lists to a common length (``profile_vectors``).
        self._log = np.zeros((len(index) + 1, len(columns)), dtype=np.float32)
        for lo, hi in slices:
            block = _table_rows(entries, lo, hi, len(columns))
            self._log[lo:hi] = np.log(np.where(block > 0, block, absent[lengths[lo:hi]]))
        modelcache.save(
            cache_key, modelcache.Tables(index, self._absent_log, self.alphabets, self._log)
        )

    def grams(self, word: str) -> list[int]:
        """Profile rows of every 1–3-gram of ``word``, normalised as langdetect does."""
        if len(word) > 1 and word.isupper():
            word = word.lower()  # emphasis (DOEN, JIJ): langdetect would skip it entirely
        norm = word.translate(_NORMALISED)
        found: list[int] = []
        get = self._index.get
        for part in norm.split():
            padded = f" {part} "
            for i in range(1, len(padded) - 1):
                for gram in (padded[i], padded[i - 1 : i + 1], padded[i - 1 : i + 2]):
                    row = get(gram)
                    if row is not None:
                        found.append(row)
            row = get(padded[-2:])
            if row is not None:
                found.append(row)
        return found

    def _vectors(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        grams = [self.grams(word) for word in words]
        known = np.array([bool(g) for g in grams], dtype=bool)
        vectors = np.zeros((len(words), len(self.languages)), dtype=np.float32)
        if known.any():
            found = self.profile_vectors([g for g in grams if g])
            # A language's evidence is its best profile's: zh-cn and zh-tw are both zh.
            merged = found[:, : len(self.languages)]
            for column, profile in self._more_profiles:
                np.maximum(merged[:, column], found[:, profile], out=merged[:, column])
            if self._korean is not None:
                # Korean is written in Hangul; its profile knows Han characters from the
                # hanja of its training text, so kanji alone (東京大学) could read as Korean.
                han_only = [
                    _HAN.search(word) is not None and _HANGUL.search(word) is None
                    for word, g in zip(words, grams, strict=True)
                    if g
                ]
                merged[np.array(han_only, dtype=bool), self._korean] = -np.inf
            if self._chinese is not None and self._japanese is not None:
                # Kana are no Chinese letters, a simplified form (购, 们) no Japanese one:
                # the profiles cannot tell (they fold Han characters into classes).
                # Other kanji are both languages' (the profiles read 病人 as Chinese by 9
                # nats): Japanese follows Chinese closely on them, so a kanji word of a
                # Japanese sentence stays Japanese and a text of them alone stays Chinese.
                written = [word for word, g in zip(words, grams, strict=True) if g]
                kana = np.array([has_kana(word) for word in written], dtype=bool)
                han = np.array([_HAN.search(word) is not None for word in written], dtype=bool)
                simplified = np.array(
                    [
                        h and not k and has_chinese_forms(w)
                        for w, k, h in zip(written, kana, han, strict=True)
                    ],
                    dtype=bool,
                )
                shared = han & ~kana & ~simplified
                # The letters make the word the other's, whatever profile happens to hold
                # its folded classes as well (兼职 read as Vietnamese as much as Chinese).
                merged[kana, self._japanese] = merged[kana].max(axis=1) + OWN_LETTER_MARGIN
                merged[simplified, self._chinese] = (
                    merged[simplified].max(axis=1) + OWN_LETTER_MARGIN
                )
                merged[kana, self._chinese] = -np.inf
                merged[simplified, self._japanese] = -np.inf
                ja, zh = merged[shared, self._japanese], merged[shared, self._chinese]
                merged[shared, self._japanese] = np.maximum(ja, zh - SHARED_HAN_MARGIN)
            merged -= merged.max(axis=1, keepdims=True)
            vectors[known] = saturate(merged)
        return vectors, known

    def profile_vectors(self, grams: Sequence[list[int]]) -> np.ndarray:
        """Each word's summed log-probability of its ``grams``, per profile: [words, profiles]."""
        vectors = np.zeros((len(grams), self._log.shape[1]), dtype=np.float32)
        # Words with about as many grams (within a factor of two) are summed together: one
        # gather of [words, grams, profiles], padded with the all-zero last row of the
        # table, then a sum over the grams axis, which adds each word's rows in order as a
        # per-word sum does (so the figures do not change) at a fraction of the calls.
        buckets: dict[int, list[int]] = {}
        for n, g in enumerate(grams):
            if len(g) > _LONG_WORD_GRAMS:
                # A gather of its rows would be [grams, profiles]: gigabytes for one long
                # "word". Each distinct gram's row times its count is the same sum.
                counts = np.bincount(np.array(g, dtype=np.intp))
                present = counts.nonzero()[0]
                vectors[n] = counts[present].astype(np.float32) @ self._log[present]
            elif g:
                buckets.setdefault((len(g) - 1).bit_length(), []).append(n)
        pad = len(self._log) - 1
        for members in buckets.values():
            width = max(len(grams[n]) for n in members)
            index = np.full((len(members), width), pad, dtype=np.intp)
            for m, n in enumerate(members):
                index[m, : len(grams[n])] = grams[n]
            vectors[members] = self._log[index].sum(axis=1)
        return vectors

    def known_grams(self, words: Sequence[str], language: str) -> tuple[int, int, int, int]:
        """How much of ``words`` ``language``'s profiles know: (letters, letters none of its
        profiles keeps, padded trigrams, trigrams one of its profiles keeps).

        A profile keeps every letter a language writes at least once in 10 000 and its
        frequent trigrams, so letters it lacks, or a low share of known trigrams, say the
        text is in some other language the profiles do not cover.
        """
        # Every text asks this of its first words, most of them words seen before: each
        # word's counts are kept (bounded as the evidence cache is) and summed.
        counts = self._known_counts.get(language)
        if counts is None or len(counts) > _CACHE_LIMIT:
            counts = self._known_counts[language] = {}
        letters = foreign = trigrams = known = 0
        for word in words:
            found = counts.get(word)
            if found is None:
                found = counts[word] = self._word_known_grams(word, language)
            letters += found[0]
            foreign += found[1]
            trigrams += found[2]
            known += found[3]
        return letters, foreign, trigrams, known

    def _word_known_grams(self, word: str, language: str) -> tuple[int, int, int, int]:
        """``known_grams`` of one word."""
        kept = self._kept_rows(language)
        get = self._index.get
        norm = word.lower().translate(_NORMALISED)
        letters = kept_letters = 0
        for ch in norm:
            if ch.isalpha():
                letters += 1
                row = get(ch)
                if row is not None:
                    kept_letters += kept[row]
        padded = f" {norm} "
        trigrams = max(0, len(padded) - 2)
        kept_trigrams = 0
        for i in range(len(padded) - 2):
            row = get(padded[i : i + 3])
            if row is not None:
                kept_trigrams += kept[row]
        return letters, letters - kept_letters, trigrams, kept_trigrams

    def _kept_rows(self, language: str) -> bytes:
        """Per table row, 1 where one of ``language``'s profiles keeps that gram (it scores
        above the value a pruned one gets, see ``_absent_log``), else 0."""
        kept = self._kept.get(language)
        if kept is None:
            profiles = [p for p, code in enumerate(self.profiles) if code == language]
            if self._lengths is None:
                self._lengths = np.fromiter(map(len, self._index), np.intp, len(self._index))
            lengths = self._lengths
            cells = self._log[: len(self._index), profiles]
            floor = self._absent_log[lengths[:, None], np.array(profiles, dtype=np.intp)]
            kept = self._kept[language] = (cells > floor + 1e-4).any(axis=1).tobytes()
        return kept

    def plausibility(self, words: Sequence[str]) -> float:
        """How much ``words`` read as real language: the best profile's mean log-probability
        per n-gram, an n-gram no profile knows counting as a very unlikely one.

        Mojibake and wrong decodings are full of n-grams no language uses, so the decoding
        that reads as a real language scores highest.
        """
        total = np.zeros(self._log.shape[1], dtype=np.float64)  # per profile
        grams = unknown = 0
        for word in words:
            rows = self.grams(word)
            known = len(rows)
            size = _gram_count(word)
            unknown += max(0, size - known)
            grams += max(size, known)
            if rows:
                total += self._log[rows].sum(axis=0)
        if grams == 0:
            return _UNKNOWN_GRAM
        return float((total.max() + unknown * _UNKNOWN_GRAM) / grams)


def _cache_key(names: Sequence[str]) -> str:
    """The model cache's name for the tables built from the profiles ``names`` by this
    module's code."""
    import langdetect

    profiles = resources.files("langdetect").joinpath("profiles")
    return modelcache.key(
        [
            Path(__file__).read_bytes(),
            getattr(langdetect, "__version__", "").encode(),
            np.__version__.encode(),
            *(
                f"{name} {Path(str(profiles.joinpath(name))).stat().st_size}".encode()
                for name in names
            ),
        ]
    )


def _table_rows(
    entries: tuple[np.ndarray, np.ndarray, np.ndarray], lo: int, hi: int, width: int
) -> np.ndarray:
    """Rows ``lo:hi`` of the probability table (gram × profile, float64) from the profile
    entries (row, column, probability; sorted by row)."""
    rows, cols, probs = entries
    first, last = np.searchsorted(rows, (lo, hi))
    block = np.zeros((hi - lo, width), dtype=np.float64)
    np.add.at(block, (rows[first:last] - lo, cols[first:last]), probs[first:last])
    return block


def _gram_count(word: str) -> int:
    """How many 1–3-grams ``LanguageModel.grams`` looks up for a word of this length."""
    return 3 * len(word) + 1


def saturate(evidence: np.ndarray) -> np.ndarray:
    """Word evidence (log-likelihood relative to the best language, ≤ 0) made robust.

    A word is in its segment's language with probability 1 − ε and otherwise could be
    anything (a name, a loanword, a typo): a language's likelihood ratio to the best, r,
    becomes (1 − ε)·r + ε, so the evidence against a language saturates at log ε
    (``-WORD_EVIDENCE_CAP``) instead of being clipped there. Clipping made every language a
    word rules out equal, and two words that each rule out the other's language tied; here
    a language a word nearly rules out still scores above one it rules out entirely.

    >>> [round(float(x), 2) for x in saturate(np.array([0.0, -5.0, -10.0, -50.0]))]
    [0.0, -4.99, -9.31, -10.0]
    """
    # In float64: a language ruled out by 20 nats or more must still score a little above
    # one ruled out by 30, and float32 cannot tell ε + e⁻²⁰ from ε.
    robust: np.ndarray = np.expm1(evidence, dtype=np.float64)
    robust *= 1.0 - math.exp(-WORD_EVIDENCE_CAP)
    np.log1p(robust, out=robust)
    np.maximum(robust, -WORD_EVIDENCE_CAP, out=robust)
    return robust.astype(np.float32)


def softmax_top(scores: np.ndarray) -> float:
    """Probability of the best entry of a log-score vector."""
    shifted = np.exp(scores - scores.max())
    return float(1.0 / shifted.sum())


# Costs (in nats of evidence) of switching language between two words, by what separates
# them: injected text tends to start at a sentence boundary or a script change, and a
# switch in the middle of a plain run of words needs strong evidence.
SWITCH_SCRIPT = 0.5
SWITCH_SENTENCE = 2.5
SWITCH_CLAUSE = 5.0
SWITCH_CAPITAL = 4.0
SWITCH_PLAIN = 9.0
#: Weight of a capitalised word inside a sentence: likely a name, weak language evidence.
NAME_WEIGHT = 0.5
#: Weight of a word's frequency evidence (its log-frequency ratio between two languages,
#: in nats) next to its n-gram evidence. Chosen on the train split (see ``frequency_evidence``).
FREQUENCY_WEIGHT = 1.0
#: A disputed word's frequency is looked up in the host's languages and in this many of its
#: best other languages by n-grams.
FREQUENCY_CONTENDERS = 2
_LN10 = math.log(10.0)
#: Disputed words up to which ``frequency_evidence`` finds each word's contenders with one
#: stable sort rather than an argmax pass per contender (the sort's cost grows faster).
_SORTED_WORDS = 8
#: A text of at most this many words has its host chosen with frequencies among the
#: n-grams' ``HOST_CONTENDERS`` runners-up too, not only among close languages: on a few
#: words the n-grams' lead is slight; on more it is decisive, and the look-ups would cost a
#: long text's throughput. Chosen on the realworld train split (18 host languages): word
#: pairs of its sentences 0.788 -> 0.849 (2 contenders 0.835, 10 0.852), its sentences of
#: 3-40 words 0.981 -> 0.984 (8 words 0.984, 40 no better than 16). Each contender's list
#: is read on its first use (5-7 ms).
SHORT_TEXT_WORDS = 16
#: The script of a text's first word and of most of its first sentence is its host's when
#: it has at least this share of the largest script's words: injected phrases follow the
#: host's first words, and in a short text (a tweet, a recipe line) one can be as long as
#: the host's. Chosen on the realworld train split (0.5, with the conditions below:
#: different script found 884 -> 887 of 924, span precision 97.0% -> 97.2%).
OPENING_SHARE = 0.5
HOST_CONTENDERS = 6
#: Weight of the frequencies in choosing the host among those languages (``close_host``).
#: Chosen on the same train split (its word pairs / sentences): 1.0 0.849 / 0.984, 2.0
#: 0.872 / 0.985, 4.0 0.881 / 0.986, 10.0 0.882 / 0.986.
HOST_FREQUENCY_WEIGHT = 4.0


def _ends_first_sentence(tokens: Sequence[Token], i: int) -> bool:
    """Word ``i`` is followed by a full stop or a line break before the next word."""
    for token in itertools.islice(tokens, i + 1, None):
        if token.kind in ("word", "newline") or token.text in SENTENCE_FINAL:
            return token.kind != "word"
    return True


def _on_one_line(tokens: Sequence[Token], words: Sequence[int], group: str) -> bool:
    """The words of script ``group`` (among ``words``, token indices) are all on one line."""
    inside = [i for i in words if tokens[i].group == group]
    return not any(tokens[k].kind == "newline" for k in range(inside[0], inside[-1]))


class EvidenceRows(Mapping[int, np.ndarray]):
    """Token index → that word's row of the evidence matrix, made on look-up (a view per
    word of a 1 MB text would be 170 000 objects that the flagging stage mostly never reads).
    """

    def __init__(self, matrix: np.ndarray, words: Sequence[int]) -> None:
        self._matrix = matrix
        self._words = words
        self._rows: dict[int, int] | None = None  # made on the first look-up: most texts have none

    @property
    def _row(self) -> dict[int, int]:
        if self._rows is None:
            self._rows = dict(zip(self._words, range(len(self._words)), strict=True))
        return self._rows

    def __getitem__(self, token: int) -> np.ndarray:
        row: np.ndarray = self._matrix[self._row[token]]
        return row

    def __contains__(self, token: object) -> bool:
        return token in self._row

    def __iter__(self) -> Iterator[int]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


class WordLanguages(NamedTuple):
    """The identify stage's output for one text."""

    host: str | None  # dominant language
    host_script: str | None  # dominant script group
    labels: list[str | None]  # per token: language of the run it is in (None: no signal)
    confidences: list[float]  # per token: posterior of that run's language
    weights: list[float]  # per token: how much its evidence counts
    evidence: Mapping[int, np.ndarray]  # per language word: evidence, host columns merged
    languages: tuple[str, ...]  # the language of each evidence column
    #: Words of sentences judged apart from the host's close languages: each such sentence
    #: has a letter only a close language writes (see ``_close_letters``).
    close_letters: frozenset[int] = frozenset()


#: Words whose shape is remembered: the frequent ones, which are most of a text's (each
#: entry costs ~200 bytes in every batch worker; a shape costs a microsecond to find again).
_SHAPES_KEPT = 8192


@lru_cache(maxsize=_SHAPES_KEPT)
def _shape(word: str) -> tuple[float, bool]:
    """A word's weight from its shape alone, and whether it is capitalised like a name."""
    # No letter is a digit (tests check every code point): most words are all letters, and
    # are told so by one call.
    if not word.isalpha() and any(c.isdigit() for c in word):
        # A number or code (mp3, 4G) tells no language; a run of an unspaced script is one
        # token however many digits it holds (駐車場で1日), and its letters still do.
        return (1.0 if _UNSPACED_LETTERS.search(word) else 0.0), False
    if len(word) == 1:
        return 0.3, False
    return 1.0, word[0].isupper() and not word.isupper()


def _sentence_initial(tokens: Sequence[Token], i: int) -> bool:
    for j in range(i - 1, -1, -1):
        token = tokens[j]
        if token.kind == "newline":
            return True
        if token.kind == "space" or (token.kind == "other" and token.text in CLAUSE_PUNCT):
            continue
        return token.kind == "other" and token.text in SENTENCE_END
    return True


def _switch_costs(tokens: Sequence[Token], line_words: Sequence[int]) -> list[float]:
    """Cost of a language switch before each word of a line (0 before the first): cheap at
    a script change or a sentence end, dearer at a clause break or a capital, dearest
    inside a plain run of words."""
    costs = [0.0]
    for before, after in itertools.pairwise(line_words):
        token = tokens[after]
        if token.group != tokens[before].group:
            costs.append(SWITCH_SCRIPT)
            continue
        if not (after == before + 2 and tokens[before + 1].kind == "space"):  # not the usual
            gap = tokens[before + 1 : after]
            if any(t.kind == "other" and t.text in SENTENCE_END for t in gap):
                costs.append(SWITCH_SENTENCE)
                continue
            if any(t.kind != "space" for t in gap):
                costs.append(SWITCH_CLAUSE)
                continue
        if token.script in UNSPACED_SCRIPTS:
            # Chinese and Japanese write no space inside a sentence: one is a break, as a
            # clause's is (``…になった。 兼职 彼は…``: a pasted word between two spaces).
            costs.append(SWITCH_CLAUSE)
            continue
        costs.append(SWITCH_CAPITAL if token.text[:1].isupper() else SWITCH_PLAIN)
    return costs


def identify_words(
    tokens: Sequence[Token],
    allowed_languages: frozenset[str],
    allowlisted: frozenset[int],
    detector_name: str = "langdetect",
) -> WordLanguages:
    """Dominant language and script, then language runs line by line (Viterbi).

    ``detector_name`` picks the backend that gives word evidence (see ``DETECTORS``).
    """
    lm = detector(detector_name)
    words = [i for i, t in enumerate(tokens) if t.kind == "word"]
    weights = [0.0] * len(tokens)
    # The dominant script counts words (a run of Han or Thai as one word per two
    # characters), so a glued-on phrase of long words cannot outweigh a short host text.
    units: dict[str, float] = {}
    opening: dict[str, float] = {}  # the same, in the text's first sentence
    opened = False
    word_weights_list: list[float] = []
    texts: list[str] = []
    shape = _shape
    # How much each word's evidence counts: nothing when allowlisted, less for names,
    # initials and numbers (``_shape``); inline, as this loop runs for every word of every text.
    for i in words:
        token = tokens[i]
        text = token.text
        styled = False
        if token.script in STYLED_SCRIPTS:
            text = unstyled(text)  # 𝐛𝐮𝐭𝐮𝐡 is read as the word it imitates
            # Letters of no script (mathematical ones, not fullwidth Latin's own forms)
            # are a font effect, a brand's as often as a phrase's (𝐌𝐀𝐌𝐀𝐉𝐈𝐓𝐔).
            styled = text is not token.text and any(char_script(c) == "Other" for c in token.text)
        texts.append(text)
        if i in allowlisted:
            weight = 0.0
        else:
            weight, capitalised = shape(text)
            if (capitalised and not _sentence_initial(tokens, i)) or (styled and weight):
                weight = NAME_WEIGHT
        weights[i] = weight
        word_weights_list.append(weight)
        group = token.group
        size = max(1.0, len(text) / 2) if token.script in UNSPACED_SCRIPTS else 1.0
        units[group] = units.get(group, 0.0) + size
        if not opened:
            opening[group] = opening.get(group, 0.0) + size
            opened = _ends_first_sentence(tokens, i)
    host_script = max(sorted(units), key=units.__getitem__) if units else None
    if host_script is not None and len(units) > 1:  # one script opens the text itself
        # A phrase pasted into a short text can outweigh it; the text's own script opens it:
        # its first word's, if most of its first sentence is in it too, and the larger
        # script's words are on one line, as a pasted phrase is (where they come back on
        # another line, the words opening the text may be the pasted ones).
        # Only between scripts whose words are counted, not estimated from characters: a
        # phrase of Thai or Chinese opening a text may be counted at twice its words.
        first = tokens[words[0]].group
        if (
            max(sorted(opening), key=opening.__getitem__) == first
            and units[first] >= OPENING_SHARE * units[host_script]
            and not UNSPACED_SCRIPTS.intersection((first, host_script))
            and _on_one_line(tokens, words, host_script)
        ):
            host_script = first
    labels: list[str | None] = [None] * len(tokens)
    confidences = [0.0] * len(tokens)
    evidence: Mapping[int, np.ndarray] = {}
    if not words:
        return WordLanguages(
            None, host_script, labels, confidences, weights, evidence, lm.languages
        )

    # One matrix for the whole text: row n is word n's evidence, scaled by its weight (a
    # floor keeps zero-weight words, numbers and names, from being free switch points).
    word_weights = np.array(word_weights_list, dtype=np.float32)
    raw = lm.evidence_matrix(texts)  # a fresh copy: ours to change
    # The host language is read from the words of the dominant script only: a glued-on
    # phrase in another script must not outvote a short host text.
    weighted = raw * word_weights[:, None]
    if len(units) == 1:  # every word is in the host script
        total = weighted.sum(axis=0)
    else:
        in_host_script = np.array([tokens[i].group == host_script for i in words], dtype=bool)
        total = weighted[in_host_script].sum(axis=0)
    del weighted  # a 1 MB text's matrices are tens of MB each: keep one at a time
    if not total.any():
        return WordLanguages(
            None, host_script, labels, confidences, weights, evidence, lm.languages
        )
    host = lm.languages[int(total.argmax())]
    if host in CLOSE_LANGUAGES or len(words) <= SHORT_TEXT_WORDS:
        if len(units) > 1:
            scripted = [t for t, keep in zip(texts, in_host_script, strict=True) if keep]
            host = close_host(lm, total, scripted, word_weights[in_host_script], host)
        else:
            host = close_host(lm, total, texts, word_weights, host)
    host_col = lm.column[host]
    close = CLOSE_LANGUAGES.get(host, frozenset()) - allowed_languages
    at_home = sorted(
        lm.column[code] for code in {host} | close | allowed_languages if code in lm.column
    )
    own_home = sorted(lm.column[code] for code in {host} | allowed_languages if code in lm.column)
    floored = np.maximum(word_weights, 0.05)
    raw *= floored[:, None]
    emissions = raw
    # A sentence with a letter only a close language writes (наличными next to Ukrainian)
    # is judged on the host's own evidence (and the expected languages'), not on the close
    # languages' too: elsewhere a word that reads as either is the host's.
    marked = _close_letters(lm, texts, host, close) | _close_words(texts, host, close)
    strict = _sentences_with(tokens, words, marked) if marked.any() else None
    own = emissions[strict][:, own_home].max(axis=1) if strict is not None else None
    if len(at_home) > 1:  # else the host's column is its own best already
        emissions[:, host_col] = emissions[:, at_home].max(axis=1)
    if strict is not None:
        emissions[strict, host_col] = own
        marked = strict
    # Where the host is every word's best language, staying in it is the optimal path:
    # any switch only adds cost. Most lines of most texts take this shortcut.
    host_best = emissions[:, host_col] >= emissions.max(axis=1)
    disputed = np.flatnonzero(~host_best)
    if len(disputed) and FREQUENCY_WEIGHT and strict is None:
        # Only where the n-grams dispute the host can frequencies change a path. No
        # sentence judged apart (most texts): every disputed word is judged at home.
        rows = emissions[disputed]
        bonus = frequency_evidence(
            [texts[n] for n in disputed.tolist()],
            rows,
            host_col,
            [lm.languages[c] for c in at_home],
            lm,
        )
        _add_frequency(emissions, rows, bonus, disputed, floored, host_col, host_best)
    elif len(disputed) and FREQUENCY_WEIGHT:
        rows = emissions[disputed]
        bonus = np.zeros_like(rows)
        apart_codes = sorted(code for code in close if code in lm.column)
        for home, members, skip in (
            (at_home, ~marked[disputed], []),
            (own_home, marked[disputed], apart_codes),
        ):
            if members.any():
                bonus[members] = frequency_evidence(
                    [texts[n] for n in disputed[members]],
                    rows[members],
                    host_col,
                    [lm.languages[c] for c in home],
                    lm,
                    skip,
                )
        if marked[disputed].any():
            # A sentence judged apart from its close languages weighs their frequencies too,
            # whatever the n-grams' best others are.
            members = np.flatnonzero(marked[disputed])
            judged = [texts[n] for n in disputed[members]]
            for code in apart_codes:
                if lists().has(code):
                    nats = np.maximum(lists().zipf(judged, code) - LIST_FLOOR, 0.0) * _LN10
                    col = lm.column[code]
                    bonus[members, col] = np.maximum(bonus[members, col], nats)
        _add_frequency(emissions, rows, bonus, disputed, floored, host_col, host_best)
    start: np.ndarray | None = None  # made for the first line that is not all host
    evidence = EvidenceRows(emissions, words)
    # Each line with words, as a range of ``words``; the ranges are consecutive, so one
    # reduceat tells which lines take the shortcut.
    bounds = [
        (bisect.bisect_left(words, first), bisect.bisect_left(words, last))
        for first, last in line_ranges(tokens)
    ]
    line_words = [(lo, hi) for lo, hi in bounds if lo < hi]
    all_host = np.logical_and.reduceat(host_best, [lo for lo, _ in line_words]).tolist()
    for (lo, hi), easy in zip(line_words, all_host, strict=True):
        if easy:
            path = [host_col] * (hi - lo)
        else:
            if start is None:
                start = np.full(len(lm.languages), -SWITCH_SENTENCE)
                start[host_col] = 0.0
            path = viterbi(emissions[lo:hi], _switch_costs(tokens, words[lo:hi]), start)
        run_start = 0
        for n in range(1, len(path) + 1):
            if n < len(path) and path[n] == path[run_start]:
                continue
            run_total = emissions[lo + run_start : lo + n].sum(axis=0)
            signal = bool(run_total.any())
            confidence = softmax_top(run_total) if signal else 0.0
            language = lm.languages[path[run_start]] if signal else None
            for i in words[lo + run_start : lo + n]:
                labels[i] = language
                confidences[i] = confidence
            run_start = n
    apart = frozenset(words[n] for n in np.flatnonzero(marked)) if strict is not None else None
    return WordLanguages(
        host,
        host_script,
        labels,
        confidences,
        weights,
        evidence,
        lm.languages,
        apart or frozenset(),
    )


def _add_frequency(
    emissions: np.ndarray,
    rows: np.ndarray,
    bonus: np.ndarray,
    disputed: np.ndarray,
    floored: np.ndarray,
    host_col: int,
    host_best: np.ndarray,
) -> None:
    """The disputed words' frequency ``bonus`` added to their n-gram ``rows``, each row
    made relative to its best again and capped, written back into ``emissions`` (and
    whether the host is still each one's best into ``host_best``). ``floored``: every
    word's weight, floored as in the emissions."""
    scale = floored[disputed][:, None]
    rows += FREQUENCY_WEIGHT * scale * bonus
    rows -= rows.max(axis=1, keepdims=True)
    np.maximum(rows, -WORD_EVIDENCE_CAP * scale, out=rows)
    emissions[disputed] = rows
    host_best[disputed] = rows[:, host_col] >= rows.max(axis=1)


def frequency_evidence(
    words: Sequence[str],
    rows: np.ndarray,
    host_col: int,
    home: Sequence[str],
    lm: Identifier,
    judged_apart: Sequence[str] = (),
) -> np.ndarray:
    """Each word's frequency evidence, in nats, to add to its n-gram evidence ``rows``.

    A word's likelihood in a language is its frequency there: ``ln 10`` nats per Zipf unit
    above the lists' floor (a word absent from a list is rarer than the floor, so it gets
    none and its n-grams decide). The host column takes the best of the host's languages
    (``home``: the host, its close languages, the expected ones); each word's
    ``FREQUENCY_CONTENDERS`` best other languages by n-grams take their own; languages not
    looked up, or without a list, get none, as an unknown word does. ``judged_apart``
    languages are no contenders (their frequencies are weighed apart). [words, languages].
    """
    n, k, contenders = len(words), len(home), FREQUENCY_CONTENDERS
    home_cols = [lm.column[code] for code in home]
    skipped = home_cols + [lm.column[code] for code in judged_apart]
    others = rows.copy()
    others[:, skipped] = -np.inf
    # Each word's home languages, then its best others: one look-up for the whole text.
    columns = np.empty((n, k + contenders), dtype=np.intp)
    columns[:, :k] = home_cols
    # Repeated argmax picks what a stable sort would (the first of equal columns) while
    # each pick is finite; a full sort only where there are fewer others than contenders.
    # A few words are sorted outright: one call, where the passes cost several each.
    everyone = np.arange(n)
    if n <= _SORTED_WORDS:
        columns[:, k:] = np.argsort(-others, axis=1, kind="stable")[:, :contenders]
    else:
        picked = np.empty((n, contenders), dtype=others.dtype)
        for j in range(contenders):
            best = others.argmax(axis=1)
            columns[:, k + j] = best
            picked[:, j] = others[everyone, best]
            others[everyone, best] = -np.inf
        if not np.isfinite(picked).all():
            others = rows.copy()
            others[:, skipped] = -np.inf
            columns[:, k:] = np.argsort(-others, axis=1, kind="stable")[:, :contenders]
    # max and the floor commute (both monotonic), so the host's best language is taken last.
    nats = np.maximum(lists().matrix(lm.languages).lookup(words, columns) - LIST_FLOOR, 0.0)
    nats *= _LN10
    bonus = np.zeros(rows.shape, dtype=np.float32)
    bonus[:, host_col] = nats[:, :k].max(axis=1)
    bonus[everyone[:, None], columns[:, k:]] = nats[:, k:]
    return bonus


def _close_letters(
    lm: Identifier, texts: Sequence[str], host: str, close: frozenset[str]
) -> np.ndarray:
    """Which words have a letter that one of the ``close`` languages writes and the host
    does not (by the profiles' alphabets): [len(texts)] bool."""
    alphabets: dict[str, frozenset[str]] | None = getattr(lm, "alphabets", None)
    if not close or alphabets is None or host not in alphabets:
        return np.zeros(len(texts), dtype=bool)
    theirs = _exclusive_letters(alphabets, host, close)
    # An ASCII word normalises to ASCII letters and spaces: where the close languages' own
    # letters hold neither (all but a few pairs), it has none of them.
    ascii_apart = not any(c == " " or "a" <= c <= "z" for c in theirs)
    return np.fromiter(
        (
            not (ascii_apart and text.isascii())
            and not theirs.isdisjoint(text.lower().translate(_NORMALISED))
            for text in texts
        ),
        dtype=bool,
        count=len(texts),
    )


def _close_words(texts: Sequence[str], host: str, close: frozenset[str]) -> np.ndarray:
    """Which words the host's frequency list does not know and a close language's does
    (лучшая, обязательно in a Ukrainian text: Russian forms written in letters both share):
    [len(texts)] bool."""
    freq = lists()
    listed = sorted(code for code in close if freq.has(code))
    if not listed or not freq.has(host):
        return np.zeros(len(texts), dtype=bool)
    out = freq.zipf(texts, host) < LIST_FLOOR
    unknown = np.flatnonzero(out)  # most words are known at home: only these are looked up
    if len(unknown):
        words = [texts[n] for n in unknown.tolist()]
        abroad = np.max([freq.zipf(words, code) for code in listed], axis=0)
        out[unknown] = abroad >= LIST_FLOOR
    return out


def _sentences_with(
    tokens: Sequence[Token], words: Sequence[int], marked: np.ndarray
) -> np.ndarray:
    """The words of every sentence (of a line, in one script) that has a ``marked`` word:
    [len(words)] bool."""
    out = np.zeros(len(words), dtype=bool)
    start = 0
    for n in range(1, len(words) + 1):
        if n < len(words):
            before, after = words[n - 1], words[n]
            gap = tokens[before + 1 : after]
            if tokens[after].group == tokens[before].group and not any(
                t.kind == "newline" or (t.kind == "other" and t.text in SENTENCE_END) for t in gap
            ):
                continue
        if marked[start:n].any():
            out[start:n] = True
        start = n
    return out


_EXCLUSIVE: dict[tuple[str, frozenset[str]], frozenset[str]] = {}


def _exclusive_letters(
    alphabets: dict[str, frozenset[str]], host: str, close: frozenset[str]
) -> frozenset[str]:
    """Letters the close languages write and the host does not (ы э ъ ё for Russian next
    to Ukrainian, ى for Arabic next to Persian)."""
    key = (host, close)
    if key not in _EXCLUSIVE:
        theirs = frozenset().union(*(alphabets.get(code, frozenset()) for code in close))
        _EXCLUSIVE[key] = theirs - alphabets[host]
    return _EXCLUSIVE[key]


def close_host(
    lm: Identifier, total: np.ndarray, texts: Sequence[str], weights: np.ndarray, host: str
) -> str:
    """The host among ``host`` and its close languages (on a short text also the n-grams'
    runners-up, see ``SHORT_TEXT_WORDS``), with the words' frequencies added.

    The n-gram profiles of close languages share most of their grams, and short, frequent
    words decide between them (дуже is Ukrainian, очень Russian): each word adds its
    frequency evidence (``ln 10`` nats per Zipf unit above the lists' floor) in every close
    language with a list. A language without a list cannot be compared so, and keeps the
    n-grams' answer.
    """
    freq = lists()
    if not freq.has(host):
        return host
    close = sorted(c for c in CLOSE_LANGUAGES.get(host, ()) if c in lm.column)
    if len(texts) <= SHORT_TEXT_WORDS:
        # On a few words the n-grams' runners-up are often the language (pt behind es).
        ranked = np.argsort(-total, kind="stable")[1 : 1 + HOST_CONTENDERS].tolist()
        close += [lm.languages[c] for c in ranked if lm.languages[c] not in close]
    group = [host, *(c for c in close if freq.has(c))]
    if len(group) == 1:
        return host
    # Every word in every language of the group in one look-up; each language's sum over
    # its own contiguous row, as a vector's sum adds (pairwise), so the scores are the same
    # to the last bit as one language at a time.
    columns = np.array([lm.column[code] for code in group], dtype=np.intp)
    zipf = freq.matrix(lm.languages).lookup(texts, np.repeat(columns[None, :], len(texts), axis=0))
    gains = np.ascontiguousarray((weights[:, None] * np.maximum(zipf - LIST_FLOOR, 0.0)).T)
    # Each row's sum is its own (pairwise) sum as a vector's: one call for all languages.
    scores = [
        at_home + HOST_FREQUENCY_WEIGHT * _LN10 * gain
        for at_home, gain in zip(total[columns].tolist(), gains.sum(axis=1).tolist(), strict=True)
    ]
    return group[_first_max(scores)]


def _first_max(values: Sequence[float]) -> int:
    """``np.argmax`` of a short list without making it an array: the first of equal
    maxima, the first NaN if there is one.

    >>> _first_max([1.0, 3.0, 3.0]), _first_max([1.0, float("nan"), 5.0])
    (1, 1)
    """
    best = 0
    for n, value in enumerate(values):
        if value != value:
            return n
        if value > values[best]:
            best = n
    return best


#: Detector backends by name: the default, then optional ones (see ``backends``).
DETECTORS = ("langdetect", "lingua", "fasttext")
_DEFAULT: LanguageModel | None = None
_OPTIONAL: dict[str, Identifier] = {}
_LOCK = threading.Lock()


def model() -> LanguageModel:
    """The default model (langdetect's profiles), loaded on first use, once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                _DEFAULT = LanguageModel()
    return _DEFAULT


def detector(name: str = "langdetect") -> Identifier:
    """The named detector backend, loaded on first use (once per process).

    An optional backend whose library is not installed raises ``ImportError`` naming the
    extra to install; an unknown name raises ``ValueError``.

    >>> detector("langdetect") is model()
    True
    """
    if name == "langdetect":
        return model()
    found = _OPTIONAL.get(name)
    if found is not None:
        return found
    if name not in DETECTORS:
        raise ValueError(f"detector: unknown {name!r} (known: {', '.join(DETECTORS)})")
    from . import backends

    languages = model().languages  # outside the lock: model() takes it too
    with _LOCK:
        if name not in _OPTIONAL:
            _OPTIONAL[name] = backends.load(name, languages)
    return _OPTIONAL[name]
