"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest
from tests.ledgerkit import postgres_url

from newsledger.ledger import Ledger


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request, tmp_path):
    """A ledger target on each backend: a SQLite file, then a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    with postgres_url() as url:
        yield url


@pytest.fixture
def ledger(target):
    """An open ledger on each backend."""
    with Ledger.open(target) as opened:
        yield opened
