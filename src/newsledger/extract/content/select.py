"""Choosing the element that holds the article: the one richest in prose and poorest in links.

Each segment that reads like prose (long enough, few links) counts as *good* text; link text,
short fragments and boilerplate count as *bad*. Every element on a segment's path collects
both, and the element with the most good text net of bad wins: a wrapper that adds a menu
scores lower than the article inside it; an article split over sibling blocks scores highest
at their common parent.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsledger.extract.content.rules import kind_from_class
from newsledger.extract.content.walk import Frame, Segment

PROSE_MIN_CHARS = 40
PROSE_MAX_LINK_DENSITY = 0.35
BAD_WEIGHT = 1.0
# A class word may name a box that wraps the whole article (``post has-sidebar``,
# ``entry-content-read-more``): such a flag is ignored when the element holds more than this
# share of the page's prose, or more than twice the prose of the best unflagged element.
VETO_SHARE = 0.5
VETO_RATIO = 2.0
# Kinds that are never the article, however long (a cookie notice, a comment thread), unless
# nothing else on the page reaches this much prose. A consent notice never is: a page whose own
# text is short (a thread of one-line posts, a grid) is still not its preference centre.
MIN_ARTICLE_PROSE = 150.0
NEVER_THE_ARTICLE = frozenset({"cookie_consent", "comments", "newsletter", "donation_appeal", "label"})
_PROSE_KINDS = frozenset({"p", "text", "blockquote", "pre", "dd", "li", "td", "th"})
_WEAK_PROSE_KINDS = frozenset({"li", "td", "th", "dd"})


def prose_chars(segment: Segment) -> float:
    """How much reading prose a segment adds (0 for menus, labels, link lists)."""
    length = len(segment.text)
    if segment.kind not in _PROSE_KINDS:
        return 0.0
    if segment.link_density > PROSE_MAX_LINK_DENSITY or (
        segment.lead_link and segment.kind in _WEAK_PROSE_KINDS
    ):
        return 0.0
    if length < PROSE_MIN_CHARS and not (segment.kind == "p" and length >= 20):
        return 0.0
    prose = float(length - segment.link_chars)
    return prose * 0.5 if segment.kind in _WEAK_PROSE_KINDS else prose


_SENTENCE_ENDS = frozenset(".!?…:;\"'”’)")
# Share of words starting in lower case above which a run of words reads as running text
# (German capitalises its nouns, so the bar is low); menu labels are capitalised throughout.
RUNNING_TEXT_LOWER_SHARE = 0.3


def reads_as_sentences(text: str) -> bool:
    """Whether a piece of text is written in sentences: it ends like one, holds a sentence
    break, or enough of its words start in lower case. The labels of a menu, read without their
    links, run on without either, however long the run."""
    if text[-1] in _SENTENCE_ENDS or ". " in text:
        return True
    words = text.split()
    lower = sum(1 for word in words if word[0].islower())
    return lower >= RUNNING_TEXT_LOWER_SHARE * len(words)


def flagged_prose(
    segments: Sequence[Segment], prose: Sequence[float]
) -> tuple[dict[int, tuple[Frame, float, float, float]], list[Frame]]:
    """For each flagged element, the prose, the prose written in sentences and all the text
    beneath it (ignoring all flags); and every element on the segments' paths, once each, in
    the order they are first met."""
    # Each segment's amounts go to its own element and are carried up to the ancestors at the
    # end (see ``_best_frame``): one step per element, however deep the page nests.
    sums: dict[int, list[float]] = {}
    order: list[tuple[Frame, Frame | None]] = []
    for segment, amount in zip(segments, prose, strict=True):
        path = segment.path
        if not path:
            continue
        own = sums.get(path[-1].key)
        if own is None:
            _register(path, sums, order)
            own = sums[path[-1].key]
        if amount:
            own[0] += amount
            if reads_as_sentences(segment.text):
                own[1] += amount
        own[2] += len(segment.text)
    for frame, parent in reversed(order):
        if parent is not None:
            mine, theirs = sums[frame.key], sums[parent.key]
            theirs[0] += mine[0]
            theirs[1] += mine[1]
            theirs[2] += mine[2]
    flagged = {
        frame.key: (frame, *sums[frame.key])  # type: ignore[misc]
        for frame, _ in order
        if frame.flag is not None
    }
    return flagged, [frame for frame, _ in order]


def _register(
    path: Sequence[Frame], known: dict[int, list[float]], order: list[tuple[Frame, Frame | None]]
) -> None:
    """Add the elements of ``path`` not yet in ``known`` (always its lowest ones: an element's
    ancestors are the same on every path) to it and to ``order``, each with its parent."""
    top = len(path)
    while top > 0 and path[top - 1].key not in known:
        top -= 1
    for index in range(top, len(path)):
        frame = path[index]
        known[frame.key] = [0.0, 0.0, 0.0]
        order.append((frame, path[index - 1] if index else None))


def _distinct_frames(segments: Sequence[Segment]) -> list[Frame]:
    """Every element on the segments' paths, once each, in the order they are first met."""
    # An element's ancestors are the same on every path: the elements not yet met are always
    # the lowest ones of a path.
    known: set[int] = set()
    frames: list[Frame] = []
    for segment in segments:
        path = segment.path
        top = len(path)
        while top > 0 and path[top - 1].key not in known:
            top -= 1
        for frame in path[top:]:
            known.add(frame.key)
            frames.append(frame)
    return frames


