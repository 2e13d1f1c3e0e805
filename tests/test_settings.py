"""Site configuration: found as ruff finds its own, checked with errors that say where."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from texthygiene import settings
from texthygiene.cli import main
from texthygiene.config import Config
from texthygiene.results import FINDING_KINDS

DUTCH = "We fietsten langs de rivier naar het dorp."
GLUED = "Mooi verhaal over de tuin en de buren.где взять деньги быстро"
# A zero-width space inside a word, and Russian spam glued to a Dutch sentence.
POST = f"{DUTCH} ca\u200bsino\n\n{GLUED}\n"
OWN_LINE = "Koop goedkope tuinkabouters online zonder recept."


def _kinds(out: str) -> set[str]:
    return {f["kind"] for line in out.splitlines() for f in json.loads(line)["findings"]}


def _site(folder: Path, pyproject: str, post: str = POST) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (folder / "post.txt").write_text(post, encoding="utf-8")
    return folder


def test_site_pyproject_only_reports_only_invisible_characters(tmp_path: Path) -> None:
    # The done-when check, run as a user runs it: in the site's folder.
    site = _site(
        tmp_path, '[project]\nname = "site"\n\n[tool.texthygiene]\nonly = ["invisible_char"]\n'
    )

    def scan(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "texthygiene", "scan", "--format", "jsonl", *extra, "post.txt"],
            cwd=site,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    configured = scan()
    assert configured.returncode == 1, configured.stderr
    assert _kinds(configured.stdout) == {"invisible_char"}
    # The same post without the file reports the Russian spam too.
    assert _kinds(scan("--isolated").stdout) == {"invisible_char", "foreign_fragment"}


def _run(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(folder)
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_found_by_walking_up_and_the_command_line_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path, '[tool.texthygiene]\nonly = ["invisible_char"]\njobs = 1\n')
    below = tmp_path / "content" / "posts"
    below.mkdir(parents=True)
    (below / "post.txt").write_text(POST, encoding="utf-8")
    # A pyproject.toml without the table on the way up is passed over.
    (tmp_path / "content" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    run = ("scan", "--format", "jsonl", "post.txt")
    code, out, _ = _run(below, monkeypatch, capsys, *run)
    assert (code, _kinds(out)) == (1, {"invisible_char"})
    code, out, _ = _run(below, monkeypatch, capsys, *run, "--only", "foreign_fragment")
    assert (code, _kinds(out)) == (1, {"foreign_fragment"})


def test_texthygiene_toml_wins_over_pyproject_in_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path, '[tool.texthygiene]\nonly = ["invisible_char"]\n')
    (tmp_path / "texthygiene.toml").write_text('only = ["foreign_fragment"]\n', "utf-8")
    code, out, _ = _run(tmp_path, monkeypatch, capsys, "scan", "--format", "jsonl", "post.txt")
    assert (code, _kinds(out)) == (1, {"foreign_fragment"})


def test_config_names_a_file_and_isolated_reads_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path, '[tool.texthygiene]\nonly = ["invisible_char"]\n')
    (tmp_path / "strict.toml").write_text("min-score = 1\n", "utf-8")
    code, out, _ = _run(
        tmp_path, monkeypatch, capsys, "scan", "--format", "jsonl", "--config", "strict.toml",
        "post.txt",
    )  # fmt: skip
    assert (code, _kinds(out)) == (0, set())  # strict.toml only: no score reaches 1
    code, out, _ = _run(
        tmp_path, monkeypatch, capsys, "scan", "--format", "jsonl", "--isolated", "post.txt"
    )
    assert (code, _kinds(out)) == (1, {"invisible_char", "foreign_fragment"})


def test_terms_and_lexicon_map_to_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    post = f"{DUTCH}\n\n{OWN_LINE}\n\n{GLUED}\n"
    site = _site(tmp_path, "[tool.texthygiene]\njobs = 1\n", post)
    scan = ("scan", "--format", "jsonl", "post.txt")
    code, out, _ = _run(site, monkeypatch, capsys, *scan)
    assert _kinds(out) == {"foreign_fragment"}  # the Dutch sales line alone passes
    # Terms files are found relative to the configuration file, from any folder below it.
    (site / "terms").mkdir()
    (site / "terms" / "spam.txt").write_text("# our spammers\ngoedkope tuinkabouters\n", "utf-8")
    (site / "terms" / "allow.txt").write_text("где\nвзять\nденьги\nбыстро\n", "utf-8")
    (site / "pyproject.toml").write_text(
        '[tool.texthygiene]\njobs = 1\nextra-spam-terms-file = "terms/spam.txt"\n'
        'allowlist-file = "terms/allow.txt"\n',
        "utf-8",
    )
    (site / "sub").mkdir()
    code, out, _ = _run(site / "sub", monkeypatch, capsys, *scan[:-1], "../post.txt")
    assert (code, _kinds(out)) == (1, {"spam_fragment"})
    # The same terms on the command line, with the file ignored.
    code, out, _ = _run(
        site, monkeypatch, capsys, *scan, "--isolated", "--extra-spam-terms",
        "goedkope tuinkabouters", "--allowlist", "где", "--allowlist", "взять",
        "--allowlist", "деньги", "--allowlist", "быстро",
    )  # fmt: skip
    assert (code, _kinds(out)) == (1, {"spam_fragment"})
    lexicon = "Mooi verhaal over de tuin. situs slot gacor hari ini\n"
    (site / "post.txt").write_text(lexicon, "utf-8")
    (site / "pyproject.toml").write_text("[tool.texthygiene]\njobs = 1\n", "utf-8")
    assert _run(site, monkeypatch, capsys, *scan)[0] == 1
    (site / "pyproject.toml").write_text("[tool.texthygiene]\nlexicon = false\n", "utf-8")
    code, out, _ = _run(site, monkeypatch, capsys, *scan)
    # without the lexicon the phrase is still pasted after a full stop, but no spam terms
    reasons = {
        r for line in out.splitlines() for f in json.loads(line)["findings"] for r in f["reasons"]
    }
    assert "spam_terms" not in reasons
    assert _run(site, monkeypatch, capsys, *scan, "--lexicon")[0] == 1


BAD_FILES = [
    ("min-score = 5", ["min-score", "a number from 0 to 1", "got 5"]),
    ("min-score = -0.1", ["min-score", "a number from 0 to 1"]),
    ('min-score = "high"', ["min-score", "a number from 0 to 1", 'got "high"']),
    ("min_score = 0.7", ["min_score", "unknown key", "did you mean 'min-score'"]),
    ("colour = true", ["colour", "unknown key", "known: languages"]),
    ('only = ["invisible_char", "nonsense"]', ["only", "unknown kind(s) nonsense"]),
    ('only = "invisible_char"', ["only", "a list of finding kinds", 'got "invisible_char"']),
    ("only = []", ["only", "at least one kind"]),
    ('languages = ["nl", "zz"]', ["languages", "unknown language code 'zz'"]),
    ('languages = "nl"', ["languages", "a list of language codes"]),
    ("jobs = true", ["jobs", "a whole number of at least 1", "got true"]),
    ("jobs = 0", ["jobs", "a whole number of at least 1", "got 0"]),
    ('comments = "yes"', ["comments", "true or false"]),
    ('detector = "cld3"', ["detector", "one of langdetect, lingua, fasttext"]),
    ('format = "xml"', ["format", "one of github"]),
    ("allowlist = [1]", ["allowlist", "a list of terms"]),
    ("[tool.texthygiene.nested]\nx = 1", ["nested", "unknown key"]),
    ("min-score = ", ["not valid TOML", "line 5"]),
]


@pytest.mark.parametrize(("body", "expected"), BAD_FILES)
def test_bad_configuration_is_a_usage_error_naming_file_and_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    body: str,
    expected: list[str],
) -> None:
    if not body.startswith("["):
        body = "[tool.texthygiene]\n" + body
    _site(tmp_path, '[project]\nname = "site"\n\n' + body + "\n")
    code, out, err = _run(tmp_path, monkeypatch, capsys, "scan", "post.txt")
    assert (code, out) == (2, "")
    assert err.startswith("texthygiene: pyproject.toml: "), err
    for part in expected:
        assert part in err


BAD_OPTIONS = [
    (["--min-score", "5"], ["--min-score", "a number from 0 to 1", "got 5.0"]),
    (["--min-score", "nan"], ["--min-score", "a number from 0 to 1"]),
    (["--jobs", "0"], ["--jobs", "at least 1"]),
    (["--max-documents", "-1"], ["--max-documents", "at least 0"]),
    (["--only", "invisible_char,nonsense"], ["--only", "nonsense", "known: foreign_fragment"]),
    (["--languages", "nl,zz"], ["--languages", "'zz'"]),
    (["--detector", "cld3"], ["--detector", "one of langdetect"]),
    (["--allowlist-file", "missing.txt"], ["--allowlist-file", "missing.txt", "No such file"]),
    (["--config", "missing.toml"], ["missing.toml", "No such file"]),
    (["--config", "pyproject.toml"], ["pyproject.toml", "no [tool.texthygiene] table"]),
    (["--format", "sarif", "--statistics"], ["--statistics", "not --format sarif"]),
]


@pytest.mark.parametrize(("options", "expected"), BAD_OPTIONS)
def test_bad_options_are_usage_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    expected: list[str],
) -> None:
    _site(tmp_path, '[project]\nname = "site"\n')
    code, out, err = _run(tmp_path, monkeypatch, capsys, "scan", *options, "post.txt")
    assert (code, out) == (2, "")
    for part in expected:
        assert part in err


def test_config_command_shows_each_setting_and_its_origin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path, '[tool.texthygiene]\nlanguages = ["EN", "nl"]\nmin-score = 0.7\n')
    (tmp_path / "sub").mkdir()
    code, out, _ = _run(tmp_path / "sub", monkeypatch, capsys, "config", "--min-score", "0.6")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# configuration file: ../pyproject.toml [tool.texthygiene]"
    assert 'languages = ["en", "nl"]  # ../pyproject.toml' in lines
    assert "min-score = 0.6  # command line" in lines
    assert 'text-field = "text"  # default' in lines
    assert "id-field = (not set)  # default" in lines
    assert [line.split(" = ")[0] for line in lines[1:]] == [k.name for k in settings.KEYS]
    code, out, _ = _run(tmp_path, monkeypatch, capsys, "config", "--isolated")
    assert out.startswith("# no configuration file\n")
    assert "min-score = 0.5  # default" in out.splitlines()


def test_every_key_is_an_option_and_help_lists_defaults_and_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["scan", "--help"])
    text = capsys.readouterr().out
    assert "``" not in text  # no reST markup
    for key in settings.KEYS:
        if "scan" in key.commands:
            assert f"--{key.name}" in text
    assert ", ".join(FINDING_KINDS) in " ".join(text.split())  # --only lists the kinds
    assert "(default: 0.5)" in text


def test_every_config_field_but_repair_has_a_key(tmp_path: Path) -> None:
    path = tmp_path / "texthygiene.toml"
    path.write_text(
        'min-score = 0.7\nlexicon = false\nextra-spam-terms = ["tuinkabouters"]\n'
        'allowlist = ["Moestuin"]\nmin-fragment-words = 3\nfix-confusables = true\n'
        'normalize-nfc = true\nnormalize-line-endings = true\ndetector = "lingua"\n'
        "max-chars = 1000\n",
        "utf-8",
    )
    config = settings.to_config(settings.resolve({}, config=str(path)))
    assert config == Config(
        threshold=0.7,
        spam_lexicon=False,
        extra_spam_terms=("tuinkabouters",),
        allowlist=("Moestuin",),
        min_fragment_words=3,
        fix_confusables=True,
        normalize_nfc=True,
        normalize_line_endings=True,
        detector="lingua",
        max_chars=1000,
    )
    changed = {name for name in Config._fields if getattr(config, name) != getattr(Config(), name)}
    # Encoding repair is always on in the CLI: the reported places are mapped through it.
    assert changed == set(Config._fields) - {"repair_encoding"}


def test_clean_takes_its_switches_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    post = "Betaal veilig met pаypal in de winkel.\r\n"  # a Cyrillic а in paypal
    _site(tmp_path, "[tool.texthygiene]\nfix-confusables = true\n", post)
    args = ("clean", "--exit-zero", "-o", "out.txt", "post.txt")
    assert _run(tmp_path, monkeypatch, capsys, *args)[0] == 0
    assert (tmp_path / "out.txt").read_bytes() == b"Betaal veilig met paypal in de winkel.\r\n"
    assert _run(tmp_path, monkeypatch, capsys, *args, "--no-fix-confusables")[0] == 0
    assert (tmp_path / "out.txt").read_bytes() == post.encode("utf-8")
