"""The sources page links an outlet to its site page only when the ledger has one."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web_support import FIXTURES, fixture_article

from newsledger.follow.discover import Found
from newsledger.follow.state import add_sources, outlet_of
from newsledger.ingest import Processed
from newsledger.ledger import Ledger
from newsledger.web import WebSettings, create_app


def test_an_outlet_without_stored_articles_is_not_a_link_to_a_missing_page(tmp_path) -> None:
    stored = FIXTURES[0]
    stored_outlet = outlet_of(stored.url)
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        page, article, statements = fixture_article(stored)
        ledger.store(Processed(page=page, article=article, statements=statements))
        add_sources(
            ledger, [Found(url=f"https://{stored_outlet}/feed.xml", kind="rss", via="link")], stored_outlet
        )
        add_sources(
            ledger, [Found(url="https://quiet.example/feed.xml", kind="rss", via="link")], "quiet.example"
        )
        app = create_app(WebSettings(db="unused", secret="s"), ledger=ledger)
        with TestClient(app) as client:
            html = client.get("/sources").text
            assert client.get(f"/sites/{stored_outlet}").status_code == 200
            assert client.get("/sites/quiet.example").status_code == 404
    assert f'<a href="/sites/{stored_outlet}">{stored_outlet}</a>' in html
    assert "<td>quiet.example</td>" in html and 'href="/sites/quiet.example"' not in html
