"""What the ledger returns: typed records with a stable JSON form (the HTTP API serves them as is)."""

from __future__ import annotations

from newsledger.model import Article, Statement, Struct


class StoreResult(Struct, kw_only=True):
    """``stored`` is False when the page was already in the ledger; ``article_id`` is then that
    page's article. ``duplicate`` says it was found under another name (same content, or an
    article at the same address): the new name was added to the stored page's origins."""

    page_id: int
    stored: bool
    article_id: int | None = None
    statements: int = 0
    failed: bool = False
    duplicate: bool = False


class SearchHit(Struct, kw_only=True, omit_defaults=False):
    statement_id: int
    article_id: int
    content: str
    kind: str
    cue: str
    speaker_id: int | None = None
    speaker: str | None = None
    channel: str | None = None
    date: str | None = None
    said_on: str | None = None
    site: str = ""
    headline: str | None = None
    url: str | None = None
    attribution: str | None = None


class ArticleHit(Struct, kw_only=True, omit_defaults=False):
    article_id: int
    headline: str | None = None
    site: str = ""
    url: str | None = None
    published: str | None = None
    statement_count: int = 0


class SearchPage(Struct, kw_only=True, omit_defaults=False):
    """One page of results; pass ``next_cursor`` back to get the next one (None at the end)."""

    hits: tuple[SearchHit, ...] = ()
    next_cursor: str | None = None


class ArticlePage(Struct, kw_only=True, omit_defaults=False):
    hits: tuple[ArticleHit, ...] = ()
    next_cursor: str | None = None


class StoredStatement(Struct, kw_only=True, omit_defaults=False):
    statement_id: int
    speaker_id: int | None
    statement: Statement


class Origin(Struct, kw_only=True, omit_defaults=False):
    """One place a stored page was seen: its page key, the file, WARC record or URL it came from,
    and how it was matched to the stored page (``key`` for the first sighting, ``content`` for
    the same bytes, ``url`` for the same article address)."""

    key: str
    origin: str
    url: str | None = None
    fetched_at: str | None = None
    seen_at: str
    matched_by: str = "key"


class StoredArticle(Struct, kw_only=True, omit_defaults=False):
    article_id: int
    page_id: int
    page_key: str
    site: str
    extractor: str
    stored_at: str
    article: Article
    statements: tuple[StoredStatement, ...] = ()
    origins: tuple[Origin, ...] = ()


class Count(Struct, kw_only=True, omit_defaults=False):
    value: str
    count: int


class SpeakerSummary(Struct, kw_only=True, omit_defaults=False):
    speaker_id: int
    name: str
    kind: str
    statement_count: int
    first_said: str | None = None
    last_said: str | None = None


class SpeakerRecord(Struct, kw_only=True, omit_defaults=False):
    """A canonical speaker with the forms it is mentioned by and how articles describe it."""

    speaker_id: int
    name: str
    kind: str
    statement_count: int
    article_count: int
    first_said: str | None = None
    last_said: str | None = None
    mentions: tuple[Count, ...] = ()
    descriptions: tuple[Count, ...] = ()
    sites: tuple[Count, ...] = ()


class SpeakerPage(Struct, kw_only=True, omit_defaults=False):
    speakers: tuple[SpeakerSummary, ...] = ()
    next_cursor: str | None = None


class SiteSummary(Struct, kw_only=True, omit_defaults=False):
    site: str
    site_name: str | None
    article_count: int
    statement_count: int
    first_published: str | None = None
    last_published: str | None = None
    speaker_count: int = 0


class SiteRecord(Struct, kw_only=True, omit_defaults=False):
    site: SiteSummary
    articles: ArticlePage
    top_speakers: tuple[SpeakerSummary, ...] = ()


class FailureRecord(Struct, kw_only=True, omit_defaults=False):
    input: str
    stage: str
    reason: str
    attempts: int
    last_at: str
    page_key: str | None = None
    first_at: str | None = None


class Stats(Struct, kw_only=True, omit_defaults=False):
    pages: int
    articles: int
    statements: int
    speakers: int
    authors: int
    sites: int
    failures: int
    backend: str
    schema: tuple[str, ...] = ()
    origins: int = 0
