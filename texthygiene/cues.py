"""Language-independent spam cues: prices, percentages, phone numbers, messenger handles,
links, calls to action, emoji runs, styled letters and ALL-CAPS offers.

Each cue is evidence, never a verdict: a shop's opening hours have a phone number, an event
post a ticket price. ``flag`` adds a cue's weight to a run that already sits where injected
text sits (a line of its own, glued onto a sentence, a paragraph's unpunctuated end); a
host-language sentence inside a paragraph gains nothing from them.

>>> [(c.kind, c.text) for c in find_cues("Call 09061701461 now! Only £1.50/week, 50% off")]
[('phone_number', '09061701461'), ('price', '£1.50'), ('percentage', '50%')]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

import regex

#: Cue kinds, each also the reason code it adds to a finding.
CUE_KINDS = (
    "price",
    "percentage",
    "phone_number",
    "messenger",
    "url_in_run",
    "call_to_action",
    "emoji_run",
    "styled_letters",
    "all_caps",
)

_CURRENCY_SIGNS = "€$£₽¥₹₺₩₫฿₴₦₱"
# Codes and the short forms spam writes after an amount (Indonesian rb/jt "ribu/juta").
_CURRENCY_AFTER = (
    r"usd|eur|gbp|idr|rub|руб(?:\.|лей|ля)?|р\.|грн|rb|jt|rs\.?|tl|vnđ|vnd|đ|"
    r"تومان|ریال|元|块|円|만원|원"
)
_AMOUNT = r"\d[\d.,\u00a0\u202f ]*\d|\d"
_PRICE_RE = regex.compile(
    rf"(?:[{_CURRENCY_SIGNS}]|\b(?:rp\.?|usd|eur|idr|rs\.?)) ?(?:{_AMOUNT})"
    rf"|(?:{_AMOUNT}) ?(?:[{_CURRENCY_SIGNS}]|(?:{_CURRENCY_AFTER})(?!\w))",
    regex.IGNORECASE,
)
_PERCENT_RE = regex.compile(r"\d+(?:[.,]\d+)? ?[%٪]|[%٪]\d+|\d+ ?درصد")
# Eight to fifteen digits with at most single separators between them, or a + in front.
_PHONE_RE = regex.compile(r"(?<![\w+])(?:\+|00)?\d(?:[ \-.()/]?\d){7,14}(?![\w])")
# Every price, percentage and phone number has a digit: most sentences have none.
_DIGIT_RE = regex.compile(r"\d")
_THOUSANDS_RE = regex.compile(r"\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?")
_YEARS_RE = regex.compile(r"(?:1[89]|20)\d\d ?[-–/] ?(?:1[89]|20)\d\d")
_DATE_RE = regex.compile(
    r"(?:1[89]|20)\d\d([-/.])[01]\d\1[0-3]\d|[0-3]\d([-/.])[01]\d\2(?:1[89]|20)\d\d"
)
# A messenger's name is everyday talk ("scan the Telegram QR code", "微信公众号"); spam gives
# a way to reach it: a handle, a number or a link after the name, or an invitation around it.
_MESSENGER_NAME_RE = regex.compile(
    r"\b(?:whats ?app|telegram|viber|wechat|weixin|line id|kakao ?talk|ватсап|вотсап|"
    r"телеграм\w*|واتساپ|واتس ?اب|تلگرام|تليجرام)\b|微信",
    regex.IGNORECASE,
)
_MESSENGER_CONTACT_RE = regex.compile(
    r"[ \t]*(?:(?:id|no|nr|号|號)\.?)?[ \t]*(?:[:：][ \t]*)?"
    r"(?:@\w{3,}|\+?\d[\d \-]{4,}\d|(?<=[:：][ \t]*)[a-z][\w.\-]{3,})",
    regex.IGNORECASE,
)
_MESSENGER_RE = regex.compile(
    r"\bwa(?: ?:| ?\+?\d)|\b(?:t\.me|wa\.me|line\.me)/\w+|加v|v信|薇信", regex.IGNORECASE
)
CONTACT_REACH = 40  # characters from a messenger's name to a call to action, number or link
_TLDS = (
    "com|net|org|info|biz|io|co|me|tv|cc|vip|bet|win|top|xyz|club|site|online|shop|store|"
    "live|pro|app|link|click|ly|gl|gg|ru|id|su|ir|cn|in|uk|de|nl|fr|es|it|pl|br|tr|vn"
)
_URL_RE = regex.compile(
    rf"(?<!\]\()(?:https?://|www\.)[^\s<>\"]+|(?<![\w@./])[\w-]{{2,}}(?:\.[\w-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"]*)?",
    regex.IGNORECASE,
)
# What every link ``_URL_RE`` finds has in it (see ``_Links``): the full pattern tries a
# host name at every word, and most texts have no link.
_URL_HINT_RE = regex.compile(rf"https?://|www\.|\.(?:{_TLDS})\b", regex.IGNORECASE)
_SPACE_RE = regex.compile(r"\s")
_SPACE_BEFORE_RE = regex.compile(r"(?r)\s")  # searched backwards: the last one before
_EMOJI_RE = regex.compile(r"(?:\p{Extended_Pictographic}[\ufe0f\u200d\p{Emoji_Modifier}]*){2,}")
# Mathematical alphanumerics, fullwidth and enclosed letters: fonts that dodge word filters.
_STYLED_RE = regex.compile(r"[\U0001d400-\U0001d7ff\uff21-\uff3a\uff41-\uff5a\u24b6-\u24e9]+")
# Two or more capitalised words (offers shout), or a capitalised name with a number glued on
# (the site names of gambling spam).
_CAPS_WORD = r"\p{Lu}{2,}"
_ALL_CAPS_RE = regex.compile(
    rf"(?<!\w){_CAPS_WORD}(?:[ !]+{_CAPS_WORD})+(?!\w)|(?<!\w)\p{{Lu}}{{3,}}\d{{2,}}(?!\w)"
)
# Capitalised words alone are names as often as offers (a band, a company, an agency); a
# shouted offer has an offer word in it, or the styled letters that dodge word filters.
_OFFER_WORDS = frozenset(
    " ".join(
        (
            "free now off sale deal deals offer offers discount bonus promo jackpot win wins",
            "winner maxwin cash prize money bet vip hot urgent buy order click claim call cheap",
            "limited loan loans casino slot slots",
            "gratis gacor toto togel daftar diskon",  # id
            "скидка скидки акция бесплатно бонус казино знижка безкоштовно",  # ru, uk
            "gratuit gratuito oferta descuento promoção kostenlos rabatt angebot",  # fr es pt de
            "sconto offerta korting promocja darmowe ücretsiz bedava indirim",  # it nl pl tr
        )
    ).split()
)


class _Finder(Protocol):
    def finditer(self, text: str, /) -> Iterator[regex.Match[str]]: ...


@dataclass(frozen=True)
class Cue:
    """One cue found in a text: its kind (a reason code) and where it lies."""

    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


_WORD_RUN_RE = regex.compile(r"\w+")


class _CallsToAction:
    """The calls to action of ``data/cta_terms.tsv`` as one pattern (whole words where the
    script has spaces, substrings in Chinese, Japanese and Thai), tried only where a match
    can start: the pattern is a long alternation that ``finditer`` would try at every
    character, and a match starts at a word that is a term's first word (or, unspaced, at
    a term's first character)."""

    def __init__(self, spaced: list[str], unspaced: list[str]) -> None:
        words = "|".join(
            regex.escape(t).replace(r"\ ", r"\s+") for t in sorted(spaced, key=len)[::-1]
        )
        pieces = "|".join(regex.escape(t) for t in sorted(unspaced, key=len)[::-1])
        self.pattern = regex.compile(rf"(?<!\w)(?:{words})(?!\w)|{pieces}", regex.IGNORECASE)
        # A spaced term starts where a run of word characters starts and takes all of it up
        # to the term's first non-word character: a run of ASCII letters and digits matches
        # that first word case-insensitively only if it casefolds to it (the terms are
        # casefolded; of all characters only İ, K and ſ match an ASCII one, and none is a
        # casefolded term's). Other runs are always tried: the pattern matches İnfo to info.
        self._leads = frozenset(_WORD_RUN_RE.match(t).group() for t in spaced)  # type: ignore[union-attr]
        first = "".join(sorted({t[0] for t in unspaced}))
        self._unspaced = (
            regex.compile(f"[{regex.escape(first)}]", regex.IGNORECASE) if first else None
        )

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """What ``pattern.finditer`` finds, tried only where a match can start."""
        leads = self._leads
        starts = [
            m.start()
            for m in _WORD_RUN_RE.finditer(text)
            if not (run := m.group()).isascii() or run.casefold() in leads
        ]
        if self._unspaced is not None:
            starts = sorted({*starts, *(m.start() for m in self._unspaced.finditer(text))})
        done = 0
        for pos in starts:
            if pos >= done and (match := self.pattern.match(text, pos)) is not None:
                done = match.end()
                yield match


