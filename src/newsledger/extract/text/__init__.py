"""Text copied out of a browser (or dumped by a text-mode browser) to an Article."""

from __future__ import annotations

from newsledger.extract.assemble import assemble
from newsledger.extract.parts import Body, Metadata
from newsledger.extract.text.body import find_body
from newsledger.extract.text.lines import split_lines
from newsledger.model import Article, Block, Evidence


def extract_text(text: str, url: str | None = None) -> Article:
    lines = split_lines(text)
    start, end, kinds = find_body(lines)
    blocks = []
    for line, kind in zip(lines[start:end], kinds[start:end], strict=True):
        if kind is None:
            blocks.append(Block(kind="paragraph", text=line.text, evidence=Evidence(source="text-line", lines=line.lines)))
    return assemble(Body(blocks=tuple(blocks)), Metadata(), input_form="text", url=url)
