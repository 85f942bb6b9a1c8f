"""A learned cue detector: an averaged perceptron that scores each word of a sentence as the head
of an attribution cue ("endorsed", "declined", "asked", "showed"), for the cues outside the
verb table. Trained by ``python -m bench cues`` (see ``docs/cue-model.md``); the weights ship in
the package as ``attribute/data/cues.json.gz`` and are read once, read-only.

The rules keep the last word: a learned cue becomes a :class:`FoundCue` and goes through the
same subject, content and plausibility rules as a cue of the table.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import repeat

from newsledger.attribute.text import Sentence, Token

MODEL_FILE = "cues.json.gz"
_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "but",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "not",
        "as",
        "if",
        "so",
        "than",
        "then",
        "there",
        "who",
        "which",
        "what",
    }
)


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights of a linear scorer; a word is a cue head when its score exceeds
    ``threshold``. Only the words seen heading a cue in training (``heads``) are scored."""

    weights: dict[str, float]
    bias: float
    threshold: float
    heads: frozenset[str]

    def score(self, features: Iterable[str]) -> float:
        weights = self.weights
        return self.bias + sum(map(weights.get, features, repeat(0.0)))


def is_candidate(token: Token) -> bool:
    """Words that may head a cue: alphabetic, not a function word."""
    return token.text[:1].isalpha() and token.lower not in _STOP and len(token.lower) > 1


def _shape(token: Token) -> str:
    text = token.text
    if text.isupper():
        return "U"
    if text[:1].isupper():
        return "C"
    return "l"


def features(sentence: Sentence, index: int) -> list[str]:
    """What the scorer reads about word ``index``: the word, its ending, its neighbours, quotes."""
    tokens = sentence.tokens
    word = tokens[index].lower

    def at(offset: int) -> str:
        position = index + offset
        return tokens[position].lower if 0 <= position < len(tokens) else ("<s>" if position < 0 else "</s>")

    before, after = at(-1), at(1)
    ahead = {tokens[position].lower for position in range(index + 1, min(index + 4, len(tokens)))}
    return [
        "w=" + word,
        "s3=" + word[-3:],
        "s2=" + word[-2:],
        "shape=" + _shape(tokens[index]) + ("0" if index == 0 else ""),
        "p=" + before,
        "n=" + after,
        "pp=" + at(-2),
        "nn=" + at(2),
        "pw=" + before + "|" + word,
        "wn=" + word + "|" + after,
        "ps2=" + before[-2:] + "|" + word[-3:],
        "q=" + str(sentence.quoted[index]) if sentence.quoted else "q=False",
        "that3=" + str("that" in ahead),
        "quote3=" + str(bool(ahead & {"“", '"', "``", ":"})),
        "bias3=" + word[-3:] + "|" + after,
    ]


@functools.cache
def load_model() -> CueModel | None:
    """The shipped weights, or None when the package carries none."""
    try:
        data = resources.files("newsledger.attribute").joinpath("data", MODEL_FILE).read_bytes()
    except (FileNotFoundError, OSError):
        return None
    stored = json.loads(gzip.decompress(data))
    return CueModel(
        weights=stored["weights"],
        bias=stored["bias"],
        threshold=stored["threshold"],
        heads=frozenset(stored["heads"]),
    )


def cue_heads(sentence: Sentence, model: CueModel, taken: set[int]) -> list[int]:
    """Token indices the model reads as cue heads, outside quotations and the rules' cues."""
    known, quoted = model.heads, sentence.quoted
    candidates = [index for index, token in enumerate(sentence.tokens) if token.lower in known]
    return [
        index
        for index in candidates
        if index not in taken and not quoted[index] and model.score(features(sentence, index)) > model.threshold
    ]
