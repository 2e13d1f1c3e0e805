"""Batch runs: analyse a stream of documents in worker processes, results in input order.

Work goes out in small batches and at most ``2 × jobs`` batches are in flight, so memory
stays flat however long the input is. Each worker loads the language model once (on its
first document) and keeps it. One document that fails does not stop the others: its
outcome carries the error. A worker process that dies (killed, out of memory) breaks the
pool: the batches it took down are scanned again one document at a time in a fresh worker,
so only a document that kills its worker again is lost (its outcome says so), and the run
goes on in a new pool.

With collection evidence (``collect``), the workers scan and key every document, the run's
sketch of fragment keys is counted as their results come back while they are spilled to a
temporary file, and a second pass over the spill adds the evidence and finishes each
document: the input is read and scanned once, stdin included, and memory holds the sketch.
"""

from __future__ import annotations

import contextlib
import gc
import io
import multiprocessing
import multiprocessing.context
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import IO, Protocol, TypeVar, cast

import numpy as np

from .clean import remove
from .collection import MIN_OTHERS, Sketch, keys, recurring
from .config import Config
from .frequency import lists
from .html import ELEMENT_KINDS, removals, scan_extracted, splice
from .htmltext import Extracted
from .hygiene import REMOVABLE
from .identify import model
from .pipeline import scan
from .repair import repair
from .results import Finding, Report

T = TypeVar("T")
H = TypeVar("H")
R = TypeVar("R")
#: One document's work: its text, its markup, and (when decisions apply) its (source, id).
Task = tuple[str, str] | tuple[str, str, tuple[str, str]]


