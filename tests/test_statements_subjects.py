"""Subjects the rules missed on news they were not tuned on: an adverb between commas, a
participial phrase between subject and cue, a verb's form used as a noun after "of"."""

from __future__ import annotations

from tests.statementkit import found


def test_an_adverb_between_commas_does_not_hide_the_subject() -> None:
    text = "Harlow, though, said the locks would stay shut."
    assert found(text) == [("Harlow", "said", "the locks would stay shut")]


def test_a_participial_phrase_between_subject_and_cue_is_stepped_over() -> None:
    text = "Ferry captain Ann Lowe, wearing a coat covered in badges, said she would sail at dawn."
    assert found(text) == [("Ferry captain Ann Lowe", "said", "she would sail at dawn")]


def test_a_verb_form_after_of_is_a_noun_of_the_subject() -> None:
    text = "The minister of state said the border would reopen."
    assert found(text) == [("The minister of state", "said", "the border would reopen")]


def test_an_auxiliary_contracted_onto_a_pronoun_belongs_to_the_cue() -> None:
    assert found("She’d argued that the locks would fail.") == [("She", "’d argued", "that the locks would fail")]
    assert found("They're saying the ferry will stop in May.") == [("They", "'re saying", "the ferry will stop in May")]


def test_a_possessive_is_no_contracted_auxiliary() -> None:
    text = "The mayor’s plan will fail, the keeper said."
    assert found(text) == [("the keeper", "said", "The mayor’s plan will fail")]


def test_a_verb_coordinated_with_the_first_shares_the_name_opening_the_sentence() -> None:
    assert found("Carson stood up and told his supporters, “the harbour is in trouble.”") == [
        ("Carson", "told", "“the harbour is in trouble.”"),
    ]
    assert found("Perhaps go a step further, and ask whether the rules are fair.") == []
    assert found("Mayor Dahl stood on the pier but told the crowd that the ferry would return.") == [
        ("Mayor Dahl", "told", "that the ferry would return"),
    ]


def test_the_subject_a_participle_shares_leaves_out_adverbs_and_an_opening_circumstance() -> None:
    assert found("The skipper then moored the boat, telling passengers that the sea was calm.") == [
        ("The skipper", "telling", "that the sea was calm"),
    ]
    assert found("On Monday they opened the pier by announcing that it was safe.") == [("they", "announcing", "that it was safe")]


def test_no_subject_ends_on_a_preposition_or_a_determiner() -> None:
    assert found("After the storm the skipper sent a series of tweets criticizing the harbour master.") == []


def test_a_document_described_by_a_participle_is_the_whole_subject() -> None:
    assert found("A harbour board report released last year found that the pier was unsafe.") == [
        ("A harbour board report released last year", "found", "that the pier was unsafe"),
    ]


def test_no_subject_ends_on_a_possessive_or_a_compound_adjective() -> None:
    assert found("After the storm, Lowe’s late-night tweets accusing the harbour master of lying were deleted.") == []


def test_a_coordinated_or_listed_subject_is_kept_whole() -> None:
    assert found("The Harbour Times and the Island Gazette filed suit, arguing that the records should be public.") == [
        ("The Harbour Times and the Island Gazette", "arguing", "that the records should be public"),
    ]
    assert found("The family, protesters and civic leaders have been demanding that the footage be released.") == [
        ("The family, protesters and civic leaders", "have been demanding", "that the footage be released"),
    ]
    assert found("On Tuesday, protesters and civic leaders said the footage should be released.")[0][0] == "protesters and civic leaders"


def test_that_opening_the_clause_before_a_noun_points_to_the_subject() -> None:
    assert found("But that harbour report also underscored how little the board knew.")[0][:2] == ("that harbour report", "also underscored")
    assert found("The mayor said that residents told him the pier was unsafe.")[1][:2] == ("residents", "told")


def test_a_verb_whose_object_follows_keeps_its_subject_before_an_aside() -> None:
    text = "Harbour pilot Greta Ness, a critic of the dredging plan, applauded the council’s decision."
    assert found(text) == [
        ("Harbour pilot Greta Ness, a critic of the dredging plan,", "applauded", "the council’s decision"),
    ]
    assert found("However, Olaf Brun, head of the ferry union, rejected the mayor’s offer.") == [
        ("Olaf Brun, head of the ferry union,", "rejected", "the mayor’s offer"),
    ]


def test_a_verb_of_saying_after_a_comma_still_inverts() -> None:
    text = "The ferry will not sail before May, predicted Lena Voss, the harbour master."
    assert found(text) == [("Lena Voss, the harbour master", "predicted", "The ferry will not sail before May")]


def test_a_name_starting_the_clause_said_is_no_inverted_subject() -> None:
    text = "In an interview, Ivo Marsh, a retired pilot, said Dahl was wrong about the tides."
    assert found(text) == [("Ivo Marsh, a retired pilot,", "said", "Dahl was wrong about the tides")]
    assert found("The tide turned early, said Ivo Marsh, a retired pilot.") == [
        ("Ivo Marsh, a retired pilot", "said", "The tide turned early"),
    ]


def test_a_title_quoted_in_the_subject_s_aside_is_not_the_words_reported() -> None:
    text = "Kaja Lind, star of the play “Low Tide,” praised the crew for their patience."
    assert not any(source.startswith("the crew") for source, _, _ in found(text))
