"""Quality gate for HTML body extraction on the shared benchmark pages, when they are present.

The pages live outside the repository (``$NEWSLEDGER_SHARED/bench/scrapinghub``, by default
``../shared`` beside the repo); without them the test is skipped. The floor sits below the
measured score (see BENCHMARKS.md) so that only a real regression fails it.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from bench.scoring import score_corpus

from newsledger import extract

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO.parent / "shared"))
PAGES = SHARED / "bench" / "scrapinghub"
F1_FLOOR = 0.965


@pytest.mark.skipif(not (PAGES / "ground-truth.json").exists(), reason="benchmark pages not present")
def test_body_f1_on_benchmark_pages() -> None:
    truth = {
        key: value["articleBody"]
        for key, value in json.loads((PAGES / "ground-truth.json").read_text()).items()
    }
    predictions = {}
    for path in sorted((PAGES / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        if key in truth:
            predictions[key] = extract(gzip.decompress(path.read_bytes()), form="html").text
    score = score_corpus({key: truth[key] for key in predictions}, predictions)
    assert score.pages >= 150
    assert score.empty == 0
    assert score.f1 >= F1_FLOOR, f"body F1 {score.f1:.3f} fell below {F1_FLOOR}"
