"""Content in pieces around its attribution: a clause split by the attribution set inside it,
a relative clause holding its attribution, a clause going on after a postposed attribution."""

from __future__ import annotations

from tests.statementkit import article_of_lines, found

from newsledger.attribute.engine import attribute_article


def test_a_verb_form_used_as_a_noun_does_not_stop_the_split_clause() -> None:
    text = "Acts of protest, the mayor said, are part of the town's history."
    assert found(text) == [
        ("the mayor", "said", "Acts of protest"),
        ("the mayor", "said", "are part of the town's history"),
    ]


def test_a_relative_pronoun_before_the_attribution_opens_the_content() -> None:
    text = "The council approved the bridge, which the engineer said would open in May."
    assert ("the engineer", "said", "which") in found(text)
    assert ("the engineer", "said", "would open in May") in found(text)


def test_a_clause_going_on_after_the_attribution_is_said_too() -> None:
    text = "The ferry has lost money all summer, the owner said, since most tourists took the new bridge."
    assert found(text) == [
        ("the owner", "said", "The ferry has lost money all summer"),
        ("the owner", "said", "since most tourists took the new bridge"),
    ]


def test_after_a_quotation_only_a_rest_with_a_quotation_of_its_own_is_said() -> None:
    assert found("“We will sail at dawn,” the captain said, and then she left the quay.") == [
        ("the captain", "said", "“We will sail at dawn,”"),
    ]
    assert found("The crew “slept on deck,” the captain said, and still “kept the watch.”") == [
        ("the captain", "said", "The crew “slept on deck,”"),
        ("the captain", "said", "and still “kept the watch.”"),
    ]


def test_seem_and_appear_report_how_things_look_with_no_source() -> None:
    statements = [s for s in attribute_article(article_of_lines("The ferry company seemed to be losing money all summer.")) if s.part == "body"]
    assert [(s.speaker.mention, s.content.text) for s in statements] == [
        (None, "The ferry company"),
        (None, "to be losing money all summer"),
    ]


def test_a_raised_passive_of_expecting_or_believing_reports_its_subject_with_no_source() -> None:
    assert found("The ferry tender is widely expected to go to a local firm.") == [
        ("", "is widely expected", "The ferry tender"),
        ("", "is widely expected", "to go to a local firm"),
    ]
    assert found("The old pier was not thought to be safe after the storm.")[0][1:] == ("was not thought", "The old pier")
    assert found("The harbour master was asked to leave the meeting.") == []
    assert found("The harbour master was told to wait outside.") == []


def test_a_paragraph_set_apart_after_a_cue_and_a_colon_is_what_was_announced() -> None:
    text = "The ferry ran late again.\nThe harbour master added:\nWe will fix the engines. The timetable stays.\nThe pier closed at six."
    assert found(text) == [("The harbour master", "added", "We will fix the engines. The timetable stays.")]
    assert found(text.replace("added:", "added.")) == []


def test_the_empty_it_before_seem_is_no_piece_of_what_is_reported() -> None:
    statements = [s for s in attribute_article(article_of_lines("It seemed that the ferry company was losing money.")) if s.part == "body"]
    assert [(s.speaker.mention, s.content.text) for s in statements] == [(None, "that the ferry company was losing money")]


def test_a_question_put_at_the_sentence_start_is_what_was_asked_with_no_source() -> None:
    statements = [s for s in attribute_article(article_of_lines("Asked whether he would run again, the mayor said he had not decided.")) if s.part == "body"]
    assert (statements[0].speaker.mention, statements[0].cue.span.text, statements[0].content.text) == (None, "Asked", "whether he would run again")
    assert found("When asked about the ferry, Lowe said, “It will run.”")[1] == ("Lowe", "said", "“It will run.”")


def test_the_asker_named_after_by_is_the_source_of_the_question() -> None:
    assert found("Asked by reporters if the bridge was safe, the engineer nodded.") == [("reporters", "Asked", "if the bridge was safe")]


def test_the_one_asked_in_a_passive_is_no_source_of_the_question() -> None:
    assert found("The skipper was asked whether the ferry would run.") == [("", "was asked", "whether the ferry would run")]
    assert found("The skipper was asked by the harbour master, “Will the ferry run?”") == [
        ("the harbour master", "was asked", "“Will the ferry run?”"),
    ]
    assert found("The skipper was asked to leave the pier.") == []


def test_a_name_given_in_an_aside_has_no_source() -> None:
    assert found("The ferry bill, known as the Island Link Act, was passed by the council.") == [("", "known as", "the Island Link Act")]
    assert found("The corner shops, known as “konbini” in Japan, stay open all night.") == []
