"""The model cache: a table mapped from disk is the table built from the profiles."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from texthygiene import modelcache
from texthygiene.identify import LanguageModel


def _same(a: LanguageModel, b: LanguageModel) -> None:
    assert a._index == b._index
    assert list(a._index) == list(b._index)  # the rows in the same order
    assert a.alphabets == b.alphabets
    assert np.array_equal(a._absent_log, b._absent_log)
    assert a._log.dtype == b._log.dtype
    assert np.array_equal(a._log, b._log)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> LanguageModel:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TEXTHYGIENE_CACHE_DIR", "")
        return LanguageModel()


def test_a_mapped_table_is_the_built_one(
    built: LanguageModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEXTHYGIENE_CACHE_DIR", str(tmp_path))
    stored = LanguageModel()  # builds and stores
    assert [p.name for p in tmp_path.iterdir()]  # an entry was written
    loaded = LanguageModel()  # maps it in
    assert not loaded._log.flags.writeable  # read-only pages, shared between processes
    _same(built, stored)
    _same(built, loaded)
    word = "gezellig"
    assert np.array_equal(built.evidence_matrix([word]), loaded.evidence_matrix([word]))


@pytest.mark.parametrize("damaged", ["log.npy", "grams.txt", "alphabets.json"])
def test_a_damaged_entry_is_rebuilt_not_an_error(
    built: LanguageModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged: str
) -> None:
    monkeypatch.setenv("TEXTHYGIENE_CACHE_DIR", str(tmp_path))
    LanguageModel()
    (entry,) = tmp_path.iterdir()
    path = entry / damaged
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # torn
    _same(built, LanguageModel())


def test_an_unwritable_cache_is_skipped(
    built: LanguageModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("TEXTHYGIENE_CACHE_DIR", str(blocked / "cache"))
    _same(built, LanguageModel())


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTHYGIENE_CACHE_DIR", "")
    assert modelcache.directory() is None
    monkeypatch.delenv("TEXTHYGIENE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert modelcache.directory() == Path("/somewhere/texthygiene")


def test_storing_an_entry_keeps_the_most_recently_used_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEXTHYGIENE_CACHE_DIR", str(tmp_path))
    tables = modelcache.Tables(
        {"a": 0, "b": 1}, np.zeros((4, 2), np.float32), {"nl": frozenset("ab")}, np.ones((3, 2))
    )
    names = [f"build{n}" for n in range(modelcache.KEEP)]
    for age, name in enumerate(names):
        modelcache.save(name, tables)
        # mtimes a second apart, oldest first, whatever the file system's resolution
        stamp = 1_000_000 + age
        os.utime(tmp_path / name, (stamp, stamp))
    assert modelcache.load(names[0]) is not None  # the oldest is used again: now the newest
    modelcache.save("latest", tables)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted(["latest", names[0], *names[-(modelcache.KEEP - 2) :]])  # the rest went
    loaded = modelcache.load("latest")
    assert loaded is not None
    assert loaded.grams == {"a": 0, "b": 1}
    assert modelcache.load(names[1]) is None


@pytest.mark.parametrize(
    ("one", "other"),
    [([b"a"], [b"b"]), ([b"ab"], [b"a", b"b"]), ([b"a", b""], [b"a"])],
)
def test_the_key_tells_its_inputs_apart(one: list[bytes], other: list[bytes]) -> None:
    assert modelcache.key(one) != modelcache.key(other)
