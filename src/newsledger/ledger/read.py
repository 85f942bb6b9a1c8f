"""Reading the ledger: search, articles, speakers, sites, stats. Pagination is by keyset (the
last id seen, newest first), so page N costs what page 1 costs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, get_args

import msgspec

from newsledger.errors import InputError
from newsledger.ledger.db import Database
from newsledger.ledger.query import decode_cursor, encode_cursor
from newsledger.ledger.records import (
    ArticleHit,
    ArticlePage,
    Count,
    FailureRecord,
    Origin,
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
from newsledger.model import Article, PageType, Statement

MAX_LIMIT = 500
KINDS = ("direct", "indirect", "mixed")
PAGE_TYPES: tuple[str, ...] = get_args(PageType)
ATTRIBUTIONS = ("speech", "writing", "belief", "evidence")  # also accepted as a kind filter

_HIT_COLUMNS = (
    "s.id, s.article_id, s.content, s.kind, s.cue_lemma, s.speaker_id, s.speaker_name, s.channel, s.date,"
    " s.said_on, s.site, a.headline, coalesce(a.url, a.canonical_url), s.attribution"
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
    if isinstance(speaker, int) or (str(speaker).isascii() and str(speaker).isdigit()):
        return [int(speaker)]
    key = speaker_key(str(speaker))
    rows = db.fetchall("SELECT id FROM speakers WHERE key = ?", (key,))
    if not rows:
        rows = db.fetchall("SELECT id FROM speakers WHERE key LIKE ? LIMIT 50", (f"%{key}%",))
    return [row[0] for row in rows]


def _page_type_filter(page_type: str | None, column: str) -> tuple[list[str], list[Any]]:
    """The condition keeping articles (or statements, through their article) of one page type."""
    if not page_type:
        return [], []
    if page_type not in PAGE_TYPES:
        raise InputError(f"page type must be one of {', '.join(PAGE_TYPES)}", input_name=page_type)
    if column == "s.article_id":
        return ["s.article_id IN (SELECT id FROM articles WHERE page_type = ?)"], [page_type]
    return [f"{column} = ?"], [page_type]


def _statement_filters(speaker_ids, site, since, until, kind, page_type=None) -> tuple[list[str], list[Any]]:
    where, params = _page_type_filter(page_type, "s.article_id")
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
        if kind not in KINDS + ATTRIBUTIONS:
            raise InputError(f"kind must be one of {', '.join(KINDS + ATTRIBUTIONS)}", input_name=kind)
        where.append("s.kind = ?" if kind in KINDS else "s.attribution = ?")
        params.append(kind)
    return where, params


def search(
    db: Database, query: str | None, *, speaker=None, site=None, since=None, until=None, kind=None,
    limit: int = 20, cursor: str | None = None, page_type: str | None = None,
) -> SearchPage:
    """Statements matching the query and filters, newest first by the date each was made (else
    its article's publication date; undated last), then newest stored. A query that names a
    speaker also finds that speaker's statements, whatever their words."""
    limit = _limit(limit)
    since, until = date_bound("since", since), date_bound("until", until)
    speaker_ids = speaker_ids_for(db, speaker) if speaker is not None else None
    where, params = _statement_filters(speaker_ids, site, since, until, kind, page_type)
    before = _said_before(cursor)
    rows = _matching_rows(db, query, speaker_ids, where, params, before, limit)
    named = speakers_named(db, query) if speaker is None and query else []
    if named:
        where, params = _statement_filters(named, site, since, until, kind, page_type)
        theirs = _matching_rows(db, None, named, where, params, before, limit)
        rows = sorted({row[-1]: row for row in rows + theirs}.values(), key=lambda row: row[-1], reverse=True)
    return _search_page(rows[: limit + 1], limit)


def _said_before(cursor: str | None) -> int | None:
    """The order key (``said_key``) a page of statements starts below."""
    said = decode_cursor(cursor).get("said")
    if said is not None and not isinstance(said, int):
        raise InputError("not a cursor this ledger issued", input_name=cursor)
    return said


def _matching_rows(db: Database, query, speaker_ids, where: list[str], params: list[Any], before, limit: int) -> list:
    """Up to ``limit + 1`` hit rows (each ending with its ``said_key``), newest first."""
    few = bool(query and query.strip() and speaker_ids) and _few_statements(db, speaker_ids)
    if few and db.backend == "sqlite":
        keys = _walk_matches(db, query, where, params, before, limit + 1)
        if keys is not None:
            return _rows_by_said_key(db, keys)
    if query and query.strip():
        source, match, match_params, order = db.statement_match(query, by_rows=few)
        where = [match, *where]
        params = match_params + params
    else:
        source, order = "statements s", "s.said_key"
    if before is not None:
        where = [*where, f"{order} < ?"]
        params = [*params, before]
    sql = (
        f"SELECT {_HIT_COLUMNS}, s.said_key FROM {source} JOIN articles a ON a.id = s.article_id"
        f" {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} DESC LIMIT ?"
    )
    return db.fetchall(sql, [*params, limit + 1])


_NAME_QUERY = re.compile(r'^\s*"?([^"*()\-]+?)"?\s*$')


def speakers_named(db: Database, query: str) -> list[int]:
    """Speakers a plain query names: the whole name ("Maria Kolesnikova") or its last words
    ("Kolesnikova"), matched as speakers are (case, accents of the stored form, titles).
    A query with operators (OR, -word, prefix*) names no one."""
    match = _NAME_QUERY.match(query)
    if not match or " OR " in f" {match.group(1)} ":
        return []
    key = speaker_key(match.group(1))
    if len(key) < 3 or not any(ch.isalpha() for ch in key):
        return []
    rows = db.fetchall(
        "SELECT id FROM speakers WHERE (key = ? OR key LIKE ?) AND statement_count > 0 LIMIT 50",
        (key, "% " + key.replace("%", "").replace("_", "")),
    )
    return [row[0] for row in rows]


DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bound(name: str, value: str | None) -> str | None:
    """A ``since``/``until`` value checked to be a calendar date, a month or a year; anything
    else ("yesterday", "2019-13-45") is an InputError saying why, never a silent empty result."""
    if value is None or value == "":
        return None
    match = _DATE.match(value.strip())
    if not match:
        raise InputError(f"{name} must be a date ({DATE_FORMS})", input_name=repr(value))
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError as err:
        raise InputError(f"{name} is not a calendar date ({err})", input_name=repr(value)) from None
    return value.strip()


def _search_page(rows: list[tuple], limit: int) -> SearchPage:
    hits = tuple(SearchHit(**dict(zip(_HIT_FIELDS, row[:-1], strict=True))) for row in rows[:limit])
    next_cursor = encode_cursor({"said": rows[limit - 1][-1]}) if len(rows) > limit else None
    return SearchPage(hits=hits, next_cursor=next_cursor)


def _rows_by_said_key(db: Database, keys: list[int]) -> list:
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    sql = (
        f"SELECT {_HIT_COLUMNS}, s.said_key FROM statements s JOIN articles a ON a.id = s.article_id"
        f" WHERE s.said_key IN ({marks}) ORDER BY s.said_key DESC"
    )
    return db.fetchall(sql, keys)


WALK_PER_CANDIDATE = 80  # index matches walked per candidate row before probing row by row


def _walk_matches(db: Database, query: str, where: list[str], params: list[Any], before, need: int) -> list[int] | None:
    """Order keys (newest first, at most ``need``) of the few filtered statements that match
    ``query``. The full-text index's rowids are the statements' order keys (``said_key``).

    Reading the keys of the index's matches is cheap when nothing else is read with them, so they
    are walked newest first and kept when they are among the candidate rows. The walk gives up
    (None) when it grows longer than probing the index once per candidate would take.
    """
    from newsledger.ledger.query import fts5_query

    conditions = [*where, "s.said_key < ?"] if before is not None else where
    values = [*params, before] if before is not None else params
    candidates = {
        row[0] for row in db.fetchall(f"SELECT s.said_key FROM statements s WHERE {' AND '.join(conditions)}", values)
    }
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
    "said_on", "site", "headline", "url", "attribution",
)
_ARTICLE_COLUMNS = "a.id, a.headline, a.site, coalesce(a.url, a.canonical_url), a.published, a.statement_count"


