"""Choosing and running an attribution engine."""

from __future__ import annotations

from newsledger.errors import AttributionError
from newsledger.model import Article, Statement


def attribute_article(article: Article, *, engine: str = "rules") -> tuple[Statement, ...]:
    if engine != "rules":
        raise AttributionError(f"unknown attribution engine {engine!r}")
    return ()
