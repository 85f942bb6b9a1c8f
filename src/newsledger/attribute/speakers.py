"""Who a speaker mention refers to: names, surnames, pronouns and descriptions.

The article's people are gathered first (every capitalised name of two or more words, with the
titles and descriptions printed before it or in an appositive). A mention then resolves to one
of them: a full name directly, a surname or first name through the gathered names, a pronoun to
the latest person of its gender mentioned before it, a description ("the freed opposition
figure") to the person the article described with those words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from newsledger.attribute.lexicon import (
    DETERMINERS,
    EVIDENCE_NOUNS,
    FEMALE_NAMES,
    FUNCTION_WORDS,
    GROUP_HEADS,
    IMPERATIVE_VERBS,
    MALE_NAMES,
    MEDIA_WORDS,
    MONTHS,
    OPENING_ADVERBS,
    ORG_WORDS,
    PRONOUNS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    UNNAMED_HEADS,
    VERB_FORM_LEMMA,
    WEEKDAYS,
)

_WORD = re.compile(r"[\w’'.\-]+")
# A run of capitalised words ("Gen. Mark de Silva"). It is written to start with ``[A-Z]`` (the
# word boundary before the first capital becomes a look-behind) so that the regex engine skips
# ahead to the next capital letter instead of trying the pattern at every character.
_PARTICLE = r"(?: (?:de|van|von|bin|al|da|di|del|la|le)\b)? "
_UPPER = "A-ZÀ-ÖØ-ÞĆČĐŁŃŚŠŹŻŽ"  # capitals of Latin-1 and the common Central European ones ("Özcan", "Łukasz")
_NAME_RUN = re.compile(
    rf"[{_UPPER}](?<!\w[{_UPPER}])(?:[a-z]{{0,2}}\.|[\w’'\-]*){_PARTICLE}"
    rf"(?:\b(?:[{_UPPER}][a-z]{{0,2}}\.|[{_UPPER}][\w’'\-]*){_PARTICLE})*[{_UPPER}][\w’'\-]*"
)
_CAPITALISED = re.compile(rf"[{_UPPER}](?<!\w[{_UPPER}])[\w’'\-]+\b")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|an|ese|ish|i|ic|ch)$")
_POSSESSIVE = re.compile(r"[’']s$")
_CONTRACTION = re.compile(r"[’'](?:d|m|ll|ve|re)$")
_LEADING_ADVERBS = frozenset({"even", "also", "only", "then", "now", "still", "but", "and", "yet", "so", "meanwhile"})
_ROLE_WORDS = frozenset({
    "founder", "co-founder", "cofounder", "planner", "designer", "director", "manager", "chair",
    "chairman", "chairwoman", "chairperson", "executive", "officer", "spokesman", "spokeswoman",
    "spokesperson", "editor", "analyst", "economist", "scientist", "researcher", "professor",
    "coach", "captain", "owner", "partner", "chief", "head", "lead", "attorney", "lawyer",
    "president", "secretary", "minister", "governor", "mayor", "senator", "representative",
    "ceo", "cfo", "coo", "cto", "vp", "strategist", "consultant", "adviser", "advisor",
    "correspondent", "reporter", "author", "writer", "commissioner", "superintendent", "principal",
})
_DATE_HEADS = frozenset({"day", "eve", "week", "weekend", "month", "year", "night", "morning", "season", "holiday", "christmas", "easter"})
_DATE_NAMES = (frozenset(MONTHS) | frozenset(WEEKDAYS)) - {"may", "march", "april", "june", "august"}  # also names
_MODEL_NUMBER = re.compile(r"[ \-]?\d")
# A word with letters and digits is a model's ("CE250", "R1"); a name's words hold none.
_LETTERS_AND_DIGITS = re.compile(r"[a-z]\d|\d[a-z]")
# Last words of a product's name: the model of a line ("MacBook Pro", "TikTok Live").
_PRODUCT_ENDINGS = frozenset({"pro", "max", "mini", "plus", "ultra", "lite", "edition", "maker", "live", "sans"})
# Media words that also head other institutions' names: a medium's only beside another media word.
_GENERIC_MEDIA_WORDS = frozenset({"agency", "network", "channel"})
_GROUP_PLURAL = re.compile(r"(?:ans|ats|ists|ives|als)$")


# An institution named with "of", "on" or "for": capitalised words ending in an institution word,
# then the preposition (and "the") and a capitalised name: "Bank of England", "Office of the
# Inspector General", "Institute on Drug Abuse", "Center for Space Studies", "Centers for Disease
# Control", "National Institutes of Health" (the institution words named in the plural too).
_ORGANISATION_OF = re.compile(
    rf"(?:[{_UPPER}][\w’'.\-]*\s+)*?(?:{'|'.join(w.capitalize() for w in sorted(ORG_WORDS))}|Centers|Centres|Institutes)"
    rf"\s+(?:of|on|for)\s+(?:the\s+)?[{_UPPER}][\w’'.\-]*(?:\s+(?:and\s+)?[{_UPPER}][\w’'.\-]*)*"
)

_INSTITUTION_LINK = re.compile(r" (?:of|on|for) ")

# An office named with "of" or "for" ("High Commissioner for Human Rights", "Secretary of State"):
# whoever holds it is named by it, when no name follows it.
_OFFICE_HEADS = frozenset({
    "commissioner", "secretary", "director", "minister", "keeper", "rapporteur", "envoy",
    "ambassador", "president", "chairman", "chairwoman", "chair", "head", "chief", "governor",
    "administrator", "inspector", "registrar", "comptroller", "ombudsman", "auditor", "surgeon",
    "attorney", "prosecutor", "commander", "marshal", "clerk", "speaker", "mayor", "leader",
})
_OFFICE_OF = re.compile(
    rf"(?P<office>(?:[{_UPPER}][\w’'.\-]*\s+)*?(?:{'|'.join(w.capitalize() for w in sorted(_OFFICE_HEADS))}))"
    rf"\s+(?:of|for|on)\s+(?:the\s+)?(?P<object>[{_UPPER}][\w’'.\-]*(?:\s+(?:and\s+)?[{_UPPER}][\w’'.\-]*)*)"
)
# Capitalised words of one part of an office's object ("Human Rights", "Trade and Industry");
# past this, a name follows the office ("Public Prosecution Eva-Marie Persson").
MAX_OFFICE_OBJECT_WORDS = 2

# What a person or an organisation issues and a text can say it "said" or "stated".
ISSUED_TEXTS = EVIDENCE_NOUNS | frozenset({"statement", "statements", "release", "announcement", "communique", "communiqué", "notice"})

# Words that open a sentence about a document without naming whose it is.
_DOCUMENT_ADJECTIVES = frozenset({
    "new", "recent", "latest", "final", "internal", "official", "preliminary", "annual", "federal",
    "national", "independent", "separate", "earlier", "previous", "draft", "leaked", "joint", "other",
    "further", "more", "most", "some", "many", "several", "early", "initial", "local", "public",
})

# "in", "near", "the"... right before a name: a place's or a thing's ("in West Virginia", "the
# Indiana Statehouse"), no person's.
_PLACE_BEFORE = re.compile(r"\b(?:(?:in|near|across|throughout|outside)[ \u00a0]+(?:the[ \u00a0]+)?|the[ \u00a0]+)$", re.IGNORECASE)
_INDEFINITE_PRONOUNS = frozenset({
    "nobody", "no one", "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "none",
    "not everyone", "not everybody",
})
# Words of quantity that stand for people before a place ("Many in Hong Kong", "Some at the plant").
_QUANTIFIERS = frozenset({"many", "some", "most", "few", "several", "others", "those", "all"})
# Endings of abstract nouns ("Permission", "Psychology", "Awareness"), which no name has.
_ABSTRACT_NOUN = re.compile(r"\w{3}(?:tion|sion|ness|ity|ship|ology|ism|ance|ence|ments)$")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "dozen",
    "dozens", "half", "none",
})
_AGE = re.compile(r"\d{1,3}-year-old")
# A word written in lower case: the text uses it as a common word ("location", "highly"); not a
# piece of an address or a handle ("politifact.com", "@acme").
# It opens on the letter (the look-behind after it) so that the search skips ahead to one.
_LOWER_CASE_WORD = re.compile(r"[a-z](?<![\w./@#][a-z])[a-z’'\-]*\b(?![./@]\w)")
_WORD_EDGES = ".,:;!?’'\"“”()"

# Kinds of mention that name no speaker: a date ("Election Day"), a product ("Galaxy S24"), or
# capitalised common words — a heading, a field label or a sentence opening ("Frequently Asked
# Questions", "Location", "Highly").
NOT_SPEAKER_KINDS = frozenset({"date", "product", "phrase"})

MAX_NAME_ENDING_WORDS = 5
# Mentions looked back over for the name an organisation noun refers to ("the ministry").
MAX_NOUN_LOOKBACK = 200


@dataclass(slots=True)
class Person:
    name: str
    gender: str | None
    kind: str = "person"
    descriptions: list[str] = field(default_factory=list)
    appositives: list[str] = field(default_factory=list)
    description_words: list[frozenset[str]] = field(default_factory=list)
    first_mention: int = 0
    surname_mentions: int = 0
    placed: bool = False  # written after "in" or "the" ("in West Virginia"): no one a pronoun means
    # given an office or a job ("Afghan President Ashraf Ghani", "Eswar Prasad, a trade professor"):
    # a person whatever the first name tells, so one a pronoun may mean
    holds_a_role: bool = False


@dataclass(frozen=True, slots=True)
class NameMention:
    position: int
    person: Person
    possessive: bool = False  # "Mourinho's representatives": a mention, but no pronoun's antecedent
    opens_sentence: bool = False  # the first person named in its sentence: most often its subject


@dataclass(slots=True)
class Cast:
    """The people of an article and where each is mentioned, in text order."""

    people: dict[str, Person] = field(default_factory=dict)
    by_token: dict[str, Person] = field(default_factory=dict)
    mentions: list[NameMention] = field(default_factory=list)
    ignored: list[tuple[int, int]] = field(default_factory=list)
    by_ending: dict[str, Person] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()  # the words the article writes in lower case
    # words capitalised inside a sentence, after a word in lower case or a comma, or after such a
    # word ("Politifact" in "after the debate Politifact checked", both of "with Mike Pence"),
    # not "Focus" opening a sentence or the words of a heading in title case (lower-cased)
    named_inside: set[str] = field(default_factory=set)
    first_words: Counter[str] = field(default_factory=Counter)  # how many names of two words or more each word opens

    def add(self, name: str, position: int, description: str | None = None) -> Person:
        person = self.people.get(name) or self.by_token.get(name) or self.by_ending.get(name)
        titled = self._titled_surname(name) if person is None else None
        if person is None:
            if titled is not None:  # "President Trump" first, "Donald Trump" later: one person
                del self.people[titled.name]
                titled.name, titled.gender = name, titled.gender or gender_of(name)
                self.by_token = {token: (titled if known is titled else known) for token, known in self.by_token.items()}
            person = titled or Person(name, gender_of(name), kind_of(name), first_mention=position)
            self.people[name] = person
            if " " in name:
                self.first_words[name.split(maxsplit=1)[0]] += 1
            for part in name.split():
                if part[:1].isupper() and part.lower() not in TITLE_WORDS:
                    self.by_token.setdefault(part, person)
                if _POSSESSIVE.search(part):
                    break  # "Google’s AI": the words after the owner name a thing of it, not the name
            words = name.split()
            # "Harden Bradford" is the Joy Harden Bradford named before; endings of at most a few
            # words, or a run of thousands of capitalised words costs quadratic time and memory
            for start in range(max(1, len(words) - MAX_NAME_ENDING_WORDS), len(words) - 1):
                self.by_ending.setdefault(" ".join(words[start:]), person)
        if description and description not in person.descriptions:
            person.descriptions.append(description)
            person.description_words.append(frozenset(w.lower() for w in _WORD.findall(description)) - DETERMINERS)
            describe(person, description)
        self.mentions.append(NameMention(position, person))
        return person

    index: _MentionIndex | None = None
    positions: list[int] = field(default_factory=list)  # of the mentions, for a binary search

    def _titled_surname(self, name: str) -> Person | None:
        words = name.split()
        single = self.people.get(words[-1]) if len(words) > 1 else None
        return single if single is not None and single.kind == "person" and " " not in single.name else None

    def latest_before(self, position: int, gender: str | None) -> Person | None:
        """The latest person mentioned before ``position`` outside the ignored spans: of that
        gender if any, else of unknown gender."""
        key = (len(self.mentions), id(self.ignored), len(self.ignored))
        if self.index is None or self.index.key != key:
            self.index = _MentionIndex(key, self.mentions, self.ignored, self.common_words)
        if gender is None:
            return self.index.latest(position, "any")
        # A person whose first name tells no gender ("Tom Stafford" when "Tom" is not listed)
        # named after the latest one of the pronoun's gender is the nearer antecedent.
        matching = self.index.latest_at(position, gender)
        unknown = self.index.latest_at(position, "unknown named again")
        if matching is None:  # none of that gender: a person by their role before a place or a firm
            return unknown[1] if unknown is not None else self.index.latest(position, None)
        return unknown[1] if unknown is not None and unknown[0] > matching[0] else matching[1]

    def latest_organisation(self, position: int, noun: str | None = None) -> NameMention | None:
        """The latest mention before ``position`` of a name no person's (no gender, no office),
        with ``noun`` among its words if given ("Harbourside Rovers Football Club" for "the club")."""
        if len(self.positions) != len(self.mentions):
            self.positions = [mention.position for mention in self.mentions]
        index = bisect_left(self.positions, position) - 1
        for mention in reversed(self.mentions[max(0, index - MAX_NOUN_LOOKBACK) : index + 1]):
            person = mention.person
            if person.gender is None and not person.holds_a_role and (noun is None or noun in person.name.lower().split()):
                return mention
        return None

    def main_person_before(self, position: int) -> Person | None:
        """The person the article is about so far: the one mentioned most before ``position``
        (the latest of equals) among those who read as people — a gendered first name, or
        named again by the surname alone (not "Manchester United")."""
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        people: dict[str, Person] = {}
        named_alone: set[str] = set()
        for mention in self.mentions:
            person = mention.person
            if mention.position >= position:
                break
            if person.kind != "person":
                continue
            counts[person.name] = counts.get(person.name, 0) + 1
            latest[person.name], people[person.name] = mention.position, person
            if mention.possessive or person.surname_mentions:
                named_alone.add(person.name)
        candidates = [name for name in counts if people[name].gender is not None or name in named_alone]
        if not candidates:
            return None
        return people[max(candidates, key=lambda name: (counts[name], latest[name]))]

    def by_description(self, words: set[str], head: str | None = None) -> Person | None:
        """The person the article described with most of these words (with ``head``, the
        mention's noun, among them: "some colleges" is no one described as "colleges' guide")."""
        if head in SUBJECT_PRONOUNS:
            return None  # "you": no description
        best, best_score = None, 0
        for person in self.people.values():
            if person.placed and person.gender is None:
                continue  # "the Indiana Statehouse": a place, described by who gathered there
            for described in person.description_words:
                if head is not None and head not in described:
                    continue
                shared = len(words & described)
                if shared > best_score and shared >= min(2, len(words)):
                    best, best_score = person, shared
        return best


class _MentionIndex:
    """People's mentions (persons only, ignored spans left out) by gender, sorted by position,
    so that finding the latest before a position is a binary search."""

    def __init__(
        self, key: tuple, mentions: list[NameMention], ignored: list[tuple[int, int]], common: frozenset[str] = frozenset()
    ) -> None:
        self.key = key
        spans = _merged(ignored)
        starts = [start for start, _ in spans]
        self.by_gender: dict[str | None, tuple[list[int], list[Person]]] = {}
        name_shaped: dict[str, bool] = {}  # once per name, not per mention: a name can be long
        no_one: dict[str, bool] = {}  # likewise: names no pronoun means
        first_named: dict[str, bool] = {}  # likewise: names opening on a first name
        for mention in sorted(mentions, key=lambda mention: mention.position):
            person = mention.person
            if person.kind != "person" or mention.possessive or _covered(mention.position, spans, starts):
                continue
            if person.placed and person.name not in first_named:
                first_named[person.name] = _is_first_name(person.name.split(maxsplit=1)[0] if person.name.strip() else "")
            if person.placed and not first_named[person.name]:
                continue  # "in South Carolina": a place, whatever its ending ("-ina") tells
            if person.gender is None and person.name not in no_one:
                no_one[person.name] = (
                    person.placed or _holds_common_word(person.name, common) or _no_personal_name(person.name)
                )
            if person.gender is None and no_one[person.name]:
                continue  # "the Indiana Statehouse", "Try Movavi", "South America": no one a pronoun means
            keys = {person.gender, "any"}
            if person.gender is None and person.holds_a_role and mention.opens_sentence:
                keys.add("unknown named again")  # "Afghan President Ashraf Ghani announced": a person
            elif person.gender is None and person.surname_mentions:
                if person.name not in name_shaped:
                    name_shaped[person.name] = _shaped_like_a_name(person.name)
                if name_shaped[person.name]:
                    keys.add("unknown named again")  # named again by the surname alone: a person
            for gender in keys:
                positions, people = self.by_gender.setdefault(gender, ([], []))
                positions.append(mention.position)
                people.append(person)

    def latest(self, position: int, gender: str | None) -> Person | None:
        """The latest mention before ``position`` of that gender (``"any"`` for all)."""
        found = self.latest_at(position, gender)
        return found[1] if found else None

    def latest_at(self, position: int, gender: str | None) -> tuple[int, Person] | None:
        positions, people = self.by_gender.get(gender, ([], []))
        index = bisect_left(positions, position) - 1
        return (positions[index], people[index]) if index >= 0 else None


_NOT_NAME_WORDS = FUNCTION_WORDS | TITLE_WORDS


def _opens_with_common_word(name: str, common: frozenset[str]) -> bool:
    first = _bare_word(name.split()[0])
    return first in common and first not in FEMALE_NAMES and first not in MALE_NAMES


_COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower", "greater",
})


