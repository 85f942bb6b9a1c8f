"""The body follows the page type: rules that wait for the type read before the body.

The pages are written for these tests (``tests/fixtures/body/``); each rule is checked both
ways, so that a page of another type keeps its old reading.
"""

from __future__ import annotations

from pathlib import Path

from newsledger.extract.content import extract_body
from newsledger.extract.content.select import (
    BOXED_PROSE_SHARE,
    SMALL_PROSE_SHARE,
    choose_container,
    prose_chars,
    small_share,
    widen,
)
from newsledger.extract.content.walk import Frame, segment_tree
from newsledger.extract.dom import drop_non_text, parse_html
from newsledger.extract.parts import Body, Metadata
from newsledger.model import Evidence, PageTypeField

PAGES = Path(__file__).resolve().parent / "fixtures" / "body"


def _container_text(name: str, *, thread: bool) -> str:
    tree = parse_html((PAGES / name).read_bytes())
    drop_non_text(tree)
    segments = segment_tree(tree.body)
    prose = [prose_chars(segment) for segment in segments]
    container = choose_container(segments, prose, thread=thread)
    assert container is not None
    container = widen(segments, container)
    return "\n".join(s.text for s in segments if container in s.path)


def test_forum_thread_keeps_the_replies() -> None:
    text = _container_text("forum-replies.html", thread=True)
    assert "We have never been to the fens." in text
    assert "Plan it yourselves." in text
    assert "We have booked two nights in Ely" in text
    assert "Board rules" not in text


def test_the_same_shape_on_another_page_keeps_comments_out() -> None:
    text = _container_text("forum-replies.html", thread=False)
    assert "We have never been to the fens." in text
    assert "Plan it yourselves." not in text


def _body(name: str, kind: str | None) -> Body:
    page_type = PageTypeField(value=kind, evidence=Evidence(source="dom")) if kind else None
    return extract_body(parse_html((PAGES / name).read_bytes()), None, Metadata(page_type=page_type))


def _body_text(name: str, kind: str | None) -> str:
    return "\n".join(block.text for block in _body(name, kind).blocks)


def test_forum_posts_in_articles_are_peers() -> None:
    text = _body_text("forum-articles.html", "forum")
    assert "Which source do you rely on" in text
    assert "Apps often interpolate" in text
    assert "I watch the posts at the harbour mouth" in text
    assert "Terms" not in text


def test_forum_posts_keep_their_authors() -> None:
    blocks = [block.text for block in _body("forum-articles.html", "forum").blocks]
    assert blocks.index("keelhaul") + 1 == next(
        i for i, b in enumerate(blocks) if b.startswith("The printed tables come")
    )
    assert "keelhaul" not in _body_text("forum-articles.html", "article")


def test_articles_after_the_story_are_other_stories_on_an_article_page() -> None:
    text = _body_text("forum-articles.html", "article")
    assert "Which source do you rely on" in text
    assert "Apps often interpolate" not in text


def test_product_body_reaches_the_heading_and_its_description() -> None:
    text = _body_text("product-heading.html", "product")
    assert "A waxed cotton smock cut long enough" in text
    assert "Waxed cotton, 8 oz" in text
    assert "Every seam is taped" in text
    assert "Returns" not in text


def test_article_body_stays_with_its_prose() -> None:
    text = _body_text("product-heading.html", "article")
    assert "Every seam is taped" in text
    assert "A waxed cotton smock cut long enough" not in text


def test_documentation_keeps_every_tab_of_an_example() -> None:
    text = _body_text("docs-tabs.html", "documentation")
    assert 'gauge = tidekit.open("WSM-01")' in text
    assert 'let gauge = tidekit::open("WSM-01")?;' in text
    assert "raises a stale-reading error" in text


def test_hidden_tab_panels_stay_aside_on_a_thread() -> None:
    text = _body_text("docs-tabs.html", "forum")
    assert 'gauge = tidekit.open("WSM-01")' in text
    assert "tidekit::open" not in text


