"""Reading the ledger: search, articles, speakers, sites, stats. Pagination is by keyset (the
last id seen, newest first), so page N costs what page 1 costs."""

from __future__ import annotations

from typing import Any

import msgspec

from newsledger.errors import InputError
from newsledger.ledger.db import Database
from newsledger.ledger.query import decode_cursor, encode_cursor
from newsledger.ledger.records import (
    ArticleHit,
    ArticlePage,
    Count,
    FailureRecord,
    SearchHit,
    SearchPage,
    SiteRecord,
    SiteSummary,
    SpeakerPage,
    SpeakerRecord,
    SpeakerSummary,
    Stats,
    StoredArticle,
    StoredStatement,
)
from newsledger.ledger.rows import speaker_key
from newsledger.model import Article, Statement

MAX_LIMIT = 500
KINDS = ("direct", "indirect", "mixed")

_HIT_COLUMNS = (
    "s.id, s.article_id, s.content, s.kind, s.cue_lemma, s.speaker_id, s.speaker_name, s.channel, s.date,"
    " s.said_on, s.site, a.headline, coalesce(a.url, a.canonical_url)"
)


def _limit(limit: int) -> int:
    if limit < 1:
        raise InputError(f"limit must be at least 1, not {limit}")
    return min(limit, MAX_LIMIT)


def _before(cursor: str | None) -> int | None:
    before = decode_cursor(cursor).get("before")
    if before is not None and not isinstance(before, int):
        raise InputError("not a cursor this ledger issued", input_name=cursor)
    return before


def _next_cursor(ids: list[int], limit: int) -> str | None:
    return encode_cursor({"before": ids[limit - 1]}) if len(ids) > limit else None


def speaker_ids_for(db: Database, speaker: int | str) -> list[int]:
    """Speaker ids named by an id, or by a name (exact after normalisation, else a substring)."""
    if isinstance(speaker, int) or str(speaker).isdigit():
        return [int(speaker)]
    key = speaker_key(str(speaker))
    rows = db.fetchall("SELECT id FROM speakers WHERE key = ?", (key,))
    if not rows:
        rows = db.fetchall("SELECT id FROM speakers WHERE key LIKE ? LIMIT 50", (f"%{key}%",))
    return [row[0] for row in rows]


def _statement_filters(speaker_ids, site, since, until, kind) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if speaker_ids is not None:
        ids = speaker_ids or [-1]
        where.append(f"s.speaker_id IN ({', '.join('?' * len(ids))})")
        params += ids
    if site:
        where.append("s.site = ?")
        params.append(site.removeprefix("www."))
    if since:
        where.append("s.said_on >= ?")
        params.append(since)
    if until:
        where.append("s.said_on <= ?")
        params.append(until + "\uffff" if len(until) < 10 else until)
    if kind:
        if kind not in KINDS:
            raise InputError(f"kind must be one of {', '.join(KINDS)}", input_name=kind)
        where.append("s.kind = ?")
        params.append(kind)
    return where, params


def search(
    db: Database, query: str | None, *, speaker=None, site=None, since=None, until=None, kind=None,
    limit: int = 20, cursor: str | None = None,
) -> SearchPage:
    """Statements matching the query and filters, newest stored first."""
    limit = _limit(limit)
    speaker_ids = speaker_ids_for(db, speaker) if speaker is not None else None
    where, params = _statement_filters(speaker_ids, site, since, until, kind)
    before = _before(cursor)
    few = bool(query and query.strip() and speaker_ids) and _few_statements(db, speaker_ids)
    if few and db.backend == "sqlite":
        ids = _walk_matches(db, query, where, params, before, limit + 1)
        if ids is not None:
            return _hits_by_id(db, ids, limit)
    if query and query.strip():
        source, match, match_params, order = db.statement_match(query, by_rows=few)
        where.insert(0, match)
        params = match_params + params
    else:
        source, order = "statements s", "s.id"
    if before is not None:
        where.append(f"{order} < ?")
        params.append(before)
    sql = (
        f"SELECT {_HIT_COLUMNS} FROM {source} JOIN articles a ON a.id = s.article_id"
        f" {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} DESC LIMIT ?"
    )
    return _search_page(db.fetchall(sql, [*params, limit + 1]), limit)


def _search_page(rows: list[tuple], limit: int) -> SearchPage:
    hits = tuple(SearchHit(**dict(zip(_HIT_FIELDS, row, strict=True))) for row in rows[:limit])
    return SearchPage(hits=hits, next_cursor=_next_cursor([row[0] for row in rows], limit))


