"""Span conventions of attribution: where a statement's content, cue and source start and end."""

from __future__ import annotations

from tests.statementkit import article_of_lines, found

from newsledger.attribute.engine import attribute_article
from newsledger.attribute.text import split_sentences


def test_a_sentence_ends_with_the_quotation_its_period_closes() -> None:
    text = "The keeper said “The pond froze early.” Skaters came the next morning."
    assert [text[s:e] for s, e in split_sentences(text)] == ["The keeper said “The pond froze early.”", "Skaters came the next morning."]
    assert found(text) == [("The keeper", "said", "“The pond froze early.”")]


def test_the_day_between_cue_and_that_dates_the_saying_and_stays_out_of_the_content() -> None:
    text = "The harbour master said Sunday that the ferry would not run this winter."
    assert found(text) == [("The harbour master", "said", "that the ferry would not run this winter")]


def test_the_words_leading_into_a_partial_quotation_belong_to_its_content() -> None:
    text = "The old bridge “will not survive another flood,” the engineer said."
    assert found(text) == [("the engineer", "said", "The old bridge “will not survive another flood,”")]


def test_a_dateline_and_a_leading_however_stay_out_of_the_content() -> None:
    text = "LISBON ― However, the tram fares will rise in spring, the city council said."
    assert found(text) == [("the city council", "said", "the tram fares will rise in spring")]


def test_a_preposition_of_the_verb_is_part_of_the_cue_and_not_of_the_content() -> None:
    text = "The mayor complained about the noise from the new stadium."
    assert found(text) == [("The mayor", "complained about", "the noise from the new stadium")]


def test_about_before_a_number_is_no_preposition_of_the_verb() -> None:
    text = "The organisers said about 200 people came to the market."
    assert found(text) == [("The organisers", "said", "about 200 people came to the market")]


def test_a_speaker_label_before_a_colon_attributes_the_rest_of_its_paragraph() -> None:
    text = "The panel met Ann Harlow and the Harbour Board at noon.\nHARLOW: We will open the locks at dawn. Nobody moves before that.\nHarbour Board: Ferries will run all winter."
    assert found(text) == [
        ("HARLOW", ":", "We will open the locks at dawn. Nobody moves before that"),
        ("Harbour Board", ":", "Ferries will run all winter"),
    ]


def test_a_heading_before_a_colon_is_no_speaker_label() -> None:
    for text in ("The Latest: Ferries stop running at noon.", "Update: The road is open again.", "Calm Over Costs: The budget passed."):
        assert found(text) == []


def test_a_quotation_signed_after_a_dash_is_its_signers() -> None:
    text = "Readers wrote to us.\n“The new tram line saved me an hour a day. I hope it stays.” ― Nora Vale\n"
    assert found(text) == [("Nora Vale", "―", "“The new tram line saved me an hour a day. I hope it stays.”")]


def test_the_medium_after_a_noun_phrase_object_is_no_part_of_the_content() -> None:
    text = "The coach criticised the referee in an interview after the match."
    assert found(text) == [("The coach", "criticised", "the referee")]


def test_a_clause_after_the_cue_keeps_its_prepositional_phrases() -> None:
    text = "The coach said the referee would speak in an interview."
    assert found(text) == [("The coach", "said", "the referee would speak in an interview")]


def test_a_quotation_closing_on_an_exclamation_keeps_its_attribution_in_the_sentence() -> None:
    text = "“The bridge is open again!” the mayor wrote on Sunday. Traffic resumed."
    assert [text[s:e] for s, e in split_sentences(text)] == ["“The bridge is open again!” the mayor wrote on Sunday.", "Traffic resumed."]
    text = "“The bridge is open again!” Mayor Ruiz wrote on Sunday."
    assert [text[s:e] for s, e in split_sentences(text)] == [text]


def _contents(text: str) -> list[tuple[str, list[str]]]:
    """(cue, content pieces) with the pieces of one cue together, as a reader marks them."""
    pieces: dict[str, list[str]] = {}
    for statement in attribute_article(article_of_lines(text)):
        pieces.setdefault(statement.cue.span.text, []).append(statement.content.text)
    return list(pieces.items())


