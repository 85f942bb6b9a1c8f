"""``newsledger failures``: the inputs a ledger could not read or extract, listed, exported or retried."""

from __future__ import annotations

import argparse
import sys

import msgspec

from newsledger.cli.ledger_args import add_db_argument, open_ledger
from newsledger.counts import counted


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "failures",
        help="list, export or retry the inputs that failed",
        description=(
            "List every recorded failure (input, stage, reason, attempts), or export them (--format jsonl|csv), or "
            "--retry them: stored pages whose extraction failed are extracted again, unreadable inputs read again; "
            "failures that do not come back are forgotten."
        ),
    )
    add_db_argument(parser)
    parser.add_argument("--format", "-f", choices=("text", "jsonl", "csv"), default="text", help="output (default: text)")
    parser.add_argument("-o", "--output", help="output file (default: stdout)")
    parser.add_argument("--retry", action="store_true", help="try every failure again")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for --retry (default: 1)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per page for --retry (default: 60)")
    parser.add_argument("--allow-private", action="store_true", help="let retried URLs reach private addresses")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsledger.cli.export_cmd import FAILURE_COLUMNS, write_csv, write_jsonl, write_to

    with open_ledger(args.db) as ledger:
        if args.retry:
            return retry(ledger, args)
        rows = (msgspec.to_builtins(failure) for failure in ledger.iter_failures())
        if args.format == "jsonl":
            count = write_to(args.output, lambda out: write_jsonl(rows, out))
        elif args.format == "csv":
            count = write_to(args.output, lambda out: write_csv(rows, FAILURE_COLUMNS, out))
        else:
            count = write_to(args.output, lambda out: write_text(rows, out))
    print(counted(count, "failure"), file=sys.stderr)
    return 0


def write_text(rows, out) -> int:
    count = 0
    for row in rows:
        out.write(f"{row['last_at']}  [{row['stage']}] x{row['attempts']}  {row['reason']}\n")
        count += 1
    return count


def retry(ledger, args: argparse.Namespace) -> int:
    from newsledger.ingest.retry import retry_failures
    from newsledger.sources import SourceOptions

    before = ledger.stats().failures
    summary = retry_failures(ledger, jobs=max(args.jobs, 0), timeout=args.timeout,
                             options=SourceOptions(allow_private=args.allow_private))
    for line in summary.failure_lines():
        print(line, file=sys.stderr)
    after = ledger.stats().failures
    print(f"retried {counted(before, 'failure')}: {before - after} resolved, {after} remain; {summary.line()}")
    return 1 if after and after >= before else 0