def test_service_body_spans_its_boxes() -> None:
    text = _body_text("service-boxes.html", "service")
    assert "we lift the boat, survey the hull inside and out" in text
    assert "We sound the hull, check the keel bolts" in text
    assert "£640, with the lift out" in text
    assert "Privacy" not in text


def test_the_same_boxes_on_an_article_page_keep_the_largest() -> None:
    text = _body_text("service-boxes.html", "article")
    assert "we lift the boat, survey the hull inside and out" in text
    assert "We sound the hull, check the keel bolts" not in text


def test_a_couple_of_short_paragraphs_are_one_box_of_the_body_on_any_page() -> None:
    teaser, story = Frame(1, "div", None), Frame(2, "div", None)
    teaser.good, story.good = 300.0, 2400.0
    assert small_share(teaser, boxed=False) == BOXED_PROSE_SHARE
    assert small_share(story, boxed=False) == SMALL_PROSE_SHARE
    assert small_share(story, boxed=True) == BOXED_PROSE_SHARE


def test_a_passage_printed_twice_is_read_once() -> None:
    body = _body("product-twice.html", "product")
    text = "\n".join(block.text for block in body.blocks)
    assert text.count("A one-litre jug of pressed steel") == 1
    assert text.count("Each jug is dipped by hand") == 1
    # A short line that recurs elsewhere on its own is not part of a copied passage.
    assert text.count("Hand wash only.") == 2
    assert "Dry the jug upside down" in text
    copies = [b for b in body.boilerplate if b.reason == "repeats an earlier passage word for word"]
    assert len(copies) == 1 and copies[0].text.startswith("A one-litre jug")


def test_plans_and_tabs_keep_their_repeated_passages() -> None:
    text = _body_text("product-twice.html", "service")
    assert text.count("A one-litre jug of pressed steel") == 2


def test_a_box_in_a_state_is_not_furniture() -> None:
    body = _body("product-state-class.html", "product")
    text = "\n".join(block.text for block in body.blocks)
    assert "A dark roast for grey mornings on the marsh" in text
    assert "every third bag ships free" in text
    assert not any(b.kind == "newsletter" for b in body.boilerplate)


def test_product_reads_its_folded_tabs_and_accordions() -> None:
    text = _body_text("product-tabs.html", "product")
    assert "A paraffin lantern with a hinged glass chimney" in text
    assert "Height 34 cm with the bail folded" in text
    assert "Lanterns ship by tracked courier" in text
    assert "Spare chimneys and wicks are kept in stock" in text
    # A hidden drawer that is no panel of the body stays aside.
    assert "Measure the hook on your boom" not in text


def test_folded_panels_are_read_on_pages_of_any_type_but_a_thread() -> None:
    assert "Height 34 cm with the bail folded" in _body_text("product-tabs.html", "article")
    assert "Height 34 cm with the bail folded" in _body_text("product-tabs.html", None)
    text = _body_text("product-tabs.html", "forum")
    assert "A paraffin lantern with a hinged glass chimney" in text
    assert "Height 34 cm with the bail folded" not in text


def test_parts_streamed_to_the_end_of_the_page_are_read_in_their_places() -> None:
    blocks = [block.text for block in _body("streamed-article.html", "article").blocks]
    assert blocks[0].startswith("Fishermen noticed first")
    assert blocks[1].startswith("The gauge the tables were built on")
    assert blocks[2].startswith("The harbour office now takes its readings")
    assert not any("Loading" in text for text in blocks)


def test_product_sets_its_buyers_reviews_aside() -> None:
    body = _body("product-reviews.html", "product")
    text = "\n".join(block.text for block in body.blocks)
    assert "A double-walled steel flask" in text
    assert "Kept my coffee hot" not in text
    assert any(b.kind == "comments" and "Kept my coffee hot" in b.text for b in body.boilerplate)


