"""An on-disk copy of the language model's tables, so a new process maps them in at once.

Building the gram table from langdetect's 55 JSON profiles takes about a second; a process
that finds the built table in the cache maps it read-only in a few milliseconds, and worker
processes forked or started after it share its pages instead of each holding a copy.

The cache lives in ``$TEXTHYGIENE_CACHE_DIR``, else ``$XDG_CACHE_HOME/texthygiene``, else
``~/.cache/texthygiene``; ``TEXTHYGIENE_CACHE_DIR=`` (empty) turns it off. An entry is named
by a key over everything the tables are built from (the source of the module that builds
them, langdetect's version and profile files, numpy's version), so a change to any of them
builds afresh; the arrays are stored exactly, so a cached table gives the same reports as a
built one. Storing an entry keeps the ``KEEP`` most recently used ones and removes the rest
(two installs used in turn each keep theirs). A cache that cannot be read or written is
skipped, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import numpy as np

#: Bumped when the layout of an entry changes.
_FORMAT = 1
#: Separates the grams in ``grams.txt`` (no langdetect gram holds it).
_SEPARATOR = "\0"
#: Entries kept, most recently used first (each is tens of MB).
KEEP = 3


class Tables(NamedTuple):
    """What ``LanguageModel`` builds from the profiles."""

    grams: dict[str, int]
    absent_log: np.ndarray
    alphabets: dict[str, frozenset[str]]
    log: np.ndarray


def directory() -> Path | None:
    """Where entries live, or None when the cache is off."""
    chosen = os.environ.get("TEXTHYGIENE_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "texthygiene"


def key(parts: Iterable[bytes]) -> str:
    digest = hashlib.sha256(f"format {_FORMAT}\0".encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.hexdigest()[:32]


def load(name: str) -> Tables | None:
    """The entry ``name``, its table mapped read-only; None when absent or unreadable."""
    root = directory()
    if root is None:
        return None
    entry = root / name
    try:
        grams = (entry / "grams.txt").read_text(encoding="utf-8").split(_SEPARATOR)
        alphabets = json.loads((entry / "alphabets.json").read_text(encoding="utf-8"))
        absent_log = np.load(entry / "absent_log.npy")
        log = np.load(entry / "log.npy", mmap_mode="r")
    except (OSError, ValueError):
        return None
    if log.shape[0] != len(grams) + 1:  # a torn entry: build afresh
        return None
    with contextlib.suppress(OSError):  # a read-only cache is still read
        os.utime(entry)  # used now: the last to be pruned
    return Tables(
        dict(zip(grams, range(len(grams)), strict=True)),
        absent_log,
        {code: frozenset(letters) for code, letters in alphabets.items()},
        np.asarray(log),  # a plain read-only array over the mapped file
    )


def save(name: str, tables: Tables) -> None:
    """Store ``tables`` as entry ``name``: written aside, then renamed into place, so a
    reader never sees half an entry; a failure leaves the cache as it was."""
    root = directory()
    if root is None:
        return
    aside: Path | None = None
    try:
        root.mkdir(parents=True, exist_ok=True)
        aside = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=root))
        (aside / "grams.txt").write_text(_SEPARATOR.join(tables.grams), encoding="utf-8")
        alphabets = {code: sorted(letters) for code, letters in tables.alphabets.items()}
        (aside / "alphabets.json").write_text(json.dumps(alphabets), encoding="utf-8")
        np.save(aside / "absent_log.npy", tables.absent_log)
        np.save(aside / "log.npy", tables.log)
        os.replace(aside, root / name)
        _prune(root, keep=name)
    except OSError:
        # Another process stored it first, or the cache is not writable: nothing lost.
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)


def _prune(root: Path, keep: str) -> None:
    """Remove all but the ``KEEP`` most recently used entries (``keep`` among them): tables
    of an older build are never read again, and each is tens of MB."""
    entries = [e for e in root.iterdir() if e.name != keep and not e.name.startswith(".")]
    entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
    for entry in entries[KEEP - 1 :]:
        shutil.rmtree(entry, ignore_errors=True)
