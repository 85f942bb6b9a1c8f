"""Feeds and sitemaps read into one stream of entries: the URLs an outlet lists, with their dates.

RSS 0.9x/1.0/2.0, Atom and JSON Feed; sitemaps (``urlset``), sitemap indexes (``sitemapindex``,
whose entries are further sitemaps), Google News sitemaps (``news:publication_date``), gzipped
sitemaps and plain-text sitemaps (one URL a line). XML is read incrementally with the standard
library's expat parser and every finished element is dropped, so a feed of any length is read in
constant memory; expat resolves no external entities and refuses entity expansion bombs. Pure.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError, iterparse

import msgspec

from newsledger.errors import ListingError
from newsledger.follow.dates import listing_date

MAX_LISTING_BYTES = 64 * 1024 * 1024
ITEM_TAGS = {"item": "feed", "entry": "feed", "url": "sitemap", "sitemap": "index"}
ROOT_KINDS = {"rss": "feed", "rdf": "feed", "feed": "feed", "urlset": "sitemap", "sitemapindex": "index"}


class Entry(msgspec.Struct, frozen=True):
    """One listed URL. ``listing`` is True for a sitemap index's entries (sitemaps, not articles);
    ``news`` when a Google News sitemap gave it; ``published`` is an ISO date-time or None."""

    url: str
    published: str | None = None
    listing: bool = False
    news: bool = False


def listing_kind(content: bytes) -> str:
    """``feed``, ``json-feed``, ``sitemap``, ``index``, ``text`` or ``html`` (not a listing)."""
    content = inflate(content)
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "json-feed" if b"jsonfeed.org" in head or b'"items"' in content[:65536] else "html"
    if head.startswith((b"http://", b"https://")):
        return "text"
    if b"<html" in head or b"<!doctype html" in head:
        return "html"
    for name, kind in ROOT_KINDS.items():
        if f"<{name}".encode() in head or f":{name}".encode() in head:
            return kind
    return "html"


def read_entries(content: bytes, *, name: str = "") -> Iterator[Entry]:
    """Every entry of a feed or sitemap in document order; damage raises ListingError after the
    entries read before it."""
    content = inflate(content, name=name)
    kind = listing_kind(content)
    if kind == "json-feed":
        yield from _json_entries(content, name)
    elif kind == "text":
        yield from _text_entries(content)
    elif kind == "html":
        raise ListingError("neither a feed nor a sitemap", input_name=name or None)
    else:
        yield from _xml_entries(content, name)


def inflate(content: bytes, *, name: str = "") -> bytes:
    if not content.startswith(b"\x1f\x8b"):
        return content
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(content)) as handle:
            data = handle.read(MAX_LISTING_BYTES + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise ListingError(f"damaged gzip data ({err})", input_name=name or None) from None
    if len(data) > MAX_LISTING_BYTES:
        raise ListingError(
            f"larger than {MAX_LISTING_BYTES} bytes once decompressed", input_name=name or None
        )
    return data


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _xml_entries(content: bytes, name: str) -> Iterator[Entry]:
    fields: dict[str, str] | None = None
    item_depth = -1
    path: list = []  # the open elements, root first
    try:
        for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                path.append(element)
                if fields is None and tag in ITEM_TAGS and len(path) > 1:
                    fields, item_depth = {"@item": tag}, len(path)
                    about = _attribute(element, "about")
                    if about:
                        fields["about"] = about
                continue
            depth = len(path)
            path.pop()
            if fields is not None and depth > item_depth:
                _collect(fields, tag, element)
                continue  # kept until its item ends
            if fields is not None:
                entry, fields = _entry_of(fields), None
                if entry is not None:
                    yield entry
            if path:
                path[-1].remove(element)  # read: dropped with all it holds, so memory stays flat
    except ParseError as err:
        raise ListingError(f"malformed XML ({err})", input_name=name or None) from None


def _attribute(element, local_name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == local_name:
            return value
    return None


def _collect(fields: dict[str, str], tag: str, element) -> None:
    text = (element.text or "").strip()
    if tag == "link":
        rel = element.get("rel", "alternate")
        href = element.get("href")
        if href and rel == "alternate":
            fields.setdefault("link", href.strip())
        elif text:
            fields.setdefault("link", text)
    elif tag == "guid" and text and element.get("isPermaLink", "true").lower() == "true":
        fields.setdefault("guid", text)
    elif tag == "publication_date" and text:
        fields["news"] = text
    elif text and tag in ("loc", "lastmod", "pubdate", "published", "updated", "date", "issued", "modified"):
        fields.setdefault(tag, text)


def _entry_of(fields: dict[str, str]) -> Entry | None:
    item = fields["@item"]
    url = (
        fields.get("loc")
        if item in ("url", "sitemap")
        else (fields.get("link") or fields.get("guid") or fields.get("about"))
    )
    if not url:
        return None
    raw_date = fields.get("news") or next(
        (
            fields[key]
            for key in ("published", "pubdate", "issued", "date", "lastmod", "updated", "modified")
            if key in fields
        ),
        None,
    )
    return Entry(url=url, published=listing_date(raw_date), listing=item == "sitemap", news="news" in fields)


class _JsonItem(msgspec.Struct):
    url: str | None = None
    external_url: str | None = None
    id: str | int | None = None
    date_published: str | None = None
    date_modified: str | None = None


class _JsonFeed(msgspec.Struct):
    items: list[_JsonItem] = []


def _json_entries(content: bytes, name: str) -> Iterator[Entry]:
    try:
        feed = msgspec.json.decode(content, type=_JsonFeed)
    except (msgspec.DecodeError, msgspec.ValidationError) as err:
        raise ListingError(f"malformed JSON Feed ({err})", input_name=name or None) from None
    for item in feed.items:
        url = (
            item.url
            or item.external_url
            or (item.id if isinstance(item.id, str) and "://" in item.id else None)
        )
        if url:
            yield Entry(url=url, published=listing_date(item.date_published or item.date_modified))


def _text_entries(content: bytes) -> Iterator[Entry]:
    for line in content.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line.startswith(("http://", "https://")):
            yield Entry(url=line)
