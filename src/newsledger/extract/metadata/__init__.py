"""Article metadata from an HTML page, each field with its evidence."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsledger.extract.parts import Metadata
from newsledger.model import Evidence, TextField


def extract_metadata(tree: LexborHTMLParser, url: str | None) -> Metadata:
    title = tree.css_first("title")
    headline = None
    if title is not None and title.text(strip=True):
        headline = TextField(value=title.text(strip=True), evidence=Evidence(source="dom", locator="title"))
    return Metadata(headline=headline)
