"""Where a page nests its elements so deep that building its tree would take quadratic time. Pure.

An HTML parser checks, for each block start tag (``<div>``, ``<ul>``, ``<p>``), whether a
paragraph is open somewhere on its stack of open elements, and compares each formatting element
(``<b>``, ``<a>``) with the active ones: the cost is the depth of the stack.
Real pages nest a few dozen elements deep; a page of 50,000 unclosed ``<div>``s or of
``<ul><li>`` repeated costs the parser minutes. This module follows the start and end tags with
a rough stack of its own, linear in the page, and names the first tag past which the page's
parse would cost more than a real page ever does; past it, the page is read as plain text (and
the Article says so).
"""

from __future__ import annotations

import re

# A page with fewer tags than this cannot nest deep enough to matter: nothing is scanned.
QUICK_TAGS = 6000
# The summed depth of the stack at block and formatting start tags past which a page is cut. Real pages stay
# below 500,000 (a depth under 100); 8,000,000 costs the parser under a tenth of a second.
# Depth alone costs little: 200,000 nested inline elements parse in a third of a second.
MAX_SCOPE_WORK = 8_000_000
# Any start tag other than a block's, while a formatting element is open, makes the parser look
# for the latest such element down its stack from the top: 80,000 <span>s inside an <a> are
# 3.2 G steps (over a second). Real pages stay under a few million.
MAX_RECONSTRUCT_WORK = 400_000_000
# Each option put in a <select> makes the parser look over the options already there: 8,000 in one
# list cost half a second. Real lists run to a few hundred (1,854 on the largest benchmark page).
MAX_SELECT_OPTIONS = 5000
_SELECT_PARTS = frozenset({"select", "optgroup", "option"})

# A comment's start, or a tag read as the parser reads it: up to the first ">" that is not
# inside a quoted attribute value (a "<" there opens no tag); the last group is a closing "/".
# The attributes' run stops only where what follows it matches ("/>", ">" or the end), so it
# never gives back what it read: possessive, it keeps no state to return to.
_TAG = re.compile(
    r"<(?:(!--)|(/?)([A-Za-z][^\t\n\f\r />]*)"
    r"""(?:[^>"'=/]+|/(?!>)|=[\t\n\f\r ]*(?:"[^"]*"|'[^']*')|[="'])*+(/?)(?:>|$))"""
)
_COMMENT_END = re.compile(r"--!?>")
# Raw text as the parser reads it here (scripting off: <noscript> holds elements).
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
# In SVG and MathML these start ordinary elements, and these HTML tags end the foreign element.
_FOREIGN = frozenset({"svg", "math"})
_FOREIGN_BREAKOUT = frozenset(
    {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta"}
    | {"nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup"}
    | {"table", "tt", "u", "ul", "var"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    | {"param", "keygen", "frame", "basefont", "bgsound", "image"}
)
# Start tags that close an open element of their own kind (or a paragraph) near the top.
_SELF_CLOSING = frozenset(
    {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot"}
    | {"rb", "rt", "rp", "rtc", "colgroup", "caption", "a", "nobr", "button"}
)
# Start tags for which the parser looks down its stack for an open paragraph.
_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl"}
    | {"fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol"}
    | {"p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
    | {"listing", "form", "li", "dd", "dt", "table", "hr", "xmp", "plaintext"}
)
# Start tags for which the parser compares the new element with each active formatting element
# (the list of them grows with the depth when each differs, as with distinct attributes).
_FORMATTING = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}
)
# HTML elements that a "/>" does not close (only foreign SVG and MathML ones honour it).
_HTML_CONTAINERS = _BLOCK | frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins"}
    | {"kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strong", "sub", "sup"}
    | {"time", "tt", "u", "var", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "button"}
)
_ANY_TAG = re.compile(r"<[^<>]*>?")
_END_OF_RAW = {name: re.compile(f"</{name}(?=[\\t\\n\\f\\r />]|$)", re.IGNORECASE) for name in _RAW_TEXT}
# Elements that keep a start tag from closing an open paragraph, or list item, below them.
_BUTTON_SCOPE = frozenset(
    {"table", "td", "th", "caption", "button", "object", "marquee", "applet", "template"}
)
_LIST_ITEMS = frozenset({"li", "dt", "dd"})
_LIST_SCOPE = (_BLOCK | _BUTTON_SCOPE) - {"address", "div", "p"}
_NO_BARRIER: frozenset[str] = frozenset()
# The names the scan asks the count of before any element of them is open.
_KNOWN_NAMES = _SELF_CLOSING | {"p"}
# How far down the rough stack an end tag or a closing start tag looks for its element.
_REACH = 64


