"""The JSON API under /api: the twin of every HTML page, plus the write endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from newsledger.web import views
from newsledger.web.access import require_reader, require_writer
from newsledger.web.errors import ApiError, documented
from newsledger.web.params import ArticleId, Cursor, Limit, SpeakerId, search_params
from newsledger.web.schemas import (
    AddPageRequest,
    AddPageResponse,
    ArticleResponse,
    IngestFailure,
    IngestRequest,
    IngestResponse,
    ResultPage,
    SiteResponse,
    SpeakerResponse,
    StatsResponse,
)
from newsledger.web.submit import (
    Submission,
    check_submission,
    check_url,
    page_for,
    pasted_page,
)
from newsledger.web.views import SearchParams

router = APIRouter(prefix="/api", tags=["api"])
WRITE = documented(400, 401, 403, 413, 422, 429)
BEARER = {"security": [{"bearer": []}]}


@router.post(
    "/pages", response_model=AddPageResponse, responses=WRITE, openapi_extra=BEARER, summary="Add a page"
)
async def add_page(body: AddPageRequest, request: Request) -> dict:
    """Extract a pasted page or a fetched URL and return its record; ``store`` keeps it too.

    Needs the operator's bearer token.
    """
    require_writer(request)
    settings = request.app.state.settings
    submission = check_submission(Submission(**body.model_dump()))
    fetch = request.app.state.fetch_page
    page = await run_in_threadpool(page_for, submission, fetch, allow_private=settings.allow_private_urls)
    extracted = await request.app.state.worker.extract(page, submission.form)
    stored = views.store_extracted(request.app.state.ledger, extracted) if submission.store else None
    return views.extracted_json(extracted, stored)


@router.post(
    "/ingest",
    response_model=IngestResponse,
    responses=WRITE,
    openapi_extra=BEARER,
    summary="Store many pages",
)
async def ingest(body: IngestRequest, request: Request) -> dict:
    """Extract, attribute and store up to 100 pages given inline. Needs the bearer token."""
    require_writer(request)
    stored, failed = [], []
    for index, item in enumerate(body.pages):
        page = pasted_page(item.content, item.form)
        try:
            if item.url:
                check_url(item.url)
                page = views.with_url(page, item.url)
            extracted = await request.app.state.worker.extract(page, item.form)
        except ApiError as err:
            failed.append(IngestFailure(index=index, code=err.code, message=err.message).model_dump())
            continue
        stored.append(views.store_extracted(request.app.state.ledger, extracted))
    return {"stored": stored, "failed": failed}


READ = [Depends(require_reader)]
READ_ERRORS = documented(400, 401, 429)
READ_ONE_ERRORS = documented(400, 401, 404, 429)


@router.get("/search", response_model=ResultPage, responses=READ_ERRORS, dependencies=READ, summary="Search")
async def search(request: Request, params: Annotated[SearchParams, Depends(search_params)]) -> dict:
    """Statements (or articles, with ``scope=articles``) matching the words and filters, best first."""
    return views.search(request.app.state.ledger, params)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleResponse,
    responses=READ_ONE_ERRORS,
    dependencies=READ,
    summary="One article",
)
async def article(request: Request, article_id: ArticleId) -> dict:
    """The stored article with its metadata, evidence, boilerplate and statements."""
    view = views.article(request.app.state.ledger, article_id)
    if view is None:
        raise ApiError(404, "not_found", f"no article {article_id}")
    return views.article_json(view)


@router.get(
    "/speakers/{speaker_id}",
    response_model=SpeakerResponse,
    responses=READ_ONE_ERRORS,
    dependencies=READ,
    summary="One speaker",
)
async def speaker(
    request: Request,
    speaker_id: SpeakerId,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> dict:
    """Who the speaker is per the articles, their statements, the outlets and a monthly timeline."""
    view = views.speaker(request.app.state.ledger, speaker_id, cursor, limit)
    if view is None:
        raise ApiError(404, "not_found", f"no speaker {speaker_id}")
    return views.speaker_json(view)


@router.get(
    "/speakers", response_model=ResultPage, responses=READ_ERRORS, dependencies=READ, summary="Speakers"
)
async def speakers(
    request: Request,
    q: Annotated[str, Query(max_length=200, description="part of a name")] = "",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> dict:
    """Speakers, most quoted first, optionally those whose name contains ``q``."""
    return views.speakers(request.app.state.ledger, cursor, limit, q.strip())


@router.get(
    "/sites/{name}",
    response_model=SiteResponse,
    responses=READ_ONE_ERRORS,
    dependencies=READ,
    summary="One site",
)
async def site(
    request: Request, name: Annotated[str, Path(max_length=253)], cursor: Cursor = None, limit: Limit = 20
) -> dict:
    """A site's articles, newest published first (undated last), and its most quoted speakers."""
    view = views.site(request.app.state.ledger, name, cursor, limit)
    if view is None:
        raise ApiError(404, "not_found", f"no site {name[:100]!r}")
    return view


@router.get("/sites", response_model=ResultPage, responses=READ_ERRORS, dependencies=READ, summary="Sites")
async def sites(request: Request, cursor: Cursor = None, limit: Limit = 50) -> dict:
    """Sites, most articles first, a page at a time."""
    return views.sites(request.app.state.ledger, cursor, limit)


@router.get(
    "/stats", response_model=StatsResponse, responses=READ_ERRORS, dependencies=READ, summary="Counts"
)
async def stats(request: Request) -> dict:
    return {"stats": views.stats(request.app.state.ledger)}
