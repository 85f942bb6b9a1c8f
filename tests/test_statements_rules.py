"""The attribution rules on small articles written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger import extract
from newsledger.attribute import attribute
from newsledger.attribute.dates import Reference, find_dates, parse_reference
from newsledger.attribute.lexicon import VERB_FORM_LEMMA, inflections
from newsledger.attribute.text import sentences, tokenize
from newsledger.errors import AttributionError
from newsledger.model import Article, Block, DateField, Evidence, Image, TextField


def article(*paragraphs: str, published: str | None = "2026-03-10", headline: str | None = None, caption: str | None = None) -> Article:
    text = "\n\n".join(paragraphs)
    blocks, offset = [], 0
    for paragraph in paragraphs:
        blocks.append(Block(kind="paragraph", text=paragraph, start=offset, end=offset + len(paragraph)))
        offset += len(paragraph) + 2
    evidence = Evidence(source="computed")
    return Article(
        input_form="text",
        text=text,
        blocks=tuple(blocks),
        published=DateField(value=published, evidence=evidence) if published else None,
        headline=TextField(value=headline, evidence=evidence) if headline else None,
        lead_image=Image(caption=caption, evidence=evidence) if caption else None,
    )


def only(statements, cue: str):
    found = [s for s in statements if s.cue.span.text == cue]
    assert len(found) == 1, [s.cue.span.text for s in statements]
    return found[0]


# --------------------------------------------------------------------------- lexicon and text


def test_reporting_verbs_are_inflected():
    assert inflections("say") == ("say", "says", "said", "said", "saying")
    assert set(inflections("urge")) == {"urge", "urges", "urged", "urging"}
    assert set(inflections("deny")) == {"deny", "denies", "denied", "denying"}
    assert inflections("point to")[2] == "pointed to"
    assert VERB_FORM_LEMMA["acknowledging"] == "acknowledge"
    assert VERB_FORM_LEMMA["alleging"] == "allege"


def test_tokens_keep_offsets_and_abbreviations():
    text = "Mr. Smith said the U.S. economy grew 3.5% in Jan. “Fine,” he said."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:2] == ["Mr.", "Smith"]
    assert "U.S." in [t.text for t in tokens] and "3.5" in [t.text for t in tokens]


def test_sentences_do_not_break_inside_quotations_or_after_titles():
    text = "“We will win. We always do,” Gov. Adams said. Others disagreed.\nA new line starts here."
    spans = [text[s.start : s.end] for s in sentences(text)]
    assert spans == ["“We will win. We always do,” Gov. Adams said.", "Others disagreed.", "A new line starts here."]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("phrase", "reference", "value", "precision", "modifier", "inferred"),
    [
        ("on January 19", "2026-01", "2026-01-19", "day", None, True),
        ("in late December", "2026-01", "2025-12", "month", "late", True),
        ("in March 2023", "2026-01", "2023-03", "month", None, False),
        ("on Dec. 30", "2026-01-04", "2025-12-30", "day", None, True),
        ("on January 19", "2025-12-14", "2026-01-19", "day", None, True),
        ("on Tuesday", "2026-03-12", "2026-03-10", "day", None, False),
        ("in early 2024", "2026-01", "2024", "year", "early", False),
        ("on 5 May 2021", None, "2021-05-05", "day", None, False),
    ],
)
def test_dates_resolve_against_the_reference(phrase, reference, value, precision, modifier, inferred):
    found = find_dates(phrase, 0, len(phrase), parse_reference(reference))
    assert len(found) == 1
    assert (found[0].value, found[0].precision, found[0].modifier, found[0].year_inferred) == (value, precision, modifier, inferred)
    assert phrase[found[0].start : found[0].end] == phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "since June 2", "by 3 June", "from July 4", "until Aug. 1", "as of May 2", "before Sept. 9",
        "after Oct. 10", "during November 2020", "earlier Friday", "later this morning", "the end of April",
        "the middle of 2018", "mid-2017", "yesterday", "today", "last night", "this morning", "Wednesday",
        "Saturday", "Sunday", "19 January",
    ],
)
def test_every_opening_of_a_date_is_read_from_its_first_word(phrase):
    sentence = f"It happened {phrase}, she said."
    found = find_dates(sentence, 0, len(sentence), Reference(2026, 3, 12))
    assert [sentence[date.start : date.end] for date in found] == [phrase]


def test_the_modal_may_is_not_a_month():
    text = "She may resign, he said."
    assert find_dates(text, 0, len(text), Reference(2026, 3, 10)) == []


# --------------------------------------------------------------------------- statements


def test_quotation_before_the_attribution_and_its_continuation():
    statements = attribute(article("“We are not done,” said Anna Berg, the mayor of Tarnow. “The work starts now.”"))
    first, second = statements
    assert first.kind == "direct" and first.content.text == "“We are not done,”"
    assert first.speaker.name == "Anna Berg" and first.speaker.description == "the mayor of Tarnow"
    assert second.content.text == "“The work starts now.”" and second.speaker.name == "Anna Berg"
    assert second.cue == first.cue


def test_postposed_indirect_attribution_with_unnamed_source():
    statement = only(attribute(article("The bridge will close for repairs in June, officials said on Monday.")), "said")
    assert statement.content.text == "The bridge will close for repairs in June"
    assert (statement.speaker.name, statement.speaker.resolution, statement.speaker.mention.text) == (None, "unnamed", "officials")
    assert statement.date.value == "2026-03-09"


def test_according_to_alone_is_the_source():
    statement = only(attribute(article("According to the city council, the budget grew by a tenth.")), "According to")
    assert statement.speaker.mention.text == "the city council"
    assert statement.content.text == "the budget grew by a tenth"


def test_told_a_news_agency_is_a_channel_and_told_people_an_addressee():
    statements = attribute(article(
        "Minister Pavel Horak told Reuters that talks would resume.",
        "Horak told lawmakers that the plan was sound.",
    ))
    reuters = statements[0]
    assert reuters.channel.name == "Reuters" and reuters.addressee is None
    assert reuters.content.text == "that talks would resume"
    lawmakers = statements[1]
    assert lawmakers.addressee.name == "lawmakers" and lawmakers.speaker.name == "Pavel Horak"
    assert lawmakers.speaker.resolution == "surname"


def test_letter_is_a_channel():
    statement = attribute(article("Jonas Lind said in a letter to EU officials that the rules were unfair."))[0]
    assert statement.channel.name == "letter to EU officials"
    assert statement.content.text == "that the rules were unfair"


def test_pronouns_follow_gender_and_recency():
    statements = attribute(article(
        "Maria Novak met Peter Kral on Monday.",
        "She said the meeting went well. He said it was too short.",
    ))
    assert [s.speaker.name for s in statements] == ["Maria Novak", "Peter Kral"]
    assert {s.speaker.resolution for s in statements} == {"pronoun"}


def test_a_description_resolves_to_the_person_it_described():
    statements = attribute(article(
        "Jailed opposition leader Omar Haddad sent a message from prison.",
        "The jailed leader said he would not give up.",
    ))
    statement = only(statements, "said")
    assert (statement.speaker.name, statement.speaker.resolution) == ("Omar Haddad", "descriptor")


def test_participles_and_coordinated_verbs_share_the_subject():
    statements = attribute(article("Lena Fischer said prices would rise, adding that wages would not, and warned that rents were next."))
    assert [s.cue.lemma for s in statements] == ["say", "add", "warn"]
    assert {s.speaker.name for s in statements} == {"Lena Fischer"}
    assert statements[0].content.text == "prices would rise"


def test_caption_speech_event_and_background_are_not_statements():
    statements = attribute(article(
        "The river has flooded twice since 2019, a pattern that prompted new rules.",
        caption="Mayor Anna Berg speaks during a press conference in Tarnow on March 3, 2026.",
        headline="Tarnow Mayor Says Flood Rules Will Stay",
    ))
    assert [s.part for s in statements] == ["headline"]
    assert statements[0].content.text == "Flood Rules Will Stay"


def test_headline_offsets_index_the_headline():
    headline = "Mayor Warns of Higher Fees as Budget Shrinks"
    statements = attribute(article("Anna Berg, the mayor, said fees would rise.", headline=headline))
    top = statements[0]
    assert top.part == "headline" and headline[top.content.start : top.content.end] == top.content.text


def test_unknown_engine_is_a_typed_error():
    with pytest.raises(AttributionError, match="unknown attribution engine"):
        attribute(article("Anything."), engine="nope")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abc XYZ,.“”\"'said told according to:—\n")), max_size=80), min_size=1, max_size=4))
def test_no_text_crashes_the_engine_and_spans_index_the_text(paragraphs):
    item = article(*paragraphs)
    for statement in attribute(item):
        for span in (statement.content, statement.cue.span):
            assert item.text[span.start : span.end] == span.text


def test_a_quotation_split_by_an_inverted_attribution():
    statements = attribute(article("“The plan is ready,” said Jonas Lind, a planner, “and it will work.”"))
    assert [s.content.text for s in statements] == ["“The plan is ready,”", "“and it will work.”"]
    assert {s.speaker.name for s in statements} == {"Jonas Lind"}


def test_a_role_with_the_name_in_apposition_names_the_speaker():
    statement = attribute(article("His campaign manager, Jeff Weaver, says the gap can still close."))[0]
    assert (statement.speaker.name, statement.speaker.description) == ("Jeff Weaver", "His campaign manager")


def test_relative_pronoun_speaks_for_the_noun_before_it():
    statement = attribute(article("The story was broken by Gabriel Sherman, who reported that the network paid."))[0]
    assert (statement.speaker.mention.text, statement.speaker.name, statement.speaker.resolution) == ("who", "Gabriel Sherman", "pronoun")


def test_titles_and_places_before_a_name_stay_out_of_it():
    statement = attribute(article("On Nov. 15, former U.S. ambassador to Ukraine Marie Novak said the plan failed."))[0]
    assert statement.speaker.mention.text == "former U.S. ambassador to Ukraine Marie Novak"
    assert statement.speaker.name == "Marie Novak"
    assert statement.content.text == "the plan failed"


def test_an_adverbial_before_a_subject_is_not_content():
    assert attribute(article("On Monday, the minister testified before the committee.")) == ()


@pytest.mark.parametrize(
    ("phrase", "reference"),
    [
        ("said on July 30", "9999-12-31"),
        ("said in July", "9999-01-01"),
        ("said on Monday", "0001-01-01"),
        ("said yesterday", "0001-01-01"),
        ("said in December", "0001-01-01"),
    ],
)
def test_a_reference_at_the_edge_of_the_calendar_resolves_only_dates_inside_it(phrase, reference) -> None:
    for found in find_dates(phrase, 0, len(phrase), parse_reference(reference)):
        assert "0001" <= found.value[:4] <= "9999"


def test_copied_text_dated_in_the_last_year_of_the_calendar_attributes_without_raising() -> None:
    article = extract("Jul Call\nh9999-01-01\nT s d s a $ m , r o h t s f l , d n e m", form="text")
    attribute(article)
