"""What kind of page this is: article, forum, product, collection, listing, documentation, service.

Read before body extraction, from the untouched tree and the metadata already chosen, so that
the body can follow it. Each reading is a *vote*: a type, a weight and what was seen — a declared
type (JSON-LD ``@type``, ``og:type``), structure (repeated item cards with linked headings, posts
with authors and times, prices and add-to-cart controls, code blocks and documentation
navigation, a run of prose that tells a story or none) or wording (a headline naming a service,
a section, a list or a kind of thing; unsigned prose in a business's own "we"). The type with
the most weight wins; the others are kept as rejected candidates. No rule names a site or a host.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsledger.caching import short_key_cache
from newsledger.extract.dom import bounded_text, tag_ids
from newsledger.extract.metadata import jsonld
from newsledger.extract.metadata.signals import DECLARING_TAGS, Signals
from newsledger.model import Candidate, Evidence, EvidenceSource, PageType, PageTypeField, TextField

# One traversal in C collects every element a reading below looks at. One ``:is()`` walks the
# tree once and yields each element once; a plain selector list walks it once per selector and
# yields an element once per selector it matches.
LOOKED_AT = (
    "pre, code, time, article, h2, h3, h4, p, button, nav, aside, [itemtype], "
    '[class*="btn"], [class*="button"], [class*="price"], [itemprop="price"], [class*="cart"], '
    '[class*="post"], [class*="reply"], [class*="message"], [class*="answer"]'
)
_LOOKED_AT = f":is({LOOKED_AT})"
# What ``LOOKED_AT`` tests, to pick its elements out of a walk that found more: the class words
# (compared with case), and the tags by lexbor's ids for them, an int compared for less than a name.
_LOOKED_AT_CLASS_PARTS = ("btn", "button", "price", "cart", "post", "reply", "message", "answer")
_TAG_IDS = tag_ids("pre", "code", "time", "article", "h2", "h3", "h4", "p", "button", "nav", "aside")
_BODY_ID = tag_ids("body")["body"]
# What each tag ``LOOKED_AT`` names counts as ("": counted by its class words alone; "p",
# "headings", "button": read further).
_NAMED_TAGS = {
    _TAG_IDS["pre"]: "code_blocks",
    _TAG_IDS["code"]: "inline_code",
    _TAG_IDS["time"]: "times",
    _TAG_IDS["article"]: "articles",
    _TAG_IDS["h2"]: "headings",
    _TAG_IDS["h3"]: "headings",
    _TAG_IDS["h4"]: "headings",
    _TAG_IDS["p"]: "p",
    _TAG_IDS["button"]: "button",
    _TAG_IDS["nav"]: "",
    _TAG_IDS["aside"]: "",
}
_A_ID = tag_ids("a")["a"]
_DIV_ID = tag_ids("div")["div"]
# The tags whose class words mean more (``_class_marks``): a documentation's navigation, a link.
_MARKED_TAGS = {tag_id: "nav" for tag_id in tag_ids("nav", "aside", "div", "ul").values()} | {_A_ID: "a"}
# Tags of the elements the walk for the signals may find for itself alone (``read_signals``):
# an element of another tag it found, ``LOOKED_AT`` finds.
_FOUND_FOR_SIGNALS = frozenset(tag_ids(*DECLARING_TAGS, "body").values()) - _NAMED_TAGS.keys()
_POST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:post|reply|replies|message|answer)s?(?:$|[\s_-]|body|content|text)", re.I
)
_CART_CLASS = re.compile(
    r"add[\s_-]?to[\s_-]?(?:cart|bag|basket)|buy[\s_-]?now|addtocart|product[\s_-]?form", re.I
)
_CART_WORDS = re.compile(
    r"\b(?:add to (?:cart|bag|basket|trolley)|buy (?:it )?now|in den warenkorb|ajouter au panier)\b", re.I
)
_PRICE_CLASS = re.compile(r"(?:^|[\s_-])(?:price|amount|money)(?:$|[\s_-]|--)", re.I)
_DOC_NAV_CLASS = re.compile(
    r"(?:^|[\s_-])(?:toc|table-of-contents|docs|doc-nav|docs-nav|sidebar-nav|api)(?:$|[\s_-])", re.I
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:get (?:a |your )?(?:quote|started|estimate|in touch)|contact us|book (?:now|a|an|your)|request (?:a|an)|"
    r"schedule (?:a|an|your)|free (?:trial|consultation|quote)|start (?:free|your|now)|try (?:it )?(?:for )?free|"
    r"sign up|call (?:us|now)|talk to|get in touch|learn more|see (?:plans|pricing)|enrol|apply now|donate)\b",
    re.I,
)
# A business speaking of itself, each word with the space or mark around it: counting these
# costs half of a regular expression's scan.
_WE_SPELLINGS = (" we ", "We ", " our ", "Our ", " us ", " us.", " us,")
# A quotation next to a past-tense reporting verb, either side: "…," said Ana Silva.
_QUOTED_AND_SAID = re.compile(
    r"[\"”’],?\s+(?:\S+\s+){0,5}?(?:said|told)\b|\b(?:said|told)\b(?:\s+\S+){0,6}?,?\s+[\"“‘]"
)
# Paragraphs of prose read for their voice: enough to hear it, and a bound on the cost.
VOICE_SAMPLE = 40
_REPLY_WORDS = re.compile(r"^\s*(?:reply|quote|report|like|upvote|share|permalink|#\d+)\s*$", re.I)

FORUM_TYPES = frozenset({"discussionforumposting", "qapage", "question", "answer", "comment"})
# A ProductGroup is one product in its variants (sizes, colours), not a shelf of products.
PRODUCT_TYPES = frozenset(
    {"product", "productgroup", "productmodel", "individualproduct", "offer", "aggregateoffer"}
)
COLLECTION_TYPES = frozenset({"offercatalog", "collectionpage", "itemlist", "searchresultspage"})
SERVICE_TYPES = frozenset(
    {"service", "professionalservice", "softwareapplication", "webapplication", "aboutpage"}
)

DOCUMENTATION_TYPES = frozenset({"techarticle", "apireference"})

# Headline words that name what a business offers rather than report or explain something.
_SERVICE_HEADLINE = re.compile(
    r"\b(?:services?|solutions?|consult(?:ing|ancy|ants?)|agency|company|software|platform|cloud|tools?|"
    r"checker|calculator|apps?|insurance|therapy|lawyers?|attorneys?|plans?|pricing|programs?|programmes?|"
    r"department|support|repairs?|rentals?|management|development|hosting|training|certifications?|"
    r"courses?|classes|lessons|tuition|financing|recruit(?:ers|ment)|specialists?|experts?|contractors?|"
    r"electricians?|plumb(?:ers?|ing)|deals|offers|coupons|packages|portfolio|analytics|crm|"
    r"contact(?: us)?|about(?: us)?|official site|home|login|sign (?:in|up)|get started|try (?:it )?(?:for )?free)\b",
    re.I,
)
_DOC_HEADLINE = re.compile(
    r"\b(?:overview|tutorial|reference|documentation|docs|introduction|chapter|spec|specification|api|"
    r"getting started|installation|installing|quickstart|quick start|manual|user guide|configuration|hooks?)\b",
    re.I,
)
# A headline that names a part of a site holding many pages: its news, its blog, its events.
_SECTION_HEADLINE = re.compile(
    r"^(?:(?:the |our |all |latest |recent |industry |company |in the )*(?:news|blog|articles|stories|posts|"
    r"press(?: releases)?|updates|events|podcasts?|episodes|publications|insights|archives?)"
    r"|directory)\b(?![\w\s]*\?)"
    r"|\b(?:blog|news|podcasts?|rankings|standings|schedule|directory|catalog(?:ue)?s?)\s*(?:$|[|–—]|-\s)",
    re.I,
)
# A headline that says the page is a list.
_LIST_HEADLINE = re.compile(r"^(?:the )?(?:lists? of|index of|directory of|archives? of)\b", re.I)
_FORUM_HEADLINE = re.compile(r"\?|\b(?:thread|forums?|discussion|community|help|questions)\b|^re:", re.I)
_ARTICLE_HEADLINE = re.compile(
    r"^(?:(?:how|what|why|when|where|who|which|is|are|can|should|do|does|will)\b|top \d+|\d+ |the \d+ )|\?|\b(?:\d+ (?:best|ways|tips|things|reasons|types|steps|of))\b|"
    r"\b(?:says|said|reveals?|announces?|launches|wins?|guide|review|explained|compared|vs\.?|versus|"
    r"best|tips|lessons for|basics|checklist|ideas|alternatives|myths|mistakes)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Traits:
    """What the page shows about its kind, counted once."""

    declared: frozenset[str]
    og_type: str
    dated: bool
    authored: bool
    headline: str
    code_blocks: int = 0
    inline_code: int = 0
    times: int = 0
    articles: int = 0
    linked_headings: int = 0
    headings: int = 0
    post_boxes: int = 0
    reply_controls: int = 0
    prices: int = 0
    cart: int = 0
    prose_paragraphs: int = 0
    prose_chars: int = 0
    # The first paragraphs of prose, kept to hear whose voice they speak in (read only if needed).
    prose_sample: tuple[str, ...] = ()
    doc_nav: int = 0
    anchored_headings: int = 0
    image_links: int = 0
    calls_to_action: int = 0
    # The most paragraphs of prose side by side in one box: the run of a story.
    longest_run: int = 0
    # schema.org types given in the markup itself (``itemtype``), beside the JSON-LD ones.
    microdata: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Vote:
    kind: PageType
    weight: float
    source: EvidenceSource
    reason: str


def page_type(
    tree: LexborHTMLParser,
    signals: Signals,
    *,
    headline: TextField | None,
    dated: bool,
    authored: bool,
) -> PageTypeField:
    """The page's type with the evidence that decided it."""
    traits = read_traits(tree, signals, headline=headline, dated=dated, authored=authored)
    return decide(votes(traits))


