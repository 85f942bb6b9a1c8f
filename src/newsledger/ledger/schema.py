"""The ledger's schema as named migrations, one list per database.

A migration is applied once, in its own transaction, and recorded by name in
``schema_migrations``; opening a ledger applies the ones it has not seen. Append new migrations
at the end; never edit one that has shipped.
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    name: str
    statements: tuple[str, ...]


_TABLES = """
CREATE TABLE pages (
    id {pk},
    key TEXT NOT NULL UNIQUE,
    url TEXT,
    origin TEXT NOT NULL DEFAULT '',
    fetched_at TEXT,
    headers TEXT NOT NULL DEFAULT '[]',
    form TEXT,
    codec TEXT NOT NULL,
    content {blob} NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    extractor TEXT NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE TABLE articles (
    id {pk},
    page_id INTEGER NOT NULL UNIQUE REFERENCES pages(id) ON DELETE CASCADE,
    url TEXT,
    canonical_url TEXT,
    site TEXT NOT NULL DEFAULT '',
    site_name TEXT,
    headline TEXT,
    published TEXT,
    language TEXT,
    text TEXT NOT NULL DEFAULT '',
    statement_count INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL,
    extractor TEXT NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE INDEX articles_site ON articles(site, id);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE authors (
    id {pk},
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    url TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX authors_article ON authors(article_id);
CREATE INDEX authors_name ON authors(name);
CREATE TABLE speakers (
    id {pk},
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'unknown',
    statement_count INTEGER NOT NULL DEFAULT 0,
    first_said TEXT,
    last_said TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX speakers_count ON speakers(statement_count);
CREATE TABLE statements (
    id {pk},
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    statement_key TEXT NOT NULL,
    speaker_id INTEGER REFERENCES speakers(id),
    speaker_name TEXT,
    kind TEXT NOT NULL,
    cue_lemma TEXT NOT NULL,
    channel TEXT,
    content TEXT NOT NULL,
    date TEXT,
    said_on TEXT,
    site TEXT NOT NULL DEFAULT '',
    record TEXT NOT NULL,
    extractor TEXT NOT NULL
);
CREATE INDEX statements_article ON statements(article_id, position);
CREATE INDEX statements_speaker ON statements(speaker_id, id);
CREATE INDEX statements_site ON statements(site, id);
CREATE INDEX statements_said_on ON statements(said_on);
CREATE TABLE speaker_mentions (
    id {pk},
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    mention TEXT NOT NULL,
    description TEXT,
    resolution TEXT NOT NULL,
    statement_count INTEGER NOT NULL,
    extractor TEXT NOT NULL
);
CREATE INDEX speaker_mentions_speaker ON speaker_mentions(speaker_id);
CREATE INDEX speaker_mentions_article ON speaker_mentions(article_id);
CREATE TABLE failures (
    id {pk},
    input TEXT NOT NULL,
    page_key TEXT,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    extractor TEXT NOT NULL,
    UNIQUE (input, stage, reason)
);
CREATE INDEX failures_page ON failures(page_key);
"""

_SQLITE_FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, headline, text) VALUES (new.id, coalesce(new.headline, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.id, coalesce(old.headline, ''), old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.id, coalesce(old.headline, ''), old.text);
    INSERT INTO articles_fts(rowid, headline, text) VALUES (new.id, coalesce(new.headline, ''), new.text);
END;
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, content='statements', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2',
    prefix='3 4'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;
"""

_POSTGRES_FTS = """
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(headline, '') || ' ' || left(text, 500000))
) STORED;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
ALTER TABLE statements ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED;
CREATE INDEX statements_tsv ON statements USING GIN (tsv);
"""


# Per-site counts kept up to date by the writer, so that listing sites and opening one read a
# few rows instead of aggregating every article and statement of a site on each request.
_SITE_COUNTS = """
CREATE TABLE sites (
    site TEXT PRIMARY KEY,
    site_name TEXT,
    article_count INTEGER NOT NULL DEFAULT 0,
    statement_count INTEGER NOT NULL DEFAULT 0,
    speaker_count INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    last_published TEXT
);
CREATE INDEX sites_article_count ON sites(article_count DESC, site);
CREATE TABLE site_speakers (
    site TEXT NOT NULL,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    statement_count INTEGER NOT NULL DEFAULT 0,
    first_said TEXT,
    last_said TEXT,
    PRIMARY KEY (site, speaker_id)
);
CREATE INDEX site_speakers_count ON site_speakers(site, statement_count DESC, speaker_id);
CREATE INDEX site_speakers_speaker ON site_speakers(speaker_id, statement_count DESC);
CREATE INDEX articles_site_published ON articles(site, (coalesce(published, '')), id);
INSERT INTO sites (site, site_name, article_count, statement_count, first_published, last_published)
SELECT site, max(site_name), count(*), coalesce(sum(statement_count), 0), min(published), max(published)
FROM articles GROUP BY site;
INSERT INTO site_speakers (site, speaker_id, statement_count, first_said, last_said)
SELECT site, speaker_id, count(*), min(said_on), max(said_on)
FROM statements WHERE speaker_id IS NOT NULL GROUP BY site, speaker_id;
UPDATE sites SET speaker_count = (SELECT count(*) FROM site_speakers WHERE site_speakers.site = sites.site);
"""


# Every place a page was seen (file path, WARC record, URL): a page stored once keeps all of
# them, and ``url_key`` lets a page read again under another name or with other bytes be matched
# to the article already stored for its address.
_PROVENANCE = """
CREATE TABLE page_origins (
    id {pk},
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    key TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL DEFAULT '',
    url TEXT,
    fetched_at TEXT,
    seen_at TEXT NOT NULL,
    matched_by TEXT NOT NULL DEFAULT 'key'
);
CREATE INDEX page_origins_page ON page_origins(page_id, id);
INSERT INTO page_origins (page_id, key, origin, url, fetched_at, seen_at)
SELECT id, key, origin, url, fetched_at, stored_at FROM pages;
CREATE INDEX pages_sha256 ON pages(sha256);
ALTER TABLE articles ADD COLUMN url_key TEXT;
CREATE INDEX articles_url_key ON articles(url_key);
"""


# Statements are listed newest first by the date they were made (``said_on``: the statement's
# date, else its article's publication date), then newest stored. One integer carries that
# order: the date as YYYYMMDD (a month or year alone padded with zeros, no date 0) shifted above
# the statement id. SQLite's full-text index uses it as its rowid, so walking the index from
# the top gives matches already in that order and a search stops at its page size.
ID_BITS = 34  # statement ids below 2**34
ID_MASK = (1 << ID_BITS) - 1
_SAID_DATE_SQLITE = """(CASE
    WHEN said_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN CAST(replace(substr(said_on, 1, 10), '-', '') AS INTEGER)
    WHEN said_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN CAST(replace(substr(said_on, 1, 7), '-', '') AS INTEGER) * 100
    WHEN said_on GLOB '[0-9][0-9][0-9][0-9]*' THEN CAST(substr(said_on, 1, 4) AS INTEGER) * 10000
    ELSE 0 END)"""
_SAID_DATE_POSTGRES = r"""(CASE
    WHEN said_on ~ '^\d{4}-\d{2}-\d{2}' THEN replace(substr(said_on, 1, 10), '-', '')::bigint
    WHEN said_on ~ '^\d{4}-\d{2}' THEN replace(substr(said_on, 1, 7), '-', '')::bigint * 100
    WHEN said_on ~ '^\d{4}' THEN substr(said_on, 1, 4)::bigint * 10000
    ELSE 0 END)"""

_SQLITE_BY_DATE = f"""
DROP TRIGGER statements_fts_insert;
DROP TRIGGER statements_fts_delete;
DROP TRIGGER statements_fts_update;
DROP TABLE statements_fts;
ALTER TABLE statements ADD COLUMN said_key INTEGER GENERATED ALWAYS AS ({_SAID_DATE_SQLITE} * {1 << ID_BITS} + id) VIRTUAL;
CREATE INDEX statements_said_key ON statements(said_key);
CREATE INDEX statements_speaker_said ON statements(speaker_id, said_key);
CREATE INDEX statements_site_said ON statements(site, said_key);
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, content='statements', content_rowid='said_key', tokenize='porter unicode61 remove_diacritics 2',
    prefix='3 4'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content) VALUES (new.said_key, new.content);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.said_key, old.content);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content, said_on ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.said_key, old.content);
    INSERT INTO statements_fts(rowid, content) VALUES (new.said_key, new.content);
END;
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
"""

_POSTGRES_BY_DATE = f"""
ALTER TABLE statements ADD COLUMN said_key BIGINT GENERATED ALWAYS AS ({_SAID_DATE_POSTGRES} * {1 << ID_BITS} + id) STORED;
CREATE INDEX statements_said_key ON statements(said_key);
CREATE INDEX statements_speaker_said ON statements(speaker_id, said_key);
CREATE INDEX statements_site_said ON statements(site, said_key);
"""


# Following outlets (``newsledger sources`` / ``watch``): the sources polled, the robots.txt of
# their hosts, and every article URL found, with its state, so a killed round resumes.
_FOLLOW = """
CREATE TABLE sources (
    id {pk},
    url TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    outlet TEXT NOT NULL,
    parent_id INTEGER REFERENCES sources(id),
    via TEXT NOT NULL DEFAULT 'given',
    state TEXT NOT NULL DEFAULT 'active',
    etag TEXT,
    last_modified TEXT,
    last_poll TEXT,
    last_success TEXT,
    last_status INTEGER,
    last_error TEXT,
    articles_found INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll TEXT,
    added_at TEXT NOT NULL
);
CREATE INDEX sources_outlet ON sources(outlet, id);
CREATE TABLE source_hosts (
    host TEXT PRIMARY KEY,
    robots TEXT,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT
);
CREATE TABLE source_urls (
    id {pk},
    url TEXT NOT NULL UNIQUE,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    published TEXT,
    state TEXT NOT NULL,
    page_key TEXT,
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    found_at TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX source_urls_state ON source_urls(state, id);
CREATE INDEX source_urls_page ON source_urls(page_key);
CREATE INDEX IF NOT EXISTS pages_url ON pages(url);
"""


def _split(script: str) -> tuple[str, ...]:
    """Statements of a script; a trigger body (BEGIN … END;) stays one statement."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        in_trigger = joined.upper().startswith("CREATE TRIGGER")
        if (in_trigger and line.strip().upper() == "END;") or (not in_trigger and line.rstrip().endswith(";")):
            statements.append(joined.rstrip(";"))
            current = []
    return tuple(statement for statement in statements if statement)


# The page type (Article.page_type) as a column, filled from the stored records, for filtering.
_PAGE_TYPE_COLUMN = """
ALTER TABLE articles ADD COLUMN page_type TEXT;
UPDATE articles SET page_type = {value} WHERE page_type IS NULL;
CREATE INDEX IF NOT EXISTS articles_by_page_type ON articles (page_type, id);
"""

# What a statement attributes (speech, writing, belief, evidence); NULL for statements stored
# before the engine said it.
_STATEMENT_ATTRIBUTION = """
ALTER TABLE statements ADD COLUMN attribution TEXT;
CREATE INDEX statements_attribution ON statements(attribution, id);
"""


SQLITE_MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_tables", _split(_TABLES.format(pk="INTEGER PRIMARY KEY", blob="BLOB"))),
    Migration("0002_full_text_search", _split(_SQLITE_FTS)),
    Migration("0003_site_counts", _split(_SITE_COUNTS)),
    Migration("0005_page_provenance", _split(_PROVENANCE.format(pk="INTEGER PRIMARY KEY"))),
    Migration("0006_statements_by_date", _split(_SQLITE_BY_DATE)),
    Migration("0007_follow_sources", _split(_FOLLOW.format(pk="INTEGER PRIMARY KEY"))),
    Migration("0008_statement_attribution", _split(_STATEMENT_ATTRIBUTION)),
    Migration("0009_article_page_type", _split(_PAGE_TYPE_COLUMN.format(value="json_extract(record, '$.page_type.value')"))),
)

POSTGRES_MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_tables", _split(_TABLES.format(pk="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", blob="BYTEA"))),
    Migration("0002_full_text_search", _split(_POSTGRES_FTS)),
    # A larger sample of words lets the planner see that a rare word is rare; otherwise it walks
    # the primary key backwards for "newest first" and reads most of the table to find 21 rows.
    Migration(
        "0003_search_statistics",
        (
            "ALTER TABLE statements ALTER COLUMN tsv SET STATISTICS 1000",
            "ALTER TABLE articles ALTER COLUMN tsv SET STATISTICS 1000",
        ),
    ),
    Migration("0004_site_counts", _split(_SITE_COUNTS)),
    Migration("0005_page_provenance", _split(_PROVENANCE.format(pk="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"))),
    Migration("0006_statements_by_date", _split(_POSTGRES_BY_DATE)),
    Migration("0007_follow_sources", _split(_FOLLOW.format(pk="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"))),
    Migration("0008_statement_attribution", _split(_STATEMENT_ATTRIBUTION)),
    Migration("0009_article_page_type", _split(_PAGE_TYPE_COLUMN.format(value="record::jsonb -> 'page_type' ->> 'value'"))),
)

MIGRATIONS_TABLE = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
