"""One page to its records: extract, then attribute, or the reason it could not be done. Pure."""

from __future__ import annotations

from newsledger.deadline import Deadline
from newsledger.errors import NewsledgerError
from newsledger.model import Article, Page, SourceFailure, Statement, Struct


class Processed(Struct, kw_only=True):
    """A page with what was made of it: the article and its statements, or the failure."""

    page: Page
    article: Article | None = None
    statements: tuple[Statement, ...] = ()
    failure: SourceFailure | None = None


def page_name(page: Page) -> str:
    return page.origin or page.url or page.key


def failed(page: Page, stage: str, reason: str) -> Processed:
    return Processed(page=page, failure=SourceFailure(input=page_name(page), stage=stage, reason=reason))


def process_page(page: Page, deadline: Deadline | None = None) -> Processed:
    """Extract the article and attribute its statements; a failure is returned, never raised.

    Past ``deadline`` the work stops with a timeout failure (keeping the article when only the
    attribution ran out of time)."""
    from newsledger.attribute import attribute
    from newsledger.extract import extract_page

    name = page_name(page)
    try:
        article = extract_page(page, deadline=deadline)
    except NewsledgerError as err:
        return failed(page, err.stage, str(err.for_input(name)))
    except Exception as err:  # an extractor bug must cost one page, not the run
        return failed(page, "extract", f"{name}: internal error: {type(err).__name__}: {err}")
    try:
        statements = attribute(article, deadline=deadline)
    except NewsledgerError as err:
        return Processed(page=page, article=article, failure=_failure(name, err.stage, str(err.for_input(name))))
    except Exception as err:
        reason = f"{name}: internal error: {type(err).__name__}: {err}"
        return Processed(page=page, article=article, failure=_failure(name, "attribute", reason))
    return Processed(page=page, article=article, statements=statements)


def _failure(name: str, stage: str, reason: str) -> SourceFailure:
    return SourceFailure(input=name, stage=stage, reason=reason)
