"""Which language a text is reported in: the identifier's host, or None where naming it
would be a guess.

The n-gram profiles cover 54 languages; a text in any other language still has a best
profile, and that best is a wrong name (Azerbaijani reads as Turkish, Armenian as Estonian).
A language with a script of its own is named by its script; otherwise the host is
reported only when its own evidence holds up: its profiles know the text's letters, and
its frequency list (or, without one, its profiles' trigrams) knows the text's words as a
text in it would. Each check asks only about the named language, never how the text
scores against the others, so it says "not this one" without having to say which.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from .chardata import SCRIPT_LANGUAGES
from .frequency import lists
from .identify import LanguageModel, WordLanguages, detector
from .segment import Token

#: Script groups the profiles cover; a text in any other has no language we can name.
PROFILE_SCRIPTS = frozenset(
    {
        "Latin", "Cyrillic", "Greek", "Han", "Hangul", "Arabic", "Hebrew", "Thai",
        "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Tamil", "Telugu", "Kannada",
        "Malayalam",
    }
)  # fmt: skip
#: Scripts many languages the profiles lack also write: there the host must show that its
#: own words are the text's before it is named.
SHARED_SCRIPTS = frozenset({"Latin", "Cyrillic"})
#: Alphabetic scripts, where a letter the profile lacks is meaningful (a Han or Hangul
#: syllable missing from a profile is merely rare).
_ALPHABETIC = SHARED_SCRIPTS | {"Greek", "Arabic", "Hebrew"}
#: Letters the host's profiles lack, as a share of the letters, beyond which the text is
#: in another language (a foreign name in a sentence stays under it), and at least this many.
FOREIGN_LETTERS = 0.05
FOREIGN_LETTERS_MIN = 2
#: Words of the host's script the checks read (the first ones): a text's language shows in
#: its first few sentences, and a long text costs no more than a short one.
SAMPLE_WORDS = 300
#: Words a text needs before its word coverage is judged (a word pair's two words may both
#: be rare, however genuine).
COVERAGE_MIN_WORDS = 4
#: Share of a text's words the host's frequency list must hold (its words of Zipf 3 and up:
#: a sentence's function words alone are most of it; our own sentences hold 0.86 and up).
WORD_COVERAGE = 0.5
#: Without a frequency list: share of the text's padded trigrams the host's profiles must
#: keep (our own sentences in those languages keep 0.73 and up).
TRIGRAM_COVERAGE = 0.7


def reported_language(
    tokens: Sequence[Token], words: WordLanguages, detector_name: str = "langdetect"
) -> str | None:
    """The language to report for a text whose identify stage gave ``words``: the host, the
    language of a script of its own, or None where the host is not the text's language."""
    script = words.host_script
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script]
    host = words.host
    if host is None or script not in PROFILE_SCRIPTS:
        return None
    lm = detector(detector_name)
    if not isinstance(lm, LanguageModel):
        return host  # another backend's libraries judge their own coverage
    texts = list(
        islice(
            (
                t.text
                for t in tokens
                if t.kind == "word" and t.group == script and not any(c.isdigit() for c in t.text)
            ),
            SAMPLE_WORDS,
        )
    )
    letters, foreign, trigrams, known = lm.known_grams(texts, host)
    if script in _ALPHABETIC and foreign >= max(FOREIGN_LETTERS_MIN, FOREIGN_LETTERS * letters):
        return None
    if script in SHARED_SCRIPTS and len(texts) >= COVERAGE_MIN_WORDS:
        if lists().has(host):
            coverage = float((lists().zipf(texts, host) > 0).mean())
            if coverage < WORD_COVERAGE:
                return None
        elif known < TRIGRAM_COVERAGE * trigrams:
            return None
    return host
