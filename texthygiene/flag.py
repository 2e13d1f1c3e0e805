"""Flagging: find runs that look injected and score the evidence for and against.

Language alone cannot tell injected text from a quotation, a name or an English heading, so
each candidate run is scored on several kinds of evidence, added as log-odds:

* for injection: a different script, a different language (same script, enough words),
  glued onto a sentence with no space, lying exactly between two sentences or at the end of
  a paragraph without punctuation of its own, spam terms;
* against: inside a host sentence (an idiom, a loanword), in quotation marks, in
  parentheses (a name's original spelling), a heading or a line of its own in the host's
  script (site chrome, a sign-off).

Each kind of evidence is a named feature (``FEATURES``); the score is the logistic of the
weighted sum, with weights fitted on real text (``weights.py``, ``corpora/tools/fit_weights.py``)
and centred so that 0.5 is the threshold chosen on the dev split for 95% precision. A
finding's reasons are the features that moved its score, largest share first.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import regex

from .chardata import (
    CLOSE_LANGUAGES,
    CLOSING_QUOTES,
    DIRECTION_MARKS,
    LANGUAGE_NAME_STEMS,
    OPENING_QUOTES,
    PROTECTED_KINDS,
    SCRIPT_LANGUAGES,
    SENTENCE_END,
    SENTENCE_FINAL,
    STYLED_LETTERS_RE,
    UNSPACED_SCRIPTS,
    language_name,
)
from .config import Config
from .cues import CUE_KINDS, Cue, cue_kinds, find_cues
from .document import DocumentView, Echoes, chat_alphabet
from .frequency import LIST_FLOOR, lists
from .hanforms import written_apart
from .identify import WordLanguages
from .lexicon import TermMatch
from .naming import LIST_NEIGHBOURS, list_neighbour
from .results import REASON_CODES, Finding, stable_id
from .segment import Token, is_language_word, line_ranges, tokenize
from .structure import unit_lines
from .weights import model as scoring_model
from .weights import trace

#: The evidence features of a candidate run: name -> (the reason code it explains, the
#: hand-set log-odds per unit of value that the fit starts from and is drawn towards, see
#: ``corpora/tools/fit_weights.py``). The score uses the fitted weights (``weights.py``);
#: adding a feature here needs a refit.
FEATURES: dict[str, tuple[str, float]] = {
    "script_mismatch": ("script_mismatch", 3.0),
    "script_words": ("script_mismatch", 0.75),  # min(words, 4): a longer run is surer
    "language_mismatch": ("language_mismatch", 1.0),  # nats of evidence, shaped below
    "close_language_letters": ("close_language_letters", 0.1),
    "glued_to_sentence": ("glued_to_sentence", 3.0),  # right after a full stop, no space
    # touching a host word in another script only (Korean particles glue to Latin names)
    "glued_script": ("glued_to_sentence", 3.0),
    # in an unspaced host (Chinese, Japanese, Thai) sentences and names touch anyway
    "glued_unspaced": ("glued_to_sentence", 3.0),
    "own_line": ("own_line", 1.0),
    "own_line_language": ("own_line", 1.0),
    # ... and most of its words are known abroad and unlikely at home (min(n, 4) / 4): a
    # sentence of another language, not a name, a heading or a line of chrome
    "own_line_words_abroad": ("own_line", 1.0),
    "sentence_boundary": ("sentence_boundary", 1.5),
    # the next word is capitalised: a new sentence, or a name going on
    "capital_boundary": ("sentence_boundary", -1.0),
    # a run starting in lower case right after a full stop
    "lowercase_sentence_start": ("lowercase_sentence_start", 1.5),
    # a capitalised run with its own full stop
    "complete_sentence": ("complete_sentence", -2.5),
    "inside_sentence": ("inside_sentence", -3.0),
    "inside_sentence_script": ("inside_sentence", -2.0),  # a longer run in another script
    # ... but right after a full stop: the host's next word is no capital (a caseless script
    # such as Korean or Arabic, or lower case), so the run may well stand between sentences
    "after_sentence_end": ("sentence_boundary", 0.0),
    "quoted": ("quoted", -5.0),
    "parenthetical": ("parenthetical", -7.0),
    "translated": ("translated", -5.0),
    "language_named": ("language_named", -3.0),  # the post names the run's language
    "spam_terms": ("spam_terms", 3.5),
    "spam_terms_more": ("spam_terms", 1.0),  # min(terms - 1, 2)
    # a spam term's clause: its words beside the terms' (min(n, 12)); a clause running on
    # through a host sentence is the host's sentence, not the spam
    "clause_words": ("spam_terms", 0.0),
    # a phrase in another (not Latin) script inside a sentence, not names
    "script_phrase": ("script_phrase", 1.5),
    # a text with no full stop anywhere: its end is no sentence boundary (a marker only)
    "unpunctuated_text": ("sentence_boundary", 0.0),
    **{kind: (kind, 1.5) for kind in CUE_KINDS},
}
FEATURE_NAMES = tuple(FEATURES)
#: The hand-set intercept: a run is legitimate unless evidence says otherwise.
PRIOR = -4.0
SCRIPT_WORDS_MAX = 4
LANGUAGE_PER_NAT, LANGUAGE_MAX = 0.4, 6.0
LANGUAGE_SHARP_PER_WORD = 3.0  # nats per word for full language evidence
SPAM_MORE_MAX = 2
CLAUSE_WORDS_MAX = 12
ABSORB_MARGIN = 1.5  # nats: a neighbour this close to the run's language joins it
LEXICON_MARGIN = 1.5  # nats a word: how far behind a spam term's language may be to name a run
LOWERCASE_WRITER_MIN = 2  # host sentences opening in lower case: a writer who writes so
SCRIPT_PHRASE_WORDS = 3
QUOTE_REACH = 600  # characters: how far a quotation mark is looked for
_LAST_SENTENCE_END_RE = regex.compile(
    "[" + regex.escape("".join(sorted(SENTENCE_END))) + "]", regex.REVERSE
)
_SENTENCE_END_CHARS = "".join(sorted(SENTENCE_END))
_EMOJI_RE = regex.compile(r"\p{Extended_Pictographic}[\ufe0f\u200d\p{Emoji_Modifier}]*")
_NON_SPACE_RE = regex.compile(r"\S")
_OPENING_QUOTE_RE = regex.compile("[" + regex.escape("".join(sorted(OPENING_QUOTES))) + "]")
NAME_REACH = 300  # characters either side of the run


def _name_pattern(code: str) -> regex.Pattern[str] | None:
    """Names of the language, and of those its short runs are read as (a Russian title read
    as Bulgarian is still discussed as Russian)."""
    stems = [
        stem
        for language in sorted({code} | CLOSE_LANGUAGES.get(code, frozenset()))
        for stem in LANGUAGE_NAME_STEMS.get(language, ())
    ]
    if not stems:
        return None
    return regex.compile(r"\b(?:" + "|".join(map(regex.escape, stems)) + ")", regex.IGNORECASE)


_NAMED = {
    code: pattern
    for code in sorted(set(LANGUAGE_NAME_STEMS) | set(CLOSE_LANGUAGES))
    if (pattern := _name_pattern(code)) is not None
}
TRANSLATION_MARKS = frozenset({"/", "–", "—", "=", "|"})
HEADING_MAX_WORDS = 12
SPACED_SENTENCE_FINAL = frozenset(".!?…")
NAME_PARTICLE_MAX = 3  # letters: de, la, van, der, von, y, e…
NAME_PARTICLE_RUN_MAX = 3  # words: a name's run before its particle is short
BULLETS = frozenset("-*•·–—>#")
CLOSERS = frozenset(")]") | CLOSING_QUOTES
LABEL_ENDS = frozenset({":", ")", "]"})
NOUNS_CAPITALISED = frozenset({"de", "lb"})  # a capital there starts a noun, not a sentence
SHORT_RUN_WORDS = 3  # a run this short needs words known abroad and unlikely at home
SHORT_RUN_MARGIN = 0.5  # Zipf: a word this much more frequent abroad is unlikely at home
TRIM_REACH = 40  # words a term's run is trimmed over on each side (``_trim_home_words``)
CLAUSE_HOST_WORDS = 3  # host's words before a foreign term: the host's sentence, not the phrase
OWN_LINE_ABROAD_MIN = 2  # words known abroad: one is a loanword or a line of chrome
OWN_LINE_ABROAD_MAX = 4  # ... and a line with this many is surely a sentence
CUE_CLAUSE_KINDS = 2  # kinds of cue that make a clause of their own
#: Host scripts whose particles are written onto the word before them, whatever its script.
PARTICLE_SCRIPTS = frozenset({"Hangul"})
#: Evidence a run has of its own, beside its language: in a multilingual document (see
#: document.py) a foreign run without any is expected, and its language does not count.
GLUED_FEATURES = ("glued_to_sentence", "glued_script", "glued_unspaced")
OWN_EVIDENCE = frozenset({"spam_terms", *GLUED_FEATURES, *CUE_KINDS})
#: A script other than the host's on this many lines, in this many blocks with the host's
#: lines between them, is the text's own (``_spread_scripts``); only these are evidence then.
SPREAD_LINES = 3
SPREAD_BLOCKS = 2
SPREAD_OWN_EVIDENCE = frozenset({"spam_terms", "glued_to_sentence", *CUE_KINDS})
SCRIPT_GLUE_FEATURES = ("glued_script", "glued_unspaced")  # touching another script's word
#: The features that are a run's language evidence.
LANGUAGE_FEATURES = (
    "own_line_language",
    "own_line_words_abroad",
    "script_mismatch",
    "script_words",
    "language_mismatch",
    "close_language_letters",
)
_LATIN_LINE_RE = regex.compile(r"[\P{L}]*\p{Latin}[\p{Latin}\P{L}]*$")
AMOUNT_CUES = frozenset({"phone_number", "price"})
CONTACT_CUES = frozenset({"phone_number", "price", "url_in_run", "messenger"})
LATIN_HEADING_MAX = 4  # words: a Latin heading this short in a non-Latin host is a title
TITLE_MAX_WORDS = 6  # a title or a name the host's sentence runs through is short
PHRASE_ABROAD_WORDS = 3  # ... unless a frequency list of another language knows this many
# Marks of code, markup and configuration on a line (assignments, tags, braces, paths,
# identifiers, command options, comments, indentation, a key before a value): Latin text
# there is code, not a phrase of another language.
_CODE_RE = regex.compile(
    r"[=<>{}`\\|]|\]\(|\w_\w|\w/\w|\s#\s|\s--?\w|^(?:\s{2}|\s*(?://|/\*|[#%]\s|[a-z]\w*:\s))",
    regex.MULTILINE,
)
# A sentence ends inside the run and another starts: prose, not a pasted phrase.
_SENTENCE_INSIDE_RE = regex.compile(r"[.!?…](?:\s|$)+\p{Lu}")


@dataclass
class Candidate:
    """A run of words under consideration, with the evidence gathered for it."""

    first: int  # token index of the first word
    last: int  # token index of the last word
    kind: str  # foreign_fragment | spam_fragment
    language: str | None
    llr: float = 0.0  # language evidence (nats) for ``language`` over the host's
    features: dict[str, float] = field(default_factory=dict)  # FEATURES name -> value
    expected: bool = False  # another language is expected here: language is no evidence
    position: str = ""
    terms: list[str] = field(default_factory=list)
    term_words: int = 0  # words of the spam terms found in the run
    chars: tuple[int, int] | None = None  # a span inside its one word (unspaced scripts)

    def extent(self, tokens: Sequence[Token]) -> tuple[int, int]:
        """The run's text span: its words', or the characters it holds of its one word."""
        if self.chars is not None:
            return self.chars
        return tokens[self.first].start, tokens[self.last].end


class _Line:
    __slots__ = (
        "blank",
        "end",
        "first",
        "heading",
        "host_words",
        "last",
        "start",
        "unit",
        "words",
    )

    def __init__(self, tokens: Sequence[Token], first: int, last: int, host_words: int) -> None:
        self.first, self.last = first, last
        kinds = [tokens[i].kind for i in range(first, last)]
        self.words = kinds.count("word")  # is_language_word
        self.host_words = host_words
        self.blank = kinds.count("space") == len(kinds)
        self.heading = False
        self.unit = False  # a list item, table row, heading, menu entry or label
        self.start = tokens[first].start if first < last else 0
        self.end = tokens[last - 1].end if first < last else 0


def flag(
    text: str,
    tokens: Sequence[Token],
    words: WordLanguages,
    spam: Sequence[TermMatch],
    allowlisted: frozenset[int],
    config: Config,
    units: Sequence[tuple[int, int]] = (),
    view: DocumentView | None = None,
) -> tuple[Finding, ...]:
    """Score every candidate run and return the findings at or above the threshold.
    ``units`` are text spans of structural elements (``structure.unit_lines``); ``view`` is
    the document's languages: in a multilingual one, language alone is no evidence."""
    host = words.host
    if host is None:
        return ()

    labels = words.labels
    foreign = [False] * len(tokens)
    for i, token in enumerate(tokens):
        if token.kind == "word" and i not in allowlisted:
            if token.group == words.host_script and _styled(token):
                # In the host's own script a brand in look-alike letters (𝐆𝐀𝐂𝐎𝐑𝐊𝐔𝟕𝟕) is a
                # cue, and joins a run beside it; its label alone makes no run.
                continue
            if _in_identifier(tokens, i):
                continue  # an identifier (``:hear_no_evil:``) is no language's words
            label = labels[i]
            foreign[i] = label != host if label is not None else token.group != words.host_script
    cues = find_cues(text)
    if not spam and not any(foreign) and not cues:
        return ()
    for i in _link_words(tokens, cues):
        # A bare link's pieces (goo.gl/xxxxxx) are no language's words.
        foreign[i] = False

    lines = _lines(text, tokens, foreign, units)
    amounts = _amount_numbers(tokens, cues)
    lines_by_token = {i: line for line in lines for i in range(line.first, line.last)}
    candidates: list[Candidate] = []
    for line in lines:
        run: list[int] = []
        styled: list[int] = []  # words in look-alike letters just before, outside a run
        for i in range(line.first, line.last + 1):
            # A word in look-alike letters (𝐆𝐀𝐂𝐎𝐑𝐊𝐔𝟕𝟕, read as no script's) inside a run, or
            # at either end of it, is part of it: a brand pasted with the phrase.
            if i < line.last and (foreign[i] or (run and _styled(tokens[i]))):
                if run and _run_breaks(tokens, words, run[-1], i, run[0]):
                    candidates.append(_foreign_candidate(tokens, run, words))
                    run = []
                if not run and foreign[i]:
                    run = styled
                styled = []
                run.append(i)
                continue
            if i < line.last and not run and _styled(tokens[i]):
                styled.append(i)
                continue
            if i < line.last and tokens[i].kind in ("space", "other", "hidden"):
                if tokens[i].kind != "space":
                    styled = []
                continue  # spaces and punctuation do not break a run
            styled = []
            if (
                i < line.last
                and run
                and tokens[i].kind == "number"
                and (
                    tokens[run[-1]].group != words.host_script
                    or i in amounts
                    or (
                        labels[run[-1]] in CLOSE_LANGUAGES.get(host, ())
                        and _same_run_after(tokens, foreign, labels, run[-1], i, line.last)
                    )
                )
            ):
                # Nor does a number inside a run in another script ("Στις αρχές του 1990,
                # το γκρουπ"). In the host's script it may, as it often sits between a
                # name or a title and the host's sentence going on; but a number to call
                # or a price between foreign words is the phrase's own (``Call
                # 09058097218 to find out``).
                continue
            if run:
                candidates.append(_foreign_candidate(tokens, run, words))
                run = []
    candidates = [_absorb(tokens, cand, words, lines_by_token) for cand in candidates]
    lowercase = _writes_lowercase(tokens, words)
    if not lowercase:
        candidates = [part for cand in candidates for part in _cut_at_capital(tokens, cand, words)]
    # A spam term touching a host-script run labelled foreign is part of that run
    # (``online`` before ``kaszinó befizetés nélküli bónusz``); a term elsewhere makes a
    # clause, which goes through single host-script words labelled foreign (noisy labels)
    # but stops at longer runs and at runs in another script, which keep their own evidence.
    owner = _Owners()  # token index -> the candidate spanning it
    for cand in candidates:
        for i in range(cand.first, cand.last + 1):
            owner.setdefault(i, cand)
    stops = {
        i
        for i, c in owner.items()
        if c.first != c.last or tokens[c.first].group != words.host_script
    }
    dropped: set[int] = set()
    for match in spam:
        host_run = _touching_host_run(tokens, match, owner, words.host_script or "")
        if host_run is not None and id(host_run) not in dropped:
            # The run's language evidence stays its own: spam words (online, casino, bonus)
            # are everybody's and would only blur it.
            first, last = min(host_run.first, match.first), max(host_run.last, match.last)
            grown = Candidate(first, last, host_run.kind, host_run.language, llr=host_run.llr)
            grown.chars = _term_ends(tokens, match, spam, grown, words.host_script)
            if (
                grown.chars is None
                and match.languages
                and words.host not in match.languages
                and _opens_no_line(tokens, grown.first, lines_by_token[grown.first])
            ):
                # (a line of its own runs through no host sentence: its words are the spam's)
                grown.first, grown.last = _trim_home_words(tokens, match, grown, words)
            dropped.add(id(host_run))
            candidates.append(grown)
            stops.update(owner.grow(host_run, grown))
        elif match.first not in owner:
            clause = _clause(tokens, match, stops, words)
            # Only in the host's own script: a word of another script is foreign whole.
            in_host = tokens[match.first].group == words.host_script
            inside = _inside_word(tokens, match, spam) if in_host else None
            if inside is not None:
                # A term inside a word of an unspaced script (``。シアリスここにいる時に``):
                # no space tells where a pasted phrase ends, so the finding is the terms.
                clause.first = clause.last = match.first
                clause.chars = inside
            for i in range(clause.first, clause.last + 1):
                if i in owner:
                    dropped.add(id(owner[i]))
                owner.assign(i, clause)
            stops.update(range(clause.first, clause.last + 1))
            candidates.append(clause)
    candidates = [c for c in candidates if id(c) not in dropped]
    if words.host_script not in UNSPACED_SCRIPTS:
        # Sentences touch in unspaced scripts: "glued" says nothing there about a clause.
        candidates += _cue_clauses(tokens, cues, owner, stops, words)

    starts = [m.first for m in spam]  # the matcher gives them in text order
    punctuated = any(t.kind == "other" and t.text in SENTENCE_FINAL for t in tokens)
    switching = view is not None and (view.multilingual or chat_alphabet(text))
    scripts = Counter(t.group for t in tokens if t.kind == "word") if switching else Counter()
    echoes = Echoes(tokens, words) if view is not None and not switching else None
    spread = _spread_languages(tokens, candidates, lines_by_token)
    spread_scripts = _spread_scripts(tokens, lines, words.host_script)
    findings: list[Finding] = []
    for cand in candidates:
        matched = [
            m
            for m in spam[bisect_left(starts, cand.first) : bisect_right(starts, cand.last)]
            if m.last <= cand.last
        ]
        cand.terms = sorted({m.term for m in matched})
        cand.term_words = len(
            {i for m in matched for i in range(m.first, m.last + 1) if is_language_word(tokens[i])}
        )
        if matched and cand.kind == "foreign_fragment":
            cand.language = _lexicon_language(cand, words, matched)
        line = lines_by_token[cand.first]
        _score(text, tokens, cand, line, words, config, cues, lowercase, punctuated, spread)
        if spread_scripts:
            _written_in_spread_script(tokens, cand, spread_scripts)
        if (
            (switching and not _script_of_its_own(tokens, cand, scripts))
            or "unpunctuated_text" in cand.features
            or _in_sentence_syntax(tokens, cand, words, line)
            or (
                echoes is not None
                and cand.kind == "foreign_fragment"
                and echoes.echoed(cand.language, range(cand.first, cand.last + 1))
            )
        ):
            # Code-switched: the run's language is spread through the text, the text is in
            # a chat alphabet, the host's own sentences borrow the run's words, or the run
            # closes a chat line or a transcript with no full stop anywhere, its one clause
            # going on in the writer's other language (train split: only code-switched
            # documents end so), or it is a title or a name in its own script that the
            # host's sentence runs through; its language is then no evidence.
            cand.expected = cand.kind == "foreign_fragment" and not OWN_EVIDENCE.intersection(
                cand.features
            )
        trace(*cand.extent(tokens), cand.kind, evidence(cand))
        score, contributions = _scored(cand)
        if score >= config.threshold:
            findings.append(_finding(text, tokens, cand, score, host, contributions))
    return _without_overlaps(findings)


