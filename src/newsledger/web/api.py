"""The JSON API under /api: the twin of every HTML page, plus the write endpoints."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool

from newsledger.errors import NewsledgerError
from newsledger.web import views
from newsledger.web.access import require_reader, require_writer
from newsledger.web.errors import documented
from newsledger.web.schemas import (
    AddPageRequest,
    AddPageResponse,
    IngestFailure,
    IngestRequest,
    IngestResponse,
)
from newsledger.web.submit import Submission, check_submission, extract_submitted, page_for, pasted_page

router = APIRouter(prefix="/api", tags=["api"])
WRITE = documented(400, 401, 403, 413, 502)


@router.post("/pages", response_model=AddPageResponse, responses=WRITE, summary="Add a page")
async def add_page(body: AddPageRequest, request: Request) -> dict:
    """Extract a pasted page or a fetched URL and return its record; ``store`` keeps it too.

    Needs the operator's bearer token.
    """
    require_writer(request)
    settings = request.app.state.settings
    submission = check_submission(Submission(**body.model_dump()))
    page = await run_in_threadpool(page_for, submission, allow_private=settings.allow_private_urls)
    extracted = await run_in_threadpool(extract_submitted, page, submission.form)
    stored = views.store_extracted(request.app.state.ledger, extracted) if submission.store else None
    return views.extracted_json(extracted, stored)


@router.post("/ingest", response_model=IngestResponse, responses=WRITE, summary="Store many pages")
async def ingest(body: IngestRequest, request: Request) -> dict:
    """Extract, attribute and store up to 100 pages given inline. Needs the bearer token."""
    require_writer(request)
    stored, failed = [], []
    for index, item in enumerate(body.pages):
        page = pasted_page(item.content, item.form)
        if item.url:
            page = views.with_url(page, item.url)
        try:
            extracted = await run_in_threadpool(extract_submitted, page, item.form)
        except NewsledgerError as err:
            failed.append(IngestFailure(index=index, code=err.stage, message=str(err)).model_dump())
            continue
        stored.append(views.store_extracted(request.app.state.ledger, extracted))
    return {"stored": stored, "failed": failed}


READ = [Depends(require_reader)]
