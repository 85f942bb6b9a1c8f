"""Segments to Blocks (paragraphs, headings, lists, quotes, tables, figures) and Boilerplate."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsledger.extract.content.rules import kind_from_text
from newsledger.extract.content.select import boilerplate_frame
from newsledger.extract.content.walk import Frame, Segment
from newsledger.model import Block, Boilerplate, BoilerplateKind, Evidence, Image

LINK_LIST_DENSITY = 0.6
# A paragraph that is all link is a pointer to another page ("Who will make the list in 2020?").
LINK_PARAGRAPH_DENSITY = 0.9
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_GROUP_TAGS = frozenset({"ul", "ol", "table", "blockquote", "pre", "dl"})


class Aside:
    """A segment set aside, with its kind and why; consecutive ones of a kind are merged later."""

    __slots__ = ("kind", "locator", "order", "reason", "text")

    def __init__(self, kind: BoilerplateKind, text: str, reason: str, locator: str) -> None:
        self.order = 0
        self.kind = kind
        self.text = text
        self.reason = reason
        self.locator = locator


def _aside_for(segment: Segment, kind: BoilerplateKind, reason: str, locator: str | None = None) -> Aside:
    """A segment set aside in its place in the page; its locator its own element's unless given."""
    aside = Aside(kind, segment.text, reason, segment.path[-1].label if locator is None else locator)
    aside.order = segment.order
    return aside


def classify(
    segment: Segment,
    container_depth: int,
    other_articles: frozenset[int] = frozenset(),
    headline: str | None = None,
    keep_links: bool = False,
    keep_kinds: frozenset[str] = frozenset(),
    title: str | None = None,
) -> Aside | None:
    """Why a segment inside the article container is not body text, or None if it is.

    ``keep_links``: the body is a list of items, whose titles are links to them; ``keep_kinds``:
    boxes of these kinds are body text (the author and time of each post of a thread);
    ``title``: the text of the page's first ``<h1>``."""
    if other_articles:
        nested = next((f for f in reversed(segment.path[container_depth + 1 :]) if f.tag == "article"), None)
        nested = nested if nested is not None and nested.key in other_articles else None
        if nested is not None:
            return Aside("related_links", segment.text, "another article inside the article", nested.label)
    frame = boilerplate_frame(segment, container_depth + 1)
    if frame is not None and frame.flag not in keep_kinds:
        return Aside(frame.flag or "other", segment.text, f"class, id or tag of <{frame.tag}>", frame.label)
    label = segment.path[-1].label
    if _is_title(segment, title) or (
        segment.kind in _HEADINGS and headline and _same_words(segment.text, headline)
    ):
        return Aside(
            "headline_repeat", segment.text, "top-level heading: the headline, kept as metadata", label
        )
    if segment.kind == "figcaption" or (segment.kind == "caption" and _inside(segment, "figure")):
        return Aside("caption", segment.text, "figure caption", label)
    # A heading that links to what it names (a numbered entry of a ranking) is still a heading.
    if (
        not keep_links
        and segment.kind not in _HEADINGS
        and segment.link_density
        >= (LINK_PARAGRAPH_DENSITY if segment.kind in {"p", "pre"} else LINK_LIST_DENSITY)
    ):
        kind: BoilerplateKind = "related_links" if len(segment.text) > 30 else "navigation"
        return Aside(kind, segment.text, f"link density {segment.link_density:.2f}", label)
    text_kind = kind_from_text(segment.text)
    if text_kind is not None:
        return Aside(text_kind, segment.text, "wording of a page-furniture box", label)
    return None


# A page may print a passage twice (its description laid out once for small screens and once for
# large, a whole story rendered twice), both copies in the markup. A copy is a run of body
# segments repeating, word for word and in the same order, a run met earlier, long enough to be
# a passage rather than a line that recurs on each card of a listing. Table cells and code
# repeat by nature and are left alone.
REPEAT_MIN_CHARS = 200
_UNIQUE_KINDS = frozenset({"td", "th", "pre", "figure"})


