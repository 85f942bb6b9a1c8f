"""The sources page, its JSON twin, and each article's source, after a real watch round."""

from __future__ import annotations

import pytest
from bench._outlet import Outlets, news_scenario
from fastapi.testclient import TestClient

from newsledger.follow import WatchOptions, add_outlet, run_round
from newsledger.ledger import Ledger
from newsledger.sources.options import SourceOptions
from newsledger.web import WebSettings, create_app

LOCAL = SourceOptions(allow_private=True, host_delay=0.01, timeout=5.0)


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "ledger.db"
    with Outlets() as outlets:
        scenario = news_scenario(outlets, crawl_delay=0.01, slow_delay=0.0)
        with Ledger.open(str(path)) as ledger:
            add_outlet(ledger, scenario.feeds["slow"], LOCAL)
            add_outlet(ledger, scenario.feeds["malformed"], LOCAL)
            run_round(ledger, WatchOptions(sources=LOCAL, jobs=0))
            app = create_app(WebSettings(db="unused", secret="s"), ledger=ledger)
            with TestClient(app) as client:
                yield client, scenario, ledger


def test_sources_json_twin_lists_every_source_with_its_state(followed):
    client, scenario, _ledger = followed
    body = client.get("/api/sources").json()
    by_url = {item["url"]: item for item in body["items"]}
    slow = by_url[scenario.feeds["slow"]]
    assert (
        slow["kind"] == "rss"
        and slow["articles_found"] == 3
        and slow["last_success"]
        and slow["failures"] == 0
    )
    assert by_url[scenario.feeds["malformed"]]["articles_found"] == 2
    assert body["urls"] == {"stored": 5}


def test_sources_page_shows_the_same_state(followed):
    client, scenario, _ledger = followed
    html = client.get("/sources").text
    assert scenario.feeds["slow"] in html and scenario.feeds["malformed"] in html
    assert "5 stored" in html and 'href="/sources"' in html


def test_each_article_shows_its_source(followed):
    client, scenario, ledger = followed
    article_id = ledger.db.scalar(
        "SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.url = ?",
        (scenario.slow.url("/news/2"),),
    )
    info = client.get(f"/api/articles/{article_id}").json()["info"]
    assert info["source"]["url"] == scenario.feeds["slow"] and info["source"]["kind"] == "rss"
    assert (
        f'found in <a href="/sources#source-{info["source"]["id"]}">rss {scenario.feeds["slow"]}</a>'
        in client.get(f"/articles/{article_id}").text
    )
