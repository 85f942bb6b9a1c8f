"""Statements of a text laid out one paragraph per line, for the span and structure tests."""

from __future__ import annotations

import re

from newsledger.attribute.engine import attribute_article
from newsledger.model import Article, Block


def article_of_lines(text: str) -> Article:
    """An Article of ``text`` whose every non-empty line is a paragraph."""
    blocks = tuple(Block(kind="paragraph", text=m.group(), start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text))
    return Article(input_form="text", text=text, blocks=blocks)


def found(text: str) -> list[tuple[str, str, str]]:
    """(source mention, cue, content) of each body statement."""
    return [
        (s.speaker.mention.text if s.speaker.mention else "", s.cue.span.text, s.content.text)
        for s in attribute_article(article_of_lines(text))
        if s.part == "body"
    ]
