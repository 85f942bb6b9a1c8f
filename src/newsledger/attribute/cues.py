"""Finding the cues of a sentence: reporting verbs (with auxiliaries and particles), "according to"
and the agentless "it was reported". Each cue says how its speaker is to be found."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

from newsledger.attribute.cue_model import CueModel, cue_heads
from newsledger.attribute.lexicon import (
    ALWAYS_NEEDS_CLAUSE,
    ATTITUDE_ADJECTIVES,
    ATTITUDE_VERBS,
    AUXILIARIES,
    COPULAS,
    CUE_WORDS,
    DETERMINERS,
    EVIDENCE_VERBS,
    MONTHS,
    NEEDS_CLAUSE,
    PARTICLE_VERBS,
    PARTICLES,
    PASSIVE_AUX,
    POLL_NOUNS,
    RAISING_PARTICIPLES,
    REGARDING_VERBS,
    SAYING_VERBS,
    SUBJECT_PRONOUNS,
    VERB_FORM_LEMMA,
    WEEKDAYS,
)
from newsledger.attribute.text import CONTRACTED_AUXILIARIES, QUOTE_MARKS, Sentence, Token

CueForm = Literal["finite", "participle", "according", "passive", "raised", "asked", "named"]
_CLAUSE_FOLLOWERS = frozenset({"that", "whether", "if", "why", "how", "what", ":", "“", '"', "‘", "''", "``"})
_CALL_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "has", "have", "had", "also", "and", "who", "repeatedly", "once", "then", "previously", "later", "earlier", "again", "recently", "publicly"})
_PREPOSITIONS = frozenset({"of", "in", "for", "from", "with", "by", "at", "on", "about", "into", "across", "among", "between", "per"})
_QUANTIFIERS = frozenset({"several", "many", "some", "most", "both", "all", "few", "others", "two", "three", "four", "five", "one"})
_GOOD_PREVIOUS = frozenset({",", "”", '"', "’", "''", "—", "(", ")", "-", ";", ":"})
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|an|ese|ish|i|ic|ch)$")
_PARTICIPLE_LEADS = frozenset({",", "after", "before", "while", "by", "without", "when", "in", "—", "(", "since"})
_NOT_CUE_AFTER = frozenset({"to", "of", "for", "the", "a", "an"})
_PREPOSITION_LIKE_ING = frozenset({"according"})


@dataclass(frozen=True, slots=True)
class FoundCue:
    """A cue at token positions [first, last] of the sentence (auxiliaries included)."""

    first: int
    verb: int
    last: int
    lemma: str
    form: CueForm


def _with_particle(tokens: tuple[Token, ...], index: int, lemma: str) -> tuple[int, str] | None:
    """(last token, lemma) when a particle joins the verb ("pointed to", "calls for")."""
    particles = PARTICLES.get(lemma)
    if particles and index + 1 < len(tokens) and tokens[index + 1].lower in particles:
        return index + 1, f"{lemma} {tokens[index + 1].lower}"
    return None


# Prepositions that belong to the verb before them ("complained about", "warned against",
# "laid out"): what follows them is what was said; not before a number ("said about 200").
_PREPOSITIONAL_PARTICLES = frozenset({"about", "against", "out", "up", "for", "off"})


# Prepositions that take the object of a verb of comment or attitude ("critical of", "focused on",
# "agreed with", "worries over"), and the verbs that take theirs with "to" ("referring to").
_OBJECT_PREPOSITIONS = frozenset({"of", "on", "with", "over"})
_TO_OBJECT_STEMS = ("refer", "allud", "respond", "react")
# Verbs of saying and writing: a preposition after them opens a circumstance ("said on Tuesday",
# "wrote on Twitter", "said of the plan").
_CIRCUMSTANTIAL_VERBS = frozenset({
    "say", "tell", "write", "tweet", "post", "report", "announce", "add", "note", "state", "testify",
    "explain", "declare", "confirm", "reveal", "claim", "insist", "argue", "speak", "ask", "reply",
    "predict", "call", "admit", "acknowledge", "suggest", "respond",
})


def _with_preposition(tokens: tuple[Token, ...], last: int) -> int:
    """The cue's last token, a preposition of the verb or a manner adverb ("complained
    bitterly that") included."""
    following = last + 1
    if following + 1 < len(tokens) and _is_adverb(tokens[following]) and tokens[following + 1].lower not in {",", ".", ";", "?", "!"}:
        last = following
        following += 1
    if following + 1 < len(tokens) and tokens[following].lower in _PREPOSITIONAL_PARTICLES and not tokens[following + 1].text[:1].isdigit():
        return last if _names_the_topic(tokens, last, following) else following
    if following + 1 < len(tokens) and _takes_object_with(tokens[last].lower, tokens[following].lower) and _opens_object(tokens[following + 1]):
        return following
    return last


