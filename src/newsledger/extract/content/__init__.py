"""The main content of an HTML page as ordered blocks, with boilerplate set aside.

1. Elements that hold no reading text (scripts, styles, embeds, form controls) are removed.
2. One walk cuts the body's text into segments at block boundaries (``walk.py``), each
   knowing the elements above it and the boilerplate kind their class, id or tag names.
3. The element richest in prose net of links and boilerplate is the article (``select.py``).
4. Its segments become blocks; each segment of furniture inside it, and everything outside
   it, is kept aside as classified Boilerplate with the reason and locator (``blocks.py``).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsledger.extract.content.blocks import (
    Aside,
    build_blocks,
    classify,
    drop_orphan_headings,
    merge_asides,
    outside_aside,
)
from newsledger.extract.content.select import choose_container, other_articles, prose_chars
from newsledger.extract.content.walk import Segment, segment_tree
from newsledger.extract.dom import drop_non_text
from newsledger.extract.parts import Body, Metadata

__all__ = ["extract_body"]


def extract_body(tree: LexborHTMLParser, url: str | None, metadata: Metadata) -> Body:
    drop_non_text(tree)
    root = tree.body or tree.root
    if root is None:
        return Body(notes=("the page has no body",))
    segments = segment_tree(root)
    prose = [prose_chars(segment) for segment in segments]
    container = choose_container(segments, prose)
    if container is None:
        return _fallback(segments)
    depths = [_depth_of(segment, container.key) for segment in segments]
    others = other_articles(segments, prose, depths)
    body_segments: list[Segment] = []
    asides: list[Aside] = []
    captions: dict[int, list[str]] = {}
    for index, (segment, depth) in enumerate(zip(segments, depths, strict=True)):
        if depth < 0:
            if segment.text:
                asides.append(outside_aside(segment))
                asides[-1].order = index
            continue
        aside = classify(segment, depth, others) if segment.text else None
        if aside is None:
            segment.order = index
            body_segments.append(segment)
            continue
        aside.order = index
        asides.append(aside)
        if aside.kind == "caption":
            figure = next((f for f in reversed(segment.path) if f.tag == "figure"), None)
            if figure is not None:
                captions.setdefault(figure.key, []).append(segment.text)
    depth = (
        next(i for i, frame in enumerate(body_segments[0].path) if frame.key == container.key)
        if body_segments
        else 0
    )
    body_segments, orphans = drop_orphan_headings(body_segments, asides, depth)
    asides.extend(orphans)
    blocks = build_blocks(body_segments, depth, captions)
    return Body(
        blocks=tuple(blocks),
        boilerplate=merge_asides(asides),
        notes=(f"article container: {container.label}",),
    )


def _depth_of(segment: Segment, key: int) -> int:
    for index, frame in enumerate(segment.path):
        if frame.key == key:
            return index
    return -1


def _fallback(segments: list[Segment]) -> Body:
    """No prose anywhere: every non-empty segment, in order, as a paragraph."""
    blocks = build_blocks([s for s in segments if s.text], 0, {})
    return Body(blocks=tuple(blocks), notes=("no prose found; the whole page text is kept",))
