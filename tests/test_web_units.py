"""The web layer's pure parts: statement marking, the timeline, tokens, settings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import ConfigError
from newsledger.model import Article, Block, Cue, Span, Speaker, Statement
from newsledger.web.highlight import ROLE_ORDER, Mark, Range, marked_body, segments, statement_ranges
from newsledger.web.security import csrf_field_for, csrf_valid, sign
from newsledger.web.settings import load_settings
from newsledger.web.timeline import build_timeline, count_months, months_between

ROLES = list(ROLE_ORDER)
TEXT = '"We will win," said Ana Ruiz on Monday. Then the meeting ended.'


def make_statement() -> Statement:
    return Statement(
        id="s1",
        kind="direct",
        content=Span(start=1, end=12, text="We will win"),
        cue=Cue(span=Span(start=15, end=19, text="said"), lemma="say"),
        speaker=Speaker(name="Ana Ruiz", mention=Span(start=20, end=28, text="Ana Ruiz")),
    )


def test_segments_cover_the_text_exactly_once() -> None:
    parts = segments(TEXT, statement_ranges(make_statement()))
    assert "".join(part.text for part in parts) == TEXT
    marked = {part.text: part.roles for part in parts if part.marks}
    assert marked == {"We will win": ("content",), "said": ("cue",), "Ana Ruiz": ("speaker",)}


def test_segments_clip_ranges_to_a_block_starting_later() -> None:
    block_text = TEXT[15:]
    parts = segments(block_text, statement_ranges(make_statement()), offset=15)
    assert "".join(part.text for part in parts) == block_text
    assert [part.text for part in parts if part.marks] == ["said", "Ana Ruiz"]


def test_overlapping_ranges_split_into_flat_segments() -> None:
    statement = make_statement()
    wide = Statement(
        id="s2",
        kind="indirect",
        content=Span(start=0, end=len(TEXT), text=TEXT),
        cue=Cue(span=Span(start=15, end=19, text="said"), lemma="say"),
        speaker=Speaker(),
    )
    parts = segments(TEXT, statement_ranges(statement) + statement_ranges(wide))
    assert "".join(part.text for part in parts) == TEXT
    said = next(part for part in parts if part.text == "said")
    assert {mark.statement for mark in said.marks} == {"s1", "s2"}


def test_marked_body_uses_block_offsets() -> None:
    first, second = TEXT[:39], TEXT[40:]
    article = Article(
        input_form="text",
        text=TEXT,
        blocks=(
            Block(kind="paragraph", text=first, start=0, end=39),
            Block(kind="paragraph", text=second, start=40, end=len(TEXT)),
        ),
    )
    blocks = marked_body(article, (make_statement(),))
    assert ["".join(s.text for s in block.segments) for block in blocks] == [first, second]
    assert not any(s.marks for s in blocks[1].segments)


def test_timeline_has_a_bar_per_month_scaled_to_the_peak() -> None:
    timeline = build_timeline(count_months(["2025-11-03", "2026-01-19", "2026-01-20", None, "2026"]))
    assert timeline is not None
    assert [bar.label for bar in timeline.bars] == ["2025-11", "2025-12", "2026-01"]
    assert [bar.count for bar in timeline.bars] == [1, 0, 2]
    tallest = max(timeline.bars, key=lambda bar: bar.height)
    assert tallest.label == "2026-01" and tallest.y + tallest.height == pytest.approx(timeline.baseline)
    assert build_timeline(count_months([None, "2026"])) is None


def test_months_between_crosses_years() -> None:
    assert months_between("2025-12", "2026-02") == ["2025-12", "2026-01", "2026-02"]


def test_csrf_token_is_bound_to_its_cookie_and_secret() -> None:
    field = csrf_field_for("secret", "cookie-a")
    assert csrf_valid("secret", "cookie-a", field)
    assert not csrf_valid("secret", "cookie-b", field)
    assert not csrf_valid("other", "cookie-a", field)
    assert not csrf_valid("secret", None, field)
    assert sign("s", "csrf", "v") != sign("s", "auth", "v")


def test_settings_reject_a_private_server_without_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSLEDGER_TOKEN", raising=False)
    with pytest.raises(ConfigError):
        load_settings("x.db", private=True)
    monkeypatch.setenv("NEWSLEDGER_TOKEN", "a-long-enough-token")
    settings = load_settings("x.db")
    assert settings.token == "a-long-enough-token" and settings.writes_enabled and not settings.private
    with pytest.raises(ConfigError):
        load_settings("x.db", token="short")
    with pytest.raises(ConfigError, match="16 characters"):
        load_settings("x.db", token="twelve-chars")


def test_sessions_expire_and_end_on_the_server() -> None:
    from newsledger.web.security import Sessions

    now = [1000.0]
    sessions = Sessions(lifetime=60, limit=3, clock=lambda: now[0])
    first, second = sessions.start(), sessions.start()
    assert sessions.live(first) and sessions.live(second) and not sessions.live("forged")
    sessions.end(first)
    assert not sessions.live(first) and sessions.live(second)
    now[0] += 61
    assert not sessions.live(second)
    kept = [sessions.start() for _ in range(5)]
    assert [sessions.live(item) for item in kept] == [False, False, True, True, True]
    sessions.end_all()
    assert not any(sessions.live(item) for item in kept)


def test_sign_in_only_returns_to_paths_on_this_site() -> None:
    from newsledger.web.pages import safe_next

    assert safe_next("/add") == "/add"
    assert safe_next("/search?q=a%20b&site=x.org") == "/search?q=a%20b&site=x.org"
    for hostile in (
        "//evil.example/",
        "/\t/evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "javascript:x",
        None,
    ):
        assert safe_next(hostile) == "/"


@given(
    text=st.text(max_size=60),
    raw_ranges=st.lists(
        st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(ROLES)), max_size=8
    ),
    offset=st.integers(0, 10),
)
def test_segments_always_rebuild_the_text_with_every_mark_inside_its_range(text, raw_ranges, offset) -> None:
    ranges = [
        Range(start, end, Mark(statement=f"s{n}", role=role))
        for n, (start, end, role) in enumerate(raw_ranges)
    ]
    parts = segments(text, ranges, offset)
    assert "".join(part.text for part in parts) == text
    position = offset
    for part in parts:
        for mark in part.marks:
            source = next(r for r in ranges if r.mark == mark)
            assert source.start <= position and position + len(part.text) <= source.end
        position += len(part.text)


def test_serve_hides_a_postgresql_password() -> None:
    from newsledger.cli.serve_cmd import shown

    assert shown("postgresql://app:s3cret@db.internal/news") == "postgresql://app:***@db.internal/news"
    assert shown("ledger.db") == "ledger.db"


def test_throttle_refuses_after_the_limit_and_forgets_old_failures() -> None:
    from newsledger.web.security import FailureThrottle

    now = [0.0]
    throttle = FailureThrottle(limit=3, window=60.0, clock=lambda: now[0])
    for _ in range(3):
        assert not throttle.blocked("10.0.0.1")
        throttle.failed("10.0.0.1")
    assert throttle.blocked("10.0.0.1") and not throttle.blocked("10.0.0.2")
    now[0] = 61.0
    assert not throttle.blocked("10.0.0.1")


def span_at(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def test_a_statement_nested_in_another_keeps_its_own_link() -> None:
    text = 'Ruiz said that "Berg said the cost is too high" before the vote.'
    outer = Statement(
        id="outer",
        kind="indirect",
        content=span_at(text, '"Berg said the cost is too high"'),
        cue=Cue(span=Span(start=5, end=9, text="said"), lemma="say"),
        speaker=Speaker(name="Ruiz", mention=Span(start=0, end=4, text="Ruiz")),
    )
    inner = Statement(
        id="inner",
        kind="indirect",
        content=span_at(text, "the cost is too high"),
        cue=Cue(span=Span(start=21, end=25, text="said"), lemma="say"),
        speaker=Speaker(name="Berg", mention=Span(start=16, end=20, text="Berg")),
    )
    article = Article(
        input_form="text", text=text, blocks=(Block(kind="paragraph", text=text, start=0, end=len(text)),)
    )
    for order in ((outer, inner), (inner, outer)):
        (block,) = marked_body(article, order)
        by_text = {segment.text: segment for segment in block.segments}
        assert by_text["the cost is too high"].statement == "inner"
        assert by_text["the cost is too high"].statements == ("outer", "inner")
        assert by_text["Berg"].statement == "inner"
        assert by_text["Ruiz"].statement == "outer"


def test_the_worker_refuses_pages_beyond_its_waiting_room() -> None:
    import asyncio

    from newsledger.model import Page
    from newsledger.web.errors import ApiError
    from newsledger.web.worker import PageWorker

    worker = PageWorker(5.0, max_waiting=1)
    worker._in_flight = 2  # two submissions already waiting for the one process
    page = Page(content=b"<p>hello</p>", key="k", origin="pasted")
    with pytest.raises(ApiError) as refused:
        asyncio.run(worker.extract(page, "auto"))
    assert (refused.value.status, refused.value.code) == (429, "busy")
    assert worker._in_flight == 2
    worker.close()


def test_a_speaker_filter_of_non_ascii_digits_is_a_name_not_an_id():
    from newsledger.web.errors import ApiError
    from newsledger.web.params import speaker_filter

    assert speaker_filter("²") == "²"
    assert speaker_filter("٣٤") == "٣٤"
    assert speaker_filter(" 42 ") == 42
    with pytest.raises(ApiError):
        speaker_filter("99999999999999999999")
