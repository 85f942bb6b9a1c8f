"""Writing prepared pages: each page with its article, authors, statements and speakers in one
transaction, so that a run killed at any moment leaves whole pages or nothing."""

from __future__ import annotations

from newsledger.ledger import site_counts
from newsledger.ledger.db import Database, now
from newsledger.ledger.records import StoreResult
from newsledger.ledger.rows import ArticleRow, PreparedPage, StatementRow
from newsledger.model import SourceFailure

_INSERT_PAGE = """
INSERT INTO pages (key, url, origin, fetched_at, headers, form, codec, content, size, sha256, extractor, stored_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (key) DO NOTHING RETURNING id
"""
_INSERT_ARTICLE = """
INSERT INTO articles (page_id, url, canonical_url, site, site_name, headline, published, language, text,
                      statement_count, record, extractor, stored_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
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
_INSERT_STATEMENT = """
INSERT INTO statements (article_id, position, statement_key, speaker_id, speaker_name, kind, cue_lemma, channel,
                        content, date, said_on, site, record, extractor, attribution)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
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


def store_batch(db: Database, batch: list[PreparedPage]) -> list[StoreResult]:
    """Store several pages in one transaction (faster; all or none of them survive a crash)."""
    with db.transaction():
        return [_store_in_transaction(db, prepared) for prepared in batch]


def _store_in_transaction(db: Database, prepared: PreparedPage) -> StoreResult:
    page = prepared.page
    stamp = now()
    row = db.execute(
        _INSERT_PAGE,
        (page.key, page.url, page.origin, page.fetched_at, page.headers, page.form, page.codec, page.content,
         page.size, page.sha256, prepared.extractor, stamp),
    ).fetchone()
    if row is None:
        existing = db.execute(
            "SELECT p.id, a.id FROM pages p LEFT JOIN articles a ON a.page_id = p.id WHERE p.key = ?", (page.key,)
        ).fetchone()
        return StoreResult(page_id=existing[0], stored=False, article_id=existing[1])
    page_id = row[0]
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


def write_article(db: Database, page_id: int, prepared: PreparedPage, stamp: str) -> int:
    """Insert the article of a stored page with its authors, statements and speaker mentions."""
    article: ArticleRow = prepared.article  # type: ignore[assignment]
    article_id = db.execute(
        _INSERT_ARTICLE,
        (page_id, article.url, article.canonical_url, article.site, article.site_name, article.headline,
         article.published, article.language, article.text, len(prepared.statements), article.record,
         article.extractor, stamp),
    ).fetchone()[0]
    if article.authors:
        db.executemany(
            _INSERT_AUTHOR,
            [(article_id, i, name, role, url, article.extractor) for i, (name, role, url) in enumerate(article.authors)],
        )
    speaker_ids = _write_speakers(db, prepared.statements)
    site_counts.add_article(db, article, prepared.statements, speaker_ids)
    db.executemany(
        _INSERT_STATEMENT,
        [_statement_params(article_id, i, s, speaker_ids, article.site) for i, s in enumerate(prepared.statements)],
    )
    mentions = [
        (speaker_ids[m.speaker_key], article_id, m.mention, m.description, m.resolution, m.statement_count,
         prepared.extractor)
        for m in prepared.mentions
        if m.speaker_key in speaker_ids
    ]
    if mentions:
        db.executemany(_INSERT_MENTION, mentions)
    return article_id


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


def replace_article(db: Database, page_id: int, prepared: PreparedPage) -> StoreResult:
    """Re-extraction: swap a stored page's article for a new one, atomically."""
    with db.transaction():
        delete_article_of_page(db, page_id)
        stamp = now()
        db.execute("UPDATE pages SET extractor = ? WHERE id = ?", (prepared.extractor, page_id))
        if prepared.failure is not None:
            write_failure(db, prepared.failure, prepared.page.key, prepared.extractor, stamp)
        if prepared.article is None:
            return StoreResult(page_id=page_id, stored=True, failed=True)
        article_id = write_article(db, page_id, prepared, stamp)
        return StoreResult(page_id=page_id, stored=True, article_id=article_id, statements=len(prepared.statements))
