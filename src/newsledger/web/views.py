"""What each page shows, gathered once for the HTML page and its JSON twin."""

from __future__ import annotations

import msgspec

from newsledger.model import Page
from newsledger.web.highlight import marked_body, marked_headline
from newsledger.web.submit import Extracted


def with_url(page: Page, url: str) -> Page:
    return msgspec.structs.replace(page, url=url)


def store_extracted(ledger, extracted: Extracted) -> dict:
    """Stores the page and its record; the same page stored twice is kept once."""
    from newsledger.ingest import Processed

    processed = Processed(
        page=extracted.page, article=extracted.article, statements=extracted.statements, failure=None
    )
    result = ledger.store(processed)
    return {"article_id": str(result.article_id), "created": bool(result.created)}


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
        "stored": stored,
    }
