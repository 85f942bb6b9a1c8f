"""The follow state kept in the ledger: sources, their hosts' robots.txt, and the URLs found.

Every write is one transaction, so a round killed at any point leaves either the old state or
the new one. The URLs of a listing are written together with the listing's new validators
(ETag, Last-Modified): a listing is never marked as read unless its URLs are in the ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import msgspec

from newsledger.follow.discover import Found
from newsledger.ledger import Ledger
from newsledger.ledger.db import Database, now
from newsledger.ledger.rows import site_of

MAX_ATTEMPTS = 3  # rounds in which a URL that failed for a passing reason is tried
SOURCE_COLUMNS = (
    "id, url, kind, outlet, parent_id, via, state, etag, last_modified, last_poll, last_success, "
    "last_status, last_error, articles_found, failures, next_poll, added_at"
)


class SourceRecord(msgspec.Struct, frozen=True, kw_only=True):
    """One followed feed or sitemap and how following it goes."""

    id: int
    url: str
    kind: str
    outlet: str
    parent_id: int | None = None
    via: str = "given"
    state: str = "active"
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None
    last_success: str | None = None
    last_status: int | None = None
    last_error: str | None = None
    articles_found: int = 0
    failures: int = 0
    next_poll: str | None = None
    added_at: str = ""


class PendingUrl(msgspec.Struct, frozen=True):
    id: int
    url: str
    source_id: int


class HostRobots(msgspec.Struct, kw_only=True):
    host: str
    robots: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None


def _source(row: tuple) -> SourceRecord:
    names = [name.strip() for name in SOURCE_COLUMNS.split(",")]
    return SourceRecord(**dict(zip(names, row, strict=True)))


def add_sources(ledger: Ledger, found: Iterable[Found], outlet: str) -> list[SourceRecord]:
    """Store each found source once (a known URL keeps its record); return the records."""
    found = list(found)
    with ledger.db.transaction():
        _insert_sources(ledger.db, found, outlet, now())
    urls = {item.url for item in found}
    return [s for s in list_sources(ledger) if s.url in urls]


def _insert_sources(db: Database, found: Iterable[Found], outlet: str, stamp: str) -> None:
    for item in found:
        parent = db.fetchone("SELECT id FROM sources WHERE url = ?", (item.parent,)) if item.parent else None
        db.execute(
            "INSERT INTO sources (url, kind, outlet, parent_id, via, added_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (url) DO NOTHING",
            (item.url, item.kind, outlet, parent[0] if parent else None, item.via, stamp),
        )


def list_sources(ledger: Ledger, *, outlet: str | None = None) -> list[SourceRecord]:
    where, params = ("WHERE outlet = ?", (outlet,)) if outlet else ("", ())
    rows = ledger.db.fetchall(f"SELECT {SOURCE_COLUMNS} FROM sources {where} ORDER BY outlet, id", params)
    return [_source(row) for row in rows]


def set_state(ledger: Ledger, source_ids: Iterable[int], new_state: str) -> int:
    """Pause (``paused``) or resume (``active``) sources; returns how many exist."""
    changed = 0
    with ledger.db.transaction():
        for source_id in source_ids:
            known = ledger.db.fetchone("SELECT 1 FROM sources WHERE id = ?", (source_id,))
            if known:
                ledger.db.execute("UPDATE sources SET state = ? WHERE id = ?", (new_state, source_id))
                changed += 1
    return changed


def source_of_page(ledger: Ledger, page_key: str) -> SourceRecord | None:
    """The followed source through which a stored page was first found, if any: under the page's
    own key or any other key the ledger matched to it (the same bytes or article elsewhere)."""
    row = ledger.db.fetchone(
        f"SELECT {', '.join('s.' + c.strip() for c in SOURCE_COLUMNS.split(','))} FROM pages p "
        "JOIN page_origins o ON o.page_id = p.id JOIN source_urls u ON u.page_key = o.key "
        "JOIN sources s ON s.id = u.source_id WHERE p.key = ? ORDER BY u.id LIMIT 1",
        (page_key,),
    )
    return _source(row) if row else None


def due_sources(ledger: Ledger, at: str) -> list[SourceRecord]:
    """Active sources not backing off after a failure at ``at`` (ISO time)."""
    rows = ledger.db.fetchall(
        f"SELECT {SOURCE_COLUMNS} FROM sources WHERE state = 'active' "
        "AND (failures = 0 OR next_poll IS NULL OR next_poll <= ?) ORDER BY id",
        (at,),
    )
    return [_source(row) for row in rows]


def record_listing(
    ledger: Ledger,
    source: SourceRecord,
    urls: Iterable[tuple[str, str | None]],
    *,
    validators: tuple | None,
    status: int,
    next_poll: str,
    kind: str | None = None,
    children: Iterable[Found] = (),
) -> int:
    """Store a polled listing's new URLs (pending; already known or stored ones skipped), the
    sitemaps an index lists (``children``, read once ``urls`` is consumed) and the poll's outcome
    with the new validators (ETag, Last-Modified; None keeps the old ones), all in one
    transaction. Returns how many URLs were new."""
    db = ledger.db
    stamp = now()
    new = 0
    with db.transaction():
        for url, published in urls:
            new += _add_url(db, url, source.id, published, stamp)
        _insert_sources(db, children, source.outlet, stamp)
        etag, modified = validators if validators is not None else (source.etag, source.last_modified)
        db.execute(
            "UPDATE sources SET etag = ?, last_modified = ?, last_poll = ?, last_status = ?, next_poll = ?, "
            "last_success = ?, last_error = NULL, failures = 0, kind = ? WHERE id = ?",
            (etag, modified, stamp, status, next_poll, stamp, kind or source.kind, source.id),
        )
    return new


def _add_url(db: Database, url: str, source_id: int, published: str | None, stamp: str) -> int:
    if db.fetchone("SELECT 1 FROM source_urls WHERE url = ?", (url,)) is not None:
        return 0
    stored = db.fetchone("SELECT key FROM pages WHERE url = ? LIMIT 1", (url,))
    state, key = ("known", stored[0]) if stored else ("pending", None)
    db.execute(
        "INSERT INTO source_urls (url, source_id, published, state, page_key, found_at) VALUES (?, ?, ?, ?, ?, ?)",
        (url, source_id, published, state, key, stamp),
    )
    return 1 if state == "pending" else 0


def record_failure(
    ledger: Ledger, source: SourceRecord, status: int | None, error: str, next_poll: str
) -> None:
    """A poll that failed: counted, with the time the source may be tried again."""
    with ledger.db.transaction():
        ledger.db.execute(
            "UPDATE sources SET last_poll = ?, last_status = ?, last_error = ?, failures = failures + 1, "
            "next_poll = ? WHERE id = ?",
            (now(), status, error, next_poll, source.id),
        )


def record_damage(ledger: Ledger, source: SourceRecord, error: str) -> None:
    """A listing read only up to damage: the error is kept (the poll itself succeeded, so the
    source is polled as usual and does not back off)."""
    with ledger.db.transaction():
        ledger.db.execute("UPDATE sources SET last_error = ? WHERE id = ?", (error, source.id))


def pending_urls(ledger: Ledger, *, after: int = 0, limit: int = 500) -> list[PendingUrl]:
    rows = ledger.db.fetchall(
        "SELECT id, url, source_id FROM source_urls WHERE state = 'pending' AND id > ? ORDER BY id LIMIT ?",
        (after, limit),
    )
    return [PendingUrl(*row) for row in rows]


def finish_urls(ledger: Ledger, outcomes: list[tuple[int, str, str | None, str | None]]) -> None:
    """Mark URLs done in one transaction: (url id, state, page key, reason); a stored one counts
    as an article found for its source. A ``retry`` stays pending for a later round until it
    has failed ``MAX_ATTEMPTS`` times, then is ``failed``."""
    with ledger.db.transaction():
        finish_urls_in_transaction(ledger, outcomes)


def finish_urls_in_transaction(ledger: Ledger, outcomes: list[tuple[int, str, str | None, str | None]]) -> None:
    """``finish_urls`` inside a transaction the caller holds (the one that stored the pages)."""
    db = ledger.db
    stamp = now()
    for url_id, state, key, reason in outcomes:
        if state == "retry":
            db.execute(
                "UPDATE source_urls SET attempts = attempts + 1, reason = ?, done_at = ?, "
                "state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END WHERE id = ?",
                (reason, stamp, MAX_ATTEMPTS, url_id),
            )
            continue
        db.execute(
            "UPDATE source_urls SET state = ?, page_key = ?, reason = ?, done_at = ?, attempts = attempts + 1 "
            "WHERE id = ?",
            (state, key, reason, stamp, url_id),
        )
        if state == "stored":
            db.execute(
                "UPDATE sources SET articles_found = articles_found + 1 "
                "WHERE id = (SELECT source_id FROM source_urls WHERE id = ?)",
                (url_id,),
            )


def url_counts(ledger: Ledger) -> dict[str, int]:
    return dict(ledger.db.fetchall("SELECT state, count(*) FROM source_urls GROUP BY state"))


def load_robots(ledger: Ledger) -> dict[str, HostRobots]:
    rows = ledger.db.fetchall("SELECT host, robots, etag, last_modified, fetched_at FROM source_hosts")
    return {
        row[0]: HostRobots(host=row[0], robots=row[1], etag=row[2], last_modified=row[3], fetched_at=row[4])
        for row in rows
    }


def save_robots(ledger: Ledger, hosts: Iterable[HostRobots]) -> None:
    with ledger.db.transaction():
        for h in hosts:
            ledger.db.execute(
                "INSERT INTO source_hosts (host, robots, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (host) DO UPDATE SET robots = excluded.robots, etag = excluded.etag, "
                "last_modified = excluded.last_modified, fetched_at = excluded.fetched_at",
                (h.host, h.robots, h.etag, h.last_modified, h.fetched_at),
            )


def later(seconds: float) -> str:
    """The ISO time ``seconds`` from now, to the second, rounded up (never earlier than asked)."""
    moment = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
    if moment.microsecond and seconds > 0:
        moment += dt.timedelta(seconds=1)
    return moment.isoformat(timespec="seconds")


def outlet_of(url: str) -> str:
    """The outlet a source belongs to: its site as the ledger names sites (host without
    ``www.``), so a source's outlet and its articles' site are one name."""
    return site_of(url)