def _no_personal_name(name: str) -> bool:
    """"South America", "Central Asia": a region; "Harvard T": a name cut after an initial, so
    the name of an institution ("Harvard T.H. Chan School"), not of a person."""
    words = name.split()
    last = words[-1].rstrip(".")
    return words[0].lower() in _COMPASS_WORDS or (len(words) > 1 and len(last) == 1 and last.isupper())


def _holds_common_word(name: str, common: frozenset[str]) -> bool:
    """"Try Movavi", "Grave Empire": a word the article writes in lower case, no first name nor a
    family name that reads like a pronoun ("Liu He")."""
    return any(
        bare in common and bare not in FEMALE_NAMES and bare not in MALE_NAMES and bare not in PRONOUNS
        for bare in (_bare_word(word) for word in name.split())
    )


def _shaped_like_a_name(name: str) -> bool:
    """Capitalised words, none of them written in capitals, a title or a function word."""
    words = name.split()
    return all(
        word[:1].isupper() and not word.isupper() and word.lower() not in _NOT_NAME_WORDS for word in words
    )


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def gender_of(name: str) -> str | None:
    parts = name.split()
    # the first word, or the second after a job ("Pollster Ann Selzer"), not after a verb
    # opening a heading ("Entrusting Donald Trump")
    opening = parts[0].lower()
    job = len(parts) > 2 and not opening.endswith("ing") and opening not in VERB_FORM_LEMMA
    for first in [part.lower() for part in parts[: 2 if job else 1]]:
        if first in FEMALE_NAMES:
            return "female"
        if first in MALE_NAMES:
            return "male"
    if len(parts) < 2 or parts[-1].isupper() or len(parts[-1]) < 4:
        return None  # "Best Luxury EV", "Spider PHEV": letters in capitals, no family name's ending
    last = parts[-1].lower()
    if last.endswith(("ova", "eva", "aya", "ina", "ska", "skaya")):
        return "female"
    if last.endswith(("ov", "ev", "sky", "skiy", "enko", "ich", "in")):
        return "male"
    return None


