"""Part 2 of ``python -m bench watch``: newsledger's feed, sitemap, robots.txt and URL readers
against the field's libraries, on correctness cases and on speed."""

from __future__ import annotations

import importlib.util
import urllib.robotparser
from collections.abc import Callable

from bench._outlet import atom, rss, sitemap_index, urlset
from bench.common import median, table, timed_passes

UA = "newsledger"


def interleaved(runs: dict[str, Callable[[], object]], passes: int) -> dict[str, float]:
    """Median seconds of each run, the runs taking turns pass after pass (so a change in the
    machine's load falls on all of them alike)."""
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(passes):
        for name, run in runs.items():
            seconds[name] += timed_passes(run, 1)
    return {name: median(values) for name, values in seconds.items()}


def _available(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


# ------------------------------------------------------------------------------------ feeds


def _cut_in_third_link() -> bytes:
    """A feed cut off inside its third item's link: two whole items, one broken URL."""
    text = rss([("https://e.com/7", ""), ("https://e.com/8", ""), ("https://e.com/90", "")])
    return text[: text.index(b"https://e.com/90") + 15]


FEED_CASES = {
    "RSS 2.0": (
        rss([("https://e.com/1", "Tue, 01 Dec 2026 08:00:00 GMT"), ("https://e.com/2", "")]),
        {"https://e.com/1", "https://e.com/2"},
    ),
    "Atom": (atom([("https://e.com/3", "2026-12-01T08:00:00Z")]), {"https://e.com/3"}),
    "RSS 1.0 (RDF)": (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
        b'<channel rdf:about="https://e.com/"><title>t</title><link>https://e.com/</link></channel>'
        b'<item rdf:about="https://e.com/4"><title>a</title><link>https://e.com/4</link></item></rdf:RDF>',
        {"https://e.com/4"},
    ),
    "JSON Feed": (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "1", "url": "https://e.com/5"}]}',
        {"https://e.com/5"},
    ),
    "guid permalink, no link": (
        b'<rss version="2.0"><channel><title>t</title><item><guid>https://e.com/6</guid></item></channel></rss>',
        {"https://e.com/6"},
    ),
    "cut inside the 3rd link": (
        _cut_in_third_link(),
        {"https://e.com/7", "https://e.com/8"},
    ),
}


def newsledger_feed(content: bytes) -> list[str]:
    from newsledger.errors import ListingError
    from newsledger.follow.listings import read_entries

    urls = []
    try:
        for entry in read_entries(content):
            urls.append(entry.url)
    except ListingError:
        pass
    return urls


def feedparser_feed(content: bytes) -> list[str]:
    import feedparser

    parsed = feedparser.parse(content)
    return [entry.get("link") for entry in parsed.entries if entry.get("link")]


def trafilatura_feed(content: bytes) -> list[str]:
    from trafilatura.feeds import FeedParameters, extract_links

    params = FeedParameters("https://e.com/", "e.com", "https://e.com/", external=True)
    return extract_links(content.decode("utf-8", "replace"), params)


FEED_READERS = {
    "newsledger": (newsledger_feed, None),
    "feedparser": (feedparser_feed, "feedparser"),
    "trafilatura.feeds": (trafilatura_feed, "trafilatura"),
}


def feeds(passes: int) -> None:
    readers = {
        name: fn for name, (fn, module) in FEED_READERS.items() if module is None or _available(module)
    }
    rows = []
    for case, (content, expected) in FEED_CASES.items():
        row = [case]
        for fn in readers.values():
            try:
                found = set(fn(content))
            except Exception as err:  # a library's failure is a result here
                row.append(f"error: {type(err).__name__}")
                continue
            row.append(
                "all"
                if found == expected
                else f"{len(found & expected)}/{len(expected)}, {len(found - expected)} extra"
            )
        rows.append(row)
    print("\n### Feeds: URLs read per case\n")
    print(table(["case", *readers], rows))
    big = rss([(f"https://e.com/a/{i}", "Tue, 01 Dec 2026 08:00:00 GMT") for i in range(10_000)])
    times = {name: [] for name in readers}
    for _ in range(passes):
        for name, fn in readers.items():
            times[name] += timed_passes(lambda fn=fn: fn(big), 1)
    print(f"\nRSS of 10,000 items ({len(big) / 1e6:.1f} MB), median of {passes} passes:\n")
    print(
        table(
            ["reader", "seconds", "items/s", "URLs"],
            [
                (name, median(t), round(10_000 / median(t)), len(readers[name](big)))
                for name, t in times.items()
            ],
        )
    )


# ----------------------------------------------------------------------------------- sitemaps