def read_traits(
    tree: LexborHTMLParser, signals: Signals, *, headline: TextField | None, dated: bool, authored: bool
) -> Traits:
    declared = frozenset(kind for found in signals.objects for kind in jsonld.types_of(found.data))
    og = signals.first("og:type")
    counts: dict[str, int] = defaultdict(int)
    itemtypes: set[str] = set()
    prose_boxes: list[int] = []
    prose: list[str] = []
    root = tree.body or tree.root
    if root is not None:
        nodes, tag_ids, unsure = _looked_at(root, signals)
        # One loop, no call per element: a page gives it thousands.
        named_tags = _NAMED_TAGS
        for node, tag_id in zip(nodes, tag_ids, strict=True):
            named = named_tags.get(tag_id)
            if named is None:
                attrs = node.attributes
                if tag_id not in unsure or _picked(attrs):
                    _count_classes(node, tag_id, attrs, counts, itemtypes)
            elif named == "p":
                text = node.text(deep=True)
                length = len(text.strip())
                if length >= 80:
                    counts["prose_paragraphs"] += 1
                    counts["prose_chars"] += length
                    prose.append(text)
                    box = _prose_box(node)
                    prose_boxes.append(box.mem_id if box is not None else 0)
            elif named == "headings":
                counts["headings"] += 1
                link = _first_link(node) or _enclosing_link(node)
                if link is not None:
                    href = link.attrs.get("href") or ""
                    counts["anchored_headings" if href.startswith("#") else "linked_headings"] += 1
            elif named == "button":
                _count_control(_control_label(node), counts)
            else:
                if named:
                    counts[named] += 1
                _count_classes(node, tag_id, node.attributes, counts, itemtypes)
        counts["image_links"] = len(root.css("a img"))
        counts["longest_run"] = max(Counter(prose_boxes).values(), default=0)
    return Traits(
        prose_sample=tuple(prose[:VOICE_SAMPLE]),
        declared=declared,
        microdata=frozenset(itemtypes),
        og_type=og.value.strip().lower() if og else "",
        dated=dated,
        authored=authored,
        headline=_with_affixes(headline),
        **counts,
    )


