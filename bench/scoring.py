"""The ScrapingHub article-extraction metric: word 4-gram shingles, per-page normalised counts.

- tokens: ``re.findall(r"\\w+", text)``; shingles: word 4-grams as a multiset (fewer than 4
  tokens give one shorter shingle);
- per page TP = sum of min(true, predicted) counts, FP = predicted excess, FN = missing, and
  (TP, FP, FN) normalised to sum to 1;
- precision = mean per-page precision over pages with a non-empty prediction; recall = mean
  per-page recall over pages with ground truth; F1 = 2PR / (P + R) of the two means.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    empty_prediction: bool
    has_truth: bool

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(truth: str, prediction: str) -> PageScore:
    true_counts = shingles(truth)
    predicted_counts = shingles(prediction)
    tp = sum((true_counts & predicted_counts).values())
    fp = sum((predicted_counts - true_counts).values())
    fn = sum((true_counts - predicted_counts).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(tp, fp, fn, empty_prediction=not predicted_counts, has_truth=bool(true_counts))


@dataclass(frozen=True)
class CorpusScore:
    precision: float
    recall: float
    f1: float
    empty: int
    pages: int
    f1_quantiles: tuple[float, ...]


def score_corpus(truths: dict[str, str], predictions: dict[str, str]) -> CorpusScore:
    pages = [score_page(truths[key], predictions.get(key) or "") for key in truths]
    precisions = [page.precision for page in pages if not page.empty_prediction]
    recalls = [page.recall for page in pages if page.has_truth]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_page = sorted(page.f1 for page in pages)
    quantiles = tuple(per_page[min(len(per_page) - 1, int(q * len(per_page)))] for q in (0.05, 0.1, 0.25, 0.5)) if per_page else ()
    return CorpusScore(precision, recall, f1, sum(page.empty_prediction for page in pages), len(pages), quantiles)
