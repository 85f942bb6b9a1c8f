"""Who may do what: the operator's token for writes (and for reads on a private server)."""

from __future__ import annotations

from fastapi import Request

from newsledger.web.errors import ApiError
from newsledger.web.security import (
    AUTH_COOKIE,
    CSRF_COOKIE,
    auth_cookie_for,
    bearer_token,
    csrf_valid,
    same,
)
from newsledger.web.settings import WebSettings


def settings_of(request: Request) -> WebSettings:
    return request.app.state.settings


def signed_in(request: Request) -> bool:
    """True when the request carries the operator's token, as a bearer header or a sign-in cookie."""
    settings = settings_of(request)
    if not settings.token:
        return False
    if same(bearer_token(request.headers.get("authorization")), settings.token):
        return True
    return same(request.cookies.get(AUTH_COOKIE), auth_cookie_for(settings.secret, settings.token))


def require_reader(request: Request) -> None:
    if settings_of(request).private and not signed_in(request):
        raise ApiError(401, "unauthorized", "this server is private: sign in or send the bearer token")


def require_writer(request: Request) -> None:
    settings = settings_of(request)
    if not settings.writes_enabled:
        raise ApiError(403, "writes_disabled", "writing is disabled: the operator has set no token")
    if not signed_in(request):
        raise ApiError(401, "unauthorized", "writing needs the operator's bearer token")


def require_csrf(request: Request, field_value: str | None) -> None:
    """Forms posted with cookies must carry the signed double-submit token."""
    settings = settings_of(request)
    if not csrf_valid(settings.secret, request.cookies.get(CSRF_COOKIE), field_value):
        raise ApiError(
            403, "csrf", "the form has expired or did not come from this site; reload it and retry"
        )
