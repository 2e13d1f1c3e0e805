"""The command line, in process and once through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from texthygiene.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "moestuin-post.txt"


def test_scan_example_reports_findings_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(EXAMPLE)]) == 1
    out = capsys.readouterr().out
    assert "купить дешевые лекарства без рецепта" in out
    assert "situs slot gacor hari ini" in out


def test_scan_json_and_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--format", "json", "--exit-zero", str(EXAMPLE)]) == 0
    (data,) = json.loads(capsys.readouterr().out)  # one array, one object per document
    assert data["schema_version"]
    assert data["language"] == "nl"
    assert data["source"] == str(EXAMPLE)


def test_missing_file_exits_2_and_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "no-such-file.txt", str(EXAMPLE)]) == 2
    captured = capsys.readouterr()
    assert "no-such-file.txt" in captured.err
    assert "купить" in captured.out  # the good file is still scanned


def test_bad_language_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--languages", "nl,zz", str(EXAMPLE)]) == 2
    assert "'zz'" in capsys.readouterr().err


def test_terminal_output_escapes_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "post.txt"
    path.write_text(
        "We fietsten langs de rivier naar het dorp.где\u202e взять\x1b[2J деньги быстро",
        encoding="utf-8",
    )
    main(["scan", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\\u202e" in out


def test_clean_subprocess_stdin() -> None:
    text = "We fietsten langs de rivier naar het volgende dorp.где взять деньги быстро\n"
    result = subprocess.run(
        [sys.executable, "-m", "texthygiene", "clean", "--exit-zero", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    assert result.stdout == "We fietsten langs de rivier naar het volgende dorp.\n"