def _in_sentence_syntax(
    tokens: Sequence[Token], cand: Candidate, words: WordLanguages, line: _Line
) -> bool:
    """A short capitalised run in another script with a word of the host's right before it
    and right after it, spaces only between: the host's sentence runs through it, as
    through a title or a name in its original script (``Ik lees nu Война и мир van
    Tolstoj``). A phrase
    pasted in comes between sentences, after a stop or a bracket (train split: every
    injected run with the ``script_phrase`` evidence has punctuation before it)."""
    host_script = words.host_script
    if (
        cand.kind != "foreign_fragment"
        or cand.chars is not None
        or host_script in UNSPACED_SCRIPTS
        or _word_count(tokens, cand) > TITLE_MAX_WORDS
    ):
        return False
    inside = [tokens[i] for i in range(cand.first, cand.last + 1) if is_language_word(tokens[i])]
    # A title or a name starts with a capital; a run in lower case, or in a script without
    # case, may as well be a phrase pasted into the sentence (``купили мороженое في هذا
    # السياق и пошли``).
    if not inside or not inside[0].text[:1].isupper():
        return False
    if any(t.group == host_script for t in inside):
        return False
    before = _prev_visible(tokens, cand.first, line.first)
    after = _next_visible(tokens, cand.last, line.last)
    return all(
        j is not None
        and tokens[j].kind == "word"
        and tokens[j].group == host_script  # its label may be noise ("nu" read as Romanian)
        for j in (before, after)
    ) and not (
        _touching(tokens, before, cand.first)  # type: ignore[arg-type]
        or _touching(tokens, cand.last, after)  # type: ignore[arg-type]
    )


def _in_identifier(tokens: Sequence[Token], i: int) -> bool:
    """Word ``i`` is joined to another word by an underscore (``hear_no_evil``)."""
    return (i >= 2 and tokens[i - 1].text == "_" and tokens[i - 2].kind == "word") or (
        i + 2 < len(tokens) and tokens[i + 1].text == "_" and tokens[i + 2].kind == "word"
    )


def _link_words(tokens: Sequence[Token], cues: Sequence[Cue]) -> list[int]:
    """Indices of the word tokens inside a link found as a cue."""
    spans = [(c.start, c.end) for c in cues if c.kind == "url_in_run"]
    if not spans:
        return []
    starts = [t.start for t in tokens]
    return [
        i
        for start, end in spans
        for i in range(bisect_left(starts, start), bisect_left(starts, end))
        if tokens[i].kind == "word"
    ]