_MALE_WORDS = frozenset({
    "mr", "sir", "lord", "king", "prince", "duke", "congressman", "spokesman", "businessman",
    "father", "husband", "son", "brother", "uncle", "grandfather", "nephew", "boyfriend", "actor",
})
_FEMALE_WORDS = frozenset({
    "mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "duchess", "congresswoman",
    "spokeswoman", "chairwoman", "businesswoman", "mother", "wife", "daughter", "sister", "aunt",
    "grandmother", "niece", "girlfriend", "widow", "actress",
})
# Nouns of an office or a job that only a person holds ("a trade professor", "the president of").
_PERSON_ROLES = _ROLE_WORDS | _MALE_WORDS | _FEMALE_WORDS | frozenset({
    "senator", "sen", "rep", "gov", "dr", "judge", "justice", "ambassador", "sheriff", "general",
    "gen", "admiral", "colonel", "lt", "col", "capt", "sgt", "congressman", "lawmaker", "envoy",
    "premier", "prof", "rev", "teacher", "student", "doctor", "nurse", "farmer", "activist",
    "candidate", "nominee", "veteran", "resident", "singer", "player", "pilot", "officer",
    "deputy", "specialist", "expert", "historian", "entrepreneur", "physician", "pastor", "guide",
    "worker", "engineer", "artist", "driver", "journalist", "photographer", "economist", "priest",
})


# The description between commas right after a name, opened by a determiner or a word in lower
# case: ", a trade professor at Cornell,", ", mother of the victim,".
_APPOSITIVE = re.compile(r",[ \u00a0]+((?:(?:an?|the|his|her|their|its|one of the)[ \u00a0]+)?[a-z][\w’'\-]*(?:[ \u00a0]+[\w’'.\-]+){0,8}?)[ \u00a0]*[,.;]")


def _names_a_role(aside: str) -> bool:
    """", a trade professor at Cornell", ", mother of the victim": the noun of a description
    between commas is among its first words (not ", said the group's director")."""
    words = [word.lower() for word in aside.split()[:4]]
    start = 3 if words[:3] == ["one", "of", "the"] else (1 if words[0] in DETERMINERS else 0)
    head = next((index for index, word in enumerate(words) if word in {"of", "for", "at", "in", "from", "to"}), len(words))
    return any(word in _PERSON_ROLES or word in _MALE_WORDS or word in _FEMALE_WORDS for word in words[start : max(head, start + 1)])


def describe(person: Person, description: str) -> None:
    """What a title or a description of a person tells: a gender ("Ms.", "his wife"), and that
    the name is a person's ("Mayor", "a trade professor at Cornell")."""
    words = {word.lower().rstrip(".") for word in _WORD.findall(description)}
    if words & _PERSON_ROLES:
        person.holds_a_role = True
    if person.gender is None:
        male, female = bool(words & _MALE_WORDS), bool(words & _FEMALE_WORDS)
        if male != female:
            person.gender = "male" if male else "female"


# An acronym in the plural ("LLMs", "PHEVs", "CEOs").
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def kind_of(name: str) -> str:
    words = [word.lower().strip(".,") for word in name.split()]
    if words[-1] in EVIDENCE_NOUNS:
        return "document"  # "New CNN polls", "the Pew survey"
    if words[-1] in _DATE_HEADS or any(word in _DATE_NAMES for word in words):
        return "date"  # "Election Day", "Black Friday": never a speaker
    if len(words) > 1 and _PLURAL_ACRONYM.fullmatch(name.split()[-1]) and words[-1][:-1] not in TITLE_WORDS:
        return "product"  # "Pentax DSLRs", "Next-generation EHRs": things of a kind, no one's name
    if len(words) > 1 and (words[-1] in _PRODUCT_ENDINGS or any(_LETTERS_AND_DIGITS.search(word) for word in words)):
        return "product"  # "MacBook Pro", "DeepSeek R1", "Ninja CE250 Drip Coffee Maker"
    media = [word for word in words if word in MEDIA_WORDS]
    if media and not set(media) <= _GENERIC_MEDIA_WORDS:
        return "medium"  # "Fox News Network", not the "International Energy Agency"
    if len(words) == 1 and _GROUP_PLURAL.search(words[0]):
        return "group"  # "Democrats", "Republicans", "Conservatives"
    if words[-1] in ORG_WORDS or name.isupper():
        return "organisation"
    return "person"


def _without_prepositional_object(words: list[str], before: str) -> list[str]:
    """"ambassador to Ukraine Marie Yovanovitch", "Deputy Director of Public Prosecution Eva-Marie
    Persson": the words before the last two end the phrase of the title, up to a first name."""
    if len(words) < 3 or before.rstrip().rsplit(" ", 1)[-1].lower() not in {"to", "of", "in", "from", "for", "at"}:
        return words
    if words[-1].lower() in ORG_WORDS:
        return words  # "president of Harvard University"
    start = 1
    while len(words) - start > 2 and not _is_first_name(words[start]):
        start += 1
    return words[start:]


def _is_first_name(word: str) -> bool:
    lowered = word.lower()
    return lowered in FEMALE_NAMES or lowered in MALE_NAMES


def _leads_name(words: list[str], index: int) -> bool:
    """Whether the word at ``index`` comes before the name: a title, a determiner, a leading
    adverb ("Even Mr. Trump"), or a nationality with a name of two words or a title after it
    ("Ukrainian President ...", but not the first names "Ryan Suter", "Avi Mandell")."""
    word = words[index]
    lowered = word.lower().rstrip(".")
    if lowered in TITLE_WORDS or word.lower() in DETERMINERS or lowered in _LEADING_ADVERBS:
        return True
    if not _DEMONYM.match(word) or lowered in FEMALE_NAMES or lowered in MALE_NAMES:
        return False
    following = words[index + 1].lower().rstrip(".")
    return len(words) - index - 1 >= 2 or following in TITLE_WORDS


def _after_last_role(words: list[str], index: int) -> int:
    """Past the last job word with a name of two words after it: "Lead Planner Erica Vanco",
    "InfoNation President Dan McDowell", "Browns DL Sheldon Richardson"."""
    for position in range(len(words) - 3, index - 1, -1):
        word = words[position]
        lowered = word.lower().rstrip(".")
        role = lowered in TITLE_WORDS or lowered in _ROLE_WORDS or (word.isupper() and 2 <= len(word) <= 4)
        if role and all(w[:1].isupper() for w in words[position + 1 :]):
            return position + 1
    return index


def split_title(phrase: str) -> tuple[str, str | None]:
    """("Ukrainian President Volodymyr Zelenskyy") -> ("Volodymyr Zelenskyy", "Ukrainian President")."""
    words = phrase.split()
    index = 0
    if words and words[-1].lower() in ORG_WORDS:  # "Swedish Prosecution Authority" keeps its words
        while index < len(words) - 1 and words[index].lower() in DETERMINERS:
            index += 1
        return " ".join(words[index:]), " ".join(words[:index]) or None
    while index < len(words) - 1 and _leads_name(words, index):
        index += 1
    index = _after_last_role(words, index)
    name = " ".join(words[index:])
    description = " ".join(words[:index]) or None
    return name, description


