"""The learned attribution tagger: features, decoding, training on a corpus written here, the
shipped weights and the ``learned`` / ``hybrid`` engines."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from bench import train_attribution

from newsledger.attribute import attribute
from newsledger.attribute.learned.features import make_unit, reporting_lemma, shape
from newsledger.attribute.learned.perceptron import Trainer, _allowed, viterbi
from newsledger.attribute.learned.tagger import (
    CUE_LABELS,
    _nearest,
    dump_model,
    parse_model,
    shipped_model,
    tag_text,
)
from newsledger.errors import AttributionError
from newsledger.model import Article, Block

MAYOR = "The mayor said on Tuesday that the bridge would reopen."


def _article(text: str) -> Article:
    return Article(
        input_form="text", text=text, blocks=(Block(kind="paragraph", text=text, start=0, end=len(text)),)
    )


def _texts(text: str, pieces) -> list[str]:
    return [text[start:end] for start, end in pieces]


# --------------------------------------------------------------------------- features and decoding


def test_quotation_state_marks_the_quoted_tokens_and_their_marks():
    text = "He said: “We will win.” Then he left."
    unit = make_unit(text, 0, len(text))
    quoted = [token.text for token, inside in zip(unit.tokens, unit.quoted, strict=True) if inside]
    assert quoted == ["“", "We", "will", "win", ".", "”"]


def test_sentences_are_numbered_within_a_paragraph():
    text = "Taxes rose. She said so."
    unit = make_unit(text, 0, len(text))
    assert unit.sentence_of == (0, 0, 0, 1, 1, 1, 1)


def test_reporting_lemma_reads_the_verb_inside_a_longer_cue():
    assert reporting_lemma("said on Tuesday") == "say"
    assert reporting_lemma("has repeatedly warned") == "warn"
    assert reporting_lemma("expressed optimism") == "expressed optimism"


def test_shape_classes():
    assert [shape(w) for w in ("Obama", "NATO", "2016", "said", ",")] == ["Aa", "AA", "d", "a", ","]


def test_viterbi_never_starts_or_continues_a_span_with_an_inside_label():
    labels = ("O", "BS", "IS", "BC", "IC")
    allowed = _allowed(labels)
    transitions = [[0.0] * 5 for _ in range(6)]
    # The inside labels score best everywhere, but an IC may not follow an IS nor open the sequence.
    emissions = [[0, 0, 5, 0, 0], [0, 0, 0, 0, 5], [0, 0, 0, 0, 5]]
    path = [labels[i] for i in viterbi(emissions, transitions, allowed)]
    assert path[0] != "IS" and path[0] != "IC"
    for previous, current in itertools.pairwise(path):
        if current.startswith("I"):
            assert previous in ("B" + current[1:], current)


def test_nearest_segment_keeps_a_quotation_split_by_its_cue():
    text = "“We won,” she said, “and we will win again.” Others, however, disagreed strongly."
    unit = make_unit(text, 0, len(text))
    words = [token.text for token in unit.tokens]
    cue = words.index("said")
    before, after, far = (
        (0, cue - 2),
        (cue + 2, words.index("Others")),
        (words.index("disagreed"), len(words)),
    )
    chosen = _nearest(unit, [before, after, far], cue, cue + 1, both_sides=True)
    assert chosen == [before, after]
    assert _nearest(unit, [before, far], cue, cue + 1, both_sides=False) == [before]


def test_the_perceptron_learns_a_separable_labelling():
    examples = [([["w=said"], ["w=x"]], [1, 0]), ([["w=x"], ["w=said"], ["w=said-next"]], [0, 1, 2])]
    tagger = Trainer(CUE_LABELS).train(examples, epochs=5, seed=1)
    assert tagger.decode([["w=x"], ["w=said"], ["w=said-next"]]) == [0, 1, 2]


# --------------------------------------------------------------------------- training on a corpus written here

CORPUS = [
    (
        "The senator said that taxes would fall.\n\nVoters stayed home.",
        [("The senator", "said", "that taxes would fall")],
    ),
    (
        "Officials warned that the river would flood.\n\nThe rain went on.",
        [("Officials", "warned", "that the river would flood")],
    ),
    (
        "The coach said that the team would win.\n\nFans cheered.",
        [("The coach", "said", "that the team would win")],
    ),
    ("Polls show that the race is close.\n\nNobody knows.", [("Polls", "show", "that the race is close")]),
]


def _brat(text: str, triples) -> str:
    lines, number = [], 0
    for event, triple in enumerate(triples, 1):
        refs = []
        for role, phrase in zip(("Source", "Cue", "Content"), triple, strict=True):
            number += 1
            start = text.index(phrase)
            lines.append(f"T{number}\t{role} {start} {start + len(phrase)}\t{phrase}")
            refs.append(f"{role}:T{number}")
        lines.append(f"E{event}\tAttribution:T{number} " + " ".join(refs))
    return "\n".join(lines) + "\n"


def write_corpus(root: Path) -> Path:
    for split in ("train", "dev"):
        (root / "data" / split / "text").mkdir(parents=True)
        (root / "data" / split / "attributions").mkdir()
        for number, (text, triples) in enumerate(CORPUS):
            (root / "data" / split / "text" / f"doc{number}.txt").write_text(text, encoding="utf-8")
            (root / "data" / split / "attributions" / f"doc{number}_ab12.ann").write_text(
                _brat(text, triples), encoding="utf-8"
            )
    return root


def _tiny_model(root: Path):
    from newsledger.attribute.learned.training import train

    documents = train_attribution.load_split(root, "train")
    return train(train_attribution.corpus(documents), epochs=8, seed=3, min_count=1)


def test_training_on_a_written_corpus_tags_its_training_sentences(tmp_path):
    model = _tiny_model(write_corpus(tmp_path))
    for text, ((source, cue, content),) in CORPUS:
        (found,) = tag_text(text, model)
        assert _texts(text, found.cue) == [cue]
        assert _texts(text, found.source) == [source]
        assert _texts(text, found.content) == [content]


def test_training_is_deterministic_and_the_weights_round_trip(tmp_path):
    root = write_corpus(tmp_path)
    first, second = dump_model(_tiny_model(root)), dump_model(_tiny_model(root))
    assert first == second
    again = parse_model(first)
    assert dump_model(again) == first


def test_the_bench_command_writes_weights_and_scores_dev(tmp_path, capsys):
    root = write_corpus(tmp_path / "polnear")
    output = tmp_path / "weights.json.gz"
    assert train_attribution.main(["--data", str(root), "--epochs", "4", "--output", str(output)]) == 0
    assert parse_model(output.read_bytes()).triggers
    assert "cue exact" in capsys.readouterr().out


def test_a_missing_split_is_a_one_line_error(tmp_path, capsys):
    assert train_attribution.main(["--data", str(tmp_path)]) == 2
    assert "no PolNeAR train split" in capsys.readouterr().err


def test_weights_that_are_not_a_model_are_refused():
    with pytest.raises(AttributionError, match="not a gzip'd JSON"):
        parse_model(b"not gzip")


# --------------------------------------------------------------------------- the shipped weights and the engines


def test_the_shipped_weights_tag_a_plain_statement():
    (found,) = tag_text(MAYOR, shipped_model())
    assert _texts(MAYOR, found.source) == ["The mayor"]
    assert _texts(MAYOR, found.cue)[0].startswith("said")
    assert _texts(MAYOR, found.content) == ["that the bridge would reopen"]
    assert 0.5 < found.score <= 1.0


def test_the_learned_engine_builds_statements_with_rules_speakers():
    (statement,) = attribute(_article(MAYOR), engine="learned")
    assert statement.engine == "learned-1"
    assert statement.speaker.mention is not None and statement.speaker.mention.text == "The mayor"
    assert statement.content.text == "that the bridge would reopen"
    assert statement.cue.lemma == "say"


def test_the_hybrid_engine_keeps_the_rules_and_adds_what_they_missed():
    text = "The mayor said the bridge would reopen. Polls show that most voters want a new bridge."
    rules = attribute(_article(text), engine="rules")
    hybrid = attribute(_article(text), engine="hybrid")
    assert {s.cue.span.start for s in rules} <= {s.cue.span.start for s in hybrid}
    assert {s.engine for s in hybrid} >= {"rules-1"}


def test_an_unknown_engine_is_refused():
    with pytest.raises(AttributionError, match="unknown attribution engine"):
        attribute(_article(MAYOR), engine="oracle")


def test_a_source_with_an_appositive_resolves_on_the_name_before_its_comma():
    from newsledger.attribute.learned.engine import _head_and_appositive

    text = "Richard Roe, director of the Tax Institute at Yale, said so."
    span = (0, text.index(" said"))
    head, appositive = _head_and_appositive(text, span)
    assert text[head[0] : head[1]] == "Richard Roe"
    assert (
        appositive is not None
        and text[appositive[0] : appositive[1]] == "director of the Tax Institute at Yale"
    )
    assert _head_and_appositive(text, (0, 11)) == ((0, 11), None)


def test_a_content_cut_inside_a_long_quotation_is_widened_to_the_quotation():
    from newsledger.attribute.learned.tagger import _snapped, quotations

    text = "“We will rebuild the bridge and the road before winter,” the mayor said, “and then the school.”"
    unit = make_unit(text, 0, len(text))
    first, second = quotations(unit)
    assert [unit.tokens[i].text for i in (first[0], first[1] - 1, second[0], second[1] - 1)] == [
        "“",
        "”",
        "“",
        "”",
    ]
    cut = (first[0] + 1, first[1] - 3)  # "We will ... before" without "winter,”"
    assert _snapped(unit, [cut]) == [first]
    short = (first[0] + 1, first[0] + 3)  # two words of a long quotation stay as they are
    assert _snapped(unit, [short]) == [short]


def test_a_quoted_content_goes_on_into_a_next_sentence_that_is_only_a_quotation():
    from newsledger.attribute.learned.tagger import _continued, quotations

    text = "“We won,” she said. “We will win again.”"
    unit = make_unit(text, 0, len(text))
    first, second = quotations(unit)
    assert _continued(unit, [first]) == [first, second]
    inside = (first[0] + 1, first[1] - 2)
    assert _continued(unit, [inside]) == [inside]
    for other in (
        "“We won,” she said. “We will win again,” her aide replied.",
        "“We won,” she said. Her aide added: “We will win again.”",
    ):
        unit = make_unit(other, 0, len(other))
        assert _continued(unit, [quotations(unit)[0]]) == [quotations(unit)[0]]


def test_bench_statements_scores_several_engines_side_by_side(tmp_path, capsys):
    from bench import statements

    root = write_corpus(tmp_path / "polnear")
    assert (
        statements.main(
            ["--data", str(root), "--split", "dev", "--engine", "rules,learned,hybrid", "--passes", "1"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "F1 side by side" in out
    for engine in ("rules", "learned", "hybrid"):
        assert f"speed, engine {engine} (CPU time)" in out
