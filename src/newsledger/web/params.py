"""Query parameters shared by each page and its JSON twin, validated once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Path, Query
from pydantic import AfterValidator

from newsledger.errors import InputError
from newsledger.web.errors import ApiError
from newsledger.web.views import SearchParams

# The ledgers store 64-bit signed integers: a larger number can name no record and no position.
MAX_ID = 2**63 - 1


def cursor_problem(value: str) -> str | None:
    """Why ``value`` cannot be a cursor of this ledger (a number out of range, not an object), or
    None when it may be one; the ledger checks the rest."""
    from newsledger.ledger.query import decode_cursor

    try:
        position = decode_cursor(value)
    except InputError:
        return "not a cursor this server issued"
    for item in position.values():
        if isinstance(item, float) or (isinstance(item, int) and not -MAX_ID - 1 <= item <= MAX_ID):
            return "not a cursor this server issued"
    return None


def checked_cursor(value: str | None) -> str | None:
    """The cursor, or a ValueError (answered as 400) naming what is wrong with it."""
    if value and (problem := cursor_problem(value)):
        raise ValueError(problem)
    return value or None


Cursor = Annotated[
    str | None,
    Query(max_length=512, description="next_cursor of the previous page"),
    AfterValidator(checked_cursor),
]
Limit = Annotated[int, Query(ge=1, le=100, description="results per page")]


def record_id(description: str):
    """A path parameter naming one stored record: a positive integer the ledger can hold."""
    return Annotated[int, Path(ge=1, le=MAX_ID, description=description)]


ArticleId = record_id("the article's id")
SpeakerId = record_id("the speaker's id")


def iso_date(name: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(400, "bad_request", f"{name}: not a date (YYYY-MM-DD): {value[:40]!r}") from None


def speaker_filter(value: str | None) -> int | str | None:
    """A speaker id when the value is a number, else a name to look up."""
    text = (value or "").strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        return text  # "²" or "٣" are digits to str.isdigit but can only be (part of) a name
    if len(text) > 19 or not 1 <= int(text) <= MAX_ID:
        raise ApiError(400, "bad_request", f"speaker: no speaker can have the id {text[:40]}")
    return int(text)


def search_params(
    q: Annotated[str, Query(max_length=500, description="words to find")] = "",
    scope: Annotated[Literal["statements", "articles"], Query(description="what to search")] = "statements",
    speaker: Annotated[str | None, Query(max_length=200, description="a speaker id or name")] = None,
    site: Annotated[str | None, Query(max_length=253, description="a site (host name)")] = None,
    since: Annotated[dt.date | None, Query(description="from this date (YYYY-MM-DD)")] = None,
    until: Annotated[dt.date | None, Query(description="up to this date (YYYY-MM-DD)")] = None,
    kind: Annotated[
        Literal["direct", "indirect", "mixed", "speech", "writing", "belief", "evidence"] | None,
        Query(description="statement kind: its form, or what it attributes"),
    ] = None,
    cursor: Cursor = None,
    limit: Limit = 20,
    page_type: Annotated[
        Literal["article", "forum", "product", "collection", "listing", "documentation", "service", "unknown"]
        | None,
        Query(description="only articles of this page type (or statements from them)"),
    ] = None,
) -> SearchParams:
    return SearchParams(
        page_type=page_type,
        q=q.strip(),
        scope=scope,
        speaker=speaker_filter(speaker),
        site=(site or "").strip() or None,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        kind=kind,
        cursor=cursor or None,
        limit=limit,
    )


STATEMENT_KINDS = ("direct", "indirect", "mixed", "speech", "writing", "belief", "evidence")


def form_search_params(
    q: str = "",
    scope: str = "statements",
    speaker: str = "",
    site: str = "",
    since: str = "",
    until: str = "",
    kind: str = "",
    cursor: str = "",
) -> SearchParams:
    """The HTML form sends empty strings for empty fields; read them as absent."""
    scope = scope or "statements"
    if scope not in ("statements", "articles"):
        raise ApiError(400, "bad_request", f"scope: must be statements or articles, not {scope[:40]!r}")
    if kind and kind not in STATEMENT_KINDS:
        raise ApiError(
            400, "bad_request", f"kind: must be one of {', '.join(STATEMENT_KINDS)}, not {kind[:40]!r}"
        )
    return SearchParams(
        q=q.strip()[:500],
        scope=scope,
        speaker=speaker_filter(speaker[:200]),
        site=site.strip()[:253] or None,
        since=iso_date("since", since),
        until=iso_date("until", until),
        kind=kind or None,
        cursor=form_cursor(cursor),
    )


def form_cursor(value: str | None) -> str | None:
    """A cursor from a page's query string, checked as the API checks it."""
    value = (value or "")[:512]
    if value and (problem := cursor_problem(value)):
        raise ApiError(400, "bad_request", f"cursor: {problem}")
    return value or None


def query_string(params: SearchParams) -> str:
    """The search's own query string without the cursor, for paging links."""
    pairs = {
        "q": params.q,
        "scope": params.scope if params.scope != "statements" else "",
        "speaker": params.speaker or "",
        "site": params.site or "",
        "since": params.since or "",
        "until": params.until or "",
        "kind": params.kind or "",
    }
    return urlencode({key: value for key, value in pairs.items() if value})