def gather_cast(text: str, base: int = 0, cast: Cast | None = None) -> Cast:
    """Add every multi-word capitalised name of ``text`` to the cast, in order."""
    cast = cast or Cast()
    cast.common_words = cast.common_words | frozenset(_LOWER_CASE_WORD.findall(text))
    runs = list(_NAME_RUN.finditer(text))
    for match in runs:
        run = _POSSESSIVE.sub("", match.group())
        words = _after_owner(run.split())
        owned = len(words) < len(run.split())
        while words and (words[0].lower() in FUNCTION_WORDS or _opening_verb(words[0], cast)):
            words = words[1:]
        if len(words) > 1 and not owned and _gerund_heading(text, match, words[0]):
            words = words[1:]  # "Unleashing Claude on my Webpage": a heading's verb, then the name
        if len(words) > 1 and words[0].lower() in _QUESTION_OPENERS and _opens_a_question(text, match.start()):
            words = words[1:]  # "Can Tastewise help brands?": the question's verb, not "Can Dundar said"
        while len(words) > 1 and words[0].endswith(".") and words[0].lower().rstrip(".") in _ANSWER_WORDS:
            words = words[1:]  # "Yes. Tastewise data shows": a sentence of one word, then the name
        if len(words) < 2:
            _single(cast, words, base + match.start())
            continue
        words = _without_prepositional_object(words, text[max(0, match.start() - 6) : match.start()])
        name, description = split_title(" ".join(words))
        if len(name.split()) < 2 and name not in cast.by_token and not _titled_single_name(name, description):
            continue
        if _heading_words(name) or (len(words) > len(name.split()) and _heading_words(" ".join(words))):
            continue
        before = text[max(0, match.start() - 60) : match.start()]
        premodifier = _premodifier(before)
        joined = " ".join(part for part in (premodifier, description) if part) or None
        position = base + match.end() - len(name)
        if name in cast.by_token and len(name.split()) == 1:
            cast.add(cast.by_token[name].name, position, joined)
            continue
        person = cast.add(name, position, joined)
        aside = _APPOSITIVE.match(text, match.end())
        if aside is not None and _names_a_role(aside.group(1)):
            describe(person, aside.group(1))  # "Zippy Duvall, the president of the Farm Bureau,"
        if not owned and _written_as_a_place(text, match, words):
            person.placed = True
        if _MODEL_NUMBER.match(text, match.end()) and person.kind == "person":
            person.kind = "product"  # "SLS Block 1B", "Galaxy S24": a model, never a speaker
        elif person.kind == "person" and description is None and gender_of(name) is None and _used_as_a_thing(text, match):
            person.kind = "product"  # "the 2027 Chevrolet Bolt", "bought a Nissan Leaf": a thing, never a speaker
        elif person.kind in {"person", "organisation"} and (
            reads_as_common_words(person.name, cast) or _holds_a_participle(person.name)
        ):
            person.kind = "phrase"  # "Frequently Asked Questions", "Application Essays": a heading
    in_runs = {base + match.start() for match in runs}
    run_words = {word.start() for run in runs for word in _CAPITALISED.finditer(text, run.start(), run.end())}
    inside_until = -1  # the end of the last capitalised word written inside a sentence
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if _inside_sentence(text, match.start(), inside_until):
            cast.named_inside.add(_bare_word(word))
            inside_until = match.end()
        if word.endswith(("’s", "'s")):
            word = word[:-2]  # "Mourinho's representatives" names Mourinho
        if word in cast.by_token and base + match.start() not in in_runs:
            person = cast.by_token[word]
            cast.mentions.append(NameMention(base + match.start(), person, len(word) != match.end() - match.start()))
            if match.start() not in run_words and match.group() == person.name.rsplit(" ", 1)[-1]:
                person.surname_mentions += 1
    cast.mentions.sort(key=lambda mention: mention.position)
    breaks = [base + match.start() for match in _SENTENCE_BREAK.finditer(text)]
    _mark_sentence_openers(cast.mentions, breaks, base)
    _gender_from_pronouns(text, base, cast, breaks)
    return cast


_AFTER_RUN_WORD = re.compile(r"[ \u00a0]+([a-z]+)\b")


def _gerund_heading(text: str, match: re.Match[str], first: str) -> bool:
    """A line opening on a verb in -ing, then a name and a preposition ("Unleashing Claude on my
    Webpage", "Building Rails for the Web"): a heading, whose first word is no part of the name
    (not "Downing Street said", where a verb follows)."""
    lowered = first.lower()
    if len(lowered) < 7 or not lowered.endswith("ing") or lowered in MALE_NAMES | FEMALE_NAMES:
        return False
    if match.start() > 0 and text[match.start() - 1] != "\n":
        return False
    after = _AFTER_RUN_WORD.match(text, match.end())
    return after is not None and after.group(1) in _PLACE_PREPOSITIONS | {"on", "for", "to", "into", "with", "in", "at"}


# Auxiliaries that open a question and are also first names ("Can Dundar", "Will Moy"): read as
# the verb only when the sentence they open asks.
_QUESTION_OPENERS = frozenset({"can", "will", "may"})
_SENTENCE_END = re.compile(r"[.!?\n]")
# Sentences of one short word that the name pattern reads like a title with its period ("Dr.").
_ANSWER_WORDS = frozenset({"yes", "no", "ok", "oh", "ah", "so", "uh", "um", "eh", "hi"})