def _article_hits(rows: list[tuple], limit: int) -> ArticlePage:
    hits = tuple(
        ArticleHit(article_id=r[0], headline=r[1], site=r[2], url=r[3], published=r[4], statement_count=r[5])
        for r in rows[:limit]
    )
    return ArticlePage(hits=hits, next_cursor=_next_cursor([row[0] for row in rows], limit))


def search_articles(
    db: Database, query: str | None, *, site=None, since=None, until=None, limit: int = 20, cursor: str | None = None,
    page_type: str | None = None,
) -> ArticlePage:
    """Articles matching the query (headline and text) and filters, newest stored first."""
    limit = _limit(limit)
    since, until = date_bound("since", since), date_bound("until", until)
    kept, kept_params = _page_type_filter(page_type, "a.page_type")
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
    where += kept
    params += kept_params
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
        origins=origins(db, row[1]),
    )


def origins(db: Database, page_id: int) -> tuple[Origin, ...]:
    rows = db.fetchall(
        "SELECT key, origin, url, fetched_at, seen_at, matched_by FROM page_origins WHERE page_id = ? ORDER BY id",
        (page_id,),
    )
    return tuple(
        Origin(key=r[0], origin=r[1], url=r[2], fetched_at=r[3], seen_at=r[4], matched_by=r[5]) for r in rows
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
    """Every site, most articles first. Pages stored without a URL share one row (site empty),
    named only when they all carry the same site name: one outlet's name must not stand for
    pages copied from several."""
    rows = db.fetchall(f"{_SITE_SUMMARY} ORDER BY article_count DESC, site")
    return tuple(_site_summary(_unnamed_when_mixed(db, row)) for row in rows)


def _unnamed_when_mixed(db: Database, row: tuple) -> tuple:
    if row[0] or row[1] is None:
        return row
    names = db.scalar("SELECT count(DISTINCT coalesce(site_name, '')) FROM articles WHERE site = ''")
    return row if names == 1 else (row[0], None, *row[2:])


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
        f"SELECT {_FAILURE_COLUMNS} FROM failures ORDER BY last_at DESC, id DESC LIMIT ?", (_limit(limit),)
    )
    return tuple(_failure_record(row) for row in rows)