def drop_repeated_passages(body: Sequence[Segment]) -> tuple[list[Segment], list[Aside]]:
    """Body segments without the second copies of passages, and those copies set aside."""
    first_at: dict[str, int] = {}
    # For each segment, where its text first appeared in the body (None: here, or never compared).
    origins: list[int | None] = []
    for index, segment in enumerate(body):
        if segment.kind in _UNIQUE_KINDS or not segment.text:
            origins.append(None)
            continue
        origin = first_at.setdefault(segment.text, index)
        origins.append(origin if origin != index else None)
    copies: set[int] = set()
    start = 0
    while start < len(body):
        if origins[start] is None:
            start += 1
            continue
        end = start + 1
        while end < len(body) and _continues_copy(origins[end - 1], origins[end]):
            end += 1
        if sum(len(segment.text) for segment in body[start:end]) >= REPEAT_MIN_CHARS:
            copies.update(range(start, end))
        start = end
    if not copies:
        return list(body), []
    asides: list[Aside] = []
    for index in sorted(copies):
        segment = body[index]
        asides.append(_aside_for(segment, "other", "repeats an earlier passage word for word"))
    return [segment for index, segment in enumerate(body) if index not in copies], asides


# After a story, a page may show teasers of its other stories as cards: a box holding a heading
# that is wholly a link to the story and a short excerpt, the same box repeated. A run of such
# cards after the story's last paragraph is a list of other pages, not part of the story; a
# numbered entry whose heading links to what it names is followed by its own prose.
TEASER_CARDS_MIN = 3
TEASER_MAX_CHARS = 400
TEASER_TITLE_LINK_DENSITY = 0.9


def drop_teaser_cards(body: Sequence[Segment], container_depth: int) -> tuple[list[Segment], list[Aside]]:
    """Body segments without the cards teasing other stories, and those set aside."""
    cards = _card_boxes(body, container_depth)
    if len(cards) < TEASER_CARDS_MIN:
        return list(body), []
    owners = [
        next((frame.key for frame in segment.path[container_depth + 1 :] if frame.key in cards), None)
        for segment in body
    ]
    held: dict[int, int] = dict.fromkeys(cards, 0)
    for segment, card in zip(body, owners, strict=True):
        if card is not None:
            held[card] += len(segment.text)
    teasers = _trailing_teasers(body, owners, cards, held)
    # A page made of cards after a short introduction is a list of them (a landing page).
    story = sum(len(segment.text) for segment, card in zip(body, owners, strict=True) if card is None)
    if not teasers or story < sum(held[key] for key in teasers):
        return list(body), []
    kept: list[Segment] = []
    asides: list[Aside] = []
    for segment, card in zip(body, owners, strict=True):
        if card in teasers:
            asides.append(_aside_for(segment, "related_links", "card teasing another page", cards[card].label))
        else:
            kept.append(segment)
    return kept, asides


def _card_boxes(body: Sequence[Segment], container_depth: int) -> dict[int, Frame]:
    """The boxes directly holding a heading that is wholly a link, by key."""
    cards: dict[int, Frame] = {}
    for segment in body:
        if (
            segment.kind in _HEADINGS
            and segment.link_density >= TEASER_TITLE_LINK_DENSITY
            and len(segment.path) > container_depth + 2
        ):
            cards.setdefault(segment.path[-2].key, segment.path[-2])
    return cards


def _trailing_teasers(
    body: Sequence[Segment], owners: list[int | None], cards: dict[int, Frame], held: dict[int, int]
) -> set[int]:
    """Keys of the short cards after the story's last paragraph, of a shape met at least
    ``TEASER_CARDS_MIN`` times there. Cards among the story's paragraphs are its entries."""
    last = max(
        (index for index, card in enumerate(owners) if card is None and body[index].kind == "p"), default=-1
    )
    shapes: dict[tuple[str, str | None], list[int]] = {}
    for key in dict.fromkeys(card for card in owners[last + 1 :] if card is not None):
        if held[key] <= TEASER_MAX_CHARS:
            shapes.setdefault((cards[key].tag, cards[key].classes), []).append(key)
    return {key for keys in shapes.values() if len(keys) >= TEASER_CARDS_MIN for key in keys}


