"""The web server's settings, declared once: read from the environment, then defaults."""

from __future__ import annotations

import os
import secrets

import msgspec

from newsledger.errors import ConfigError

MEGABYTE = 1024 * 1024
# Wrong tokens are throttled but never lock out the right one, so length is what stops guessing.
MIN_TOKEN_LENGTH = 16


class WebSettings(msgspec.Struct, frozen=True, kw_only=True):
    """What the operator chooses when starting the server.

    ``token`` guards every write (adding pages, ingesting); without one, writes are refused.
    ``private`` puts the read pages and endpoints behind the same token. ``secret`` signs the
    cookies (sign-in, CSRF); a random one per process unless given. ``extract_timeout`` bounds
    the processing of one submitted page, in seconds. A sign-in lasts ``session_hours``.
    """

    db: str
    token: str | None = None
    private: bool = False
    secret: str = ""
    max_body_bytes: int = 8 * MEGABYTE
    allow_private_urls: bool = False
    extract_timeout: float = 20.0
    session_hours: float = 12.0

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)


def _env_flag(name: str) -> bool | None:
    value = os.environ.get(name)
    if value is None:
        return None
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{name} must be true or false, not {value!r}")


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, not {value!r}") from None


def load_settings(
    db: str, *, token: str | None = None, private: bool | None = None, secret: str | None = None
) -> WebSettings:
    """Settings from explicit values first, then ``NEWSLEDGER_*`` variables, then defaults."""
    chosen_token = token or os.environ.get("NEWSLEDGER_TOKEN") or None
    chosen_private = private if private is not None else bool(_env_flag("NEWSLEDGER_PRIVATE"))
    if chosen_private and not chosen_token:
        raise ConfigError("a private server needs a token (--token or NEWSLEDGER_TOKEN)")
    if chosen_token is not None and len(chosen_token) < MIN_TOKEN_LENGTH:
        raise ConfigError(
            f"the token must be at least {MIN_TOKEN_LENGTH} characters long "
            "(make one with: python -c 'import secrets; print(secrets.token_urlsafe(24))')"
        )
    return WebSettings(
        db=db,
        token=chosen_token,
        private=chosen_private,
        secret=secret or os.environ.get("NEWSLEDGER_SECRET") or secrets.token_urlsafe(32),
        max_body_bytes=_env_int("NEWSLEDGER_MAX_BODY_BYTES", 8 * MEGABYTE),
        allow_private_urls=bool(_env_flag("NEWSLEDGER_ALLOW_PRIVATE_URLS")),
        extract_timeout=float(_env_int("NEWSLEDGER_EXTRACT_TIMEOUT", 20)),
        session_hours=float(_env_int("NEWSLEDGER_SESSION_HOURS", 12)),
    )
