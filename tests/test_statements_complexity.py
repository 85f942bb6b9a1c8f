"""Attribution time grows linearly with the input, whatever the number of quotations and cues
in one sentence, one paragraph or one article; a pathological sentence is read in windows and
the statements found there say so."""

from __future__ import annotations

import gc
import itertools
import time

import pytest

from newsledger import extract
from newsledger.attribute import attribute
from newsledger.attribute.text import MAX_SENTENCE_CHARS, sentences
from newsledger.model import Article, Block

GROWTH_PER_DOUBLING = 2.5
SLACK_SECONDS = 0.1


def _article(text: str) -> Article:
    blocks, start = [], 0
    for line in text.split("\n"):
        if line:
            blocks.append(Block(kind="paragraph", text=line, start=start, end=start + len(line)))
        start += len(line) + 1
    return Article(input_form="text", text=text, blocks=tuple(blocks))


def _cpu_seconds(text: str) -> float:
    article = _article(text)
    best = float("inf")
    for _ in range(3):
        gc.collect()
        started = time.process_time()
        attribute(article)
        best = min(best, time.process_time() - started)
    return best


FAMILIES = {
    # quotations and cues in one sentence with no sentence end
    "one sentence": lambda n: '"Hello," said ' * n,
    # sentences whose quotations hold their periods: one paragraph, one splitter "sentence"
    "one paragraph": lambda n: 'He said "it is fine." She said "it is not." ' * n,
    # curly quotations each after a pronoun's cue: thousands of statements in one sentence
    "quotations after pronoun cues": lambda n: "It rained. " + "she said, \u201cYes,\u201d " * (5 * n),
    # many short paragraphs with pronouns and appositives to resolve across the article
    "many paragraphs": lambda n: (
        'Jane Smith, a lawyer from Ohio, said that it was not. "It is fine," she said. Mr. Brown said he agreed.\n'
        * n
    ),
    # runs of sentence-end marks that never end a sentence (no capital after them)
    "runs of periods": lambda n: "Some words said here " + "." * (10 * n) + " and more",
    "runs of ?!": lambda n: "He said " + "?!" * (5 * n) + " and more",
    # one long run of capitalised words, its last word named again and again by a pronoun's cue
    "a long name mentioned often": lambda n: (
        " ".join(f"Word{i}x" for i in range(n)) + " Smith said it. " + "Smith said he would. " * n
    ),
    # one huge paragraph of ordinary prose with cues
    "huge prose paragraph": lambda n: (
        "The minister said that the plan was good and officials noted that it would work, and John Smith told reporters that he agreed. "
        * n
    ),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_time_grows_linearly(family):
    build = FAMILIES[family]
    size = 200
    times = [_cpu_seconds(build(size * factor)) for factor in (1, 2, 4)]
    for smaller, larger in itertools.pairwise(times):
        assert larger <= GROWTH_PER_DOUBLING * smaller + SLACK_SECONDS, f"{family}: {times}"


def test_ten_thousand_quotations_and_cues_as_copied_text_take_under_a_second():
    text = '"Hello," said ' * 10_000
    started = time.process_time()
    attribute(extract(text, form="text"))
    assert time.process_time() - started < 1.0


def test_a_pathological_sentence_is_read_in_windows_and_its_statements_say_so():
    text = 'Smith said that the plan "is fine and fair" and Jones said that the plan "is not fine", ' * 100
    assert len(text) > 2 * MAX_SENTENCE_CHARS
    windows = sentences(text)
    assert len(windows) >= 3
    assert all(
        window.end - window.start <= MAX_SENTENCE_CHARS and window.cut_from == len(text.strip())
        for window in windows
    )
    statements = attribute(_article(text))
    assert statements
    assert all(
        statement.notes and f"{len(text.strip()):,} characters" in statement.notes[0]
        for statement in statements
    )
    assert all(len(statement.content.text) <= MAX_SENTENCE_CHARS for statement in statements)


def test_windows_are_cut_outside_quotations():
    text = ("He said " + '"' + "word " * 20 + '" ') * 200
    for window in sentences(text):
        inside = text[window.start : window.end]
        assert inside.count('"') % 2 == 0, inside[-60:]


def test_an_ordinary_sentence_carries_no_note():
    statements = attribute(_article('"The dam is safe," the engineer said on Tuesday.'))
    assert len(statements) == 1
    assert statements[0].notes == ()


def test_a_body_past_the_attribution_cap_is_read_to_a_paragraph_end_and_the_statements_say_so(monkeypatch):
    from newsledger.attribute import engine

    monkeypatch.setattr(engine, "MAX_ATTRIBUTED_CHARS", 2_000)
    paragraph = 'The mayor said that the bridge would reopen. "It is safe," she said.\n'
    text = paragraph * 100
    statements = attribute(_article(text))
    assert statements
    assert max(s.content.end for s in statements) <= 2_000
    assert all(
        "attribution read the first 1,931 characters of a body of 6,900" in s.notes for s in statements
    )
    short = attribute(_article(paragraph * 3))
    assert short and all(not s.notes for s in short)


def test_a_body_past_the_cue_cap_stops_there_and_the_statements_say_so(monkeypatch):
    from newsledger.attribute import engine

    monkeypatch.setattr(engine, "MAX_CUES", 50)
    paragraph = '"The water is clean," the engineer said. The mayor said the bridge would reopen.\n'
    statements = attribute(_article(paragraph * 200))
    assert 50 <= len(statements) <= 52
    stopped = max(s.content.end for s in statements)
    assert stopped < len(paragraph) * 30
    assert all(s.notes and s.notes[-1].startswith("attribution stopped at 50 cues") for s in statements)
    assert all(not s.notes for s in attribute(_article(paragraph * 3)))


def test_a_headline_or_caption_of_swallowed_page_text_is_read_in_part_and_the_statements_say_so():
    import msgspec

    from newsledger.attribute.engine import MAX_SIDE_CHARS
    from newsledger.model import Evidence, Image, TextField

    swallowed = '"The dam is safe," the engineer said. ' * 20_000
    article = msgspec.structs.replace(
        _article('"It holds," the mayor said on Tuesday.'),
        headline=TextField(value=swallowed, evidence=Evidence(source="dom", locator="title")),
        lead_image=Image(url="https://a.example/dam.jpg", caption=swallowed, evidence=Evidence(source="dom")),
    )
    started = time.process_time()
    statements = attribute(article)
    assert time.process_time() - started < 1.0
    assert statements
    assert all(
        f"attribution read the first {MAX_SIDE_CHARS:,} characters of a headline of {len(swallowed):,}" in s.notes
        and f"attribution read the first {MAX_SIDE_CHARS:,} characters of each caption" in s.notes
        for s in statements
    )
    assert all(s.content.end <= MAX_SIDE_CHARS for s in statements if s.part != "body")


def test_capitalised_words_far_from_the_last_word_inside_a_sentence_cost_what_others_do():
    # Each capitalised word was compared with the text back to the last word found inside a
    # sentence, by slicing that gap: a line repeated after a lower-case word made it quadratic.
    repeated = "Photo: Tom Berg " * 8_000
    after_a_word = _cpu_seconds("The mayor’s lights can be more specific " + repeated)
    after_a_sentence = _cpu_seconds("The mayor’s lights can be more specific. " + repeated)
    assert after_a_word < 2.0 * after_a_sentence + 0.05, (after_a_word, after_a_sentence)


def test_a_long_place_name_mentioned_thousands_of_times_is_split_once() -> None:
    from newsledger.attribute.speakers import NameMention, Person, _MentionIndex

    def build(n: int) -> float:
        place = Person(name=" ".join(["Harbour"] * 20_000), gender=None, placed=True)
        mentions = [NameMention(position=i, person=place) for i in range(n)]
        started = time.process_time()
        index = _MentionIndex((), mentions, [])
        assert index.latest(n, "any") is None  # a place is no one a pronoun means
        return time.process_time() - started

    assert build(4_000) < 0.5
