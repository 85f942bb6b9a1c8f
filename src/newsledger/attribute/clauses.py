"""Within one sentence: the speaker mention, the content and the addressee around each cue.

Spans are (start, end) character offsets into the part's text. The rules read the surface of
news prose: the subject noun phrase left of the cue (with an appositive between commas), the
inverted "said Smith", the content to the right up to a clause boundary, or the content before
a postposed "..., officials said."
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsledger.attribute.cue_model import CueModel
from newsledger.attribute.cues import QUESTION_OPENERS, FoundCue, find_cues
from newsledger.attribute.lexicon import (
    ADDRESSEE_VERBS,
    ATTITUDE_VERBS,
    AUXILIARIES,
    DETERMINERS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    FUNCTION_WORDS,
    INVERTING_VERBS,
    MEDIUM_NOUNS,
    NEEDS_CLAUSE,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    VERB_FORM_LEMMA,
    WEEKDAYS,
)
from newsledger.attribute.text import CLOSING_MARKS, QUOTE_MARKS, Sentence, Token
from newsledger.caching import short_key_cache

Span = tuple[int, int]
_HARD_LEFT = frozenset({"what", "that", "which", "who", ";", ":", "when", "while", "because", "if", "whom", "where", "(", ")", "—", "―", "–", "--", "-", "whether", "after", "before", "as", "since", "until", "although", "though", "than", "whose"}) | QUOTE_MARKS
_NOT_INVERTED = frozenset({"me", "him", "her", "us", "them", "reporters", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tonight", "i", "that", "in", "on", "at", "during", "to", "of", "after", "before", "while", "when", "with", "last", "this", "earlier", "then", "from", "via", "through", "it", "he", "she", "they", "we", "you", "there", "yesterday", "today"})
_TRAILING_TIME = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "."})
_FINITE_AUXILIARIES = frozenset({"is", "was", "were", "are", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "does", "did"})
_CLAUSE_BREAKS = frozenset({"but", "although", "though", "while", "whereas", "yet"})
_CONTRAST_FOCUS = frozenset({"not", "also", "only", "rather", "instead", "more", "less", "never", "so", "just", "merely"})
_RELATIVES = frozenset({"who", "whose", "which"})
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "yesterday", "today", "last", "week", "month", "year", "night", "morning", "afternoon", "evening", "earlier", "this", "later", "recently", "tonight"})
_PREPOSITIONS = frozenset({"in", "on", "at", "during", "after", "before", "earlier", "later", "last", "this", "since", "by", "for", "from", "with", "over", "under", "meanwhile", "however", "still", "but", "and", "yet", "so", "then", "also", "now", "speaking", "asked", "separately", "today", "yesterday"})
_RESUMPTIVE = frozenset({"comments", "remarks", "words", "claim", "claims", "assertion", "statement", "sentiment", "view", "reference", "move", "sign", "warning", "message", "accusation", "allegation", "charge", "argument", "point", "admission", "assessment", "prediction", "promise", "pledge", "suggestion", "echoing", "remark", "comment"})
_NON_BOUNDARY_ING = frozenset({"including", "according", "following", "regarding", "concerning", "excluding", "during", "notwithstanding", "pending", "something", "nothing", "anything", "everything", "thing", "king", "morning", "evening", "spring", "string", "meeting", "building", "funding", "hearing", "ruling", "bombing", "shooting", "polling", "briefing", "spending", "training", "warning", "offering", "ring", "wing", "bring", "sing", "sting", "swing"})
_VERB_SUFFIXES = ("ed",)
_CONTENT_SKIP = frozenset({"in", "on", "at", "during", "to", "with", "after", "last", "this", "earlier", "later", "late", "a", "an", "the", "his", "her", "their", "its", "statement", "interview", "letter", "speech", "post", "news", "conference", "press", "briefing", "tuesday"})
_MAX_SUBJECT_TOKENS = 22
_PREPOSITIONS_OF_VERBS = frozenset({"of", "on", "with", "over", "to", "about", "against", "for"})


@dataclass(slots=True)
class RawStatement:
    """What the sentence rules find; speakers are resolved later, across the article."""

    sentence: int
    cue: Span
    lemma: str
    form: str
    content: Span
    speaker: Span | None = None
    speaker_head: Span | None = None
    appositive: Span | None = None
    addressee: Span | None = None
    inherit: int | None = None
    nested_in: int | None = None
    unnamed_passive: bool = False
    according: bool = False
    fragments: list[Span] = field(default_factory=list)
    continuation_of: int | None = None


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",;:—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—-"):
        end -= 1
    return start, end


def _looks_like_np_start(token: Token) -> bool:
    return token.text[:1].isupper() or token.lower in DETERMINERS or token.lower in SUBJECT_PRONOUNS or token.text[:1].isdigit()


def _left_region(tokens: tuple[Token, ...], end_index: int, floor: int) -> int:
    """First token of the region left of ``end_index`` up to a hard boundary or a verb; a
    relative clause between commas (", who ... ,") right before the cue is stepped over."""
    index = end_index
    while index > floor:
        token = tokens[index - 1]
        if token.lower == ")":
            opening = next((i for i in range(index - 2, max(index - 8, floor - 1), -1) if tokens[i].lower == "("), None)
            if opening is not None:
                index = opening
                continue
        noun_before_cue = token.lower in EVIDENCE_NOUNS and index == end_index  # "the Strava report said"
        noun_before_cue = noun_before_cue or _document_described(tokens, index - 1, end_index)
        verb = _is_verb_at(tokens, index - 1) and not noun_before_cue and not _modifies_next(tokens, index - 1, end_index)
        verb = verb and not _participle_adjective(tokens, index - 1, end_index)
        compared = token.lower == "than" and index - 2 >= floor and (tokens[index - 2].lower, "than") in _QUANTITY_PAIRS
        compared = compared or _adverb_between_commas(tokens, index - 1, floor)
        hard = token.lower in _HARD_LEFT and not _is_apostrophe(tokens, index - 1) and not compared and not _opening_demonstrative(tokens, index - 1, floor)
        if hard or (verb and not _reduced_relative_at(tokens, index - 1, end_index)):
            relative = _relative_clause_start(tokens, index - 1, end_index, floor)
            if relative is None:
                break
            index = relative
            continue
        if token.lower in {"and", "but"} and index - 2 >= floor and tokens[index - 2].lower == "," and not _names_listed(tokens, index - 1):
            break
        index -= 1
    return index


def _opening_demonstrative(tokens: tuple[Token, ...], index: int, floor: int) -> bool:
    """'But that freewheeling environment also underscored': "that" opening the clause before a
    lower-case word points to a noun; it opens no clause of its own."""
    opens = index == floor or (index - 1 == floor and tokens[floor].lower in {"but", "and", "yet", "so"})
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return tokens[index].lower == "that" and opens and following is not None and following.text.isalpha() and following.text.islower()


def _document_described(tokens: tuple[Token, ...], index: int, end: int) -> bool:
    """A document's noun before a participle describing it ("the report released last year"):
    a noun, though it could be read as a verb."""
    return tokens[index].lower in EVIDENCE_NOUNS and _reduced_relative_at(tokens, index + 1, end)


def _adverb_between_commas(tokens: tuple[Token, ...], index: int, floor: int) -> bool:
    """"Murphy, though, said": a conjunction alone between commas is an adverb of the clause."""
    return index - 1 >= floor and index + 1 < len(tokens) and tokens[index - 1].lower == "," and tokens[index + 1].lower == "," and tokens[index].lower in {"though", "too", "then"}


_REDUCED_RELATIVE_FOLLOWERS = _TIME_WORDS | {"by", "in", "at", "during", "since", "over"}


def _reduced_relative_at(tokens: tuple[Token, ...], index: int, end: int) -> bool:
    """Whether a past participle right after a noun and before its circumstance modifies the
    noun ("the poll released Friday", "a study being published on Tuesday by ..."): no verb of
    the clause, so the subject goes on left of it."""
    token = tokens[index]
    if not (token.text.islower() and token.lower.endswith("ed")) or index == 0 or index + 1 >= end:
        return False
    if tokens[index + 1].lower not in _REDUCED_RELATIVE_FOLLOWERS:
        return False
    previous = tokens[index - 1]
    if previous.lower == "being" or previous.lower in EVIDENCE_NOUNS:
        return True  # "a study being published", "the report released last year"
    return previous.text.isalpha() and previous.lower not in FUNCTION_WORDS and not _is_verbish(previous) and previous.lower not in _FINITE_AUXILIARIES


def _participle_adjective(tokens: tuple[Token, ...], index: int, end: int) -> bool:
    """Whether a past participle opening a noun phrase describes its noun ("retired Air Force
    general Lloyd Newton", "leaked documents", "the newly elected mayor") rather than being a verb."""
    token = tokens[index]
    if not (token.text.islower() and token.lower.endswith("ed")) or index + 1 >= end:
        return False
    following = tokens[index + 1]
    if not following.text[:1].isalpha() or following.lower in FUNCTION_WORDS or following.lower in _FINITE_AUXILIARIES or _is_verbish(following):
        return False
    if index == 0:
        return True
    previous = tokens[index - 1]
    if previous.text[:1].isupper():
        return following.text.islower()  # "Democratic registered voters"
    return previous.lower in DETERMINERS or previous.lower in _HARD_LEFT or previous.lower in _BEFORE_NOUN_PHRASE or (previous.lower.endswith("ly") and previous.text.islower())


_BEFORE_NOUN_PHRASE = frozenset({",", "and", "but", "of", "in", "for", "from", "with", "among", "by", "to", "at", "on"})
# Words opening a quantity that is a subject ("more than half of voters", "about 6 in 10 men").
_QUANTITY_LEADS = frozenset({"about", "nearly", "almost", "only", "roughly", "around", "approximately", "just", "over", "under", "some"})
_QUANTITY_PAIRS = frozenset({("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most")})
_QUANTITY_WORDS = frozenset({
    "half", "third", "thirds", "quarter", "quarters", "majority", "minority", "dozen", "dozens", "hundreds", "thousands",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
})


def _quantity_opens(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether a segment opens with a quantity ("more than 4 in 10", "at least half of voters",
    "about 6 in 10 white men", "nearly two-thirds of ..."): the whole segment is the subject."""
    index = start
    if index + 1 < end and (tokens[index].lower, tokens[index + 1].lower) in _QUANTITY_PAIRS:
        index += 2
    elif index < end and tokens[index].lower in _QUANTITY_LEADS:
        index += 1
    if index == start or index >= end:
        return False
    if tokens[index].lower in {"a", "an"} and index + 1 < end:
        index += 1  # "less than a third"
    word = tokens[index].lower
    return word[:1].isdigit() or word in _QUANTITY_WORDS or word.split("-")[-1] in _QUANTITY_WORDS


def _names_listed(tokens: tuple[Token, ...], conjunction: int) -> bool:
    """"Boeing Defense, Space, and Security": ", and" between capitalised words lists the parts
    of a name inside the noun phrase, not a new clause."""
    following = tokens[conjunction + 1] if conjunction + 1 < len(tokens) else None
    return tokens[conjunction].lower == "and" and following is not None and following.text[:1].isupper() and conjunction >= 2 and tokens[conjunction - 2].text[:1].isupper()


def _relative_clause_start(tokens: tuple[Token, ...], stop: int, end_index: int, floor: int) -> int | None:
    """The comma opening ", who ..." when ``stop`` lies in a relative clause closed right before the cue."""
    if end_index == 0 or tokens[end_index - 1].lower != ",":
        return None
    for index in range(stop, floor, -1):
        if tokens[index].lower in _RELATIVES:
            return index - 1 if tokens[index - 1].lower == "," else index
        if tokens[index - 1].lower == "," and _is_participle(tokens[index]) and tokens[index].lower.endswith("ing"):
            return index - 1  # "Archer, wearing a shirt covered in buttons, said"
        if tokens[index].lower == "," and index < stop:
            return None
    return None


def _comma_segments(tokens: tuple[Token, ...], start: int, end: int) -> list[tuple[int, int]]:
    segments = []
    current = start
    for index in range(start, end):
        if tokens[index].lower == ",":
            segments.append((current, index))
            current = index + 1
    segments.append((current, end))
    return segments


def _trailing_name(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    """The trailing proper name, pronoun or plain noun phrase of a segment."""
    index = end
    while index > start and (tokens[index - 1].text[:1].isupper() or tokens[index - 1].lower in {"of", "'s", "’s", "de", "van", "von", "al"}):
        index -= 1
    while index < end and tokens[index].lower in FUNCTION_WORDS and tokens[index].lower not in SUBJECT_PRONOUNS:
        index += 1
    if index < end:
        return index, end
    last = tokens[end - 1].lower if end > start else ""
    if last in SUBJECT_PRONOUNS:
        return end - 1, end
    index = end
    while index > start and tokens[index - 1].text[:1].isalnum() and tokens[index - 1].lower not in FUNCTION_WORDS - DETERMINERS:
        index -= 1
        if tokens[index].lower in DETERMINERS:
            break
    return (index, end) if index < end else None


def _np_of_segment(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    """Where the subject noun phrase of a comma segment starts and ends, or None."""
    if start >= end:
        return None
    if tokens[end - 1].lower in SUBJECT_PRONOUNS:
        return end - 1, end
    if end - start > 1 and tokens[start].lower in _LEADING_CONNECTIVES:
        start += 1  # "But longtime pollster Pat Caddell said"
    if _quantity_opens(tokens, start, end) and end - start <= _MAX_SUBJECT_TOKENS:
        return start, end
    first = tokens[start]
    lowercase_start = first.text[:1].islower() and first.lower not in DETERMINERS | SUBJECT_PRONOUNS | TITLE_WORDS and not _plain_word(first)
    lowercase_start = lowercase_start and not _participle_adjective(tokens, start, end)
    if first.lower in _PREPOSITIONS or lowercase_start or end - start > _MAX_SUBJECT_TOKENS:
        return _trailing_name(tokens, start, end)
    if any(_is_verb_at(tokens, index) and not _modifies_next(tokens, index, end) and not _reduced_relative_at(tokens, index, end) and not _participle_adjective(tokens, index, end) and not _document_described(tokens, index, end) for index in range(start + 1, end)):
        return _trailing_name(tokens, start, end)
    return start, end


_LEADING_CONNECTIVES = frozenset({"but", "and", "yet", "so", "still", "meanwhile", "now", "even", "also"})


def _plain_word(token: Token) -> bool:
    """A lower-case noun or adjective that may open a subject ("advisers to Mr. Obama",
    "longtime pollster ..."): no adverb, participle, verb or time word."""
    word = token.lower
    if word in FUNCTION_WORDS or word in _TIME_WORDS or word in _PREPOSITIONS or word in VERB_FORM_LEMMA:
        return False
    return token.text.isalpha() and not word.endswith(("ly", "ing", "ed"))


def _modifies_next(tokens: tuple[Token, ...], index: int, end: int) -> bool:
    """'state officials', 'report card': a bare verb form right before a lower-case noun modifies it."""
    word = tokens[index].lower
    if index + 1 >= end or word.endswith(("s", "ed")):
        return False
    following = tokens[index + 1]
    return following.text.isalpha() and following.text.islower() and following.lower not in FUNCTION_WORDS and not _is_verbish(following)


def _is_verb_at(tokens: tuple[Token, ...], index: int) -> bool:
    """A verb form not used as a noun ("the report", "its claims")."""
    if not _is_verbish(tokens[index]):
        return False
    previous = tokens[index - 1].lower if index > 0 else ""
    return previous not in DETERMINERS and previous != "of" and not previous.endswith(("’s", "'s"))


def _is_apostrophe(tokens: tuple[Token, ...], index: int) -> bool:
    """A ’ glued to a word ending in s is a possessive ("Sanders’ campaign"), not a quotation mark."""
    return tokens[index].lower in {"’", "'"} and index > 0 and tokens[index - 1].end == tokens[index].start and tokens[index - 1].lower.endswith("s")


def _is_verbish(token: Token) -> bool:
    return _verbish_word(token.text)


# A word's reading depends on its spelling alone, and the same words come back in every article.
@short_key_cache(maxsize=8192)
def _verbish_word(text: str) -> bool:
    word = text.lower()
    lemma = VERB_FORM_LEMMA.get(word)
    if lemma is not None and text[:1].islower() and not (word.endswith("s") and lemma in NEEDS_CLAUSE):
        return True
    return text in _FINITE_AUXILIARIES or (text[:1].islower() and word.endswith(_VERB_SUFFIXES) and len(word) > 4)


@dataclass(frozen=True, slots=True)
class Subject:
    mention: Span
    head: Span
    appositive: Span | None


def subject_before(sentence: Sentence, cue: FoundCue, floor: int = 0, postposed: bool = False) -> Subject | None:
    """The subject noun phrase ending right before the cue, with its appositive if any.

    At a clause start the head is the first segment that is not an adverbial ("On Tuesday,
    Smith, a lawyer, said"); after postposed content the head is the segment before the
    appositive ("..., Smith, a lawyer, said.")."""
    tokens = sentence.tokens
    end = cue.first
    while end > floor + 1 and tokens[end - 1].lower in _TIME_WORDS:
        end -= 1
    if end < cue.first and _reduced_relative_at(tokens, end - 1, cue.first):
        end = cue.first  # "the poll released Friday shows": the day dates the poll
    if end - 2 >= floor and tokens[end - 1].lower in {"who", "which"} and tokens[end - 2].lower == ",":
        return _relative_subject(tokens, end - 1, floor)
    if end - 1 > floor and tokens[end - 1].lower in {"who", "whom"}:
        mention = (tokens[end - 1].start, tokens[end - 1].end)  # "listeners who said", "most of whom announced"
        if tokens[end - 1].lower == "whom" and end - 3 >= floor and tokens[end - 2].lower == "of":
            mention = (tokens[end - 3].start, mention[1])
            return Subject(mention, mention, None)
        antecedent = _trailing_name(tokens, _left_region(tokens, end - 1, floor), end - 1) if end - 1 > floor else None
        head = (tokens[antecedent[0]].start, tokens[antecedent[1] - 1].end) if antecedent else mention
        return Subject(mention, head, None)
    region_start = _left_region(tokens, end, floor)
    if region_start >= end:
        return None
    segments = _comma_segments(tokens, region_start, end)
    ends_with_comma = segments[-1][0] == segments[-1][1]
    if ends_with_comma:
        segments = segments[:-1]
        while segments and not postposed and _is_adverbial(tokens, *segments[0]):
            segments = segments[1:]
        if len(segments) >= 2 and _is_adverbial(tokens, *segments[-1]):
            # "Murphy, though, said", "Salceda, citing data, said": no appositive, the head alone
            head = _np_of_segment(tokens, *segments[-2])
            if head is None or (len(segments) > 2 and not postposed):
                return None
            span = (tokens[head[0]].start, tokens[head[1] - 1].end)
            return Subject(span, span, None)
        if len(segments) < 2:
            return None  # a comma right before the verb without an appositive: no subject there
        after_quote = region_start > 0 and tokens[region_start - 1].lower in CLOSING_MARKS
        segments = [segment for segment in segments if segment[1] > segment[0]]
        if len(segments) < 2:
            return None
        head_seg = segments[-2] if postposed and not after_quote else segments[0]
        head = _np_of_segment(tokens, *head_seg)
        if head is None:
            return None
        after_head = head_seg[1] + 1
        last = _appositive_end(tokens, [segment for segment in segments if segment[0] >= after_head])
        if last is None:
            span = (tokens[head[0]].start, tokens[head[1] - 1].end)
            return Subject(span, span, None)
        mention = (tokens[head[0]].start, tokens[last].end)
        appositive = (tokens[after_head].start, tokens[last - 1].end)
        return Subject(mention, (tokens[head[0]].start, tokens[head[1] - 1].end), appositive)
    head = _np_of_segment(tokens, *segments[-1])
    if head is None:
        return None
    first = _listed_start(tokens, segments) if head[0] == segments[-1][0] else head[0]
    span = (tokens[first].start, tokens[head[1] - 1].end)
    return Subject(span, span, None)


_LIST_ITEM_TOKENS = 4


def _listed_start(tokens: tuple[Token, ...], segments: list[tuple[int, int]]) -> int:
    """'The family, protesters and civic leaders said': the short noun phrases listed before the
    last segment, which closes the list with "and", belong to the subject."""
    last_start, last_end = segments[-1]
    if not any(tokens[index].lower in {"and", "or"} for index in range(last_start + 1, last_end)):
        return last_start
    first = last_start
    for start, end in reversed(segments[:-1]):
        if not 0 < end - start <= _LIST_ITEM_TOKENS or _is_adverbial(tokens, start, end) or any(_is_verbish(token) for token in tokens[start:end]):
            break
        first = start
    return first


def _appositive_end(tokens: tuple[Token, ...], segments: list[tuple[int, int]]) -> int | None:
    """The comma closing the speaker's appositive: its first description (with a relative clause
    on it), without a circumstance ("in a statement") or a second description ("Ayrault, the
    foreign minister of France, a permanent member ...,")."""
    last = None
    described = False
    for start, stop in segments:
        first = tokens[start].lower
        if (first in _PREPOSITIONS and first != "of") or (described and first in DETERMINERS):
            break
        described = described or first in DETERMINERS or tokens[start].text[:1].islower()
        last = stop
    return last if last is not None and last < len(tokens) else None


def _relative_subject(tokens: tuple[Token, ...], relative: int, floor: int) -> Subject | None:
    """", who said": the mention is the relative pronoun, resolved through the noun phrase before it."""
    comma = relative - 1
    start = _left_region(tokens, comma, floor)
    segments = _comma_segments(tokens, start, comma)
    antecedent = _trailing_name(tokens, *segments[-1]) if segments and segments[-1][1] > segments[-1][0] else None
    mention = (tokens[relative].start, tokens[relative].end)
    if antecedent is None:
        return Subject(mention, mention, None)
    return Subject(mention, (tokens[antecedent[0]].start, tokens[antecedent[1] - 1].end), None)


def _is_adverbial(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    if end > start and _is_participle(tokens[start]):
        return True
    if end - start == 1:
        return tokens[start].lower.endswith("ly") or tokens[start].lower in _PREPOSITIONS | {"though", "too", "instead", "again", "indeed", "however", "meanwhile", "then"}
    return end > start and tokens[start].lower in {"in", "on", "at", "during", "after", "before", "for", "by", "with", "speaking", "asked", "when", "while", "like"}


def subject_after(sentence: Sentence, cue: FoundCue) -> Subject | None:
    """The subject of an inverted cue: '"...," said Mary Smith, a lawyer.'"""
    tokens = sentence.tokens
    start = cue.last + 1
    if start >= len(tokens) or not tokens[start].text[:1].isalpha():
        return None
    index = start
    while index < len(tokens) and (
        tokens[index].lower not in {",", ".", "“", '"', ":", ";", "that", "in", "on", "at", "during", "after", "when", "?", "!", "—"} or _initial_period(tokens, index)
    ):
        index += 1
    if index == start:
        return None
    head = (tokens[start].start, tokens[index - 1].end)
    if index < len(tokens) and tokens[index].lower == "," and index + 1 < len(tokens):
        appositive = _appositive_after(tokens, index + 1)
        if appositive is not None:
            app_start, app_end = appositive
            mention_end = tokens[app_end].end if app_end < len(tokens) and tokens[app_end].lower == "," else tokens[app_end - 1].end
            return Subject((head[0], mention_end), head, (tokens[app_start].start, tokens[app_end - 1].end))
    return Subject(head, head, None)


def _initial_period(tokens: tuple[Token, ...], index: int) -> bool:
    """The period of an initial or of a party-and-state tag inside a name ("Charles B. Rangel", "(D-S.C.)")."""
    if tokens[index].lower != "." or index == 0 or index + 1 >= len(tokens):
        return False
    previous, following = tokens[index - 1], tokens[index + 1]
    if previous.end != tokens[index].start:
        return False
    initial = len(previous.text) == 1 and previous.text.isupper() and following.text[:1].isupper()
    return initial or following.text == ")" or (previous.text.isupper() and following.text[:1].isupper() and following.start == tokens[index].end)


def _appositive_after(tokens: tuple[Token, ...], start: int) -> tuple[int, int] | None:
    """Comma segments after an inverted subject ("said Smith, 67, a lawyer from Ohio, who ..."),
    up to the sentence end, a quotation or a participle."""
    if _is_participle(tokens[start]):
        return None  # "said Smith, summing up the talks": what he did, not who he is
    end = start
    relative = False
    while end < len(tokens):
        token = tokens[end]
        if (token.lower in {".", ";", "?", "!", ":"} and not _initial_period(tokens, end)) or token.lower in QUOTE_MARKS:
            break
        if token.lower == "," and end + 1 < len(tokens) and (_is_participle(tokens[end + 1]) or tokens[end + 1].lower in QUOTE_MARKS | {"and", "but"}):
            break
        relative = relative or token.lower in _RELATIVES
        if not relative and _is_verb_at(tokens, end) and not _noun_compound(tokens, end):
            return None
        end += 1
    return (start, end) if end > start else None


_MANNER_LEADS = frozenset({"by", "before", "after", "while", "when"})


def _is_content_boundary(tokens: tuple[Token, ...], index: int, cue_positions: set[int]) -> bool:
    """Whether the content running right of a cue stops before token ``index``."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if token.lower == ";":
        return True
    if token.lower == "," and following is not None and _new_clause_at(tokens, index + 1, cue_positions):
        return not _closes_subordinate(tokens, index, cue_positions)  # '..., he does not defend it', '..., Mr. McKinley said that'
    if index >= 2 and tokens[index - 1].lower in CLOSING_MARKS and tokens[index - 2].lower == "," and _is_participle(token):
        return True  # '..."corrupt," noting that'
    if index >= 2 and tokens[index - 1].lower in CLOSING_MARKS and tokens[index - 2].lower == "," and _subject_pronoun(token) and index + 1 in cue_positions:
        return True  # '... because “most people don’t know,” she said': the attribution of the quotation closes it
    if token.lower == "," and following is not None and _is_participle(following):
        return True
    if token.lower in _MANNER_LEADS and index + 1 in cue_positions and following is not None and _is_participle(following):
        return True  # 'responded by saying that ...': the saying is a statement of its own
    if token.lower in {",", "—", "--"} and following is not None and following.lower in _CLAUSE_BREAKS:
        if following.lower == "but" and index + 2 < len(tokens) and tokens[index + 2].lower in _CONTRAST_FOCUS:
            return False
        return index + 2 >= len(tokens) or tokens[index + 2].lower not in {"that", "because"}  # not '..., but that he
    if token.lower in {"and", "but"} and following is not None and index > 0 and tokens[index - 1].lower == ",":
        if following.lower in SUBJECT_PRONOUNS:
            return index + 2 < len(tokens) and _is_verbish(tokens[index + 2])
        return token.lower == "and" and _speaker_clause_follows(tokens, index + 1)
    if token.lower == "but" and following is not None and (following.lower in AUXILIARIES or _is_verbish(following)):
        return True
    if token.lower == "," and following is not None:
        word = following.lower
        if word == "according":
            return True
        if word in {"and", "but"} and index + 2 < len(tokens) and _starts_coordinated_cue(tokens, index + 2, cue_positions):
            return True
        rest = tokens[index + 2].lower if index + 2 < len(tokens) else ""
        if word in _RESUMPTIVE or (word in {"a", "an", "the", "in"} and rest in _RESUMPTIVE):
            return True
    return token.lower in {"and", "but"} and _starts_coordinated_cue(tokens, index + 1, cue_positions)


_SUBJECT_REACH = 6
_NOT_IN_SUBJECT = frozenset({"to", "that", "who", "which", "whether", "if", "when", "where", "as", "not", "("}) | QUOTE_MARKS


def _speaker_clause_follows(tokens: tuple[Token, ...], start: int) -> bool:
    """Whether a clause reporting words of its own opens at ``start`` after ", and": a short
    noun phrase then a verb of saying ("..., and three-quarters said", "..., and Ms. Acosta
    said"), someone else's statement rather than more of this one."""
    first = tokens[start]
    if first.lower in _NOT_IN_SUBJECT or first.lower in _SUBORDINATORS or _is_verbish(first) or first.lower in AUXILIARIES or not first.text[:1].isalnum():
        return False
    for index in range(start + 1, min(start + _SUBJECT_REACH, len(tokens))):
        token = tokens[index]
        if token.text[:1].islower() and token.lower in VERB_FORM_LEMMA:
            return True
        if token.lower in _NOT_IN_SUBJECT or (not token.text[:1].isalnum() and token.lower not in {"’s", "'s"}):
            return False
    return False


_SUBORDINATORS = frozenset({"if", "when", "since", "although", "though", "because", "while", "unless", "once", "after", "before", "as", "whether", "even"})
_SUBORDINATE_REACH = 30


def _closes_subordinate(tokens: tuple[Token, ...], comma: int, cue_positions: set[int]) -> bool:
    """Whether the comma closes a subordinate clause opening the content ("said that if he won,
    he would ...", "said since the deal fell through, they have ..."): the main clause follows."""
    for index in range(comma - 1, max(comma - _SUBORDINATE_REACH, -1), -1):
        word = tokens[index].lower
        if word in {",", ";", ":", "that"} or index in cue_positions or word in QUOTE_MARKS:
            return index + 1 < comma and tokens[index + 1].lower in _SUBORDINATORS
    return False


def _new_clause_at(tokens: tuple[Token, ...], start: int, cue_positions: set[int]) -> bool:
    """Whether a clause with its own subject opens at ``start`` after a comma: a pronoun then a
    verb, or a short name then one of the sentence's cues ("Ham also noted")."""
    first = tokens[start]
    if first.lower in {"he", "she", "they", "we", "i"} and start + 1 < len(tokens):
        following = tokens[start + 1]
        return following.lower in _FINITE_AUXILIARIES or following.lower in AUXILIARIES or _is_verbish(following)
    if not first.text[:1].isupper():
        return False
    for index in range(start + 1, min(start + 6, len(tokens))):
        if index in cue_positions:
            return True
        if not (tokens[index].text[:1].isupper() or tokens[index].lower in AUXILIARIES or tokens[index].lower in {".", "'s", "’s"}):
            return False
    return False


def _is_participle(token: Token) -> bool:
    return token.lower.endswith("ing") and token.lower not in _NON_BOUNDARY_ING and token.text[:1].islower()


def _starts_coordinated_cue(tokens: tuple[Token, ...], index: int, cue_positions: set[int]) -> bool:
    while index < len(tokens) and tokens[index].lower in AUXILIARIES:
        index += 1
    return index in cue_positions


class Boundaries:
    """The content boundaries of one sentence for one set of cue positions, found lazily:
    each token is tested at most once however many cues read the sentence."""

    def __init__(self, sentence: Sentence, cue_positions: set[int]) -> None:
        self.sentence = sentence
        self.cue_positions = cue_positions
        self.first_from: dict[int, int] = {}

    def next_at_or_after(self, start: int) -> int:
        """The first boundary token at or after ``start`` outside quotations (else the length)."""
        tokens, quoted, known = self.sentence.tokens, self.sentence.quoted, self.first_from
        visited = []
        index = start
        while index < len(tokens) and index not in known:
            if not quoted[index] and _is_content_boundary(tokens, index, self.cue_positions):
                break
            visited.append(index)
            index += 1
        found = known.get(index, index)
        for position in visited:
            known[position] = found
        known[index] = found
        return found


def content_after(sentence: Sentence, text: str, start_index: int, boundaries: Boundaries) -> Span | None:
    """Content from token ``start_index`` to the next boundary or the sentence end."""
    tokens = sentence.tokens
    if start_index >= len(tokens):
        return None
    index = _object_end(sentence, start_index, boundaries.next_at_or_after(start_index + 1))
    last = index - 1
    dated: bool | None = None  # read only when a day closes the content
    while last > start_index + 1 and tokens[last].lower in _TRAILING_TIME:
        if tokens[last].lower != ".":
            dated = (not _reads_as_clause(sentence, start_index, index)) if dated is None else dated
            if not (dated and _dates_the_saying(tokens, last)):
                break
        last -= 1  # "... the deal with state lawmakers Monday": the day dates the saying
    if last < index - 1 and tokens[last].lower == "on":
        last -= 1
    start = tokens[start_index].start
    end = tokens[last].end
    if _DASH_TEXT.search(text, start, end):
        end = _before_trailing_dash(sentence, start_index, last)
    if text[end - 1 : end] == ")" or (last > start_index + 1 and tokens[last].lower in {".", ","} and tokens[last - 1].lower == ")"):
        end = _before_closing_aside(sentence, start_index, last, end)
    quote = sentence.quote_around_end(end)
    if quote is not None:
        end = quote[1]
    while end > start and text[end - 1] in ".!?,;: " and sentence.quote_ending_at(end) is None:
        end -= 1
    if text[end - 1 : end] == ")" and "(" not in text[start:end]:
        end -= 1  # "(He said the timing was unrelated.)": the parenthesis closes around the sentence
        while end > start and text[end - 1] in ".!?,;: " and sentence.quote_ending_at(end) is None:
            end -= 1
    if end <= start:
        return None
    return start, end


_ASIDE_WORDS = 4


def _before_closing_aside(sentence: Sentence, first: int, last: int, end: int) -> int:
    """The content's end before a parenthesis of the writer's that closes it ('... the norms of
    the party (which lets the rest of the party off the hook)'): a clause of several words in
    parentheses; a short one ("(D-Va.)", "(TPP)") names or abbreviates and stays."""
    tokens, quoted = sentence.tokens, sentence.quoted
    close = last if tokens[last].lower == ")" else last - 1
    opening = next((i for i in range(close - 1, first, -1) if tokens[i].lower in {"(", ")"}), None)
    if opening is None or tokens[opening].lower != "(" or quoted[opening]:
        return end
    inside = tokens[opening + 1 : close]
    words = [token for token in inside if token.text[:1].isalnum()]
    if len(words) < _ASIDE_WORDS or not any(token.text[:1].islower() for token in words) or any(token.lower in QUOTE_MARKS for token in inside):
        return end
    return tokens[opening - 1].end


def _reads_as_clause(sentence: Sentence, start: int, stop: int) -> bool:
    """Whether the content from ``start`` is a clause ("he would release it", "to vote",
    "that ..."), whose own verb a trailing day dates, rather than a noun phrase object."""
    tokens = sentence.tokens
    if tokens[start].lower in _OBJECT_UNSAFE_STARTS:
        return True
    return any(not sentence.quoted[i] and (tokens[i].lower in _FINITE_AUXILIARIES or _is_verbish(tokens[i])) for i in range(start, stop))


def _dates_the_saying(tokens: tuple[Token, ...], index: int) -> bool:
    """A day closing a noun phrase object dates the saying, unless a word before makes it part
    of what was said ("will rise by Friday", "the Super Tuesday")."""
    previous = tokens[index - 1]
    return previous.lower not in _DAY_IN_CONTENT and not (tokens[index].text[:1].isupper() and previous.text[:1].isupper())


# Words before a trailing day that make it part of what was said ("will rise by Friday").
_DAY_IN_CONTENT = frozenset({"of", "the", "next", "this", "last", "by", "until", "till", "since", "before", "after", "from", "through"})
_MEDIUM_PLURALS = frozenset({"interviews", "tweets", "statements", "speeches", "posts", "letters", "emails", "remarks", "comments"})
_CIRCUMSTANCE_PREPOSITIONS = frozenset({"in", "on", "during", "at", "via", "through"})
_OBJECT_UNSAFE_STARTS = frozenset({"that", "whether", "if", "how", "why", "what", "who", "where", "when", "to", ":"}) | QUOTE_MARKS


def _object_end(sentence: Sentence, start: int, stop: int) -> int:
    """Where a noun-phrase object of the cue ends: before the medium it was said in ("attacked
    Machado in early-morning tweets", "said as much in an interview") or a second verb joined
    by "and has". Content that is a clause ("said the plan would fail") runs on to ``stop``."""
    tokens, quoted = sentence.tokens, sentence.quoted
    if tokens[start].lower in _OBJECT_UNSAFE_STARTS or _is_verbish(tokens[start]):
        return stop
    for index in range(start + 1, stop):
        token = tokens[index]
        if quoted[index]:
            continue
        if _is_verb_at(tokens, index) or token.lower in _FINITE_AUXILIARIES:
            return stop  # a verb before any circumstance: the content is a clause
        if token.lower in {"and", "but"} and index + 1 < stop and tokens[index + 1].lower in _FINITE_AUXILIARIES:
            return index
        if token.lower in {",", "—", "--"} and index + 1 < stop and tokens[index + 1].lower in {"which", "who", "a", "an", "the"}:
            closing = next((i for i in range(index + 2, stop) if tokens[i].lower == token.lower and not quoted[i]), None)
            if closing is None or not (closing + 1 < stop and (_is_verbish(tokens[closing + 1]) or tokens[closing + 1].lower in _FINITE_AUXILIARIES)):
                return index  # "the reality of climate change, which makes him...": an aside on the object
        if token.lower in _CIRCUMSTANCE_PREPOSITIONS and _names_medium(tokens, index + 1, stop):
            return index
        if token.lower == "on" and not _subject_pronoun(tokens[start]) and _names_programme(tokens, index + 1, stop):
            return index
    return stop


def _names_medium(tokens: tuple[Token, ...], start: int, stop: int) -> bool:
    """Whether a phrase opening at ``start`` names where words were said ("an interview", "Twitter")."""
    for index in range(start, min(start + 4, stop)):
        word = tokens[index].lower
        if word in MEDIUM_NOUNS or word in _MEDIUM_PLURALS or word in {"twitter", "facebook", "instagram", "website", "television", "radio"}:
            return True
        if word not in DETERMINERS and not tokens[index].text[:1].islower():
            return False
    return False


_PROGRAMME_NOUNS = frozenset({"show", "program", "programme", "channel", "network", "radio", "podcast", "broadcast"})


def _names_programme(tokens: tuple[Token, ...], start: int, stop: int) -> bool:
    """Whether a phrase opening at ``start`` after "on" names a broadcast ("on The Laura Ingraham
    Show", "on NBC's “Meet the Press”", "on the Fox News Channel’s The Kelly File"): capitalised
    words, with a broadcast noun among them or a possessive before a title."""
    index = start + 1 if start < stop and tokens[start].lower == "the" else start
    seen = 0
    while index < stop and seen < 8:
        token = tokens[index]
        word = token.lower.removesuffix("’s").removesuffix("'s")
        if word in _PROGRAMME_NOUNS:
            return True
        if token.lower.endswith(("’s", "'s")) and index + 1 < stop and (tokens[index + 1].text[:1].isupper() or tokens[index + 1].lower in QUOTE_MARKS):
            return True
        if not token.text[:1].isupper():
            return False
        index += 1
        seen += 1
    return False


_DASHES = frozenset({"—", "―", "–"})
_DASH_TEXT = re.compile(r"--|[—―–]")
# Words opening a comment of the writer's after a dash, rather than more of what was said.
_ASIDE_OPENERS = frozenset({"and", "but", "who", "which", "while", "although", "though", "far", "even", "assuming"})


def _before_trailing_dash(sentence: Sentence, first: int, last: int) -> int:
    """The content's end: before a dash opening the writer's aside that runs to its end ('... 15
    percent rate -- far lower than ...', '— and he noted'); a pair of dashes keeps what follows."""
    tokens, quoted = sentence.tokens, sentence.quoted
    dashes = [i for i in range(first + 1, last + 1) if not quoted[i] and _is_dash(tokens, i)]
    single = len(dashes) == 1 or (len(dashes) == 2 and dashes[1] == dashes[0] + 1 and tokens[dashes[0]].lower == "-")
    if single and dashes[-1] < last and tokens[dashes[-1] + 1].lower in _ASIDE_OPENERS and not _coordinates_the_content(tokens, dashes[-1] + 1):
        return tokens[dashes[0] - 1].end
    return tokens[last].end


def _coordinates_the_content(tokens: tuple[Token, ...], conjunction: int) -> bool:
    """'... may be pliable — and that efforts should not end there', '— and could be
    counterproductive': "and" joining a second "that" clause or a second predicate to what was
    said, rather than opening a clause of the writer's with its own subject."""
    if tokens[conjunction].lower != "and" or conjunction + 1 >= len(tokens):
        return False
    following = tokens[conjunction + 1]
    return following.lower == "that" or following.lower in _FINITE_AUXILIARIES or _is_verbish(following)


def _is_dash(tokens: tuple[Token, ...], index: int) -> bool:
    word = tokens[index].lower
    if word in _DASHES:
        return True
    return word == "-" and ((index + 1 < len(tokens) and tokens[index + 1].lower == "-") or (index > 0 and tokens[index - 1].lower == "-"))


_SKIP_REACH = 16


def _skip_to_clause(tokens: tuple[Token, ...], index: int) -> int:
    """Skip "in a statement", "on Tuesday", "to reporters" between a cue and its "that". A noun
    phrase there is the object, and a "that" after it opens a relative clause of the object ("says
    a violent hit that used to be ...", "discussed the violence that has marred ...")."""
    for look in range(index, min(index + _SKIP_REACH, len(tokens))):
        word = tokens[look].lower
        if look >= index + 10 and (word != "that" or tokens[index].lower not in _CIRCUMSTANCE_PREPOSITIONS):
            if word in {"—", "--", "–", "(", "when", "who", "which"}:
                return index
            continue  # past ten words only a circumstance ("in an interview on ...") reaches a "that"
        if word == "that" or (look > index and _subject_pronoun(tokens[look])):
            between = tokens[index:look]
            if between and between[0].lower in _CLAUSE_SKIP_OPENERS:
                return look
            return index
        if word in {":", ","} and look > index and look + 1 < len(tokens) and tokens[look + 1].text in QUOTE_MARKS:
            # "said in a statement: “…”": the quotation after the circumstance is what was said
            return look + 1 if tokens[index].lower in _CLAUSE_SKIP_OPENERS else index
        if word in {",", "“", '"', ".", ";"} or (tokens[look].text[:1].islower() and word in VERB_FORM_LEMMA):
            return index
    return index


def _after_day(tokens: tuple[Token, ...], index: int) -> int:
    """Skip the day of the saying between a cue and its object ("announced on Friday the arrest
    of ...", "ruled Friday against ..."): a weekday, with or without "on", then the object."""
    day = index + 1 if index < len(tokens) and tokens[index].lower == "on" else index
    if day + 1 >= len(tokens) or tokens[day].lower not in WEEKDAYS or not tokens[day].text[:1].isupper():
        return index
    following = tokens[day + 1]
    if following.lower in DETERMINERS or following.lower in {"to", "against", "for", "on", "that"} or following.text[:1] in QUOTE_MARKS:
        return day + 1
    return index


_ASIDE_REACH = 16


def _after_aside(tokens: tuple[Token, ...], index: int) -> int:
    """Skip an aside set off by commas between a cue and its "that" clause ("said at a stop in
    Toledo, Ohio, that ...", "says, however, that ...", "insists, most recently in an
    interview, that ..."): a phrase with no verb of its own that closes on ", that"."""
    led = index > 0 and tokens[index - 1].lower == ","
    if not (led or (index < len(tokens) and tokens[index].lower in _CLAUSE_SKIP_OPENERS)):
        return index
    for look in range(index, min(index + _ASIDE_REACH, len(tokens) - 1)):
        token = tokens[look]
        if token.lower == "," and look > index and tokens[look + 1].lower == "that":
            return look + 1
        if token.lower in QUOTE_MARKS or token.lower in {";", ":", ".", "that", "(", "—", "--"}:
            return index
        comparison = tokens[index].lower == "as" and look == index + 1  # "cautioned, as did the campaign itself, that"
        if not comparison and (token.lower in _FINITE_AUXILIARIES or (look > index and _is_verb_at(tokens, look))):
            return index
    return index


_CLAUSE_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _subject_pronoun(token: Token) -> bool:
    """A personal pronoun that opens a clause, contracted or not ("he", "she’d", "they'll")."""
    return token.lower.replace("'", "’").split("’")[0] in _CLAUSE_PRONOUNS


def _quoted_addressee(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """A programme's title in quotation marks as the one told ('told “Morning Joe” that ...',
    'tells “Good Morning America” on Friday that ...'): a short capitalised title, then "that",
    the day of the saying or the clause's subject."""
    for close in range(index + 2, min(index + 7, len(tokens) - 1)):
        if tokens[close].lower in QUOTE_MARKS:
            if not all(token.text[:1].isupper() or not token.text[:1].isalpha() for token in tokens[index + 1 : close]):
                return None
            following = tokens[close + 1]
            if following.lower in {"that", "on"} or following.lower in WEEKDAYS or _subject_pronoun(following):
                return index, close + 1
            return None
    return None


def addressee_after(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """The addressee noun phrase right after an addressing cue ("urged the EU to", "told reporters that")."""
    if index < len(tokens) and tokens[index].lower in QUOTE_MARKS:
        return _quoted_addressee(tokens, index)
    if index >= len(tokens) or not (_looks_like_np_start(tokens[index]) or tokens[index].text[:1].isalpha()):
        return None
    possessive = tokens[index].lower == "her" and index + 1 < len(tokens) and _plain_word(tokens[index + 1])  # "told her supporters"
    if tokens[index].lower in {"him", "her", "them", "us", "me", "reporters", "journalists"} and not possessive:
        return index, index + 1
    if tokens[index].text[:1].isupper() and tokens[index].lower not in SUBJECT_PRONOUNS:
        end = index
        while end < len(tokens) and (tokens[end].text[:1].isupper() or tokens[end].lower in {"’s", "'s", "of", "&"}):
            end += 1
        if end < len(tokens) and tokens[end].lower in QUOTE_MARKS and tokens[end - 1].lower.endswith(("’s", "'s")):
            quoted = _quoted_addressee(tokens, end)
            return (index, quoted[1]) if quoted is not None else None  # "told MSNBC’s “Morning Joe” that"
        if end < len(tokens) and (tokens[end].lower in DETERMINERS or tokens[end].lower in SUBJECT_PRONOUNS) and tokens[end].lower != "that":
            return index, end  # "told POLITICO Florida the state's ..."
    end = index
    while end < len(tokens) and tokens[end].lower not in {"to", "that", ",", ":", "“", '"', ".", "whether", "if", "about", "why", "how", "what", "in", "on", "of", "for"}:
        if end > index and tokens[end].lower.endswith("ing") and tokens[end].text[:1].islower() and tokens[end].lower not in _NON_BOUNDARY_ING:
            break
        if end > index and _subject_pronoun(tokens[end]):
            break  # "told the crowd he was ...": the clause opens with its subject
        end += 1
    if end == index or end - index > 8:
        return None
    if end < len(tokens) and tokens[end].lower in QUOTE_MARKS and tokens[end - 1].lower.endswith(("’s", "'s")):
        quoted = _quoted_addressee(tokens, end)
        return (index, quoted[1]) if quoted is not None else None  # "told the network’s “Morning Joe” that"
    return index, end


def analyse_sentence(sentence: Sentence, text: str, number: int, headline: bool = False, model: CueModel | None = None) -> list[RawStatement]:
    """Every statement whose cue lies in the sentence."""
    return analyse_cues(sentence, text, number, find_cues(sentence, headline, model))


def analyse_cues(sentence: Sentence, text: str, number: int, cues: list[FoundCue]) -> list[RawStatement]:
    """The statements of the cues found in the sentence."""
    if not cues:
        return []
    boundaries = Boundaries(sentence, {cue.first for cue in cues} | {cue.verb for cue in cues})
    found: list[RawStatement] = []
    for order, cue in enumerate(cues):
        raw = _split_quotation(sentence, text, number, cue) or _statement_for(sentence, text, number, cue, boundaries)
        for piece in raw if isinstance(raw, list) else [raw] if raw is not None else []:
            _drop_reporting_relative(sentence, piece)
        if isinstance(raw, list):
            found.extend(raw)
        elif raw is not None and _credible(raw, sentence, text, cue, reported=order > 0):
            found.extend(_apparent(sentence, cue, raw) or _relative_opened(sentence, number, raw) or [raw])
    return found


def _drop_reporting_relative(sentence: Sentence, raw: RawStatement) -> None:
    """'Smith, who said last week that ..., added': a relative clause on the speaker that holds a
    verb of saying reports a statement of its own and is left out of the speaker's mention."""
    if raw.speaker is None:
        return
    tokens = sentence.tokens
    first, last = sentence.token_index(raw.speaker[0]), sentence.token_index(raw.speaker[1])
    for index in range(first + 1, min(last, len(tokens)) - 1):
        if tokens[index].lower == "," and tokens[index + 1].lower in _RELATIVES:
            if any(_used_as_verb(tokens, i) for i in range(index + 2, min(last, len(tokens)))):
                raw.speaker = (raw.speaker[0], tokens[index - 1].end)
                if raw.appositive is not None and raw.appositive[1] > raw.speaker[1]:
                    raw.appositive = (raw.appositive[0], raw.speaker[1]) if raw.appositive[0] < raw.speaker[1] else None
            return


_QUESTION_OPENERS = _FINITE_AUXILIARIES | {"do", "did", "does"}


def _asks(subject: str) -> bool:
    """A subject opened by an auxiliary before a lower-case word ("Has your teacher", "Did the
    mayor") is a question's; "Will Moy" and "Can Dundar" are names."""
    words = subject.split()
    return len(words) >= 2 and words[0].lower() in _QUESTION_OPENERS and words[1][:1].islower()


def _credible(raw: RawStatement, sentence: Sentence, text: str, cue: FoundCue, reported: bool = False) -> bool:
    """Evidence verbs need a document for subject or a clause ("the study found that"); belief
    and intention verbs need a clause or an infinitive after them ("hopes to", "thinks that"). A
    clause without "that" counts only for the sentence's first cue: after another one ("she said
    she thinks it ...") the belief is part of what was reported."""
    tokens = sentence.tokens
    following = tokens[cue.last + 1].lower if cue.last + 1 < len(tokens) else ""
    if raw.speaker is not None and _asks(text[raw.speaker[0] : raw.speaker[1]]):
        return False  # "Has your teacher ever told you “…”?": a question, not a report
    if raw.lemma in EVIDENCE_VERBS:
        head = text[raw.speaker_head[0] : raw.speaker_head[1]].lower().split() if raw.speaker_head else []
        return following == "that" or any(word in EVIDENCE_NOUNS for word in head)  # "Video of the incident shows"
    if raw.lemma in ATTITUDE_VERBS:
        # "hopes to", "fears that", "believes his efforts will be ...", not "believes in" nor "expects a deal"
        return following in {"to", "that"} or raw.content[1] <= raw.cue[0] or (not reported and _clause_follows(tokens, cue.last + 1))
    return True


_CLAUSE_STOPS = frozenset({",", ";", ":", ".", "?", "!", "to", "that", "(", "—", "--"}) | QUOTE_MARKS
_CLAUSE_REACH = 8


def _clause_follows(tokens: tuple[Token, ...], start: int) -> bool:
    """Whether a clause without "that" opens at ``start``: a subject (a pronoun, or a short noun
    phrase) then a finite verb ("believes his efforts will be", "hoped utilities would")."""
    if start >= len(tokens) or not (_looks_like_np_start(tokens[start]) or _bare_noun_start(tokens[start])):
        return False
    if tokens[start].lower in SUBJECT_PRONOUNS:
        return start + 1 < len(tokens) and (tokens[start + 1].lower in _FINITE_AUXILIARIES or _is_verbish(tokens[start + 1]))
    for index in range(start + 1, min(start + _CLAUSE_REACH, len(tokens))):
        word = tokens[index].lower
        if word in _CLAUSE_STOPS:
            return False
        if word in _FINITE_AUXILIARIES:
            return True
    return False


def _bare_noun_start(token: Token) -> bool:
    """A lower-case word that may open a noun phrase without a determiner ("believe bigotry and
    xenophobia are", "hoped electric utilities would")."""
    word = token.lower
    return token.text.isalpha() and token.text.islower() and word not in FUNCTION_WORDS and word not in _CLAUSE_OPENERS and not _is_verbish(token) and not word.endswith(("ly", "ing"))


def _resumed_quotation(tokens: tuple[Token, ...], after: int) -> int | None:
    """The opening mark of the quotation that resumes after an attribution: '..., "',
    '..., referring to the rule, "', '..., but "' -- with no other verb of its own between."""
    for index in range(after, min(after + 16, len(tokens))):
        word = tokens[index].lower
        if word in QUOTE_MARKS:
            previous = tokens[index - 1].lower
            joined = previous in {"but", "and"} and tokens[index - 2].lower == ","
            return index if previous == "," or joined else None
        if word in {".", ";", ":", "?", "!"} or (word in VERB_FORM_LEMMA and tokens[index].text[:1].islower()):
            return None
    return None


def _split_quotation(sentence: Sentence, text: str, number: int, cue: FoundCue) -> list[RawStatement] | None:
    """'"The risk," he said, "is that..."': one quotation split by its attribution."""
    tokens = sentence.tokens
    after = cue.last + 1
    if cue.form != "finite" or after + 1 >= len(tokens) or not sentence.quotes or sentence.quotes[-1][0] < tokens[cue.last].end:
        return None  # no quotation opens after the cue
    found = _resumed_quotation(tokens, after)
    if found is None:
        return None
    opening = tokens[found].start
    second = sentence.quote_starting_at(opening)
    if second is None or not _content_precedes(tokens, cue):
        return None
    first = _postposed(sentence, text, number, cue, (tokens[cue.first].start, tokens[cue.last].end))
    if first is None or sentence.quote_ending_at(first.content[1]) is None:
        return None
    rest = RawStatement(number, first.cue, first.lemma, first.form, second, speaker=first.speaker, speaker_head=first.speaker_head, appositive=first.appositive)
    rest.continuation_of = number
    return [first, rest]


def _statement_for(sentence: Sentence, text: str, number: int, cue: FoundCue, boundaries: Boundaries) -> RawStatement | None:
    tokens = sentence.tokens
    cue_span = (tokens[cue.first].start, tokens[cue.last].end)
    if cue.form == "according":
        return _according(sentence, text, number, cue, cue_span)
    after = cue.last + 1
    at_end = after >= len(tokens) or tokens[after].lower in {".", "!", "?", ";"} or (tokens[after].lower == "," and _rest_is_short(tokens, after))
    at_end = at_end or (_content_precedes(tokens, cue) and _only_modifiers_follow(tokens, after, cue.lemma))
    at_end = at_end or _adjoined_clause_follows(tokens, cue)
    at_end = at_end or (_quotation_closes_before(tokens, cue) and not _complement_follows(tokens, after))
    asked = _asked_first(sentence, text, number, cue, cue_span)
    if asked is not None:
        return asked
    if cue.lemma == "put it":
        return _as_worded(sentence, text, number, cue, cue_span)
    if cue.form == "asked":
        return _asked_of(sentence, text, number, cue, cue_span, boundaries)
    if cue.form == "named":
        return _named_as(sentence, text, number, cue_span, after)
    if cue.form == "passive":
        content = content_after(sentence, text, after, boundaries)
        if content is None:
            return None
        return RawStatement(number, cue_span, cue.lemma, cue.form, content, speaker=(tokens[cue.first - 1].start, cue_span[1]), unnamed_passive=True)
    if at_end or _inverted_in(sentence, cue):
        raw = _postposed(sentence, text, number, cue, cue_span)
        return _continued_after(sentence, text, raw) if raw is not None else None
    raw = _preposed(sentence, text, number, cue, cue_span, boundaries)
    if raw is not None and cue.form == "finite" and after < len(tokens) and tokens[after].lower == ",":
        return _interrupted(sentence, text, number, raw) or raw
    return raw


def _named_as(sentence: Sentence, text: str, number: int, cue_span: Span, after: int) -> RawStatement | None:
    """'the bill, known as the Island Link Act, was passed': the name given, up to the comma
    closing the aside, with no one named giving it. A term in quotation marks ('known as
    “konbini”') is a word mentioned, not words said."""
    tokens = sentence.tokens
    end = next((i for i in range(after, len(tokens)) if tokens[i].lower in {",", ";", ".", "—", "(", ")"}), len(tokens))
    if end <= after or tokens[after].lower in QUOTE_MARKS:
        return None
    content = _strip_span(text, tokens[after].start, tokens[end - 1].end)
    return RawStatement(number, cue_span, "name", "named", content, unnamed_passive=True)


_AGENT_ENDS = QUESTION_OPENERS - {"by"}


def _asked_of(sentence: Sentence, text: str, number: int, cue: FoundCue, cue_span: Span, boundaries: Boundaries) -> RawStatement | None:
    """'Sanders was asked by the host whether ...': the asker after "by" is the source, the
    question the content; with no asker named the source is left unnamed."""
    tokens = sentence.tokens
    start = cue.last + 1
    asker = None
    if start < len(tokens) and tokens[start].lower == "by":
        end = next((i for i in range(start + 1, len(tokens)) if tokens[i].lower in _AGENT_ENDS or tokens[i].lower in {".", ";"}), len(tokens))
        if end > start + 1:
            asker = (tokens[start + 1].start, tokens[end - 1].end)
        start = end
    while start < len(tokens) and tokens[start].lower == ",":
        start += 1
    content = content_after(sentence, text, start, boundaries)
    if content is None:
        return None
    if asker is None:
        return RawStatement(number, cue_span, cue.lemma, cue.form, content, unnamed_passive=True)
    return RawStatement(number, cue_span, cue.lemma, cue.form, content, speaker=asker, speaker_head=asker)


def _as_worded(sentence: Sentence, text: str, number: int, cue: FoundCue, cue_span: Span) -> RawStatement | None:
    """'..., as a memo put it.', 'As Simonyan put it in a statement, RT is ...': the speaker
    between "as" and the cue, the content the clause beside the aside."""
    tokens = sentence.tokens
    opener = next(i for i in range(cue.first - 1, -1, -1) if tokens[i].lower == "as")
    speaker = _strip_span(text, tokens[opener + 1].start, tokens[cue.first - 1].end)
    if opener == 0 or (opener == 1 and not tokens[0].text[:1].isalnum()):
        comma = next((i for i in range(cue.last + 1, len(tokens)) if tokens[i].lower == ","), None)
        if comma is None or comma + 1 >= len(tokens):
            return None
        content = _strip_span(text, tokens[comma + 1].start, sentence.end)
    else:
        content = _strip_span(text, sentence.start, tokens[opener - 1].end)
    content = (content[0], content[1] - 1) if text[content[1] - 1 : content[1]] in {".", ","} else content
    if content[1] <= content[0]:
        return None
    return RawStatement(number, cue_span, cue.lemma, cue.form, content, speaker=speaker, speaker_head=speaker)


def _apparent(sentence: Sentence, cue: FoundCue, raw: RawStatement) -> list[RawStatement] | None:
    """'The senator seemed to be losing ground': "seem" and "appear" report how things look, not
    anyone's words; their subject is part of what is reported, and no one is its source. So does
    a raised passive ("The vote is expected to fail"), which never has its subject for source."""
    looks = cue.last == cue.verb and sentence.tokens[cue.verb].lower.startswith(("seem", "appear"))
    if not looks and cue.form != "raised":
        return None
    if raw.speaker is None or raw.content[0] < raw.cue[1] or raw.speaker[1] > raw.cue[0]:
        return [RawStatement(raw.sentence, raw.cue, raw.lemma, raw.form, raw.content, unnamed_passive=True)] if cue.form == "raised" else None
    rest = RawStatement(raw.sentence, raw.cue, raw.lemma, raw.form, raw.content, unnamed_passive=True)
    if sentence.tokens[sentence.token_index(raw.speaker[0])].lower == "it" and raw.speaker[1] - raw.speaker[0] == 2:
        return [rest]  # "It seems that ...": an empty subject, no part of what is reported
    subject = RawStatement(raw.sentence, raw.cue, raw.lemma, raw.form, raw.speaker, unnamed_passive=True)
    rest.continuation_of = raw.sentence
    return [subject, rest]


_RELATIVE_OPENERS = frozenset({"which", "who", "whom"})


def _relative_opened(sentence: Sentence, number: int, raw: RawStatement) -> list[RawStatement] | None:
    """'the wall, which he said Mexico would pay for': an attribution set inside a relative
    clause; the relative pronoun before its subject is the first piece of what was said."""
    if raw.speaker is None or raw.form != "finite" or raw.content[0] < raw.cue[1]:
        return None
    opener = sentence.token_index(raw.speaker[0]) - 1
    if opener < 0 or sentence.tokens[opener].lower not in _RELATIVE_OPENERS:
        return None
    if opener > 0 and sentence.tokens[opener - 1].lower in _BEFORE_NOUN:
        return None  # "in which she said ...": the pronoun belongs to the preposition, not to what was said
    pronoun = sentence.tokens[opener]
    before = RawStatement(number, raw.cue, raw.lemma, raw.form, (pronoun.start, pronoun.end), speaker=raw.speaker, speaker_head=raw.speaker_head, appositive=raw.appositive)
    raw.continuation_of = number
    return [before, raw]


# Words opening the rest of a clause that goes on after the attribution set inside it
# ("..., Graham said, since most of them ...", "..., she said, and “...”").
_CONTINUING_OPENERS = frozenset({"and", "but", "since", "because", "so", "including"})
_ATTRIBUTION_REACH = 6


def _continued_after(sentence: Sentence, text: str, raw: RawStatement) -> RawStatement | list[RawStatement]:
    """'Trump’s stance hurt him with young voters, Graham said, since most of them ...': the
    clause reported before the attribution goes on after it, and that rest is said too. After a
    quotation only a rest holding a quotation of its own is ('..., Jordan said, and still “...”')."""
    tokens = sentence.tokens
    if raw.speaker is None or raw.content[1] > raw.cue[0]:
        return raw
    last = sentence.token_index(max(raw.cue[1], raw.speaker[1])) - 1
    comma = next((i for i in range(last + 1, min(last + 1 + _ATTRIBUTION_REACH, len(tokens))) if tokens[i].lower in {",", ".", ";", ":", "?", "!"} or tokens[i].lower in QUOTE_MARKS), None)
    if comma is None or tokens[comma].lower != "," or comma + 2 >= len(tokens):
        return raw
    if tokens[comma + 1].lower not in _CONTINUING_OPENERS and not _incomplete_clause(sentence, raw.content):
        return raw
    rest = _strip_span(text, tokens[comma + 1].start, sentence.end)
    if text[rest[1] - 1 : rest[1]] in {".", "!"}:
        rest = (rest[0], rest[1] - 1)
    if rest[1] <= rest[0]:
        return raw
    if sentence.quote_ending_at(raw.content[1]) is not None and not sentence.quotes_within(*rest):
        return raw
    after = RawStatement(raw.sentence, raw.cue, raw.lemma, raw.form, rest, speaker=raw.speaker, speaker_head=raw.speaker_head, appositive=raw.appositive, addressee=raw.addressee)
    after.continuation_of = raw.sentence
    return [raw, after]


def _incomplete_clause(sentence: Sentence, span: Span) -> bool:
    """Whether the words before an attribution cannot stand as the clause reported: a
    subordinate clause ("If she wins, he said, ...") or an adverbial phrase with no verb ("Over
    the long term, he said, ..."), so that the clause goes on after the attribution."""
    tokens = sentence.tokens
    if sentence.quote_ending_at(span[1]) is not None:
        return False
    inside = range(sentence.token_index(span[0]), sentence.token_index(span[1]))
    if not inside:
        return False
    first = tokens[inside[0]]
    if first.lower in _SUBORDINATORS - {"whether"}:
        return True
    adverbial = first.lower in _PHRASE_PREPOSITIONS or (first.lower.endswith("ly") and len(first.lower) > 4)
    return adverbial and not any(_is_verb_at(tokens, i) or tokens[i].lower in _FINITE_AUXILIARIES for i in inside)


_PHRASE_PREPOSITIONS = frozenset({"in", "on", "at", "over", "during", "for", "after", "before", "since", "by", "among", "under", "with", "from", "within", "despite", "unlike", "like", "beyond", "without", "across", "throughout"})


def _closes_after(tokens: tuple[Token, ...], index: int) -> bool:
    """'“realistic enough to serve,” 72 percent': a comma the quotation closes right after."""
    return index + 1 < len(tokens) and tokens[index + 1].lower in CLOSING_MARKS


_QUESTION_MARKERS = frozenset({"whether", "if", "what", "who", "why", "how", "when", "where", "which", "to"})
_ASKED_REACH = 8


def _asked_first(sentence: Sentence, text: str, number: int, cue: FoundCue, cue_span: Span) -> RawStatement | None:
    """'Asked whether he would run, Smith said ...': the question put opens the sentence; what was
    asked runs to the comma, and only an asker named after "by" is its source."""
    tokens = sentence.tokens
    opening = cue.first == 0 or (cue.first == 1 and tokens[0].lower == "when")
    if cue.lemma != "ask" or not opening or tokens[cue.verb].lower != "asked":
        return None
    start = cue.last + 1
    asker = None
    if start < len(tokens) and tokens[start].lower == "by":
        end = next((i for i in range(start + 1, min(start + _ASKED_REACH, len(tokens))) if tokens[i].lower in _QUESTION_MARKERS or tokens[i].lower == ","), None)
        if end is None or end == start + 1:
            return None
        asker = (tokens[start + 1].start, tokens[end - 1].end)
        start = end
    about = tokens[cue.last].lower == "about"
    if not about and (start >= len(tokens) or tokens[start].lower not in _QUESTION_MARKERS):
        return None
    comma = next((i for i in range(start + 1, len(tokens)) if tokens[i].lower == "," and (not sentence.quoted[i] or _closes_after(tokens, i))), None)
    if comma is None:
        return None
    quote = sentence.quote_around_end(tokens[comma].start)
    content = _strip_span(text, tokens[start].start, quote[1] if quote else tokens[comma - 1].end)
    if content[1] <= content[0]:
        return None
    if asker is None:
        return RawStatement(number, cue_span, cue.lemma, cue.form, content, unnamed_passive=True)
    return RawStatement(number, cue_span, cue.lemma, cue.form, content, speaker=asker, speaker_head=asker)


_QUOTE_OPENINGS = frozenset("“\"‘`'")
_CIRCUMSTANCE_OPENERS = frozenset({"as", "during", "asked", "pressed", "speaking", "when", "after", "before", "while"})


def _is_circumstance(token: Token) -> bool:
    """Whether a phrase opening on this word is an adverbial of the saying ("Asked about", "As a phone rang")."""
    return token.lower in _CIRCUMSTANCE_OPENERS or (token.lower.endswith("ing") and token.lower not in _NON_BOUNDARY_ING)


_LEFT_OPENERS = frozenset({";", ":", "—", "--", "(", ")"}) | QUOTE_MARKS


def _interrupted(sentence: Sentence, text: str, number: int, raw: RawStatement) -> list[RawStatement] | None:
    """'The museum, he said, celebrated his heroes': an attribution set between commas inside
    the clause it reports; the clause's words before it are the first piece of the content."""
    tokens = sentence.tokens
    if raw.speaker is None:
        return None
    comma = sentence.token_index(raw.speaker[0]) - 1
    if comma < 1 or tokens[comma].lower != ",":
        return None
    first = comma
    while first > 0 and tokens[first - 1].lower not in _LEFT_OPENERS and tokens[first].lower not in _RELATIVES:
        first -= 1
    if any(_used_as_verb(tokens, index) for index in range(first, comma)):
        return None  # a cue of its own before: "Smith said the deal, he added, ..."
    if (text[raw.content[0]] in _QUOTE_OPENINGS and not _resumes_in_lower_case(text, raw.content)) or _is_circumstance(tokens[first]):
        return None  # "Asked about the vote, she said, “We ...”": a circumstance of the saying
    start = _clause_start(text, tokens[first].start, tokens[comma].start)
    left = _strip_span(text, start, tokens[comma].start)
    if left[1] <= left[0]:
        return None
    before = RawStatement(number, raw.cue, raw.lemma, raw.form, left, speaker=raw.speaker, speaker_head=raw.speaker_head, appositive=raw.appositive)
    raw.continuation_of = number
    return [before, raw]


def _resumes_in_lower_case(text: str, span: Span) -> bool:
    """'An economic downturn, he said, “could be a good time to borrow”': a quotation opening in
    lower case goes on with the clause begun before the attribution."""
    letters = (character for character in text[span[0] : span[1]] if character.isalpha())
    return next(letters, "A").islower()


_BEFORE_NOUN = frozenset({"of", "in", "on", "at", "for", "from", "by", "with", "to", "about", "against", "over"})


def _used_as_verb(tokens: tuple[Token, ...], index: int) -> bool:
    """A reporting verb's form used as a verb, not as the noun after a determiner or a
    preposition ("Acts of protest", "In his state")."""
    token = tokens[index]
    if token.lower not in VERB_FORM_LEMMA or not token.text[:1].islower():
        return False
    previous = tokens[index - 1].lower if index > 0 else ""
    return previous not in DETERMINERS and previous not in _BEFORE_NOUN


_MODIFIER_STARTS = frozenset({"jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "in", "on", "at", "during", "of", "after", "before", "while", "when", "last", "this", "earlier", "then", "from", "via", "through", "with", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "recently", "later", "afterward", "told", "tonight", "repeatedly", "again", "privately", "publicly"})
# Words opening a circumstance between a cue and its "that" ("in a statement", "this week"); an
# article or a possessive opens the object instead.
_CLAUSE_SKIP_OPENERS = (_CONTENT_SKIP | _MODIFIER_STARTS | {"about"}) - {"a", "an", "the", "his", "her", "their", "its"}


def _content_precedes(tokens: tuple[Token, ...], cue: FoundCue) -> bool:
    """Whether a comma or a closing quotation comes shortly before the cue ('"...," he said')."""
    for index in range(cue.first - 1, max(cue.first - 12, -1), -1):
        word = tokens[index].lower
        if word in CLOSING_MARKS or (word == "," and index > 0 and tokens[index - 1].lower not in {","}):
            return index > 2
        if _is_verbish(tokens[index]) or word in {"that", ":"}:
            return False
    return False


def _quotation_closes_before(tokens: tuple[Token, ...], cue: FoundCue) -> bool:
    """'"…," Smith said as he left': a quotation closes with its comma right before the
    subject of the cue, so what follows the cue is its circumstance, not what was said."""
    for index in range(cue.first - 1, max(cue.first - 10, 0), -1):
        word = tokens[index].lower
        if word in CLOSING_MARKS:
            return index + 1 < cue.first and (tokens[index - 1].lower == "," or tokens[index + 1].lower == ",")
        if _is_verb_at(tokens, index) or word in {":", ";", ".", "and", "but", "or"} or word in _HARD_LEFT:
            return False
    return False


def _complement_follows(tokens: tuple[Token, ...], after: int) -> bool:
    """Whether what was said follows the cue after all: "that", a colon, a quotation, "whether"."""
    if after >= len(tokens):
        return False
    word = tokens[after].lower
    following = tokens[after + 1].lower if after + 1 < len(tokens) else ""
    return word in {"that", ":", "whether"} or word in QUOTE_MARKS or (word == "," and following in QUOTE_MARKS)


def _only_modifiers_follow(tokens: tuple[Token, ...], after: int, lemma: str = "") -> bool:
    """'... he said in an interview Tuesday.', '... she told reporters.': nothing but
    circumstances (or the addressee) after the cue."""
    if lemma in ADDRESSEE_VERBS and after < len(tokens):
        addressee = addressee_after(tokens, after)
        if addressee is not None:
            after = addressee[1]
            if after >= len(tokens) or tokens[after].lower in {".", "!", "?", ";", ","}:
                return True
    if after >= len(tokens) or tokens[after].lower not in _MODIFIER_STARTS:
        return False
    for index in range(after, len(tokens)):
        token = tokens[index]
        if token.lower == "that" and tokens[index - 1].lower in {"in", "at", "on", "during", "from", "with", "by"}:
            continue  # "said in that statement": a determiner, not a clause
        if token.lower in {"“", "``"} and _names_a_title(tokens, index):
            continue
        if token.lower in {"that", ":", "whether", "“", "``"}:
            return False
        if _is_verb_at(tokens, index) and token.lower != "told" and not _noun_compound(tokens, index):
            return False
        if token.lower in {",", ";"}:
            return True
    return True


# '"…," he said, although …': a clause of its own after the attribution, not what was said.
_ADJOINED_CLAUSE_STARTS = frozenset({"although", "though", "while", "whereas", "because", "since", "but", "and"})


def _names_a_title(tokens: tuple[Token, ...], index: int) -> bool:
    """'on Fox News’s “Fox and Friends.”': a quotation after a possessive or "on" is a title."""
    previous = tokens[index - 1].lower if index > 0 else ""
    return previous.endswith(("’s", "'s")) or previous in {"on", "program", "show"}


def _noun_compound(tokens: tuple[Token, ...], index: int) -> bool:
    """"in a conference call", "at a news briefing": a bare verb form right after a determiner
    or a lower-case word is a noun of the phrase, not the verb of a clause."""
    word, previous = tokens[index].lower, tokens[index - 1]
    if word in _FINITE_AUXILIARIES or word.endswith(("s", "ed")) or not previous.text.isalpha():
        return False
    return previous.lower in DETERMINERS or (previous.text.islower() and previous.lower not in FUNCTION_WORDS)


def _rest_is_short(tokens: tuple[Token, ...], comma: int) -> bool:
    """', adding ...' after a final cue keeps it postposed; a long clause does not."""
    return comma + 1 < len(tokens) and tokens[comma + 1].lower.endswith("ing")


def _adjoined_clause_follows(tokens: tuple[Token, ...], cue: FoundCue) -> bool:
    """'"…," he said, although it could help later.': the quotation before is the content."""
    comma = cue.last + 1
    if comma + 1 >= len(tokens) or tokens[comma].lower != "," or tokens[comma + 1].lower not in _ADJOINED_CLAUSE_STARTS:
        return False
    return _content_precedes(tokens, cue)


def dangling_cue(sentence: Sentence, text: str, model: CueModel | None = None) -> RawStatement | None:
    """'Madry added.', 'The minister said:' -- a cue closing its sentence with nothing said
    after it: the speaker of a quotation that follows on its own."""
    tokens = sentence.tokens
    if len(tokens) < 3 or tokens[-1].lower not in {".", ":"} or sentence.quotes:
        return None
    cues = find_cues(sentence, False, model)
    if not cues or cues[-1].last != len(tokens) - 2 or cues[-1].form != "finite":
        return None
    cue = cues[-1]
    subject = subject_before(sentence, cue)
    if subject is None or sentence.token_index(subject.mention[0]) != 0:
        return None  # the whole sentence must be "subject cue."
    cue_span = (tokens[cue.first].start, tokens[cue.last].end)
    return RawStatement(-1, cue_span, cue.lemma, cue.form, (sentence.end, sentence.end), speaker=subject.mention, speaker_head=subject.head, appositive=subject.appositive)


# Verbs whose object is whom the words were for: '"…," Moy, a director, told the BBC' never
# inverts, so the noun phrase after them is the addressee, not the speaker.
_NEVER_INVERTED = frozenset({"tell", "inform", "assure", "remind"})


def _inverted_in(sentence: Sentence, cue: FoundCue) -> bool:
    """'..., said Smith.' -- but not 'Smith, a lawyer, said the plan...', whose subject and
    appositive open the sentence, nor 'told' whose object is the one told."""
    if cue.lemma == "tell" or not _inverted(sentence.tokens, cue):
        return False
    if cue.lemma not in INVERTING_VERBS and not _quotation_opens_sentence(sentence, cue):
        return False  # 'Washington, star of “Scandal,” thanked Obama': a title quoted in an aside
    return not _subject_opens_sentence(sentence, cue)


def _quotation_opens_sentence(sentence: Sentence, cue: FoundCue) -> bool:
    """Whether the quotation closing right before the cue opens the sentence (or follows its
    colon): the words reported, not a title or a phrase quoted inside the subject's aside."""
    tokens = sentence.tokens
    quote = sentence.quote_ending_at(tokens[cue.first - 1].end)
    if quote is None:
        return False
    opening = sentence.token_index(quote[0])
    return opening == 0 or tokens[opening - 1].lower == ":"


def _subject_opens_sentence(sentence: Sentence, cue: FoundCue) -> bool:
    tokens = sentence.tokens
    if any(token.lower in CLOSING_MARKS for token in tokens[: cue.first]):
        return False
    subject = subject_before(sentence, cue)
    if subject is None or subject.appositive is None:
        return False
    opening = sentence.token_index(subject.mention[0])
    return opening == 0 or (opening == 1 and tokens[0].lower in {"but", "and", "so", "yet", "still", "meanwhile"})


def _inverted(tokens: tuple[Token, ...], cue: FoundCue) -> bool:
    """'..., said Smith.' -- the cue comes right after a comma or a closing quote."""
    if cue.first == 0 or cue.form != "finite" or cue.lemma in _NEVER_INVERTED:
        return False
    before = tokens[cue.first - 1].lower
    if before != "," and before not in CLOSING_MARKS:
        return False
    if before == "," and cue.lemma not in INVERTING_VERBS:
        return False  # "Wong, a pollster, applauded Clinton's remarks": the object follows, not the subject
    after = cue.last + 1
    if after >= len(tokens) or not tokens[after].text[:1].isalpha() or tokens[after].lower in _NOT_INVERTED:
        return False
    if tokens[after].text[:1].isupper():
        return not _clause_follows_name(tokens, after)
    for index in range(after, len(tokens)):
        word = tokens[index].lower
        if word in _RELATIVES or word == ",":
            return True
        if word in {"that", ":"} or word in QUOTE_MARKS or _is_verb_at(tokens, index):
            return False
    return True


def _clause_follows_name(tokens: tuple[Token, ...], start: int) -> bool:
    """'..., said Fiorina was involved': a verb before the next comma or end makes the capitalised
    words after the cue the subject of what was said, not the one who said it."""
    for index in range(start, len(tokens)):
        word = tokens[index].lower
        if word in _NAME_ENDS and not _initial_period(tokens, index):
            return False
        if word in QUOTE_MARKS or word in _RELATIVES or word == "that":
            return False
        if _is_verb_at(tokens, index) and tokens[index].text[:1].islower():
            return True
    return False


_NAME_ENDS = frozenset({",", ".", ";", ":", "?", "!", "(", "—", "–"})


_DISCOURSE_LEAD = re.compile(
    r"(?:[A-Z][A-Z.\- ]+(?:\s*\([^)]*\))?\s*[―—–-]+\s*)?"  # a dateline, "WASHINGTON ― "
    r"(?:\(\s*)?"  # a sentence set in parentheses
    r"(?:(?:However|Meanwhile|Still|Instead|Indeed|In fact|In addition|Moreover|Furthermore|Nevertheless|Nonetheless|Even so|Additionally|Likewise|Similarly|As it (?:now |currently )?stands),\s+)?"
)


def _clause_start(text: str, start: int, end: int) -> int:
    """Where the sentence's own clause starts: after a dateline, an opening parenthesis and a
    leading "However,"."""
    match = _DISCOURSE_LEAD.match(text, start, end)
    return match.end() if match and match.end() < end else start


def _content_before(sentence: Sentence, text: str, end_position: int) -> Span | None:
    """Content left of a postposed attribution: the clause up to the comma, or the quotation
    with the words of the clause that lead into it ('Not paying taxes "makes me smart," he said')."""
    clause_start = _clause_start(text, sentence.start, end_position)
    quote = sentence.quote_ending_at(end_position)
    if quote is not None:
        colon = text.rfind(": ", clause_start, quote[0])
        clause_start = _clause_start(text, colon + 2, quote[0]) if colon >= 0 else clause_start
        lead = text[clause_start : quote[0]].rstrip()
        comma_led = lead[-1:] == "," and not _resumes_in_lower_case(text, quote)
        if not lead or sentence.quotes_within(clause_start, quote[0]) or comma_led or lead[-1] in {"—", "-", ":"}:
            return quote
        return clause_start, quote[1]
    start, end = _strip_span(text, clause_start, end_position)
    return (start, end) if end > start else None


def _holds_clause(tokens: tuple[Token, ...], span: Span) -> bool:
    """Whether a span has a verb in it (a clause, not a phrase)."""
    inside = [i for i, token in enumerate(tokens) if span[0] <= token.start < span[1]]
    return any(_is_verb_at(tokens, i) or tokens[i].lower.endswith(("ed", "es")) for i in inside) or len(inside) > 8


def _postposed(sentence: Sentence, text: str, number: int, cue: FoundCue, cue_span: Span) -> RawStatement | None:
    tokens = sentence.tokens
    subject = subject_after(sentence, cue) if _inverted_in(sentence, cue) else None
    if subject is None:
        subject = subject_before(sentence, cue, postposed=True)
    if subject is None:
        return None
    left_edge = min(subject.mention[0], cue_span[0])
    boundary = sentence.token_index(left_edge)
    end_position = left_edge
    # '"...," she said' -- the content ends before the comma that precedes the attribution.
    index = boundary - 1
    while index >= 0 and tokens[index].lower in {",", "—"}:
        end_position = tokens[index].start
        index -= 1
    if index >= 0 and tokens[index].lower in CLOSING_MARKS:
        end_position = tokens[index].end
    content = _content_before(sentence, text, end_position)
    if content is None or content[1] - content[0] < 3:
        return None
    if sentence.quote_ending_at(content[1]) is None and not _holds_clause(tokens, content):
        return None  # "On Nov. 15, the ambassador testified before ...": an adverbial, not content
    addressee = None
    if cue.lemma in _NEVER_INVERTED and (found := addressee_after(tokens, cue.last + 1)) is not None:
        addressee = (tokens[found[0]].start, tokens[found[1] - 1].end)  # '"…," Moy told the BBC.'
    return RawStatement(number, cue_span, cue.lemma, cue.form, content, speaker=subject.mention, speaker_head=subject.head, appositive=subject.appositive, addressee=addressee)


def _preposed(sentence: Sentence, text: str, number: int, cue: FoundCue, cue_span: Span, boundaries: Boundaries) -> RawStatement | None:
    tokens = sentence.tokens
    start = cue.last + 1
    addressee = None
    if cue.lemma in ADDRESSEE_VERBS and not _ends_in_preposition(tokens, cue):
        found = addressee_after(tokens, start)
        if found is not None:
            addressee = (tokens[found[0]].start, tokens[found[1] - 1].end)
            # "asked Sanders whether", "told reporters that"; but "told Flint residents not to drink" is all a directive
            directive = found[1] < len(tokens) and tokens[found[1]].lower in {"to", "not"}
            if cue.lemma in {"tell", "remind", "assure", "inform", "write to", "warn", "ask"} and found[1] < len(tokens) and not directive:
                start = found[1] + (1 if tokens[found[1]].lower in {":", ","} else 0)
    if start < len(tokens) and tokens[start].lower in {":", ","}:
        start += 1
    start = _skip_to_clause(tokens, _after_day(tokens, start))
    start = _after_aside(tokens, start)
    content = content_after(sentence, text, start, boundaries)
    if content is None:
        return None
    if _opens_subordinate_clause(tokens, cue):
        content = _before_main_clause(sentence, text, content)
    if cue.lemma == "describe as" and start < len(tokens):
        quote = sentence.quote_starting_at(tokens[start].start)
        content = quote or content
    raw = RawStatement(number, cue_span, cue.lemma, cue.form, content, addressee=addressee)
    if cue.form == "participle":
        return raw
    previous = tokens[cue.first - 1].lower if cue.first > 0 else ""
    if previous in {"and", "but", "or"}:
        raw.inherit = -1
        return raw
    subject = subject_before(sentence, cue)
    if subject is None:
        return None
    raw.speaker, raw.speaker_head, raw.appositive = subject.mention, subject.head, subject.appositive
    return raw


_OPENING_SUBORDINATORS = frozenset({"when", "while", "although", "though", "after", "before", "as", "since", "because", "if", "once", "unless", "until", "whereas"})
# What may lead into an opening subordinator: "But when", "Years after", "A few weeks after".
_SUBORDINATOR_LEADS = frozenset({"and", "but", "so", "yet", "even", "just", "only", "shortly", "soon", "long", "a", "few", "several", "minutes", "hours", "days", "weeks", "months", "years", "moments", "two", "three"})


def _opens_subordinate_clause(tokens: tuple[Token, ...], cue: FoundCue) -> bool:
    """Whether the cue stands in a subordinate clause opening its sentence ("When Trump
    suggested that ..., Rubio fired back"): no comma or quotation between its subordinator
    and the cue, and the clause goes on after the cue ("As the paper reported, ..." is closed
    by its cue, and the main clause after it is the content)."""
    if cue.last + 1 < len(tokens) and tokens[cue.last + 1].lower == ",":
        return False
    for index in range(cue.first - 1, -1, -1):
        word = tokens[index].lower
        if word in {",", ";", ":", "(", "—", "--"} or word in QUOTE_MARKS:
            return False
        if word in _OPENING_SUBORDINATORS:
            return all(token.lower in _SUBORDINATOR_LEADS or token.lower.isdigit() for token in tokens[:index])
    return False


def _before_main_clause(sentence: Sentence, text: str, content: Span) -> Span:
    """The content of a cue in an opening subordinate clause ends at the comma after which the
    main clause begins with its subject, a name or a pronoun ("..., Clinton cast", "..., she
    said")."""
    tokens = sentence.tokens
    first, stop = sentence.token_index(content[0]), sentence.token_index(content[1])
    for index in range(first + 1, min(stop, len(tokens) - 1)):
        following = tokens[index + 1]
        if tokens[index].lower != "," or sentence.quoted[index] or following.lower in QUOTE_MARKS:
            continue
        if following.lower in SUBJECT_PRONOUNS or (following.text[:1].isupper() and not _name_closes(tokens, index + 1, stop)):
            end = tokens[index - 1].end
            return (content[0], end) if end > content[0] else content
    return content


def _name_closes(tokens: tuple[Token, ...], start: int, stop: int) -> bool:
    """Whether the capitalised words from ``start`` run to ``stop``: a name in apposition
    closing the content ("the Republican nominee, Donald Trump"), not a main clause's subject."""
    index = start
    while index < stop and (tokens[index].text[:1].isupper() or tokens[index].lower in {".", "'s", "’s"}):
        index += 1
    return index >= stop


def _ends_in_preposition(tokens: tuple[Token, ...], cue: FoundCue) -> bool:
    """'warned of the dangers': the noun phrase after the preposition is its object, not an addressee."""
    return " " not in cue.lemma and cue.last > cue.verb and tokens[cue.last].lower in _PREPOSITIONS_OF_VERBS


_ACCORDING_STOPS = frozenset({",", ".", ";", "as", "?", "!", "—", "which", "who", "“"})
_ACCORDING_CIRCUMSTANCES = frozenset({"on", "in", "last", "earlier", "this", "from"})


_DESCRIPTION_OPENERS = frozenset({"a", "an", "the", "who", "one"})
_RELATIVE_WORDS = frozenset({"who", "that", "which", "whose"})


def _closing_description(tokens: tuple[Token, ...], comma: int) -> Span | None:
    """The description closing a sentence after "according to" and its source's comma ("...,
    according to John Weaver, a Republican strategist."; "..., who advised him."): it describes
    the source, up to a second description opened by a relative pronoun. None when the words
    after the comma have a verb of their own before any relative pronoun, which makes them a
    clause, or they stop before the sentence ends."""
    if comma >= len(tokens) - 1 or tokens[comma].lower != ",":
        return None
    first = tokens[comma + 1]
    if not (first.lower in _DESCRIPTION_OPENERS or first.text[:1].isupper()) or first.lower in SUBJECT_PRONOUNS:
        return None
    last = len(tokens) - 1
    while last > comma and tokens[last].lower in {".", "!", "?"}:
        last -= 1
    relative = False
    for index in range(comma + 1, last + 1):
        token = tokens[index]
        if token.lower in QUOTE_MARKS or (token.lower in {";", ":", "—", "--", "(", "and", "but"} and not relative):
            return None
        if token.lower == "," and comma + 1 < index < len(tokens) - 1 and tokens[index + 1].lower in _RELATIVE_WORDS:
            last = index - 1  # "..., a former aide, whose conclusions ...": the first description only
            break
        relative = relative or token.lower in _RELATIVE_WORDS
        if not relative and (token.lower in _FINITE_AUXILIARIES or (token.text[:1].islower() and token.lower in VERB_FORM_LEMMA)):
            return None
    if last <= comma:
        return None
    return tokens[comma + 1].start, tokens[last].end


def _issuer_follows(tokens: tuple[Token, ...], index: int, start: int) -> bool:
    """Whether "from" or "in" after a document's noun names who issued or printed it ("a
    report from the SITE Intelligence Group", "data from the FBI", "an article in Politico"):
    part of the source, not a circumstance of the report."""
    return index > start and tokens[index].lower in {"from", "in"} and tokens[index - 1].lower in EVIDENCE_NOUNS | {"article", "articles", "editorial", "release", "statement"}


def _past_participle_aside(tokens: tuple[Token, ...], comma: int) -> int:
    """'In the latest poll, conducted in May, Clinton led': an aside opened by a past participle
    after the poll's comma describes the poll and stays with it; the index of its closing comma."""
    if comma + 2 >= len(tokens) or tokens[comma].lower != "," or not tokens[comma + 1].lower.endswith("ed") or not tokens[comma + 1].text.islower():
        return comma
    closing = next((i for i in range(comma + 2, len(tokens)) if tokens[i].lower in {",", ";", "."}), None)
    return closing if closing is not None and tokens[closing].lower == "," else comma


def _according(sentence: Sentence, text: str, number: int, cue: FoundCue, cue_span: Span) -> RawStatement | list[RawStatement] | None:
    tokens = sentence.tokens
    start = cue.last + 1
    end = start
    described = False  # "a poll released last week": the participle's circumstance stays with it
    while end < len(tokens) and tokens[end].lower not in _ACCORDING_STOPS and (described or tokens[end].lower not in _ACCORDING_CIRCUMSTANCES or _issuer_follows(tokens, end, start)):
        described = described or (end > start and _reduced_relative_at(tokens, end, len(tokens)))
        end += 1
    if end == start:
        return None
    if cue.lemma == "in":
        end = _past_participle_aside(tokens, end)
    source = (tokens[start].start, tokens[end - 1].end)
    if cue.first == 0:
        rest = end + 1 if end < len(tokens) and tokens[end].lower == "," else end
        content = content_after(sentence, text, rest, Boundaries(sentence, set())) if rest < len(tokens) else None
    else:
        edge = tokens[cue.first - 1].start if tokens[cue.first - 1].lower == "," else cue_span[0]
        content = _strip_span(text, _clause_start(text, sentence.start, edge), edge)
        content = content if content[1] > content[0] else None
    if content is None:
        return None
    described_by = _closing_description(tokens, end) if cue.first > 0 and not _incomplete_clause(sentence, content) else None
    mention = (source[0], described_by[1]) if described_by else source
    raw = RawStatement(number, cue_span, cue.lemma, cue.form, content, speaker=mention, speaker_head=source, appositive=described_by, according=True)
    if cue.first == 0 or end + 1 >= len(tokens) or tokens[end].lower != "," or not _incomplete_clause(sentence, content):
        return raw
    rest = _strip_span(text, tokens[end + 1].start, sentence.end)  # "Over the long term, according to the office, the deficit ..."
    if text[rest[1] - 1 : rest[1]] in {".", "!"}:
        rest = (rest[0], rest[1] - 1)
    if rest[1] <= rest[0]:
        return raw
    after = RawStatement(number, cue_span, cue.lemma, cue.form, rest, speaker=source, speaker_head=source, according=True)
    after.continuation_of = number
    return [raw, after]


# Subjects of a sentence a quotation standing alone right after it may belong to: a person
# named ("Aderholt returned to the issue.") or a pronoun, not "The SLS has been ..." or "It".
_LEAD_PRONOUNS = frozenset({"he", "she", "they"})
_LEAD_ADVERBS = frozenset({"then", "also", "later", "now", "still", "again", "once", "too", "first", "soon"})


def lead_subject(tokens: tuple[Token, ...]) -> tuple[Subject, int] | None:
    """The named subject opening a sentence and the index of its verb: "Stafford, earlier in the
    hearing, was adamant ..." gives Stafford (and the aside) and "was"."""
    if not tokens or tokens[0].lower in DETERMINERS or not (tokens[0].text[:1].isupper() or tokens[0].lower in _LEAD_PRONOUNS):
        return None
    subject = _subject_then_verb(tokens, 0, min(len(tokens), _MAX_SUBJECT_TOKENS))
    if subject is None:
        return None
    verb = next(index for index, token in enumerate(tokens) if token.start >= subject.mention[1] and token.lower != "," and not _is_lead_adverb(token))
    head = [token for token in tokens if subject.head[0] <= token.start < subject.head[1]]
    while len(head) > 1 and (head[-1].lower in _LEAD_ADVERBS or head[-1].lower.endswith("ly")):
        head.pop()  # "He then referred to ...", "Smith later returned to ..."
    subject = Subject((subject.mention[0], head[-1].end) if subject.appositive is None else subject.mention, (head[0].start, head[-1].end), subject.appositive)
    single_pronoun = len(head) == 1 and head[0].lower in _LEAD_PRONOUNS
    named = head[0].lower not in SUBJECT_PRONOUNS and all(token.text[:1].isupper() or token.lower in {"’s", "'s", "of"} for token in head)
    if not (single_pronoun or named):
        return None
    return subject, verb


_CLAUSE_OPENERS = frozenset({"when", "while", "as", "because", "since", "that", "and", "but", ",", ";", "after", "before", "although", "though", "where"})


def clause_subject(sentence: Sentence, before: int, floor: int = 0) -> Subject | None:
    """The subject of the latest clause opening before token ``before``: "...when Volkov,
    then an ally, stepped aside after acknowledging" gives Volkov and his appositive."""
    tokens = sentence.tokens
    best: Subject | None = _opening_name(tokens, before) if floor == 0 else None
    for start in range(floor, before):
        opens = start == floor or tokens[start - 1].lower in _CLAUSE_OPENERS or tokens[start].lower in _LEAD_PRONOUNS
        if not opens or not _looks_like_np_start(tokens[start]) or tokens[start].lower in _CLAUSE_OPENERS | _OPENING_PREPOSITIONS:
            continue
        found = _subject_then_verb(tokens, start, before)
        coordinated = best is not None and found is not None and tokens[start - 1].lower == "and" and found.mention[1] == best.mention[1]
        if found is not None and not coordinated:
            best = found  # but "The Times and the Gazette filed suit, arguing": both are its subject
    return best


_SHARED_SUBJECT_LINKS = frozenset({",", "and", "but", "then"})


def _opening_name(tokens: tuple[Token, ...], participle: int) -> Subject | None:
    """"Boudreau gave his players a pep talk, telling them ...": the name or pronoun opening the
    sentence is the subject of a participle after a comma, or of a verb coordinated with the
    first ("Carson stood up and told his supporters"), whatever the verb between (irregular verbs
    like "gave" are not recognised as verbs)."""
    if participle < 3 or tokens[participle - 1].lower not in _SHARED_SUBJECT_LINKS:
        return None
    first = tokens[0]
    if first.lower in _LEAD_PRONOUNS:
        end = 1
    elif first.text[:1].isupper() and first.lower not in FUNCTION_WORDS | DETERMINERS | _PREPOSITIONS:
        end = 1
        while end < participle and tokens[end].text[:1].isupper():
            end += 1
    else:
        return None
    if end >= participle - 1 or tokens[end].lower in {",", "and", "or"}:
        return None  # "Boudreau, Smith and ...", a list or an appositive: read by the other rules
    if tokens[participle - 1].lower != "," and not _one_clause_between(tokens, end, participle - 1):
        return None
    span = (first.start, tokens[end - 1].end)
    return Subject(span, span, None)


# Sentence adverbs that open a sentence in capitals and are no one's name ("Perhaps go further, and ask").
_OPENING_ADVERBS = frozenset({"perhaps", "maybe", "instead", "also", "still", "now", "then", "again", "so"})


def _one_clause_between(tokens: tuple[Token, ...], start: int, link: int) -> bool:
    """Whether the words between an opening name and a coordinated verb are one plain clause of
    its own: no parenthesis, quotation or semicolon that could open another, nor an adverb for
    the name ("Perhaps go further, and ask")."""
    if tokens[0].lower in _OPENING_ADVERBS or tokens[0].lower.endswith("ly"):
        return False
    return not any(token.lower in {"(", ")", ";", ":"} or token.lower in QUOTE_MARKS for token in tokens[start:link])


# Prepositions opening a sentence with a circumstance, never its subject ("On Monday they ...").
_OPENING_PREPOSITIONS = frozenset({"on", "in", "at", "after", "before", "during", "following", "since", "for", "from", "with", "by", "over", "under", "amid", "despite"})


def _before_adverbs(tokens: tuple[Token, ...], start: int, verb: int) -> int:
    """The end of a subject before its verb, without the adverbs between ("Politifact then
    ruled", "He recently said")."""
    end = verb
    while end - 1 > start and _is_lead_adverb(tokens[end - 1]):
        end -= 1
    return end


def _modifier_ends(token: Token) -> bool:
    """Whether a word before a verb-like word makes it a noun ("a series of tweets", "the
    reports", "Trump’s early-morning tweets"): no subject ends on a preposition, a determiner,
    a possessive or a compound adjective."""
    word = token.lower
    compound = "-" in word and token.text.islower()
    return word in DETERMINERS or word in _NOUN_PREPOSITIONS or word in {"’s", "'s"} or compound


_NOUN_PREPOSITIONS = frozenset({"of", "in", "by", "from", "with", "for", "about", "on", "over", "against"})


def _is_lead_adverb(token: Token) -> bool:
    """An adverb between a subject and its verb ("then", "recently", "just")."""
    word = token.lower
    return word in _LEAD_ADVERBS or word in AUXILIARIES or (token.text.islower() and word.endswith("ly") and len(word) > 4)


def _subject_then_verb(tokens: tuple[Token, ...], start: int, limit: int) -> Subject | None:
    commas: list[int] = []
    for index in range(start + 1, limit):
        token = tokens[index]
        if token.lower == ",":
            commas.append(index)
            if len(commas) > 2:
                return None
            continue
        if _is_verbish(token) and len(commas) in (0, 2) and not _modifier_ends(tokens[index - 1]):
            head_end = commas[0] if commas else _before_adverbs(tokens, start, index)
            head = (tokens[start].start, tokens[head_end - 1].end)
            if len(commas) == 2:
                appositive = (tokens[commas[0] + 1].start, tokens[commas[1] - 1].end)
                return Subject((head[0], tokens[commas[1]].end), head, appositive)
            return Subject(head, head, None)
        if token.lower in _HARD_LEFT:
            return None
    return None
