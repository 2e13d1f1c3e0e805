"""Word frequencies from wordfreq's shipped lists: a second per-word language signal.

The n-gram profiles say what a word looks like; a frequency list says whether it is a word
people write in a language at all, and how often (``deep``: Zipf 5.05 in English, 3.73 in
Dutch). Only wordfreq's data files are read (``data/small_XX.msgpack.gz``, every word of
Zipf 3 and up, i.e. at least once per million words): importing ``wordfreq`` itself would
bring its tokenizers, and looking a word up needs none of them.

A language's list is read on first use and kept as a sorted array of the words' hashes
with their Zipf values, about 0.4 MB a language instead of ~5 MB as a dict. The hash is
Python's own hash of the word's UTF-8 bytes (SipHash, 64 bits; bytes, as the list's words
are read undecoded): the table and the look-ups are hashed in the
same process, so a look-up is exact unless two words collide in 64 bits (about one chance
in 10^14 per look-up), and reading a list costs a few milliseconds instead of the tens a
portable hash would (a list is read while a text waits on it).
"""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import threading
from collections.abc import Sequence
from pathlib import Path

import msgpack
import numpy as np

#: Lists are cut at Zipf 3: a word absent from a list is rarer than that (or no word).
LIST_FLOOR = 3.0
#: Identifier codes whose list has another name in wordfreq.
_WORDFREQ_CODE = {"tl": "fil", "hr": "sh"}
#: Languages written without spaces: wordfreq's lists hold their dictionary words (cut by
#: jieba or MeCab), never the runs of characters our tokenizer gives, so they are not read.
_UNSPACED = frozenset({"ja", "zh", "th"})
#: Words whose Zipf values are remembered (all languages together), about 150 bytes each;
#: past it the half of each language's words first seen longest ago is forgotten (a hit
#: does not renew a word, so common words go too and are simply looked up again).
_SEEN_LIMIT = 40_000
#: Words a ``ZipfMatrix`` remembers before starting afresh (a row of every language each).
_MATRIX_WORDS = 20_000
#: Rows a ``ZipfMatrix`` starts with; it doubles up to ``_MATRIX_WORDS`` as words come, so
#: a process that scans a few texts does not fill megabytes it never reads.
_MATRIX_FIRST = 1024


