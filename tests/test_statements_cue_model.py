"""The learned cue detector: shipped small, read from the package, finding cues outside the verb
table, and trained deterministically by the project's own code."""

from __future__ import annotations

from importlib import resources

from newsledger.attribute import attribute
from newsledger.attribute.cue_model import MODEL_FILE, features, load_model
from newsledger.attribute.text import sentences
from newsledger.model import Article, Block


def _article(text: str) -> Article:
    return Article(
        input_form="text", text=text, blocks=(Block(kind="paragraph", text=text, start=0, end=len(text)),)
    )


def test_the_weights_ship_in_the_package_and_are_small():
    weights = resources.files("newsledger.attribute").joinpath("data", MODEL_FILE)
    assert len(weights.read_bytes()) <= 25_000_000
    model = load_model()
    assert model is not None and "said" in model.heads and model.weights


def test_a_cue_outside_the_verb_table_is_found_with_its_speaker_and_content():
    text = "Former governor Tom Baker endorsed Ana Ruiz on Tuesday."
    [statement] = attribute(_article(text))
    assert (statement.speaker.name, statement.cue.span.text) == ("Tom Baker", "endorsed")
    assert attribute(_article(text), engine="table") == ()  # the verb table alone does not know it


def test_a_description_with_a_place_in_it_is_no_name():
    [statement] = attribute(_article("The Vermont senator declined to say whether the plan would pass."))
    assert statement.cue.span.text == "declined"
    assert statement.speaker.name is None and statement.speaker.description == "The Vermont senator"


def test_words_inside_quotations_are_never_learned_cues():
    text = '"He endorsed nobody and declined everything," Ana Ruiz said.'
    assert [statement.cue.span.text for statement in attribute(_article(text))] == ["said"]


def test_training_is_deterministic_and_learns_a_separable_rule():
    from bench.cues import train

    sentence = sentences("Officials endorsed the plan and the mayor painted the wall.")[0]
    heads = {"endorsed"}
    data = [(features(sentence, index), token.lower in heads) for index, token in enumerate(sentence.tokens)]
    first, second = train(data, passes=5), train(data, passes=5)
    assert first == second
    weights, bias = first
    scores = {
        token.lower: bias + sum(weights.get(f, 0.0) for f in features(sentence, i))
        for i, token in enumerate(sentence.tokens)
    }
    assert scores["endorsed"] > 0 > scores["painted"]


def test_a_passive_is_no_learned_cue():
    # the subject of "are considered" is what is said, not who says it
    assert (
        attribute(_article("Animal-based foods are considered complete proteins by most dietitians.")) == ()
    )


def test_common_verbs_are_never_learned_cues():
    model = load_model()
    assert {"am", "continue", "have", "maintain"}.isdisjoint(model.heads)
    assert attribute(_article("I am bad with technology, and we continue to test new watches.")) == ()


def test_only_words_that_mostly_head_cues_are_kept():
    from bench.cues import head_words

    sentence = sentences("Officials endorsed the plan and endorsed the budget, then painted the wall.")[0]
    data = [
        (features(sentence, i), token.lower == "endorsed" or (token.lower == "painted" and i < 0))
        for i, token in enumerate(sentence.tokens)
    ]
    assert head_words(data, share=0.3, least=2) == ["endorsed"]


def test_an_adverb_read_as_a_cue_head_leads_to_the_verb_after_it():
    from newsledger.attribute.cues import _learned_cue

    tokens = sentences("The mayor openly admires the old harbour master.")[0].tokens
    cue = _learned_cue(tokens, 2)
    assert cue is not None and (tokens[cue.first].text, tokens[cue.last].text) == ("openly", "admires")
    tokens = sentences("The mayor spoke openly.")[0].tokens
    cue = _learned_cue(tokens, 3)
    assert cue is not None and (tokens[cue.first].text, tokens[cue.last].text) == ("openly", "openly")
