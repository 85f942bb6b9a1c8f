"""Text copied out of a browser (or dumped by a text-mode browser) to an Article.

The page is read as numbered lines (:mod:`.lines`); each line that is page furniture is
classified on its own (:mod:`.classify`); the body is the densest run of prose (:mod:`.body`);
the metadata is read from the lines around it (:mod:`.meta`). Every line ends up in exactly one
place: a body block, a metadata field's evidence, or the classified boilerplate.
"""

from __future__ import annotations

import re

from newsledger.deadline import Deadline
from newsledger.extract.assemble import assemble
from newsledger.extract.pagetype import copied_text_page_type
from newsledger.extract.parts import Body, Metadata
from newsledger.extract.text import meta
from newsledger.extract.text.body import find_body, is_prose, short_line_clusters
from newsledger.extract.text.classify import Kind
from newsledger.extract.text.lines import Line, split_lines
from newsledger.model import Article, Block, Boilerplate, Evidence, Image, TextField

__all__ = ["extract_text"]

_OUTSIDE: Kind = ("other", "outside the article")
_LIST_ITEM = re.compile(r"^(?:[-*•·–▪►●◦]\s+|\d{1,3}[.)]\s+)")


# Text copied from a news page runs to tens of kilobytes (100 KB is the largest of 181 bench
# pages). Past this length the rest is cut at a line end, so that a pathological input costs
# bounded time (about a second at this length).
MAX_TEXT_CHARS = 500_000


def extract_text(text: str, url: str | None = None, *, deadline: Deadline | None = None) -> Article:
    check = deadline.check if deadline is not None else _no_check
    text, cut_notes = _cut(text)
    lines = split_lines(text)
    check("extract: classifying lines")
    start, end, kinds = find_body(lines)
    check("extract: metadata")
    reading = read_metadata(lines, kinds, start, end)
    check("extract: body")
    clusters = short_line_clusters(lines, start, end)
    for index in clusters:
        if kinds[index] is None:
            kinds[index] = ("navigation", "a cluster of short lines (a menu or a teaser list)")
    body_indexes = [
        i
        for i in range(start, end)
        if kinds[i] is None and i not in reading.used and i not in reading.relabel
    ]
    meta.note_unprinted_date(lines, body_indexes, reading)
    blocks = make_blocks(lines, body_indexes)
    aside = sorted(set(range(len(lines))).difference(body_indexes, reading.used))
    boilerplate = make_boilerplate(lines, kinds, reading, aside)
    body = Body(blocks=blocks, boilerplate=boilerplate, notes=cut_notes + tuple(reading.notes))
    fields = dict(reading.fields)
    fields["page_type"] = copied_text_page_type(bool(fields.get("published")), bool(fields.get("authors")))
    return assemble(body, Metadata(**fields), input_form="text", url=url)  # type: ignore[arg-type]


def _no_check(step: str) -> None:
    pass


def _cut(text: str) -> tuple[str, tuple[str, ...]]:
    if len(text) <= MAX_TEXT_CHARS:
        return text, ()
    end = text.rfind("\n", 0, MAX_TEXT_CHARS)
    if end < MAX_TEXT_CHARS // 2:
        end = MAX_TEXT_CHARS
    return text[:end], (f"text cut to its first {end:,} characters of {len(text):,}",)


def read_metadata(lines: list[Line], kinds: list[Kind | None], start: int, end: int) -> meta.Reading:
    reading = meta.Reading()
    meta.read_dates(lines, kinds, range(start, end), reading)
    headline = meta.read_headline(lines, kinds, start, reading)
    limit = start + 3
    meta.read_section(lines, reading, limit)
    meta.read_read_time(lines, reading, limit)
    meta.read_authors(lines, reading, limit, byline_limit=min(start + 12, end))
    meta.read_lead_image(lines, kinds, headline, start, reading)
    meta.read_site_name(lines, kinds, reading)
    mark_captions(lines, start, end, reading)
    meta.mark_author_box(lines, range(start, end), reading)
    read_standfirst(lines, start, end, reading)
    if "read_time" in reading.fields:
        reading.fields["stated_read_time"] = reading.fields.pop("read_time")
    return reading


