"""The HTML pages. Each one renders what its JSON twin under /api returns."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from newsledger.errors import NewsledgerError
from newsledger.web import views
from newsledger.web.access import require_csrf, require_reader, require_writer, settings_of, signed_in
from newsledger.web.errors import ApiError
from newsledger.web.rendering import render
from newsledger.web.security import AUTH_COOKIE, auth_cookie_for, same
from newsledger.web.submit import Submission, check_submission, extract_submitted, page_for

router = APIRouter(include_in_schema=False)

FORMS = ("auto", "html", "text")


async def form_fields(request: Request) -> dict[str, str]:
    form = await request.form()
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
            require_writer(request)
        settings = settings_of(request)
        page = await run_in_threadpool(page_for, submission, allow_private=settings.allow_private_urls)
        extracted = await run_in_threadpool(extract_submitted, page, submission.form)
    except (ApiError, NewsledgerError) as err:
        status = err.status if isinstance(err, ApiError) else 400
        context = {"values": fields, "result": None, "error": str(err)}
        return render(request, "add.html", context, status=status)
    stored = views.store_extracted(request.app.state.ledger, extracted) if submission.store else None
    context = {"values": fields, "result": views.extracted_view(extracted, stored), "error": None}
    return render(request, "add.html", context)


@router.get("/signin")
async def signin_form(request: Request):
    return render(request, "signin.html", {"error": None, "next": safe_next(request.query_params.get("next"))})


@router.post("/signin")
async def signin_submit(request: Request):
    fields = await form_fields(request)
    require_csrf(request, fields.get("csrf_token"))
    settings = settings_of(request)
    target = safe_next(fields.get("next"))
    if not settings.token or not same(fields.get("token"), settings.token):
        context = {"error": "That token is not the operator's token.", "next": target}
        return render(request, "signin.html", context, status=401)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        AUTH_COOKIE,
        auth_cookie_for(settings.secret, settings.token),
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
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(AUTH_COOKIE, path="/")
    return response


def safe_next(target: str | None) -> str:
    """Only same-site paths, so a sign-in link cannot send anyone elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


__all__ = ["router", "signed_in"]
