"""``python -m bench cues``: train the learned cue detector on PolNeAR train, pick its threshold
on dev, and write the weights the package ships (``src/newsledger/attribute/data/cues.json.gz``).

Each word that may head a cue (alphabetic, not a function word) of every sentence is one example:
positive when it heads a gold cue (the first word of the cue that is not an auxiliary, "not" or
"to"). An averaged perceptron learns the weights in a fixed number of passes over the examples in
a fixed shuffled order, so the same data gives the same weights.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

from bench.statements import load_split
from newsledger.attribute.cue_model import MODEL_FILE, features, is_candidate
from newsledger.attribute.lexicon import AUXILIARIES, PASSIVE_AUX
from newsledger.attribute.text import sentences

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "newsledger" / "attribute" / "data" / MODEL_FILE
_NOT_HEADS = AUXILIARIES | PASSIVE_AUX | {"not", "n't", "to", "never"}

Example = tuple[list[str], bool]
# Chosen on PolNeAR dev with `bench statements`: the learned cues add recall without costing the
# verbs of saying their precision (source F1 of the saying subset stays at or above 78).
DEFAULT_THRESHOLD = 1.0
HEAD_SHARE = 0.3


def _heads(text: str, gold: list[dict]) -> set[int]:
    """Character offsets of the head word of every gold cue."""
    heads = set()
    for attribution in gold:
        pieces = attribution.get("Cue")
        if not pieces:
            continue
        start, end = pieces[0]
        words = [(position, word) for position, word in _words(text, start, end)]
        chosen = next(((p, w) for p, w in words if w.lower() not in _NOT_HEADS), words[0] if words else None)
        if chosen is not None:
            heads.add(chosen[0])
    return heads


def _words(text: str, start: int, end: int):
    position = start
    for word in text[start:end].split():
        position = text.index(word, position)
        yield position, word.strip(".,;:“”\"'")
        position += len(word)


def examples(documents) -> list[Example]:
    result: list[Example] = []
    seen = set()
    for document in documents:
        if document.text in seen:
            continue  # a text annotated twice: its first annotation
        seen.add(document.text)
        heads = _heads(document.text, document.gold)
        for sentence in sentences(document.text):
            for index, token in enumerate(sentence.tokens):
                if is_candidate(token):
                    result.append((features(sentence, index), token.start in heads))
    return result


def train(data: list[Example], passes: int) -> tuple[dict[str, float], float]:
    """Averaged perceptron (weights averaged over every step, by the lazy-update trick)."""
    weights: dict[str, float] = {}
    totals: dict[str, float] = {}
    stamps: dict[str, int] = {}
    bias = bias_total = 0.0
    bias_stamp = 0
    step = 0
    order = list(range(len(data)))
    shuffler = random.Random(15)
    for _ in range(passes):
        shuffler.shuffle(order)
        for position in order:
            step += 1
            feats, gold = data[position]
            score = bias + sum(weights.get(f, 0.0) for f in feats)
            if (score > 0) == gold:
                continue
            change = 1.0 if gold else -1.0
            for feature in feats:
                totals[feature] = totals.get(feature, 0.0) + (step - stamps.get(feature, 0)) * weights.get(
                    feature, 0.0
                )
                stamps[feature] = step
                weights[feature] = weights.get(feature, 0.0) + change
            bias_total += (step - bias_stamp) * bias
            bias_stamp = step
            bias += change
    averaged = {}
    for feature, weight in weights.items():
        total = totals.get(feature, 0.0) + (step - stamps.get(feature, 0)) * weight
        if abs(total / step) >= 1e-4:
            averaged[feature] = round(total / step, 5)
    bias_total += (step - bias_stamp) * bias
    return averaged, round(bias_total / step, 5)


def head_words(data: list[Example], share: float = HEAD_SHARE, least: int = 2) -> list[str]:
    """The words that head a cue in at least ``share`` of their uses and ``least`` times: the
    only words the shipped detector scores, so that common verbs ("am", "continue") never are."""
    seen: dict[str, list[int]] = {}
    for feats, gold in data:
        counts = seen.setdefault(feats[0][2:], [0, 0])
        counts[0] += gold
        counts[1] += 1
    return sorted(word for word, (heads, uses) in seen.items() if heads >= least and heads >= share * uses)


def best_threshold(data: list[Example], weights: dict[str, float], bias: float) -> tuple[float, float]:
    """The score threshold with the best word-level F1 on held-out examples, and that F1."""
    scored = sorted(
        ((bias + sum(weights.get(f, 0.0) for f in feats), gold) for feats, gold in data), reverse=True
    )
    positives = sum(gold for _, gold in scored)
    best = (0.0, 0.0)
    hits = 0
    for rank, (score, gold) in enumerate(scored, 1):
        hits += gold
        f1 = 2 * hits / (rank + positives)
        if f1 > best[1]:
            best = (score - 1e-6, f1)
    return best


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench cues", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="the PolNeAR folder (with data/train and data/dev)"
    )
    parser.add_argument("--passes", type=int, default=5, help="passes of the perceptron over the examples")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help="score above which a word is a cue head (default: %(default)s, chosen on dev for the "
        "statement scores; pass nothing to use the best word-level threshold on dev)",
    )
    args = parser.parse_args(argv)
    if not (args.data / "data" / "train" / "attributions").is_dir():
        print(f"bench cues: no PolNeAR train split under {args.data}", file=sys.stderr)
        return 2
    train_data = examples(load_split(args.data, "train"))
    dev_data = examples(load_split(args.data, "dev"))
    weights, bias = train(train_data, args.passes)
    threshold, f1 = best_threshold(dev_data, weights, bias)
    if args.threshold is not None:
        threshold = args.threshold
    args.output.parent.mkdir(parents=True, exist_ok=True)
    heads = head_words(train_data)
    stored = {
        "weights": dict(sorted(weights.items())),
        "bias": bias,
        "threshold": round(threshold, 5),
        "heads": heads,
        "trained_on": "PolNeAR train (cue heads)",
        "passes": args.passes,
    }
    args.output.write_bytes(gzip.compress(json.dumps(stored, separators=(",", ":")).encode(), mtime=0))
    print(
        f"{len(train_data):,} train words ({sum(g for _, g in train_data):,} cue heads), {len(weights):,} weights, "
        f"{args.output.stat().st_size / 1e6:.1f} MB; dev word-level F1 {f1 * 100:.1f} at threshold {threshold:.3f}"
    )
    return 0
