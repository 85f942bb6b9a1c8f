"""The intermediate results the extraction steps hand to each other before an Article is built."""

from __future__ import annotations

from newsledger.model import (
    Author,
    Block,
    Boilerplate,
    DateField,
    Evidence,
    Image,
    PageTypeField,
    Struct,
    TextField,
)


class Body(Struct, kw_only=True):
    """The main content of a page: blocks in reading order and what was set aside."""

    blocks: tuple[Block, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    notes: tuple[str, ...] = ()


class StatedReadTime(Struct, kw_only=True):
    minutes: int
    evidence: Evidence


class Metadata(Struct, kw_only=True):
    """Every metadata field of an Article, each with its evidence."""

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
    stated_read_time: StatedReadTime | None = None
    topics: tuple[TextField, ...] = ()
    notes: tuple[str, ...] = ()  # what the readers left unread on a pathological page