def _opens_a_question(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence that ends with a question mark."""
    before = text[max(0, start - 3) : start].rstrip(" \u00a0“\"‘'(")
    if before and before[-1] not in ".!?\n":
        return False
    end = _SENTENCE_END.search(text, start)
    return end is not None and end.group() == "?"


def add_side_names(text: str, base: int, cast: Cast) -> None:
    """Add the names of a headline or a caption to the body's cast, leaving what the body's own
    wording tells (the words it writes in lower case, the words capitalised inside its sentences)."""
    common, inside = cast.common_words, set(cast.named_inside)
    gather_cast(text, base, cast)
    cast.common_words, cast.named_inside = common, inside


def _mark_sentence_openers(mentions: list[NameMention], breaks: list[int], base: int) -> None:
    """Mark, in place, the mentions (from ``base`` on) of the first person named in each
    sentence; one walk over the mentions and the sentence breaks, both in order."""
    following = 0  # the first break after the current sentence's start
    opener: Person | None = None
    for index, mention in enumerate(mentions):
        if mention.position < base:
            continue
        if following < len(breaks) and breaks[following] < mention.position:
            while following < len(breaks) and breaks[following] < mention.position:
                following += 1
            opener = None  # a sentence ended since the last mention
        opener = opener or mention.person
        if mention.person is opener:
            mentions[index] = NameMention(mention.position, mention.person, mention.possessive, True)


# Opened on the letter (the look-behind after it) so that the search skips ahead to an h or an s.
_GENDERED_PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])(?:e|is|im|imself|er|ers|erself)|(?<=[Ss])he)\b")
_PRONOUN_GENDER = {pronoun: gender for pronoun, gender in PRONOUNS.items() if gender in ("male", "female")} | {
    "himself": "male",
    "herself": "female",
}
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']*\s|\n")
# Pronouns an article uses for a person whose first name tells no gender, before one gender is
# taken: at least this many, nearly all of one gender.
MIN_PRONOUN_VOTES = 2
PRONOUN_AGREEMENT = 0.75


def _gender_from_pronouns(text: str, base: int, cast: Cast, breaks: list[int]) -> None:
    """"Obama said he would", "Ghani, who said his government": a person of no known gender takes
    the gender of the pronouns that follow them in a sentence they are the first named in, with
    no other name between, when most such pronouns over the article agree."""
    positions = [mention.position for mention in cast.mentions]
    if not positions:
        return
    votes: dict[int, Counter[str]] = {}
    people: dict[int, Person] = {}
    for match in _GENDERED_PRONOUN.finditer(text):
        position = base + match.start()
        index = bisect_left(positions, position) - 1
        if index < 0 or positions[index] < base:
            continue  # no name of this text before it
        mention = cast.mentions[index]
        person = mention.person
        if person.gender is not None or person.kind != "person" or bisect_left(breaks, position) != bisect_left(breaks, mention.position):
            continue
        if not mention.opens_sentence:
            continue  # only the sentence's subject, not "worked at Lucent, where she"
        votes.setdefault(id(person), Counter())[_PRONOUN_GENDER[match.group().lower()]] += 1
        people[id(person)] = person
    for key, counted in votes.items():
        gender, count = counted.most_common(1)[0]
        person = people[key]
        if count < MIN_PRONOUN_VOTES or count < PRONOUN_AGREEMENT * sum(counted.values()):
            continue
        if person.placed or _holds_common_word(person.name, cast.common_words) or _no_personal_name(person.name):
            continue  # "in New Hampshire, he said", "Trump Calls On Obama": no person's name
        if _shaped_like_a_name(person.name):
            person.gender = gender


def _after_owner(words: list[str]) -> list[str]:
    """"BBC’s Emily Maitlis", "Britain's Conservative Party": a name of two words or more after
    an owner's is the name; the owner only places it."""
    for index in range(len(words) - 3, -1, -1):
        if _POSSESSIVE.search(words[index]):
            return words[index + 1 :]
    return words


# How an article writes of a thing, not a person: a determiner and a model year or "new" before
# the name ("the 2027 Chevrolet Bolt", "the all-new Nissan Leaf"), a verb of buying or using and a
# determiner of one of many or of an owner's ("bought a Ford Ranger", "drove her Chevrolet Bolt", not
# the company in "purchased Big Machine"), or a part of a machine after its name ("the Apple Watch's
# battery").
_THING_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|my|your|our|their|his|her|its|this|that)[ \u00a0]+(?:(?:(?:19|20)\d\d|new|all-new|latest|"
    r"redesigned|refreshed|updated|upcoming|used|base|entry-level)[ \u00a0]+)+"
    r"|\b(?:buy|buys|bought|buying|purchased?|purchasing|drive|drives|drove|driving|driven|lease[sd]?|leasing|"
    r"install(?:s|ed|ing)?|download(?:s|ed|ing)?|order(?:s|ed)?|test-drove|test-drive)[ \u00a0]+"
    r"(?:a|an|my|your|our|their|his|her)[ \u00a0]+)$",
    re.IGNORECASE,
)
_PARTS_OF_THINGS = frozenset({
    "battery", "batteries", "engine", "motor", "screen", "touchscreen", "display", "keyboard", "trackpad",
    "charger", "charging", "dashboard", "infotainment", "cabin", "trim", "trims", "wheelbase", "tires",
    "firmware", "chipset", "processor", "sensor", "sensors", "drivetrain", "powertrain", "horsepower",
})
_THING_OWNED = re.compile(r"[’']s[ \u00a0]+(\w+)")


def _used_as_a_thing(text: str, match: re.Match[str]) -> bool:
    """Whether the article writes the name of ``match`` as a thing's (a car, a device, an app):
    after a determiner and a model year or "new", after a verb of buying or using, or before a
    part of a machine — and not as the modifier of a noun after it ("the new White House
    budget", where the noun is the thing)."""
    if _THING_BEFORE.search(text, max(0, match.start() - 40), match.start()) is not None:
        after = text[match.end() : match.end() + 40].split(maxsplit=1)
        verb = bool(after) and after[0].strip(_WORD_EDGES).endswith(("ing", "ed"))  # "the 2027 Chevrolet Bolt arriving"
        return verb or not _modifies_a_noun(text[match.end() : match.end() + 40])
    owned = _THING_OWNED.match(text, match.end() - 2) if _POSSESSIVE.search(match.group()) else None
    return owned is not None and owned.group(1).lower() in _PARTS_OF_THINGS


def _written_as_a_place(text: str, match: re.Match[str], words: list[str]) -> bool:
    """A name after "in" or "the", not a possessive or a title ("the Rev. Ann Cole")."""
    if _POSSESSIVE.search(match.group()) or words[0].lower().rstrip(".") in TITLE_WORDS:
        return False
    return _PLACE_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None


_SPACES_ONLY = re.compile("[ \u00a0]*")


def _inside_sentence(text: str, start: int, inside_until: int) -> bool:
    """Whether the capitalised word at ``start`` follows a word in lower case or a comma, or
    directly a capitalised word that does (which ended at ``inside_until``)."""
    # Matched in place: slicing the gap cost its length, which on a page of repeated lines is
    # most of the page, for every capitalised word.
    if 0 <= inside_until < start and _SPACES_ONLY.fullmatch(text, inside_until, start):
        return True
    before = text[max(0, start - 40) : start].rstrip(" \u00a0“\"‘'(")
    if before.endswith(".") and before[:-1].rsplit(None, 1)[-1:] and before[:-1].rsplit(None, 1)[-1].lower() in TITLE_WORDS:
        return True  # "Sen. Lindsey Graham": the title's period ends no sentence
    if not before or not before[-1].isalnum():
        return before[-1:] in {",", ";"}  # not after a line's end or a sentence's
    previous = before.rsplit(None, 1)[-1]
    return previous[:1].islower()


def _holds_a_participle(name: str) -> bool:
    """"Frequently Asked Questions", "Most Requested Features": a verb's past form in -ed after
    the first word makes a heading, not a name."""
    return any(
        word.endswith("ed") and word in VERB_FORM_LEMMA and word not in MALE_NAMES and word not in FEMALE_NAMES
        for word in (_bare_word(part) for part in name.split()[1:])
    )


def _bare_word(word: str) -> str:
    return _POSSESSIVE.sub("", word.strip(_WORD_EDGES)).lower()


def is_common_word(word: str, cast: Cast) -> bool:
    """A word the article also writes in lower case, and no first name ("Mark", "Will") or short
    acronym ("US", "WHO")."""
    if word.isupper() and len(word.strip(_WORD_EDGES)) <= 3:
        return False
    bare = _bare_word(word)
    return bare in cast.common_words and bare not in FEMALE_NAMES and bare not in MALE_NAMES


def reads_as_common_words(name: str, cast: Cast) -> bool:
    """Capitalised words the article also writes in lower case elsewhere: a heading, a label or
    a sentence's first words ("Location", "Application Essays", "Highly"), not a name."""
    words = name.split()
    return bool(words) and all(is_common_word(word, cast) for word in words)


MIN_LIST_LABELS = 3


def label_layout(labels: list[str], cast: Cast) -> str:
    """How the labels opening the body's paragraphs are laid out: a ``transcript`` when one in
    capitals names a person of the cast ("PENCE:" for Mike Pence), a ``list`` of items when
    there are several written once ("Italy:", "France:", "QuickBooks:"), more of them than
    labels that come back (an item's fields: "Pros:", "Cons:" under each), else ``other``."""
    if any(_written_in_capitals(label, cast) is not None for label in set(labels)):
        return "transcript"
    uses = Counter(labels)
    once = sum(1 for count in uses.values() if count == 1)
    if once >= MIN_LIST_LABELS and once > len(uses) - once:
        return "list"
    return "other"


def names_a_speaker_label(label: str, resolved: Resolved, cast: Cast, layout: str) -> bool:
    """Whether a label opening a paragraph ("PENCE:", "Maria Lopez:", "Poll:") names who speaks
    in it, rather than a field of a list ("Location:", "Year Founded:", "Pros:", "Image
    Credit:"): a speaker's name is also written capitalised inside a sentence of the body, a
    field's words only at the starts of lines and sentences, unless the labels are a
    transcript's in capitals (``layout``, from :func:`label_layout`). The items of a list are
    no speakers unless they are people ("Maria Lopez:" among voices from the street)."""
    if resolved.kind in NOT_SPEAKER_KINDS:
        return False
    if resolved.kind in {"document", "medium"}:
        return layout != "list"  # "Poll: ...", but not one item of a list ("Network Traffic Analysis:")
    if resolved.name is None:
        return False
    words = label.split()
    if is_common_word(words[0], cast):
        return False  # "Median GMAT", "Office Location", "Pro Tip": a common word heads a field
    if label.isupper() and layout == "transcript":
        return True  # "WALLACE:" asking "PENCE:"
    if layout == "list" and not _is_first_name(words[0]):
        return False
    if layout == "other" and resolved.kind == "person" and _is_first_name(resolved.name.split()[0]) and len(resolved.name.split()) > 1:
        return True  # "Lynch:" for Loretta Lynch, whose name the article opens its sentences with
    return all(word in cast.named_inside for word in map(_bare_word, words) if _name_word(word))


def _name_word(word: str) -> bool:
    """Not a title ("Prof.") or an initial ("A.")."""
    return len(word) > 1 and word not in TITLE_WORDS


# Auxiliaries that open a question or an inversion ("Should Mr. Clarke fail") and no first name.
_OPENING_AUXILIARIES = frozenset({
    "should", "would", "could", "might", "must", "shall", "does", "did", "has", "had", "is", "are", "was", "were",
})
_CLOSING_ADVERBS = frozenset({"now", "instead", "here", "there", "today", "yesterday", "again", "too", "then"})
_AUXILIARY_WORDS = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "be", "been"})


def _heading_words(name: str) -> bool:
    """"Don’t Have", "Can Do Instead", "Ah. Now": the capitalised words of a heading or of
    sentence openings, not a name — a negated auxiliary anywhere, an auxiliary after the first
    word, or an adverb to end it."""
    words = name.lower().split()
    if words and words[-1] in _CLOSING_ADVERBS:
        return True
    if any(word in _HEADING_INNER_WORDS or word in VERB_FORM_LEMMA for word in words[1:-1]):
        return True  # "Ben Carson Defends Himself Against Claims", "Hollande Says Donald Trump": a title-case headline
    return any(word.endswith(("n’t", "n't")) for word in words) or any(word in _AUXILIARY_WORDS for word in words[1:])


# Words a name never holds between its first and last word, but a headline in title case does.
_HEADING_INNER_WORDS = FUNCTION_WORDS | frozenset({"himself", "herself", "itself", "themselves", "just", "off", "up", "out"})


def _titled_single_name(name: str, title: str | None) -> bool:
    """"President Trump", "Mr. Cooke": a surname after a title is a person's name."""
    if title is None or not _shaped_like_a_name(name):
        return False
    office = title.split()[-1].lower().rstrip(".")
    if _DEMONYM.match(name) and office not in _COURTESY_TITLES:
        return False  # "President Obama", but "Foreign Minister Israeli ..." is no name; "Ms. Adeyemi" is
    return office in _OFFICES


_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr"})


_OFFICES = frozenset({
    "mr", "mrs", "ms", "dr", "president", "senator", "sen", "rep", "representative", "gov",
    "governor", "mayor", "judge", "justice", "chancellor", "minister", "secretary", "prof",
    "professor", "gen", "general", "coach", "sheriff", "ambassador", "commissioner", "speaker",
    "congressman", "congresswoman", "pope", "king", "queen", "prince", "princess", "sir", "dame",
})


def _single(cast: Cast, words: list[str], position: int) -> None:
    if words and words[0] in cast.by_token:
        cast.mentions.append(NameMention(position, cast.by_token[words[0]]))


_SPACES = re.compile(r"[ \t]+")


def _premodifier(before: str) -> str | None:
    """Lower-case description right before a name: "opposition figure" in "opposition figure Maria"."""
    words = _SPACES.split(before.rstrip())
    kept: list[str] = []
    for word in reversed(words):
        bare = word.rsplit("\n", 1)[-1].strip()
        if not bare or bare[-1] in ",.;:”\")(–—" or bare.lower() in {"and", "or", "by", "with", "to", "of", "for", "that", "when", "in", "on", "said", "says", "as", "from", "after"}:
            break
        kept.append(bare)
        if "\n" in word or len(kept) >= 5:
            break
    if not kept:
        return None
    phrase = " ".join(reversed(kept))
    return phrase if any(w.lower() in TITLE_WORDS or w[:1].islower() for w in kept) else None