def _hits_by_id(db: Database, ids: list[int], limit: int) -> SearchPage:
    if not ids:
        return SearchPage()
    marks = ", ".join("?" * len(ids))
    sql = (
        f"SELECT {_HIT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
        f" WHERE s.id IN ({marks}) ORDER BY s.id DESC"
    )
    return _search_page(db.fetchall(sql, ids), limit)


WALK_PER_CANDIDATE = 80  # index matches walked per candidate row before probing row by row


def _walk_matches(db: Database, query: str, where: list[str], params: list[Any], before, need: int) -> list[int] | None:
    """Ids (newest first, at most ``need``) of the few filtered statements that match ``query``.

    Reading the ids of the index's matches is cheap when nothing else is read with them, so they
    are walked newest first and kept when they are among the candidate rows. The walk gives up
    (None) when it grows longer than probing the index once per candidate would take.
    """
    from newsledger.ledger.query import fts5_query

    conditions = [*where, "s.id < ?"] if before is not None else where
    values = [*params, before] if before is not None else params
    candidates = {row[0] for row in db.fetchall(f"SELECT s.id FROM statements s WHERE {' AND '.join(conditions)}", values)}
    if not candidates:
        return []
    budget = WALK_PER_CANDIDATE * len(candidates)
    found: list[int] = []
    with db.lock:
        matches = db.execute(
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? AND rowid BETWEEN ? AND ?"
            " ORDER BY rowid DESC",
            (fts5_query(query), min(candidates), max(candidates)),
        )
        for walked, (rowid,) in enumerate(matches):
            if rowid in candidates:
                found.append(rowid)
                if len(found) == need:
                    break
            if walked >= budget:
                return None
    return found


def _few_statements(db: Database, speaker_ids: list[int]) -> bool:
    """Whether the speakers have so few statements that checking each against the full-text
    index beats walking the index's matches until enough of them are theirs.

    Walking matches costs about ``limit × total / theirs`` cheap steps; checking costs ``theirs``
    index probes, each some five steps' worth (measured); the two meet near twice the square
    root of the total.
    """
    marks = ", ".join("?" * len(speaker_ids))
    theirs = db.scalar(f"SELECT coalesce(sum(statement_count), 0) FROM speakers WHERE id IN ({marks})", speaker_ids)
    total = db.scalar("SELECT coalesce(max(id), 0) FROM statements")
    return theirs <= max(1000, 2 * int(total**0.5))


_HIT_FIELDS = (
    "statement_id", "article_id", "content", "kind", "cue", "speaker_id", "speaker", "channel", "date",
    "said_on", "site", "headline", "url",
)
_ARTICLE_COLUMNS = "a.id, a.headline, a.site, coalesce(a.url, a.canonical_url), a.published, a.statement_count"


def _article_hits(rows: list[tuple], limit: int) -> ArticlePage:
    hits = tuple(
        ArticleHit(article_id=r[0], headline=r[1], site=r[2], url=r[3], published=r[4], statement_count=r[5])
        for r in rows[:limit]
    )
    return ArticlePage(hits=hits, next_cursor=_next_cursor([row[0] for row in rows], limit))


def search_articles(
    db: Database, query: str | None, *, site=None, since=None, until=None, limit: int = 20, cursor: str | None = None
) -> ArticlePage:
    """Articles matching the query (headline and text) and filters, newest stored first."""
    limit = _limit(limit)
    where: list[str] = []
    params: list[Any] = []
    if query and query.strip():
        source, match, params, order = db.article_match(query)
        where.append(match)
    else:
        source, order = "articles a", "a.id"
    for condition, value in (("a.site = ?", site), ("a.published >= ?", since), ("a.published <= ?", until)):
        if value:
            where.append(condition)
            params.append(value + "\uffff" if condition.endswith("<= ?") and len(value) < 25 else value)
    before = _before(cursor)
    if before is not None:
        where.append(f"{order} < ?")
        params.append(before)
    sql = (
        f"SELECT {_ARTICLE_COLUMNS} FROM {source} {'WHERE ' + ' AND '.join(where) if where else ''}"
        f" ORDER BY {order} DESC LIMIT ?"
    )
    return _article_hits(db.fetchall(sql, [*params, limit + 1]), limit)