def _amount_numbers(tokens: Sequence[Token], cues: Sequence[Cue]) -> frozenset[int]:
    """Indices of the number tokens inside a phone number or a price."""
    spans = [(c.start, c.end) for c in cues if c.kind in AMOUNT_CUES]
    if not spans:
        return frozenset()
    return frozenset(
        i
        for i, t in enumerate(tokens)
        if t.kind == "number" and any(s <= t.start and t.end <= e for s, e in spans)
    )


def _spread_languages(
    tokens: Sequence[Token], candidates: Sequence[Candidate], lines_by_token: dict[int, _Line]
) -> frozenset[str]:
    """The languages of runs of two words or more on more than one line: the text's second
    language (a Spanish page read as English for its code), not one line pasted in."""
    lines: dict[str, set[int]] = {}
    for cand in candidates:
        if (
            cand.kind == "foreign_fragment"
            and cand.language
            and _word_count(tokens, cand) >= 2
            and not _title_case(tokens, cand)  # a name (University of Michigan) is no prose
        ):
            lines.setdefault(cand.language, set()).add(lines_by_token[cand.first].first)
    return frozenset(language for language, seen in lines.items() if len(seen) > 1)


def _spread_scripts(
    tokens: Sequence[Token], lines: Sequence[_Line], host_script: str | None
) -> frozenset[str]:
    """Scripts other than the host's and Latin that the text goes back to again and again:
    on ``SPREAD_LINES`` lines or more, in ``SPREAD_BLOCKS`` blocks or more with lines of the
    host's script between them. Such a script is the text's own second one (Japanese
    documentation around English code and sample text), where an injection is one block."""
    seen: dict[str, int] = {}  # script -> lines with its words
    blocks: dict[str, int] = {}  # script -> blocks of such lines
    open_blocks: set[str] = set()  # scripts whose block no host-script line has closed
    for line in lines:
        groups = {tokens[i].group for i in range(line.first, line.last) if tokens[i].kind == "word"}
        for group in groups - {host_script, "Latin"}:
            seen[group] = seen.get(group, 0) + 1
            if group not in open_blocks:
                blocks[group] = blocks.get(group, 0) + 1
                open_blocks.add(group)
        if host_script in groups:
            open_blocks &= groups
    return frozenset(
        group
        for group, count in seen.items()
        if count >= SPREAD_LINES and blocks[group] >= SPREAD_BLOCKS
    )


def _written_in_spread_script(
    tokens: Sequence[Token], cand: Candidate, spread: frozenset[str]
) -> None:
    """A run in one of the text's spread scripts (``_spread_scripts``) is the text's own
    writing: its script and language are no evidence, nor is its touching a word of another
    script (Japanese writes Latin names unspaced: ``Hugoで使える``); spam terms, cues and a
    full stop it is glued onto still are."""
    if cand.kind != "foreign_fragment" or SPREAD_OWN_EVIDENCE.intersection(cand.features):
        return
    if all(
        tokens[i].group in spread
        for i in range(cand.first, cand.last + 1)
        if is_language_word(tokens[i])
    ):
        for name in (*LANGUAGE_FEATURES, *SCRIPT_GLUE_FEATURES):
            cand.features.pop(name, None)


def _script_of_its_own(tokens: Sequence[Token], cand: Candidate, scripts: Counter[str]) -> bool:
    """The run is in a script no other word of the text is in: whatever languages run
    through a code-switched text, this one is not among them (Hangul in a Chinese post)."""
    groups = Counter(
        tokens[i].group for i in range(cand.first, cand.last + 1) if tokens[i].kind == "word"
    )
    return len(groups) == 1 and all(scripts[g] == n for g, n in groups.items())


def _scored(cand: Candidate) -> tuple[float, dict[str, float]]:
    """The run's score by the fitted weights, and each reason code's share of its log-odds
    (largest first). Where another language is expected the run's language evidence is
    cancelled, and the reason says so."""
    model = scoring_model(FEATURE_NAMES)
    shares = model.contributions(cand.features)
    z = model.intercept - model.centre + sum(shares.values())
    if cand.expected:
        language = sum(shares.get(name, 0.0) for name in LANGUAGE_FEATURES)
        if language:
            shares["multilingual_document"] = -language
            z -= language
    reasons: dict[str, float] = {}
    for name, share in shares.items():
        code = FEATURES[name][0] if name in FEATURES else name
        reasons[code] = reasons.get(code, 0.0) + share
    ordered = sorted(reasons.items(), key=lambda item: -item[1])
    return 1.0 / (1.0 + math.exp(-z)), dict(ordered)


def evidence(cand: Candidate) -> dict[str, float]:
    """The features the score uses: without the language ones where another language is
    expected."""
    if not cand.expected:
        return cand.features
    return {k: v for k, v in cand.features.items() if k not in LANGUAGE_FEATURES}


def _lines(
    text: str, tokens: Sequence[Token], foreign: list[bool], units: Sequence[tuple[int, int]]
) -> list[_Line]:
    lines = []
    is_word = [t.kind == "word" for t in tokens]
    ranges = line_ranges(tokens)
    for (first, last), unit in zip(ranges, unit_lines(text, tokens, ranges, units), strict=True):
        # Only words are foreign: the host's words are the words less the foreign ones.
        host_words = sum(is_word[first:last]) - sum(foreign[first:last])
        line = _Line(tokens, first, last, host_words)
        line.unit = unit
        lines.append(line)
    for n, line in enumerate(lines):
        alone = (n == 0 or lines[n - 1].blank) and (n + 1 == len(lines) or lines[n + 1].blank)
        last_char = tokens[line.last - 1].text[-1:] if line.last > line.first else ""
        line.heading = (
            alone
            and 0 < line.words <= HEADING_MAX_WORDS
            and last_char not in {".", ",", ";"}
            and not _sentences_on(tokens, line)
        )
    return lines


def _sentences_on(tokens: Sequence[Token], line: _Line) -> bool:
    """A sentence ends on the line and a word follows it (``… ПРАВДЫ! Випадає …``): two
    sentences are a short paragraph, not a heading. Only in spaced scripts: a paragraph of
    an unspaced one is a handful of word tokens, and its kanji runs read as Chinese are the
    host's own words (train: two Japanese clean documents flagged when its full stops
    counted)."""
    followed = False
    for i in range(line.last - 1, line.first, -1):
        if tokens[i].kind == "word":
            followed = True
        elif (
            followed
            and tokens[i].text in SPACED_SENTENCE_FINAL
            and _ends_sentence(tokens, i, line.first)
        ):
            return True
    return False


def _styled(token: Token) -> bool:
    """A word in look-alike letters (mathematical, double-struck, fullwidth): read as the
    letters it imitates, or taken for a number where they have no script to imitate."""
    if token.kind == "number":
        return any(ch.isalpha() for ch in token.text)
    return (
        token.kind == "word"
        and not token.text.isascii()
        and STYLED_LETTERS_RE.search(token.text) is not None
    )


def _same_run_after(
    tokens: Sequence[Token],
    foreign: Sequence[bool],
    labels: Sequence[str | None],
    last: int,
    number: int,
    stop: int,
) -> bool:
    """The next word after the number at ``number`` is foreign in the language of the run
    ending at ``last``: the number is the run's (``Лише 1994 року Кабінет``), not a name's
    or a title's before the host's sentence goes on. Asked of a close language's run only:
    elsewhere a number between two foreign words is as often a code-switching writer's
    (``baru jam 10 gw udah`` in an English chat, train)."""
    for j in range(number + 1, stop):
        if tokens[j].kind in ("space", "other", "hidden"):
            continue
        return tokens[j].kind == "word" and foreign[j] and labels[j] == labels[last]
    return False


def _run_breaks(
    tokens: Sequence[Token], words: WordLanguages, before: int, after: int, start: int | None = None
) -> bool:
    """Two adjacent foreign words belong to different runs (script or language changes);
    ``start`` is the first word of the run ``before`` ends."""
    # A run opened inside the host's brackets ends at their closing one: what follows is the
    # host's sentence again, or a phrase pasted after it (``(чай, … газета) секс
    # запознанства``); brackets opened and closed inside the run are its own.
    if start is not None and any(
        tokens[i].text in ")]"
        and not any(tokens[k].text == "([)]"[")]".index(tokens[i].text)] for k in range(start, i))
        for i in range(before + 1, after)
    ):
        return True
    if _styled(tokens[before]) or _styled(tokens[after]):
        return any(t.text in SENTENCE_END for t in tokens[before + 1 : after])
    if tokens[before].group != tokens[after].group:
        return True
    # Nor does a full stop with a space after it inside a run of an unspaced script, which
    # writes none there: the host's sentence read as the run's language, then a pasted
    # phrase (``…根本就不可能存在。 ブラックでも借りれる``).
    if tokens[after].script in UNSPACED_SCRIPTS and any(
        tokens[i].text in SENTENCE_FINAL and tokens[i + 1].kind == "space"
        for i in range(before + 1, after)
    ):
        return True
    # A word in lower case after a sentence's full stop starts no sentence of the host's,
    # nor does one glued onto it: a phrase pasted there is a run of its own (``…, erklärt
    # Tarlo. kasíno bez vkladu``, ``… Tarlo.İki yılın ardından``).
    lower = tokens[after].text[:1].islower()
    if any(
        tokens[i].text in SENTENCE_FINAL
        and _ends_sentence(tokens, i, before)
        and (lower or _glued_to_stop(tokens, i, after))
        for i in range(before + 1, after)
    ):
        return True
    # Word labels flip between languages the profiles confuse (ru/uk, lv/et): one run,
    # unless a sentence ends between them, or a new one starts with no full stop before it
    # (a pasted phrase, then the host's next sentence: "ya mwisho ya | Enquanto o arroz").
    if words.labels[before] == words.labels[after]:
        return False
    return any(t.text in SENTENCE_END for t in tokens[before + 1 : after]) or (
        _starts_anew(tokens[before].text, tokens[after].text)
    )


def _starts_anew(before: str, after: str) -> bool:
    """A capital after a word in lower case (but a site's name in capitals with a number,
    the pasted phrase's own: ``daftar KYT4D``), or a capitalised word after a brand or an
    acronym in capitals (``KYT4D | North Carolina``), starts something new; after a
    capitalised word it may be a name going on (``Dar Es``)."""
    if before[:1].islower():
        return after[:1].isupper() and not (after.isupper() and any(c.isdigit() for c in after))
    return before.isupper() and after[:1].isupper() and not after.isupper()


_BETWEEN_WORDS = frozenset({"space", "other", "hidden"})


def _cut_at_capital(
    tokens: Sequence[Token], cand: Candidate, words: WordLanguages
) -> list[Candidate]:
    """A run that starts in lower case right after a full stop is no sentence of the
    host's but a phrase pasted in, with no full stop of its own to end on: a capitalised
    word after a space in it starts the host's next sentence, or a name of the host's, and
    the run is cut there into two, each scored on its own (``… jedzenia. plataforma pagante
    | Sama Wintour pokazuje …``, whose words the labels read as one language)."""
    if (
        cand.kind != "foreign_fragment"
        or cand.chars is not None
        or cand.language in NOUNS_CAPITALISED  # a German phrase's nouns are its own
    ):
        return [cand]
    before = _prev_visible(tokens, cand.first, 0)
    if (
        before is None
        or not tokens[cand.first].text[:1].islower()
        or not _ends_sentence(tokens, before, 0)
    ):
        return [cand]
    for i in range(cand.first + 1, cand.last + 1):
        text = tokens[i].text
        if (
            is_language_word(tokens[i])
            and text[:1].isupper()
            and not text.isupper()  # an acronym or a brand in capitals is the phrase's own
            and _after_space(tokens, i)
        ):
            end = max(k for k in range(cand.first, i) if tokens[k].kind not in _BETWEEN_WORDS)
            return [
                _foreign_candidate(tokens, list(range(cand.first, end + 1)), words),
                _foreign_candidate(tokens, list(range(i, cand.last + 1)), words),
            ]
    return [cand]