# A class word is weak evidence: ``widget`` or ``rail`` also name the boxes a page builder wraps
# its article in. A box that reads as an article (this much prose, and prose most of its text) is
# not furniture, whatever its class says; comments, appeals, paywalls and consent notices (pages
# of legal prose) are told apart by more than their prose, and keep their flag. A sign-up box
# is a line or two: a box named for a newsletter that reads as an article is an issue of it.
DENSE_PROSE_CHARS = 1000.0
DENSE_PROSE_SHARE = 0.6
FLAGS_PROSE_OVERRULES = frozenset(
    {"related_links", "other", "advertisement", "navigation", "header", "footer",
     "share_bar", "author_box", "byline", "dateline", "caption", "tags", "newsletter"}
)  # fmt: skip


def _builder_name(frame: Frame) -> tuple[str, str | None]:
    """A box's tag and first class: a page builder numbers each box in its later classes."""
    first = frame.classes.split(maxsplit=1) if frame.classes else None
    return frame.tag, first[0] if first else None


def _builder_classes(
    held: list[tuple[Frame, float, float, float]], total: float
) -> set[tuple[str, str | None]]:
    """Tag and class strings of flagged boxes that, together, hold most of the page's prose in
    sentences: the blocks a page builder makes the article of (``elementor-widget``), not furniture."""
    shares: dict[tuple[str, str | None], float] = {}
    for frame, _, amount, _ in held:
        if frame.flag in FLAGS_PROSE_OVERRULES and amount:
            name = _builder_name(frame)
            shares[name] = shares.get(name, 0.0) + amount
    return {name for name, amount in shares.items() if amount > VETO_SHARE * total}


def _section_names(frame: Frame) -> list[tuple[str, str]]:
    """A box's tag with each of its later classes that names its flag: the sections of a page,
    each named for its topic first, share the class a script finds them by (``lm_navSource``)."""
    classes = frame.classes.split()[1:] if frame.classes else []
    return [(frame.tag, token) for token in classes if kind_from_class(token) == frame.flag]


# A box sharing such a class with the sections but holding far less prose than they do on
# average is a sidebar cell of the same layout grid (``span4 widget-span``), not a section.
SECTION_MEAN_SHARE = 0.5


def _section_classes(
    held: list[tuple[Frame, float, float, float]], total: float
) -> dict[tuple[str, str], float]:
    """Tag and later class shared by flagged boxes that, together, hold most of the page's prose in
    sentences, each with the least prose in sentences a box of it holds as one of the sections."""
    shares: dict[tuple[str, str], list[float]] = {}
    for frame, _, amount, _ in held:
        if frame.flag in FLAGS_PROSE_OVERRULES and amount:
            for name in _section_names(frame):
                share = shares.setdefault(name, [0.0, 0.0])
                share[0] += amount
                share[1] += 1
    return {
        name: SECTION_MEAN_SHARE * amount / count
        for name, (amount, count) in shares.items()
        if amount > VETO_SHARE * total
    }


def _reads_as_article(frame: Frame, amount: float, text: float) -> bool:
    return (
        frame.flag in FLAGS_PROSE_OVERRULES
        and amount >= DENSE_PROSE_CHARS
        and amount >= DENSE_PROSE_SHARE * text
    )


def boilerplate_frame(segment: Segment, below: int = 0) -> Frame | None:
    """The innermost flagged element on the segment's path, deeper than index ``below``."""
    path = segment.path
    for index in range(len(path) - 1, below - 1, -1):
        frame = path[index]
        if frame.flag is not None and not frame.vetoed:
            return frame
    return None


