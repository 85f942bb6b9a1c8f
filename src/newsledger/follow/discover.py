"""What an outlet offers to follow: feeds its pages link, sitemaps its robots.txt declares.

The reading of a page is pure (``declared_feeds``); ``discover`` does the fetching: the given URL
(itself a feed or sitemap, or a home page), the host's robots.txt ``Sitemap:`` lines and
``/sitemap.xml``, then the sitemaps each sitemap index lists.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec
from selectolax.lexbor import LexborHTMLParser

from newsledger.errors import ListingError, NewsledgerError, SourceError
from newsledger.follow.listings import inflate, listing_kind, read_entries
from newsledger.follow.robots import parse_robots
from newsledger.follow.urlnorm import normalize_url

FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json-feed",
    "application/json": "json-feed",
    "application/rdf+xml": "rss",
    "text/xml": "rss",
    "application/xml": "rss",
}
MAX_INDEX_CHILDREN = 1000
KINDS_LOOKED_UP = 20  # children of an index fetched at discovery to tell news sitemaps apart


class Found(msgspec.Struct, frozen=True):
    """A source found for an outlet: its URL, kind (rss, atom, json-feed, feed, sitemap,
    news-sitemap, sitemap-index) and how it was found."""

    url: str
    kind: str
    via: str
    parent: str | None = None


def declared_feeds(html: bytes | str, base_url: str) -> list[Found]:
    """Feeds a page declares with ``<link rel="alternate" type=...>``, in page order, once each."""
    tree = LexborHTMLParser(html if isinstance(html, str) else html.decode("utf-8", "replace"))
    base = base_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = normalize_url(base_node.attributes.get("href") or "", base_url) or base_url
    found: dict[str, Found] = {}
    for node in tree.css("link[href]"):
        rel = (node.attributes.get("rel") or "").lower().split()
        kind = FEED_TYPES.get((node.attributes.get("type") or "").split(";")[0].strip().lower())
        url = normalize_url(node.attributes.get("href") or "", base)
        if "alternate" in rel and kind and url and url not in found:
            found[url] = Found(url=url, kind=kind, via="link")
    return list(found.values())


def kind_of_listing(content: bytes) -> str | None:
    """The source kind a fetched feed or sitemap is, or None when it is neither."""
    try:
        content = inflate(content)
    except ListingError:
        return None
    kind = listing_kind(content)
    if kind == "html":
        return None
    if kind == "index":
        return "sitemap-index"
    if kind == "sitemap":
        return "news-sitemap" if b"sitemap-news" in content[:4096] else "sitemap"
    if kind == "text":
        return "sitemap"
    if kind == "feed":
        head = content[:1024].lower()
        return "atom" if b"<feed" in head else "rss"
    return kind


Get = Callable[[str], bytes | None]  # the body of a URL, None when absent; raises when unreachable


def _quiet(get: Get, url: str) -> bytes | None:
    try:
        return get(url)
    except NewsledgerError:
        return None


def discover(url: str, get: Get, user_agent: str) -> list[Found]:
    """Every source reachable from ``url``: itself when it is a feed or sitemap, else the feeds
    it links; plus the host's declared sitemaps, ``/sitemap.xml``, and the children of indexes."""
    start = normalize_url(url)
    if start is None:
        raise SourceError("not an http(s) URL", input_name=url)
    body = get(start)
    if body is None:
        raise SourceError("could not be fetched (HTTP error)", input_name=url)
    own_kind = kind_of_listing(body)
    if own_kind is not None:
        found = [Found(url=start, kind=own_kind, via="given")]
        return found + _children(found[0], body, get)
    found = declared_feeds(body, start)
    root = normalize_url("/", start) or start
    robots = _quiet(get, normalize_url("/robots.txt", root) or root)
    declared = parse_robots(robots.decode("utf-8", "replace"), user_agent).sitemaps if robots else ()
    candidates = [(normalize_url(s, root), "robots") for s in declared]
    candidates.append((normalize_url("/sitemap.xml", root), "well-known"))
    seen = {f.url for f in found}
    for candidate, via in candidates:
        if candidate and candidate not in seen:
            seen.add(candidate)
            found.extend(_sitemap(candidate, via, get, seen))
    return found


def _sitemap(url: str, via: str, get: Get, seen: set[str]) -> list[Found]:
    body = _quiet(get, url)
    kind = kind_of_listing(body) if body else None
    if kind not in ("sitemap", "news-sitemap", "sitemap-index"):
        return []
    source = Found(url=url, kind=kind, via=via)
    children = [child for child in _children(source, body, get) if child.url not in seen]
    seen.update(child.url for child in children)
    return [source, *children]


def _children(source: Found, body: bytes, get: Get) -> list[Found]:
    """The sitemaps a sitemap index lists, each fetched once to learn its kind."""
    if source.kind != "sitemap-index":
        return []
    children: list[Found] = []
    try:
        for entry in read_entries(body, name=source.url):
            child = normalize_url(entry.url, source.url)
            if entry.listing and child and len(children) < MAX_INDEX_CHILDREN:
                content = _quiet(get, child) if len(children) < KINDS_LOOKED_UP else None
                kind = (kind_of_listing(content) if content else None) or "sitemap"
                children.append(Found(url=child, kind=kind, via="index", parent=source.url))
    except NewsledgerError:
        pass  # an index damaged midway still yields the sitemaps before the damage
    return children
