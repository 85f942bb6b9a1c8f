"""``newsledger watch``: poll the followed sources and store their new articles."""

from __future__ import annotations

import argparse
import datetime
import re
import signal
import threading

from newsledger.cli.ledger_args import add_db_argument, open_ledger
from newsledger.errors import ConfigError

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "watch",
        help="poll followed feeds and sitemaps, store their new articles",
        description=(
            "Poll every source (see `newsledger sources`) with conditional requests; fetch, extract, attribute and "
            "store the new articles as `ingest` does. Polite: robots.txt and Crawl-delay obeyed, one request at a "
            "time and a least delay per host, back-off on errors, Retry-After honoured. Safe to kill: a rerun "
            "continues. SIGTERM stores the pages in hand and stops."
        ),
    )
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--once", action="store_true", help="one round, then stop")
    when.add_argument(
        "--every", type=duration, metavar="DURATION", help="a round every DURATION (90s, 15m, 1h)"
    )
    add_db_argument(parser)
    parser.add_argument("--since", metavar="DATE", help="leave out entries dated before DATE (YYYY-MM-DD)")
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes beside the writer (default: 1)"
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per page (default: 60)")
    parser.add_argument(
        "--host-delay",
        type=float,
        default=1.0,
        help="least seconds between two requests to one host (default: 1; Crawl-delay may raise it)",
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs reach loopback, private and link-local addresses",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary line per round")
    parser.set_defaults(func=run)


def duration(text: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration like 90s, 15m or 1h")
    return float(match.group(1)) * UNITS[match.group(2) or "s"]


def is_calendar_date(text: str) -> bool:
    """YYYY-MM-DD (optionally with a time) naming a day the calendar has."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:]+)?", text):
        return False
    try:
        datetime.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def run(args: argparse.Namespace) -> int:
    from newsledger.follow import WatchOptions, run_round
    from newsledger.sources.options import SourceOptions

    if args.since and not is_calendar_date(args.since):
        raise ConfigError(f"--since {args.since!r} is not a date like 2026-12-01")
    options = WatchOptions(
        sources=SourceOptions(allow_private=args.allow_private, host_delay=args.host_delay),
        since=args.since,
        every=args.every or 900.0,
        jobs=max(args.jobs, 0),
        timeout=args.timeout,
    )
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        with open_ledger(args.db) as ledger:
            while True:
                summary = run_round(ledger, options, stop=stop)
                if not args.quiet:
                    print(summary.line(), flush=True)
                if args.once:
                    return int(
                        summary.polled > 0 and summary.poll_failures == summary.polled and not summary.stored
                    )
                if stop.wait(options.every):
                    return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
