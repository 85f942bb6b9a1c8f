"""Parsing HTML into a tree (lexbor, through selectolax) and small helpers to read it."""

from __future__ import annotations

from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from newsledger.errors import ExtractionError

# Elements whose content is never reading text; removed in C before any Python walk.
NON_TEXT_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "button", "select", "textarea", "input", "option", "link",
    "meta", "dialog",
)  # fmt: skip


def parse_html(html: str | bytes) -> LexborHTMLParser:
    """Parse a page; bytes are read as UTF-8."""
    try:
        return LexborHTMLParser(html)
    except (SelectolaxError, ValueError, RuntimeError, MemoryError) as err:
        raise ExtractionError(f"the HTML could not be parsed: {err}") from err


NON_TEXT_SELECTOR = ", ".join(NON_TEXT_TAGS)


def drop_non_text(tree: LexborHTMLParser, found: list[LexborNode] | None = None) -> None:
    """Remove the elements that hold no reading text (scripts, styles, embeds, form controls);
    ``found``: those elements in document order, when a walk of the tree as it stands found them."""
    # One pass over the tree finds them all (a pass per tag costs more); each is only taken
    # out of the tree, so one inside another already taken out is still safe to take out.
    for element in tree.css(NON_TEXT_SELECTOR) if found is None else found:
        element.decompose(recursive=False)


def with_class_parts(
    root: LexborHTMLParser | LexborNode, parts: tuple[str, ...], others: str = ""
) -> list[tuple[LexborNode, int]]:
    """Each element that ``[class*="part"]`` of a part or the selectors ``others`` find under
    ``root``, once, in document order, with how many of the parts its class holds (0 when only
    ``others`` find it): a selector list finds an element once per selector it matches.

    A walk costs lexbor a test per element and selector: one case-insensitive selector per
    part no other part holds ("date" for "date", "Date" and "dateline") halves the cost of a
    selector per part; the class then says which parts it holds."""
    query = _loose_class_selector(parts)
    found = []
    for node in root.css(f":is({others}, {query})" if others else f":is({query})"):
        value = node.attributes.get("class") or ""
        found.append((node, sum(part in value for part in parts)))
    return found


@lru_cache(maxsize=64)
def _loose_class_selector(parts: tuple[str, ...]) -> str:
    kept: list[str] = []
    for part in sorted({part.lower() for part in parts}, key=len):
        if not any(shorter in part for shorter in kept):
            kept.append(part)
    return ", ".join(f'[class*="{part}" i]' for part in kept)


def describe(tag: str, element_id: str | None, classes: str | None) -> str:
    """A short CSS-like locator for an element: ``div#main`` or ``div.article-body``."""
    if element_id:
        return f"{tag}#{element_id.strip()}"
    if classes:
        first = classes.split()
        if first:
            return f"{tag}.{first[0]}"
    return tag


def bounded_text(node: LexborNode, *, chars: int, nodes: int, separator: str = " ") -> str | None:
    """The text of ``node`` as ``node.text(separator=...)`` reads it, or None past ``chars``
    characters or ``nodes`` nodes: the walk stops there.

    Asking the whole text of an element that swallowed the rest of the page (an element left
    open) costs the page, and asking it of each of many such nested elements costs the square
    of the page; a line, a label or a caption is short."""
    parts: list[str] = []
    size = 0
    for count, inner in enumerate(node.traverse(include_text=True)):
        if count > nodes:
            return None
        if inner.tag == "-text" and (raw := inner.text_content):
            size += len(raw)
            if size > chars:
                return None
            parts.append(raw)
    return separator.join(parts)


def tag_ids(*names: str) -> dict[str, int]:
    """lexbor's ids of HTML tag names, the same in every document it parses. Comparing ids
    rather than names matters in walks up the tree: a name is whatever the page wrote, and a
    name of 100 KB read again for each of its thousands of children costs the square of the page."""
    tree = LexborHTMLParser("".join(f"<{name}></{name}>" for name in names))
    found = {node.tag: node.tag_id for node in tree.root.traverse() if node.tag in names}
    assert set(found) == set(names), names
    return found


# Marks a ``<br>`` in collected text; source newlines are only white space.
LINE_BREAK = "\u2029"


def normalise_space(text: str) -> str:
    """Collapse runs of white space; a ``<br>`` (``LINE_BREAK``) becomes one line break."""
    if LINE_BREAK not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split(LINE_BREAK))
    return "\n".join(line for line in lines if line)


__all__ = [
    "LINE_BREAK",
    "NON_TEXT_SELECTOR",
    "LexborHTMLParser",
    "LexborNode",
    "bounded_text",
    "describe",
    "drop_non_text",
    "normalise_space",
    "parse_html",
    "tag_ids",
    "with_class_parts",
]
