"""The metadata table of an article page keeps to its column in Debian's chromium, however long
the values and locators it shows (a canonical URL, a selector)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests import test_web_browser as shared
from tests.web_support import live_server

from newsledger.extract import extract_page
from newsledger.model import Page

CHROMIUM, Watched = shared.CHROMIUM, shared.Watched
browser, watched, shots = shared.browser, shared.watched, shared.shots
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")

LONG_PATH = "news/cloud/" + "-".join(["harbour", "council", "approves", "the", "long", "awaited"] * 4)
HTML = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves the harbour wall</title>
<meta property="og:title" content="Council approves the harbour wall after a decade of delays">
<meta property="og:site_name" content="Harbour News">
<meta property="article:published_time" content="2026-03-02T08:00:00+00:00">
<link rel="canonical" href="https://harbour-news.example/{LONG_PATH}"></head>
<body><article><h1>Council approves the harbour wall</h1>
<p>The council voted on Tuesday to build the harbour wall, ending ten years of argument.</p>
<p>"We have waited long enough," said Mara Lind, who chairs the harbour board.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsledger.attribute import attribute
    from newsledger.ingest import Processed
    from newsledger.ledger import Ledger

    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    page = Page(content=HTML.encode(), url=f"https://harbour-news.example/{LONG_PATH}", key="k", origin="x")
    article = extract_page(page)
    with Ledger.open(str(db)) as ledger:
        ledger.store(Processed(page=page, article=article, statements=attribute(article)))
    with live_server(db) as base:
        yield base


@pytest.mark.parametrize("width", [1280, 1000])
def test_the_metadata_table_stays_inside_its_column(
    server: str, watched: Watched, shots: Path, width: int
) -> None:
    page = watched.page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + "/articles/1")
    table = page.locator("table.metadata")
    sync_api.expect(table).to_contain_text(LONG_PATH[:20])
    right, column_right = table.evaluate(
        "t => [t.getBoundingClientRect().right, t.parentElement.getBoundingClientRect().right]"
    )
    assert right <= column_right + 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(shots / f"article-metadata-{width}.png"), full_page=True)
