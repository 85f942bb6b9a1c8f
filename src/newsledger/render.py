"""Human-readable forms of an Article: Markdown and plain text."""

from __future__ import annotations

from newsledger.model import Article, Block, Image


def _markdown_block(block: Block) -> str:
    if block.kind == "heading":
        return "#" * min(max(block.level or 2, 1), 6) + " " + block.text
    if block.kind == "list":
        items = block.items or tuple(block.text.split("\n"))
        return "\n".join(
            (f"{number}. " if block.ordered else "- ") + item for number, item in enumerate(items, start=1)
        )
    if block.kind == "blockquote":
        return "\n".join("> " + line for line in block.text.split("\n"))
    if block.kind == "table" and block.rows:
        header, *rest = block.rows
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rest]
        return "\n".join(lines)
    if block.kind == "preformatted":
        return "```\n" + block.text + "\n```"
    if block.kind == "figure" and block.image:
        return _markdown_figure(block.image)
    return block.text


def _markdown_figure(image: Image) -> str:
    label = (image.alt or image.caption or "").replace("]", ")")
    lines = [f"![{label}]({image.url})" if image.url else ""]
    words = " ".join(part for part in (image.caption, f"({image.credit})" if image.credit else "") if part)
    if words:
        lines.append("*" + words + "*")
    return "\n".join(line for line in lines if line)


def to_markdown(article: Article) -> str:
    parts: list[str] = []
    if article.headline:
        parts.append("# " + article.headline.value)
    byline = ", ".join(author.name for author in article.authors)
    facts = [fact for fact in (byline, article.published.value if article.published else "") if fact]
    if facts:
        parts.append("*" + " · ".join(facts) + "*")
    parts.extend(filter(None, (_markdown_block(block) for block in article.blocks)))
    return "\n\n".join(parts) + "\n"


def to_text(article: Article) -> str:
    head = article.headline.value + "\n\n" if article.headline else ""
    return head + article.text + "\n"