# A page may recommend other items under a heading worded for it ("You may also like",
# "Customers who viewed this item also viewed", "Frequently bought together", "More from" the
# same maker, unless it leads in to a list of the text's own with a colon): the heading and
# what follows it, up to the next heading of its level or higher, are teasers of other pages.
_RECOMMENDATION = re.compile(
    r"\balso (?:viewed|bought|like|love|enjoy)\b|\byou (?:may|might|will|ll|’ll|'ll) (?:also )?(?:like|love|enjoy)\b"
    r"|\bsimilar (?:items|products)\b|\brelated products\b|\bcomplete the look\b"
    r"|\b(?:often|frequently) (?:viewed|bought)\b|\bhow about these\b|\bcustomers who\b",
    re.IGNORECASE,
)
# "More from" the same maker or source heads the items of a listing as well as another page's
# teasers: it is read only where the items are not the body.
_MORE_FROM = re.compile(r"^(?:(?:see|shop|explore|discover) )?more (?:from|by) [^:]*$", re.IGNORECASE)
RECOMMENDATION_HEADING_MAX_CHARS = 80


def drop_recommendations(body: Sequence[Segment], more_from: bool = True) -> tuple[list[Segment], list[Aside]]:
    """Body segments without the runs headed as recommendations of other items, and those set aside;
    ``more_from``: a heading offering more from the same maker heads such a run."""
    kept: list[Segment] = []
    asides: list[Aside] = []
    level: int | None = None
    for segment in body:
        heading = _HEADINGS.get(segment.kind)
        if heading is not None and level is not None and heading <= level:
            level = None
        if (
            level is None
            and heading is not None
            and len(segment.text) <= RECOMMENDATION_HEADING_MAX_CHARS
            and (_RECOMMENDATION.search(segment.text) or (more_from and _MORE_FROM.match(segment.text)))
        ):
            level = heading
        if level is None:
            kept.append(segment)
            continue
        asides.append(_aside_for(segment, "related_links", "under a heading recommending other items"))
    return kept, asides


# A member's card beside each post of a thread states the member's record: "Posts: 2",
# "Joined: Sun Dec 17, 2023", or a label over its value ("Messages" then "3"). A label of that
# record followed by a count or a date is furniture of the board, not what the member wrote; read
# on every page, as a thread is sometimes taken for an article.
_MEMBER_STAT_LABEL = (
    r"(?:joined|join date|registered|member since|posts|messages|topics|threads|replies|reaction score"
    r"|(?:trophy )?points|likes(?: received)?|best answers|solutions|reputation|karma|thanks"
    r"|beiträge|registriert|mitglied seit|inscrit|inscription|mensajes|registrado|iscritto)"
)
# The rank a board gives a member, printed alone under the member's name ("Senior Member").
_MEMBER_RANK = re.compile(
    r"(?:(?:new|junior|senior|full|active|well-known|established|valued|registered|veteran|elite|super)\s+)?"
    r"member|moderator|administrator|original poster|staff member",
    re.IGNORECASE,
)
_MEMBER_STAT = re.compile(rf"{_MEMBER_STAT_LABEL}\s*:?\s*(?P<value>.*)", re.IGNORECASE)
MEMBER_STAT_MAX_CHARS = 60
# A line of counts alone may run longer: a site may print each count twice, once for screen readers.
COUNTED_RECORD_MAX_CHARS = 100
STAT_VALUE_MAX_WORDS = 6


