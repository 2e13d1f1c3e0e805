"""The command line never loses a user's data: no output may name an input, a file that
cannot be read whole is never rewritten, a record the core refuses passes through unchanged.
In process, through ``main``."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from texthygiene import batch, formats
from texthygiene.cli import main
from texthygiene.formats import Item, ReadOptions

SPAM = "где взять деньги быстро"
DUTCH = "We hebben dit jaar veel tomaten en bonen geoogst in de moestuin."
POST = DUTCH + "\n\n" + "De buren hielpen mee met water geven." + SPAM + "\n"
JSONL = "".join(json.dumps({"id": i, "text": POST}, ensure_ascii=False) + "\n" for i in range(3))


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "v.jsonl").write_text(JSONL, encoding="utf-8")
    (tmp_path / "post.txt").write_text(POST, encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.txt").write_text(POST, encoding="utf-8")
    os.link(tmp_path / "post.txt", tmp_path / "alias.txt")  # a hard link: the same file
    return tmp_path


# Each command names an input as one of its outputs; the named file must survive untouched.
OVERWRITES = {
    "scan jsonl report": (["scan", "--format", "jsonl", "-o", "v.jsonl", "v.jsonl"], "v.jsonl"),
    "scan html report": (["scan", "--format", "html", "-o", "post.txt", "post.txt"], "post.txt"),
    "scan baseline": (["scan", "--write-baseline", "post.txt", "post.txt"], "post.txt"),
    "clean audit": (["clean", "--audit", "post.txt", "post.txt", "-o", "out.txt"], "post.txt"),
    "clean output": (["clean", "post.txt", "-o", "post.txt"], "post.txt"),
    "hard link": (["scan", "--format", "json", "-o", "alias.txt", "post.txt"], "post.txt"),
    "through a folder": (["clean", "site", "--audit", "site/a.txt", "-o", "out"], "site/a.txt"),
    "clean output folder": (["clean", "site", "-o", "."], "site/a.txt"),
    "backup": (["clean", "--in-place", "--backup", "--backup-suffix", ".txt", "post", "post.txt"],
               "post.txt"),
    "repair output": (["repair", "v.jsonl", "-o", "./v.jsonl"], "v.jsonl"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(OVERWRITES))
def test_an_output_naming_an_input_is_a_usage_error(
    files: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    args, victim = OVERWRITES[name]
    (files / "post").write_text(POST, encoding="utf-8")
    before = {p: p.read_bytes() for p in files.rglob("*") if p.is_file()}
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"is the input {victim}" in err or f"is the input {files / victim}" in err
    after = {p: p.read_bytes() for p in files.rglob("*") if p.is_file()}
    assert after == before  # nothing was opened for writing: no file changed or appeared


def test_two_outputs_naming_one_file_is_a_usage_error(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", "post.txt", "-o", "out.txt", "--audit", "out.txt"]) == 2
    assert "--audit out.txt and -o out.txt are one file" in capsys.readouterr().err
    assert not (files / "out.txt").exists()


def test_outputs_beside_the_inputs_still_work(files: Path) -> None:
    assert main(["scan", "-j", "1", "--format", "jsonl", "-o", "report.jsonl", "v.jsonl"]) == 1
    assert len((files / "report.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert main(["clean", "-j", "1", "post.txt", "-o", "out.txt"]) == 1
    assert SPAM not in (files / "out.txt").read_text(encoding="utf-8")


def _failing_reader(items: int, error: Exception) -> formats.Reader:
    """The JSONL reader, failing after ``items`` items as a broken disk or a reader bug would."""
    from texthygiene.formats.jsonl import read_jsonl

    def read(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
        for number, item in enumerate(read_jsonl(stream, source, options)):
            if number == items:
                raise error
            yield item

    return read


def test_a_reader_bug_passes_the_rest_through_unchanged(
    files: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "reader", lambda fmt: _failing_reader(1, KeyError("boom")))
    assert main(["clean", "-j", "1", "--in-place", "v.jsonl", "post.txt"]) == 2
    err = capsys.readouterr().err
    assert "v.jsonl: byte " in err
    assert "(after line 1): unreadable jsonl: KeyError: 'boom'" in err
    assert "Traceback" not in err
    lines = (files / "v.jsonl").read_text(encoding="utf-8").splitlines()
    assert SPAM not in json.loads(lines[0])["text"]  # the record read before it is cleaned
    assert lines[1:] == JSONL.splitlines()[1:]  # and nothing after it is lost
    # the next input is still read (through the failing reader: its first line is not JSON,
    # then the reader fails; every byte is written back)
    assert (files / "post.txt").read_text(encoding="utf-8") == POST


def test_an_input_that_cannot_be_read_whole_is_not_rewritten(
    files: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "reader", lambda fmt: _failing_reader(2, OSError(5, "EIO")))
    real_read = formats.Input.__init__

    def unreadable_rest(self: formats.Input, *args: object) -> None:
        real_read(self, *args)  # type: ignore[arg-type]

        class Broken:
            def read(self, size: int = -1) -> bytes:
                raise OSError(5, "Input/output error")

        self.stream = Broken()  # type: ignore[assignment]

    monkeypatch.setattr(formats.Input, "__init__", unreadable_rest)
    assert main(["clean", "-j", "1", "--in-place", "v.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "v.jsonl: byte " in err
    assert "v.jsonl: not rewritten: the input could not be read whole" in err
    assert (files / "v.jsonl").read_text(encoding="utf-8") == JSONL
    assert [p.name for p in files.iterdir() if p.name.startswith(".")] == []  # no temp left
    assert main(["clean", "-j", "1", "v.jsonl", "-o", "out.jsonl"]) == 2
    assert not (files / "out.jsonl").exists()  # no partial output to mistake for the whole


def test_a_record_the_core_refuses_is_an_error_and_passed_through(
    files: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scan = batch.scan

    def scan(text: str, **kwargs: object) -> object:
        if "Nummer 1." in text:
            raise ValueError("text of 68 characters is over the cap of 10 (Config.max_chars)")
        return real_scan(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "scan", scan)
    records = [{"id": i, "text": f"{POST} Nummer {i}."} for i in range(3)]
    original = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (files / "n.jsonl").write_text(original, encoding="utf-8")
    assert main(["clean", "-j", "1", "n.jsonl", "-o", "out.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "error: n.jsonl: line 2: not scanned: ValueError: text of 68 characters" in err
    assert "written unchanged" in err
    out = (files / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert out[1] == original.splitlines()[1]  # passed through byte for byte
    assert [SPAM in json.loads(line)["text"] for line in out] == [False, True, False]
    assert main(["scan", "-j", "1", "--keep-going", "--format", "jsonl", "n.jsonl"]) == 1
    captured = capsys.readouterr()
    assert "warning: n.jsonl: line 2: not scanned" in captured.err
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["line 1", "line 3"]


def test_a_record_over_max_chars_is_not_scanned_and_passed_through(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {"id": i, "text": POST + " Nummer." * (40 if i == 1 else 0) + SPAM} for i in range(3)
    ]
    original = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (files / "n.jsonl").write_text(original, encoding="utf-8")
    cap = str(len(records[0]["text"]) + 1)  # the first and last fit, the middle one does not
    assert main(["clean", "-j", "1", "--max-chars", cap, "n.jsonl", "-o", "out.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "n.jsonl: line 2: not scanned: TextTooLarge" in err
    out = (files / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert out[1] == original.splitlines()[1]
    assert [SPAM in json.loads(line)["text"] for line in out] == [False, True, False]