def test_an_attribution_set_inside_its_clause_splits_the_content_in_two() -> None:
    text = "The new library, the architect said, will open in May."
    assert _contents(text) == [("said", ["The new library", "will open in May"])]
    text = "The builders chose oak, which, she said, lasts longer than pine."
    assert _contents(text) == [("said", ["which", "lasts longer than pine"])]


def test_a_circumstance_before_an_attribution_between_commas_is_not_content() -> None:
    text = "Asked about the delay, the architect said, “The steel came late.”"
    assert [found for found in _contents(text) if found[0] == "said"] == [("said", ["“The steel came late.”"])]


def test_a_subject_with_its_appositive_opening_the_sentence_is_no_inverted_attribution() -> None:
    text = "Lena Ortiz, a planner at the port, said cranes would arrive in June."
    assert found(text) == [("Lena Ortiz, a planner at the port,", "said", "cranes would arrive in June")]


def test_the_one_told_and_the_day_after_the_cue_are_never_its_speaker() -> None:
    text = "“The cranes are late,” Lena Ortiz, 54, told me."
    assert found(text) == [("Lena Ortiz, 54,", "told", "“The cranes are late,”")]
    text = "“The cranes are late,” Lena Ortiz, a planner, said Thursday morning on the port’s “Harbour Hour.”"
    assert found(text) == [("Lena Ortiz, a planner,", "said", "“The cranes are late,”")]


def test_an_inverted_speaker_keeps_initials_party_tags_and_appositives() -> None:
    text = "“The dock is safe,” said Rep. Ann B. Cole (D-N.Y.), a former pilot who works for the port."
    assert found(text) == [("Rep. Ann B. Cole (D-N.Y.), a former pilot who works for the port", "said", "“The dock is safe,”")]
    text = "“The dock is safe,” said Ann Cole, a former pilot at a marine think tank."
    assert found(text) == [("Ann Cole, a former pilot at a marine think tank", "said", "“The dock is safe,”")]


def test_a_participle_after_an_inverted_speaker_is_no_appositive() -> None:
    text = "“The dock is safe,” said Ann Cole, summing up the inspection."
    assert found(text)[0][:2] == ("Ann Cole", "said")


def test_a_capitalised_may_is_a_name_not_an_auxiliary_of_the_cue() -> None:
    text = "“The dock is safe,” Prime Minister Theresa May said."
    assert found(text) == [("Prime Minister Theresa May", "said", "“The dock is safe,”")]


def test_the_subject_is_the_whole_noun_phrase_with_its_modifiers_and_complements() -> None:
    cases = {
        "Federal and state inspectors said the dam was sound.": "Federal and state inspectors",
        "On Monday, advisers to the mayor said the dam was sound.": "advisers to the mayor",
        "But longtime county engineer Ada Moss said the dam was sound.": "longtime county engineer Ada Moss",
        "Ms. Moss and Mr. Reyes said the dam was sound.": "Ms. Moss and Mr. Reyes",
    }
    for text, speaker in cases.items():
        assert found(text) == [(speaker, "said", "the dam was sound")]


def test_a_dash_ends_the_subject_on_its_left() -> None:
    text = "The ruling was predictable - County engineer Ada Moss said the dam was sound."
    assert found(text) == [("County engineer Ada Moss", "said", "the dam was sound")]


def test_a_cue_word_after_a_compound_adjective_is_a_noun() -> None:
    text = "His late-night posts drew replies. Her early-morning tweets angered the board."
    assert found(text) == []


def test_a_cue_then_to_and_a_verb_of_saying_is_one_cue() -> None:
    text = "The warden seemed to suggest that the gate would stay shut."
    statements = found(text)
    assert [(cue, content) for _, cue, content in statements] == [("seemed to suggest", "that the gate would stay shut")]


def test_a_verb_lending_its_subject_to_an_infinitive_of_saying_joins_the_cue() -> None:
    assert found("Small groups of residents continued to call for an inquiry into the fire.") == [
        ("Small groups of residents", "continued to call for", "an inquiry into the fire"),
    ]
    assert found("The mayor began to argue that the budget was too small.") == [
        ("The mayor", "began to argue", "that the budget was too small"),
    ]
    assert found("The residents wanted to say goodbye to the ferry.") == []
    assert found("The tide began to show on the harbour wall.") == []
    assert found("The skipper moored early and seemed to think the storm would pass.")[-1][1:] == ("seemed to think", "the storm would pass")


