"""Command line: ``texthygiene scan|clean|repair PATH…`` (``-`` is stdin), and
``texthygiene config`` (the settings in force; ``settings`` reads and checks them).

Inputs are plain text, HTML, JSONL, CSV, WordPress exports (WXR) or WARC archives, detected
from the file name or the first bytes (``--input-format`` overrides). Exit codes follow the
linters: 0 nothing flagged, 1 findings, 2 usage or input errors (2 wins when both happen).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import BinaryIO, TextIO

from tqdm import tqdm

from . import COMPILED, __version__
from .batch import Header, Outcome, Settings, Task, collect, run
from .decisions import Decisions, DecisionsError
from .decisions import load as load_decisions
from .formats import (
    Input,
    Item,
    ReadOptions,
    Record,
    RecordError,
    Writer,
    by_name,
    detect,
    writer,
)
from .formats.jsonl import dumps
from .reporters import REPORTERS, Reporter, StatisticsReporter, escape, report_line
from .results import FINDING_KINDS, SCHEMA_VERSION
from .settings import KEYS, Resolved, SettingsError, render, resolve, to_config

#: Which hot loops run, for ``--version``: the compiled extension or the pure-Python twins.
_BUILD = "compiled" if COMPILED else "pure Python"


class UsageError(Exception):
    """A command line that cannot run: exit code 2 before any input is read."""


_DESCRIPTION = """\
Repair encoding, identify languages per segment, and flag and remove injected
foreign-language spam. Inputs are plain text, HTML, JSONL, CSV, WordPress exports (WXR)
or WARC archives, detected from the file name or the first bytes; - reads stdin.

Exit codes: 0 nothing found, 1 findings, 2 usage or input errors (2 wins when both).
"""

_EPILOG = f"""\
Settings: every option in the settings group is also a key of [tool.texthygiene] in
pyproject.toml, or of a texthygiene.toml (keys at the top level), e.g.

    [tool.texthygiene]
    languages = ["nl", "en"]
    min-score = 0.6
    only = ["invisible_char", "foreign_fragment"]

The nearest such file in the current folder or a folder above it is read; --config FILE
names one, --isolated reads none; the command line wins over the file. "texthygiene config"
shows the settings in force and where each came from.

