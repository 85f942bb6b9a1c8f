"""HTML page to Article: parse once, read the metadata, then take the body out of the tree."""

from __future__ import annotations

from newsledger.extract.assemble import assemble
from newsledger.extract.content import extract_body
from newsledger.extract.dom import parse_html
from newsledger.extract.metadata import extract_metadata
from newsledger.model import Article


def extract_html(html: str, url: str | None = None) -> Article:
    tree = parse_html(html)
    # Metadata first: body extraction prunes the tree it reads.
    metadata = extract_metadata(tree, url)
    body = extract_body(tree, url, metadata)
    return assemble(body, metadata, input_form="html", url=url)