@dataclass(frozen=True, slots=True)
class Resolved:
    name: str | None
    resolution: str
    kind: str
    description: str | None


def resolve_mention(phrase: str, position: int, cast: Cast, appositive: str | None) -> Resolved:
    """Resolve the head of a speaker mention (without its appositive)."""
    resolved = _resolve_head(phrase, position, cast, appositive)
    if resolved.name is None or resolved.kind not in {"person", "organisation"}:
        return resolved
    words = resolved.name.split()
    if len(words) > 1 and resolved.resolution == "explicit" and _opening_verb(words[0], cast):
        name = " ".join(words[1:])  # "Using Lingoda", "Is Babbel": a sentence's verb before the name
        resolved = Resolved(name, "explicit", kind_of(name), resolved.description)
    if resolved.resolution == "explicit" and (
        reads_as_common_words(resolved.name, cast)
        or _adverb(resolved.name, cast)
        or _sentence_words(resolved.name)
        or _PLURAL_ACRONYM.fullmatch(resolved.name) is not None  # "LLMs are", "Many PHEVs can": of a kind, no name
    ):
        return _common_noun_phrase(resolved.name)
    if resolved.resolution == "explicit" and _title_alone(resolved.name, cast):
        if appositive and appositive[:1].isupper():
            return Resolved(None, "unnamed", "person", phrase)  # "says Co-Founder, Stephanie Özcan": the name after it
        return _described_person(resolved.name.split(), cast, appositive)  # "Editor said": whom the article titled so
    return resolved


# Words that qualify a job ("Co-Founder", "Senior Vice President", "Managing Editor") and name no one.
_ROLE_QUALIFIERS = frozenset({
    "co", "vice", "deputy", "associate", "assistant", "senior", "junior", "acting", "interim",
    "managing", "founding", "executive", "general", "former", "lead", "chief", "head", "staff",
})


def _title_alone(name: str, cast: Cast) -> bool:
    """"Co-Founder", "Senior Editor", "CEO": a job's words and nothing else, which name no one by
    themselves (not "King", the surname of someone the article names in full)."""
    if name in cast.by_token and cast.by_token[name].name != name:
        return False
    if " " not in name and "-" not in name and not name.isupper() and name.lower() in TITLE_WORDS:
        return False  # "King describes", "Judge said": a title that is also a family name
    words = [part.lower().strip(".,") for word in name.split() for part in word.split("-")]
    jobs = TITLE_WORDS | _ROLE_WORDS
    return bool(words) and words[-1] in jobs and all(word in jobs or word in _ROLE_QUALIFIERS for word in words)


def names_a_desk(head: str, appositive: str, cast: Cast) -> bool:
    """"Editor, Running Reviews,": after a capitalised job alone, an appositive opening on a
    word the article writes in lower case names the desk or section where the job is held, not
    the person who holds it (not "The group that owns it, Big Machine,", nor "His spokesman,
    Mark Price,")."""
    words = [part.lower().strip(".,") for word in head.split() for part in word.split("-")]
    jobs = TITLE_WORDS | _ROLE_WORDS
    if not head[:1].isupper() or not words or words[-1] not in jobs:
        return False
    return all(word in jobs or word in _ROLE_QUALIFIERS for word in words) and _opens_with_common_word(
        appositive, cast.common_words
    )


def _sentence_words(name: str) -> bool:
    """"Don't", "I STRONGLY": a negated auxiliary, or "I" first, words of a sentence (not "He
    Jianxiong", whose family name reads like a pronoun); so are a pronoun with its verb's
    contraction anywhere ("Ultimately I’m", "You’d", "Let’s"), "I" after an adverb or a
    function word ("Eventually I", not "Elizabeth I") and a question word opening them ("How
    Climate Change", "What I")."""
    words = name.split()
    if words[0] == "I" or words[0].lower() in _QUESTION_WORDS:
        return True
    for index, word in enumerate(words):
        lowered = word.lower()
        if lowered.endswith(("n’t", "n't")) or lowered in {"let’s", "let's"}:
            return True
        if _CONTRACTION.search(lowered) and _CONTRACTION.sub("", lowered) in PRONOUNS:
            return True  # "I’m", "We're", "You’d"
        before = words[index - 1].lower() if index else ""
        if word == "I" and (before.endswith("ly") or before in FUNCTION_WORDS):
            return True
    return False


_QUESTION_WORDS = frozenset({"how", "why", "what", "where", "when", "whose", "whom"})


def _opening_verb(word: str, cast: Cast) -> bool:
    """An auxiliary or a word in -ing the article writes in lower case: a verb opening a sentence."""
    lowered = word.lower()
    return lowered in _OPENING_AUXILIARIES or (lowered.endswith("ing") and is_common_word(word, cast))


def _adverb(name: str, cast: Cast) -> bool:
    """"Highly recommend", "Please note", "Permission was": one word of manner or courtesy, or an
    abstract noun by its ending, that the article names no one by."""
    lowered = name.lower()
    if " " in name or name.isupper() or _named_by(name, cast) is not None or _INNER_CAPITAL.search(name):
        return False  # "CivicScience": a brand's capitals
    if lowered in _CLOSING_ADVERBS or _opening_verb(name, cast) or _verb_in_ing(lowered, cast):
        return True  # "Here are ten myths", "Imaging reveals": an adverb or a verb opening a sentence
    if _plural_of_common_noun(lowered, cast):
        return True  # "Examples include": a common noun opening a sentence
    if lowered in OPENING_ADVERBS or (lowered in IMPERATIVE_VERBS and not _is_first_name(lowered)):
        return True  # "Another wondered", "Take notes during lectures": no name, whatever the article writes
    return lowered.endswith("ly") or lowered == "please" or _ABSTRACT_NOUN.search(lowered) is not None


def _verb_in_ing(word: str, cast: Cast) -> bool:
    """"Imaging", "Measuring": a word in -ing whose verb the article writes in lower case
    ("image", "measure"), so a verb opening a sentence, not a name."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    verbs = {stem, stem + "e"} | ({stem[:-1]} if stem[-1] == stem[-2] else set())
    forms = {form for verb in verbs if len(verb) > 2 for form in (verb, verb + "s", verb + "d", verb + "ed")}
    return any(verb in IMPERATIVE_VERBS for verb in verbs) or any(form in cast.common_words for form in forms)


def _plural_of_common_noun(word: str, cast: Cast) -> bool:
    """"Examples", "Benefits": one word in the plural whose singular the article writes in lower
    case, a noun opening a sentence or a heading, not a name."""
    if len(word) < 6 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return word[:-1] in cast.common_words and word[:-1] not in MALE_NAMES | FEMALE_NAMES


def _common_noun_phrase(phrase: str) -> Resolved:
    """Common words capitalised at the start of a sentence: people described ("Testers noted",
    "One reviewer notes"), else words of the sentence ("Highly recommend")."""
    head = _bare_word(phrase.split()[-1])
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        return Resolved(None, "unnamed", "group", phrase)
    return Resolved(None, "unnamed", "unknown", phrase)


def _resolve_head(phrase: str, position: int, cast: Cast, appositive: str | None) -> Resolved:
    words = phrase.split()
    lowered = _CONTRACTION.sub("", phrase.lower())  # "I’d", "they’ve": the pronoun
    if lowered in PRONOUNS:
        return _pronoun(lowered, position, cast)
    if lowered in _INDEFINITE_PRONOUNS:
        return Resolved(None, "unnamed", "unknown", phrase)  # "Nobody expects", "Everyone agrees"
    words = _before_place(words)
    phrase = " ".join(words)
    if phrase.lower() in _QUANTIFIERS:
        return Resolved(None, "unnamed", "group", phrase)  # "Many in Hong Kong": people, not the place
    office = _office(phrase, cast) if _INSTITUTION_LINK.search(phrase) else None
    if office is not None:  # "The UN High Commissioner for Human Rights said": no name but the office's
        return Resolved(office, "explicit", "person", appositive)
    organisation = _ORGANISATION_OF.search(phrase) if _INSTITUTION_LINK.search(phrase) else None
    if organisation is not None:  # "The American College of Sports Medicine", "the Center for Space Studies"
        name = " ".join(_without_determiners(organisation.group().split()))
        return Resolved(name, "explicit", "organisation", appositive)
    if words and words[-1].lower() in ISSUED_TEXTS:
        return _document(words, cast, appositive)
    named = _written_in_capitals(phrase, cast)
    if named is not None:  # a transcript's "BERG:" is the Jonas Berg named before
        return Resolved(named.name, "surname", named.kind, appositive or described(named))
    if words and words[-1][:1].islower() and words[-1].lower() in TITLE_WORDS | _ROLE_WORDS:
        return _described_person(words, cast, appositive)  # "the Vermont senator": a description, not a name
    runs = list(_NAME_RUN.finditer(phrase))
    for index in range(len(runs) - 1, -1, -1):
        run = runs[index]
        if _modifies_a_noun(phrase[run.end() :]):
            continue  # "New York audiences", "the Obama administration": the noun after it speaks
        if index > 0 and _place_of_person(phrase, runs[index - 1], run, cast):
            continue  # "Sen. Chuck Schumer of New York": the senator speaks, not his state
        words = _without_prepositional_object(_POSSESSIVE.sub("", run.group()).split(), phrase[: run.start()])
        name, title = split_title(" ".join(words))
        if _made_by_owner(words, cast):
            return Resolved(None, "unnamed", "unknown", phrase)  # "Google’s AI Overview responds": its maker's product
        if len(name.split()) == 1 and _indefinite(phrase.split()):
            return _common_noun_phrase(phrase)  # "A VPN said": one of a kind, not the "Harbor VPN" named before
        if len(name.split()) >= 2 or name in cast.by_token:
            person = cast.people.get(name) or _named_by(name.split()[-1], cast)
            if person is not None:
                return Resolved(person.name, "explicit", person.kind, appositive or described(person))
            if name in cast.by_token and phrase.split()[0].lower() == "the":
                return Resolved(None, "unnamed", "unknown", phrase)  # "the Heron": the thing named before
            premodifier = phrase[: run.start()].strip() or title
            return Resolved(name, "explicit", kind_of(name), appositive or premodifier)
    capitals = [w for w in words if w[:1].isupper() and w.lower() not in FUNCTION_WORDS]
    for word in reversed([] if _indefinite(words) else _capitals_at_the_head(words, capitals)):
        bare = _POSSESSIVE.sub("", word)
        person = _named_by(bare, cast)
        if person is None and bare in cast.by_token:
            if words[0].lower() == "the":
                return Resolved(None, "unnamed", "unknown", phrase)  # "the Heron": the thing named before
            if len(capitals) == len(words):
                kind = "organisation" if _a_maker(bare, cast) and kind_of(bare) == "person" else kind_of(bare)
                return Resolved(bare, "explicit", kind, appositive)  # "Pinwheel", not "Like Pinwheel"
        if person is not None:
            resolution = "explicit" if bare == person.name else "surname"
            return Resolved(person.name, resolution, person.kind, appositive or described(person))
    return _common(words, capitals, cast, appositive, position)


def names_an_office(phrase: str, cast: Cast) -> bool:
    return _INSTITUTION_LINK.search(phrase) is not None and _office(phrase, cast) is not None


def _office(phrase: str, cast: Cast) -> str | None:
    """The whole mention when it is an office named with "of" or "for" and no name after it:
    not "Secretary of State Mike Pompeo" (a first name, or a name of three words or more after
    the preposition), nor "Secretary of State Kerry" (a person the article names elsewhere)."""
    words = _without_determiners(phrase.split())
    match = _OFFICE_OF.fullmatch(" ".join(words))
    if match is None:
        return None
    parts = re.split(r"\s+and\s+", match.group("object"))
    if any(len(part.split()) > MAX_OFFICE_OBJECT_WORDS for part in parts):
        return None
    for word in match.group("object").split():
        known = cast.by_token.get(word)
        if _is_first_name(word) or (known is not None and (known.gender is not None or known.holds_a_role)):
            return None
    return match.group()


_OF_PLACE = re.compile(r"\s+(?:of|from)\s+")


def _place_of_person(phrase: str, before: re.Match[str], run: re.Match[str], cast: Cast) -> bool:
    """Whether ``run`` follows a person's name after "of" or "from" ("Sen. Tom Udall of New
    Mexico", "Maria Lopez from Lisbon"): the place the person comes from or stands for."""
    if not _OF_PLACE.fullmatch(phrase, before.end(), run.start()):
        return False
    name, title = split_title(_POSSESSIVE.sub("", before.group()))
    if title is not None and title.split()[-1].lower().rstrip(".") in _OFFICES:
        return True
    known = cast.people.get(name)
    if gender_of(name) is not None or (known is not None and (known.gender is not None or known.holds_a_role)):
        return True
    return len(name.split()) in {2, 3} and _shaped_like_a_name(name) and kind_of(name) == "person"  # "Stacy Baker"