Finding kinds:
{chr(10).join(f"  {kind:<17} {meaning}" for kind, meaning in FINDING_KINDS.items())}
"""


def _add_settings(cmd: argparse.ArgumentParser, command: str | None) -> None:
    """The options that are also configuration keys (``command`` None: every one)."""
    group = cmd.add_argument_group(
        "settings", "also keys of [tool.texthygiene] in pyproject.toml or of texthygiene.toml"
    )
    group.add_argument(
        "--config",
        metavar="FILE",
        help="read settings from this file (default: the nearest texthygiene.toml, or "
        "pyproject.toml with [tool.texthygiene], here or in a folder above)",
    )
    group.add_argument("--isolated", action="store_true", help="read no configuration file")
    for key in KEYS:
        if command is not None and command not in key.commands:
            continue
        flags = ([key.short] if key.short else []) + [f"--{key.name}"]
        if key.parse is None:
            group.add_argument(
                *flags, action=argparse.BooleanOptionalAction, default=None, help=key.describe()
            )
        else:
            group.add_argument(
                *flags,
                type=key.parse,
                action="append" if key.repeat else "store",
                metavar=key.metavar,
                help=key.describe(),
            )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="texthygiene",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"texthygiene {__version__} ({_BUILD})"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("scan", "report findings"),
        ("clean", "write cleaned documents (same format; WARC: a JSONL of cleaned records)"),
        ("repair", "encoding repair only, format-aware"),
    ):
        cmd = sub.add_parser(
            name,
            help=text,
            description=text,
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        cmd.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - for stdin")
        noise = cmd.add_mutually_exclusive_group()
        noise.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
        noise.add_argument("-v", "--verbose", action="store_true", help="per-file summaries")
        if name != "scan":
            cmd.add_argument(
                "-o", "--output", metavar="OUT", help="file, or folder for many (default: stdout)"
            )
            cmd.add_argument("--in-place", action="store_true", help="rewrite inputs atomically")
            cmd.add_argument(
                "--backup",
                action="store_true",
                help="--in-place keeps a copy (see --backup-suffix)",
            )
        if name == "clean":
            cmd.add_argument(
                "--audit",
                metavar="FILE",
                help="JSONL of every removal (default: OUT.audit.jsonl, or audit.jsonl in an "
                "OUT folder; none without -o)",
            )
        elif name == "scan":
            cmd.add_argument("-o", "--output", metavar="FILE", help="report file (default: stdout)")
            cmd.add_argument("--write-baseline", metavar="FILE", help="record current findings")
        _add_settings(cmd, name)
    show = "print the settings in force and where each came from"
    _add_settings(sub.add_parser("config", help=show, description=show), None)
    return parser


@dataclass
class _Input:
    """One input file and what the run saw in it."""

    path: str
    fmt: str = "text"
    reading: Input | None = None
    documents: int = 0
    findings: int = 0
    errors: int = 0

    @property
    def consumed(self) -> int:
        """Bytes read from the input so far."""
        return self.reading.consumed if self.reading is not None else 0


@dataclass
class _Run:
    """State of a run shared by the command implementations."""

    args: argparse.Namespace
    status: int = 0
    documents: int = 0
    findings: int = 0
    errors: int = 0
    baseline: set[tuple[str, str, str]] = field(default_factory=set)
    seen: list[dict[str, str]] = field(default_factory=list)
    decided: set[int] = field(default_factory=set)  # decisions that matched a finding
    decided_documents: set[str] = field(default_factory=set)  # documents they name, seen

    def error(self, where: str, message: str, *, record: bool = True) -> None:
        """A record error is a warning under --keep-going; an error that loses the rest of
        a file never is."""
        self.errors += 1
        warning = record and self.args.keep_going
        if not warning:
            self.status = 2
        if not (warning and self.args.quiet):
            label = "warning" if warning else "error"
            print(f"texthygiene: {label}: {escape(where)}: {escape(message)}", file=sys.stderr)

    def summary(self, current: _Input) -> None:
        """With --verbose, what one input held."""
        if self.args.verbose:
            print(
                f"texthygiene: {escape(current.path)} ({current.fmt}): {current.documents} "
                f"documents, {current.findings} findings, {current.errors} errors",
                file=sys.stderr,
            )


def _configure(args: argparse.Namespace) -> Resolved:
    """Merge the command line over the configuration file over the defaults, into ``args``
    (the options this command has) and the returned ``Resolved``."""
    given: dict[str, object] = {}
    for key in KEYS:
        value = getattr(args, key.dest, None)
        if value is None:
            continue
        if key.split:
            words = value if isinstance(value, list) else [value]
            value = [part.strip() for word in words for part in word.split(",") if part.strip()]
        given[key.name] = value
    resolved = resolve(given, config=args.config, isolated=args.isolated)
    for key in KEYS:
        if args.command == "config" or args.command in key.commands:
            setattr(args, key.dest, resolved.values[key.name])
    return resolved


def _settings(args: argparse.Namespace, resolved: Resolved) -> Settings:
    if args.command == "repair":
        return Settings("repair")
    only = frozenset(args.only) if args.only is not None else None
    decided_only = getattr(args, "decided_only", False)
    decide = None
    if args.decisions:
        try:
            decide = load_decisions(args.decisions, decided_only=decided_only)
        except DecisionsError as error:
            raise UsageError(f"--decisions {error}") from error
    elif decided_only:
        raise UsageError("--decided-only needs --decisions FILE")
    return Settings(
        args.command,
        args.languages or None,
        to_config(resolved),
        only,
        decide=decide,
        collection=bool(args.collection),
    )


def _expand(paths: Sequence[str]) -> list[str]:
    """Folders become the files under them that have a known extension, in sorted order;
    hidden files and folders are skipped."""
    out: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            out.append(path)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out.extend(
                os.path.join(folder, name)
                for name in sorted(files)
                if not name.startswith(".") and by_name(name) is not None
            )
    return out


def _check(args: argparse.Namespace) -> None:
    if args.paths.count("-") > 1:
        raise UsageError("stdin (-) can be read only once")
    if args.command == "scan":
        if args.statistics and args.format not in ("table", "json"):
            raise UsageError(f"--statistics prints a table or json, not --format {args.format}")
        _check_outputs(args)
        return
    if args.in_place:
        if args.output:
            raise UsageError("--in-place and --output exclude each other")
        if "-" in args.paths:
            raise UsageError("--in-place cannot rewrite stdin")
        if args.input_format == "warc" or any(detect(p, b"") == "warc" for p in args.paths):
            raise UsageError("--in-place: a WARC archive is never rewritten; use -o OUT")
    elif args.backup:
        raise UsageError("--backup needs --in-place")
    if args.output and len(args.paths) > 1:
        if os.path.isfile(args.output):
            raise UsageError(f"-o {args.output}: several inputs need a folder, not a file")
        names = [_relative(p) for p in args.paths]
        if len(set(names)) < len(names):
            raise UsageError("several inputs share a file name: -o OUT cannot hold them all")
    _check_outputs(args)


def _identity(path: str) -> tuple[str, tuple[int, int] | None]:
    """A path's real location, and its (device, inode) where it exists (hard links, and
    ``-`` redirected from a file, have the same inode under another name)."""
    try:
        if path == "-":
            info = os.fstat(sys.stdin.fileno())
            return "-", (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None
        info = os.stat(path)
    except (OSError, ValueError, AttributeError):  # no such file; stdin without a descriptor
        return os.path.realpath(path), None
    return os.path.realpath(path), (info.st_dev, info.st_ino)


def _outputs(args: argparse.Namespace) -> list[tuple[str, str]]:
    """Every file the run will write, with the option that names it."""
    if args.command == "scan":
        named = (("-o", args.output), ("--write-baseline", args.write_baseline))
        return [(option, path) for option, path in named if path]
    out: list[tuple[str, str]] = []
    if args.in_place and args.backup:
        out += [("--backup", path + args.backup_suffix) for path in args.paths]
    elif args.output:
        for path in args.paths:
            fmt = args.input_format or by_name(path)
            if fmt is None and path != "-" and os.path.isfile(path):
                with open(path, "rb") as handle:
                    fmt = detect(path, handle.read(512))
            out.append(("-o", _target(args, path, fmt or "text")))
    audit = _audit_path(args)
    if audit:
        out.append(("--audit", audit))
    return out


def _check_outputs(args: argparse.Namespace) -> None:
    """No output may name an input, or another output: it would be emptied before it is
    read (or written twice). Checked before anything is opened for writing."""
    inputs = [(path, *_identity(path)) for path in args.paths]
    written: list[tuple[str, str, str, tuple[int, int] | None]] = []
    for option, path in _outputs(args):
        real, inode = _identity(path)
        for name, other, other_inode in inputs:
            if real == other or (inode is not None and inode == other_inode):
                rewrite = option == "-o" and args.command != "scan"
                raise UsageError(
                    f"{option} {path} is the input {name}: it would be overwritten before it "
                    "is read" + ("; use --in-place to rewrite it" if rewrite else "")
                )
        for other_option, other_path, other, other_inode in written:
            if real == other or (inode is not None and inode == other_inode):
                raise UsageError(f"{option} {path} and {other_option} {other_path} are one file")
        written.append((option, path, real, inode))


def _items(run_: _Run, options: ReadOptions) -> Iterator[tuple[_Input, Item]]:
    """Every input's items in order; a file that cannot be opened is one error item."""
    for path in run_.args.paths:
        current = _Input(path)
        try:
            stream: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        except OSError as error:
            yield current, RecordError(path, "", error.strerror or str(error), fatal=True)
            continue
        try:
            head = stream.peek(512)[:512] if hasattr(stream, "peek") else b""
            current.fmt = run_.args.input_format or detect(path, head)
            current.reading = Input(stream, path, current.fmt, options)
            yield from ((current, item) for item in current.reading)
        except (OSError, ImportError) as error:
            message = error.strerror if isinstance(error, OSError) else None
            yield current, RecordError(path, "", message or str(error), fatal=True)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def _task(pair: tuple[_Input, Item]) -> Task | None:
    item = pair[1]
    return (item.text, item.markup) if isinstance(item, Record) else None


