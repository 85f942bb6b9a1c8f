"""The small readers behind metadata extraction: titles, JSON-LD, captions, the bench scoring."""

from __future__ import annotations

import pytest
from bench.metadata import same_day, same_minute_with_zone
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.dom import parse_html
from newsledger.extract.metadata import extract_metadata
from newsledger.extract.metadata.figures import split_credit
from newsledger.extract.metadata.jsonld import find_article, parse_lenient
from newsledger.extract.metadata.signals import domain_key
from newsledger.extract.metadata.titles import strip_site


@pytest.mark.parametrize(
    ("title", "site", "domain", "expected"),
    [
        ("Bridge closes for repairs | The Courier", "The Courier", "", "Bridge closes for repairs"),
        ("The Courier - Bridge closes for repairs", "The Courier", "", "Bridge closes for repairs"),
        (
            "Bridge closes: what it means | Europe | TC | 28.04.2023",
            "TC.COM",
            "tc",
            "Bridge closes: what it means | Europe",
        ),
        ("“Tireless work” - The New Valley Courier", None, "valleycourier", "“Tireless work”"),
        ("Bridge closes for repairs - Courier", None, "", "Bridge closes for repairs"),
        (
            "Why the bridge – and the road – had to close",
            None,
            "",
            "Why the bridge – and the road – had to close",
        ),
    ],
)
def test_strip_site(title: str, site: str | None, domain: str, expected: str) -> None:
    assert strip_site(title, site, domain) == expected


def test_domain_key_drops_www_and_public_suffixes() -> None:
    assert domain_key("https://www.valley-courier.co.uk/news/1") == "valleycourier"
    assert domain_key("https://m.example.com/a") == "example"
    assert domain_key("") == ""


@pytest.mark.parametrize(
    "text",
    [
        '{"@type": "NewsArticle", "headline": "A",}',
        '<!--\n{"@type": "NewsArticle", "headline": "A"}\n-->',
        '//<![CDATA[\n{"@type": "NewsArticle", "headline": "A"}\n//]]>',
        '{"@type": "NewsArticle", "headline": "A\nB"}',
    ],
)
def test_lenient_json_ld(text: str) -> None:
    parsed = parse_lenient(text)
    assert isinstance(parsed, dict) and parsed["@type"] == "NewsArticle"


def test_unreadable_json_ld_is_skipped() -> None:
    assert parse_lenient("{not json at all") is None


def test_article_found_in_graph_beside_a_web_page() -> None:
    blocks = [{"@graph": [{"@type": "WebPage"}, {"@type": ["NewsArticle"], "headline": "A", "author": "B"}]}]
    article, page = find_article(blocks)
    assert article is not None and article.locator == "json-ld[0].@graph[1]"
    assert page is not None and page.locator == "json-ld[0].@graph[0]"


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Smoke over the pier. (Source: Getty Images)", ("Smoke over the pier.", "Getty Images")),
        ("Crews on the ridge. Photo: Dana Reyes", ("Crews on the ridge.", "Dana Reyes")),
        ("The harbour at dawn. © Lee Park", ("The harbour at dawn.", "Lee Park")),
        ("The harbour at dawn.", ("The harbour at dawn.", None)),
    ],
)
def test_caption_credit(caption: str, expected: tuple[str, str | None]) -> None:
    assert split_credit(caption) == expected


def test_bench_date_scoring() -> None:
    assert same_day("2024-04-22 15:26:46+00:00", "2024-04-22T17:26+02:00")
    assert not same_day("2024-04-22 00:10:00+02:00", "2024-04-21")
    assert same_minute_with_zone("2024-04-22 15:26:46+00:00", "2024-04-22T17:26+02:00")
    assert not same_minute_with_zone("2024-04-22 15:26:46+00:00", "2024-04-22T15:26")