def _looked_at(root: LexborNode, signals: Signals) -> tuple[list[LexborNode], list[int], frozenset[int]]:
    """The elements ``root.css(_LOOKED_AT)`` finds, with their tag ids, taken from the walk
    that read the signals when it looked for these too (``read_signals(also=LOOKED_AT)``), and
    the ids of the tags whose elements that walk may have found for the signals alone (to test
    with ``_picked``). In document order the elements after ``<body>`` are those in it, when no
    element follows it."""
    walked = signals.walked
    at = signals.body_at
    if walked is None or at is None or root.tag_id != _BODY_ID or _element_after(root):
        found = root.css(_LOOKED_AT)
        return found, [node.tag_id for node in found], frozenset()
    return walked[at:], signals.walked_tag_ids[at:], _FOUND_FOR_SIGNALS


def _element_after(node: LexborNode) -> bool:
    sibling = node.next
    while sibling is not None:
        if sibling.is_element_node:
            return True
        sibling = sibling.next
    return False


def _picked(attrs: dict[str, str | None]) -> bool:
    """Whether ``_LOOKED_AT`` finds an element by its attributes."""
    if "itemtype" in attrs or attrs.get("itemprop") == "price":
        return True
    classes = attrs.get("class")
    return bool(classes) and any(part in classes for part in _LOOKED_AT_CLASS_PARTS)


