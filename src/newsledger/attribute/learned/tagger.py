"""Attribution spans from a text: cues first, then for each cue its source and content.

Both stages are :class:`~newsledger.attribute.learned.perceptron.Tagger` models over the
features of :mod:`~newsledger.attribute.learned.features`. Pure, apart from reading the shipped
weights once (:func:`shipped_model`).
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from dataclasses import dataclass
from importlib import resources

from newsledger.attribute.learned.features import (
    Unit,
    clause_counts,
    cue_context,
    cue_features,
    make_unit,
    role_cue_features,
    role_token_features,
    token_facts,
)
from newsledger.attribute.learned.perceptron import Tagger
from newsledger.attribute.text import CLOSING_MARKS, paragraphs
from newsledger.errors import AttributionError

CUE_LABELS = ("O", "B", "I")
ROLE_LABELS = ("O", "BS", "IS", "BC", "IC")
WEIGHTS_FILE = "attribution.json.gz"
FORMAT = "newsledger-attribution-tagger/1"
# How far from its cue (in tokens) the role stage looks for a source and a content.
WINDOW_BEFORE, WINDOW_AFTER = 40, 80

# Cue margins (perceptron score units) are divided by this before the logistic: a median dev
# cue (margin about 70) scores 0.97, the weakest tenth (margin under 11) under 0.63. Not calibrated.
MARGIN_SCALE = 20.0

Pieces = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One predicted attribution: character pieces of its cue, source (maybe none) and content."""

    cue: Pieces
    source: Pieces
    content: Pieces
    score: float


@dataclass(frozen=True)
class Model:
    cue: Tagger
    role: Tagger
    triggers: frozenset[str]  # a paragraph is read for cues only if it has one of these words


def _segments(labels: list[str], kind: str, offset: int = 0) -> list[tuple[int, int]]:
    """Token ranges labelled ``B<kind> I<kind>*``."""
    found: list[tuple[int, int]] = []
    for index, label in enumerate(labels):
        if label == "B" + kind:
            found.append((offset + index, offset + index + 1))
        elif label == "I" + kind and found and found[-1][1] == offset + index:
            found[-1] = (found[-1][0], offset + index + 1)
    return found


def role_window(unit: Unit, start: int, end: int) -> tuple[int, int]:
    """The tokens the role stage reads for a cue: its sentence and the next one, within reach."""
    sentence = unit.sentence_of[start]
    low = start
    while low > 0 and start - low < WINDOW_BEFORE and unit.sentence_of[low - 1] == sentence:
        low -= 1
    high = end
    while high < len(unit.tokens) and high - end < WINDOW_AFTER and unit.sentence_of[high] <= sentence + 1:
        high += 1
    return low, high


