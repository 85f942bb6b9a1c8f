"""Articles to Statements: who said what, according to whom, and when. Pure."""

from __future__ import annotations

from collections.abc import Collection

from newsledger.deadline import DeadlineLike, as_deadline
from newsledger.model import Article, Statement

__all__ = ["ATTRIBUTED_PAGE_TYPES", "attribute"]


# Pages whose text reports what people said: news and blog articles, and forum threads.
ATTRIBUTED_PAGE_TYPES = frozenset({"article", "forum"})


def attribute(
    article: Article,
    *,
    engine: str = "rules",
    reference: str | None = None,
    deadline: DeadlineLike = None,
    page_types: Collection[str] | None = ATTRIBUTED_PAGE_TYPES,
) -> tuple[Statement, ...]:
    """Every attributed statement in the article: headline, then body, then captions.

    Dates without a year resolve against ``reference`` (ISO 8601), else the article's
    publication date, else the latest fully printed date of the article. Raises
    :class:`newsledger.errors.DeadlineExceeded` when ``deadline`` (seconds from now, or a
    :class:`newsledger.Deadline`) passes before the work is done.

    Only pages of ``page_types`` are read (by default articles and forums: a product, service
    or listing page quotes no one); ``None`` reads every page. A record without a page type
    (made before it was read), or whose type rests on wording alone, is read.
    """
    from newsledger.attribute.engine import attribute_article

    if page_types is not None and _other_kind_of_page(article, page_types):
        return ()
    limit = as_deadline(deadline, article.url)
    return attribute_article(article, engine=engine, reference=reference, deadline=limit)


def _other_kind_of_page(article: Article, page_types: Collection[str]) -> bool:
    """Whether the page is surely not of ``page_types``: a type read from wording alone
    (``computed`` evidence) is not sure enough to leave a page's statements unread."""
    found = article.page_type
    return found is not None and found.value not in page_types and found.evidence.source != "computed"