def _with_affixes(headline: TextField | None) -> str:
    """The headline as a declared title the reader set aside prints it with its affixes, when
    one does: "Documentation - Install", "Boiler repair | Services" name the part of the site
    the page belongs to, which the printed heading leaves out."""
    if headline is None:
        return ""
    value = headline.value
    longer = [
        candidate.value
        for candidate in headline.evidence.rejected
        if (candidate.source in ("opengraph", "json-ld") or candidate.locator == "title")
        and value in candidate.value
        and len(candidate.value) < 300
    ]
    return max(longer, key=len, default=value)


@short_key_cache(maxsize=1024)
def _schema_names(itemtype: str) -> tuple[str, ...]:
    """``https://schema.org/Comment`` -> ``("comment",)``; an itemtype may list several."""
    return tuple(url.rstrip("/").rsplit("/", 1)[-1].lower() for url in itemtype.split())


# Elements of a heading read in Python before a selector query takes over.
_HEADING_WALK = 24


def _first_link(heading: LexborNode) -> LexborNode | None:
    """The first ``<a href>`` inside a heading. A heading holds a few elements, which a walk
    reads for less than a selector query costs to set up; one that holds a whole section
    (nested boxes, nested headings) is left to the query, in C."""
    for count, inner in enumerate(heading.traverse()):
        if count > _HEADING_WALK:
            return heading.css_first("a[href]")
        if inner.tag_id == _A_ID and "href" in inner.attrs:
            return inner
    return None


def _enclosing_link(node: LexborNode) -> LexborNode | None:
    """The link a heading sits in: a card often wraps its picture, title and blurb in one."""
    parent = node.parent
    for _ in range(3):
        if parent is None:
            return None
        if parent.tag_id == _A_ID:
            return parent
        parent = parent.parent
    return None


def _prose_box(paragraph: LexborNode) -> LexborNode | None:
    """The box a paragraph sits in. A paragraph alone in its own wrapper (one ``div`` per
    paragraph, as some writers and builders emit) sits in the wrapper's box."""
    box = paragraph.parent
    if box is not None and box.tag_id == _DIV_ID and _alone(paragraph) and box.parent is not None:
        return box.parent
    return box


def _alone(node: LexborNode) -> bool:
    return _no_element_beside(node.prev, "prev") and _no_element_beside(node.next, "next")


def _no_element_beside(sibling: LexborNode | None, step: str) -> bool:
    """No element on that side; looks past at most a few blank text nodes."""
    for _ in range(3):
        if sibling is None:
            return True
        if sibling.is_element_node or not sibling.is_empty_text_node:
            return False
        sibling = getattr(sibling, step)
    return False


# A control's label is a few words. An element past these bounds is a box that happens to be
# styled as a button, and reading its whole text from each control nested in it would cost
# the square of the page's length.
_LABEL_CHARS = 400
_LABEL_NODES = 80


def _control_label(control: LexborNode) -> str:
    """The text of a button or a link styled as one, or "" when it holds more than a label."""
    return bounded_text(control, chars=_LABEL_CHARS, nodes=_LABEL_NODES, separator="") or ""


def _count_control(text: str, counts: dict[str, int]) -> None:
    if text and (kind := _control_kind(text)):
        counts[kind] += 1


@short_key_cache(maxsize=4096)
def _control_kind(text: str) -> str:
    """What a control's label says it does; pages repeat their labels ("Reply", "Share"), so
    cached."""
    if _CART_WORDS.search(text):
        return "cart"
    if _REPLY_WORDS.match(text):
        return "reply_controls"
    if len(text) < 60 and _CALL_TO_ACTION.search(text):
        return "calls_to_action"
    return ""


def _count_classes(
    node: LexborNode, tag_id: int, attrs: dict[str, str | None], counts: dict[str, int], itemtypes: set[str]
) -> None:
    words = " ".join(filter(None, (attrs.get("class"), attrs.get("id"), attrs.get("name"))))
    marks = _class_marks(words, _MARKED_TAGS.get(tag_id, "")) if words else ()
    for mark in marks:
        if mark != "button":
            counts[mark] += 1
    if "prices" not in marks and attrs.get("itemprop") == "price":
        counts["prices"] += 1
    if "button" in marks:
        _count_control(_control_label(node), counts)
    itemtype = attrs.get("itemtype")
    if itemtype:
        itemtypes.update(_schema_names(itemtype))


