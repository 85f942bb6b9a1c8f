"""Untrusted pages are processed in a worker process, under a time limit.

A pathological page can then cost one worker, never the server: the worker's own timer stops
runaway Python work, a wall-clock limit here stops anything else, and a crashed or stuck
worker is replaced.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import msgspec

from newsledger.ingest import Processed
from newsledger.model import Page
from newsledger.web.errors import ApiError
from newsledger.web.submit import Extracted, FormChoice

GRACE_SECONDS = 10.0
# Submissions allowed to wait for the one worker; more are refused at once, so a flood of
# pastes cannot queue minutes of work.
MAX_WAITING = 4


def process_submitted(page: Page, form: FormChoice, seconds: float) -> Processed:
    """Runs in the worker: extract and attribute with the worker's own timer."""
    from newsledger.ingest.timeout import process_page_limited

    if form != "auto":
        page = msgspec.structs.replace(page, form=form)
    return process_page_limited(page, seconds)


def extracted_from(processed: Processed) -> Extracted:
    if processed.article is None:
        failure = processed.failure
        stage, reason = (
            (failure.stage, failure.reason) if failure else ("extract", "no article could be extracted")
        )
        raise ApiError(400, stage, reason)
    return Extracted(page=processed.page, article=processed.article, statements=processed.statements)


class PageWorker:
    """One worker process, started on first use."""

    def __init__(self, seconds: float, max_waiting: int = MAX_WAITING) -> None:
        self.seconds = seconds
        self.max_waiting = max_waiting
        self._pool: ProcessPoolExecutor | None = None
        self._in_flight = 0

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    async def extract(self, page: Page, form: FormChoice) -> Extracted:
        """The page processed in the worker; 429 when too many submissions already wait."""
        if self._in_flight > self.max_waiting:
            raise ApiError(429, "busy", "the server is processing other pages; retry in a few seconds")
        self._in_flight += 1
        try:
            return await self._extract(page, form)
        finally:
            self._in_flight -= 1

    async def _extract(self, page: Page, form: FormChoice) -> Extracted:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor(), process_submitted, page, form, self.seconds)
        try:
            processed = await asyncio.wait_for(future, self.seconds + GRACE_SECONDS)
        except TimeoutError:
            self.close(kill=True)
            raise ApiError(400, "timeout", f"processing took longer than {self.seconds:g} s") from None
        except BrokenProcessPool:
            self.close(kill=True)
            raise ApiError(400, "extract", "the page stopped the extractor; it was not processed") from None
        return extracted_from(processed)

    def close(self, *, kill: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=not kill, cancel_futures=True)