def test_saying_by_which_a_speaker_answered_is_a_statement_of_its_own() -> None:
    assert found("The mayor responded to the ferry crew on Monday by saying the pier was safe.") == [
        ("The mayor", "responded to", "the ferry crew"),
        ("The mayor", "saying", "the pier was safe"),
    ]


def test_a_new_clause_with_its_own_subject_after_a_comma_ends_the_content() -> None:
    text = "The minister admitted using the loophole, he does not defend it."
    assert found(text) == [("The minister", "admitted", "using the loophole")]


def test_an_aside_on_a_noun_phrase_object_is_no_part_of_the_content() -> None:
    text = "The minister praised the new harbour, which opened in May."
    assert found(text) == [("The minister", "praised", "the new harbour")]
    text = "The minister said the new harbour, which opened in May, was too small."
    assert found(text) == [("The minister", "said", "the new harbour, which opened in May, was too small")]


def test_evidence_speaks_when_any_noun_of_its_subject_is_a_record() -> None:
    text = "Video of the crossing shows the ferry leaving early."
    assert found(text) == [("Video of the crossing", "shows", "the ferry leaving early")]
    text = "Polling averages show the mayor with a narrow lead."
    assert found(text) == [("Polling averages", "show", "the mayor with a narrow lead")]


def test_a_quotation_resumes_after_an_aside_or_a_but_following_the_attribution() -> None:
    text = "“The pier is sound,” Ada Moss said, pointing at the pilings, “and it will stay open.”"
    assert _contents(text) == [("said", ["“The pier is sound,”", "“and it will stay open.”"])]
    text = "“The pier is sound,” Ada Moss said, but “the ramp needs work.”"
    assert _contents(text) == [("said", ["“The pier is sound,”", "“the ramp needs work.”"])]


def test_a_second_cue_before_the_next_quotation_keeps_it_apart() -> None:
    text = "“The pier is sound,” Ada Moss said, adding “the ramp needs work.”"
    assert _contents(text)[0] == ("said", ["“The pier is sound,”"])


def test_a_manner_adverb_right_after_the_verb_is_part_of_the_cue() -> None:
    text = "Fishermen complained bitterly that the quotas were too low."
    assert found(text) == [("Fishermen", "complained bitterly", "that the quotas were too low")]


def test_who_right_before_the_cue_is_its_speaker_mention() -> None:
    text = "Several fishermen who said the quota was unfair left the meeting."
    found = attribute_article(article_of_lines(text))
    assert [(s.speaker.mention.text, s.cue.span.text) for s in found] == [("who", "said")]


def test_a_speaker_keeps_one_description_and_no_circumstance() -> None:
    text = "Ada Moss, the harbour master of Leith, a port on the Forth, said the pier was sound."
    assert found(text) == [("Ada Moss, the harbour master of Leith,", "said", "the pier was sound")]


def test_negations_and_time_adverbs_before_the_verb_belong_to_the_cue() -> None:
    text = "The harbour master now says the pier is sound."
    assert found(text) == [("The harbour master", "now says", "the pier is sound")]


def test_the_writers_aside_after_a_dash_ends_the_content() -> None:
    text = "The council has called for a toll of two euros -- far lower than the ferry fare."
    assert found(text) == [("The council", "has called for", "a toll of two euros")]
    text = "The council said the toll -- two euros -- would start in May."
    assert found(text) == [("The council", "said", "the toll -- two euros -- would start in May")]


def test_a_quotation_closing_before_the_speaker_is_the_content_whatever_follows_the_cue() -> None:
    text = "“The pier is sound,” Ada Moss said as she left the meeting."
    assert found(text) == [("Ada Moss", "said", "“The pier is sound,”")]
    text = "“The pier is sound,” Ada Moss said to the crowd after the vote."
    assert found(text) == [("Ada Moss", "said", "“The pier is sound,”")]


def test_an_adverb_before_a_learned_or_listed_cue_is_never_its_speaker() -> None:
    text = "The two mayors together vowed to reopen the pier."
    assert found(text)[0][:2] == ("The two mayors", "together vowed")