def cue_ranges(unit: Unit, triggers: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of the runs of sentences that hold a trigger word: the cue stage reads only these."""
    wanted = {unit.sentence_of[i] for i, token in enumerate(unit.tokens) if token.lower in triggers}
    ranges: list[tuple[int, int]] = []
    for index, sentence in enumerate(unit.sentence_of):
        if sentence in wanted:
            if ranges and ranges[-1][1] == index:
                ranges[-1] = (ranges[-1][0], index + 1)
            else:
                ranges.append((index, index + 1))
    return ranges


def tag_unit(unit: Unit, model: Model) -> list[Attribution]:
    ranges = cue_ranges(unit, model.triggers)
    if not ranges:
        return []
    facts = token_facts(unit)
    emissions: dict[int, list[float]] = {}
    cues: list[tuple[int, int]] = []
    for low, high in ranges:
        scores = model.cue.emissions([cue_features(unit, facts, i) for i in range(low, high)])
        emissions.update(zip(range(low, high), scores, strict=True))
        cues += _segments([model.cue.labels[j] for j in _decode(model.cue, scores)], "", low)
    commas = clause_counts(facts)
    token_scores: dict[int, list[float]] = {}
    result = []
    for start, end in cues:
        others = frozenset(i for s, e in cues if (s, e) != (start, end) for i in range(s, e))
        context = cue_context(facts, start, end, others)
        low, high = role_window(unit, start, end)
        missing = [i for i in range(low, high) if i not in token_scores]
        token_scores.update(
            zip(missing, model.role.emissions([role_token_features(facts, i) for i in missing]), strict=True)
        )
        cued = model.role.emissions(
            [role_cue_features(unit, facts, context, i, commas) for i in range(low, high)]
        )
        scores = [
            [a + b for a, b in zip(token_scores[i], row, strict=True)]
            for i, row in zip(range(low, high), cued, strict=True)
        ]
        roles = [model.role.labels[j] for j in _decode(model.role, scores)]
        content = _continued(
            unit, _snapped(unit, _nearest(unit, _segments(roles, "C", low), start, end, both_sides=True))
        )
        if not content:
            continue
        margin = _cue_margin(model.cue, emissions, start, end)
        result.append(
            Attribution(
                cue=_characters(unit, [(start, end)]),
                source=_characters(
                    unit, _nearest(unit, _segments(roles, "S", low), start, end, both_sides=False)
                ),
                content=_characters(unit, content),
                score=round(1 / (1 + math.exp(-max(-30.0, min(30.0, margin / MARGIN_SCALE)))), 3),
            )
        )
    return result


def _cue_margin(tagger: Tagger, emissions: dict[int, list[float]], start: int, end: int) -> float:
    """How much better the decoded cue scores than reading its tokens as outside any cue,
    transitions into and out of it included."""
    transitions, outside = tagger.transitions, 0
    labels = [1] + [2] * (end - start - 1)
    previous = 0 if start - 1 in emissions else len(tagger.labels)
    cue = transitions[previous][1] - transitions[previous][outside]
    for position, label in zip(range(start, end), labels, strict=True):
        cue += emissions[position][label] - emissions[position][outside]
        if position > start:
            cue += transitions[labels[position - start - 1]][label] - transitions[outside][outside]
    if end in emissions:
        cue += transitions[labels[-1]][outside] - transitions[outside][outside]
    return cue


def quotations(unit: Unit) -> list[tuple[int, int]]:
    """Token ranges of the unit's quotations, their marks included."""
    found: list[tuple[int, int]] = []
    for index, inside in enumerate(unit.quoted):
        if not inside:
            continue
        opening = index == 0 or not unit.quoted[index - 1] or unit.tokens[index - 1].text in CLOSING_MARKS
        if opening or not found:
            found.append((index, index + 1))
        else:
            found[-1] = (found[-1][0], index + 1)
    return found


def _snapped(unit: Unit, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content segment that covers most of a quotation but starts or stops inside it is
    widened to the whole quotation: the model's boundary errors inside long quotes."""
    result = []
    for start, end in segments:
        for low, high in quotations(unit):
            shared = min(end, high) - max(start, low)
            cut = low < start < high or low < end < high
            if cut and shared * 2 >= high - low:
                start, end = min(start, low), max(end, high)
        result.append((start, end))
    return result


def _continued(unit: Unit, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content ending with a quotation goes on into each next sentence that is nothing but a
    quotation ('"We won," she said. "And we will win again."')."""
    quotes = quotations(unit)
    while segments and any(high == segments[-1][1] for _, high in quotes):
        following = [q for q in quotes if q[0] >= segments[-1][1]]
        if not following:
            break
        low, high = following[0]
        sentence = unit.sentence_of[low]
        rest = [
            t.text
            for i, t in enumerate(unit.tokens)
            if unit.sentence_of[i] == sentence and not low <= i < high
        ]
        if sentence != unit.sentence_of[segments[-1][1] - 1] + 1 or any(word[:1].isalnum() for word in rest):
            break
        segments = [*segments, (low, high)]
    return segments


def _joined(unit: Unit, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Segments separated only by punctuation ("Sen. Lindsey Graham (R-S.C.)") made one."""
    result: list[tuple[int, int]] = []
    for start, end in segments:
        gap = unit.tokens[result[-1][1] : start] if result else None
        if gap is not None and len(gap) <= 2 and not any(token.text[:1].isalnum() for token in gap):
            result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return result


def _nearest(
    unit: Unit, segments: list[tuple[int, int]], cue_start: int, cue_end: int, both_sides: bool
) -> list[tuple[int, int]]:
    """The segment nearest the cue; with ``both_sides``, also the nearest one on the cue's other
    side when only the cue, punctuation and short words lie between (a quotation split by its
    attribution)."""
    segments = _joined(unit, segments)
    if not segments:
        return []

    def distance(segment: tuple[int, int]) -> int:
        return cue_start - segment[1] if segment[1] <= cue_start else max(0, segment[0] - cue_end)

    best = min(segments, key=distance)
    chosen = [best]
    if both_sides:
        after = best[0] >= cue_end
        others = [s for s in segments if (s[0] >= cue_end) != after and distance(s) <= 4]
        if others:
            chosen.append(min(others, key=distance))
    return sorted(chosen)


def _decode(tagger: Tagger, emissions: list[list[float]]) -> list[int]:
    from newsledger.attribute.learned.perceptron import viterbi

    return viterbi(emissions, tagger.transitions, tagger.allowed)


def _characters(unit: Unit, ranges: list[tuple[int, int]]) -> Pieces:
    tokens = unit.tokens
    return tuple((tokens[start].start, tokens[end - 1].end) for start, end in ranges)


def tag_text(text: str, model: Model | None = None) -> list[Attribution]:
    """Every attribution the model finds in ``text``, paragraph (line) by paragraph."""
    model = model or shipped_model()
    result: list[Attribution] = []
    for start, end in paragraphs(text):
        result += tag_unit(make_unit(text, start, end), model)
    return result


# --------------------------------------------------------------------------- weights


def dump_model(model: Model) -> bytes:
    """The model as gzip'd JSON; the same model always gives the same bytes."""
    document = {
        "format": FORMAT,
        "triggers": sorted(model.triggers),
        **{name: _tagger_json(tagger) for name, tagger in (("cue", model.cue), ("role", model.role))},
    }
    return gzip.compress(json.dumps(document, sort_keys=True, separators=(",", ":")).encode(), mtime=0)


def _tagger_json(tagger: Tagger) -> dict:
    return {"labels": list(tagger.labels), "transitions": tagger.transitions, "weights": tagger.weights}


def parse_model(data: bytes, name: str = WEIGHTS_FILE) -> Model:
    try:
        document = json.loads(gzip.decompress(data))
    except (OSError, ValueError) as error:
        raise AttributionError(f"{name}: not a gzip'd JSON attribution model ({error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise AttributionError(f"{name}: not a {FORMAT} model")
    taggers = [
        Tagger(tuple(document[key]["labels"]), document[key]["weights"], document[key]["transitions"])
        for key in ("cue", "role")
    ]
    return Model(taggers[0], taggers[1], frozenset(document["triggers"]))


@functools.cache
def shipped_model() -> Model:
    """The weights shipped in the package, read once."""
    path = resources.files("newsledger.attribute.learned") / WEIGHTS_FILE
    if not path.is_file():
        raise AttributionError(
            f"{WEIGHTS_FILE}: the learned attribution model is not installed (python -m bench train_attribution)"
        )
    return parse_model(path.read_bytes())
