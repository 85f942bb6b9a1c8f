"""The HTML pages. Each one renders what its JSON twin under /api returns."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from newsledger.errors import NewsledgerError
from newsledger.web import views
from newsledger.web.access import (
    check_token,
    client_of,
    cookie_signed_in,
    require_csrf,
    require_reader,
    require_writer,
    settings_of,
)
from newsledger.web.errors import ApiError
from newsledger.web.params import ArticleId, Cursor, SpeakerId, form_search_params, query_string
from newsledger.web.rendering import render
from newsledger.web.security import AUTH_COOKIE
from newsledger.web.submit import Submission, check_submission, page_for
from newsledger.web.views import SearchParams

router = APIRouter(include_in_schema=False)

FORMS = ("auto", "html", "text")


async def form_fields(request: Request) -> dict[str, str]:
    """The posted fields; a pasted page may be as large as the request body limit allows."""
    form = await request.form(max_part_size=settings_of(request).max_body_bytes)
    return {key: value for key, value in form.items() if isinstance(value, str)}


@router.get("/add")
async def add_form(request: Request):
    require_reader(request)
    return render(request, "add.html", {"values": {"form": "auto"}, "result": None, "error": None})


@router.post("/add")
async def add_submit(request: Request):
    require_reader(request)
    fields = await form_fields(request)
    require_csrf(request, fields.get("csrf_token"))
    form = fields.get("form", "auto")
    submission = Submission(
        content=fields.get("content"),
        url=fields.get("url"),
        form=form if form in FORMS else "auto",
        store=fields.get("store") == "on",
    )
    try:
        submission = check_submission(submission)
        if submission.store or submission.url:
            require_writer(request, form_checked=True)
        settings = settings_of(request)
        fetch = request.app.state.fetch_page
        page = await run_in_threadpool(page_for, submission, fetch, allow_private=settings.allow_private_urls)
        extracted = await request.app.state.worker.extract(page, submission.form)
    except (ApiError, NewsledgerError) as err:
        status = err.status if isinstance(err, ApiError) else 400
        context = {"values": fields, "result": None, "error": str(err)}
        return render(request, "add.html", context, status=status)
    stored = views.store_extracted(request.app.state.ledger, extracted) if submission.store else None
    result = await run_in_threadpool(views.extracted_view, extracted, stored)
    context = {"values": fields, "result": result, "error": None}
    return await run_in_threadpool(render, request, "add.html", context)


@router.get("/signin")
async def signin_form(request: Request):
    return render(
        request, "signin.html", {"error": None, "next": safe_next(request.query_params.get("next"))}
    )


@router.post("/signin")
async def signin_submit(request: Request):
    fields = await form_fields(request)
    require_csrf(request, fields.get("csrf_token"))
    settings = settings_of(request)
    target = safe_next(fields.get("next"))
    if not settings.token or not check_token(request, fields.get("token")):
        if request.app.state.throttle.blocked(client_of(request)):
            context = {"error": "Too many wrong tokens from this address; wait a minute.", "next": target}
            return render(request, "signin.html", context, status=429)
        context = {"error": "That token is not the operator's token.", "next": target}
        return render(request, "signin.html", context, status=401)
    sessions = request.app.state.sessions
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        AUTH_COOKIE,
        sessions.start(),
        max_age=int(sessions.lifetime),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/signout")
async def signout(request: Request):
    fields = await form_fields(request)
    require_csrf(request, fields.get("csrf_token"))
    sessions = request.app.state.sessions
    if fields.get("everywhere") == "on" and cookie_signed_in(request):
        sessions.end_all()
    sessions.end(request.cookies.get(AUTH_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(AUTH_COOKIE, path="/")
    return response


def safe_next(target: str | None) -> str:
    """Only same-site paths, so a sign-in link cannot send anyone elsewhere."""
    if target and SAME_SITE_PATH.fullmatch(target) and not target.startswith("//"):
        return target
    return "/"


SAME_SITE_PATH = re.compile(r"/[A-Za-z0-9/_.~%?=&+-]*")


# --------------------------------------------------------------------------- ledger-backed pages


@router.get("/")
@router.get("/search")
async def search_page(request: Request):
    require_reader(request)
    query = request.query_params
    ledger = request.app.state.ledger
    context = {"results": None, "error": None, "stats": None, "base_query": "", "reading": None}
    try:
        params = form_search_params(**{key: query.get(key, "") for key in SEARCH_FIELDS})
    except ApiError as err:
        params = as_typed(query)
        context["error"] = err.message
    context["params"] = params
    if params.active and not context["error"]:
        context["results"] = views.search(ledger, params)
        context["base_query"] = query_string(params)
        context["reading"] = views.query_reading(params.q)
    elif not context["error"]:
        context["stats"] = views.stats(ledger)
    return render(request, "search.html", context, status=400 if context["error"] else 200)


SEARCH_FIELDS = ("q", "scope", "speaker", "site", "since", "until", "kind", "cursor")


def as_typed(query) -> SearchParams:
    """The fields as the reader typed them, to show again beside the error they caused."""
    return SearchParams(
        q=query.get("q", "")[:500],
        scope="articles" if query.get("scope") == "articles" else "statements",
        speaker=query.get("speaker", "")[:200] or None,
        site=query.get("site", "")[:253] or None,
        since=query.get("since", "")[:40] or None,
        until=query.get("until", "")[:40] or None,
        kind=query.get("kind", "")[:40] or None,
    )


@router.get("/articles/{article_id}")
async def article_page(request: Request, article_id: ArticleId):
    require_reader(request)
    from newsledger.web.sources import article_source

    ledger = request.app.state.ledger
    stored = ledger.article(article_id)
    if stored is None:
        raise ApiError(404, "not_found", f"no article {article_id}")
    view = await run_in_threadpool(views.article_view, stored, article_source(ledger, stored.page_key))
    return await run_in_threadpool(render, request, "article.html", {"view": view})


@router.get("/speakers/{speaker_id}")
async def speaker_page(request: Request, speaker_id: SpeakerId, cursor: Cursor = None):
    require_reader(request)
    view = views.speaker(request.app.state.ledger, speaker_id, cursor)
    if view is None:
        raise ApiError(404, "not_found", f"no speaker {speaker_id}")
    return render(request, "speaker.html", {"view": view})


@router.get("/speakers")
async def speakers_page(request: Request, q: str = "", cursor: Cursor = None):
    require_reader(request)
    query = q.strip()[:200]
    view = views.speakers(request.app.state.ledger, cursor, query=query)
    base_query = urlencode({"q": query}) if query else ""
    return render(
        request, "speakers.html", {"view": view, "q": query, "base_query": base_query, "cursor": cursor}
    )


@router.get("/sites/{name}")
async def site_page(request: Request, name: str, cursor: Cursor = None):
    require_reader(request)
    view = views.site(request.app.state.ledger, name, cursor)
    if view is None:
        raise ApiError(404, "not_found", f"no site {name[:100]!r}")
    return render(request, "site.html", {"view": view})


@router.get("/sites")
async def sites_page(request: Request, cursor: Cursor = None):
    require_reader(request)
    return render(
        request, "sites.html", {"view": views.sites(request.app.state.ledger, cursor), "cursor": cursor}
    )
