"""Articles to Statements: who said what, according to whom, and when. Pure."""

from __future__ import annotations

from newsledger.deadline import DeadlineLike, as_deadline
from newsledger.model import Article, Statement

__all__ = ["attribute"]


def attribute(
    article: Article, *, engine: str = "rules", reference: str | None = None, deadline: DeadlineLike = None
) -> tuple[Statement, ...]:
    """Every attributed statement in the article: headline, then body, then captions.

    Dates without a year resolve against ``reference`` (ISO 8601), else the article's
    publication date, else the latest fully printed date of the article. Raises
    :class:`newsledger.errors.DeadlineExceeded` when ``deadline`` (seconds from now, or a
    :class:`newsledger.Deadline`) passes before the work is done.
    """
    from newsledger.attribute.engine import attribute_article

    limit = as_deadline(deadline, article.url)
    return attribute_article(article, engine=engine, reference=reference, deadline=limit)
