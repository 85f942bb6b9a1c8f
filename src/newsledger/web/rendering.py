"""Rendering templates: autoescaped Jinja2, with the CSRF cookie set where a page has forms."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from newsledger.counts import counted
from newsledger.web.security import CSRF_COOKIE, csrf_field_for, new_csrf_cookie

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
TEMPLATES.env.autoescape = True
TEMPLATES.env.filters["counted"] = counted


def render(request: Request, name: str, context: dict, *, status: int = 200):
    """The page ``name`` with ``context``; every page gets a CSRF token for its forms."""
    from newsledger.web.access import signed_in

    settings = request.app.state.settings
    cookie = request.cookies.get(CSRF_COOKIE)
    fresh = cookie is None
    if fresh:
        cookie = new_csrf_cookie()
    page_context = {
        "csrf_token": csrf_field_for(settings.secret, cookie),
        "signed_in": signed_in(request),
        "writes_enabled": settings.writes_enabled,
        "private": settings.private,
        **context,
    }
    response = TEMPLATES.TemplateResponse(request, name, page_context, status_code=status)
    if fresh:
        secure = request.url.scheme == "https"
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", secure=secure, path="/")
    return response
