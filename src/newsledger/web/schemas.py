"""The JSON shapes of the API, for validation and the OpenAPI document.

Records (articles, statements) keep their own stable JSON form from ``newsledger.model``; here
they are typed as objects so that the document stays one source of truth for the envelopes.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Record = dict[str, Any]


NON_BLANK = r"\S"
HTTP_URL = r"^https?://[^\s/]+"


class PastedPage(BaseModel):
    """A page pasted as HTML or as text copied from a browser."""

    model_config = ConfigDict(extra="forbid")

    content: str = Field(min_length=1, pattern=NON_BLANK, description="pasted HTML or copied text")
    form: Literal["auto", "html", "text"] = "auto"
    store: bool = Field(False, description="also store the page and its record in the ledger")


class UrlPage(BaseModel):
    """A page to fetch; loopback, private and link-local addresses are refused."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(max_length=2000, pattern=HTTP_URL, description="an http(s) URL")
    form: Literal["auto", "html", "text"] = "auto"
    store: bool = Field(False, description="also store the page and its record in the ledger")


AddPageRequest = PastedPage | UrlPage


class PageInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content: str = Field(min_length=1, pattern=NON_BLANK)
    url: str | None = Field(None, max_length=2000, pattern=HTTP_URL)
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


class ResultPage(BaseModel):
    """One page of results; pass ``next_cursor`` back as ``cursor`` for the next one."""

    items: list[Record]
    next_cursor: str | None = None


class ArticleResponse(BaseModel):
    article_id: int
    article: Record
    statements: list[Record]
    info: Record


class SpeakerResponse(BaseModel):
    speaker: Record
    statements: ResultPage
    outlets: list[Record]
    timeline: list[Record]


class SiteResponse(BaseModel):
    site: Record
    articles: ResultPage


class StatsResponse(BaseModel):
    stats: Record
