"""Page type: one page written for each type, read from declared types, structure and wording."""

from __future__ import annotations

import pytest

from newsledger import extract
from newsledger.extract.dom import parse_html
from newsledger.extract.metadata import extract_metadata

PROSE = (
    "The council voted on Tuesday to rebuild the old river bridge, which has been closed to lorries "
    "since the spring floods damaged two of its piers and left the town centre cut off from the mills."
)


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Page</title>{head}</head><body>{body}</body></html>"


def article_page() -> str:
    paragraphs = "".join(f"<p>{PROSE}</p>" for _ in range(20))
    return page(
        f'<article><h1>Council votes to rebuild the river bridge</h1><p class="byline">By Ana Silva</p>'
        f'<time datetime="2025-03-04T10:00:00Z">4 March 2025</time>{paragraphs}</article>',
        '<meta property="og:type" content="article">',
    )


def forum_page() -> str:
    posts = "".join(
        f'<div class="post" id="p{i}"><div class="post-author">member{i}</div>'
        f'<time datetime="2025-01-0{i % 9 + 1}T10:00:00Z">Jan {i % 9 + 1}</time>'
        f'<div class="post-body"><p>I had the same problem with my boiler, try bleeding the radiators first.</p></div>'
        f'<div class="post-actions"><button>Reply</button><button>Quote</button></div></div>'
        for i in range(24)
    )
    return page(
        f"<h1>Boiler keeps losing pressure</h1>{posts}", '<meta property="og:type" content="website">'
    )


def product_page() -> str:
    return page(
        '<h1>Oak bedside table</h1><span class="price">£120.00</span><span class="price-was">£150.00</span>'
        "<p>Solid oak, two drawers, hand finished in our workshop.</p>"
        '<form class="product-form"><button type="submit">Add to basket</button></form>',
        '<meta property="og:type" content="product">',
    )


def collection_page() -> str:
    cards = "".join(
        f'<li class="card"><a href="/p/{i}"><img src="/i/{i}.jpg"><h3>Chair model {i}</h3></a>'
        f'<span class="price">£{40 + i}.00</span></li>'
        for i in range(24)
    )
    return page(f"<h1>Dining chairs</h1><ul>{cards}</ul>")


def listing_page() -> str:
    teasers = "".join(
        f'<div class="teaser"><h2><a href="/news/story-{i}">Story number {i} about the town</a></h2>'
        f"<p>A short summary of story {i}.</p></div>"
        for i in range(20)
    )
    return page(f"<h1>Local news</h1>{teasers}")


def documentation_page() -> str:
    sections = "".join(
        f'<h2 id="s{i}"><a href="#s{i}">Option {i}</a></h2><p>Sets <code>opt{i}</code> for the '
        f"<code>parse</code> call.</p><pre><code>parse(text, opt{i}=True)</code></pre>"
        for i in range(6)
    )
    return page(
        f'<nav class="docs-sidebar"><a href="/a">Install</a></nav><h1>Parser reference</h1>{sections}'
    )


def service_page() -> str:
    return page(
        "<h1>Roof Repair Services</h1><p>Leaks fixed fast by certified roofers across the county.</p>"
        '<a class="btn" href="/quote">Get a free quote</a><a class="btn" href="/call">Call us today</a>'
        '<a class="button" href="/book">Book an inspection</a>',
        '<meta property="og:type" content="website">',
    )


def declared_forum_page() -> str:
    return page(
        "<h1>Which tent for a windy coast?</h1><p>Looking for advice.</p>",
        '<script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "Which tent"}</script>',
    )


def microdata_thread_page() -> str:
    comments = "".join(
        f'<div itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
        f'<span itemprop="author">walker{i}</span><p itemprop="text">The ridge path was dry last week.</p></div>'
        for i in range(3)
    )
    return page(
        f"<h1>Is the ridge path open?</h1><p>{PROSE}</p>{comments}",
        '<meta property="og:type" content="website">'
        '<meta property="article:published_time" content="2025-02-01T09:00:00Z">',
    )


def faq_service_page() -> str:
    faq = (
        '{"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Do you work weekends?",'
        ' "acceptedAnswer": {"@type": "Answer", "text": "Yes."}}]}'
    )
    return page(
        "<h1>Chimney Sweeping Services</h1><p>Certified sweeps for every kind of flue.</p>"
        "<h2>Do you work weekends?</h2><p>Yes.</p>",
        f'<script type="application/ld+json">{faq}</script>',
    )


