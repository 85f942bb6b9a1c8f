"""Streaming the ledger out, a batch of rows at a time (keyset order, constant memory).

Every flat column is described in ``docs/schema.md`` (section "Export columns")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec

from newsledger.ledger.db import Database
from newsledger.model import Article, Statement

ARTICLE_COLUMNS = (
    "article_id", "page_key", "url", "canonical_url", "site", "site_name", "headline", "published", "modified",
    "language", "page_type", "authors", "statement_count", "extractor", "stored_at", "text",
)
STATEMENT_COLUMNS = (
    "statement_id", "article_id", "position", "statement_key", "speaker_id", "speaker", "speaker_kind",
    "speaker_description", "speaker_resolution", "speaker_mention", "kind", "attribution", "cue_lemma", "cue", "channel",
    "addressee", "content", "part", "content_start", "content_end", "date", "said_on", "confidence", "nested_in",
    "site", "url", "headline", "extractor",
)
FAILURE_COLUMNS = ("input", "stage", "reason", "attempts", "first_at", "last_at", "page_key")
INTEGER_COLUMNS = frozenset(
    {"article_id", "statement_id", "position", "speaker_id", "statement_count", "content_start", "content_end",
     "attempts"}
)
FLOAT_COLUMNS = frozenset({"confidence"})

_ARTICLE_SQL = (
    "SELECT a.id, p.key, a.url, a.canonical_url, a.site, a.site_name, a.headline, a.published,"
    " a.language, a.statement_count, a.extractor, a.stored_at, a.text, a.record"
    " FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id > ? ORDER BY a.id LIMIT ?"
)
_STATEMENT_SQL = (
    "SELECT s.id, s.article_id, s.position, s.statement_key, s.speaker_id, s.speaker_name, s.kind, s.cue_lemma,"
    " s.channel, s.content, s.date, s.said_on, s.site, coalesce(a.url, a.canonical_url), a.headline, s.extractor,"
    " s.record FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id > ? ORDER BY s.id LIMIT ?"
)
_article_decoder = msgspec.json.Decoder(Article)
_statement_decoder = msgspec.json.Decoder(Statement)


def _batches(db: Database, sql: str, batch: int) -> Iterator[tuple]:
    last = 0
    while True:
        rows = db.fetchall(sql, (last, batch))
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def _article_row(row: tuple) -> dict[str, Any]:
    (article_id, key, url, canonical, site, site_name, headline, published, language, statements, extractor,
     stored_at, text, record) = row
    article = _article_decoder.decode(record)
    return {
        "article_id": article_id, "page_key": key, "url": url, "canonical_url": canonical, "site": site,
        "site_name": site_name, "headline": headline, "published": published,
        "modified": article.modified.value if article.modified else None, "language": language,
        "page_type": article.page_type.value if article.page_type else None,
        "authors": "; ".join(author.name for author in article.authors) or None,
        "statement_count": statements, "extractor": extractor, "stored_at": stored_at, "text": text,
    }


def _statement_row(row: tuple) -> dict[str, Any]:
    (statement_id, article_id, position, key, speaker_id, speaker, kind, lemma, channel, content, date, said_on,
     site, url, headline, extractor, record) = row
    statement = _statement_decoder.decode(record)
    who = statement.speaker
    return {
        "statement_id": statement_id, "article_id": article_id, "position": position, "statement_key": key,
        "speaker_id": speaker_id, "speaker": speaker, "speaker_kind": who.kind, "speaker_description": who.description,
        "speaker_resolution": who.resolution, "speaker_mention": who.mention.text if who.mention else None,
        "kind": kind, "attribution": statement.attribution, "cue_lemma": lemma, "cue": statement.cue.span.text or None, "channel": channel,
        "addressee": statement.addressee.name if statement.addressee else None, "content": content,
        "part": statement.part, "content_start": statement.content.start, "content_end": statement.content.end,
        "date": date, "said_on": said_on, "confidence": statement.confidence, "nested_in": statement.nested_in,
        "site": site, "url": url, "headline": headline, "extractor": extractor,
    }


def article_rows(db: Database, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Flat article rows (with the body text and authors), in id order."""
    for row in _batches(db, _ARTICLE_SQL, batch):
        yield _article_row(row)


def statement_rows(db: Database, *, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Flat statement rows with their speaker, offsets and their article's URL and headline, in id order."""
    for row in _batches(db, _STATEMENT_SQL, batch):
        yield _statement_row(row)


def failure_rows(db: Database, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every recorded failure, oldest first."""
    from newsledger.ledger.read import iter_failures

    for failure in iter_failures(db, batch=batch):
        yield {column: getattr(failure, column) for column in FAILURE_COLUMNS}


def article_documents(db: Database, *, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Each article as its full record with its statements' full records and its origins."""
    from newsledger.ledger.read import origins

    for row in _batches(db, _ARTICLE_SQL, batch):
        statements = db.fetchall("SELECT record FROM statements WHERE article_id = ? ORDER BY position", (row[0],))
        document = _article_row(row)
        del document["text"]
        page_id = db.scalar("SELECT page_id FROM articles WHERE id = ?", (row[0],))
        document["origins"] = msgspec.to_builtins(origins(db, page_id))
        document["article"] = msgspec.json.decode(row[-1])
        document["statements"] = [msgspec.json.decode(s[0]) for s in statements]
        yield document


def statement_documents(db: Database, *, batch: int = 2000) -> Iterator[dict[str, Any]]:
    for row in _batches(db, _STATEMENT_SQL, batch):
        document = _statement_row(row)
        document["statement"] = msgspec.json.decode(row[-1])
        yield document
