"""Training the two stages from texts with gold attribution spans. Pure and deterministic."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from newsledger.attribute.learned.features import (
    Unit,
    clause_counts,
    cue_context,
    cue_features,
    make_unit,
    role_features,
    token_facts,
)
from newsledger.attribute.learned.perceptron import Example, Trainer
from newsledger.attribute.learned.tagger import (
    CUE_LABELS,
    ROLE_LABELS,
    Model,
    Pieces,
    cue_ranges,
    role_window,
)
from newsledger.attribute.text import paragraphs

# One gold attribution: role name ("Source", "Cue", "Content") to its character pieces.
Gold = Mapping[str, Pieces]


def covered(unit: Unit, pieces: Pieces) -> list[list[int]]:
    """Per piece, the indices of the unit's tokens it covers."""
    return [
        [i for i, t in enumerate(unit.tokens) if t.start < end and t.end > start] for start, end in pieces
    ]


def _mark(labels: list[str], groups: list[list[int]], kind: str) -> None:
    for group in groups:
        for position, index in enumerate(group):
            labels[index] = ("B" if position == 0 or group[position - 1] != index - 1 else "I") + kind


def unit_examples(
    unit: Unit, gold: list[Gold], triggers: frozenset[str]
) -> tuple[list[Example], list[Example]]:
    """The cue examples of one paragraph (one per run of sentences with a trigger word) and one
    role example per gold attribution cued in it."""
    facts = token_facts(unit)
    inside = [g for g in gold if "Cue" in g and unit.start <= g["Cue"][0][0] < unit.end]
    cue_labels = ["O"] * len(facts)
    cue_tokens = []
    for attribution in inside:
        groups = [group for group in covered(unit, attribution["Cue"]) if group]
        _mark(cue_labels, groups, "")
        cue_tokens.append(sorted(i for group in groups for i in group))
    cue_examples = [
        (
            [cue_features(unit, facts, i) for i in range(low, high)],
            [CUE_LABELS.index(label) for label in cue_labels[low:high]],
        )
        for low, high in cue_ranges(unit, triggers)
    ]
    commas = clause_counts(facts)
    role_examples = []
    for attribution, tokens in zip(inside, cue_tokens, strict=True):
        if not tokens:
            continue
        start, end = tokens[0], tokens[-1] + 1
        others = frozenset(i for other in cue_tokens if other is not tokens for i in other)
        context = cue_context(facts, start, end, others)
        labels = ["O"] * len(facts)
        _mark(labels, covered(unit, attribution.get("Source", ())), "S")
        _mark(labels, covered(unit, attribution.get("Content", ())), "C")
        low, high = role_window(unit, start, end)
        features = [role_features(unit, facts, context, i, commas) for i in range(low, high)]
        role_examples.append((features, [ROLE_LABELS.index(label) for label in labels[low:high]]))
    return cue_examples, role_examples


def cue_triggers(
    corpus: list[tuple[str, list[Gold]]], min_count: int = 2, min_rate: float = 0.05
) -> frozenset[str]:
    """Words that are part of a cue at least ``min_count`` times and in ``min_rate`` of their uses."""
    in_cues: Counter[str] = Counter()
    everywhere: Counter[str] = Counter()
    for text, gold in corpus:
        for start, end in paragraphs(text):
            unit = make_unit(text, start, end)
            everywhere.update(token.lower for token in unit.tokens)
            for attribution in gold:
                if "Cue" in attribution and start <= attribution["Cue"][0][0] < end:
                    in_cues.update(
                        unit.tokens[i].lower for group in covered(unit, attribution["Cue"]) for i in group
                    )
    return frozenset(
        w
        for w, n in in_cues.items()
        if n >= min_count and n >= min_rate * everywhere[w] and any(c.isalpha() for c in w)
    )


def train(
    corpus: Iterable[tuple[str, list[Gold]]], epochs: int = 8, seed: int = 13, min_count: int = 2
) -> Model:
    """Both stages from (text, gold attributions) pairs; the same corpus gives the same model."""
    corpus = list(corpus)
    triggers = cue_triggers(corpus, min_count)
    cue_examples: list[Example] = []
    role_examples: list[Example] = []
    for text, gold in corpus:
        for start, end in paragraphs(text):
            unit = make_unit(text, start, end)
            cues, roles = unit_examples(unit, gold, triggers)
            cue_examples += cues
            role_examples += roles
    cue = Trainer(CUE_LABELS).train(cue_examples, epochs, seed)
    role = Trainer(ROLE_LABELS).train(role_examples, epochs, seed)
    return Model(cue, role, triggers)
