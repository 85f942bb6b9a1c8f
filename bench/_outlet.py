"""Test outlets served on 127.0.0.1, one port standing for one host, with a request log.

Each ``OutletHost`` maps paths to ``Resource``s (body, type, validators, status, delay). Every
request is logged with its arrival time, host, path and whether it was conditional, so tests
and the ``watch`` benchmark can prove what was fetched and when. Resources with an ETag answer
``If-None-Match`` with 304; a resource can answer a fixed number of times with another status
first (a 503 with Retry-After), or redirect. Articles are generated pages with quotations, so
the pipeline stores statements from them.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTTP_DATE = "Sun, 06 Dec 2026 10:00:00 GMT"
NAMES = ("Ana Silva", "Marc Dupont", "Lena Weber", "Tomas Novak", "Ines Costa", "Pavel Horak")


@dataclass
class Resource:
    body: bytes | Callable[[], bytes] = b""
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fail_first: int = 0  # answer ``fail_status`` this many times before serving the resource
    fail_status: int = 503
    served: int = 0


@dataclass(frozen=True)
class Hit:
    """One request: its arrival and the moment its answer was ready to send (monotonic
    seconds), the client's port (its connection), what was asked and how it was answered."""

    at: float
    host: str
    path: str
    status: int
    conditional: bool
    user_agent: str
    done: float = 0.0
    client_port: int = 0


class OutletHost:
    """One host: a port on 127.0.0.1 and its resources."""

    def __init__(self, log: list[Hit], lock: threading.Lock, delay: float = 0.0) -> None:
        self.resources: dict[str, Resource] = {}
        self.dynamic: Callable[[str], Resource | None] | None = None  # resources made on request
        self.delay = delay
        self.log = log
        self.lock = lock
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.name = f"127.0.0.1:{self.port}"
        self.base = f"http://{self.name}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, resource: Resource) -> str:
        self.resources[path] = resource
        return self.url(path)


class Outlets:
    """Several hosts and one request log; use as a context manager."""

    def __init__(self) -> None:
        self.log: list[Hit] = []
        self.lock = threading.Lock()
        self.hosts: list[OutletHost] = []

    def host(self, *, delay: float = 0.0) -> OutletHost:
        host = OutletHost(self.log, self.lock, delay)
        self.hosts.append(host)
        host.thread.start()
        return host

    def __enter__(self) -> Outlets:
        return self

    def __exit__(self, *exc: object) -> None:
        for host in self.hosts:
            host.server.shutdown()
            host.server.server_close()

    def hits(self, host: OutletHost | None = None) -> list[Hit]:
        with self.lock:
            hits = [hit for hit in self.log if host is None or hit.host == host.name]
        return sorted(hits, key=lambda hit: hit.at)

    def clear(self) -> None:
        with self.lock:
            self.log.clear()


def _handler_for(host: OutletHost) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            arrived = time.monotonic()
            path = self.path
            resource = host.resources.get(path)
            if resource is None and host.dynamic is not None:
                resource = host.dynamic(path)
            conditional = "If-None-Match" in self.headers or "If-Modified-Since" in self.headers
            status, headers, body = _answer(resource, self.headers)
            pause = host.delay + (resource.delay if resource else 0.0)
            if pause:
                time.sleep(pause)
            # logged before the answer leaves, so a client holding its answer finds it in the log
            agent = self.headers.get("User-Agent", "")
            hit = Hit(
                arrived, host.name, path, status, conditional, agent, time.monotonic(), self.client_address[1]
            )
            with host.lock:
                host.log.append(hit)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _answer(resource: Resource | None, request_headers) -> tuple[int, dict[str, str], bytes]:
    if resource is None:
        return 404, {"Content-Type": "text/plain"}, b"not found"
    resource.served += 1
    if resource.served <= resource.fail_first:
        return resource.fail_status, {"Retry-After": resource.headers.get("Retry-After", "1")}, b"busy"
    headers = {"Content-Type": resource.content_type}
    headers.update({k: v for k, v in resource.headers.items() if k != "Retry-After"})
    if resource.etag:
        headers["ETag"] = resource.etag
        if request_headers.get("If-None-Match") == resource.etag:
            return 304, headers, b""
    if resource.last_modified:
        headers["Last-Modified"] = resource.last_modified
        if not resource.etag and request_headers.get("If-Modified-Since") == resource.last_modified:
            return 304, headers, b""
    body = resource.body() if callable(resource.body) else resource.body
    return resource.status, headers, body


