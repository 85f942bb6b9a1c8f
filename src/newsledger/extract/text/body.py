"""Where the article is in a copied page: the densest run of prose, found by a max-sum scan.

Each line scores its length when it reads as prose and a penalty when it reads as furniture
(short, title-cased, a known label or button); the body is the run of lines with the largest
total, so a few menu lines inside the article cost less than the paragraphs around them gain,
while the menus and teasers around the article are left out. A run of furniture costs more the
longer it gets, because menus come in clusters and an article's own short lines (a subheading,
a caption) come alone. Headings of comment threads and related-link lists end the run.
"""

from __future__ import annotations

import re

from newsledger.extract.text.classify import classify, is_linky
from newsledger.extract.text.lines import Line

SHORT_PENALTY = 30
FURNITURE_PENALTY = 60
CLUSTER_STEP = 15
# Kinds after which the article does not go on: what follows them is threads and teasers.
STOP_KINDS = frozenset({"comments", "related_links"})
_COMMENT_COUNT = re.compile(
    r"^\d+\s+(?:comments?|responses?|replies|reactions?|kommentare|commentaires|comentarios|commenti)\b", re.I
)


def is_prose(line: Line) -> bool:
    """A sentence or more of running text: enough words, mostly lower-case, ending like a sentence."""
    if line.words < 8 or line.lower_ratio < 0.45:
        return False
    return line.ends_sentence or line.sentences >= 2 or line.words >= 40


def is_stop(line: Line, kind: tuple[str, str] | None) -> bool:
    return (kind is not None and kind[0] in STOP_KINDS) or bool(_COMMENT_COUNT.match(line.text))


def line_scores(lines: list[Line], kinds: list[tuple[str, str] | None]) -> list[float]:
    scores: list[float] = []
    run = 0
    for line, kind in zip(lines, kinds, strict=True):
        if kind is None and is_prose(line) and not is_linky(line):
            scores.append(float(len(line.text)))
            run = 0
            continue
        scores.append(-(FURNITURE_PENALTY if kind else SHORT_PENALTY) - CLUSTER_STEP * min(run, 10))
        run += 1
    return scores


def candidate_runs(scores: list[float], stops: list[bool]) -> list[tuple[int, int, float]]:
    """(start, end, total) of each run the max-sum scan considers, end exclusive.

    A run starts where the running total falls to zero (or after a stop line) and ends at the
    line where its total peaked; the best of them is what Kadane's scan would return.
    """
    runs: list[tuple[int, int, float]] = []
    total = peak = 0.0
    start = peak_end = 0
    for index, score in enumerate(scores):
        if stops[index] or total + score <= 0:
            if peak > 0:
                runs.append((start, peak_end, peak))
            total = peak = 0.0
            start = index + 1
            continue
        total += score
        if total > peak:
            peak, peak_end = total, index + 1
    if peak > 0:
        runs.append((start, peak_end, peak))
    return runs


def continuity(lines: list[Line], prose: list[bool], start: int, end: int, blank_paragraphs: bool) -> float:
    """Share of the run's prose lines that follow prose: high in articles, low in teaser lists
    and comment threads, where every paragraph sits under a title or a commenter's name."""
    count = following = 0
    for index in range(start, end):
        if not prose[index]:
            continue
        count += 1
        if index > start and prose[index - 1] and (lines[index].blank_before or not blank_paragraphs):
            following += 1
    return following / count if count > 1 else 0.5


def choose_run(
    lines: list[Line], kinds: list[tuple[str, str] | None], scores: list[float], stops: list[bool]
) -> tuple[int, int]:
    prose = [score > 0 for score in scores]
    prose_count = sum(prose)
    blank_paragraphs = (
        prose_count > 0
        and sum(1 for line, p in zip(lines, prose, strict=True) if p and line.blank_before)
        >= 0.5 * prose_count
    )
    after_thread = [False] * len(lines)
    seen_thread = False
    for index, kind in enumerate(kinds):
        seen_thread = seen_thread or (stops[index] and (kind is None or kind[0] == "comments"))
        after_thread[index] = seen_thread
    best, best_span = 0.0, (0, 0)
    for start, end, total in candidate_runs(scores, stops):
        value = total * (0.3 + 0.7 * continuity(lines, prose, start, end, blank_paragraphs))
        if after_thread[start]:
            value *= 0.25
        if value > best:
            best, best_span = value, (start, end)
    return best_span


def mark_repeats(lines: list[Line]) -> list[bool]:
    """True for a line whose text already appeared above it."""
    seen: set[str] = set()
    repeats = []
    for line in lines:
        repeats.append(bool(line.key) and line.key in seen)
        seen.add(line.key)
    return repeats


def find_body(lines: list[Line]) -> tuple[int, int, list[tuple[str, str] | None]]:
    kinds = [classify(line) for line in lines]
    repeats = mark_repeats(lines)
    kinds = [
        ("other", "repeats a line above") if rep and kind is None else kind
        for kind, rep in zip(kinds, repeats, strict=True)
    ]
    scores = line_scores(lines, kinds)
    stops = [is_stop(line, kind) for line, kind in zip(lines, kinds, strict=True)]
    start, end = choose_run(lines, kinds, scores, stops)
    return start, end, kinds
