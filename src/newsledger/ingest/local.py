"""The local engine: pages processed in worker processes, stored by the parent.

With ``jobs=0`` everything runs in this process. At most ``jobs * IN_FLIGHT_PER_JOB`` pages are out at any moment, so memory does not grow with
the input. Pages are stored in transactions of up to ``BATCH_PAGES`` pages, each page with its
article and statements, so a crash leaves every page whole or absent (it loses at most the batch
being written). Pages whose key is already in the ledger are skipped before any work is spent on
them, so a run that was killed continues where it stopped when started again.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

import msgspec

from newsledger.counts import counted
from newsledger.extract.assemble import EXTRACTOR
from newsledger.ingest.process import failed
from newsledger.ingest.timeout import process_page_limited
from newsledger.ledger import Ledger
from newsledger.ledger.records import StoreResult
from newsledger.ledger.rows import PreparedPage, prepare
from newsledger.model import Page, SourceFailure
from newsledger.progress import Progress
from newsledger.sources import SourceOptions, iter_pages

# Pages travel to a worker in tasks of PAGES_PER_TASK, msgpack-encoded both ways: one queue
# message and one encoding per task instead of a pickled Page and a pickled result per page.
PAGES_PER_TASK = 4
TASKS_PER_JOB = 2
IN_FLIGHT_PER_JOB = PAGES_PER_TASK * TASKS_PER_JOB
# Pages stored per transaction: fewer commits, yet small enough that the workers' queued pages
# (IN_FLIGHT_PER_JOB each) outlast the writing of a batch, so they never wait for the writer.
BATCH_PAGES = 8
BATCH_SECONDS = 1.0
PR_SET_PDEATHSIG = 1
DEFAULT_TIMEOUT = 60.0
Tag = TypeVar("Tag")


FAILURES_KEPT = 1000  # failures listed in a summary; all of them are in the ledger


class IngestSummary(msgspec.Struct, kw_only=True):
    """What a run did. ``skipped`` pages were already in the ledger; ``duplicates`` were stored
    pages read again under another name (same bytes, or the same article address).
    ``failures`` lists the first failures of the run; ``failed_by_stage`` counts all of them,
    and ``skipped_records`` counts the records of the inputs that were not pages, by kind."""

    seen: int = 0
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    articles: int = 0
    statements: int = 0
    seconds: float = 0.0
    failures: list[SourceFailure] = msgspec.field(default_factory=list)
    failed_by_stage: dict[str, int] = msgspec.field(default_factory=dict)
    skipped_records: dict[str, int] = msgspec.field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.seen / self.seconds if self.seconds > 0 else 0.0

    def count(self, result: StoreResult, prepared: PreparedPage) -> None:
        """Add one page the ledger was asked to store (``result`` says whether it was new)."""
        if not result.stored:
            if result.duplicate:
                self.duplicates += 1
            else:
                self.skipped += 1
            return
        self.stored += 1
        if prepared.failure is not None:
            self.note_failure(prepared.failure)
        self.articles += result.article_id is not None
        self.statements += result.statements

    def note_failure(self, failure: SourceFailure) -> None:
        self.failed += 1
        self.failed_by_stage[failure.stage] = self.failed_by_stage.get(failure.stage, 0) + 1
        if len(self.failures) < FAILURES_KEPT:
            self.failures.append(failure)

    def line(self) -> str:
        skipped = "".join(f", {n} {kind}" for kind, n in sorted(self.skipped_records.items()))
        return (
            f"{counted(self.seen, 'page')} in {self.seconds:.1f} s ({self.rate:.1f} pages/s): {self.stored} stored, "
            f"{self.skipped} already stored, {counted(self.duplicates, 'duplicate')}, {self.failed} failed; "
            f"{counted(self.articles, 'article')}, {counted(self.statements, 'statement')}"
            + (f"; records not pages: {sum(self.skipped_records.values())}{skipped}" if self.skipped_records else "")
        )

    def failure_lines(self, *, shown: int = 50) -> list[str]:
        """Each failure's input and reason (the first ``shown``), then the count by stage."""
        if not self.failed:
            return []
        lines = [f"failed [{f.stage}]: {f.reason}" for f in self.failures[:shown]]
        if self.failed > len(lines):
            lines.append(f"... and {self.failed - len(lines)} more (newsledger failures lists them all)")
        by_stage = ", ".join(f"{stage} {n}" for stage, n in sorted(self.failed_by_stage.items(), key=lambda i: -i[1]))
        lines.append(f"failures by stage: {by_stage}")
        return lines


