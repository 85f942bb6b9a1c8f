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
from collections import Counter

from newsledger.extract.text import vocab
from newsledger.extract.text.classify import classify, is_linky
from newsledger.extract.text.dates import find_dates_with_year
from newsledger.extract.text.lines import Line

SHORT_PENALTY = 30
FURNITURE_PENALTY = 60
CLUSTER_STEP = 25
DATELINE_BONUS = 2.0
PACKED_PROSE_WEIGHT = 0.25
CLUSTER_CAP = 3
THREAD_AFTER = 600
PROSE_WORDS = 20
# Running text this long stays prose even when it mentions a web address.
LINKY_PROSE_WORDS = 15
PROSE_MIN_WORDS = 8
PROSE_LOWER = 0.35
CLUSTER_SIZE = 6
RELATED_PENALTY = 150
# Kinds after which the article does not go on: what follows them is threads and teasers.
STOP_KINDS = frozenset({"comments", "author_box"})
_BYLINE_STARTS = tuple(w + " " for w in vocab.BYLINE_WORDS)
_COMMENT_COUNT = re.compile(
    r"^\d+\s+(?:comments?|responses?|replies|reactions?|kommentare|commentaires|comentarios|commenti)\b", re.I
)


def is_prose(line: Line) -> bool:
    """A sentence or more of running text: enough words, mostly lower-case, ending like a sentence."""
    if line.words < PROSE_MIN_WORDS or line.lower_ratio < PROSE_LOWER:
        return False
    if not line.ends_sentence and "," not in line.text and "." not in line.text:
        return False  # a run of words without punctuation is a tag cloud or a keyword list
    return line.ends_sentence or line.words >= PROSE_WORDS or line.sentences() >= 2


def line_scores(lines: list[Line], kinds: list[tuple[str, str] | None]) -> list[float]:
    scores: list[float] = []
    run = 0
    for line, kind in zip(lines, kinds, strict=True):
        if (
            kind is None
            and line.words >= PROSE_MIN_WORDS
            and is_prose(line)
            and (line.words >= LINKY_PROSE_WORDS or not is_linky(line))
        ):
            scores.append(float(len(line.text)))
            run = 0
            continue
        penalty = (
            RELATED_PENALTY
            if kind and kind[0] == "related_links"
            else FURNITURE_PENALTY
            if kind
            else SHORT_PENALTY
        )
        scores.append(-penalty - CLUSTER_STEP * min(run, CLUSTER_CAP))
        run += 1
    return scores


def paragraphs_spaced(lines: list[Line], prose: list[int]) -> bool:
    """True when at least half the prose lines (given by index) have a blank line above them:
    the page separates its paragraphs with blank lines."""
    return bool(prose) and sum(1 for i in prose if lines[i].blank_before) >= 0.5 * len(prose)


def discount_unspaced_prose(lines: list[Line], scores: list[float], prose: list[int]) -> None:
    """On a page that separates paragraphs with blank lines, prose lines packed together without
    one are a widget's teasers (title and summary on one line each): they count for less."""
    for i in prose:
        if not lines[i].blank_before and i > 0 and scores[i - 1] > 0:
            scores[i] *= PACKED_PROSE_WEIGHT


def has_dateline_above(lines: list[Line], start: int) -> bool:
    """A byline or a dated line just above a run: where an article starts, under its headline."""
    for line in lines[max(0, start - 4) : start]:
        if line.words > 12:
            continue
        if line.key.startswith(_BYLINE_STARTS) or find_dates_with_year(line.text):
            return True
    return False


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
    lines: list[Line],
    kinds: list[tuple[str, str] | None],
    scores: list[float],
    stops: list[bool],
    blank_paragraphs: bool,
) -> tuple[int, int]:
    prose = [score > 0 for score in scores]
    best, best_span = 0.0, (0, 0)
    # A comment thread follows an article: runs after a stop line that itself follows a
    # sizeable run of prose are discounted ("0 comments" in a byline does not count).
    thread_from = len(lines)
    for start, end, total in candidate_runs(scores, stops):
        if thread_from == len(lines) and total >= THREAD_AFTER and end < len(lines):
            thread_from = next((i for i in range(end, len(lines)) if stops[i]), len(lines))
        value = total * (0.15 + 0.85 * continuity(lines, prose, start, end, blank_paragraphs))
        if start > thread_from:
            value *= 0.25
        # The dateline check reads dates: it is made only for a run the bonus could make the best.
        if value * DATELINE_BONUS > best and has_dateline_above(lines, start):
            value *= DATELINE_BONUS
        if value > best:
            best, best_span = value, (start, end)
    return trim_teasers(lines, kinds, prose, best_span, blank_paragraphs)


