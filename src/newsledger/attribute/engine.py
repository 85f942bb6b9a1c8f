"""Choosing and running an attribution engine; the default one runs the rules of this package.

The rules engine reads each text part (headline, body, captions) sentence by sentence
(:mod:`clauses`), then ties the raw findings together across the article: who a participle or
a coordinated verb belongs to, which statement another is nested in, what "according to X"
relays, the channel carried over from an interview, the dates, and the speakers' names
(:mod:`speakers`).
"""

from __future__ import annotations

import functools
import heapq
import re
from dataclasses import dataclass

from newsledger.attribute.clauses import (
    RawStatement,
    analyse_cues,
    clause_subject,
    dangling_cue,
    lead_subject,
    subject_before,
)
from newsledger.attribute.cue_model import CueModel, load_model
from newsledger.attribute.cues import FoundCue, find_cues
from newsledger.attribute.dates import FoundDate, Reference, find_dates, latest_full_date, parse_reference
from newsledger.attribute.labels import labelled_paragraph, signed_quotation
from newsledger.attribute.lexicon import (
    ATTITUDE_VERBS,
    BELIEF_VERBS,
    CUE_WORDS,
    EVIDENCE_VERBS,
    MEDIA_WORDS,
    PRONOUNS,
    VERB_FORM_LEMMA,
    WRITING_VERBS,
)
from newsledger.attribute.speakers import (
    NOT_SPEAKER_KINDS,
    Cast,
    Person,
    Resolved,
    add_side_names,
    described,
    gather_cast,
    label_layout,
    names_a_desk,
    names_a_speaker_label,
    names_an_office,
    reads_as_common_words,
    resolve_mention,
)
from newsledger.attribute.text import MAX_SENTENCE_CHARS, Sentence, paragraphs, sentences, tokenize
from newsledger.deadline import Deadline
from newsledger.errors import AttributionError
from newsledger.model import (
    Addressee,
    Article,
    Channel,
    Cue,
    Span,
    Speaker,
    Statement,
    StatementDate,
    TextPart,
)

ENGINE_NAME = "rules-1"
_HEADLINE_STOP = re.compile(r"\s+(?:as|amid|after|while|despite|ahead of|following|before|over|in|with|but|—|-|:)\s+", re.IGNORECASE)
_MEDIUM = re.compile(
    r"\b(?:[Ii]n|[Dd]uring)\s+(?:an?|the|his|her|their)\s+(?P<medium>interview|letter|statement|post|op-ed|speech|video|message|email|article|column|broadcast|podcast)"
    r"(?:\s+(?P<link>with|to|on|for|published by)\s+(?P<target>(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)*(?:\s+(?:officials|leaders|lawmakers|members|ministers|counterparts|voters|supporters|readers))?|reporters|supporters))?"
)


MAX_ATTRIBUTED_CHARS = 120_000  # more than twice the longest body in the bench sets (53,372 characters)
# A page past this many cues is a dump of quotations, not an article (the most in one bench text
# is far below it); past it the rest of the text is not read, and every statement says so.
MAX_CUES = 2_000
# A headline or caption runs to a few sentences; one far longer is page text swallowed by an
# element left open. Each is read to this length, and the captions together to the next.
MAX_SIDE_CHARS = 5_000
MAX_CAPTION_CHARS = 50_000


def attribute_article(
    article: Article, *, engine: str = "rules", reference: str | None = None, deadline: Deadline | None = None
) -> tuple[Statement, ...]:
    if engine == "rules":
        return RulesEngine(article, reference, load_model(), deadline).run()
    if engine == "table":
        return RulesEngine(article, reference, deadline=deadline).run()
    if engine in ("learned", "hybrid"):
        from newsledger.attribute.learned.engine import LearnedEngine

        return LearnedEngine(article, reference, deadline, hybrid=engine == "hybrid").run()
    raise AttributionError(f"unknown attribution engine {engine!r}")


@dataclass(slots=True)
class Found:
    """A raw statement with its part, its sentence and its resolved speaker."""

    part: TextPart
    text: str
    sentence: Sentence
    raw: RawStatement
    speaker: Resolved | None = None
    channel: Channel | None = None
    date: FoundDate | None = None
    parent: Found | None = None
    source: Found | None = None
    relay: bool = False
    quotes: tuple[tuple[int, int], ...] = ()


