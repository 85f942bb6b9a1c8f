"""Structural rules of the body choice, each on a small page written for it (``tests/fixtures/body/``)."""

from __future__ import annotations

from pathlib import Path

from newsledger.extract.content import extract_body
from newsledger.extract.content.select import choose_container, other_articles, prose_chars
from newsledger.extract.content.walk import segment_tree
from newsledger.extract.dom import drop_non_text, parse_html
from newsledger.extract.parts import Metadata

PAGES = Path(__file__).resolve().parent / "fixtures" / "body"


def _other_articles(html: str) -> frozenset[int]:
    tree = parse_html(html)
    drop_non_text(tree)
    segments = segment_tree(tree.body)
    prose = [prose_chars(segment) for segment in segments]
    container = choose_container(segments, prose)
    assert container is not None
    depth = next(i for s in segments for i, frame in enumerate(s.path) if frame is container)
    depths = [depth if container in s.path else -1 for s in segments]
    return other_articles(segments, prose, depths)


def test_many_stories_none_larger_than_the_first_are_a_list() -> None:
    assert _other_articles((PAGES / "diary-front-page.html").read_text(encoding="utf-8")) == frozenset()


def test_a_story_followed_by_other_stories_keeps_them_apart() -> None:
    story = (
        "<p>" + " ".join(["The ferry resumed its winter timetable on Monday after repairs."] * 20) + "</p>"
    )
    teaser = "<p>A shorter story about the harbour wall and the works planned for next spring.</p>"
    html = (
        f"<main><article>{story}</article>"
        + "".join(f"<article>{teaser}</article>" for _ in range(9))
        + "</main>"
    )
    assert len(_other_articles(html)) == 9


def test_a_long_story_followed_by_many_teasers_keeps_them_apart() -> None:
    story = "".join(
        f"<p>The lifeboat crew answered {n} calls this winter, most of them to walkers cut off by the tide on the sands.</p>"
        for n in range(14)
    )
    teaser = "<p>A shorter piece about the carol service at the harbour chapel, held on the quay.</p>"
    html = (
        f"<main><article>{story}</article><h2>Also in the news</h2>"
        + "".join(f"<article>{teaser}{teaser}</article>" for _ in range(11))
        + "</main>"
    )
    assert len(_other_articles(html)) == 11


def _body_text(html: str) -> str:
    body = extract_body(parse_html(html), None, Metadata())
    return "\n".join(block.text for block in body.blocks)


def test_a_thread_in_a_noscript_is_read_beside_its_script_data() -> None:
    # The thread rendered by script ships twice: as data for the script, longer than the page's
    # reading text, and as a fallback for readers without script.
    posts = [
        "The pump on the shared water butt trips the shed breaker whenever it has run a minute.",
        "Check the impeller first: silt packs around it and the motor stalls, drawing too much.",
        "That was it. The impeller was packed with silt from the bottom of the butt, now clean.",
    ] * 3
    payload = (
        '{"posts": ['
        + ",".join(f'{{"body": "{post}", "id": {n}}}' for n, post in enumerate(posts * 3))
        + "]}"
    )
    html = (
        "<html><body><div id='app'>Loading...</div>"
        "<div id='load-error' style='display: none'><div class='container'>"
        "Something went wrong while loading the full version of this site. Refresh the page.</div></div>"
        "<noscript><div class='container'><h1>Shed breaker trips</h1>"
        + "".join(f"<article><p>{post}</p></article>" for post in posts)
        + f"</div></noscript><script type='application/json'>{payload}</script></body></html>"
    )
    text = _body_text(html)
    assert "Check the impeller first" in text
    assert "Something went wrong" not in text


