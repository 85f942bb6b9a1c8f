"""Quotation structure: mismatched marks and quotations running over several paragraphs."""

from __future__ import annotations

import re

from newsledger.attribute.engine import attribute_article
from newsledger.attribute.text import find_quotes, sentences
from newsledger.model import Article, Block


def _article(text: str) -> Article:
    blocks = tuple(
        Block(kind="paragraph", text=m.group(), start=m.start(), end=m.end())
        for m in re.finditer(r"[^\n]+", text)
    )
    return Article(input_form="text", text=text, blocks=blocks)


def _quoted(text: str) -> list[tuple[str, str | None]]:
    found = []
    for statement in attribute_article(_article(text)):
        pieces = [statement.content] if statement.kind == "direct" else list(statement.fragments)
        found += [(piece.text.strip('“”"’ '), statement.speaker.name) for piece in pieces]
    return found


def test_a_curly_opening_closed_by_doubled_apostrophes_is_one_quotation() -> None:
    text = "“The ferry will not run this winter,’’ the harbour master said."
    assert [text[s:e] for s, e in find_quotes(text, 0, len(text))] == [
        "“The ferry will not run this winter,’’"
    ]


def test_a_straight_opening_closed_by_a_curly_mark_is_one_quotation() -> None:
    text = 'She called it "a plain mistake” and left.'
    assert [text[s:e] for s, e in find_quotes(text, 0, len(text))] == ['"a plain mistake”']


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph_when_the_next_one_opens_a_mark() -> None:
    text = 'Mayor Ines Dahl said on Friday: "We will rebuild the pier.\n"The work starts in spring. Nobody loses a job."\nThe council met later.'
    first = sentences(text)[0]
    assert [text[s:e] for s, e in first.quotes] == ['"We will rebuild the pier.']


def test_an_unclosed_mark_is_no_quotation_when_the_next_paragraph_does_not_open_one() -> None:
    text = 'Mayor Ines Dahl said on Friday: "We will rebuild the pier.\nThe council met later.'
    assert sentences(text)[0].quotes == ()


def test_every_paragraph_of_a_multi_paragraph_quotation_goes_to_its_speaker() -> None:
    text = (
        'Mayor Ines Dahl said on Friday: "We will rebuild the pier.\n'
        '"The work starts in spring and the boats come back by summer.\n'
        '"Nobody in the harbour will lose a job over this."\n'
        "The council met later."
    )
    assert _quoted(text) == [
        ("We will rebuild the pier.", "Ines Dahl"),
        ("The work starts in spring and the boats come back by summer.", "Ines Dahl"),
        ("Nobody in the harbour will lose a job over this.", "Ines Dahl"),
    ]


def test_he_goes_to_the_man_named_last_even_when_his_first_name_tells_no_gender() -> None:
    text = (
        "Senator Brian Holt opened the hearing on the launch budget.\n"
        "Later Tarik Osei, a former flight director, took the floor. "
        "Osei spoke for an hour about the rocket.\n"
        '"We need a bigger booster," he said.'
    )
    assert _quoted(text) == [("We need a bigger booster,", "Tarik Osei")]


def test_a_capitalised_phrase_never_named_again_is_no_antecedent_for_he() -> None:
    text = 'Senator Brian Holt praised the Total Endorsement Program.\n"We need a bigger booster," he said.'
    assert _quoted(text) == [("We need a bigger booster,", "Brian Holt")]


def test_a_clause_adjoined_after_the_attribution_leaves_the_quotation_as_content() -> None:
    text = (
        "“The pier needs a new deck before winter,” Ines Dahl said, although the council has not voted. "
        "“Nobody will lose a job.”"
    )
    assert _quoted(text) == [
        ("The pier needs a new deck before winter,", "Ines Dahl"),
        ("Nobody will lose a job.", "Ines Dahl"),
    ]


