"""Dates as feeds and sitemaps write them (RFC 822, ISO 8601 / W3C), read to ISO 8601. Pure."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime


def listing_date(raw: str | None) -> str | None:
    """An ISO 8601 date or date-time (UTC when the source gave a zone), or None if unreadable."""
    if not raw:
        return None
    raw = raw.strip()
    parsed = _iso(raw) or _rfc822(raw)
    if parsed is None:
        return None
    if isinstance(parsed, dt.datetime):
        if parsed.tzinfo is not None:
            try:
                parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
            except OverflowError:  # year 1 or 9999 pushed over the edge by its offset
                return None
        return parsed.isoformat(timespec="seconds")
    return parsed.isoformat()


def _iso(raw: str) -> dt.date | dt.datetime | None:
    text = raw.replace("Z", "+00:00").replace("z", "+00:00")
    try:
        return (
            dt.datetime.fromisoformat(text)
            if "T" in text or " " in text.strip()
            else dt.date.fromisoformat(text)
        )
    except ValueError:
        pass
    if len(text) == 7 and text[4] == "-":  # W3C's year-month
        try:
            return dt.date.fromisoformat(text + "-01")
        except ValueError:
            return None
    return None


def _rfc822(raw: str) -> dt.datetime | None:
    try:
        return parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def on_or_after(published: str | None, since: str | None) -> bool:
    """True when there is no window, no date, or the date falls on or after ``since``."""
    return since is None or published is None or published[: len(since)] >= since[: len(published)]
