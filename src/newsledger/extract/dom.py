"""Parsing HTML into a tree (lexbor, through selectolax) and small helpers to read it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser


def parse_html(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)
