"""Search queries and cursors.

The query language is the one web search taught everyone: words (all must match), ``"a phrase"``,
``OR`` between alternatives, ``-word`` to exclude, ``word*`` for a prefix (SQLite only). It is
translated for FTS5 here; PostgreSQL reads it with ``websearch_to_tsquery``. Cursors are opaque
strings: base64 of a small JSON object, so a client never builds one.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

from newsledger.errors import InputError

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+", re.UNICODE)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term(token: str) -> str | None:
    """One query token as an FTS5 string; None when it has no searchable characters."""
    if token.startswith('"'):
        words = _WORD.findall(token)
        return _quote(" ".join(words)) if words else None
    prefix = token.endswith("*")
    words = _WORD.findall(token)
    if not words:
        return None
    phrase = _quote(" ".join(words))
    return phrase + "*" if prefix else phrase


def fts5_query(query: str) -> str:
    """The FTS5 MATCH expression for a user query; raises InputError when nothing is searchable."""
    positives: list[str] = []
    negatives: list[str] = []
    pending_or = False
    for token in _TOKEN.findall(query):
        if token == "OR":
            pending_or = bool(positives)
            continue
        negative = token.startswith("-") and len(token) > 1
        term = _term(token[1:] if negative else token)
        if term is None:
            continue
        if negative:
            negatives.append(term)
        elif pending_or:
            positives[-1] = f"{positives[-1]} OR {term}"
            pending_or = False
        else:
            positives.append(term)
    if not positives:
        raise InputError("the search query has no words to look for", input_name=repr(query))
    expression = " AND ".join(f"({part})" if " OR " in part else part for part in positives)
    for term in negatives:
        expression = f"({expression}) NOT {term}"
    return expression


def encode_cursor(position: dict[str, object]) -> str:
    raw = json.dumps(position, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> dict[str, object]:
    """The position a cursor stands for ({} for None); raises InputError for a malformed cursor."""
    if not cursor:
        return {}
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        position = json.loads(raw)
    except (ValueError, binascii.Error, RecursionError):
        raise InputError("not a cursor this ledger issued", input_name=cursor) from None
    if not isinstance(position, dict):
        raise InputError("not a cursor this ledger issued", input_name=cursor)
    return position