def test_an_issue_of_a_newsletter_published_as_a_page_is_its_article() -> None:
    issue = [
        "This month we look at the tide tables again, because the spring tides of March ran higher "
        "than any printed table foresaw along the whole of the eastern coast.",
        "Our readers sent in their own gauge readings from eleven harbours, and the pattern is plain: "
        "the surge came with a north wind that held for three days before the full moon.",
        "We have asked the harbour trust whether it will publish the corrected tables, and it has "
        "promised an answer before the next issue goes out at the start of May.",
        "Until then, add half a metre to the printed height of any spring tide when the wind has sat "
        "in the north, and keep an eye on the gauge at the harbour mouth before you launch.",
    ] * 2
    html = (
        "<html><body><header class='site-header'><a href='/'>Tide Notes</a></header><main>"
        "<section class='newsletter-hero'><article class='newsletter-content'><h1>Tide Notes, April</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in issue)
        + "</article></section>"
        "<div class='newsletter-signup'><p>Get the next issue in your inbox every month, free.</p></div>"
        "<div class='row'><p>Tide Notes is written by volunteers who read the gauges of the eastern "
        "harbours every morning and compare them with the printed tables.</p>"
        "<p>Every issue has been a great help to our sailing club. Thank you for the careful work!</p></div>"
        "</main><footer class='site-footer'>Tide Notes</footer></body></html>"
    )
    text = _body_text(html)
    assert "add half a metre to the printed height" in text
    assert "Get the next issue in your inbox" not in text


def test_a_consent_notice_is_never_the_article_of_a_page_of_short_posts() -> None:
    # The page's own text is a few one-line posts, none of them prose; the consent notice's
    # preference centre is pages of it.
    purposes = "".join(
        f"<h4>{name} cookies</h4><p>These technologies are used by us or on behalf of our partners to "
        f"{purpose}, and the data they collect may be shared with them as our privacy policy sets out.</p>"
        for name, purpose in (
            ("Strictly necessary", "operate the site and keep it secure"),
            ("Analytics", "understand how the site is used and how it performs"),
            ("Functional", "remember your choices and show content for your region"),
            ("Targeting", "build a profile of your interests and show you relevant adverts"),
        )
    )
    html = (
        "<html><body><main><h1>Which knot for a mooring line?</h1>"
        "<div class='post'><p>Bowline, every time.</p></div>"
        "<div class='post'><p>Round turn and two half hitches.</p></div>"
        "<div class='post'><p>A cleat hitch if there is a cleat.</p></div></main>"
        f"<div id='consent-sdk'><div id='pc-content'><h2>Privacy Preference Center</h2>{purposes}</div></div>"
        "</body></html>"
    )
    text = _body_text(html)
    assert "Round turn and two half hitches." in text
    assert "These technologies" not in text


def test_items_under_a_heading_recommending_them_are_set_aside() -> None:
    description = (
        "<p>A one-litre jug of pressed steel, enamelled twice inside and out, with a lip that pours "
        "without a drip and a handle riveted rather than welded, so that it outlasts its kitchen.</p>"
    )
    others = "".join(
        f"<div class='tile'><h3>{name}</h3><p>{note}, enamelled steel, in five colours.</p></div>"
        for name, note in (
            ("Milk pan", "Half a litre"),
            ("Bread bin", "Roll-top lid"),
            ("Colander", "Two handles"),
        )
    )
    html = (
        "<html><body><main><h1>Enamel jug</h1>"
        f"<h2>Description</h2>{description}<h2>Care</h2><p>Wash by hand and dry upside down.</p>"
        f"<h2>Customers who bought this also bought</h2>{others}"
        "<h2>Delivery</h2><p>Sent within two working days by tracked post.</p></main></body></html>"
    )
    text = _body_text(html)
    assert "pours without a drip" in text
    assert "Sent within two working days" in text
    assert "Roll-top lid" not in text
    assert "also bought" not in text


def test_items_under_a_heading_naming_more_from_the_maker_are_set_aside() -> None:
    description = (
        "<p>A one-litre jug of pressed steel, enamelled twice inside and out, with a lip that pours "
        "without a drip and a handle riveted rather than welded, so that it outlasts its kitchen.</p>"
    )
    others = "".join(
        f"<div class='tile'><h3>{name}</h3><p>{price}</p></div>"
        for name, price in (("Milk pan", "£18.00"), ("Bread bin", "£42.00"), ("Colander", "£24.00"))
    )
    html = (
        "<html><body><main><h1>Enamel jug</h1>"
        f"<h2>Description</h2>{description}<h2>More from Hartwell Enamel</h2>{others}"
        "<h2>Delivery</h2><p>Sent within two working days by tracked post.</p></main></body></html>"
    )
    text = _body_text(html)
    assert "pours without a drip" in text
    assert "Sent within two working days" in text
    assert "Bread bin" not in text
    assert "More from" not in text


