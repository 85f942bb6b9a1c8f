"""``newsledger serve``: the web UI and the JSON API over a ledger."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the web UI and the JSON API over a ledger",
        description="Serve the search, article, speaker and site pages and their JSON twins under /api.",
    )
    parser.add_argument("--db", required=True, metavar="PATH|postgresql://...", help="the ledger to serve")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--token",
        default=None,
        help="the operator's token for writes (default: $NEWSLEDGER_TOKEN; none: read only)",
    )
    parser.add_argument(
        "--private",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="require the token for reading too (default: $NEWSLEDGER_PRIVATE or off)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError:
        print(
            "newsledger: error: serving needs the server extra: pip install 'newsledger[server]'",
            file=sys.stderr,
        )
        return 2
    from newsledger.cli.ledger_args import check_ledger
    from newsledger.web import create_app, load_settings

    settings = load_settings(args.db, token=args.token, private=args.private)
    check_ledger(args.db)
    check_can_listen(args.host, args.port)
    app = create_app(settings)
    writes = "writes need the token" if settings.writes_enabled else "read only (no token set)"
    print(
        f"newsledger: serving {shown(args.db)} on http://{args.host}:{args.port}/ — {writes}", file=sys.stderr
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0


def check_can_listen(host: str, port: int) -> None:
    """Refuse, in one line and before saying "serving", an address already taken or not ours."""
    import socket

    from newsledger.errors import ConfigError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            raise ConfigError(f"{host}:{port}: cannot listen there ({err.strerror or err})") from None


def shown(target: str) -> str:
    """The ledger target as it may be printed: a PostgreSQL password is hidden."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(target)
    if parts.password:
        return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")))
    return target