# Each box vetoed makes the choice again over the whole page; a page choosing more than a few
# times (19 is the most on 1,678 bench pages) is a pile of boxes within boxes, and past this
# many the choice made so far stands (said in the notes).
MAX_RECHOICES = 40


def choose_container(
    segments: Sequence[Segment],
    prose: Sequence[float],
    *,
    thread: bool = False,
    reviews: bool = False,
    notes: list[str] | None = None,
) -> Frame | None:
    """The article element; flags that would hide most of the prose are vetoed on the way.

    ``thread``: the page is a forum thread, whose replies are its content when they outweigh
    the post chosen. ``reviews``: the page is a product's, whose boxes of comments are its
    buyers' reviews: however much one of them says, the product's own few lines (a sentence,
    a list of specifications) are its text. ``notes``: where to say that the choice stopped at ``MAX_RECHOICES``."""
    flagged, frames = flagged_prose(segments, prose)
    held = sorted(flagged.values(), key=lambda item: -item[1])
    total = sum(prose)
    builders = _builder_classes(held, total)
    sections = _section_classes(held, total)
    closing = _footers_after_heading(segments)
    for frame, _, sentences, text in held:
        # A box holding most of the prose wraps the article, unless that prose is the labels
        # of a menu (a store's category tree, read without its links) or the box is a footer
        # closing the page after its main heading (a shop's paragraphs written for search
        # engines).
        if frame.key in closing:
            continue
        if (
            (sentences > VETO_SHARE * total and frame.flag not in NEVER_THE_ARTICLE)
            or _reads_as_article(frame, sentences, text)
            or (builders and _builder_name(frame) in builders)
            or (sections and any(sentences >= sections.get(name, total + 1) for name in _section_names(frame)))
        ):
            frame.vetoed = True
    container = _best_frame(segments, prose)
    rechoices = 0
    for frame, amount, _, _ in held:
        found = container.good if container else 0.0
        if (
            frame.vetoed
            or frame.key in closing
            or (frame.flag in NEVER_THE_ARTICLE and found >= MIN_ARTICLE_PROSE)
            or frame.flag == "cookie_consent"
            or (reviews and frame.flag == "comments")
        ):
            continue
        if amount <= VETO_RATIO * found:
            break
        if rechoices == MAX_RECHOICES:
            if notes is not None:
                notes.append(
                    f"the article element was chosen again {MAX_RECHOICES} times; the last choice stands"
                )
            break
        rechoices += 1
        frame.vetoed = True
        if frame.flag == "comments" and not thread and not found:
            _veto_replies(segments, frame)
        container = _best_frame(segments, prose)
    if thread and container is not None and _thread_outweighs(segments, prose, container):
        for frame, _, _, _ in held:
            if frame.flag == "comments":
                frame.vetoed = True
        container = _best_frame(segments, prose)
    return _inside_main(segments, prose, container, [frame for frame in frames if frame.tag == "main"])


def _veto_replies(segments: Sequence[Segment], thread: Frame) -> None:
    """A thread taken for the page's text (a link shared to a board: no prose but its comments)
    is read whole: the comment boxes inside it lose their flag too, else the
    next choice would fall on its longest comment alone. (A forum's thread is weighed against
    its first post instead, in ``choose_container``.)"""
    for segment in segments:
        path = segment.path
        if thread not in path:
            continue
        for frame in path[path.index(thread) + 1 :]:
            if frame.flag == "comments":
                frame.vetoed = True


def _inside_main(
    segments: Sequence[Segment], prose: Sequence[float], container: Frame | None, mains: list[Frame]
) -> Frame | None:
    """The container, or, when it lies outside the page's one ``<main>`` (which holds prose) in a
    box named as furniture whose flag its prose overruled (a cart, a promotion bar, a footer of
    legal notes), the best element inside ``<main>``: the page says where its content is.
    ``mains``: the ``<main>`` elements on the segments' paths."""
    if container is None or len(mains) != 1:
        return container
    main = mains[0]
    if main.good <= 0:
        return container
    path = next((segment.path for segment in segments if container in segment.path), ())
    if main in path or not any(frame.vetoed for frame in path[: path.index(container) + 1]):
        return container
    inside = [index for index, segment in enumerate(segments) if main in segment.path]
    chosen = _best_frame([segments[index] for index in inside], [prose[index] for index in inside])
    _best_frame(segments, prose)  # the sums of every element, as before
    return chosen or container


