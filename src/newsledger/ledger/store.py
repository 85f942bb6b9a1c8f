"""Writing prepared pages: each page with its article, authors, statements and speakers in one
transaction, so that a run killed at any moment leaves whole pages or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import msgspec

from newsledger.ledger import site_counts
from newsledger.ledger.db import Database, now
from newsledger.ledger.records import StoreResult
from newsledger.ledger.rows import ArticleRow, PreparedPage, StatementRow, span_key
from newsledger.model import Page, SourceFailure, Statement

_INSERT_PAGE = """
INSERT INTO pages (key, url, origin, fetched_at, headers, form, codec, content, size, sha256, extractor, stored_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (key) DO NOTHING RETURNING id
"""
_ARTICLE_COLUMNS = (
    "page_id, url, canonical_url, site, site_name, headline, published, language, text, statement_count, record,"
    " extractor, stored_at, url_key, page_type"
)
_INSERT_ARTICLE = f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 15)}) RETURNING id"
# Re-extraction writes the article back under the id it had, so links to it keep working.
_INSERT_ARTICLE_WITH_ID = f"INSERT INTO articles (id, {_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 16)}) RETURNING id"
_INSERT_ORIGIN = """
INSERT INTO page_origins (page_id, key, origin, url, fetched_at, seen_at, matched_by) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (key) DO NOTHING
"""
_INSERT_AUTHOR = "INSERT INTO authors (article_id, position, name, role, url, extractor) VALUES (?, ?, ?, ?, ?, ?)"
_UPSERT_SPEAKER = """
INSERT INTO speakers (key, name, kind, statement_count, first_said, last_said, extractor)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (key) DO UPDATE SET
    statement_count = speakers.statement_count + excluded.statement_count,
    kind = CASE WHEN speakers.kind = 'unknown' THEN excluded.kind ELSE speakers.kind END,
    first_said = CASE WHEN speakers.first_said IS NULL OR excluded.first_said < speakers.first_said
                      THEN coalesce(excluded.first_said, speakers.first_said) ELSE speakers.first_said END,
    last_said = CASE WHEN speakers.last_said IS NULL OR excluded.last_said > speakers.last_said
                     THEN coalesce(excluded.last_said, speakers.last_said) ELSE speakers.last_said END
RETURNING id
"""
_STATEMENT_COLUMNS = (
    "article_id, position, statement_key, speaker_id, speaker_name, kind, cue_lemma, channel, content, date, said_on,"
    " site, record, extractor, attribution"
)
_INSERT_STATEMENT = f"INSERT INTO statements ({_STATEMENT_COLUMNS}) VALUES ({', '.join('?' * 15)})"
_INSERT_STATEMENT_WITH_ID = f"INSERT INTO statements (id, {_STATEMENT_COLUMNS}) VALUES ({', '.join('?' * 16)})"
_INSERT_MENTION = """
INSERT INTO speaker_mentions (speaker_id, article_id, mention, description, resolution, statement_count, extractor)
VALUES (?, ?, ?, ?, ?, ?, ?)
"""
_UPSERT_FAILURE = """
INSERT INTO failures (input, page_key, stage, reason, attempts, first_at, last_at, extractor)
VALUES (?, ?, ?, ?, 1, ?, ?, ?)
ON CONFLICT (input, stage, reason) DO UPDATE SET attempts = failures.attempts + 1, last_at = excluded.last_at
"""


def store_prepared(db: Database, prepared: PreparedPage) -> StoreResult:
    """Store one page atomically; a page whose key is already stored is left as it is."""
    with db.transaction():
        return _store_in_transaction(db, prepared)


def store_batch(
    db: Database, batch: list[PreparedPage], then: Callable[[list[StoreResult]], None] | None = None
) -> list[StoreResult]:
    """Store several pages in one transaction (faster; all or none of them survive a crash).
    ``then`` runs inside the same transaction with the results, so what a caller records about
    the stored pages survives a crash exactly when the pages do."""
    with db.transaction():
        results = [_store_in_transaction(db, prepared) for prepared in batch]
        if then is not None:
            then(results)
        return results


def _store_in_transaction(db: Database, prepared: PreparedPage) -> StoreResult:
    page = prepared.page
    stamp = now()
    duplicate = _stored_copy(db, prepared)
    if duplicate is not None:
        page_id, article_id, matched_by = duplicate
        if matched_by != "key":
            _write_origin(db, page_id, prepared, stamp, matched_by)
        return StoreResult(page_id=page_id, stored=False, article_id=article_id, duplicate=matched_by != "key")
    row = db.execute(
        _INSERT_PAGE,
        (page.key, page.url, page.origin, page.fetched_at, page.headers, page.form, page.codec, page.content,
         page.size, page.sha256, prepared.extractor, stamp),
    ).fetchone()
    page_id = row[0]
    _write_origin(db, page_id, prepared, stamp, "key")
    if prepared.failure is not None:
        write_failure(db, prepared.failure, page.key, prepared.extractor, stamp)
    if prepared.article is None:
        return StoreResult(page_id=page_id, stored=True, failed=True)
    article_id = write_article(db, page_id, prepared, stamp)
    return StoreResult(
        page_id=page_id,
        stored=True,
        article_id=article_id,
        statements=len(prepared.statements),
        failed=prepared.failure is not None,
    )


_PAGE_AND_ARTICLE = "SELECT p.id, a.id FROM pages p LEFT JOIN articles a ON a.page_id = p.id"


def _stored_copy(db: Database, prepared: PreparedPage) -> tuple[int, int | None, str] | None:
    """The stored page this one repeats, as (page id, article id, how it was matched): by its key
    (seen before under this name), its content hash (the same bytes from elsewhere) or its
    article's address (the same article read again); None for a new page."""
    page = prepared.page
    row = db.execute(
        "SELECT o.page_id, a.id FROM page_origins o LEFT JOIN articles a ON a.page_id = o.page_id WHERE o.key = ?",
        (page.key,),
    ).fetchone()
    if row is not None:
        return row[0], row[1], "key"
    row = None
    if page.sha256:  # rows made without the page's bytes (synthetic ones) carry no hash
        row = db.execute(f"{_PAGE_AND_ARTICLE} WHERE p.sha256 = ? ORDER BY p.id LIMIT 1", (page.sha256,)).fetchone()
    if row is not None:
        return row[0], row[1], "content"
    url_key = prepared.article.url_key if prepared.article else None
    if url_key:
        row = db.execute("SELECT page_id, id FROM articles WHERE url_key = ? ORDER BY id LIMIT 1", (url_key,)).fetchone()
        if row is not None:
            return row[0], row[1], "url"
    return None


def store_copy(db: Database, page: Page) -> StoreResult | None:
    """Record ``page`` as another sighting of a stored page with the same bytes, if there is one."""
    digest = hashlib.sha256(page.content).hexdigest()
    with db.transaction():
        row = db.execute(f"{_PAGE_AND_ARTICLE} WHERE p.sha256 = ? ORDER BY p.id LIMIT 1", (digest,)).fetchone()
        if row is None:
            return None
        db.execute(_INSERT_ORIGIN, (row[0], page.key, page.origin, page.url, page.fetched_at, now(), "content"))
    return StoreResult(page_id=row[0], stored=False, article_id=row[1], duplicate=True)


def _write_origin(db: Database, page_id: int, prepared: PreparedPage, stamp: str, matched_by: str) -> None:
    page = prepared.page
    db.execute(_INSERT_ORIGIN, (page_id, page.key, page.origin, page.url, page.fetched_at, stamp, matched_by))


def write_article(
    db: Database, page_id: int, prepared: PreparedPage, stamp: str, *, article_id: int | None = None,
    statement_ids: dict[str, list[int]] | None = None,
) -> int:
    """Insert the article of a stored page with its authors, statements and speaker mentions.

    ``article_id`` and ``statement_ids`` (ids by span key, see ``rows.span_key``) give the ids
    the rows had before re-extraction; statements with no old id get new ones."""
    article: ArticleRow = prepared.article  # type: ignore[assignment]
    values = (page_id, article.url, article.canonical_url, article.site, article.site_name, article.headline,
              article.published, article.language, article.text, len(prepared.statements), article.record,
              article.extractor, stamp, article.url_key, article.page_type)
    if article_id is None:
        article_id = db.execute(_INSERT_ARTICLE, values).fetchone()[0]
    else:
        db.execute(_INSERT_ARTICLE_WITH_ID, (article_id, *values)).fetchone()
    if article.authors:
        db.executemany(
            _INSERT_AUTHOR,
            [(article_id, i, name, role, url, article.extractor) for i, (name, role, url) in enumerate(article.authors)],
        )
    speaker_ids = _write_speakers(db, prepared.statements)
    site_counts.add_article(db, article, prepared.statements, speaker_ids)
    _write_statements(db, article_id, prepared.statements, speaker_ids, article.site, statement_ids or {})
    mentions = [
        (speaker_ids[m.speaker_key], article_id, m.mention, m.description, m.resolution, m.statement_count,
         prepared.extractor)
        for m in prepared.mentions
        if m.speaker_key in speaker_ids
    ]
    if mentions:
        db.executemany(_INSERT_MENTION, mentions)
    return article_id


def _write_statements(
    db: Database, article_id: int, statements: tuple[StatementRow, ...], speaker_ids: dict[str, int], site: str,
    old_ids: dict[str, list[int]],
) -> None:
    fresh, kept = [], []
    for i, statement in enumerate(statements):
        params = _statement_params(article_id, i, statement, speaker_ids, site)
        reused = old_ids.get(statement.span_key)
        if reused:
            kept.append((reused.pop(0), *params))
        else:
            fresh.append(params)
    if kept:
        db.executemany(_INSERT_STATEMENT_WITH_ID, kept)
    if fresh:
        db.executemany(_INSERT_STATEMENT, fresh)


def _write_speakers(db: Database, statements: tuple[StatementRow, ...]) -> dict[str, int]:
    """Upsert each speaker of the article once, adding its statements to its count."""
    grouped: dict[str, list[StatementRow]] = {}
    for statement in statements:
        if statement.speaker is not None:
            grouped.setdefault(statement.speaker.key, []).append(statement)
    ids: dict[str, int] = {}
    for key, said in grouped.items():
        speaker = said[0].speaker
        dates = sorted(s.said_on for s in said if s.said_on)
        first, last = (dates[0], dates[-1]) if dates else (None, None)
        params = (key, speaker.name, speaker.kind, len(said), first, last, said[0].extractor)  # type: ignore[union-attr]
        ids[key] = db.execute(_UPSERT_SPEAKER, params).fetchone()[0]
    return ids


def _statement_params(article_id: int, position: int, s: StatementRow, speaker_ids: dict[str, int], site: str) -> tuple:
    speaker_id = speaker_ids.get(s.speaker.key) if s.speaker else None
    speaker_name = s.speaker.name if s.speaker else None
    return (article_id, position, s.statement_key, speaker_id, speaker_name, s.kind, s.cue_lemma, s.channel,
            s.content, s.date, s.said_on, site, s.record, s.extractor, s.attribution)


def write_failure(db: Database, failure: SourceFailure, page_key: str | None, extractor: str, stamp: str) -> None:
    db.execute(_UPSERT_FAILURE, (failure.input, page_key, failure.stage, failure.reason, stamp, stamp, extractor))


def delete_article_of_page(db: Database, page_id: int) -> None:
    """Remove a page's article and everything derived from it (before re-extraction)."""
    share = site_counts.article_share(db, page_id)
    rows = db.execute(
        "SELECT speaker_id, count(*) FROM statements WHERE article_id IN (SELECT id FROM articles WHERE page_id = ?)"
        " AND speaker_id IS NOT NULL GROUP BY speaker_id",
        (page_id,),
    ).fetchall()
    if rows:
        db.executemany("UPDATE speakers SET statement_count = statement_count - ? WHERE id = ?", [(n, sid) for sid, n in rows])
    article_ids = "(SELECT id FROM articles WHERE page_id = ?)"
    for table in ("speaker_mentions", "statements", "authors"):
        db.execute(f"DELETE FROM {table} WHERE article_id IN {article_ids}", (page_id,))
    db.execute("DELETE FROM articles WHERE page_id = ?", (page_id,))
    if share is not None:
        site_counts.remove_article(db, share)


def _ids_of_page(db: Database, page_id: int) -> tuple[int | None, dict[str, list[int]]]:
    """The id of a stored page's article and its statements' ids by span key, oldest first."""
    row = db.execute("SELECT id FROM articles WHERE page_id = ?", (page_id,)).fetchone()
    if row is None:
        return None, {}
    ids: dict[str, list[int]] = {}
    for statement_id, record in db.execute(
        "SELECT id, record FROM statements WHERE article_id = ? ORDER BY id", (row[0],)
    ).fetchall():
        ids.setdefault(span_key(msgspec.json.decode(record, type=Statement)), []).append(statement_id)
    return row[0], ids


def replace_article(db: Database, page_id: int, prepared: PreparedPage) -> StoreResult:
    """Re-extraction: swap a stored page's article for a new one, atomically. The article keeps
    its id, and each statement whose part and content offsets are unchanged keeps its id."""
    with db.transaction():
        article_id, statement_ids = _ids_of_page(db, page_id)
        delete_article_of_page(db, page_id)
        stamp = now()
        db.execute("UPDATE pages SET extractor = ? WHERE id = ?", (prepared.extractor, page_id))
        if prepared.failure is not None:
            write_failure(db, prepared.failure, prepared.page.key, prepared.extractor, stamp)
        if prepared.article is None:
            return StoreResult(page_id=page_id, stored=True, failed=True)
        article_id = write_article(db, page_id, prepared, stamp, article_id=article_id, statement_ids=statement_ids)
        return StoreResult(page_id=page_id, stored=True, article_id=article_id, statements=len(prepared.statements))
