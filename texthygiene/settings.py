"""Site configuration for the command line, found and checked the way ruff finds its own.

A setting comes from the command line, else from a configuration file, else from its
default. The file is ``--config FILE``; without it, the nearest ``texthygiene.toml`` (keys at
the top level) or ``pyproject.toml`` with a ``[tool.texthygiene]`` table, looking in the
current folder and then in each folder above it; ``--isolated`` reads no file. Keys are the
long option names (``min-score = 0.7``); paths in a file are relative to the file's folder.

An edge module of the CLI: the core never imports it.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from .batch import default_jobs
from .config import Config
from .formats import FORMATS
from .identify import DETECTORS
from .pipeline import normalise_languages
from .reporters import REPORTERS
from .results import FINDING_KINDS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport
    import tomli as tomllib

#: Where a setting came from when neither the command line nor a file set it.
DEFAULT = "default"
COMMAND_LINE = "command line"
PYPROJECT = "pyproject.toml"
OWN_FILE = "texthygiene.toml"
OUTPUT_FORMATS = tuple(sorted(REPORTERS))
_JOBS = default_jobs()

_SCAN = ("scan",)
_FLAG = ("scan", "clean")
_ALL = ("scan", "clean", "repair")
_REWRITE = ("clean", "repair")


class SettingsError(Exception):
    """A setting that cannot be used: the message names the file or option, the key, and
    what was expected."""


def _show(value: object) -> str:
    """A value as TOML writes it (what the user typed), for messages."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, (str, bool, int, float)):
        return json.dumps(value, ensure_ascii=False)
    return type(value).__name__


def _expected(what: str, value: object) -> ValueError:
    return ValueError(f"expected {what}, got {_show(value)}")


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _expected("true or false", value)
    return value


def _whole(minimum: int) -> Callable[[object], int]:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise _expected(f"a whole number of at least {minimum}", value)
        return value

    return check


def _score(value: object) -> float:
    # NaN fails the range test too.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise _expected("a number from 0 to 1", value)
    return float(value)


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _expected("a non-empty string", value)
    return value


def _choice(choices: Sequence[str]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if value not in choices:
            raise _expected(f"one of {', '.join(choices)}", value)
        return str(value)

    return check


def _strings(what: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise _expected(f"a list of {what}", value)
    return tuple(v.strip() for v in value)


def _terms(value: object) -> tuple[str, ...]:
    return _strings('terms (["term", …])', value)


def _languages(value: object) -> tuple[str, ...]:
    codes = _strings('language codes (["nl", "en"])', value)
    for code in codes:
        try:
            normalise_languages([code])
        except ValueError:
            raise ValueError(
                f"unknown language code {code!r} (expected an ISO 639-1 code, e.g. nl)"
            ) from None
    return tuple(sorted(normalise_languages(codes)))


def _kinds(value: object) -> tuple[str, ...]:
    kinds = _strings('finding kinds (["invisible_char", …])', value)
    known = ", ".join(FINDING_KINDS)
    if not kinds:
        raise ValueError(f"expected at least one kind (known: {known})")
    unknown = [k for k in kinds if k not in FINDING_KINDS]
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)} (known: {known})")
    return tuple(dict.fromkeys(kinds))


#: Names a report gives its own fields: a ``--meta-field`` may not take one.
RESERVED_FIELDS = ("schema_version", "source", "id", "location", "language", "findings")


def _meta_fields(value: object) -> tuple[str, ...]:
    fields = _strings('field names (["author", "url"])', value)
    taken = [name for name in fields if name in RESERVED_FIELDS]
    if taken:
        raise ValueError(
            f"{', '.join(map(repr, taken))} is a report's own field "
            f"(reserved: {', '.join(RESERVED_FIELDS)})"
        )
    return tuple(dict.fromkeys(fields))


