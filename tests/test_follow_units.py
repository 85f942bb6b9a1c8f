"""The pure parts of following outlets: URL spelling, robots.txt, feeds and sitemaps, dates,
feed links in a page."""

from __future__ import annotations

import contextlib
import gzip

import pytest
from bench._outlet import atom, rss, sitemap_index, urlset
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.errors import ListingError
from newsledger.follow.dates import listing_date, on_or_after
from newsledger.follow.discover import declared_feeds, kind_of_listing
from newsledger.follow.listings import Entry, listing_kind, read_entries
from newsledger.follow.robots import parse_robots
from newsledger.follow.urlnorm import host_of, normalize_url

UA = "newsledger/1.0 (+https://example.org)"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "HTTP://News.Example.COM:80/a/b?utm_source=rss&utm_medium=feed&id=3#comments",
            "http://news.example.com/a/b?id=3",
        ),
        ("https://example.com?fbclid=abc", "https://example.com/"),
        ("https://example.com:8443/x?gclid=1&page=2&_ga=3", "https://example.com:8443/x?page=2"),
        ("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"),
        ("https://example.com/café", "https://example.com/caf%C3%A9"),
        ("mailto:desk@example.com", None),
        ("javascript:void(0)", None),
        ("", None),
        ("http://[::1", None),
    ],
)
def test_normalize_url_spells_one_article_one_way(given, expected):
    assert normalize_url(given) == expected


def test_normalize_url_resolves_relative_links_and_keeps_real_parameters():
    assert (
        normalize_url("../b?q=vote&mc_cid=9", "https://example.com/news/a/")
        == "https://example.com/news/b?q=vote"
    )
    assert host_of("http://127.0.0.1:8080/x") == "127.0.0.1:8080"
    assert host_of("https://Example.com:443/x") == "example.com"


ROBOTS = """
# comment
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2.5

Sitemap: https://example.com/sitemap-index.xml
"""


def test_robots_longest_match_wildcards_and_crawl_delay():
    robots = parse_robots(ROBOTS, UA)
    assert robots.crawl_delay == 2.5
    assert robots.sitemaps == ("https://example.com/sitemap-index.xml",)
    allowed = {
        "https://example.com/": True,
        "https://example.com/private/x": False,
        "https://example.com/private/open/1": True,
        "https://example.com/files/a.pdf": False,
        "https://example.com/files/a.pdf?download=1": True,
        "https://example.com/search?q=x": False,
        "https://example.com/searching": True,
        "https://example.com/robots.txt": True,
    }
    assert {url: robots.allows(url) for url in allowed} == allowed


def test_robots_group_of_our_agent_wins_over_star_and_groups_share_rules():
    text = "User-agent: a\nUser-agent: newsledger\nDisallow: /mine/\n\nUser-agent: *\nDisallow: /\n"
    robots = parse_robots(text, UA)
    assert robots.allows("https://e.com/news/1") and not robots.allows("https://e.com/mine/1")
    assert not parse_robots(text, "otherbot/2").allows("https://e.com/news/1")
    assert parse_robots("User-agent: *\nDisallow:\n", UA).allows("https://e.com/anything")
    assert parse_robots("", UA).allows("https://e.com/anything")


def test_robots_tie_between_allow_and_disallow_allows():
    robots = parse_robots("User-agent: *\nDisallow: /page\nAllow: /page\n", UA)
    assert robots.allows("https://e.com/page")


def test_rss_atom_json_feed_entries_with_dates():
    feed = rss([("https://e.com/1", "Tue, 01 Dec 2026 08:30:00 +0100")])
    assert list(read_entries(feed)) == [Entry(url="https://e.com/1", published="2026-12-01T07:30:00")]
    entries = list(read_entries(atom([("https://e.com/2", "2026-12-02T10:00:00Z")])))
    assert entries == [Entry(url="https://e.com/2", published="2026-12-02T10:00:00")]
    json_feed = (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "x", "url": "https://e.com/3",'
        b' "date_published": "2026-12-03T00:00:00+00:00"}, {"id": "https://e.com/4"}]}'
    )
    assert [e.url for e in read_entries(json_feed)] == ["https://e.com/3", "https://e.com/4"]


def test_rss_item_without_link_uses_permalink_guid_and_rdf_about():
    feed = (
        b'<rss version="2.0"><channel><title>t</title><link>https://e.com/</link>'
        b"<image><url>https://e.com/logo.png</url></image>"
        b'<item><guid isPermaLink="true">https://e.com/g</guid></item>'
        b'<item><guid isPermaLink="false">tag:1</guid></item></channel></rss>'
    )
    assert [e.url for e in read_entries(feed)] == ["https://e.com/g"]
    rdf = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
        b'<channel rdf:about="https://e.com/"><title>t</title></channel>'
        b'<item rdf:about="https://e.com/r1"><title>a</title></item></rdf:RDF>'
    )
    assert [e.url for e in read_entries(rdf)] == ["https://e.com/r1"]


def test_sitemaps_indexes_news_gzip_and_text():
    news = urlset([("https://e.com/n", "2026-12-04T10:00:00+02:00")], news=True)
    assert list(read_entries(news)) == [
        Entry(url="https://e.com/n", published="2026-12-04T08:00:00", news=True)
    ]
    assert kind_of_listing(news) == "news-sitemap"
    index = sitemap_index(["https://e.com/s1.xml"])
    assert list(read_entries(index)) == [
        Entry(url="https://e.com/s1.xml", published="2026-12-01", listing=True)
    ]
    assert kind_of_listing(index) == "sitemap-index"
    assert kind_of_listing(gzip.compress(news)) == "news-sitemap"
    assert kind_of_listing(gzip.compress(news)[:40]) is None
    plain = urlset([("https://e.com/p", "2026-11")])
    assert list(read_entries(gzip.compress(plain))) == [Entry(url="https://e.com/p", published="2026-11-01")]
    assert [e.url for e in read_entries(b"https://e.com/a\nnot a url\nhttps://e.com/b\n")] == [
        "https://e.com/a",
        "https://e.com/b",
    ]


