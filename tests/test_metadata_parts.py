"""The small readers behind metadata extraction: titles, JSON-LD, captions, the bench scoring."""

from __future__ import annotations

import pytest
from bench.metadata import same_day, same_minute_with_zone
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.dom import parse_html
from newsledger.extract.metadata import extract_metadata
from newsledger.extract.metadata.figures import split_credit
from newsledger.extract.metadata.jsonld import find_article, iter_objects, parse_lenient
from newsledger.extract.metadata.people import split_byline
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
    article, page = find_article(list(iter_objects(blocks)))
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


def _author_names(head: str, body: str = "") -> list[str]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return [a.name for a in extract_metadata(parse_html(html), "https://www.harbour-herald.de/a").authors]


def test_author_meta_naming_the_site_gives_way_to_the_next_one() -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Herald">'
        '<meta name="author" content="Harbour Herald"><meta name="author" content="Ana Ruiz">'
    )
    assert _author_names(head) == ["Ana Ruiz"]


def test_twitter_written_by_label_names_the_author_when_the_author_tag_is_an_address() -> None:
    head = (
        '<meta name="author" content="a.ruiz@harbour-herald.de">'
        '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ana Ruiz">'
        '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="3 minutes">'
    )
    assert _author_names(head) == ["Ana Ruiz"]
    assert _author_names('<meta name="twitter:misc:Verfasst von" content="Ben Okafor">') == ["Ben Okafor"]


def test_author_field_giving_the_sites_own_address_is_the_site() -> None:
    assert _author_names('<meta name="author" content="Harbour Press (www.harbour-herald.de)">') == []
    assert _author_names('<meta name="author" content="harbour-herald.de, Frankfurt, Germany">') == []


def test_lowercase_name_of_a_declared_person_is_kept_as_written() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry strike ends",'
        ' "author": {"@type": "Person", "name": "ana ruiz"}}</script>'
    )
    assert _author_names(head) == ["ana ruiz"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("신현주 기자", [("신현주", "기자")]),
        ("Jane Doe, Senior Reporter", [("Jane Doe", "Senior Reporter")]),
        ("Opinion; von; Jane Doe; 05. November 2024", [("Jane Doe", None)]),
        ("Redaktion: Jane Doe und", [("Jane Doe", None)]),
    ],
)
def test_byline_names_and_roles(raw: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.role) for p in split_byline(raw)] == expected


def test_labelled_byline_in_a_fact_box_is_read() -> None:
    body = (
        "<article><h1>Ferry strike ends</h1><p>One.</p><p>Two.</p></article>"
        "<div class='facts'><ul><li><strong>Datum</strong> 28.04.2023</li>"
        "<li><strong>Autorin/Autor</strong> Ana Ruiz</li></ul></div>"
    )
    assert _author_names("", body) == ["Ana Ruiz"]


def test_bold_line_of_names_at_the_start_or_end_of_the_text_is_the_byline() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the story.</p>" for n in range(6))
    start = f"<div class='content'><p><strong>Ana Ruiz/Ben Okafor</strong></p>{paragraphs}</div>"
    end = f"<div class='content'>{paragraphs}<p><strong>Ana Ruiz</strong></p></div>"
    middle = f"<div class='content'>{paragraphs}<p><b>Ana Ruiz</b></p>{paragraphs}</div>"
    assert _author_names("", start) == ["Ana Ruiz", "Ben Okafor"]
    assert _author_names("", end) == ["Ana Ruiz"]
    assert _author_names("", middle) == []


def test_bold_line_is_a_child_of_a_paragraph() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the story.</p>" for n in range(6))
    in_a_box = f"<div class='content'><p><span><strong>Ana Ruiz</strong></span></p>{paragraphs}</div>"
    in_a_paragraph = f"<div class='content'><p><b>Ana Ruiz</b></p>{paragraphs}</div>"
    assert _author_names("", in_a_box) == []
    assert _author_names("", in_a_paragraph) == ["Ana Ruiz"]


