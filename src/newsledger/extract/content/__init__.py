"""The main content of an HTML page as ordered blocks, with boilerplate set aside.

1. Elements that hold no reading text (scripts, styles, embeds, form controls) are removed.
2. One walk cuts the body's text into segments at block boundaries (``walk.py``), each
   knowing the elements above it and the boilerplate kind their class, id or tag names.
3. The element richest in prose net of links and boilerplate is the article (``select.py``).
4. Its segments become blocks; each segment of furniture inside it, and everything outside
   it, is kept aside as classified Boilerplate with the reason and locator (``blocks.py``).
"""

from __future__ import annotations

from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsledger.extract.content.blocks import (
    Aside,
    build_blocks,
    classify,
    drop_buy_box_lines,
    drop_field_dump,
    drop_member_stats,
    drop_orphan_headings,
    drop_post_furniture,
    drop_recommendations,
    drop_repeated_passages,
    drop_teaser_cards,
    merge_asides,
    outside_aside,
)
from newsledger.extract.content.select import (
    SMALL_PROSE_SHARE,
    around_heading,
    boilerplate_frame,
    choose_container,
    other_articles,
    prose_chars,
    read_share,
    small_share,
    widen,
)
from newsledger.extract.content.walk import Segment, segment_tree
from newsledger.extract.dom import NON_TEXT_SELECTOR, drop_non_text
from newsledger.extract.parts import Body, Metadata

__all__ = ["extract_body"]


def extract_body(tree: LexborHTMLParser, url: str | None, metadata: Metadata) -> Body:
    root = tree.body or tree.root
    # One walk finds the elements holding no reading text, among them the places a script fills
    # (a ``<noscript>``, the ``<template>`` marking a streamed part's place); unwrapping a
    # fallback moves the elements it held, and keeps them. Only the body is read from here on:
    # the walk leaves the head (its scripts, styles and links) alone.
    non_text = (tree if root is None else root).css(NON_TEXT_SELECTOR)
    fallbacks, parts = _scripted_places(tree, non_text, root)
    moved = False
    if root is not None:
        moved = unwrap_script_fallback(root, fallbacks)
        moved = place_streamed_parts(root, parts) or moved
    # Once the tree has changed, the elements holding no reading text are looked for again.
    drop_non_text(tree, None if moved else non_text)
    if root is None:
        return Body(notes=("the page has no body",))
    kind = page_kind(metadata)
    segments = segment_tree(
        root,
        reveal_hidden=kind in REVEALED_KINDS,
        reveal_panels=kind not in FOLDED_KINDS,
        reviews_aside=kind in REVIEWED_KINDS,
    )
    prose = [prose_chars(segment) for segment in segments]
    choice_notes: list[str] = []
    container = choose_container(
        segments, prose, thread=kind == "forum", reviews=kind in REVIEWED_KINDS, notes=choice_notes
    )
    if container is None:
        return _fallback(segments)
    share = SMALL_PROSE_SHARE if kind == "forum" else small_share(container, kind in BOXED_KINDS)
    chosen, container = (
        container,
        widen(segments, container, share, read_share(container, kind in ITEM_KINDS)),
    )
    if kind in HEADED_KINDS:
        container = around_heading(segments, container)
    depths = _depths(segments, container.key)
    headline = metadata.headline.value if metadata.headline else None
    policy = Policy(
        headline,
        keep_links=kind in LINKED_KINDS or (container is not chosen and chosen.good < ARTICLE_PROSE_CHARS),
        keep_kinds=KEPT_BOXES.get(kind or "", frozenset()),
        title=next((segment.text for segment in segments if segment.kind == "h1" and segment.text), None),
    )
    # The posts of a thread and the items of a listing are ``<article>``s side by side: peers,
    # not the other stories of a feed.
    others = other_articles(segments, prose, depths) if kind not in PEER_ARTICLE_KINDS else frozenset()
    body, asides, captions, aside_boxes = _sort(segments, depths, others, policy)
    # The container sits at the same depth on every path that passes through it.
    depth = max(depths)
    body, orphans = drop_orphan_headings(body, depth, aside_boxes)
    body, copies = drop_repeated_passages(body) if kind not in REPEATING_KINDS else (body, [])
    body, teasers = drop_teaser_cards(body, depth) if kind == "article" else (body, [])
    body, recommended = drop_recommendations(body, more_from=kind not in PEER_ARTICLE_KINDS)
    body, records = drop_member_stats(body)
    body, controls = drop_post_furniture(body) if kind == "forum" else (body, [])
    body, buying = drop_buy_box_lines(body) if kind == "product" else (body, [])
    body, fields = drop_field_dump(body) if kind == "product" else (body, [])
    return Body(
        blocks=tuple(build_blocks(body, depth, captions)),
        boilerplate=merge_asides([*asides, *orphans, *copies, *teasers, *recommended, *records, *controls, *buying, *fields]),
        notes=(f"article container: {container.label}", *choice_notes),
    )