def trim_teasers(
    lines: list[Line],
    kinds: list[tuple[str, str] | None],
    prose: list[bool],
    span: tuple[int, int],
    blank_paragraphs: bool,
) -> tuple[int, int]:
    """Cut the run at a related-links heading when what follows it reads as a teaser list
    (titles over one-paragraph summaries) rather than as the article going on."""
    start, end = span
    for index in range(end - 1, start, -1):
        kind = kinds[index]
        if (
            kind is not None
            and kind[0] == "related_links"
            and continuity(lines, prose, index + 1, end, blank_paragraphs) < 0.34
        ):
            end = index
    return start, end


_REPEAT: tuple[str, str] = ("other", "repeats a line above")


def classify_lines(lines: list[Line]) -> list[tuple[str, str] | None]:
    """Each line's furniture kind; a line whose text already appeared above it is a repeat, and a
    long line printed twice is a teaser shown in two widgets: both copies are furniture."""
    kinds: list[tuple[str, str] | None] = []
    seen: set[str] = set()
    long_keys: list[str] = []
    # A line's kind depends on its text alone, and menus and share bars repeat on a page.
    by_text: dict[str, tuple[str, str] | None] = {}
    for line in lines:
        text = line.text
        if text in by_text:
            kind = by_text[text]
        else:
            kind = by_text[text] = classify(line)
        key = line.key
        if kind is None and key in seen:
            kind = _REPEAT
        seen.add(key)
        kinds.append(kind)
        if line.words >= 20:
            long_keys.append(key)
    if len(long_keys) != len(set(long_keys)):
        counts = Counter(long_keys)
        for index, line in enumerate(lines):
            if line.words >= 20 and counts[line.key] > 1 and kinds[index] is None:
                kinds[index] = _REPEAT
    return kinds


def find_body(lines: list[Line]) -> tuple[int, int, list[tuple[str, str] | None]]:
    kinds = classify_lines(lines)
    scores = line_scores(lines, kinds)
    # Discounting keeps prose scores positive: the prose lines are the same before and after.
    prose = [i for i, score in enumerate(scores) if score > 0]
    blank_paragraphs = paragraphs_spaced(lines, prose)
    if blank_paragraphs:
        discount_unspaced_prose(lines, scores, prose)
    # A stop line (a comments heading, an author box, "12 comments") ends the run.
    stops = [
        kind[0] in STOP_KINDS
        if kind is not None
        else line.text[0].isdigit() and _COMMENT_COUNT.match(line.text) is not None
        for line, kind in zip(lines, kinds, strict=True)
    ]
    start, end = choose_run(lines, kinds, scores, stops, blank_paragraphs)
    return start, end, kinds


def short_line_clusters(lines: list[Line], start: int, end: int, size: int = CLUSTER_SIZE) -> set[int]:
    """Indexes of runs of at least ``size`` consecutive non-prose lines inside the body: menus,
    teaser lists and widgets that the article's own flow passes through."""
    clustered: set[int] = set()
    run: list[int] = []
    for index in range(start, end + 1):
        if index < end and not is_prose(lines[index]):
            run.append(index)
            continue
        if len(run) >= size:
            clustered.update(run)
        run = []
    return clustered
