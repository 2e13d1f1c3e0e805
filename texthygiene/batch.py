"""Batch runs: analyse a stream of documents in worker processes, results in input order.

Work goes out in small batches and at most ``2 × jobs`` batches are in flight, so memory
stays flat however long the input is. Each worker loads the language model once (on its
first document) and keeps it. One document that fails does not stop the others: its
outcome carries the error.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from typing import TypeVar

from .clean import remove
from .config import Config
from .html import removals, scan_html, splice
from .htmltext import extract
from .hygiene import REMOVABLE
from .pipeline import scan
from .repair import repair
from .results import Finding

T = TypeVar("T")

#: A batch closes at this many documents or this many characters, whichever comes first.
BATCH_DOCS = 64
BATCH_CHARS = 1 << 20
#: What clean_html deletes besides the plain-text kinds.
HTML_REMOVABLE = frozenset({"hidden_text", "foreign_link"})


@dataclass(frozen=True)
class Settings:
    """What to do with every document (picklable: sent to every worker)."""

    command: str  # scan, clean or repair
    languages: tuple[str, ...] | None = None
    config: Config = Config()  # noqa: RUF009  (an immutable NamedTuple: sharing it is safe)
    only: frozenset[str] | None = None  # finding kinds kept; None: all
    context: int = 24  # characters of context around a finding, for the table


@dataclass(frozen=True)
class Outcome:
    """The result for one document."""

    language: str | None = None
    findings: tuple[Finding, ...] = ()
    contexts: tuple[tuple[str, str], ...] = ()  # (before, after) each finding
    new_text: str | None = None  # clean, repair: the rewritten document
    removed: tuple[Finding, ...] = ()  # clean: the findings deleted (look-alikes stay)
    error: str | None = None


def analyse(settings: Settings, text: str, markup: str) -> Outcome:
    """Run one command on one document (``markup`` "html": ``text`` is HTML source)."""
    if settings.command == "repair":
        return Outcome(new_text=repair(text))
    html = markup == "html"
    scanner = scan_html if html else scan
    report = scanner(text, languages=settings.languages, config=settings.config)
    findings = tuple(f for f in report.findings if settings.only is None or f.kind in settings.only)
    width = settings.context
    contexts = tuple(
        (report.text[max(0, f.start - width) : f.start], report.text[f.end : f.end + width])
        for f in findings
    )
    if settings.command != "clean":
        return Outcome(report.language, findings, contexts)
    if html:
        # clean_html would scan again; the findings (after --only) are already here.
        new_text = splice(text, removals(extract(text), findings))
        gone = tuple(f for f in findings if f.kind in REMOVABLE or f.kind in HTML_REMOVABLE)
    else:
        new_text = remove(report.text, findings, report.edits)[0]
        gone = tuple(f for f in findings if f.kind in REMOVABLE)
    return Outcome(report.language, findings, contexts, new_text, gone)


def _run_batch(settings: Settings, tasks: list[tuple[str, str]]) -> list[Outcome]:
    outcomes = []
    for text, markup in tasks:
        try:
            outcomes.append(analyse(settings, text, markup))
        except Exception as error:  # one document's failure must not lose the batch
            outcomes.append(Outcome(error=f"internal error: {type(error).__name__}: {error}"))
    return outcomes


def _batches(
    items: Iterable[T], task: Callable[[T], tuple[str, str] | None]
) -> Iterator[tuple[list[T], list[tuple[str, str]]]]:
    held: list[T] = []
    tasks: list[tuple[str, str]] = []
    size = 0
    for item in items:
        held.append(item)
        work = task(item)
        if work is not None:
            tasks.append(work)
            size += len(work[0])
        if len(tasks) >= BATCH_DOCS or size >= BATCH_CHARS:
            yield held, tasks
            held, tasks, size = [], [], 0
    if held:
        yield held, tasks


def _pair(
    held: list[T], task: Callable[[T], tuple[str, str] | None], outcomes: list[Outcome]
) -> Iterator[tuple[T, Outcome | None]]:
    results = iter(outcomes)
    for item in held:
        yield item, (next(results) if task(item) is not None else None)


def run(
    settings: Settings,
    items: Iterable[T],
    task: Callable[[T], tuple[str, str] | None],
    jobs: int,
) -> Iterator[tuple[T, Outcome | None]]:
    """Every item with its outcome (None for an item without work), in input order.

    ``task`` gives an item's ``(text, markup)``, or None for an item that is only passed
    along. ``jobs`` > 1 runs in that many processes, unless the input fits in one batch.
    """
    stream = _batches(items, task)
    head = list(islice(stream, 2))
    batches = chain(head, stream)
    if jobs <= 1 or len(head) < 2:
        for held, tasks in batches:
            yield from _pair(held, task, _run_batch(settings, tasks))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[list[T], Future[list[Outcome]]]] = deque()
        for held, tasks in batches:
            pending.append((held, pool.submit(_run_batch, settings, tasks)))
            if len(pending) >= 2 * jobs:
                done, future = pending.popleft()
                yield from _pair(done, task, future.result())
        while pending:
            done, future = pending.popleft()
            yield from _pair(done, task, future.result())


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
