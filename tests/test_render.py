"""Markdown and plain-text renderings of an Article."""

from __future__ import annotations

from newsledger.model import Article, Author, Block, Evidence, Image, TextField
from newsledger.render import to_markdown, to_text

EVIDENCE = Evidence(source="computed")


def _article(*blocks: Block) -> Article:
    text = "\n\n".join(block.text for block in blocks if block.text)
    return Article(
        input_form="html",
        headline=TextField(value="Harbour bridge reopens", evidence=EVIDENCE),
        authors=(Author(name="Ines Varga", evidence=EVIDENCE),),
        blocks=blocks,
        text=text,
    )


def test_markdown_keeps_block_kinds_apart():
    article = _article(
        Block(kind="paragraph", text="The bridge reopened on Monday."),
        Block(kind="heading", text="Traffic", level=2),
        Block(kind="list", text="Cars\nBuses", items=("Cars", "Buses"), ordered=True),
        Block(kind="blockquote", text="It is a relief."),
        Block(kind="table", text="", rows=(("Lane", "Open"), ("North", "yes"))),
    )
    markdown = to_markdown(article)
    assert markdown.startswith("# Harbour bridge reopens\n\n*Ines Varga*\n\n")
    assert "## Traffic" in markdown
    assert "1. Cars\n2. Buses" in markdown
    assert "> It is a relief." in markdown
    assert "| Lane | Open |\n| --- | --- |\n| North | yes |" in markdown


def test_a_figure_shows_its_image_caption_and_credit():
    image = Image(url="https://example.org/b.jpg", caption="The reopened bridge", credit="Photo: J. Holm", evidence=EVIDENCE)
    article = _article(Block(kind="paragraph", text="Opening."), Block(kind="figure", text="", image=image))
    markdown = to_markdown(article)
    assert "![The reopened bridge](https://example.org/b.jpg)\n*The reopened bridge (Photo: J. Holm)*" in markdown
    assert "\n\n\n" not in markdown


def test_plain_text_is_headline_then_body():
    article = _article(Block(kind="paragraph", text="Opening."))
    assert to_text(article) == "Harbour bridge reopens\n\nOpening.\n"
