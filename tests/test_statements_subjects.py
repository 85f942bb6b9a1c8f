"""Subjects the rules missed on news they were not tuned on: an adverb between commas, a
participial phrase between subject and cue, a verb's form used as a noun after "of"."""

from __future__ import annotations

import re

from newsledger.attribute.engine import attribute_article
from newsledger.model import Article, Block


def _article(text: str) -> Article:
    blocks = tuple(Block(kind="paragraph", text=m.group(), start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text))
    return Article(input_form="text", text=text, blocks=blocks)


def _found(text: str) -> list[tuple[str, str, str]]:
    """(source mention, cue, content) of each body statement."""
    return [
        (s.speaker.mention.text if s.speaker.mention else "", s.cue.span.text, s.content.text)
        for s in attribute_article(_article(text))
        if s.part == "body"
    ]


def test_an_adverb_between_commas_does_not_hide_the_subject() -> None:
    text = "Harlow, though, said the locks would stay shut."
    assert _found(text) == [("Harlow", "said", "the locks would stay shut")]


def test_a_participial_phrase_between_subject_and_cue_is_stepped_over() -> None:
    text = "Ferry captain Ann Lowe, wearing a coat covered in badges, said she would sail at dawn."
    assert _found(text) == [("Ferry captain Ann Lowe", "said", "she would sail at dawn")]


def test_a_verb_form_after_of_is_a_noun_of_the_subject() -> None:
    text = "The minister of state said the border would reopen."
    assert _found(text) == [("The minister of state", "said", "the border would reopen")]


def test_an_auxiliary_contracted_onto_a_pronoun_belongs_to_the_cue() -> None:
    assert _found("She’d argued that the locks would fail.") == [("She", "’d argued", "that the locks would fail")]
    assert _found("They're saying the ferry will stop in May.") == [("They", "'re saying", "the ferry will stop in May")]


def test_a_possessive_is_no_contracted_auxiliary() -> None:
    text = "The mayor’s plan will fail, the keeper said."
    assert _found(text) == [("the keeper", "said", "The mayor’s plan will fail")]