def plain_cms_page() -> str:
    """A CMS gives its pages ``og:type article`` and a modified date; its graph names a WebPage."""
    graph = '{"@graph": [{"@type": "WebPage", "name": "Bookkeeping Services", "dateModified": "2025-01-05"}]}'
    return page(
        f"<h1>Bookkeeping Services</h1>{''.join(f'<p>{PROSE}</p>' for _ in range(3))}",
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2025-01-05T08:00:00Z">'
        f'<script type="application/ld+json">{graph}</script>',
    )


def variant_product_page() -> str:
    """One product in sizes and colours: many prices, one buy box, and a ProductGroup."""
    sizes = "".join(f'<li><span class="price">£{60 + i}.00</span> size {i}</li>' for i in range(14))
    return page(
        f'<h1>Trail running shoe</h1><ul class="variants">{sizes}</ul>'
        '<form class="product-form"><button type="submit">Add to cart</button></form>',
        '<script type="application/ld+json">{"@type": "ProductGroup", "name": "Trail running shoe"}</script>',
    )


def code_heavy_reference_page() -> str:
    rows = "".join(
        f"<p>The <code>limit{i}</code> argument bounds <code>rows</code> returned by <code>fetch</code>"
        f" when <code>strict</code> is set.</p>"
        for i in range(14)
    )
    return page(
        f"<h1>fetch</h1>{rows}<p>{PROSE}</p>",
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2025-01-05T08:00:00Z">',
    )


def feature_cards_page() -> str:
    """Much prose, but one blurb per card: no run of paragraphs a story would have."""
    blurb = (
        "Our crews measure, plan and fit every cabinet, worktop and tap themselves, so the kitchen you "
        "signed off on is the kitchen you get, on the day we said, with the mess cleared away each evening. "
    ) * 4
    cards = "".join(f'<div class="card"><h3>Step {i}</h3><p>{blurb}</p></div>' for i in range(8))
    return page(
        f'<h1>Kitchens made to measure</h1>{cards}<a class="btn" href="/quote">Get a free quote</a>'
        '<a class="btn" href="/visit">Book a visit</a>'
    )


def tech_article_reference_page() -> str:
    """TechArticle is how documentation declares itself, not a story."""
    sections = "".join(
        f'<h2 id="s{i}"><a href="#s{i}">Setting {i}</a></h2><p>{PROSE}</p><p>{PROSE}</p>' for i in range(3)
    )
    return page(
        f"<h1>Configuring the scheduler</h1><div>{sections}</div>",
        '<script type="application/ld+json">{"@type": "TechArticle", "headline": "Configuring the scheduler"}</script>',
    )


def item_list_story_page() -> str:
    """A story that declares its steps as an ItemList is still a story."""
    steps = '{"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Walk"}]}'
    return page(
        f"<h1>Ten walks along the river</h1>{''.join(f'<p>{PROSE}</p>' for _ in range(6))}",
        f'<script type="application/ld+json">{steps}</script>',
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (tech_article_reference_page(), "documentation"),
        (item_list_story_page(), "article"),
        (feature_cards_page(), "service"),
        (microdata_thread_page(), "forum"),
        (faq_service_page(), "service"),
        (plain_cms_page(), "service"),
        (variant_product_page(), "product"),
        (code_heavy_reference_page(), "documentation"),
    ],
)
def test_classes_of_page_read_from_declared_types_and_structure(html: str, expected: str) -> None:
    found = extract_metadata(parse_html(html), "https://example.org/page").page_type
    assert found is not None
    assert found.value == expected, found.evidence


def test_a_type_given_only_in_microdata_is_cited_as_microdata() -> None:
    found = extract_metadata(parse_html(microdata_thread_page()), None).page_type
    assert found is not None and found.value == "forum"
    assert "@type comment" in found.evidence.locator
    assert found.evidence.source == "microdata"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (article_page(), "article"),
        (forum_page(), "forum"),
        (product_page(), "product"),
        (collection_page(), "collection"),
        (listing_page(), "listing"),
        (documentation_page(), "documentation"),
        (service_page(), "service"),
        (declared_forum_page(), "forum"),
    ],
)
def test_each_type_is_read_from_what_the_page_shows(html: str, expected: str) -> None:
    found = extract_metadata(parse_html(html), "https://example.org/page").page_type
    assert found is not None
    assert found.value == expected, found.evidence


def test_the_evidence_says_what_decided_and_keeps_the_other_types() -> None:
    found = extract_metadata(parse_html(declared_forum_page()), None).page_type
    assert found is not None
    assert found.evidence.source == "json-ld"
    assert "discussionforumposting" in found.evidence.locator
    assert found.evidence.rejected and all(c.value != "forum" for c in found.evidence.rejected)
    assert 0.5 < found.confidence <= 1.0