def test_a_quotation_standing_alone_after_an_attribution_that_closes_its_sentence() -> None:
    text = 'Harbour master Ines Dahl added. "The deck will hold until spring."\nThe council said:\n"We will vote in May."'
    assert _quoted(text) == [
        ("The deck will hold until spring.", "Ines Dahl"),
        ("We will vote in May.", None),
    ]


def test_a_cue_closing_a_sentence_gives_nothing_without_a_quotation_after_it() -> None:
    assert _quoted("Harbour master Ines Dahl added. The deck will hold until spring.") == []


def test_a_surname_after_an_office_is_a_person_pronouns_can_go_to() -> None:
    text = (
        "Governor Matt Holt lost the race. Mayor Okafor had backed him.\n"
        '"We won the harbour vote," Okafor said before Election Day. "Thank you," he said.'
    )
    assert _quoted(text) == [("We won the harbour vote,", "Okafor"), ("Thank you,", "Okafor")]


def test_a_surname_named_with_an_office_first_takes_the_full_name_given_later() -> None:
    text = 'Mayor Okafor opened the session. Mayor Ada Okafor said: "The pier stays open."\n"It is safe," Okafor said.'
    assert [name for _, name in _quoted(text)] == ["Ada Okafor", "Ada Okafor"]


def test_a_noun_compound_after_the_cue_is_a_circumstance_not_a_clause() -> None:
    text = "“The pier stays open,” Ines Dahl, head of the harbour board, said in a conference call with reporters."
    assert _quoted(text) == [("The pier stays open,", "Ines Dahl")]


def test_a_contracted_pronoun_is_a_pronoun_never_a_name() -> None:
    assert _quoted("I’d call that essay “top heavy” in class.") == []  # the writer's words
    assert _quoted("They’d call that essay “top heavy” in class.") == [("top heavy", None)]


def test_a_quotation_after_the_attribution_and_a_clause_without_marks_continues_the_quotation() -> None:
    text = (
        "“The ferry loses money every winter,” said a harbour official, who declined to be named in the report. "
        "“We cannot run it past October.”"
    )
    cues = [(s.cue.span.text, s.content.text) for s in attribute_article(_article(text))]
    assert cues[-1] == ("said", "“We cannot run it past October.”")


def test_a_quotation_opening_after_a_state_abbreviation_starts_a_sentence() -> None:
    text = "“The pier is safe,” Ines Dahl said in Fresno, Calif. “Our deck was rebuilt in May.”"
    assert [text[s.start : s.end] for s in sentences(text)][-1] == "“Our deck was rebuilt in May.”"
    assert _quoted(text) == [("The pier is safe,", "Ines Dahl"), ("Our deck was rebuilt in May.", "Ines Dahl")]


def test_a_word_opening_sentences_after_a_country_abbreviation_starts_one() -> None:
    text = "The ferry company said it would stop sailing to the U.S. While the council objected, the owner did not."
    parts = [text[s.start : s.end] for s in sentences(text)]
    assert parts == [
        "The ferry company said it would stop sailing to the U.S.",
        "While the council objected, the owner did not.",
    ]
    other = "He moved to a U.S. Army base."
    assert [other[s.start : s.end] for s in sentences(other)] == [other]


def test_a_quotation_opening_on_a_bracket_after_a_period_starts_a_sentence() -> None:
    text = "“The deck is sound,” Ines Dahl said. “[The council] will vote in May.”"
    assert _quoted(text) == [("The deck is sound,", "Ines Dahl"), ("[The council] will vote in May.", "Ines Dahl")]


def test_a_straight_mark_closing_after_a_comma_splits_curly_marks_into_two_quotations() -> None:
    text = '“We will rebuild the pier," Ines Dahl said. "The deck goes first, then the rails.”'
    assert _quoted(text) == [("We will rebuild the pier,", "Ines Dahl"), ("The deck goes first, then the rails.", "Ines Dahl")]
    nested = '“They called the plan "a fantasy" at first,” Ines Dahl said.'
    assert [nested[s:e] for s, e in find_quotes(nested, 0, len(nested))] == ['“They called the plan "a fantasy" at first,”']
