import msgspec
import pytest

from newsledger.model import (
    SCHEMA_VERSION,
    Article,
    Block,
    Cue,
    Evidence,
    Span,
    Speaker,
    Statement,
    TextField,
    article_from_json,
    statements_from_json,
    to_json,
)


def sample_article() -> Article:
    return Article(
        input_form="html",
        headline=TextField(value="A headline", evidence=Evidence(source="json-ld", locator="json-ld[0].headline")),
        blocks=(Block(kind="paragraph", text="One.", start=0, end=4),),
        text="One.",
    )


def test_article_round_trips_through_json():
    article = sample_article()
    assert article_from_json(to_json(article)) == article


def test_article_json_carries_schema_version_and_omits_empty_defaults():
    data = msgspec.json.decode(to_json(sample_article()))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["authors"] == []
    assert "rejected" not in data["headline"]["evidence"]
    assert data["headline"]["evidence"]["source"] == "json-ld"


def test_records_are_immutable():
    article = sample_article()
    with pytest.raises(AttributeError):
        article.text = "changed"  # type: ignore[misc]


def test_statement_round_trips():
    text = "She said it rained."
    statement = Statement(
        id="S1",
        kind="indirect",
        content=Span(start=9, end=18, text=text[9:18]),
        cue=Cue(span=Span(start=4, end=8, text="said"), lemma="say"),
        speaker=Speaker(name="Ann Lee", mention=Span(start=0, end=3, text="She"), resolution="pronoun"),
    )
    assert statements_from_json(msgspec.json.encode([statement])) == (statement,)


def test_evidence_source_is_validated():
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(b'{"source": "guess"}', type=Evidence)
