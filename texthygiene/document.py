"""The document-level view: which languages a text is written in, and whether it is
monolingual (one host; a run in another language is an anomaly) or multilingual (a second
language spread through it, as in code-switched comments, chats and transcripts; a run in
that language is expected).

"Spread" is what tells a code-switched post from an injected one: an injection is one alien
run, however long, so the second language must come back after the host's words, and it
must hold a fair share of the text, more of it than its longest run.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import regex

from .chardata import CLOSE_LANGUAGES
from .frequency import LIST_FLOOR, hashes, lists
from .identify import WordLanguages
from .segment import Token
from .speedups import host_words

#: The second language's share of the labelled words, at least; and its share outside its
#: longest run, at least (fitted on the train split of the real-text corpus: lower shares
#: let noisy word labels in injected documents read as a second language).
SECOND_SHARE = 0.25
SPREAD_SHARE = 0.1
HOST_GAP = 2  # host words between two runs of the second language: fewer is label noise
#: Borrowed words in the host's own sentences that make a language heard there: at least
#: this many, and this share of the host's lowercase words (train split: in injected
#: documents the share stays under 0.08, in code-switched tweets it reaches 0.1-0.2).
ECHO_WORDS = 2
ECHO_SHARE = 0.1
#: Distinct words of a chat alphabet that mark a text written in one: Latin letters with
#: digits for the sounds they lack (Arabizi: 3 ʿayn, 7 ḥāʾ, 5 khāʾ, 9 qāf; 2 is left out,
#: Indonesian and Malay write reduplication with it: "akhir2"). Train split: none in any
#: injected or clean document, two or more in a third of the Arabizi ones.
CHAT_WORDS = 2
_CHAT_WORD_RE = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}*[3579]\p{Ll}*(?![\p{L}\p{N}])")
_VOWEL_RE = regex.compile(r"[aeiouy]")
#: A host whose words another language's profile reads as its own: the Han compounds of a
#: Japanese text, with no kana in them, read as Chinese (train split: Japanese pages judged
#: multilingual, Chinese at a quarter of their words, an injected line then expected).
MISREAD_AS = {"ja": "zh"}
#: Host words of a text whose borrowings are looked up through the frequency lists' memo
#: (a post's; a page's are searched apart, see ``Echoes._zipf``).
ECHO_MEMO_WORDS = 400
ECHO_MARGIN = 0.5  # Zipf: a word this much more frequent in the language than in the host's


@dataclass(frozen=True)
class DocumentView:
    """The languages of a text's words, and whether a second language is spread through it."""

    languages: dict[str, float] = field(default_factory=dict)  # code -> share, largest first
    multilingual: bool = False


def document_view(tokens: Sequence[Token], words: WordLanguages) -> DocumentView:
    """Share of the labelled words per language, and whether the text is multilingual.

    >>> from texthygiene.identify import identify_words
    >>> from texthygiene.segment import tokenize
    >>> tokens = tokenize("Ik ga morgen naar de markt in het dorp.")
    >>> view = document_view(tokens, identify_words(tokens, frozenset(), frozenset()))
    >>> view.languages, view.multilingual
    ({'nl': 1.0}, False)
    """
    all_labels = words.labels
    misread = MISREAD_AS.get(words.host or "")
    if misread is not None:
        all_labels = [words.host if label == misread else label for label in all_labels]
    labels = [all_labels[i] for i, t in enumerate(tokens) if t.kind == "word"]
    counts = Counter(label for label in labels if label is not None)
    total = sum(counts.values())
    if not total:
        return DocumentView()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    languages = {code: count / total for code, count in ranked}
    second = next((code for code, _ in ranked if code != words.host), None)
    if second is None or languages[second] < SECOND_SHARE:
        return DocumentView(languages, False)
    runs = _runs(tokens, all_labels, second, words.host)
    outside = counts[second] - max(runs)
    return DocumentView(languages, len(runs) >= 2 and outside / total >= SPREAD_SHARE)


def _runs(
    tokens: Sequence[Token], labels: Sequence[str | None], language: str, host: str | None
) -> list[int]:
    """Word counts of the runs of ``language``: a run ends where the host's words take over
    (``HOST_GAP`` of them), so an injected run with a noisy word label or a full stop
    inside it stays one run."""
    runs: list[int] = []
    length = gap = 0
    for i, token in enumerate(tokens):
        label = labels[i] if token.kind == "word" else None
        if label == language:
            length += 1
            gap = 0
        elif label == host and length:
            gap += 1
            if gap >= HOST_GAP:
                runs.append(length)
                length = gap = 0
    if length:
        runs.append(length)
    return runs


