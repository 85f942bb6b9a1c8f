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


def test_the_empty_it_before_seem_is_no_piece_of_what_is_reported() -> None:
    statements = [s for s in attribute_article(article_of_lines("It seemed that the ferry company was losing money.")) if s.part == "body"]
    assert [(s.speaker.mention, s.content.text) for s in statements] == [(None, "that the ferry company was losing money")]


def test_a_question_put_at_the_sentence_start_is_what_was_asked_with_no_source() -> None:
    statements = [s for s in attribute_article(article_of_lines("Asked whether he would run again, the mayor said he had not decided.")) if s.part == "body"]
    assert (statements[0].speaker.mention, statements[0].cue.span.text, statements[0].content.text) == (None, "Asked", "whether he would run again")
    assert found("When asked about the ferry, Lowe said, “It will run.”")[1] == ("Lowe", "said", "“It will run.”")


def test_the_asker_named_after_by_is_the_source_of_the_question() -> None:
    assert found("Asked by reporters if the bridge was safe, the engineer nodded.") == [("reporters", "Asked", "if the bridge was safe")]