def _lexicon_language(
    cand: Candidate, words: WordLanguages, matches: list[TermMatch]
) -> str | None:
    """The run's language as its spam terms' lexicon names it, where the words' evidence
    allows it (within ``LEXICON_MARGIN`` nats a word of the best): a few words of pasted
    Indonesian read as Swahili to the pruned profiles; "situs slot gacor" says otherwise."""
    listed = sorted(
        {
            language
            for m in matches
            for language in m.languages
            if language != words.host and language in words.languages
        }
    )
    if cand.language is None or not listed or cand.language in listed:
        return cand.language
    rows = [words.evidence[i] for i in range(cand.first, cand.last + 1) if i in words.evidence]
    if not rows:
        return cand.language
    total = np.sum(rows, axis=0)
    column = words.languages.index
    named = max(listed, key=lambda language: float(total[column(language)]))
    gap = float(total[column(cand.language)] - total[column(named)])
    return named if gap <= LEXICON_MARGIN * len(rows) else cand.language


def _foreign_candidate(tokens: Sequence[Token], run: list[int], words: WordLanguages) -> Candidate:
    """A run of foreign words; its language is the best non-host language over the run, and
    its language evidence how much better that language explains the run than the host's."""
    vectors = [words.evidence[i] for i in run if i in words.evidence]
    if not vectors or words.host is None:
        return Candidate(run[0], run[-1], "foreign_fragment", None)
    total = np.sum(vectors, axis=0)
    host_col = words.languages.index(words.host)
    host_score = float(total[host_col])
    total[host_col] = -np.inf
    best = int(total.argmax())
    return Candidate(
        run[0],
        run[-1],
        "foreign_fragment",
        words.languages[best],
        llr=float(total[best]) - host_score,
    )


class _Owners:
    """Token index → the candidate that last took it. A candidate grown from another takes
    its whole span; when the one it grows from still holds all of its own span, only the
    new part is written and the rest forwards (a line of spam terms grows one run term by
    term: rewriting the run each time would cost its length squared)."""

    def __init__(self) -> None:
        self._owner: dict[int, Candidate] = {}
        self._forward: dict[int, Candidate] = {}  # id of a candidate grown into another
        self._whole: set[int] = set()  # ids of grown candidates that hold all of their span

    def _resolve(self, cand: Candidate) -> Candidate:
        forward = self._forward
        path = []
        while id(cand) in forward:
            path.append(id(cand))
            cand = forward[id(cand)]
        for key in path[:-1]:  # a chain is walked once: later look-ups go straight there
            forward[key] = cand
        return cand

    def __contains__(self, i: int) -> bool:
        return i in self._owner

    def __getitem__(self, i: int) -> Candidate:
        return self._resolve(self._owner[i])

    def get(self, i: int) -> Candidate | None:
        cand = self._owner.get(i)
        return None if cand is None else self._resolve(cand)

    def items(self) -> list[tuple[int, Candidate]]:
        return [(i, self._resolve(c)) for i, c in self._owner.items()]

    def setdefault(self, i: int, cand: Candidate) -> None:
        self._owner.setdefault(i, cand)

    def assign(self, i: int, cand: Candidate) -> None:
        before = self.get(i)
        if before is not None and before is not cand:
            self._whole.discard(id(before))
        self._owner[i] = cand

    def grow(self, old: Candidate, new: Candidate) -> range | list[int]:
        """``new`` takes its span, ``old``'s included; returns the indices written."""
        self._forward[id(old)] = new
        if id(old) in self._whole:
            written: range | list[int] = [
                *range(new.first, old.first),
                *range(old.last + 1, new.last + 1),
            ]
        else:
            written = range(new.first, new.last + 1)
        for i in written:
            self.assign(i, new)
        self._whole.add(id(new))
        return written


def _touching_host_run(
    tokens: Sequence[Token], match: TermMatch, owner: _Owners, host_script: str
) -> Candidate | None:
    """A host-script candidate overlapping the term or next to it (a space between). A term
    in another script grows its own run: ``онлайн казино`` does not take the Latin name
    after it."""
    group = tokens[match.first].group
    if group != host_script:
        for i in range(match.first, match.last + 1):
            cand = owner.get(i)
            if cand is not None and tokens[cand.first].group == group:
                return cand
    near = [*range(match.first, match.last + 1)]
    if match.first >= 2 and tokens[match.first - 1].kind == "space":
        near.append(match.first - 2)
    if match.last + 2 < len(tokens) and tokens[match.last + 1].kind == "space":
        near.append(match.last + 2)
    for i in near:
        cand = owner.get(i)
        if cand is not None and tokens[cand.first].group == host_script:
            return cand
    return None


def _absorb(
    tokens: Sequence[Token], cand: Candidate, words: WordLanguages, lines: dict[int, _Line]
) -> Candidate:
    """Extend a run over neighbouring words that fit its language almost as well as the
    host's (``cuaca`` before ``hari ini``): words that do not discriminate go with the run."""
    if cand.language is None or words.host is None:
        return cand
    lang, host = words.languages.index(cand.language), words.languages.index(words.host)
    line = lines[cand.first]
    group = tokens[cand.first].group

    def fits(i: int) -> bool:
        vector = words.evidence.get(i)
        return (
            vector is not None
            and tokens[i].group == group
            and float(vector[host] - vector[lang]) < ABSORB_MARGIN
        )

    first, last = cand.first, cand.last
    while first - 2 >= line.first and tokens[first - 1].kind == "space" and fits(first - 2):
        first -= 2
    while (
        last + 2 < line.last
        and tokens[last + 1].kind == "space"
        and not tokens[last + 2].text[:1].isupper()  # the next sentence may start there
        and fits(last + 2)
    ):
        last += 2
    if (first, last) == (cand.first, cand.last):
        return cand
    return _foreign_candidate(tokens, list(range(first, last + 1)), words)


def _clause(
    tokens: Sequence[Token], match: TermMatch, covered: set[int], words: WordLanguages
) -> Candidate:
    """The sentence piece around a spam term: from the last sentence break to the next."""
    first = match.first
    j = first - 1
    while j >= 0 and tokens[j].kind != "newline" and j not in covered:
        if tokens[j].kind == "other" and (
            tokens[j].text in SENTENCE_END
            or _ends_piece(tokens, j, first)
            or _ano_teleia(tokens, j)
            or tokens[j].text in "(["
        ):
            break  # nor does a term inside brackets take the words before them
        if is_language_word(tokens[j]):
            first = j
        j -= 1
    opens_line = j < 0 or tokens[j].kind == "newline"
    # A term of other languages than the host's takes no run of the host's words before it:
    # they are the host's sentence it was pasted onto (``…ПО ИХ ВИЗЕ купи виагра``). A word
    # or two may be the pasted phrase's own (``bonus casino online``).
    if match.languages and words.host not in match.languages:
        home = [
            k
            for k in range(first, match.first)
            if is_language_word(tokens[k]) and words.labels[k] == words.host
        ]
        if len(home) >= CLAUSE_HOST_WORDS:
            first = next(
                k for k in range(home[-1] + 1, match.first + 1) if is_language_word(tokens[k])
            )
    # A clause that starts in lower case is no sentence of the host's: a capital after it
    # starts the next sentence (``…us. kasyno online z bonusem We'd love…``).
    lower_start = tokens[first].text[:1].islower()
    # Nor is a clause glued onto a full stop (``…وغيرها.فياجرا بعد ذلك``): the host puts a
    # space there. Having no full stop of its own, it ends where the host's words come back;
    # so does a term that opens a sentence in a script without capitals (``갔다. 온라인카지노
    # 우리는 …``), where a capital cannot show the host's next sentence.
    initial = tokens[first].text[:1]
    glued = _glued_to_stop(tokens, j, first) or (
        first == match.first
        and initial.upper() == initial.lower()  # no capitals to tell where it ends
        and j >= 0
        and tokens[j].text in SENTENCE_FINAL
        and _ends_sentence(tokens, j, 0)
    )
    last = match.last
    j = last + 1
    while j < len(tokens) and tokens[j].kind != "newline" and j not in covered:
        if tokens[j].kind == "other" and (tokens[j].text in SENTENCE_END or _ano_teleia(tokens, j)):
            break
        if is_language_word(tokens[j]):
            if lower_start and tokens[j].text[:1].isupper():
                break
            if glued and words.labels[j] == words.host:
                break
            last = j
        j += 1
    if match.languages and words.host not in match.languages and not opens_line:
        # (a line of its own runs through no host sentence: its words are all the spam's)
        last = _before_host_words(tokens, match, last, words)
    if (
        words.host in match.languages
        and last == match.last
        and (j >= len(tokens) or tokens[j].kind == "newline")
        and _host_words_before(tokens, first, match.first, words) >= CLAUSE_HOST_WORDS
    ):
        # A term of the host's own language ending a paragraph that has no full stop of
        # its own: nothing tells where the host's sentence before it stopped, and the term
        # is what was pasted there (``… визначені зобов'язання | індивідуалки``).
        first = match.first
    return Candidate(first, last, "spam_fragment", None)


def _host_words_before(tokens: Sequence[Token], first: int, stop: int, words: WordLanguages) -> int:
    """How many words from ``first`` up to ``stop`` are labelled the host's."""
    return sum(
        1
        for k in range(first, stop)
        if is_language_word(tokens[k]) and words.labels[k] == words.host
    )


def _before_host_words(
    tokens: Sequence[Token], match: TermMatch, last: int, words: WordLanguages
) -> int:
    """The clause of a term of another language than the host's ends before the host's
    words after it, at ``CLAUSE_HOST_WORDS`` of them in a row: they are the host's sentence
    going on (``… w 2013 r. kasino bez vkladu restrykcyjne prawo wyborcze, …``), as those
    before it are the sentence it was pasted onto. A host's word here is one the host's
    frequency list knows, no less often than the term's languages do: the labels alone
    take a pasted phrase's own words for the host's (``kasyno online z bonusem na start``)."""
    freq = lists()
    host = words.host
    if host is None or not freq.has(host):
        return last
    after = [k for k in range(match.last + 1, last + 1) if is_language_word(tokens[k])]
    texts = [tokens[k].text for k in after]
    at_home = freq.zipf(texts, host)
    abroad = np.zeros(len(texts), dtype=np.float32)
    # a close language's list knows the host's words as well (ms and id): the labels tell
    for language in set(match.languages) - CLOSE_LANGUAGES.get(host, frozenset()):
        abroad = np.maximum(abroad, freq.zipf(texts, language))
    homely = (at_home >= LIST_FLOOR) & (at_home + SHORT_RUN_MARGIN >= abroad)
    streak: list[int] = []
    for k, home in zip(after, homely.tolist(), strict=True):
        if not home or words.labels[k] != host:
            streak = []
            continue
        streak.append(k)
        if len(streak) == CLAUSE_HOST_WORDS:
            return _last_word_before(tokens, match, streak[0])
    return last


def _last_word_before(tokens: Sequence[Token], match: TermMatch, k: int) -> int:
    """The last word from the term's end up to token ``k`` (the term's end if none)."""
    return max(i for i in range(match.last, k) if is_language_word(tokens[i]) or i == match.last)