def test_a_box_named_review_on_another_page_is_not_set_aside() -> None:
    assert "Kept my coffee hot" in _body_text("product-reviews.html", "article")


def test_a_heading_wrapped_alone_in_its_box_stays_in_the_body() -> None:
    body = _body("builder-headings.html", "article")
    headings = [block.text for block in body.blocks if block.kind == "heading"]
    assert headings == ["Swinging or pile moorings", "What the ground tackle should be"]
    # A heading over a box of links alone is still set aside with them.
    assert any(
        b.text == "Key dates" and b.reason == "heading of a box with no body text" for b in body.boilerplate
    )


def test_headings_that_link_to_what_they_name_stay_headings() -> None:
    body = _body("linked-headings.html", "article")
    headings = [block.text for block in body.blocks if block.kind == "heading"]
    # A heading whose class names it the header of its section is a heading too.
    assert headings == ["1. Saltcote", "2. Fenwick", "3. Westmarsh", "Before you go"]


def test_streamed_parts_with_tangled_places_keep_their_text() -> None:
    prose = "The harbour office reads the tide from the outer gauge now, a quarter of an hour earlier."
    pages = [
        f'<main><p>Tides.</p></main><div hidden id="S:0"><p>{prose}</p><template id="B:0"></template></div>',
        f'<main><template id="P:1"></template><template id="P:1"></template></main>'
        f'<div hidden id="S:1"><p>{prose}</p></div><div hidden id="S:1"><p>Second copy.</p></div>',
        f'<main><template id="P:0"></template></main><div hidden id="S:0"><template id="P:1"></template>'
        f'<p>{prose}</p></div><div hidden id="S:1"><template id="P:0"></template><p>One.</p></div>',
    ]
    for page in pages:
        body = extract_body(parse_html(page), None, Metadata())
        assert prose in "\n".join(block.text for block in body.blocks)


def test_component_boxes_of_a_page_builder_are_not_a_consent_box() -> None:
    # ``cmp-`` names a page builder's components as often as a consent platform's box.
    text = _body_text("component-boxes.html", "service")
    assert "Every swinging mooring in the harbour" in text
    assert "The sinker is dug out of the mud" in text
    assert "Inspections run from March to May" in text
    assert "Privacy" not in text


def test_a_page_without_prose_keeps_its_items_and_drops_its_frame() -> None:
    body = _body("no-prose-grid.html", "collection")
    text = "\n".join(block.text for block in body.blocks)
    assert "Braided mooring line 14 mm" in text
    assert "£4.80 a metre" in text
    for furniture in ("Login / Register", "Clothing", "Tweet", "The Quay"):
        assert furniture not in text


def test_a_header_inside_the_content_stays_on_a_page_without_prose() -> None:
    html = (
        "<body><nav><a href='/'>Home</a> <a href='/topics'>Topics</a></nav>"
        "<article><div class='topic-header'>Tides and currents</div>"
        "<ul><li><a href='/a'>Neap tides</a></li><li><a href='/b'>Spring tides</a></li></ul></article></body>"
    )
    body = extract_body(parse_html(html), None, Metadata())
    text = "\n".join(block.text for block in body.blocks)
    assert "Tides and currents" in text
    assert "Topics" not in text


def test_cards_teasing_other_stories_after_the_story_are_set_aside() -> None:
    body = _body("teaser-cards.html", "article")
    text = "\n".join(block.text for block in body.blocks)
    assert "The harbour board voted on Tuesday" in text
    assert "shared between the board, the county" in text
    assert "Lifeboat crew called out twice" not in text
    assert "Twelve swinging moorings" not in text
    assert any(item.kind == "related_links" and "Winter timetable" in item.text for item in body.boilerplate)


def test_entries_of_a_roundup_with_linked_headings_stay() -> None:
    text = _body_text("roundup-entries.html", "article")
    assert "Saltmarsh Ropeworks" in text
    assert "Mudlark Oilskins" in text
    assert "repaired for free for life" in text