@dataclass(frozen=True)
class Key:
    """One setting: a configuration key and the long option of the same name.

    ``check`` takes the value as TOML gives it (or as the option parser turned the
    command line into it) and returns it checked, or raises ``ValueError`` saying what was
    expected. ``parse`` turns one command-line word into that form (None: a switch with a
    ``--no-`` form); ``repeat`` options may be given many times; ``split`` ones also take
    comma-separated values.
    """

    name: str
    check: Callable[[object], object]
    default: object
    commands: tuple[str, ...]
    help: str
    default_help: str = ""
    parse: Callable[[str], object] | None = str
    metavar: str | None = None
    short: str | None = None
    choices: tuple[str, ...] | None = None
    repeat: bool = False
    split: bool = False
    path: bool = False  # relative to the configuration file's folder

    @property
    def dest(self) -> str:
        return self.name.replace("-", "_")

    def describe(self) -> str:
        """The option's help: what it does, its valid values, its default."""
        text = self.help
        if self.choices:
            text += f"; one of: {', '.join(self.choices)}"
        shown = self.default_help or (
            ("on" if self.default else "off")
            if self.parse is None
            else str(self.default)
            if isinstance(self.default, str)
            else _show(self.default)
        )
        return f"{text} (default: {shown})".replace("%", "%%")


_CONFIG = Config()

#: Every setting, in the order ``texthygiene config`` lists them.
KEYS: tuple[Key, ...] = (
    Key(
        "languages",
        _languages,
        None,
        _FLAG,
        "languages expected on the site, comma-separated ISO 639-1 codes, e.g. nl,en",
        "detected per document",
        metavar="CODES",
        split=True,
    ),
    Key(
        "min-score",
        _score,
        _CONFIG.threshold,
        _FLAG,
        "report (and remove) only findings scoring at least this, from 0 to 1; "
        "Config.threshold in the Python API",
        parse=float,
        metavar="SCORE",
    ),
    Key(
        "only",
        _kinds,
        None,
        _FLAG,
        "keep only these finding kinds; repeatable or comma-separated",
        "every kind",
        metavar="KIND",
        choices=tuple(FINDING_KINDS),
        repeat=True,
        split=True,
    ),
    Key(
        "allowlist",
        _terms,
        (),
        _FLAG,
        "a term never flagged and never counted as foreign (brand, local jargon); "
        "repeatable; Config.allowlist",
        "none",
        metavar="TERM",
        repeat=True,
    ),
    Key(
        "allowlist-file",
        _text,
        None,
        _FLAG,
        "a UTF-8 file of allowlist terms, one per line (# starts a comment line)",
        "none",
        metavar="FILE",
        path=True,
    ),
    Key(
        "extra-spam-terms",
        _terms,
        (),
        _FLAG,
        "a site-specific spam term or phrase; repeatable; Config.extra_spam_terms",
        "none",
        metavar="TERM",
        repeat=True,
    ),
    Key(
        "extra-spam-terms-file",
        _text,
        None,
        _FLAG,
        "a UTF-8 file of extra spam terms, one per line (# starts a comment line)",
        "none",
        metavar="FILE",
        path=True,
    ),
    Key(
        "lexicon",
        _bool,
        _CONFIG.spam_lexicon,
        _FLAG,
        "use the bundled spam-term lexicon as evidence; Config.spam_lexicon",
        parse=None,
    ),
    Key(
        "collection",
        _bool,
        True,
        _FLAG,
        "collection evidence: a phrase that recurs in injection-like places across the run's"
        " documents gains the reason recurring (off: each document judged on its own)",
        parse=None,
    ),
    Key(
        "detector",
        _choice(DETECTORS),
        _CONFIG.detector,
        _FLAG,
        "the language-evidence backend (lingua and fasttext need their extras)",
        metavar="NAME",
        choices=DETECTORS,
    ),
    Key(
        "min-fragment-words",
        _whole(1),
        _CONFIG.min_fragment_words,
        _FLAG,
        "words a same-script fragment needs before its language alone counts as evidence",
        parse=int,
        metavar="N",
    ),
    Key(
        "max-chars",
        _whole(1),
        _CONFIG.max_chars,
        _FLAG,
        "the largest document scanned, in characters; a larger one is reported as not scanned"
        " and written unchanged",
        parse=int,
        metavar="N",
    ),
    Key(
        "fix-confusables",
        _bool,
        _CONFIG.fix_confusables,
        ("clean",),
        "replace a look-alike word by the word it imitates instead of keeping it",
        parse=None,
    ),
    Key(
        "normalize-nfc",
        _bool,
        _CONFIG.normalize_nfc,
        ("clean",),
        "compose text that is not in Unicode NFC",
        parse=None,
    ),
    Key(
        "normalize-line-endings",
        _bool,
        _CONFIG.normalize_line_endings,
        ("clean",),
        "turn CRLF and CR line endings into LF",
        parse=None,
    ),
    Key(
        "input-format",
        _choice(FORMATS),
        None,
        _ALL,
        "read every input as this format",
        "from each file's name, then its first bytes",
        metavar="FORMAT",
        choices=FORMATS,
    ),
    Key(
        "text-field",
        _text,
        "text",
        _ALL,
        "JSONL key or CSV column holding the text",
        metavar="NAME",
    ),
    Key(
        "id-field",
        _text,
        None,
        _ALL,
        "JSONL key or CSV column naming each document",
        "the line number",
        metavar="NAME",
    ),
    Key(
        "meta-field",
        _meta_fields,
        (),
        _FLAG,
        "JSONL key or CSV column copied into every report of its document (author, URL, "
        "title); repeatable",
        "none",
        metavar="NAME",
        repeat=True,
    ),
    Key(
        "comments",
        _bool,
        False,
        _ALL,
        "WordPress exports (WXR): scan the comments too",
        parse=None,
    ),
    Key(
        "jobs",
        _whole(1),
        _JOBS,
        _ALL,
        "worker processes",
        f"the CPUs available, {_JOBS} here",
        parse=int,
        metavar="N",
        short="-j",
    ),
    Key(
        "keep-going",
        _bool,
        False,
        _ALL,
        "a record that cannot be read is a warning, not an error (exit code)",
        parse=None,
    ),
    Key(
        "exit-zero",
        _bool,
        False,
        _FLAG,
        "exit 0 even when something was found",
        parse=None,
    ),
    Key(
        "backup-suffix",
        _text,
        ".bak",
        _REWRITE,
        "what --backup appends to the name of the copy it keeps",
        metavar="SUFFIX",
    ),
    Key(
        "format",
        _choice(OUTPUT_FORMATS),
        "table",
        _SCAN,
        "report format (github: workflow annotations; sarif: SARIF 2.1.0 for code scanning)",
        metavar="FORMAT",
        choices=OUTPUT_FORMATS,
    ),
    Key(
        "statistics",
        _bool,
        False,
        _SCAN,
        "print only the number of findings per kind and language (table or json format)",
        parse=None,
    ),
    Key(
        "baseline",
        _text,
        None,
        _SCAN,
        "a file of finding ids (from --write-baseline) that are not reported",
        "none",
        metavar="FILE",
        path=True,
    ),
    Key(
        "decisions",
        _text,
        None,
        _FLAG,
        "a moderator's decisions (texthygiene-decisions.json from the review page): scan "
        "leaves out findings marked not spam, clean removes none of them",
        "none",
        metavar="FILE",
        path=True,
    ),
    Key(
        "decided-only",
        _bool,
        False,
        ("clean",),
        "with --decisions: remove only the findings marked spam",
        parse=None,
    ),
    Key(
        "max-documents",
        _whole(0),
        500,
        _SCAN,
        "html format: list at most N documents (0: all)",
        parse=int,
        metavar="N",
    ),
)
BY_NAME: dict[str, Key] = {key.name: key for key in KEYS}


