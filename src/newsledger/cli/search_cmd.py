"""``newsledger search``: statements (or articles) in a ledger matching a query and filters."""

from __future__ import annotations

import argparse
import json
import sys

import msgspec

from newsledger.cli.ledger_args import add_db_argument, open_ledger
from newsledger.ledger.read import PAGE_TYPES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search statements (or articles) in a ledger",
        description=(
            'Search statement content: words (all must match), "a phrase", OR, -word to exclude, word* for a '
            "prefix. A query naming a speaker also finds that speaker's statements. An empty query lists statements by the "
            "filters alone. Newest first by the date a statement was made (else its article's publication date). Exit status 1 when nothing is found."
        ),
    )
    parser.add_argument("query", nargs="?", default="", help="what to look for")
    add_db_argument(parser)
    parser.add_argument("--speaker", help="speaker id or name")
    parser.add_argument("--site", help="site host name, e.g. example.com")
    parser.add_argument("--since", metavar="DATE", help="on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--until", metavar="DATE", help="on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--kind", choices=("direct", "indirect", "mixed", "speech", "writing", "belief", "evidence"),
                        help="statement kind: its form (direct, indirect, mixed) or what it attributes (speech, writing, belief, evidence)")
    parser.add_argument("--articles", action="store_true", help="search articles (headline and text) instead")
    parser.add_argument(
        "--page-type", choices=PAGE_TYPES, help="only articles of this page type (or statements from them)"
    )
    parser.add_argument("-n", "--limit", type=int, default=20, help="results per page (default: 20)")
    parser.add_argument("--cursor", help="continue after a previous page (its next_cursor)")
    parser.add_argument("--json", action="store_true", help="print the result page as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_ledger(args.db) as ledger:
        if args.articles:
            page = ledger.search_articles(args.query, site=args.site, since=args.since, until=args.until,
                                          limit=args.limit, cursor=args.cursor, page_type=args.page_type)
        else:
            page = ledger.search(args.query, speaker=args.speaker, site=args.site, since=args.since,
                                 until=args.until, kind=args.kind, limit=args.limit, cursor=args.cursor,
                                 page_type=args.page_type)
    if args.json:
        # the same shape as the HTTP API's /api/search
        items = {"items": msgspec.to_builtins(page.hits), "next_cursor": page.next_cursor}
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        for hit in page.hits:
            print(format_hit(hit))
    if not page.hits:
        print(f"newsledger: no {'articles' if args.articles else 'statements'} found", file=sys.stderr)
        return 1
    if page.next_cursor and not args.json:
        print(f"-- more: --cursor {page.next_cursor}", file=sys.stderr)
    return 0


def format_hit(hit) -> str:
    if hasattr(hit, "statement_id"):
        who = hit.speaker or "(unnamed)"
        when = hit.said_on or "????-??-??"
        return f"{when}  {who} ({hit.cue}, {hit.kind}): {hit.content}  [{hit.site or '-'} #{hit.article_id}]"
    return f"{hit.published or '????-??-??'}  {hit.headline or '(no headline)'}  [{hit.site or '-'} #{hit.article_id}]"