def _opens_no_line(tokens: Sequence[Token], first: int, line: _Line) -> bool:
    """A word of the line's comes before token ``first``."""
    return any(is_language_word(tokens[k]) for k in range(line.first, first))


def _home_words(
    tokens: Sequence[Token], ks: list[int], match: TermMatch, cand: Candidate, words: WordLanguages
) -> list[bool]:
    """Which of the words ``ks`` the host's frequency list knows, and knows better by
    ``SHORT_RUN_MARGIN`` than the lists of the run's and the term's languages."""
    freq = lists()
    host = words.host
    if host is None or not ks or not freq.has(host):
        return [False] * len(ks)
    texts = [tokens[k].text for k in ks]
    at_home = freq.zipf(texts, host)
    abroad = np.zeros(len(texts), dtype=np.float32)
    for language in {*match.languages, cand.language} - {host, None}:
        if language is not None and freq.has(language):
            abroad = np.maximum(abroad, freq.zipf(texts, language))
    home: list[bool] = ((at_home >= LIST_FLOOR) & (at_home >= abroad + SHORT_RUN_MARGIN)).tolist()
    return home


def _trim_home_words(
    tokens: Sequence[Token], match: TermMatch, cand: Candidate, words: WordLanguages
) -> tuple[int, int]:
    """The first and last words of a run grown from a term of another language than the
    host's: the run starts after the last word before the term, and ends before the first
    word after it, that the host knows better (``_home_words``). The labels of a close
    language's run go on over the host's words around a pasted phrase (``فياجرا للبيع |
    علی‌اکبر ناطق نوری``: Persian forms, read as Arabic)."""
    first, last = cand.first, cand.last
    after = _words_from(tokens, range(match.last + 1, cand.last + 1))
    for k, home in zip(after, _home_words(tokens, after, match, cand, words), strict=True):
        if home:
            last = _last_word_before(tokens, match, k)
            break
    before = _words_from(tokens, range(match.first - 1, cand.first - 1, -1))
    for k, home in zip(before, _home_words(tokens, before, match, cand, words), strict=True):
        if home:
            first = min(
                i
                for i in range(k + 1, match.first + 1)
                if is_language_word(tokens[i]) or i == match.first
            )
            break
    return first, last


def _words_from(tokens: Sequence[Token], span: range) -> list[int]:
    """The first ``TRIM_REACH`` words of ``span``, in its order: a run holding spam term
    after spam term (``casino bonus casino bonus …``) is trimmed term by term, and looking
    further than a term's neighbourhood each time would cost the square of its length."""
    found: list[int] = []
    for k in span:
        if is_language_word(tokens[k]):
            found.append(k)
            if len(found) == TRIM_REACH:
                break
    return found


def _after_space(tokens: Sequence[Token], i: int) -> bool:
    """Word ``i`` follows a space, or an opening quotation mark after a space."""
    before = tokens[i - 1]
    if before.text in OPENING_QUOTES and before.text != "'" and i >= 2:
        before = tokens[i - 2]
    return before.kind == "space"


