"""The pipeline, top to bottom: repair → segment → identify → flag → report / clean."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .chardata import READ_AS, SCRIPT_LANGUAGES, is_language_code
from .clean import remove
from .config import Config, TextTooLarge, check_size
from .decode import decode
from .document import document_view
from .flag import flag
from .hygiene import inspect, nbsp_glue_findings
from .identify import identify_words
from .lexicon import allowed_tokens, spam_matcher
from .naming import reported_language
from .repair import mojibake_findings, repair_and_explain
from .results import Report
from .segment import Token, build_segments, tokenize_view
from .structure import markup_as_code

_ALIASES = {"zh-cn": "zh", "zh-tw": "zh", "no": "nb"}


def normalise_languages(languages: Iterable[str] | str | None) -> frozenset[str]:
    """Validate expected-language codes (ISO 639-1; a comma-separated string is accepted).

    Every ISO 639-1 code is accepted. One the identifier does not name (``LANGUAGES``) has
    no effect on identification: text in it is not told apart from the languages it names.

    >>> sorted(normalise_languages("nl, EN"))
    ['en', 'nl']
    """
    if languages is None:
        return frozenset()
    if isinstance(languages, str):
        languages = languages.split(",")
    codes = set()
    for raw in languages:
        if not isinstance(raw, str):
            raise TypeError(f"languages: expected language codes (str), got {type(raw).__name__}")
        code = _ALIASES.get(raw.strip().lower(), raw.strip().lower())
        if not is_language_code(code):
            raise ValueError(
                f"languages: unknown language code {raw!r} (expected an ISO 639-1 code, e.g. nl)"
            )
        codes.add(code)
    return frozenset(codes)


def read_as(expected: frozenset[str]) -> frozenset[str]:
    """The expected languages as the identifier reads them: a language named without a
    profile of its own (``READ_AS``: Malay) brings the profile its text reads as.

    >>> sorted(read_as(frozenset({"nl", "ms"})))
    ['id', 'ms', 'nl']
    """
    return expected | {READ_AS[code] for code in expected if code in READ_AS}


def _as_named(languages: dict[str, float], named: str | None) -> dict[str, float]:
    """The document's language shares with the words of the profile a named language reads
    as (``READ_AS``: Indonesian for Malay) counted as that language's."""
    if named not in READ_AS:
        return languages
    return {named if code == READ_AS[named] else code: share for code, share in languages.items()}


def expected_by_script(tokens: Sequence[Token], expected: frozenset[str]) -> frozenset[int]:
    """Words in the script of an expected language the identifier tells by its script alone
    (Armenian for ``hy``): text in an expected language is never flagged as foreign."""
    scripts = {script for script, code in SCRIPT_LANGUAGES.items() if code in expected}
    if not scripts:
        return frozenset()
    return frozenset(i for i, t in enumerate(tokens) if t.kind == "word" and t.script in scripts)


def _check_text(text: object, config: Config) -> tuple[str, str | None]:
    """The text to scan, and the encoding it was decoded from (None for a str); raises
    ``TextTooLarge`` over the config's cap."""
    if isinstance(text, str):
        check_size(text, config)
        return text, None
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        # No encoding takes more than 4 bytes a character: this much is over the cap
        # whatever it decodes to, and is not worth decoding.
        if len(data) > 4 * config.max_chars:
            raise TextTooLarge(len(data), config.max_chars, unit="bytes")
        decoded = decode(data)
        check_size(decoded.text, config)
        return decoded.text, decoded.encoding
    raise TypeError(f"expected str or bytes, got {type(text).__name__}")


def scan(
    text: str | bytes,
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> Report:
    """Repair, segment, identify and flag ``text``; return the full report.

    A text over ``config.max_chars`` raises ``TextTooLarge`` (a ``ValueError``).

    >>> report = scan("Mooi verhaal over de tuin en de buren.где взять деньги быстро")
    >>> [(f.text, f.language, f.position) for f in report.findings]
    [('где взять деньги быстро', 'ru', 'glued')]
    """
    return scan_units(text, languages=languages, config=config)


def scan_units(
    text: str | bytes,
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
    units: Sequence[tuple[int, int]] = (),
) -> Report:
    """``scan``, told where the structural units are: text spans of list items, table
    cells, headings, menus and labels (``scan_html`` knows them from the elements)."""
    config = config or Config()
    text, encoding = _check_text(text, config)
    expected = normalise_languages(languages)
    fixed, steps = repair_and_explain(text) if config.repair_encoding else (text, ())
    inspection = inspect(fixed)
    tokens = markup_as_code(fixed, tokenize_view(fixed, inspection.view, inspection.positions))
    allowlisted = allowed_tokens(tokens, config.allowlist) | expected_by_script(tokens, expected)
    words = identify_words(tokens, read_as(expected), allowlisted, config.detector)
    segments = build_segments(fixed, tokens, words.labels, words.confidences)
    spam = spam_matcher(config.spam_lexicon, config.extra_spam_terms).find(tokens)
    view = document_view(tokens, words)
    fragments = flag(fixed, tokens, words, spam, allowlisted, config, units, view)
    hygiene = [
        f
        for f in (
            *mojibake_findings(text, fixed, steps),
            *inspection.findings,
            *nbsp_glue_findings(fixed, fragments),
        )
        if f.score >= config.threshold
    ]
    findings = tuple(sorted((*fragments, *hygiene), key=lambda f: (f.start, f.end, f.kind)))
    wanted = {
        "confusable": config.fix_confusables,
        "nfc": config.normalize_nfc,
        "line_ending": config.normalize_line_endings,
    }
    edits = tuple(
        sorted((e for e in inspection.substitutions if wanted[e.reason]), key=lambda e: e.start)
    )
    language = reported_language(tokens, words, config.detector)
    return Report(
        fixed,
        language,
        segments,
        findings,
        steps,
        original=text,
        encoding=encoding,
        edits=edits,
        languages=_as_named(view.languages, language),
        multilingual=view.multilingual,
    )


def clean(
    text: str | bytes,
    *,
    languages: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> str:
    """``scan``, then delete every finding (and the whitespace that joined it).

    A text with no findings comes back as ``repair`` would return it. Bytes are decoded
    (see ``decode``) and the cleaned text is returned as ``str``.
    """
    report = scan(text, languages=languages, config=config)
    return remove(report.text, report.findings, report.edits)[0]
