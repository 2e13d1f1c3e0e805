"""A moderator's decisions on findings: read ``texthygiene-decisions.json``, match its entries
to the findings of a run, and name the entries that matched nothing.

The review page writes the file (its **Export decisions** button); ``scan --decisions`` and
``clean --decisions`` read it. An edge module of the command line: the core never imports it.

The file, version 1::

    {"schema_version": 1, "decisions": [
      {"finding_id": "3f2a…", "document": "post 12 content", "text": "купить…",
       "decision": "spam"}]}

``decision`` is ``"spam"`` or ``"not_spam"``; ``document`` is the document as the reports
name it (their ``id``); ``source`` (the input file) may narrow it further. An entry matches
a finding by its id (in that document, when it names one); failing that, when the text
around the finding changed and so did its id, by document and fragment text compared
casefolded with whitespace collapsed. An entry with only ``finding_id`` is valid; one with
neither an id nor a document and text is not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .results import Finding

SCHEMA_VERSION = 1
FILE_NAME = "texthygiene-decisions.json"
SPAM = "spam"
NOT_SPAM = "not_spam"
_KEYS = ("finding_id", "document", "source", "text", "decision")


class DecisionsError(ValueError):
    """A decisions file that cannot be used: the message names the file, the entry and what
    was wrong with it."""


def normalise(text: str) -> str:
    """Fragment text as decisions compare it: casefolded, whitespace collapsed.

    >>> normalise("  Situs\\u00a0SLOT\\n gacor ")
    'situs slot gacor'
    """
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Decision:
    """One entry of the file; ``index`` is its place in the ``decisions`` list."""

    index: int
    decision: str
    finding_id: str | None = None
    document: str | None = None
    source: str | None = None
    text: str | None = None

    def describe(self) -> str:
        """The entry as a message names it."""
        named = [f"{key} {value!r}" for key, value in self._named() if value is not None]
        return f"decision {self.index} ({', '.join(named)})"

    def _named(self) -> tuple[tuple[str, str | None], ...]:
        return (("finding_id", self.finding_id), ("document", self.document), ("text", self.text))


@dataclass(frozen=True)
class Decisions:
    """The entries of one decisions file, indexed for matching.

    ``decided_only``: a clean removes only what is marked spam (else everything found but
    what is marked not spam).
    """

    path: str
    entries: tuple[Decision, ...]
    decided_only: bool = False
    _by_id: dict[str, list[Decision]] = field(default_factory=dict, repr=False, compare=False)
    _by_text: dict[tuple[str, str], list[Decision]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for entry in self.entries:
            if entry.finding_id is not None:
                self._by_id.setdefault(entry.finding_id, []).append(entry)
            if entry.document is not None and entry.text is not None:
                key = (entry.document, normalise(entry.text))
                self._by_text.setdefault(key, []).append(entry)

    @property
    def documents(self) -> frozenset[str]:
        """The documents the entries name (to tell a stale entry from an unknown one)."""
        return frozenset(e.document for e in self.entries if e.document is not None)

    def match(self, source: str, document: str, finding: Finding) -> Decision | None:
        """The entry for one finding: by id first, then by document and text; where several
        entries fit, the last in the file wins."""

        def fits(entry: Decision) -> bool:
            return entry.document in (None, document) and entry.source in (None, source)

        by_id = [e for e in self._by_id.get(finding.id, ()) if fits(e)]
        if by_id:
            return by_id[-1]
        by_text = [e for e in self._by_text.get((document, normalise(finding.text)), ()) if fits(e)]
        return by_text[-1] if by_text else None

    def select(
        self, source: str, document: str, findings: Sequence[Finding], command: str
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Which findings stay (their positions) and which entries matched (their indexes).

        A finding marked not spam never stays; with ``decided_only`` a clean keeps only the
        findings marked spam.
        """
        kept: list[int] = []
        matched: list[int] = []
        only_spam = self.decided_only and command == "clean"
        for i, finding in enumerate(findings):
            entry = self.match(source, document, finding)
            if entry is not None:
                matched.append(entry.index)
            decision = entry.decision if entry is not None else None
            if decision == NOT_SPAM or (only_spam and decision != SPAM):
                continue
            kept.append(i)
        return tuple(kept), tuple(dict.fromkeys(matched))

    def unmatched(self, matched: Iterable[int], seen: Iterable[str]) -> list[str]:
        """A warning for every entry that matched no finding of the run."""
        used, present = set(matched), set(seen)
        out = []
        for entry in self.entries:
            if entry.index in used:
                continue
            if entry.document is not None and entry.document not in present:
                why = f"no document {entry.document!r} in the input"
            else:
                why = "no finding matches it (fixed, changed, or below the threshold)"
            out.append(f"{self.path}: {entry.describe()}: {why}; ignored")
        return out


def load(path: str, *, decided_only: bool = False) -> Decisions:
    """Read and check a decisions file; ``DecisionsError`` says what is wrong and where."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise DecisionsError(f"{path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise DecisionsError(f"{path}: not UTF-8 (byte {error.start})") from error
    except json.JSONDecodeError as error:
        raise DecisionsError(
            f"{path}: not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
    return parse(data, path, decided_only=decided_only)


def parse(data: object, path: str, *, decided_only: bool = False) -> Decisions:
    """Check a decisions file's content (``path`` names it in messages)."""
    if not isinstance(data, dict):
        raise DecisionsError(f"{path}: expected an object with schema_version and decisions")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise DecisionsError(
            f"{path}: schema_version is {json.dumps(version)}; this texthygiene reads "
            f"version {SCHEMA_VERSION}"
        )
    entries = data.get("decisions")
    if not isinstance(entries, list):
        raise DecisionsError(f"{path}: decisions must be a list of entries")
    return Decisions(path, tuple(_entry(e, i, path) for i, e in enumerate(entries)), decided_only)


def _entry(raw: object, index: int, path: str) -> Decision:
    where = f"{path}: decision {index}"
    if not isinstance(raw, dict):
        raise DecisionsError(f"{where}: expected an object, got {type(raw).__name__}")
    unknown = [key for key in raw if key not in _KEYS]
    if unknown:
        raise DecisionsError(
            f"{where}: unknown key(s) {', '.join(map(repr, unknown))} (known: {', '.join(_KEYS)})"
        )
    decision = raw.get("decision")
    if decision not in (SPAM, NOT_SPAM):
        raise DecisionsError(
            f'{where}: decision is {json.dumps(decision)}; expected "{SPAM}" or "{NOT_SPAM}"'
        )
    values: dict[str, str | None] = {}
    for key in ("finding_id", "document", "source", "text"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise DecisionsError(f"{where}: {key} must be a non-empty string")
        values[key] = value
    if values["finding_id"] is None and (values["document"] is None or values["text"] is None):
        raise DecisionsError(f"{where}: needs a finding_id, or a document and a text")
    return Decision(index, str(decision), **values)