class _Links:
    """``_URL_RE``'s links, looked for only in the stretches between whitespace that hold
    what every link has (``_URL_HINT_RE``): no link crosses whitespace, and the pattern's
    look-behinds see the text before a stretch as they would in the whole text."""

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        done = 0
        for hint in _URL_HINT_RE.finditer(text):
            if hint.start() < done:
                continue  # in a stretch already read
            before = _SPACE_BEFORE_RE.search(text, 0, hint.start())
            after = _SPACE_RE.search(text, hint.end())
            done = after.start() if after is not None else len(text)
            yield from _URL_RE.finditer(text, before.end() if before is not None else 0, done)


_LINKS = _Links()


@lru_cache(maxsize=1)
def _calls_to_action() -> _CallsToAction:
    path = resources.files("texthygiene").joinpath("data").joinpath("cta_terms.tsv")
    spaced: list[str] = []
    unspaced: list[str] = []
    lines = path.read_text("utf-8").splitlines()
    for number, line in enumerate(lines[1:], 2):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if (
            len(fields) != 2
            or fields[1] != unicodedata.normalize("NFC", fields[1]).casefold()
            or not _WORD_RUN_RE.match(fields[1])
        ):
            raise ValueError(
                f"cta_terms.tsv line {number}: expected language<TAB>casefolded term "
                "starting with a letter or digit"
            )
        language, term = fields
        (unspaced if language in ("zh", "ja", "th") else spaced).append(term)
    return _CallsToAction(spaced, unspaced)


