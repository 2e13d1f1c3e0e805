"""Batch runs: analyse a stream of documents in worker processes, results in input order.

Work goes out in batches of about ``BATCH_BYTES`` of text and at most ``2 × jobs`` batches
are in flight, so memory stays flat however long the input is. The tables every scan reads
are loaded in this process before the workers fork from it, so they start at once and share
those pages. Where a run's report is one JSON object per document (``Settings.render``), a
worker returns that finished line and the parent only writes it: a result crosses between
processes as the text that is written, not as objects pickled there and serialised again.
One document that fails does not stop the others: its outcome carries the error. A worker
process that dies (killed, out of memory) breaks the pool: the batches it took down are
scanned again one document at a time in a fresh worker, so only a document that kills its
worker again is lost (its outcome says so), and the run goes on in a new pool.

With collection evidence (``collect``), the workers scan and key every document and return
each scan pickled once, the run's sketch of fragment keys is counted as their results come
back while those bytes are spilled to a temporary file as they are, and a second pass over
the spill, in workers forked once the sketch is complete (they share it), adds the evidence
and finishes each document: the input is read and scanned once, stdin included, and memory
holds the sketch.
"""

from __future__ import annotations

import contextlib
import ctypes
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
from typing import IO, Generic, Protocol, TypeVar, cast

import numpy as np

from .clean import remove
from .collection import MIN_OTHERS, Sketch, keys, recurring
from .config import Config
from .frequency import lists
from .html import ELEMENT_KINDS, removals, scan_extracted, splice
from .htmltext import Extracted
from .hygiene import REMOVABLE
from .identify import model
from .naming import LIST_NEIGHBOURS
from .pipeline import scan
from .repair import repair
from .results import Finding, Report

T = TypeVar("T")
H = TypeVar("H")
R = TypeVar("R")
W = TypeVar("W", bound=tuple[object, ...])
#: One document's work: its text, its markup, and (when decisions apply) its (source, id).
Task = tuple[str, str] | tuple[str, str, tuple[str, str]]
#: What a report line says of a document besides its outcome: source, id, location, meta.
Header = tuple[str, str, str, tuple[tuple[str, str | int], ...]]
#: A collection run's second pass: one document's first-pass scan, pickled (``Pending``).
Finish = tuple[bytes]


