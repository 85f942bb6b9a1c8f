"""Statements attributed by layout rather than by a verb: a speaker label before a colon
opening the paragraph ("PENCE: Well, look, ...", a headline "Poll: Clinton leads"), and a
quotation signed after a dash ("“...” ― Maria Lopez").

Spans are (start, end) character offsets into the part's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]

_NAME = r"[A-Z][\w’'.\-]*(?:[ \u00a0]+(?:[A-Z][\w’'.\-]*|de|van|von|al|bin))*"
_LABEL = re.compile(rf"[\"“]?(?P<name>{_NAME}):[ \u00a0]+(?=[\"“‘'A-Z0-9])")
_SIGNATURE = re.compile(rf"(?P<close>[”\"])[ \u00a0]*(?P<dash>―|—|–|--)[ \u00a0]*(?P<name>{_NAME})[.\u00a0 ]*$")
_OPENING_MARKS = frozenset("“”\"")
_MAX_NAME_WORDS = 4
# Labels that head a paragraph without naming who speaks in it.
_NOT_SPEAKERS = frozenset({
    "update", "updated", "note", "notes", "editor's note", "editor’s note", "watch", "read", "read more",
    "related", "photo", "photos", "video", "source", "sources", "correction", "clarification",
    "listen", "see also", "more", "also", "advertisement", "subscribe", "follow", "disclosure",
    "background", "breaking", "exclusive", "opinion", "analysis", "live", "warning", "caption",
    "credit", "credits", "image", "images", "summary", "transcript", "contact", "email", "phone",
    "tags", "topics", "filed under", "posted", "published", "by", "q", "a", "question", "answer",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "step", "part", "chapter", "day", "week", "bottom line", "the bottom line",
    "the answer", "the question", "why", "how", "what", "who", "when", "where", "here", "there",
})


_ARTICLES = frozenset({"the", "a", "an"})
# A program's name for an error or a warning ("RuntimeError", "KeyError"): a log line's label.
_CODE_NAME = re.compile(r"[A-Z]\w*[a-z](?:Error|Exception|Warning)")
# Another label after a separator on the same line ("CPU: Intel Core | RAM: 16GB"): a row of fields.
_NEXT_FIELD = re.compile(rf"[|•·][ \u00a0]*{_NAME}:[ \u00a0]")
# Words capitalised in a title-case heading that a person's or an organisation's name does not hold.
_TITLE_CASE_LINKS = frozenset({"over", "on", "in", "at", "to", "for", "with", "from", "into", "goes", "is", "are", "and", "or", "vs", "vs."})


@dataclass(frozen=True, slots=True)
class LaidOut:
    """A statement read from the layout of its paragraph."""

    speaker: Span
    cue: Span
    content: Span


def labelled_paragraph(text: str, start: int, end: int) -> LaidOut | None:
    """'PENCE: Well, look, ...' -- a short name and a colon opening the paragraph: what follows,
    to the paragraph's end, is what the name says."""
    match = _LABEL.match(text, start, end)
    if match is None:
        return None
    name = match.group("name")
    words = name.lower().split()
    if len(words) > _MAX_NAME_WORDS or name.lower().rstrip(".") in _NOT_SPEAKERS or any(ch.isdigit() for ch in name):
        return None
    if words[0] in _ARTICLES or any(word in _TITLE_CASE_LINKS for word in words):
        return None  # "The Latest:", "Stealth Over Health:": a heading, not a name
    if _CODE_NAME.fullmatch(name) or _NEXT_FIELD.search(text, match.end(), end):
        return None  # "RuntimeError: ...", "CPU: Intel Core | RAM: 16GB": a log's or a spec's fields
    content_end = end
    while content_end > match.end() and text[content_end - 1] in " \u00a0.":
        content_end -= 1
    if content_end - match.end() < 3:
        return None
    colon = match.end("name")
    return LaidOut(match.span("name"), (colon, colon + 1), (match.end(), content_end))


def signed_quotation(text: str, start: int, end: int) -> LaidOut | None:
    """'“...” ― Maria Lopez' -- a paragraph that is a quotation signed after a dash."""
    if text[start : start + 1] not in _OPENING_MARKS:
        return None
    match = _SIGNATURE.search(text, start, end)
    if match is None or len(match.group("name").split()) > _MAX_NAME_WORDS + 1:
        return None
    name_end = match.end("name")
    while name_end > match.start("name") and text[name_end - 1] == ".":
        name_end -= 1
    return LaidOut((match.start("name"), name_end), match.span("dash"), (start, match.end("close")))
