"""The seed page: every statement a careful reader finds, with speakers, channel and dates."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from newsledger import extract
from newsledger.attribute import attribute
from newsledger.model import Article, Block, DateField, Evidence, Image, Statement, TextField, to_builtins

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO.parent / "shared"))
GOLDEN = REPO / "tests" / "golden" / "seed-statements.json"
FIXTURES = REPO / "tests" / "fixtures" / "statements"
SEED = FIXTURES / "united24-kolesnikova.txt"
MIN_PROSE_WORDS = 20


def build_seed_article(published: str | None = "2026-01") -> Article:
    """Headline: the first line that the page repeats; caption: the line after the repeat;
    body: the prose lines after it (lines of at least twenty words)."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    headline = next(line for line in lines if line and lines.count(line) > 1 and len(line.split()) >= 6)
    repeat = [i for i, line in enumerate(lines) if line == headline][1]
    caption = lines[repeat + 1]
    prose = [line for line in lines[repeat + 2 :] if len(line.split()) >= MIN_PROSE_WORDS]
    blocks, offset = [], 0
    for paragraph in prose:
        blocks.append(Block(kind="paragraph", text=paragraph, start=offset, end=offset + len(paragraph)))
        offset += len(paragraph) + 2
    evidence = Evidence(source="text-line")
    return Article(
        input_form="text",
        headline=TextField(value=headline, evidence=evidence),
        published=DateField(value=published, precision="month", evidence=Evidence(source="computed")) if published else None,
        lead_image=Image(caption=caption, evidence=evidence),
        blocks=tuple(blocks),
        text="\n\n".join(prose),
    )


# (speaker, cue, words from the content) for the statements of the seed page.
EXPECTED = [
    ("Maria Kolesnikova", "Calls for", "Easing Sanctions"),
    ("Maria Kolesnikova", "has urged", "pursue dialogue with Belarusian leader"),
    ("Maria Kolesnikova", "saying", "isolation from Europe is pushing it closer"),
    ("TV Rain", "according to", "Maria Kolesnikova has urged the European Union"),
    ("Maria Kolesnikova", "said", "deeper isolation makes Belarus"),
    ("Maria Kolesnikova", "questioned", "why European governments had not opened talks"),
    ("Maria Kolesnikova", "pointed to", "Germany as an example"),
    ("Maria Kolesnikova", "said", "sanctions had hit what she described"),
    ("Maria Kolesnikova", "described as", "strongly Europeanized"),
    ("Maria Kolesnikova", "noting", "Belarus once ranked among the leaders"),
    ("Maria Kolesnikova", "said", "Europe should consider engagement"),
    ("Maria Kolesnikova", "arguing", "Lukashenko is pragmatic"),
    ("Maria Kolesnikova", "said", "any discussion of easing sanctions"),
    ("Yulia Navalnaya", "said", "measures should target the Russian leader"),
    ("Leonid Volkov", "acknowledging", "he had written to EU officials"),
    ("Leonid Volkov", "had written to", "seeking sanctions relief"),
    ("Leonid Volkov", "described", "opposing the war"),
    ("Volodymyr Zelenskyy", "said", "Russia was using Belarusian territory"),
    (None, "was reported", "Latvian authorities presented evidence"),
    ("Latvian authorities", "alleging", "Belarusian state involvement"),
]
NOT_STATEMENTS = [
    "speaks during a press conference",
    "Belarus has been closely aligned with Moscow",
    "comments that underscored",
    "highlighting tensions between Minsk",
]


def extract_seed_article() -> Article:
    return extract(SEED.read_bytes())


@pytest.fixture(scope="module", params=["extracted", "built"])
def seed_article(request) -> Article:
    """The seed page through the copied-text extractor, and built by hand (dated January 2026)."""
    return extract_seed_article() if request.param == "extracted" else build_seed_article()


@pytest.fixture(scope="module")
def statements(seed_article) -> tuple[Statement, ...]:
    return attribute(seed_article)


def _find(statements, speaker, cue, words) -> Statement | None:
    for statement in statements:
        if words in statement.content.text and statement.cue.span.text.startswith(cue.split()[0]) and statement.speaker.name == speaker:
            return statement
    return None


@pytest.mark.parametrize(("speaker", "cue", "words"), EXPECTED)
def test_each_statement_is_found_with_its_speaker(statements, speaker, cue, words):
    assert _find(statements, speaker, cue, words) is not None


def test_no_statement_is_found_where_there_is_none(statements):
    for text in NOT_STATEMENTS:
        assert not [s for s in statements if text in s.content.text or text in (s.speaker.mention.text if s.speaker.mention else "")]
    assert len(statements) == len(EXPECTED)


