"""``python -m bench pagetype``: page type accuracy and confusion matrix on WCXB dev.

Each page's type is read as the extractor reads it (metadata from the parsed tree, page type
last) and compared with WCXB's ``_internal.page_type.primary``. Speed is the page-type reading
alone, from already parsed trees, in ms per page (median of passes).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter
from pathlib import Path

from bench._wcxb import DEFAULT_DATA, WcxbPage, load_pages
from bench.common import median

TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service", "unknown")


def predict(pages: list[WcxbPage]) -> list[str]:
    from newsledger.extract.dom import parse_html
    from newsledger.extract.metadata import extract_metadata

    found = []
    for page in pages:
        metadata = extract_metadata(parse_html(page.html), page.url)
        found.append(metadata.page_type.value if metadata.page_type else "unknown")
    return found


def time_reading(pages: list[WcxbPage], passes: int) -> float:
    from newsledger.extract.dom import parse_html
    from newsledger.extract.metadata.signals import read_signals
    from newsledger.extract.pagetype import LOOKED_AT, page_type

    times = []
    trees = [parse_html(page.html) for page in pages]
    # As extraction reads them: the signals' walk also finds what the page type counts.
    signals = [read_signals(tree, also=LOOKED_AT) for tree in trees]
    for _ in range(passes):
        gc.collect()
        started = time.perf_counter()
        for tree, signal in zip(trees, signals, strict=True):
            page_type(tree, signal, headline=None, dated=False, authored=False)
        times.append(time.perf_counter() - started)
    return median(times) * 1000.0 / max(1, len(pages))


def confusion(gold: list[str], found: list[str]) -> str:
    counts = Counter(zip(gold, found, strict=True))
    shown = [t for t in TYPES if any(g == t or f == t for g, f in counts)]
    width = max(len(t) for t in shown) + 2
    lines = ["gold \\ found".ljust(width) + "".join(t[:6].rjust(8) for t in shown) + "  recall"]
    for want in shown:
        row = [counts[(want, got)] for got in shown]
        total = sum(row)
        recall = f"{100.0 * counts[(want, want)] / total:7.1f}%" if total else "      -"
        lines.append(want.ljust(width) + "".join(f"{n:8d}" for n in row) + recall)
    precision = []
    for got in shown:
        column = sum(counts[(want, got)] for want in shown)
        precision.append(f"{100.0 * counts[(got, got)] / column:7.1f}%" if column else "      -")
    lines.append("precision".ljust(width) + "".join(f"{p:>8}" for p in precision))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench pagetype")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="read only the first N pages")
    parser.add_argument("--passes", type=int, default=3, help="timed passes; the median is reported")
    parser.add_argument(
        "--misses", nargs=2, metavar=("GOLD", "FOUND"), help="list pages of GOLD type read as FOUND"
    )
    args = parser.parse_args(argv)
    pages = load_pages(args.data, args.limit)
    if not pages:
        print(f"bench: no WCXB pages under {args.data}", file=sys.stderr)
        return 2
    gold = [page.page_type for page in pages]
    found = predict(pages)
    if args.misses:
        for page, got in zip(pages, found, strict=True):
            if (page.page_type, got) == tuple(args.misses):
                print(page.key, page.url)
    hits = sum(g == f for g, f in zip(gold, found, strict=True))
    print(f"page type on {args.data} ({len(pages)} pages): accuracy {100.0 * hits / len(pages):.1f}%")
    print(confusion(gold, found))
    print(
        f"page type reading: {time_reading(pages, args.passes):.2f} ms/page (parsed tree and signals given)"
    )
    return 0
