"""The ``--db`` option the ledger commands share."""

from __future__ import annotations

import argparse
import os

DEFAULT_DB = "newsledger.db"


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=os.environ.get("NEWSLEDGER_DB", DEFAULT_DB),
        metavar="PATH|URL",
        help=f"SQLite file or postgresql:// URL (default: $NEWSLEDGER_DB or {DEFAULT_DB})",
    )


def open_ledger(target: str):
    from newsledger.ledger import Ledger

    return Ledger.open(target)