# ------------------------------------------------------------------------------------- content


def article_html(host: str, number: int) -> bytes:
    """A small news article with two attributed quotations, distinct per host and number."""
    speaker = NAMES[number % len(NAMES)]
    other = NAMES[(number + 1) % len(NAMES)]
    day = 1 + number % 28
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Council vote {number} on {host}</title>
<meta property="article:published_time" content="2026-11-{day:02d}T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<article><h1>Council vote {number} on {host} divides the city</h1>
<p class="byline">By Staff Reporter</p>
<p>The city council met on Tuesday to debate proposal number {number}, which would change how
the harbour district is funded over the next decade and who decides on its budget.</p>
<p>"We cannot keep postponing the repairs of the harbour walls," {speaker} said at the meeting,
adding that the costs had doubled since the last survey of the district in {2000 + number % 25}.</p>
<p>{other}, who leads the opposition group, told reporters that the plan "asks residents to pay
twice for the same road" and urged the council to publish the full survey before any vote.</p>
<p>The vote on item {number} is expected next month after a public hearing in the town hall.</p>
</article><footer>Copyright City Times</footer></body></html>""".encode()


def rss(items: list[tuple[str, str]], *, title: str = "Outlet") -> bytes:
    """An RSS 2.0 feed of (url, RFC 822 date) items."""
    body = "".join(
        f'<item><title>Item {i}</title><link>{url}</link><guid isPermaLink="false">id-{i}</guid>'
        f"<pubDate>{date}</pubDate></item>"
        for i, (url, date) in enumerate(items)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.invalid/</link>{body}</channel></rss>"
    ).encode()


def atom(items: list[tuple[str, str]]) -> bytes:
    """An Atom feed of (url, ISO date) entries."""
    body = "".join(
        f'<entry><title>Entry {i}</title><link rel="alternate" href="{url}"/><id>urn:e:{i}</id>'
        f"<updated>{date}</updated><published>{date}</published></entry>"
        for i, (url, date) in enumerate(items)
    )
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>{body}</feed>'.encode()


def urlset(items: list[tuple[str, str]], *, news: bool = False) -> bytes:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    rows = []
    for url, date in items:
        extra = (
            (
                f"<news:news><news:publication><news:name>Outlet</news:name><news:language>en</news:language>"
                f"</news:publication><news:publication_date>{date}</news:publication_date>"
                f"<news:title>t</news:title></news:news>"
            )
            if news
            else f"<lastmod>{date}</lastmod>"
        )
        rows.append(f"<url><loc>{url}</loc>{extra}</url>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>'
        + "".join(rows)
        + "</urlset>"
    ).encode()


def sitemap_index(urls: list[str]) -> bytes:
    rows = "".join(f"<sitemap><loc>{url}</loc><lastmod>2026-12-01</lastmod></sitemap>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + rows
        + "</sitemapindex>"
    ).encode()


def xml_resource(body: bytes | Callable[[], bytes], tag: str, **kw) -> Resource:
    return Resource(body=body, content_type="application/xml", etag=f'"{tag}"', last_modified=HTTP_DATE, **kw)


def robots_resource(text: str) -> Resource:
    return Resource(body=text.encode(), content_type="text/plain", etag='"robots"', last_modified=HTTP_DATE)


def add_articles(host: OutletHost, numbers: range | list[int], *, prefix: str = "/news/") -> list[str]:
    """Article pages ``prefix<n>`` on ``host``; returns their URLs."""
    urls = []
    for number in numbers:
        path = f"{prefix}{number}"
        urls.append(host.add(path, Resource(body=article_html(host.name, number), etag=f'"a{number}"')))
    return urls


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ------------------------------------------------------------------------------------- scenarios

OLD_DATE = "2020-01-15"


@dataclass
class NewsScenario:
    """The outlets the watch tests and benchmark follow, with what a round must store."""

    home: OutletHost
    redirecting: OutletHost
    malformed: OutletHost
    slow: OutletHost
    busy: OutletHost
    allowed: set[str]
    disallowed: set[str]
    old: set[str]
    feeds: dict[str, str]
    crawl_delay: float


DATES = [f"Sun, 0{1 + i % 6} Dec 2026 08:00:00 GMT" for i in range(10)]
HOME_PAGE = (
    "<html><head><title>City Times</title>"
    '<link rel="alternate" type="application/rss+xml" title="All" href="/feed.rss">'
    '<link rel="alternate" type="application/atom+xml" href="{atom}">'
    '<link rel="alternate" type="application/feed+json" href="feed.json">'
    '<link rel="stylesheet" href="/style.css"><link rel="alternate" hreflang="fr" href="/fr/">'
    '</head><body><a href="/news/1">One</a></body></html>'
)


def news_scenario(
    outlets: Outlets, *, crawl_delay: float = 0.2, slow_delay: float = 0.3, retry_after: int = 2
) -> NewsScenario:
    """A home page linking RSS, Atom and JSON feeds, robots.txt with a Disallow, a Crawl-delay
    and a sitemap index holding a news sitemap; a feed that redirects, a malformed feed, a slow
    host and a host that first answers 503 with Retry-After."""
    home = outlets.host()
    news, private = _home_outlet(home, crawl_delay)
    redirecting = outlets.host()
    redirected = add_articles(redirecting, [1, 2])
    redirecting.add("/robots.txt", robots_resource("User-agent: *\nAllow: /\n"))
    redirecting.add("/feed.rss", Resource(status=301, headers={"Location": "/rss/main.xml"}))
    redirecting.add("/rss/main.xml", xml_resource(rss([(u, DATES[0]) for u in redirected]), "moved"))
    malformed = outlets.host()
    damaged = add_articles(malformed, [1, 2, 3])
    malformed.add("/robots.txt", robots_resource("User-agent: *\nDisallow:\n"))
    text = rss([(u, DATES[1]) for u in damaged])
    cut = text[: text.index(b"<item>", text.index(damaged[1].encode()))] + b"<item><link>"
    malformed.add("/bad.xml", xml_resource(cut, "bad"))
    slow = outlets.host(delay=slow_delay)
    slowly = add_articles(slow, [1, 2, 3])
    slow.add("/robots.txt", robots_resource("User-agent: *\nDisallow: /admin\n"))
    slow.add("/feed.rss", xml_resource(rss([(u, DATES[2]) for u in slowly]), "slow"))
    busy = outlets.host()
    later = add_articles(busy, [1, 2])
    busy.add("/robots.txt", robots_resource("User-agent: *\nDisallow: /tmp/\n"))
    busy_feed = rss([(u, DATES[3]) for u in later])
    busy.add(
        "/feed.rss", xml_resource(busy_feed, "busy", fail_first=1, headers={"Retry-After": str(retry_after)})
    )
    feeds = {name: home.url(path) for name, path in HOME_LISTINGS.items()}
    feeds |= {
        "redirect": redirecting.url("/feed.rss"),
        "malformed": malformed.url("/bad.xml"),
        "slow": slow.url("/feed.rss"),
        "busy": busy.url("/feed.rss"),
    }
    return NewsScenario(
        home=home,
        redirecting=redirecting,
        malformed=malformed,
        slow=slow,
        busy=busy,
        allowed=set(news[:9]) | set(redirected) | set(damaged[:2]) | set(slowly) | set(later),
        disallowed=set(private),
        old={news[9]},
        feeds=feeds,
        crawl_delay=crawl_delay,
    )


HOME_LISTINGS = {
    "rss": "/feed.rss",
    "atom": "/feed.atom",
    "json": "/feed.json",
    "index": "/sitemap-index.xml",
    "news": "/sitemap-news.xml",
    "archive": "/sitemap-archive.xml",
    "plain": "/sitemap.xml",
}


def _home_outlet(home: OutletHost, crawl_delay: float) -> tuple[list[str], list[str]]:
    """The home host's pages, feeds, sitemaps and robots.txt; returns (news, private) URLs."""
    news = add_articles(home, range(1, 11))
    private = add_articles(home, [1, 2], prefix="/private/")
    robots = f"User-agent: *\nDisallow: /private/\nCrawl-delay: {crawl_delay}\n\nSitemap: {home.url('/sitemap-index.xml')}\n"
    home.add("/robots.txt", robots_resource(robots))
    home.add("/", Resource(body=HOME_PAGE.format(atom=home.url("/feed.atom")).encode(), etag='"home"'))
    rss_items = [(news[i], DATES[i]) for i in range(4)] + [
        (private[0], DATES[0]),
        (news[0] + "?utm_source=rss#top", DATES[0]),
    ]
    home.add("/feed.rss", xml_resource(rss(rss_items), "rss"))
    home.add(
        "/feed.atom",
        xml_resource(atom([(news[i], f"2026-12-0{1 + i % 6}T08:00:00Z") for i in range(2, 6)]), "atom"),
    )
    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "T",
        "items": [
            {"id": "6", "url": news[5], "date_published": "2026-12-02T08:00:00Z"},
            {"id": "7", "url": news[6], "date_published": "2026-12-02T09:00:00Z"},
        ],
    }
    home.add(
        "/feed.json",
        Resource(body=json.dumps(json_feed).encode(), content_type="application/feed+json", etag='"json"'),
    )
    index = sitemap_index([home.url("/sitemap-news.xml"), home.url("/sitemap-archive.xml")])
    home.add("/sitemap-index.xml", xml_resource(index, "index"))
    news_items = [
        (news[7], "2026-12-03T10:00:00Z"),
        (news[8], "2026-12-04T10:00:00+02:00"),
        (private[1], "2026-12-04"),
    ]
    home.add("/sitemap-news.xml", xml_resource(urlset(news_items, news=True), "newsmap"))
    home.add("/sitemap-archive.xml", xml_resource(urlset([(news[9], OLD_DATE)]), "archive"))
    home.add("/sitemap.xml", xml_resource(urlset([(news[0], "2026-12-01")]), "plain"))
    return news, private