def article(db: Database, article_id: int) -> StoredArticle | None:
    row = db.fetchone(
        "SELECT a.id, a.page_id, p.key, a.site, a.extractor, a.stored_at, a.record"
        " FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ?",
        (article_id,),
    )
    if row is None:
        return None
    statements = db.fetchall(
        "SELECT id, speaker_id, record FROM statements WHERE article_id = ? ORDER BY position", (article_id,)
    )
    return StoredArticle(
        article_id=row[0], page_id=row[1], page_key=row[2], site=row[3], extractor=row[4], stored_at=row[5],
        article=msgspec.json.decode(row[6], type=Article),
        statements=tuple(
            StoredStatement(statement_id=s[0], speaker_id=s[1], statement=msgspec.json.decode(s[2], type=Statement))
            for s in statements
        ),
    )


def _counts(db: Database, sql: str, params: tuple) -> tuple[Count, ...]:
    return tuple(Count(value=row[0], count=row[1]) for row in db.fetchall(sql, params) if row[0])


def speaker(db: Database, speaker_id: int) -> SpeakerRecord | None:
    row = db.fetchone(
        "SELECT id, name, kind, statement_count, first_said, last_said FROM speakers WHERE id = ?", (speaker_id,)
    )
    if row is None:
        return None
    articles = db.scalar("SELECT count(DISTINCT article_id) FROM statements WHERE speaker_id = ?", (speaker_id,))
    by_count = "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50"
    return SpeakerRecord(
        speaker_id=row[0], name=row[1], kind=row[2], statement_count=row[3], article_count=articles or 0,
        first_said=row[4], last_said=row[5],
        mentions=_counts(db, f"SELECT mention, sum(statement_count) FROM speaker_mentions WHERE speaker_id = ? {by_count}", (speaker_id,)),
        descriptions=_counts(db, f"SELECT description, count(*) FROM speaker_mentions WHERE speaker_id = ? AND description IS NOT NULL {by_count}", (speaker_id,)),
        sites=_counts(
            db,
            "SELECT site, statement_count FROM site_speakers WHERE speaker_id = ?"
            " ORDER BY statement_count DESC, site LIMIT 50",
            (speaker_id,),
        ),
    )


def speaker_timeline(db: Database, speaker_id: int) -> tuple[Count, ...]:
    """How many of a speaker's statements fall in each month (``YYYY-MM``), oldest first; a
    statement is dated when it was made or, when the article does not say, when it was published."""
    return _counts(
        db,
        "SELECT substr(coalesce(s.said_on, a.published), 1, 7), count(*) FROM statements s"
        " JOIN articles a ON a.id = s.article_id"
        " WHERE s.speaker_id = ? AND coalesce(s.said_on, a.published) IS NOT NULL GROUP BY 1 ORDER BY 1",
        (speaker_id,),
    )


def speaker_outlets(db: Database, speaker_id: int) -> tuple[tuple[str, str | None, int], ...]:
    """(site, site name, statements) for every outlet that reported the speaker, most first; the
    site is empty for pages stored without a URL (copied text), which still carry their name."""
    rows = db.fetchall(
        "SELECT a.site, max(a.site_name), count(*) FROM statements s JOIN articles a ON a.id = s.article_id"
        " WHERE s.speaker_id = ? GROUP BY a.site, CASE WHEN a.site = '' THEN a.site_name END"
        " ORDER BY 3 DESC, 1, 2 LIMIT 50",
        (speaker_id,),
    )
    return tuple((row[0], row[1], row[2]) for row in rows)


def _speaker_summary(row: tuple) -> SpeakerSummary:
    return SpeakerSummary(
        speaker_id=row[0], name=row[1], kind=row[2], statement_count=row[3], first_said=row[4], last_said=row[5]
    )


def speakers(db: Database, *, query: str | None = None, limit: int = 50, cursor: str | None = None) -> SpeakerPage:
    """Speakers with at least one statement, most quoted first; ``query`` filters names by substring."""
    limit = _limit(limit)
    position = decode_cursor(cursor)
    where, params = ["statement_count > 0"], []
    if query:
        where.append("key LIKE ?")
        params.append(f"%{speaker_key(query)}%")
    if position:
        count, last_id = position.get("count"), position.get("id")
        if not isinstance(count, int) or not isinstance(last_id, int):
            raise InputError("not a cursor this ledger issued", input_name=cursor)
        where.append("(statement_count < ? OR (statement_count = ? AND id > ?))")
        params += [count, count, last_id]
    rows = db.fetchall(
        "SELECT id, name, kind, statement_count, first_said, last_said FROM speakers"
        f" WHERE {' AND '.join(where)} ORDER BY statement_count DESC, id LIMIT ?",
        [*params, limit + 1],
    )
    next_cursor = encode_cursor({"count": rows[limit - 1][3], "id": rows[limit - 1][0]}) if len(rows) > limit else None
    return SpeakerPage(speakers=tuple(_speaker_summary(row) for row in rows[:limit]), next_cursor=next_cursor)