@short_key_cache(maxsize=8192)
def _class_marks(words: str, tag: str) -> tuple[str, ...]:
    """What an element's class, id and name words say it is; pages repeat them, so cached.
    ``tag``: "nav" for the tags of a documentation's navigation, "a" for a link, else ""."""
    marks = []
    if _POST_CLASS.search(words):
        marks.append("post_boxes")
    if _CART_CLASS.search(words):
        marks.append("cart")
    if _PRICE_CLASS.search(words):
        marks.append("prices")
    if tag == "nav" and _DOC_NAV_CLASS.search(words):
        marks.append("doc_nav")
    if tag == "a" and ("btn" in words or "button" in words or "cta" in words):
        marks.append("button")
    return tuple(marks)


def votes(traits: Traits) -> list[Vote]:
    return [*_declared_votes(traits), *_structure_votes(traits), *_vocabulary_votes(traits)]


def _declared_types(t: Traits) -> frozenset[str]:
    """The schema.org types the page gives itself. The questions and answers of an FAQ are
    part of an article or an offer, not a thread."""
    declared = t.declared | t.microdata
    if "faqpage" in declared:
        declared -= {"question", "answer"}
    return declared


def _declared_votes(t: Traits) -> list[Vote]:
    found: list[Vote] = []
    declared = _declared_types(t)
    kind: PageType
    for kind, types, weight in (
        ("forum", FORUM_TYPES, 4.0),
        ("product", PRODUCT_TYPES, 3.0),
        ("collection", COLLECTION_TYPES, 2.0),
        ("service", SERVICE_TYPES, 1.5),
        ("documentation", DOCUMENTATION_TYPES, 2.5),
        ("article", jsonld.ARTICLE_TYPES - DOCUMENTATION_TYPES, 2.5),
    ):
        if named := sorted(declared & types):
            source: EvidenceSource = "json-ld" if t.declared & types else "microdata"
            if kind == "collection" and not _shop_signs(t):
                # A list of stories, recipes or courses is declared the same way as a shelf; an
                # ItemList alone is any list at all (an article's steps, a thread's posts).
                named = [name for name in named if name != "itemlist"]
                kind = "listing"
            if named:
                found.append(Vote(kind, weight, source, f"@type {named[0]}"))
    og = t.og_type
    if og.startswith(("product.group", "product:group")):
        found.append(Vote("collection", 3.0, "opengraph", f"og:type {og}"))
    elif "product" in og or og.endswith(":item"):
        found.append(Vote("product", 3.0, "opengraph", f"og:type {og}"))
    elif og == "article" and not _describes_a_plain_page(t):
        found.append(Vote("article", 1.0, "opengraph", "og:type article"))
    elif og in ("website", "webpage", ""):
        found.append(Vote("service", 0.5, "opengraph", f"og:type {og or 'absent'}"))
    return found


# Paragraphs of prose side by side in one box that make a run of text: a story, not blurbs.
RUN_OF_PROSE = 4


def _describes_a_plain_page(t: Traits) -> bool:
    """A JSON-LD graph that names the page a WebPage and no article in it, on a page without a
    byline: the CMS tells a page from a post, and gives every page ``og:type article`` and dates."""
    return "webpage" in t.declared and not t.declared & jsonld.ARTICLE_TYPES and not t.authored


def _structure_votes(t: Traits) -> list[Vote]:
    found = _forum_votes(t)
    # A thread's first post has a date and an author too: they only speak for an article
    # when no post structure was seen and no thread was declared.
    declared_thread = bool(_declared_types(t) & FORUM_TYPES)
    threaded = declared_thread or any(vote.source == "dom" for vote in found)
    if t.dated and not threaded:
        # A date given to every page by the CMS, or one over a page with no story to date.
        weak = _describes_a_plain_page(t) or not _tells_a_story(t)
        found.append(Vote("article", 0.75 if weak else 1.5, "dom", "a publication date"))
    if t.headings >= 20 and t.prose_chars < 250 * t.headings:
        found.append(Vote("service", 1.5, "dom", f"{t.headings} headings over short blurbs"))
    if t.calls_to_action >= 2 and not t.dated:
        weight = 1.0 + min(t.calls_to_action, 10) / 5
        found.append(Vote("service", weight, "computed", f"{t.calls_to_action} calls to action"))
    if said := _speaks_as_a_business(t):
        found.append(Vote("service", 1.5, "computed", f"prose saying 'we' {said} times"))
    if t.authored and not threaded:
        found.append(Vote("article", 1.0, "dom", "an author"))
    if t.longest_run >= RUN_OF_PROSE and not declared_thread:
        weight = 2.5 if t.longest_run >= 3 * RUN_OF_PROSE else 1.5
        # Unsigned prose between the marks of a manual is the manual's own text.
        kind: PageType = "documentation" if _reads_as_a_manual(t) else "article"
        found.append(Vote(kind, weight, "dom", f"a run of {t.longest_run} paragraphs of prose"))
    found.extend(_documentation_votes(t))
    found.extend(_shop_votes(t))
    if not declared_thread:
        found.extend(_listing_votes(t))
    if not threaded:
        found.extend(_dated_item_votes(t))
    return found