def test_the_article_record_carries_the_type() -> None:
    article = extract(product_page().encode(), url="https://example.org/p/1")
    assert article.page_type is not None and article.page_type.value == "product"


def test_copied_text_is_read_as_an_article() -> None:
    article = extract(f"Bridge to reopen\n\nBy Ana Silva\n\n{PROSE}\n\n{PROSE}\n".encode(), form="text")
    assert article.page_type is not None
    assert article.page_type.value == "article"
    assert article.page_type.evidence.source == "text-line"


DATED = '<meta property="og:type" content="article"><meta property="article:published_time" content="2025-03-04T10:00:00Z">'


def news_section_page() -> str:
    """A section front: dated cards, each a linked title over a blurb, under the section's name."""
    cards = "".join(
        f'<article class="card"><h3><a href="/news/{i}">Mill {i} reopens its doors</a></h3>'
        f'<time datetime="2025-03-0{i % 9 + 1}">March {i % 9 + 1}</time><p>{PROSE}</p></article>'
        for i in range(14)
    )
    intro = "".join(f"<p>{PROSE}</p>" for _ in range(4))
    return page(f"<h1>Latest News</h1><div>{intro}</div>{cards}", DATED)


def labelled_story_page() -> str:
    """A story whose headline opens with its series' label, beside a sidebar of dated links."""
    sidebar = "".join(
        f'<li><h3><a href="/s/{i}">Earlier episode {i}</a></h3><time>May {i + 1}</time></li>'
        for i in range(12)
    )
    story = "".join(f"<p>{PROSE}</p>" for _ in range(3))
    return page(
        f'<article itemscope itemtype="https://schema.org/Article"><h1>Harbour Podcast: ferry fares rise '
        f"again</h1>{story}</article><aside><ul>{sidebar}</ul></aside>",
        DATED,
    )


def wrapped_paragraphs_story_page() -> str:
    """A story whose writer wraps each paragraph in its own box still runs as one text."""
    paragraphs = "".join(f'<div class="paragraph"><p>{PROSE}</p></div>' for _ in range(10))
    teasers = "".join(f'<div class="more"><p>{PROSE}</p></div>' for _ in range(3))
    return page(
        f'<h1>River bridge works begin in the spring</h1><p class="byline">By Ana Silva</p>'
        f'<div class="body">{paragraphs}</div><aside>{teasers}</aside>',
        DATED,
    )


def permalinked_manual_page() -> str:
    """A manual page: every section carries its own permalink, prose runs unsigned."""
    sections = "".join(f'<h2 id="o{i}">Retention window {i}<a href="#o{i}">#</a></h2>' for i in range(9))
    return page(
        f"<h1>Retention settings</h1><div>{''.join(f'<p>{PROSE}</p>' for _ in range(14))}{sections}</div>",
        DATED,
    )


def dated_post_with_permalinks_page() -> str:
    """A dated post that shows some code and permalinks its few sections is still a post."""
    prose = "".join(f"<p>{PROSE}</p>" for _ in range(20))
    sections = "".join(
        f'<h2 id="p{i}"><a href="#p{i}">Part {i}</a></h2><pre><code>make part{i}</code></pre>'
        f"<p>Run <code>make</code> with <code>-j{i}</code> and <code>V=1</code>.</p>"
        for i in range(5)
    )
    return page(
        f"<h1>Porting the compiler back end</h1><div>{prose}</div>{sections}",
        '<meta property="article:published_time" content="2025-03-04T10:00:00Z">',
    )


def manual_overview_page() -> str:
    """An unsigned, dated page of plain prose under a headline naming a part of a manual."""
    return page(
        f"<h1>Scheduler overview</h1><div>{''.join(f'<p>{PROSE}</p>' for _ in range(12))}</div>", DATED
    )


def story_with_comments_page() -> str:
    """A long story, then a busy comment section: each comment a dated post box."""
    story = "".join(f"<p>{PROSE}</p>" for _ in range(14))
    comments = "".join(
        f'<li class="reply"><div class="reply-body"><time>March {i % 28 + 1}</time>'
        f"<p>Good news for the mills.</p></div></li>"
        for i in range(70)
    )
    return page(f'<h1>The river bridge reopens</h1><div class="entry">{story}</div><ol>{comments}</ol>')


def business_voice_page() -> str:
    """A firm speaks of itself and to its reader, with no byline."""
    pitch = (
        "We fit kitchens across the county and our joiners build every unit in our own workshop, so "
        "you deal with us from the first visit to the last handle. We quote in writing and we keep to it."
    )
    boxes = "".join(f'<div class="col"><h3>Why us {i}</h3><p>{pitch}</p></div>' for i in range(4))
    return page(f"<h1>Kitchens built in Leeds</h1>{boxes}", '<meta property="og:type" content="website">')


