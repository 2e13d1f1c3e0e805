"""The document-level view: which languages a text is written in, and whether it is
monolingual (one host; a run in another language is an anomaly) or multilingual (a second
language spread through it, as in code-switched comments, chats and transcripts; a run in
that language is expected).

"Spread" is what tells a code-switched post from an injected one: an injection is one alien
run, however long, so the second language must come back after the host's words, and it
must hold a fair share of the text, more of it than its longest run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .chardata import SENTENCE_END
from .identify import WordLanguages
from .segment import Token

#: The second language's share of the labelled words, at least; and its share outside its
#: longest run, at least (fitted on the train split of the real-text corpus: lower shares
#: let noisy word labels in injected documents read as a second language).
SECOND_SHARE = 0.3
SPREAD_SHARE = 0.1


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
    labels = [words.labels[i] for i, t in enumerate(tokens) if t.kind == "word"]
    counts = Counter(label for label in labels if label is not None)
    total = sum(counts.values())
    if not total:
        return DocumentView()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    languages = {code: count / total for code, count in ranked}
    second = next((code for code, _ in ranked if code != words.host), None)
    if second is None or languages[second] < SECOND_SHARE:
        return DocumentView(languages, False)
    runs = _runs(tokens, words.labels, second)
    outside = counts[second] - max(runs)
    return DocumentView(languages, len(runs) >= 2 and outside / total >= SPREAD_SHARE)


def _runs(tokens: Sequence[Token], labels: Sequence[str | None], language: str) -> list[int]:
    """Word counts of the runs of ``language``: a word in another language, a sentence end
    or a line break ends one (words without a label, names and numbers, do not)."""
    runs: list[int] = []
    length = 0
    for i, token in enumerate(tokens):
        ends = token.kind == "newline" or (token.kind == "other" and token.text in SENTENCE_END)
        if token.kind == "word" and labels[i] is not None:
            if labels[i] == language:
                length += 1
                continue
            ends = True
        if ends and length:
            runs.append(length)
            length = 0
    if length:
        runs.append(length)
    return runs
