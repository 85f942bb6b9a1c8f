"""What each page shows, gathered once for the HTML page and its JSON twin."""

from __future__ import annotations

import msgspec

from newsledger.model import Page
from newsledger.web.highlight import marked_body, marked_headline
from newsledger.web.submit import Extracted
from newsledger.web.timeline import build_timeline


def with_url(page: Page, url: str) -> Page:
    """The page as published at ``url``, keyed like a fetched page so the two meet in the ledger."""
    from newsledger.sources.keys import url_key

    return msgspec.structs.replace(page, url=url, key=url_key(url, page.content), origin=url)


def store_extracted(ledger, extracted: Extracted) -> dict:
    """Stores the page and its record; the same page stored twice is kept once."""
    from newsledger.ingest import Processed

    processed = Processed(
        page=extracted.page, article=extracted.article, statements=extracted.statements, failure=None
    )
    result = ledger.store(processed)
    return {"page_id": result.page_id, "article_id": result.article_id, "created": result.stored}


def extracted_json(extracted: Extracted, stored: dict | None) -> dict:
    return {
        "article": msgspec.to_builtins(extracted.article),
        "statements": msgspec.to_builtins(extracted.statements),
        "stored": stored,
    }


def extracted_view(extracted: Extracted, stored: dict | None) -> dict:
    """The add page's result: the record with its statements marked in the text."""
    return {
        "article": extracted.article,
        "statements": extracted.statements,
        "headline_segments": marked_headline(extracted.article, extracted.statements),
        "blocks": marked_body(extracted.article, extracted.statements),
        "cards": msgspec.to_builtins(extracted.statements),
        "stored": stored,
    }


# --------------------------------------------------------------------------- ledger-backed pages


class SearchParams(msgspec.Struct, frozen=True, kw_only=True):
    q: str = ""
    scope: str = "statements"
    speaker: int | str | None = None
    site: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    cursor: str | None = None
    limit: int = 20

    @property
    def active(self) -> bool:
        return bool(self.q or self.speaker or self.site or self.since or self.until or self.kind)


def searchable(query: str) -> bool:
    """Whether the query has a word to look for (``"--"`` or ``-word`` alone has none)."""
    from newsledger.errors import InputError
    from newsledger.ledger.query import fts5_query

    try:
        fts5_query(query)
    except InputError:
        return False
    return True


def search(ledger, params: SearchParams) -> dict:
    """One page of statement or article hits, as builtins; a query without words finds nothing."""
    if params.q and not searchable(params.q):
        return {"items": [], "next_cursor": None}
    filters = {"site": params.site, "since": params.since, "until": params.until}
    if params.scope == "articles":
        page = ledger.search_articles(params.q, **filters, limit=params.limit, cursor=params.cursor)
    else:
        page = ledger.search(
            params.q,
            **filters,
            speaker=params.speaker,
            kind=params.kind,
            limit=params.limit,
            cursor=params.cursor,
        )
    return {"items": msgspec.to_builtins(page.hits), "next_cursor": page.next_cursor}


def article(ledger, article_id: int) -> dict | None:
    stored = ledger.article(article_id)
    if stored is None:
        return None
    statements = tuple(item.statement for item in stored.statements)
    speaker_ids = {item.statement.id: item.speaker_id for item in stored.statements}
    from newsledger.web.sources import article_source

    return {
        "stored": stored,
        "source": article_source(ledger, stored.page_key),
        "article": stored.article,
        "statements": statements,
        "speaker_ids": speaker_ids,
        "headline_segments": marked_headline(stored.article, statements),
        "blocks": marked_body(stored.article, statements),
        "cards": [
            {**msgspec.to_builtins(item.statement), "speaker_id": item.speaker_id}
            for item in stored.statements
        ],
    }


def article_json(view: dict) -> dict:
    stored = view["stored"]
    info = {key: getattr(stored, key) for key in ("page_id", "page_key", "site", "extractor", "stored_at")}
    info["source"] = view.get("source")
    statements = [
        {
            **msgspec.to_builtins(item.statement),
            "statement_id": item.statement_id,
            "speaker_id": item.speaker_id,
        }
        for item in stored.statements
    ]
    return {
        "article_id": stored.article_id,
        "article": msgspec.to_builtins(stored.article),
        "statements": statements,
        "info": info,
    }


def speaker(ledger, speaker_id: int, cursor: str | None, limit: int = 20) -> dict | None:
    """Who the speaker is per the articles, their statements newest first, and the monthly counts."""
    record = ledger.speaker(speaker_id)
    if record is None:
        return None
    page = ledger.speaker_statements(speaker_id, limit=limit, cursor=cursor)
    statements = {"items": msgspec.to_builtins(page.hits), "next_cursor": page.next_cursor}
    months = {item.value: item.count for item in ledger.speaker_timeline(speaker_id)}
    return {
        "speaker": msgspec.to_builtins(record),
        "statements": statements,
        "timeline_counts": [{"month": month, "count": count} for month, count in sorted(months.items())],
        "timeline": build_timeline(months),
    }


def speaker_json(view: dict) -> dict:
    return {
        "speaker": view["speaker"],
        "statements": view["statements"],
        "outlets": view["speaker"]["sites"],
        "timeline": view["timeline_counts"],
    }


def site(ledger, name: str, cursor: str | None, limit: int = 20) -> dict | None:
    record = ledger.site(name, cursor=cursor, limit=limit)
    if record is None:
        return None
    return {
        "site": msgspec.to_builtins(record.site),
        "articles": {
            "items": msgspec.to_builtins(record.articles.hits),
            "next_cursor": record.articles.next_cursor,
        },
        "top_speakers": msgspec.to_builtins(record.top_speakers),
    }


def speakers(ledger, cursor: str | None, limit: int = 50, query: str | None = None) -> dict:
    """Speakers, most quoted first; ``query`` keeps those whose name contains it."""
    page = ledger.speakers(query=query or None, cursor=cursor, limit=limit)
    return {"items": msgspec.to_builtins(page.speakers), "next_cursor": page.next_cursor}


def sites(ledger) -> dict:
    """Every site; there are few enough to list on one page."""
    return {"items": msgspec.to_builtins(ledger.sites()), "next_cursor": None}


def stats(ledger) -> dict:
    return msgspec.to_builtins(ledger.stats())