def _names_the_topic(tokens: tuple[Token, ...], verb: int, preposition: int) -> bool:
    """'“…,” she said about the money', 'he said about the plan, “…”': after "say", "about" and
    "for" name what the words were about when the words themselves are quoted on either side."""
    if VERB_FORM_LEMMA.get(tokens[verb].lower) != "say" or tokens[preposition].lower not in {"about", "for"}:
        return False
    if any(token.lower in QUOTE_MARKS for token in tokens[:verb]):
        return True
    after = tokens[preposition + 1 : preposition + 1 + _TOPIC_REACH]
    return any(token.lower in {",", ":"} and following.lower in QUOTE_MARKS for token, following in itertools.pairwise(after))


_TOPIC_REACH = 12


def _takes_object_with(word: str, preposition: str) -> bool:
    """Whether a preposition after this verb introduces its object rather than a circumstance."""
    if preposition == "to":
        return word.startswith(_TO_OBJECT_STEMS)
    return preposition in _OBJECT_PREPOSITIONS and VERB_FORM_LEMMA.get(word, word) not in _CIRCUMSTANTIAL_VERBS


def _opens_object(token: Token) -> bool:
    """A word that may open the preposition's noun-phrase object: not a day, a month or a number."""
    word = token.lower
    return token.text[:1].isalpha() and word not in WEEKDAYS and word not in MONTHS


def _verb_lemma(tokens: tuple[Token, ...], index: int) -> tuple[int, str] | None:
    word = tokens[index].lower
    if word in PARTICLE_VERBS:
        joined = _with_particle(tokens, index, PARTICLE_VERBS[word])
        if joined is not None:
            return joined
    lemma = VERB_FORM_LEMMA.get(word)
    if lemma is None:
        return None
    return _with_particle(tokens, index, lemma) or (_with_preposition(tokens, index), lemma)


# Words between a subject and its verb that belong to the cue: negations and adverbs of time.
_CUE_MODIFIERS = frozenset({"not", "never", "now", "just", "still", "even", "already", "together", "first", "almost"})


def _cue_start(tokens: tuple[Token, ...], index: int) -> int:
    first = index
    while first > 0 and _joins_cue(tokens[first - 1]):
        first -= 1
    return first


def _contracted(tokens: tuple[Token, ...], index: int) -> bool:
    """An auxiliary split off the pronoun before it ("He’s claiming", "they've said")."""
    return index > 0 and tokens[index].lower in CONTRACTED_AUXILIARIES and tokens[index - 1].end == tokens[index].start


def _joins_cue(token: Token) -> bool:
    if token.text[:1].isupper():
        return False  # "May said": a name, not an auxiliary
    word = token.lower
    return word in AUXILIARIES or word in CONTRACTED_AUXILIARIES or word in _CUE_MODIFIERS or word.endswith(("n't", "n’t")) or _is_adverb(token)


def _is_adverb(token: Token) -> bool:
    return token.lower.endswith("ly") and token.text[:1].islower() and len(token.lower) > 4 and token.lower not in {"only", "family", "rally", "ally", "italy", "july", "early"}


def _is_passive(tokens: tuple[Token, ...], first: int) -> bool:
    return first > 0 and tokens[first - 1].lower in PASSIVE_AUX


