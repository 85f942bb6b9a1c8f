"""A watch round: poll the sources, then fetch, extract, attribute and store the new articles.

1. Every source not backing off is polled with a conditional request (ETag, Last-Modified). A
   listing that changed is read; its URLs are normalised, kept when inside the date window,
   skipped when already found or stored, and written as *pending* together with the listing's
   new validators (one transaction). A sitemap index adds the sitemaps it lists as sources,
   which the same round then polls.
2. The pending URLs are fetched politely (``polite.py``), run through the ``ingest`` pipeline
   (``processed_stream``: worker processes extract and attribute) and stored by this process,
   the single writer, each batch followed by the URLs' new state.

Killed at any point, the next round finds the pending URLs still pending and the listings read
so far marked read: it ends with the ledger a clean run would have given. A stop request (the
``stop`` event, set by SIGTERM) lets the pages in hand be stored and ends the round.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from email.utils import parsedate_to_datetime

import msgspec

from newsledger.counts import counted
from newsledger.errors import ListingError
from newsledger.follow import state
from newsledger.follow.dates import on_or_after
from newsledger.follow.discover import Found, kind_of_listing
from newsledger.follow.listings import read_entries
from newsledger.follow.polite import Job, Outcome, PolitePool, conditional_headers
from newsledger.follow.state import PendingUrl, SourceRecord
from newsledger.follow.urlnorm import normalize_url
from newsledger.ingest.local import DEFAULT_TIMEOUT, processed_stream
from newsledger.ledger import Ledger, StoreResult
from newsledger.ledger.rows import PreparedPage
from newsledger.model import Page, SourceFailure
from newsledger.sources.keys import url_key
from newsledger.sources.options import SourceOptions
from newsledger.sources.urls import RETRY_STATUSES

BACKOFF_BASE = 60.0
BACKOFF_MAX = 6 * 3600.0
IN_FLIGHT_URLS = 400
BATCH_PAGES = 16
MAX_INDEX_DEPTH = 3


class WatchOptions(msgspec.Struct, kw_only=True):
    """How a watch round runs. ``every`` (seconds) sets when a healthy source is next due;
    ``since`` (ISO date) leaves out entries dated before it; ``backoff`` is the first wait after
    a failed poll, doubled at each further failure up to ``backoff_max``."""

    sources: SourceOptions = msgspec.field(default_factory=SourceOptions)
    since: str | None = None
    every: float = 900.0
    jobs: int = 1
    timeout: float | None = DEFAULT_TIMEOUT
    threads: int = 16
    backoff: float = BACKOFF_BASE
    backoff_max: float = BACKOFF_MAX


class RoundSummary(msgspec.Struct, kw_only=True):
    polled: int = 0
    unchanged: int = 0
    poll_failures: int = 0
    found: int = 0
    fetched: int = 0
    stored: int = 0
    already: int = 0
    disallowed: int = 0
    failed: int = 0
    statements: int = 0
    stopped: bool = False
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        return (
            f"{counted(self.polled, 'source')} polled ({self.unchanged} unchanged, {self.poll_failures} failed), "
            f"{counted(self.found, 'new URL')}; {self.fetched} fetched, {self.stored} stored ({rate:.1f}/s), "
            f"{self.already} already stored, {self.disallowed} disallowed by robots.txt, {self.failed} failed; "
            f"{counted(self.statements, 'statement')} in {self.seconds:.1f} s" + (" (stopped)" if self.stopped else "")
        )


def run_round(
    ledger: Ledger,
    options: WatchOptions | None = None,
    *,
    stop: threading.Event | None = None,
) -> RoundSummary:
    """One round over every source of the ledger; returns what it did. Setting ``stop`` ends
    the round once the pages in hand are stored."""
    options = options or WatchOptions()
    stop = stop or threading.Event()
    started = time.monotonic()
    summary = RoundSummary()
    robots = state.load_robots(ledger)
    pool = PolitePool(options.sources, robots, threads=options.threads, stop=stop)
    try:
        _poll_all(ledger, pool, options, summary, stop)
        _fetch_pending(ledger, pool, options, summary, stop)
    finally:
        pool.close()
        state.save_robots(ledger, robots.values())
    summary.stopped = stop.is_set()
    summary.seconds = time.monotonic() - started
    return summary


# ---------------------------------------------------------------------------------- polling


def _poll_all(ledger: Ledger, pool: PolitePool, options: WatchOptions, summary: RoundSummary, stop) -> None:
    polled: set[int] = set()
    for _ in range(MAX_INDEX_DEPTH + 1):
        due = [s for s in state.due_sources(ledger, state.later(0)) if s.id not in polled]
        if not due or stop.is_set():
            return
        for source in due:
            polled.add(source.id)
            pool.submit(
                Job(
                    tag=source,
                    url=source.url,
                    headers=conditional_headers(source.etag, source.last_modified),
                    retries=0,
                )
            )
        waiting = len(due)
        while waiting and not (stop.is_set() and pool.outstanding == 0):
            outcome = pool.next_outcome()
            if outcome is not None:
                waiting -= 1
                _record_poll(ledger, outcome, options, summary)


def _record_poll(ledger: Ledger, outcome: Outcome, options: WatchOptions, summary: RoundSummary) -> None:
    source: SourceRecord = outcome.job.tag
    summary.polled += 1
    response = outcome.response
    if outcome.disallowed or outcome.error is not None or response is None:
        reason = "disallowed by robots.txt" if outcome.disallowed else str(outcome.error)
        _failed_poll(ledger, source, None, reason, _backoff(source, options), summary)
    elif response.status == 304:
        summary.unchanged += 1
        state.record_listing(
            ledger, source, (), validators=None, status=304, next_poll=state.later(options.every)
        )
    elif response.status >= 400:
        wait = max(_backoff(source, options), _retry_after(response.headers.get("retry-after")))
        _failed_poll(ledger, source, response.status, f"HTTP status {response.status}", wait, summary)
    else:
        _read_listing(ledger, source, response, options, summary)


def _failed_poll(ledger, source: SourceRecord, status: int | None, reason: str, wait: float, summary) -> None:
    summary.poll_failures += 1
    state.record_failure(ledger, source, status, reason, state.later(wait))


def _read_listing(
    ledger: Ledger, source: SourceRecord, response, options: WatchOptions, summary: RoundSummary
) -> None:
    damage: list[str] = []
    children: list[Found] = []
    # A damaged listing keeps its validators too: read again unchanged, it would break at the
    # same place; the entries before the damage are stored and the damage is recorded. The
    # sitemaps an index lists are stored with it: marked read, it must not lose them.
    urls = _listed_urls(response.body, response.url, options.since, damage, children, source)
    summary.found += state.record_listing(
        ledger,
        source,
        urls,
        validators=(response.headers.get("etag"), response.headers.get("last-modified")),
        status=response.status,
        next_poll=state.later(options.every),
        kind=kind_of_listing(response.body) if source.via == "index" else None,
        children=children,
    )
    if damage:
        summary.poll_failures += 1
        state.record_damage(ledger, source, damage[0])
        ledger.record_failure(SourceFailure(input=source.url, stage="listing", reason=damage[0]))


def _listed_urls(
    body: bytes, base: str, since: str | None, damage: list[str], children: list[Found], source: SourceRecord
) -> Iterator[tuple[str, str | None]]:
    """The article URLs of a listing, normalised and inside the window; sitemaps an index lists
    go to ``children``; damage is noted in ``damage`` after the entries before it."""
    try:
        for entry in read_entries(body, name=source.url):
            url = normalize_url(entry.url, base)
            if url is None or not on_or_after(entry.published, since):
                continue
            if entry.listing:
                children.append(Found(url=url, kind="sitemap", via="index", parent=source.url))
            else:
                yield url, entry.published
    except ListingError as err:
        damage.append(str(err))


def _backoff(source: SourceRecord, options: WatchOptions) -> float:
    return min(options.backoff * 2**source.failures, options.backoff_max)


def _retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (a number or an HTTP date); 0 when absent."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError):
        return 0.0


# ---------------------------------------------------------------------------------- articles


def _fetch_pending(
    ledger: Ledger, pool: PolitePool, options: WatchOptions, summary: RoundSummary, stop
) -> None:
    pages = _fetched_pages(ledger, pool, summary, stop)
    stream = processed_stream(pages, jobs=options.jobs, timeout=options.timeout)
    for batch in _batches(stream):
        # The URLs are marked done in the transaction that stores their pages: a kill between
        # the two would leave stored pages whose URLs a rerun takes for already known.
        def finish(results: list[StoreResult], batch=batch) -> None:
            outcomes = []
            for (url_id, prepared), result in zip(batch, results, strict=True):
                if prepared.failure is not None and result.article_id is None:
                    outcomes.append((url_id, "failed", prepared.page.key, prepared.failure.reason))
                else:
                    outcomes.append((url_id, "stored", prepared.page.key, None))
            state.finish_urls_in_transaction(ledger, outcomes)

        results = ledger.store_many([prepared for _tag, prepared in batch], then=finish)
        for (_url_id, prepared), result in zip(batch, results, strict=True):
            summary.stored += result.stored
            summary.already += not result.stored
            summary.statements += result.statements if result.stored else 0
            summary.failed += prepared.failure is not None and result.article_id is None


def _fetched_pages(
    ledger: Ledger, pool: PolitePool, summary: RoundSummary, stop
) -> Iterator[tuple[int, Page]]:
    """Pages of the pending URLs as they arrive; URLs that yield none are settled here."""
    after = 0
    exhausted = False
    while True:
        if not exhausted and not stop.is_set() and pool.outstanding < IN_FLIGHT_URLS // 2:
            batch = state.pending_urls(ledger, after=after, limit=IN_FLIGHT_URLS)
            exhausted = len(batch) < IN_FLIGHT_URLS
            after = batch[-1].id if batch else after
            _submit_unknown(ledger, pool, batch)
        if stop.is_set():
            pool.drop_queued()
        if (exhausted or stop.is_set()) and pool.outstanding == 0:
            return
        outcome = pool.next_outcome()
        if outcome is None:
            continue
        page = _page_or_settle(ledger, outcome, summary)
        if page is not None:
            yield outcome.job.tag.id, page


def _submit_unknown(ledger: Ledger, pool: PolitePool, batch: list[PendingUrl]) -> None:
    known = []
    for pending in batch:
        stored = ledger.db.fetchone("SELECT key FROM pages WHERE url = ? LIMIT 1", (pending.url,))
        if stored:
            known.append((pending.id, "known", stored[0], None))
        else:
            pool.submit(Job(tag=pending, url=pending.url))
    if known:
        state.finish_urls(ledger, known)


def _page_or_settle(ledger: Ledger, outcome: Outcome, summary: RoundSummary) -> Page | None:
    pending: PendingUrl = outcome.job.tag
    response = outcome.response
    if outcome.disallowed:
        summary.disallowed += 1
        state.finish_urls(ledger, [(pending.id, "disallowed", None, "disallowed by robots.txt")])
        return None
    if response is not None and response.status < 400:
        summary.fetched += 1
        return Page(
            content=response.body,
            key=url_key(response.url, response.body),
            url=response.url,
            headers=tuple(response.headers.multi_items()),
            fetched_at=state.later(0),
            origin=pending.url,
        )
    reason = str(outcome.error) if outcome.error else f"{pending.url}: HTTP status {response.status}"
    summary.failed += 1
    ledger.record_failure(SourceFailure(input=pending.url, stage="fetch", reason=reason))
    passing = outcome.error is not None or response.status in RETRY_STATUSES
    state.finish_urls(ledger, [(pending.id, "retry" if passing else "failed", None, reason)])
    return None


def _batches(stream: Iterable[tuple[int, PreparedPage]]) -> Iterator[list[tuple[int, PreparedPage]]]:
    batch: list[tuple[int, PreparedPage]] = []
    opened = time.monotonic()
    for item in stream:
        if not batch:
            opened = time.monotonic()
        batch.append(item)
        if len(batch) >= BATCH_PAGES or time.monotonic() - opened >= 1.0:
            yield batch
            batch = []
    if batch:
        yield batch
