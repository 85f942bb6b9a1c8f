"""Copied text to numbered lines with the measurements the other steps read.

A browser copy puts each block on its own line (paragraphs usually separated by a blank line);
a text-mode dump wraps paragraphs at a fixed width. :func:`split_lines` undoes the wrapping so
that every :class:`Line` is one block, and keeps the 1-based numbers of the input lines it spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WORD_START = re.compile(r"\b\w")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_INNER_SENTENCE = re.compile(r"[.!?…][\"'”’»)]*\s+[\"“«‘(]?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ0-9]")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BULLET = re.compile(r"^(?:[-*•·–—▪►●◦]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+)")
_WRAP_MIN = 55
_WRAP_MAX = 100


@dataclass(slots=True)
class Line:
    """One block of the copied page: its text and the input lines it came from."""

    first: int
    last: int
    text: str
    blank_before: bool
    words: int = 0
    lower_ratio: float = 0.0
    ends_sentence: bool = False
    sentences: int = 0
    key: str = field(default="", repr=False)

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first, self.last)


def measure(line: Line) -> Line:
    """Fill in the measurements; kept to a few C-level passes because every line goes through it."""
    text = line.text
    starts = _WORD_START.findall(text)
    words = len(starts)
    if not text.isascii():
        # Scripts written without spaces (Chinese, Japanese) count about two characters a word.
        words = max(words, len(_UNSPACED.findall(text)) // 2)
    line.words = words
    alpha = sum(map(str.isalpha, starts))
    # Words of caseless scripts (Korean, Arabic...) count as lower-case running text.
    line.lower_ratio = (alpha - sum(map(str.isupper, starts))) / alpha if alpha else 0.0
    line.ends_sentence = bool(_SENTENCE_END.search(text))
    if words >= 8:
        line.sentences = len(_INNER_SENTENCE.findall(text)) + line.ends_sentence
    line.key = text.casefold()
    return line


def _is_wrapped(raw: list[str]) -> bool:
    """True when long lines stop at a common width: the page was dumped by a text-mode browser."""
    lengths = [len(r.rstrip()) for r in raw if r.strip()]
    long = [n for n in lengths if n >= _WRAP_MIN]
    if len(long) < 5 or max(lengths) > _WRAP_MAX:
        return False
    width = max(long)
    return sum(1 for n in long if n >= width - 12) >= 0.6 * len(long)


def _unwrap(raw: list[tuple[int, str]], width: int) -> list[tuple[int, int, str]]:
    """Join each paragraph's wrapped lines; a short line or a bullet ends the paragraph."""
    joined: list[tuple[int, int, str]] = []
    open_paragraph = False
    for number, text in raw:
        stripped = text.strip()
        if open_paragraph and joined and not _BULLET.match(stripped):
            first, _, previous = joined[-1]
            joined[-1] = (first, number, f"{previous} {stripped}")
        else:
            joined.append((number, number, stripped))
        open_paragraph = len(text.rstrip()) >= width - 15
    return joined


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` as measured :class:`Line` records, wrapping undone."""
    raw = text.splitlines()
    wrapped = _is_wrapped(raw)
    width = max((len(r.rstrip()) for r in raw), default=0)
    lines: list[Line] = []
    group: list[tuple[int, str]] = []

    def flush() -> None:
        pieces = _unwrap(group, width) if wrapped else [(n, n, t.strip()) for n, t in group]
        for index, (first, last, body) in enumerate(pieces):
            lines.append(measure(Line(first=first, last=last, text=body, blank_before=index == 0)))
        group.clear()

    for number, raw_line in enumerate(raw, start=1):
        if raw_line.strip():
            group.append((number, raw_line))
            continue
        if group:
            flush()
    if group:
        flush()
    return lines