class RulesEngine:
    def __init__(
        self,
        article: Article,
        reference: str | None = None,
        model: CueModel | None = None,
        deadline: Deadline | None = None,
    ) -> None:
        self.article = article
        self.model = model
        self.deadline = deadline
        self.label_layout = "other"  # how the labels opening the body's paragraphs are laid out
        self.body_text = attributed_prefix(article.text)
        self.cues_read = 0
        self.stopped_at: int | None = None  # where in the body reading stopped at MAX_CUES
        self.side_notes: list[str] = []  # headline and captions read only in part
        published = article.published.value if article.published else None
        self.reference: Reference | None = parse_reference(reference or published) or latest_full_date(
            "\n".join([self.body_text, *self._captions()])
        )

    @functools.cached_property
    def cast(self) -> Cast:
        """The article's people: gathered only once a statement needs its speaker resolved. The
        names of the headline and the captions come after the body's: a club the body calls
        "Tottenham" is the "Tottenham Hotspur" of a caption, but no pronoun of the body means them."""
        cast = gather_cast(self.body_text)
        headline = self.article.headline.value[:MAX_SIDE_CHARS] if self.article.headline else ""
        base = len(self.body_text) + 1
        for side in [headline, *self._captions()]:
            if side:
                add_side_names(side, base, cast)
                base += len(side) + 1
        return cast

    @functools.cached_property
    def _caption_texts(self) -> tuple[list[str], tuple[str, ...]]:
        """The captions read (each cut to ``MAX_SIDE_CHARS``, all to ``MAX_CAPTION_CHARS``), and
        what was left unread."""
        images = ([self.article.lead_image] if self.article.lead_image else []) + list(self.article.images)
        captions: list[str] = []
        total, longest, unread = 0, 0, 0
        for image in images:
            caption = image.caption
            if not caption or caption in captions:
                continue
            if total >= MAX_CAPTION_CHARS:
                unread += 1
                continue
            longest = max(longest, len(caption))
            caption = caption[:MAX_SIDE_CHARS]
            captions.append(caption)
            total += len(caption)
        notes: list[str] = []
        if longest > MAX_SIDE_CHARS:
            notes.append(f"attribution read the first {MAX_SIDE_CHARS:,} characters of each caption")
        if unread:
            notes.append(f"attribution read captions up to {MAX_CAPTION_CHARS:,} characters; {unread:,} more not read")
        return captions, tuple(notes)

    def _captions(self) -> list[str]:
        return self._caption_texts[0]

    def run(self) -> tuple[Statement, ...]:
        body = self._part("body", self.body_text)
        headline = self.article.headline.value if self.article.headline else ""
        if len(headline) > MAX_SIDE_CHARS:
            self.side_notes.append(
                f"attribution read the first {MAX_SIDE_CHARS:,} characters of a headline of {len(headline):,}"
            )
            headline = headline[:MAX_SIDE_CHARS]
        found = self._part("headline", headline) + body
        for caption in self._captions():
            found += self._part("caption", caption)
        if found:
            self.cast.ignored = [f.raw.appositive for f in body if f.raw.appositive]
        self.label_layout = label_layout([_label(item) for item in body if _labelled(item)], self.cast)
        issuer: tuple[int, Resolved] | None = None
        kept: list[Found] = []
        for item in found:
            if self.deadline is not None:
                self.deadline.check("attribute: speakers")
            self._resolve(item, kept)
            if item.speaker is None and item.source is None:
                continue  # a label that names no speaker: "Location: Boston"
            kept.append(item)
            if item.part == "body" and item.speaker is not None:
                item.speaker = (
                    _issued_by(item, issuer) or _named_by_pronoun(item, issuer) or self._organisation_described(item, issuer) or item.speaker
                )
                if item.speaker.name is not None or item.speaker.kind == "document":
                    issuer = _next_issuer(item, issuer, self._could_issue(item.speaker))
            if item.channel is None:
                item.channel = _told_medium(item) or _medium_channel(item)
        found = kept
        _carry_channels([f for f in found if f.part == "body"])
        _assign_quotes(found)
        return tuple(self._statement(item) for item in found)

    # ----------------------------------------------------------------- per part

    def _part(self, part: TextPart, text: str) -> list[Found]:
        if not text.strip():
            return []
        result: list[Found] = []
        previous_direct: Found | None = None
        previous: tuple[Sentence, list[Found]] | None = None
        model = self.model
        spans = paragraphs(text)
        paragraph = -1
        for number, sentence in enumerate(sentences(text, CUE_WORDS | model.heads if model else CUE_WORDS)):
            if self.deadline is not None:
                self.deadline.check(f"attribute: sentences of the {part}")
            if sentence.paragraph != paragraph:
                paragraph = sentence.paragraph
                result += [Found(part, text, sentence, raw) for raw in _laid_out(text, *spans[paragraph], number)]
            cues = find_cues(sentence, part == "headline", model)
            self.cues_read += len(cues)
            raws = analyse_cues(sentence, text, number, cues)
            if part == "headline":
                raws = [_trim_headline(raw, text) for raw in raws]
            items = [Found(part, text, sentence, raw) for raw in raws]
            items = self._tie_sentence(items, text)
            block = _announced_block(previous_direct, sentence, text, spans, number)
            if block is not None:
                items = [block, *items]
            elif not items and previous_direct is not None:
                continuation = _continuation(previous_direct, sentence, text, number)
                if continuation is not None:
                    items = [continuation]
            elif not items and part == "body" and previous is not None and sentence.paragraph - previous[0].paragraph in (0, 1):
                standing = _standing_quote(previous, sentence, text, number)
                items = [standing] if standing is not None else []
            previous = (sentence, items)
            result += items
            if self.cues_read >= MAX_CUES:
                if part == "body":
                    self.stopped_at = sentence.end
                break
            if items:
                previous_direct = _last_quoted(items)
            elif not _quote_only(sentence, text):
                previous_direct = self._announcing(part, text, sentence)
        return result

    def _announcing(self, part: TextPart, text: str, sentence: Sentence) -> Found | None:
        """'Madry added.' before a quotation standing alone: a statement for it to continue."""
        dangling = dangling_cue(sentence, text, self.model) if sentence.tokens else None
        return Found(part, text, sentence, dangling) if dangling is not None else None

    def _tie_sentence(self, items: list[Found], text: str) -> list[Found]:
        """Nesting, inherited speakers, "according to" relays and dates within one sentence."""
        if not items:
            return items
        for item, parent in zip(items, _innermost_enclosing(items), strict=True):
            item.parent = parent
        for item in items:
            if item.raw.according:
                item.relay = _relays(item, items)
        kept = list(items)
        for item in kept:
            self._speaker_span(item, kept)
        kept = [item for item in kept if item.raw.speaker is not None or item.source is not None or item.raw.unnamed_passive]
        self._dates(kept, text)
        return kept

    def _speaker_span(self, item: Found, items: list[Found]) -> None:
        raw = item.raw
        if raw.speaker is not None or raw.unnamed_passive:
            return
        earlier = [other for other in items if other.raw.cue[0] < raw.cue[0] and other.parent is item.parent and other is not item]
        if raw.form == "participle" or raw.inherit == -1:
            if earlier:
                item.source = earlier[0] if raw.form == "participle" else earlier[-1]
                return
            raw.inherit = None
            floor = item.sentence.token_index(item.parent.raw.content[0]) if item.parent else 0
            subject = clause_subject(item.sentence, item.sentence.token_index(raw.cue[0]), floor)
            if subject is not None:
                raw.speaker, raw.speaker_head, raw.appositive = subject.mention, subject.head, subject.appositive
            return
        if raw.inherit is None:
            cue = FoundCue(item.sentence.token_index(raw.cue[0]), 0, 0, raw.lemma, "finite")
            subject = subject_before(item.sentence, cue)
            if subject is not None:
                raw.speaker, raw.speaker_head, raw.appositive = subject.mention, subject.head, subject.appositive

    def _dates(self, items: list[Found], text: str) -> None:
        if not items:
            return
        sentence = items[0].sentence
        blocked = [item.raw.content for item in items] + [item.raw.speaker for item in items if item.raw.speaker]
        for found in find_dates(text, sentence.start, sentence.end, self.reference):
            if any(start <= found.start < end for start, end in blocked):
                continue
            if found.precision == "year" and not text[found.start : found.end][:1].isalpha():
                continue
            for item in items:
                if item.parent is None and item.date is None:
                    item.date = found

    # ----------------------------------------------------------------- resolution

    def _resolve(self, item: Found, earlier: list[Found]) -> None:
        raw = item.raw
        if item.source is not None:
            return  # the speaker of the statement it shares a subject with
        if raw.unnamed_passive or raw.speaker_head is None:
            item.speaker = Resolved(None, "unnamed", "unknown", None)
            return
        head = item.text[raw.speaker_head[0] : raw.speaker_head[1]]
        appositive = item.text[raw.appositive[0] : raw.appositive[1]] if raw.appositive else None
        position = raw.speaker_head[0] if item.part == "body" else 1 << 30
        if raw.content[1] <= position and head.lower() in PRONOUNS:
            position = raw.content[0]  # '"… Mr. Cooke …," he said': not a name of the words he said
        resolved = resolve_mention(head, position, self.cast, appositive)
        if position == raw.content[0] and raw.speaker_head[0] >= raw.content[1]:
            resolved = _named_inside(item, earlier, self.cast, resolved)
        office = resolved.name is not None and names_an_office(head, self.cast)
        if (resolved.name is None or office or _described_by_noun(head)) and appositive and appositive[:1].isupper():
            named = resolve_mention(appositive, position, self.cast, None)
            common = named.name is not None and (
                reads_as_common_words(named.name, self.cast)
                or reads_as_common_words(appositive, self.cast)
                or names_a_desk(head, appositive, self.cast)
            )
            if named.name is not None and named.kind == "person" and not common:  # not "Editor, Running Reviews,"
                resolved = Resolved(named.name, named.resolution, named.kind, head)  # "His campaign manager, Jeff Weaver,"
                appositive = head
        if raw.speaker and item.text[raw.speaker[0] : raw.speaker[1]].lower() in {"who", "which"}:
            resolved = Resolved(resolved.name, "pronoun", resolved.kind, resolved.description)
        parent = item.parent
        if head.lower() in PRONOUNS and parent is not None and parent.speaker and parent.speaker.name:
            gender = PRONOUNS[head.lower()]
            person = self.cast.people.get(parent.speaker.name)
            if person is None or person.gender in (None, gender):
                resolved = Resolved(parent.speaker.name, "pronoun", parent.speaker.kind, parent.speaker.description)
        layout = self.label_layout if item.part == "body" else "other"
        if _labelled(item) and not names_a_speaker_label(head, resolved, self.cast, layout):
            return  # no speaker: the paragraph is a field of a list, not a statement
        if resolved.kind in NOT_SPEAKER_KINDS:
            resolved = Resolved(None, "unnamed", "unknown", resolved.description)  # "Election Day said" is a misreading
        item.speaker = resolved
        person = self.cast.people.get(resolved.name) if resolved.name else None
        if person is not None and appositive and appositive not in person.appositives and item.part == "body":
            person.appositives.append(appositive)

    def _organisation_described(self, item: Found, issuer: tuple[int, Resolved] | None) -> Resolved | None:
        """"the company said", "the club said": the organisation reported speaking just before (no
        other named since), else the latest one named before whose name holds that noun ("the
        club" after "Harbourside Rovers Football Club")."""
        speaker, span = item.speaker, item.raw.speaker_head
        if speaker is None or speaker.name is not None or span is None or item.source is not None:
            return None
        words = item.text[span[0] : span[1]].lower().split()
        if len(words) != 2 or words[0] != "the" or words[1] not in _ORGANISATION_NOUNS:
            return None
        latest = self.cast.latest_organisation(span[0])
        if issuer is not None and issuer[1].kind in {"organisation", "person"} and item.raw.cue[0] - issuer[0] <= _ISSUER_REACH:
            named_since = latest is not None and latest.position > issuer[0] and latest.person.name != issuer[1].name
            if self._could_issue(issuer[1]) and not _is_medium(issuer[1].name or "") and not named_since:
                return Resolved(issuer[1].name, "descriptor", "organisation", speaker.description)
        holding = self.cast.latest_organisation(span[0], words[1])
        return Resolved(holding.person.name, "descriptor", "organisation", speaker.description) if holding is not None else None

    def _could_issue(self, speaker: Resolved) -> bool:
        """Whether a speaker is one that issues reports and statements: an organisation, or a
        name the article gives no title, description or gendered first name ("ClassPass")."""
        if speaker.name is None or speaker.kind in {"group", "document", "medium", "unknown"}:
            return False
        if speaker.kind == "organisation":
            return True
        person = self.cast.people.get(speaker.name)
        if person is None:
            return " " not in speaker.name and speaker.resolution == "explicit"
        return person.gender is None and not person.descriptions and not person.appositives

    def _description(self, speaker: Resolved) -> str | None:
        person = self.cast.people.get(speaker.name) if speaker.name else None
        return described(person) if person is not None else speaker.description

    # ----------------------------------------------------------------- records

    @functools.cached_property
    def _cut_note(self) -> tuple[str, ...]:
        full, read = len(self.article.text), len(self.body_text)
        side = (*self.side_notes, *self._caption_texts[1])
        if self.stopped_at is not None:
            return (
                f"attribution stopped at {MAX_CUES:,} cues, after the first "
                f"{self.stopped_at:,} characters of a body of {full:,}",
                *side,
            )
        if read == full:
            return side
        return (f"attribution read the first {read:,} characters of a body of {full:,}", *side)

    def _statement(self, item: Found) -> Statement:
        raw, text = item.raw, item.text
        source = _source_of(item)
        speaker = source.speaker or Resolved(None, "unnamed", "unknown", None)
        mention = _span(text, source.raw.speaker) if source.raw.speaker else None
        content = _span(text, raw.content)
        fragments = tuple(_span(text, quote) for quote in item.quotes)
        kind = "direct" if fragments and (fragments[0].start, fragments[-1].end) == raw.content and len(fragments) == 1 else ("mixed" if fragments else "indirect")
        channel, addressee = item.channel, None
        if raw.addressee and _told_medium(item) is None:
            addressee = Addressee(name=_bare(text[raw.addressee[0] : raw.addressee[1]]), mention=_span(text, raw.addressee))
        return Statement(
            id=_identifier(item),
            part=item.part,
            kind=kind,
            attribution=attribution_of(raw.lemma, speaker.kind, channel),  # type: ignore[arg-type]
            content=content,
            fragments=fragments if kind == "mixed" else (),
            cue=Cue(span=_span(text, raw.cue), lemma=raw.lemma),
            speaker=Speaker(name=speaker.name, mention=mention, resolution=speaker.resolution, description=self._description(speaker), kind=speaker.kind),
            channel=channel,
            addressee=addressee,
            date=_date(text, item.date),
            nested_in=_identifier(item.parent) if item.parent else None,
            confidence=_confidence(item, speaker),
            engine=ENGINE_NAME,
            notes=_notes(item.sentence) + self._cut_note,
        )


