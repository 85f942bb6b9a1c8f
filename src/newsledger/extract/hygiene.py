"""Input hygiene: text that always encodes, URLs and numbers read without raising. Pure.

Pages are written by anyone: a str may hold lone surrogates (which UTF-8 cannot encode), a link
may be ``http://[`` (which :mod:`urllib.parse` refuses) and a width may be ``²`` or five thousand
digits (which :func:`int` refuses). Read leniently, such values are ignored as evidence.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit

_SURROGATE = re.compile("[\ud800-\udfff]")
# Widths, heights and counts printed in pages; more digits than this is no measure.
MAX_NUMBER_DIGITS = 9


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so that it encodes to UTF-8."""
    if text.isascii():
        return text
    try:
        # UTF-8 refuses only surrogates; the encoder finds them far faster than a regex search.
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def with_utf8(text: str) -> tuple[str, bytes]:
    """``text`` as :func:`without_surrogates` returns it, and its UTF-8 encoding (the form an
    HTML parser reads, so that it need not encode the text a second time)."""
    try:
        return text, text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
        return text, text.encode("utf-8")


def split_url(url: str) -> SplitResult | None:
    """The parts of ``url``, or None when it cannot be parsed (``http://[``)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def url_host(url: str) -> str:
    """The host of ``url`` in lower case, or "" when it has none or cannot be parsed."""
    parts = split_url(url)
    if parts is None:
        return ""
    try:
        return parts.hostname or ""
    except ValueError:
        return ""


def join_url(base: str, link: str) -> str | None:
    """``link`` made absolute against ``base``; None when either cannot be parsed."""
    if split_url(base) is None or split_url(link) is None:
        return None
    try:
        return urljoin(base, link)
    except ValueError:
        return None


def bounded_int(value: str | None, max_digits: int = MAX_NUMBER_DIGITS) -> int | None:
    """The number ``value`` spells in ASCII digits (at most ``max_digits``), else None."""
    if not value or len(value) > max_digits or not value.isascii() or not value.isdigit():
        return None
    return int(value)
