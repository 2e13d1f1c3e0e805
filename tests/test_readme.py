"""Every example in README.md runs, and its tables are the code's own lists.

The README's fenced blocks, by their language:

* ``pycon``: a doctest session, run as shown (each block on its own).
* ``console``: ``$ texthygiene …`` commands, run in order in a temporary folder holding a
  copy of ``examples/``; a command exits 0 unless it ends with ``# exits N``, and every shown
  output line must appear in its output (``…`` elides: the pieces between must appear in order).
* ``bash``: the Quickstart lines; each ``&&`` step is run or checked (see ``_bash_step``).
* ``python``: run as a script.
* ``text``: no code.

A block whose first line starts with ``# not run by the tests:`` is skipped, with the reason
that line gives: it stays visible in the test report, never silently left out.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path

import pytest

from texthygiene.results import FINDING_KINDS, REASON_CODES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - pytest brings tomli on Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]
MAX_LINES = 350
SKIP_MARK = "# not run by the tests:"
LANGUAGES = {"pycon", "console", "bash", "python", "text"}

_FENCE_RE = re.compile(r"^```(\S*)\n(.*?)^```$", re.M | re.S)
_EXITS_RE = re.compile(r"#.*\bexits (\d)")
_OUTPUT_FILE_RE = re.compile(r"(?:^|\s)(?:-o|>)\s+(\S+)")
_CELL_RE = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Block:
    language: str
    body: str
    line: int  # of the opening fence, 1-based

    def __str__(self) -> str:
        return f"{self.language}@{self.line}"


def _blocks() -> list[Block]:
    text = README.read_text("utf-8")
    return [
        Block(m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1)
        for m in _FENCE_RE.finditer(text)
    ]


def _of(language: str) -> list[Block]:
    return [b for b in _blocks() if b.language == language]


def _skip_if_marked(block: Block) -> None:
    first = block.body.splitlines()[0]
    if first.startswith(SKIP_MARK):
        pytest.skip(f"README {block}: {first[len(SKIP_MARK) :].strip()}")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a copy of examples/ and ``texthygiene`` (also as ``.venv/bin/``) running
    this tree's package."""
    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", work / "examples")
    for folder in (work / "bin", work / ".venv" / "bin"):
        folder.mkdir(parents=True)
        shim = folder / "texthygiene"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m texthygiene "$@"\n', "utf-8")
        shim.chmod(0o755)
    return work


