"""HTML page to Article: parse once, read the metadata, then take the body out of the tree."""

from __future__ import annotations

import itertools
import re

import msgspec

from newsledger.deadline import Deadline
from newsledger.extract.assemble import assemble
from newsledger.extract.content import extract_body
from newsledger.extract.dom import parse_html
from newsledger.extract.metadata import extract_metadata
from newsledger.extract.nesting import costly_nesting_at, count_marks, without_markup_after
from newsledger.model import Article

# News pages run to a few hundred kilobytes, rarely past 2 MB (2.2 MB is the largest of 440
# benchmark pages). Past this length the rest of a page is cut off before parsing, so that a
# pathological page costs bounded time.
MAX_HTML_CHARS = 4_000_000
# The largest of 1,936 benchmark pages opens 21,646 tags. Reading each tag costs the parser and
# every walk after it (about 10 µs a tag in all): past this many, the rest of a page is read as
# plain text, so that no page costs much more than a second.
MAX_TAGS = 60_000


def extract_html(
    html: str, url: str | None = None, *, utf8: bytes | None = None, deadline: Deadline | None = None
) -> Article:
    """``utf8``: the page's bytes when they are exactly ``html`` encoded as UTF-8, which the
    parser then reads as they are. ``deadline`` is checked between the steps."""
    check = deadline.check if deadline is not None else _no_check
    notes: tuple[str, ...] = ()
    if len(html) > MAX_HTML_CHARS:
        html = _without_script_code(html)
        utf8 = None
    if len(html) > MAX_HTML_CHARS:
        notes = (f"page cut to its first {MAX_HTML_CHARS:,} characters of {len(html):,}",)
        html = html[:MAX_HTML_CHARS]
        utf8 = None
    if (closed := _with_iframes_closed(html)) is not html:
        html = closed
        utf8 = None
    # Counted once: the nesting scan's first test asks the same count of the same text.
    tags: int | None = count_marks(html, utf8, "<")
    if (tags_end := _end_of_tags(html, MAX_TAGS, tags)) is not None:
        notes += (
            f"markup past character {tags_end:,} of {len(html):,} read as plain text: more than {MAX_TAGS:,} tags",
        )
        html = without_markup_after(html, tags_end)
        utf8 = None
        tags = None
    if (deep_at := costly_nesting_at(html, utf8=utf8, tags=tags)) is not None:
        notes += (
            f"markup past character {deep_at:,} of {len(html):,} read as plain text: "
            "elements nested too deep (or a dropdown list too long) to parse in bounded time",
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
    notes += metadata.notes
    if notes:
        body = msgspec.structs.replace(body, notes=notes + body.notes)
    return assemble(body, metadata, input_form="html", url=url)


# A page past the limit is often mostly code: a shop's page may carry two megabytes of script
# before the grid it shows. Scripts and styles hold no reading text, so their code is emptied out
# before the page is cut, and the cut falls on the page's text only when the text itself is that
# long. Structured data (JSON-LD) is metadata and stays. One pass: each search starts where the
# last one ended, and a script left open runs to the end of the page, as the parser reads it.
_CODE_OPENING = re.compile(r"<(script|style)\b", re.IGNORECASE)


def _without_script_code(html: str) -> str:
    """``html`` with the content of each script (but structured data) and style emptied."""
    lowered = html.lower()
    if len(lowered) != len(html):
        return html
    pieces: list[str] = []
    kept = 0
    at = 0
    while (opening := _CODE_OPENING.search(lowered, at)) is not None:
        inside = lowered.find(">", opening.end())
        closing = lowered.find(f"</{opening.group(1)}", inside) if inside >= 0 else -1
        if closing < 0:
            break
        tag = lowered[opening.start() : inside]
        if "ld+json" not in tag and "json+ld" not in tag:
            pieces.append(html[kept : inside + 1])
            kept = closing
        at = closing + 2
    pieces.append(html[kept:])
    return "".join(pieces)


# An ``<iframe>`` holds raw text up to its end tag: written self-closed (``<iframe ... />``, as
# pages often write a tracking frame inside a ``<noscript>``), it runs to the end of the page and
# swallows all that follows as one run of text. A browser, running scripts, never parses a
# ``<noscript>``; the text after is the page's. Each such frame is closed where it opens.
_SELF_CLOSED_IFRAME = re.compile(r"<iframe\b[^<>]*/>", re.IGNORECASE)


def _with_iframes_closed(html: str) -> str:
    """``html`` with an end tag after each self-closed ``<iframe>``; ``html`` itself if none is."""
    if _SELF_CLOSED_IFRAME.search(html) is None:
        return html
    return _SELF_CLOSED_IFRAME.sub(r"\g<0></iframe>", html)


def _end_of_tags(html: str, most: int, marks: int) -> int | None:
    """Where the tag after the first ``most`` of ``html`` starts, when it holds more; ``marks``:
    how many "<" it holds."""
    if marks <= most:
        return None
    return next(itertools.islice((tag.start() for tag in _TAG_START.finditer(html)), most, None), None)


_TAG_START = re.compile(r"</?[A-Za-z]|<!")


def _no_check(step: str) -> None:
    pass
