"""The WCXB body metric, as its ``evaluate.py`` computes it.

- tokens: ``re.findall(r"\\w+", text.lower())``; overlap: the multiset intersection;
- per page precision = overlap / predicted tokens, recall = overlap / true tokens, F1 their
  harmonic mean; an empty prediction scores 0 (1 when the truth is empty too);
- the corpus score is the mean of the per-page values, overall and per page type;
- snippet rates: the share of the page's *with* (resp. *without*) snippets found in the
  lower-cased prediction, averaged over pages (a page without snippets counts 1).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class WcxbTruth:
    text: str
    page_type: str
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()


@dataclass(frozen=True)
class WordScore:
    precision: float
    recall: float
    f1: float
    with_rate: float
    without_rate: float


@dataclass(frozen=True)
class WcxbScore:
    overall: WordScore
    by_type: dict[str, WordScore]
    pages_by_type: dict[str, int]
    empty: int
    pages: int
    per_page: dict[str, float]


def word_prf(prediction: str, truth: str) -> tuple[float, float, float]:
    predicted = _TOKEN.findall(prediction.lower()) if prediction else []
    true = _TOKEN.findall(truth.lower()) if truth else []
    if not true:
        return (0.0, 0.0, 0.0) if predicted else (1.0, 1.0, 1.0)
    if not predicted:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(predicted) & Counter(true)).values())
    precision, recall = overlap / len(predicted), overlap / len(true)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def snippet_rate(prediction: str, snippets: Sequence[str]) -> float:
    if not snippets:
        return 1.0
    lowered = prediction.lower()
    return sum(snippet.lower() in lowered for snippet in snippets) / len(snippets)


def page_score(prediction: str, truth: WcxbTruth) -> WordScore:
    precision, recall, f1 = word_prf(prediction, truth.text)
    return WordScore(
        precision,
        recall,
        f1,
        snippet_rate(prediction, truth.with_snippets),
        snippet_rate(prediction, truth.without_snippets),
    )


def _mean(scores: Sequence[WordScore]) -> WordScore:
    n = len(scores) or 1
    return WordScore(
        *(sum(getattr(s, field) for s in scores) / n for field in WordScore.__dataclass_fields__)
    )


def score_wcxb(truths: Mapping[str, WcxbTruth], predictions: Mapping[str, str]) -> WcxbScore:
    scores: dict[str, WordScore] = {}
    by_type: dict[str, list[WordScore]] = defaultdict(list)
    for key, truth in sorted(truths.items()):
        scores[key] = page_score(predictions.get(key) or "", truth)
        by_type[truth.page_type].append(scores[key])
    empty = sum(not _TOKEN.search(predictions.get(key) or "") for key in truths)
    return WcxbScore(
        overall=_mean(list(scores.values())),
        by_type={kind: _mean(values) for kind, values in by_type.items()},
        pages_by_type={kind: len(values) for kind, values in by_type.items()},
        empty=empty,
        pages=len(scores),
        per_page={key: score.f1 for key, score in scores.items()},
    )