def sitemaps(passes: int) -> None:
    big = urlset([(f"https://e.com/s/{i}", "2026-12-01") for i in range(50_000)])
    news = urlset([(f"https://e.com/n/{i}", "2026-12-01T10:00:00Z") for i in range(1000)], news=True)
    readers = {"newsledger": newsledger_feed}
    if _available("trafilatura"):
        readers["trafilatura.sitemaps"] = trafilatura_sitemap
    rows = []
    times = interleaved({name: (lambda fn=fn: fn(big)) for name, fn in readers.items()}, passes)
    for name, fn in readers.items():
        index = sorted(fn(sitemap_index(["https://e.com/s1.xml", "https://e.com/s2.xml"])))
        rows.append((name, times[name], round(50_000 / times[name]), len(fn(big)), len(fn(news)), len(index)))
    print("\n### Sitemaps: a urlset of 50,000 URLs, a news sitemap of 1,000, an index of 2\n")
    print(
        table(
            [
                "reader",
                "seconds (50,000)",
                "URLs/s",
                "URLs (50,000)",
                "news URLs (1,000)",
                "index entries (2)",
            ],
            rows,
        )
    )


def trafilatura_sitemap(content: bytes) -> list[str]:
    from trafilatura.sitemaps import SitemapObject

    sitemap = SitemapObject("https://e.com/", "e.com", [], external=True)
    sitemap.content = content.decode("utf-8")
    sitemap.current_url = "https://e.com/sitemap.xml"
    sitemap.process()
    return list(sitemap.urls) + list(sitemap.sitemap_urls)


# ------------------------------------------------------------------------------------- robots

ROBOTS = """User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?
Disallow: /*/print
Crawl-delay: 2
"""
ROBOTS_CASES = {
    "/": True,
    "/private/x": False,
    "/private/open/1": True,
    "/a.pdf": False,
    "/a.pdf?x=1": True,
    "/search?q=1": False,
    "/searching": True,
    "/news/print": False,
    "/news/printer": False,
    "/print": True,
}


def newsledger_robots():
    from newsledger.follow.robots import parse_robots

    robots = parse_robots(ROBOTS, UA)
    return lambda url: robots.allows(url)


def protego_robots():
    from protego import Protego

    robots = Protego.parse(ROBOTS)
    return lambda url: robots.can_fetch(url, UA)


def stdlib_robots():
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(ROBOTS.splitlines())
    return lambda url: parser.can_fetch(UA, url)


def robots(passes: int) -> None:
    makers = {"newsledger": newsledger_robots, "urllib.robotparser": stdlib_robots}
    if _available("protego"):
        makers["protego"] = protego_robots
    urls = [f"https://e.com{path}" for path in ROBOTS_CASES] * 1000
    checkers = {name: make() for name, make in makers.items()}
    times = interleaved(
        {name: (lambda a=allows: [a(u) for u in urls]) for name, allows in checkers.items()}, passes
    )
    rows = []
    for name, allows in checkers.items():
        right = sum(allows(f"https://e.com{path}") == expected for path, expected in ROBOTS_CASES.items())
        rows.append((name, f"{right}/{len(ROBOTS_CASES)}", round(len(urls) / times[name])))
    print("\n### robots.txt: RFC 9309 cases (wildcards, $, longest match) and checks per second\n")
    print(table(["reader", "right", "checks/s"], rows))


# --------------------------------------------------------------------------------------- URLs

URL_CASES = {
    "https://e.com/a?utm_source=x&utm_medium=y&id=3#c": "https://e.com/a?id=3",
    "HTTPS://E.COM:443/a": "https://e.com/a",
    "https://e.com/a?fbclid=1": "https://e.com/a",
    "https://e.com/a?gclid=1&page=2": "https://e.com/a?page=2",
    "https://e.com/caf%c3%a9": "https://e.com/caf%C3%A9",
    "https://e.com/a?mc_cid=1&mc_eid=2": "https://e.com/a",
}


def newsledger_url(url: str) -> str | None:
    from newsledger.follow.urlnorm import normalize_url

    return normalize_url(url)


def courlan_url(url: str) -> str | None:
    from courlan import normalize_url

    return normalize_url(url, strict=True)


def urls(passes: int) -> None:
    cleaners = {"newsledger": newsledger_url}
    if _available("courlan"):
        cleaners["courlan (strict)"] = courlan_url
    many = list(URL_CASES) * 2000
    times = interleaved(
        {name: (lambda fn=fn: [fn(u) for u in many]) for name, fn in cleaners.items()}, passes
    )
    rows = []
    for name, fn in cleaners.items():
        right = sum(_same(fn(url), expected) for url, expected in URL_CASES.items())
        rows.append((name, f"{right}/{len(URL_CASES)}", round(len(many) / times[name])))
    print("\n### URL normalisation: tracking parameters, case, port, escapes\n")
    print(table(["cleaner", "right", "URLs/s"], rows))


def _same(got: str | None, expected: str) -> bool:
    return got is not None and got.rstrip("/") == expected.rstrip("/")


def compare(passes: int) -> None:
    feeds(passes)
    sitemaps(passes)
    robots(passes)
    urls(passes)
