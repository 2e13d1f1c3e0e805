"""Character tables and precompiled patterns shared by the pipeline stages.

Nothing here has logic beyond a look-up; the stages import what they need.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

#: Scripts we name in segments, tested in this order. Anything else with a letter is "Other".
_SCRIPTS = (
    "Latin", "Cyrillic", "Greek", "Han", "Hiragana", "Katakana", "Hangul", "Arabic",
    "Hebrew", "Thai", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Tamil", "Telugu",
    "Kannada", "Malayalam", "Armenian", "Georgian", "Ethiopic", "Khmer", "Lao", "Myanmar",
    "Sinhala", "Tibetan",
)  # fmt: skip
_SCRIPT_PATTERNS = tuple((name, regex.compile(rf"\p{{Script={name}}}")) for name in _SCRIPTS)
_LETTER_OR_NUMBER = regex.compile(r"[\p{L}\p{N}]")
_NUMBER = regex.compile(r"\p{N}")

#: Scripts written together in one language; a switch between them is not a script change.
SCRIPT_GROUP = {"Hiragana": "Han", "Katakana": "Han"}


@lru_cache(maxsize=8192)
def char_script(ch: str) -> str:
    """The script of one character: a name from ``_SCRIPTS``, "Other", or "Common".

    "Common" covers digits, punctuation, symbols and combining marks, which belong to no
    script of their own.

    >>> char_script("a"), char_script("д"), char_script("7"), char_script("東")
    ('Latin', 'Cyrillic', 'Common', 'Han')
    """
    # regex's Unicode data only, never ``str.isalpha``: Python's ``unicodedata`` may be
    # older, and a letter it does not know yet would then be a letter with no script.
    if _LETTER_OR_NUMBER.match(ch) is None:
        return "Common"
    for name, pattern in _SCRIPT_PATTERNS:
        if pattern.match(ch):
            return name
    return "Common" if _NUMBER.match(ch) else "Other"


#: Letters in a look-alike font (mathematical alphanumerics, letterlike symbols such as ℝ,
#: fullwidth, circled and squared letters): spam writes them to dodge word filters, and each
#: is read as the letter it imitates.
STYLED_LETTERS_RE = regex.compile(
    r"[\u2102-\u2149\u24b6-\u24e9\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff\U0001f130-\U0001f149]"
)
#: The scripts whose letters have look-alike fonts.
STYLED_SCRIPTS = frozenset({"Latin", "Greek"})


@lru_cache(maxsize=4096)
def imitated_letter(ch: str) -> str | None:
    """The letter a look-alike letter imitates (its NFKC form), or None.

    >>> imitated_letter("𝐛"), imitated_letter("Ｇ"), imitated_letter("𝟑"), imitated_letter("b")
    ('b', 'G', None, None)
    """
    if not STYLED_LETTERS_RE.match(ch):
        return None
    plain = unicodedata.normalize("NFKC", ch)
    return plain if len(plain) == 1 and plain != ch and plain.isalpha() else None


def unstyled(word: str) -> str:
    """``word`` with its look-alike letters read as the letters they imitate (same length,
    so offsets into it are offsets into ``word``)."""
    if word.isascii() or not STYLED_LETTERS_RE.search(word):
        return word
    return "".join(imitated_letter(ch) or ch for ch in word)


def script_group(script: str) -> str:
    """Collapse scripts that one language mixes (Japanese kana with Han)."""
    return SCRIPT_GROUP.get(script, script)


#: Scripts written without spaces between words: a "word" token is a whole phrase there.
UNSPACED_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar"})

# Tokens, tried in this order at each position (spaces first: they are half of all tokens).
# Protected kinds (url … code) carry no language evidence and are never part of a finding.
_SPACE = r"[^\S\n\r\u2028\u2029\x0b\x0c\x85]+"
_WORD = r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*"
_URL = r"""(?:https?://|www\.)[^\s<>"'“”‘’()\[\]]+[^\s<>"'“”‘’()\[\].,;:!?]"""
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# A word stops where a URL or an address starts, so one glued to a word
# (``tuinhttps://…``, ``tuin’jan@example.nl``) is still one token, kept or removed whole.
_LETTER = rf"(?:(?!{_URL}|{_EMAIL})[\p{{L}}\p{{M}}\p{{N}}])"
TOKEN_RE = regex.compile(
    rf"""
    (?P<space>{_SPACE})
  | (?P<url>{_URL})
  | (?P<email>{_EMAIL})
  | (?P<handle>(?<![\w@])@\w+(?:[._]\w+)*)
  | (?P<hashtag>(?<![\w#&])\#\w+)
  | (?P<code>`[^`\n]+`)
  | (?P<word>{_LETTER}+(?:['’\-]{_LETTER}+)*)
  | (?P<newline>\r\n|[\n\r\u2028\u2029\x0b\x0c\x85])
  | (?P<other>.)
    """,
    regex.VERBOSE | regex.DOTALL,
)
PROTECTED_KINDS = frozenset({"url", "email", "handle", "hashtag", "code"})
#: ``TOKEN_RE`` for a text that cannot hold a protected token (no ``@ # ` :// www.``): the
#: same tokens, and a token's kind follows from its first character (see ``segment``).
PLAIN_TOKEN_RE = regex.compile(rf"{_SPACE}|{_WORD}|\r\n|.", regex.DOTALL)
#: Substrings without which no protected token (url … code) can match.
PROTECTED_MARKS = ("@", "#", "`", "://", "www.")
#: Invisible marks that legitimately set the direction of neutral characters in RTL text.
DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")

#: Punctuation that ends a sentence or a clause (a switch of language is cheap after it).
SENTENCE_END = frozenset(".!?…。！？:;")
#: Punctuation that ends a sentence for good: what injected text is glued onto or sits after.
SENTENCE_FINAL = frozenset(".!?…。！？")
#: Punctuation inside a sentence that still loosens it (a clause, an aside, a quotation).
CLAUSE_PUNCT = frozenset(",–—-/|•·«»“”„‟\"'‘’‚‹›()[]{}「」『』")
OPENING_QUOTES = frozenset("“„‟\"'‘‚«‹「『")
CLOSING_QUOTES = frozenset("”\"'’»›」』")

#: The languages the identifier names (ISO 639-1 as we report them): langdetect's profiles,
#: the languages named by a script of their own, and those named by their frequency list
#: next to a profile language (``READ_AS``; see ``naming``).
LANGUAGES: tuple[str, ...] = (
    "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "fi",
    "fr", "gu", "he", "hi", "hr", "hu", "hy", "id", "it", "ja", "ka", "kn", "ko", "lt", "lv",
    "mk", "ml", "mr", "ms", "nb", "ne", "nl", "pa", "pl", "pt", "ro", "ru", "sk", "sl", "so", "sq",
    "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur", "vi", "zh",
)  # fmt: skip
#: Languages named without a profile of their own, and the profile their text reads as:
#: where one is expected, text read as the other is expected too.
READ_AS = {"ms": "id"}
#: Scripts only one language we name writes: text in one is in that language, whatever
#: the profiles (which have none of these scripts) say.
SCRIPT_LANGUAGES = {"Armenian": "hy", "Georgian": "ka"}
#: Where CLDR's English name (through ``langcodes``) differs from the name we have always
#: reported, ours: reports and findings' details stay as they were.
_NAME_OVERRIDES = {"bn": "Bengali", "nb": "Norwegian", "tl": "Tagalog"}

#: Languages close enough that short runs of one read as the other; a switch between two
#: of them needs much more evidence than a switch between unrelated languages.
_CLOSE_GROUPS = (
    {"nl", "af"}, {"da", "nb", "sv"}, {"hr", "sl"}, {"cs", "sk"}, {"es", "ca"},
    {"id", "tl"}, {"ru", "uk", "bg", "mk"}, {"hi", "mr", "ne"}, {"ar", "fa", "ur"},
    {"lt", "lv"}, {"fi", "et"},
)  # fmt: skip
CLOSE_LANGUAGES: dict[str, frozenset[str]] = {}
for _group in _CLOSE_GROUPS:
    for _code in _group:
        CLOSE_LANGUAGES[_code] = CLOSE_LANGUAGES.get(_code, frozenset()) | (_group - {_code})

#: How a language is named in the hosts' own languages (en nl de fr es it pt pl sv), as
#: word beginnings: a post that names the language next to a run in it is discussing it
#: ("Σιγά σιγά … that is what she said, in Greek"), which spam never bothers to do.
LANGUAGE_NAME_STEMS: dict[str, tuple[str, ...]] = {
    "ar": ("arabic", "arabisch", "arabe", "árabe", "arabo", "arabsk", "arabisk"),
    "bg": ("bulgar", "bułgar"),
    "de": ("german", "duits", "deutsch", "allemand", "alemán", "aleman", "tedesc", "alemã",
           "niemieck", "tysk"),
    "el": ("greek", "grieks", "griech", "grec", "griego", "grieg", "greco", "greca", "grego",
           "grega", "greck", "grekisk"),
    "en": ("english", "engels", "englisch", "anglais", "inglés", "ingles", "inglese",
           "angielsk", "engelsk"),
    "es": ("spanish", "spaans", "spanisch", "espagnol", "español", "spagnol", "espanhol",
           "hiszpańsk", "spansk"),
    "fa": ("persian", "farsi", "perzisch", "persisch", "persan", "persa", "persiano",
           "persk", "persisk"),
    "fr": ("french", "frans", "französisch", "franzosisch", "français", "francés", "frances",
           "francese", "francês", "francuski", "fransk"),
    "he": ("hebrew", "hebreeuws", "hebräisch", "hébreu", "hebreo", "ebraic", "hebraico",
           "hebrajsk", "hebreisk"),
    "hi": ("hindi",),
    "it": ("italian", "italiaans", "italienisch", "italien", "italiano", "włosk", "italiensk"),
    "ja": ("japanese", "japans", "japanisch", "japonais", "japonés", "japones", "giappones",
           "japonês", "japońsk", "japansk"),
    "ko": ("korean", "koreaans", "koreanisch", "coréen", "coreano", "koreańsk", "koreansk"),
    "nl": ("dutch", "nederlands", "niederländisch", "flemish", "vlaams", "néerlandais",
           "neerlandés", "olandes", "holandês", "niderlandzk", "holenderski", "nederländsk"),
    "pl": ("polish", "pools", "polnisch", "polonais", "polaco", "polacco", "polonês",
           "polski", "polsk"),
    "pt": ("portugu", "portoghes", "portugals"),
    "ru": ("russian", "russisch", "russe", "ruso", "russo", "rosyjsk", "rysk"),
    "th": ("thai", "thais", "thaï", "tailandés", "tailandes", "tajsk", "thailändsk"),
    "tr": ("turkish", "turks", "türkisch", "turc", "turco", "turca", "turecki", "turkisk"),
    "uk": ("ukrain", "oekraïens", "ukraiń"),
    "zh": ("chinese", "chinees", "chinesisch", "chinois", "chino", "cinese", "chinês",
           "chińsk", "kinesisk", "mandarin", "cantonese"),
}  # fmt: skip


def language_name(code: str | None) -> str:
    """English name of a language code (``langcodes``' CLDR data; the code itself when it
    names no language).

    >>> language_name("uk"), language_name("hy"), language_name("nb"), language_name(None)
    ('Ukrainian', 'Armenian', 'Norwegian', 'unidentified')
    """
    if code is None:
        return "unidentified"
    return _name(code)


@lru_cache(maxsize=512)
def _name(code: str) -> str:
    if code in _NAME_OVERRIDES:
        return _NAME_OVERRIDES[code]
    if not is_language_code(code):
        return code
    import langcodes  # on first use: its name data is not needed to scan text without findings

    name: str = langcodes.Language.get(code).display_name()
    return name


@lru_cache(maxsize=512)
def is_language_code(code: str) -> bool:
    """Whether ``code`` is an ISO 639-1 code (two letters the language subtag registry
    holds, deprecated ones such as ``sh`` included).

    >>> is_language_code("sr"), is_language_code("sh"), is_language_code("xx")
    (True, True, False)
    """
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return False
    import langcodes

    return bool(langcodes.tag_is_valid(code))