def _decided_task(pair: tuple[_Input, Item]) -> Task | None:
    item = pair[1]
    return (item.text, item.markup, (item.source, item.id)) if isinstance(item, Record) else None


def _header(pair: tuple[_Input, Item]) -> Header:
    item = pair[1]
    if not isinstance(item, Record):
        raise TypeError("only a record has a report line")  # run asks only for records'
    return (item.source, item.id, item.location, item.meta)


def _results(run_: _Run, settings: Settings) -> Iterator[tuple[_Input, Item, Outcome | None]]:
    """Items with outcomes, in input order, with errors reported as they are reached."""
    args = run_.args
    options = ReadOptions(
        args.text_field, args.id_field, args.comments, tuple(getattr(args, "meta_field", ()))
    )
    decisions = settings.decide if isinstance(settings.decide, Decisions) else None
    named = decisions.documents if decisions is not None else frozenset()
    show = not args.quiet and sys.stderr.isatty()
    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
    previous: _Input | None = None
    # Known sizes give a bar of bytes read, with percent and time left; else documents.
    total = _total_size(args.paths) if show else None
    done = 0  # bytes of the inputs before the current one
    with tqdm(
        total=total,
        unit="B" if total else " docs",
        unit_scale=bool(total),
        disable=not show,
        delay=1.0,
        file=sys.stderr,
    ) as bar:
        lost = functools.partial(_lost, run_)
        task = _task if decisions is None else _decided_task
        header = _header if settings.render is not None else None
        if settings.collection:
            first = run(settings, _items(run_, options), task, args.jobs, lost)
            results = collect(settings, first, jobs=args.jobs, header=header, lost=lost)
        else:
            results = run(settings, _items(run_, options), task, args.jobs, lost, header)
        for (current, item), outcome in results:
            if current is not previous:
                if previous is not None:
                    run_.summary(previous)
                    done += previous.consumed
                previous = current
            if isinstance(item, RecordError):
                where = f"{item.source}: {item.location}" if item.location else item.source
                # What stops the reading of a file (truncated archive, broken or hostile XML)
                # leaves records unscanned: an error even under --keep-going.
                run_.error(where, item.message, record=not item.fatal)
                current.errors += 1
            elif isinstance(item, Record):
                if total:
                    bar.set_postfix_str(f"{run_.documents + 1} docs", refresh=False)
                else:
                    bar.update(1)
                run_.documents += 1
                current.documents += 1
                if item.id in named:
                    run_.decided_documents.add(item.id)
                if outcome is not None:
                    run_.decided.update(outcome.decided)
                if outcome is not None and outcome.error is not None:
                    kept = "; written unchanged" if args.command != "scan" else ""
                    where = f"{item.source}: {item.location or item.id}"
                    run_.error(where, outcome.error + kept)
                    current.errors += 1
            if total:
                bar.update(done + current.consumed - bar.n)
            yield current, item, outcome
    if previous is not None:
        run_.summary(previous)