# Times printed on a page that make a stream of dated entries rather than a story's few.
DATED_ITEMS = 15


def _dated_item_votes(t: Traits) -> list[Vote]:
    """Times by the dozen beside prose in short pieces, no two paragraphs past a pair in one
    box, and no post structure: the dated entries of a front page or a feed, each a title and a
    line or two, whatever markup holds them; a story dates itself once or twice."""
    if t.times >= DATED_ITEMS and t.longest_run <= 2:
        return [Vote("listing", 2.0, "dom", f"{t.times} times beside short pieces of prose")]
    return []


def _listing_votes(t: Traits) -> list[Vote]:
    """Repeated items, each a linked heading or an ``<article>`` card, and no story of the
    page's own beside them: a list of other pages."""
    found: list[Vote] = []
    story = _tells_a_story(t)
    if t.linked_headings >= 10 and t.linked_headings * 2 >= t.headings:
        listed: PageType = "collection" if t.prices >= 8 else "listing"
        # A story or a product shows a shelf of related items below itself.
        declared_product = bool(_declared_types(t) & PRODUCT_TYPES) or _og_product(t.og_type)
        weight = (2.0 + min(t.linked_headings, 40) / 20) * (0.5 if story or declared_product else 1.0)
        found.append(Vote(listed, weight, "dom", f"{t.linked_headings} linked item headings"))
    if t.articles >= 5 and not story:
        found.append(Vote("listing", 1.5, "dom", f"{t.articles} article cards"))
        if t.times * 2 >= t.articles:
            found.append(Vote("listing", 1.0, "dom", f"{t.times} dated cards"))
    return found


def _speaks_as_a_business(t: Traits) -> int:
    """How often the page's owner says "we", "our" in its prose, if it speaks so in one word of
    fifty without a byline: a firm presenting its offer; else 0. A story told in the first
    person carries its writer's name; a shop speaking so beside a buy box sells a product."""
    if t.authored or t.cart or (t.dated and t.longest_run >= 2 * RUN_OF_PROSE):
        return 0
    text = " ".join(t.prose_sample)
    words = text.count(" ") + 1
    said = sum(text.count(spelling) for spelling in _WE_SPELLINGS)
    return said if words >= 150 and said * 50 >= words else 0


def _shop_votes(t: Traits) -> list[Vote]:
    """Prices and buy controls: one buy box is a product; many, on a page that declares no
    product, a shelf. A product page repeats prices too (variants, related items) but keeps
    one or a few buy controls."""
    found: list[Vote] = []
    declared_product = bool(_declared_types(t) & PRODUCT_TYPES) or _og_product(t.og_type)
    if t.cart:
        found.append(Vote("product", 2.5, "dom", "an add-to-cart control"))
    if t.cart >= 8 and not declared_product:
        found.append(Vote("collection", 2.5, "dom", f"{t.cart} add-to-cart controls"))
    single_buy_box = 1 <= t.cart <= 3
    if t.prices >= 12 and not single_buy_box:
        weight = 2.0 + min(t.prices, 60) / 30
        found.append(
            Vote("collection", weight / 2 if declared_product else weight, "dom", f"{t.prices} prices")
        )
    elif t.prices >= 2:
        found.append(Vote("product", 1.0, "dom", f"{t.prices} prices"))
    return found


def _shop_signs(t: Traits) -> bool:
    return t.prices >= 3 or t.cart >= 2 or "offer" in t.declared | t.microdata


def _og_product(og: str) -> bool:
    return ("product" in og or og.endswith(":item")) and not og.startswith(("product.group", "product:group"))


def _reads_as_a_manual(t: Traits) -> bool:
    """A manual's marks: names set in code by the hundred, or, under a headline that tells no
    story, a permalink on most of many sections or a headline naming a part of a manual
    ("overview", "tutorial"); on a page that neither signs nor declares itself an article."""
    if t.authored or _declared_types(t) & jsonld.ARTICLE_TYPES - DOCUMENTATION_TYPES:
        return False
    if t.inline_code >= 100:
        return True
    permalinked = t.anchored_headings >= 8 and t.anchored_headings * 2 >= t.headings
    manual_part = bool(_DOC_HEADLINE.search(t.headline))
    return (permalinked or manual_part) and not _ARTICLE_HEADLINE.search(t.headline)


