"""Headline, authors and dates as a reader sees them: one written page per class of page."""

from __future__ import annotations

from newsledger.extract.dom import parse_html
from newsledger.extract.metadata import extract_metadata
from newsledger.extract.metadata.titles import strip_site
from newsledger.extract.parts import Metadata


def read(head: str, body: str, url: str = "https://shop.example/blog/post") -> Metadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(parse_html(html), url)


def names(metadata: Metadata) -> list[str]:
    return [author.name for author in metadata.authors]


# --------------------------------------------------------------------------- headline


def test_the_printed_headline_wins_over_a_card_title_with_a_search_affix() -> None:
    metadata = read(
        '<meta property="og:title" content="Best Residential Movers in Leeds 2025 | Top 19 Companies Compared For Your Move">',
        "<article><h1>Best Residential Movers in Leeds 2025</h1><p>Text.</p></article>",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "Best Residential Movers in Leeds 2025"
    assert metadata.headline.evidence.locator == "h1"
    rejected = [c.value for c in metadata.headline.evidence.rejected]
    assert "Best Residential Movers in Leeds 2025 | Top 19 Companies Compared For Your Move" in rejected


def test_the_printed_headline_wins_over_a_card_title_in_capitals() -> None:
    metadata = read(
        '<meta property="og:title" content="RIVER BRIDGE REOPENS AFTER FLOOD REPAIRS">',
        "<h1>River bridge reopens after flood repairs</h1>",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "River bridge reopens after flood repairs"


def test_the_printed_headline_is_read_as_a_reader_sees_it() -> None:
    broken = read("", "<h1>Rebuilding the Legacy<br>of American Made</h1><p>Text.</p>")
    assert broken.headline is not None
    assert broken.headline.value == "Rebuilding the Legacy of American Made"
    permalink = read("", '<h1>Working with forms<a class="headerlink" href="#forms">¶</a></h1>')
    assert permalink.headline is not None and permalink.headline.value == "Working with forms"
    hyphenated = read("", "<h1>Home Repair Assis&shy;tance Program</h1>")
    assert hyphenated.headline is not None and hyphenated.headline.value == "Home Repair Assistance Program"


def test_a_short_printed_heading_wins_over_a_card_title_that_goes_on_past_it() -> None:
    metadata = read(
        '<meta property="og:title" content="Canoes: Touring, Whitewater &amp; Inflatable Canoes">',
        "<h1>Canoes</h1><ul><li>Canoe one</li></ul>",
    )
    assert metadata.headline is not None and metadata.headline.value == "Canoes"
    described = read(
        '<meta property="og:title" content="Canoes for Touring and Whitewater">', "<h1>Canoes</h1>"
    )
    assert described.headline is not None and described.headline.value == "Canoes"
    # Inside a word the longer title is a different name, not an affix.
    plain = read('<meta property="og:title" content="Canoeing in Winter">', "<h1>Canoe</h1>")
    assert plain.headline is not None and plain.headline.value == "Canoeing in Winter"


def test_a_printed_headline_that_goes_on_past_a_shortened_card_title_wins() -> None:
    card = '<meta property="og:title" content="Harbour walks for families">'
    longer = read(card, "<h1>Harbour walks for families and first-time visitors</h1>")
    assert longer.headline is not None
    assert longer.headline.value == "Harbour walks for families and first-time visitors"
    # A source and a count after the title, as on a link board, are not the headline's words.
    board = read(card, "<h1>Harbour walks for families (harbourwalks.example) 87</h1>")
    assert board.headline is not None and board.headline.value == "Harbour walks for families"


def test_a_printed_headline_in_other_punctuation_wins_unless_it_lost_a_separator() -> None:
    card = '<meta property="og:title" content="Harbour walks: a guide for first-time visitors">'
    dashed = read(card, "<h1>Harbour walks - a guide for first-time visitors</h1>")
    assert dashed.headline is not None
    assert dashed.headline.value == "Harbour walks - a guide for first-time visitors"
    lost = read(card, "<h1><span>Harbour walks</span> <span>a guide for first-time visitors</span></h1>")
    assert lost.headline is not None
    assert lost.headline.value == "Harbour walks: a guide for first-time visitors"
    curly = read(
        '<meta property="og:title" content="The harbour\'s best walks">', "<h1>The harbour’s best walks</h1>"
    )
    assert curly.headline is not None and curly.headline.value == "The harbour's best walks"


def test_a_kicker_before_the_headline_in_a_card_title_gives_way_to_the_printed_headline() -> None:
    metadata = read(
        '<meta property="og:title" content="Flood inquiry: Two ministers resign over the report">',
        "<h1>Two ministers resign over the report</h1>",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "Two ministers resign over the report"
    rejected = [c.value for c in metadata.headline.evidence.rejected]
    assert "Flood inquiry: Two ministers resign over the report" in rejected


def test_an_article_headline_reworded_for_search_gives_way_to_the_printed_one() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "BlogPosting",'
        ' "headline": "Best Harbour Walks for Families in 2025"}</script>'
        '<meta property="og:title" content="Best Harbour Walks for Families in 2025">'
    )
    body = "<article><h1>The Best Harbour Walks for Families This Year</h1><p>Text.</p></article>"
    metadata = read(ld, body)
    assert metadata.headline is not None
    assert metadata.headline.value == "The Best Harbour Walks for Families This Year"
    assert "Best Harbour Walks for Families in 2025" in [c.value for c in metadata.headline.evidence.rejected]
    # One word swapped is the publisher's own variant, and a page that is no article keeps its
    # declared title over a slogan-like heading.
    swapped = read(ld, "<article><h1>Best Harbour Strolls for Families in 2025</h1></article>")
    assert (
        swapped.headline is not None and swapped.headline.value == "Best Harbour Walks for Families in 2025"
    )
    # The one <article> of a page speaks for it as its JSON-LD would; one of several does not.
    card = ld.split("</script>")[1]
    printed = read(card, body)
    assert printed.headline is not None
    assert printed.headline.value == "The Best Harbour Walks for Families This Year"
    teasers = read(card, body + "<article><h2>More walks</h2></article>")
    assert teasers.headline is not None
    assert teasers.headline.value == "Best Harbour Walks for Families in 2025"
    landing = read(card, body.replace("article>", "div>"))
    assert (
        landing.headline is not None and landing.headline.value == "Best Harbour Walks for Families in 2025"
    )


def test_words_of_two_elements_in_a_heading_do_not_run_together() -> None:
    metadata = read("", "<h1><span>Harbour Strike</span><span>Ferries run again on Monday</span></h1>")
    assert metadata.headline is not None
    assert metadata.headline.value == "Harbour Strike Ferries run again on Monday"
    inline = read("", "<h1>The <em>Harbour</em>side walk</h1>")
    assert inline.headline is not None and inline.headline.value == "The Harbourside walk"


def test_a_buttons_label_and_style_rules_in_a_heading_are_not_its_words() -> None:
    metadata = read(
        "",
        '<h1>Module <a href="#">queues</a><button title="Copy">Copy item path</button>'
        "<style>.badge{color:red}</style></h1>",
    )
    assert metadata.headline is not None and metadata.headline.value == "Module queues"


def test_a_symbol_decorating_a_card_title_is_no_punctuation_of_the_headline() -> None:
    metadata = read(
        '<meta property="og:title" content="🎧 Harbour Studio Headphones Mk II">',
        "<h1>Harbour Studio Headphones Mk II</h1>",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "Harbour Studio Headphones Mk II"


def test_what_follows_a_vertical_bar_is_a_tagline_not_the_headline() -> None:
    metadata = read("", "<h1>Ferry timetable for the winter season | Sailings and Fares</h1>")
    assert metadata.headline is not None
    assert metadata.headline.value == "Ferry timetable for the winter season"
    assert metadata.headline.evidence.rejected[0].value == (
        "Ferry timetable for the winter season | Sailings and Fares"
    )
    # A short head before a long rest is a kicker; the bar stays.
    kicker = read("", "<h1>BUDGET 2026 | Harbour board gets funds to hire ten new ferry crews</h1>")
    assert kicker.headline is not None
    assert kicker.headline.value == "BUDGET 2026 | Harbour board gets funds to hire ten new ferry crews"


def test_a_json_ld_headline_wrapped_whole_in_quotes_loses_them() -> None:
    metadata = read(
        '<script type="application/ld+json">{"@type": "Article",'
        ' "headline": "\\"How the harbour ferry schedule works\\""}</script>',
        "<p>Text.</p>",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "How the harbour ferry schedule works"


def test_empty_brackets_after_a_card_title_are_no_lost_separator() -> None:
    metadata = read(
        '<meta property="og:title" content="Harbour Rope Clips 40-Pack, Clear ()">',
        "<h1>Harbour Rope Clips 40-Pack, Clear</h1>",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "Harbour Rope Clips 40-Pack, Clear"


def test_a_part_of_the_printed_heading_naming_the_site_goes() -> None:
    metadata = read(
        '<meta property="og:site_name" content="Harbourline">',
        "<h1>Ferry fares for 2026 - Harbourline Fare Guide</h1>",
    )
    assert metadata.headline is not None and metadata.headline.value == "Ferry fares for 2026"
    # A heading that names the site in its first part keeps it.
    named = read(
        "", "<h1>Harbourline adds a night ferry - and cuts fares</h1>", url="https://harbourline.example/n"
    )
    assert named.headline is not None
    assert named.headline.value == "Harbourline adds a night ferry - and cuts fares"


def test_a_heading_that_links_to_the_home_page_is_the_site_logo() -> None:
    metadata = read(
        "<title>Which winter tyres for a small van? - Fleet Talk</title>",
        '<div class="top"><h1><a href="/">Fleet Talk</a></h1></div>'
        "<div class='post'><h2>Which winter tyres for a small van?</h2><p>Text.</p></div>",
        url="https://fleettalk.example/forum/viewtopic.php?t=4411",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "Which winter tyres for a small van?"


def test_a_heading_written_as_a_host_name_is_the_site_logo() -> None:
    metadata = read(
        "<title>Release notes for version 7.2 - harbourtools.org</title>",
        "<h1>harbourtools.org</h1><h2>Release notes for version 7.2</h2>",
        url="https://forum.harbourtools.org/topic/77",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "Release notes for version 7.2"


def test_past_a_logo_a_later_heading_the_title_confirms_is_the_headline() -> None:
    metadata = read(
        "<title>Working with queues — Harbour Toolkit 3.1 Documentation</title>",
        '<h1><a href="../index.html">Harbour Toolkit 3.1 Documentation</a></h1>'
        "<div class='page'><h1>Working with queues</h1><p>Text.</p></div>",
        url="https://docs.harbourtools.example/en/latest/guide/queues.html",
    )
    assert metadata.headline is not None
    assert metadata.headline.value == "Working with queues"
    assert metadata.headline.evidence.locator == "h1"


def test_a_title_part_naming_the_site_goes_but_a_headline_naming_it_stays() -> None:
    assert strip_site("Harbour Tools 4 review: faster builds | Harbour Tools Forum", "Harbour Tools") == (
        "Harbour Tools 4 review: faster builds"
    )
    assert strip_site("Queues | Harbour Tools guide to the API", None, "harbourtools") == "Queues"


# --------------------------------------------------------------------------- authors


def test_every_name_of_a_json_ld_author_array_is_kept() -> None:
    metadata = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Dam opens", '
        '"author": [{"@type": "Person", "name": "Ana Silva"}, {"@type": "Person", "name": "Rui Costa"}, '
        '{"@type": "Person", "name": "Mei Lin"}]}</script>',
        "<h1>Dam opens</h1>",
    )
    assert names(metadata) == ["Ana Silva", "Rui Costa", "Mei Lin"]


def test_a_byline_of_two_people_and_the_outlet_keeps_both_people() -> None:
    metadata = read(
        '<meta property="og:site_name" content="CNN">',
        '<h1>Dam opens</h1><p class="byline">By Ana Silva and Rui Costa, CNN</p>',
        url="https://www.cnn.example/2025/03/04/dam",
    )
    assert names(metadata) == ["Ana Silva", "Rui Costa"]


def test_a_credential_stays_with_its_name() -> None:
    metadata = read('<meta name="author" content="Jane Doe, MS, RDN">', "<h1>Eating for winter</h1>")
    assert names(metadata) == ["Jane Doe, MS, RDN"]


def test_an_organisation_is_not_split_at_the_ampersand() -> None:
    metadata = read('<meta name="author" content="Marsh & Parsons">', "<h1>House prices</h1>")
    assert names(metadata) == ["Marsh & Parsons"]


def test_two_full_names_joined_by_an_ampersand_are_two_authors() -> None:
    metadata = read('<meta name="author" content="Jared Newman & Sam Singleton">', "<h1>Phones</h1>")
    assert names(metadata) == ["Jared Newman", "Sam Singleton"]


def test_the_asker_named_in_a_microdata_author_box_with_badges_is_the_author() -> None:
    metadata = read(
        "",
        '<div class="question"><h1>How do I descale a kettle?</h1><p>Mine is furred up.</p>'
        '<div class="user-details" itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<a href="/users/812/kettlefan99" itemprop="url">kettlefan99</a>'
        '<meta itemprop="name" content="kettlefan99">'
        '<div><span class="rep">1,204</span> <span>3 silver badges</span></div></div></div>',
        url="https://answers.example/questions/55/descale-kettle",
    )
    assert names(metadata) == ["kettlefan99"]


def test_a_posters_handle_in_a_profile_link_beside_post_counts_is_the_author() -> None:
    metadata = read(
        "",
        '<div class="page-main--withSidebar"><h1>Which tent for windy coasts?</h1>'
        '<article class="post"><div class="post-author">'
        '<a href="/members/gale_walker77.3301/" class="avatar">G</a>'
        '<a href="/members/gale_walker77.3301/">gale_walker77</a>'
        "<span>Thread starter</span><span>2,310 posts</span><span>Joined 2011</span></div>"
        "<p>Looking for advice on a tent.</p></article></div>",
        url="https://forum.example/threads/which-tent.9981/",
    )
    assert names(metadata) == ["gale_walker77"]


def test_a_by_line_beside_the_heading_names_the_author_without_the_date_after_it() -> None:
    metadata = read(
        "",
        '<div class="builder-widget-wrap"><div class="builder-widget-container">'
        "<h1>Five ways to keep basil alive</h1>"
        '<p class="post-meta"><span>By</span>\n<span>Marta Kowalska</span>\n<span>June 3, 2025</span></p>'
        "</div></div><p>Basil wants sun and a wet, not soaked, pot.</p>",
        url="https://garden.example/keep-basil-alive",
    )
    assert names(metadata) == ["Marta Kowalska"]
    assert metadata.authors[0].evidence.source == "byline"


def test_a_by_line_naming_the_site_itself_names_no_author() -> None:
    metadata = read(
        '<meta property="og:site_name" content="Garden Example">',
        "<header><h1>Five ways to keep basil alive</h1><p>By Garden Example</p></header>",
        url="https://garden.example/keep-basil-alive",
    )
    assert names(metadata) == []


def test_the_thread_starter_is_the_author_of_a_forum_page_opening_on_a_reply() -> None:
    metadata = read(
        "",
        '<header class="account-bar"><span class="username">Hi, reader</span></header>'
        '<div class="thread-header"><h1>Quietest fan for a small case?</h1>'
        '<ul><li><span class="sr-only">Thread starter</span> <a class="username" href="/members/fanless_fred.12/">'
        "fanless_fred</a></li><li>Started 4 March 2024</li></ul></div>"
        '<article class="message"><section class="message-user">'
        '<a class="username" href="/members/coolant_carla.98/">coolant_carla</a> <span>Moderator</span>'
        "</section><p>Page 2: try the 120 mm ones.</p></article>",
        url="https://forum.example/threads/quietest-fan.4411/page-2",
    )
    assert names(metadata) == ["fanless_fred"]


def test_a_username_slot_holding_a_members_menu_names_only_the_member() -> None:
    metadata = read(
        "",
        "<h1>Moving a site between hosts</h1>"
        '<div class="postbit"><div class="username_container">'
        '<a class="username" href="member.php?u=5"><strong itemprop="author">hostmover</strong></a>'
        '<ul class="popupbody"><li><a href="member.php?u=5">View Profile</a></li>'
        '<li><a href="search.php?u=5">View Forum Posts</a></li></ul></div>'
        "<p>What is the safest order of steps?</p></div>",
        url="https://forum.example/showthread.php?t=77",
    )
    assert names(metadata) == ["hostmover"]


def test_the_declared_person_a_personal_site_is_named_for_is_its_author() -> None:
    metadata = read(
        '<meta property="og:site_name" content="Nora Lindqvist">'
        '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Notes on sourdough", '
        '"author": {"@type": "Person", "name": "Nora Lindqvist"}}</script>',
        "<h1>Notes on sourdough</h1>",
        url="https://noralindqvist.example/notes-on-sourdough",
    )
    assert names(metadata) == ["Nora Lindqvist"]


def test_a_publisher_declared_as_a_person_is_still_not_an_author() -> None:
    metadata = read(
        '<meta property="og:site_name" content="Harbour Heart Foundation">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "Walking after surgery", '
        '"author": {"@type": "Person", "name": "Harbour Heart Foundation"}}</script>',
        "<h1>Walking after surgery</h1>",
        url="https://harbourheart.example/walking-after-surgery",
    )
    assert names(metadata) == []


def test_a_job_title_is_never_a_name() -> None:
    assert names(read('<meta name="author" content="Publisher">', "<h1>Prices</h1>")) == []
    metadata = read('<meta name="author" content="Jane Doe, Publisher">', "<h1>Prices</h1>")
    assert names(metadata) == ["Jane Doe"]
    assert metadata.authors[0].role == "Publisher"


# --------------------------------------------------------------------------- dates


def test_an_unlabelled_date_under_the_headline_is_the_publication_date_with_less_confidence() -> None:
    metadata = read(
        "",
        '<div class="hero"><h1>Understanding cloud sinks</h1><div class="text-200">October 3, 2024</div></div>'
        "<p>Body text of the post.</p>",
        url="https://shop.example/post",
    )
    assert metadata.published is not None
    assert metadata.published.value.startswith("2024-10-03")
    assert metadata.published.confidence < 1.0
    assert metadata.published.evidence.source == "dateline"


def test_a_date_printed_in_a_short_line_after_the_heading_is_weak_evidence() -> None:
    metadata = read(
        "",
        "<h1>Tuning a bicycle wheel</h1>"
        '<div class="w-embed"><strong>By <a href="/team/ola">Ola Berg</a></strong> - Mar 27, 2024</div>'
        "<p>On 2 April 2024 the shop reopened, but that is another story.</p>",
        url="https://bikes.example/tuning-a-wheel",
    )
    assert metadata.published is not None
    assert metadata.published.value.startswith("2024-03-27")
    assert metadata.published.confidence < 1.0


def test_a_thread_headed_by_an_h2_is_dated_by_its_first_post_not_the_posters_joining_day() -> None:
    metadata = read(
        "",
        "<h2>Turning off the status lights</h2><div class='postbody'><p class='author'>by "
        "<a href='/memberlist.php?u=9'>ledfan</a> &raquo; Sun Dec 17, 2023 11:23 am</p>"
        "<p>How do I turn them off?</p></div>"
        "<dl class='profile'><dd><strong>Joined:</strong> Wed Feb 04, 2015 6:38 pm</dd></dl>",
        url="https://forum.example/viewtopic.php?t=361697",
    )
    assert metadata.published is not None
    assert metadata.published.value.startswith("2023-12-17")
    joined_first = read(
        "",
        "<h2>Turning off the status lights</h2><dl class='profile'><dd><strong>Joined:</strong> "
        "Wed Feb 04, 2015 6:38 pm</dd></dl><p>by ledfan &raquo; Sun Dec 17, 2023 11:23 am</p>",
        url="https://forum.example/viewtopic.php?t=361697",
    )
    assert joined_first.published is not None
    assert joined_first.published.value.startswith("2023-12-17")


def test_a_date_printed_just_above_the_heading_is_read_when_none_follows_it() -> None:
    metadata = read(
        "",
        '<nav><a href="/">Home</a></nav><div class="builder-column"><span>Lena Ortiz</span>'
        "<span>December 3, 2025</span></div><div><div><div><div>"
        "<h1>Choosing an e-bike for commuting</h1></div></div></div>"
        "<p>Start with how far you ride.</p></div>",
        url="https://bikes.example/choosing-an-ebike",
    )
    assert metadata.published is not None
    assert metadata.published.value.startswith("2025-12-03")
    assert metadata.published.confidence < 1.0


def test_a_date_inside_a_sentence_after_the_heading_is_not_the_publication_date() -> None:
    metadata = read(
        "",
        "<h1>Recall notice</h1><p>As of July 31, 2025, the agency has received eleven reports of "
        "dizziness from people who took the tablets.</p>",
        url="https://agency.example/recall-notice",
    )
    assert metadata.published is None


def test_a_date_in_a_box_holding_the_heading_is_read_whatever_the_box_is_called() -> None:
    metadata = read(
        "",
        '<div class="blog-widget"><h1>Small adventures with small models</h1>'
        '<span class="post-date">December 19, 2025</span><p>Text of the post.</p></div>',
        url="https://blog.example/small-adventures",
    )
    assert metadata.published is not None
    assert metadata.published.value.startswith("2025-12-19")


def test_a_meta_tag_in_another_spelling_gives_the_date() -> None:
    metadata = read('<meta name="published" content="July 17, 2025">', "<h1>Story</h1>")
    assert metadata.published is not None
    assert metadata.published.value.startswith("2025-07-17")
    assert metadata.published.confidence == 1.0


def test_a_meta_name_of_any_spelling_naming_a_date_gives_it_and_an_expiry_does_not() -> None:
    metadata = read(
        '<meta name="article:expiration_time" content="2031-01-01">'
        '<meta name="docs.date" content="2025-02-23T00:00:00Z">',
        "<h1>Run functions locally</h1>",
    )
    assert metadata.published is not None
    assert metadata.published.value.startswith("2025-02-23")
    assert metadata.published.confidence < 1.0
    named = read('<meta name="content.publishDate" content="2024-06-01">', "<h1>Story</h1>")
    assert named.published is not None and named.published.confidence == 1.0


def test_json_ld_printed_html_escaped_into_a_meta_tag_is_read() -> None:
    payload = (
        "{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;EV guide&quot;,"
        "&quot;datePublished&quot;:&quot;2025-11-10T09:00:00-05:00&quot;,"
        "&quot;dateModified&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"
    )
    metadata = read(f'<meta name="script:ld+json" content="{payload}">', "<h1>EV guide</h1>")
    assert metadata.published is not None and metadata.published.value.startswith("2025-11-10")
    assert metadata.modified is not None and metadata.modified.value.startswith("2025-11-17")


def test_a_date_in_script_data_is_weak_evidence() -> None:
    metadata = read(
        "",
        '<h1>Story</h1><script>self.__next_f.push([1,"{\\"title\\":\\"Story\\",'
        '\\"publishedAt\\":\\"2025-10-20T13:08:55-07:00\\"}"])</script>',
    )
    assert metadata.published is not None
    assert metadata.published.value.startswith("2025-10-20")
    assert metadata.published.confidence < 1.0


def test_script_data_names_its_date_after_keys_that_hold_none() -> None:
    # A key with no date, a longer key holding a shorter one, then an escaped quoted key.
    script = (
        '{"publishedAt": null, "first_publication_date": "draft"};'
        'push("{\\\\\\"title\\\\\\":1,\\\\\\"pubDate\\\\\\":\\\\\\"2024-03-05T08:00:00Z\\\\\\"}")'
    )
    metadata = read("", f"<h1>Story</h1><script>{script}</script>", url="https://shop.example/story")
    assert metadata.published is not None
    assert metadata.published.value.startswith("2024-03-05")
    assert metadata.published.evidence.raw == '\\\\\\"pubDate\\\\\\":\\\\\\"2024-03-05T08:00:00Z'


def test_an_update_date_is_the_publication_date_only_when_no_other_is_stated() -> None:
    metadata = read(
        "",
        '<h1>Checklist</h1><p class="post-date">Last updated: December 9, 2025</p><p>Body.</p>',
        url="https://shop.example/checklist",
    )
    assert metadata.modified is not None and metadata.modified.value.startswith("2025-12-09")
    assert metadata.published is not None and metadata.published.value.startswith("2025-12-09")
    assert metadata.published.confidence < 1.0


def test_an_update_date_never_replaces_a_stated_publication_date() -> None:
    metadata = read(
        '<meta property="article:modified_time" content="2025-12-09T10:00:00+00:00">',
        '<h1>Checklist</h1><p class="post-date">Published March 2, 2024</p><p>Body.</p>',
        url="https://shop.example/checklist",
    )
    assert metadata.published is not None and metadata.published.value.startswith("2024-03-02")
    assert metadata.modified is not None and metadata.modified.value.startswith("2025-12-09")


def test_a_date_from_the_url_alone_has_less_confidence() -> None:
    metadata = read("", "<h1>Story</h1>", url="https://news.example/2024/01/05/story/")
    assert metadata.published is not None
    assert metadata.published.evidence.source == "url"
    assert metadata.published.confidence < 1.0


def test_a_dateline_box_holding_tags_too_gives_the_date_of_its_first_line() -> None:
    tags = "".join(f'<a href="/tag/{n}">topic number {n}</a> ' for n in range(12))
    metadata = read(
        "",
        '<article><h1>Indexing guide</h1><div class="meta date-header"><span>Posted on April 13, 2023</span>'
        f'<div class="tags"><span>Tags:</span> {tags}</div></div><p>Body of the guide.</p></article>',
    )
    assert metadata.published is not None and metadata.published.value.startswith("2023-04-13")


def test_a_date_in_the_articles_own_footer_is_its_date_but_not_one_in_the_page_footer() -> None:
    own = read(
        "",
        "<main><article><h1>Puppy training</h1><p>Start with sit.</p>"
        '<footer class="article-footer"><span class="article-date"><time datetime="2025-08-12T11:15:06Z">'
        "August 12, 2025</time></span></footer></article></main>",
        url="https://shop.example/blogs/puppy",
    )
    assert own.published is not None and own.published.value.startswith("2025-08-12")
    page = read(
        "",
        "<main><h1>Puppy training</h1><p>Start with sit.</p></main>"
        '<footer class="site-footer"><time datetime="2025-08-12T11:15:06Z">August 12, 2025</time></footer>',
        url="https://shop.example/blogs/puppy",
    )
    assert page.published is None


def test_a_created_timestamp_attribute_of_the_pages_item_is_weak_evidence_of_its_date() -> None:
    metadata = read(
        "",
        '<post-item created-timestamp="2026-03-03T09:47:05.754000+0000"><h2>Best laptop?</h2>'
        "<p>Which one lasts?</p></post-item>",
        url="https://forum.example/t/123",
    )
    assert metadata.published is not None and metadata.published.value.startswith("2026-03-03")
    assert metadata.published.confidence < 1.0


def test_with_no_heading_element_the_printed_title_line_is_the_heading_its_date_follows() -> None:
    metadata = read(
        "<title>Top tools for payroll | Example HR</title>",
        '<div><p class="t">Top tools for payroll</p></div><div><p>Example HR Team</p></div>'
        "<div><p>Feb 16, 2026</p></div><p>Payroll software has grown.</p>"
        "<h2>Related posts</h2><div><p>March 1, 2020</p></div><p>Older payroll notes.</p>",
        url="https://hr.example/blog/payroll",
    )
    assert metadata.published is not None and metadata.published.value.startswith("2026-02-16")