def _ano_teleia(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` is Greek's semicolon (``·``, NFC's middle dot) after a Greek word: a
    clause ends there as at ``;`` elsewhere."""
    return tokens[i].text == "·" and i > 0 and tokens[i - 1].group == "Greek"


def _inside_word(
    tokens: Sequence[Token], match: TermMatch, spam: Sequence[TermMatch]
) -> tuple[int, int] | None:
    """The characters of a term found in a word of an unspaced script, with the terms
    found touching it in that word (``エロ動画`` and ``無料``); None in other scripts."""
    token = tokens[match.first]
    folded = token.text.casefold()
    if (
        match.first != match.last
        or token.script not in UNSPACED_SCRIPTS
        or len(folded) != len(token.text)
    ):
        return None
    spans = sorted(
        (at, at + len(m.term))
        for m in spam
        if m.first == match.first == m.last
        for at in _occurrences(folded, m.term)
    )
    at = folded.find(match.term)
    lo, hi = at, at + len(match.term)
    for a, b in spans:  # in order of start: grows right, then left by a second pass
        if a <= hi and b >= lo:
            lo, hi = min(lo, a), max(hi, b)
    for a, b in reversed(spans):
        if a <= hi and b >= lo:
            lo, hi = min(lo, a), max(hi, b)
    return token.start + lo, token.start + hi


def _term_ends(
    tokens: Sequence[Token],
    match: TermMatch,
    spam: Sequence[TermMatch],
    cand: Candidate,
    host_script: str | None,
) -> tuple[int, int] | None:
    """The span of a run grown from a term whose end word is one of the host's unspaced
    script running on past the term: it ends (or starts) with the term's characters, not the
    word's, as nothing but the term tells where a pasted phrase glued into the host's
    sentence stops (``エロ動画無料总降雨量…``, ``ed治療薬通販全民投票…``); None where the
    run's words end it."""
    start, end = tokens[cand.first].start, tokens[cand.last].end
    if match.first == match.last:
        inside = _inside_word(tokens, match, spam)
        if inside is None or tokens[match.first].group != host_script:
            return None
        lo, hi = inside
        start = lo if cand.first == match.first else start
        end = hi if cand.last == match.last else end
    else:
        pieces = [t.text.casefold() for t in tokenize(match.term) if is_language_word(t)]
        head, tail = tokens[match.first], tokens[match.last]
        if len(pieces) < 2:
            return None
        if cand.first == match.first and _runs_on(head, host_script, pieces[0], at_end=True):
            start = head.end - len(pieces[0])
        if cand.last == match.last and _runs_on(tail, host_script, pieces[-1], at_end=False):
            end = tail.start + len(pieces[-1])
    if (start, end) == (tokens[cand.first].start, tokens[cand.last].end):
        return None
    return start, end


def _runs_on(token: Token, host_script: str | None, piece: str, *, at_end: bool) -> bool:
    """A word of the host's unspaced script holding a term's piece at one end and more."""
    folded = token.text.casefold()
    return (
        token.script in UNSPACED_SCRIPTS
        and token.group == host_script
        and len(folded) == len(token.text) > len(piece)
        and (folded.endswith(piece) if at_end else folded.startswith(piece))
    )


def _occurrences(text: str, term: str) -> list[int]:
    found, at = [], text.find(term)
    while at >= 0:
        found.append(at)
        at = text.find(term, at + 1)
    return found


def _ends_piece(tokens: Sequence[Token], i: int, first: int) -> bool:
    """Token ``i``, a closing bracket or an emoji with a space after it, ends a piece of the
    host's writing when a word in lower case follows (``… (blauw) viagra zonder …``): in
    posts and lists they stand where a full stop would."""
    text = tokens[i].text
    return (
        (text in ")]" or _EMOJI_RE.fullmatch(text) is not None)
        and i + 1 < first
        and tokens[i + 1].kind == "space"
        and tokens[first].text[:1].islower()
    )


def _glued_to_stop(tokens: Sequence[Token], stop: int, first: int) -> bool:
    """Token ``stop`` is a sentence's full stop that word ``first`` touches with no space, in
    a script that spaces its sentences (``。`` has no space after it)."""
    return (
        stop >= 0
        and tokens[stop].text in SENTENCE_FINAL
        and tokens[stop].text.isascii()
        and _touching(tokens, stop, first)
        and _ends_sentence(tokens, stop, 0)
    )


def _cue_clauses(
    tokens: Sequence[Token],
    cues: tuple[Cue, ...],
    owner: _Owners,
    stops: set[int],
    words: WordLanguages,
) -> list[Candidate]:
    """A clause around the cues that no run holds: from the last sentence break to the next,
    over the sentence's cues, cut short before a capitalised word after a cue (the host's
    next sentence, where a pasted phrase has no full stop of its own to end on)."""
    starts = [t.start for t in tokens]
    cue_last = [bisect_left(starts, cue.end) - 1 for cue in cues]
    clauses = []
    # A clause turned down still holds its cue: the sentence's next cue may not reach back
    # over it (``Call 0871… To Claim Dalam sindikasi … Rp584 miliar``).
    barrier = set(stops)
    n = 0
    while n < len(cues):
        first = bisect_right(starts, cues[n].start) - 1
        last = cue_last[n]
        n += 1
        if first < 0 or first in owner or first in stops:
            continue
        clause = _clause(tokens, TermMatch(first, last, "", ""), barrier, words)
        clause.first = _caption_cut(tokens, clause.first, first)
        j, cut = last + 1, False
        while j < len(tokens) and tokens[j].kind != "newline" and j not in stops:
            token = tokens[j]
            if token.kind == "other" and token.text in SENTENCE_END:
                break
            while n < len(cues) and cue_last[n] < j:  # cues inside the clause's words
                n += 1
            if n < len(cues) and token.start >= cues[n].start:  # the sentence's next cue
                last = j = cue_last[n]
                n += 1
            elif is_language_word(token):
                capital = token.text[:1].isupper() and not token.text.isupper()
                if capital and _after_space(tokens, j):
                    cut = True
                    break
                last = j
            j += 1
        # The host's next sentence after a cue ends the clause, however far the words'
        # labels would take it.
        clause.last = last if cut else max(clause.last, last)
        span = tokens[clause.first].start, tokens[clause.last].end
        barrier.update(range(clause.first, clause.last + 1))
        # One cue is ordinary prose's too (a share of 71%, a shop's number): two kinds of cue
        # make a clause worth scoring.
        if len(cue_kinds(cues, *span)) >= CUE_CLAUSE_KINDS and any(
            is_language_word(tokens[i]) for i in range(clause.first, clause.last + 1)
        ):
            stops.update(range(clause.first, clause.last + 1))
            clauses.append(clause)
    return clauses


def _caption_cut(tokens: Sequence[Token], start: int, cue: int) -> int:
    """Where a cue's clause starts that reaches back over more than ``CLAUSE_WORDS_MAX``
    words: at the last capitalised word before the cue. A phrase pasted after a line with
    no full stop of its own (a caption, a title) would take the whole line; the phrase
    starts with a capital as the line's sentence did (``… di Arena Tony Macaroni | Cuan
    terus, kemenangan besar di 𝐃𝐄𝐍𝐘𝐔𝐓𝟔𝟗``)."""
    before = [k for k in range(start, cue) if is_language_word(tokens[k])]
    if len(before) <= CLAUSE_WORDS_MAX:
        return start
    for k in reversed(before):
        text = tokens[k].text
        if text[:1].isupper() and not text.isupper() and _after_space(tokens, k):
            return k
    return start


def _unseen(token: Token) -> bool:
    """Characters a reader does not see: hidden ones, and the legitimate direction marks."""
    return token.kind == "hidden" or (token.kind == "other" and token.text in DIRECTION_MARKS)


def _prev_visible(tokens: Sequence[Token], i: int, floor: int) -> int | None:
    j = i - 1
    while j >= floor and (tokens[j].kind == "space" or _unseen(tokens[j])):
        j -= 1
    return j if j >= floor else None


def _next_visible(tokens: Sequence[Token], i: int, ceiling: int) -> int | None:
    j = i + 1
    while j < ceiling and (tokens[j].kind == "space" or _unseen(tokens[j])):
        j += 1
    return j if j < ceiling else None


def _touching(tokens: Sequence[Token], left: int, right: int) -> bool:
    """Whether nothing a reader sees as a gap separates two tokens (hidden characters between
    them glue them as well as nothing does)."""
    return all(_unseen(tokens[j]) for j in range(left + 1, right))


def _looks_like_extension(word: str) -> bool:
    return len(word) <= 4 and word.isascii() and word.islower()


def _run_words(tokens: Sequence[Token], cand: Candidate) -> list[str]:
    return [tokens[i].text for i in range(cand.first, cand.last + 1) if is_language_word(tokens[i])]


def _word_count(tokens: Sequence[Token], cand: Candidate) -> int:
    return len(_run_words(tokens, cand))


def _unit_count(tokens: Sequence[Token], cand: Candidate) -> int:
    count = 0
    for i in range(cand.first, cand.last + 1):
        token = tokens[i]
        if is_language_word(token):
            count += max(1, len(token.text) // 2) if token.script in UNSPACED_SCRIPTS else 1
    return count


def _quoted(text: str, line_start: int, line_end: int, start: int, end: int) -> bool:
    """An opening quote earlier in the same sentence and a closing one later in it (looked
    for within a quotation's reach, so a long line costs no more than a short one)."""
    if _between_single_quotes(text, line_start, line_end, start, end):
        return True
    floor = max(line_start, start - QUOTE_REACH)
    stop = _LAST_SENTENCE_END_RE.search(text, floor, start)
    left = stop.end() if stop else floor
    if _OPENING_QUOTE_RE.search(text, left, start) is None:
        return False  # the usual case, found at C speed
    depth = 0
    for ch in text[left:start]:
        if ch == '"':
            depth = 0 if depth else 1
        elif ch in OPENING_QUOTES and ch != "'":
            depth += 1
        elif ch in CLOSING_QUOTES and ch not in "'’":
            depth = max(0, depth - 1)
    if not depth:
        return False
    after = text[end : min(line_end, end + QUOTE_REACH)]
    for n, ch in enumerate(after):
        if ch in CLOSING_QUOTES and ch != "'":
            return True
        if (
            ch in SENTENCE_END
            and after[n + 1 :].lstrip(_SENTENCE_END_CHARS)[:1] not in CLOSING_QUOTES
        ):
            return False  # a sentence ends outside the quotation (``..”`` ends inside it)
    return False


def _between_single_quotes(text: str, line_start: int, line_end: int, start: int, end: int) -> bool:
    """``'Война и мир'``: straight single quotes right around the run, each on the outer side
    of a word boundary, so an apostrophe inside a word (``mama's``) opens nothing.

    >>> _between_single_quotes("lees ik 'Война и мир' van", 0, 25, 9, 20)
    True
    >>> _between_single_quotes("l'Война и мир' x", 0, 16, 2, 13)
    False
    """
    if start <= line_start or end >= line_end or text[start - 1] != "'" or text[end] != "'":
        return False
    before = text[start - 2] if start - 2 >= line_start else " "
    after = text[end + 1] if end + 1 < line_end else " "
    return not before.isalnum() and not after.isalnum()


def _named_nearby(text: str, cand: Candidate, start: int, end: int) -> bool:
    """The text around the run (not the run itself) names the run's language (or one
    close to it).

    >>> cand = Candidate(0, 0, "foreign_fragment", "el")
    >>> _named_nearby("Σιγά σιγά\\n\\nThat is what she said, in Greek.", cand, 0, 9)
    True
    """
    named = _NAMED.get(cand.language or "")
    return named is not None and (
        _found_between(named, text, max(0, start - NAME_REACH), start)
        or _found_between(named, text, end, end + NAME_REACH)
    )


def _found_between(pattern: regex.Pattern[str], text: str, start: int, end: int) -> bool:
    """``pattern.search(text, start, end)``, on a copy of just that window (and the
    character before it, which ``\b`` looks at): searched in place, a case-insensitive
    pattern costs time in the length of the whole text."""
    base = max(0, start - 1)
    return pattern.search(text[base:end], start - base) is not None


def _translated(tokens: Sequence[Token], cand: Candidate, line: _Line) -> bool:
    """A caption and its translation: ``Καλό ταξίδι! / Goede reis!`` (either order), or a
    title and its translation in brackets: ``… lees ik Война и мир (Oorlog en vrede) van …``."""
    if _glossed(tokens, cand, line):
        return True
    j = cand.last + 1
    while j < line.last and (tokens[j].kind == "space" or tokens[j].text in SENTENCE_END):
        j += 1
    if j < line.last and tokens[j].text in TRANSLATION_MARKS:
        return any(is_language_word(tokens[k]) for k in range(j + 1, line.last))
    j = cand.first - 1
    while j >= line.first and tokens[j].kind == "space":
        j -= 1
    if j >= line.first and tokens[j].text in TRANSLATION_MARKS:
        k = j - 1
        while k >= line.first and (tokens[k].kind == "space" or tokens[k].text in SENTENCE_END):
            k -= 1
        return k >= line.first and is_language_word(tokens[k])
    return False


def _glossed(tokens: Sequence[Token], cand: Candidate, line: _Line) -> bool:
    """A run set apart by a space and followed by words in brackets: a title or a name with
    its translation. Glued on, or with spam terms, it is no title (spammers add no gloss)."""
    if cand.terms or cand.first <= line.first or tokens[cand.first - 1].kind != "space":
        return False
    j = cand.last + 1
    while j < line.last and tokens[j].kind == "space":
        j += 1
    if j >= line.last or tokens[j].text != "(":
        return False
    for k in range(j + 1, line.last):
        if tokens[k].text == ")":
            return any(is_language_word(tokens[m]) for m in range(j + 1, k))
    return False


def _score(
    text: str,
    tokens: Sequence[Token],
    cand: Candidate,
    line: _Line,
    words: WordLanguages,
    config: Config,
    cues: tuple[Cue, ...] = (),
    lowercase: bool = False,
    punctuated: bool = True,
    spread: frozenset[str] = frozenset(),
) -> None:
    """Gather ``cand``'s evidence into its ``features``; ``lowercase``: the host starts
    its own sentences in lower case (``_writes_lowercase``); ``punctuated``: the text ends
    a sentence somewhere; ``spread``: languages with runs on several lines
    (``_spread_languages``)."""
    terms = cand.features
    start, end = cand.extent(tokens)
    before = _prev_visible(tokens, cand.first, line.first)
    after = _next_visible(tokens, cand.last, line.last)
    prev_tok = tokens[before] if before is not None else None
    next_tok = tokens[after] if after is not None else None

    first_script = tokens[cand.first].group
    last_script = tokens[cand.last].group
    host_script = words.host_script
    # A host-script run touching a word in another script is the host's text around a name
    # (Chinese and Japanese write Latin names unspaced: "使用Congo构建"), not glue.
    script_change = prev_tok is not None and (
        is_language_word(prev_tok)
        and prev_tok.group != first_script
        and (prev_tok.group == host_script or first_script != host_script)
    )
    glued_before = (
        before is not None
        and _touching(tokens, before, cand.first)
        and (
            script_change
            # a short lower-case word after a full stop is a file or domain name (faturas.xlsx)
            or (
                _ends_sentence(tokens, before, line.first)
                and not _looks_like_extension(tokens[cand.first].text)
                # sentences touch in unspaced scripts: a run of the host's own script
                # after its full stop (。) is how the next sentence starts
                and not (
                    first_script == host_script
                    and host_script in UNSPACED_SCRIPTS
                    and not tokens[before].text.isascii()
                    and cand.kind == "foreign_fragment"
                )
            )
        )
    )
    glued_after = (
        next_tok is not None
        and _touching(tokens, cand.last, after)  # type: ignore[arg-type]
        and is_language_word(next_tok)
        and next_tok.group != last_script
        and (next_tok.group == host_script or last_script != host_script)
        # Korean writes its particles onto any noun, a Latin name too (``Zayion은``).
        and not (host_script in PARTICLE_SCRIPTS and next_tok.group == host_script)
    )
    at_start = (
        prev_tok is None
        or prev_tok.text in SENTENCE_FINAL
        or (before == line.first and prev_tok.text in BULLETS)
        or _opens_after_stop(tokens, before, line.first)
    )
    at_end = (
        next_tok is None
        or next_tok.text in SENTENCE_FINAL
        or next_tok.text in OPENING_QUOTES
        or next_tok.text in "([–—-"
    )
    # A capital after a plain space may start the next sentence, or continue a name.
    before_capital = (
        next_tok is not None
        and next_tok.kind in ("word", "number", *PROTECTED_KINDS)
        and next_tok.text[:1].isupper()
    )
    # A line of its own: at least 80% foreign, or a run from the line's start over most of it
    # (word labels are noisy: a sign-off like "¡Hasta pronto!" may have a host-looking word).
    own_line = line.host_words * 5 <= line.words or (
        (prev_tok is None or before == line.first) and _word_count(tokens, cand) * 2 >= line.words
    )
    paragraph_text = not own_line and not line.heading
    # A list item, table row, heading, menu entry or label is a unit of its own: its end is
    # no paragraph's end, its edges no sentence boundaries, and a run in it is foreign only
    # on its words' evidence (they are known abroad and unlikely at home).
    unit = line.unit
    units = _unit_count(tokens, cand)
    found = cue_kinds(cues, start, end)
    # An amount or a number right after a run in another script is the run's own (``Holiday
    # Worth £350``): a run ends at a word, its number stays outside it.
    owned = [c.end for c in cues if c.kind in AMOUNT_CUES and end <= c.start <= end + 1]
    if owned and cand.kind == "foreign_fragment" and tokens[cand.last].group != host_script:
        found = cue_kinds(cues, start, max(owned))

    # Kanji read as Chinese in Japanese text are mostly its own words (概要, 参考文献); a
    # simplified form Japanese never writes (代购, 兼职) is Chinese, however short the run.
    han_apart = cand.kind == "foreign_fragment" and written_apart(
        text[start:end], words.host, cand.language
    )
    # A close language's run with its own letters or words on a line of its own (ы or
    # бесплатная next to Ukrainian, گ next to Arabic) stands apart as another script's. Not
    # in Latin hosts, where a close language's line is a code-switching writer's as often
    # (Frisian lines in Dutch posts, train).
    close_apart = (
        cand.kind == "foreign_fragment"
        and host_script != "Latin"
        and _close_to_host(cand, words)
        and not words.close_letters.isdisjoint(range(cand.first, cand.last + 1))
    )
    if cand.kind == "foreign_fragment":
        different_script = any(
            tokens[i].group != words.host_script
            for i in range(cand.first, cand.last + 1)
            if is_language_word(tokens[i])
        )
        if different_script and words.host_script != "Latin":
            # Latin is everybody's second script (names, titles, chrome, English quotes):
            # inside a non-Latin host's sentence it needs language evidence like a
            # same-script run; a phrase standing apart (a line of its own, between two
            # sentences, at a paragraph's end) is as foreign as any other script's.
            # In a spaced script a Latin phrase touching the host's words with no space is
            # pasted on too (``сегодня утроWe have a winner``), and where the host's script
            # has no capitals the run ends where its next sentence would start. At a
            # paragraph's end it stands apart after the host's words as after a full stop.
            glued = (glued_before or glued_after) and host_script not in UNSPACED_SCRIPTS
            apart = (
                own_line
                or glued
                or next_tok is None
                or (
                    at_start
                    and (at_end or before_capital or _caseless_host_word(next_tok, host_script))
                )
            )
            different_script = tokens[cand.first].group != "Latin" or (
                apart
                and units >= config.min_fragment_words
                and (
                    # a number to call, a price or a link is no title's, name's or heading's
                    bool(CONTACT_CUES.intersection(found))
                    or _latin_apart(text, tokens, cand, line, units, next_tok, own_line, words.host)
                )
            )
        if different_script:
            terms["script_mismatch"] = 1.0
            terms["script_words"] = min(units, SCRIPT_WORDS_MAX)
        elif (paragraph_text and units >= config.min_fragment_words and cand.language) or (
            # a paragraph of an unspaced script is a handful of tokens, often read as a
            # heading: a simplified form is no heading's writing either
            han_apart and not own_line
        ):
            if _mostly_names(tokens, cand, next_tok):
                pass  # names: no language evidence
            elif (
                (units <= SHORT_RUN_WORDS or unit)
                and not cand.terms
                and not _known_abroad(tokens, cand, words.host, strict=unit)
            ):
                pass  # its words are the host's: no language evidence
            elif _close_to_host(cand, words) and not words.close_letters.intersection(
                range(cand.first, cand.last + 1)
            ):
                pass  # a close language without its own letters
            else:
                if _close_to_host(cand, words) or han_apart:
                    terms["close_language_letters"] = 1.0
                llr = cand.llr
                if llr > 0:
                    # A long run that only edges out the host word by word is a language
                    # the profiles confuse with the host's, not an injected one.
                    sharpness = min(1.0, llr / units / LANGUAGE_SHARP_PER_WORD)
                    terms["language_mismatch"] = (
                        min(LANGUAGE_MAX, LANGUAGE_PER_NAT * llr) * sharpness
                    )
    else:
        different_script = False

    # Where the host's script has no capitals, the host's words after a run in another
    # script may start its next sentence as well as a capital would.
    opens_sentence = before_capital or (
        (different_script or han_apart) and _caseless_host_word(next_tok, host_script)
    )
    # A clause found by its cues alone is glued only where it follows a full stop: a host
    # word touching a name in another script ("대출하려는Nectar") is the host's own writing.
    cue_clause = cand.kind == "spam_fragment" and not cand.terms
    if glued_before or (glued_after and not cue_clause):
        if words.host_script in UNSPACED_SCRIPTS:
            terms["glued_unspaced"] = 1.0
        elif glued_before and _ends_sentence(tokens, before, line.first):  # type: ignore[arg-type]
            terms["glued_to_sentence"] = 1.0
        else:
            terms["glued_script"] = 1.0
    elif own_line:
        # A line of its own in another script is a classic injection; in the host's script
        # (chrome, a sign-off, a heading) it needs spam terms or cues to reach the threshold.
        # A unit is no line pasted between paragraphs: its neighbours are units too.
        if unit and not cand.terms and not found and not (different_script or han_apart):
            pass  # a unit on its own line: no evidence
        else:
            # Letters the host never writes stand apart as another script's do.
            if different_script or cand.terms or found or (han_apart or close_apart):
                terms["own_line"] = 1.0
            if (
                cand.kind == "foreign_fragment"
                and cand.llr > 0
                and ((han_apart or close_apart) or "own_line" not in terms)
            ):
                terms["own_line_language"] = 1.0  # in the host's script, on language alone
            if han_apart or close_apart:
                terms["close_language_letters"] = 1.0
            # A sentence of another language adds to a cue's evidence (a gambling brand in
            # look-alike letters with an Indonesian line around it). A line of several
            # sentences (a reader's comment), a quotation or the text's title is written
            # there, not pasted.
            if (
                not different_script
                and cand.kind == "foreign_fragment"
                and cand.llr > 0
                and cand.language not in spread
                and not _mostly_names(tokens, cand, next_tok)
                and _SENTENCE_INSIDE_RE.search(text, line.start, line.end) is None
                and _OPENING_QUOTE_RE.search(text, line.start, start) is None
                and _NON_SPACE_RE.search(text, 0, line.start) is not None
            ):
                abroad = _words_abroad(tokens, cand, words.host)
                # A heading this short is as often a title or an idiom (``Back to basics``)
                # as a pasted phrase: without a cue or a spam term it gets none (as a Latin
                # one in a non-Latin host).
                # So is a short line in title case (``Leave a Reply``, ``Mark and Julie``
                # above a comment): a label or names, wherever it stands.
                title = (
                    (line.heading or _title_case(tokens, cand))
                    and units <= LATIN_HEADING_MAX
                    and "own_line" not in terms
                )
                if abroad >= OWN_LINE_ABROAD_MIN and not title:
                    terms["own_line_words_abroad"] = min(abroad, OWN_LINE_ABROAD_MAX) / (
                        OWN_LINE_ABROAD_MAX
                    )
    elif unit and not cand.terms and (next_tok is None or (at_start and at_end)):
        pass  # a unit at its own edges: no evidence
    elif cand.kind == "spam_fragment" and next_tok is not None:
        pass  # a host-language sentence is always aligned with sentences: no evidence
    elif (
        next_tok is None
        and not at_start
        and not punctuated
        and not (different_script or cand.terms or found)
    ):
        # A text without a full stop anywhere (a transcript, a chat message) is one clause
        # running on: a run of the host's script at its end, with nothing but its words'
        # language, continues it; no paragraph is closed there.
        terms["unpunctuated_text"] = 0.0
    elif next_tok is None or (at_start and at_end):
        terms["sentence_boundary"] = 1.0
    elif at_start and opens_sentence:
        # A capital after the run may start the next sentence or go on with a name; a run
        # that starts in lower case after a full stop is no name: a phrase pasted in between.
        pasted = (
            different_script
            or han_apart
            or (prev_tok is not None and tokens[cand.first].text[:1].islower())
        )
        terms["sentence_boundary" if pasted else "capital_boundary"] = 1.0
    elif (
        prev_tok is not None
        and prev_tok.text in LABEL_ENDS
        and (next_tok.kind == "number" or (before_capital and words.host not in NOUNS_CAPITALISED))
        and not _title_case(tokens, cand)
    ):
        # After a colon or a bracket and before a number or a capital that starts a sentence,
        # the run has no host word on either side: a label's value, or a phrase pasted in
        # front of the host's next sentence. A name going on into the capital is possible.
        terms["capital_boundary"] = 1.0
    else:
        # A longer run in another script rarely sits inside a sentence legitimately
        # (quotes and parentheses have their own evidence); a single word often does.
        weak = different_script and units >= 2
        terms["inside_sentence_script" if weak else "inside_sentence"] = 1.0
        if prev_tok is not None and prev_tok.text in SENTENCE_FINAL:
            terms["after_sentence_end"] = 1.0
        if (
            different_script
            and first_script != "Latin"
            and _word_count(tokens, cand) >= SCRIPT_PHRASE_WORDS
            and not _mostly_names(tokens, cand, next_tok)
        ):
            # A phrase of several words in another script, not names, inside a sentence
            # without quotes or brackets is pasted in (``… Bl.a. Ο νόμος σχετικά i samband
            # …``); Latin is everybody's second script and has its own rules.
            terms["script_phrase"] = 1.0
    # After a full stop the host's sentences start with a capital; a run that starts in
    # lower case there is no sentence of the host's (pasted word pairs, SEO phrases).
    first_text = tokens[cand.first].text
    if (
        not lowercase
        and prev_tok is not None
        and before is not None
        and prev_tok.end < start
        and _ends_sentence(tokens, before, line.first)
        and first_text[:1].islower()
        and not _looks_like_extension(first_text)
    ):
        terms["lowercase_sentence_start"] = 1.0
    # A capitalised run that ends on its own full stop is a sentence someone wrote: a quote,
    # a sign-off, a line of dialogue. Pasted SEO phrases carry no punctuation of their own;
    # spam sentences do, so spam terms outweigh this.
    if (
        cand.kind == "foreign_fragment"
        and not cand.terms
        and not different_script
        and at_start
        and first_text[:1].isupper()
        and next_tok is not None
        and next_tok.start == end
        and next_tok.text in SENTENCE_FINAL
        and _word_count(tokens, cand) >= 2
    ):
        terms["complete_sentence"] = 1.0
    if _quoted(text, line.start, line.end, start, end):
        terms["quoted"] = 1.0
    if prev_tok and prev_tok.text in ("(", "[") and next_tok and next_tok.text in (")", "]"):
        terms["parenthetical"] = 1.0
    elif _translated(tokens, cand, line):
        terms["translated"] = 1.0
    glued = any(name in terms for name in GLUED_FEATURES)
    if not cand.terms and not glued and _named_nearby(text, cand, start, end):
        terms["language_named"] = 1.0
        # The post says what the run is in: its language is no evidence, however strong
        # (a fitted weight alone let a word in another script on a line of its own through).
        for name in LANGUAGE_FEATURES:
            terms.pop(name, None)
    if cand.terms:
        terms["spam_terms"] = 1.0
        if len(cand.terms) > 1:
            terms["spam_terms_more"] = min(SPAM_MORE_MAX, len(cand.terms) - 1)
        if cand.kind == "spam_fragment" and not own_line:
            # a line of its own runs through no host sentence: its words are all the spam's
            beside = _word_count(tokens, cand) - cand.term_words
            if beside > 0:
                terms["clause_words"] = min(CLAUSE_WORDS_MAX, beside)
    for kind in found:
        terms[kind] = 1.0

    if own_line:
        cand.position = "own_line"
    elif glued_before or glued_after:
        cand.position = "glued"
    elif next_tok is None:
        cand.position = "paragraph_end"
    elif at_start and (at_end or opens_sentence):
        cand.position = "mid_paragraph"
    else:
        cand.position = "inside_sentence"


def _caseless_host_word(token: Token | None, host_script: str | None) -> bool:
    """A word in the host's script, which has no capitals (Arabic, Han, Hangul…): nothing
    tells whether a sentence starts with it."""
    if token is None or token.kind != "word" or token.group != host_script:
        return False
    first = token.text[:1]
    return first.upper() == first.lower()


def _opens_after_stop(tokens: Sequence[Token], before: int | None, floor: int) -> bool:
    """Token ``before`` is an opening quote or an emoji, with a full stop or the line's
    start before it: what follows starts a sentence (``… أبداً.„Es gibt immer``)."""
    if before is None:
        return False
    j = before
    while j >= floor and (
        tokens[j].kind == "space"
        or _unseen(tokens[j])
        or _EMOJI_RE.fullmatch(tokens[j].text) is not None
        or (
            tokens[j].text in OPENING_QUOTES
            # ``"`` also closes: it opens where it touches the word after it
            and (tokens[j].text not in CLOSING_QUOTES or tokens[j + 1].kind != "space")
        )
    ):
        j -= 1
    return j < before and (j < floor or tokens[j].text in SENTENCE_FINAL)


def _writes_lowercase(tokens: Sequence[Token], words: WordLanguages) -> bool:
    """Whether the host's own sentences mostly start in lower case (a chat, a tweet): then a
    run in lower case after a full stop is how this writer starts a sentence, not a sign of
    a phrase pasted in. Counted over the host's words that open a line or follow a full stop.

    >>> from texthygiene.identify import identify_words
    >>> from texthygiene.segment import tokenize
    >>> tokens = tokenize("dari dulu mau ke sini. akhirnya sampai juga. sangat puas sekali.")
    >>> _writes_lowercase(tokens, identify_words(tokens, frozenset(), frozenset()))
    True
    """
    lower = upper = 0
    opening = True  # the text's first word opens a sentence
    for i, token in enumerate(tokens):
        if token.kind == "newline":
            opening = True
        elif token.kind == "other" and token.text in SENTENCE_FINAL:
            opening = opening or _ends_sentence(tokens, i, 0)
        elif token.kind in ("word", "number", *PROTECTED_KINDS):
            if opening and token.kind == "word" and words.labels[i] == words.host:
                initial = token.text[:1]
                lower += initial.islower()
                upper += initial.isupper()
            opening = False
    return lower >= LOWERCASE_WRITER_MIN and lower > upper


def _close_to_host(cand: Candidate, words: WordLanguages) -> bool:
    """Whether the run's language is one the host's words are often read as."""
    return cand.language in CLOSE_LANGUAGES.get(words.host or "", ())


def _latin_apart(
    text: str,
    tokens: Sequence[Token],
    cand: Candidate,
    line: _Line,
    units: int,
    next_tok: Token | None,
    own_line: bool,
    host: str | None,
) -> bool:
    """A Latin run standing apart in a non-Latin host is a phrase in another script unless
    it is one of Latin's everyday uses there: a short heading, a title or names, code, a
    two-word command, a label, an item of a list or menu (a short line next to it), or
    prose of several sentences (a comment, a quotation). A heading or a list item is a line
    of its own: a run after the host's words on its line is neither (``Я убью тебя! Pleas
    subscribe my channel``)."""
    start, end = tokens[cand.first].start, tokens[cand.last].end
    line_text = text[line.start : line.end]
    titled = (
        (own_line and line.heading and units <= LATIN_HEADING_MAX)
        or _title_case(tokens, cand)
        or _mostly_names(tokens, cand, next_tok)
        or (units <= 2 and text[start:end].islower())  # ``git init``
    )
    return not (
        (titled and not _phrase_abroad(tokens, cand, host))
        or _CODE_RE.search(line_text) is not None
        # ``Share this:``: the run is the label, no host words after it on its line
        or (
            line_text.rstrip()[-1:] in LABEL_ENDS
            and not any(is_language_word(tokens[i]) for i in range(cand.last + 1, line.last))
        )
        or _SENTENCE_INSIDE_RE.search(text, start, end) is not None
        # the lines right before and after it (a blank line ends a list)
        or (
            own_line
            and _list_item(
                text[: max(0, line.start - 1)].rpartition("\n")[2],
                text[line.end + 1 :].partition("\n")[0],
            )
        )
    )


def _phrase_abroad(tokens: Sequence[Token], cand: Candidate, host: str | None) -> bool:
    """A Latin heading or title of three words or more in a language other than English whose
    frequency list knows most of its words, a lower-case one among them, clearly more often
    than English's (``Es wurde erwartet``, ``Tsunami Indonesia dan Gempa Menghancurkan``): a
    phrase of that language, not one of Latin's everyday uses in a non-Latin text, which are
    English (chrome, titles, brands) or names."""
    if cand.language in (None, "en"):
        return False
    run = [w for w in _run_words(tokens, cand) if not any(c.isdigit() for c in w)]
    freq = lists()
    # two words are too few for a list to tell (``git init`` is Tagalog to Tagalog's)
    if len(run) < PHRASE_ABROAD_WORDS or not freq.has(cand.language):
        return False
    abroad = freq.zipf(run, cand.language)
    # more frequent there than in English and at home (chrome and brands are English)
    usual = np.maximum(freq.zipf(run, "en"), freq.zipf(run, host) if host else 0.0)
    known = (abroad >= LIST_FLOOR) & (usual + SHORT_RUN_MARGIN < abroad)
    # a lower-case word among them: names and titles capitalise theirs (``Severo Ochoa``)
    lower = any(k and w[:1].islower() for w, k in zip(run, known.tolist(), strict=True))
    return lower and int(known.sum()) * 2 >= len(run)


def _list_item(previous: str, following: str) -> bool:
    """A Latin line between these two is an item of a list or menu: short lines on both
    sides, or a short Latin one on either (``Share this:`` / ``Related posts``). After a
    host's short line with none after it, it is a line pasted at the text's end."""
    before, after = _short_line(previous), _short_line(following)
    return (
        (before and after)
        or (before and _LATIN_LINE_RE.match(previous) is not None)
        or (after and _LATIN_LINE_RE.match(following) is not None)
    )


def _short_line(line: str) -> bool:
    """A line of a list or menu: a few words, no punctuation at its end."""
    words = line.split()
    return 0 < len(words) <= HEADING_MAX_WORDS and line.rstrip()[-1:] not in SENTENCE_FINAL


def _ends_sentence(tokens: Sequence[Token], i: int, floor: int) -> bool:
    """Token ``i`` is a full stop (or ! ?) after a real word, not an abbreviation's dot."""
    if tokens[i].text not in SENTENCE_FINAL or i == floor:
        return False
    word = tokens[i - 1]
    if word.text in CLOSERS:
        return True  # "(in 1999)." and "…she said”." end sentences; abbreviations do not
    if word.kind not in ("word", "number") or len(word.text) < 2:
        return False
    # A dotted chain (config.local.js, e.V.) is one name, not two sentences.
    chained_before = i - 2 >= floor and tokens[i - 2].text in (".", "/", "@")
    after = i + 2 < len(tokens) and tokens[i + 2].start == tokens[i + 1].end
    chained_after = after and tokens[i + 2].text == "." and tokens[i + 1].kind in ("word", "number")
    return not (chained_before or chained_after)


def _known_abroad(
    tokens: Sequence[Token], cand: Candidate, host: str | None, strict: bool = False
) -> bool:
    """A short run is not mostly the host's own words, by the frequency lists.

    A word is the host's when the host's list knows it and it is no rarer there than in the
    run's language (within ``SHORT_RUN_MARGIN``), and known abroad when that language's list
    has it clearly more often. The run is refused when half its words or more are the host's
    and they outnumber those known abroad; words no list knows leave it to the n-grams.
    Without a host list the identifier is believed. ``strict`` (a unit: a list item, a
    label) wants half the words or more known abroad: words no list knows are no evidence.

    >>> from texthygiene.segment import tokenize
    >>> tokens = tokenize("ten levels deep")
    >>> _known_abroad(tokens, Candidate(0, 4, "foreign_fragment", "nl"), "en")
    False
    >>> tokens = tokenize("situs judi terpercaya")
    >>> _known_abroad(tokens, Candidate(0, 4, "foreign_fragment", "id"), "nl")
    True
    """
    freq = lists()
    if host is None or cand.language is None or not freq.has(host):
        return True
    run = [w for w in _run_words(tokens, cand) if not any(c.isdigit() for c in w)]
    if not run:
        return True
    at_home = freq.zipf(run, host)
    abroad = freq.zipf(run, cand.language)  # all zeros without a list
    home = int(((at_home >= LIST_FLOOR) & (at_home + SHORT_RUN_MARGIN >= abroad)).sum())
    known = int(((abroad >= LIST_FLOOR) & (at_home + SHORT_RUN_MARGIN < abroad)).sum())
    if strict:
        return known * 2 >= len(run) and known > home
    return not (home * 2 >= len(run) and home > known)


def _words_abroad(tokens: Sequence[Token], cand: Candidate, host: str | None) -> int:
    """How many of the run's words the frequency lists know abroad and not at home, when
    they are most of its words (0 otherwise, and without both lists): a sentence of another
    language rather than names, which no list knows, or words the host shares.

    >>> from texthygiene.segment import tokenize
    >>> tokens = tokenize("Er hat sich dafür ausgesprochen")
    >>> _words_abroad(tokens, Candidate(0, 8, "foreign_fragment", "de"), "en")
    5
    >>> tokens = tokenize("Waheed Arafat Khan")
    >>> _words_abroad(tokens, Candidate(0, 4, "foreign_fragment", "de"), "en")
    0
    """
    freq = lists()
    if host is None or cand.language is None or not (freq.has(host) and freq.has(cand.language)):
        return 0
    run = [w for w in _run_words(tokens, cand) if not any(c.isdigit() for c in w)]
    if not run:
        return 0
    at_home = freq.zipf(run, host)
    abroad = freq.zipf(run, cand.language)
    known = int(((abroad >= LIST_FLOOR) & (at_home + SHORT_RUN_MARGIN < abroad)).sum())
    return known if known * 2 > len(run) else 0


def _title_case(tokens: Sequence[Token], cand: Candidate) -> bool:
    """Every longer word capitalised, short function words not: a title ("Rise of an Empire")."""
    longer = [word for word in _run_words(tokens, cand) if len(word) > NAME_PARTICLE_MAX]
    return bool(longer) and all(word[:1].isupper() for word in longer)


def _mostly_names(tokens: Sequence[Token], cand: Candidate, next_tok: Token | None) -> bool:
    """A name or title rather than a phrase: most words after the first are capitalised, or
    the run ends on a particle that a capitalised word follows ("Aguilar de la | Frontera")."""
    words = _run_words(tokens, cand)
    rest = words[1:]
    if rest and sum(1 for word in rest if word[:1].isupper()) * 2 > len(rest):
        return True
    last = words[-1] if words else ""
    return (
        words[0][:1].isupper()
        and len(words) <= NAME_PARTICLE_RUN_MAX
        # "Aguilar de la": capitalised words, then particles, never a longer lower-case word
        and all(w[:1].isupper() or len(w) <= NAME_PARTICLE_MAX for w in words)
        and len(last) <= NAME_PARTICLE_MAX
        and last.islower()
        and next_tok is not None
        and next_tok.end > next_tok.start
        and next_tok.text[:1].isupper()
        and next_tok.start == tokens[cand.last].end + 1
    )


_POSITION_PHRASES = {
    "glued": "glued to the end of {a_host} sentence",
    "paragraph_end": "appended to the end of {a_host} paragraph",
    "own_line": "on a line of its own in {a_host} document",
    "mid_paragraph": "inserted between two {host} sentences",
    "inside_sentence": "inside {a_host} sentence",
}


def _finding(
    text: str,
    tokens: Sequence[Token],
    cand: Candidate,
    score: float,
    host: str,
    reason_shares: dict[str, float],
) -> Finding:
    """The finding for a run; its reasons are the codes whose evidence moved its score,
    largest share first (``reason_shares``, from ``_scored``)."""
    start, end = cand.extent(tokens)
    fragment = text[start:end]
    # A run in a script of its own language is in that language (the profiles lack it).
    scripts = {
        tokens[i].script for i in range(cand.first, cand.last + 1) if tokens[i].kind == "word"
    }
    by_script = SCRIPT_LANGUAGES.get(scripts.pop()) if len(scripts) == 1 else None
    run_language = by_script or cand.language
    if run_language in LIST_NEIGHBOURS:
        # Malay reads as Indonesian: the run's words' frequencies say which of the two.
        run_language = list_neighbour(
            [tokens[i].text for i in range(cand.first, cand.last + 1) if tokens[i].kind == "word"],
            run_language,
        )
    what = (
        f"{language_name(run_language)} text"
        if cand.kind == "foreign_fragment"
        else f"{language_name(host)} spam text"
    )
    name = language_name(host)
    article = "an" if name[:1] in "AEIOU" else "a"
    phrase = _POSITION_PHRASES[cand.position].format(host=name, a_host=f"{article} {name}")
    detail = f"{what} {phrase}"
    if cand.terms:
        detail += f", with spam terms ({', '.join(cand.terms)})"
    reasons = tuple(name for name, share in reason_shares.items() if share)
    unlisted = [name for name in reasons if name not in REASON_CODES]
    if unlisted:  # the codes are an interface: a new one is documented before it is emitted
        raise ValueError(f"reason codes missing from results.REASON_CODES: {unlisted}")
    language = run_language if cand.kind == "foreign_fragment" else host
    return Finding(
        kind=cand.kind,
        start=start,
        end=end,
        text=fragment,
        language=language,
        score=score,
        reasons=reasons,
        detail=detail,
        id=stable_id(cand.kind, start, end, fragment),
        position=cand.position,
    )


def _without_overlaps(findings: list[Finding]) -> tuple[Finding, ...]:
    """Keep the best-scoring finding wherever two overlap (kept spans are disjoint, so their
    starts and ends sort alike and two bisects test a new span)."""
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-f.score, f.start)):
        at = bisect_right(starts, finding.start)
        if (at and ends[at - 1] > finding.start) or (at < len(starts) and starts[at] < finding.end):
            continue
        starts.insert(at, finding.start)
        ends.insert(at, finding.end)
        kept.insert(at, finding)
    return tuple(kept)
