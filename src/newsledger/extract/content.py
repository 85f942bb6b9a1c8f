"""The main content of an HTML page as ordered blocks, with boilerplate set aside."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsledger.extract.parts import Body, Metadata
from newsledger.model import Block, Evidence

_BLOCK_TAGS = "p, h1, h2, h3, h4, h5, h6, li, blockquote"


def extract_body(tree: LexborHTMLParser, url: str | None, metadata: Metadata) -> Body:
    blocks = []
    for index, node in enumerate(tree.css(_BLOCK_TAGS)):
        text = " ".join(node.text(separator=" ").split())
        if text:
            kind = "heading" if node.tag[0] == "h" else "paragraph"
            blocks.append(Block(kind=kind, text=text, evidence=Evidence(source="dom", locator=f"{node.tag}#{index}")))
    return Body(blocks=tuple(blocks))