def _named_by(word: str, cast: Cast) -> Person | None:
    """The name a single word of a mention stands for: not a longer name of unknown gender
    written after "the" or "in" or opening with a common word ("the Dutchware Chameleon", "Like
    Instagram"): a thing or a heading, which the word alone does not mean."""
    person = cast.by_token.get(word)
    if person is not None and _firm_and_job(person.name, word):
        person = _family_name_of(word, cast) or person
    if person is not None and person.kind == "product" and person.name.split()[0] == word != person.name:
        return None  # "EgyptAir" of "EgyptAir Flight MS804": the maker, not its model
    if person is not None and word.isupper() and person.name.isupper() and person.name.split()[0] == word != person.name:
        return None  # "VW" of "VW ID": an acronym opening a longer name in capitals, its maker or its body
    if person is None or person.name == word or person.kind != "person" or gender_of(person.name) is not None:
        return person
    if person.placed or _opens_with_common_word(person.name, cast.common_words):
        return None
    words = person.name.split()
    if len(words) > 2 and word == words[0] and any(is_common_word(other, cast) for other in words[1:]):
        return None  # "Meta Product Feed Specs": a heading's words after the name, not a longer name
    if word == words[0] and _a_maker(word, cast):
        return None  # "Google" of "Google Stadia" and "Google Play": a maker's name that opens its products'
    return person


def _firm_and_job(name: str, word: str) -> bool:
    """"Holloway Events Founder" for "Holloway": a firm that the word opens and a job after it,
    no person's name."""
    words = name.split()
    return len(words) > 2 and words[0] == word and words[-1].lower().strip(".,") in TITLE_WORDS | _ROLE_WORDS


def _family_name_of(word: str, cast: Cast) -> Person | None:
    """The person the article names in full with ``word`` last ("Cathleen Holloway")."""
    return next(
        (person for person in cast.people.values() if person.kind == "person" and " " in person.name and person.name.split()[-1] == word),
        None,
    )


def _a_maker(word: str, cast: Cast) -> bool:
    """A word, no first name, that opens two names or more of the article ("Google Stadia",
    "Google Play"): the name of their maker."""
    return cast.first_words[word] > 1 and not _is_first_name(word)


def _written_in_capitals(phrase: str, cast: Cast) -> Person | None:
    if " " in phrase or not phrase.isupper():
        return None
    person = cast.by_token.get(phrase.capitalize())
    return person if person is not None and person.kind == "person" else None


_PLACE_PREPOSITIONS = frozenset({"in", "at", "with", "from", "near", "across", "outside", "inside", "throughout", "around"})
_NOT_NOUNS = (
    FUNCTION_WORDS | _CLOSING_ADVERBS | _LEADING_ADVERBS | _AUXILIARY_WORDS
    | {"jr", "sr", "alone", "just", "himself", "herself", "themselves", "itself"}
)


def _before_place(words: list[str]) -> list[str]:
    """"Small investors in Hong Kong", "analysts at the bank", "a psychologist with UT Health",
    "The US Embassy in New Delhi": the people or the institution before the preposition speak,
    not the place or the employer after it."""
    for index in range(1, len(words) - 1):
        before = words[index - 1]
        institution = before.lower() in ORG_WORDS and words[index] == "in"
        if words[index] in _PLACE_PREPOSITIONS and (before[:1].islower() or before.lower() in _QUANTIFIERS or institution):
            return words[:index]
    return words


def _made_by_owner(words: list[str], cast: Cast) -> bool:
    """"Google’s AI Overview", "Apple's Siri Shortcuts": after an owner's, words holding a word
    in capitals or one the article writes in lower case name a thing the owner makes, not a
    person (not "Apple's Tim Cook", nor a person's name after such words)."""
    owner = next((index for index, word in enumerate(words[:-1]) if _POSSESSIVE.search(word)), None)
    if owner is None:
        return False
    owned = words[owner + 1 :]
    if kind_of(" ".join(owned)) != "person":
        return False  # "Britain's Conservative Party", "China's Foreign Ministry": an institution
    if any(word.lower().rstrip(".") in TITLE_WORDS for word in owned):
        return False  # "Google’s CEO Sundar Pichai": a title, then the person
    thing = [(word.isupper() and len(word) > 1) or is_common_word(word, cast) for word in owned]
    start = thing.index(False) if False in thing else len(owned)
    if len(owned) - start > 1 and _shaped_like_a_name(" ".join(owned[start:])):
        return False  # "NASA’s Administrator Jim Bridenstine": a job, then the person's name
    return any(thing)


def _capitals_at_the_head(words: list[str], capitals: list[str]) -> list[str]:
    """The capitalised words of a mention but those of a name before a noun in lower case
    ("Hillary Clinton's campaign")."""
    kept: list[str] = []
    modifying = False
    for word, after in zip(reversed(words), ["", *reversed(words[1:])], strict=True):
        if not word[:1].isupper():
            modifying = False
            continue
        modifying = modifying or _modifies_a_noun(after)
        if word in capitals and not modifying:
            kept.append(word)
    return kept[::-1]


def _modifies_a_noun(after: str) -> bool:
    """Whether the text after a name in a mention starts with a noun in lower case: the name
    modifies it ("Trump aides", "New York audiences")."""
    following = after.split(maxsplit=1)[0].strip(_WORD_EDGES) if after.strip() else ""
    lowered = following.lower()
    return following[:1].islower() and lowered not in _NOT_NOUNS and not lowered.endswith("ly")


def _without_determiners(words: list[str]) -> list[str]:
    start = 0
    while start < len(words) - 1 and words[start].lower() in DETERMINERS:
        start += 1
    return words[start:]


