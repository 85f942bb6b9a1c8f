"""The article and search pages in Debian's chromium: every statement card in the page's own
scroll, a nested statement lit on its own, and the search box kept after a bad query."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests import test_web_browser as shared
from tests.test_web_ui import COPIED_SITE, copied_text_fixture, site_fixture, store
from tests.web_support import article_html, live_server, span_of

from newsledger.extract import extract_page
from newsledger.model import Cue, Page, Speaker, Statement

CHROMIUM, Watched = shared.CHROMIUM, shared.Watched
# The browser, its watched pages and the screenshot folder are the shared browser tests' fixtures.
browser, watched, shots = shared.browser, shared.watched, shared.shots
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")

NESTED = "Ruiz said that Berg had said the cost is too high, before the vote."
PRONOUNS = [
    "She said the ferry would run all winter.",
    "Later she said the fares would stay as they are.",
    "she said nothing more about the timetable.",
]
QUOTES = [
    f'"Section {n} of the bridge will open in spring," said Tomas Berg, the treasurer.' for n in range(6)
]


def statement(
    article, sid: str, content: str, cue: str, speaker: str, after: int = 0, mention: str | None = None
) -> Statement:
    text = article.text
    content_span = span_of(text, content, after)
    return Statement(
        id=sid,
        kind="indirect",
        content=content_span,
        cue=Cue(span=span_of(text, cue, max(after, content_span.start - 40)), lemma="say"),
        speaker=Speaker(name=speaker, mention=span_of(text, mention or speaker, after), kind="person"),
        engine="fixture",
    )


def seed(db: Path) -> None:
    from newsledger.ingest import Processed
    from newsledger.ledger import Ledger

    html = article_html(
        headline="Treasurer sets out the bridge timetable",
        site="Harbour News",
        author="Lena Marsh",
        published="2026-03-02T08:00:00+00:00",
        paragraphs=[NESTED, *QUOTES, *PRONOUNS],
    )
    page = Page(content=html.encode(), url="https://harbour-news.example/timetable", key="k", origin="x")
    article = extract_page(page)
    nested_at = article.text.index(NESTED)
    statements = [
        statement(article, "outer", "Berg had said the cost is too high", "said", "Ruiz", nested_at),
        statement(article, "inner", "the cost is too high", "had said", "Berg", nested_at),
    ]
    for n, quote in enumerate(QUOTES):
        at = article.text.index(quote)
        content = f"Section {n} of the bridge will open in spring"
        statements.append(statement(article, f"q{n}", content, "said", "Tomas Berg", at))
    for n, sentence in enumerate(PRONOUNS):
        at = article.text.index(sentence)
        content = sentence.split(" said ", 1)[1].rstrip(".")
        pronoun = "She" if sentence.startswith("She") else "she"
        statements.append(statement(article, f"p{n}", content, "said", "Ana Ruiz", at, mention=pronoun))
    with Ledger.open(str(db)) as ledger:
        ledger.store(Processed(page=page, article=article, statements=tuple(statements)))
        store(ledger, copied_text_fixture(), without_url=True)
        for number in range(55):
            store(ledger, site_fixture(number))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    seed(db)
    with live_server(db) as base:
        yield base


def open_article(page, server: str) -> None:
    page.goto(server + "/search?q=timetable&scope=articles")
    page.locator(".hit-article a.title").first.click()
    page.wait_for_url(re.compile(r"/articles/\d+"))


def test_statement_cards_are_in_the_pages_own_scroll(server: str, watched: Watched, shots: Path) -> None:
    page = watched.page
    open_article(page, server)
    cards = page.locator(".record .statement")
    sync_api.expect(cards).to_have_count(11)
    side = page.locator(".record .side")
    inner_scroll = side.evaluate("el => el.scrollHeight - el.clientHeight")
    overflow = side.evaluate("el => getComputedStyle(el).overflowY")
    assert overflow == "visible" and inner_scroll <= 1
    page.locator(".record .statement").last.scroll_into_view_if_needed()
    visible = [cards.nth(n).is_visible() for n in range(11)]
    assert all(visible)
    page.screenshot(path=str(shots / "article-cards.png"), full_page=True)


def test_a_nested_statement_lights_up_on_its_own(server: str, watched: Watched, shots: Path) -> None:
    page = watched.page
    open_article(page, server)
    inner_text = page.locator("a.mark", has_text="the cost is too high")
    sync_api.expect(inner_text).to_have_attribute("data-statement", "inner")
    sync_api.expect(inner_text).to_have_attribute("href", "#st-inner")
    inner_text.hover()
    sync_api.expect(page.locator("#st-inner.lit")).to_have_count(1)
    sync_api.expect(page.locator("#st-outer.lit")).to_have_count(0)
    page.screenshot(path=str(shots / "article-nested.png"), full_page=True)
    page.locator("a.mark", has_text="Ruiz").hover()
    sync_api.expect(page.locator("#st-outer.lit")).to_have_count(1)
    sync_api.expect(page.locator("a.mark.lit", has_text="the cost is too high")).to_have_count(1)


def test_a_bad_query_keeps_the_search_box(server: str, watched: Watched, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/search?q=bridge+spring&since=2019-13-45")
    sync_api.expect(page.locator("#q")).to_have_value("bridge spring")
    sync_api.expect(page.locator("#results .error")).to_contain_text("since")
    watched.problems[:] = [item for item in watched.problems if "status of 400" not in item]
    page.goto(server + "/search?q=zeppelin")
    sync_api.expect(page.locator("#results .nothing")).to_contain_text("read as words")
    page.screenshot(path=str(shots / "search-nothing.png"), full_page=True)


def test_copied_text_sites_speakers_and_their_outlets(server: str, watched: Watched, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/search?q=ferry+fares&scope=articles")
    page.locator(".hit-article a.title", has_text="Ferry fares rise again").click()
    page.wait_for_url(re.compile(r"/articles/\d+"))
    sync_api.expect(page.locator("main > p.muted").first).to_contain_text(f"From {COPIED_SITE} · stored")
    page.screenshot(path=str(shots / "article-copied.png"), full_page=True)

    page.locator(".statement").get_by_role("link", name="Ana Ruiz").click()
    page.wait_for_url(re.compile(r"/speakers/\d+"))
    named = page.locator("h2:has-text('Named as') + ul.descriptions li")
    sync_api.expect(named.filter(has_text=re.compile(r"^she\b", re.IGNORECASE))).to_have_count(1)
    sync_api.expect(named.filter(has_text="She")).to_contain_text("× 3")
    sync_api.expect(page.locator(".outlets li")).to_have_count(2)
    sync_api.expect(page.locator(".outlets")).to_contain_text(COPIED_SITE)
    sync_api.expect(page.locator("svg.chart rect.bar")).to_have_count(2)
    sync_api.expect(page.locator("svg.chart text.count")).to_have_text(["1", "3"])
    page.screenshot(path=str(shots / "speaker-outlets.png"), full_page=True)

    page.goto(server + "/sites")
    sync_api.expect(page.locator("ol.results > li")).to_have_count(50)
    page.get_by_role("link", name="Next page").click()
    sync_api.expect(page.locator("ol.results > li")).to_have_count(7)
    sync_api.expect(page.get_by_role("link", name="First page")).to_have_count(1)
    page.screenshot(path=str(shots / "sites-page-2.png"), full_page=True)
