"""Command line: ``texthygiene scan|clean|repair FILE…`` on plain-text files (``-`` is stdin).

Exit codes follow the linters: 0 nothing flagged, 1 findings, 2 usage or input errors
(2 wins when both happen).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .clean import remove
from .config import Config
from .pipeline import normalise_languages, scan
from .repair import repair
from .results import Finding


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _escape(text: str) -> str:
    """Untrusted text for a terminal: every control, bidi or escape character shown escaped."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="texthygiene", description=__doc__)
    parser.add_argument("--version", action="version", version=f"texthygiene {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("scan", "report findings"),
        ("clean", "write cleaned text"),
        ("repair", "encoding repair only"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("paths", nargs="+", metavar="PATH", help="text files; - for stdin")
        if name != "repair":
            cmd.add_argument("--languages", help="languages expected on the site, e.g. nl,en")
            cmd.add_argument("--min-score", type=float, default=Config().threshold)
            cmd.add_argument("--no-lexicon", action="store_true", help="ignore spam terms")
        if name == "scan":
            cmd.add_argument("--format", choices=("text", "json"), default="text")
            cmd.add_argument("--exit-zero", action="store_true", help="exit 0 on findings")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (testable in-process)."""
    args = _parser().parse_args(argv)
    status = 0
    config = Config()
    if args.command != "repair":
        try:
            normalise_languages(args.languages)
        except ValueError as error:
            print(f"texthygiene: {error}", file=sys.stderr)
            return 2
        config = config._replace(threshold=args.min_score, spam_lexicon=not args.no_lexicon)
    for path in args.paths:
        try:
            text = _read(path)
        except (OSError, UnicodeDecodeError) as error:
            print(f"texthygiene: {path}: {error}", file=sys.stderr)
            status = 2
            continue
        if args.command == "repair":
            sys.stdout.write(repair(text))
            continue
        report = scan(text, languages=args.languages, config=config)
        if args.command == "clean":
            sys.stdout.write(remove(report.text, report.findings, report.edits)[0])
            continue
        if report.findings and not args.exit_zero and status == 0:
            status = 1
        if args.format == "json":
            print(json.dumps({"source": path, **report.to_dict()}, ensure_ascii=False))
        else:
            _print_table(path, report.language, report.findings)
    return status


def _print_table(path: str, language: str | None, findings: Sequence[Finding]) -> None:
    print(f"{_escape(path)}: language {language or '-'}, {len(findings)} finding(s)")
    for f in findings:
        print(
            f"  {f.start}-{f.end}  {f.kind}  {f.language or '-'}  {f.score:.2f}  "
            f"{_escape(f.text)}\n      {_escape(f.detail)} [{', '.join(f.reasons)}]"
        )
