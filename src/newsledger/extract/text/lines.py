"""Copied text to numbered lines with the measurements the other steps read.

A browser copy puts each block on its own line (paragraphs usually separated by a blank line);
a text-mode dump wraps paragraphs at a fixed width. :func:`split_lines` undoes the wrapping so
that every :class:`Line` is one block, and keeps the 1-based numbers of the input lines it spans.
"""

from __future__ import annotations

import re
import string
from itertools import compress, count
from operator import itemgetter, not_

import msgspec

_first = itemgetter(0)

_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_INNER_SENTENCE = re.compile(r"[.!?…][\"'”’»)]*\s+[\"“«‘(]?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ0-9]")
_ENDS = frozenset(".!?…。！？")
_CLOSERS = frozenset("\"'”’»)]")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BULLET = re.compile(r"^(?:[-*•·–—▪►●◦]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+)")
_WRAP_MIN = 55
_WRAP_MAX = 100


class Line(msgspec.Struct, gc=False):
    """One block of the copied page: its text and the input lines it came from.

    A Struct rather than a dataclass: every line of every page is built, and a Struct is built
    in C and not tracked by the garbage collector (it holds only strings and numbers).
    """

    first: int
    last: int
    text: str
    blank_before: bool
    words: int = 0
    lower_ratio: float = 0.0
    ends_sentence: bool = False
    key: str = ""
    key_tokens: list[str] | None = None

    @property
    def tokens(self) -> list[str]:
        """The lower-cased words (split on white space), computed once when first asked for."""
        if self.key_tokens is None:
            self.key_tokens = self.key.split()
        return self.key_tokens

    def sentences(self) -> int:
        """How many sentences the line holds (counted only when asked: it reads the whole line)."""
        return len(_INNER_SENTENCE.findall(self.text)) + self.ends_sentence

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first, self.last)


# Letters IGNORECASE ties to a letter other than their lower-case form ("ſ" matches "s"); a test
# derives them from the patterns that run over lower-cased text (none hold other such letters).
CASE_BLIND_ODD_LETTERS = "İıſ\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"
_ODD_LETTER = re.compile(f"[{CASE_BLIND_ODD_LETTERS}]")


def lowered_reads_as_text(text: str, lowered: str) -> bool:
    """True when a case-sensitive pattern of lower-case phrases finds over ``lowered`` (the
    text lower-cased, with the same length) what it finds ignoring case over ``text``: case-blind
    alternations are tried letter by letter at every position, case-sensitive ones skip each
    alternative on its first letter, several times faster."""
    return text.isascii() or (len(lowered) == len(text) and not _ODD_LETTER.search(text))


_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()


def _lower_ratio(printed_words: list[str]) -> float:
    """Share of words that do not start with a capital; words of caseless scripts (Korean,
    Arabic...) count as lower-case running text."""
    firsts = "".join(map(_first, printed_words))
    if firsts.isascii():
        # The common case, counted by deleting bytes rather than testing each character.
        raw = firsts.encode()
        alpha = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
    else:
        alpha = sum(map(str.isalpha, firsts))
        upper = sum(map(str.isupper, firsts))
    return (alpha - upper) / alpha if alpha else 0.0


def make_line(first: int, last: int, text: str, blank_before: bool) -> Line:
    """One measured line."""
    return measure_lines([first], [last], [text], [blank_before])[0]