def read_standfirst(lines: list[Line], start: int, end: int, reading: meta.Reading) -> None:
    """A sentence between the headline and the byline or date line is the standfirst, not body."""
    for index in range(start + 1, min(start + 4, end)):
        kind = reading.relabel.get(index)
        if kind is None or kind[0] not in {"dateline", "byline"}:
            continue
        before = [i for i in range(start, index) if i not in reading.relabel and i not in reading.used]
        if len(before) == 1 and "subheadline" not in reading.fields:
            first = before[0]
            reading.fields["subheadline"] = TextField(
                value=lines[first].text, evidence=meta.evidence(lines, first, first)
            )
            reading.used.add(first)
        return


def mark_captions(lines: list[Line], start: int, end: int, reading: meta.Reading) -> None:
    """Picture captions inside the body are images, not paragraphs."""
    images = []
    for index in range(start, end):
        if index in reading.captions or lines[index].words > 60:
            continue
        parts = meta.split_caption(lines[index].text, lines[index].key)
        if parts:
            caption, credit = parts
            images.append(
                Image(
                    caption=caption,
                    credit=credit,
                    evidence=meta.evidence(lines, index, index, raw=lines[index].text),
                )
            )
            reading.relabel[index] = ("caption", "a picture caption with its credit")
    if images:
        reading.fields["images"] = tuple(images)


def make_blocks(lines: list[Line], body_indexes: list[int]) -> tuple[Block, ...]:
    """Body lines as blocks; adjacent lines that open with a bullet or a number form one list."""
    blocks: list[Block] = []
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 2:
            blocks.append(make_list(lines, run))
        else:
            blocks.extend(make_block(lines, i) for i in run)
        run.clear()

    for index in body_indexes:
        is_item = _LIST_ITEM.match(lines[index].text) is not None
        if is_item and (not run or run[-1] == index - 1):
            run.append(index)
            continue
        flush()
        if is_item:
            run.append(index)
        else:
            blocks.append(make_block(lines, index))
    flush()
    return tuple(blocks)


def make_list(lines: list[Line], indexes: list[int]) -> Block:
    items = tuple(_LIST_ITEM.sub("", lines[i].text, count=1) for i in indexes)
    first, last = lines[indexes[0]].first, lines[indexes[-1]].last
    return Block(
        kind="list",
        text="\n".join(items),
        items=items,
        ordered=lines[indexes[0]].text[0].isdigit(),
        evidence=Evidence(source="text-line", locator=f"lines {first}-{last}", lines=(first, last)),
    )


def make_block(lines: list[Line], index: int) -> Block:
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    heading = (
        line.words <= 14
        and not line.ends_sentence
        and following is not None
        and is_prose(following)
        and not is_prose(line)
    )
    return Block(
        kind="heading" if heading else "paragraph",
        text=line.text,
        level=2 if heading else None,
        evidence=Evidence(source="text-line", locator=f"line {line.first}", lines=line.lines),
    )


def make_boilerplate(
    lines: list[Line], kinds: list[Kind | None], reading: meta.Reading, aside: list[int]
) -> tuple[Boilerplate, ...]:
    """The lines set aside, classified; adjacent lines of one kind (a menu, a share bar) are one item."""
    groups: list[list] = []  # [kind, first index, last index]
    relabel = reading.relabel
    for index in aside:
        kind = relabel.get(index) or kinds[index] or _OUTSIDE
        if groups and groups[-1][2] == index - 1 and groups[-1][0] == kind and not lines[index].blank_before:
            groups[-1][2] = index
        else:
            groups.append([kind, index, index])
    return tuple(
        Boilerplate(
            kind=kind[0],
            text=lines[first].text
            if first == last
            else "\n".join([line.text for line in lines[first : last + 1]]),
            reason=kind[1],
            evidence=Evidence(source="text-line", lines=(lines[first].first, lines[last].last)),
        )
        for kind, first, last in groups
    )
