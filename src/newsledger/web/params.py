"""Query parameters shared by each page and its JSON twin, validated once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Query

from newsledger.web.errors import ApiError
from newsledger.web.views import SearchParams

Cursor = Annotated[str | None, Query(max_length=512, description="next_cursor of the previous page")]
Limit = Annotated[int, Query(ge=1, le=100, description="results per page")]


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
    return int(text) if text.isdigit() and len(text) < 18 else text


def search_params(
    q: Annotated[str, Query(max_length=500, description="words to find")] = "",
    scope: Annotated[Literal["statements", "articles"], Query(description="what to search")] = "statements",
    speaker: Annotated[str | None, Query(max_length=200, description="a speaker id or name")] = None,
    site: Annotated[str | None, Query(max_length=253, description="a site (host name)")] = None,
    since: Annotated[dt.date | None, Query(description="from this date (YYYY-MM-DD)")] = None,
    until: Annotated[dt.date | None, Query(description="up to this date (YYYY-MM-DD)")] = None,
    kind: Annotated[
        Literal["direct", "indirect", "mixed"] | None, Query(description="statement kind")
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
    if kind and kind not in ("direct", "indirect", "mixed"):
        raise ApiError(400, "bad_request", f"kind: must be direct, indirect or mixed, not {kind[:40]!r}")
    return SearchParams(
        q=q.strip()[:500],
        scope=scope,
        speaker=speaker_filter(speaker[:200]),
        site=site.strip()[:253] or None,
        since=iso_date("since", since),
        until=iso_date("until", until),
        kind=kind or None,
        cursor=cursor[:512] or None,
    )


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
