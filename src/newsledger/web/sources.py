"""The followed sources: ``/sources`` (HTML) and its JSON twin ``/api/sources``."""

from __future__ import annotations

import msgspec
from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from newsledger.web.access import require_reader
from newsledger.web.errors import documented
from newsledger.web.rendering import render
from newsledger.web.schemas import Record

api_router = APIRouter(prefix="/api", tags=["api"])
pages_router = APIRouter(include_in_schema=False)


class SourcesResponse(BaseModel):
    items: list[Record]
    urls: Record


def sources_view(ledger) -> dict:
    """Every source with its state, and the found URLs counted by state."""
    from newsledger.follow.state import list_sources, url_counts

    return {"items": msgspec.to_builtins(list_sources(ledger)), "urls": url_counts(ledger)}


def article_source(ledger, page_key: str) -> dict | None:
    """The source through which a stored page was found (None for pages ingested otherwise)."""
    from newsledger.follow.state import source_of_page

    source = source_of_page(ledger, page_key)
    return (
        {"id": source.id, "url": source.url, "kind": source.kind, "outlet": source.outlet} if source else None
    )


@api_router.get(
    "/sources",
    response_model=SourcesResponse,
    responses=documented(400, 401, 429),
    dependencies=[Depends(require_reader)],
    summary="Followed sources",
)
async def sources(request: Request) -> dict:
    """Every followed feed and sitemap: kind, outlet, state, last poll and success, articles
    found, failures, next poll; and the URLs found so far counted by state."""
    return sources_view(request.app.state.ledger)


@pages_router.get("/sources")
async def sources_page(request: Request):
    require_reader(request)
    ledger = request.app.state.ledger
    view = sources_view(ledger)
    return render(request, "sources.html", {"view": view, "stored_outlets": stored_outlets(ledger, view)})


def stored_outlets(ledger, view: dict) -> set[str]:
    """The outlets the ledger has a site page for: a source polled before any of its articles were
    stored (or whose articles name another host) has none, and is shown without a link."""
    outlets = {item["outlet"] for item in view["items"] if item.get("outlet")}
    return {outlet for outlet in outlets if ledger.site(outlet, limit=1) is not None}