def test_teaser_cards_on_a_listing_stay() -> None:
    text = _body_text("teaser-cards.html", "listing")
    assert "Lifeboat crew called out twice" in text


def test_replies_outweighing_a_long_opening_post_stay_in_the_thread() -> None:
    # An opening post of a dozen sentences (some 1,800 characters) is still a post, not a story.
    sentences = [
        f"Day {n}: we walked from the station along the river bank and counted the herons on the far side."
        for n in range(1, 19)
    ]
    reply = (
        "We did the same walk last spring and found the ferry across to the abbey had stopped running, "
        "so we went round by the lock instead, which added an hour but took us past the old pumping station."
    )
    html = (
        "<main><h1>Walking the river in April</h1>"
        f"<div class='opening-post'><p>{' '.join(sentences)}</p></div><section id='replies'>"
        + "".join(f"<div class='comment'><p>{reply} Reply {n} of the thread.</p></div>" for n in range(9))
        + "</section></main>"
    )
    tree = parse_html(html)
    drop_non_text(tree)
    segments = segment_tree(tree.body)
    container = choose_container(segments, [prose_chars(s) for s in segments], thread=True)
    assert container is not None
    text = "\n".join(s.text for s in segments if container in s.path)
    assert "Day 18: we walked" in text
    assert "Reply 8 of the thread." in text


def test_a_long_consent_notice_is_not_the_body_of_a_page_without_an_article() -> None:
    notice = " ".join(
        f"We and our {n} partners store and access information on your device, such as cookies, to measure "
        "how this site is used and to show you content that may interest you."
        for n in range(2, 12)
    )
    items = "".join(
        f"<li><h2><a href='/s/{n}'>Tide tables for week {n}</a></h2><p>High water times for the harbour.</p></li>"
        for n in range(1, 9)
    )
    html = (
        f"<body><main><h1>This week on the coast</h1><ul class='stories'>{items}</ul></main>"
        f"<div id='consent-sdk'><div class='policy-text'><p>{notice}</p></div></div></body>"
    )
    page_type = PageTypeField(value="listing", evidence=Evidence(source="dom"))
    body = extract_body(parse_html(html), None, Metadata(page_type=page_type))
    text = "\n".join(block.text for block in body.blocks)
    assert "partners store and access" not in text
    assert "Tide tables for week 8" in text


def test_a_furniture_box_outside_main_yields_to_the_content_of_main() -> None:
    # The promotion bar prints its note once per country; its prose outweighs the page's own.
    notes = "".join(
        f"<p>Free standard delivery on orders over {n}0 in region {n}. For delivery times and costs in your "
        f"country, please see our delivery page before you order.</p>"
        for n in range(3, 15)
    )
    menu = "".join(f"<li><a href='/{n}'>Chandlery department number {n}</a></li>" for n in range(40))
    html = (
        f"<body><div class='promo-bar'><div class='promo-bar__wrapper'>{notes}</div></div>"
        f"<div class='menu'><ul>{menu}</ul></div>"
        "<main><h1>Sail repairs</h1><p>Bring your sail to the loft by Friday and we will have it "
        "back to you, stitched and patched, within the week.</p><p>Every repair is checked on the "
        "loft floor and costed before we start; you pay only for what we agreed.</p></main></body>"
    )
    tree = parse_html(html)
    drop_non_text(tree)
    segments = segment_tree(tree.body)
    container = choose_container(segments, [prose_chars(s) for s in segments])
    assert container is not None
    text = "\n".join(s.text for s in segments if container in s.path)
    assert "stitched and patched" in text
    assert "Free standard delivery" not in text


def test_a_header_inside_the_content_opens_it_and_the_site_header_stays_aside() -> None:
    text = _body_text("content-header.html", "service")
    assert "at a third of the summer fee" in text
    assert "Who lays the moorings?" in text
    assert "When is the fee due?" in text
    assert "Racing" not in text