# A page rendered by script may ship its whole reading text for readers without script in a
# ``<noscript>`` (forum threads often do). Such a fallback holds most of the page's text;
# the usual ``<noscript>`` (a tracking pixel, "please enable JavaScript") holds next to none.
# The same page often ships the thread again as data for its script (a JSON payload), which
# is no reading text: when the fallback falls short of half the page, it is measured against
# the page's text outside scripts and styles.
NOSCRIPT_SHARE = 0.5
NOSCRIPT_MIN_CHARS = 500


def unwrap_script_fallback(root: LexborNode, fallbacks: list[LexborNode]) -> bool:
    """Keep the content of a ``<noscript>`` (of ``fallbacks``, the page's) that holds most of
    the page's text; whether one did."""
    if not fallbacks:
        return False
    unwrapped = False
    total: int | None = None
    holds_text: bool | None = None
    readable: int | None = None
    for fallback in fallbacks:
        length = len(fallback.text(deep=True))
        if length == 0 and total is None:
            # Most fallbacks are empty (a tracking pixel): one is under half the page's text
            # when the page holds any text, which its first text says without reading it all.
            if holds_text is None:
                holds_text = _first_text(root) is not None
            if holds_text:
                continue
            total = 0
        if total is None:
            total = len(root.text(deep=True))
        if length < NOSCRIPT_SHARE * total:
            if length < NOSCRIPT_MIN_CHARS:
                continue
            if readable is None:
                readable = total - _script_chars(root)
            if length < NOSCRIPT_SHARE * readable:
                continue
        fallback.unwrap()
        unwrapped = True
    return unwrapped


def _first_text(root: LexborNode) -> str | None:
    """The first text under ``root`` that is not empty, if any."""
    for node in root.traverse(include_text=True):
        if node.tag == "-text" and node.text_content:
            return node.text_content
    return None


def _script_chars(root: LexborNode) -> int:
    return sum(len(node.text(deep=True)) for node in root.css("script, style, template"))


# A page streamed in parts (React's server rendering) ships each late part as a hidden
# ``<div id="S:n">`` at the end of the body (``n`` a number in hex). Its place is marked by
# ``<template id="P:n">``, or, for a part with a fallback, by ``<template id="B:n">`` followed
# by the fallback ("Loading...") up to the comment closing the boundary; a script moves each
# part in. Read without script, the article would be hidden at the end of the page.
_BOUNDARY_END = "<!--/$-->"
STREAMED_COPY_SHARE = 2.0


# The parts of a page streamed to its end, looked for only on a page holding a ``<template>``
# with an id: their places are marked by such templates, and other pages hold none (a walk of
# the tree costs lexbor a test per element, however few it finds).
_STREAMED_PART = 'div[hidden][id^="S:"]'


