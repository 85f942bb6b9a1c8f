"""What a statement attributes is stored, filtered on (`search --kind`, the API's `kind=`) and
shown on the statement card."""

from __future__ import annotations

import json

import msgspec
import pytest
from tests.ledgerkit import processed

from newsledger.cli import main
from newsledger.errors import InputError
from newsledger.ledger import Ledger


def _attributed(n: int, content: str, speaker: str, attribution: str):
    item = processed(n, [(content, speaker)])
    statement = msgspec.structs.replace(item.statements[0], attribution=attribution)
    return msgspec.structs.replace(item, statements=(statement,))


def _fill(ledger: Ledger) -> None:
    ledger.store(_attributed(1, "The bridge will reopen in spring.", "Ana Silva", "speech"))
    ledger.store(_attributed(2, "The bridge will fail an inspection.", "Ben Okoro", "belief"))
    ledger.store(_attributed(3, "Most bridges are older than fifty years.", "Harbor Survey", "evidence"))


def test_search_filters_on_what_is_attributed(target):
    with Ledger.open(target) as ledger:
        _fill(ledger)
        assert [hit.speaker for hit in ledger.search("bridge", kind="belief").hits] == ["Ben Okoro"]
        assert [hit.attribution for hit in ledger.search(None, kind="evidence").hits] == ["evidence"]
        assert {hit.attribution for hit in ledger.search("reopen OR inspection").hits} == {"speech", "belief"}
        assert len(ledger.search(None, kind="direct").hits) == 3  # the form filter still reads the form
        with pytest.raises(InputError, match="kind must be one of"):
            ledger.search(None, kind="rumour")


def test_the_cli_search_takes_an_attribution_kind(tmp_path, capsys):
    path = str(tmp_path / "ledger.db")
    with Ledger.open(path) as ledger:
        _fill(ledger)
    assert main(["search", "--db", path, "--kind", "belief", "--json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert [(hit["speaker"], hit["attribution"]) for hit in page["items"]] == [("Ben Okoro", "belief")]


def test_the_api_filters_on_it_and_the_statement_card_shows_it(tmp_path):
    from fastapi.testclient import TestClient

    from newsledger.web import WebSettings, create_app

    path = str(tmp_path / "ledger.db")
    with Ledger.open(path) as ledger:
        _fill(ledger)
        app = create_app(WebSettings(db="unused", token="t" * 32, secret="test-secret"), ledger=ledger)
        with TestClient(app) as client:
            found = client.get("/api/search", params={"kind": "belief"}).json()
            assert [hit["speaker"] for hit in found["items"]] == ["Ben Okoro"]
            assert found["items"][0]["attribution"] == "belief"
            assert client.get("/api/search", params={"kind": "rumour"}).status_code in (400, 422)
            article_id = found["items"][0]["article_id"]
            card = client.get(f"/articles/{article_id}").text
            assert "indirect" not in card and "direct · belief" in card