def test_teasers_are_the_items_of_a_listing() -> None:
    items = "".join(
        f"<div class='item'><h2><a href='/talks/{n}'>Evening talk number {n}</a></h2>"
        f"<p class='teaser'>March {n}, 2026 • A talk on the boats built on this shore, with slides, "
        f"questions and tea afterwards in the upstairs room.</p>"
        f"<p>Given by the museum's keeper of small craft, with models from the collection number {n}.</p></div>"
        for n in range(1, 7)
    )
    html = (
        "<body><nav><a href='/'>Home</a> <a href='/talks'>Talks</a></nav><main><h1>Talks</h1>"
        f"<div class='list'>{items}</div></main></body>"
    )

    def text_as(kind: str) -> str:
        page_type = PageTypeField(value=kind, evidence=Evidence(source="dom"))
        body = extract_body(parse_html(html), None, Metadata(page_type=page_type))
        return "\n".join(block.text for block in body.blocks)

    assert "upstairs room" in text_as("listing")
    assert "models from the collection number 6" in text_as("listing")
    assert "upstairs room" not in text_as("article")


def test_folded_answers_and_expanders_are_read() -> None:
    html = (
        "<body><main><h1>Hull cleaning</h1><p>We scrub and wash the hull of any boat up to twelve metres "
        "while it sits in the cradle after the lift.</p>"
        "<div class='faq'><h3>How long does it take?</h3><div class='faq__answer' style='display: none'>"
        "<p>Most hulls are clean and dry again within a working day of being lifted.</p></div>"
        "<h3>Do you antifoul too?</h3><div class='toggle__content' hidden>"
        "<p>Yes, with two coats of the owner's paint or ours, on the day after the wash.</p></div></div>"
        "<div class='a-expander-content' aria-hidden='true'><p>Prices include the pressure wash but not "
        "the lift, which the yard charges by the metre.</p></div>"
        "<div class='modal-signin' hidden><p>Sign in to book a slot for your boat this season.</p></div>"
        "</main></body>"
    )
    page_type = PageTypeField(value="service", evidence=Evidence(source="dom"))
    body = extract_body(parse_html(html), None, Metadata(page_type=page_type))
    text = "\n".join(block.text for block in body.blocks)
    assert "clean and dry again" in text
    assert "two coats of the owner's paint" in text
    assert "which the yard charges by the metre" in text
    assert "Sign in to book" not in text


def test_a_header_laid_out_for_print_stays_aside_inside_the_content() -> None:
    story = "".join(
        f"<p>The harbour master said the dredger would work on berth {n} through the night, weather allowing.</p>"
        for n in range(1, 8)
    )
    html = (
        "<body><main><div class='print-header'>https://harbour.example/news/dredging-begins</div>"
        f"<article><h1>Dredging begins</h1>{story}</article></main></body>"
    )
    page_type = PageTypeField(value="article", evidence=Evidence(source="dom"))
    body = extract_body(parse_html(html), None, Metadata(page_type=page_type))
    text = "\n".join(block.text for block in body.blocks)
    assert "berth 7 through the night" in text
    assert "harbour.example" not in text


def test_a_page_of_products_keeps_its_grid_beside_a_short_guide() -> None:
    text = _body_text("product-grid-guide.html", "collection")
    assert "Skerry Canvas Deck Shoe" in text
    assert "£126.00" in text
    assert "look for a siped rubber sole" in text
    assert "Returns" not in text


def test_the_same_guide_on_an_article_page_is_read_alone() -> None:
    text = _body_text("product-grid-guide.html", "article")
    assert "look for a siped rubber sole" in text
    assert "Skerry Canvas Deck Shoe" not in text