def _document(words: list[str], cast: Cast, appositive: str | None) -> Resolved:
    """A report, study or statement speaks for whom the mention says issued it ("the Strava
    report", "a Harbor Institute survey", "ClassPass's statement"); else it is unnamed."""
    issuer = [
        _POSSESSIVE.sub("", word).rstrip("’'")
        for index, word in enumerate(words)
        if word[:1].isupper()
        and not _dated(words, index)
        and word.lower() not in ISSUED_TEXTS | DETERMINERS | _NUMBER_WORDS
        and not (index == 0 and (word.lower() in _DOCUMENT_ADJECTIVES or is_common_word(word, cast)))  # "New polls show"
        and not (index == 0 and _opening_adjective(words))  # "Numerous studies", "Multiple lines of evidence"
    ]
    if any(word.lower() in {"and", "&"} for word in words):
        return Resolved(None, "unnamed", "document", " ".join(words))  # "Strava's and ClassPass's reports"
    if issuer:  # not "Studies show"
        name = " ".join(issuer)
        known = cast.people.get(name) or (cast.by_token.get(name) if len(issuer) == 1 else None)
        if known is not None:
            return Resolved(known.name, "explicit", known.kind, appositive or described(known))
        kind = kind_of(name)
        return Resolved(name, "explicit", "organisation" if kind == "person" else kind, appositive or " ".join(words))
    return Resolved(None, "unnamed", "document", " ".join(words))


# Endings of an adjective of number or kind ("Numerous", "Multiple", "Various", "Traditional").
_ADJECTIVE_ENDINGS = ("ous", "iple", "ical", "ional", "itional", "ive")


def _opening_adjective(words: list[str]) -> bool:
    """A first word with an adjective's ending before a word in lower case ("Numerous studies",
    "Various scientific studies"): the sentence's capital on a word describing the texts, no
    issuer (not "Strava report", whose name has no such ending)."""
    if len(words) < 2 or not words[1][:1].islower() or words[0].isupper():
        return False
    first = words[0].lower()
    return len(first) > 5 and first.endswith(_ADJECTIVE_ENDINGS) and first not in MALE_NAMES | FEMALE_NAMES


def _dated(words: list[str], index: int) -> bool:
    """"May" in "the Office's May 2025 report": a month before a year dates the text, no issuer."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return words[index].lower() in MONTHS and following[:1].isdigit()


# Who speaks for an organisation without a name of their own: "a Nordvik spokesman" is Nordvik.
_SPOKESPERSONS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "official"})


def _described_person(words: list[str], cast: Cast, appositive: str | None) -> Resolved:
    if words[-1].lower() in _SPOKESPERSONS and not appositive:  # "a Twitter spokesman, Jo Abboud," is Jo Abboud
        organisation = _names_before_head(words, cast)
        if organisation and not (len(organisation) == 1 and _DEMONYM.match(organisation[0])):
            return _spoken_for(organisation, words, cast)  # "a Nordvik spokesman said": Nordvik, not "an Israeli official"
    content = {word.lower().strip(",") for word in words if word.lower() not in DETERMINERS}
    person = None if _indefinite(words) or _writers_own(words) else cast.by_description(content)
    if person is not None:
        return Resolved(person.name, "descriptor", person.kind, appositive or described(person))
    return Resolved(None, "unnamed", "person", " ".join(words))


def _spoken_for(organisation: list[str], words: list[str], cast: Cast) -> Resolved:
    """Whom an unnamed spokesperson speaks for, by the fullest name the article gives ("Crossroads"
    is the "American Crossroads" named before, "Cameron's spokesman" David Cameron's; not a medium
    named after it)."""
    name = " ".join(_POSSESSIVE.sub("", word) for word in organisation)
    known = cast.people.get(name) or cast.by_token.get(name)
    if known is not None and known.kind not in {"person", "organisation"} and known.name != name:
        known = None  # "the Vatican spokesman": not "Vatican Radio"
    return Resolved(known.name if known is not None else name, "descriptor", known.kind if known else "organisation", " ".join(words))


def described(person: Person) -> str | None:
    """What the article says the person is: an appositive first, else a title before the name."""
    if person.appositives:
        return person.appositives[0]
    return person.descriptions[0] if person.descriptions else None


def _pronoun(word: str, position: int, cast: Cast) -> Resolved:
    gender = PRONOUNS[word]
    if gender in {"male", "female"}:
        person = cast.latest_before(position, gender)
        if person is not None:
            return Resolved(person.name, "pronoun", "person", described(person))
        return Resolved(None, "pronoun", "person", None)
    return Resolved(None, "unnamed", "group" if gender == "plural" else "unknown", None)


def _common(words: list[str], capitals: list[str], cast: Cast, appositive: str | None, position: int) -> Resolved:
    content = [w.lower().strip(",") for w in words if w.lower() not in DETERMINERS]
    head = content[-1] if content else ""
    if _AGE.fullmatch(head) and words[0].lower() == "the":
        person = cast.main_person_before(position)  # "The 56-year-old said": whom the article is about
        if person is not None:
            return Resolved(person.name, "descriptor", "person", " ".join(words))
    if head in ISSUED_TEXTS:
        return Resolved(None, "unnamed", "document", " ".join(words))  # "the study", "records released Friday"
    if head in UNNAMED_HEADS or head in GROUP_HEADS:
        kind = "group" if head.endswith("s") or head in GROUP_HEADS else "person"
        modifiers = _names_before_head(words, cast)
        if modifiers and head in _SPOKESPERSONS:
            return _described_person(words, cast, appositive)  # "a White House official": the White House
        if modifiers:  # "Beijing officials", "the Obama administration"
            return Resolved(" ".join([*modifiers, words[-1]]), "explicit", kind, appositive)
        if capitals:  # "Police", "Administration officials"
            return Resolved(" ".join(w for w in words if w.lower() not in DETERMINERS), "explicit", kind, appositive)
        return Resolved(None, "unnamed", kind, " ".join(words))
    # one capitalised word alone opens a sentence ("Take note", "Organizations maintain"): a
    # word of the sentence, never the description of someone named before
    alone = len(words) == 1 and words[0][:1].isupper()
    # "a VPN", "an engineer": an indefinite mention brings in someone new, never one described
    # before; "our users", "my readers": the writer's own, never a third party described so
    person = None if alone or _indefinite(words) or _writers_own(words) else cast.by_description(set(content), head)
    if person is not None:
        return Resolved(person.name, "descriptor", person.kind, appositive or described(person))
    if capitals and len(capitals) == len(words):
        name, title = split_title(" ".join(words))
        return Resolved(name, "explicit", kind_of(name), appositive or title)
    if capitals:
        return _described_name(words, cast, appositive)
    return Resolved(None, "unnamed", "unknown", " ".join(words))


def _indefinite(words: list[str]) -> bool:
    """"a VPN", "a tester": an indefinite article before the noun or the name (not "a
    spokeswoman for Neumann", where the name after the noun says whom she speaks for)."""
    if len(words) < 2 or words[0].lower() not in {"a", "an"}:
        return False
    return words[1][:1].isupper() or not any(word[:1].isupper() for word in words[2:])


def _writers_own(words: list[str]) -> bool:
    return bool(words) and words[0].lower() in {"our", "my"}


def _adjective_or_person(words: list[str], cast: Cast) -> bool:
    """After "the", one word that is an adjective of a people or a party ("The Democratic
    senator", "the Syrian conflict") or a person's surname ("the Obama administration"): the
    start of a description whose noun was cut."""
    if len(words) != 1:
        return False
    known = cast.by_token.get(words[0])
    return bool(_DEMONYM.match(words[0])) or (known is not None and known.kind == "person")


def _names_before_head(words: list[str], cast: Cast) -> list[str]:
    """The capitalised names right before a mention's last word ("White House" officials)."""
    start = len(words) - 1
    while start > 0 and _name_like(words[start - 1], cast):
        start -= 1
    return words[start:-1]


def _name_like(word: str, cast: Cast) -> bool:
    """Capitalised, longer than an initial, and no common word, function word or pronoun ("I’d")."""
    bare = _bare_word(word)
    if not word[:1].isupper() or len(bare) < 2 or bare in FUNCTION_WORDS or bare in DETERMINERS:
        return False
    return not is_common_word(word, cast) and _CONTRACTION.sub("", bare) not in PRONOUNS


def _described_name(words: list[str], cast: Cast, appositive: str | None) -> Resolved:
    """A mention of lower-case words and capitalised ones: a description before a name
    ("business advisory firm Riveron"), else a description only, whatever it holds
    ("helps ChatGPT answer", "one Weibo commenter", "44 percent of Americans"); a name after a
    determiner is a name ("the FBI", "The Democrats")."""
    named = _without_determiners(words)
    if _indefinite(words) and len(named) < len(words) and all(word[:1].isupper() for word in named):
        return _common_noun_phrase(" ".join(words))  # "a VPN", "a Democrat": one of a kind, no name
    if len(named) < len(words) and all(word[:1].isupper() for word in named) and not _adjective_or_person(named, cast):
        name = " ".join(named)
        return Resolved(name, "explicit", kind_of(name), appositive)
    start = len(words)
    while start > 0 and _name_like(words[start - 1], cast):
        start -= 1
    before = words[start - 1].lower() if 0 < start < len(words) else ""
    opening = words[0][:1].islower() or is_common_word(words[0], cast) or (len(words) > 1 and words[1][:1].islower())
    if before[:1].isalpha() and before not in FUNCTION_WORDS and before not in PRONOUNS and opening:
        name = " ".join(words[start:])
        return Resolved(name, "explicit", kind_of(name), appositive or " ".join(words[:start]))
    head = _bare_word(words[-1])
    kind = "group" if len(head) > 3 and head.endswith("s") and not head.endswith("ss") else "unknown"
    return Resolved(None, "unnamed", kind, " ".join(words))
