"""End to end in Debian's chromium: a real server on a real SQLite ledger, driven like a reader."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web_support import TOKEN, article_html, live_server, seed_ledger

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    seed_ledger(db)
    with live_server(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots go to $NEWSLEDGER_ARTIFACTS when set, else to a temporary folder."""
    chosen = os.environ.get("NEWSLEDGER_ARTIFACTS")
    folder = Path(chosen) / "web" if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Watched:
    """A browser page whose script errors and CSP violations are collected."""

    def __init__(self, page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watched = Watched(page)
    yield watched
    context.close()
    assert watched.problems == []


def test_search_open_an_article_and_follow_a_speaker(server: str, watched: Watched, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/")
    page.fill("#q", "bridge")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=bridge"))
    hit = page.locator("#results .hit-statement").first
    sync_api.expect(hit).to_contain_text("This bridge will carry the city for a century")
    sync_api.expect(hit.locator(".speaker")).to_have_text("Ana Ruiz")
    page.screenshot(path=str(shots / "search.png"), full_page=True)

    hit.locator("a.title").click()
    page.wait_for_url(re.compile(r"/articles/\d+"))
    sync_api.expect(page.locator("h2.headline")).to_contain_text("Council approves the harbour bridge")
    content_mark = page.locator("a.mark.role-content", has_text="This bridge will carry the city")
    sync_api.expect(content_mark).to_have_count(1)
    sync_api.expect(page.locator("a.mark.role-speaker", has_text="Mayor Ana Ruiz")).to_have_count(1)
    sync_api.expect(page.locator("table.metadata tr", has_text="Headline")).to_contain_text(
        "Council approves"
    )
    sync_api.expect(page.locator(".statement")).to_have_count(2)
    date_card = page.locator(".statement", has_text="We will watch every euro")
    sync_api.expect(date_card).to_contain_text("2026-01-19")
    content_mark.hover()
    sync_api.expect(page.locator(".statement.lit")).to_have_count(1)
    page.screenshot(path=str(shots / "article.png"), full_page=True)

    page.locator(".statement", has_text="This bridge").get_by_role("link", name="Ana Ruiz").click()
    page.wait_for_url(re.compile(r"/speakers/\d+"))
    sync_api.expect(page.locator("h1")).to_have_text("Ana Ruiz")
    sync_api.expect(page.locator("svg.chart rect.bar")).to_have_count(3)
    sync_api.expect(page.locator(".outlets li")).to_have_count(2)
    sync_api.expect(page.locator(".descriptions").first).to_contain_text("mayor")
    sync_api.expect(page.locator(".hit-statement")).to_have_count(2)
    page.screenshot(path=str(shots / "speaker.png"), full_page=True)

    page.goto(server + "/")
    page.locator("#q").press_sequentially("euro", delay=30)
    sync_api.expect(page.locator("#results .hit-statement")).to_contain_text("We will watch every euro")
    sync_api.expect(page).to_have_url(re.compile(r"q=euro"))

    page.go_back()
    page.locator(".outlets a").first.click()
    page.wait_for_url(re.compile(r"/sites/"))
    sync_api.expect(page.locator(".hit-article")).to_have_count(1)
    page.screenshot(path=str(shots / "site.png"), full_page=True)


def test_search_works_without_javascript(server: str, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/search")
    page.fill("#speaker", "Tomas Berg")
    page.click("button[type=submit]")
    sync_api.expect(page.locator("#results .hit-statement")).to_have_count(1)
    sync_api.expect(page.locator("#results")).to_contain_text("We will watch every euro")
    context.close()


def test_add_a_pasted_page_and_store_it(server: str, watched: Watched, shots: Path) -> None:
    page = watched.page
    html = article_html(
        headline="Library opens its new reading room",
        site="Northern Chronicle",
        author="Ines Vidal",
        published="2026-02-02T09:00:00+00:00",
        paragraphs=[
            "The city library opened a new reading room on Saturday after two years of work.",
            "The room holds twelve thousand books and forty desks for students and visitors.",
        ],
    )
    page.goto(server + "/add")
    page.fill("#content", html)
    page.click("button[type=submit]")
    sync_api.expect(page.locator("#result h2.headline")).to_have_text("Library opens its new reading room")
    sync_api.expect(page.locator("#result table.metadata tr", has_text="Author")).to_contain_text(
        "Ines Vidal"
    )
    sync_api.expect(page.locator("#result .ok")).to_have_count(0)
    page.screenshot(path=str(shots / "add-preview.png"), full_page=True)

    page.goto(server + "/signin?next=/add")
    page.fill("#token", TOKEN)
    page.click("form.narrow button[type=submit]")
    page.wait_for_url(re.compile(r"/add$"))
    page.fill("#content", html)
    page.check("input[name=store]")
    page.click("form.add-form button[type=submit]")
    sync_api.expect(page.locator("#result .ok")).to_contain_text("Stored")
    page.screenshot(path=str(shots / "add-stored.png"), full_page=True)
    page.get_by_role("link", name="open the stored article").click()
    page.wait_for_url(re.compile(r"/articles/\d+"))
    sync_api.expect(page.locator("h2.headline")).to_have_text("Library opens its new reading room")
    stored_at = page.url

    page.goto(server + "/add")
    page.fill("#content", html)
    page.check("input[name=store]")
    page.click("form.add-form button[type=submit]")
    sync_api.expect(page.locator("#result .ok")).to_contain_text("Already in the ledger")
    page.get_by_role("link", name="open the stored article").click()
    page.wait_for_url(stored_at)


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSLEDGER_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))


def test_the_seed_page_pasted_as_copied_text_shows_its_statements(
    server: str, watched: Watched, shots: Path
) -> None:
    seed = shared_dir() / "seed" / "united24-kolesnikova.txt"
    if not seed.exists():
        pytest.skip(f"the seed page is not at {seed}")
    page = watched.page
    page.goto(server + "/add")
    page.fill("#content", seed.read_text(encoding="utf-8"))
    page.check("input[name=form][value=text]")
    page.click("form.add-form button[type=submit]")
    sync_api.expect(page.locator("#result h2.headline")).to_contain_text("Belarusian")
    cards = page.locator("#result .statement")
    assert cards.count() >= 5
    assert page.locator("#result a.mark.role-content").count() >= cards.count()
    assert page.locator("#result a.mark.role-speaker").count() >= 1
    page.screenshot(path=str(shots / "add-seed.png"), full_page=True)
