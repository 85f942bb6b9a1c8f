"""The records that flow through newsledger: Page -> Article -> Statement.

Every record is a frozen ``msgspec.Struct`` with a stable JSON form (see ``docs/schema.md``).
Offsets are 0-based Python character offsets (``text[start:end]``). A metadata field is never a
bare value: it carries the :class:`Evidence` it was taken from, and the candidates rejected on the
way, so that every value in a record can be explained.
"""

from __future__ import annotations

import inspect
from typing import Literal

import msgspec

SCHEMA_VERSION = "1.0"

InputForm = Literal["html", "text"]

EvidenceSource = Literal[
    "json-ld",
    "opengraph",
    "twitter",
    "meta",
    "dublin-core",
    "microdata",
    "time-element",
    "dom",
    "byline",
    "dateline",
    "url",
    "http-header",
    "text-line",
    "body",
    "computed",
]

BlockKind = Literal["paragraph", "heading", "list", "blockquote", "figure", "table", "preformatted"]

BoilerplateKind = Literal[
    "donation_appeal",
    "newsletter",
    "related_links",
    "navigation",
    "share_bar",
    "advertisement",
    "cookie_consent",
    "comments",
    "author_box",
    "caption",
    "label",
    "image_alt",
    "headline_repeat",
    "byline",
    "dateline",
    "tags",
    "footer",
    "header",
    "paywall",
    "other",
]

StatementKind = Literal["direct", "indirect", "mixed"]
AttributionKind = Literal["speech", "writing", "belief", "evidence"]
TextPart = Literal["headline", "body", "caption"]
DatePrecision = Literal["year", "month", "day", "minute", "second"]
PageType = Literal[
    "article", "forum", "product", "collection", "listing", "documentation", "service", "unknown"
]