def test_a_heading_leading_in_to_the_texts_own_list_is_kept() -> None:
    story = (
        "<p>" + " ".join(["Gardeners in the valley sowed their beans a fortnight early this spring."] * 12) + "</p>"
    )
    html = (
        f"<html><body><article><h1>Early beans</h1>{story}"
        "<h3>More from the extension office on sowing:</h3>"
        "<ul><li>Sow beans after the last frost, two inches deep.</li>"
        "<li>Water the rows weekly until the plants flower.</li></ul></article></body></html>"
    )
    text = _body_text(html)
    assert "Water the rows weekly" in text


def test_sections_sharing_the_class_a_script_finds_them_by_are_the_body() -> None:
    # Each section is named for its topic first; the class all of them share, for the script that
    # builds the page's table of contents, happens to spell a menu word.
    topics = {
        "contacts": "Keep every customer's calls, letters and visits in one record, so whoever picks "
        "up the phone next knows what was promised and when the order is due to ship.",
        "quotes": "Draw up a quote from the price list in a minute, send it from the record and see "
        "when it was opened, then turn it into an invoice once the customer signs it.",
        "reports": "Count the quotes won each month, the time a lead waits for its first call and the "
        "customers who have not ordered this year, and send the figures round on Monday.",
        "storage": "Store up to five thousand records and a gigabyte of letters in the free plan, kept "
        "in two data centres and copied every night, with nothing to install on your desk.",
    }
    html = (
        "<html><body><header class='site-header'><a href='/'>Ledgerly</a> <a href='/pricing'>Pricing</a>"
        "</header><div class='page'><h1>The free customer ledger</h1>"
        "<p class='intro'>Three people can use it free, for as long as they like.</p>"
        + "".join(
            f"<div class='{name}_section toc_navSource' id='sec-{n}'><h2>{name.title()}</h2><p>{text}</p>"
            f"<p>{text}</p></div>"
            for n, (name, text) in enumerate(topics.items())
        )
        + "<div class='demo_box toc_navSource'><p>Book a demo and see the ledger with your own "
        "figures in it.</p></div>"
        "<div class='site-nav'><a href='/a'>About</a> <a href='/b'>Blog</a></div>"
        "</div><footer class='site-footer'>Ledgerly Ltd.</footer></body></html>"
    )
    text = _body_text(html)
    for paragraph in topics.values():
        assert paragraph in text
    assert "Blog" not in text
    # A box of the same class with a fraction of a section's prose is no section.
    assert "Book a demo" not in text


def test_the_titles_of_a_front_page_in_h1s_of_their_own_are_kept() -> None:
    posts = {
        "Winter hours at the boatyard": "The yard closes at four from November to February, and the "
        "slipway is booked a week ahead, so ring before you bring a boat up the hard.",
        "New moorings on the west bank": "Twelve swinging moorings were laid this autumn off the west "
        "bank, each with a new chain and a buoy numbered for the harbour master's list.",
        "The crane is back from its inspection": "The yard crane passed its inspection on Friday and "
        "lifts up to eight tonnes again, so larger keel boats can come out this winter.",
    }
    html = (
        "<html><body><main><h1>Boatyard news</h1>"
        + "".join(f"<article><h1>{title}</h1><p>{text}</p></article>" for title, text in posts.items())
        + "</main></body></html>"
    )
    text = _body_text(html)
    for title in posts:
        assert title in text
    assert "Boatyard news" not in text


def test_a_card_text_named_caption_that_holds_a_heading_is_read() -> None:
    # A grid of products: under each photo, a box named ``caption`` holds the product's name as
    # a heading, its maker and its price; a figure's caption stays a caption.
    lamps = [
        ("Harbour desk lamp", "Brass and linen, made in Leith", "£120"),
        ("Quay floor lamp", "Oak stem and a paper shade, made in Hull", "£240"),
        ("Lantern wall light", "Galvanised steel, for a porch or a shed door", "£85"),
        ("Pier pendant", "Enamel shade in four colours, made in Whitby", "£95"),
    ]
    html = (
        "<html><body><main><h1>Lamps</h1>"
        "<figure><img src='/shop.jpg' alt=''><figcaption class='caption'><h4>Our workshop</h4>"
        "Our workshop by the harbour.</figcaption></figure>"
        "<p>Every lamp we sell is wired by hand in our workshop and tested twice before it is boxed "
        "for the carrier, and every shade can be swapped for another in the range.</p>"
        "<div class='grid'>"
        + "".join(
            f"<div class='thumbnail'><img src='/{n}.jpg' alt=''><div class='caption'><h3>{name}</h3>"
            f"<div>{maker}</div><div class='price'>{price}</div></div></div>"
            for n, (name, maker, price) in enumerate(lamps)
        )
        + "</div></main></body></html>"
    )
    text = _body_text(html)
    for name, maker, _ in lamps:
        assert name in text
        assert maker in text
    assert "Our workshop by the harbour." not in text


