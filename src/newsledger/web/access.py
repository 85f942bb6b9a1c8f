"""Who may do what: the operator's token for writes (and for reads on a private server)."""

from __future__ import annotations

from fastapi import Request

from newsledger.web.errors import ApiError
from newsledger.web.security import (
    AUTH_COOKIE,
    CSRF_COOKIE,
    CSRF_HEADER,
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
    """Whether ``token`` is the operator's; wrong tokens count against the client's address.

    The right token is believed whatever the address's count, so nobody's wrong guesses can
    lock out the operator."""
    settings = settings_of(request)
    if settings.token and same(token, settings.token):
        return True
    request.app.state.throttle.failed(client_of(request))
    return False


def refuse(request: Request, message: str) -> ApiError:
    """401, or 429 once the client has sent too many wrong tokens (the right one still works)."""
    if request.app.state.throttle.blocked(client_of(request)):
        return ApiError(429, "too_many_attempts", "too many wrong tokens from this address; wait a minute")
    return ApiError(401, "unauthorized", message)


def signed_in(request: Request) -> bool:
    """True when the request carries the operator's token, as a bearer header or a sign-in cookie."""
    return bearer_signed_in(request) or cookie_signed_in(request)


def cookie_signed_in(request: Request) -> bool:
    """A sign-in cookie naming a session the server still holds."""
    return bool(settings_of(request).token) and request.app.state.sessions.live(
        request.cookies.get(AUTH_COOKIE)
    )


def bearer_signed_in(request: Request) -> bool:
    presented = bearer_token(request.headers.get("authorization"))
    return bool(settings_of(request).token) and presented is not None and check_token(request, presented)


def require_reader(request: Request) -> None:
    if settings_of(request).private and not signed_in(request):
        raise refuse(request, "this server is private: sign in, or send the operator's token in an Authorization: Bearer header")


def require_writer(request: Request, *, form_checked: bool = False) -> None:
    """The operator's token as a bearer header, or a live sign-in cookie on a same-site request
    (``form_checked``: the form's CSRF field was already verified)."""
    settings = settings_of(request)
    if not settings.writes_enabled:
        raise ApiError(403, "writes_disabled", "writing is disabled: the operator has set no token")
    if bearer_signed_in(request):
        return
    if not cookie_signed_in(request):
        raise refuse(request, "writing needs the operator's token: sign in, or send it in an Authorization: Bearer header")
    if not (form_checked or same_site_write(request)):
        raise ApiError(
            403,
            "csrf",
            f"a write signed in by cookie needs the {CSRF_HEADER} header or an Origin of this site",
        )


def same_site_write(request: Request) -> bool:
    """A cookie-borne write must show it comes from this site's pages: the signed CSRF token (as
    the form field or header) or an ``Origin`` equal to this server's."""
    settings = settings_of(request)
    cookie = request.cookies.get(CSRF_COOKIE)
    if csrf_valid(settings.secret, cookie, request.headers.get(CSRF_HEADER)):
        return True
    origin = request.headers.get("origin")
    return origin is not None and origin == own_origin(request)


def own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


def require_csrf(request: Request, field_value: str | None) -> None:
    """Forms posted with cookies must carry the signed double-submit token."""
    settings = settings_of(request)
    if not csrf_valid(settings.secret, request.cookies.get(CSRF_COOKIE), field_value):
        raise ApiError(
            403, "csrf", "the form has expired or did not come from this site; reload it and retry"
        )