def test_comments_under_the_answers_of_a_thread_stay_aside() -> None:
    # A question and its answers are the thread; the remarks under each answer, in boxes named
    # for comments, are not, though together they outweigh the question.
    remarks = "".join(
        f"<p>{remark} We tried it on the club's boats last winter and it made a difference.</p>"
        for remark in (
            "Thanks, that worked for me too.",
            "Good advice, I agree.",
            "Same here on the east coast.",
        )
    )
    answers = "".join(
        f"<div class='answer'><p>{advice} It takes a few minutes and it has kept our dinghy dry through "
        f"every winter on the hard at the club.</p><div class='comments'>{remarks}</div></div>"
        for advice in (
            "Lift the bung and tilt the trailer so that the rain runs out of the transom.",
            "Prop the cover up in the middle with a boat hook so that water cannot pool on it.",
            "Leave the drain open and chock the bow a little higher than the stern.",
        )
    )
    question = (
        "Rain gets in under the cover every week, and by the spring there is a foot of water in the "
        "bilge. The cover is tied down at every cleat and still sags in the middle where the rain "
        "collects. I have tried a second cover over the first one, which only made it heavier. "
        "What do you all do to keep a dinghy dry when she sits on a trailer all winter?"
    )
    html = (
        "<html><body><main><h1>Keeping a dinghy dry over winter?</h1>"
        f"<div class='question'><p>{question}</p></div>"
        f"<div class='answers'>{answers}</div></main></body></html>"
    )
    page_type = PageTypeField(value="forum", evidence=Evidence(source="dom"))
    body = extract_body(parse_html(html), None, Metadata(page_type=page_type))
    text = "\n".join(block.text for block in body.blocks)
    assert "Prop the cover up in the middle" in text
    assert "Rain gets in under the cover" in text
    assert "that worked for me too" not in text


def test_a_shops_grid_of_linked_products_is_its_body() -> None:
    # Each product's card is wholly a link; beside a buying guide of some length, the grid was
    # read as link lists. On a page of products the links are its items.
    text = _body_text("linked-grid.html", "collection")
    assert "Scafell leather walking boot" in text
    assert "£265" in text
    assert "a finger's width of room" in text
    assert "Returns" not in text
    assert "Scafell leather walking boot" not in _body_text("linked-grid.html", "article")


def test_members_records_beside_posts_are_set_aside() -> None:
    body = _body("forum-member-cards.html", "forum")
    text = "\n".join(block.text for block in body.blocks)
    records = ("1,204", "Tue Mar 03, 2015", "Apr 12, 2019", "Messages", "87", "2021-02-09", "Posts: 3", "318 posts", "12 likes")
    for record in records:
        assert record not in text
    assert "Should I rub them off and start again" in text
    assert "Joined the society in 2015" in text
    assert "Posts: the wooden kind" in text
    assert any(aside.kind == "author_box" and "Posts: 3" in aside.text for aside in body.boilerplate)


def test_members_records_are_set_aside_on_a_thread_read_as_an_article() -> None:
    text = _body_text("forum-member-cards.html", "article")
    assert "Posts: 1,204" not in text
    assert "Joined the society in 2015" in text


def test_a_buyers_review_longer_than_the_description_stays_aside() -> None:
    # The product says little in prose (a line and its specifications); one buyer wrote at
    # length. The review is still a comment on the product, not the page's text.
    body = _body("product-long-review.html", "product")
    text = "\n".join(block.text for block in body.blocks)
    assert "A folding knife with a sheepsfoot blade" in text
    assert "Blade: 7 cm stainless" in text
    assert "liner lock started to slip" not in text
    assert any(b.kind == "comments" and "liner lock started to slip" in b.text for b in body.boilerplate)