def test_a_that_after_the_object_of_the_cue_opens_a_relative_clause_not_the_content() -> None:
    text = "The ranger described the storm that flattened the pines along the ridge."
    assert found(text) == [("The ranger", "described", "the storm that flattened the pines along the ridge")]


def test_a_circumstance_between_the_cue_and_that_stays_out_of_the_content() -> None:
    text = "The ranger said in a radio message that the trail would reopen."
    assert found(text) == [("The ranger", "said", "that the trail would reopen")]


def test_a_belief_verb_before_a_clause_without_that_is_a_statement() -> None:
    text = "Most beekeepers suspect the cold spring was hard on the hives."
    assert found(text) == [("Most beekeepers", "suspect", "the cold spring was hard on the hives")]


def test_a_belief_verb_without_that_after_another_cue_is_part_of_what_was_reported() -> None:
    text = "The miller said she believes the river will flood the lower fields."
    assert found(text) == [("The miller", "said", "she believes the river will flood the lower fields")]


def test_a_day_after_by_or_until_is_part_of_the_content() -> None:
    text = "The miller said the river will rise by Friday."
    assert found(text) == [("The miller", "said", "the river will rise by Friday")]


def test_a_belief_verb_before_a_noun_phrase_alone_is_no_statement() -> None:
    assert found("The farmers expect a wet harvest this autumn.") == []


def test_a_participle_modifying_the_subject_keeps_the_whole_noun_phrase_as_speaker() -> None:
    text = "A county survey released on Monday shows that most wells are running dry."
    assert found(text) == [("A county survey released on Monday", "shows", "that most wells are running dry")]
    text = "A review conducted by the harbour board found that the cranes were unsafe."
    assert found(text) == [("A review conducted by the harbour board", "found", "that the cranes were unsafe")]


def test_a_participle_opening_the_subject_describes_its_noun() -> None:
    assert found("On Monday, retired harbour pilot Anna Berg said the channel was silting up.") == [
        ("retired harbour pilot Anna Berg", "said", "the channel was silting up")
    ]
    assert found("The leaked minutes show that the board knew of the leak.") == [
        ("The leaked minutes", "show", "that the board knew of the leak")
    ]


def test_a_quantity_of_people_is_the_whole_subject() -> None:
    assert found("More than half of the anglers said the season was poor.") == [
        ("More than half of the anglers", "said", "the season was poor")
    ]
    assert found("In the survey, about 6 in 10 ferry riders said fares were too high.") == [
        ("about 6 in 10 ferry riders", "said", "fares were too high")
    ]
    assert found("Only 52 percent of registered boat owners said they had insurance.") == [
        ("Only 52 percent of registered boat owners", "said", "they had insurance")
    ]


def test_a_leading_connective_stays_out_of_content_before_its_attribution() -> None:
    assert found("In fact, the lighthouse was never automated, the keeper said.") == [
        ("the keeper", "said", "the lighthouse was never automated")
    ]
    text = "In addition, the ferry will stop at the island twice a day, according to the timetable."
    assert found(text) == [("the timetable", "according to", "the ferry will stop at the island twice a day")]


def test_a_sentence_set_in_parentheses_leaves_them_out_of_the_content() -> None:
    text = "The ferry was late. (The captain said the engine had failed.) Passengers waited on the pier."
    assert [text[s:e] for s, e in split_sentences(text)][1] == "(The captain said the engine had failed.)"
    assert found(text) == [("The captain", "said", "the engine had failed")]
    text = "The ferry was late. (The engine had failed, the captain said.) Passengers waited on the pier."
    assert found(text) == [("the captain", "said", "The engine had failed")]
    assert found("Sen. Dana Holt (D-Ill.) said the ferry was late.") == [("Sen. Dana Holt (D-Ill.)", "said", "the ferry was late")]


def test_a_second_that_clause_after_but_is_more_of_the_content() -> None:
    text = "The skipper said the crossing was rough, but that nobody was hurt."
    assert found(text) == [("The skipper", "said", "the crossing was rough, but that nobody was hurt")]
    text = "The skipper said the crossing was rough, but the harbour stayed open."
    assert found(text) == [("The skipper", "said", "the crossing was rough")]


