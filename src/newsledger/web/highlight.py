"""Statements marked in the article text, as flat segments the templates escape.

A segment is a run of text plus the marks on it (which statement, which role). The HTML is
built only by the template from these segments, so article text is always escaped.
"""

from __future__ import annotations

import itertools
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
        return self.marks[0].statement if self.marks else None

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
    """``text`` (which starts at ``offset`` in the marked source) cut where any range starts or ends."""
    length = len(text)
    clipped = [
        Range(max(item.start - offset, 0), min(item.end - offset, length), item.mark)
        for item in ranges
        if item.end > offset and item.start < offset + length
    ]
    cuts = sorted({0, length, *(r.start for r in clipped), *(r.end for r in clipped)})
    result: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        marks = tuple(r.mark for r in clipped if r.start <= start and r.end >= end)
        result.append(Segment(text=text[start:end], marks=marks))
    return tuple(segment for segment in result if segment.text)


def _part_ranges(statements: Iterable[Statement], part: str) -> list[Range]:
    return [r for statement in statements if statement.part == part for r in statement_ranges(statement)]


def marked_body(article: Article, statements: Sequence[Statement]) -> tuple[MarkedBlock, ...]:
    """The article's blocks with the body statements marked in them."""
    ranges = _part_ranges(statements, "body")
    blocks = []
    for block in article.blocks:
        end = block.end if block.end > block.start else block.start + len(block.text)
        text = (
            article.text[block.start : end] if article.text[block.start : end] == block.text else block.text
        )
        blocks.append(
            MarkedBlock(kind=block.kind, level=block.level, segments=segments(text, ranges, block.start))
        )
    if not blocks and article.text:
        blocks.append(MarkedBlock(kind="paragraph", level=None, segments=segments(article.text, ranges)))
    return tuple(blocks)


def marked_headline(article: Article, statements: Sequence[Statement]) -> tuple[Segment, ...]:
    if article.headline is None:
        return ()
    return segments(article.headline.value, _part_ranges(statements, "headline"))