_FAILURE_COLUMNS = "id, input, stage, reason, attempts, last_at, page_key, first_at"


def _failure_record(row: tuple) -> FailureRecord:
    return FailureRecord(
        input=row[1], stage=row[2], reason=row[3], attempts=row[4], last_at=row[5], page_key=row[6], first_at=row[7]
    )


def iter_failures(db: Database, *, batch: int = 500):
    last = 0
    while rows := db.fetchall(f"SELECT {_FAILURE_COLUMNS} FROM failures WHERE id > ? ORDER BY id LIMIT ?", (last, batch)):
        yield from (_failure_record(row) for row in rows)
        last = rows[-1][0]


def failure_counts(db: Database) -> tuple[Count, ...]:
    return _counts(db, "SELECT stage, count(*) FROM failures GROUP BY stage ORDER BY 2 DESC, 1", ())


def stats(db: Database) -> Stats:
    """Totals; articles, statements and sites come from the per-site counts, so that only the
    pages, authors and failures are counted row by row."""
    tables = ("pages", "authors", "failures", "page_origins")
    count = {table: db.scalar(f"SELECT count(*) FROM {table}") for table in tables}
    sites, articles, statements = db.fetchone(
        "SELECT count(*), coalesce(sum(article_count), 0), coalesce(sum(statement_count), 0) FROM sites"
    )
    return Stats(
        pages=count["pages"], articles=int(articles), statements=int(statements),
        speakers=db.scalar("SELECT count(*) FROM speakers WHERE statement_count > 0"),
        authors=count["authors"], sites=sites,
        failures=count["failures"], backend=db.backend, schema=db.applied_migrations(), origins=count["page_origins"],
    )