def _footers_after_heading(segments: Sequence[Segment]) -> frozenset[int]:
    """Keys of the footer boxes that come after the page's first ``<h1>``, outside it."""
    heading = next((index for index, segment in enumerate(segments) if segment.kind == "h1"), None)
    if heading is None:
        return frozenset()
    above = {frame.key for frame in segments[heading].path}
    return frozenset(
        frame.key
        for frame in _distinct_frames(segments[heading + 1 :])
        if frame.flag == "footer" and frame.key not in above
    )


# A forum thread is its opening post and the replies, which pages mark up as comments. On a
# page read as a forum, when the replies hold more prose than the whole page holds outside
# them, and the element chosen is no longer than a long post (a dozen sentences, some 400 words;
# a story chosen there keeps its comments aside), the replies are the page's content. (On a news
# page the same shape is a comment section under a short story, so the rule waits for the page
# type.) A question whose answers are not marked as comments is chosen alone when the remarks
# under the answers count against them: those remarks, fewer than the answers, stay aside.
THREAD_OPENING_MAX_CHARS = 2250.0


def _thread_outweighs(segments: Sequence[Segment], prose: Sequence[float], container: Frame) -> bool:
    if container.good >= THREAD_OPENING_MAX_CHARS:
        return False
    replies = 0.0
    for segment, amount in zip(segments, prose, strict=True):
        # Small reply boxes are read whole, as one aside each: their length stands for prose.
        amount = amount or (len(segment.text) if segment.kind == "aside" else 0.0)
        if amount and any(frame.flag == "comments" and not frame.vetoed for frame in segment.path):
            replies += amount
    return replies > segments[0].path[0].good


# The chosen element is reconsidered when it holds a small share of the page's prose or of its
# readable text (outside boilerplate boxes, links included): a teaser, a caption or one item of
# a listing won over the body beside it. The nearest ancestor holding most of the readable text
# is taken instead.
SMALL_PROSE_SHARE = 0.4
SMALL_READ_SHARE = 0.25
MAIN_READ_SHARE = 0.5
# A page made of boxes (a product's description, features and specifications, a service's
# offer and plans, the items of a listing) spreads its prose over several of them, none of
# which holds most of it: there, an element holding under this share is one box of the body.
# So is an element holding less than a couple of short paragraphs on any page but a thread.
BOXED_PROSE_SHARE = 0.8
SHORT_PROSE_CHARS = 500.0


def small_share(container: Frame, boxed: bool) -> float:
    """The share of the page's prose under which the element chosen is widened."""
    return BOXED_PROSE_SHARE if boxed or container.good < SHORT_PROSE_CHARS else SMALL_PROSE_SHARE


# A shop's page of products lists names and prices, which are no prose: its one element of
# prose (a buying guide in an accordion, a note of the shop's terms) wins the choice while the
# grid beside it holds most of what a reader reads there. On such a page an element short of a
# long guide is widened unless it holds half the readable text.
ITEMS_READ_SHARE = 0.5
LONG_GUIDE_CHARS = 3000.0


def read_share(container: Frame, items: bool) -> float:
    """The share of the page's readable text under which the element chosen is widened;
    ``items``: the page lists products, whose names and prices are no prose."""
    return ITEMS_READ_SHARE if items and container.good < LONG_GUIDE_CHARS else SMALL_READ_SHARE


def widen(
    segments: Sequence[Segment],
    container: Frame,
    prose_share: float = SMALL_PROSE_SHARE,
    read_share: float = SMALL_READ_SHARE,
) -> Frame:
    """The container, or the nearest ancestor that holds most of the page's readable text."""
    path = next((s.path for s in segments if container in s.path), None)
    if path is None:
        return container
    root = path[0]
    if container.good >= prose_share * root.good and container.read >= read_share * root.read:
        return container
    for frame in reversed(path[: path.index(container)]):
        if frame.read >= MAIN_READ_SHARE * root.read:
            return frame
    return container


# A product or service page names its subject in the main heading, and its description and
# specifications follow that heading. When the element chosen lies elsewhere (a grid of
# selling points, a box of reviews), the body is the nearest element holding both, unless that
# is the whole page.


def around_heading(segments: Sequence[Segment], container: Frame) -> Frame:
    """The nearest element holding both the page's first ``<h1>`` and the container."""
    heading = next((s for s in segments if s.kind == "h1"), None)
    path = next((s.path for s in segments if container in s.path), None)
    if heading is None or path is None or container in heading.path:
        return container
    common = None
    for mine, theirs in zip(path, heading.path, strict=False):
        if mine is not theirs:
            break
        common = mine
    return container if common is None or common is path[0] else common


