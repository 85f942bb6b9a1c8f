"""Statements marked in the article text, as flat segments the templates escape.

A segment is a run of text plus the marks on it (which statement, which role). The HTML is
built only by the template from these segments, so article text is always escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import msgspec

from newsledger.model import Article, Statement

Role = Literal["content", "cue", "speaker", "channel", "date"]
ROLE_ORDER: tuple[Role, ...] = ("speaker", "cue", "channel", "date", "content")


class Mark(msgspec.Struct, frozen=True, kw_only=True):
    statement: str
    role: Role


class Segment(msgspec.Struct, frozen=True, kw_only=True):
    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def statement(self) -> str | None:
        """The statement this text belongs to most closely: the innermost of those marking it
        (marks come in the order their ranges start), so a statement nested in another keeps
        its own link and highlight."""
        return self.marks[-1].statement if self.marks else None

    @property
    def statements(self) -> tuple[str, ...]:
        """Every statement marking this text, outermost first, each once."""
        return tuple(dict.fromkeys(mark.statement for mark in self.marks))

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(sorted({mark.role for mark in self.marks}, key=ROLE_ORDER.index))


class MarkedBlock(msgspec.Struct, frozen=True, kw_only=True):
    kind: str
    level: int | None
    segments: tuple[Segment, ...]


class Range(msgspec.Struct, frozen=True):
    start: int
    end: int
    mark: Mark


def statement_ranges(statement: Statement) -> list[Range]:
    """Every span of one statement, each as a range with its role."""
    ranges: list[Range] = []
    contents = statement.fragments or (statement.content,)
    for span in contents:
        ranges.append(Range(span.start, span.end, Mark(statement=statement.id, role="content")))
    ranges.append(
        Range(statement.cue.span.start, statement.cue.span.end, Mark(statement=statement.id, role="cue"))
    )
    optional = (
        ("speaker", statement.speaker.mention),
        ("channel", statement.channel.mention if statement.channel else None),
        ("date", statement.date.expression if statement.date else None),
    )
    for role, span in optional:
        if span is not None:
            ranges.append(Range(span.start, span.end, Mark(statement=statement.id, role=role)))
    return [item for item in ranges if item.end > item.start]


def segments(text: str, ranges: Sequence[Range], offset: int = 0) -> tuple[Segment, ...]:
    """``text`` (which starts at ``offset`` in the marked source) cut where any range starts or ends.

    One sweep over the sorted range ends: O((n + cuts) log n) plus the marks written out, so a
    page with thousands of statements costs no more than its size.
    """
    length = len(text)
    events: list[tuple[int, int, int]] = []
    for index, item in enumerate(ranges):
        start, end = max(item.start - offset, 0), min(item.end - offset, length)
        if end > start:
            events.append((start, 1, index))
            events.append((end, 0, index))
    events.sort()
    result: list[Segment] = []
    active: dict[int, Mark] = {}
    position = 0
    for at, opens, index in events:
        if at > position:
            result.append(_segment(text[position:at], active))
            position = at
        if opens:
            active[index] = ranges[index].mark
        else:
            active.pop(index, None)
    if position < length:
        result.append(_segment(text[position:], active))
    return tuple(result)


def _segment(text: str, active: dict[int, Mark]) -> Segment:
    """A run of text with the marks open over it, in the order the ranges were given."""
    return Segment(text=text, marks=tuple(active[index] for index in sorted(active)))


def _part_ranges(statements: Iterable[Statement], part: str) -> list[Range]:
    """The part's ranges by start, the wider first where two start together, so that a
    segment's last mark is its innermost."""
    ranges = [r for statement in statements if statement.part == part for r in statement_ranges(statement)]
    return sorted(ranges, key=lambda item: (item.start, -item.end))


def marked_body(article: Article, statements: Sequence[Statement]) -> tuple[MarkedBlock, ...]:
    """The article's blocks with the body statements marked in them.

    Each block is given only the ranges that reach into it (found with a sweep over ranges
    sorted by start), so the work grows with blocks plus ranges, not with their product.
    """
    ranges = _part_ranges(statements, "body")
    spans = [(block, _block_text(article, block)) for block in article.blocks]
    reaching = _ranges_per_block([(block.start, block.start + len(text)) for block, text in spans], ranges)
    blocks = [
        MarkedBlock(kind=block.kind, level=block.level, segments=segments(text, near, block.start))
        for (block, text), near in zip(spans, reaching, strict=True)
    ]
    if not blocks and article.text:
        blocks.append(MarkedBlock(kind="paragraph", level=None, segments=segments(article.text, ranges)))
    return tuple(blocks)


def _block_text(article: Article, block) -> str:
    end = block.end if block.end > block.start else block.start + len(block.text)
    text = article.text[block.start : end]
    return text if text == block.text else block.text


def _ranges_per_block(extents: Sequence[tuple[int, int]], ranges: Sequence[Range]) -> list[list[Range]]:
    """For each block extent, the ranges (sorted by start) that overlap it, in range order."""
    order = sorted(range(len(extents)), key=lambda index: extents[index])
    reaching: list[list[Range]] = [[] for _ in extents]
    open_ranges: list[Range] = []
    next_range = 0
    for index in order:
        start, end = extents[index]
        while next_range < len(ranges) and ranges[next_range].start < end:
            open_ranges.append(ranges[next_range])
            next_range += 1
        open_ranges = [item for item in open_ranges if item.end > start]
        reaching[index] = [item for item in open_ranges if item.start < end]
    return reaching


def marked_headline(article: Article, statements: Sequence[Statement]) -> tuple[Segment, ...]:
    if article.headline is None:
        return ()
    return segments(article.headline.value, _part_ranges(statements, "headline"))