class Decider(Protocol):
    """A moderator's decisions, as a run applies them (``decisions.Decisions``)."""

    def select(
        self, source: str, document: str, findings: Sequence[Finding], command: str
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The positions of the findings that stay, and the indexes of the entries used."""


#: A batch closes at this many bytes of text (UTF-8), however many documents that is: a
#: batch is then about the same work (some tens of milliseconds) whether it holds short
#: posts or one long page, so two workers stay evenly loaded, where a megabyte batch kept
#: one busy for seconds while the other waited; the cost of sending a batch is small next
#: to scanning it.
BATCH_BYTES = 1 << 14
#: ... or at this many items, with or without work: a run of blank lines or unreadable
#: records must not grow a batch forever.
BATCH_ITEMS = 1024
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
    #: A finished document as the one line of JSON the report holds (a module-level
    #: function: workers get it by name); None: the parent renders outcomes itself.
    render: Callable[[Header, Outcome], str] | None = None


@dataclass(frozen=True)
class Pending:
    """A document scanned in the first pass of a collection run, to be finished after."""

    report: Report
    extracted: Extracted | None
    document: tuple[str, str] | None
    keys: np.ndarray


@dataclass(frozen=True)
class Outcome:
    """The result for one document (with ``line``: that line, and no findings to pickle)."""

    language: str | None = None
    findings: tuple[Finding, ...] = ()
    contexts: tuple[tuple[str, str], ...] = ()  # (before, after) each finding
    new_text: str | None = None  # clean, repair: the rewritten document
    removed: tuple[Finding, ...] = ()  # clean: the findings deleted (look-alikes stay)
    error: str | None = None
    decided: tuple[int, ...] = ()  # the decisions (their indexes) that matched a finding
    languages: tuple[tuple[str, float], ...] = ()  # share of the words, largest first
    multilingual: bool = False  # a second language runs through the document
    #: collection run, first pass: the ``Pending`` scan, pickled once, finished by ``collect``
    pending: bytes | None = None
    keys: np.ndarray | None = None  # ... and its fragment keys, for the run's sketch
    line: str | None = None  # ``Settings.render``'s line for this document
    found: int = 0  # with ``line``: how many findings it holds


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
        found = keys(report.text)
        pending = Pending(report, extracted, document, found)
        return Outcome(pending=pickle.dumps(pending, pickle.HIGHEST_PROTOCOL), keys=found)
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


def scan_task(settings: Settings, task: Task) -> Outcome:
    """One document scanned (``run``'s ``work`` for a first or only pass)."""
    return analyse(settings, *task)


def finish_task(settings: Settings, task: Finish) -> Outcome:
    """One first-pass scan finished with the evidence of the run's sketch (``collect``'s
    second pass: the sketch is this process's, or its parent's before the fork)."""
    if _SKETCH is None:
        raise RuntimeError("a collection run's second pass needs the run's sketch")
    return _finish_collected(settings, pickle.loads(task[0]), _SKETCH)  # ours: trusted


#: The sketch of a collection run's second pass, set before its workers fork: one collection
#: run at a time per process (the command line runs one).
_SKETCH: Sketch | None = None


def _internal(error: Exception) -> Outcome:
    """A document's failure in our code, reported with it (one must not lose the batch)."""
    return Outcome(error=f"internal error: {type(error).__name__}: {error}")


def _run_batch(
    settings: Settings,
    work: Callable[[Settings, W], Outcome],
    tasks: list[W],
    headers: list[Header] | None,
) -> list[Outcome]:
    outcomes = []
    for n, task in enumerate(tasks):
        try:
            outcome = work(settings, task)
        except ValueError as error:  # the core refuses this text (TextTooLarge: over the cap)
            outcome = Outcome(error=f"not scanned: {type(error).__name__}: {error}")
        except Exception as error:  # one document's failure must not lose the batch
            outcome = _internal(error)
        if headers is not None and outcome.error is None and outcome.pending is None:
            outcome = _rendered(settings, headers[n], outcome)
        outcomes.append(outcome)
    return outcomes


def _rendered(settings: Settings, header: Header, outcome: Outcome) -> Outcome:
    """The outcome as the parent needs it when the report line is made here."""
    if settings.render is None:
        return outcome
    try:
        line = settings.render(header, outcome)
    except Exception as error:  # one document's failure must not lose the batch
        return _internal(error)
    return Outcome(
        outcome.language, decided=outcome.decided, line=line, found=len(outcome.findings)
    )


def _size(task: tuple[object, ...]) -> int:
    """The bytes of a task's text (UTF-8; an ASCII text's length says it at no cost)."""
    first = task[0]
    if isinstance(first, str):
        return len(first) if first.isascii() else len(first.encode("utf-8", "surrogatepass"))
    return len(first) if isinstance(first, bytes) else 0


def _batches(
    items: Iterable[T], task: Callable[[T], W | None]
) -> Iterator[tuple[list[T], list[W]]]:
    held: list[T] = []
    tasks: list[W] = []
    size = 0
    for item in items:
        held.append(item)
        work = task(item)
        if work is not None:
            tasks.append(work)
            size += _size(work)
        if size >= BATCH_BYTES or len(held) >= BATCH_ITEMS:
            yield held, tasks
            held, tasks, size = [], [], 0
    if held:
        yield held, tasks


def _pair(
    held: list[T], task: Callable[[T], W | None], outcomes: list[Outcome]
) -> Iterator[tuple[T, Outcome | None]]:
    results = iter(outcomes)
    for item in held:
        yield item, (next(results) if task(item) is not None else None)


def run(
    settings: Settings,
    items: Iterable[T],
    task: Callable[[T], W | None],
    jobs: int,
    lost: Callable[[list[T], str], None] | None = None,
    header: Callable[[T], Header] | None = None,
    work: Callable[[Settings, W], Outcome] = scan_task,  # type: ignore[assignment]  # W: Task
) -> Iterator[tuple[T, Outcome | None]]:
    """Every item with its outcome (None for an item without work), in input order.

    ``task`` gives an item's work for ``work`` (a module-level function: workers get it
    by name): for ``scan_task`` its ``(text, markup)`` (and, for decisions, its
    ``(source, id)``), or None for an item that is only passed along. With
    ``settings.render``, ``header`` gives what a report line says of an item, and each
    finished outcome comes with its line. ``jobs`` > 1 runs in that many processes, unless
    the input fits in one batch.
    ``lost`` hears of every batch whose worker died (its items, and why), before that
    batch's items come out, scanned again one by one.
    """
    stream = _batches(items, task)
    head = list(islice(stream, 2))
    batches = chain(head, stream)

    def headers_of(held: list[T]) -> list[Header] | None:
        if settings.render is None or header is None:
            return None
        return [header(item) for item in held if task(item) is not None]

    if jobs <= 1 or len(head) < 2:
        for held, tasks in batches:
            yield from _pair(held, task, _run_batch(settings, work, tasks, headers_of(held)))
        return
    _preload(settings)
    pool: _Pool[W] = _Pool(settings, work, jobs)
    try:
        pending: deque[tuple[list[T], list[W], list[Header] | None, Future[list[Outcome]]]]
        pending = deque()
        for held, tasks in batches:
            headers = headers_of(held)
            pending.append((held, tasks, headers, pool.submit(tasks, headers)))
            if len(pending) >= 2 * jobs:
                done, done_tasks, done_headers, future = pending.popleft()
                outcomes = pool.outcomes(done_tasks, done_headers, future, done, lost)
                yield from _pair(done, task, outcomes)
        while pending:
            done, done_tasks, done_headers, future = pending.popleft()
            yield from _pair(
                done, task, pool.outcomes(done_tasks, done_headers, future, done, lost)
            )
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
        for code in (*model().languages, *LIST_NEIGHBOURS.values()):
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


#: Bytes from which C's malloc gives an allocation its own mapping (glibc's initial value).
WORKER_MMAP_THRESHOLD = 128 * 1024
#: glibc's ``mallopt`` parameter number of that threshold (``M_MMAP_THRESHOLD``).
_M_MMAP_THRESHOLD = -3


def _executor(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_worker_start)


def _worker_start() -> None:
    """Give a worker's large arrays (a long text's evidence matrices, a cache's matrix as it
    grows) mappings of their own, returned to the system when freed.

    glibc raises its mapping threshold to the size of each mapped block freed, so after a
    few large arrays come and go, arrays of megabytes are carved from the heap and stay
    resident once freed: about 5 MB more a worker over a run (measured on the batch
    benchmark's input). The workers are ours, so their allocator is set; a caller's process
    is left as it is. Where there is no glibc ``mallopt``, nothing changes.
    """
    with contextlib.suppress(OSError, AttributeError, TypeError):  # no C library, no mallopt
        mallopt = ctypes.CDLL(None).mallopt
        mallopt(ctypes.c_int(_M_MMAP_THRESHOLD), ctypes.c_int(WORKER_MMAP_THRESHOLD))


class _Pool(Generic[W]):
    """A process pool that replaces itself when a worker dies, and re-runs what was lost."""

    def __init__(
        self, settings: Settings, work: Callable[[Settings, W], Outcome], jobs: int
    ) -> None:
        self.settings = settings
        self.work = work
        self.jobs = jobs
        self.pool = _executor(jobs)
        self.current: set[Future[list[Outcome]]] = set()  # submitted to this pool

    def submit(self, tasks: list[W], headers: list[Header] | None) -> Future[list[Outcome]]:
        try:
            future = self.pool.submit(_run_batch, self.settings, self.work, tasks, headers)
        except BrokenProcessPool:  # a worker died since the last submit
            self._replace()
            future = self.pool.submit(_run_batch, self.settings, self.work, tasks, headers)
        self.current.add(future)
        return future

    def outcomes(
        self,
        tasks: list[W],
        headers: list[Header] | None,
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
        return _one_by_one(self.settings, self.work, tasks, headers)

    def _replace(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = _executor(self.jobs)
        self.current = set()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(
    settings: Settings,
    work: Callable[[Settings, W], Outcome],
    tasks: list[W],
    headers: list[Header] | None,
) -> list[Outcome]:
    """Scan a batch again, each document on its own in one worker process: a document that
    kills this worker too gets ``WORKER_DIED`` and the next one a fresh worker."""
    outcomes: list[Outcome] = []
    pool = _executor(1)
    try:
        for n, one in enumerate(tasks):
            header = None if headers is None else [headers[n]]
            try:
                outcomes.extend(pool.submit(_run_batch, settings, work, [one], header).result())
            except BrokenProcessPool:
                outcomes.append(Outcome(error=WORKER_DIED))
                pool.shutdown(wait=True)
                pool = _executor(1)
            except Exception as error:  # the result did not come back
                outcomes.append(_internal(error))
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
    jobs: int = 1,
    header: Callable[[tuple[H, R]], Header] | None = None,
    lost: Callable[[list[tuple[H, R]], str], None] | None = None,
) -> Iterator[tuple[tuple[H, R], Outcome | None]]:
    """The second pass of a collection run over ``run``'s first-pass results (with
    ``settings.collection``): every document finished with the evidence of the run's
    other documents, in input order, in ``jobs`` processes (``header``, ``lost``: as ``run``
    takes them).
    Items are spilled to a temporary file, so only the sketch and each ``H`` (an input,
    shared by its items: kept by identity) stay in memory."""
    global _SKETCH
    sketch = Sketch(width_bits)
    heads: list[H] = []
    spilled = 0
    with tempfile.TemporaryFile() as spill:
        writer = _Spill(spill)
        for (head, item), outcome in results:
            if not heads or heads[-1] is not head:
                heads.append(head)
            if outcome is not None and outcome.keys is not None:
                sketch.add(outcome.keys)
                outcome = replace(outcome, keys=None)
            # (a first-pass scan is the bytes its worker pickled: spilled as they are)
            writer.dump((len(heads) - 1, item, outcome))
            spilled += 1
        spill.seek(0)

        def entries() -> Iterator[tuple[tuple[H, R], Outcome | None]]:
            for _ in range(spilled):
                # each entry is a pickle of its own: a fresh unpickler (memo) for each
                index, item, outcome = _Unspill(spill, writer.kept).load()  # ours: trusted
                yield (heads[index], item), outcome

        def pending(entry: tuple[tuple[H, R], Outcome | None]) -> Finish | None:
            outcome = entry[1]
            return (outcome.pending,) if outcome is not None and outcome.pending else None

        def entry_header(entry: tuple[tuple[H, R], Outcome | None]) -> Header:
            assert header is not None  # only asked for with a header
            return header(entry[0])

        def entries_lost(held: list[tuple[tuple[H, R], Outcome | None]], reason: str) -> None:
            if lost is not None:
                lost([pair for pair, _ in held], reason)

        final = replace(settings, collection=False)
        _SKETCH = sketch  # before the second pass's workers fork: they share it
        try:
            for (pair, first), outcome in run(
                final,
                entries(),
                pending,
                # (workers that do not fork would not have the sketch: finished here)
                jobs if sketch.documents > 1 and _context() is not None else 1,
                entries_lost,
                entry_header if header is not None else None,
                finish_task,
            ):
                yield pair, outcome if outcome is not None else first
        finally:
            _SKETCH = None


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
        return _internal(error)


def _located(extracted: Extracted, finding: Finding) -> Finding:
    start, end = extracted.source_span(finding.start, finding.end)
    return replace(finding, source_start=start, source_end=end)


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
