"""One walk over the page body, cutting its text into segments at block boundaries.

A segment is the text between two block-level boundaries (a paragraph, a list item, a table
cell, a run of text in a ``div``), with the chain of elements above it. The walk is iterative,
so arbitrarily deep nesting cannot exhaust the stack, and it visits each node once.
"""

from __future__ import annotations

import re

from newsledger.caching import short_key_cache
from newsledger.extract.content.rules import TAG_KINDS, first_kind, kind_from_class, kind_from_names
from newsledger.extract.dom import LINE_BREAK, LexborNode, describe, normalise_space, tag_ids
from newsledger.model import BoilerplateKind

# Elements that end the running text: what follows them starts a new segment.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
# The block kinds a segment can take from its nearest block ancestor.
SEMANTIC_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "pre",
        "td",
        "th",
        "figcaption",
        "caption",
        "blockquote",
    ]
)
_NOT_FLAGGED = frozenset({"html", "body", "main"})


class Frame:
    """An element on the path from the body to a segment, with what the later steps learn."""

    __slots__ = (
        "_label", "bad", "classes", "element_id", "flag", "good", "image", "key", "read", "tag", "vetoed",
    )  # fmt: skip

    def __init__(
        self,
        key: int,
        tag: str,
        flag: BoilerplateKind | None,
        element_id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.key = key
        self.tag = tag
        self.flag = flag
        self.element_id = element_id
        self.classes = classes
        self.vetoed = False
        self.good = 0.0
        self.bad = 0.0
        # Characters of text outside boilerplate boxes beneath, links included.
        self.read = 0.0
        self.image: tuple[str | None, str | None] | None = None
        self._label: str | None = None

    @property
    def label(self) -> str:
        """A CSS-like locator of the element (``div.article-body``), for evidence."""
        if self._label is None:
            self._label = describe(self.tag, self.element_id, self.classes)
        return self._label


class Segment:
    """Text between two block boundaries; ``lead_link``: it opens with a link (a teaser's title)."""

    __slots__ = ("kind", "lead_link", "link_chars", "order", "path", "text")

    def __init__(
        self, text: str, link_chars: int, path: tuple[Frame, ...], kind: str, lead_link: bool = False
    ) -> None:
        self.text = text
        self.link_chars = link_chars
        self.path = path
        self.kind = kind
        self.lead_link = lead_link
        self.order = 0

    @property
    def link_density(self) -> float:
        return min(1.0, self.link_chars / len(self.text)) if self.text else 0.0


def _frame_for(
    node: LexborNode,
    tag: str,
    attrs: dict[str, str | None],
    options: tuple[bool, bool, bool] = (False, False, False),
    named: dict[tuple[str, str | None, str | None], BoilerplateKind | None] | None = None,
) -> Frame:
    """``options``: ``segment_tree``'s ``reveal_hidden``, ``reveal_panels`` and ``reviews_aside``;
    ``named``: the kinds named so far on the page, by tag, class and id."""
    classes = attrs.get("class")
    element_id = attrs.get("id")
    if classes or element_id:
        if named is None:
            flag = _named_flag(tag, classes, element_id)
        else:
            # A page repeats its class strings: a lookup here costs less than the cached call.
            key = (tag, classes, element_id)
            if key in named:
                flag = named[key]
            else:
                flag = named[key] = _named_flag(tag, classes, element_id)
    else:
        # Most elements have neither class nor id: their tag alone names their kind.
        flag = TAG_KINDS.get(tag)
    if flag is None and (options[2] or len(attrs) > (classes is not None) + (element_id is not None)):
        flag = _state_flag(tag, attrs, classes, element_id, options)
    return Frame(node.mem_id, tag, flag, element_id, classes)


def _state_flag(
    tag: str,
    attrs: dict[str, str | None],
    classes: str | None,
    element_id: str | None,
    options: tuple[bool, bool, bool],
) -> BoilerplateKind | None:
    """The kind of an element whose class, id and tag name none: reviews on a product page, or
    a hidden box."""
    reveal_hidden, reveal_panels, reviews_aside = options
    if reviews_aside and (classes or element_id) and _names_reviews(classes, element_id):
        return "comments"
    if (
        not reveal_hidden
        and tag not in _NOT_FLAGGED
        and len(attrs) > (classes is not None) + (element_id is not None)
        and _hidden(attrs)
        and not (reveal_panels and _folded_panel(attrs))
    ):
        return "label"
    return None


# Pages repeat the same tag and class string on many elements: the walk keeps each page's
# kinds (``_frame_for``), and the kind of each class string is cached across pages.
def _named_flag(tag: str, classes: str | None, element_id: str | None) -> BoilerplateKind | None:
    """The boilerplate kind an element's class, id or tag names, if any."""
    if tag in _NOT_FLAGGED:
        return None
    flag: BoilerplateKind | None = None
    if classes or element_id:
        # Class strings repeat across a page and pages, ids rarely: each is read on its own
        # (the class strings cached), and the more specific kind of the two wins.
        flag = kind_from_class(classes) if classes else None
        named = kind_from_names(element_id) if element_id else None
        if named is not None:
            flag = named if flag is None else first_kind(flag, named)
    if flag == "header" and tag in _HEADING_TAGS:
        # ``section-header`` on an ``<h2>`` names the heading of a section, not a page header.
        flag = None
    if flag is None:
        flag = TAG_KINDS.get(tag)
    return flag


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A caption is a line under a picture and a dateline a line over a story; a box named for either
# that holds a heading is the text of a card (a product's name, maker and price under its photo
# in a grid; a section of a page built from ``meta-block`` components), outside any figure.
_HEADING_SELECTOR = "h1, h2, h3, h4, h5, h6"
# Kinds whose flag depends on where the box sits or what it holds.
_PLACED_KINDS = frozenset({"header", "caption", "dateline"})


def _flag_overruled(node: LexborNode, frame: Frame, walk: _Walk) -> bool:
    """A header inside an article or ``<main>`` opens that content (unless laid out for print);
    a caption or a dateline holding a heading outside any figure is a card's text."""
    if frame.flag == "header":
        return _within_content(walk.path) and not _for_print(frame)
    if walk.figures:
        return False
    return node.css_first(_HEADING_SELECTOR) is not None or _whole_list_item(node)


# A list item (``<li>``, or the ``<dd>`` describing a term) whose one box, named for a caption or
# the details of an entry (``meta``), holds several lines (title, authors, subjects): that box is
# the item itself, not a line beside it.
WHOLE_ITEM_MIN_LINES = 2


_ITEM_IDS = frozenset(tag_ids("li", "dd").values())


def _whole_list_item(node: LexborNode) -> bool:
    parent = node.parent
    if parent is None or parent.tag_id not in _ITEM_IDS:
        return False
    if [child.mem_id for child in _elements(parent)] != [node.mem_id]:
        return False
    return sum(1 for child in _elements(node) if child.tag in BLOCK_TAGS) >= WHOLE_ITEM_MIN_LINES


def _elements(node: LexborNode) -> list[LexborNode]:
    return [child for child in node.iter(include_text=False) if child.tag != "-comment"]


def _hidden(attrs: dict[str, str | None]) -> bool:
    return "hidden" in attrs or attrs.get("aria-hidden") == "true" or _hidden_style(attrs.get("style"))


# A panel of a tab set or an accordion, folded until its tab or button is pressed: by its role or
# by the words of its class, id or data attributes (``tab-pane``, ``accordion__body``, ``collapse``,
# ``expander-content``, ``toggle__content``, ``faq__answer``).
_PANEL_ROLES = frozenset({"tabpanel", "region"})
_PANEL_WORDS = re.compile(
    r"collaps|accordion|tab-?pane|tab-?panel|tab-?content|tab-?body|expand|toggle|faq|answer"
)


def _folded_panel(attrs: dict[str, str | None]) -> bool:
    if attrs.get("role") in _PANEL_ROLES or _names_panel(attrs.get("class"), attrs.get("id")):
        return True
    # Class names built by a style library say nothing; a ``data-`` attribute may name the part.
    return any(
        value and name[:5] == "data-" and _PANEL_WORDS.search(value.lower()) for name, value in attrs.items()
    )


@short_key_cache(maxsize=8192)
def _names_panel(classes: str | None, element_id: str | None) -> bool:
    return _PANEL_WORDS.search(f"{classes or ''} {element_id or ''}".lower()) is not None


# On a product page the reviews are its buyers' comments; on an article a box named ``review``
# may be the article itself (a critic's review), so the word counts on product pages only.
_REVIEW_WORD = re.compile(r"(?<![a-z])reviews?(?![a-z])")


@short_key_cache(maxsize=8192)
def _names_reviews(classes: str | None, element_id: str | None) -> bool:
    return _REVIEW_WORD.search(f"{classes or ''} {element_id or ''}".lower()) is not None


def _hidden_style(style: str | None) -> bool:
    if not style or ("none" not in style and "hidden" not in style):
        return False
    compact = style.replace(" ", "").lower()
    return "display:none" in compact or "visibility:hidden" in compact


def _preformatted(raw: str) -> str:
    """Text of a ``<pre>``: line structure and indentation kept, trailing blanks dropped."""
    lines = [line.rstrip() for line in raw.replace(LINE_BREAK, "\n").split("\n")]
    return "\n".join(lines).strip("\n")


class _Collector:
    """The running text of the current segment and the segments cut so far."""

    __slots__ = ("lead_link", "link_chars", "link_depth", "pieces", "preformatted", "segments", "started")

    def __init__(self) -> None:
        self.preformatted = 0
        self.pieces: list[str] = []
        self.link_chars = 0
        self.link_depth = 0
        self.started = False
        self.lead_link = False
        self.segments: list[Segment] = []

    def cut(self, path: list[Frame]) -> None:
        if not self.pieces:
            return
        raw = "".join(self.pieces)
        text = _preformatted(raw) if self.preformatted else normalise_space(raw)
        self.pieces = []
        link_chars, self.link_chars = self.link_chars, 0
        lead_link, self.lead_link, self.started = self.lead_link, False, False
        if not text:
            return
        kind = "text"
        for frame in reversed(path):
            if frame.tag in SEMANTIC_TAGS:
                kind = frame.tag
                break
        self.segments.append(Segment(text, link_chars, tuple(path), kind, lead_link))


# A block element flagged as boilerplate whose text is at most this share of the page's text
# is read whole, in C, as one segment, and not walked: menus, footers and comment threads are
# most of a page's nodes. A flagged element holding more may wrap the article (a class word
# like ``has-sidebar``) and is walked so that the flag can be vetoed.
OPAQUE_SHARE = 0.2
# Flagged elements too large to read whole are walked; inside this many of them, nested flagged
# elements are walked too rather than measured again and again (the measure is O(subtree)).
MAX_FLAGGED_OPEN = 3
# Headers, footers and sidebars hold other boxes (a share bar, a newsletter form): small ones
# are read child by child so that those are told apart.
REGION_KINDS = frozenset({"header", "footer", "related_links", "other"})
REGION_SPLIT_CHARS = 3000
# ... and when its paragraphs hold less prose than this (else it may be the article itself, or
# one of the boxes a page builder cuts the article into, a paragraph each).
OPAQUE_PROSE_CHARS = 150


# Real pages nest elements a few dozen deep; below this depth the rest of a subtree is read as
# one piece of text, so that every step over a segment's path costs bounded time.
MAX_DEPTH = 200
# Inline elements whose text is set aside rather than read as part of the sentence.
INLINE_ASIDE_KINDS = frozenset({"label", "caption", "advertisement", "share_bar"})
# Paragraphs and headings hold only inline content (the parser closes a ``<p>`` before any
# block), so outside figures, and without line breaks, images or classed inline elements
# to attend to, their text is read in C rather than node by node.
LEAF_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})


