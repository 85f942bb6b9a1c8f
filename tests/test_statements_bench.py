"""The PolNeAR reader and span scoring of ``python -m bench statements``, on a folder written here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bench import statements as bench

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO.parent / "shared"))
TEXT = "Prices will rise, the minister said. Smith told reporters that nothing was decided."


def write_split(root: Path) -> None:
    folder = root / "data" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    ann = [
        "T1\tSource 18 30\tthe minister",
        "T2\tCue 31 35\tsaid",
        "T3\tContent 0 16\tPrices will rise",
        "T4\tAttribution 31 35\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tSource 37 42\tSmith",
        "T6\tCue 43 47\ttold",
        "T7\tContent 57 83;83 84\tthat nothing was decided|.",
        "T8\tAttribution 43 47\ttold",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
    ]
    (folder / "attributions" / "doc_ab12.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")


def test_reading_and_scoring_a_split(tmp_path):
    write_split(tmp_path)
    documents = bench.load_split(tmp_path, "dev")
    assert [d.name for d in documents] == ["doc_ab12"]
    assert documents[0].gold[1]["Content"] == ((57, 83), (83, 84))
    predictions = [bench.predict(document) for document in documents]
    scores = bench.score(documents, predictions, saying_only=False)
    assert scores["source exact"]["f1"] == 1.0 and scores["cue exact"]["f1"] == 1.0
    assert scores["content overlap"]["f1"] == 1.0
    assert scores["content exact"]["f1"] == 1.0  # a trailing period piece is ignored by the exact match


def test_overlap_needs_half_of_both_spans():
    text = "one two three four five six"
    gold = [((0, 13),)]  # one two three
    assert bench._matches(text, gold, [((4, 13),)], exact=False)[0] == 1  # two of three tokens
    assert bench._matches(text, gold, [((8, 27),)], exact=False)[0] == 0  # one of three tokens
    assert bench._matches(text, [((0, 7),)], [((0, 27),)], exact=False)[0] == 0  # two of six predicted


@pytest.mark.skipif(not (SHARED / "bench" / "polnear" / "data" / "dev").is_dir(), reason="shared PolNeAR data absent")
def test_quality_floor_on_polnear_dev():
    bench._SAYING_FORMS = bench._saying_forms()
    documents = bench.load_split(SHARED / "bench" / "polnear", "dev")
    predictions = [bench.predict(document) for document in documents]
    scores = bench.score(documents, predictions, saying_only=True)
    assert scores["source overlap"]["f1"] >= 0.75
    assert scores["content overlap"]["f1"] >= 0.70