def test_the_lede_comes_through_tv_rain_on_january_19(statements):
    for cue, words in (("has urged", "pursue dialogue"), ("saying", "isolation from Europe")):
        lede = _find(statements, "Maria Kolesnikova", cue, words)
        assert lede.channel.name == "TV Rain" and lede.channel.explicit
        assert lede.channel.cue.text == "according to"
        assert (lede.date.expression.text, lede.date.value, lede.date.year_inferred) == ("on January 19", "2026-01-19", True)


def test_the_interview_channel_carries_over_to_her_next_statements(statements):
    later = _find(statements, "Maria Kolesnikova", "said", "deeper isolation")
    assert later.channel.name == "TV Rain" and not later.channel.explicit
    assert _find(statements, "Yulia Navalnaya", "said", "measures should target").channel is None


def test_pronouns_surnames_and_descriptions_resolve(statements):
    she = _find(statements, "Maria Kolesnikova", "pointed to", "Germany")
    assert (she.speaker.mention.text, she.speaker.resolution) == ("She", "pronoun")
    assert she.speaker.description == "one of the best-known faces of Belarus’s 2020 protests"
    surname = _find(statements, "Maria Kolesnikova", "said", "deeper isolation")
    assert surname.speaker.resolution == "surname"
    assert surname.speaker.mention.text.startswith("Kolesnikova, one of the best-known faces")
    headline = _find(statements, "Maria Kolesnikova", "Calls for", "Easing Sanctions")
    assert (headline.part, headline.speaker.resolution, headline.cue.lemma) == ("headline", "descriptor", "call for")
    navalnaya = _find(statements, "Yulia Navalnaya", "said", "measures")
    assert navalnaya.speaker.mention.text == "she"


def test_kinds_cues_dates_and_nesting(statements):
    mixed = _find(statements, "Maria Kolesnikova", "said", "deeper isolation")
    assert mixed.kind == "mixed" and [f.text for f in mixed.fragments] == ["“less safe and less predictable”"]
    described = _find(statements, "Maria Kolesnikova", "described as", "strongly")
    assert described.kind == "direct" and described.nested_in == _find(statements, "Maria Kolesnikova", "said", "sanctions had hit").id
    assert _find(statements, "Maria Kolesnikova", "has urged", "dialogue").cue.lemma == "urge"
    assert _find(statements, "Maria Kolesnikova", "has urged", "dialogue").addressee.name == "European Union"
    zelenskyy = _find(statements, "Volodymyr Zelenskyy", "said", "Russia was using")
    assert (zelenskyy.date.value, zelenskyy.date.precision, zelenskyy.date.modifier) == ("2025-12", "month", "late")
    volkov = _find(statements, "Leonid Volkov", "acknowledging", "he had written")
    assert (volkov.date.value, volkov.date.year_inferred) == ("2023-03", False)
    unnamed = _find(statements, None, "was reported", "Latvian")
    assert (unnamed.speaker.resolution, unnamed.speaker.mention.text) == ("unnamed", "it was reported")


def test_every_span_indexes_its_part(seed_article, statements):
    article = seed_article
    parts = {"headline": article.headline.value, "body": article.text, "caption": article.lead_image.caption}
    for statement in statements:
        source = parts[statement.part]
        spans = [statement.content, statement.cue.span, *statement.fragments]
        spans += [s for s in (statement.speaker.mention, statement.date and statement.date.expression) if s]
        for span in spans:
            assert source[span.start : span.end] == span.text


def test_without_a_publication_date_the_latest_printed_date_is_the_reference():
    statements = attribute(build_seed_article(published=None))
    lede = _find(statements, "Maria Kolesnikova", "has urged", "dialogue")
    assert lede.date.value == "2026-01-19"
    assert _find(statements, "Volodymyr Zelenskyy", "said", "Russia").date.value == "2025-12"


def test_golden_record():
    statements = attribute(extract_seed_article())
    produced = json.dumps(to_builtins(statements), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if os.environ.get("NEWSLEDGER_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(produced, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == produced


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@pytest.mark.skipif(not (SHARED / "seed" / "expected-statements.json").exists(), reason="shared seed data absent")
def test_against_the_seed_annotation(statements):
    expected = json.loads((SHARED / "seed" / "expected-statements.json").read_text(encoding="utf-8"))
    core = [a for a in expected["attributions"] if not a.get("optional") and a["type"] != "relay"]
    found = 0
    for annotation in core:
        gold = _words(annotation["content"]["text"])
        for statement in statements:
            shared = len(gold & _words(statement.content.text))
            if shared >= 0.5 * len(gold) and statement.speaker.name == annotation["speaker"]["name"]:
                found += 1
                break
    assert found >= len(core) - 1
