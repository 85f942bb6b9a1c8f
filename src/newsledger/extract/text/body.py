"""Where the article is in a copied page: the densest run of prose, found by a max-sum scan.

Each line scores its length when it reads as prose and a penalty when it reads as furniture
(short, title-cased, a known label or button); the body is the run of lines with the largest
total, so a few menu lines inside the article cost less than the paragraphs around them gain,
while the menus and teasers around the article are left out.
"""

from __future__ import annotations

from newsledger.extract.text.classify import classify, is_linky
from newsledger.extract.text.lines import Line

SHORT_PENALTY = 25
FURNITURE_PENALTY = 40


def is_prose(line: Line) -> bool:
    """A sentence or more of running text: enough words, mostly lower-case, ending like a sentence."""
    if line.words < 8 or line.lower_ratio < 0.45:
        return False
    return line.ends_sentence or line.words >= 20 or line.sentences >= 2


def line_score(line: Line, furniture: bool) -> float:
    if furniture:
        return -FURNITURE_PENALTY
    if is_prose(line) and not is_linky(line):
        return float(len(line.text))
    return -SHORT_PENALTY


def densest_run(scores: list[float]) -> tuple[int, int]:
    """(start, end) indexes, end exclusive, of the run with the largest sum (Kadane's scan)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span


def find_body(lines: list[Line]) -> tuple[int, int, list[tuple[str, str] | None]]:
    kinds = [classify(line) for line in lines]
    scores = [line_score(line, kind is not None) for line, kind in zip(lines, kinds, strict=True)]
    start, end = densest_run(scores)
    return start, end, kinds
