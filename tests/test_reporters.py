"""Reports for CI gates: GitHub annotations, SARIF 2.1.0, and --statistics."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from texthygiene import repair
from texthygiene.cli import main
from texthygiene.results import FINDING_KINDS

GLUED = "Mooi verhaal over de tuin en de buren.где взять деньги быстро"
DUTCH = "We fietsten langs de rivier naar het dorp."
# Files whose findings sit on different lines and columns; the mojibake (Ã© is é read as
# Latin-1) makes the repaired text one character shorter than the file before the spam.
FILES = {
    "lines.txt": f"{DUTCH}\n\n{DUTCH} ca\u200bsino\n{GLUED}\n",
    "crlf.txt": f"{DUTCH}\r\n\r\n{GLUED}\r\n{DUTCH}\u202e\r\n",
    "mojibake.txt": f"{DUTCH}\nHet cafÃ© in het dorp was open.где взять деньги быстро\n",
    "mojibake-lines.txt": (
        f"{DUTCH}\nHet cafÃ© was naÃ¯ve open.где взять деньги быстро\n{DUTCH} ca\u200bsino naÃ¯ve\n"
    ),
    "first.txt": f"{GLUED}",
    # HTML input: the places are in the HTML source, past the markup and entities.
    "page.html": (
        f"<!doctype html>\n<html><body>\n<p>&amp; {DUTCH}</p>\n<p>{GLUED}</p>\n</body></html>"
    ),
}
ANNOTATION = re.compile(r"::warning (?P<props>[^:]*)::(?P<message>.*)")


def _run(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str]:
    monkeypatch.chdir(folder)
    code = main(["scan", "--isolated", "--jobs", "1", *argv])
    return code, capsys.readouterr().out


def _jsonl(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> list[dict[str, Any]]:
    out = _run(folder, monkeypatch, capsys, "--format", "jsonl", name)[1]
    return [f for line in out.splitlines() for f in json.loads(line)["findings"]]


def _props(line: str) -> dict[str, str]:
    match = ANNOTATION.fullmatch(line)
    assert match, line
    return dict(p.split("=", 1) for p in match.group("props").split(","))


def _region(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The file text between two 1-based (line, column) places, end exclusive."""
    lines = text.replace("\r\n", "\n").split("\n")
    if line == end_line:
        return lines[line - 1][column - 1 : end_column - 1]
    inner = lines[line : end_line - 1]
    return "\n".join([lines[line - 1][column - 1 :], *inner, lines[end_line - 1][: end_column - 1]])


@pytest.mark.parametrize("name", sorted(FILES))
def test_github_annotations_point_at_the_finding_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (tmp_path / name).write_bytes(FILES[name].encode("utf-8"))
    findings = _jsonl(tmp_path, monkeypatch, capsys, name)
    code, out = _run(tmp_path, monkeypatch, capsys, "--format", "github", name)
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == len(findings) > 0
    for line, finding in zip(lines, findings, strict=True):
        props = _props(line)
        assert props["title"] == f"texthygiene ({finding['kind']})"
        assert props["file"] == name
        place = [int(props[k]) for k in ("line", "col", "endLine", "endColumn")]
        found = _region(FILES[name], *place)
        # The file holds the text before repair: a mojibake finding is the repaired form.
        assert repair(found) == finding["text"]
        if finding["kind"] == "mojibake":
            assert found != finding["text"]
        assert ANNOTATION.fullmatch(line)["message"].startswith(  # type: ignore[index]
            f"{name}:{place[0]}:{place[1]}: {finding['kind']} "
        )


def test_an_annotation_cannot_be_split_or_inject_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A file name with the property separators, and a fragment that tries to start a
    # workflow command of its own on a new line.
    name = "a,b: 100%.txt"
    (tmp_path / name).write_text(f"{DUTCH}\u202e\r::error::x\n%0A::add-mask::\n", "utf-8")
    code, out = _run(tmp_path, monkeypatch, capsys, "--format", "github", name)
    assert code == 1
    lines = out.splitlines()
    assert lines
    assert all(line.startswith("::warning title=texthygiene (") for line in lines)
    assert "\u202e" not in out
    assert "\r" not in out
    assert _props(lines[0])["file"] == "a%2Cb%3A 100%25.txt"


