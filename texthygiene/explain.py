"""Why a word got its language: the per-word evidence behind ``scan``'s runs and findings.

A debugging view, not part of the report: for each word of the (repaired) text, the
language of the run it is in, its best languages by the combined evidence, its best by
character n-grams alone, and its Zipf frequency in the host's language and in those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .config import Config
from .frequency import lists
from .hygiene import inspect
from .identify import detector, identify_words
from .lexicon import allowed_tokens
from .pipeline import normalise_languages
from .repair import repair_and_explain
from .segment import tokenize_view

#: How many of a word's best languages are shown.
TOP = 3


@dataclass(frozen=True)
class WordEvidence:
    """One word's language evidence (offsets into the repaired text, as in ``Report.text``)."""

    start: int
    end: int
    text: str
    language: str | None  # the language of the run the word is in (None: no signal)
    host: str | None  # the text's dominant language
    evidence: tuple[tuple[str, float], ...]  # best languages, n-grams and frequencies: nats
    ngram_language: str | None  # best language by character n-grams alone
    zipf: tuple[tuple[str, float], ...]  # Zipf frequency where a list exists (0: unknown)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "language": self.language,
            "host": self.host,
            "evidence": {code: round(value, 2) for code, value in self.evidence},
            "ngram_language": self.ngram_language,
            "zipf": {code: round(value, 2) for code, value in self.zipf},
        }


def explain_words(
    text: str,
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> tuple[WordEvidence, ...]:
    """The language evidence of every word of ``text``, as ``scan`` weighs it.

    >>> deep = explain_words("Threaded comments up to ten levels deep.")[-1]
    >>> deep.text, deep.ngram_language, dict(deep.zipf)
    ('deep', 'nl', {'en': 5.05, 'nl': 3.73})
    """
    config = config or Config()
    fixed = repair_and_explain(text)[0] if config.repair_encoding else text
    inspection = inspect(fixed)
    tokens = tokenize_view(fixed, inspection.view, inspection.positions)
    allowlisted = allowed_tokens(tokens, config.allowlist)
    words = identify_words(tokens, normalise_languages(languages), allowlisted, config.detector)
    indices = list(words.evidence)
    texts = [tokens[i].text for i in indices]
    ngrams = detector(config.detector).evidence_matrix(texts)
    freq = lists()
    out = []
    for n, i in enumerate(indices):
        row = words.evidence[i]
        best = sorted(range(len(row)), key=lambda c: (-float(row[c]), c))[:TOP]
        ngram_best = int(ngrams[n].argmax()) if ngrams[n].any() else None
        shown = dict.fromkeys(
            code
            for code in (
                words.host,
                words.labels[i],
                *(words.languages[c] for c in best),
                words.languages[ngram_best] if ngram_best is not None else None,
            )
            if code is not None and freq.has(code)
        )
        zipf = tuple(
            (code, round(float(freq.zipf([tokens[i].text], code)[0]), 2)) for code in shown
        )
        token = tokens[i]
        out.append(
            WordEvidence(
                start=token.start,
                end=token.end,
                text=token.text,
                language=words.labels[i],
                host=words.host,
                evidence=tuple((words.languages[c], float(row[c])) for c in best),
                ngram_language=words.languages[ngram_best] if ngram_best is not None else None,
                zipf=zipf,
            )
        )
    return tuple(out)
