"""The JSON API: the error shape, tokens, limits and headers, and schemathesis against its OpenAPI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from tests.web_support import FIXTURES, TOKEN, article_html, seed_ledger

from newsledger.model import Article, Block, Cue, Page, Span, Speaker, Statement
from newsledger.web import WebSettings, create_app
from newsledger.web.security import FailureThrottle


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from newsledger.ledger import Ledger

    db = tmp_path_factory.mktemp("api") / "ledger.db"
    seed_ledger(db)
    with Ledger.open(str(db)) as opened:
        yield opened


@pytest.fixture(scope="module")
def app(ledger):
    return create_app(
        WebSettings(db="unused", token=TOKEN, secret="test-secret", max_body_bytes=64_000), ledger=ledger
    )


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def assert_error_shape(response, status: int, code: str | None = None) -> None:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    if code:
        assert body["error"]["code"] == code


def test_every_error_has_the_same_shape(client: TestClient) -> None:
    assert_error_shape(client.get("/api/articles/999999"), 404, "not_found")
    assert_error_shape(client.get("/api/articles/abc"), 400, "bad_request")
    assert_error_shape(client.get("/api/search", params={"since": "yesterday"}), 400, "bad_request")
    assert_error_shape(client.get("/api/search", params={"limit": 0}), 400, "bad_request")
    assert_error_shape(client.get("/api/search", params={"cursor": "not-a-cursor"}), 400)
    assert_error_shape(client.get("/api/no-such-thing"), 404, "not_found")
    assert_error_shape(client.post("/api/pages", json={"content": "x"}), 401, "unauthorized")


def test_cursor_pagination_walks_every_statement_once(client: TestClient) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/search", params=params).json()
        seen += [hit["statement_id"] for hit in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == sum(len(fixture.quotes) for fixture in FIXTURES)


def test_article_json_twin_carries_statements_and_evidence(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "euro"}).json()["items"][0]
    body = client.get(f"/api/articles/{hit['article_id']}").json()
    assert body["article"]["headline"]["evidence"]["source"]
    assert {st["speaker"]["name"] for st in body["statements"]} == {"Ana Ruiz", "Tomas Berg"}
    speaker = client.get(f"/api/speakers/{hit['speaker_id']}").json()
    assert speaker["speaker"]["name"] == "Tomas Berg"
    assert [item["content"] for item in speaker["statements"]["items"]] == ["We will watch every euro"]


def test_writes_need_the_token_and_store_once(client: TestClient) -> None:
    html = article_html(
        headline="A quiet day",
        site="Town Crier",
        author="Ada Stone",
        published="2026-02-01T10:00:00Z",
        paragraphs=["Nothing at all happened in town today, and the weather stayed mild and dry."],
    )
    page = {"content": html, "store": True}
    assert_error_shape(
        client.post("/api/pages", json=page, headers={"Authorization": "Bearer wrong-token"}), 401
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/pages", json=page, headers=auth)
    assert first.status_code == 200, first.text
    assert first.json()["article"]["headline"]["value"] == "A quiet day"
    assert first.json()["stored"]["created"] is True
    again = client.post("/api/pages", json=page, headers=auth).json()
    assert again["stored"]["created"] is False
    assert again["stored"]["page_id"] == first.json()["stored"]["page_id"]
    assert again["stored"]["article_id"] == first.json()["stored"]["article_id"] is not None


def test_url_submissions_obey_the_private_address_rule(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for url in ("http://127.0.0.1:9/", "http://localhost/", "http://169.254.169.254/latest/meta-data/"):
        assert_error_shape(client.post("/api/pages", json={"url": url}, headers=auth), 400, "blocked_address")
    assert_error_shape(client.post("/api/pages", json={"url": "file:///etc/passwd"}, headers=auth), 400)


def test_large_bodies_are_refused(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/api/pages", json={"content": "x" * 100_000}, headers=auth)
    assert_error_shape(response, 413, "too_large")


def test_security_headers_on_pages_and_errors(client: TestClient) -> None:
    for path in ("/", "/api/stats", "/api/articles/0", "/static/style.css", "/nowhere"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_forms_refuse_a_post_without_the_csrf_token(client: TestClient) -> None:
    response = client.post("/add", data={"content": "<p>hello there</p>"})
    assert response.status_code == 403
    page = client.get("/add")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    assert (
        client.post("/add", data={"content": "<p>hello there, reader</p>", "csrf_token": token}).status_code
        == 200
    )
    forged = client.post("/add", data={"content": "<p>hi</p>", "csrf_token": "0" * 64})
    assert forged.status_code == 403


def test_private_server_needs_the_token_for_reading(ledger) -> None:
    private = create_app(WebSettings(db="unused", token=TOKEN, private=True, secret="s"), ledger=ledger)
    with TestClient(private) as client:
        assert_error_shape(client.get("/api/search"), 401, "unauthorized")
        locked = client.get("/search")
        assert locked.status_code == 401 and 'href="/signin?next=/search"' in locked.text
        assert client.get("/api/search", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def relaxed(case) -> list:
    """Where a schema-valid request may still be refused: an opaque cursor this ledger did not
    issue, and pasted content that is valid JSON but not a page (binary). Both answer 400 with the
    error shape; every other check still applies."""
    if case.method.upper() == "POST" or (case.query or {}).get("cursor"):
        return [positive_data_acceptance]
    return []


def fixture_fetch(url: str, *, allow_private: bool) -> Page:
    """Stands in for the network: every URL answers with the first fixture page."""
    return Page(content=FIXTURES[0].html.encode(), url=url, key=f"fetched:{url}", origin=url)


def test_api_conforms_to_its_openapi_schema(ledger) -> None:
    """schemathesis generates requests for every operation; each answer must match the document."""
    settings_ = WebSettings(db="unused", token=TOKEN, secret="s", max_body_bytes=64_000)
    app = create_app(settings_, ledger=ledger, fetch_page=fixture_fetch)
    app.state.throttle = FailureThrottle(limit=1_000_000)  # the auth probes send many wrong tokens
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)

    @schema.auth()
    class OperatorToken:
        def get(self, case, context) -> str:
            return TOKEN

        def set(self, case, data: str, context) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
        )
        def check(case) -> None:
            case.call_and_validate(
                headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=relaxed(case)
            )

        check()


def test_openapi_documents_the_error_shape(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert "ErrorResponse" in document["components"]["schemas"]
    for path, item in document["paths"].items():
        assert path.startswith("/api/")
        for operation in item.values():
            assert "422" not in operation["responses"]
            assert "400" in operation["responses"]


def test_template_sources_never_mark_content_safe() -> None:
    templates = Path(__file__).resolve().parent.parent / "src/newsledger/web/templates"
    for template in templates.glob("*.html"):
        text = template.read_text()
        assert "|safe" not in text.replace(" ", "") and "Markup(" not in text, template.name


def test_article_page_shows_evidence_boilerplate_and_marked_statements(client: TestClient, ledger) -> None:
    from newsledger.ingest import Processed
    from newsledger.model import Author, Boilerplate, Evidence, TextField

    text = '"Rates will fall," said Dana Holm.\n\nSupport our journalism today.'
    article = Article(
        input_form="html",
        url="https://evidence.example/rates",
        headline=TextField(
            value="Rates & <tags>", evidence=Evidence(source="json-ld", locator="json-ld[0].headline")
        ),
        authors=(Author(name="Kim Lo", evidence=Evidence(source="meta", locator='meta[name="author"]')),),
        blocks=(Block(kind="paragraph", text=text[:34], start=0, end=34),),
        text=text[:34],
        boilerplate=(
            Boilerplate(kind="donation_appeal", text="Support our journalism today.", reason="appeal"),
        ),
    )
    statement = Statement(
        id="s0",
        kind="direct",
        content=Span(start=1, end=16, text="Rates will fall"),
        cue=Cue(span=Span(start=19, end=23, text="said"), lemma="say"),
        speaker=Speaker(name="Dana Holm", mention=Span(start=24, end=33, text="Dana Holm")),
    )
    page = Page(content=b"<p>rates</p>", url=article.url, key="evidence:rates", origin=article.url)
    stored = ledger.store(Processed(page=page, article=article, statements=(statement,)))
    body = client.get(f"/articles/{stored.article_id}").text
    assert "Rates &amp; &lt;tags&gt;" in body
    assert "json-ld[0].headline" in body and "meta[name=&#34;author&#34;]" in body and "Kim Lo" in body
    assert "Set aside as boilerplate (1)" in body and "donation_appeal" in body
    assert 'class="mark role-content " href="#st-s0"' in body and ">Rates will fall</a>" in body
    assert 'class="mark role-speaker "' in body and 'id="st-s0"' in body


@pytest.mark.postgres
def test_the_same_pages_over_a_postgresql_ledger() -> None:
    from tests.ledgerkit import postgres_url

    from newsledger.ledger import Ledger

    with postgres_url() as url:
        seed_ledger(url)
        with Ledger.open(url) as pg_ledger:
            app = create_app(WebSettings(db=url, token=TOKEN, secret="s"), ledger=pg_ledger)
            with TestClient(app) as client:
                hits = client.get("/api/search", params={"q": "euro"}).json()["items"]
                assert [hit["speaker"] for hit in hits] == ["Tomas Berg"]
                article_page = client.get(f"/articles/{hits[0]['article_id']}")
                assert article_page.status_code == 200 and "We will watch every euro" in article_page.text
                speaker = client.get(f"/api/speakers/{hits[0]['speaker_id']}").json()
                assert speaker["timeline"] == [{"month": "2026-01", "count": 1}]
                assert client.get(f"/sites/{hits[0]['site']}").status_code == 200


def csrf_of(client: TestClient, path: str = "/add") -> str:
    return client.get(path).text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


def test_ingest_stores_good_pages_and_reports_bad_ones(client: TestClient) -> None:
    good = article_html(
        headline="Ferry timetable changes",
        site="Coast Daily",
        author="Per Alm",
        published="2026-03-01T07:00:00Z",
        paragraphs=["The morning ferry will leave half an hour earlier from the first of April onwards."],
    )
    body = {
        "pages": [{"content": good, "url": "https://coast.example/ferry"}, {"content": "\x00\x01\x02\x03"}]
    }
    answer = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert len(result["stored"]) == 1 and result["stored"][0]["created"]
    assert [(item["index"], item["code"]) for item in result["failed"]] == [(1, "input")]
    article = client.get(f"/api/articles/{result['stored'][0]['article_id']}").json()
    assert article["info"]["site"] == "coast.example"


def test_html_pages_show_errors_as_pages(client: TestClient) -> None:
    missing = client.get("/articles/987654")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert "no article 987654" in missing.text
    bad_date = client.get("/search", params={"q": "bridge", "since": "yesterday"})
    assert bad_date.status_code == 400 and "since: not a date" in bad_date.text


def test_signing_in_unlocks_fetching_and_storing(client: TestClient) -> None:
    token = csrf_of(client)
    refused = client.post("/add", data={"csrf_token": token, "url": "https://example.org/"})
    assert refused.status_code == 401 and "sign in" in refused.text and "operator" in refused.text
    wrong = client.post("/signin", data={"csrf_token": token, "token": "not-the-token"})
    assert wrong.status_code == 401
    signed = client.post(
        "/signin",
        data={"csrf_token": token, "token": TOKEN, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert signed.status_code == 303 and signed.headers["location"] == "/"
    blocked = client.post("/add", data={"csrf_token": token, "url": "http://127.0.0.1:9/"})
    assert blocked.status_code == 400 and "127.0.0.1" in blocked.text
    client.post("/signout", data={"csrf_token": token})
    assert client.post("/add", data={"csrf_token": token, "url": "https://example.org/"}).status_code == 401


def test_serve_refuses_a_private_server_without_a_token(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from newsledger.cli import main

    monkeypatch.delenv("NEWSLEDGER_TOKEN", raising=False)
    assert main(["serve", "--db", "unused.db", "--private"]) == 1
    assert "needs a token" in capsys.readouterr().err


def test_a_page_over_the_time_limit_is_refused(ledger) -> None:
    quick = create_app(
        WebSettings(db="unused", token=TOKEN, secret="s", extract_timeout=0.001), ledger=ledger
    )
    paragraphs = [
        f"Paragraph {n} tells of the long council meeting and what was decided there." for n in range(3000)
    ]
    html = article_html(
        headline="Long", site="Slow", author="A B", published="2026-01-01", paragraphs=paragraphs
    )
    with TestClient(quick) as client:
        answer = client.post(
            "/api/pages", json={"content": html}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
    assert_error_shape(answer, 400, "timeout")


def test_speakers_can_be_found_by_part_of_a_name(client: TestClient) -> None:
    names = [item["name"] for item in client.get("/api/speakers", params={"q": "ruiz"}).json()["items"]]
    assert names == ["Ana Ruiz"]
    page = client.get("/speakers", params={"q": "berg"}).text
    assert "Tomas Berg" in page and "Ana Ruiz" not in page


def test_guessing_the_token_is_throttled(ledger) -> None:
    guarded = create_app(WebSettings(db="unused", token=TOKEN, secret="s"), ledger=ledger)
    wrong = {"Authorization": "Bearer wrong-guess-0000"}
    with TestClient(guarded) as client:
        statuses = [
            client.post("/api/pages", json={"content": "x"}, headers=wrong).status_code for _ in range(11)
        ]
        assert statuses[:9] == [401] * 9 and statuses[9:] == [429, 429]
        assert_error_shape(
            client.post("/api/pages", json={"content": "x"}, headers=wrong), 429, "too_many_attempts"
        )
        page = {"content": "<p>The council met on Monday to approve the harbour bridge plan.</p>"}
        right = client.post("/api/pages", json=page, headers={"Authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 200, "others' wrong tokens must not lock out the right one"
        assert client.get("/search").status_code == 200


def sign_in(client: TestClient) -> str:
    """Signs in through the form; returns the CSRF form token of the session."""
    token = csrf_of(client)
    signed = client.post("/signin", data={"csrf_token": token, "token": TOKEN}, follow_redirects=False)
    assert signed.status_code == 303
    assert "max-age=" in signed.headers["set-cookie"].lower()
    return token


def test_the_sign_in_cookie_expires_and_is_revoked_by_signing_out(ledger) -> None:
    app = create_app(WebSettings(db="unused", token=TOKEN, secret="s", session_hours=1), ledger=ledger)
    with TestClient(app) as client:
        token = sign_in(client)
        cookie = client.cookies.get("nl_auth")
        assert "Sign out" in client.get("/").text
        client.post("/signout", data={"csrf_token": token})
        assert "Sign out" not in client.get("/").text
        client.cookies.set("nl_auth", cookie)
        assert "Sign out" not in client.get("/").text, "a signed-out cookie must stay dead when replayed"
        now = app.state.sessions.clock()
        sign_in(client)
        app.state.sessions.clock = lambda: now + 3601
        assert "Sign out" not in client.get("/").text, "the session outlives its lifetime"


def test_cookie_writes_to_the_api_need_the_csrf_header_or_this_sites_origin(ledger) -> None:
    app = create_app(WebSettings(db="unused", token=TOKEN, secret="s"), ledger=ledger)
    page = {"content": "<p>The council met on Monday to approve the harbour bridge plan.</p>"}
    with TestClient(app, base_url="http://newsledger.test") as client:
        form_token = sign_in(client)
        assert_error_shape(client.post("/api/pages", json=page), 403, "csrf")
        evil = {"Origin": "https://evil.example"}
        assert_error_shape(client.post("/api/pages", json=page, headers=evil), 403, "csrf")
        same_origin = {"Origin": "http://newsledger.test"}
        assert client.post("/api/pages", json=page, headers=same_origin).status_code == 200
        assert client.post("/api/pages", json=page, headers={"X-CSRF-Token": form_token}).status_code == 200


def test_an_unexpected_error_is_a_500_in_the_error_shape_with_the_security_headers(ledger) -> None:
    app = create_app(WebSettings(db="unused", token=TOKEN, secret="test-secret"), ledger=ledger)

    @app.get("/api/explode")
    async def explode() -> dict:
        raise RuntimeError("a bug in a handler")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/explode")
    assert_error_shape(response, 500, "internal_error")
    assert "a bug" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_speaker_ids_beyond_the_ledger_range_are_refused(client: TestClient) -> None:
    assert_error_shape(client.get("/api/search", params={"speaker": "9" * 19}), 400, "bad_request")
    assert client.get("/api/search", params={"speaker": "²"}).status_code == 200  # a name, found nowhere
    assert client.get("/api/search", params={"speaker": "Ana Ruiz"}).status_code == 200


def test_signing_out_everywhere_ends_every_session(ledger) -> None:
    app = create_app(WebSettings(db="unused", token=TOKEN, secret="s"), ledger=ledger)
    with TestClient(app) as laptop, TestClient(app) as phone:
        laptop_form = sign_in(laptop)
        sign_in(phone)
        assert "Sign out everywhere" in phone.get("/").text
        laptop.post("/signout", data={"csrf_token": laptop_form, "everywhere": "on"})
        assert "Sign out" not in phone.get("/").text and "Sign out" not in laptop.get("/").text