def _phone(match: regex.Match[str]) -> bool:
    text = match.group()
    if _YEARS_RE.fullmatch(text) or _DATE_RE.fullmatch(text):
        return False
    # 1.500.000 is an amount; a phone number is grouped otherwise, or starts with + or 0.
    return text[:1] in "+0" or not _THOUSANDS_RE.fullmatch(text)


def _reachable(match: regex.Match[str], span: str, offset: int, contacts: list[Cue]) -> bool:
    """A messenger's name with a handle or number after it, or a call to action, a phone
    number or a link close by ("stuur een WhatsApp naar 0612345678")."""
    if _MESSENGER_CONTACT_RE.match(span, match.end()):
        return True
    start, end = offset + match.start(), offset + match.end()
    return any(c.start - CONTACT_REACH <= end and start <= c.end + CONTACT_REACH for c in contacts)


def _domain(match: regex.Match[str]) -> bool:
    """Not a sentence's last word glued onto the next one in capitals (``friends.CLICK``):
    an address is written in one case, or its name in capitals and its ending in lower case."""
    text = match.group().split("/", 1)[0]
    if "." not in text or text.casefold().startswith(("http", "www.")):
        return True
    name, ending = text.rsplit(".", 1)
    return not (ending.isupper() and not name.isupper())


def _offer(match: regex.Match[str]) -> bool:
    text = match.group()
    if any(c.isdigit() for c in text) or _STYLED_RE.search(text):
        return True
    return any(word.casefold() in _OFFER_WORDS for word in regex.split(r"[ !]+", text))


def find_cues(text: str, start: int = 0, end: int | None = None) -> tuple[Cue, ...]:
    """Every cue in ``text[start:end]``, in text order (offsets are into ``text``)."""
    end = len(text) if end is None else end
    span = text[start:end]
    found: list[Cue] = []

    def add(kind: str, pattern: _Finder, keep: object = None) -> None:
        for m in pattern.finditer(span):
            if keep is None or keep(m):  # type: ignore[operator]
                found.append(Cue(kind, start + m.start(), start + m.end(), m.group()))

    if _DIGIT_RE.search(span):
        add("price", _PRICE_RE, lambda m: any(c.isdigit() for c in m.group()))
        add("percentage", _PERCENT_RE)
        add("phone_number", _PHONE_RE, _phone)
    add("url_in_run", _LINKS, _domain)
    add("call_to_action", _calls_to_action())
    contacts = [c for c in found if c.kind in ("call_to_action", "phone_number", "url_in_run")]
    add("messenger", _MESSENGER_RE)
    add("messenger", _MESSENGER_NAME_RE, lambda m: _reachable(m, span, start, contacts))
    add("emoji_run", _EMOJI_RE)
    add("styled_letters", _STYLED_RE)
    add("all_caps", _ALL_CAPS_RE, _offer)
    found.sort(key=lambda c: (c.start, c.end, c.kind))
    return tuple(found)


def cue_kinds(cues: tuple[Cue, ...], start: int, end: int) -> list[str]:
    """The kinds of the cues that lie inside ``[start, end)``, each once, in CUE_KINDS order."""
    inside = {c.kind for c in cues if c.start >= start and c.end <= end}
    return [kind for kind in CUE_KINDS if kind in inside]