def test_a_subordinate_clause_opening_the_content_runs_on_to_its_main_clause() -> None:
    text = "The skipper said that if the wind rose, she would turn back."
    assert found(text) == [("The skipper", "said", "that if the wind rose, she would turn back")]


def test_the_one_asked_a_question_is_no_part_of_the_question() -> None:
    text = "The reporter asked the harbour master whether the ferry would run."
    assert found(text) == [("The reporter", "asked", "whether the ferry would run")]
    text = "The mayor asked the harbour master to keep the ferry running."
    assert found(text) == [("The mayor", "asked", "the harbour master to keep the ferry running")]


def test_the_one_told_ends_before_the_time_phrase_or_the_subject_of_what_was_told() -> None:
    text = "The senator told The Harbour Times Tuesday morning that the ferry was safe."
    assert found(text) == [("The senator", "told", "that the ferry was safe")]
    text = "The senator told the crowd he would keep the ferry running."
    assert found(text) == [("The senator", "told", "he would keep the ferry running")]


def test_her_before_a_noun_is_a_possessive_of_the_one_told() -> None:
    assert found("The senator told her supporters that the ferry was safe.") == [("The senator", "told", "that the ferry was safe")]


def test_a_pronoun_after_a_circumstance_opens_the_content() -> None:
    assert found("The senator said in an interview he would keep the ferry.") == [("The senator", "said", "he would keep the ferry")]
    assert found("The senator told Harbour News he’d keep the ferry.") == [("The senator", "told", "he’d keep the ferry")]


def test_the_one_told_or_asked_to_do_something_stays_in_the_directive() -> None:
    text = "The harbour master told the skippers not to leave the harbour."
    assert found(text) == [("The harbour master", "told", "the skippers not to leave the harbour")]


def test_a_quotation_after_the_circumstance_of_saying_is_the_content() -> None:
    assert found("The harbour master said in a statement: “The pier is closed until May.”") == [
        ("The harbour master", "said", "“The pier is closed until May.”"),
    ]
    assert found("The mayor said at a rally in the port city of Hull, “no one should fear for the ferry.”") == [
        ("The mayor", "said", "“no one should fear for the ferry.”"),
    ]


def test_an_adjective_of_stance_after_a_copula_is_a_cue_with_its_complement() -> None:
    assert found("Residents were frustrated that the council closed the pier early.") == [
        ("Residents", "were frustrated", "that the council closed the pier early"),
    ]
    assert found("The harbour master has long been critical of the ferry company.") == [
        ("The harbour master", "has long been critical of", "the ferry company"),
    ]
    assert found("He remains confident that the ferry will run.") == [("He", "remains confident", "that the ferry will run")]
    assert found("An angry crowd of residents gathered at the pier.") == []
    assert found("The mayor's critical report was filed.") == []


def test_verbs_of_a_manner_of_speaking_are_cues() -> None:
    assert found("The crowd marched to the pier while chanting, “Open the harbour.”")[-1] == ("The crowd", "chanting", "“Open the harbour.”")
    assert found("“Cast off now,” the skipper yelled.") == [("the skipper", "yelled", "“Cast off now,”")]
    assert found("The councillor scolded the mayor: “You closed the pier.”") == [("The councillor", "scolded", "the mayor: “You closed the pier.”")]


def test_as_a_speaker_put_it_words_the_clause_beside_it() -> None:
    assert found("The pier is unsafe for heavy lorries, as a council memo put it.") == [
        ("a council memo", "put it", "The pier is unsafe for heavy lorries"),
    ]
    assert found("As the harbour master put it in a letter to residents, the pier is “a danger to all.”") == [
        ("the harbour master", "put it", "the pier is “a danger to all.”"),
    ]
    assert found("He put it on the table by the pier.") == []


def test_went_on_to_and_a_verb_of_saying_is_one_cue() -> None:
    assert found("The skipper went on to say that the sea was calm.") == [("The skipper", "went on to say", "that the sea was calm")]
    assert found("“The pier is safe,” the skipper said, going on to say that the sea was calm.")[-1] == (
        "the skipper",
        "going on to say",
        "that the sea was calm",
    )