# --------------------------------------------------------------------------- helpers


def _described_by_noun(head: str) -> bool:
    """"Car Talk expert", "the band's drummer": a mention ending on a noun in lower case
    describes someone, whom a name in the appositive after it names."""
    last = head.split()[-1] if head.split() else ""
    return last[:1].islower() and last.isalpha() and last.lower() not in PRONOUNS


def _labelled(item: Found) -> bool:
    """A statement read from a label and a colon opening its paragraph."""
    raw = item.raw
    return raw.speaker is not None and raw.speaker[1] == raw.cue[0] and item.text[raw.cue[0] : raw.cue[1]] == ":"


def _label(item: Found) -> str:
    return item.text[item.raw.speaker[0] : item.raw.speaker[1]]  # type: ignore[index]


def _laid_out(text: str, start: int, end: int, number: int) -> list[RawStatement]:
    """The statement a paragraph's layout attributes: a speaker label, or a signed quotation."""
    found = labelled_paragraph(text, start, end) or signed_quotation(text, start, end)
    if found is None:
        return []
    raw = RawStatement(number, found.cue, "say", "finite", found.content, speaker=found.speaker, speaker_head=found.speaker)
    return [raw]


def _named_inside(item: Found, earlier: list[Found], cast: Cast, resolved: Resolved) -> Resolved:
    """'Still, the apps, says Harden Cole, can teach “skills,” she says': the person named as
    speaker of an attribution set inside the words a pronoun's statement reports is nearer than
    anyone named before them, when the gender fits."""
    gender = PRONOUNS[item.text[item.raw.speaker_head[0] : item.raw.speaker_head[1]].lower()]
    if gender not in {"male", "female"}:
        return resolved
    person = _inner_speaker(item, earlier, cast, gender) or _aside_speaker(item, cast, gender)
    return Resolved(person.name, "pronoun", "person", described(person)) if person is not None else resolved