def _scripted_places(
    tree: LexborHTMLParser, non_text: list[LexborNode], root: LexborNode | None
) -> tuple[list[LexborNode], list[LexborNode]]:
    """The ``<noscript>``s under ``root`` (of ``non_text``, the elements holding no reading text,
    in document order) and the streamed parts under it."""
    if root is None:
        return [], []
    fallbacks: list[LexborNode] = []
    marked = False
    for node in non_text:
        tag = node.tag
        if tag == "noscript":
            if _within(node, root):
                fallbacks.append(node)
        elif tag == "template" and not marked:
            marked = node.attributes.get("id") is not None
    parts = [node for node in tree.css(_STREAMED_PART) if _within(node, root)] if marked else []
    return fallbacks, parts


def _within(node: LexborNode, root: LexborNode) -> bool:
    """Whether ``node`` lies under ``root`` (a ``<noscript>`` may stand in the page's head)."""
    key = root.mem_id
    parent = node.parent
    while parent is not None:
        if parent.mem_id == key:
            return True
        parent = parent.parent
    return False


def place_streamed_parts(root: LexborNode, parts: list[LexborNode]) -> bool:
    """Move each streamed part (of ``parts``, the page's) to its place, instead of its fallback;
    whether one moved."""
    if not parts:
        return False
    moved_any = False
    places = {node.attributes.get("id"): node for node in root.css('template[id^="B:"], template[id^="P:"]')}
    # Moving a part copies it, and a part placed inside another is copied again with it: the
    # copies stop at twice the page's markup, so that parts nested in a long chain cost no more.
    budget = STREAMED_COPY_SHARE * len(root.html or "")
    # Inner parts come after the part holding their place: placed first, they travel with it.
    for part in reversed(parts):
        budget -= len(part.html or "")
        if budget < 0:
            return moved_any
        # The places inside a part are copied with it and freed with it: none may be used again
        # (nor may a part be placed inside itself).
        for inner in part.css("template"):
            name = inner.attributes.get("id")
            if name in places and places[name].mem_id == inner.mem_id:
                del places[name]
        number = (part.attributes.get("id") or "")[2:]
        place = places.pop(f"P:{number}", None)
        if place is None:
            place = places.pop(f"B:{number}", None)
            if place is None:
                continue
            _drop_fallback(place)
        place.insert_before(part)
        moved = place.prev
        place.decompose()
        part.decompose()
        moved_any = True
        if moved is not None:
            moved.unwrap()
    return moved_any


def _drop_fallback(place: LexborNode) -> None:
    """What is shown until the part arrives: the nodes after its place up to the comment closing
    the boundary. Without that comment (a page stripped of its comments) nothing is dropped; the
    look stops at the next place too, so that each node is looked at once."""
    fallback: list[LexborNode] = []
    node = place.next
    while node is not None and node.tag != "template":
        if node.tag == "-comment" and node.html == _BOUNDARY_END:
            for shown in fallback:
                shown.decompose()
            return
        fallback.append(node)
        node = node.next


# Boxes that are part of the body on a page type: each post of a thread with its author and time;
# the teasers of a listing, which are its items.
KEPT_BOXES: dict[str, frozenset[str]] = {
    "forum": frozenset({"byline", "dateline"}),
    "listing": frozenset({"related_links"}),
}
# Pages whose items are links, each wholly a link to what it names: a shop's grid of products,
# a manual's index of its chapters. There a paragraph or list of links is body text.
LINKED_KINDS = frozenset({"collection", "documentation"})
# Pages whose hidden panels (tabs: the same example in several languages) are content.
REVEALED_KINDS = frozenset({"documentation"})
# The folded panels of tabs and accordions are content (a product's description, its
# specifications, the answers of a FAQ) on every page but a thread, whose folded boxes are the
# thread's own furniture (its most popular posts, its top posters); other hidden boxes (menus,
# modals, carts) stay aside.
FOLDED_KINDS = frozenset({"forum"})
# Pages whose boxes named for reviews hold the buyers' comments.
REVIEWED_KINDS = frozenset({"product"})
# Pages whose boxes repeat passages on purpose (the same steps in each language's tab, the same
# features in each plan): a passage met twice there is not a stray copy.
REPEATING_KINDS = frozenset({"documentation", "service"})
# Pages whose main heading names the subject the body describes.
HEADED_KINDS = frozenset({"product", "service", "documentation"})
PEER_ARTICLE_KINDS = frozenset({"forum", "listing", "collection"})
# Pages whose body is spread over boxes side by side, none holding most of the prose.
BOXED_KINDS = frozenset({"product", "service", "listing", "collection"})
# Pages of products, whose items (names, prices) hold no prose; a listing's teasers carry
# excerpts, which the choice already weighs.
ITEM_KINDS = frozenset({"collection"})