def test_seeing_something_as_something_is_a_view_held() -> None:
    assert found("Many residents see the new timetable as a betrayal of the island.") == [
        ("Many residents", "see", "the new timetable as a betrayal of the island"),
    ]
    assert found("I saw the ferry at the pier as it docked.") == []
    assert found("The mayor made remarks viewed by some as a betrayal.") == []
    assert found("We went to see the ferry as the sun set.") == []


def test_the_source_after_according_to_keeps_the_circumstance_of_its_participle() -> None:
    assert found("The pier is unsafe, according to a harbour board report released last week.") == [
        ("a harbour board report released last week", "according to", "The pier is unsafe"),
    ]
    assert found("The pier is unsafe, according to the harbour board on Monday.") == [("the harbour board", "according to", "The pier is unsafe")]


def test_a_belief_before_a_clause_opening_on_a_bare_noun_is_a_statement() -> None:
    assert found("The skipper hoped electric ferries would be cheaper.") == [("The skipper", "hoped", "electric ferries would be cheaper")]
    assert found("He believes strongly in ferries.") == []


def test_a_contrast_on_the_reported_words_after_but_stays_in_the_content() -> None:
    text = "The coach said the fines should fall on the owners, but not on the players."
    assert found(text) == [("The coach", "said", "the fines should fall on the owners, but not on the players")]
    text = "The coach said the new rule would help the clubs, but also the towns around them."
    assert found(text) == [("The coach", "said", "the new rule would help the clubs, but also the towns around them")]
    text = "The coach said the team had played badly, but the fans stayed to the end."
    assert found(text) == [("The coach", "said", "the team had played badly")]


def test_a_clause_that_cannot_stand_before_its_attribution_goes_on_after_it() -> None:
    text = "If the river rises again, the warden said in a radio interview, the lower fields will flood."
    assert _contents(text) == [("said", ["If the river rises again", "the lower fields will flood"])]
    text = "Over the long winter, the warden said, the herd grew thin."
    assert _contents(text) == [("said", ["Over the long winter", "the herd grew thin"])]


def test_a_quotation_resuming_in_lower_case_after_the_attribution_continues_the_clause() -> None:
    text = "A wet spring, the farmer said, “could ruin the barley before it is sown.”"
    assert _contents(text) == [("said", ["A wet spring", "“could ruin the barley before it is sown.”"])]
    text = "At the market, the farmer said, “The barley is ruined.”"
    assert _contents(text) == [("said", ["“The barley is ruined.”"])]


def test_a_day_closing_a_reported_clause_dates_its_verb_and_stays_in_the_content() -> None:
    text = "The mayor said the council would vote on the harbour budget on Monday."
    assert found(text) == [("The mayor", "said", "the council would vote on the harbour budget on Monday")]
    text = "The mayor praised the harbour budget on Monday."
    assert found(text) == [("The mayor", "praised", "the harbour budget")]
    text = "The mayor predicted a close count on Super Tuesday."
    assert found(text) == [("The mayor", "predicted", "a close count on Super Tuesday")]


def test_and_after_a_dash_joining_a_second_reported_clause_stays_in_the_content() -> None:
    text = "The engineer said the dam would hold — and that the valley was safe."
    assert found(text) == [("The engineer", "said", "the dam would hold — and that the valley was safe")]
    text = "The engineer said the dam would hold — and the villagers went home."
    assert found(text) == [("The engineer", "said", "the dam would hold")]


def test_a_lead_before_a_comma_belongs_to_a_quotation_that_goes_on_in_lower_case() -> None:
    text = "With the roads closed, “the harvest will rot in the fields,” the farmer said."
    assert found(text) == [("the farmer", "said", "With the roads closed, “the harvest will rot in the fields,”")]
    text = "With the roads closed, “The harvest will rot in the fields,” the farmer said."
    assert found(text) == [("the farmer", "said", "“The harvest will rot in the fields,”")]


def test_about_after_say_names_the_topic_of_quoted_words_and_no_part_of_the_cue() -> None:
    text = "“It will cost a fortune,” the treasurer said about the new pier."
    assert found(text) == [("the treasurer", "said", "“It will cost a fortune,”")]
    text = "The treasurer said about the new pier, “It will cost a fortune.”"
    assert found(text) == [("The treasurer", "said", "“It will cost a fortune.”")]
    text = "The treasurer complained about the new pier."
    assert found(text) == [("The treasurer", "complained about", "the new pier")]