def _stat_value(text: str) -> bool:
    """Whether a text is a count or a date: short, holding a digit, no sentence."""
    return (
        len(text) <= MEMBER_STAT_MAX_CHARS
        and any(char.isdigit() for char in text)
        and len(text.split()) <= STAT_VALUE_MAX_WORDS
        and not text.rstrip().endswith((".", "!", "?"))
    )


# The same record as counts before their nouns, one or several on a line ("1,204 posts · Joined
# 2015", "3 silver badges5 bronze badges", "12 likes").
_COUNTED = re.compile(
    r"\d[\d,.]*[km]?\s+(?:(?:gold|silver|bronze) )?(?:posts?|messages?|likes?|badges?|reputation"
    r"|points?|topics?|threads?|solutions?|answers?|reactions?|beiträge|mensajes)",
    re.IGNORECASE,
)
# A bare count before the counted badges is the member's score ("88.7k" in "88.7k 3 gold badges").
_REPUTATION = re.compile(r"\d[\d,.]*[km]?", re.IGNORECASE)
_RECORD_PIECES = re.compile(r"\s*[·•|]\s*|(?<=[a-z])(?=\d)")


def _counted_record(text: str) -> bool:
    """Whether a line is counts of a member's record, with the join date beside them if any."""
    if _COUNTED.search(text) is None:
        # No piece of it can be a count: most lines hold none.
        return False
    pieces = [piece for piece in _RECORD_PIECES.split(text.strip()) if piece]
    counted = [piece for piece in pieces if _COUNTED.fullmatch(piece)]
    others = [piece for piece in pieces if not _COUNTED.fullmatch(piece)]
    return bool(counted) and all(_REPUTATION.fullmatch(piece) or _member_stat_piece(piece) for piece in others)


def _member_stat_piece(piece: str) -> bool:
    match = _MEMBER_STAT.fullmatch(piece)
    return match is not None and _stat_value(match["value"].strip())


def _member_stat(text: str) -> str | None:
    """'value' when a text is a member-record label with its value, '' for the label alone."""
    if len(text) <= COUNTED_RECORD_MAX_CHARS and (_counted_record(text) or _MEMBER_RANK.fullmatch(text.strip())):
        return "value"
    if len(text) > MEMBER_STAT_MAX_CHARS:
        return None
    match = _MEMBER_STAT.fullmatch(text.strip())
    if match is None:
        return None
    value = match["value"].strip()
    if not value:
        return ""
    return "value" if _stat_value(value) and ":" in text else None


def drop_member_stats(body: Sequence[Segment]) -> tuple[list[Segment], list[Aside]]:
    """Body segments without the lines of members' records, and those set aside."""
    kept: list[Segment] = []
    asides: list[Aside] = []
    after_label = False
    for segment in body:
        stat = _member_stat(segment.text)
        if stat is None and not (after_label and _stat_value(segment.text.strip())):
            kept.append(segment)
            after_label = False
            continue
        after_label = stat == ""
        asides.append(_aside_for(segment, "author_box", "a member's record beside a post"))
    return kept, asides


# Beside each post of a thread a board prints bare counts (its votes, its number in the thread,
# its reactions) and the post's or its member's controls and state ("View attachment 12",
# "Quote:", "Offline"), each alone on its line: the board's, not the post's words. Table cells and
# code keep their numbers.
_POST_FURNITURE = re.compile(
    r"#?\d[\d,.]*[km]?|view attachment \d+|locked|offline|online|quote:?|original post", re.IGNORECASE
)
_NUMBERED_KINDS = frozenset({"td", "th", "pre", "code", "li"})


def drop_post_furniture(body: Sequence[Segment]) -> tuple[list[Segment], list[Aside]]:
    """The segments of a thread without the counts and controls beside its posts, and those set aside."""
    return _drop_whole_lines(body, _POST_FURNITURE, _NUMBERED_KINDS, "a count or control beside a post")