def test_a_box_named_for_a_date_that_holds_a_heading_is_read() -> None:
    # A page builder's sections, each a ``meta-block``: a heading and its paragraph; the post's
    # own date line stays aside.
    sections = {
        "Every channel in one place": "Watch the live channels, the recordings you made last week and "
        "the films you rented on the same screen, without switching boxes or remotes.",
        "Record three shows at once": "Set the recorder from your phone on the train home, and it keeps "
        "up to three programmes going at the same time on the same evening.",
        "Take it to every room": "A second screen in the kitchen or the spare room costs nothing more "
        "to set up, and each screen keeps its own list of what you were watching.",
    }
    html = (
        "<html><body><main><h1>Television</h1>"
        "<div class='post-date'>Updated 3 March 2025</div>"
        + "".join(
            f"<p>{intro}</p>"
            for intro in (
                "Our television service brings the live channels, a recorder in the cloud and a "
                "library of films to every screen in the house, and it is set up by one of our "
                "engineers on the day your line is connected, at no extra charge.",
                "It works over the same line as your broadband, so there is no dish to fit and no "
                "aerial to point, and the picture stays sharp in a storm; if it ever drops, the "
                "box switches to the aerial channels on its own until the line is back.",
                "Prices are the same in every town we serve and are fixed for the first two years, "
                "and you can add or drop a package of channels at the start of any month.",
            )
        )
        + "".join(
            f"<section class='jss-meta-block-section'><h2>{heading}</h2><p>{text}</p></section>"
            for heading, text in sections.items()
        )
        + "</main></body></html>"
    )
    text = _body_text(html)
    for heading, paragraph in sections.items():
        assert heading in text
        assert paragraph in text
    assert "Updated 3 March 2025" not in text


def test_a_list_item_whose_one_box_is_named_for_its_details_is_read() -> None:
    # An index of papers: each entry's number is a term, and its description one box named
    # ``meta`` holding the title, the authors and the subjects; a story's own date box stays aside.
    papers = [
        ("Tidal stirring in shallow estuaries", "R. Okafor, L. Brandt", "Fluid Dynamics"),
        ("Salt wedges under a falling river", "M. Quist", "Geophysics"),
        ("Sediment plumes after a spring flood", "A. Haldane, T. Moreau", "Fluid Dynamics"),
    ]
    html = (
        "<html><body><main><h1>Recent submissions</h1>"
        "<div class='meta'>Listed 4 March 2025</div>"
        "<p>Papers submitted to the estuaries section this week, newest first, each with its "
        "authors and the subjects it was filed under by the moderators of the section.</p><dl>"
        + "".join(
            f"<dt>[{n}] paper {n}</dt><dd><div class='meta'><div class='list-title'>Title: {title}</div>"
            f"<div>{authors}</div><div class='list-subjects'>Subjects: {subject}</div>"
            "</div></dd>"
            for n, (title, authors, subject) in enumerate(papers, 1)
        )
        + "</dl></main></body></html>"
    )
    text = _body_text(html)
    for title, authors, subject in papers:
        assert title in text
        assert authors in text
        assert f"Subjects: {subject}" in text
    assert "Listed 4 March 2025" not in text


def test_a_date_box_alone_in_a_list_item_stays_aside() -> None:
    # A story's date line sits alone in an item of its list of details: one line, not an entry.
    html = (
        "<html><body><main><h1>Ferry timetable</h1>"
        "<ul class='details'><li><div class='meta'><span>Posted 4 March 2025</span></div></li></ul>"
        + "<p>The winter timetable starts on Monday, with the first crossing at seven and the last "
        "at nine in the evening, and the harbour office will be open an hour earlier.</p>" * 3
        + "</main></body></html>"
    )
    text = _body_text(html)
    assert "The winter timetable starts on Monday" in text
    assert "Posted 4 March 2025" not in text