def test_a_cue_in_an_opening_subordinate_clause_has_its_content_end_before_the_main_clause() -> None:
    text = "When the ferry captain warned that the storm would reach the island by noon, Ortega closed the harbour."
    assert found(text)[0] == ("the ferry captain", "warned", "that the storm would reach the island by noon")
    led = "A few weeks after the mayor announced that the bridge would close, she resigned."
    assert found(led)[0] == ("the mayor", "announced", "that the bridge would close")


def test_a_name_in_apposition_or_a_cue_closing_the_subordinate_clause_keeps_the_content_whole() -> None:
    named = "When the farmers praised the new owner of the mill, Lena Kowalski, she thanked them."
    assert found(named)[0][2] == "the new owner of the mill, Lena Kowalski"
    closed = "As the gazette reported, the new school will open in March."
    assert found(closed) == [("the gazette", "reported", "the new school will open in March")]


def test_a_clause_after_comma_and_whose_own_subject_says_something_ends_the_content() -> None:
    text = "The guide said the trail was closed, and two hikers said they had seen a bear."
    assert found(text)[0] == ("The guide", "said", "the trail was closed")
    named = "The keeper said the lamp had failed, and Mr. Duarte said it was new."
    assert found(named)[0] == ("The keeper", "said", "the lamp had failed")


def test_a_clause_after_comma_and_with_no_verb_of_saying_stays_in_the_content() -> None:
    text = "The guide said the trail was closed, and the river had flooded the bridge."
    assert found(text) == [("The guide", "said", "the trail was closed, and the river had flooded the bridge")]


def test_the_issuer_of_a_document_after_according_to_belongs_to_the_source() -> None:
    text = "The river rose by two metres in a week, according to a report from the Harbour Survey Office."
    assert found(text) == [("a report from the Harbour Survey Office", "according to", "The river rose by two metres in a week")]
    printed = "According to an article in the Valley Gazette, the mill will close."
    assert found(printed) == [("an article in the Valley Gazette", "According to", "the mill will close")]


def test_a_circumstance_after_according_to_a_person_stays_out_of_the_source() -> None:
    text = "The mill will close, according to the owner in an interview."
    assert found(text)[0][0] == "the owner"


def test_a_description_closing_the_sentence_after_according_to_belongs_to_the_source() -> None:
    text = "The ferry fares will rise in spring, according to Marta Lindqvist, a harbour board member."
    assert found(text) == [("Marta Lindqvist, a harbour board member", "according to", "The ferry fares will rise in spring")]
    statement = attribute_article(article_of_lines(text))[0]
    assert statement.speaker.name == "Marta Lindqvist"


def test_a_clause_after_according_to_and_its_source_is_not_a_description() -> None:
    text = "The ferry fares will rise, according to the harbour board, and the timetable will change."
    assert found(text)[0][0] == "the harbour board"
    said = "The ferry fares will rise, according to Marta Lindqvist, who said the board agreed."
    assert found(said)[0][0] == "Marta Lindqvist"


def test_the_initial_of_a_name_keeps_its_period_and_the_name_goes_on() -> None:
    text = "The canal will reopen in June, according to Ines K. Varga, the lock keeper."
    assert found(text) == [("Ines K. Varga, the lock keeper", "according to", "The canal will reopen in June")]
    initials = "According to T. R. Olsen, the canal will reopen in June."
    assert found(initials) == [("T. R. Olsen", "According to", "the canal will reopen in June")]


def test_a_second_description_opened_by_a_relative_pronoun_stays_out_of_the_source() -> None:
    text = "The canal will reopen in June, according to Ines Varga, the lock keeper, who has run it for years."
    assert found(text)[0] == ("Ines Varga, the lock keeper", "according to", "The canal will reopen in June")