@dataclass
class ManyHosts:
    hosts: list[OutletHost]
    feed: str
    articles: list[str]


def many_hosts(
    outlets: Outlets,
    *,
    hosts: int = 20,
    items: int = 10_000,
    crawl_delay: float | None = None,
    private_every: int = 0,
) -> ManyHosts:
    """``hosts`` hosts serving articles ``/a/<n>`` on request, and one RSS feed of ``items``
    items on the first host, spread round-robin over all hosts; with ``private_every``, every
    such item links a page under ``/private/`` instead, which robots.txt disallows."""
    made = [outlets.host() for _ in range(hosts)]
    delay_line = f"Crawl-delay: {crawl_delay}\n" if crawl_delay else ""
    for host in made:
        host.add("/robots.txt", robots_resource(f"User-agent: *\nDisallow: /private/\n{delay_line}"))
        host.dynamic = _article_maker(host)
    articles = [
        made[i % hosts].url(
            f"/private/{i}" if private_every and i % private_every == private_every - 1 else f"/a/{i}"
        )
        for i in range(items)
    ]
    dates = [f"Sun, 0{1 + i % 6} Dec 2026 08:00:00 GMT" for i in range(6)]
    feed = made[0].add(
        "/big.xml", xml_resource(rss([(url, dates[i % 6]) for i, url in enumerate(articles)]), "big")
    )
    return ManyHosts(hosts=made, feed=feed, articles=articles)


def _article_maker(host: OutletHost) -> Callable[[str], Resource | None]:
    def make(path: str) -> Resource | None:
        number = path.removeprefix("/a/")
        if not path.startswith("/a/") or not number.isdigit():
            return None
        return Resource(body=article_html(host.name, int(number)), etag=f'"a{number}"')

    return make
