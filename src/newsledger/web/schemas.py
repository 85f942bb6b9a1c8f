"""The JSON shapes of the API, for validation and the OpenAPI document.

Records (articles, statements) keep their own stable JSON form from ``newsledger.model``; here
they are typed as objects so that the document stays one source of truth for the envelopes.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Record = dict[str, Any]


class AddPageRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content: str | None = Field(None, description="pasted HTML or text copied from a browser")
    url: str | None = Field(None, description="an http(s) URL to fetch instead")
    form: Literal["auto", "html", "text"] = "auto"
    store: bool = Field(False, description="also store the page and its record in the ledger")


class PageInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content: str = Field(min_length=1)
    url: str | None = None
    form: Literal["auto", "html", "text"] = "auto"


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pages: list[PageInput] = Field(min_length=1, max_length=100)


class StoredInfo(BaseModel):
    """``created`` is False when the same page was already in the ledger."""

    page_id: int
    article_id: int | None = None
    created: bool


class AddPageResponse(BaseModel):
    article: Record
    statements: list[Record]
    stored: StoredInfo | None = None


class IngestFailure(BaseModel):
    index: int
    code: str
    message: str


class IngestResponse(BaseModel):
    stored: list[StoredInfo]
    failed: list[IngestFailure]


class Page(BaseModel):
    """One page of results; pass ``next_cursor`` back as ``cursor`` for the next one."""

    items: list[Record]
    next_cursor: str | None = None


class ArticleResponse(BaseModel):
    id: str
    article: Record
    statements: list[Record]
    info: Record


class SpeakerResponse(BaseModel):
    speaker: Record
    statements: Page
    outlets: list[Record]
    timeline: list[Record]


class SiteResponse(BaseModel):
    site: Record
    articles: Page


class StatsResponse(BaseModel):
    stats: Record
