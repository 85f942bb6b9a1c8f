"""An averaged structured perceptron over BIO labels with first-order Viterbi decoding. Pure.

Weights are a mapping from a feature string to one weight per label, plus a label-to-label
transition table; an ``I-X`` label may only follow ``B-X`` or ``I-X``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

NEGATIVE = float("-inf")

# One training sequence: the features of each token and the gold label index of each.
Example = tuple[list[list[str]], list[int]]


def _allowed(labels: Sequence[str]) -> list[list[bool]]:
    """allowed[previous][current]; the row ``len(labels)`` is the start of the sequence."""
    rows = []
    for previous in [*labels, "<start>"]:
        row = []
        for current in labels:
            if current.startswith("I"):
                kind = current[1:]
                row.append(previous in ("B" + kind, "I" + kind))
            else:
                row.append(True)
        rows.append(row)
    return rows


@dataclass
class Tagger:
    labels: tuple[str, ...]
    weights: dict[str, list[float]] = field(default_factory=dict)
    transitions: list[list[float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        size = len(self.labels)
        if not self.transitions:
            self.transitions = [[0.0] * size for _ in range(size + 1)]
        self.allowed = _allowed(self.labels)

    def emissions(self, features: list[list[str]]) -> list[list[float]]:
        get, zero = self.weights.get, [0.0] * len(self.labels)
        result = []
        for token_features in features:
            rows = [row for row in map(get, token_features) if row is not None]
            result.append(list(map(sum, zip(*rows, strict=False))) if rows else zero)
        return result

    def decode(self, features: list[list[str]]) -> list[int]:
        return viterbi(self.emissions(features), self.transitions, self.allowed)


def viterbi(
    emissions: list[list[float]], transitions: list[list[float]], allowed: list[list[bool]]
) -> list[int]:
    """The best label sequence under emission and transition scores, respecting ``allowed``."""
    if not emissions:
        return []
    size = len(emissions[0])
    start = size
    best = [transitions[start][j] + emissions[0][j] if allowed[start][j] else NEGATIVE for j in range(size)]
    incoming = [[(i, transitions[i][j]) for i in range(size) if allowed[i][j]] for j in range(size)]
    back: list[list[int]] = []
    for scores in emissions[1:]:
        row_best, row_back = [], []
        for j, pairs in enumerate(incoming):
            top, arg = NEGATIVE, 0
            for i, weight in pairs:
                value = best[i] + weight
                if value > top:
                    top, arg = value, i
            row_best.append(top + scores[j])
            row_back.append(arg)
        best = row_best
        back.append(row_back)
    label = max(range(size), key=lambda j: best[j])
    path = [label]
    for row in reversed(back):
        label = row[label]
        path.append(label)
    path.reverse()
    return path


class Trainer:
    """Averaged structured perceptron training (averages kept lazily: w - u / c)."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.tagger = Tagger(tuple(labels))
        size = len(labels)
        self.totals: dict[str, list[float]] = {}
        self.transition_totals = [[0.0] * size for _ in range(size + 1)]
        self.clock = 1

    def _update(self, features: list[list[str]], gold: list[int], predicted: list[int]) -> None:
        weights, totals, clock, size = self.tagger.weights, self.totals, self.clock, len(self.tagger.labels)
        for position, (right, wrong) in enumerate(zip(gold, predicted, strict=True)):
            if right != wrong:
                for feature in features[position]:
                    row = weights.get(feature)
                    if row is None:
                        row = weights[feature] = [0.0] * size
                        totals[feature] = [0.0] * size
                    row[right] += 1.0
                    row[wrong] -= 1.0
                    totals[feature][right] += clock
                    totals[feature][wrong] -= clock
            previous_right = gold[position - 1] if position else size
            previous_wrong = predicted[position - 1] if position else size
            if (previous_right, right) != (previous_wrong, wrong):
                self._move_transition(previous_right, right, 1.0)
                self._move_transition(previous_wrong, wrong, -1.0)

    def _move_transition(self, previous: int, current: int, step: float) -> None:
        self.tagger.transitions[previous][current] += step
        self.transition_totals[previous][current] += step * self.clock

    def train(self, examples: list[Example], epochs: int, seed: int) -> Tagger:
        order = list(range(len(examples)))
        shuffler = random.Random(seed)
        for _ in range(epochs):
            shuffler.shuffle(order)
            for number in order:
                features, gold = examples[number]
                predicted = self.tagger.decode(features)
                if predicted != gold:
                    self._update(features, gold, predicted)
                self.clock += 1
        return self.averaged()

    def averaged(self, precision: int = 3) -> Tagger:
        clock = self.clock
        weights = {}
        for feature, row in self.tagger.weights.items():
            total = self.totals[feature]
            averaged = [round(w - t / clock, precision) for w, t in zip(row, total, strict=True)]
            if any(averaged):
                weights[feature] = averaged
        transitions = [
            [round(w - t / clock, precision) for w, t in zip(row, total, strict=True)]
            for row, total in zip(self.tagger.transitions, self.transition_totals, strict=True)
        ]
        return Tagger(self.tagger.labels, weights, transitions)
