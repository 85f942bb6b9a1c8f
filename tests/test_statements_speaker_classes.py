"""Who said a quotation, class by class, on sentences written for these tests."""

from __future__ import annotations

import re

from newsledger.attribute.engine import attribute_article
from newsledger.model import Article, Block, Statement


def _article(text: str) -> Article:
    blocks = tuple(
        Block(kind="paragraph", text=m.group(), start=m.start(), end=m.end())
        for m in re.finditer(r"[^\n]+", text)
    )
    return Article(input_form="text", text=text, blocks=blocks)


def _statements(text: str) -> list[Statement]:
    return list(attribute_article(_article(text)))


def _quoted(text: str) -> list[tuple[str, str | None]]:
    found = []
    for statement in _statements(text):
        pieces = [statement.content] if statement.kind == "direct" else list(statement.fragments)
        found += [(piece.text.strip('“”"’ ,.'), statement.speaker.name) for piece in pieces]
    return found


def test_the_one_told_after_a_long_aside_is_the_channel_not_the_speaker() -> None:
    text = (
        "“The timetable was never realistic,” Marta Lindqvist, head of the independent rail "
        "passengers’ council, told the BBC. “Nobody asked the drivers.”"
    )
    statements = _statements(text)
    assert [(s.speaker.name, s.kind) for s in statements] == [("Marta Lindqvist", "direct")] * 2
    assert statements[0].channel is not None and statements[0].channel.name == "BBC"


def test_the_one_told_after_a_postposed_quotation_is_the_addressee() -> None:
    [statement] = _statements("“We start again on Monday,” the coach told his players.")
    assert statement.kind == "direct"
    assert statement.addressee is not None and statement.addressee.name == "his players"


def test_a_quotation_standing_after_a_sentence_about_a_named_person_is_theirs() -> None:
    text = (
        "Councillor Rosa Brandt first met the residents in March.\n"
        "Brandt returned to the question of rents later in the evening. “Who will pay for the new roofs?”\n"
        "Pieter Olsen, earlier in the meeting, was firm about the schedule. “The roofs come first.”"
    )
    assert _quoted(text) == [
        ("Who will pay for the new roofs?", "Rosa Brandt"),
        ("The roofs come first", "Pieter Olsen"),
    ]


def test_a_quotation_standing_after_an_indirect_statement_continues_it() -> None:
    text = "At the current pace, Olsen said, the pier will open in May. “Anything sooner would be a gamble.”"
    assert _quoted(text) == [("Anything sooner would be a gamble", "Olsen")]


def test_a_quotation_standing_after_a_sentence_about_a_thing_has_no_speaker() -> None:
    text = "The new pier has been a key part of the town plan. “It is far too costly.”"
    assert _quoted(text) == []


def test_a_quotation_opening_the_next_paragraph_is_not_the_previous_subject_s() -> None:
    text = "Olsen returned to the question later.\n“It is far too costly.”"
    assert _quoted(text) == []


