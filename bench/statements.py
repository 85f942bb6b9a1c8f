"""``python -m bench statements``: attribution quality on PolNeAR and speed.

Every annotation file of the split is one scored document (a text annotated twice counts twice).
Gold spans are the Source, Cue and Content of each attribution (a discontinuous span is its
pieces together); predictions are each statement's speaker mention, cue and content, the
content of a quotation that continues one statement joined to it.

Two matches: *exact* (the same pieces, surrounding spaces and punctuation ignored) and
*overlap* (one-to-one, the shared word tokens cover at least half of the gold span and half of
the predicted one). Precision is over all predictions against all gold spans; recall is over
the gold spans of the scored set: all attributions, or those whose cue is a verb or phrase of
saying (a form of a verb in the engine's reporting-verb table, or "according to").
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import median, table

ROLES = ("Source", "Cue", "Content")
PUBLISHED = {"source": 83.2, "cue": 75.3, "content": 72.9}
_LINE = re.compile(r"^([TE]\d+)\t(.*)$")
_WORD = re.compile(r"\w+")
_STRIP = " \t\n,.;:"

Pieces = tuple[tuple[int, int], ...]


@dataclass
class Document:
    name: str
    text: str
    published: str | None
    gold: list[dict[str, Pieces]] = field(default_factory=list)


def _annotations(path: Path) -> list[dict[str, Pieces]]:
    spans: dict[str, tuple[str, Pieces]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        key, rest = match.groups()
        if key.startswith("T"):
            kind, _, offsets = rest.split("\t")[0].partition(" ")
            pieces = tuple(tuple(map(int, piece.split())) for piece in offsets.split(";"))
            spans[key] = (kind, pieces)  # type: ignore[assignment]
        else:
            events.append({part.split(":")[0].split("-")[0]: part.split(":")[1] for part in rest.split() if ":" in part})
    return [{role: spans[ref][1] for role, ref in event.items() if ref in spans and role in ROLES} for event in events]


def _publication_dates(data: Path) -> dict[str, str]:
    metadata = data / "data" / "metadata.tsv"
    if not metadata.exists():
        return {}
    rows = [line.split("\t") for line in metadata.read_text(encoding="utf-8").splitlines()[1:]]
    return {row[1]: row[5] for row in rows if len(row) > 5}


def load_split(data: Path, split: str) -> list[Document]:
    root = data / "data" / split
    dates = _publication_dates(data)
    documents = []
    for path in sorted((root / "attributions").glob("*.ann")):
        base = re.sub(r"_[0-9a-f]{4}$", "", path.stem)
        text = (root / "text" / f"{base}.txt").read_text(encoding="utf-8")
        documents.append(Document(path.stem, text, dates.get(base), _annotations(path)))
    return documents


def make_article(text: str, published: str | None):
    from newsledger.model import Article, Block, DateField, Evidence

    blocks = tuple(Block(kind="paragraph", text=m.group(), start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text))
    date = DateField(value=published, evidence=Evidence(source="computed")) if published else None
    return Article(input_form="text", text=text, blocks=blocks, published=date)


def predict(document: Document, engine: str = "rules") -> list[dict[str, Pieces]]:
    from newsledger.attribute import attribute

    statements = attribute(make_article(document.text, document.published), engine=engine)
    by_cue: dict[tuple[int, int], dict[str, Pieces]] = {}
    for statement in statements:
        if statement.part != "body":
            continue
        cue = (statement.cue.span.start, statement.cue.span.end)
        content = ((statement.content.start, statement.content.end),)
        if cue in by_cue:
            by_cue[cue]["Content"] += content
            continue
        found = {"Cue": (cue,), "Content": content}
        if statement.speaker.mention:
            found["Source"] = ((statement.speaker.mention.start, statement.speaker.mention.end),)
        by_cue[cue] = found
    return list(by_cue.values())


def _key(text: str, pieces: Pieces) -> tuple[str, ...]:
    stripped = (text[start:end].strip(_STRIP) for start, end in pieces)
    return tuple(piece for piece in stripped if piece)


def _tokens(text: str, pieces: Pieces) -> set[int]:
    covered: set[int] = set()
    for start, end in pieces:
        covered.update(m.start() for m in _WORD.finditer(text, start, end))
    return covered


def _matches(text: str, gold: list[Pieces], predicted: list[Pieces], exact: bool) -> tuple[int, set[int]]:
    """(predictions matched, indices of gold matched): one-to-one, greedy by shared tokens."""
    pairs = []
    for g, gold_pieces in enumerate(gold):
        gold_tokens = _tokens(text, gold_pieces)
        for p, pred_pieces in enumerate(predicted):
            if exact:
                if _key(text, gold_pieces) == _key(text, pred_pieces):
                    pairs.append((1.0, g, p))
                continue
            pred_tokens = _tokens(text, pred_pieces)
            shared = len(gold_tokens & pred_tokens)
            if gold_tokens and pred_tokens and shared >= 0.5 * len(gold_tokens) and shared >= 0.5 * len(pred_tokens):
                pairs.append((shared / len(gold_tokens | pred_tokens), g, p))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, g, p in sorted(pairs, reverse=True):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
    return len(used_pred), used_gold


def _unique(spans: Iterable[Pieces]) -> list[Pieces]:
    return list(dict.fromkeys(spans))


# Verbs of saying (communication verbs), fixed here so that the scored set does not move with
# the engine's own table.
SAYING_LEMMAS = (
    "say", "tell", "add", "note", "argue", "claim", "insist", "warn", "explain", "state", "declare",
    "announce", "acknowledge", "admit", "suggest", "report", "write", "tweet", "ask", "respond",
    "reply", "deny", "confirm", "reveal", "contend", "maintain", "stress", "emphasize", "recall",
    "concede", "allege", "assert", "observe", "promise", "pledge", "vow", "predict", "urge",
    "question", "describe", "comment", "remark", "mention", "testify", "complain", "call",
)


def _saying_forms() -> frozenset[str]:
    from newsledger.attribute.lexicon import inflections

    return frozenset(form for lemma in SAYING_LEMMAS for form in inflections(lemma))


def is_saying(text: str, cue: Pieces, forms: frozenset[str] | None = None) -> bool:
    forms = forms or _SAYING_FORMS
    words = [w.lower() for w in _WORD.findall(" ".join(text[s:e] for s, e in cue))]
    return any(w in forms for w in words) or "according" in words


_SAYING_FORMS: frozenset[str] = frozenset()


def score(documents: list[Document], predictions: list[list[dict[str, Pieces]]], saying_only: bool) -> dict[str, dict[str, float]]:
    totals = {(role, mode): [0, 0, 0, 0] for role in ROLES for mode in ("exact", "overlap")}
    for document, predicted in zip(documents, predictions, strict=True):
        gold_all = document.gold
        scored = [g for g in gold_all if not saying_only or ("Cue" in g and is_saying(document.text, g["Cue"]))]
        for role in ROLES:
            gold = _unique(g[role] for g in gold_all if role in g)
            scored_gold = {gold.index(g[role]) for g in scored if role in g}
            preds = _unique(p[role] for p in predicted if role in p)
            for mode in ("exact", "overlap"):
                matched_pred, matched_gold = _matches(document.text, gold, preds, mode == "exact")
                total = totals[(role, mode)]
                total[0] += matched_pred
                total[1] += len(preds)
                total[2] += len(matched_gold & scored_gold)
                total[3] += len(scored_gold)
    result: dict[str, dict[str, float]] = {}
    for (role, mode), (tp_pred, n_pred, tp_gold, n_gold) in totals.items():
        precision = tp_pred / n_pred if n_pred else 0.0
        recall = tp_gold / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[f"{role.lower()} {mode}"] = {"p": precision, "r": recall, "f1": f1, "gold": n_gold, "pred": n_pred}
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench statements", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder (with data/<split>/)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--passes", type=int, default=3, help="timed passes over the split")
    parser.add_argument(
        "--engine",
        default="rules",
        help="attribution engines, comma-separated: rules (with the learned cues, the default), table (the verb table alone), learned, hybrid",
    )
    args = parser.parse_args(argv)
    engines = [name.strip() for name in args.engine.split(",") if name.strip()]
    if not (args.data / "data" / args.split / "attributions").is_dir():
        print(f"bench statements: no PolNeAR split {args.split!r} under {args.data}", file=sys.stderr)
        return 2
    global _SAYING_FORMS
    _SAYING_FORMS = _saying_forms()
    documents = load_split(args.data, args.split)
    summary: dict[str, dict[str, float]] = {}
    for engine in engines:
        predictions = [predict(document, engine) for document in documents]
        for title, saying_only in (("attributions whose cue is a verb or phrase of saying", True), ("all attributions", False)):
            scores = score(documents, predictions, saying_only)
            rows = [[name, s["p"] * 100, s["r"] * 100, s["f1"] * 100, s["gold"], s["pred"]] for name, s in scores.items()]
            print(f"\nPolNeAR {args.split}, {len(documents)} annotated documents, engine {engine} — {title}")
            print(table(["span", "P", "R", "F1", "gold", "predicted"], rows))
            summary[f"{engine}, {'saying' if saying_only else 'all'}"] = {name: s["f1"] * 100 for name, s in scores.items()}
    if len(engines) > 1:
        names = list(next(iter(summary.values())))
        print(f"\nF1 side by side (PolNeAR {args.split})")
        print(table(["engine, attributions", *names], [[key, *(values[n] for n in names)] for key, values in summary.items()]))
    print("\nPublished BERT reference (PolNeAR test, exact, all attributions): " + ", ".join(f"{k} F1 {v}" for k, v in PUBLISHED.items()))
    for engine in engines:
        _speed(documents, args.passes, engine)
    return 0


def _speed(documents: list[Document], passes: int, engine: str = "rules") -> None:
    """Wall-clock and CPU time of one process over the split's distinct texts, medians of passes.

    On a shared machine the wall clock also counts other processes' turns; the CPU time is what
    this process itself spent."""
    from newsledger.attribute import attribute

    texts = {document.text: document.published for document in documents}
    articles = [make_article(text, published) for text, published in texts.items()]
    tokens = sum(len(_WORD.findall(text)) for text in texts)
    attribute(articles[0], engine=engine)  # imports, compiled patterns and weights out of the timing
    walls, cpus = [], []
    for _ in range(passes):
        wall, cpu = time.perf_counter(), time.process_time()
        for article in articles:
            attribute(article, engine=engine)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    for label, seconds in (("wall clock", median(walls)), ("CPU time", median(cpus))):
        print(f"speed, engine {engine} ({label}): {len(articles)} articles, {tokens} tokens in {seconds:.3f} s (median of {passes}): "
              f"{len(articles) / seconds:.1f} articles/s, {tokens / seconds:,.0f} tokens/s, one process")
