"""Pages stored without a URL share one row of the sites list; it carries a site name only when
every one of them has that name."""

from __future__ import annotations

import msgspec
from tests.web_support import FIXTURES, fixture_article

from newsledger.ingest import Processed
from newsledger.ledger import Ledger
from newsledger.model import Evidence, TextField


def store_without_url(ledger: Ledger, index: int, site_name: str) -> None:
    page, article, statements = fixture_article(FIXTURES[index])
    name = TextField(value=site_name, evidence=Evidence(source="text-line"))
    article = msgspec.structs.replace(article, url=None, canonical_url=None, site_name=name)
    page = msgspec.structs.replace(page, url=None, key=f"copied:{index}", origin=f"copied-{index}.txt")
    ledger.store(Processed(page=page, article=article, statements=statements))


def unnamed_row(ledger: Ledger):
    return next(row for row in ledger.sites() if row.site == "")


def test_one_outlet_copied_keeps_its_name_and_two_lose_it(tmp_path) -> None:
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        store_without_url(ledger, 0, "The Copied Courier")
        assert unnamed_row(ledger).site_name == "The Copied Courier"
        store_without_url(ledger, 1, "Another Gazette")
        row = unnamed_row(ledger)
        assert row.site_name is None and row.article_count == 2
