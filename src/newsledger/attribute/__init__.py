"""Articles to Statements: who said what, according to whom, and when. Pure."""

from __future__ import annotations

from newsledger.model import Article, Statement

__all__ = ["attribute"]


def attribute(article: Article, *, engine: str = "rules") -> tuple[Statement, ...]:
    """Every attributed statement in the article, in text order."""
    from newsledger.attribute.engine import attribute_article

    return attribute_article(article, engine=engine)