def _classify(tokens: tuple[Token, ...], index: int, last: int, lemma: str, headline: bool) -> CueForm | None:
    word = tokens[index].lower
    previous = tokens[index - 1].lower if index > 0 else ""
    following = tokens[last + 1].lower if last + 1 < len(tokens) else "."
    if tokens[index].text[:1].isupper() and index > 0 and not headline:
        return None  # a name or a noun in a title ("United States")
    noun_like = word == lemma.split(" ")[0] or (word.endswith("s") and not word.endswith("ss"))
    if noun_like and index > 0 and (_DEMONYM.match(tokens[index - 1].text) or tokens[index - 1].text[:1].isdigit()):
        return None  # a noun after an adjective or a number ("European states", "2020 protests")
    if noun_like and index > 0 and "-" in previous and previous.islower():
        return None  # a noun after a compound adjective ("early-morning tweets")
    if index > 0 and not (tokens[index - 1].text[:1].isalnum() or previous in _GOOD_PREVIOUS or _contracted(tokens, index - 1)):
        return None  # markup or symbols before it
    if previous in {"not", "n't", "never"} or (previous.endswith(("’s", "'s")) and not _contracted(tokens, index - 1)):
        return None  # negated, or a noun after a possessive
    if lemma == "call" and previous and not (tokens[index - 1].text[:1].isupper() or previous in _CALL_SUBJECTS or previous.endswith("ly") or _contracted(tokens, index - 1)):
        return None  # "a group called ...", "the so-called"
    if previous in _QUANTIFIERS and (not noun_like or lemma == "say"):
        return "finite"  # "Several said", "Many say"
    if previous in DETERMINERS and previous != "that":
        return None  # a noun ("the reports", "his calls for")
    if previous == "to" and not word.endswith("ing"):
        return None  # an infinitive ("declined to say")
    base = lemma.split(" ")[0]
    if index > 0 and tokens[index - 1].text[:1].isdigit():
        return None  # "758 pledged delegates"
    if noun_like and previous in _PREPOSITIONS:
        return None  # "secretary of state", "in states where"
    closing = not noun_like and (following in {".", ",", "!", "?", ";"} or previous in {",", "”", '"', "''"})
    strict = base in ALWAYS_NEEDS_CLAUSE or noun_like
    if base in NEEDS_CLAUSE and strict and " " not in lemma and following not in _CLAUSE_FOLLOWERS and not word.endswith("ing") and not closing:
        return None
    if word.endswith("ing") and word != base:
        if previous in _PARTICIPLE_LEADS or previous in _GOOD_PREVIOUS or (index > 0 and tokens[index - 1].text[:1].islower()):
            return "participle"
        return None
    return "finite"


def find_cues(sentence: Sentence, headline: bool = False, model: CueModel | None = None) -> list[FoundCue]:
    """The cues of a sentence in text order, outside its quotations: the verb table's, then
    (with a ``model``) the words the learned detector reads as cue heads."""
    cues = _table_cues(sentence, headline)
    if model is None or not sentence.tokens:
        return _chained(sentence.tokens, cues)
    taken = {index for cue in cues for index in range(cue.first, cue.last + 1)}
    learned = [_learned_cue(sentence.tokens, head) for head in cue_heads(sentence, model, taken)]
    return _chained(sentence.tokens, sorted(cues + [cue for cue in learned if cue is not None], key=lambda cue: cue.verb))


_LENDING_VERBS = ("seem", "appear", "continu", "tend", "began", "begin", "start")


def _chained(tokens: tuple[Token, ...], cues: list[FoundCue]) -> list[FoundCue]:
    """'seemed to think', 'appeared to suggest', 'continued to call for': a verb that lends its
    subject to the verb after it ("seem", "appear", "continue"), then "to" and a verb of the table,
    is one cue; what follows the second verb is the content. "refused to say" keeps its cue."""
    result: list[FoundCue] = []
    covered = -1
    for cue in cues:
        if cue.first <= covered:
            continue
        following = cue.last + 2
        lending = tokens[cue.verb].lower.startswith(_LENDING_VERBS)
        if lending and following < len(tokens) and tokens[cue.last + 1].lower == "to" and tokens[following].lower in VERB_FORM_LEMMA:
            found = _verb_lemma(tokens, following)
            last = found[0] if found else following
            cue = FoundCue(cue.first, cue.verb, last, cue.lemma, cue.form)
        result.append(cue)
        covered = cue.last
    return result


def _learned_cue(tokens: tuple[Token, ...], head: int) -> FoundCue | None:
    word = tokens[head].lower
    first = _cue_start(tokens, head)
    if _is_passive(tokens, first):
        return _raised_passive(tokens, first, head, head, word)  # "are considered": the subject is what is said
    previous = tokens[head - 1].lower if head > 0 else ""
    if previous == "," and head + 1 < len(tokens) and tokens[head + 1].lower == "as" and not word.endswith("ing"):
        return FoundCue(head, head, head + 1, word, "named")  # "the bill, known as ...": a name given, by no one named
    participle = word.endswith("ing") and (previous in _PARTICIPLE_LEADS or previous in _GOOD_PREVIOUS)
    verb = _verb_after_adverb(tokens, head)
    return FoundCue(first, verb, _with_preposition(tokens, verb), tokens[verb].lower, "participle" if participle else "finite")