_VOTED_THREAD = (
    "<html><body><main><h1>How do I bleed the brakes on an old bicycle?</h1>"
    + "".join(
        f"<div class='post'><div class='votes'><span>{votes}</span></div>"
        f"<div class='post-body'><p>{words} The lever should feel firm once the air is out of the line.</p>"
        f"<p>Post #{n}</p><a href='#'>Quote:</a></div></div>"
        for n, (votes, words) in enumerate(
            [("12", "Open the bleed nipple and pump the lever slowly."), ("3", "Use fresh fluid of the right type."),
             ("1,204", "Tie the lever down overnight to settle the bubbles.")],
            start=1,
        )
    )
    + "<table><tr><td>Lever travel</td><td>12</td></tr></table></main></body></html>"
)


def test_the_counts_and_controls_beside_the_posts_of_a_thread_stay_aside() -> None:
    def text_as(kind: str) -> str:
        page_type = PageTypeField(value=kind, evidence=Evidence(source="dom"))
        body = extract_body(parse_html(_VOTED_THREAD.encode()), None, Metadata(page_type=page_type))
        return "\n".join(block.text for block in body.blocks)

    thread = text_as("forum")
    assert "Tie the lever down overnight" in thread
    lines = thread.split("\n")
    assert "12" not in lines and "1,204" not in lines and "Quote:" not in lines
    assert "Lever travel | 12" in thread
    # On a page of another type a number alone on its line is left as it is.
    assert "1,204" in text_as("article").split("\n")


def test_a_products_price_and_star_summary_alone_on_their_lines_are_set_aside() -> None:
    html = (
        "<body><main><h1>Enamel jug</h1><div class='buy'><p>Rated 4.8 out of 5 based on 29 customer ratings</p>"
        "<span class='price'>$26.99</span><p>Was $40.00 now $32.00</p></div>"
        "<h2>Description</h2><p>A one-litre jug of pressed steel, enamelled twice inside and out, with a lip "
        "that pours without a drip and a handle riveted rather than welded.</p>"
        "<table><tr><th>Size</th><th>Price</th></tr><tr><td>1 litre</td><td>$26.99</td></tr></table>"
        "<p>It costs $26.99 in any of the five colours.</p></main></body>"
    )

    def text_as(kind: str) -> str:
        page_type = PageTypeField(value=kind, evidence=Evidence(source="dom"))
        body = extract_body(parse_html(html), None, Metadata(page_type=page_type))
        return "\n".join(block.text for block in body.blocks)

    product = text_as("product")
    assert "pours without a drip" in product
    assert "Rated 4.8" not in product
    assert "Was $40.00" not in product
    assert "It costs $26.99" in product
    assert "1 litre" in product and product.count("$26.99") == 2
    collection = text_as("collection")
    assert "Was $40.00" in collection


def test_a_products_raw_fields_printed_as_terms_are_set_aside() -> None:
    html = (
        "<body><main><h1>Linen apron</h1><p>A bib apron of washed linen with two deep pockets, cross straps "
        "that spare the neck, and a loop for a towel.</p>"
        "<dl><dt>Fabric</dt><dd>Washed linen, 220 g</dd><dt>Length</dt><dd>86 cm</dd></dl>"
        "<dl class='info'><dt>short_description:</dt><dd>Bib apron - linen</dd>"
        "<dt>cat_thumb_Sand:</dt><dd>https://cdn.example/thumbs/apron_sand.jpg</dd>"
        "<dt>retail_price_tier2:</dt><dd>$30.00_10-49 items</dd></dl></main></body>"
    )

    def text_as(kind: str) -> str:
        page_type = PageTypeField(value=kind, evidence=Evidence(source="dom"))
        body = extract_body(parse_html(html), None, Metadata(page_type=page_type))
        return "\n".join(block.text for block in body.blocks)

    product = text_as("product")
    assert "two deep pockets" in product
    assert "Washed linen, 220 g" in product and "86 cm" in product
    assert "cat_thumb_Sand" not in product
    assert "apron_sand.jpg" not in product
    assert "Bib apron - linen" not in product
    # A manual's terms are often the names of a program's fields, and its text.
    assert "cat_thumb_Sand" in text_as("documentation")
