"""Polite fetching across many hosts at once: robots.txt obeyed (Crawl-delay too), one request
at a time per host with a least delay between two, every request through the project's
``Fetcher`` (user agent, size limit, address checks, retries honouring Retry-After).

A few threads serve all hosts: each takes the host whose turn comes first, waits for it, makes
one request and gives the host back, so a slow host holds one thread and delays no other host.
Outcomes go to a bounded queue: when the consumer falls behind, fetching waits, and memory stays
flat however many URLs are queued.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from collections import deque
from typing import Any, NamedTuple
from urllib.parse import urljoin

import msgspec

from newsledger.errors import BlockedAddressError, FetchError, NewsledgerError
from newsledger.follow.robots import ALLOW_ALL, DISALLOW_ALL, Robots, parse_robots
from newsledger.follow.state import HostRobots
from newsledger.follow.urlnorm import host_of
from newsledger.ledger.db import now
from newsledger.sources.options import SourceOptions
from newsledger.sources.urls import REDIRECTS, Fetcher, Response

MAX_CRAWL_DELAY = 60.0
ABSENT_ROBOTS_KEPT = 24 * 3600.0  # RFC 9309 lets a crawler keep a robots.txt answer for a day
RESULTS_WAITING = 64


class Job(NamedTuple):
    """A URL to fetch; ``tag`` comes back with its outcome; ``hops`` counts redirects so far."""

    tag: Any
    url: str
    headers: dict[str, str] | None = None
    retries: int | None = None
    hops: int = 0


class Outcome(NamedTuple):
    """What became of a job: a response, an error, or ``disallowed`` (no request was made)."""

    job: Job
    response: Response | None = None
    error: NewsledgerError | None = None
    disallowed: bool = False


class _Host(msgspec.Struct):
    name: str
    jobs: deque = msgspec.field(default_factory=deque)
    busy: bool = False
    ready_at: float = 0.0
    robots: Robots | None = None
    delay: float = 0.0


class PolitePool:
    """Fetch jobs politely on ``threads`` threads; read outcomes with :meth:`next_outcome`."""

    def __init__(
        self,
        options: SourceOptions,
        robots_cache: dict[str, HostRobots],
        *,
        threads: int = 16,
        stop: threading.Event | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.options = options
        self.robots_cache = robots_cache
        self.stop = stop or threading.Event()
        self.fetcher = fetcher or Fetcher(msgspec.structs.replace(options, host_delay=0.0))
        self.hosts: dict[str, _Host] = {}
        self.lock = threading.Condition()
        self.results: queue.Queue[Outcome] = queue.Queue(RESULTS_WAITING)
        self.queued = 0
        self.active = 0
        self.closed = False
        self.threads = [threading.Thread(target=self._serve, daemon=True) for _ in range(threads)]
        for thread in self.threads:
            thread.start()

    def __enter__(self) -> PolitePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def outstanding(self) -> int:
        """Jobs queued or being fetched, plus outcomes not yet read."""
        with self.lock:
            return self.queued + self.active + self.results.qsize()

    def submit(self, job: Job) -> None:
        name = host_of(job.url)
        with self.lock:
            host = self.hosts.get(name)
            if host is None:
                host = self.hosts[name] = _Host(name=name, delay=self.options.host_delay)
            host.jobs.append(job)
            self.queued += 1
            self.lock.notify()

    def next_outcome(self, timeout: float = 0.2) -> Outcome | None:
        try:
            return self.results.get(timeout=timeout)
        except queue.Empty:
            return None

    def drop_queued(self) -> int:
        """Forget every job not yet started (on stop); return how many."""
        with self.lock:
            dropped = self.queued
            for host in self.hosts.values():
                host.jobs.clear()
            self.queued = 0
            return dropped

    def close(self) -> None:
        with self.lock:
            self.closed = True
            self.lock.notify_all()
        self.drop_queued()
        while True:  # let threads blocked on a full results queue finish
            try:
                self.results.get_nowait()
            except queue.Empty:
                break
        for thread in self.threads:
            thread.join(timeout=1.0)
        self.fetcher.close()

    def _serve(self) -> None:
        while True:
            host, job = self._take()
            if host is None:
                return
            try:
                outcome = self._run(host, job)
            finally:
                with self.lock:
                    host.busy = False
                    host.ready_at = time.monotonic() + host.delay
                    self.lock.notify_all()
            if isinstance(outcome, Job):
                self.submit(outcome)  # redirected to another host: it waits for that host's turn
            else:
                self.results.put(outcome)
            with self.lock:
                self.active -= 1

    def _take(self) -> tuple[_Host | None, Job | None]:
        """The next job whose host is free and whose turn has come; waits for one."""
        with self.lock:
            while not self.closed:
                free = [h for h in self.hosts.values() if h.jobs and not h.busy]
                if free and not self.stop.is_set():
                    host = min(free, key=lambda h: h.ready_at)
                    wait = host.ready_at - time.monotonic()
                    if wait <= 0:
                        host.busy = True
                        self.queued -= 1
                        self.active += 1
                        return host, host.jobs.popleft()
                    self.lock.wait(min(wait, 0.5))
                else:
                    self.lock.wait(0.5)
            return None, None

    def _run(self, host: _Host, job: Job) -> Outcome | Job:
        try:
            if host.robots is None:
                self._load_robots(host, job.url)
                if not job.url.endswith("/robots.txt"):
                    self._pause(host)
            if not host.robots.allows(job.url):
                return Outcome(job, disallowed=True)
            followed = self._follow(host, job)
            return followed if isinstance(followed, Job) else Outcome(job, response=followed)
        except NewsledgerError as err:
            return Outcome(job, error=err)
        except Exception as err:  # a fetch bug costs one URL, never the round
            return Outcome(job, error=FetchError(f"{type(err).__name__}: {err}", input_name=job.url))

    def _follow(self, host: _Host, job: Job) -> Response | Job:
        """The job's response after redirects. A hop within the host obeys its robots.txt and
        waits the host's delay again; a hop to another host becomes a job of that host (its
        robots.txt and its turn), returned to be queued."""
        url = job.url
        for hop in range(job.hops, self.options.max_redirects + 1):
            response = self.fetcher.request(
                url, headers=job.headers, retries=job.retries, follow_redirects=False
            )
            location = response.headers.get("location")
            if response.status not in REDIRECTS or not location:
                return response
            url = urljoin(url, location)
            if host_of(url) != host.name:
                return job._replace(url=url, hops=hop + 1)
            if not host.robots.allows(url):
                raise FetchError("redirected to a URL robots.txt disallows", input_name=job.url)
            self._pause(host)
        raise FetchError(f"more than {self.options.max_redirects} redirects", input_name=job.url)

    def _pause(self, host: _Host) -> None:
        """The least delay after the robots.txt request, before the job's own request."""
        deadline = time.monotonic() + host.delay
        while not self.stop.is_set() and (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, 0.2))

    def _load_robots(self, host: _Host, url: str) -> None:
        """Read the host's robots.txt and set the host's rules and delay from it."""
        host.robots = self._robots_of(host.name, url)
        if host.robots.crawl_delay:
            host.delay = max(host.delay, min(host.robots.crawl_delay, MAX_CRAWL_DELAY))

    def _robots_of(self, name: str, url: str) -> Robots:
        """The rules of a host's robots.txt, asked for conditionally with the cached validators.
        A missing one (4xx) allows everything and is not asked for again within a day; an
        unreachable one (5xx, no answer) disallows everything for this round (RFC 9309)."""
        scheme, _, authority = url.split("/", 3)[:3]
        cached = self.robots_cache.get(name)
        if (
            cached is not None
            and cached.robots is None
            and _younger_than(cached.fetched_at, ABSENT_ROBOTS_KEPT)
        ):
            return ALLOW_ALL
        known = cached is not None and cached.robots is not None
        headers = _conditional(cached.etag, cached.last_modified) if known else None
        try:
            response = self.fetcher.request(f"{scheme}//{authority}/robots.txt", headers=headers, retries=0)
        except BlockedAddressError:
            raise  # the job's own request would be refused the same way: say so
        except NewsledgerError:
            return DISALLOW_ALL
        if response.status == 304 and known:
            return parse_robots(cached.robots or "", self.options.user_agent)
        if response.status < 300:
            text = response.body.decode("utf-8", "replace")
            self.robots_cache[name] = HostRobots(
                host=name,
                robots=text,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                fetched_at=now(),
            )
            return parse_robots(text, self.options.user_agent)
        if 400 <= response.status < 500 and response.status != 429:
            self.robots_cache[name] = HostRobots(host=name, robots=None, fetched_at=now())
            return ALLOW_ALL
        return DISALLOW_ALL


def _younger_than(stamp: str | None, seconds: float) -> bool:
    if not stamp:
        return False
    try:
        age = dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(stamp)
    except ValueError:
        return False
    return age.total_seconds() < seconds


def _conditional(etag: str | None, last_modified: str | None) -> dict[str, str] | None:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers or None


conditional_headers = _conditional
