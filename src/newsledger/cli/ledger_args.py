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


def open_ledger(target: str, *, create: bool = False):
    """The ledger named by ``--db``. Commands that only read pass ``create=False`` (the default),
    so a mistyped name is an error instead of a new empty ledger; ``ingest`` creates it."""
    from newsledger.ledger import Ledger

    return Ledger.open(target, create=create)


def check_ledger(target: str) -> None:
    """Fail with one line unless ``target`` names an existing ledger (for commands that open it later)."""
    open_ledger(target).close()