# A block start tag inside open formatting elements ("<b>"s left open, each with its own
# attributes) makes the parser clone each of them into the new block: thousands of them times
# thousands of paragraphs is millions of elements. Each open one weighs this many units there.
CLONE_WORK = 20
# Each clone is an element every later walk reads, as a tag would be (see ``html.MAX_TAGS``):
# past this many the rest of the page is cut, whatever the parser's own cost (the most on 1,678
# bench pages is under 2,000).
MAX_CLONES = 20_000
# A table in a cell nests: the parser's stack grows by four elements a table (the rough stack
# here closes cells, so it does not see that), and some steps walk the whole stack (each <a>
# inside an open <a> does). Real pages nest tables a few deep; past this many left open, the
# same cut.
MAX_OPEN_TABLES = 1_000
# Pages with few tags are scanned anyway when this many more start tags than end tags leave
# elements open (real pages leave a few hundred: void elements, unclosed list items).
QUICK_UNCLOSED = 1500


def costly_nesting_at(html: str, *, utf8: bytes | None = None, tags: int | None = None) -> int | None:
    """The offset of the first tag past which parsing ``html`` would be pathological, if any.

    ``utf8``: ``html`` encoded as UTF-8, when at hand; ``tags``: how many "<" it holds, when
    already counted."""
    if tags is None:
        tags = count_marks(html, utf8, "<")
    # Few enough tags and no more than ``QUICK_UNCLOSED`` left open: enough end tags for that.
    if tags <= QUICK_TAGS and has_marks(html, utf8, "</", (tags - QUICK_UNCLOSED + 1) // 2):
        return None
    # The rough stack, and how many elements of each name it holds: a close that finds no
    # element of its name open (most block start tags, stray end tags) costs no walk down it.
    stack = _Stack()
    # Bound once: this loop runs once per tag of the largest pages.
    names, counts, formatting = stack.names, stack.counts, stack.formatting
    work = 0
    reconstruct_work = 0
    clones = 0
    open_tables = 0
    foreign_at: int | None = None  # where the outermost open <svg> or <math> stands on the stack
    select_options = -1  # options so far in the open <select> (or its latest <optgroup>); -1: none open
    position = 0
    finditer = _TAG.finditer
    # Tags are read in one run of matches; a comment or raw text (whose "<"s open nothing)
    # ends the run, and the next starts after it.
    while True:
        for match in finditer(html, position):
            comment, end_tag, name, closing_slash = match.groups()
            if comment:
                position = _comment_end(html, match.end())
                break
            name = name.lower()
            if foreign_at is not None and len(names) <= foreign_at:
                foreign_at = None
            if end_tag:
                # Most end tags close the element on top, which needs no walk down the stack.
                if names and names[-1] == name:
                    names.pop()
                    counts[name] -= 1
                    if formatting and formatting[-1] >= len(names):
                        formatting.pop()
                elif counts.get(name):
                    stack.close(name)
                if name == "select":
                    select_options = -1
                elif name == "table" and open_tables:
                    open_tables -= 1
                continue
            if name in _SELECT_PARTS:
                if name == "option":
                    if select_options >= 0:
                        select_options += 1
                        if select_options > MAX_SELECT_OPTIONS:
                            return match.start()
                elif name == "select" or select_options >= 0:
                    select_options = 0
            if foreign_at is not None and name in _FOREIGN_BREAKOUT:
                stack.cut(foreign_at)
                foreign_at = None
            if name in _BLOCK:
                work += len(names) + CLONE_WORK * len(formatting)
                clones += len(formatting)
                if name == "table":
                    open_tables += 1
                    if open_tables > MAX_OPEN_TABLES:
                        return match.start()
                if counts["p"]:
                    stack.close("p", _BUTTON_SCOPE)
            else:
                if formatting:
                    reconstruct_work += len(names) - formatting[-1]
                if name in _FORMATTING:
                    work += len(names)
            if name in _SELF_CLOSING and counts[name]:
                stack.close(name, _LIST_SCOPE if name in _LIST_ITEMS else _NO_BARRIER)
            if closing_slash and (foreign_at is not None or name not in _HTML_CONTAINERS):
                continue  # <path/> in SVG or MathML opens nothing; <div/> in HTML does
            if work > MAX_SCOPE_WORK or reconstruct_work > MAX_RECONSTRUCT_WORK or clones > MAX_CLONES:
                return match.start()
            if name in _RAW_TEXT and foreign_at is None:
                end = _END_OF_RAW[name].search(html, match.end())
                position = len(html) if end is None else end.end()
                break
            if name not in _VOID:
                if name in _FOREIGN and foreign_at is None:
                    foreign_at = len(names)
                if name in _FORMATTING:
                    formatting.append(len(names))
                names.append(name)
                counts[name] = counts.get(name, 0) + 1
        else:
            return None


class _Stack:
    """The rough stack of open elements, how many of each name it holds, and where its
    formatting elements stand."""

    __slots__ = ("counts", "formatting", "names")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.counts: dict[str, int] = dict.fromkeys(_KNOWN_NAMES, 0)
        self.formatting: list[int] = []  # the positions of open formatting elements, bottom first

    def close(self, name: str, barrier: frozenset[str] = _NO_BARRIER) -> None:
        """Pop ``name`` and what is above it, when it is near the top and no barrier element
        stands above it."""
        if not self.counts.get(name):
            return
        names = self.names
        for back in range(1, min(len(names), _REACH) + 1):
            open_name = names[-back]
            if open_name == name:
                self.cut(len(names) - back)
                return
            if open_name in barrier:
                return

    def cut(self, size: int) -> None:
        """Pop every element above the first ``size``."""
        names, counts = self.names, self.counts
        while len(names) > size:
            counts[names.pop()] -= 1
        formatting = self.formatting
        while formatting and formatting[-1] >= size:
            formatting.pop()


def count_marks(html: str, utf8: bytes | None, mark: str) -> int:
    """How many times the ASCII ``mark`` occurs in ``html``, counted in its UTF-8 encoding when
    given: no byte of a multi-byte character is ASCII, and a count over bytes is quicker than
    one over text holding non-ASCII characters (two or four bytes a character)."""
    return utf8.count(mark.encode("ascii")) if utf8 is not None else html.count(mark)


# A count of marks runs over this many characters at a time, and stops once it has enough.
_COUNT_SPAN = 1 << 15


def has_marks(html: str, utf8: bytes | None, mark: str, wanted: int) -> bool:
    """Whether the ASCII ``mark`` occurs at least ``wanted`` times in ``html`` (counted as
    :func:`count_marks` counts): the count stops as soon as it has them, most often well before
    the end of a page (a search for two characters costs more than one for a single one)."""
    # Each span is searched a little past its end, so that a mark starting in it is counted
    # there, and only there.
    overlap = len(mark) - 1
    text, needle = (utf8, mark.encode("ascii")) if utf8 is not None else (html, mark)
    found = 0
    start = 0
    while found < wanted and start < len(text):
        found += text.count(needle, start, start + _COUNT_SPAN + overlap)  # type: ignore[arg-type]
        start += _COUNT_SPAN
    return found >= wanted


def _comment_end(html: str, start: int) -> int:
    """Where a comment opened just before ``start`` ends ("<!-->" and "<!--->" end at once)."""
    if html.startswith(">", start) or html.startswith("->", start):
        return html.index(">", start) + 1
    end = _COMMENT_END.search(html, start)
    return len(html) if end is None else end.end()


def without_markup_after(html: str, offset: int) -> str:
    """``html`` with every tag from ``offset`` on replaced by a space: the rest is plain text."""
    return html[:offset] + _ANY_TAG.sub(" ", html[offset:])
