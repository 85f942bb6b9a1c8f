"""Span rules read off news the rules were not tuned on: a verb's prepositional object, initials
inside a speaker's name."""

from __future__ import annotations

from tests.statementkit import found

from newsledger.attribute.text import split_sentences


def test_the_preposition_taking_the_verbs_object_joins_the_cue() -> None:
    text = "The harbour master warned of the dangers of thin ice on the lake."
    assert found(text) == [("The harbour master", "warned of", "the dangers of thin ice on the lake")]


def test_the_object_after_the_preposition_is_no_addressee() -> None:
    text = "The ferry union agreed with the council about the winter timetable."
    assert found(text) == [("The ferry union", "agreed with", "the council about the winter timetable")]


def test_a_day_after_the_preposition_is_a_circumstance_not_an_object() -> None:
    text = "The keeper warned on Tuesday that the pond would freeze."
    assert found(text) == [("The keeper", "warned", "that the pond would freeze")]


def test_after_a_verb_of_saying_the_preposition_opens_a_circumstance() -> None:
    text = "The keeper said on the radio that the pond would freeze."
    assert found(text) == [("The keeper", "said", "that the pond would freeze")]


def test_initials_inside_a_name_end_no_sentence() -> None:
    text = "“The dam will hold,” said Rep. J.K. Farrow of the water board. “It was built to last.”"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "“The dam will hold,” said Rep. J.K. Farrow of the water board.",
        "“It was built to last.”",
    ]
    speakers = {speaker for speaker, _, _ in found(text)}
    assert speakers == {"Rep. J.K. Farrow of the water board"}


def test_initials_before_a_word_opening_a_sentence_end_it() -> None:
    text = "The mill stands in Carrboro, N.C. The owners sold it in May."
    assert [text[s:e] for s, e in split_sentences(text)] == ["The mill stands in Carrboro, N.C.", "The owners sold it in May."]


def test_an_initial_inside_an_appositive_keeps_the_rest_of_the_name() -> None:
    text = "“The tide is late,” said Ann Lowe, who sailed with Captain Mark T. Ellis. “It will turn by noon.”"
    speakers = {speaker for speaker, _, _ in found(text)}
    assert speakers == {"Ann Lowe, who sailed with Captain Mark T. Ellis"}


def test_a_relative_clause_reporting_words_of_its_own_is_left_out_of_the_speaker() -> None:
    text = "“The dam will hold,” said Ann Lowe, who told reporters last week that it was safe."
    assert ("Ann Lowe", "said", "“The dam will hold,”") in found(text)


def test_a_relative_clause_describing_the_speaker_stays_in_the_speaker() -> None:
    text = "Ann Lowe, who runs the dam, said the town should move."
    assert [speaker.rstrip(",") for speaker, _, _ in found(text)] == ["Ann Lowe, who runs the dam"]