def test_bold_line_that_is_not_a_name_is_not_a_byline() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the story.</p>" for n in range(6))
    body = f"<div class='content'><p><strong>Breaking news</strong></p>{paragraphs}</div>"
    assert _author_names("", body) == []
    # A lead-in with lowercase words is not a name; a name's particles are.
    lead_in = f"<div class='content'><p><strong>For Drivers with Pets</strong></p>{paragraphs}</div>"
    assert _author_names("", lead_in) == []
    particle = f"<div class='content'><p><strong>Ana de la Cruz</strong></p>{paragraphs}</div>"
    assert _author_names("", particle) == ["Ana de la Cruz"]
    footer = f"<div class='content'>{paragraphs}</div><footer><p><strong>Ana Ruiz</strong></p></footer>"
    assert _author_names("", footer) == []


def test_author_named_by_the_sites_social_handle_is_the_site() -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Herald Television">'
        '<meta name="twitter:site" content="@HarbourTV"><meta name="author" content="Harbour TV">'
    )
    assert _author_names(head) == []
    writer = '<meta name="twitter:site" content="@HHTV"><meta name="author" content="Ana Ruiz">'
    assert _author_names(writer) == ["Ana Ruiz"]


def test_author_slot_holding_a_section_link_names_no_one() -> None:
    body = (
        "<article><h1>Ferry strike ends</h1><div class='author-box'>"
        "<a href='/news/category/29/منوعات'>منوعات</a></div><p>Text.</p></article>"
    )
    assert _author_names("", body) == []
    person = body.replace("/news/category/29/منوعات", "/people/ana-ruiz").replace(
        "منوعات</a>", "Ana Ruiz</a>"
    )
    assert _author_names("", person) == ["Ana Ruiz"]


def test_different_kickers_before_one_headline_give_the_headline() -> None:
    head = '<meta property="og:title" content="Harbour dispute: «The ferries will run again on Monday»">'
    body = "<article><h1>Strike over - «The ferries will run again on Monday»</h1></article>"
    assert _headline(head, body) == "«The ferries will run again on Monday»"


def test_quoted_clause_before_a_dash_is_not_a_kicker() -> None:
    head = '<meta property="og:title" content="\'I run the ferry - a strike costs us thousands\'">'
    body = "<article><h1>'I run the old ferry - a strike costs us thousands'</h1></article>"
    assert _headline(head, body) == "'I run the ferry - a strike costs us thousands'"


def test_title_cut_short_with_an_ellipsis_gives_way_to_the_full_one() -> None:
    head = '<meta property="og:title" content="Ferry strike ends after three days of…">'
    body = "<h1>Ferry strike ends after three days of talks in the harbour</h1>"
    assert _headline(head, body) == "Ferry strike ends after three days of talks in the harbour"


def test_title_cut_inside_a_bracket_gives_way_to_the_full_one() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Ferry strike ends after three days (talks in the"}</script>'
        '<meta property="og:title" content="Ferry strike ends after three days (talks in the harbour office)">'
    )
    assert _headline(head) == "Ferry strike ends after three days (talks in the harbour office)"


def test_a_markdown_heading_mark_before_a_declared_title_is_dropped() -> None:
    head = '<meta property="og:title" content="## Ferry strike ends after three days">'
    assert _headline(head) == "Ferry strike ends after three days"


def test_a_section_between_the_headline_and_the_site_is_dropped() -> None:
    title = "Which winter tyres for a small van? / Vans / Fleet Talk Forums"
    assert strip_site(title, "Fleet Talk Forums") == "Which winter tyres for a small van?"
    # A longer part after the headline is its own subtitle, not a section.
    subtitle = "Winter tyres - what we learned after a season of tests | Fleet Talk Forums"
    assert (
        strip_site(subtitle, "Fleet Talk Forums") == "Winter tyres - what we learned after a season of tests"
    )


def test_byline_part_of_a_title_is_dropped() -> None:
    assert strip_site("Ferry strike ends | The Courier | by Ana Ruiz", "The Courier") == "Ferry strike ends"


def test_east_asian_list_separators_split_names() -> None:
    assert [p.name for p in split_byline("牛镛、岳弘彬")] == ["牛镛", "岳弘彬"]


