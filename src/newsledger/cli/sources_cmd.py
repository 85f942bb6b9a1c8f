"""``newsledger sources add|list``: the outlets a ledger follows, and how following them goes."""

from __future__ import annotations

import argparse
import sys

from newsledger.cli.ledger_args import add_db_argument, open_ledger
from newsledger.counts import counted

COLUMNS = (
    "id",
    "kind",
    "outlet",
    "state",
    "last poll",
    "last success",
    "articles",
    "failures",
    "next poll",
    "url",
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sources",
        help="outlets to follow: add home pages, feeds or sitemaps; list their state",
        description="Sources followed by `newsledger watch`: feeds and sitemaps found from an outlet's home page.",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser(
        "add",
        help="discover and store the feeds and sitemaps of outlets",
        description=(
            "Each URL is a home page, a feed or a sitemap. From a home page, the feeds it links "
            '(<link rel="alternate">: RSS, Atom, JSON Feed) and the sitemaps robots.txt declares or /sitemap.xml '
            "holds (sitemap indexes expanded, Google News sitemaps recognised) are stored."
        ),
    )
    add.add_argument("urls", nargs="+", metavar="URL")
    add_db_argument(add)
    add.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs reach loopback, private and link-local addresses",
    )
    add.add_argument(
        "--host-delay", type=float, default=1.0, help="least seconds between two requests to one host"
    )
    add.set_defaults(func=run_add)
    listing = verbs.add_parser(
        "list", help="every source with kind, last poll and success, articles, failures"
    )
    add_db_argument(listing)
    listing.add_argument("--outlet", help="only this outlet (host)")
    listing.add_argument("--json", action="store_true", help="JSON Lines records instead of a table")
    listing.set_defaults(func=run_list)
    for verb, state in (("pause", "paused"), ("resume", "active")):
        switch = verbs.add_parser(verb, help=f"{verb} sources by id (see `sources list`)")
        switch.add_argument("ids", nargs="+", type=int, metavar="ID")
        add_db_argument(switch)
        switch.set_defaults(func=run_switch, state=state)


def run_add(args: argparse.Namespace) -> int:
    from newsledger.errors import NewsledgerError
    from newsledger.follow import discover_outlet
    from newsledger.follow.state import add_sources, outlet_of
    from newsledger.sources.options import SourceOptions

    options = SourceOptions(allow_private=args.allow_private, host_delay=args.host_delay)
    discovered = []
    for url in args.urls:
        try:
            discovered.append(discover_outlet(url, options))
        except NewsledgerError as err:
            print(f"newsledger: error: {err}", file=sys.stderr)
    if discovered:  # a refused add leaves no new ledger behind
        with open_ledger(args.db, create=True) as ledger:
            for found in discovered:
                for source in add_sources(ledger, found, outlet_of(found[0].url)):
                    print(f"{source.kind:<14} {source.outlet:<24} {source.via:<10} {source.url}")
    return 0 if discovered else 1


def run_list(args: argparse.Namespace) -> int:
    import msgspec

    from newsledger.follow import list_sources

    with open_ledger(args.db) as ledger:
        sources = list_sources(ledger, outlet=args.outlet)
    if args.json:
        for source in sources:
            print(msgspec.json.encode(source).decode())
        return 0
    rows = [
        (
            str(s.id),
            s.kind,
            s.outlet,
            s.state if not s.failures else f"{s.state}, failing",
            f"{s.last_poll} ({s.last_status})" if s.last_poll and s.last_status else s.last_poll or "-",
            s.last_success or "-",
            str(s.articles_found),
            str(s.failures),
            s.next_poll or "-",
            s.url,
        )
        for s in sources
    ]
    widths = [max(len(row[i]) for row in [COLUMNS, *rows]) for i in range(len(COLUMNS) - 1)]
    for row in [COLUMNS, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])
    return 0


def run_switch(args: argparse.Namespace) -> int:
    from newsledger.follow.state import set_state

    with open_ledger(args.db) as ledger:
        changed = set_state(ledger, args.ids, args.state)
    print(f"{counted(changed, 'source')} {args.state}")
    return 0 if changed == len(set(args.ids)) else 1