def _inner_speaker(item: Found, earlier: list[Found], cast: Cast, gender: str) -> Person | None:
    """The named person speaking in a statement of the same sentence whose cue lies inside this one's content."""
    start, end = item.raw.content
    for other in reversed(earlier):
        if other.sentence is not item.sentence:
            break
        speaker = other.speaker
        if not (start <= other.raw.cue[0] < end) or speaker is None or speaker.name is None or speaker.resolution == "pronoun":
            continue
        person = cast.people.get(speaker.name)
        if speaker.kind == "person" and person is not None and person.gender in (None, gender):
            return person
    return None


def _aside_speaker(item: Found, cast: Cast, gender: str) -> Person | None:
    """The person named in an attribution between commas in the content, outside its quotations."""
    start, end = item.raw.content
    found = None
    for aside in _ASIDE_ATTRIBUTION.finditer(item.text, start, end):
        verb, name = (aside.group("verb"), aside.group("name")) if aside.group("verb") else (aside.group("verb_after"), aside.group("name_before"))
        if verb not in VERB_FORM_LEMMA or any(first <= aside.start() < last for first, last in item.sentence.quotes):
            continue
        named = resolve_mention(name, aside.start(), cast, None)
        person = cast.people.get(named.name) if named.name else None
        if named.kind == "person" and person is not None and person.gender in (None, gender):
            found = person
    return found


