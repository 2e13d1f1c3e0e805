"""Letters that tell Chinese and Japanese apart: the close-language letters of the pair, as
Ukrainian і ї є against Russian ы э ъ (reason ``close_language_letters``).

Chinese writes simplified forms Japanese never does (购 们 这 电; Japanese 購 們 這 電, or
none): the set comes from wordfreq's Chinese and Japanese lists, built once by
``corpora/tools/han_forms.py`` into ``data/han_forms.json`` (4 kB), read on first use.
Japanese writes kana, which Chinese never does. The n-gram profiles cannot tell either:
langdetect folds Han characters into classes before counting.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import regex

FORMS_FILE = "han_forms.json"
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")


@cache
def chinese_forms() -> frozenset[str]:
    """The Han characters Chinese writes and Japanese does not (its simplified forms)."""
    source = resources.files("texthygiene.data").joinpath(FORMS_FILE)
    return frozenset(json.loads(source.read_text(encoding="utf-8"))["zh"])


def has_kana(text: str) -> bool:
    """Whether ``text`` has kana, which Chinese never writes."""
    return _KANA.search(text) is not None


def has_chinese_forms(text: str) -> bool:
    """Whether ``text`` has a Han character Japanese never writes."""
    return not chinese_forms().isdisjoint(text)


def written_apart(text: str, host: str | None, language: str | None) -> bool:
    """Whether ``text``, read as ``language`` in a ``host`` text, has a letter only
    ``language`` of the two writes: a simplified form in Japanese text, kana in Chinese.

    >>> written_apart("代购", "ja", "zh"), written_apart("代理", "ja", "zh")
    (True, False)
    >>> written_apart("日本の", "zh", "ja"), written_apart("日本", "zh", "ja")
    (True, False)
    """
    if host == "ja" and language == "zh":
        return has_chinese_forms(text)
    if host == "zh" and language == "ja":
        return has_kana(text)
    return False
