"""A fast regex tokenizer, quotation finder and sentence splitter, all keeping character offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

from newsledger.attribute.lexicon import FUNCTION_WORDS

# Matched marks first; then a curly opening closed by a straight or doubled-apostrophe mark and
# the reverse, as typed or converted by hand ('“…"', '"…’’'). A straight mark after a comma or an
# end mark and before a space closes a quotation ('“… a wall," he said. "It’s …”'): curly marks
# around it are two quotations, not one.
# The look-ahead on the opening marks spares the alternation at every other character.
_QUOTE = re.compile(
    r"(?=[“\"'`])(?:"
    r"“[^“”\"]*(?:(?:(?<![,.?!])\"|(?<=[,.?!])\"(?!\s))[^“”\"]*)*”|\"[^\"\n]*\"|(?:''|``)[^'\n]*(?:'(?!')[^'\n]*)*''"
    r"|“[^“”\"\n]*?(?:’’|\")|\"[^\"“”\n]*?(?:’’|”)"
    r")"
)
_OPENING = re.compile(r"[“\"](?=\w)")
_CLOSING = re.compile(r"[”\"]|’’")
QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``", "’’"})
CLOSING_MARKS = frozenset({"”", '"', "''", "’’"})
MAX_SENTENCE_CHARS = 3_000  # beyond any sentence of the bench news; longer ones are read in windows
_PARAGRAPH = re.compile(r"[^\n]+")
# A run of end marks is tried once, from its first mark, and never given back: tried from every
# mark with backtracking, a long run of periods or "?!" cost quadratic time. The pattern opens on
# the mark itself (the look-behind after it) so that the search skips ahead to the next mark.
_SENTENCE_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+(?:(?:''|[”\"’'])?\)?(?=\s+(?:''|``|[“\"‘])?[(\[]?[A-Z0-9])|(?:''|[”\"’'])?\)?\s*$)")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "prof",
    "rev", "capt", "sgt", "adm", "corp", "inc", "co", "ltd", "no", "vs", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u",
    "d.c", "a.m", "p.m", "ft", "mt", "ave", "dept", "est", "fig", "gov't", "messrs", "ariz",
    "calif", "fla", "ill", "mass", "mich", "minn", "pa", "tenn", "tex", "va", "wash", "wis",
})
# Abbreviations a name or a number follows: their period never ends a sentence. After the others
# (a country, a state, "Inc.", "p.m.") a word that opens sentences or a quotation starts a new one.
_BEFORE_NAMES = frozenset({
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "prof", "rev", "capt",
    "sgt", "adm", "messrs", "mt", "ft", "no", "vs", "fig", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
})


_NEXT_WORD = re.compile(r"\s+[“\"‘(]?(\w+)")
_NEXT_QUOTATION = re.compile(r"\s+(?:“|``|\"(?=\w))")
_CONTRACTED_PRONOUN = re.compile(r"(?i)(he|she|it|they|we|i|you|who)[’'](?:s|re|ve|d|ll|m)$")
CONTRACTED_AUXILIARIES = frozenset(f"{mark}{ending}" for mark in "’'" for ending in ("s", "re", "ve", "d", "ll", "m"))
_LONGEST_ABBREVIATION = max(len(word) for word in ABBREVIATIONS)
_TOKEN = re.compile(r"''|’’|``|(?:[A-Za-z]\.){2,}|\w+(?:[’'\-]\w+)*(?:\.\d+)*|[“”\"‘’']|\S")
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")


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
    can find a statement in them. ``cut_from`` is the length of the sentence this one is a
    window of, when a pathologically long sentence was read in windows (else 0). ``starts``
    and ``quoted`` index the tokens once, so that lookups by offset stay logarithmic."""

    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]
    quotes: tuple[tuple[int, int], ...]
    cut_from: int = 0
    starts: tuple[int, ...] = field(default=(), repr=False)
    quoted: tuple[bool, ...] = field(default=(), repr=False)

    def token_index(self, position: int) -> int:
        """The first token starting at or after ``position`` (``len(tokens)`` if none)."""
        return bisect_left(self.starts, position)

    def quote_ending_at(self, position: int) -> tuple[int, int] | None:
        index = bisect_left(self.quotes, position, key=_end_of) if self.quotes else 0
        return self.quotes[index] if index < len(self.quotes) and self.quotes[index][1] == position else None

    def quote_starting_at(self, position: int) -> tuple[int, int] | None:
        index = bisect_left(self.quotes, position, key=_start_of) if self.quotes else 0
        return self.quotes[index] if index < len(self.quotes) and self.quotes[index][0] == position else None

    def quote_around_end(self, position: int) -> tuple[int, int] | None:
        """The quotation with ``start < position <= end``."""
        index = bisect_left(self.quotes, position, key=_end_of) if self.quotes else 0
        if index < len(self.quotes) and self.quotes[index][0] < position <= self.quotes[index][1]:
            return self.quotes[index]
        return None

    def quotes_within(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        return _within(self.quotes, start, end)


def _start_of(quote: tuple[int, int]) -> int:
    return quote[0]


def _end_of(quote: tuple[int, int]) -> int:
    return quote[1]


def _within(quotes: tuple[tuple[int, int], ...] | list[tuple[int, int]], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The quotations (sorted, not overlapping) lying wholly inside [start, end]."""
    first = bisect_left(quotes, start, key=_start_of)
    last = bisect_right(quotes, end, key=_start_of)
    return tuple(quote for quote in quotes[first:last] if quote[1] <= end)


_START = attrgetter("start")


def make_sentence(text: str, start: int, end: int, paragraph: int, quotes: tuple[tuple[int, int], ...], tokenise: bool, cut_from: int = 0) -> Sentence:
    tokens = tokenize(text, start, end) if tokenise else ()
    starts = tuple(map(_START, tokens))
    return Sentence(start, end, paragraph, tokens, quotes, cut_from, starts, _quoted_mask(starts, quotes))


def _quoted_mask(starts: tuple[int, ...], quotes: tuple[tuple[int, int], ...]) -> tuple[bool, ...]:
    """For each token start, whether it lies inside a quotation (marks included)."""
    mask = [False] * len(starts)
    for quote_start, quote_end in quotes:
        for index in range(bisect_left(starts, quote_start), bisect_left(starts, quote_end)):
            mask[index] = True
    return tuple(mask)


_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _is_initial(token: Token, text: str, after: int) -> bool:
    """A capital letter standing alone before its period and a capitalised word is a name's
    initial ("Dennis B. Ross", "E. J. Fleming"): the period is part of the name."""
    return len(token.text) == 1 and token.text.isupper() and _NAME_GOES_ON.match(text, after) is not None


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Word, number, quotation-mark and punctuation tokens; an abbreviation keeps its period."""
    tokens: list[Token] = []
    append = tokens.append
    position = start
    # Each token comes with the spaces before it, so offsets add up without a match object each.
    for space, word in _SPACED_TOKEN.findall(text, start, len(text) if end is None else end):
        begin = position + len(space)
        position = begin + len(word)
        if word == "." and tokens and tokens[-1].end == begin and (tokens[-1].lower in ABBREVIATIONS or _is_initial(tokens[-1], text, position)):
            last = tokens[-1]
            tokens[-1] = Token(last.start, position, last.text + ".", last.lower + ".")
            continue
        if "’" in word or "'" in word:  # most words hold no apostrophe: the pattern is not tried
            contracted = _CONTRACTED_PRONOUN.match(word)
            if contracted is not None:  # "He’s", "they're": the pronoun, then the auxiliary
                cut = contracted.end(1)
                append(Token(begin, begin + cut, word[:cut], word[:cut].lower()))
                append(Token(begin + cut, position, word[cut:], word[cut:].lower()))
                continue
        append(Token(begin, position, word, word.lower()))
    return tuple(tokens)


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quotations (with their marks) between ``start`` and ``end``."""
    return [match.span() for match in _QUOTE.finditer(text, start, end) if match.end() - match.start() > 2]


def open_to_paragraph_end(
    text: str, start: int, end: int, quotes: list[tuple[int, int]], next_start: int | None
) -> tuple[int, int] | None:
    """A quotation opened in this paragraph and left open, when the next paragraph opens with a
    quotation mark: the convention of a quotation running over several paragraphs."""
    if next_start is None or text[next_start : next_start + 1] not in {"“", '"'}:
        return None
    after = quotes[-1][1] if quotes else start
    opening = _OPENING.search(text, after, end)
    if opening is None or _CLOSING.search(text, opening.end(), end) is not None:
        return None
    return opening.start(), end


def _inside(position: int, quotes: list[tuple[int, int]]) -> bool:
    index = bisect_left(quotes, position, key=_start_of) - 1  # the last quotation opening before it
    return index >= 0 and position < quotes[index][1] - 1


def _closes_quotation(text: str, position: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether a period and a closing mark end a quotation at ``position`` ('...smart.” Trump').
    After "!" or "?" the words that follow are most often its attribution ('...Kentucky!” Trump
    tweeted'), so such a quotation ends no sentence."""
    index = bisect_left(quotes, position, key=_end_of)
    if index == len(quotes) or quotes[index][1] != position:
        return False
    marks = text[quotes[index][0] : position].rstrip("”\"’'")
    return marks.endswith(".")


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the period ending at ``end`` closes an abbreviation or an initial."""
    word_start = end - 1
    floor = max(end - 1 - _LONGEST_ABBREVIATION, 0)
    while word_start > floor and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    if word_start == floor and floor > 0 and (text[floor - 1].isalnum() or text[floor - 1] == "."):
        return False  # a longer word: neither an abbreviation nor an initial
    word = text[word_start : end - 1].lower()
    if word in _BEFORE_NAMES or (len(word) == 1 and word.isalpha()):
        return True
    if word in ABBREVIATIONS:
        return not _opens_sentence(text, end)
    return _initials(word) and not _opens_sentence(text, end)


def _initials(word: str) -> bool:
    """Letters each closed by a period ("g.k", "j.r.r"): the initials of a name, or an
    abbreviation such as a state's ("N.C.")."""
    return all(len(part) == 1 and part.isalpha() for part in word.split("."))


def _opens_sentence(text: str, position: int) -> bool:
    """Whether the word after ``position`` is one that opens sentences ("The", "He", "But"),
    rather than a name going on after its initials, or a quotation opening ('N.Y. “Secretary')."""
    if _NEXT_QUOTATION.match(text, position):
        return True
    match = _NEXT_WORD.match(text, position)
    return match is not None and match.group(1).lower() in FUNCTION_WORDS


def split_sentences(text: str, start: int = 0, end: int | None = None, quotes: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph; never breaks inside a quotation."""
    end = len(text) if end is None else end
    quotes = find_quotes(text, start, end) if quotes is None else quotes
    spans = []
    current = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if (quotes and _inside(match.start(), quotes) and not _closes_quotation(text, match.end(), quotes)) or (
            text[match.start()] == "." and _is_abbreviation(text, match.start() + 1)
        ):
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
    ``cue_words`` (all of them when it is empty) are tokenised. A sentence longer than
    ``MAX_SENTENCE_CHARS`` is read in windows of at most that length (``cut_from`` says so)."""
    result = []
    spans = paragraphs(text)
    for number, (para_start, para_end) in enumerate(spans):
        paragraph_quotes = find_quotes(text, para_start, para_end)
        next_start = spans[number + 1][0] if number + 1 < len(spans) else None
        running = open_to_paragraph_end(text, para_start, para_end, paragraph_quotes, next_start)
        if running is not None:
            paragraph_quotes.append(running)
        for sentence_start, sentence_end in split_sentences(text, para_start, para_end, paragraph_quotes):
            length = sentence_end - sentence_start
            for start, end in windows(text, sentence_start, sentence_end, paragraph_quotes):
                quotes = _within(paragraph_quotes, start, end)
                wanted = not cue_words or not cue_words.isdisjoint(_WORD.findall(text[start:end].lower()))
                result.append(make_sentence(text, start, end, number, quotes, wanted, length if length > MAX_SENTENCE_CHARS else 0))
    return result


def windows(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence itself, or windows of at most ``MAX_SENTENCE_CHARS`` cut at a space
    outside quotations where one lies in the window's second half."""
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = _space_before(text, start + MAX_SENTENCE_CHARS // 2, limit, quotes)
        spans.append(_trim(text, start, cut))
        start = _trim(text, cut, end)[0]
    spans.append((start, end))
    return [span for span in spans if span[1] > span[0]]


def _space_before(text: str, low: int, high: int, quotes: list[tuple[int, int]]) -> int:
    """The last space in [low, high) outside a quotation, else the last space, else ``high``."""
    position = text.rfind(" ", low, high)
    while position >= 0 and _inside(position, quotes):
        opening = quotes[bisect_left(quotes, position, key=_start_of) - 1][0]
        position = text.rfind(" ", low, opening)
    if position >= 0:
        return position
    position = text.rfind(" ", low, high)
    return position if position >= 0 else high