def _documentation_votes(t: Traits) -> list[Vote]:
    found: list[Vote] = []
    if t.code_blocks >= 3 or t.inline_code >= 20:
        weight = 3.5 if t.code_blocks >= 3 and t.inline_code >= 10 else 2.5
        found.append(
            Vote("documentation", weight, "dom", f"{t.code_blocks} code blocks, {t.inline_code} code spans")
        )
    if t.inline_code >= 50 or (t.code_blocks >= 10 and t.inline_code >= 30):
        # Dozens of names set in code: a page about an interface, not a story that shows a snippet.
        found.append(Vote("documentation", 2.0, "dom", "code throughout the text"))
    if t.doc_nav:
        found.append(Vote("documentation", 1.0, "dom", "documentation navigation"))
    if t.anchored_headings >= 3:
        # Most sections given a permalink: a manual's habit; a story's table of contents links
        # to a few of its headings from outside them, and a dated post may permalink its few.
        most = t.anchored_headings * 2 >= t.headings
        weight = 2.0 if most and (t.anchored_headings >= 8 or not t.dated) else 1.0
        found.append(
            Vote("documentation", weight, "dom", f"{t.anchored_headings} headings with their own anchor")
        )
    if t.headline and _DOC_HEADLINE.search(t.headline):
        weight = 1.5 if t.dated and t.authored else 3.0
        found.append(Vote("documentation", weight, "computed", "a headline naming a manual part"))
    return found


def _forum_votes(t: Traits) -> list[Vote]:
    """Many post boxes, each stamped with a time or carrying reply controls: a thread."""
    found: list[Vote] = []
    stamped = t.times >= 3 or t.reply_controls >= 2
    boxes = f"{t.post_boxes} post boxes, {t.times} times, {t.reply_controls} reply controls"
    if t.post_boxes >= 60 and stamped:
        found.append(Vote("forum", 5.0 if t.post_boxes >= 100 else 4.0, "dom", boxes))
    elif t.post_boxes >= 40 and stamped:
        found.append(Vote("forum", 3.0, "dom", boxes))
    elif t.post_boxes >= 100:
        found.append(Vote("forum", 2.5, "dom", boxes))
    elif t.post_boxes >= 40 and t.prose_paragraphs <= 2 and not _shop_signs(t):
        # Posts typed into a box break their lines rather than set paragraphs: boxes by the
        # dozen over hardly a paragraph, and no prices, are messages, not a story's parts or a shelf.
        found.append(Vote("forum", 3.0, "dom", f"{boxes}, hardly a paragraph"))
    elif t.times >= 6 and t.post_boxes >= 10 and t.prose_chars < 8000:
        found.append(Vote("forum", 2.0, "dom", f"{t.times} timed posts"))
    if t.longest_run >= 3 * RUN_OF_PROSE and found:
        # A long story above many boxes: the boxes are its comments.
        found = [Vote(v.kind, v.weight / 2, v.source, f"{v.reason} under a story") for v in found]
    if t.post_boxes >= 20 and _FORUM_HEADLINE.search(t.headline):
        found.append(Vote("forum", 2.0, "computed", "a headline asking or naming a thread"))
    elif _shell(t) and _FORUM_HEADLINE.search(t.headline):
        # A thread whose posts the browser loads later ships its question and nothing else.
        found.append(Vote("forum", 3.0, "computed", "a question over a page with no text of its own"))
    return found


def _shell(t: Traits) -> bool:
    """A page that ships no text to read: no paragraph of prose and hardly a heading."""
    return t.prose_paragraphs == 0 and t.headings <= 2 and not t.code_blocks


