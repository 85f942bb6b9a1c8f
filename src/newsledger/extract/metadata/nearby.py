"""The small elements printed around a page's main heading: where an unlabelled dateline or a
"By" line sits on pages whose markup names neither."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

# The walk up from the heading stops at the article's own container.
CONTAINERS = frozenset({"article", "main", "body", "html"})


def around_headline(h1: LexborNode | None) -> list[LexborNode]:
    """The small elements beside the heading and beside each of its three nearest ancestors."""
    found: list[LexborNode] = []
    current = h1
    for _ in range(3):
        if current is None or current.tag in CONTAINERS:
            break
        for sibling in (*_siblings(current, "next", 4), *_siblings(current, "prev", 2)):
            found.extend(_small_parts(sibling))
        current = current.parent
    return found


def _siblings(node: LexborNode, direction: str, limit: int) -> list[LexborNode]:
    out: list[LexborNode] = []
    current = getattr(node, direction)
    while current is not None and len(out) < limit:
        if current.tag not in ("-text", "-comment", "script", "style"):
            out.append(current)
        current = getattr(current, direction)
    return out


def _small_parts(node: LexborNode) -> list[LexborNode]:
    """The element if it is short, else its short descendants (a byline box holds a few)."""
    text_length = len(node.text(deep=True))
    if text_length <= 80:
        return [node]
    if text_length > 400:
        return []
    parts = node.css("time, p, span, div, small, li")
    if len(parts) > MAX_PARTS:
        return []
    return [child for child in parts if len(child.text(deep=True)) <= 80][:20]


# A byline box holds a few dozen elements; a short text spread over hundreds of them is markup
# nested without end, whose every element would be read to its depth.
MAX_PARTS = 200


def heading_holders(h1: LexborNode | None) -> frozenset[int]:
    """The elements holding the main heading, below the page's containers: a box that holds the
    heading is the article's, not a sidebar's or a teaser's, whatever its class says."""
    holders: set[int] = set()
    current = h1.parent if h1 is not None else None
    while current is not None and current.tag not in CONTAINERS:
        holders.add(current.mem_id)
        current = current.parent
    return frozenset(holders)