class Struct(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """Base of every record: immutable, keyword-only, defaults omitted from JSON."""


# --------------------------------------------------------------------------- evidence


class Candidate(Struct, kw_only=True):
    """A value that was found but not chosen, and why."""

    value: str
    source: EvidenceSource
    locator: str = ""
    reason: str = ""


class Evidence(Struct, kw_only=True):
    """Where a value came from.

    ``locator`` says where within the source (``meta[property="og:title"]``,
    ``json-ld[0].author[1].name``, ``p:nth-of-type(3)``); ``lines`` are 1-based inclusive line
    numbers of a text input; ``offsets`` index the decoded page text.
    """

    source: EvidenceSource
    locator: str = ""
    raw: str | None = None
    lines: tuple[int, int] | None = None
    offsets: tuple[int, int] | None = None
    rejected: tuple[Candidate, ...] = ()


class TextField(Struct, kw_only=True):
    value: str
    evidence: Evidence


class DateField(Struct, kw_only=True):
    """A date or date-time in ISO 8601; ``has_timezone`` says whether the offset is known.

    ``confidence`` is below 1 when the only evidence is weak (an unlabelled date near the
    headline, a date in a page's script data or in its URL, or, for the publication date of
    a page stating only when it was updated, that update).
    """

    value: str
    precision: DatePrecision = "day"
    has_timezone: bool = False
    confidence: float = 1.0
    evidence: Evidence


class PageTypeField(Struct, kw_only=True):
    """What kind of page this is, how sure the reading is (0-1) and what decided it.

    ``evidence.source`` is ``json-ld`` or ``opengraph`` for a declared type, ``dom`` for
    structure (repeated item cards, posts with authors and times, prices, code blocks) and
    ``computed`` for vocabulary; the other types considered are its rejected candidates.
    """

    value: PageType
    confidence: float = 1.0
    evidence: Evidence


# --------------------------------------------------------------------------- page


class Page(Struct, kw_only=True):
    """What a source yields: the raw content and what is known about where it came from.

    ``key`` identifies the page stably across runs (URL and WARC record id, or file path and
    content hash), so that storing the same page twice stores it once.
    """

    content: bytes
    key: str = ""
    url: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    fetched_at: str | None = None
    origin: str = ""
    form: InputForm | None = None


class SourceFailure(Struct, kw_only=True):
    """An input a source could not turn into a Page, and why; a batch records it and goes on."""

    input: str
    stage: str
    reason: str


# --------------------------------------------------------------------------- article


class Author(Struct, kw_only=True):
    name: str
    role: str | None = None
    url: str | None = None
    evidence: Evidence


class Image(Struct, kw_only=True):
    url: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    width: int | None = None
    height: int | None = None
    evidence: Evidence


class ReadTime(Struct, kw_only=True):
    """``stated`` is what the page prints; ``computed`` is words / ``words_per_minute``."""

    stated_minutes: int | None = None
    computed_minutes: int
    words: int
    words_per_minute: int
    evidence: Evidence | None = None


class Block(Struct, kw_only=True):
    """One block of the body, in reading order.

    ``start``/``end`` index ``Article.text``. ``items`` holds list items (``text`` is them joined
    by newlines); ``rows`` holds table cells. ``evidence`` says where in the page it was found.
    """

    kind: BlockKind
    text: str
    start: int = 0
    end: int = 0
    level: int | None = None
    items: tuple[str, ...] = ()
    ordered: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    image: Image | None = None
    evidence: Evidence | None = None


class Boilerplate(Struct, kw_only=True):
    """A piece of the page set aside from the body, with its classification."""

    kind: BoilerplateKind
    text: str
    reason: str = ""
    evidence: Evidence | None = None


class Article(Struct, kw_only=True, omit_defaults=False):
    """One page as a structured record. Every key is always present in its JSON form."""

    schema_version: str = SCHEMA_VERSION
    extractor: str = ""
    input_form: InputForm
    url: str | None = None
    page_type: PageTypeField | None = None
    canonical_url: TextField | None = None
    headline: TextField | None = None
    subheadline: TextField | None = None
    site_name: TextField | None = None
    section: TextField | None = None
    language: TextField | None = None
    authors: tuple[Author, ...] = ()
    published: DateField | None = None
    modified: DateField | None = None
    lead_image: Image | None = None
    images: tuple[Image, ...] = ()
    read_time: ReadTime | None = None
    topics: tuple[TextField, ...] = ()
    blocks: tuple[Block, ...] = ()
    text: str = ""
    boilerplate: tuple[Boilerplate, ...] = ()
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------- statements


class Span(Struct, kw_only=True):
    """``text == source[start:end]`` where the source is the statement's ``part`` text."""

    start: int
    end: int
    text: str


class Speaker(Struct, kw_only=True):
    """Who made a statement.

    ``name`` is the canonical name after resolution (None when unnamed); ``resolution`` says
    how the mention was tied to it; ``description`` is what the article says the speaker is.
    """

    name: str | None = None
    mention: Span | None = None
    resolution: Literal["explicit", "pronoun", "surname", "descriptor", "unnamed"] = "explicit"
    description: str | None = None
    kind: Literal["person", "organisation", "group", "document", "medium", "unknown"] = "unknown"


class Cue(Struct, kw_only=True):
    span: Span
    lemma: str


class Channel(Struct, kw_only=True):
    """The medium a statement came through ("according to TV Rain", "told Reuters")."""

    name: str
    mention: Span | None = None
    cue: Span | None = None
    explicit: bool = True


class Addressee(Struct, kw_only=True):
    name: str
    mention: Span | None = None


class StatementDate(Struct, kw_only=True):
    """A date expression resolved against the article's reference date.

    ``value`` is ISO 8601 at ``precision`` (``2026-01-19``, ``2025-12``); ``modifier`` keeps
    "early"/"mid"/"late"/"before"; ``year_inferred`` is set when the year was not printed.
    """

    expression: Span
    value: str
    precision: DatePrecision
    modifier: str | None = None
    year_inferred: bool = False


class Statement(Struct, kw_only=True):
    """One attribution. ``kind`` is its form (a quotation, a paraphrase or both); ``attribution``
    what is attributed: speech, writing, a belief or intention, or evidence (polls, studies,
    records). ``notes`` says when a limit of the engine shaped it (a pathologically long
    sentence read in windows), never silently."""

    id: str
    part: TextPart = "body"
    kind: StatementKind
    attribution: AttributionKind = "speech"
    content: Span
    fragments: tuple[Span, ...] = ()
    cue: Cue
    speaker: Speaker
    channel: Channel | None = None
    addressee: Addressee | None = None
    date: StatementDate | None = None
    nested_in: str | None = None
    confidence: float = 1.0
    engine: str = ""
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------- JSON form

_encoder = msgspec.json.Encoder()


def to_json(record: msgspec.Struct) -> bytes:
    """The stable JSON form of any record."""
    return _encoder.encode(record)


def to_builtins(record: msgspec.Struct) -> object:
    return msgspec.to_builtins(record)


def article_from_json(data: bytes | str) -> Article:
    return msgspec.json.decode(data, type=Article)


def statements_from_json(data: bytes | str) -> tuple[Statement, ...]:
    return msgspec.json.decode(data, type=tuple[Statement, ...])


def json_schema() -> dict:
    """The JSON Schema (2020-12) of an Article and of a list of Statements, as one document."""
    (article, statements), components = msgspec.json.schema_components(
        (Article, tuple[Statement, ...]), ref_template="#/$defs/{name}"
    )
    # Docstrings are cleaned here rather than left to msgspec, whose releases differ on indentation.
    for component in components.values():
        if "description" in component:
            component["description"] = inspect.cleandoc(component["description"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"newsledger records, schema_version {SCHEMA_VERSION}",
        "type": "object",
        "properties": {"article": article, "statements": statements},
        "$defs": components,
    }