def test_a_page_past_the_size_limit_for_its_scripts_keeps_its_text() -> None:
    # Megabytes of script data before the page's text: the cut that bounds a page's cost falls
    # on its text only when the text itself is that long, and structured data is still read.
    from newsledger import extract
    from newsledger.extract.html import MAX_HTML_CHARS

    data = '<script>window.__STATE__ = "' + "x" * MAX_HTML_CHARS + '";</script>'
    described = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tide tables"}</script>'
    story = "<p>The harbour office now publishes its tide tables a month ahead of the season.</p>" * 5
    page = f"<html><head>{described}</head><body>{data}<main><h1>Tide tables</h1>{story}</main></body></html>"
    article = extract(page, form="html")
    assert article.text.startswith("The harbour office now publishes its tide tables")
    assert article.headline is not None and article.headline.value == "Tide tables"
    assert not any("cut to its first" in note for note in article.notes)
    # An unclosed script runs to the end of the page, as the parser reads it: nothing to save.
    assert extract(f"<html><body>{story}<script>{data}", form="html").text.startswith("The harbour")


def test_a_link_shared_to_a_board_reads_its_whole_thread() -> None:
    # The story is a link and a byline; the comments are all the prose there is, nested one in
    # another: the page's text is the thread, not its longest comment.
    from newsledger.model import Evidence, PageTypeField

    page_type = PageTypeField(value="article", evidence=Evidence(source="dom"))
    body = extract_body(
        parse_html((PAGES / "link-thread.html").read_bytes()), None, Metadata(page_type=page_type)
    )
    text = "\n".join(block.text for block in body.blocks)
    assert "We have been scraping the old charts by hand" in text
    assert "The north pier readings were corrected" in text
    assert "whether the minute data is included" in text
    assert "Rules" not in text


def test_a_self_closed_frame_does_not_swallow_the_rest_of_the_page() -> None:
    # A tracking frame written self-closed inside a <noscript>: an <iframe> holds raw text up to
    # its end tag, and there is none, so the page's text after it was read as the frame's.
    from newsledger import extract

    story = "<p>The harbour office now publishes its tide tables a month ahead of the season.</p>" * 3
    page = (
        '<html><body><noscript><iframe src="https://example.org/ns.html" height="0" width="0" '
        f'style="display: none" /></noscript><main><h1>Tide tables</h1>{story}</main></body></html>'
    )
    article = extract(page, form="html")
    assert article.text.startswith("The harbour office now publishes its tide tables")
    assert "<p>" not in article.text


def test_the_header_of_a_card_is_its_title_not_the_page_header() -> None:
    card = (
        '<div class="card"><div class="card-header"><h3>{title}</h3></div>'
        "<p>{title} keeps working when the harbour office is closed, and the crews on the water "
        'see the same readings as the office.</p><div class="card-footer">Read about {title}</div></div>'
    )
    titles = ["Tide alerts", "Berth bookings", "Fuel dock queue"]
    page = (
        '<html><body><header class="site-header"><a href="/">Harbour Suite</a> <a href="/login">Log in</a></header>'
        "<main><h1>Software for harbour offices</h1>"
        + "".join(card.format(title=title) for title in titles)
        + '</main><footer class="site-footer">Privacy</footer></body></html>'
    )
    body = extract_body(parse_html(page), None, Metadata())
    text = "\n".join(block.text for block in body.blocks)
    assert all(f"{title}\n" in f"{text}\n" for title in titles)
    assert "Read about Fuel dock queue" in text
    assert "Log in" not in text and "Privacy" not in text


def test_placeholder_latin_left_in_a_template_is_not_body_text() -> None:
    story = (
        "<p>" + " ".join(["The county opened its new reading room above the market hall on Saturday."] * 8) + "</p>"
    )
    html = (
        f"<html><body><article><h1>Reading room</h1>{story}"
        "<div class='card'><h3>Lorem ipsum 2</h3><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, "
        "sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></div>"
        "<p>Opening hours are posted on the door.</p></article></body></html>"
    )
    text = _body_text(html)
    assert "new reading room" in text
    assert "Opening hours are posted" in text
    assert "Lorem" not in text
    assert "adipiscing" not in text