def _run(command: str, work: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{work / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        ["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )


def _expect(command: str, shown: list[str], work: Path) -> None:
    match = _EXITS_RE.search(command)
    expected = int(match.group(1)) if match else 0
    result = _run(command, work)
    output = result.stdout + result.stderr
    assert result.returncode == expected, f"{command}\n{output}"
    at = 0
    for line in shown:
        for piece in filter(None, (p.strip() for p in line.split("…"))):
            found = output.find(piece, at)
            assert found >= 0, f"{command}: {piece!r} not in its output (in order)\n{output}"
            at = found + len(piece)
    for name in _OUTPUT_FILE_RE.findall(command.split("#")[0]):
        assert (work / name).stat().st_size > 0, f"{command}: wrote no {name}"


def test_readme_is_short() -> None:
    assert len(README.read_text("utf-8").splitlines()) <= MAX_LINES


def test_every_block_has_a_known_language() -> None:
    assert [str(b) for b in _blocks() if b.language not in LANGUAGES] == []


@pytest.mark.parametrize("block", _of("pycon"), ids=str)
def test_pycon_block(block: Block) -> None:
    _skip_if_marked(block)
    test = doctest.DocTestParser().get_doctest(block.body, {}, str(block), str(README), block.line)
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
    assert runner.tries > 0


@pytest.mark.parametrize("block", _of("python"), ids=str)
def test_python_block(block: Block, workdir: Path) -> None:
    _skip_if_marked(block)
    result = subprocess.run(
        [sys.executable, "-c", block.body],
        cwd=workdir,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("block", _of("console"), ids=str)
def test_console_block(block: Block, workdir: Path) -> None:
    _skip_if_marked(block)
    runs: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            runs.append((line[2:], []))
        else:
            assert runs, f"README {block}: output before any command"
            runs[-1][1].append(line)
    assert runs
    for command, shown in runs:
        assert command.startswith(("texthygiene ", "cat ")), command
        _expect(command, shown, workdir)


def _extras() -> set[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return set(tomllib.load(handle)["project"]["optional-dependencies"])


def _bash_step(step: str, comment: str, line: str, work: Path) -> None:
    words = shlex.split(step)
    if words == ["python3", "-m", "venv", ".venv"]:
        return  # nothing to check offline
    if words[:4] == [".venv/bin/pip", "install", "-q", words[-1]] and len(words) == 4:
        spec = re.fullmatch(r"\.(?:\[([\w,-]+)\])?", words[-1])
        assert spec, f"installs {words[-1]!r}, not this checkout"
        assert set((spec.group(1) or "").split(",")) - {""} <= _extras(), step
        return
    if words[0] == ".venv/bin/texthygiene":
        _expect(f"{step} {comment}", [], work)
        return
    if words == [".venv/bin/python", "-m", "pytest", "-q"]:
        # The test suite itself: CI picks this very line out of the README with its own
        # pattern and runs it in a fresh clone, so the line must be the one the pattern finds.
        ci = (ROOT / ".ci" / "run").read_text("utf-8")
        found = re.search(r'grep -E "(.+?)" README\.md', ci)
        assert found, ".ci/run no longer reads the test command from README.md"
        picked = [x for x in README.read_text("utf-8").splitlines() if re.search(found[1], x)]
        assert picked == [line]
        return
    pytest.fail(f"README shell step the test does not know how to check: {step!r}")


@pytest.mark.parametrize("block", _of("bash"), ids=str)
def test_bash_block(block: Block, workdir: Path) -> None:
    _skip_if_marked(block)
    comment = ""
    for line in block.body.splitlines():
        if line.startswith("#"):
            comment = line
            continue
        for step in line.split(" && "):
            _bash_step(step, comment, line, workdir)


def _table(heading: str) -> list[tuple[str, str]]:
    """The first two cells of each row of the first table under ``heading``, unquoted. A blank
    line ends a table, as it does for a Markdown renderer."""
    lines = README.read_text("utf-8").split(f"\n{heading}\n", 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = list(takewhile(lambda line: line.startswith("|"), lines[start:]))[2:]
    cells = [[c.strip().replace("\\|", "|") for c in _CELL_RE.split(row)[1:3]] for row in rows]
    return [(kind.strip("`"), meaning) for kind, meaning in cells]


def test_finding_kinds_table_is_the_codes_list() -> None:
    assert _table("### Finding kinds") == list(FINDING_KINDS.items())


def test_reason_codes_table_is_the_codes_list() -> None:
    assert _table("### Reason codes") == list(REASON_CODES.items())


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_links_resolve_and_name_nothing_outside(page: Path) -> None:
    text = page.read_text("utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)", text):
        if "://" not in target:
            assert (page.parent / target).exists(), f"{page.name}: broken link {target}"
    assert "../shared" not in text
    assert re.search(r"\bissues? #?\d", text, re.I) is None  # issue numbers mean nothing here


def test_install_hints_work_from_a_checkout() -> None:
    """The package is not on PyPI: no message or docstring may tell a user to install it by
    name."""
    code = [*(ROOT / "texthygiene").rglob("*.py"), *(ROOT / "examples").glob("*.py")]
    hits = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in [*sorted(code), *DOCS]
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "install 'texthygiene[" in line or "install texthygiene" in line
    ]
    assert hits == []


def test_warc_without_warcio_names_the_checkout_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from texthygiene import formats

    # Importing warcio, or any of its modules an earlier test loaded, now fails.
    for name in [m for m in sys.modules if m == "warcio" or m.startswith("warcio.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "warcio", None)
    monkeypatch.delitem(sys.modules, "texthygiene.formats.warc", raising=False)
    with pytest.raises(ImportError, match=r"pip install '\.\[warc\]' in the texthygiene"):
        formats.reader("warc")