_SITE_SUMMARY = (
    "SELECT site, site_name, article_count, statement_count, first_published, last_published, speaker_count"
    " FROM sites"
)


def sites(db: Database) -> tuple[SiteSummary, ...]:
    rows = db.fetchall(f"{_SITE_SUMMARY} ORDER BY article_count DESC, site")
    return tuple(_site_summary(row) for row in rows)


def _site_summary(row: tuple) -> SiteSummary:
    return SiteSummary(
        site=row[0], site_name=row[1], article_count=row[2], statement_count=row[3],
        first_published=row[4], last_published=row[5], speaker_count=row[6],
    )


def site(db: Database, name: str, *, limit: int = 20, cursor: str | None = None) -> SiteRecord | None:
    name = name.removeprefix("www.")
    row = db.fetchone(f"{_SITE_SUMMARY} WHERE site = ?", (name,))
    if row is None:
        return None
    top = db.fetchall(
        "SELECT sp.id, sp.name, sp.kind, ss.statement_count, ss.first_said, ss.last_said FROM site_speakers ss"
        " JOIN speakers sp ON sp.id = ss.speaker_id WHERE ss.site = ?"
        " ORDER BY ss.statement_count DESC, ss.speaker_id LIMIT 10",
        (name,),
    )
    return SiteRecord(
        site=_site_summary(row),
        articles=site_articles(db, name, limit=limit, cursor=cursor),
        top_speakers=tuple(_speaker_summary(r) for r in top),
    )


_PUBLISHED = "coalesce(a.published, '')"  # the indexed form: undated articles sort last on both databases


def site_articles(db: Database, name: str, *, limit: int = 20, cursor: str | None = None) -> ArticlePage:
    """A site's articles, newest published first (undated ones last), paged along the index."""
    limit = _limit(limit)
    where, params = ["a.site = ?"], [name]
    position = decode_cursor(cursor)
    if position:
        published, last_id = position.get("published"), position.get("id")
        if not isinstance(published, str) or not isinstance(last_id, int):
            raise InputError("not a cursor this ledger issued", input_name=cursor)
        # the first bound alone is what lets the index seek straight to the position
        where.append(f"{_PUBLISHED} <= ? AND ({_PUBLISHED} < ? OR a.id < ?)")
        params += [published, published, last_id]
    rows = db.fetchall(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE {' AND '.join(where)}"
        f" ORDER BY {_PUBLISHED} DESC, a.id DESC LIMIT ?",
        [*params, limit + 1],
    )
    hits = _article_hits(rows, limit).hits
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_cursor({"published": last[4] or "", "id": last[0]}) if last else None
    return ArticlePage(hits=hits, next_cursor=next_cursor)


def failures(db: Database, *, limit: int = 100) -> tuple[FailureRecord, ...]:
    rows = db.fetchall(
        "SELECT input, stage, reason, attempts, last_at, page_key FROM failures ORDER BY last_at DESC, id DESC LIMIT ?",
        (_limit(limit),),
    )
    return tuple(
        FailureRecord(input=r[0], stage=r[1], reason=r[2], attempts=r[3], last_at=r[4], page_key=r[5]) for r in rows
    )


def stats(db: Database) -> Stats:
    """Totals; articles, statements and sites come from the per-site counts, so that only the
    pages, authors and failures are counted row by row."""
    count = {table: db.scalar(f"SELECT count(*) FROM {table}") for table in ("pages", "authors", "failures")}
    sites, articles, statements = db.fetchone(
        "SELECT count(*), coalesce(sum(article_count), 0), coalesce(sum(statement_count), 0) FROM sites"
    )
    return Stats(
        pages=count["pages"], articles=int(articles), statements=int(statements),
        speakers=db.scalar("SELECT count(*) FROM speakers WHERE statement_count > 0"),
        authors=count["authors"], sites=sites,
        failures=count["failures"], backend=db.backend, schema=db.applied_migrations(),
    )
