"""``newsledger reextract``: run extraction again over the pages stored in a ledger (no fetching)."""

from __future__ import annotations

import argparse
import sys

from newsledger.cli.ledger_args import add_db_argument, open_ledger
from newsledger.progress import Progress


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reextract",
        help="extract stored pages again with this version",
        description="Extract every stored page again and replace its article and statements.",
    )
    add_db_argument(parser)
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes beside the writer (default: 1; 0 works in one process)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per page (default: 60)")
    parser.add_argument("--outdated", action="store_true",
                        help="only pages last extracted by another version")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress line on stderr (default: when stderr is a terminal)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsledger.cli.ingest_cmd import totals_line
    from newsledger.extract.assemble import EXTRACTOR
    from newsledger.ingest import run_reextract

    show = args.progress if args.progress is not None else sys.stderr.isatty()
    with open_ledger(args.db) as ledger:
        total = ledger.page_count(not_by=EXTRACTOR if args.outdated else None)
        summary = run_reextract(ledger, jobs=max(args.jobs, 0), timeout=args.timeout, outdated_only=args.outdated,
                                progress=Progress(total, "reextract", enabled=show))
        print(summary.line())
        print(totals_line(ledger))
    return 0