def test_identifying_something_as_something_holds_a_view_even_past_a_plural_possessive() -> None:
    text = "The harbour master identified the fishermen's long hours at sea as the main danger."
    assert found(text) == [("The harbour master", "identified", "the fishermen's long hours at sea as the main danger")]
    plural = "The inspectors identified the workers' long night shifts as the cause."
    assert found(plural) == [("The inspectors", "identified", "the workers' long night shifts as the cause")]


def test_a_description_after_according_to_may_end_the_text_on_a_comma() -> None:
    for text in ("The pier is unsafe, according to the board, Lowe,", "It is late according to e,L,"):
        assert all(cue == "according to" for _, cue, _ in found(text))


def test_an_aside_between_commas_before_that_stays_out_of_the_content() -> None:
    assert found("The mayor said at a rally in Hull, Yorkshire, that the ferry would run.") == [
        ("The mayor", "said", "that the ferry would run"),
    ]
    assert found("The skipper insisted, however, that the harbour was safe.") == [("The skipper", "insisted", "that the harbour was safe")]
    assert found("The mayor said, for example, that the pier would close.") == [("The mayor", "said", "that the pier would close")]



def test_a_long_circumstance_of_saying_before_that_stays_out_of_the_content() -> None:
    text = "The mayor said in an interview on the breakfast programme of the local radio station in Hull that the ferry would run."
    assert found(text) == [("The mayor", "said", "that the ferry would run")]


def test_the_day_between_cue_and_object_dates_the_saying_and_stays_out_of_the_content() -> None:
    assert found("The harbour police announced on Friday the arrest of a man.") == [("The harbour police", "announced", "the arrest of a man")]
    assert found("The court ruled Friday against the new ferry fares.") == [("The court", "ruled", "against the new ferry fares")]
    assert found("The mayor promised Tuesday to keep the pier open.") == [("The mayor", "promised", "to keep the pier open")]


def test_a_programme_named_in_quotation_marks_is_the_one_told_and_not_the_content() -> None:
    assert found("The skipper told “Harbour Hour” that the ferry would run.") == [("The skipper", "told", "that the ferry would run")]
    assert found("The skipper told Radio Hull’s “Harbour Hour” on Friday that the ferry would run.") == [
        ("The skipper", "told", "that the ferry would run"),
    ]
    assert found("The skipper told the station’s “Harbour Hour” that the ferry would run.") == [
        ("The skipper", "told", "that the ferry would run"),
    ]
    assert found("The skipper told “The ferry will run.”")[0][2] == "“The ferry will run.”"


def test_a_parenthesis_of_the_writer_closing_the_content_stays_out_of_it() -> None:
    text = "The mayor said the ferry would run all winter (which pleased the skippers at the pier)."
    assert found(text) == [("The mayor", "said", "the ferry would run all winter")]


def test_a_short_parenthesis_naming_or_abbreviating_stays_in_the_content() -> None:
    assert found("The mayor praised Sen. Ann Hale (D-Hull).") == [("The mayor", "praised", "Sen. Ann Hale (D-Hull)")]
    assert found("The mayor backed the Harbour Renewal Plan (HRP).") == [("The mayor", "backed", "the Harbour Renewal Plan (HRP)")]


def test_the_programme_an_object_was_named_on_stays_out_of_the_content() -> None:
    assert found("The senator called the mayor a “disgrace” on The Harbour Hour Show.") == [
        ("The senator", "called", "the mayor a “disgrace”"),
    ]
    assert found("The senator discussed the ferry on Radio Hull’s Morning Tide.") == [("The senator", "discussed", "the ferry")]
    assert found("The senator discussed the ferry on Grey Island.") == [("The senator", "discussed", "the ferry on Grey Island")]


def test_a_comparison_aside_before_that_and_as_it_stands_stay_out_of_the_content() -> None:
    assert found("The mayor cautioned, as did the council itself, that the fares might rise.") == [
        ("The mayor", "cautioned", "that the fares might rise"),
    ]
    assert found("As it stands, the ferry runs twice a day, according to the harbour office.") == [
        ("the harbour office", "according to", "the ferry runs twice a day"),
    ]


def test_a_quotation_closed_by_its_own_attribution_ends_the_content_before_it() -> None:
    text = "The keeper explained the closure because “nobody checks the ice,” she said."
    assert ("The keeper", "explained", "the closure because “nobody checks the ice,”") in found(text)