class _Walk:
    __slots__ = (
        "figures", "flagged_open", "named", "opaque_limit", "options", "out", "path",
    )  # fmt: skip

    def __init__(
        self,
        root: LexborNode,
        reveal_hidden: bool = False,
        reveal_panels: bool = False,
        reviews_aside: bool = False,
    ) -> None:
        self.options = (reveal_hidden, reveal_panels, reviews_aside)
        self.named: dict[tuple[str, str | None, str | None], BoilerplateKind | None] = {}
        self.figures = 0
        self.flagged_open = 0
        self.out = _Collector()
        self.path: list[Frame] = [_frame_for(root, root.tag or "body", root.attributes)]
        self.opaque_limit = OPAQUE_SHARE * len(root.text(deep=True))


def segment_tree(
    root: LexborNode, *, reveal_hidden: bool = False, reveal_panels: bool = False, reviews_aside: bool = False
) -> list[Segment]:
    """Cut the text under ``root`` into segments in document order.

    ``reveal_hidden``: read hidden elements as visible ones (documentation hides the panels of
    its tab sets, one per language, and each is part of the page); ``reveal_panels``: read the
    folded panels of tabs and accordions only (a product's description and specifications);
    ``reviews_aside``: boxes named for reviews are comments (a product's buyers)."""
    walk = _Walk(root, reveal_hidden, reveal_panels, reviews_aside)
    path = walk.path
    out = walk.out
    # For each element the walk is inside (below the root): whether it is on the path.
    pushed: list[bool] = []
    node = root.child
    while node is not None:
        tag = node.tag
        if tag == "-text":
            # Text nodes are half of all nodes: handled here, without a call.
            text = node.text_content
            # White space before any text of a segment is layout, not a word boundary.
            if text and (out.pieces or not text.isspace()):
                out.pieces.append(text)
                if out.link_depth:
                    out.link_chars += len(text.strip())
                if not out.started and not text.isspace():
                    out.started = True
                    out.lead_link = out.link_depth > 0
        else:
            entered = _enter(node, tag, walk)
            if entered:
                child = node.child
                if child is not None:
                    pushed.append(entered == PUSHED)
                    node = child
                    continue
                if entered == PUSHED:
                    _leave(walk)
        following = node.next
        while following is None and pushed:
            node = node.parent
            # Only the elements ``_enter`` pushed are on the path.
            if pushed.pop():
                _leave(walk)
            following = node.next
        node = following
    out.cut(path)
    return out.segments


