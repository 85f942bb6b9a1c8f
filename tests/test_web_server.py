"""A real server (``newsledger serve`` under uvicorn on 127.0.0.1) fuzzed and loaded over HTTP."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from tests.web_support import TOKEN, live_server, seed_ledger

from newsledger.web.security import SECURITY_HEADERS

pytestmark = pytest.mark.slow
FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("served") / "ledger.db"
    seed_ledger(db)
    with live_server(db) as base:
        yield base


@pytest.fixture(scope="module")
def http(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30.0) as client:
        yield client


def cursor_of(position: object) -> str:
    raw = json.dumps(position).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def assert_answered(response: httpx.Response) -> None:
    """Not a server error, and the security headers on whatever came back."""
    assert response.status_code < 500, (response.request.url, response.text[:300])
    for name, _ in SECURITY_HEADERS:
        assert name.decode() in response.headers, (response.request.url, name)


BIG = ("99999999999999999999", str(2**63), str(2**64 + 1), "9223372036854775807", "-1", "0")


@pytest.mark.parametrize("number", BIG)
def test_huge_integers_in_paths_and_queries_are_client_errors(http: httpx.Client, number: str) -> None:
    for path in ("/api/articles/", "/articles/", "/api/speakers/", "/speakers/"):
        response = http.get(path + number)
        assert_answered(response)
        assert response.status_code in (400, 404)
    for path in ("/api/search", "/search"):
        response = http.get(path, params={"speaker": number})
        assert_answered(response)
        assert response.status_code in (200, 400)


@pytest.mark.parametrize("value", [2**70, -(2**70), 2**63, 1e308, "x", None, [1], {"a": 1}])
def test_cursors_holding_impossible_positions_are_client_errors(http: httpx.Client, value: object) -> None:
    cursor = cursor_of({"before": value, "count": value, "id": value, "published": value})
    for path in ("/api/search", "/search", "/api/speakers", "/speakers", "/api/speakers/1", "/speakers/1"):
        response = http.get(path, params={"cursor": cursor, "q": "bridge"})
        assert_answered(response)
        assert response.status_code in (200, 400), (path, response.text[:200])
    response = http.get("/api/sites/harbour-news.example", params={"cursor": cursor})
    assert_answered(response)


numbers = st.integers(min_value=-(2**80), max_value=2**80).map(str)
texts = st.text(max_size=40)
positions = st.dictionaries(
    st.sampled_from(["before", "count", "id", "published", "rank"]),
    st.one_of(st.integers(min_value=-(2**80), max_value=2**80), st.floats(), texts, st.none()),
    max_size=4,
)
cursors = st.one_of(positions.map(cursor_of), texts, st.integers().map(cursor_of))
PATHS = ("/articles/{}", "/api/articles/{}", "/speakers/{}", "/api/speakers/{}", "/sites/{}", "/api/sites/{}")


@FUZZ
@given(
    path=st.sampled_from(PATHS),
    segment=st.one_of(numbers, texts),
    key=st.sampled_from(["q", "speaker", "site", "since", "until", "kind", "scope", "limit", "cursor"]),
    value=st.one_of(numbers, texts),
    cursor=cursors,
)
def test_no_fuzzed_request_is_a_server_error(
    http: httpx.Client, path: str, segment: str, key: str, value: str, cursor: str
) -> None:
    target = path.format(quote(segment, safe="") or "x")
    for url in (target, "/search", "/api/search", "/speakers", "/api/speakers", "/sites", "/api/sites"):
        assert_answered(http.get(url, params={key: value, "cursor": cursor}))


def would_be_fetched(url: object) -> bool:
    """Whether the server would go out to fetch ``url`` (it refuses malformed ones first)."""
    from newsledger.web.errors import ApiError
    from newsledger.web.submit import check_url

    if not isinstance(url, str):
        return False
    try:
        check_url(url.strip())
    except ApiError:
        return False
    return True


def test_schemathesis_finds_no_server_error(server: str) -> None:
    schema = schemathesis.openapi.from_url(server + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case) -> None:
            if isinstance(case.body, dict) and would_be_fetched(case.body.get("url")):
                case.body["url"] = "http://127.0.0.1:9/"  # refused before any fetch: no network use
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            assert_answered(response)
            case.validate_response(response, checks=[not_a_server_error])

        check()


def quoted_paragraphs(count: int) -> str:
    """A page whose every paragraph is an attributed quotation: the most work per byte to mark."""
    paragraphs = "".join(
        f'<p>"We will finish part {n} of the harbour bridge on time," said Ana Ruiz, the mayor, on Monday.</p>'
        for n in range(count)
    )
    return f"<html><body><article><h1>The bridge</h1>{paragraphs}</article></body></html>"


def form_token(client: httpx.Client, path: str) -> str:
    page = client.get(path)
    return page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


def test_other_requests_are_answered_within_a_second_while_a_large_preview_runs(server: str) -> None:
    import threading
    import time

    with httpx.Client(base_url=server, timeout=120.0) as previewer:
        token = form_token(previewer, "/add")
        answer: dict[str, httpx.Response] = {}
        paste = quoted_paragraphs(1100)  # about as many as attribution reads in full (its 120,000-character cap)

        def preview() -> None:
            answer["preview"] = previewer.post("/add", data={"content": paste, "csrf_token": token})

        worker = threading.Thread(target=preview)
        worker.start()
        waits = []
        with httpx.Client(base_url=server, timeout=30.0) as reader:
            while worker.is_alive():
                began = time.monotonic()
                assert reader.get("/api/stats").status_code == 200
                waits.append(time.monotonic() - began)
                time.sleep(0.05)
        worker.join()
    preview_page = answer["preview"]
    assert preview_page.status_code == 200, preview_page.text[:300]
    assert preview_page.text.count('class="statement"') == 1100
    assert len(waits) >= 5
    assert max(waits) < 1.0, sorted(waits)[-5:]


def test_a_paste_as_large_as_the_documented_limit_is_accepted_by_the_form(server: str) -> None:
    """The form takes pastes up to the request limit (8 MiB by default), as the API does."""
    filler = "<p>" + "The council met again on Monday to discuss the harbour bridge. " * 20 + "</p>"
    paste = "<html><body><article><h1>Long</h1>" + filler * (3 * 1024 * 1024 // len(filler)) + "</article>"
    paste += "</body></html>"
    assert len(paste) > 2 * 1024 * 1024
    with httpx.Client(base_url=server, timeout=120.0) as client:
        token = form_token(client, "/add")
        response = client.post("/add", data={"content": paste, "csrf_token": token})
        assert response.status_code == 200, response.text[:300]
        too_large = client.post("/add", data={"content": "x" * (9 * 1024 * 1024), "csrf_token": token})
        assert too_large.status_code == 413


def test_wrong_tokens_from_one_address_never_lock_out_the_right_token(server: str) -> None:
    """Every client of the test server shares 127.0.0.1, as every user behind a proxy shares one."""
    page = {"content": "<p>The council met on Monday to approve the harbour bridge plan.</p>"}
    with httpx.Client(base_url=server, timeout=60.0) as client:
        statuses = [
            client.post(
                "/api/pages", json=page, headers={"Authorization": f"Bearer wrong-{n:012d}"}
            ).status_code
            for n in range(12)
        ]
        assert statuses[-1] == 429 and set(statuses) <= {401, 429}
        right = client.post("/api/pages", json=page, headers={"Authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 200, right.text[:300]