def _verb_after_adverb(tokens: tuple[Token, ...], head: int) -> int:
    """'openly admires', 'enthusiastically endorsed': an adverb read as the head of a cue leads to
    the verb after it, which ends the cue."""
    following = head + 1
    if _is_adverb(tokens[head]) and following < len(tokens) and tokens[following].text.isalpha() and tokens[following].text.islower():
        return following
    return head


def _table_cues(sentence: Sentence, headline: bool) -> list[FoundCue]:
    tokens = sentence.tokens
    cues: list[FoundCue] = []
    quoted = sentence.quoted
    following = 0  # the first token not yet taken by a cue
    # Most words are no cue word: the lemma lookups run only on the few that are.
    for index in [index for index, token in enumerate(tokens) if token.lower in CUE_WORDS and not quoted[index]]:
        if index < following:
            continue
        if tokens[index].lower == "according" and index + 1 < len(tokens) and tokens[index + 1].lower == "to":
            cues.append(FoundCue(index, index, index + 1, "according to", "according"))
            following = index + 2
            continue
        if tokens[index].lower in {"put", "puts"}:
            worded = _as_put_it(tokens, index)
            if worded is not None:
                cues.append(worded)
                following = worded.last + 1
            continue
        if tokens[index].lower in REGARDING_VERBS:
            regarding = _regarding_cue(tokens, index)
            if regarding is not None:
                cues.append(regarding)
            continue
        if tokens[index].lower in POLL_NOUNS:
            polled = _in_poll(tokens, index)
            if polled is not None:
                cues.append(polled)
            continue
        if tokens[index].lower in {"clear", "secret"}:
            made = _made_clear(tokens, index)
            if made is not None:
                cues.append(made)
                following = index + 1
            continue
        if tokens[index].lower in ATTITUDE_ADJECTIVES:
            stance = _stance_cue(tokens, index)
            if stance is not None:
                cues.append(stance)
                following = stance.last + 1
            continue
        found = _verb_lemma(tokens, index)
        if found is None:
            continue
        last, lemma = found
        following = last + 1
        first = _cue_start(tokens, index)
        if tokens[index].lower.endswith("ing") and (_is_passive(tokens, first) or _contracted(tokens, index - 1)):
            first = _cue_start(tokens, first - 1) if _is_passive(tokens, first) else first  # progressive: "is saying", "he’s saying"
            cues.append(FoundCue(first, index, last, lemma, "finite"))
            continue
        if _is_passive(tokens, first):
            cue = _passive_cue(tokens, first, index, last, lemma) or _raised_passive(tokens, first, index, last, lemma) or _asked_passive(tokens, first, index, last, lemma)
            if cue:
                cues.append(cue)
            continue
        lender = _lending_verb_before(tokens, index)
        if lender is not None and lemma not in ATTITUDE_VERBS and lemma not in EVIDENCE_VERBS:  # "begins to show" is no finding
            cues.append(FoundCue(_cue_start(tokens, lender), lender, last, tokens[lender].lower, _lender_form(tokens, lender)))
            continue
        form = _classify(tokens, index, last, lemma, headline)
        if form is not None:
            cues.append(FoundCue(first, index, last, lemma, form))
    return cues


_IN_POLL_REACH = 12
_POLL_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that", "one", "another", "each"})


def _in_poll(tokens: tuple[Token, ...], index: int) -> FoundCue | None:
    """'In a CBS News poll released Monday, 50 percent chose ...': a sentence opened by "in" and
    a poll or a survey, up to its comma, reports what the poll found; the poll is the source, as
    after "according to", and "In" is the cue."""
    if len(tokens) < 4 or tokens[0].lower != "in" or tokens[1].lower not in _POLL_OPENERS or index > _IN_POLL_REACH:
        return None
    if any(token.lower in {",", ";", ":", "(", "—"} or token.lower in QUOTE_MARKS for token in tokens[1:index]):
        return None
    comma = next((i for i in range(index + 1, min(index + _IN_POLL_REACH, len(tokens))) if tokens[i].lower in {",", ";", ".", ":"}), None)
    if comma is None or tokens[comma].lower != "," or comma + 2 >= len(tokens):
        return None
    if any(_is_said(token.lower) for token in tokens[comma + 1 :]):
        return None  # "In the survey, 6 in 10 riders said ...": the respondents speak, by their own cue
    return FoundCue(0, 0, 0, "in", "according")


