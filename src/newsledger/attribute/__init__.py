"""Articles to Statements: who said what, according to whom, and when. Pure."""

from __future__ import annotations

from newsledger.model import Article, Statement

__all__ = ["attribute"]


def attribute(article: Article, *, engine: str = "rules", reference: str | None = None) -> tuple[Statement, ...]:
    """Every attributed statement in the article: headline, then body, then captions.

    Dates without a year resolve against ``reference`` (ISO 8601), else the article's
    publication date, else the latest fully printed date of the article.
    """
    from newsledger.attribute.engine import attribute_article

    return attribute_article(article, engine=engine, reference=reference)
