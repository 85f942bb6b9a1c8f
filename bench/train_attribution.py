"""``python -m bench train_attribution``: train the learned attribution tagger on PolNeAR.

Reads the train split (every annotation file is one training document), trains both stages
with a fixed seed and a fixed number of epochs, writes the gzip'd weights into the package and
scores the new model's spans on the dev split with the scorer of ``python -m bench statements``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.common import table
from bench.statements import Document, load_split, score

PACKAGE_WEIGHTS = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "newsledger"
    / "attribute"
    / "learned"
    / "attribution.json.gz"
)


def corpus(documents: list[Document]) -> list[tuple[str, list[dict]]]:
    return [(document.text, document.gold) for document in documents]


def train_from(data: Path, split: str, epochs: int, seed: int, limit: int | None = None):
    from newsledger.attribute.learned.training import train

    documents = load_split(data, split)[:limit]
    return train(corpus(documents), epochs=epochs, seed=seed), len(documents)


def span_predictions(model, documents: list[Document]) -> list[list[dict]]:
    from newsledger.attribute.learned.tagger import tag_text

    predictions = []
    for document in documents:
        found = []
        for attribution in tag_text(document.text, model):
            item = {"Cue": attribution.cue, "Content": attribution.content}
            if attribution.source:
                item["Source"] = attribution.source
            found.append(item)
        predictions.append(found)
    return predictions


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench train_attribution", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--data", type=Path, required=True, help="the PolNeAR folder (with data/train/ and data/dev/)"
    )
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N annotation files only")
    parser.add_argument(
        "--output",
        type=Path,
        default=PACKAGE_WEIGHTS,
        help="where the weights go (default: into the package)",
    )
    parser.add_argument("--no-dev", action="store_true", help="skip scoring on the dev split")
    args = parser.parse_args(argv)
    if not (args.data / "data" / "train" / "attributions").is_dir():
        print(f"bench train_attribution: no PolNeAR train split under {args.data}", file=sys.stderr)
        return 2
    from newsledger.attribute.learned.tagger import dump_model

    started = time.perf_counter()
    model, count = train_from(args.data, "train", args.epochs, args.seed, args.limit)
    seconds = time.perf_counter() - started
    data = dump_model(model)
    args.output.write_bytes(data)
    features = len(model.cue.weights) + len(model.role.weights)
    print(
        f"trained on {count} annotation files in {seconds:.1f} s ({args.epochs} epochs, seed {args.seed}): "
        f"{features:,} features, {len(model.triggers)} cue trigger words, {len(data) / 1e6:.2f} MB -> {args.output}"
    )
    if not args.no_dev:
        import bench.statements as statements

        statements._SAYING_FORMS = statements._saying_forms()
        documents = load_split(args.data, "dev")
        scores = score(documents, span_predictions(model, documents), saying_only=False)
        rows = [
            [name, s["p"] * 100, s["r"] * 100, s["f1"] * 100, s["gold"], s["pred"]]
            for name, s in scores.items()
        ]
        print(f"\nPolNeAR dev, {len(documents)} annotated documents — all attributions, tagger spans alone")
        print(table(["span", "P", "R", "F1", "gold", "predicted"], rows))
    return 0