class Decider(Protocol):
    """A moderator's decisions, as a run applies them (``decisions.Decisions``)."""

    def select(
        self, source: str, document: str, findings: Sequence[Finding], command: str
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The positions of the findings that stay, and the indexes of the entries used."""


#: A batch closes at this many documents or this many characters, whichever comes first:
#: 64 posts of a forum are about as many characters, so a batch of long pages is about the
#: same work (a tenth of a second or so) and two workers stay evenly loaded, where a
#: megabyte batch kept one busy for seconds while the other waited.
BATCH_DOCS = 64
BATCH_CHARS = 1 << 16
#: The outcome of a document whose worker process died while scanning it, twice.
WORKER_DIED = "worker process died while scanning this document (killed, or out of memory?)"


@dataclass(frozen=True)
class Settings:
    """What to do with every document (picklable: sent to every worker)."""

    command: str  # scan, clean or repair
    languages: tuple[str, ...] | None = None
    config: Config = Config()  # noqa: RUF009  (an immutable NamedTuple: sharing it is safe)
    only: frozenset[str] | None = None  # finding kinds kept; None: all
    context: int = 24  # characters of context around a finding, for the table
    decide: Decider | None = None  # a moderator's decisions on findings
    collection: bool = False  # first pass of a collection run: scan and key, finish later


@dataclass(frozen=True)
class Pending:
    """A document scanned in the first pass of a collection run, to be finished after."""

    report: Report
    extracted: Extracted | None
    document: tuple[str, str] | None
    keys: np.ndarray


@dataclass(frozen=True)
class Outcome:
    """The result for one document."""

    language: str | None = None
    findings: tuple[Finding, ...] = ()
    contexts: tuple[tuple[str, str], ...] = ()  # (before, after) each finding
    new_text: str | None = None  # clean, repair: the rewritten document
    removed: tuple[Finding, ...] = ()  # clean: the findings deleted (look-alikes stay)
    error: str | None = None
    decided: tuple[int, ...] = ()  # the decisions (their indexes) that matched a finding
    languages: tuple[tuple[str, float], ...] = ()  # share of the words, largest first
    multilingual: bool = False  # a second language runs through the document
    pending: Pending | None = None  # collection run, first pass: finished by ``collect``


def analyse(
    settings: Settings, text: str, markup: str, document: tuple[str, str] | None = None
) -> Outcome:
    """Run one command on one document (``markup`` "html": ``text`` is HTML source);
    ``document`` (source, id) is what decisions are matched on."""
    if settings.command == "repair":
        return Outcome(new_text=repair(text, config=settings.config))
    extracted = None
    if markup == "html":
        report, extracted = scan_extracted(text, settings.languages, settings.config)
    else:
        report = scan(text, languages=settings.languages, config=settings.config)
    if settings.collection:
        return Outcome(pending=Pending(report, extracted, document, keys(report.text)))
    return finish(settings, report, extracted, document)


def finish(
    settings: Settings,
    report: Report,
    extracted: Extracted | None,
    document: tuple[str, str] | None = None,
) -> Outcome:
    """A scanned document's outcome: findings kept, decisions applied, text cleaned."""
    findings = tuple(f for f in report.findings if settings.only is None or f.kind in settings.only)
    decided: tuple[int, ...] = ()
    if settings.decide is not None and document is not None:
        source, doc_id = document
        kept, decided = settings.decide.select(source, doc_id, findings, settings.command)
        findings = tuple(findings[i] for i in kept)
    width = settings.context
    contexts = tuple(
        (report.text[max(0, f.start - width) : f.start], report.text[f.end : f.end + width])
        for f in findings
    )
    languages, multilingual = tuple(report.languages.items()), report.multilingual
    if settings.command != "clean":
        return Outcome(
            report.language,
            findings,
            contexts,
            decided=decided,
            languages=languages,
            multilingual=multilingual,
        )
    if extracted is not None:
        # As clean_html does, but with the findings --only kept.
        new_text = splice(extracted.source, removals(extracted, findings))
        gone = tuple(f for f in findings if f.kind in REMOVABLE or f.kind in ELEMENT_KINDS)
    else:
        new_text = remove(report.text, findings, report.edits)[0]
        gone = tuple(f for f in findings if f.kind in REMOVABLE)
    return Outcome(
        report.language,
        findings,
        contexts,
        new_text,
        gone,
        decided=decided,
        languages=languages,
        multilingual=multilingual,
    )


def _run_batch(settings: Settings, tasks: list[Task]) -> list[Outcome]:
    outcomes = []
    for task in tasks:
        try:
            outcomes.append(analyse(settings, *task))
        except ValueError as error:  # the core refuses this text (TextTooLarge: over the cap)
            outcomes.append(Outcome(error=f"not scanned: {type(error).__name__}: {error}"))
        except Exception as error:  # one document's failure must not lose the batch
            outcomes.append(Outcome(error=f"internal error: {type(error).__name__}: {error}"))
    return outcomes


def _batches(
    items: Iterable[T], task: Callable[[T], Task | None]
) -> Iterator[tuple[list[T], list[Task]]]:
    held: list[T] = []
    tasks: list[Task] = []
    size = 0
    for item in items:
        held.append(item)
        work = task(item)
        if work is not None:
            tasks.append(work)
            size += len(work[0])
        # Items without work count too: a run of blank lines must not grow a batch forever.
        if len(tasks) >= BATCH_DOCS or size >= BATCH_CHARS or len(held) >= 16 * BATCH_DOCS:
            yield held, tasks
            held, tasks, size = [], [], 0
    if held:
        yield held, tasks


def _pair(
    held: list[T], task: Callable[[T], Task | None], outcomes: list[Outcome]
) -> Iterator[tuple[T, Outcome | None]]:
    results = iter(outcomes)
    for item in held:
        yield item, (next(results) if task(item) is not None else None)


def run(
    settings: Settings,
    items: Iterable[T],
    task: Callable[[T], Task | None],
    jobs: int,
    lost: Callable[[list[T], str], None] | None = None,
) -> Iterator[tuple[T, Outcome | None]]:
    """Every item with its outcome (None for an item without work), in input order.

    ``task`` gives an item's ``(text, markup)`` (and, for decisions, its ``(source, id)``),
    or None for an item that is only passed along. ``jobs`` > 1 runs in that many
    processes, unless the input fits in one batch.
    ``lost`` hears of every batch whose worker died (its items, and why), before that
    batch's items come out, scanned again one by one.
    """
    stream = _batches(items, task)
    head = list(islice(stream, 2))
    batches = chain(head, stream)
    if jobs <= 1 or len(head) < 2:
        for held, tasks in batches:
            yield from _pair(held, task, _run_batch(settings, tasks))
        return
    _preload(settings)
    pool = _Pool(settings, jobs)
    try:
        pending: deque[tuple[list[T], list[Task], Future[list[Outcome]]]] = deque()
        for held, tasks in batches:
            pending.append((held, tasks, pool.submit(tasks)))
            if len(pending) >= 2 * jobs:
                done, work, future = pending.popleft()
                yield from _pair(done, task, pool.outcomes(work, future, done, lost))
        while pending:
            done, work, future = pending.popleft()
            yield from _pair(done, task, pool.outcomes(work, future, done, lost))
    finally:
        pool.close()
        gc.unfreeze()  # the workers are gone: a caller's process collects as before


def _preload(settings: Settings) -> None:
    """Load what every scan reads (the language model, the lexicons, the compiled patterns,
    ftfy) in this process before the workers fork from it: they share its pages instead of
    each loading its own copy, and start scanning at once."""
    if settings.command != "repair":
        # A config whose cap refuses even this text: the workers load what they need.
        with contextlib.suppress(ValueError):
            scan(_WARM_UP, languages=settings.languages, config=settings.config)
        # Every language's frequency list (a third of a second, 24 MB once): each worker
        # would otherwise read its own copy of each list a text of its needs.
        for code in model().languages:
            lists().has(code)
    # The collector would write to every object it tracks at its next pass, copying each
    # page the workers share; frozen, what was loaded stays shared.
    gc.freeze()


#: A text that takes a scan through its stages, non-ASCII so that repair loads too.
_WARM_UP = "Een korte zin over het café.где взять деньги быстро"


def _context() -> multiprocessing.context.BaseContext | None:
    """Fork where the platform has it (the workers inherit the loaded tables); elsewhere the
    default, and the workers map the model from the model cache."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


class _Pool:
    """A process pool that replaces itself when a worker dies, and re-runs what was lost."""

    def __init__(self, settings: Settings, jobs: int) -> None:
        self.settings = settings
        self.jobs = jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
        self.current: set[Future[list[Outcome]]] = set()  # submitted to this pool

    def submit(self, tasks: list[Task]) -> Future[list[Outcome]]:
        try:
            future = self.pool.submit(_run_batch, self.settings, tasks)
        except BrokenProcessPool:  # a worker died since the last submit
            self._replace()
            future = self.pool.submit(_run_batch, self.settings, tasks)
        self.current.add(future)
        return future

    def outcomes(
        self,
        tasks: list[Task],
        future: Future[list[Outcome]],
        held: list[T],
        lost: Callable[[list[T], str], None] | None,
    ) -> list[Outcome]:
        """A batch's outcomes; if its worker died, the batch scanned again one by one."""
        try:
            return future.result()
        except BrokenProcessPool:
            reason = "a worker process died (killed, or out of memory?)"
            if future in self.current:  # this pool is broken: every batch in it has failed
                self._replace()
        except Exception as error:  # the batch's results did not come back (pickling, memory)
            reason = f"a batch failed in its worker: {type(error).__name__}: {error}"
        finally:
            self.current.discard(future)
        if lost is not None:
            lost(held, reason)
        return _one_by_one(self.settings, tasks)

    def _replace(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=_context())
        self.current = set()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(settings: Settings, tasks: list[Task]) -> list[Outcome]:
    """Scan a batch again, each document on its own in one worker process: a document that
    kills this worker too gets ``WORKER_DIED`` and the next one a fresh worker."""
    outcomes: list[Outcome] = []
    pool = ProcessPoolExecutor(max_workers=1)
    try:
        for work in tasks:
            try:
                outcomes.extend(pool.submit(_run_batch, settings, [work]).result())
            except BrokenProcessPool:
                outcomes.append(Outcome(error=WORKER_DIED))
                pool.shutdown(wait=True)
                pool = ProcessPoolExecutor(max_workers=1)
            except Exception as error:  # the result did not come back
                outcomes.append(Outcome(error=f"internal error: {type(error).__name__}: {error}"))
    finally:
        pool.shutdown(wait=True)
    return outcomes


#: Width of the sketch of fragment keys, in bits: 4 rows of 2**20 counters, 8 MB, however
#: large the run (a count is an upper bound; it drifts up only past millions of documents).
SKETCH_BITS = 20


def collect(
    settings: Settings,
    results: Iterable[tuple[tuple[H, R], Outcome | None]],
    width_bits: int = SKETCH_BITS,
) -> Iterator[tuple[tuple[H, R], Outcome | None]]:
    """The second pass of a collection run over ``run``'s first-pass results (with
    ``settings.collection``): every document finished with the evidence of the run's
    other documents, in input order. Items are spilled to a temporary file, so only the
    sketch and each ``H`` (an input, shared by its items: kept by identity) stay in memory."""
    sketch = Sketch(width_bits)
    heads: list[H] = []
    spilled = 0
    with tempfile.TemporaryFile() as spill:
        writer = _Spill(spill)
        for (head, item), outcome in results:
            if not heads or heads[-1] is not head:
                heads.append(head)
            if outcome is not None and outcome.pending is not None:
                sketch.add(outcome.pending.keys)
            writer.dump((len(heads) - 1, item, outcome))
            spilled += 1
        spill.seek(0)
        final = replace(settings, collection=False)
        for _ in range(spilled):
            # each entry is a pickle of its own: a fresh unpickler (memo) for each
            index, item, outcome = _Unspill(spill, writer.kept).load()  # ours: trusted
            if outcome is not None and outcome.pending is not None:
                outcome = _finish_collected(final, outcome.pending, sketch)
            yield (heads[index], item), outcome


class _Spill:
    """Pickles a run's items to a file; a class pickle cannot name (a CSV reader's dialect,
    made for its file) stays in memory, by reference."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.kept: dict[int, type] = {}

    def dump(self, entry: object) -> None:
        try:
            data = pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, AttributeError, TypeError):
            buffer = io.BytesIO()
            _Keeping(buffer, self.kept).dump(entry)
            data = buffer.getvalue()
        self.file.write(data)


class _Keeping(pickle.Pickler):
    def __init__(self, file: IO[bytes], kept: dict[int, type]) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.kept = kept

    def persistent_id(self, obj: object) -> int | None:
        if isinstance(obj, type):
            self.kept[id(obj)] = obj
            return id(obj)
        return None


class _Unspill(pickle.Unpickler):
    def __init__(self, file: IO[bytes], kept: dict[int, type]) -> None:
        super().__init__(file)
        self.kept = kept

    def persistent_load(self, pid: object) -> type:
        return self.kept[cast(int, pid)]


def _finish_collected(settings: Settings, pending: Pending, sketch: Sketch) -> Outcome:
    report, extracted = pending.report, pending.extracted
    try:
        # (a document none of whose keys recurs has no evidence to gain: not looked at again)
        if sketch.documents > 1 and (sketch.count(pending.keys) > MIN_OTHERS).any():
            report = recurring(report, sketch, settings.config.threshold)
            if extracted is not None:  # new findings point into the source, as html's do
                report = replace(
                    report,
                    findings=tuple(
                        f if f.source_start is not None else _located(extracted, f)
                        for f in report.findings
                    ),
                )
        return finish(settings, report, extracted, pending.document)
    except Exception as error:  # one document's failure must not lose the run
        return Outcome(error=f"internal error: {type(error).__name__}: {error}")


def _located(extracted: Extracted, finding: Finding) -> Finding:
    start, end = extracted.source_span(finding.start, finding.end)
    return replace(finding, source_start=start, source_end=end)


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