fragments = st.sampled_from(
    [
        "<h1>",
        "</h1>",
        '<meta property="og:title" content="',
        '<meta name="author" content="',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [',
        "</script>",
        '<time datetime="',
        '">',
        "<figure><img src=",
        "<figcaption>Photo: ",
        '<div class="byline">By ',
        "2024-13-45T99:99",
        "and",
        ",",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(fragments, st.text(max_size=20)), max_size=30))
def test_no_page_crashes_the_metadata_reader(pieces: list[str]) -> None:
    html = "<html><head>" + "".join(pieces) + "</head><body>" + "".join(reversed(pieces)) + "</body></html>"
    metadata = extract_metadata(parse_html(html), "https://news.example/2024/02/30/x")
    for author in metadata.authors:
        assert author.name.strip()


def test_site_logo_declared_as_share_image_is_not_the_lead_image() -> None:
    html = (
        '<html><head><meta property="og:image" content="https://cdn.example/static/site-logo-1200.png">'
        "</head><body><article><h1>Ferry timetable changes</h1><figure>"
        '<img src="https://cdn.example/photos/ferry-at-dock.jpg" alt="The ferry">'
        "<figcaption>The morning ferry. Photo: Ana Ruiz</figcaption></figure></article></body></html>"
    )
    lead = extract_metadata(parse_html(html), "https://ferry.example/a").lead_image
    assert lead is not None
    assert lead.url == "https://cdn.example/photos/ferry-at-dock.jpg"
    assert lead.credit == "Ana Ruiz"
    assert [c.value for c in lead.evidence.rejected] == ["https://cdn.example/static/site-logo-1200.png"]


def test_json_ld_references_are_followed_and_tracking_tags_dropped() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@graph": ['
        '{"@type": "NewsArticle", "headline": "Ferry timetable changes",'
        ' "author": {"@id": "https://ferry.example/#/person/1"},'
        ' "publisher": {"@id": "https://ferry.example/#org"},'
        ' "keywords": "ferries, harbour, stats-team-all-articles"},'
        '{"@type": "Person", "@id": "https://ferry.example/#/person/1", "name": "Ana Ruiz"},'
        '{"@type": "Organization", "@id": "https://ferry.example/#org", "name": "Harbour Herald"}]}'
        "</script></head><body></body></html>"
    )
    metadata = extract_metadata(parse_html(html), "https://ferry.example/a")
    assert [a.name for a in metadata.authors] == ["Ana Ruiz"]
    assert metadata.site_name is not None and metadata.site_name.value == "Harbour Herald"
    assert [t.value for t in metadata.topics] == ["ferries", "harbour"]


def test_authors_in_sibling_elements_are_all_kept_and_a_sidebar_author_is_not() -> None:
    html = (
        "<html><body><article><h1>Ferry timetable changes</h1><div class='article-people'>"
        "<span class='person-link'><a href='/p/ana'>Ana Ruiz</a></span>"
        "<span class='person-link'><a href='/p/ben'>Ben Okafor</a></span></div>"
        "<p>Text.</p></article><aside><span class='person-link'>Carla Mendes</span></aside>"
        "</body></html>"
    )
    metadata = extract_metadata(parse_html(html), "https://ferry.example/a")
    assert [(a.name, a.url) for a in metadata.authors] == [
        ("Ana Ruiz", "https://ferry.example/p/ana"),
        ("Ben Okafor", "https://ferry.example/p/ben"),
    ]


def _headline(head: str, body: str = "") -> str | None:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    found = extract_metadata(parse_html(html), "https://harbour.example/a").headline
    return found.value if found else None


def test_title_tail_also_in_json_ld_headline_is_kept() -> None:
    head = (
        '<meta property="og:title" content="Ferry strike ends! - Latest news">'
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Ferry strike ends! - Latest news"}</script>'
    )
    assert _headline(head, "<h1>Ferry strike ends!</h1>") == "Ferry strike ends! - Latest news"


def test_guessed_title_tail_is_still_stripped_without_json_ld() -> None:
    head = '<meta property="og:title" content="Ferry strike ends after three days - Herald">'
    assert _headline(head) == "Ferry strike ends after three days"


def test_site_name_glued_to_a_title_gives_way_to_its_beginning() -> None:
    head = (
        '<meta property="og:site_name" content="항구일보">'
        '<meta property="og:title" content="여객선 파업 사흘 만에 끝나-사회ㅣ항구일보">'
        '<meta name="headline" content="여객선 파업 사흘 만에 끝나">'
    )
    assert _headline(head) == "여객선 파업 사흘 만에 끝나"
