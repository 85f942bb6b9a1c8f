"""The ledger: pages, articles, statements and speakers, kept in SQLite or PostgreSQL.

``Ledger.open(target)`` takes a file path (SQLite, the default) or a ``postgresql://`` URL; both
have the same schema, migrations and behaviour. The CLI, the HTTP API and the scale-out engine
call only the methods of :class:`Ledger`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import msgspec

from newsledger.ingest.process import Processed
from newsledger.ledger import read, store
from newsledger.ledger.codec import decompress
from newsledger.ledger.db import Database, open_database
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
    StoreResult,
)
from newsledger.ledger.rows import PreparedPage, prepare
from newsledger.model import Page, SourceFailure

__all__ = [
    "ArticleHit",
    "ArticlePage",
    "Count",
    "FailureRecord",
    "Ledger",
    "Origin",
    "PreparedPage",
    "SearchHit",
    "SearchPage",
    "SiteRecord",
    "SiteSummary",
    "SpeakerPage",
    "SpeakerRecord",
    "SpeakerSummary",
    "Stats",
    "StoreResult",
    "StoredArticle",
    "StoredStatement",
    "prepare",
]


class Ledger:
    """One ledger database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, target: str, *, migrate: bool = True, create: bool = True) -> Ledger:
        """Open (creating and migrating as needed) the ledger at a path or ``postgresql://`` URL;
        with ``create=False`` a ledger that does not exist is an error (LedgerError)."""
        db = open_database(str(target), must_exist=not create)
        if migrate:
            try:
                db.migrate()
            except BaseException:
                db.close()
                raise
        return cls(db)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @property
    def backend(self) -> str:
        return self.db.backend

    # ------------------------------------------------------------------ writing

    def store(self, processed: Processed | PreparedPage) -> StoreResult:
        """Store a processed page with its article and statements in one transaction.

        A page whose key is already stored is not stored again: ``StoreResult.stored`` is False
        and ``article_id`` is the stored page's article (None when it yielded none).
        """
        prepared = processed if isinstance(processed, PreparedPage) else prepare(processed)
        return store.store_prepared(self.db, prepared)

    def store_many(
        self,
        items: list[Processed | PreparedPage],
        then: Callable[[list[StoreResult]], None] | None = None,
    ) -> list[StoreResult]:
        """Store several pages in one transaction; ``then`` (given the results) runs inside it."""
        prepared = [item if isinstance(item, PreparedPage) else prepare(item) for item in items]
        return store.store_batch(self.db, prepared, then)

    def record_failure(self, failure: SourceFailure, *, page_key: str | None = None) -> None:
        """Record an input that yielded no page (repeats of the same failure are counted, not duplicated)."""
        from newsledger.extract.assemble import EXTRACTOR

        with self.db.transaction():
            store.write_failure(self.db, failure, page_key, EXTRACTOR, store.now())

    def replace_article(self, page_id: int, processed: Processed | PreparedPage) -> StoreResult:
        """Swap the article of a stored page for a newly extracted one (used by re-extraction)."""
        prepared = processed if isinstance(processed, PreparedPage) else prepare(processed)
        return store.replace_article(self.db, page_id, prepared)

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after a large load)."""
        self.db.optimize()

    # ------------------------------------------------------------------ pages

    def has_page(self, key: str) -> bool:
        """Whether a page was seen under this key (stored, or matched to a stored page)."""
        return self.db.fetchone("SELECT 1 FROM page_origins WHERE key = ?", (key,)) is not None

    def store_copy(self, page: Page) -> StoreResult | None:
        """If the ledger holds a page with the same bytes, add this page's key and origin to that
        page's origins and return its result (``duplicate``); else None. Lets a run skip the
        extraction of a page it already has under another name."""
        return store.store_copy(self.db, page)

    def origins(self, page_id: int) -> tuple[Origin, ...]:
        """Every place the stored page was seen, first sighting first."""
        return read.origins(self.db, page_id)

    def page(self, page_id: int) -> Page | None:
        """The raw page as it was stored (decompressed)."""
        row = self.db.fetchone(
            "SELECT key, url, origin, fetched_at, headers, form, codec, content FROM pages WHERE id = ?", (page_id,)
        )
        return _page_of(row) if row else None

    def iter_pages(self, *, batch: int = 200, not_by: str | None = None) -> Iterator[tuple[int, Page]]:
        """Every stored page with its id, in id order, read a batch at a time; ``not_by`` keeps
        only pages last extracted by another extractor version."""
        last = 0
        version = "AND extractor <> ?" if not_by else ""
        while True:
            rows = self.db.fetchall(
                "SELECT id, key, url, origin, fetched_at, headers, form, codec, content FROM pages"
                f" WHERE id > ? {version} ORDER BY id LIMIT ?",
                (last, not_by, batch) if not_by else (last, batch),
            )
            if not rows:
                return
            for row in rows:
                yield row[0], _page_of(row[1:])
            last = rows[-1][0]

    def pages_by_key(self, keys: Iterable[str]) -> Iterator[tuple[int, Page]]:
        """The stored pages seen under these keys, each once, with their ids."""
        seen: set[int] = set()
        for key in keys:
            row = self.db.fetchone("SELECT page_id FROM page_origins WHERE key = ?", (key,))
            if row and row[0] not in seen and (page := self.page(row[0])) is not None:
                seen.add(row[0])
                yield row[0], page

    def page_count(self, *, not_by: str | None = None) -> int:
        if not_by:
            return self.db.scalar("SELECT count(*) FROM pages WHERE extractor <> ?", (not_by,))
        return self.db.scalar("SELECT count(*) FROM pages")

    # ------------------------------------------------------------------ reading

    def search(
        self, query: str | None = None, *, speaker: int | str | None = None, site: str | None = None,
        since: str | None = None, until: str | None = None, kind: str | None = None,
        limit: int = 20, cursor: str | None = None, page_type: str | None = None,
    ) -> SearchPage:
        """Statements whose content matches ``query`` (all statements when it is empty), or whose
        speaker the query names, filtered, newest first by the date a statement was made (or, when
        the article does not say, the article's publication date; undated last), then newest
        stored; ``since``/``until`` (YYYY-MM-DD, YYYY-MM or YYYY) are compared with that date;
        ``page_type`` keeps statements of articles of that page type."""
        return read.search(
            self.db, query, speaker=speaker, site=site, since=since, until=until, kind=kind, limit=limit,
            cursor=cursor, page_type=page_type,
        )

    def search_articles(
        self, query: str | None = None, *, site: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 20, cursor: str | None = None, page_type: str | None = None,
    ) -> ArticlePage:
        """Articles whose headline or text matches ``query``, filtered (``page_type``: one of
        ``Article.page_type``'s values), newest first."""
        return read.search_articles(
            self.db, query, site=site, since=since, until=until, limit=limit, cursor=cursor, page_type=page_type
        )

    def article(self, article_id: int) -> StoredArticle | None:
        return read.article(self.db, article_id)

    def speaker(self, speaker_id: int) -> SpeakerRecord | None:
        return read.speaker(self.db, speaker_id)

    def speakers(self, *, query: str | None = None, limit: int = 50, cursor: str | None = None) -> SpeakerPage:
        return read.speakers(self.db, query=query, limit=limit, cursor=cursor)

    def speaker_statements(
        self, speaker_id: int, *, query: str | None = None, since: str | None = None, until: str | None = None,
        limit: int = 20, cursor: str | None = None,
    ) -> SearchPage:
        """A speaker's statements, newest first: the timeline of what they said."""
        return read.search(self.db, query, speaker=int(speaker_id), since=since, until=until, limit=limit, cursor=cursor)

    def speaker_timeline(self, speaker_id: int) -> tuple[Count, ...]:
        """The speaker's statements counted per month (``YYYY-MM``), oldest first."""
        return read.speaker_timeline(self.db, speaker_id)

    def speaker_outlets(self, speaker_id: int) -> tuple[tuple[str, str | None, int], ...]:
        """(site, site name, statements) per outlet that reported the speaker, most first."""
        return read.speaker_outlets(self.db, speaker_id)

    def sites(self) -> tuple[SiteSummary, ...]:
        return read.sites(self.db)

    def site(self, name: str, *, limit: int = 20, cursor: str | None = None) -> SiteRecord | None:
        return read.site(self.db, name, limit=limit, cursor=cursor)

    def failures(self, *, limit: int = 100) -> tuple[FailureRecord, ...]:
        return read.failures(self.db, limit=limit)

    def iter_failures(self) -> Iterator[FailureRecord]:
        """Every recorded failure, oldest first, read a batch at a time."""
        return read.iter_failures(self.db)

    def failure_counts(self) -> tuple[Count, ...]:
        """Recorded failures counted by stage, most frequent first."""
        return read.failure_counts(self.db)

    def clear_failures(self, before: list[FailureRecord]) -> int:
        """Forget the failures listed in ``before`` (read before a retry) that the retry did not
        record again (their attempts did not grow). Returns how many were removed."""
        removed = 0
        with self.db.transaction():
            for f in before:
                removed += self.db.execute(
                    "DELETE FROM failures WHERE input = ? AND stage = ? AND reason = ? AND attempts <= ?",
                    (f.input, f.stage, f.reason, f.attempts),
                ).rowcount
        return removed

    def stats(self) -> Stats:
        return read.stats(self.db)


def _page_of(row: tuple) -> Page:
    key, url, origin, fetched_at, headers, form, codec, content = row
    return Page(
        content=decompress(codec, bytes(content), name=key),
        key=key,
        url=url,
        origin=origin,
        fetched_at=fetched_at,
        headers=tuple(tuple(pair) for pair in msgspec.json.decode(headers)),
        form=form,
    )