def _total_size(paths: Sequence[str]) -> int | None:
    """The bytes of all inputs, if every one is a regular file (stdin or a pipe: unknown)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            info = os.stat(path)
        except OSError:
            continue  # reported as an error when it is reached
        if not stat.S_ISREG(info.st_mode):
            return None
        total += info.st_size
    return total or None


def _lost(run_: _Run, held: list[tuple[_Input, Item]], reason: str) -> None:
    """A worker died with a batch: name its records (they are scanned again one by one, so
    only a document that kills a worker again is lost, and it is reported on its own)."""
    records = [item for _, item in held if isinstance(item, Record)]
    if not records:
        return
    first, last = records[0], records[-1]
    where = f"{first.source}: {first.location or first.id}"
    if last is not first:
        end = last.location or last.id
        where += f" to {end}" if last.source == first.source else f" to {last.source}: {end}"
    run_.error(
        where,
        f"{reason} while scanning these {len(records)} records; they were scanned again "
        "one at a time",
        record=False,
    )


def _baseline_key(record: Record, finding_id: str) -> tuple[str, str, str]:
    return (record.source, record.id, finding_id)


def _load_baseline(path: str) -> set[tuple[str, str, str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return {(e["source"], e["document"], e["id"]) for e in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError(f"--baseline {path}: not a texthygiene baseline ({error})") from error


def _scan(run_: _Run, settings: Settings) -> None:
    args = run_.args
    if args.baseline:
        run_.baseline = _load_baseline(args.baseline)
    elif args.format in ("jsonl", "json") and not args.statistics and not args.write_baseline:
        # Nothing here looks into a document's findings: its worker writes its line.
        settings = replace(settings, render=report_line)
    out: TextIO = (
        open(args.output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        if args.output
        else sys.stdout
    )
    page: dict[str, object] = {}
    if args.format == "html":
        page = {"threshold": args.min_score, "inputs": args.paths}
        page["max_documents"] = args.max_documents or None
    report: Reporter = (
        StatisticsReporter(out, as_json=args.format == "json")
        if args.statistics
        else REPORTERS[args.format](out, verbose=args.verbose, **page)
    )
    try:
        for current, item, outcome in _results(run_, settings):
            if not isinstance(item, Record) or outcome is None or outcome.error:
                continue
            if outcome.line is not None:
                run_.findings += outcome.found
                current.findings += outcome.found
                report.add(item, outcome)
                continue
            keep = [
                i
                for i, f in enumerate(outcome.findings)
                if _baseline_key(item, f.id) not in run_.baseline
            ]
            outcome = replace(
                outcome,
                findings=tuple(outcome.findings[i] for i in keep),
                contexts=tuple(outcome.contexts[i] for i in keep),
            )
            if args.write_baseline:  # only then: kept for the whole run, it grows with it
                run_.seen.extend(
                    {"source": item.source, "document": item.id, "id": f.id, "kind": f.kind,
                     "text": f.text}
                    for f in outcome.findings
                )  # fmt: skip
            run_.findings += len(outcome.findings)
            current.findings += len(outcome.findings)
            report.add(item, outcome)
    finally:
        report.close()
        if out is not sys.stdout:
            out.close()
    if args.write_baseline:
        _write_baseline(args.write_baseline, run_.seen)


def _write_baseline(path: str, entries: list[dict[str, str]]) -> None:
    unique = {(e["source"], e["document"], e["id"]): e for e in entries}
    rows = [unique[key] for key in sorted(unique)]
    body = ",\n".join("  " + dumps(row) for row in rows)
    text = f'{{"schema_version": "{SCHEMA_VERSION}", "findings": [\n{body}\n]}}\n'
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(
            text if rows else f'{{"schema_version": "{SCHEMA_VERSION}", "findings": []}}\n'
        )


class _Output:
    """Where one input's rewritten form goes: a file, stdout, or (``--in-place``) a temporary
    file beside the input that replaces it atomically when the input is done."""

    def __init__(self, args: argparse.Namespace, current: _Input) -> None:
        self.args = args
        self.current = current
        self.temp: str | None = None
        self.path: str | None = None  # -o: the file written
        self.handle: BinaryIO
        if args.in_place:
            folder = os.path.dirname(os.path.abspath(current.path))
            fd, self.temp = tempfile.mkstemp(prefix=".texthygiene-", dir=folder)
            self.handle = os.fdopen(fd, "wb")
        elif args.output:
            self.path = _output_path(args, current)
            self.handle = open(self.path, "wb")  # noqa: SIM115
        else:
            sys.stdout.flush()
            self.handle = sys.stdout.buffer
        self.writer: Writer = writer(current.fmt, self.handle)

    def close(self) -> None:
        self.writer.close()
        if self.handle is sys.stdout.buffer:
            self.handle.flush()
            return
        if self.temp is not None:
            self.handle.flush()
            os.fsync(self.handle.fileno())
        self.handle.close()
        if self.temp is not None:
            path = self.current.path
            shutil.copymode(path, self.temp)
            if self.args.backup:
                shutil.copy2(path, path + self.args.backup_suffix)
            os.replace(self.temp, path)

    def abandon(self, remove: bool = False) -> None:
        """Stop writing; ``remove``: delete a part written to ``-o`` too."""
        if self.handle is not sys.stdout.buffer:
            self.handle.close()
        if self.temp is not None:
            os.unlink(self.temp)
        elif remove and self.path is not None:
            os.unlink(self.path)


def _output_path(args: argparse.Namespace, current: _Input) -> str:
    target = _target(args, current.path, current.fmt)
    if target != args.output:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    return target


def _target(args: argparse.Namespace, path: str, fmt: str) -> str:
    """Where ``-o`` puts the output of one input."""
    out: str = args.output
    if len(args.paths) == 1 and not os.path.isdir(out):
        return out
    return os.path.join(out, _relative(path)) + (".jsonl" if fmt == "warc" else "")


def _relative(path: str) -> str:
    """An input's place under an output folder: its relative path when it lies below the
    working folder (inputs from a folder keep their layout), else its file name."""
    if path == "-":
        return "stdin"
    relative = os.path.relpath(path)
    return os.path.basename(path) if relative.startswith("..") else relative


def _audit_path(args: argparse.Namespace) -> str | None:
    if args.command != "clean":
        return None
    if args.audit:
        return str(args.audit)
    if not args.output:
        return None
    if len(args.paths) == 1 and not os.path.isdir(args.output):
        return f"{args.output}.audit.jsonl"
    return os.path.join(args.output, "audit.jsonl")


def _rewrite(run_: _Run, settings: Settings) -> None:
    args = run_.args
    audit_path = _audit_path(args)
    if audit_path and os.path.dirname(audit_path):
        os.makedirs(os.path.dirname(audit_path), exist_ok=True)
    audit = open(audit_path, "w", encoding="utf-8") if audit_path else None  # noqa: SIM115
    output: _Output | None = None
    try:
        for current, item, outcome in _results(run_, settings):
            if isinstance(item, RecordError) and not item.location:
                continue  # the input could not be opened: there is nothing to write
            if isinstance(item, RecordError) and item.rest_lost:
                # Part of the input could not be read: a rewrite would lose it.
                if output is not None and output.current is current:
                    output.abandon(remove=True)
                    output = None
                run_.error(current.path, "not rewritten: the input could not be read whole")
                continue
            if output is None or output.current is not current:
                if output is not None:
                    output.close()
                output = _Output(args, current)
            if isinstance(item, Record) and outcome is not None and outcome.error is None:
                output.writer.write(item, outcome.new_text)
                run_.findings += len(outcome.findings)
                current.findings += len(outcome.findings)
                if audit is not None:
                    for f in outcome.removed:
                        audit.write(dumps(_audit_entry(item, f.to_dict())) + "\n")
            else:
                output.writer.write(item, None)
        if output is not None:
            output.close()
            output = None
    finally:
        if output is not None:
            output.abandon()
        if audit is not None:
            audit.close()


def _audit_entry(record: Record, finding: dict[str, object]) -> dict[str, object]:
    where = {"source": record.source, "document": record.id, "location": record.location}
    return {**where, **dict(record.meta), **finding}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (testable in-process)."""
    args = _parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    run_ = _Run(args)
    try:
        resolved = _configure(args)
        if args.command == "config":
            sys.stdout.write(render(resolved))
            return 0
        args.paths = _expand(args.paths)
        _check(args)
        settings = _settings(args, resolved)
        if args.command == "scan":
            _scan(run_, settings)
        else:
            _rewrite(run_, settings)
        if isinstance(settings.decide, Decisions) and not args.quiet:
            for warning in settings.decide.unmatched(run_.decided, run_.decided_documents):
                print(f"texthygiene: warning: {escape(warning)}", file=sys.stderr)
    except (UsageError, SettingsError) as error:
        print(f"texthygiene: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"texthygiene: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    if not args.quiet and (args.verbose or run_.errors):
        print(
            f"texthygiene: {run_.documents} documents, {run_.findings} findings, "
            f"{run_.errors} errors",
            file=sys.stderr,
        )
    flagged = run_.findings > 0 and not getattr(args, "exit_zero", False)  # repair: none
    if args.command == "scan" and args.write_baseline:
        flagged = False  # a baseline is being recorded, not gated on
    return run_.status or (1 if flagged else 0)
