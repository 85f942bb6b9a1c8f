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


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def check_token(request: Request, token: str | None) -> bool:
    """Whether ``token`` is the operator's; wrong tokens count against the client's address, and a
    client over the limit is not believed until its failures age out."""
    settings = settings_of(request)
    throttle = request.app.state.throttle
    client = client_of(request)
    if throttle.blocked(client):
        return False
    if settings.token and same(token, settings.token):
        return True
    throttle.failed(client)
    return False


def refuse(request: Request, message: str) -> ApiError:
    """401, or 429 once the client has sent too many wrong tokens."""
    if request.app.state.throttle.blocked(client_of(request)):
        return ApiError(429, "too_many_attempts", "too many wrong tokens from this address; wait a minute")
    return ApiError(401, "unauthorized", message)


def signed_in(request: Request) -> bool:
    """True when the request carries the operator's token, as a bearer header or a sign-in cookie."""
    settings = settings_of(request)
    if not settings.token:
        return False
    if same(request.cookies.get(AUTH_COOKIE), auth_cookie_for(settings.secret, settings.token)):
        return True
    presented = bearer_token(request.headers.get("authorization"))
    return presented is not None and check_token(request, presented)


def require_reader(request: Request) -> None:
    if settings_of(request).private and not signed_in(request):
        raise refuse(request, "this server is private: sign in or send the bearer token")


def require_writer(request: Request) -> None:
    settings = settings_of(request)
    if not settings.writes_enabled:
        raise ApiError(403, "writes_disabled", "writing is disabled: the operator has set no token")
    if not signed_in(request):
        raise refuse(request, "writing needs the operator's bearer token")


def require_csrf(request: Request, field_value: str | None) -> None:
    """Forms posted with cookies must carry the signed double-submit token."""
    settings = settings_of(request)
    if not csrf_valid(settings.secret, request.cookies.get(CSRF_COOKIE), field_value):
        raise ApiError(
            403, "csrf", "the form has expired or did not come from this site; reload it and retry"
        )
