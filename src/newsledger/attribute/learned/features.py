"""Paragraph units and the hand-made features of the two tagging stages. Pure.

A paragraph is tokenised with :func:`newsledger.attribute.text.tokenize` and split into
sentences; each token carries the facts both stages read: its form, shape, the reporting-verb
table's view of it and whether it sits inside a quotation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from newsledger.attribute.lexicon import BELIEF_VERBS, SAYING_VERBS, inflections
from newsledger.attribute.text import Token, split_sentences, tokenize

_OPENING = frozenset({"“", "``"})
_CLOSING = frozenset({"”", "''"})
_MARKERS = frozenset({"that", "to", "if", "whether", "“", '"', "``", ":"})
_CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "—", "–", "-", "(", ")"})


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph: its tokens, the sentence number of each and its quotation state."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    sentence_of: tuple[int, ...]
    quoted: tuple[bool, ...]


@functools.cache
def _reporting_forms() -> dict[str, str]:
    """Every inflected form of a one-word verb of the reporting table, to its kind."""
    forms: dict[str, str] = {}
    for lemma in SAYING_VERBS:
        if " " not in lemma:
            for form in inflections(lemma):
                forms.setdefault(form, "belief" if lemma in BELIEF_VERBS else "saying")
    return forms


@functools.cache
def _lemmas() -> dict[str, str]:
    lemmas: dict[str, str] = {}
    for lemma in SAYING_VERBS:
        if " " not in lemma:
            for form in inflections(lemma):
                lemmas.setdefault(form, lemma)
    return lemmas


def reporting_lemma(cue: str) -> str:
    """The lemma of the cue's first reporting verb, else the cue itself in lower case."""
    lemmas = _lemmas()
    words = cue.lower().split()
    return next((lemmas[w] for w in words if w in lemmas), " ".join(words))


def make_unit(text: str, start: int, end: int) -> Unit:
    tokens = tokenize(text, start, end)
    sentence_of = _sentence_numbers(tokens, split_sentences(text, start, end))
    return Unit(start, end, tokens, sentence_of, _quotation_state(tokens))


def _sentence_numbers(tokens: tuple[Token, ...], spans: list[tuple[int, int]]) -> tuple[int, ...]:
    numbers, current = [], 0
    for token in tokens:
        while current < len(spans) - 1 and token.start >= spans[current][1]:
            current += 1
        numbers.append(current)
    return tuple(numbers)


def _quotation_state(tokens: tuple[Token, ...]) -> tuple[bool, ...]:
    """Whether each token lies inside a quotation (its marks included)."""
    state, inside = [], False
    for token in tokens:
        word = token.text
        if word in _OPENING or (word == '"' and not inside):
            inside = True
            state.append(True)
        elif word in _CLOSING or word == '"':
            state.append(inside)
            inside = False
        else:
            state.append(inside)
    return tuple(state)


def shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word.isupper() and len(word) > 1:
        return "AA"
    if word[:1].isupper():
        return "Aa"
    if word.isalpha():
        return "a"
    return word if len(word) == 1 else "x"


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def token_facts(unit: Unit) -> list[tuple[str, str, str, str]]:
    """(lower form, shape, stem, reporting kind or "") per token, computed once per unit."""
    forms = _reporting_forms()
    return [(t.lower, shape(t.text), _stem(t.lower), forms.get(t.lower, "")) for t in unit.tokens]


def cue_features(unit: Unit, facts: list[tuple[str, str, str, str]], index: int) -> list[str]:
    """What the cue stage reads around one token."""
    word, form, stem, kind = facts[index]
    before = facts[index - 1][0] if index else "<s>"
    before2 = facts[index - 2][0] if index > 1 else "<s>"
    after = facts[index + 1][0] if index + 1 < len(facts) else "</s>"
    after2 = facts[index + 2][0] if index + 2 < len(facts) else "</s>"
    features = [
        "b",
        "w=" + word,
        "st=" + stem,
        "sh=" + form,
        "s3=" + word[-3:],
        "p3=" + word[:3],
        "w-1=" + before,
        "w+1=" + after,
        "w-2=" + before2,
        "w+2=" + after2,
        "w-1w=" + before + "|" + word,
        "ww+1=" + word + "|" + after,
        "st-w+1=" + stem + "|" + after,
        "q=" + str(unit.quoted[index]),
        "rk=" + kind,
        "rk-1=" + (facts[index - 1][3] if index else "<s>"),
        "rk+1=" + (facts[index + 1][3] if index + 1 < len(facts) else "</s>"),
    ]
    if index == 0 or unit.sentence_of[index - 1] != unit.sentence_of[index]:
        features.append("first")
    return features


