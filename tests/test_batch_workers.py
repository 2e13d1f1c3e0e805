"""How the batch command hands work to its worker processes: batches of about the same
text, and workers forked from a process that has loaded the tables they read."""

from __future__ import annotations

import gc
import multiprocessing

import pytest

from texthygiene import batch, frequency, identify
from texthygiene.batch import BATCH_CHARS, BATCH_DOCS, Settings


@pytest.mark.parametrize(
    ("length", "per_batch"),
    [
        (100, BATCH_DOCS),  # short posts: a batch is BATCH_DOCS of them
        (20_000, -(-BATCH_CHARS // 20_000)),  # long pages: as many as make BATCH_CHARS
        (BATCH_CHARS * 2, 1),  # a page over the size is a batch of its own
    ],
)
def test_batches_close_at_their_size_in_characters(length: int, per_batch: int) -> None:
    items = ["x" * length] * (3 * per_batch + 1)
    sizes = [len(tasks) for _, tasks in batch._batches(items, lambda text: (text, "text"))]
    assert sizes == [per_batch] * 3 + [1]


def _loaded() -> tuple[bool, int]:
    """In a worker: whether the model came with the fork, and how many frequency lists."""
    return identify._DEFAULT is not None, len(frequency.lists()._tables)


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers share by fork"
)
def test_workers_start_with_the_tables_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(identify, "_DEFAULT", None)
    monkeypatch.setattr(frequency, "_LISTS", None)
    settings = Settings("scan")
    batch._preload(settings)
    pool = batch._Pool(settings, 2)
    try:
        model_loaded, lists_loaded = pool.pool.submit(_loaded).result()
    finally:
        pool.close()
        gc.unfreeze()
    assert model_loaded
    assert lists_loaded >= len(identify.model().languages)