class Echoes:
    """Whether the host's own sentences, outside a run, borrow words of the run's language:
    a writer who switches ("speak up", "worth it" in an Indonesian tweet) then writes a
    whole sentence in it, where an injected sentence has no echo in the host's words.

    Only lowercase words count (a capital is a name's, and names are everybody's): the
    host's, and the words of the run's own language in its other runs (a phrase the writer
    comes back to, ``thanks to`` twice, is as much an echo as a loan in a host sentence;
    not between close languages, where a word's label is a toss-up). A word is borrowed
    when the frequency lists know it in the language clearly more often than in the
    host's. The words are found once a document and each language's borrowings looked up
    once, so a run costs a bisection, not a pass.

    >>> from texthygiene.identify import identify_words
    >>> from texthygiene.segment import tokenize
    >>> text = "Kemarin aku speak up di kelas tapi nobody cares sih. I was so tired back then"
    >>> tokens = tokenize(text)
    >>> words = identify_words(tokens, frozenset(), frozenset())
    >>> Echoes(tokens, words).echoed("en", range(len(tokens) - 11, len(tokens)))
    True
    """

    def __init__(self, tokens: Sequence[Token], words: WordLanguages) -> None:
        self.host = words.host
        self.index = host_words(tokens, words.labels, self.host)
        self.texts = [tokens[i].text for i in self.index]
        self._borrowed: dict[str, list[int]] = {}  # language -> running count of borrowings
        self._labels = words.labels
        self._host_script = words.host_script
        self._tokens = tokens
        self._elsewhere: dict[str, tuple[list[int], list[int]]] = {}  # see ``_other_runs``
        self._hashed: tuple[np.ndarray, np.ndarray] | None = None  # (hashes, each word's)
        self._at_home: np.ndarray | None = None

    def _zipf(self, language: str) -> np.ndarray:
        """``lists().zipf(self.texts, language)``; on a long text the words are hashed once
        and searched in the language's table unremembered: a page's host words in every
        language it has runs in would flood the lists' memo of recent words and push out
        the words texts share (a short text's few are cheaper looked up in the memo)."""
        if len(self.texts) <= ECHO_MEMO_WORDS:
            return lists().zipf(self.texts, language)
        if self._hashed is None:
            unique = {text: n for n, text in enumerate(dict.fromkeys(self.texts))}
            inverse = np.fromiter(map(unique.__getitem__, self.texts), np.intp, len(self.texts))
            self._hashed = hashes(list(unique)), inverse
        found, inverse = self._hashed
        zipf: np.ndarray = lists().search_hashes(found, language)[inverse]
        return zipf

    def echoed(self, language: str | None, run: range) -> bool:
        freq = lists()
        host = self.host
        if language is None or host is None or not (freq.has(host) and freq.has(language)):
            return False
        if language not in self._borrowed:
            if self._at_home is None:
                self._at_home = lists().zipf(self.texts, host)  # the words texts share
            at_home, abroad = self._at_home, self._zipf(language)
            mask = (abroad >= LIST_FLOOR) & (at_home + ECHO_MARGIN < abroad)
            self._borrowed[language] = [0, *np.cumsum(mask, dtype=np.int64).tolist()]
        counts = self._borrowed[language]
        lo, hi = bisect_left(self.index, run.start), bisect_left(self.index, run.stop)
        own = len(self.index) - (hi - lo)
        borrowed = counts[-1] - (counts[hi] - counts[lo])
        if language not in CLOSE_LANGUAGES.get(host, ()):
            index, running = self._other_runs(language)
            lo, hi = bisect_left(index, run.start), bisect_left(index, run.stop)
            borrowed += running[-1] - (running[hi] - running[lo])
        return own > 0 and borrowed >= ECHO_WORDS and borrowed >= ECHO_SHARE * own

    def _other_runs(self, language: str) -> tuple[list[int], list[int]]:
        """The lowercase words labelled ``language`` (digits aside, as the host's) and the
        running count of those the lists know better in it than in the host's language."""
        if language not in self._elsewhere:
            # In the host's script or in Latin (everybody's second script) only: a line of
            # another script pasted twice is a spammer repeating himself, not a writer's
            # second language coming back.
            index = [
                i
                for i in host_words(self._tokens, self._labels, language)
                if self._tokens[i].group in (self._host_script, "Latin")
            ]
            texts = [self._tokens[i].text for i in index]
            freq = lists()
            abroad = freq.zipf(texts, language)
            assert self.host is not None  # ``echoed`` returns first without a host
            at_home = freq.zipf(texts, self.host)
            mask = (abroad >= LIST_FLOOR) & (at_home + ECHO_MARGIN < abroad)
            self._elsewhere[language] = index, [0, *np.cumsum(mask, dtype=np.int64).tolist()]
        return self._elsewhere[language]


def chat_alphabet(text: str) -> bool:
    """Whether ``text`` is written in a chat alphabet (romanised Arabic: "m3ak", "ta3lik",
    "trou7"), which no language model of ours knows: its words get scattered labels of
    unrelated languages, so a run's language there is no evidence.

    >>> chat_alphabet("wallah ma3lich, ghadi nrou7 m3akoum ghedwa")
    True
    >>> chat_alphabet("the h3 heading, md5 sums and v7 of the API")
    False
    """
    found = {
        w
        for w in _CHAT_WORD_RE.findall(text)
        if sum(c.isalpha() for c in w) >= 2 and _VOWEL_RE.search(w)
    }
    return len(found) >= CHAT_WORDS
