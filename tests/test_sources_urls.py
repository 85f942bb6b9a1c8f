"""URL fetching against a local HTTP server, and the refusal of non-public addresses by default."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest
from tests.ledgerkit import article_html

from newsledger.errors import BlockedAddressError, FetchError
from newsledger.model import Page, SourceFailure
from newsledger.sources import SourceOptions, iter_pages
from newsledger.sources.urls import Fetcher, HostClock, fetch_page, is_public_address

LOCAL = SourceOptions(allow_private=True, host_delay=0.0, backoff=0.01, timeout=5.0)


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}
    agents: ClassVar[list[str]] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/page":
            self._send(200, article_html(7), "text/html; charset=utf-8")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/flaky":
            if Handler.hits[self.path] < 3:
                self._send(503, b"busy", "text/plain")
            else:
                self._send(200, article_html(8), "text/html")
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 50_000 + b"</p>", "text/html")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_page_from_a_local_server_when_allowed(server):
    page = fetch_page(f"{server}/page", LOCAL)
    assert page.content == article_html(7)
    assert page.url == f"{server}/page" and page.key.startswith(f"{server}/page#")
    assert dict((k.lower(), v) for k, v in page.headers)["content-type"] == "text/html; charset=utf-8"
    assert Handler.agents[-1].startswith("newsledger/")


def test_redirects_are_followed_and_the_final_url_kept(server):
    page = fetch_page(f"{server}/redirect", LOCAL)
    assert page.url == f"{server}/page" and page.origin == f"{server}/redirect"


def test_redirect_loops_stop(server):
    with pytest.raises(FetchError, match="redirects"):
        fetch_page(f"{server}/loop", LOCAL)


def test_transient_errors_are_retried_with_backoff(server):
    page = fetch_page(f"{server}/flaky", LOCAL)
    assert page.content == article_html(8) and Handler.hits["/flaky"] == 3


def test_http_errors_and_oversized_pages_fail(server):
    with pytest.raises(FetchError, match="HTTP status 404"):
        fetch_page(f"{server}/absent", LOCAL)
    small = SourceOptions(allow_private=True, host_delay=0.0, max_bytes=10_000)
    with pytest.raises(FetchError, match="larger than 10000 bytes"):
        fetch_page(f"{server}/big", small)


def test_url_list_through_iter_pages(server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server}/page\n{server}/absent\n")
    items = list(iter_pages([f"@{listing}"], options=LOCAL))
    assert isinstance(items[0], Page) and isinstance(items[1], SourceFailure)
    assert items[1].stage == "fetch" and "404" in items[1].reason


def test_local_server_is_refused_by_default(server):
    with pytest.raises(BlockedAddressError, match="non-public address"):
        fetch_page(f"{server}/page")
    with pytest.raises(BlockedAddressError):
        fetch_page(f"http://localhost:{server.rsplit(':', 1)[1]}/page")
    [item] = iter_pages([f"{server}/page"])
    assert isinstance(item, SourceFailure) and "non-public" in item.reason


def test_a_redirect_to_a_private_address_is_refused():
    def transport(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://10.1.2.3/admin"})
        return httpx.Response(200, text="secret")

    def resolver(host, port):
        return {"news.example": ["93.184.216.34"], "10.1.2.3": ["10.1.2.3"]}[host]

    options = SourceOptions(host_delay=0.0)
    fetcher = Fetcher(options, transport=httpx.MockTransport(transport), resolver=resolver)
    with fetcher, pytest.raises(BlockedAddressError, match=r"10\.1\.2\.3"):
        fetcher.fetch("http://news.example/story")


def test_a_host_with_any_private_address_is_refused():
    def resolver(host, port):
        return ["93.184.216.34", "192.168.1.5"]

    fetcher = Fetcher(SourceOptions(host_delay=0.0), resolver=resolver)
    with fetcher, pytest.raises(BlockedAddressError, match=r"192\.168\.1\.5"):
        fetcher.fetch("http://mixed.example/")


@pytest.mark.parametrize(
    ("address", "public"),
    [("8.8.8.8", True), ("2606:4700::1111", True), ("127.0.0.1", False), ("10.0.0.1", False),
     ("172.16.5.4", False), ("192.168.0.1", False), ("169.254.169.254", False), ("::1", False),
     ("fe80::1", False), ("::ffff:127.0.0.1", False), ("fd00::1", False), ("0.0.0.0", False),
     ("100.64.0.1", False), ("224.0.0.1", False)],
)
def test_public_addresses(address, public):
    assert is_public_address(address) is public


def test_non_http_urls_are_refused():
    with pytest.raises(FetchError, match="not an http"):
        fetch_page("file:///etc/passwd")


def test_host_clock_keeps_the_delay_per_host():
    slept: list[float] = []
    clock = HostClock(1.0, sleep=slept.append)
    clock.wait("http://a.example/1")
    clock.wait("http://b.example/1")
    clock.wait("http://a.example/2")
    assert len(slept) == 1 and 0.9 < slept[0] <= 1.0