def _drop_whole_lines(
    body: Sequence[Segment], line: re.Pattern[str], spared: frozenset[str], reason: str
) -> tuple[list[Segment], list[Aside]]:
    """The segments without those whose whole text is ``line`` (but in elements of a ``spared``
    kind), and those set aside with ``reason``."""
    kept: list[Segment] = []
    asides: list[Aside] = []
    for segment in body:
        if segment.kind in spared or not line.fullmatch(segment.text.strip()):
            kept.append(segment)
            continue
        asides.append(_aside_for(segment, "other", reason))
    return kept, asides


# On a product's page its price and the summary of its stars stand alone on their lines in the
# box for buying it ("$26.99", "Was $40.00 Now $32.00", "Rated 4.8 out of 5 based on 29 customer
# ratings"): the shop's figures for the item, not the text describing it.
# A table's cells (a price list) and list items keep theirs.
_AMOUNT = r"(?:(?:[$€£¥₹]|[A-Z]{1,2}\$)\s?\d[\d,.]*(?:\s?[A-Z]{3})?|\d[\d,.]*\s?(?:€|£|[A-Z]{3}\b))"
_COUNT = r"\(?\d[\d,.]*k?\)?"
_BUY_BOX_LINE = re.compile(
    r"(?:(?:from|now|only|sale price|regular price|price|was|current price is|our price|list price)\s*:?\s*)?"
    rf"{_AMOUNT}(?:\s*(?:[-–/]|to|was|now)?\s*{_AMOUNT})*"
    rf"|(?:rated\s+)?\d(?:[.,]\d+)?\s*(?:stars?\s+)?out of 5(?:\s*stars?)?"
    rf"(?:[.,]?\s*(?:based on\s+|with\s+)?{_COUNT}\s*(?:total\s+)?(?:customer\s+)?(?:reviews?|ratings?|votes?))?\.?"
    rf"|based on\s+{_COUNT}\s*(?:customer\s+)?(?:reviews?|ratings?)"
    rf"|\d(?:[.,]\d+)?\s*stars?\s+(?:out of|based on)\s+{_COUNT}\s*(?:reviews?|ratings?)",
    re.IGNORECASE,
)
_LISTED_KINDS = frozenset({"td", "th", "li", "dd", "pre", "code"})


def drop_buy_box_lines(body: Sequence[Segment]) -> tuple[list[Segment], list[Aside]]:
    """The segments of a product's page without its price and star summary alone on their lines."""
    return _drop_whole_lines(body, _BUY_BOX_LINE, _LISTED_KINDS, "a price or star rating in the box for buying")


# A shop's template may print an item's raw fields as a list of terms: each term the name a
# program gives the field ("retail_price_tier1:", "cat_thumb_Bone:"), each description its
# stored value (a price band, the address of a thumbnail). Names of that shape, with the
# descriptions under them, are the shop's data, not the item's description.
_FIELD_NAME = re.compile(r"[a-z][a-z0-9]*(?:[_-][A-Za-z0-9]+)*_[A-Za-z0-9 ]+:?")


def drop_field_dump(body: Sequence[Segment]) -> tuple[list[Segment], list[Aside]]:
    """The segments of a product's page without the terms named like a program's fields and
    their descriptions, and those set aside."""
    kept: list[Segment] = []
    asides: list[Aside] = []
    dropping = False
    for segment in body:
        if segment.kind == "dt":
            dropping = _FIELD_NAME.fullmatch(segment.text.strip()) is not None
        elif segment.kind != "dd":
            dropping = False
        if not dropping:
            kept.append(segment)
            continue
        asides.append(_aside_for(segment, "other", "a field of the shop's data"))
    return kept, asides


def _continues_copy(previous: int | None, origin: int | None) -> bool:
    """Whether a segment copies the one after the original of the segment before it."""
    return previous is not None and origin == previous + 1


