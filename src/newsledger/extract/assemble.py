"""Build the Article record from a Body and its Metadata: derived text, offsets, read time."""

from __future__ import annotations

import re
from itertools import filterfalse, repeat

import msgspec

from newsledger._version import __version__
from newsledger.extract.parts import Body, Metadata
from newsledger.model import Article, Block, Evidence, InputForm, ReadTime

EXTRACTOR = f"newsledger/{__version__}"

# Adult silent reading of non-fiction runs at about 230-240 words per minute (Brysbaert 2019:
# 238 wpm for English non-fiction); 230 is used, and a page of any length reads in >= 1 minute.
WORDS_PER_MINUTE = 230
BLOCK_SEPARATOR = "\n\n"
_WORD = re.compile(r"\w+")


def place_blocks(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], str]:
    """Join block texts into the article text and give each block its offsets in it."""
    placed: list[Block] = []
    pieces: list[str] = []
    cursor = 0
    for block in blocks:
        if not block.text:
            if block.kind == "figure":
                # A figure's caption is not body text: the block marks its place, zero-width.
                placed.append(msgspec.structs.replace(block, start=cursor, end=cursor))
            continue
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            cursor += len(BLOCK_SEPARATOR)
        end = cursor + len(block.text)
        placed.append(msgspec.structs.replace(block, start=cursor, end=end))
        pieces.append(block.text)
        cursor = end
    return tuple(placed), "".join(pieces)


# Characters that are never part of a word (\w): stripped from a token's edges, or replaced by a
# space, they leave the word count unchanged. The second set is the punctuation that keeps most
# English pages from being ASCII.
_NON_WORD_EDGES = " .,;:!?\"'()[]{}“”‘’«»—–-…/*#&%$@+=<>|\\"
_NON_WORD_NON_ASCII = "’‘“”—–…«»•·©\u00a0®°€£″′„‚›‹"
# ASCII word characters to "a", everything else to a space: a word then starts at each " a".
_ASCII_WORD_MARKS = (
    bytes(ord("a") if chr(code).isalnum() or code == ord("_") else ord(" ") for code in range(128))
    + b" " * 128
)

_UTF8_WORD_MARKS = _ASCII_WORD_MARKS[:128] + b"a" * 128
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]")


def count_words(text: str) -> int:
    """How many ``\\w+`` runs the text holds, as the regex counts them, in C-level string
    methods. ``\\w`` is exactly ``str.isalnum`` or "_" and never white space. Text that is ASCII
    once its common non-ASCII punctuation is blanked is marked byte by byte and its word starts
    counted; so is the UTF-8 of text whose other characters are all word characters (Cyrillic,
    accented letters); otherwise a white-space token that is all letters or digits is one word,
    and so is one that is after its punctuation is stripped; only the rest go through the regex."""
    for mark in _NON_WORD_NON_ASCII:
        if mark in text:
            text = text.replace(mark, " ")
    if text.isascii():
        marked = text.encode("ascii").translate(_ASCII_WORD_MARKS)
        return marked.count(b" a") + marked.startswith(b"a")
    if not _NON_ASCII_NON_WORD.search(text):
        # Every character beyond ASCII is a word character: each of its UTF-8 bytes is one too.
        marked = text.encode("utf-8").translate(_UTF8_WORD_MARKS)
        return marked.count(b" a") + marked.startswith(b"a")
    tokens = text.split()
    rest = list(filterfalse(str.isalnum, tokens))
    trimmed = list(map(str.strip, rest, repeat(_NON_WORD_EDGES)))
    simple = len(tokens) - len(rest) + sum(map(str.isalnum, trimmed))
    return simple + len(_WORD.findall(" ".join(filterfalse(str.isalnum, trimmed))))


def compute_read_time(text: str, stated: Metadata) -> ReadTime:
    words = count_words(text)
    stated_time = stated.stated_read_time
    return ReadTime(
        stated_minutes=stated_time.minutes if stated_time else None,
        computed_minutes=max(1, round(words / WORDS_PER_MINUTE)),
        words=words,
        words_per_minute=WORDS_PER_MINUTE,
        evidence=stated_time.evidence if stated_time else Evidence(source="computed"),
    )


def assemble(body: Body, metadata: Metadata, *, input_form: InputForm, url: str | None) -> Article:
    blocks, text = place_blocks(body.blocks)
    return Article(
        extractor=EXTRACTOR,
        input_form=input_form,
        url=url,
        page_type=metadata.page_type,
        canonical_url=metadata.canonical_url,
        headline=metadata.headline,
        subheadline=metadata.subheadline,
        site_name=metadata.site_name,
        section=metadata.section,
        language=metadata.language,
        authors=metadata.authors,
        published=metadata.published,
        modified=metadata.modified,
        lead_image=metadata.lead_image,
        images=metadata.images,
        read_time=compute_read_time(text, metadata),
        topics=metadata.topics,
        blocks=blocks,
        text=text,
        boilerplate=body.boilerplate,
        notes=body.notes,
    )