@dataclass(frozen=True)
class Resolved:
    """Every setting's value and where it came from: ``DEFAULT``, ``COMMAND_LINE`` or the
    path of the configuration file."""

    values: Mapping[str, object]
    origins: Mapping[str, str]
    file: str | None = None  # the configuration file read, as shown in messages
    table: str = ""  # "[tool.texthygiene]" for a pyproject.toml

    def where(self, name: str) -> str:
        """The key as a message names it: the option, or the file and key."""
        origin = self.origins[name]
        if origin in (COMMAND_LINE, DEFAULT):
            return f"--{name}"
        return f"{origin}: {self.table + ' ' if self.table else ''}{name}"


def _display(path: Path) -> str:
    """A path for messages: relative to the current folder when that is shorter."""
    relative = os.path.relpath(path)
    return relative if len(relative) < len(str(path)) else str(path)


def _table(path: Path, *, explicit: bool) -> tuple[dict[str, object], str] | None:
    """The settings table of a file and its name in messages; None for a discovered
    ``pyproject.toml`` without ``[tool.texthygiene]``."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise SettingsError(f"{_display(path)}: {error.strerror or error}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(f"{_display(path)}: not valid TOML: {error}") from error
    if path.name != PYPROJECT:
        return data, ""
    tool = data.get("tool")
    section = tool.get("texthygiene") if isinstance(tool, dict) else None
    if section is None:
        if explicit:
            raise SettingsError(f"{_display(path)}: no [tool.texthygiene] table")
        return None
    if not isinstance(section, dict):
        raise SettingsError(f"{_display(path)}: tool.texthygiene must be a table")
    return section, "[tool.texthygiene]"


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``: in each folder a
    ``texthygiene.toml``, else a ``pyproject.toml`` that has ``[tool.texthygiene]``."""
    for folder in (start, *start.parents):
        own = folder / OWN_FILE
        if own.is_file():
            return own
        project = folder / PYPROJECT
        if project.is_file() and _table(project, explicit=False) is not None:
            return project
    return None