def declared_article_naming_an_offer_page() -> str:
    """A dated page that declares itself an article, its headline naming a trade: a story about it."""
    blurbs = "".join(f'<div class="tip"><h3>Tip {i}</h3><p>Check the flashing.</p></div>' for i in range(22))
    return page(
        f"<h1>Roof Repair Costs in the County</h1><p>{PROSE}</p>{blurbs}",
        '<meta property="og:type" content="website">'
        '<meta property="article:published_time" content="2025-03-04T10:00:00Z">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "Roof Repair Costs"}</script>',
    )


def shop_voice_product_page() -> str:
    """A shop speaks of itself beside one buy box: it sells a product."""
    pitch = (
        "We stitch every bag in our own workshop and we stand behind our seams, so you can carry it "
        "for years; our team answers every question you send us within the day, and we mend any strap "
        "you wear through at no cost to you, however long you have had it."
    )
    features = "".join(f"<h3>Feature {i}</h3><span>Brass rivets.</span>" for i in range(20))
    return page(
        f"<h1>Waxed canvas tote</h1>{f'<p>{pitch}</p>' * 3}<span class='price'>£80.00</span>"
        f"<button>Add to cart</button>{features}",
        '<meta property="og:type" content="website">',
    )


def dated_offer_page() -> str:
    """A headline naming an offer over blurbs, no story: the CMS date does not make it news."""
    blurbs = "".join(f'<div class="feature"><h3>Visit {i}</h3><p>{PROSE}</p></div>' for i in range(5))
    return page(
        f"<h1>Boiler Repair Services</h1>{blurbs}",
        '<meta property="og:type" content="website">'
        '<meta property="article:published_time" content="2025-03-04T10:00:00Z">',
    )


def unsigned_story_naming_an_offer_page() -> str:
    """A short unsigned story whose headline uses an offer word: its quoted, reported speech
    makes it news."""
    return page(
        "<article><h1>Harbour plan agreed</h1><p>\u201cThe dredging will start in April and finish before "
        "the summer,\u201d said Ana Silva, the mayor, on Monday.</p><p>The council met for two hours "
        "and voted on the plan.</p></article>"
    )


def offer_quoting_a_customer_page() -> str:
    """An offer quotes its customers in the present: that is no reported speech."""
    blurbs = "".join(f'<div class="feature"><h3>Visit {i}</h3><p>{PROSE}</p></div>' for i in range(5))
    return page(
        f"<h1>Boiler Repair Services</h1>{blurbs}<p>\u201cQuick and tidy work,\u201d says Jane D.</p>"
    )


def manual_page_titled_with_its_section() -> str:
    """The printed heading names the topic; the declared title adds the site's section."""
    sections = "".join(f"<h2>Step {i}</h2><p>{PROSE}</p>" for i in range(3))
    return page(
        f"<main><h1>Building Widgets from Widgets</h1>{sections}</main>",
        '<meta property="og:title" content="Manual - Building Widgets from Widgets">',
    )


def offer_titled_with_its_section() -> str:
    blurbs = "".join(f'<div class="feature"><h3>Area {i}</h3><p>{PROSE}</p></div>' for i in range(4))
    return page(
        f"<h1>Writing & Translation</h1>{blurbs}",
        '<meta property="og:title" content="Writing & Translation Services | Freelancers for hire">',
    )


def script_rendered_thread_page() -> str:
    """A thread whose posts the browser fetches later: the question and nothing else."""
    return page(
        '<section id="splash"><div class="dots"></div></section>',
        '<meta property="og:type" content="website"><meta property="article:published_time" '
        'content="2025-03-04T10:00:00Z"><title>Which telescope for a beginner?</title>',
    ).replace("<title>Page</title>", "")


def category_with_intro_page() -> str:
    """A category page opens with a few paragraphs, then lists far more items than that."""
    intro = "".join(f"<p>{PROSE}</p>" for _ in range(5))
    cards = "".join(f'<article><a href="/r/{i}"><h2>Soup number {i}</h2></a></article>' for i in range(20))
    return page(f"<h1>Winter Soups</h1><div>{intro}</div>{cards}", DATED)


def list_headline_page() -> str:
    rows = "".join(f"<tr><td>Lighthouse {i}</td><td>{1800 + i}</td></tr>" for i in range(30))
    return page(f"<h1>List of lighthouses on the north coast</h1><p>{PROSE}</p><table>{rows}</table>", DATED)