def _is_said(word: str) -> bool:
    """An inflected verb of saying ("said", "says", "answered"), not its bare form, which is
    often a noun ("a report", "the claim")."""
    lemma = VERB_FORM_LEMMA.get(word)
    return lemma is not None and word != lemma and lemma in SAYING_VERBS


_MAKE_FORMS = frozenset({"make", "makes", "made", "making"})


def _made_clear(tokens: tuple[Token, ...], index: int) -> FoundCue | None:
    """'He made it clear that ...', 'officials made clear Monday they ...', 'has made no secret
    of his doubts': "make clear" states what follows it, with its subject as the speaker; the cue
    runs from the verb, with its auxiliaries, to "clear" (to "of" after "no secret")."""
    verb = index - 1
    secret = tokens[index].lower == "secret"
    if secret:
        if tokens[verb].lower != "no" or index + 1 >= len(tokens) or tokens[index + 1].lower != "of":
            return None
        verb -= 1  # "made no secret of": what follows "of" is what was made plain
    elif verb > 0 and tokens[verb].lower == "it":
        verb -= 1
    if verb < 1 or tokens[verb].lower not in _MAKE_FORMS or index + 2 >= len(tokens) or tokens[verb - 1].lower == "to":
        return None  # "failing to make clear": an infinitive, its subject not before it
    if not secret and tokens[index + 1].lower in {".", "!", "?", ";", "to", "enough", ","}:
        return None  # "made it clear enough", "made clear to": no clause of its own here
    first = _cue_start(tokens, verb)
    if _is_passive(tokens, first):
        return None  # "were made clear": no one named making it so
    return FoundCue(first, verb, index + 1 if secret else index, "make clear", "finite")


def _lending_verb_before(tokens: tuple[Token, ...], index: int) -> int | None:
    """'continued to call for', 'tended to blame': the verb lending its subject to the infinitive
    of saying at ``index``, which makes one cue with it, read as the learned cues are read."""
    if index < 2 or tokens[index - 1].lower != "to":
        return None
    lender = tokens[index - 2]
    if lender.lower == "on" and index > 2 and tokens[index - 3].lower in _GO_FORMS:
        return index - 3  # "went on to say"
    return index - 2 if lender.text[:1].islower() and lender.lower.startswith(_LENDING_VERBS) else None


_GO_FORMS = frozenset({"go", "goes", "went", "going", "gone"})


def _lender_form(tokens: tuple[Token, ...], lender: int) -> CueForm:
    """'..., going on to say': a lending verb in -ing after a comma is a participle, sharing the
    subject of the clause before."""
    previous = tokens[lender - 1].lower if lender > 0 else ""
    participle = tokens[lender].lower.endswith("ing") and (previous in _PARTICIPLE_LEADS or previous in _GOOD_PREVIOUS)
    return "participle" if participle else "finite"


def _as_put_it(tokens: tuple[Token, ...], index: int) -> FoundCue | None:
    """'as a memo put it', 'As Ms. Simonyan put it in a statement, ...': "put it" after "as" and
    a speaker words what the clause beside it says."""
    if index + 1 >= len(tokens) or tokens[index + 1].lower != "it":
        return None
    opener = next((i for i in range(index - 1, max(index - 12, -1), -1) if tokens[i].lower in {"as", ",", ";", "(", "—"}), None)
    if opener is None or tokens[opener].lower != "as" or opener + 1 >= index:
        return None
    return FoundCue(index, index, index + 1, "put it", "finite")


def _passive_cue(tokens: tuple[Token, ...], first: int, index: int, last: int, lemma: str) -> FoundCue | None:
    """"it was reported that": the speaker is left unnamed."""
    aux = _passive_start(tokens, first)
    if aux > 0 and tokens[aux - 1].lower == "it":
        following = tokens[last + 1].lower if last + 1 < len(tokens) else ""
        if following in {"that", ","}:
            return FoundCue(aux, index, last, lemma, "passive")
    return None


def _passive_start(tokens: tuple[Token, ...], first: int) -> int:
    """The first auxiliary of a passive ("might be", "is not widely") before ``first``."""
    aux = first - 1
    while aux > 0 and (_joins_cue(tokens[aux - 1]) or tokens[aux - 1].lower in PASSIVE_AUX):
        aux -= 1
    return aux