_pages_encoder = msgspec.msgpack.Encoder()
_pages_decoder = msgspec.msgpack.Decoder(list[Page])
_prepared_encoder = msgspec.msgpack.Encoder()
_prepared_decoder = msgspec.msgpack.Decoder(list[PreparedPage])


def work(page: Page, timeout: float | None) -> PreparedPage:
    """What a worker does with one page: process it within the time limit and prepare its rows."""
    return prepare(process_page_limited(page, timeout))


def work_encoded(pages: bytes, timeout: float | None) -> bytes:
    """A worker's task: encoded pages in, their encoded prepared pages out, in the same order."""
    return _prepared_encoder.encode([work(page, timeout) for page in _pages_decoder.decode(pages)])


def processed_stream(
    items: Iterable[tuple[Tag, Page]], *, jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[tuple[Tag, PreparedPage]]:
    """Prepared pages for tagged pages, in completion order, with bounded work in flight.

    ``jobs`` worker processes do the work while this process (the single writer) stores results,
    so even one job overlaps extraction with writing; ``jobs=0`` works in this process.
    """
    if jobs <= 0:
        for tag, page in items:
            yield tag, work(page, timeout)
        return
    items = iter(items)
    workers = _Workers(jobs, timeout)
    try:
        exhausted = False
        while True:
            while not exhausted and workers.can_take():
                task = list(islice(items, PAGES_PER_TASK))
                exhausted = len(task) < PAGES_PER_TASK
                if task:
                    workers.submit(task)
            if workers.idle():
                return
            yield from workers.collect()
    finally:
        workers.close()


def _start_worker(parent: int) -> None:
    """Worker initializer. The objects inherited from the parent are moved out of the garbage
    collector's reach: they live as long as the worker, and full collections then walk only what
    the pages create (nor do they touch, and so copy, the inherited memory pages)."""
    gc.freeze()
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """End this worker when the parent dies, even by ``kill -9``.

    Otherwise a killed parent leaves its workers blocked forever on the task queue. Linux only
    (``PR_SET_PDEATHSIG``); elsewhere workers end when the queue's pipe closes.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


class _Workers:
    """A process pool with bounded work in flight that survives a worker dying.

    When a worker process dies (a crash in native code, the OOM killer), every page then in
    flight is suspect; they are run again one at a time in a fresh pool, and only the page that
    kills a worker on its own is recorded as a failure. A task that fails in any other way is
    split the same way, so that one bad page never costs the others of its task.
    """

    def __init__(self, jobs: int, timeout: float | None) -> None:
        self.jobs = jobs
        self.timeout = timeout
        self.pool = self._new_pool()
        self.pending: dict[Future, list[tuple]] = {}
        self.suspects: deque[tuple] = deque()
        self.alone: Future | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, initializer=_start_worker, initargs=(os.getpid(),))

    def can_take(self) -> bool:
        return not self.suspects and len(self.pending) < self.jobs * TASKS_PER_JOB

    def idle(self) -> bool:
        return not self.pending and not self.suspects

    def submit(self, task: list[tuple]) -> Future:
        payload = _pages_encoder.encode([page for _tag, page in task])
        try:
            future = self.pool.submit(work_encoded, payload, self.timeout)
        except BrokenProcessPool:  # a worker died before its futures were collected
            self._restart()
            future = self.pool.submit(work_encoded, payload, self.timeout)
        self.pending[future] = task
        return future

    def collect(self) -> list[tuple]:
        if self.suspects and not self.pending:
            self.alone = self.submit([self.suspects.popleft()])
        done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
        results, broken = [], False
        for future in done:
            task = self.pending.pop(future)
            error = future.exception()
            died = isinstance(error, BrokenProcessPool)
            if error is None:
                results.extend(zip((tag for tag, _page in task), _prepared_decoder.decode(future.result()), strict=True))
            elif future is self.alone or (len(task) == 1 and not died):
                [(tag, page)] = task
                results.append((tag, _failure(error, page)))
            else:
                self.suspects.extend(task)
            broken = broken or died
        if broken:
            self._restart()
        return results

    def _restart(self) -> None:
        for task in self.pending.values():
            self.suspects.extend(task)
        self.pending.clear()
        self.alone = None
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _failure(error: BaseException, page: Page) -> PreparedPage:
    name = page.origin or page.key
    if isinstance(error, BrokenProcessPool):
        return prepare(failed(page, "worker", f"{name}: the worker process died while processing this page"))
    return prepare(failed(page, "internal", f"{name}: {type(error).__name__}: {error}"))


def _new_pages(
    source: Iterable[Page | SourceFailure], ledger: Ledger, summary: IngestSummary, progress: Progress
) -> Iterator[tuple[str, Page]]:
    for item in source:
        summary.seen += 1
        if isinstance(item, SourceFailure):
            ledger.record_failure(item)
            summary.note_failure(item)
            progress.advance(failed=True)
        elif ledger.has_page(item.key):
            summary.skipped += 1
            progress.advance()
        elif ledger.store_copy(item) is not None:  # the same bytes under another name: not extracted again
            summary.duplicates += 1
            progress.advance()
        else:
            yield item.key, item


def run_ingest(
    specs: Iterable[str],
    ledger: Ledger,
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    options: SourceOptions | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read every page of ``specs``, process the new ones and store them; return what was done."""
    started = time.monotonic()
    progress = progress or Progress(None, enabled=False)
    summary = IngestSummary()
    skipped: Counter = Counter()
    pages = _new_pages(iter_pages(specs, options=options, skipped=skipped), ledger, summary, progress)
    try:
        for batch in _batches(prepared for _key, prepared in processed_stream(pages, jobs=jobs, timeout=timeout)):
            for prepared, result in zip(batch, ledger.store_many(batch), strict=True):
                summary.count(result, prepared)
                progress.advance(failed=prepared.failure is not None)
    finally:
        progress.close()
    summary.skipped_records = dict(skipped)
    summary.seconds = time.monotonic() - started
    return summary


def _batches(
    prepared: Iterable[PreparedPage], *, size: int = BATCH_PAGES, seconds: float = BATCH_SECONDS
) -> Iterator[list[PreparedPage]]:
    """Prepared pages grouped for one transaction each: at most ``size`` pages, and a group is
    closed once it is ``seconds`` old when the next page arrives (so a slow source still commits)."""
    batch: list[PreparedPage] = []
    opened = 0.0
    for item in prepared:
        if not batch:
            opened = time.monotonic()
        batch.append(item)
        if len(batch) >= size or time.monotonic() - opened >= seconds:
            yield batch
            batch = []
    if batch:
        yield batch


def run_reextract(
    ledger: Ledger,
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    progress: Progress | None = None,
    outdated_only: bool = False,
    page_keys: Iterable[str] | None = None,
) -> IngestSummary:
    """Extract stored pages again (no fetching) and replace their articles and statements;
    ``outdated_only`` limits it to pages last extracted by another version, ``page_keys`` to
    the pages stored under those keys."""
    started = time.monotonic()
    progress = progress or Progress(None, enabled=False)
    summary = IngestSummary()
    if page_keys is not None:
        pages = ledger.pages_by_key(page_keys)
    else:
        pages = ledger.iter_pages(not_by=EXTRACTOR if outdated_only else None)
    for page_id, prepared in processed_stream(pages, jobs=jobs, timeout=timeout):
        summary.seen += 1
        result = ledger.replace_article(page_id, prepared)
        summary.count(result, prepared)
        progress.advance(failed=prepared.failure is not None)
    progress.close()
    summary.seconds = time.monotonic() - started
    return summary