def _is_title(segment: Segment, title: str | None) -> bool:
    """Whether a segment is the page's title: its first ``<h1>`` or a copy of it. Pages that give
    each item or section an ``<h1>`` of its own (a blog's front page) keep the later ones."""
    return segment.kind == "h1" and (title is None or _same_words(segment.text, title))


def _same_words(text: str, other: str) -> bool:
    return text.casefold().split() == other.casefold().split()


def _inside(segment: Segment, tag: str) -> bool:
    return any(frame.tag == tag for frame in segment.path)


def drop_orphan_headings(
    body: Sequence[Segment], container_depth: int, aside_boxes: frozenset[int] | set[int]
) -> tuple[list[Segment], list[Aside]]:
    """Headings whose box holds nothing but boilerplate ("Key events" over a list of links).

    ``aside_boxes``: keys of the elements inside the container that hold a segment set aside. A
    box holding the heading alone (a page builder wraps each heading in its own) is no orphan's."""
    headings = [
        segment for segment in body if segment.kind in _HEADINGS and len(segment.path) > container_depth + 2
    ]
    if not headings:
        return list(body), []
    shared: set[int] = set()
    for segment in body:
        if segment.kind not in _HEADINGS:
            shared.update(frame.key for frame in segment.path[container_depth + 1 :])
    orphans: dict[int, Aside] = {}
    for segment in headings:
        box = segment.path[-2]
        if box.key not in shared and box.key in aside_boxes:
            orphan = Aside("other", segment.text, "heading of a box with no body text", box.label)
            orphan.order = segment.order
            orphans[id(segment)] = orphan
    if not orphans:
        return list(body), []
    kept = [segment for segment in body if id(segment) not in orphans]
    return kept, list(orphans.values())


def outside_aside(segment: Segment) -> Aside:
    label = segment.path[-1].label
    if segment.kind == "figcaption":
        return Aside("caption", segment.text, "outside the article; figure caption", label)
    if segment.kind == "h1":
        return Aside(
            "headline_repeat", segment.text, "top-level heading: the headline, kept as metadata", label
        )
    frame = boilerplate_frame(segment)
    if frame is not None:
        return Aside(
            frame.flag or "other",
            segment.text,
            f"outside the article; class, id or tag of <{frame.tag}>",
            frame.label,
        )
    text_kind = kind_from_text(segment.text)
    if text_kind is not None:
        return Aside(text_kind, segment.text, "outside the article; wording of a page-furniture box", label)
    if segment.link_density >= LINK_LIST_DENSITY:
        return Aside("navigation", segment.text, "outside the article; mostly links", label)
    return Aside("other", segment.text, "outside the article container", label)


def merge_asides(asides: Iterable[Aside]) -> tuple[Boilerplate, ...]:
    """Asides in page order; neighbouring pieces of one box are joined into one Boilerplate."""
    merged: list[Boilerplate] = []
    run: list[Aside] = []
    for aside in sorted(asides, key=lambda aside: aside.order):
        if run and (
            aside.kind != run[0].kind or aside.locator != run[0].locator or aside.order != run[-1].order + 1
        ):
            merged.append(_boilerplate(run))
            run = []
        run.append(aside)
    if run:
        merged.append(_boilerplate(run))
    return tuple(merged)


def _boilerplate(run: list[Aside]) -> Boilerplate:
    first = run[0]
    return Boilerplate(
        kind=first.kind,
        text="\n".join(aside.text for aside in run),
        reason=first.reason,
        evidence=Evidence(source="dom", locator=first.locator),
    )


def _group_frame(segment: Segment, container_depth: int) -> Frame | None:
    """The outermost list, table, quote or figure below the container holding the segment."""
    path = segment.path
    for index in range(container_depth + 1, len(path)):
        if path[index].tag in _GROUP_TAGS:
            return path[index]
    return None