# What ``_enter`` did with an element: its children are not visited (False), or they are,
# with the element on the path or not.
ENTERED = 1
PUSHED = 2


def _enter(node: LexborNode, tag: str | None, walk: _Walk) -> int:
    """Visit an element (text nodes are read by the loop) on the way down; False when its
    children are not to be visited, else ``PUSHED`` when it went on the path, ``ENTERED`` when
    not."""
    out = walk.out
    if tag is None or tag[0] == "-":
        return False
    if tag == "br":
        out.pieces.append(LINE_BREAK)
        return False
    if tag == "img":
        if walk.figures:
            # Only a figure keeps its image.
            _note_image(node, walk.path)
        return False
    if len(walk.path) >= MAX_DEPTH:
        _read_too_deep(node, walk)
        return False
    if tag in BLOCK_TAGS:
        if out.pieces:
            out.cut(walk.path)
        attrs = node.attributes
        frame = _frame_for(node, tag, attrs, walk.options, walk.named)
        if frame.flag in _PLACED_KINDS and _flag_overruled(node, frame, walk):
            frame.flag = None
        if frame.flag is not None:
            if walk.flagged_open < MAX_FLAGGED_OPEN and _read_whole(node, frame, walk):
                return False
            walk.flagged_open += 1
        if tag in LEAF_BLOCKS and not walk.figures and "hidden" not in attrs and "style" not in attrs:
            child = node.child
            if child is not None and child.next is None and child.tag == "-text":
                # Most paragraphs hold one text: that is all their text.
                _read_leaf(node, frame, walk, 0, child.text_content or "")
                return False
            if _text_only(node):
                _read_leaf(node, frame, walk, 0)
                return False
            links = _plain_leaf_links(node)
            if links is not None:
                _read_leaf(node, frame, walk, links)
                return False
        if frame.flag is None and tag != "pre" and not out.preformatted and not out.link_depth:
            child = node.child
            if child is None:
                return False
            if child.next is None and child.tag == "-text":
                # A box holding one text (a list item, a cell, a line in a ``div``) is one
                # segment, read here as the walk would read it, without a visit to the text.
                _read_text(child.text_content, frame, walk)
                return False
        if tag == "figure":
            walk.figures += 1
        elif tag == "pre":
            out.preformatted += 1
        walk.path.append(frame)
        return PUSHED
    if tag == "a":
        texts = _child_texts(node)
        if texts is not None:
            # A link holding text alone: no segment is cut and none set aside inside it, so no
            # path holds its element; its text joins the running segment as link text.
            _read_link_texts(texts, out)
            return False
    attrs = node.attributes
    if tag == "a":
        out.link_depth += 1
    elif not attrs or not ("class" in attrs or "id" in attrs or "hidden" in attrs or "style" in attrs):
        # A plain inline element changes nothing: its text joins the running segment.
        return ENTERED
    frame = _frame_for(node, tag, attrs, walk.options, walk.named)
    if frame.flag in INLINE_ASIDE_KINDS and tag != "a":
        # Hidden, screen-reader-only, caption or ad text inside a sentence is not part of
        # it: it is set aside whole without cutting the sentence around it.
        text = " ".join(node.text(deep=True).split())
        if text:
            out.segments.append(Segment(text, 0, (*walk.path, frame), "aside"))
        return False
    walk.path.append(frame)
    return PUSHED