# An attribution set between commas inside reported words: ", says Harden Cole," or ", Cole said,".
_ASIDE_NAME = r"[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3}"
_ASIDE_ATTRIBUTION = re.compile(
    rf",\s+(?:(?P<verb>[a-z]+)\s+(?P<name>{_ASIDE_NAME})|(?P<name_before>{_ASIDE_NAME})\s+(?P<verb_after>[a-z]+)),"
)


def _innermost_enclosing(items: list[Found]) -> list[Found | None]:
    """For each statement of a sentence, the innermost other one whose content holds its cue
    (the shortest content; the first of equals). One sweep over the cues in order, with the
    contents begun so far in a heap by length: thousands of quotations in one sentence cost
    about as many steps, not their square."""
    if len(items) < 2:
        return [None] * len(items)
    contents = sorted(
        ((other.raw.content[0], order) for order, other in enumerate(items) if not other.raw.according)
    )
    cues = sorted((item.raw.cue[0], order) for order, item in enumerate(items))
    found: list[Found | None] = [None] * len(items)
    begun: list[tuple[int, int, int]] = []  # (length, order, end) of contents starting at or before the cue
    next_content = 0
    for cue, order in cues:
        while next_content < len(contents) and contents[next_content][0] <= cue:
            start, other = contents[next_content]
            end = items[other].raw.content[1]
            heapq.heappush(begun, (end - start, other, end))
            next_content += 1
        while begun and begun[0][2] <= cue:
            heapq.heappop(begun)  # ended before this cue, so before every later one
        if begun and begun[0][1] == order:  # its own content: the next one
            own = heapq.heappop(begun)
            while begun and begun[0][2] <= cue:
                heapq.heappop(begun)
            found[order] = items[begun[0][1]] if begun else None
            heapq.heappush(begun, own)
        elif begun:
            found[order] = items[begun[0][1]]
    return found