def test_records_inside_a_file_give_their_line_and_stdin_no_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = [{"text": DUTCH}, {"text": f"{DUTCH}\n{GLUED}"}]
    (tmp_path / "posts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    out = _run(tmp_path, monkeypatch, capsys, "--format", "github", "posts.jsonl")[1]
    (line,) = out.splitlines()
    assert (_props(line)["line"], "col" in _props(line)) == ("2", False)
    assert ":posts.jsonl:2: line 2: foreign_fragment ru" in line
    monkeypatch.setattr("sys.stdin", _Stdin(GLUED.encode()))
    out = _run(tmp_path, monkeypatch, capsys, "--format", "github", "-")[1]
    assert set(_props(out.strip())) == {"title"}


class _Stdin:
    """What the CLI reads of ``sys.stdin``: its binary buffer."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]


def _check_sarif(log: dict[str, Any]) -> list[dict[str, Any]]:
    """The properties SARIF 2.1.0 requires (and the ones code scanning relies on) of a log
    with one run; returns its results."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert isinstance(driver["name"], str)
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(FINDING_KINDS)
    assert all(r["shortDescription"]["text"] for r in rules)
    assert run["columnKind"] in ("utf16CodeUnits", "unicodeCodePoints")
    for result in run["results"]:
        assert result["message"]["text"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("none", "note", "warning", "error")
        for location in result.get("locations", []):
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert uri
            assert "\\" not in uri
            assert " " not in uri
            region = physical.get("region", {})
            if region:
                assert region["startLine"] >= 1
            if "startColumn" in region:
                assert region["startColumn"] >= 1
                assert (region["endLine"], region["endColumn"]) >= (
                    region["startLine"],
                    region["startColumn"],
                )
    return list(run["results"])


def test_sarif_is_a_valid_log_with_the_annotation_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    names = sorted(FILES)
    for name in names:
        (tmp_path / name).write_bytes(FILES[name].encode("utf-8"))
    (tmp_path / "sub dir").mkdir()
    (tmp_path / "sub dir" / "p.txt").write_text(GLUED, "utf-8")
    names.append("sub dir/p.txt")
    code, out = _run(tmp_path, monkeypatch, capsys, "--format", "sarif", *names)
    assert code == 1
    results = _check_sarif(json.loads(out))
    github = _run(tmp_path, monkeypatch, capsys, "--format", "github", *names)[1].splitlines()
    assert len(results) == len(github)
    for result, line in zip(results, github, strict=True):
        props = _props(line)
        physical = result["locations"][0]["physicalLocation"]
        region = physical["region"]
        assert physical["artifactLocation"]["uri"] == props["file"].replace(" ", "%20")
        assert [region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")] == [
            int(props[k]) for k in ("line", "col", "endLine", "endColumn")
        ]
        assert result["ruleId"] in props["title"]
        assert len(result["partialFingerprints"]["texthygiene/findingId"]) == 16
    # No findings: still a valid log.
    (tmp_path / "clean.txt").write_text(DUTCH, "utf-8")
    code, out = _run(tmp_path, monkeypatch, capsys, "--format", "sarif", "clean.txt")
    assert (code, _check_sarif(json.loads(out))) == (0, [])


def test_statistics_count_each_kind_and_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    names = sorted(FILES)
    for name in names:
        (tmp_path / name).write_bytes(FILES[name].encode("utf-8"))
    findings = [f for name in names for f in _jsonl(tmp_path, monkeypatch, capsys, name)]
    expected = Counter((f["kind"], f["language"]) for f in findings)
    code, out = _run(tmp_path, monkeypatch, capsys, "--statistics", "--format", "json", *names)
    rows = json.loads(out)
    assert code == 1
    assert {(r["kind"], r["language"]): r["count"] for r in rows} == expected
    assert [r["count"] for r in rows] == sorted((r["count"] for r in rows), reverse=True)
    code, out = _run(tmp_path, monkeypatch, capsys, "--statistics", *names)
    table = [line.split() for line in out.splitlines()]
    assert [(int(n), kind, None if lang == "-" else lang) for n, kind, lang in table] == [
        (r["count"], r["kind"], r["language"]) for r in rows
    ]
    (tmp_path / "clean.txt").write_text(DUTCH, "utf-8")
    assert _run(tmp_path, monkeypatch, capsys, "--statistics", "clean.txt") == (0, "")
