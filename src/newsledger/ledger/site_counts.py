"""Per-site counts (the ``sites`` and ``site_speakers`` tables), changed in the same transaction
as the articles they count, so the sites list and a site's page never aggregate statements.

Adding an article adds to the counts and widens the date ranges; removing one subtracts, and
re-reads a range from an index only when the removed article sat at one of its ends.
"""

from __future__ import annotations

from newsledger.ledger.db import Database
from newsledger.ledger.rows import ArticleRow, StatementRow

_UPSERT_SITE = """
INSERT INTO sites (site, site_name, article_count, statement_count, first_published, last_published)
VALUES (?, ?, 1, ?, ?, ?)
ON CONFLICT (site) DO UPDATE SET
    site_name = CASE WHEN sites.site_name IS NULL OR excluded.site_name > sites.site_name
                     THEN coalesce(excluded.site_name, sites.site_name) ELSE sites.site_name END,
    article_count = sites.article_count + 1,
    statement_count = sites.statement_count + excluded.statement_count,
    first_published = CASE WHEN sites.first_published IS NULL OR excluded.first_published < sites.first_published
                           THEN coalesce(excluded.first_published, sites.first_published) ELSE sites.first_published END,
    last_published = CASE WHEN sites.last_published IS NULL OR excluded.last_published > sites.last_published
                          THEN coalesce(excluded.last_published, sites.last_published) ELSE sites.last_published END
"""
_UPSERT_SITE_SPEAKER = """
INSERT INTO site_speakers (site, speaker_id, statement_count, first_said, last_said)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (site, speaker_id) DO UPDATE SET
    statement_count = site_speakers.statement_count + excluded.statement_count,
    first_said = CASE WHEN site_speakers.first_said IS NULL OR excluded.first_said < site_speakers.first_said
                      THEN coalesce(excluded.first_said, site_speakers.first_said) ELSE site_speakers.first_said END,
    last_said = CASE WHEN site_speakers.last_said IS NULL OR excluded.last_said > site_speakers.last_said
                     THEN coalesce(excluded.last_said, site_speakers.last_said) ELSE site_speakers.last_said END
RETURNING statement_count
"""


def add_article(
    db: Database, article: ArticleRow, statements: tuple[StatementRow, ...], speaker_ids: dict[str, int]
) -> None:
    """Count a newly written article, its statements and its speakers into its site."""
    db.execute(
        _UPSERT_SITE, (article.site, article.site_name, len(statements), article.published, article.published)
    )
    new_speakers = 0
    for speaker_id, said in _by_speaker(statements, speaker_ids).items():
        dates = sorted(s.said_on for s in said if s.said_on)
        first, last = (dates[0], dates[-1]) if dates else (None, None)
        total = db.execute(_UPSERT_SITE_SPEAKER, (article.site, speaker_id, len(said), first, last)).fetchone()[0]
        new_speakers += total == len(said)
    if new_speakers:
        db.execute("UPDATE sites SET speaker_count = speaker_count + ? WHERE site = ?", (new_speakers, article.site))


def _by_speaker(statements: tuple[StatementRow, ...], speaker_ids: dict[str, int]) -> dict[int, list[StatementRow]]:
    grouped: dict[int, list[StatementRow]] = {}
    for statement in statements:
        if statement.speaker is not None and statement.speaker.key in speaker_ids:
            grouped.setdefault(speaker_ids[statement.speaker.key], []).append(statement)
    return grouped


def article_share(db: Database, page_id: int) -> tuple[str, str | None, int, list[tuple]] | None:
    """What a page's article adds to its site: (site, published, statements, per-speaker rows
    of (speaker id, statements, first said, last said)); None when the page has no article."""
    row = db.execute(
        "SELECT id, site, published, statement_count FROM articles WHERE page_id = ?", (page_id,)
    ).fetchone()
    if row is None:
        return None
    speakers = db.execute(
        "SELECT speaker_id, count(*), min(said_on), max(said_on) FROM statements"
        " WHERE article_id = ? AND speaker_id IS NOT NULL GROUP BY speaker_id",
        (row[0],),
    ).fetchall()
    return row[1], row[2], row[3], speakers


def remove_article(db: Database, share: tuple[str, str | None, int, list[tuple]]) -> None:
    """Take a deleted article's share (from :func:`article_share`, read before deleting) out of
    its site's counts."""
    site, published, statement_count, speakers = share
    gone = 0
    for speaker_id, count, first, last in speakers:
        left = db.execute(
            "UPDATE site_speakers SET statement_count = statement_count - ? WHERE site = ? AND speaker_id = ?"
            " RETURNING statement_count",
            (count, site, speaker_id),
        ).fetchone()
        if left is None or left[0] <= 0:
            db.execute("DELETE FROM site_speakers WHERE site = ? AND speaker_id = ?", (site, speaker_id))
            gone += 1
        else:
            _reread_said_range(db, site, speaker_id, first, last)
    remaining = db.execute(
        "UPDATE sites SET article_count = article_count - 1, statement_count = statement_count - ?,"
        " speaker_count = speaker_count - ? WHERE site = ? RETURNING article_count, first_published, last_published",
        (statement_count, gone, site),
    ).fetchone()
    if remaining is None:
        return
    if remaining[0] <= 0:
        db.execute("DELETE FROM sites WHERE site = ?", (site,))
    elif published is not None and published in (remaining[1], remaining[2]):
        db.execute(
            "UPDATE sites SET first_published = (SELECT min(published) FROM articles WHERE site = ?),"
            " last_published = (SELECT max(published) FROM articles WHERE site = ?) WHERE site = ?",
            (site, site, site),
        )


def _reread_said_range(db: Database, site: str, speaker_id: int, first: str | None, last: str | None) -> None:
    current = db.execute(
        "SELECT first_said, last_said FROM site_speakers WHERE site = ? AND speaker_id = ?", (site, speaker_id)
    ).fetchone()
    if current is None or (first not in current and last not in current):
        return
    db.execute(
        "UPDATE site_speakers SET (first_said, last_said) = (SELECT min(said_on), max(said_on) FROM statements"
        " WHERE speaker_id = ? AND site = ?) WHERE site = ? AND speaker_id = ?",
        (speaker_id, site, site, speaker_id),
    )
