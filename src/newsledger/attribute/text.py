"""A fast regex tokenizer, quotation finder and sentence splitter, all keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|(?:''|``)[^'\n]*(?:'(?!')[^'\n]*)*''")
QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})
CLOSING_MARKS = frozenset({"”", '"', "''"})
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?]+(?:''|[”\"’'])?(?=\s+(?:''|``|[“\"‘(])?[A-Z0-9])|[.!?]+(?:''|[”\"’'])?\s*$")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "prof",
    "rev", "capt", "sgt", "adm", "corp", "inc", "co", "ltd", "no", "vs", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u",
    "d.c", "a.m", "p.m", "ft", "mt", "ave", "dept", "est", "fig", "gov't", "messrs", "ariz",
    "calif", "fla", "ill", "mass", "mich", "minn", "pa", "tenn", "tex", "va", "wash", "wis",
})


_TOKEN = re.compile(r"''|``|(?:[A-Za-z]\.){2,}|\w+(?:[’'\-]\w+)*(?:\.\d+)*|[“”\"‘’']|\S")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one text part, with its tokens and the quotations wholly inside it.

    Sentences without any cue word are left untokenised (``tokens`` is empty): no rule
    can find a statement in them."""

    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]
    quotes: tuple[tuple[int, int], ...]


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Word, number, quotation-mark and punctuation tokens; an abbreviation keeps its period."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        if word == "." and tokens and tokens[-1].end == match.start() and tokens[-1].lower in ABBREVIATIONS:
            last = tokens[-1]
            tokens[-1] = Token(last.start, match.end(), last.text + ".", last.lower + ".")
            continue
        append(Token(match.start(), match.end(), word, word.lower()))
    return tuple(tokens)


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quotations (with their marks) between ``start`` and ``end``."""
    return [match.span() for match in _QUOTE.finditer(text, start, end) if match.end() - match.start() > 2]


def _inside(position: int, quotes: list[tuple[int, int]]) -> bool:
    return any(start < position < end - 1 for start, end in quotes)


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the period ending at ``end`` closes an abbreviation or an initial."""
    word_start = end - 1
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start : end - 1].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str, start: int = 0, end: int | None = None, quotes: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph; never breaks inside a quotation."""
    end = len(text) if end is None else end
    quotes = find_quotes(text, start, end) if quotes is None else quotes
    spans = []
    current = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if (quotes and _inside(match.start(), quotes)) or (text[match.start()] == "." and _is_abbreviation(text, match.start() + 1)):
            continue
        if text[current:stop].strip():
            spans.append(_trim(text, current, stop))
        current = stop
    if text[current:end].strip():
        spans.append(_trim(text, current, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of a text part: each one a paragraph."""
    return [_trim(text, *m.span()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


_WORD = re.compile(r"[a-z]+")


def sentences(text: str, cue_words: frozenset[str] = frozenset()) -> list[Sentence]:
    """Every sentence of a text part, paragraph by paragraph; only those with a word of
    ``cue_words`` (all of them when it is empty) are tokenised."""
    result = []
    for number, (para_start, para_end) in enumerate(paragraphs(text)):
        paragraph_quotes = find_quotes(text, para_start, para_end)
        for start, end in split_sentences(text, para_start, para_end, paragraph_quotes):
            quotes = tuple(q for q in paragraph_quotes if start <= q[0] and q[1] <= end)
            wanted = not cue_words or not cue_words.isdisjoint(_WORD.findall(text[start:end].lower()))
            result.append(Sentence(start, end, number, tokenize(text, start, end) if wanted else (), quotes))
    return result