def test_malformed_listing_yields_the_entries_before_the_damage_then_raises():
    text = rss([("https://e.com/1", ""), ("https://e.com/2", "")])
    damaged = text[: text.rindex(b"</item>")]
    entries = read_entries(damaged, name="https://e.com/feed")
    assert next(entries).url == "https://e.com/1"
    with pytest.raises(ListingError, match=r"https://e\.com/feed: malformed XML"):
        next(entries)
    with pytest.raises(ListingError, match="neither a feed nor a sitemap"):
        list(read_entries(b"<!doctype html><html><body>hi</body></html>"))
    with pytest.raises(ListingError, match="malformed JSON Feed"):
        list(read_entries(b'{"version": "https://jsonfeed.org/version/1", "items": 3}'))


def test_entity_expansion_bomb_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8))
        + b"]><rss><channel><item><link>&i;</link></item></channel></rss>"
    )
    with pytest.raises(ListingError):
        list(read_entries(bomb))


def test_listing_kinds():
    assert listing_kind(b"<?xml version='1.0'?><rss><channel/></rss>") == "feed"
    assert listing_kind(b"<html><body/></html>") == "html"
    assert kind_of_listing(atom([])) == "atom"
    assert kind_of_listing(b"<html></html>") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Sun, 06 Dec 2026 10:00:00 GMT", "2026-12-06T10:00:00"),
        ("2026-12-06T10:00:00-05:00", "2026-12-06T15:00:00"),
        ("2026-12-06", "2026-12-06"),
        ("2026-12", "2026-12-01"),
        ("yesterday", None),
        (None, None),
    ],
)
def test_listing_dates(raw, expected):
    assert listing_date(raw) == expected


def test_date_window():
    assert on_or_after("2026-12-06T10:00:00", "2026-12-01")
    assert not on_or_after("2026-11-30T23:00:00", "2026-12-01")
    assert on_or_after(None, "2026-12-01")
    assert on_or_after("2020-01-01", None)


def test_declared_feeds_reads_alternate_links_only():
    page = b"""<html><head><base href="https://e.com/en/">
    <link rel="alternate" type="application/rss+xml" href="feed.xml?utm_source=x">
    <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://e.com/atom">
    <link rel="alternate" type="application/feed+json" href="/feed.json">
    <link rel="alternate" hreflang="fr" href="/fr/"><link rel="stylesheet" type="text/css" href="/s.css">
    <link rel="alternate" type="application/rss+xml" href="feed.xml"></head></html>"""
    found = declared_feeds(page, "https://e.com/")
    assert [(f.url, f.kind) for f in found] == [
        ("https://e.com/en/feed.xml", "rss"),
        ("https://e.com/atom", "atom"),
        ("https://e.com/feed.json", "json-feed"),
    ]


def test_duration_option():
    from newsledger.cli.watch_cmd import duration

    assert [duration(t) for t in ("90", "90s", "15m", "1.5h", "1d")] == [90, 90, 900, 5400, 86400]
    with pytest.raises(Exception, match="not a duration"):
        duration("soon")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_entries_or_a_listing_error(content):
    try:
        for entry in read_entries(content):
            assert isinstance(entry.url, str)
    except ListingError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_readers_of_text_never_raise(text):
    listing_date(text)
    normalize_url(text, "https://e.com/a/")
    robots = parse_robots(text, UA)
    robots.allows("https://e.com/" + text[:20])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<rss>",
                "<channel>",
                "<item>",
                "</item>",
                "<link>",
                "</link>",
                "https://e.com/x",
                "<url>",
                "<loc>",
                "</loc>",
                "</url>",
                "<urlset>",
                "<![CDATA[",
                "]]>",
                "&amp;",
                "<entry>",
                '<link href="/y"/>',
                "</entry>",
                "<feed>",
                "</feed>",
                "</channel>",
                "</rss>",
            ]
        ),
        max_size=30,
    )
)
def test_feed_like_fragments_give_entries_or_a_listing_error(parts):
    with contextlib.suppress(ListingError):
        list(read_entries("".join(parts).encode()))


def test_an_escaped_slash_stays_escaped():
    assert normalize_url("https://e.com/a%2fb") == "https://e.com/a%2Fb"


def _peak_while_reading(content: bytes) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        count = sum(1 for _ in read_entries(content))
        return tracemalloc.get_traced_memory()[1], count
    finally:
        tracemalloc.stop()


def test_reading_a_listing_takes_the_same_memory_for_10_000_items_as_for_500():
    small = rss([(f"https://e.com/a/{i}", "Tue, 01 Dec 2026 08:00:00 GMT") for i in range(500)])
    large = rss([(f"https://e.com/a/{i}", "Tue, 01 Dec 2026 08:00:00 GMT") for i in range(10_000)])
    (small_peak, small_count), (large_peak, large_count) = (
        _peak_while_reading(small),
        _peak_while_reading(large),
    )
    assert (small_count, large_count) == (500, 10_000)
    assert large_peak < small_peak + 256 * 1024, (small_peak, large_peak)
