"""Security at the edge: response headers, request size limits, tokens, CSRF, sign-in cookies.

The middlewares are plain ASGI so they wrap every response, error pages included.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from collections import deque

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

CSRF_COOKIE = "nl_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
AUTH_COOKIE = "nl_auth"


class SecurityHeadersMiddleware:
    """Adds the strict CSP and its companions to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class UnexpectedErrorMiddleware:
    """The last resort: an exception no handler answered becomes a 500 in the error shape.

    It sits inside :class:`SecurityHeadersMiddleware`, so this reply carries the same headers as
    every other; the exception goes to the log, never to the client.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            LOG.exception("unexpected error answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            message = "the server failed to answer this request; the error is in its log"
            await _send_error(send, 500, "internal_error", message)


LOG = logging.getLogger("newsledger.web")


class BodySizeLimitMiddleware:
    """Refuses request bodies larger than ``max_bytes`` with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(scope, send, self.max_bytes)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except BodyTooLarge:
            await _too_large(scope, send, self.max_bytes)


class BodyTooLarge(Exception):
    pass


async def _too_large(scope: Scope, send: Send, max_bytes: int) -> None:
    await _send_error(send, 413, "too_large", f"request body larger than {max_bytes} bytes")


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


# --------------------------------------------------------------------------- tokens


def sign(secret: str, purpose: str, value: str) -> str:
    """An HMAC of ``value`` for one ``purpose``, so a signature cannot be replayed elsewhere."""
    return hmac.new(secret.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def same(left: str | None, right: str | None) -> bool:
    return left is not None and right is not None and hmac.compare_digest(left.encode(), right.encode())


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def new_csrf_cookie() -> str:
    return secrets.token_urlsafe(24)


def csrf_field_for(secret: str, cookie_value: str) -> str:
    return sign(secret, "csrf", cookie_value)


def csrf_valid(secret: str, cookie_value: str | None, field_value: str | None) -> bool:
    """Signed double submit: the form field must be the signature of the cookie's value."""
    if not cookie_value:
        return False
    return same(csrf_field_for(secret, cookie_value), field_value)


class Sessions:
    """Sign-in sessions kept by the server: a cookie names one, and only a live one counts.

    A session ends ``lifetime`` seconds after sign-in, at sign-out (``end``), for everyone at
    ``end_all``, or when the server restarts; the cookie alone can never revive it. The oldest
    sessions make room past ``limit``.
    """

    def __init__(self, lifetime: float = 12 * 3600, limit: int = 1000, clock=time.time) -> None:
        self.lifetime = lifetime
        self.limit = limit
        self.clock = clock
        self._expiry: dict[str, float] = {}

    def start(self) -> str:
        """A new session's id, to put in the sign-in cookie."""
        now = self.clock()
        self._expiry = {sid: ends for sid, ends in self._expiry.items() if ends > now}
        while len(self._expiry) >= self.limit:
            self._expiry.pop(next(iter(self._expiry)))
        session = secrets.token_urlsafe(32)
        self._expiry[session] = now + self.lifetime
        return session

    def live(self, session: str | None) -> bool:
        ends = self._expiry.get(session or "")
        if ends is None:
            return False
        if ends <= self.clock():
            self._expiry.pop(session or "", None)
            return False
        return True

    def end(self, session: str | None) -> None:
        self._expiry.pop(session or "", None)

    def end_all(self) -> None:
        self._expiry.clear()


class FailureThrottle:
    """Counts wrong tokens per client address; past ``limit`` within ``window`` seconds, wrong
    tokens from that address are answered 429.

    The right token is checked first and always accepted, so the failures of others behind the
    same proxy never lock out its holder; what protects the token from guessing is its length.
    """

    def __init__(self, limit: int = 10, window: float = 60.0, clock=time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, client: str) -> deque[float]:
        failures = self._failures.setdefault(client, deque())
        horizon = self.clock() - self.window
        while failures and failures[0] < horizon:
            failures.popleft()
        return failures

    def blocked(self, client: str) -> bool:
        return len(self._recent(client)) >= self.limit

    def failed(self, client: str) -> None:
        self._recent(client).append(self.clock())
        if len(self._failures) > 10_000:
            self._failures = {key: value for key, value in self._failures.items() if value}
