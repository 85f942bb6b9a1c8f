"""Script injection: pages carrying payloads everywhere are stored and shown; none may execute."""

from __future__ import annotations

import html as html_lib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.web_support import TOKEN, live_server

from newsledger.extract import extract_page
from newsledger.model import Cue, Page, Span, Speaker, Statement

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")

# Each payload, if it ran, would set window.__xss or open a dialog.
PAYLOADS = (
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<svg onload=\"window.__xss='svg'\"></svg>",
    "<svg><script>window.__xss='svg-script'</script></svg>",
    '"><script>window.__xss="attr-break"</script>',
    "' onmouseover='window.__xss=\"single-quote\"' data-x='",
    '" autofocus onfocus="window.__xss=\'autofocus\'" x="',
    "<a href=\"javascript:window.__xss='js-link'\">read more</a>",
    "<iframe srcdoc=\"<script>parent.__xss='srcdoc'</script>\"></iframe>",
    "</textarea><script>window.__xss='textarea'</script>",
    "</title><script>alert('title')</script>",
    "<body onload=alert('body')>",
    "<details open ontoggle=\"window.__xss='toggle'\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
    "{{ 7*7 }} ${7*7} <%= 7*7 %>",
    "javascript:alert('bare')",
)
ALL = " ".join(PAYLOADS)
ESCAPED = html_lib.escape(ALL)


def payload_page(index: int) -> bytes:
    """A page whose headline, author, site name, body and quotes carry payloads, raw and escaped."""
    raw = PAYLOADS[index % len(PAYLOADS)]
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>{ESCAPED} headline {index}</title>
<meta property="og:title" content="{html_lib.escape(raw, quote=True)} headline {index}">
<meta property="og:site_name" content="{html_lib.escape(raw, quote=True)}">
<meta name="author" content="{html_lib.escape(raw, quote=True)}">
<meta property="article:published_time" content="2026-03-0{index % 9 + 1}T10:00:00Z">
</head><body><article><h1>{ESCAPED} headline {index}</h1>
<p>"{ESCAPED}," said {ESCAPED} on Monday, in a statement to reporters about the case.</p>
<p>Raw markup follows {raw} and the story goes on with enough words to be a body paragraph.</p>
<p><a href="javascript:window.__xss='body-link'">a link</a> and more ordinary text in the article.</p>
</article></body></html>""".encode()


def payload_statement(text: str) -> tuple[Statement, ...]:
    start = text.find(PAYLOADS[0])
    if start < 0:
        return ()
    end = start + len(ALL)
    cue = text.find("said", end)
    return (
        Statement(
            id="s0",
            kind="direct",
            content=Span(start=start, end=end, text=text[start:end]),
            cue=Cue(span=Span(start=cue, end=cue + 4, text="said"), lemma="say"),
            speaker=Speaker(name=ALL[:200], description=ALL[:300], kind="person"),
        ),
    )


def seed_payloads(db: Path) -> None:
    from newsledger.ingest import Processed
    from newsledger.ledger import Ledger

    with Ledger.open(str(db)) as ledger:
        for index in range(len(PAYLOADS)):
            url = f"https://xss-{index}.example/story/{index}"
            page = Page(content=payload_page(index), url=url, key=f"xss:{index}", origin=url)
            article = extract_page(page)
            ledger.store(Processed(page=page, article=article, statements=payload_statement(article.text)))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("xss") / "ledger.db"
    seed_payloads(db)
    with live_server(db) as base:
        yield base


def pages_to_visit(base: str) -> list[str]:
    hits = httpx.get(f"{base}/api/search", params={"limit": 100}).json()["items"]
    assert hits, "the payload statements were not stored"
    articles = httpx.get(f"{base}/api/search", params={"scope": "articles", "limit": 100}).json()["items"]
    speakers = httpx.get(f"{base}/api/speakers").json()["items"]
    sites = httpx.get(f"{base}/api/sites").json()["items"]
    urls = [f"{base}/", f"{base}/search?q=window", f"{base}/search?scope=articles&q=headline"]
    urls += [f"{base}/search?q={html_lib.escape(PAYLOADS[0])}&site=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"]
    urls += [f"{base}/articles/{hit['article_id']}" for hit in articles]
    urls += [f"{base}/speakers/{speaker['speaker_id']}" for speaker in speakers] + [f"{base}/speakers"]
    urls += [f"{base}/sites/{site['site']}" for site in sites] + [f"{base}/sites"]
    return urls


def test_no_payload_executes_anywhere(server: str, tmp_path: Path) -> None:
    fired: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("dialog", lambda dialog: (fired.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        visited = pages_to_visit(server)
        for url in visited:
            page.goto(url)
            page.mouse.move(200, 300)
            page.mouse.move(400, 500)
            for element in page.locator("a.mark").all()[:5]:
                element.hover()
            if page.evaluate("() => window.__xss !== undefined"):
                fired.append(f"{url}: window.__xss = {page.evaluate('() => String(window.__xss)')}")
        assert len(visited) > len(PAYLOADS)
        page.goto(f"{server}/search?q=window")
        assert PAYLOADS[0] in page.locator(".snippet").first.inner_text(), "payloads must show as text"
        add_page_preview(server, page, fired)
        page.screenshot(path=str(tmp_path / "xss-add.png"), full_page=True)
        context.close()
        browser.close()
    assert fired == []


def add_page_preview(server: str, page, fired: list[str]) -> None:
    """The add page re-shows what was pasted and the record extracted from it."""
    page.goto(server + "/signin?next=/add")
    page.fill("#token", TOKEN)
    page.click("form.narrow button[type=submit]")
    page.wait_for_url(f"{server}/add")
    page.fill("#content", payload_page(3).decode() + ALL)
    page.fill("#url", "")
    page.click("form.add-form button[type=submit]")
    sync_api.expect(page.locator("#result h2.headline")).to_contain_text("headline 3")
    assert page.locator("#content").input_value().endswith(ALL)
    if page.evaluate("() => window.__xss !== undefined"):
        fired.append(f"add page: window.__xss = {page.evaluate('() => String(window.__xss)')}")


def test_content_is_escaped_in_the_html(server: str) -> None:
    """Belt and braces beside the browser: no payload tag reaches the HTML unescaped."""
    with httpx.Client(base_url=server) as client:
        for url in pages_to_visit(server):
            body = client.get(url.removeprefix(server)).text
            for marker in (
                "<script>window",
                "<img src=x",
                "<svg onload",
                "<iframe srcdoc",
                "<details open",
                "<body onload",
            ):
                assert marker not in body, f"{marker!r} unescaped in {url}"
            assert body.count("<script") == 1, url