def build_blocks(
    segments: Sequence[Segment], container_depth: int, captions: dict[int, list[str]]
) -> list[Block]:
    """Body segments in order to blocks; a list, table, quote or figure becomes one block."""
    blocks: list[Block] = []
    index = 0
    while index < len(segments):
        segment = segments[index]
        if segment.kind == "figure":
            frame = segment.path[-1]
            blocks.append(_figure_block(frame, captions.get(frame.key, [])))
            index += 1
            continue
        group = _group_frame(segment, container_depth)
        if group is None:
            blocks.append(_single_block(segment))
            index += 1
            continue
        end = index + 1
        while (
            end < len(segments)
            and segments[end].kind != "figure"
            and _group_frame(segments[end], container_depth) is group
        ):
            end += 1
        blocks.extend(_group_block(group, segments[index:end]))
        index = end
    return blocks


def _evidence(frame: Frame) -> Evidence:
    return Evidence(source="dom", locator=frame.label)


def _single_block(segment: Segment) -> Block:
    level = _HEADINGS.get(segment.kind)
    evidence = _evidence(segment.path[-1])
    if level is not None:
        return Block(kind="heading", text=segment.text, level=level, evidence=evidence)
    if segment.kind == "pre":
        return Block(kind="preformatted", text=segment.text, evidence=evidence)
    return Block(
        kind="paragraph",
        text=segment.text.replace("\n", " ") if segment.kind != "text" else segment.text,
        evidence=evidence,
    )


def _group_block(group: Frame, members: Sequence[Segment]) -> list[Block]:
    evidence = _evidence(group)
    texts = [segment.text for segment in members]
    if group.tag in {"ul", "ol", "dl"}:
        return [
            Block(
                kind="list",
                text="\n".join(texts),
                items=tuple(texts),
                ordered=group.tag == "ol",
                evidence=evidence,
            )
        ]
    if group.tag == "blockquote":
        return [Block(kind="blockquote", text="\n".join(texts), evidence=evidence)]
    if group.tag == "pre":
        return [Block(kind="preformatted", text="\n".join(texts), evidence=evidence)]
    if group.tag == "table":
        return _table_blocks(group, members)
    return [_single_block(segment) for segment in members]


def _table_blocks(group: Frame, members: Sequence[Segment]) -> list[Block]:
    """A data table becomes one block of rows; a table used for layout gives its paragraphs."""
    if any(segment.kind in {"p", "text"} and len(segment.text) > 200 for segment in members):
        return [_single_block(segment) for segment in members]
    rows: list[tuple[str, ...]] = []
    current_row: Frame | None = None
    cells: list[str] = []
    captions = [segment.text for segment in members if segment.kind == "caption"]
    for segment in members:
        if segment.kind == "caption":
            continue
        row = next((frame for frame in reversed(segment.path) if frame.tag == "tr"), None)
        if row is not current_row and cells:
            rows.append(tuple(cells))
            cells = []
        current_row = row
        cells.append(segment.text)
    if cells:
        rows.append(tuple(cells))
    text = "\n".join([*captions, *(" | ".join(row) for row in rows)])
    return [Block(kind="table", text=text, rows=tuple(rows), evidence=_evidence(group))]


def _figure_block(frame: Frame, captions: list[str]) -> Block:
    src, alt = frame.image or (None, None)
    caption, credit = split_credit(" ".join(captions)) if captions else (None, None)
    image = Image(url=src, alt=alt or None, caption=caption, credit=credit, evidence=_evidence(frame))
    return Block(kind="figure", text="", image=image, evidence=_evidence(frame))


def split_credit(caption: str) -> tuple[str | None, str | None]:
    """Split "A street in Kyiv. Photo: Jane Doe / Agency" into caption and credit."""
    lowered = caption.casefold()
    for marker in ("photo:", "photograph:", "image:", "credit:", "foto:", "фото:", "©", "(c)"):
        at = lowered.rfind(marker)
        if at >= 0:
            credit = caption[at:].strip(" ()")
            head = caption[:at].strip(" ()")
            return (head or None), credit
    return caption or None, None
