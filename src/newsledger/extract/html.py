"""HTML page to Article: parse once, read the metadata, then take the body out of the tree."""

from __future__ import annotations

import msgspec

from newsledger.deadline import Deadline
from newsledger.extract.assemble import assemble
from newsledger.extract.content import extract_body
from newsledger.extract.dom import parse_html
from newsledger.extract.metadata import extract_metadata
from newsledger.extract.nesting import costly_nesting_at, without_markup_after
from newsledger.model import Article

# News pages run to a few hundred kilobytes, rarely past 2 MB (2.2 MB is the largest of 440
# benchmark pages). Past this length the rest of a page is cut off before parsing, so that a
# pathological page costs bounded time.
MAX_HTML_CHARS = 4_000_000


def extract_html(
    html: str, url: str | None = None, *, utf8: bytes | None = None, deadline: Deadline | None = None
) -> Article:
    """``utf8``: the page's bytes when they are exactly ``html`` encoded as UTF-8, which the
    parser then reads as they are. ``deadline`` is checked between the steps."""
    check = deadline.check if deadline is not None else _no_check
    notes: tuple[str, ...] = ()
    if len(html) > MAX_HTML_CHARS:
        notes = (f"page cut to its first {MAX_HTML_CHARS:,} characters of {len(html):,}",)
        html = html[:MAX_HTML_CHARS]
        utf8 = None
    if (deep_at := costly_nesting_at(html)) is not None:
        notes += (
            f"markup past character {deep_at:,} of {len(html):,} read as plain text: "
            "elements nested too deep to parse in bounded time",
        )
        html = without_markup_after(html, deep_at)
        utf8 = None
    check("extract: parsing")
    tree = parse_html(utf8 if utf8 is not None else html)
    check("extract: metadata")
    # Metadata first: body extraction prunes the tree it reads.
    metadata = extract_metadata(tree, url)
    check("extract: body")
    body = extract_body(tree, url, metadata)
    check("extract: assembling")
    if notes:
        body = msgspec.structs.replace(body, notes=notes + body.notes)
    return assemble(body, metadata, input_form="html", url=url)


def _no_check(step: str) -> None:
    pass
