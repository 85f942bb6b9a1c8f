"""Streaming the ledger out, a batch of rows at a time (keyset order, constant memory)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec

from newsledger.ledger.db import Database

ARTICLE_COLUMNS = (
    "article_id", "page_key", "url", "canonical_url", "site", "site_name", "headline", "published", "language",
    "statement_count", "extractor", "stored_at",
)
STATEMENT_COLUMNS = (
    "statement_id", "article_id", "position", "statement_key", "speaker_id", "speaker", "kind", "cue_lemma",
    "channel", "content", "date", "said_on", "site", "url", "headline", "extractor",
)

_ARTICLE_SQL = (
    "SELECT a.id, p.key, a.url, a.canonical_url, a.site, a.site_name, a.headline, a.published, a.language,"
    " a.statement_count, a.extractor, a.stored_at, a.record FROM articles a JOIN pages p ON p.id = a.page_id"
    " WHERE a.id > ? ORDER BY a.id LIMIT ?"
)
_STATEMENT_SQL = (
    "SELECT s.id, s.article_id, s.position, s.statement_key, s.speaker_id, s.speaker_name, s.kind, s.cue_lemma,"
    " s.channel, s.content, s.date, s.said_on, s.site, coalesce(a.url, a.canonical_url), a.headline, s.extractor,"
    " s.record FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id > ? ORDER BY s.id LIMIT ?"
)


def _batches(db: Database, sql: str, batch: int) -> Iterator[tuple]:
    last = 0
    while True:
        rows = db.fetchall(sql, (last, batch))
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def article_rows(db: Database, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Flat article rows (no body text), in id order."""
    for row in _batches(db, _ARTICLE_SQL, batch):
        yield dict(zip(ARTICLE_COLUMNS, row[:-1], strict=True))


def statement_rows(db: Database, *, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Flat statement rows with their article's URL and headline, in id order."""
    for row in _batches(db, _STATEMENT_SQL, batch):
        yield dict(zip(STATEMENT_COLUMNS, row[:-1], strict=True))


def article_documents(db: Database, *, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Each article as its full record with its statements' full records."""
    for row in _batches(db, _ARTICLE_SQL, batch):
        statements = db.fetchall("SELECT record FROM statements WHERE article_id = ? ORDER BY position", (row[0],))
        document = dict(zip(ARTICLE_COLUMNS, row[:-1], strict=True))
        document["article"] = msgspec.json.decode(row[-1])
        document["statements"] = [msgspec.json.decode(s[0]) for s in statements]
        yield document


def statement_documents(db: Database, *, batch: int = 2000) -> Iterator[dict[str, Any]]:
    for row in _batches(db, _STATEMENT_SQL, batch):
        document = dict(zip(STATEMENT_COLUMNS, row[:-1], strict=True))
        document["statement"] = msgspec.json.decode(row[-1])
        yield document