def resolve(
    given: Mapping[str, object],
    *,
    config: str | None = None,
    isolated: bool = False,
    cwd: Path | None = None,
) -> Resolved:
    """Every setting: ``given`` (the command line's, by key) over the configuration file's
    over the defaults, each checked; ``SettingsError`` names what is wrong and where."""
    values: dict[str, object] = {}
    origins: dict[str, str] = {}
    path: Path | None = None
    if config is not None:
        path = Path(config)
    elif not isolated:
        path = find((cwd or Path.cwd()).resolve())
    table: dict[str, object] = {}
    label = ""
    shown = None
    if path is not None:
        found = _table(path, explicit=True)
        assert found is not None  # explicit: a missing table raised
        table, label = found
        shown = _display(path)
    for name, value in table.items():
        key = BY_NAME.get(name)
        where = f"{shown}: {label + ' ' if label else ''}{name}"
        if key is None:
            close = difflib.get_close_matches(name.replace("_", "-"), BY_NAME, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise SettingsError(f"{where}: unknown key ({hint}known: {', '.join(BY_NAME)})")
        values[name] = _checked(key, value, where)
        if key.path:
            values[name] = os.path.join(os.path.dirname(shown or "."), str(values[name]))
        origins[name] = str(shown)
    for name, value in given.items():
        key = BY_NAME[name]
        values[name] = _checked(key, value, f"--{name}")
        origins[name] = COMMAND_LINE
    for key in KEYS:
        if key.name not in values:
            values[key.name] = key.default
            origins[key.name] = DEFAULT
    return Resolved(values, origins, shown, label)


def _checked(key: Key, value: object, where: str) -> object:
    try:
        return key.check(value)
    except ValueError as error:
        raise SettingsError(f"{where}: {error}") from None


def read_terms(path: str, where: str) -> tuple[str, ...]:
    """The terms of a terms file: one per line; blank lines and ``#`` lines are skipped."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError as error:
        raise SettingsError(f"{where}: {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise SettingsError(f"{where}: {path}: not UTF-8 (byte {error.start})") from error
    return tuple(s for s in (line.strip() for line in lines) if s and not s.startswith("#"))


def to_config(resolved: Resolved) -> Config:
    """The core's ``Config`` for the resolved settings (terms files read)."""
    values = resolved.values
    terms: dict[str, tuple[str, ...]] = {}
    for name in ("allowlist", "extra-spam-terms"):
        listed = cast("tuple[str, ...]", values[name])
        extra = values[f"{name}-file"]
        if extra is not None:
            listed += read_terms(str(extra), resolved.where(f"{name}-file"))
        terms[name] = tuple(dict.fromkeys(listed))
    return Config(
        threshold=cast(float, values["min-score"]),
        spam_lexicon=bool(values["lexicon"]),
        extra_spam_terms=terms["extra-spam-terms"],
        allowlist=terms["allowlist"],
        min_fragment_words=cast(int, values["min-fragment-words"]),
        max_chars=cast(int, values["max-chars"]),
        fix_confusables=bool(values["fix-confusables"]),
        normalize_nfc=bool(values["normalize-nfc"]),
        normalize_line_endings=bool(values["normalize-line-endings"]),
        detector=str(values["detector"]),
    )


def render(resolved: Resolved) -> str:
    """``texthygiene config``: each setting as a TOML line, with where it came from."""
    head = "# no configuration file"
    if resolved.file is not None:
        head = f"# configuration file: {resolved.file} {resolved.table}".rstrip()
    lines = [head]
    for key in KEYS:
        value = resolved.values[key.name]
        shown = "(not set)" if value is None else _show(value)
        lines.append(f"{key.name} = {shown}  # {resolved.origins[key.name]}")
    return "\n".join(lines) + "\n"