def _relays(item: Found, items: list[Found]) -> bool:
    """'..., according to TV Rain' after statements with their own speakers: a channel for them."""
    others = [other for other in items if other is not item and not other.raw.according and other.parent is None]
    if not others:
        return False
    source = item.raw.speaker or item.raw.cue
    name = item.text[source[0] : source[1]]
    channel = Channel(name=_bare(name), mention=_span(item.text, source), cue=_span(item.text, item.raw.cue))
    for other in others:
        other.channel = channel
    return True


# The writer ("I told my students: …") and the reader addressed ("you are telling Google: …")
# speak in the first and second person: their quoted words report no one's statement.
_WRITER_AND_READER = frozenset({"i", "you"})


def _writer_speaks(item: Found) -> bool:
    """Whether a statement's speaker is the writer or the reader, outside any quotation."""
    span = item.raw.speaker
    if span is None or item.parent is not None:
        return False
    mention = item.text[span[0] : span[1]].lower()
    if re.sub(r"[’'](?:d|m|ll|ve|re)$", "", mention) not in _WRITER_AND_READER:
        return False
    index = item.sentence.token_index(span[0])
    return index >= len(item.sentence.quoted) or not item.sentence.quoted[index]


def _assign_quotes(found: list[Found]) -> None:
    """Which quotations each statement reports: when someone reports what another concluded
    ('Pompeo said Washington had concluded it was "not inconsistent"') the words are the
    reporter's, not the other's; when the outer statement only relays ('"…," he told them,
    according to a statement') they are the inner speaker's; a share of a poll ('51 percent say
    that "…"') chose its words and said none, and the writer or the reader outside quotations
    ("I often tell people “…”") reports no one. (A speaker's own nested "what she described as
    "…"" keeps them on both.)"""
    for item in found:
        source = _source_of(item)
        reports = not _poll_share(item) and not _writer_speaks(source)
        item.quotes = item.sentence.quotes_within(*item.raw.content) if reports else ()
    for item in found:
        parent = item.parent
        if parent is not None and not parent.relay and parent.quotes and not _same_speaker(item, parent):
            item.quotes = tuple(quote for quote in item.quotes if not _within(quote, parent.raw.content))
    for item in found:
        if item.relay:
            others = [other.raw.content for other in found if other is not item and other.sentence is item.sentence and other.quotes]
            item.quotes = tuple(quote for quote in item.quotes if not any(_within(quote, span) for span in others))


def _same_speaker(item: Found, other: Found) -> bool:
    first, second = _source_of(item).speaker, _source_of(other).speaker
    return first is not None and second is not None and first.name is not None and first.name == second.name


def _within(quote: tuple[int, int], span: tuple[int, int]) -> bool:
    return span[0] <= quote[0] and quote[1] <= span[1]


def _poll_share(item: Found) -> bool:
    span = _source_of(item).raw.speaker
    if span is None:
        return False
    mention = item.text[span[0] : span[1]].lower()
    return "%" in mention or "percent" in mention or "per cent" in mention


def _source_of(item: Found) -> Found:
    """The statement whose speaker this one shares (participles, coordinated verbs)."""
    current = item
    while current.source is not None:
        current = current.source
    return current


def _continuation(previous: Found, sentence: Sentence, text: str, number: int) -> Found | None:
    """A sentence that is only a quotation, right after a quoted statement, continues it."""
    if not _quote_only(sentence, text):
        return None
    raw = RawStatement(number, previous.raw.cue, previous.raw.lemma, previous.raw.form, (sentence.quotes[0][0], sentence.quotes[-1][1]))
    raw.speaker, raw.speaker_head, raw.appositive = previous.raw.speaker, previous.raw.speaker_head, previous.raw.appositive
    raw.continuation_of = previous.raw.sentence
    return Found(previous.part, text, sentence, raw, channel=previous.channel)


def _announced_block(announcing: Found | None, sentence: Sentence, text: str, spans: list[tuple[int, int]], number: int) -> Found | None:
    """'Limbaugh added:' closing its paragraph, then a paragraph without quotation marks: the
    paragraph is the words announced, set apart as a block instead of quoted."""
    if announcing is None or announcing.raw.sentence != -1 or sentence.paragraph != announcing.sentence.paragraph + 1:
        return None
    start, end = spans[sentence.paragraph]
    if sentence.start != start or _quote_only(sentence, text) or not text[announcing.raw.cue[1] : announcing.sentence.end].strip().startswith(":"):
        return None
    raw = RawStatement(number, announcing.raw.cue, announcing.raw.lemma, announcing.raw.form, (start, end))
    raw.speaker, raw.speaker_head, raw.appositive = announcing.raw.speaker, announcing.raw.speaker_head, announcing.raw.appositive
    raw.continuation_of = announcing.raw.sentence
    return Found(announcing.part, text, sentence, raw, channel=announcing.channel)


