"""The command line, in process and once through a real subprocess."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from texthygiene import batch
from texthygiene.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "moestuin-post.txt"


def _batch_of(texts: list[str], index: int) -> tuple[int, int]:
    """The records (start, end) of the batch that holds ``texts[index]``; the input must
    make several batches, or --jobs 2 runs it without workers."""
    sizes = [len(tasks) for _, tasks in batch._batches(texts, lambda text: (text, "text"))]
    assert len(sizes) > 1
    start = 0
    for size in sizes:
        if start <= index < start + size:
            return start, start + size
        start += size
    raise AssertionError(f"no batch holds record {index}")


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


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the patched worker needs fork"
)
def test_a_document_that_kills_its_worker_is_the_only_one_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # One record kills every worker that scans it (as a document that exhausts memory gets
    # its worker killed): clean --jobs 2 names it, passes it through verbatim, cleans every
    # other record as --jobs 1 does, and exits 2 without a traceback.
    analyse = batch.analyse

    def fatal(settings: batch.Settings, text: str, markup: str) -> batch.Outcome:
        if "FATAL" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return analyse(settings, text, markup)

    spam = "Mooi verhaal over de tuin en de buren.где взять деньги быстро"
    lines = [
        json.dumps({"id": i, "text": "FATAL " + spam if i == 100 else f"{spam} {i}"}) + "\n"
        for i in range(300)
    ]
    source = tmp_path / "posts.jsonl"
    source.write_text("".join(lines), encoding="utf-8")
    assert main(["clean", "--jobs", "1", str(source), "-o", str(tmp_path / "one.jsonl")]) == 1
    capsys.readouterr()
    monkeypatch.setattr(batch, "analyse", fatal)
    assert main(["clean", "--jobs", "2", str(source), "-o", str(tmp_path / "two.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{source}: line 101: {batch.WORKER_DIED}" in err
    start, end = _batch_of([json.loads(line)["text"] for line in lines], 100)
    assert f"{source}: line {start + 1} to line {end}: a worker process died" in err
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    two = (tmp_path / "two.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    assert two[100] == lines[100]  # passed through unchanged
    assert two[:100] + two[101:] == one[:100] + one[101:]
    assert two[:100] != lines[:100]  # the others were cleaned