def _data_dir() -> Path | None:
    """wordfreq's data folder, found without importing wordfreq (or None if absent)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


class FrequencyLists:
    """Zipf frequency of words per language, each language's list read on first use."""

    def __init__(self, data: Path | None) -> None:
        self._data = data
        self._tables: dict[str, tuple[np.ndarray, np.ndarray] | None] = {}
        self._guard = threading.Lock()
        self._seen: dict[str, dict[str, float]] = {}  # language -> word -> Zipf
        self._matrices: dict[tuple[str, ...], ZipfMatrix] = {}

    def _path(self, language: str) -> Path | None:
        if self._data is None or language in _UNSPACED:
            return None
        path = self._data / f"small_{_WORDFREQ_CODE.get(language, language)}.msgpack.gz"
        return path if path.is_file() else None

    def has(self, language: str) -> bool:
        """Whether there is a frequency list for ``language`` (an identifier code)."""
        return self._table(language) is not None

    def zipf(self, words: Sequence[str], language: str) -> np.ndarray:
        """Zipf frequency of each word in ``language`` (case-folded), 0 when unknown
        or when there is no list for the language: [len(words)] float32."""
        if self._table(language) is None or not words:
            return np.zeros(len(words), dtype=np.float32)
        # A text's words are mostly looked up before: a dict answers them at Python speed,
        # where the array search costs a few numpy calls per look-up.
        seen = self._seen.setdefault(language, {})
        new = [w for w in dict.fromkeys(words) if w not in seen]
        if new:
            if sum(map(len, self._seen.values())) + len(new) > _SEEN_LIMIT:
                self._forget(len(new))
                seen = self._seen.setdefault(language, {})
                new = [w for w in dict.fromkeys(words) if w not in seen]
            seen.update(zip(new, self.search(new, language).tolist(), strict=True))
        return np.array([seen[w] for w in words], dtype=np.float32)

    def _forget(self, room: int) -> None:
        """The older half of each language's remembered words forgotten, or all of them
        if that leaves no ``room`` under ``_SEEN_LIMIT``."""
        halves = {
            language: dict(itertools.islice(seen.items(), len(seen) // 2, None))
            for language, seen in self._seen.items()
        }
        kept = sum(map(len, halves.values()))
        self._seen = halves if kept + room <= _SEEN_LIMIT else {}

    def search(self, words: Sequence[str], language: str) -> np.ndarray:
        """``zipf`` without remembering: one search of the language's table. [len(words)]"""
        return self.search_hashes(hashes(words), language)

    def search_hashes(self, hashes: np.ndarray, language: str) -> np.ndarray:
        """``search`` for words already hashed (``hashes``). [len(hashes)] float32"""
        table = self._table(language)
        if table is None or not len(hashes):
            return np.zeros(len(hashes), dtype=np.float32)
        keys, values = table
        at = np.minimum(np.searchsorted(keys, hashes), len(keys) - 1)
        return np.where(keys[at] == hashes, values[at], np.float32(0.0))

    def matrix(self, languages: Sequence[str]) -> ZipfMatrix:
        """The look-ups of words in ``languages``, remembered as one matrix (see
        ``ZipfMatrix``); the same languages give the same matrix."""
        key = tuple(languages)
        with self._guard:
            if key not in self._matrices:
                self._matrices[key] = ZipfMatrix(self, key)
            return self._matrices[key]

    def _table(self, language: str) -> tuple[np.ndarray, np.ndarray] | None:
        if language in self._tables:
            return self._tables[language]
        with self._guard:
            if language not in self._tables:
                path = self._path(language)
                self._tables[language] = _read(path) if path is not None else None
        return self._tables[language]


class ZipfMatrix:
    """Zipf of recently looked-up words in each of ``languages``: a row per word, a column
    per language, each cell searched for on its first look-up (NaN until then).

    A text's look-ups then take one fancy index instead of a dict look-up per word and
    language, the cost that matters where every disputed word of every text is looked up
    in several languages.
    """

    def __init__(self, lists: FrequencyLists, languages: tuple[str, ...]) -> None:
        self._lists = lists
        self._languages = languages
        self._rows: dict[str, int] = {}
        self._words: list[str] = []
        self._zipf = np.full((_MATRIX_FIRST, len(languages)), np.nan, dtype=np.float32)
        self._hashes = np.zeros(_MATRIX_FIRST, dtype=np.int64)  # each row's word, as hashed
        self._guard = threading.Lock()

    def _grow(self, used: int, size: int) -> None:
        """Room for ``size`` rows, the first ``used`` kept (the others unsearched again)."""
        zipf = np.full((size, len(self._languages)), np.nan, dtype=np.float32)
        zipf[:used] = self._zipf[:used]
        found = np.zeros(size, dtype=np.int64)
        found[:used] = self._hashes[:used]
        self._zipf, self._hashes = zipf, found

    def lookup(self, words: Sequence[str], columns: np.ndarray) -> np.ndarray:
        """Zipf of ``words[n]`` in the language of column ``columns[n, j]``, as
        ``FrequencyLists.zipf`` gives it: [len(words), columns.shape[1]] float32."""
        with self._guard:  # a reset renumbers the rows: one text's look-ups at a time
            at = np.array(self._rows_of(words), dtype=np.intp)[:, None]
            zipf: np.ndarray = self._zipf[at, columns]
            missing = np.isnan(zipf)
            if missing.any():
                # The missing cells grouped by language: one table search per language.
                rows = np.broadcast_to(at, columns.shape)[missing]
                cols = columns[missing]
                order = np.argsort(cols, kind="stable")
                rows, cols = rows[order], cols[order]
                bounds = np.flatnonzero(cols[1:] != cols[:-1]) + 1
                for need, col in zip(
                    np.split(rows, bounds), cols[np.r_[0, bounds]].tolist(), strict=True
                ):
                    found = self._lists.search_hashes(self._hashes[need], self._languages[col])
                    self._zipf[need, col] = found  # a word twice in a text: the same value
                zipf = self._zipf[at, columns]
            return zipf

    def _rows_of(self, words: Sequence[str]) -> list[int]:
        rows = self._rows
        found = [rows.get(w, -1) for w in words]
        if -1 in found:
            new = [w for w in dict.fromkeys(words) if w not in rows]
            used, wanted = len(self._words), len(rows) + len(new)
            if wanted > max(_MATRIX_WORDS, len(self._zipf)):
                rows.clear()
                self._words = []
                self._zipf.fill(np.nan)
                used, new = 0, [*dict.fromkeys(words)]
                wanted = len(new)
            if wanted > len(self._zipf):
                self._grow(used, max(wanted, min(2 * len(self._zipf), _MATRIX_WORDS)))
            self._hashes[len(self._words) : len(self._words) + len(new)] = hashes(new)
            rows.update(zip(new, range(len(self._words), len(self._words) + len(new)), strict=True))
            self._words.extend(new)
            found = [rows[w] for w in words]
        return found


def hashes(words: Sequence[str]) -> np.ndarray:
    """Each word as the tables hash it: its case-folded UTF-8 bytes. [len(words)] int64"""
    return np.fromiter(
        (hash(w.casefold().encode("utf-8", "surrogatepass")) for w in words),
        np.int64,
        len(words),
    )


def _read(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """A wordfreq ``cB`` list as (sorted word hashes, Zipf of each).

    The file is a header, then buckets: bucket ``i`` holds the words whose frequency is
    10^(-i/100), i.e. Zipf 9 - i/100. A word in two buckets (two spellings folded alike)
    keeps the higher one.
    """
    # The words stay UTF-8 bytes: decoding them to str would cost a third of the reading.
    buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=True)
    header, buckets = buckets[0], buckets[1:]
    if not isinstance(header, dict) or header.get(b"format") != b"cB":
        raise ValueError(f"{path}: not a wordfreq cB frequency list (header {header!r})")
    words = [word for bucket in buckets for word in bucket]
    zipf = np.repeat(
        9.0 - np.arange(len(buckets), dtype=np.float32) / 100.0,
        [len(bucket) for bucket in buckets],
    ).astype(np.float32)
    hashes = np.fromiter(map(hash, words), np.int64, len(words))
    order = np.argsort(hashes)
    hashes, zipf = hashes[order], zipf[order]
    first = np.ones(len(hashes), dtype=bool)
    first[1:] = hashes[1:] != hashes[:-1]
    starts = np.flatnonzero(first)
    return hashes[starts], np.maximum.reduceat(zipf, starts)


_LISTS: FrequencyLists | None = None
_LOCK = threading.Lock()


def lists() -> FrequencyLists:
    """The process's frequency lists (each language read on first use)."""
    global _LISTS
    if _LISTS is None:
        with _LOCK:
            if _LISTS is None:
                _LISTS = FrequencyLists(_data_dir())
    return _LISTS