def _standing_quote(previous: tuple[Sentence, list[Found]], sentence: Sentence, text: str, number: int) -> Found | None:
    """A quotation standing alone after a sentence that says something of someone: that
    someone's words, when the sentence before reported them indirectly ("Erekat said it was
    the latest move.", then "“They wanted us on our knees …”", in the same paragraph or
    opening the next), or, in the same paragraph, when it only named its subject ("Bridenstine
    expects three rockets. “Adding one more could ...”")."""
    if not _quote_only(sentence, text):
        return None
    before, items = previous
    reported = [item for item in items if item.parent is None and _source_of(item).raw.speaker is not None]
    if reported:
        return _continuation(_source_of(reported[-1]), sentence, text, number)
    if before.paragraph != sentence.paragraph:
        return None
    tokens = before.tokens or tokenize(text, before.start, before.end)
    found = lead_subject(tokens)
    if found is None:
        return None
    subject, verb_index = found
    verb = tokens[verb_index]
    raw = RawStatement(number, (verb.start, verb.end), verb.lower, "finite", (sentence.quotes[0][0], sentence.quotes[-1][1]))
    raw.speaker, raw.speaker_head, raw.appositive = subject.mention, subject.head, subject.appositive
    raw.continuation_of = number - 1
    return Found("body", text, sentence, raw)


# Nouns by which an article refers back to an organisation it named: "the company said".
_ORGANISATION_NOUNS = frozenset({
    "company", "firm", "club", "team", "airline", "carrier", "retailer", "maker", "manufacturer",
    "bank", "charity", "organisation", "organization", "agency", "ministry", "department",
    "startup", "brand", "insurer", "lender", "chain", "operator", "publisher", "developer",
    "broadcaster", "network", "university", "council", "authority", "union",
})

# How far back (in characters) the issuer of "the report" may have been named as a speaker.
_ISSUER_REACH = 1500


def _issued_by(item: Found, issuer: tuple[int, Resolved] | None) -> Resolved | None:
    """"the report stated" after "ClassPass shared that ...": a document without a named issuer
    speaks for the organisation last reported speaking shortly before it."""
    speaker = item.speaker
    if speaker is None or speaker.name is not None or speaker.kind != "document" or issuer is None or item.raw.according:
        return None
    position, who = issuer
    if item.raw.cue[0] - position > _ISSUER_REACH:
        return None
    owners = _owners(speaker.description or "")
    if owners and who.name not in owners:
        return None  # "Both Strava's and ClassPass's reports": theirs, not the last speaker's
    return Resolved(who.name, "descriptor", who.kind, speaker.description)


_OWNER = re.compile(r"\b([A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*)[’']s?\b")


def _owners(mention: str) -> list[str]:
    """The names owning the documents of a mention, in order ("Strava", "ClassPass")."""
    return [match.group(1) for match in _OWNER.finditer(mention)]


def _next_issuer(item: Found, issuer: tuple[int, Resolved] | None, could_issue: bool) -> tuple[int, Resolved] | None:
    """Who "the report" speaks for after this statement: its speaker when one that issues reports,
    the same issuer when this statement is already theirs ("Both reports highlighted ...")."""
    if issuer is not None and item.speaker is not None and item.speaker.name == issuer[1].name:
        return item.raw.cue[0], issuer[1]
    if item.speaker is not None and item.speaker.name is None and item.speaker.kind == "document":
        owners = _owners(item.speaker.description or "")  # "Both Strava's and ClassPass's reports"
        return (item.raw.cue[0], Resolved(owners[-1], "explicit", "organisation", None)) if owners else issuer
    return (item.raw.cue[0], item.speaker) if could_issue and item.speaker is not None else None


def _named_by_pronoun(item: Found, issuer: tuple[int, Resolved] | None) -> Resolved | None:
    """'… the Swedish Prosecution Authority said. "…," it added.': "it" or "they" as a speaker
    right after an organisation spoke is that organisation."""
    speaker, span = item.speaker, item.raw.speaker_head
    if speaker is None or speaker.name is not None or span is None or issuer is None or item.source is not None:
        return None
    if item.text[span[0] : span[1]].lower() not in {"it", "they"}:
        return None
    position, who = issuer
    if item.raw.cue[0] - position > _ISSUER_REACH:
        return None
    return Resolved(who.name, "pronoun", who.kind, who.description)


def _quote_only(sentence: Sentence, text: str) -> bool:
    if not sentence.quotes:
        return False
    start, end = sentence.quotes[0][0], sentence.quotes[-1][1]
    return not text[sentence.start : start].strip() and not text[end : sentence.end].strip(" .")


def _last_quoted(items: list[Found]) -> Found | None:
    """The sentence's last statement whose content is or ends with a quotation ('said: "…'); a
    clause reported after it without quotation marks ('“…,” Clinton said, referencing a super
    PAC') does not take the quotation that follows away from it."""
    for item in reversed(items):
        start, end = item.raw.content
        inside = any(qs <= start and end <= qe for qs, qe in item.sentence.quotes)
        if inside or item.sentence.quote_ending_at(end) is not None:
            return item if item.raw.speaker is not None else None
    return None


