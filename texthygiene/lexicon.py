"""Term lists matched against tokens: the bundled spam lexicon, extra terms, the allowlist.

Spaced scripts match whole words (a phrase: consecutive words, whatever spaces or
punctuation lie between them); scripts written without spaces (Han, Kana, Thai…) match
as substrings of a word token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .chardata import UNSPACED_SCRIPTS, char_script
from .segment import Token, is_language_word, tokenize

_WORD_KINDS = frozenset({"word", "number", "hashtag"})


class TermMatch(NamedTuple):
    first: int  # token index of the first word
    last: int  # token index of the last word
    term: str
    category: str
    languages: tuple[str, ...] = ()  # whose lexicon lists the term (none: a site's own term)


class TermMatcher:
    """Finds terms in a token list; build once, match many texts."""

    def __init__(self, terms: Iterable[tuple[str, str, str]]) -> None:
        """``terms``: (term, category, language), the language "" when it has none; a term
        listed for several languages is one term with all of them."""
        merged: dict[tuple[str, ...], tuple[str, str, tuple[str, ...]]] = {}
        for term, category, language in terms:
            # The term's words as the tokenizer cuts text: a Persian word with a zero-width
            # non-joiner is two words there, "av女优" is a Latin and a Han word.
            words = tuple(
                t.text.lstrip("#").casefold() for t in tokenize(term) if t.kind in _WORD_KINDS
            )
            if words:
                text, first, languages = merged.get(words, (term.casefold(), category, ()))
                if language and language not in languages:
                    languages = (*languages, language)
                merged[words] = (text, first, languages)
        self._phrases: dict[str, list[tuple[tuple[str, ...], str, str, tuple[str, ...]]]] = {}
        self._substrings: list[tuple[str, str, tuple[str, ...]]] = []
        # Terms mixing an unspaced script with Latin or digits ("av女优", "fx自動売買ツール"):
        # their unspaced ends run on into the neighbouring words of the text, so they are
        # found from a spaced word of theirs, their anchor.
        self._mixed: dict[str, list[tuple[tuple[str, ...], int, str, str, tuple[str, ...]]]] = {}
        for words, (text, category, languages) in merged.items():
            spaced = [i for i, w in enumerate(words) if char_script(w[0]) not in UNSPACED_SCRIPTS]
            if len(words) == 1 and not spaced:
                self._substrings.append((words[0], category, languages))
            elif spaced and len(spaced) < len(words):
                entry = (words, spaced[0], text, category, languages)
                self._mixed.setdefault(words[spaced[0]], []).append(entry)
            else:
                self._phrases.setdefault(words[0], []).append((words, text, category, languages))
        for options in self._phrases.values():
            options.sort(key=lambda item: -len(item[0]))  # longest phrase first

    def find(self, tokens: Sequence[Token]) -> list[TermMatch]:
        """Every match, in text order; a phrase never crosses a line break."""
        words = [i for i, t in enumerate(tokens) if t.kind in _WORD_KINDS]
        folded = [tokens[i].text.lstrip("#").casefold() for i in words]
        matches: list[TermMatch] = []
        phrases = self._phrases
        # Only a word that starts a phrase, or one in an unspaced script, can start a match.
        unspaced = UNSPACED_SCRIPTS if self._substrings else frozenset()
        mixed = self._mixed
        candidates = [
            n
            for n, word in enumerate(folded)
            if word in phrases or word in mixed or tokens[words[n]].script in unspaced
        ]
        for n in candidates:
            for pieces, anchor, term, category, languages in mixed.get(folded[n], ()):
                first = n - anchor
                if _mixed_match(folded, first, pieces) and _same_line(
                    tokens, words[first], words[first + len(pieces) - 1]
                ):
                    last = words[first + len(pieces) - 1]
                    matches.append(TermMatch(words[first], last, term, category, languages))
            word = folded[n]
            token = tokens[words[n]]
            if self._substrings and token.script in UNSPACED_SCRIPTS:
                matches.extend(
                    TermMatch(words[n], words[n], term, category, languages)
                    for term, category, languages in self._substrings
                    if term in word
                )
            for phrase, term, category, languages in phrases.get(word, ()):
                end = n + len(phrase)
                if tuple(folded[n:end]) == phrase and _same_line(tokens, words[n], words[end - 1]):
                    matches.append(TermMatch(words[n], words[end - 1], term, category, languages))
                    break
        # A term inside a longer matched term ("gacor" in "situs slot gacor") is one hit.
        reach = -1
        kept: list[TermMatch] = []
        for match in sorted(matches, key=lambda m: (m.first, -m.last)):
            if match.last > reach or match.first > reach:
                kept.append(match)
                reach = max(reach, match.last)
        return kept


def _mixed_match(folded: Sequence[str], first: int, pieces: tuple[str, ...]) -> bool:
    """Whether ``pieces`` stand at ``folded[first:]``: an unspaced first piece may end a longer
    word and an unspaced last one begin one (such words run on), the others are whole words."""
    last = len(pieces) - 1
    if first < 0 or first + last >= len(folded):
        return False
    for i, piece in enumerate(pieces):
        word = folded[first + i]
        if word == piece:
            continue
        if char_script(piece[0]) not in UNSPACED_SCRIPTS:
            return False
        if not ((i == 0 and word.endswith(piece)) or (i == last and word.startswith(piece))):
            return False
    return True


def _same_line(tokens: Sequence[Token], first: int, last: int) -> bool:
    return all(tokens[i].kind != "newline" for i in range(first, last + 1))


def _bundled_terms() -> list[tuple[str, str, str]]:
    path = resources.files("texthygiene").joinpath("data").joinpath("spam_terms.tsv")
    terms: list[tuple[str, str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number == 1 or not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"spam_terms.tsv line {number}: expected 3 tab-separated fields")
        terms.append((fields[2], fields[1], fields[0]))
    return terms


@lru_cache(maxsize=32)
def spam_matcher(use_bundled: bool, extra: tuple[str, ...]) -> TermMatcher:
    """The spam-term matcher for a config (built once per distinct setting)."""
    terms = _bundled_terms() if use_bundled else []
    terms.extend((term, "site", "") for term in extra)
    return TermMatcher(terms)


@lru_cache(maxsize=32)
def allow_matcher(allowlist: tuple[str, ...]) -> TermMatcher:
    return TermMatcher((term, "allowlist", "") for term in allowlist)


def allowed_tokens(tokens: Sequence[Token], allowlist: tuple[str, ...]) -> frozenset[int]:
    """Indices of word tokens covered by an allowlist entry."""
    if not allowlist:
        return frozenset()
    covered: set[int] = set()
    for match in allow_matcher(allowlist).find(tokens):
        covered.update(i for i in range(match.first, match.last + 1) if is_language_word(tokens[i]))
    return frozenset(covered)
