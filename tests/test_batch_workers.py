"""How the batch command hands work to its worker processes: batches of about the same
text, and workers forked from a process that has loaded the tables they read."""

from __future__ import annotations

import gc
import multiprocessing
import os
import platform
import signal
from dataclasses import replace

import numpy as np
import pytest

from texthygiene import batch, frequency, identify
from texthygiene.batch import BATCH_BYTES, BATCH_ITEMS, Settings
from texthygiene.collection import Sketch
from texthygiene.reporters import report_line

#: The tests of what forked workers share (a platform without fork starts them afresh).
needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers share by fork"
)


@pytest.mark.parametrize(
    ("text", "per_batch"),
    [
        ("x" * 100, -(-BATCH_BYTES // 100)),  # short posts: as many as make BATCH_BYTES
        ("я" * 100, -(-BATCH_BYTES // 200)),  # counted in UTF-8 bytes, not in characters
        ("x" * 5_000, -(-BATCH_BYTES // 5_000)),  # long pages: fewer of them
        ("x" * BATCH_BYTES * 2, 1),  # a page over the size is a batch of its own
    ],
)
def test_batches_close_at_their_size_in_bytes(text: str, per_batch: int) -> None:
    items = [text] * (3 * per_batch + 1)
    sizes = [len(tasks) for _, tasks in batch._batches(items, lambda text: (text, "text"))]
    assert sizes == [per_batch] * 3 + [1]


def test_items_without_work_close_a_batch_too() -> None:
    # A run of blank lines (no work each) must not grow one batch forever.
    items = [""] * (2 * BATCH_ITEMS + 5)
    held = [len(items) for items, _ in batch._batches(items, lambda text: None)]
    assert held == [BATCH_ITEMS, BATCH_ITEMS, 5]


def _loaded() -> tuple[bool, int]:
    """In a worker: whether the model came with the fork, and how many frequency lists."""
    return identify._DEFAULT is not None, len(frequency.lists()._tables)


@needs_fork
def test_workers_start_with_the_tables_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(identify, "_DEFAULT", None)
    monkeypatch.setattr(frequency, "_LISTS", None)
    settings = Settings("scan")
    batch._preload(settings)
    pool = batch._Pool(settings, batch.scan_task, 2)
    try:
        model_loaded, lists_loaded = pool.pool.submit(_loaded).result()
    finally:
        pool.close()
        gc.unfreeze()
    assert model_loaded
    assert lists_loaded >= len(identify.model().languages)


def _array_in_heap() -> bool:
    """In a worker: whether a 16 MB array, made after a 24 MB one was freed, was carved from
    the heap (the brk area) rather than given a mapping of its own."""
    big = np.ones(24 << 20, np.uint8)
    del big  # glibc's own rule: a freed mapped block raises the mapping threshold to its size
    array = np.ones(16 << 20, np.uint8)  # more than the heap has free: it grows, or a mapping
    with open("/proc/self/maps") as maps:
        for line in maps:
            if line.rstrip().endswith("[heap]"):
                low, high = (int(bound, 16) for bound in line.split()[0].split("-"))
                if low <= array.ctypes.data < high:
                    return True
    return False


@pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="glibc's malloc mapping threshold",
)
def test_workers_give_large_arrays_their_own_mapping() -> None:
    pool = batch._Pool(Settings("scan"), batch.scan_task, 1)
    try:
        in_heap = pool.pool.submit(_array_in_heap).result()
    finally:
        pool.close()
    # Freed, a mapped array goes back to the system; one in the heap stays resident.
    assert not in_heap


SPAM_POST = "We hebben dit jaar veel tomaten geoogst in de moestuin.где взять деньги быстро"
POSTS = [
    f"{SPAM_POST} {n}" if n % 3 == 0 else f"Een gewone zin over de tuin, nummer {n}."
    for n in range(800)
]


def _header(text: str) -> batch.Header:
    return ("posts.jsonl", str(len(text)), "", ())


def _task(text: str) -> batch.Task:
    return (text, "text")


@needs_fork
def test_workers_return_finished_lines_and_no_findings() -> None:
    # With a renderer, what comes back from a worker is the report line (and the count the
    # exit code needs), not the findings to serialise a second time in the parent.
    assert len(list(batch._batches(POSTS, _task))) > 2  # or no worker would run
    plain = Settings("scan")
    rendered = replace(plain, render=report_line)
    expected = [
        (report_line(_header(text), outcome), len(outcome.findings))
        for text, outcome in batch.run(plain, POSTS, _task, 1)
        if outcome is not None
    ]
    outcomes = [o for _, o in batch.run(rendered, POSTS, _task, 2, header=_header) if o]
    assert [(o.line, o.found) for o in outcomes] == expected
    assert all(o.findings == () and o.contexts == () for o in outcomes)
    assert sum(o.found for o in outcomes) > 0


def _finished_in(settings: Settings, pending: batch.Pending, sketch: Sketch) -> batch.Outcome:
    return batch.Outcome(language=str(os.getpid()), found=sketch.documents)


@needs_fork
def test_collection_second_pass_runs_in_workers_that_share_the_sketch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(batch, "_finish_collected", _finished_in)
    settings = Settings("scan", collection=True)
    first = batch.run(settings, [("in", text) for text in POSTS], lambda p: _task(p[1]), 2)
    finished = [o for _, o in batch.collect(settings, first, width_bits=12, jobs=2) if o]
    assert len(finished) == len(POSTS)
    assert {o.found for o in finished} == {len(POSTS)}  # the whole run's sketch, in each
    assert str(os.getpid()) not in {o.language for o in finished}
    assert batch._SKETCH is None  # not kept past the run


def _dies_on_seven(settings: Settings, pending: batch.Pending, sketch: Sketch) -> batch.Outcome:
    if pending.report.text == POSTS[7]:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return batch.Outcome(language="finished")


@needs_fork
def test_a_worker_dying_in_the_second_pass_loses_only_its_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(batch, "_finish_collected", _dies_on_seven)
    settings = Settings("scan", collection=True)
    pairs = [("in", text) for text in POSTS]
    first = batch.run(settings, pairs, lambda p: _task(p[1]), 2)
    lost: list[tuple[list[tuple[str, str]], str]] = []
    finished = list(
        batch.collect(
            settings, first, width_bits=12, jobs=2, lost=lambda held, why: lost.append((held, why))
        )
    )
    assert [pair for pair, _ in finished] == pairs  # every document, in input order
    outcomes = [o for _, o in finished]
    assert outcomes[7] is not None
    assert outcomes[7].error == batch.WORKER_DIED
    assert all(o is not None and o.language == "finished" for o in outcomes[:7] + outcomes[8:])
    assert any(pairs[7] in held and "worker process died" in why for held, why in lost)
