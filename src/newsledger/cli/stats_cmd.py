"""``newsledger stats``: what a ledger holds."""

from __future__ import annotations

import argparse
import json

import msgspec

from newsledger.cli.ledger_args import add_db_argument, open_ledger


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="counts of what a ledger holds",
        description="Pages, articles, statements, speakers, authors, sites and failures (by stage) in a ledger.",
    )
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_ledger(args.db) as ledger:
        stats = msgspec.to_builtins(ledger.stats())
        stats["failures_by_stage"] = {c.value: c.count for c in ledger.failure_counts()}
        top = ledger.speakers(limit=5).speakers
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    for key in ("pages", "origins", "articles", "statements", "speakers", "authors", "sites", "failures"):
        print(f"{key:<11}{stats[key]}")
    for stage, count in stats["failures_by_stage"].items():
        print(f"  {stage:<9}{count}")
    print(f"{'backend':<11}{stats['backend']}")
    print(f"{'schema':<11}{', '.join(stats['schema'])}")
    if top:
        print("most quoted: " + ", ".join(f"{s.name} ({s.statement_count})" for s in top))
    return 0
