"""The page type in the ledger (a column, a search filter) and in attribution (articles and forums)."""

from __future__ import annotations

import sqlite3

import msgspec
import pytest
from tests.ledgerkit import page

from newsledger.attribute import attribute
from newsledger.errors import InputError
from newsledger.extract import extract
from newsledger.ingest.process import process_page
from newsledger.ledger import Ledger
from newsledger.model import Page

QUOTE = '"The shop will stay open all winter," said Maria Lopez, the manager.'


def product_page(n: int) -> Page:
    html = (
        '<html><head><title>Oak table</title><meta property="og:type" content="product"></head><body>'
        f'<h1>Oak bedside table {n}</h1><span class="price">£120.00</span><span class="price">£150.00</span>'
        f"<p>Solid oak, two drawers, hand finished in our workshop. {QUOTE}</p>"
        '<form class="product-form"><button type="submit">Add to basket</button></form></body></html>'
    )
    url = f"https://shop.example/p/{n}"
    return Page(content=html.encode(), url=url, key=url, origin=url)


def test_search_filters_articles_by_page_type(ledger):
    ledger.store(process_page(page(1)))
    ledger.store(process_page(product_page(2)))
    news = ledger.search_articles(None, page_type="article").hits
    shop = ledger.search_articles(None, page_type="product").hits
    assert [hit.headline for hit in shop] == ["Oak bedside table 2"]
    assert len(news) == 1 and news[0].headline != "Oak bedside table 2"
    assert ledger.search_articles(None, page_type="forum").hits == ()
    assert len(ledger.search_articles("oak", page_type="product").hits) == 1


def test_statement_search_filters_by_the_page_type_of_their_article(ledger):
    ledger.store(process_page(page(3)))
    assert ledger.search(None, page_type="product").hits == ()


def test_an_unknown_page_type_is_refused(ledger):
    with pytest.raises(InputError, match="page type must be one of"):
        ledger.search_articles(None, page_type="blog")


def test_the_migration_fills_the_column_of_an_older_ledger(tmp_path):
    path = str(tmp_path / "ledger.db")
    with Ledger.open(path) as ledger:
        ledger.store(process_page(product_page(4)))
    with sqlite3.connect(path) as db:  # as a ledger made before the column existed
        db.execute("UPDATE articles SET page_type = NULL")
        db.execute("DELETE FROM schema_migrations WHERE name = '0009_article_page_type'")
        db.execute("DROP INDEX articles_by_page_type")
        db.execute("ALTER TABLE articles DROP COLUMN page_type")
    with Ledger.open(path) as ledger:
        assert [hit.headline for hit in ledger.search_articles(None, page_type="product").hits] == [
            "Oak bedside table 4"
        ]


def test_attribution_skips_a_product_page_unless_asked():
    article = extract(product_page(5).content, url="https://shop.example/p/5")
    assert article.page_type is not None and article.page_type.value == "product"
    assert attribute(article) == ()
    asked = attribute(article, page_types=None)
    assert [s.speaker.name for s in asked] == ["Maria Lopez"]
    assert attribute(article, page_types={"product"}) == asked


def test_attribution_reads_articles_and_records_without_a_type():
    article = extract(page(6).content, url=page(6).url)
    untyped = msgspec.structs.replace(article, page_type=None, text=QUOTE, blocks=())
    assert article.page_type is not None and article.page_type.value == "article"
    assert [s.speaker.name for s in attribute(untyped)] == ["Maria Lopez"]


def test_a_type_read_from_wording_alone_does_not_stop_attribution():
    html = f"<html><body><h1>Harbour Repair Plans</h1><p>{QUOTE}</p></body></html>"
    article = extract(html.encode(), url="https://port.example/plans")
    assert article.page_type is not None and article.page_type.value == "service"
    assert article.page_type.evidence.source == "computed"
    assert [s.speaker.name for s in attribute(article)] == ["Maria Lopez"]


def test_the_api_filters_search_by_page_type(tmp_path):
    from fastapi.testclient import TestClient

    from newsledger.web import WebSettings, create_app

    with Ledger.open(str(tmp_path / "ledger.db")) as opened:
        opened.store(process_page(page(7)))
        opened.store(process_page(product_page(8)))
        app = create_app(WebSettings(db="unused", token="t", secret="s"), ledger=opened)
        with TestClient(app) as client:
            shop = client.get("/api/search", params={"scope": "articles", "page_type": "product"})
            news = client.get("/api/search", params={"scope": "articles", "page_type": "article"})
            wrong = client.get("/api/search", params={"scope": "articles", "page_type": "blog"})
    assert [item["headline"] for item in shop.json()["items"]] == ["Oak bedside table 8"]
    assert len(news.json()["items"]) == 1 and news.json()["items"][0]["headline"] != "Oak bedside table 8"
    assert wrong.status_code == 400 and set(wrong.json()) == {"error"}