@dataclass(frozen=True, slots=True)
class CueContext:
    """A cue within its unit, as the role stage sees it."""

    start: int  # first token of the cue
    end: int  # one past its last token
    head: str  # the cue's most telling word (a reporting verb when there is one)
    others: frozenset[int]  # tokens of the unit's other cues
    marker: int  # the first complementiser, quotation mark or colon just after the cue, or -1


def cue_context(
    facts: list[tuple[str, str, str, str]], start: int, end: int, others: frozenset[int]
) -> CueContext:
    words = [facts[i] for i in range(start, end)]
    reporting = [w for w in words if w[3]]
    head = (reporting[0] if reporting else words[-1])[2]
    marker = next((i for i in range(end, min(end + 6, len(facts))) if facts[i][0] in _MARKERS), -1)
    return CueContext(start, end, head, others, marker)


def _distance_bucket(distance: int) -> str:
    if distance <= 3:
        return str(distance)
    if distance <= 6:
        return "4-6"
    if distance <= 12:
        return "7-12"
    return "13-25" if distance <= 25 else "far"


def role_features(
    unit: Unit, facts: list[tuple[str, str, str, str]], cue: CueContext, index: int, commas: list[int]
) -> list[str]:
    """What the role stage reads for one token, given the cue it tags for."""
    return role_token_features(facts, index) + role_cue_features(unit, facts, cue, index, commas)


def role_token_features(facts: list[tuple[str, str, str, str]], index: int) -> list[str]:
    """The role stage's features that do not depend on the cue (scored once per token)."""
    word, form, stem, _ = facts[index]
    before = facts[index - 1][0] if index else "<s>"
    after = facts[index + 1][0] if index + 1 < len(facts) else "</s>"
    return ["b", "w=" + word, "sh=" + form, "st=" + stem, "w-1=" + before, "w+1=" + after]


def role_cue_features(
    unit: Unit, facts: list[tuple[str, str, str, str]], cue: CueContext, index: int, commas: list[int]
) -> list[str]:
    """The role stage's features that read the token against the cue.

    ``commas`` counts clause punctuation from the start of the unit up to each token, so the
    punctuation between the token and the cue is a difference of two counts."""
    word, form, _, _ = facts[index]
    if index < cue.start:
        side, distance = "L", cue.start - index
        between = commas[cue.start] - commas[index + 1]
    elif index >= cue.end:
        side, distance = "R", index - cue.end + 1
        between = commas[index] - commas[cue.end]
    else:
        side, distance, between = "C", 0, 0
    sentence_gap = unit.sentence_of[index] - unit.sentence_of[cue.start]
    place = side + _distance_bucket(distance)
    before = facts[index - 1][0] if index else "<s>"
    quoted = "q" if unit.quoted[index] else "n"
    cue_quoted = "q" if unit.quoted[cue.start] else "n"
    return [
        "pl=" + place,
        "side=" + side,
        "pw=" + side + word,
        "psh=" + place + form,
        "sg=" + str(max(-2, min(2, sentence_gap))),
        "sgq=" + str(max(-2, min(2, sentence_gap))) + quoted + cue_quoted,
        "cp=" + side + str(min(between, 3)),
        "hd=" + cue.head + side,
        "hdp=" + cue.head + place,
        "q=" + quoted + cue_quoted + side,
        "oc=" + str(index in cue.others) + side,
        "hw=" + cue.head + "|" + word if distance <= 2 else "hw=far",
        "mk=" + _marker_place(cue, facts, index),
        "w-1sh=" + side + before + "|" + form,
        "end=" + side + _to_sentence_end(unit, index),
    ]


def _to_sentence_end(unit: Unit, index: int) -> str:
    """How many tokens remain in the token's sentence: content often runs to its end."""
    sentence, last = unit.sentence_of[index], index
    while last + 1 < len(unit.tokens) and unit.sentence_of[last + 1] == sentence and last - index < 3:
        last += 1
    return str(last - index) if last - index < 3 else "3+"


def _marker_place(cue: CueContext, facts: list[tuple[str, str, str, str]], index: int) -> str:
    if cue.marker < 0 or index < cue.end:
        return "none"
    word = facts[cue.marker][0]
    if index < cue.marker:
        return "before|" + word
    return ("at|" if index == cue.marker else "after|") + word


def clause_counts(facts: list[tuple[str, str, str, str]]) -> list[int]:
    """Running count of clause punctuation before each position (length ``len(facts) + 1``)."""
    counts = [0]
    for word, *_ in facts:
        counts.append(counts[-1] + (word in _CLAUSE_PUNCTUATION))
    return counts