def _vocabulary_votes(t: Traits) -> list[Vote]:
    found: list[Vote] = []
    headline = t.headline
    if headline and _ARTICLE_HEADLINE.search(headline):
        found.append(Vote("article", 1.0, "computed", "a headline worded as a story or question"))
    elif headline and _LIST_HEADLINE.search(headline):
        found.append(Vote("listing", 3.0, "computed", "a headline naming a list"))
    elif headline and _SECTION_HEADLINE.search(headline) and _repeats_items(t):
        found.append(Vote("listing", 3.0, "computed", "a headline naming a section of many items"))
    elif headline and _SERVICE_HEADLINE.search(headline) and len(headline.split()) <= 12:
        # A dated page naming an offer over a story or a list of items, signed over a few
        # paragraphs without sections, or declaring itself an article, is more often a story
        # about one ("Town weighs bridge repairs") or a section of them ("Vehicle rental news");
        # dated over none of these, it is more often the offer, less surely than an undated one.
        # Prose reporting what someone said is news whatever the headline's words.
        dated = t.dated and not _describes_a_plain_page(t)
        declared_article = bool(t.declared & (jsonld.ARTICLE_TYPES - DOCUMENTATION_TYPES))
        short_signed = t.authored and t.headings < 5
        storied = dated and (short_signed or _tells_a_story(t) or _lists_items(t) or declared_article)
        weight = 0.5 if _reports_speech(t) else 1.0 if storied else 2.5 if dated else 3.0
        found.append(Vote("service", weight, "computed", "a headline naming an offer"))
    elif headline and _names_a_kind_of_thing(headline):
        declared_list = bool(_declared_types(t) & COLLECTION_TYPES)
        # Pictures by the score sell things, unless the page declares a list and shows no prices.
        shop = _shop_signs(t) or (t.image_links >= 20 and not declared_list)
        kind: PageType = "collection" if shop else "listing"
        weak = t.dated and not _repeats_items(t) and not declared_list
        found.append(Vote(kind, 1.0 if weak else 2.5, "computed", "a headline naming a kind of thing"))
    return found


def _lists_items(t: Traits) -> bool:
    """Cards or linked headings enough to make a list on their own."""
    return t.linked_headings >= 10 or t.articles >= 5


def _repeats_items(t: Traits) -> bool:
    """A few items repeated (cards, linked headings, dates) and no story beside them."""
    return max(t.articles, t.linked_headings, t.times) >= 3 and not _tells_a_story(t)


def _reports_speech(t: Traits) -> bool:
    """Whether the prose quotes someone and says who said it: news tells what people said, an
    offer quotes its customers in the present ("says Jane") if at all."""
    return any(_QUOTED_AND_SAID.search(paragraph) for paragraph in t.prose_sample)


def _tells_a_story(t: Traits) -> bool:
    """A run of prose that holds a good part of the page's prose and is not dwarfed by the items
    listed beside it: the text of one story, not the blurbs of many."""
    run = t.longest_run
    if run < RUN_OF_PROSE or run * 3 < max(t.articles, t.linked_headings):
        return False
    return run * 4 >= t.prose_paragraphs or run >= 2 * RUN_OF_PROSE


def _names_a_kind_of_thing(headline: str) -> bool:
    """A short plural noun phrase ("Running Shoes", "Sofas & Couches | Furniture"): a category."""
    phrase = re.split(r"\s[|–—-]\s|:\s", headline, maxsplit=1)[0]
    words = re.sub(r"\s(?:for|with|and|&|under|in|by)\s.*$", "", phrase, flags=re.I).split()
    if not 1 <= len(words) <= 5 or any(word.isdigit() for word in words):
        return False
    last = words[-1].lower()
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "'s", "’s", "us", "is"))


def decide(found: list[Vote]) -> PageTypeField:
    totals: dict[PageType, float] = defaultdict(float)
    reasons: dict[PageType, list[Vote]] = defaultdict(list)
    totals["article"] = 1.0  # prose pages are articles unless something says otherwise
    for vote in found:
        totals[vote.kind] += vote.weight
        reasons[vote.kind].append(vote)
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    best, weight = ranked[0]
    lead = max(reasons[best], key=lambda v: v.weight) if reasons[best] else None
    rejected = tuple(
        Candidate(
            value=kind,
            source="computed",
            reason=f"weight {score:.1f}: " + "; ".join(v.reason for v in reasons[kind]),
        )
        for kind, score in ranked[1:]
    )
    evidence = Evidence(
        source=lead.source if lead else "computed",
        locator="; ".join(v.reason for v in reasons[best]) or "no sign of another type",
        raw=f"weight {weight:.1f}",
        rejected=rejected,
    )
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = round(weight / (weight + runner_up), 2) if weight > 0 else 0.0
    return PageTypeField(value=best, confidence=confidence, evidence=evidence)


def copied_text_page_type(dated: bool, authored: bool) -> PageTypeField:
    """Copied text keeps no markup to read structure from: the body finder looks for a run of
    prose, so the page is read as an article, more surely when it prints a date or a byline."""
    signs = [sign for sign, present in (("a publication date", dated), ("an author", authored)) if present]
    return PageTypeField(
        value="article",
        confidence=0.5 + 0.2 * len(signs),
        evidence=Evidence(source="text-line", locator="; ".join(signs) or "copied text: a run of prose"),
    )
