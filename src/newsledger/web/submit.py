"""Adding a page: pasted HTML or text, or a URL fetched under the private-address rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal
from urllib.parse import urlsplit

import msgspec

from newsledger.model import Article, Page, Statement
from newsledger.sources.keys import content_hash
from newsledger.web.errors import ApiError

FormChoice = Literal["auto", "html", "text"]


class Submission(msgspec.Struct, frozen=True, kw_only=True):
    """What a person submits: ``content`` (pasted HTML or text) or ``url``, not both."""

    content: str | None = None
    url: str | None = None
    form: FormChoice = "auto"
    store: bool = False


class Extracted(msgspec.Struct, frozen=True, kw_only=True):
    page: Page
    article: Article
    statements: tuple[Statement, ...]


def check_submission(submission: Submission) -> Submission:
    content = (submission.content or "").strip() or None
    url = (submission.url or "").strip() or None
    if content and url:
        raise ApiError(400, "bad_request", "give either pasted content or a URL, not both")
    if not content and not url:
        raise ApiError(400, "bad_request", "give pasted HTML or text, or a URL")
    if url:
        check_url(url)
    return msgspec.structs.replace(submission, content=content, url=url)


def check_url(url: str) -> None:
    """Only well-formed http(s) URLs with a host are fetched or recorded."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise ApiError(400, "bad_request", f"{url[:200]}: not a well-formed URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ApiError(400, "bad_request", f"{url[:200]}: only http and https URLs can be fetched")
    if not host:
        raise ApiError(400, "bad_request", f"{url[:200]}: not a URL with a host name")
    if not host_name_encodes(host):
        raise ApiError(400, "bad_request", f"{url[:200]}: the host name is not a valid domain name")


def host_name_encodes(host: str) -> bool:
    """Whether the resolver can be asked for ``host`` (IDNA refuses some characters outright)."""
    try:
        host.encode("idna")
    except UnicodeError:
        return False
    return True


def pasted_page(content: str, form: FormChoice) -> Page:
    data = content.encode("utf-8")
    return Page(
        content=data,
        key=f"pasted:#{content_hash(data)}",
        origin="pasted",
        fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        form=None if form == "auto" else form,
    )


def fetched_page(url: str, *, allow_private: bool) -> Page:
    """The page at ``url``; loopback, private and link-local addresses are refused by the fetcher."""
    from newsledger.sources.options import SourceOptions
    from newsledger.sources.urls import fetch_page

    return fetch_page(url, options=SourceOptions(allow_private=allow_private, retries=0, host_delay=0.0))


Fetch = Callable[..., Page]


def page_for(submission: Submission, fetch: Fetch = fetched_page, *, allow_private: bool) -> Page:
    """The submitted page: fetched through ``fetch`` (the seam that keeps tests off the network)."""
    if submission.url:
        return fetch(submission.url, allow_private=allow_private)
    return pasted_page(submission.content or "", submission.form)
