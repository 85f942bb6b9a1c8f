"""Text copied out of a browser to Article."""

from __future__ import annotations

from newsledger.extract.assemble import assemble
from newsledger.extract.parts import Body, Metadata
from newsledger.model import Article, Block, Evidence


def extract_text(text: str, url: str | None = None) -> Article:
    blocks = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            blocks.append(Block(kind="paragraph", text=line.strip(), evidence=Evidence(source="text-line", lines=(number, number))))
    return assemble(Body(blocks=tuple(blocks)), Metadata(), input_form="text", url=url)