def _trim_headline(raw: RawStatement, text: str) -> RawStatement:
    start, end = raw.content
    stop = _HEADLINE_STOP.search(text, start, end)
    if stop is not None and stop.start() > start:
        raw.content = (start, stop.start())
    return raw


def _told_medium(item: Found) -> Channel | None:
    """"told Reuters": the one told is a news medium, so a channel rather than an addressee."""
    raw = item.raw
    if raw.lemma != "tell" or raw.addressee is None:
        return None
    told = item.text[raw.addressee[0] : raw.addressee[1]]
    if not _is_medium(told):
        return None
    return Channel(name=_bare(told), mention=_span(item.text, raw.addressee), cue=_span(item.text, raw.cue))


def _medium_channel(item: Found) -> Channel | None:
    sentence, text = item.sentence, item.text
    if "n" not in text[sentence.start : sentence.end]:
        return None
    content = item.raw.content
    for match in _MEDIUM.finditer(text, sentence.start, sentence.end):
        if content[0] <= match.start() < content[1]:
            continue
        medium, target = match.group("medium"), match.group("target")
        if medium == "interview" and target:
            name = _bare(target)
            return Channel(name=name, mention=_span(text, match.span("target")), cue=_span(text, (match.start(), match.start("target"))))
        name = f"{medium} {match.group('link')} {target}" if target else medium
        return Channel(name=name, mention=_span(text, (match.start("medium"), match.end())), cue=_span(text, (match.start(), match.start("medium"))))
    return None


def _carry_channels(body: list[Found]) -> None:
    """A channel named once holds for the same speaker's next statements, until someone else speaks."""
    current: tuple[str, Channel] | None = None
    for item in body:
        name = _source_of(item).speaker.name if _source_of(item).speaker else None
        if item.relay:
            continue
        if item.parent is not None:
            if current and name == current[0] and item.channel is None:
                item.channel = Channel(name=current[1].name, explicit=False)
            continue
        if item.channel is not None:
            channel = item.channel
            current = (name, channel) if name and channel else None
            continue
        if current and name == current[0]:
            carried = current[1]
            item.channel = Channel(name=carried.name, explicit=False)
        else:
            current = None


def _is_medium(phrase: str) -> bool:
    words = {w.lower().strip(".,") for w in phrase.split()}
    return bool(words & MEDIA_WORDS) or (phrase.isupper() and len(phrase) <= 6)


def _bare(phrase: str) -> str:
    words = phrase.strip().split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def _span(text: str, span: tuple[int, int]) -> Span:
    return Span(start=span[0], end=span[1], text=text[span[0] : span[1]])


def _date(text: str, found: FoundDate | None) -> StatementDate | None:
    if found is None:
        return None
    return StatementDate(
        expression=_span(text, (found.start, found.end)),
        value=found.value,
        precision=found.precision,  # type: ignore[arg-type]
        modifier=found.modifier,
        year_inferred=found.year_inferred,
    )


_WRITTEN_MEDIA = frozenset({"letter", "post", "op-ed", "email", "column", "article", "message"})


def attribution_of(lemma: str, speaker_kind: str, channel: Channel | None) -> str:
    """What a statement attributes, from its cue, its speaker and its channel."""
    if lemma in ATTITUDE_VERBS or lemma in BELIEF_VERBS or lemma.split(" ")[0] in {"express", "voice"}:
        return "belief"
    if lemma in EVIDENCE_VERBS or speaker_kind == "document":
        return "evidence"
    written = channel is not None and channel.name.split(" ")[0].lower() in _WRITTEN_MEDIA
    if lemma in WRITING_VERBS or written:
        return "writing"
    return "speech"


def attributed_prefix(text: str) -> str:
    """The body text attribution reads: all of it up to ``MAX_ATTRIBUTED_CHARS``, else the
    paragraphs that fit (a body that long is a dump, not an article; reading it all would take
    seconds). The prefix keeps every offset valid."""
    if len(text) <= MAX_ATTRIBUTED_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_ATTRIBUTED_CHARS)
    return text[: cut if cut > 0 else MAX_ATTRIBUTED_CHARS]


def _notes(sentence: Sentence) -> tuple[str, ...]:
    if not sentence.cut_from:
        return ()
    return (f"found in a sentence of {sentence.cut_from:,} characters, read in windows of {MAX_SENTENCE_CHARS:,}",)


def _identifier(item: Found) -> str:
    return f"{item.part}:{item.raw.cue[0]}:{item.raw.content[0]}"


def _confidence(item: Found, speaker: Resolved) -> float:
    score = 0.9
    if item.raw.form == "participle" or item.source is not None:
        score -= 0.1
    if speaker.resolution in {"pronoun", "descriptor"}:
        score -= 0.1
    if speaker.name is None:
        score -= 0.15
    if item.raw.lemma in BELIEF_VERBS:
        score -= 0.25
    if item.part != "body":
        score -= 0.1
    if item.raw.continuation_of is not None or item.relay:
        score -= 0.1
    return round(max(score, 0.1), 2)