def declared_collection_page_without_prices() -> str:
    """A CollectionPage of recipes: pictures by the score but nothing for sale."""
    cards = "".join(
        f'<div class="tile"><a href="/r/{i}"><img src="/i/{i}.jpg"></a><span>Stew {i}</span></div>'
        for i in range(24)
    )
    return page(
        f"<h1>Dinner Recipes</h1>{cards}",
        DATED
        + '<script type="application/ld+json">{"@type": "CollectionPage", "name": "Dinner Recipes"}</script>',
    )


def product_with_shelf_page() -> str:
    """One product, and below it a shelf of others, each a card with its title in the link."""
    shelf = "".join(
        f'<a class="tile" href="/p/{i}"><div><h3>Other shoe {i}</h3></div></a>' for i in range(30)
    )
    return page(
        f"<h1>Road running shoe</h1><p>Light and quick.</p><div class='shelf'>{shelf}</div>",
        '<script type="application/ld+json">{"@type": "ProductGroup", "name": "Road running shoe"}</script>',
    )


def linked_cards_page() -> str:
    """Cards that wrap picture, title and blurb in one link list other pages."""
    cards = "".join(
        f'<a class="card" href="/story/{i}"><div class="inner"><h3>Harbour story {i}</h3>'
        f"<span>A short summary.</span></div></a>"
        for i in range(16)
    )
    return page(f"<h1>Harbour</h1>{cards}")



def dated_stream_page() -> str:
    """A front page: entries in plain boxes, each a linked title, a time and a line of prose."""
    entries = "".join(
        f'<div class="entry"><div class="title"><a href="/e/{i}">Ferry timetable {i} changes</a></div>'
        f'<time datetime="2025-03-{i + 1:02d}">March {i + 1}</time><div class="blurb"><p>{PROSE}</p></div></div>'
        for i in range(18)
    )
    return page(f'<div class="stream">{entries}</div>', '<meta property="og:type" content="website">')


def story_with_a_timeline_page() -> str:
    """A dated story that prints a time against each step of its timeline."""
    timeline = "".join(f"<li><time>0{i % 9 + 1}:00</time> Crews closed lane {i}.</li>" for i in range(18))
    story = "".join(f"<p>{PROSE}</p>" for _ in range(8))
    return page(f"<h1>Bridge closed overnight for repairs</h1><div>{story}</div><ul>{timeline}</ul>", DATED)



def line_broken_thread_page() -> str:
    """A thread whose posts break their lines instead of setting paragraphs, with no times or
    reply buttons the reader knows, under a CMS that calls every page an article."""
    posts = "".join(
        f'<div class="message"><div class="message-user">member{i}</div>'
        f'<div class="message-content">Same here with the boiler.<br>Bleed the radiators first.</div></div>'
        for i in range(15)
    )
    return page(f"<h1>Boiler keeps losing pressure</h1>{posts}", DATED)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (news_section_page(), "listing"),
        (labelled_story_page(), "article"),
        (permalinked_manual_page(), "documentation"),
        (manual_overview_page(), "documentation"),
        (dated_post_with_permalinks_page(), "article"),
        (story_with_comments_page(), "article"),
        (business_voice_page(), "service"),
        (dated_offer_page(), "service"),
        (unsigned_story_naming_an_offer_page(), "article"),
        (offer_quoting_a_customer_page(), "service"),
        (manual_page_titled_with_its_section(), "documentation"),
        (offer_titled_with_its_section(), "service"),
        (shop_voice_product_page(), "product"),
        (declared_article_naming_an_offer_page(), "article"),
        (script_rendered_thread_page(), "forum"),
        (category_with_intro_page(), "listing"),
        (list_headline_page(), "listing"),
        (declared_collection_page_without_prices(), "listing"),
        (product_with_shelf_page(), "product"),
        (linked_cards_page(), "listing"),
        (dated_stream_page(), "listing"),
        (story_with_a_timeline_page(), "article"),
        (line_broken_thread_page(), "forum"),
    ],
)
def test_sections_manuals_business_pages_and_shells_are_told_from_stories(html: str, expected: str) -> None:
    found = extract_metadata(parse_html(html), "https://example.org/page").page_type
    assert found is not None
    assert found.value == expected, found.evidence


def test_paragraphs_each_in_a_wrapper_run_as_one_text() -> None:
    found = extract_metadata(parse_html(wrapped_paragraphs_story_page()), None).page_type
    assert found is not None and found.value == "article"
    assert "a run of 10 paragraphs" in found.evidence.locator
