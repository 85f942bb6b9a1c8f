"""Pages fetched over HTTP(S): one URL, or a file listing URLs.

Fetching is careful by default: a user agent that names the project, connect and read timeouts, a
size limit enforced while streaming, redirects followed one hop at a time (each hop checked),
retries with exponential backoff on transient errors, a least delay between two requests to the
same host, and no requests to loopback, private, link-local or otherwise reserved addresses unless
``SourceOptions.allow_private`` is set. Every address a host name resolves to is checked, at every
hop.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import httpx

from newsledger.errors import BlockedAddressError, FetchError, SourceError
from newsledger.model import Page, SourceFailure
from newsledger.sources.keys import url_key
from newsledger.sources.options import SourceOptions

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0
Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise FetchError(f"cannot resolve host {host!r} ({err.strerror})") from None
    return sorted({info[4][0] for info in infos})


def is_public_address(address: str) -> bool:
    """False for loopback, private, link-local, multicast, reserved and unspecified addresses."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def check_url(url: str, options: SourceOptions, resolver: Resolver = system_resolver) -> None:
    """Raise unless ``url`` is http(s) and (unless allowed) every address of its host is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL", input_name=url)
    if options.allow_private:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = resolver(parts.hostname, port)
    except FetchError as err:
        raise err.for_input(url) from None
    blocked = [address for address in addresses if not is_public_address(address)]
    if blocked or not addresses:
        shown = ", ".join(blocked) or "no address"
        raise BlockedAddressError(
            f"host {parts.hostname} resolves to a non-public address ({shown}); not fetched",
            input_name=url,
        )


class Response(NamedTuple):
    """A final HTTP response: the URL it came from after redirects, status, headers, body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes


class HostClock:
    """Keeps at least ``delay`` seconds between two requests to the same host."""

    def __init__(self, delay: float, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay = delay
        self.sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            remaining = self.delay - (time.monotonic() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = time.monotonic()


class Fetcher:
    """Fetches pages with one connection pool and one politeness clock; use as a context manager."""

    def __init__(
        self,
        options: SourceOptions | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.options = options or SourceOptions()
        self.resolver = resolver
        self.clock = HostClock(self.options.host_delay)
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.options.timeout, connect=min(self.options.timeout, 10.0)),
            headers={"User-Agent": self.options.user_agent, "Accept": "text/html,*/*;q=0.5"},
            follow_redirects=False,
            transport=transport,
            trust_env=False,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Page:
        """The page at ``url`` after redirects; raises FetchError (or BlockedAddressError)."""
        response = self.request(url)
        if response.status >= 400:
            raise FetchError(f"HTTP status {response.status}", input_name=url)
        return Page(
            content=response.body,
            key=url_key(response.url, response.body),
            url=response.url,
            headers=tuple(response.headers.multi_items()),
            fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            origin=url,
        )

    def request(
        self, url: str, *, headers: dict[str, str] | None = None, retries: int | None = None,
        follow_redirects: bool = True,
    ) -> Response:
        """The final response for ``url`` after redirects, whatever its status (a 304 to a
        conditional request, a 503 once retries are spent); raises FetchError on network errors.
        Without ``follow_redirects`` a redirect is returned as it is (its ``location`` header)."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            check_url(current, self.options, self.resolver)
            status, answer, body = self._get_with_retries(current, headers, retries)
            if follow_redirects and status in REDIRECTS and "location" in answer:
                current = urljoin(current, answer["location"])
                continue
            return Response(url=current, status=status, headers=answer, body=body)
        raise FetchError(f"more than {self.options.max_redirects} redirects", input_name=url)

    def _get_with_retries(
        self, url: str, extra: dict[str, str] | None = None, retries: int | None = None
    ) -> tuple[int, httpx.Headers, bytes]:
        attempts = (self.options.retries if retries is None else retries) + 1
        for attempt in range(attempts):
            self.clock.wait(url)
            try:
                status, headers, body = self._get_once(url, extra)
            except httpx.TransportError as err:
                if attempt + 1 == attempts:
                    raise FetchError(f"network error ({type(err).__name__}: {err})", input_name=url) from None
                time.sleep(self.options.backoff * 2**attempt)
                continue
            if status in RETRY_STATUSES and attempt + 1 < attempts:
                time.sleep(_retry_delay(headers, self.options.backoff * 2**attempt))
                continue
            return status, headers, body
        raise FetchError("no attempt made", input_name=url)  # unreachable: attempts >= 1

    def _get_once(self, url: str, extra: dict[str, str] | None = None) -> tuple[int, httpx.Headers, bytes]:
        limit = self.options.max_bytes
        with self.client.stream("GET", url, headers=extra) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"larger than {limit} bytes (Content-Length {declared})", input_name=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"larger than {limit} bytes", input_name=url)
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)


def _retry_delay(headers: httpx.Headers, default: float) -> float:
    value = headers.get("retry-after", "")
    return min(float(value), MAX_RETRY_AFTER) if value.isdigit() else default


def fetch_page(url: str, options: SourceOptions | None = None) -> Page:
    """Fetch one page (see :class:`Fetcher` for the rules it follows)."""
    with Fetcher(options) as fetcher:
        return fetcher.fetch(url)


def iter_urls(
    urls: Iterable[str], options: SourceOptions, *, fetcher: Fetcher | None = None
) -> Iterator[Page | SourceFailure]:
    """Each URL fetched in turn; a URL that cannot be fetched yields a SourceFailure."""
    own = fetcher is None
    fetcher = fetcher or Fetcher(options)
    try:
        for url in urls:
            try:
                yield fetcher.fetch(url)
            except SourceError as err:
                yield SourceFailure(input=url, stage=err.stage, reason=str(err))
    finally:
        if own:
            fetcher.close()


def read_url_list(path: str | Path) -> Iterator[str]:
    """The URLs of a list file: one a line, blank lines and ``#`` comments skipped."""
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                url = line.strip()
                if url and not url.startswith("#"):
                    yield url
    except OSError as err:
        raise SourceError(f"cannot read the URL list ({err.strerror})", input_name=str(path)) from None


def iter_url_list(path: str | Path, options: SourceOptions) -> Iterator[Page | SourceFailure]:
    try:
        yield from iter_urls(read_url_list(path), options)
    except SourceError as err:
        yield SourceFailure(input=str(path), stage=err.stage, reason=str(err))