_CONTENT_TAGS = frozenset({"article", "main"})


def _within_content(path: list[Frame]) -> bool:
    """Whether an ``<article>`` or ``<main>`` holds the element: a header there opens that content
    (a title and its introduction, the head of a section or of a folded item), not the site."""
    return any(frame.tag in _CONTENT_TAGS for frame in path)


_PRINT_WORD = re.compile(r"(?<![a-z])print(?![a-z])")


def _for_print(frame: Frame) -> bool:
    """Whether a box is laid out for the printed page (``print-header``: the page's address)."""
    return _PRINT_WORD.search(f"{frame.classes or ''} {frame.element_id or ''}".lower()) is not None


def _read_too_deep(node: LexborNode, walk: _Walk) -> None:
    """Everything below the depth limit, read in C as one segment of running text."""
    walk.out.cut(walk.path)
    text = " ".join(node.text(deep=True, separator=" ").split())
    if text:
        walk.out.segments.append(Segment(text, 0, tuple(walk.path), "text"))


def _read_whole(node: LexborNode, frame: Frame, walk: _Walk) -> bool:
    text = node.text(deep=True, separator=" ")
    if len(text) > walk.opaque_limit:
        return False
    if len(text) > OPAQUE_PROSE_CHARS and _paragraphs_over(node, OPAQUE_PROSE_CHARS):
        return False
    if frame.flag in REGION_KINDS and len(text) <= REGION_SPLIT_CHARS:
        _read_region(node, frame, walk)
        return True
    text = " ".join(text.split())
    if text:
        walk.out.segments.append(Segment(text, 0, (*walk.path, frame), "aside"))
    return True