def _raised_passive(tokens: tuple[Token, ...], first: int, index: int, last: int, lemma: str) -> FoundCue | None:
    """"The vote is expected to fail", "the plan is widely believed to be dead": a passive verb of
    expecting or believing with an infinitive after it reports, with no one named, what its subject
    will do or is; the cue is the verb with its auxiliaries and the statement has no source."""
    if last + 2 >= len(tokens) or tokens[last + 1].lower != "to" or not tokens[last + 2].text[:1].isalpha():
        return None
    if tokens[index].lower not in RAISING_PARTICIPLES:
        return None
    return FoundCue(_passive_start(tokens, first), index, last, lemma, "raised")



_STANCE_COMPLEMENTS = frozenset({"that", "about", "of", "over"})


def _stance_cue(tokens: tuple[Token, ...], index: int) -> FoundCue | None:
    """'Protesters were frustrated that ...', 'Graham is critical of ...': an adjective of stance
    after a copula and before a clause or its object is a cue, with the copula, its auxiliaries
    and its adverbs, and the preposition of the object."""
    following = index + 1
    if following + 1 >= len(tokens) or tokens[following].lower not in _STANCE_COMPLEMENTS:
        return None
    copula = index - 1
    while copula > 0 and tokens[copula].lower not in COPULAS and (_is_adverb(tokens[copula]) or tokens[copula].lower in _CUE_MODIFIERS | {"so", "very", "deeply", "also", "increasingly", "more"}):
        copula -= 1
    if copula < 1 or tokens[copula].lower not in COPULAS or tokens[copula].text[:1].isupper():
        return None
    if tokens[copula].lower in CONTRACTED_AUXILIARIES and not _contracted(tokens, copula):
        return None  # "Trump's critical", a possessive
    last = index if tokens[following].lower == "that" else following
    return FoundCue(_cue_start(tokens, copula), index, last, tokens[index].lower, "finite")


_REGARD_REACH = 8
_AS_CONJUNCTION_NEXT = frozenset({"if", "though", "well", "soon", "long", "much", "many", "far", "part", "of", "to", "for"})


def _regarding_cue(tokens: tuple[Token, ...], index: int) -> FoundCue | None:
    """'Critics see the deal as a trap', 'who viewed it as a betrayal': a verb of seeing with its
    object then "as" holds a view; what follows the verb is its content."""
    previous = tokens[index - 1] if index > 0 else None
    if previous is None or previous.lower in DETERMINERS or previous.lower in PASSIVE_AUX or previous.lower in {"to", "’s", "'s"}:
        return None  # "the views of", "is seen as", "to see": no one holding the view here
    if not tokens[index].text.islower() or (index + 1 < len(tokens) and tokens[index + 1].lower == "by"):
        return None  # "remarks viewed by some as": a passive participle
    for position in range(index + 2, min(index + _REGARD_REACH, len(tokens))):
        word = tokens[position].lower
        if word == "as":
            after = tokens[position + 1].lower if position + 1 < len(tokens) else ""
            if after in _AS_CONJUNCTION_NEXT or after in SUBJECT_PRONOUNS or not after[:1].isalpha():
                return None  # "saw the ferry as it docked": "as" opens a clause of time
            return FoundCue(_cue_start(tokens, index), index, index, tokens[index].lower, "finite")
        if not tokens[position].text[:1].isalnum() and word not in {"’s", "'s"} and not _possessive_mark(tokens, position):
            return None
    return None


def _possessive_mark(tokens: tuple[Token, ...], index: int) -> bool:
    """An apostrophe glued to a plural ("voters' exhaustion") marks a possessive, not a quotation."""
    previous = tokens[index - 1]
    return tokens[index].lower in {"’", "'"} and previous.end == tokens[index].start and previous.lower.endswith("s")


QUESTION_OPENERS = frozenset({"whether", "if", "what", "why", "how", "who", "whom", "which", "when", "where", "about", ",", "“", '"', "by"})


def _asked_passive(tokens: tuple[Token, ...], first: int, index: int, last: int, lemma: str) -> FoundCue | None:
    """'Sanders was asked whether ...', 'she was asked about the plan': the one asked is no
    source; the question is what was said, by whoever is named after "by"."""
    following = tokens[last + 1].lower if last + 1 < len(tokens) else ""
    if lemma != "ask" or (following not in QUESTION_OPENERS and tokens[last].lower != "about"):
        return None
    return FoundCue(_passive_start(tokens, first), index, last, lemma, "asked")