def test_initials_printed_as_an_avatar_are_not_an_author() -> None:
    body = (
        "<article><h1>Ferry strike ends</h1><div class='post-author'><span class='author-avatar'>AR</span>"
        "<span class='author-name'>Ana Ruiz</span></div><p>Text.</p></article>"
    )
    assert _author_names("", body) == ["Ana Ruiz"]
    # The initials on a line of the byline box beside the full name.
    body = "<article><h1>Ferry strike ends</h1><div class='author'><div>AR</div><div>Ana Ruiz</div></div></article>"
    assert _author_names("", body) == ["Ana Ruiz"]
    # An agency's letters alone still name it.
    body = "<article><h1>Ferry strike ends</h1><div class='author'>AFP</div><p>Text.</p></article>"
    assert _author_names("", body) == ["AFP"]


def test_quotes_around_a_declared_name_are_dropped() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "\\"Ana Ruiz\\""}}</script>'
    assert _author_names(head) == ["Ana Ruiz"]


def test_a_printed_date_whose_class_names_it_the_update_is_not_the_publication() -> None:
    body = (
        "<article><h1>Ferry strike ends</h1><div class='post-meta'>"
        "<time class='entry-date updated' datetime='2024-05-02'>May 2, 2024</time> "
        "<time class='entry-date published' datetime='2024-03-01'>March 1, 2024</time></div>"
        "<p>Text.</p></article>"
    )
    metadata = extract_metadata(parse_html(f"<html><body>{body}</body></html>"), "https://harbour.example/a")
    assert metadata.published is not None and metadata.published.value == "2024-03-01"
    assert metadata.modified is not None and metadata.modified.value == "2024-05-02"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Ana Ruiz on 12 May 2024", ["Ana Ruiz"]),
        ("Ana Ruiz am 12.03.2024", ["Ana Ruiz"]),
        ("Von Ana Ruiz, Mo 12.03.", ["Ana Ruiz"]),
        ("Sat, 20 Dec, 2025 - 06:36", []),
        ("Ana Ruiz; Posts: 116; Joined: Feb 2019", ["Ana Ruiz"]),
        ("Ana Ruiz, 20 Dec 2025", ["Ana Ruiz"]),
    ],
)
def test_the_word_that_leads_into_a_date_or_a_count_is_not_a_name(byline: str, expected: list[str]) -> None:
    assert [p.name for p in split_byline(byline)] == expected


def test_a_boards_label_before_a_threads_subject_is_dropped() -> None:
    assert _headline("<title>Thread: Which winter tyres for a small van?</title>") == (
        "Which winter tyres for a small van?"
    )
    assert _headline("<title>View topic - Which winter tyres for a small van?</title>") == (
        "Which winter tyres for a small van?"
    )
    # A word of the subject that only starts like a label stays.
    assert _headline("<title>Topical creams - what works</title>") == "Topical creams - what works"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Reviewed by Ana Ruiz, Trial Attorney at Ruiz & Okafor, on December 9, 2024.", [("Ana Ruiz", "Trial Attorney at Ruiz & Okafor")]),
        ("Ana Ruiz - Harbour Editorial Team", [("Ana Ruiz", "Harbour Editorial Team")]),
        ("Deutsche Presse-Agentur", [("Deutsche Presse-Agentur", None)]),
    ],
)
def test_a_position_or_a_team_after_a_name_is_not_a_name(
    byline: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(p.name, p.role) for p in split_byline(byline)] == expected


def test_sections_before_a_last_part_naming_the_site_are_dropped() -> None:
    # The site is known only by its domain; the last part adds a word to its name.
    title = "Which winter tyres for a small van? / Vans / Fleet Talk Forums"
    assert strip_site(title, None, "fleettalk") == "Which winter tyres for a small van?"
    # A lowercase part runs on the headline.
    title = "Moving to a plant-based diet – tips and tricks | Harbour Health"
    assert strip_site(title, "Harbour") == "Moving to a plant-based diet – tips and tricks"