def test_titles_of_councils_courts_and_churches_are_no_part_of_the_name() -> None:
    text = (
        "Councillor Rosa Brandt said the roofs come first. Detective Inspector Joe Marsh said the "
        "street was closed. Archbishop Teodor Varga said the bells would ring."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Rosa Brandt", "Joe Marsh", "Teodor Varga"]


def test_a_name_after_the_office_of_its_title_loses_the_office() -> None:
    text = (
        "Deputy Director of Public Housing Ana-Lucia Ferreira said the flats would be sold. "
        "Ms Ferreira said: “Nobody will be moved out before spring.”"
    )
    assert [s.speaker.name for s in _statements(text)] == ["Ana-Lucia Ferreira"] * 2


def test_an_institution_named_with_of_keeps_its_whole_name() -> None:
    text = (
        "The Royal College of Veterinary Surgeons said the rules would change. "
        "The town's Office of the Harbour Master said the quay stays shut."
    )
    assert [(s.speaker.name, s.speaker.kind) for s in _statements(text)] == [
        ("Royal College of Veterinary Surgeons", "organisation"),
        ("Office of the Harbour Master", "organisation"),
    ]


def test_a_document_speaks_for_its_named_issuer() -> None:
    text = (
        "“Ferry use doubled in the summer,” the Harbour Trust report explained. "
        "Kestrel Bikes’ statement said the shop would stay open."
    )
    assert [(s.speaker.name, s.speaker.kind) for s in _statements(text)] == [
        ("Harbour Trust", "organisation"),
        ("Kestrel Bikes", "organisation"),
    ]


def test_a_report_without_an_issuer_is_the_organisation_just_reported_speaking() -> None:
    text = (
        "Kestrel Bikes noted that rentals rose by half.\n"
        "“Riders now stay out for longer,” the report stated.\n"
        "Mayor Ana Ruiz said the budget was tight. “Spending rose by a third,” the report stated."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Kestrel Bikes", "Kestrel Bikes", "Ana Ruiz", None]


def test_several_issuers_make_no_single_speaker() -> None:
    [statement] = _statements("The Kestrel and Harbour Trust reports showed that rentals rose.")
    assert statement.speaker.name is None


def test_the_writer_and_the_reader_quote_no_one() -> None:
    text = (
        "I often tell my students: “Write less, and read more.”\n"
        "I’d call that draft “top heavy.”\n"
        "If you are telling the shop “This is the price,” it listens.\n"
        "“I said, ‘Bring the boats in,’” the harbour master recalled."
    )
    assert _quoted(text) == [("I said, ‘Bring the boats in", None)]
    assert [s.kind for s in _statements(text)][:3] == ["indirect"] * 3


def test_the_share_of_a_poll_chose_its_words_and_said_none() -> None:
    [statement] = _statements("Fifty-one percent say that “the council should resign.”")
    assert statement.kind == "indirect" and statement.fragments == ()


def test_a_quotation_goes_to_the_outer_speaker_unless_the_outer_one_only_relays() -> None:
    text = (
        "Ana Ruiz said that after a review the ministry had concluded the pier was “not, in itself, unsafe”.\n"
        "“We start on Monday,” she told the crews, according to a statement."
    )
    assert _quoted(text) == [("not, in itself, unsafe", "Ana Ruiz"), ("We start on Monday", "Ana Ruiz")]


def test_a_pronoun_after_a_quotation_never_means_a_name_inside_it() -> None:
    text = (
        "Tom Stafford answered the committee first.\n"
        "“With eight launches, I have to side with Mr. Cooke: the odds fall to a half,” he concluded."
    )
    assert _quoted(text) == [("With eight launches, I have to side with Mr. Cooke: the odds fall to a half", "Tom Stafford")]


def test_it_or_they_right_after_an_organisation_spoke_is_that_organisation() -> None:
    text = (
        "The decision is final, the Maritime Safety Authority said.\n"
        "“Repairs will take at least a year,” it added.\n"
        "Mayor Ana Ruiz said the town would help. “It is over,” it added."
    )
    assert [s.speaker.name for s in _statements(text)] == [
        "Maritime Safety Authority",
        "Maritime Safety Authority",
        "Ana Ruiz",
        None,
    ]


def test_the_n_year_old_is_the_person_the_article_is_about() -> None:
    text = (
        "Inga Lund has agreed to replace Piotr Nowak as head coach of the rowing club.\n"
        "Nowak left last night after six years. Lund's agents closed the deal on Tuesday.\n"
        "The coach had been out of work since being dismissed by Harbour United in May.\n"
        "The 48-year-old said after her appointment: “I am glad to be back on the water.”"
    )
    assert _quoted(text) == [("I am glad to be back on the water", "Inga Lund")]


def test_the_n_year_old_without_anyone_named_before_is_unnamed() -> None:
    assert _quoted("The 48-year-old said: “I am glad to be back.”") == [("I am glad to be back", None)]


def test_a_participle_after_a_clause_with_an_irregular_verb_belongs_to_the_name_opening_it() -> None:
    text = "Ruiz gave the crews a short talk on Friday, telling them to “keep the faith” for a week."
    assert _quoted(text) == [("keep the faith", "Ruiz")]


def test_a_clause_joined_by_and_after_the_attribution_leaves_the_quotation_as_content() -> None:
    text = "“When the tide turns, the boats go out,” Ana Ruiz says, and that settles the matter."
    assert _quoted(text) == [("When the tide turns, the boats go out", "Ana Ruiz")]


def test_a_quotation_opening_the_next_paragraph_continues_an_indirect_statement() -> None:
    text = "Ana Ruiz said the decision was only the latest setback.\n“They wanted us to give up. We will not.”"
    assert _quoted(text) == [("They wanted us to give up. We will not", "Ana Ruiz")]


def test_a_question_put_to_the_reader_reports_nothing_but_names_like_will_stay() -> None:
    assert _statements("Has your English teacher ever told you “Show, don’t tell?” It is good advice.") == []
    text = "Will Moy said the party misled voters. Can Dundar said the paper would fight."
    assert [s.speaker.name for s in _statements(text)] == ["Will Moy", "Can Dundar"]


def test_a_long_aside_with_a_listed_name_and_said_in_that_statement() -> None:
    text = (
        "“We have built a lighter hull,” Ines Dahl, vice president for boats at Harbour Marine, "
        "Sail, and Rowing, said in that statement."
    )
    assert _quoted(text) == [("We have built a lighter hull", "Ines Dahl")]


def test_an_adverb_after_the_subject_of_the_sentence_before_a_standing_quotation_is_no_name() -> None:
    [statement] = _statements("Ana Ruiz later returned to the subject of rents. “Nothing changes for tenants.”")
    assert (statement.speaker.name, statement.cue.span.text, statement.kind) == ("Ana Ruiz", "returned", "direct")


def test_the_capitalised_words_of_a_heading_are_no_one_a_pronoun_could_mean() -> None:
    text = (
        "What You Can Do Instead\n"
        "Most readers skim. She writes “short lines win” on every draft, the editor said."
    )
    names = {s.speaker.name for s in _statements(text)}
    assert "Can Do Instead" not in names and "Do Instead" not in names


# --------------------------------------------------------------------------- typed speakers


def test_the_labels_of_a_list_of_facts_are_no_speakers() -> None:
    text = (
        "The museum reopens next week after the repairs, and tickets cost less this year.\n"
        "Opening Hours: Nine to five on weekdays\n"
        "Entry Fee: Ten euros for adults\n"
        "Location: The old harbour warehouse"
    )
    assert _statements(text) == []


def test_a_label_in_capitals_is_the_person_the_transcript_introduced() -> None:
    text = (
        "Reporter Jonas Berg spoke with Mayor Ilse Kramer on Friday.\n"
        "BERG: What comes first in the budget?\n"
        "KRAMER: The harbour wall, always."
    )
    assert [(s.speaker.name, s.speaker.kind) for s in _statements(text)] == [
        ("Jonas Berg", "person"),
        ("Ilse Kramer", "person"),
    ]


def test_a_label_the_article_names_nowhere_else_is_a_field_not_a_speaker() -> None:
    text = (
        "We brewed a week of coffee with each machine.\n"
        "Max Brew: Ten cups\n"
        "Carafe: Glass with a steel lid\n"
        "Max Brew: Twelve cups"
    )
    assert _statements(text) == []


def test_a_heading_of_common_words_is_no_one_a_pronoun_could_mean() -> None:
    text = (
        "Seed Storage Tips\n"
        "Keep your seed in jars; the tips below help storage last a winter.\n"
        "“Keep them dry and dark,” she said."
    )
    [statement] = _statements(text)
    assert statement.speaker.name is None and statement.speaker.resolution == "pronoun"


def test_a_capitalised_plural_of_a_common_noun_is_an_unnamed_group() -> None:
    text = "Our testers wore the jacket for a month in the rain.\nTesters noted that the zip was stiff in the cold."
    [statement] = _statements(text)
    assert (statement.speaker.name, statement.speaker.kind) == (None, "group")


def test_an_adverb_opening_a_sentence_is_no_speaker() -> None:
    text = "Highly recommend this tent for anyone who camps highly above the tree line, the guide said."
    assert all(s.speaker.name is None for s in _statements(text))


def test_a_short_acronym_written_like_a_common_word_still_names_its_speaker() -> None:
    text = "Tell us what you think. The US said on Monday that the exchange of prisoners was fair."
    [statement] = _statements(text)
    assert statement.speaker.name is not None and statement.speaker.name.endswith("US")


def test_the_items_of_a_list_laid_out_as_labels_are_no_speakers() -> None:
    text = (
        "We tasted wines from Portugal, Chile and Greece this spring.\n"
        "Portugal: Bright whites from the coast, cheap and fresh.\n"
        "Chile: Dark reds that need a year in the bottle.\n"
        "Greece: Mountain wines that surprised every guest."
    )
    assert _statements(text) == []


def test_in_a_transcript_every_label_in_capitals_speaks() -> None:
    text = (
        "Governor Lena Morrow spoke on the Sunday programme.\n"
        "HOST: Will the bridge open this year?\n"
        "MORROW: It opens in June, as we promised."
    )
    assert [(s.speaker.name, s.content.text) for s in _statements(text)] == [
        ("HOST", "Will the bridge open this year?"),
        ("Lena Morrow", "It opens in June, as we promised"),
    ]


def test_a_name_before_a_noun_modifies_it_and_the_noun_speaks() -> None:
    text = "Mayor Petra Lund opened the fair. Lund supporters said the turnout proved her point."
    [statement] = _statements(text)
    assert (statement.speaker.name, statement.speaker.kind) == ("Lund supporters", "group")
    text = "President Anna Kowal resigned. The Kowal administration said the reforms would continue."
    [statement] = _statements(text)
    assert statement.speaker.name != "Anna Kowal" and statement.speaker.kind == "group"


def test_the_place_after_the_people_who_speak_is_no_speaker() -> None:
    [statement] = _statements("Small traders in Lisbon said the new tax would close their stalls.")
    assert (statement.speaker.name, statement.speaker.kind) == (None, "group")


def test_a_description_before_a_name_gives_the_name_and_words_of_a_sentence_give_none() -> None:
    text = "Chef Anton Varga opened a bistro. Business advisory firm Coldwater said the market was crowded."
    assert [s.speaker.name for s in _statements(text)] == ["Coldwater"]
    text = "Police sealed the road. The FBI said the bridge was safe."
    assert [s.speaker.name for s in _statements(text)] == ["FBI"]


def test_a_pronoun_never_means_a_place_the_article_writes_after_in() -> None:
    text = "Lena Ortiz grew up on a farm in West Virginia. “It made me tough,” she said."
    [statement] = _statements(text)
    assert statement.speaker.name == "Lena Ortiz"


def test_you_and_a_noun_the_article_described_no_one_by_are_no_description_of_a_person() -> None:
    text = "This winter you can find Ada Brook at the rink every morning. You say that the ice is thin."
    assert [s.speaker.name for s in _statements(text)] == [None]


def test_a_number_of_studies_names_no_issuer() -> None:
    [statement] = _statements("Six of the eight studies reported that sleep improved.")
    assert (statement.speaker.name, statement.speaker.kind) == (None, "document")


def test_a_word_of_manner_or_courtesy_opening_a_sentence_is_no_speaker() -> None:
    assert all(s.speaker.name is None for s in _statements("Please note that the office closes early on Fridays."))


def test_a_verb_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    text = "We tried using Lingvo for a month. Using Lingvo, learners said, felt like a game."
    names = {s.speaker.name for s in _statements(text)}
    assert "Using Lingvo" not in names
    text = "Is Corvan Labs ready? Corvan Labs said that the launch would slip."
    assert [s.speaker.name for s in _statements(text)] == ["Corvan Labs"]


def test_a_pronoun_never_means_a_building_the_article_writes_after_the() -> None:
    text = "Dara Quill spoke first. Crowds then filled the Marlow Statehouse. “Fund the schools,” she said."
    [statement] = _statements(text)
    assert statement.speaker.name == "Dara Quill"


def test_an_indefinite_pronoun_is_an_unnamed_speaker() -> None:
    for text in ("Nobody expects that the ferry will run on time.", "Everyone agrees that the pier is too short."):
        assert [s.speaker.name for s in _statements(text)] == [None]


def test_a_common_word_opening_a_sentence_about_evidence_names_no_issuer() -> None:
    text = "Several studies have looked at multiple sources. Multiple lines of evidence show that sleep matters."
    [statement] = _statements(text)
    assert (statement.speaker.name, statement.speaker.kind) == (None, "document")


def test_a_product_or_a_model_is_no_speaker() -> None:
    for text in (
        "We tested the Brewmatic K40 for a week. Brewmatic K40 says that it heats in a minute.",
        "The laptop line has a new model. Notepad Pro says that the battery lasts a day.",
    ):
        assert [s.speaker.name for s in _statements(text)] == [None]


def test_an_abstract_noun_opening_a_sentence_is_no_speaker_and_a_brand_in_capitals_is() -> None:
    assert {s.speaker.name for s in _statements("Permission says that the owner agreed in writing.")} == {None}
    assert [s.speaker.name for s in _statements("BrightScience says that most buyers want repairs.")] == ["BrightScience"]


def test_a_negated_auxiliary_or_a_pronoun_opening_a_mention_is_no_name() -> None:
    for text in ("Don't says that the bakery opens late.", "I STRONGLY say that the bakery opens late."):
        assert {s.speaker.name for s in _statements(text)} <= {None}


def test_a_family_name_that_reads_like_a_pronoun_stays_a_name() -> None:
    [statement] = _statements("He Lin, a trade adviser, said that the tariffs would stay.")
    assert statement.speaker.name == "He Lin"


def test_an_agency_is_a_medium_only_beside_a_media_word() -> None:
    [statement] = _statements("The International Water Agency said that the lakes are shrinking.")
    assert statement.speaker.kind == "organisation"
    [statement] = _statements("The Kestrel News Agency said that the lakes are shrinking.")
    assert statement.speaker.kind == "medium"


def test_a_pronoun_never_means_a_heading_that_opens_with_a_common_word() -> None:
    text = "Try Mellow Notes\nYou can try the app for free this month.\n“It saves me an hour a day,” he said."
    assert [s.speaker.name for s in _statements(text)] == [None]


def test_a_pronoun_never_means_a_region_or_a_name_cut_at_an_initial() -> None:
    text = "The bakery chain now ships across Central and South America. “Rye sells best there,” he said."
    assert [s.speaker.name for s in _statements(text)] == [None]
    text = "Brandel T.H. Okoro School\nShe recently spoke about her research on fasting."
    assert [s.speaker.name for s in _statements(text)] == [None]


def test_one_word_never_stands_for_a_thing_written_after_the_or_a_heading_that_opens_with_a_common_word() -> None:
    text = "We slept a week in the Tidewater Heron, a hammock. The Heron adds a rain fly to that legacy."
    assert {s.speaker.name for s in _statements(text)} <= {None}
    text = "Like Pinwheel\nShops like the app. Pinwheel declined to say how many."
    assert [s.speaker.name for s in _statements(text)] == ["Pinwheel"]


def test_the_thing_after_an_owners_name_is_never_what_one_of_its_words_means() -> None:
    text = "We compared Corvex’s Lumen with others. Lumen recommends that you sleep more."
    assert "Corvex’s Lumen" not in {s.speaker.name for s in _statements(text)}


def test_an_adverb_alone_opening_a_sentence_is_no_speaker() -> None:
    text = "Diets change. Here are ten nutrition myths that still persist and reasons why they should go."
    assert {s.speaker.name for s in _statements(text)} <= {None}


def test_a_heading_with_a_past_participle_is_no_speaker() -> None:
    text = "Frequently Asked Questions\nHow long does the course take? Most learners finish in a month."
    assert {s.speaker.name for s in _statements(text)} <= {None}


def test_a_name_after_an_owners_name_is_the_name() -> None:
    text = "Ada Kern met the BBC’s Emily Maitlis on Monday. Maitlis said that the interview was long."
    assert [s.speaker.name for s in _statements(text)] == ["Emily Maitlis"]


def test_one_capitalised_word_opening_a_sentence_is_no_description_of_a_name() -> None:
    for text in (
        "Many large organizations use private cloud Quill Stack. Organizations maintain complete control of it.",
        "Visitors often take express train Skyline Rapid. Take note that tax-free shopping is not a tax refund.",
    ):
        assert {s.speaker.name for s in _statements(text)} <= {None}


def test_a_word_in_ing_whose_verb_the_article_writes_is_no_speaker() -> None:
    text = "Scans image the brain well. Imaging reveals activity in the insula."
    assert {s.speaker.name for s in _statements(text)} <= {None}
    assert [s.speaker.name for s in _statements("Boeing said that the jet was safe.")] == ["Boeing"]


def test_the_items_of_a_list_with_fields_under_each_are_no_speakers() -> None:
    text = (
        "We tried Lingvo, Parla and Voxa for a month.\n"
        "Lingvo: Uses pictures and sound to teach words.\n"
        "Pros: Short lessons.\n"
        "Parla: Allows chats with native speakers.\n"
        "Pros: Friendly tutors.\n"
        "Voxa: Offers a wide range of topics.\n"
        "Pros: Cheap."
    )
    assert {s.speaker.name for s in _statements(text)} <= {None}


def test_a_report_as_one_item_of_a_list_is_no_speaker() -> None:
    text = (
        "Take these steps this week.\n"
        "Access Controls: Limit who can log in.\n"
        "Patch Cycles: Apply fixes monthly.\n"
        "Network Architecture Review: Ensure servers are kept apart within the office network architecture."
    )
    assert {s.speaker.name for s in _statements(text)} <= {None}


def test_a_name_alone_never_stands_for_a_heading_that_opens_with_it() -> None:
    text = "Vantor Product Feed Specs\nEach feed needs a product type. Vantor expects that every item has a price."
    assert [s.speaker.name for s in _statements(text)] == ["Vantor"]


def test_a_word_of_quantity_before_a_place_is_people_not_the_place() -> None:
    [statement] = _statements("Protests went on for weeks. Many in Hong Kong fear that a compromise is a surrender.")
    assert (statement.speaker.name, statement.speaker.kind) == (None, "group")


def test_the_month_that_dates_a_report_is_no_part_of_its_issuer() -> None:
    [statement] = _statements("The Federal Seed Office’s May 2025 report concluded that the new rules were fair.")
    assert statement.speaker.name == "Federal Seed Office"


def test_an_institution_named_with_on_or_for_keeps_its_whole_name() -> None:
    for text, name in (
        ("The National Institute on Seed Safety has estimated that a million farms use the seed.", "National Institute on Seed Safety"),
        ("Researchers at the Corvale Center for Space Studies said that the moon holds water.", "Corvale Center for Space Studies"),
    ):
        assert [s.speaker.name for s in _statements(text)] == [name]


def test_a_pronoun_never_means_a_title_holding_a_common_word() -> None:
    text = (
        "John Reed wrote Ash Empire in a winter. Empire sold well. The empire falls in the first chapter. "
        "“I wrote it in the dark,” he said."
    )
    assert [s.speaker.name for s in _statements(text)] == ["John Reed", "John Reed"]
    text = "Trade envoy Liu He met the press. “The talks went well,” he said."
    assert [s.speaker.name for s in _statements(text)] == ["Liu He"]


def test_a_heading_label_names_the_person_the_article_introduces_below_it() -> None:
    text = (
        "Dahl: The Ferry Will Sail Again in May.\n"
        "Mayor Maria Dahl said on Monday that the council had voted for the repairs."
    )
    assert next((s.speaker.name, s.cue.span.text, s.content.text) for s in _statements(text)) == (
        "Maria Dahl",
        ":",
        "The Ferry Will Sail Again in May",
    )


def test_a_name_after_an_abbreviated_title_is_written_inside_a_sentence() -> None:
    text = (
        "Quarrington: Ferry Fares Will Rise.\n"
        "On Monday, Sen. Zebulo Quarrington said the fares would rise by July."
    )
    assert [(s.speaker.name, s.cue.span.text) for s in _statements(text)] == [
        ("Zebulo Quarrington", ":"),
        ("Zebulo Quarrington", "said"),
    ]


def test_a_courtesy_title_tells_the_gender_a_pronoun_agrees_with() -> None:
    text = "Mr. Okonjo met Ms. Adeyemi at the harbour. She said the vote was close."
    assert [s.speaker.name for s in _statements(text)] == ["Adeyemi"]
    text = "Ms. Adeyemi met Mr. Okonjo at the harbour. He said the vote was close."
    assert [s.speaker.name for s in _statements(text)] == ["Okonjo"]


def test_a_person_given_a_job_is_the_pronoun_s_antecedent_whatever_the_first_name() -> None:
    text = (
        "Mayor Donald Reyes opened the fair. Ravi Menon, a trade professor at the college, said "
        "the fair was too costly. “It will not pay for itself,” he said."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Ravi Menon", "Ravi Menon"]
    text = "Mayor Donald Reyes opened the fair. Dock President Ravi Menon announced the deal. He also said it would “pave the way” for talks."
    assert [s.speaker.name for s in _statements(text)][-1] == "Ravi Menon"


def test_a_person_given_a_job_comes_before_a_firm_named_after_them() -> None:
    text = (
        "Kim Aldous, the owner of Starlight Tours, spoke on Monday. Starlight Tours now employs "
        "forty guides. She said bookings had fallen by half."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Kim Aldous"]


def test_a_pronoun_after_the_quotation_means_the_speaker_named_inside_the_sentence() -> None:
    text = (
        "Rosa Lind spoke first. “Nothing is settled,” Lind says. Still, the new rules, says Greta "
        "Holm, can teach people “concrete skills,” she says."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Rosa Lind", "Greta Holm", "Greta Holm"]
    text = (
        "Rosa Lind spoke first. Still, the apps, says Greta Holm, can teach people “concrete skills,” "
        "she says, which may help more people."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Greta Holm"]


def test_an_office_named_with_of_or_for_names_its_holder_when_no_name_follows() -> None:
    text = (
        "The Regional High Commissioner for Coastal Affairs said the harbour would reopen. "
        "Secretary of Fisheries Lena Moss said the boats were ready. "
        "Keeper of the Harbour Charter, Tomas Vidal Ruiz, said the Council of Pilots met on Monday. "
        "The Minister for Ports said the dredging would start."
    )
    assert [s.speaker.name for s in _statements(text)] == [
        "Regional High Commissioner for Coastal Affairs",
        "Lena Moss",
        "Tomas Vidal Ruiz",
        "Minister for Ports",
    ]


def test_the_pronouns_after_a_name_tell_its_gender_when_the_first_name_does_not() -> None:
    text = (
        "Captain Robin Carr opened the meeting, and he thanked the crew. Robin Carr said he was proud "
        "of them. Maria Olsen spoke next, and Captain Carr nodded. She said the ferry would sail."
    )
    assert [s.speaker.name for s in _statements(text)][-1] == "Maria Olsen"


def test_a_first_name_after_a_job_word_tells_the_gender() -> None:
    text = "Pollster Ann Selzer met Mayor Jon Cohen at the harbour. She said the race was close."
    [statement] = _statements(text)
    assert statement.speaker.name is not None and statement.speaker.name.endswith("Ann Selzer")


def test_a_name_the_body_shortens_is_the_full_name_a_caption_gives() -> None:
    from newsledger.model import Evidence, Image, TextField

    body = "Kessler agreed a deal to coach the club.\nHarbourside said in a statement: “Kessler is one of the best coaches in Europe.”"
    article = _article(body)
    caption = "Anna Kessler has agreed a deal to become coach of Harbourside Rovers."
    image = Image(url="https://example.org/a.jpg", caption=caption, evidence=Evidence(source="computed"))
    headline = TextField(value="Anna Kessler takes over at the harbour", evidence=Evidence(source="computed"))
    statements = attribute_article(Article(input_form="text", text=body, blocks=article.blocks, images=(image,), headline=headline))
    assert [s.speaker.name for s in statements if s.part == "body" and s.kind == "direct"] == ["Harbourside Rovers"]
    body = "Kessler said she would start on Monday."
    headline = TextField(value="Anna Kessler takes over at Harbourside Rovers", evidence=Evidence(source="computed"))
    statements = attribute_article(Article(input_form="text", text=body, blocks=_article(body).blocks, headline=headline))
    assert [s.speaker.name for s in statements] == ["Anna Kessler"]


def test_a_headline_in_title_case_is_no_name_a_surname_could_mean() -> None:
    text = (
        "Greta Holm Defends Herself Against Claims She Misled The Council\n"
        "Greta Holm spoke to the harbour board on Monday. Holm said the figures were correct."
    )
    assert [s.speaker.name for s in _statements(text)][-1] == "Greta Holm"
    text = "Mayor Says Olaf Brun Will Resign\nOlaf Brun met the board. Brun said he would stay until May."
    assert [s.speaker.name for s in _statements(text)][-1] == "Olaf Brun"


def test_a_maker_named_before_its_model_still_speaks() -> None:
    text = "The names of those on board Nordair Flight NX204 are surfacing. Nordair said the crew was experienced."
    assert [s.speaker.name for s in _statements(text)] == ["Nordair"]


def test_the_report_speaks_for_the_issuer_a_joint_mention_of_reports_kept() -> None:
    text = (
        "Tidewell reported that bookings rose by half. Both Portly’s and Tidewell’s reports highlighted "
        "the rise of group sports. “This rise may be fueled by the summer games,” the report stated."
    )
    assert [s.speaker.name for s in _statements(text)][-1] == "Tidewell"


def test_an_unnamed_spokesperson_of_a_named_organisation_is_the_organisation() -> None:
    text = "“We regret the fault,” a Nordvik spokesman said. A Gullwing representative says the ferries are safe."
    assert [(s.speaker.name, s.speaker.kind) for s in _statements(text)] == [
        ("Nordvik", "organisation"),
        ("Gullwing", "organisation"),
    ]
    assert [s.speaker.name for s in _statements("A senior port official said the talks failed.")] == [None]


def test_reports_named_by_their_owners_are_theirs_not_the_last_speaker_s() -> None:
    text = (
        "Tidewell reported that bookings rose by half. A Gullwing representative says the hashtag grew. "
        "Both Portly’s and Tidewell’s reports highlighted the rise of group sports. "
        "“This rise may be fueled by the summer games,” the report stated."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Tidewell", "Gullwing", None, "Tidewell"]
    text = "“We regret the fault,” a Nordvik spokesman, Jo Abboud, said."
    assert [s.speaker.name for s in _statements(text)] == ["Jo Abboud"]


def test_the_company_or_the_club_is_the_organisation_the_article_named() -> None:
    text = "Nordvik Shipping announced a recall of its ferries on Monday. The company said it would refund every ticket."
    assert [s.speaker.name for s in _statements(text)] == ["Nordvik Shipping", "Nordvik Shipping"]
    text = (
        "Harbourside Rovers Football Club sacked their coach last night. Mayor Ann Holm regretted it. "
        "“We thank him for his work,” the club said in a statement."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Harbourside Rovers Football Club"]
    text = "Mayor Ann Holm opened the market. “It is a good day,” the company said."
    assert [s.speaker.name for s in _statements(text)] == [None]


def test_the_place_after_a_person_s_name_is_not_the_speaker() -> None:
    text = (
        "Sen. Tom Udall of New Mexico, who backs the plan, said the vote was close. "
        "Maria Lopez from Lisbon said the city was cheaper. The University of Texas said the campus was closed."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Tom Udall", "Maria Lopez", "University of Texas"]
    text = "Meena Ganguly of Harbour Rights Watch said the port was unsafe."
    assert [s.speaker.name for s in _statements(text)] == ["Meena Ganguly"]


def test_a_place_whose_ending_reads_female_is_no_pronoun_s_antecedent() -> None:
    text = (
        "Gilda Cobb met the voters. Most of them live in South Carolina. "
        "“The vote is not a monolith,” she said."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Gilda Cobb"]


def test_a_common_first_name_tells_the_gender_before_a_place_named_later() -> None:
    text = "Tom Hale visited Port Vellan in May. He said the trip had been useful."
    assert [s.speaker.name for s in _statements(text)] == ["Tom Hale"]
    text = "Greta Moss met Carlos Ruiz at the pier. She said the ferry was late."
    assert [s.speaker.name for s in _statements(text)] == ["Greta Moss"]


def test_a_job_title_alone_is_no_name_the_name_beside_it_is() -> None:
    text = "The bakery opened in April. “We bake what you remember,” says Co-Founder, Lotte Varga."
    assert [s.speaker.name for s in _statements(text)] == ["Lotte Varga"]


def test_a_job_title_alone_with_no_name_beside_it_leaves_the_speaker_unnamed() -> None:
    [statement] = _statements("“The presses stop at ten,” Managing Editor said.")
    assert statement.speaker.name is None and statement.speaker.kind == "person"
    [statement] = _statements("“Parse first, then act,” King said.")
    assert statement.speaker.name == "King"  # a title that is also a family name


def test_a_job_title_beside_words_of_a_heading_names_no_one() -> None:
    text = "Profile\nEditor, Trail Reviews, said “Buy shoes half a size up.” Our trail reviews run weekly."
    assert [s.speaker.name for s in _statements(text)] == [None]


def test_a_description_ending_on_a_noun_yields_to_the_name_in_its_appositive() -> None:
    text = "Garden Radio expert, Mira Olsen, backed the plan, saying, “Every street needs its trees.”"
    assert {s.speaker.name for s in _statements(text)} == {"Mira Olsen"}


def test_a_name_the_article_writes_as_a_thing_is_no_speaker_nor_a_pronoun_antecedent() -> None:
    text = (
        "Our pick this year is the 2027 Halvard Comet.\n"
        "Tova Rinne drove one for a week. She told us, “It climbs better than a truck.”\n"
        "Last spring my neighbour bought a Brisa Tundra. “Nothing beats it,” Brisa Tundra said."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Tova Rinne", None]


def test_an_indefinite_mention_names_no_one_described_before() -> None:
    text = "Veteran nurse Lena Ortiz spoke first. Later a nurse said, “We are tired.” The nurse said, “We need help.”"
    assert [s.speaker.name for s in _statements(text)] == [None, "Lena Ortiz"]
    text = "Harbor VPN has published phone apps for a year. A VPN said, “We never log.”"
    assert [s.speaker.name for s in _statements(text)] == [None]


def test_an_auxiliary_opening_a_question_is_no_part_of_the_name_after_it() -> None:
    text = "Can Brightwell help growers? Brightwell data shows that growers want cheaper seed."
    assert "Can Brightwell" not in {s.speaker.name for s in _statements(text)}
    text = "Will Moy said the party misled voters. Can Dundar said the paper would fight."
    assert [s.speaker.name for s in _statements(text)] == ["Will Moy", "Can Dundar"]
    text = "Can Brightwell help growers? Yes. Brightwell data shows that growers want cheaper seed."
    assert [s.speaker.name for s in _statements(text)] == ["Brightwell"]


def test_letters_in_capitals_give_no_gender_by_a_family_name_ending() -> None:
    text = (
        "John Halloran led the jury this year.\n"
        "Best Luxury EV went to the Ostra GT.\n"
        "“It is the quietest car we drove,” he said."
    )
    assert [s.speaker.name for s in _statements(text)] == ["John Halloran"]


def test_a_word_that_opens_several_names_is_their_maker_not_the_first_of_them() -> None:
    text = (
        "Orvik Stream launches tomorrow, and Orvik Play already sells its games.\n"
        "“We render every game at 4K,” Orvik said."
    )
    [statement] = _statements(text)
    assert (statement.speaker.name, statement.speaker.kind) == ("Orvik", "organisation")
    text = "Zane Merva owns a truck. “It tows well,” Zane said."
    assert [s.speaker.name for s in _statements(text)] == ["Zane Merva"]


def test_the_place_or_employer_after_a_speaker_is_not_the_speaker() -> None:
    text = "The Ruritanian Embassy in Port Lanza reported Tuesday that the index reached 408."
    assert [s.speaker.name for s in _statements(text)] == ["Ruritanian Embassy"]
    text = "A dietitian with Harlow Health Northfield explains that habits matter most."
    assert [s.speaker.name for s in _statements(text)] == [None]


def test_a_verb_or_an_adverb_opening_an_instruction_is_no_name() -> None:
    text = "Take notes during every seminar. Stay informed about the new campus rules. Ever wondered why?"
    assert {s.speaker.name for s in _statements(text)} <= {None}
    text = "Rest assured, the library stays open."
    assert {s.speaker.name for s in _statements(text)} <= {None}
    text = "Another wondered why the council bothered to trademark the motto."
    assert [s.speaker.name for s in _statements(text)] == [None]


def test_an_institution_named_in_the_plural_with_of_or_for_is_one_organisation() -> None:
    text = "The Centers for Soil Research said that every farm should test its fields each year."
    assert [(s.speaker.name, s.speaker.kind) for s in _statements(text)] == [("Centers for Soil Research", "organisation")]
    text = "The National Institutes of Coastal Studies said that the survey would resume."
    assert [s.speaker.name for s in _statements(text)] == ["National Institutes of Coastal Studies"]


def test_the_writers_own_people_are_no_third_party_described_before() -> None:
    text = "Our users rate Notion Desk highly. Notion Desk is not private, according to our users."
    [statement] = _statements(text)
    assert statement.speaker.name is None and statement.speaker.mention.text == "our users"


def test_a_logged_error_or_a_row_of_fields_before_a_colon_is_no_speaker_label() -> None:
    text = "The integration failed on start.\n    raise ValueError(\nValueError: Detected that the plug-in calls a task from a thread."
    assert _statements(text) == []
    text = "Price\n\nGPU: Orin Nano 8 | RAM: 16GB | Screen: 13-inch OLED | Weight: 2.9 lbs\n\nWho should buy the Corvo 13?"
    assert _statements(text) == []


def test_a_word_in_ing_whose_verb_the_article_writes_in_any_form_is_no_speaker() -> None:
    text = "The scanners produce images of the brain. Imaging reveals activity in the insula."
    assert {s.speaker.name for s in _statements(text)} <= {None}


def test_a_plural_noun_whose_singular_the_article_writes_is_no_speaker() -> None:
    text = "Each example below is real. Examples show that the buyers paid too much for the land."
    assert {s.speaker.name for s in _statements(text)} <= {None}
    text = "Hank Roberts runs the depot. Roberts said that the trucks were late again."
    assert [s.speaker.name for s in _statements(text)] == ["Hank Roberts"]


def test_an_adjective_opening_a_mention_of_studies_is_no_issuer() -> None:
    for text in (
        "Numerous studies have shown that yoga improves sleep.",
        "Various scientific studies show that the eye is drawn to faces.",
        "Multiple lines of evidence now suggest that the moon has plumes.",
    ):
        assert {s.speaker.name for s in _statements(text)} <= {None}, text
    assert [s.speaker.name for s in _statements("A Strava report shows that runners slow down in winter.")] == [
        "Strava"
    ]


def test_a_heading_opening_on_a_verb_in_ing_keeps_it_out_of_the_name() -> None:
    text = (
        "Unleashing Claude on my Webpage\n"
        "The page had 780 lines. Claude said that the tests covered every line."
    )
    assert [s.speaker.name for s in _statements(text)] == ["Claude"]


def test_a_product_after_its_makers_possessive_is_no_speaker() -> None:
    text = "Someone typed a question into a search box, and Google’s AI Overview responds that he is not."
    assert {s.speaker.name for s in _statements(text)} <= {None}
    text = "Apple’s Tim Cook said that the phones would ship in May."
    assert [s.speaker.name for s in _statements(text)] == ["Tim Cook"]
    text = "The agency hired a new administrator. NASA’s Administrator Jim Bridenstine said that the moon was next."
    names = [s.speaker.name for s in _statements(text)]
    assert len(names) == 1 and (names[0] or "").endswith("Jim Bridenstine")  # the person, not a thing


def test_a_job_then_the_desk_where_it_is_held_names_no_one_of_that_desk() -> None:
    text = (
        "Full Reviews of shoes for running are posted weekly.\n"
        "Editor, Running Reviews, said that the shoes run small this year."
    )
    assert [s.speaker.name for s in _statements(text)] == [None]
    text = "The price rose. His spokesman, Mark Price, said that the race was close."
    assert [s.speaker.name for s in _statements(text)] == ["Mark Price"]
    text = "Big rigs are loud. The group that owns the label, Big Machine, said that the songs were theirs."
    assert [s.speaker.name for s in _statements(text)] == ["Big Machine"]


def test_an_acronym_opening_a_longer_name_in_capitals_is_itself_not_that_model() -> None:
    text = (
        "The VW ID. SPACE VIZZION is the seventh car on the platform.\n"
        "VW says that the car could reach production in two years."
    )
    assert [s.speaker.name for s in _statements(text)] == ["VW"]


def test_a_pronoun_or_a_question_word_among_capitals_makes_them_a_sentence() -> None:
    for text in (
        "Ultimately I’m just making judgement calls, and the numbers show that the price is fair.",
        "Eventually I stopped the agent and wrote that the tests were skipped.",
        "You’d also have to commit to courses, and the board says that the exam is hard.",
        "How Climate Change Hurts Farms\nA review of the links reveals that yields fall in heat.",
    ):
        assert {s.speaker.name for s in _statements(text)} <= {None}, text
    text = "Kim Ellis runs the lab. Kim Ellis said that the samples were clean."
    assert [s.speaker.name for s in _statements(text)] == ["Kim Ellis"]



def test_a_family_name_that_also_opens_a_firm_and_a_job_is_the_person() -> None:
    text = (
        "“We love paper suites,” says Holloway Events Founder and Lead Designer Cathleen Holloway.\n"
        "Many hosts are bold. “Clients aren't shy these days,” Holloway says."
    )
    assert [s.speaker.name for s in _statements(text)][-1] == "Cathleen Holloway"


def test_an_acronym_in_the_plural_names_things_or_people_of_a_kind_not_one() -> None:
    text = "The LLMs we tried were fast. LLMs are claiming that the code compiles, but it does not."
    assert {s.speaker.name for s in _statements(text)} <= {None}
    text = "Pentax DSLRs sell well. “They are sturdy,” said Ana Ruiz. DSLRs, she said, last for years."
    assert {s.speaker.name for s in _statements(text)} <= {"Ana Ruiz", None}
