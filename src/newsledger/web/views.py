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
    page_type: str | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.q or self.speaker or self.site or self.since or self.until or self.kind or self.page_type
        )


def searchable(query: str) -> bool:
    """Whether the query has a word to look for (``"--"`` or ``-word`` alone has none)."""
    from newsledger.errors import InputError
    from newsledger.ledger.query import fts5_query

    try:
        fts5_query(query)
    except InputError:
        return False
    return True


def query_reading(query: str) -> str | None:
    """How the full-text index reads the words typed: the terms it must match (``"a" AND "b"``),
    or None when there are no words (filters alone)."""
    from newsledger.errors import InputError
    from newsledger.ledger.query import fts5_query

    if not query:
        return None
    try:
        return fts5_query(query)
    except InputError:
        return ""


def search(ledger, params: SearchParams) -> dict:
    """One page of statement or article hits, as builtins; a query without words finds nothing."""
    if params.q and not searchable(params.q):
        return {"items": [], "next_cursor": None}
    filters = {
        "site": params.site,
        "since": params.since,
        "until": params.until,
        "page_type": params.page_type,
    }
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
    from newsledger.web.sources import article_source

    stored = ledger.article(article_id)
    return None if stored is None else article_view(stored, article_source(ledger, stored.page_key))


def article_view(stored, source: dict | None = None) -> dict:
    """A stored article (found through ``source``, if followed) with its statements marked in the
    text; pure, so it runs off the event loop."""
    statements = tuple(item.statement for item in stored.statements)
    speaker_ids = {item.statement.id: item.speaker_id for item in stored.statements}
    return {
        "stored": stored,
        "source": source,
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
    described = msgspec.to_builtins(record)
    described["mentions"] = merged_by_case(described["mentions"])
    outlets = [
        {"site": site, "name": name or site or "(no site)", "count": count}
        for site, name, count in ledger.speaker_outlets(speaker_id)
    ]
    return {
        "speaker": described,
        "outlets": outlets,
        "statements": statements,
        "timeline_counts": [{"month": month, "count": count} for month, count in sorted(months.items())],
        "timeline": build_timeline(months),
    }


def merged_by_case(counts: list[dict]) -> list[dict]:
    """Counts of values that differ only in letter case ("She", "she") as one, under a capitalised
    form where there is one (the most counted of those), most counted first."""
    groups: dict[str, list[dict]] = {}
    for item in counts:
        groups.setdefault(item["value"].casefold(), []).append(item)
    merged = [
        {
            "value": max(group, key=lambda item: (item["value"][:1].isupper(), item["count"]))["value"],
            "count": sum(item["count"] for item in group),
        }
        for group in groups.values()
    ]
    return sorted(merged, key=lambda item: (-item["count"], item["value"]))


def speaker_json(view: dict) -> dict:
    return {
        "speaker": view["speaker"],
        "statements": view["statements"],
        "outlets": view["outlets"],
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


def sites(ledger, cursor: str | None = None, limit: int = 50) -> dict:
    """One page of sites, most articles first; the cursor holds the count of sites already shown."""
    from newsledger.errors import InputError
    from newsledger.ledger.query import decode_cursor, encode_cursor

    skip = decode_cursor(cursor).get("shown", 0)
    if not isinstance(skip, int) or isinstance(skip, bool) or skip < 0:
        raise InputError("not a cursor this server issued", input_name=cursor)
    every = ledger.sites()
    shown = every[skip : skip + limit]
    more = skip + limit < len(every)
    return {
        "items": msgspec.to_builtins(shown),
        "next_cursor": encode_cursor({"shown": skip + limit}) if more else None,
    }


def stats(ledger) -> dict:
    return msgspec.to_builtins(ledger.stats())