def _best_frame(segments: Sequence[Segment], prose: Sequence[float]) -> Frame | None:
    # Each segment counts towards every element on its path down to the innermost boilerplate
    # element (or its own element): it is added to that lowest element, and the sums are
    # carried up to the ancestors at the end. An element's ancestors are the same on every path,
    # so the elements already seen always form the top of a path. Amounts are whole or half
    # characters: the sums are exact in any order.
    frames: dict[int, Frame] = {}
    seen: list[tuple[Frame, Frame | None]] = []
    # The index on its path of the innermost boilerplate element at or above each element (-1:
    # none), found once per element rather than by walking every segment's path.
    flagged_at: dict[int, int] = {}
    for segment, amount in zip(segments, prose, strict=True):
        path = segment.path
        if not path:
            continue
        known_at = flagged_at.get(path[-1].key)
        if known_at is not None:
            lowest = known_at
        else:
            known = len(path)
            while known > 0 and path[known - 1].key not in flagged_at:
                known -= 1
            lowest = flagged_at[path[known - 1].key] if known else -1
            for index in range(known, len(path)):
                frame = path[index]
                if frame.flag is not None and not frame.vetoed:
                    lowest = index
                flagged_at[frame.key] = lowest
        read = float(len(segment.text)) if segment.kind != "aside" else 0.0
        if lowest >= 0:
            # Text inside a boilerplate element counts only against the elements around it;
            # hidden text (data for a script, a screen-reader label) says nothing of them.
            bad: float = len(segment.text) if path[lowest].flag != "label" else 0.0
            amount = read = 0.0
        else:
            lowest = len(path) - 1
            bad = float(segment.link_chars)
        frame = path[lowest]
        if frame.key not in frames:
            top = lowest
            while top > 0 and path[top - 1].key not in frames:
                top -= 1
            for index in range(top, lowest + 1):
                new = path[index]
                frames[new.key] = new
                new.good = new.bad = new.read = 0.0
                seen.append((new, path[index - 1] if index else None))
        frame.good += amount
        frame.bad += bad
        frame.read += read
    for frame, parent in reversed(seen):
        if parent is not None:
            parent.good += frame.good
            parent.bad += frame.bad
            parent.read += frame.read
    best: Frame | None = None
    best_score = 0.0
    for frame in frames.values():
        score = frame.good - BAD_WEIGHT * frame.bad
        if frame.good and (best is None or score >= best_score):
            best, best_score = frame, score
    return best


# A page that runs several stories one after another (a feed of next posts) puts each in its
# own ``<article>``; the first with this much prose is the page's own story.
MAIN_ARTICLE_PROSE = 200.0
PEER_ARTICLES_MIN = 8
PEER_MAIN_SHARE = 0.5
MAIN_LEAD_RATIO = 3.0


def other_articles(
    segments: Sequence[Segment], prose: Sequence[float], depths: Sequence[int]
) -> frozenset[int]:
    """Keys of ``<article>`` elements inside the container that hold other stories."""
    held: dict[int, float] = {}
    main: int | None = None
    for segment, amount, depth in zip(segments, prose, depths, strict=True):
        if depth < 0 or not amount:
            continue
        innermost = next(
            (frame for frame in reversed(segment.path[depth + 1 :]) if frame.tag == "article"), None
        )
        if innermost is None:
            continue
        held[innermost.key] = held.get(innermost.key, 0.0) + amount
        if main is None and held[innermost.key] >= MAIN_ARTICLE_PROSE:
            main = innermost.key
    if main is None or len(held) < 2:
        return frozenset()
    if (
        len(held) >= PEER_ARTICLES_MIN
        and held[main] < PEER_MAIN_SHARE * sum(held.values())
        and not _leads(held, main)
    ):
        # Many stories, the first no larger than its fellows: a list of them (a blog's front
        # page, a thread), not one story followed by others. A first story several times the
        # longest of the others is the page's own, however many teasers follow it.
        return frozenset()
    return frozenset(key for key in held if key != main)


def _leads(held: dict[int, float], main: int) -> bool:
    """Whether the page's story opens the run of articles and outweighs each of the others."""
    return next(iter(held)) == main and held[main] >= MAIN_LEAD_RATIO * max(
        amount for key, amount in held.items() if key != main
    )
