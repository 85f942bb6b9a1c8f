"""Statements from the learned tagger's spans, built by the rules engine's own machinery.

The tagger gives cue, source and content spans; the rules engine still resolves the speakers
(:mod:`newsledger.attribute.speakers`), the channels, the dates and the records. The seam is
:meth:`RulesEngine._part`, which turns one text part into raw findings. ``hybrid`` keeps the
rules' findings and adds the tagger's where their cue overlaps no cue of the rules.
"""

from __future__ import annotations

import msgspec

from newsledger.attribute.clauses import RawStatement
from newsledger.attribute.cue_model import load_model
from newsledger.attribute.engine import Found, RulesEngine, _innermost_enclosing
from newsledger.attribute.learned.features import reporting_lemma
from newsledger.attribute.learned.tagger import Attribution, tag_text
from newsledger.attribute.lexicon import CUE_WORDS
from newsledger.attribute.text import Sentence, sentences
from newsledger.deadline import Deadline
from newsledger.model import Article, Statement, TextPart

ENGINE_NAME = "learned-1"


class LearnedEngine(RulesEngine):
    def __init__(
        self,
        article: Article,
        reference: str | None = None,
        deadline: Deadline | None = None,
        *,
        hybrid: bool = False,
    ) -> None:
        # The hybrid's rules are the default rules engine, learned cue detector included.
        super().__init__(article, reference, load_model() if hybrid else None, deadline)
        self.hybrid = hybrid
        self.scores: dict[int, float] = {}  # id of a learned raw statement -> the tagger's score

    def _part(self, part: TextPart, text: str) -> list[Found]:
        if not text.strip():
            return []
        learned = self._learned(part, text)
        if not self.hybrid:
            return learned
        ruled = super()._part(part, text)
        taken = [item.raw.cue for item in ruled]
        added = [
            item for item in learned if not any(s < item.raw.cue[1] and item.raw.cue[0] < e for s, e in taken)
        ]
        return sorted(ruled + added, key=lambda item: (item.raw.cue[0], item.raw.content[0]))

    def _learned(self, part: TextPart, text: str) -> list[Found]:
        if self.deadline is not None:
            self.deadline.check(f"attribute: tagging the {part}")
        found = tag_text(text)
        if not found:
            return []
        units = sentences(text, CUE_WORDS)
        items: list[Found] = []
        for attribution in found:
            number, sentence = _sentence_at(units, attribution.cue[0][0])
            items += self._found(part, text, number, sentence, attribution)
        for item, parent in zip(items, _innermost_enclosing(items), strict=True):
            item.parent = parent
        by_sentence: dict[int, list[Found]] = {}
        for item in items:
            by_sentence.setdefault(item.raw.sentence, []).append(item)
        for group in by_sentence.values():
            self._dates([item for item in group if item.raw.continuation_of is None], text)
        return items

    def _found(
        self, part: TextPart, text: str, number: int, sentence: Sentence, attribution: Attribution
    ) -> list[Found]:
        cue = (attribution.cue[0][0], attribution.cue[-1][1])
        lemma = reporting_lemma(text[cue[0] : cue[1]])
        result = []
        for index, content in enumerate(attribution.content):
            raw = RawStatement(number, cue, lemma, "finite", content)
            if attribution.source:
                raw.speaker = (attribution.source[0][0], attribution.source[-1][1])
                raw.speaker_head, raw.appositive = _head_and_appositive(text, raw.speaker)
            else:
                raw.unnamed_passive = True
            if index:
                raw.continuation_of = number
            self.scores[id(raw)] = attribution.score
            result.append(Found(part, text, sentence, raw))
        return result

    def _statement(self, item: Found) -> Statement:
        statement = super()._statement(item)
        score = self.scores.get(id(item.raw))
        if score is None:
            return statement
        return msgspec.structs.replace(
            statement, engine=ENGINE_NAME, confidence=round(min(max(score, 0.1), 0.95), 2)
        )


def _head_and_appositive(text: str, span: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """ "Richard Roe, director of the institute," -> the name, and the description after its comma."""
    start, end = span
    comma = text.find(",", start, end)
    if comma <= start:
        return span, None
    rest = comma + 1
    while rest < end and text[rest] == " ":
        rest += 1
    stop = end
    while stop > rest and text[stop - 1] in ", ":
        stop -= 1
    return (start, comma), ((rest, stop) if stop > rest else None)


def _sentence_at(units: list[Sentence], position: int) -> tuple[int, Sentence]:
    for number, sentence in enumerate(units):
        if sentence.start <= position < sentence.end:
            return number, sentence
    for number in range(len(units) - 1, -1, -1):
        if units[number].start <= position:
            return number, units[number]
    return 0, units[0]
