"""What the pages show: sites without a URL, paging, speakers' timelines and outlets, names,
the search box after an error, and how a query that found nothing was read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from fastapi.testclient import TestClient
from tests.web_support import FIXTURES, TOKEN, Fixture, Quote, article_html, fixture_article

from newsledger.model import Evidence, TextField
from newsledger.web import WebSettings, create_app
from newsledger.web.views import merged_by_case, query_reading

COPIED_SITE = "The Copied Courier"


def copied_text_fixture() -> Fixture:
    html = article_html(
        headline="Ferry fares rise again",
        site=COPIED_SITE,
        author="Ida Lund",
        published="2026-02-02T09:00:00+00:00",
        paragraphs=[
            '"Fares must follow fuel," said Ana Ruiz, who chairs the ferry board.',
            "The new fares start in March and apply to every route in the bay.",
        ],
    )
    quote = Quote(content="Fares must follow fuel", cue="said", speaker="Ana Ruiz", mention="Ana Ruiz")
    return Fixture(url="", html=html, quotes=(quote,))


def store(ledger, fixture: Fixture, *, without_url: bool = False, index: int = 0) -> None:
    from newsledger.ingest import Processed

    page, article, statements = fixture_article(fixture)
    if without_url:
        name = TextField(value=COPIED_SITE, evidence=Evidence(source="text-line"))
        article = msgspec.structs.replace(article, url=None, canonical_url=None, site_name=name)
        page = msgspec.structs.replace(page, url=None, key=f"copied:{index}", origin="copied.txt")
    ledger.store(Processed(page=page, article=article, statements=statements))


def site_fixture(number: int) -> Fixture:
    html = article_html(
        headline=f"Local news number {number} from the coast",
        site=f"Coast {number}",
        author="Per Holm",
        published="2025-06-01T10:00:00+00:00",
        paragraphs=["The harbour master opened the new pier on Saturday morning, before the storm."],
    )
    return Fixture(url=f"https://coast-{number:03d}.example/pier", html=html, quotes=())


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from newsledger.ledger import Ledger

    db = tmp_path_factory.mktemp("ui") / "ledger.db"
    with Ledger.open(str(db)) as ledger:
        for fixture in FIXTURES:
            store(ledger, fixture)
        store(ledger, copied_text_fixture(), without_url=True)
        for number in range(60):
            store(ledger, site_fixture(number))
        app = create_app(WebSettings(db="unused", token=TOKEN, secret="s"), ledger=ledger)
        with TestClient(app) as test_client:
            yield test_client


def article_id_of(client: TestClient, headline: str) -> int:
    hits = client.get("/api/search", params={"q": headline, "scope": "articles"}).json()["items"]
    return next(hit["article_id"] for hit in hits if hit["headline"] == headline)


def speaker_id_of(client: TestClient, name: str) -> int:
    items = client.get("/api/speakers", params={"q": name}).json()["items"]
    return next(item["speaker_id"] for item in items if item["name"] == name)


def test_an_article_without_a_url_shows_its_site_name(client: TestClient) -> None:
    page = client.get(f"/articles/{article_id_of(client, 'Ferry fares rise again')}").text
    line = page.split('<p class="muted">', 1)[1].split("</p>", 1)[0]
    assert line.startswith(f'From <span class="site">{COPIED_SITE}</span> · stored')
    harbour = client.get(
        f"/articles/{article_id_of(client, FIXTURES[0].html.split('<title>')[1].split('<')[0])}"
    )
    assert 'From <a class="site" href="/sites/harbour-news.example">Harbour News</a>' in harbour.text


def test_sites_come_a_page_at_a_time(client: TestClient) -> None:
    first = client.get("/api/sites").json()
    assert len(first["items"]) == 50 and first["next_cursor"]
    second = client.get("/api/sites", params={"cursor": first["next_cursor"]}).json()
    names = [item["site"] for item in first["items"] + second["items"]]
    assert len(second["items"]) == 13 and second["next_cursor"] is None
    assert len(set(names)) == 63
    page = client.get("/sites")
    assert page.text.count('<a class="title" href="/sites/') == 49 and 'rel="next"' in page.text
    assert f'<span class="title">{COPIED_SITE}</span>' in page.text
    assert 'href="/sites/"' not in page.text
    assert client.get("/api/sites", params={"limit": 5}).json()["items"] == first["items"][:5]


def test_a_speaker_timeline_counts_undated_statements_at_publication_and_lists_every_outlet(
    client: TestClient,
) -> None:
    speaker = client.get(f"/api/speakers/{speaker_id_of(client, 'Ana Ruiz')}").json()
    assert speaker["speaker"]["statement_count"] == 3
    assert sum(month["count"] for month in speaker["timeline"]) == 3
    assert {month["month"] for month in speaker["timeline"]} == {"2025-11", "2026-01", "2026-02"}
    outlets = {(item["site"], item["name"]): item["count"] for item in speaker["outlets"]}
    assert outlets == {
        ("harbour-news.example", "Harbour News"): 1,
        ("valley-post.example", "Valley Post"): 1,
        ("", COPIED_SITE): 1,
    }
    page = client.get(f"/speakers/{speaker_id_of(client, 'Ana Ruiz')}").text
    assert page.count('<rect class="bar"') >= 3 and f"<li>{COPIED_SITE} <span" in page
    assert 'href="/sites/"' not in page and "</a> · </div>" not in page


def test_names_differing_only_in_case_are_one_name() -> None:
    counts = [{"value": "she", "count": 2}, {"value": "She", "count": 2}, {"value": "Ana Ruiz", "count": 3}]
    assert merged_by_case(counts) == [{"value": "She", "count": 4}, {"value": "Ana Ruiz", "count": 3}]


def test_a_bad_query_keeps_what_was_typed(client: TestClient) -> None:
    response = client.get("/search", params={"q": "bridge vote", "since": "2019-13-45", "site": "harbour"})
    assert response.status_code == 400
    assert 'value="bridge vote"' in response.text and 'value="harbour"' in response.text
    assert "since" in response.text


def test_nothing_found_says_how_the_query_was_read(client: TestClient) -> None:
    page = client.get("/search", params={"q": "zeppelin harbour"}).text
    assert "Nothing found." in page and "read as words" in page
    assert "&#34;zeppelin&#34; AND &#34;harbour&#34;" in page or "&quot;zeppelin&quot; AND" in page
    assert query_reading("-- --") == "" and query_reading("") is None


def test_search_results_link_to_the_speaker_page(client: TestClient) -> None:
    page = client.get("/search", params={"q": "bridge"}).text
    copied = client.get("/search", params={"q": "fuel"}).text
    assert "Fares must follow fuel" in copied and 'href="/sites/"' not in copied
    speaker_id = speaker_id_of(client, "Ana Ruiz")
    assert f'<a class="speaker" href="/speakers/{speaker_id}">Ana Ruiz</a>' in page


def test_no_page_lists_a_site_twice(client: TestClient, tmp_path: Path) -> None:
    first = client.get("/sites").text
    cursor = client.get("/api/sites").json()["next_cursor"]
    second = client.get("/sites", params={"cursor": cursor}).text
    assert "First page" in second and "First page" not in first