def page_kind(metadata: Metadata) -> str | None:
    """The page type read before the body, if any."""
    return metadata.page_type.value if metadata.page_type else None


# A page whose richest element holds less prose than this has no article: when its body is
# widened to the region around, that region is a listing, and its linked titles are kept.
ARTICLE_PROSE_CHARS = 1000.0


class Policy(NamedTuple):
    """What the body keeps: the headline to recognise, whether linked titles are body text
    (a listing's items) rather than link lists, and the boxes kept whatever their class says."""

    headline: str | None
    keep_links: bool = False
    keep_kinds: frozenset[str] = frozenset()
    title: str | None = None


def _sort(
    segments: list[Segment], depths: list[int], others: frozenset[int], policy: Policy
) -> tuple[list[Segment], list[Aside], dict[int, list[str]], set[int]]:
    """Body segments, the asides (each with its place in the page), captions by figure, and
    the keys of the elements inside the container that hold an aside."""
    body: list[Segment] = []
    asides: list[Aside] = []
    captions: dict[int, list[str]] = {}
    aside_boxes: set[int] = set()
    for index, (segment, depth) in enumerate(zip(segments, depths, strict=True)):
        segment.order = index
        if not segment.text and (depth < 0 or segment.kind != "figure"):
            continue
        aside = (
            outside_aside(segment)
            if depth < 0
            else classify(
                segment, depth, others, policy.headline, policy.keep_links, policy.keep_kinds, policy.title
            )
            if segment.text
            else None
        )
        if aside is None:
            body.append(segment)
            continue
        aside.order = index
        asides.append(aside)
        if depth >= 0:
            aside_boxes.update(frame.key for frame in segment.path[depth + 1 :])
        if aside.kind == "caption" and depth >= 0:
            figure = next((frame for frame in reversed(segment.path) if frame.tag == "figure"), None)
            if figure is not None:
                captions.setdefault(figure.key, []).append(segment.text)
    return body, asides, captions, aside_boxes


def _depths(segments: list[Segment], key: int) -> list[int]:
    """Where the container sits on each segment's path (-1: the segment is outside it).

    The container is at the same depth on every path through it, so one look per segment does.
    """
    depth = next((i for segment in segments for i, frame in enumerate(segment.path) if frame.key == key), -1)
    return [
        depth if len(segment.path) > depth >= 0 and segment.path[depth].key == key else -1
        for segment in segments
    ]


# Boxes that frame every page of a site: what a page without prose keeps besides them is its own.
# (Widgets and teasers may be the items the page lists: they stay.)
FRAMING_KINDS = frozenset(
    {"navigation", "header", "footer", "cookie_consent", "share_bar", "newsletter", "advertisement", "label"}
)


def _in_furniture(segment: Segment) -> bool:
    frame = boilerplate_frame(segment)
    return frame is not None and frame.flag in FRAMING_KINDS


def _fallback(segments: list[Segment]) -> Body:
    """No prose anywhere: the page's text outside its furniture (menus, header, footer, cookie
    and share boxes), in order, as paragraphs; the whole text if that leaves nothing."""
    texts = [s for s in segments if s.text]
    kept = [s for s in texts if not _in_furniture(s)]
    blocks = build_blocks(kept or texts, 0, {})
    return Body(blocks=tuple(blocks), notes=("no prose found; the page text outside its furniture is kept",))
