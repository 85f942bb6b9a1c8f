"""What a statement attributes (speech, writing, belief, evidence) and what kind of speaker
holds it, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsledger.attribute import attribute
from newsledger.model import Article, Block, DateField, Evidence, Statement


def _statements(text: str) -> tuple[Statement, ...]:
    block = Block(kind="paragraph", text=text, start=0, end=len(text))
    published = DateField(value="2026-01-10", evidence=Evidence(source="computed"))
    return attribute(Article(input_form="text", text=text, blocks=(block,), published=published))


def _only(text: str) -> Statement:
    statements = _statements(text)
    assert len(statements) == 1, [s.cue.span.text for s in statements]
    return statements[0]


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "New polls show that the senator leads in the northern counties.",
            "New polls",
            "show",
            "that the senator leads in the northern counties",
        ),
        (
            "The audit found that the agency had lost track of its trucks.",
            "The audit",
            "found",
            "that the agency had lost track of its trucks",
        ),
        (
            "A Harbor Institute survey found most tenants pay more than half their income in rent.",
            "A Harbor Institute survey",
            "found",
            "most tenants pay more than half their income in rent",
        ),
    ],
)
def test_evidence_speaks_through_its_documents(sentence, speaker, cue, content):
    statement = _only(sentence)
    assert (statement.speaker.mention.text, statement.cue.span.text, statement.content.text) == (
        speaker,
        cue,
        content,
    )
    assert statement.attribution == "evidence"
    assert statement.speaker.kind == ("organisation" if "Harbor" in sentence else "document")


def test_a_named_survey_speaks_for_its_issuer_and_an_unnamed_study_has_none():
    assert _only("A Harbor Institute survey found most tenants pay too much.").speaker.name == "Harbor Institute"
    study = _only("The study found that most tenants pay too much.")
    assert study.speaker.name is None and study.speaker.resolution == "unnamed"


@pytest.mark.parametrize(
    "sentence",
    [
        "He found his keys under the desk.",  # finding is no evidence without a document or a clause
        "The talk show ended early.",  # a noun
        "The mayor showed the visitors around the harbour.",
    ],
)
def test_finding_and_showing_are_no_statement_without_a_document_or_a_clause(sentence):
    assert _statements(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The governor hopes to win the primary in March.", "hopes", "to win the primary in March"),
        (
            "Democrats fear that the bill will fail in the Senate.",
            "fear",
            "that the bill will fail in the Senate",
        ),
        (
            "Nadia Petrova expressed optimism that the talks would succeed.",
            "expressed optimism",
            "that the talks would succeed",
        ),
        (
            "The union voiced concern that the plant would close.",
            "voiced concern",
            "that the plant would close",
        ),
        ("Most economists believe that rates will fall.", "believe", "that rates will fall"),
    ],
)
def test_beliefs_and_hopes_are_attributed_as_beliefs(sentence, cue, content):
    statement = _only(sentence)
    assert (statement.cue.span.text, statement.content.text) == (cue, content)
    assert statement.attribution == "belief"


def test_a_belief_verb_without_a_clause_is_no_statement():
    assert _statements("They believe in the project.") == ()
    assert _statements("Residents fear the river.") == ()


def test_writing_by_its_verb_or_its_channel():
    assert _only("Nadia Petrova wrote that the plan had failed.").attribution == "writing"
    assert _only('"We will win," Tom Baker tweeted on Monday.').attribution == "writing"
    assert _only("Tom Baker emailed that the vote was postponed.").attribution == "writing"
    letter = _only("In a letter to lawmakers, Tom Baker said the budget was balanced.")
    assert letter.attribution == "writing" and letter.channel is not None


def test_speech_stays_speech():
    assert _only('"The dam is safe," the engineer said on Tuesday.').attribution == "speech"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Democrats said that the vote was rigged.", "group"),
        ("Officials said that the road would reopen.", "group"),
        ("Reuters reported that the talks had stalled.", "medium"),
        ("The Harbor Times reported that the talks had stalled.", "medium"),
        ("The Transport Ministry said that the road would reopen.", "organisation"),
        ("Nadia Petrova said that the road would reopen.", "person"),
        ("The survey found that the road would reopen.", "document"),
    ],
)
def test_speakers_are_typed(sentence, kind):
    assert _only(sentence).speaker.kind == kind


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # first names that look like nationalities stay in the name
        ('"The water vapour is real," planetary scientist Avi Mandell said.', "Avi Mandell"),
        ('"We played hard," Ryan Suter said after the game.', "Ryan Suter"),
        ('"Nothing changed," said Dominic Raab, the foreign secretary.', "Dominic Raab"),
        # job words before a name are a description, not the name
        ('"It is about meaning," Lead Planner Erica Vanco said.', "Erica Vanco"),
        ('"We pray for them," White House Press Secretary Stephanie Grisham said.', "Stephanie Grisham"),
        ('"It works," InfoNation President Dan McDowell said.', "Dan McDowell"),
        ('"Listen first," said Co-Founder Stephanie Özcan.', "Stephanie Özcan"),
        # an organisation keeps its nationality
        (
            '"The evidence has weakened," the Swedish Prosecution Authority said.',
            "Swedish Prosecution Authority",
        ),
    ],
)
def test_the_full_name_without_titles(sentence, name):
    assert _only(sentence).speaker.name == name


def test_a_surname_resolves_to_the_full_name_given_earlier():
    statements = _statements('Planetary scientist Avi Mandell led the study. "It is water," Mandell said.')
    assert statements[-1].speaker.name == "Avi Mandell"


def test_a_pronoun_never_resolves_to_a_date_or_a_product():
    # a name of unknown gender, so that "he" falls back on the latest name of any gender
    text = 'Sam Ortiz spoke before Election Day. "We will win," he said. The SLS Block 1B rocket flew. "It is late," he said.'
    assert [statement.speaker.name for statement in _statements(text)] == ["Sam Ortiz", "Sam Ortiz"]


def test_a_date_is_never_a_speaker():
    statement = _only("Black Friday said that prices would fall.")
    assert statement.speaker.name is None and statement.speaker.kind == "unknown"


def test_a_capitalised_document_noun_is_no_name():
    statement = _only("Studies show that frozen vegetables are as nutritious as fresh ones.")
    assert (statement.speaker.name, statement.speaker.kind, statement.attribution) == (
        None,
        "document",
        "evidence",
    )


def test_the_end_of_a_full_name_is_that_person():
    text = (
        "Joy Harden Bradford, a psychologist, hosts a podcast. Later Ms. Harden Bradford spoke again. "
        '"Giving people something is better," Harden Bradford said.'
    )
    assert _statements(text)[-1].speaker.name == "Joy Harden Bradford"


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        ("In a Marist College poll released Monday, 48 percent of voters backed the levy.", "a Marist College poll released Monday", "48 percent of voters backed the levy"),
        ("In the latest county survey, conducted in March, most renters favoured the cap.", "the latest county survey, conducted in March", "most renters favoured the cap"),
    ],
)
def test_a_sentence_opened_by_in_and_a_poll_reports_what_the_poll_found(sentence, speaker, content):
    statement = next(s for s in _statements(sentence) if s.cue.span.text == "In")
    assert (statement.speaker.mention.text, statement.content.text) == (speaker, content)


@pytest.mark.parametrize(
    "sentence",
    ["In the hope of a deal, the two sides met again on Sunday.", "In the wake of the harbour report, the council closed the pier."],
)
def test_in_without_a_poll_is_no_cue(sentence):
    assert not any(s.cue.span.text == "In" for s in _statements(sentence))


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        ("The senator has made it clear that she will not run again.", "The senator", "has made it clear", "that she will not run again"),
        ("Officials made clear on Tuesday they would keep the bridge closed.", "Officials", "made clear", "on Tuesday they would keep the bridge closed"),
        ("The governor has made no secret of her doubts about the toll road.", "The governor", "has made no secret of", "her doubts about the toll road"),
    ],
)
def test_making_clear_states_what_follows(sentence, speaker, cue, content):
    statement = _only(sentence)
    assert (statement.speaker.mention.text, statement.cue.span.text) == (speaker, cue)
    assert statement.content.text.endswith(content.split(" ", 2)[-1])


@pytest.mark.parametrize(
    "sentence",
    ["The board was faulted for failing to make clear how the fund was spent.", "The rules were made clear to every tenant.", "She made it clear enough.", "It was no secret that the plan failed."],
)
def test_make_clear_in_an_infinitive_a_passive_or_without_a_clause_is_no_cue(sentence):
    assert not any("clear" in s.cue.span.text or "secret" in s.cue.span.text for s in _statements(sentence))