def measure_lines(firsts: list[int], lasts: list[int], texts: list[str], blanks: list[bool]) -> list[Line]:
    """Measured lines, in a few C-level passes each: every line of every page comes here, so the
    loop is written out in one body rather than as calls per line."""
    lines: list[Line] = []
    append = lines.append
    ends, closers, sentence_end = _ENDS, _CLOSERS, _SENTENCE_END
    for first, last, text, blank_before in zip(firsts, lasts, texts, blanks, strict=True):
        key = text.lower()
        end = text[-1]
        ends_sentence = end in ends or (end in closers and sentence_end.search(text[-4:]) is not None)
        # Short lines are split once, lower-cased; long ones once as printed, for the capitals.
        if len(text) < 48:
            tokens = key.split()
            words = len(tokens)
            if len(text) > 12 * words and not text.isascii():
                words = max(words, len(_UNSPACED.findall(text)) // 2)
            lower_ratio = _lower_ratio(text.split()) if words >= 8 else 0.0
            append(Line(first, last, text, blank_before, words, lower_ratio, ends_sentence, key, tokens))
            continue
        if text.isascii():
            words, lower_ratio = _ascii_measures(text)
        elif (plain := _ascii_stand_in(text)) is not None:
            words, lower_ratio = _ascii_measures(plain)
        else:
            printed = text.split()
            words = len(printed)
            if len(text) > 12 * words:
                # Scripts written without spaces (Chinese, Japanese) count about two characters a word.
                words = max(words, len(_UNSPACED.findall(text)) // 2)
            lower_ratio = _lower_ratio(printed) if words >= 8 else 0.0
        append(Line(first, last, text, blank_before, words, lower_ratio, ends_sentence, key, None))
    return lines


# ASCII bytes by class: white space (as str.split has it) " ", capitals "U", small letters "l",
# anything else "o". A word starts at the first byte and after each space.
_ASCII_CLASSES = (
    bytes(
        ord(
            " "
            if chr(code).isspace()
            else "U"
            if chr(code).isupper()
            else "l"
            if chr(code).islower()
            else "o"
        )
        for code in range(128)
    )
    + b"o" * 128
)


def _ascii_measures(text: str) -> tuple[int, float]:
    """(words, lower_ratio) of an ASCII line, from the classes of the bytes that start its words,
    without splitting it: the same counts as the split."""
    marks = text.encode("ascii").translate(_ASCII_CLASSES)
    opening = marks[:1]
    upper = marks.count(b" U") + (opening == b"U")
    lower = marks.count(b" l") + (opening == b"l")
    words = upper + lower + marks.count(b" o") + (opening == b"o")
    alpha = upper + lower
    return words, (lower / alpha if words >= 8 and alpha else 0.0)


# Characters beyond ASCII that most English lines hold, with ASCII stand-ins of the same class
# for the measures (white space for white space; neither letter nor space for the rest).
_STAND_INS = (
    ("’", "'"),
    ("‘", "'"),
    ("“", '"'),
    ("”", '"'),
    ("—", "-"),
    ("–", "-"),
    ("…", "."),
    ("«", '"'),
    ("»", '"'),
    ("\xa0", " "),
)


def _ascii_stand_in(text: str) -> str | None:
    """The line with its curly quotes, dashes and no-break spaces as ASCII, when nothing else in
    it is beyond ASCII: it measures as the line does (a test holds them equal)."""
    for mark, stand_in in _STAND_INS:
        if mark in text:
            text = text.replace(mark, stand_in)
    return text if text.isascii() else None


def _is_wrapped(raw: list[str]) -> bool:
    """True when long lines stop at a common width: the page was dumped by a text-mode browser."""
    if any(len(r) > 2 * _WRAP_MAX for r in raw):
        return False
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
    # Numbered as an editor numbers them: only line feeds (after CR LF and lone CR) end a line,
    # not the rarer separators str.splitlines() also honours (form feed, U+2028...).
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if _is_wrapped(raw):
        return _split_wrapped(raw)
    stripped = list(map(str.strip, raw))
    numbers = list(compress(count(1), stripped))
    # A line has a blank line before it when the input line above it is blank (or it is the first).
    blanks = list(map(not_, compress(["", *stripped[:-1]], stripped)))
    return measure_lines(numbers, numbers, list(compress(stripped, stripped)), blanks)


def _split_wrapped(raw: list[str]) -> list[Line]:
    width = max(len(r.rstrip()) for r in raw)
    rows: list[tuple[int, int, str, bool]] = []
    group: list[tuple[int, str]] = []
    for number, raw_line in enumerate([*raw, ""], start=1):
        if raw_line.strip():
            group.append((number, raw_line))
            continue
        rows += [
            (first, last, body, index == 0) for index, (first, last, body) in enumerate(_unwrap(group, width))
        ]
        group.clear()
    if not rows:
        return []
    firsts, lasts, texts, blanks = map(list, zip(*rows, strict=True))
    return measure_lines(firsts, lasts, texts, blanks)