def _read_region(node: LexborNode, frame: Frame, walk: _Walk) -> None:
    """A header, footer or sidebar read box by box, each under its own flag if it has one."""
    path = (*walk.path, frame)
    loose: list[str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag not in BLOCK_TAGS:
            if tag == "-text":
                loose.append(child.text_content or "")
            elif tag is not None and tag[0] != "-":
                loose.append(child.text(deep=True))
            continue
        if loose:
            _add_aside(" ".join("".join(loose).split()), path, walk)
            loose = []
        text = " ".join(child.text(deep=True, separator=" ").split())
        if text:
            # A box without text is set aside as nothing: its element is not looked at.
            _add_aside(text, (*path, _frame_for(child, tag, child.attributes, walk.options, walk.named)), walk)
    _add_aside(" ".join("".join(loose).split()), path, walk)


def _add_aside(text: str, path: tuple[Frame, ...], walk: _Walk) -> None:
    if text:
        walk.out.segments.append(Segment(text, 0, path, "aside"))


def _text_only(node: LexborNode) -> bool:
    """Whether an element's children are all text (or comments): most paragraphs."""
    child = node.child
    while child is not None:
        tag = child.tag
        if tag is None or tag[0] != "-":
            return False
        child = child.next
    return True


def _child_texts(node: LexborNode) -> list[str | None] | None:
    """The texts of an element's children when they are all text (or comments), else None."""
    texts: list[str | None] = []
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            texts.append(child.text_content)
        elif tag is None or tag[0] != "-":
            return None
        child = child.next
    return texts


def _read_link_texts(texts: list[str | None], out: _Collector) -> None:
    """Add the texts of a link's children to the running segment, as the walk reads text nodes."""
    for text in texts:
        if text and (out.pieces or not text.isspace()):
            out.pieces.append(text)
            out.link_chars += len(text.strip())
            if not out.started and not text.isspace():
                out.started = True
                out.lead_link = True


def _read_text(text: str | None, frame: Frame, walk: _Walk) -> None:
    """The segment of a box holding one text, outside links and preformatted text."""
    text = normalise_space(text) if text else None
    if not text:
        return
    kind = frame.tag
    if kind not in SEMANTIC_TAGS:
        kind = next((above.tag for above in reversed(walk.path) if above.tag in SEMANTIC_TAGS), "text")
    walk.out.segments.append(Segment(text, 0, (*walk.path, frame), kind))


_LEAF_BREAKS = frozenset({"br", "img"})


def _plain_leaf_links(node: LexborNode) -> int | None:
    """The characters of the links inside a leaf block, or None when it holds a line break, an
    image or a hidden or styled element, which the walk reads node by node.

    A leaf holds a handful of inline elements: reading them here costs less than one CSS query."""
    links = 0
    descendants = node.traverse()
    next(descendants)  # the leaf itself
    for element in descendants:
        tag = element.tag
        if tag is not None and tag[0] == "-":
            continue
        if tag in _LEAF_BREAKS:
            return None
        attrs = element.attributes
        if "hidden" in attrs or "style" in attrs:
            return None
        if tag == "a":
            links += len(element.text(deep=True).strip())
    return links


def _read_leaf(node: LexborNode, frame: Frame, walk: _Walk, links: int, raw: str | None = None) -> None:
    """A leaf block as one segment; ``raw``: its text, when known."""
    text = " ".join((node.text(deep=True) if raw is None else raw).split())
    if text:
        if walk.out.link_depth:
            links = len(text)
        walk.out.segments.append(Segment(text, min(links, len(text)), (*walk.path, frame), frame.tag))


def _paragraphs_over(node: LexborNode, chars: int) -> bool:
    """Whether the paragraphs of 40 characters or more under ``node`` hold more than ``chars``
    characters; the count stops once they do."""
    total = 0
    for paragraph in node.css("p"):
        length = len(paragraph.text(deep=True))
        if length >= 40:
            total += length
            if total > chars:
                return True
    return False


def _leave(walk: _Walk) -> None:
    """Close the innermost element on the path on the way up."""
    path = walk.path
    frame = path[-1]
    if frame.tag in BLOCK_TAGS:
        out = walk.out
        if out.pieces:
            out.cut(path)
        if frame.flag is not None:
            walk.flagged_open -= 1
        if frame.tag == "figure":
            walk.figures -= 1
        elif frame.tag == "pre":
            out.preformatted -= 1
        if frame.image is not None:
            # A figure leaves a mark where it stood, so its block keeps its place in the body.
            out.segments.append(Segment("", 0, tuple(path), "figure"))
    elif frame.tag == "a":
        walk.out.link_depth -= 1
    path.pop()


def _note_image(node: LexborNode, path: list[Frame]) -> None:
    for frame in reversed(path):
        if frame.tag == "figure":
            if frame.image is None:
                attrs = node.attrs
                frame.image = (attrs.get("src") or attrs.get("data-src"), attrs.get("alt"))
            return
