"""Following outlets over real HTTP: test outlets on 127.0.0.1 (one port per host) whose request
logs prove what was fetched, when, and how."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from bench._outlet import Outlets, many_hosts, news_scenario

from newsledger.follow import WatchOptions, add_outlet, list_sources, run_round, source_of_page, state
from newsledger.follow.discover import Found
from newsledger.follow.state import add_sources
from newsledger.ledger import Ledger
from newsledger.sources.options import USER_AGENT, SourceOptions

REPO = Path(__file__).resolve().parent.parent
HOST_DELAY = 0.03
CRAWL_DELAY = 0.1
SLOW = 0.2
LOCAL = SourceOptions(allow_private=True, host_delay=HOST_DELAY, timeout=5.0, backoff=0.01)
OPTIONS = WatchOptions(sources=LOCAL, jobs=0, backoff=0.3, threads=8)


def stored_urls(ledger: Ledger) -> list[str]:
    return [row[0] for row in ledger.db.fetchall("SELECT url FROM pages ORDER BY url")]


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """The news outlets followed for three rounds; yields what each round did and requested."""
    with Outlets() as outlets:
        scenario = news_scenario(outlets, crawl_delay=CRAWL_DELAY, slow_delay=SLOW)
        path = tmp_path_factory.mktemp("follow") / "ledger.db"
        with Ledger.open(str(path)) as ledger:
            discovered = add_outlet(ledger, scenario.home.url("/"), LOCAL)
            for name in ("redirect", "malformed", "slow"):
                add_outlet(ledger, scenario.feeds[name], LOCAL)
            outlets.clear()
            first = run_round(ledger, OPTIONS)
            first_hits = outlets.hits()
            outlets.clear()
            second = run_round(ledger, OPTIONS)
            yield {
                "scenario": scenario,
                "ledger": ledger,
                "discovered": discovered,
                "first": first,
                "second": second,
                "first_hits": first_hits,
                "second_hits": outlets.hits(),
            }


def test_discovery_finds_every_feed_and_sitemap_the_home_page_links_or_declares(followed):
    feeds = followed["scenario"].feeds
    found = {(s.url, s.kind) for s in followed["discovered"]}
    assert found == {
        (feeds["rss"], "rss"),
        (feeds["atom"], "atom"),
        (feeds["json"], "json-feed"),
        (feeds["index"], "sitemap-index"),
        (feeds["news"], "news-sitemap"),
        (feeds["archive"], "sitemap"),
        (feeds["plain"], "sitemap"),
    }
    via = {s.url: s.via for s in followed["discovered"]}
    assert (
        via[feeds["index"]] == "robots"
        and via[feeds["plain"]] == "well-known"
        and via[feeds["news"]] == "index"
    )


def test_every_allowed_article_is_stored_exactly_once(followed):
    scenario = followed["scenario"]
    expected = (scenario.allowed | scenario.old) - {u for u in scenario.allowed if scenario.busy.name in u}
    urls = stored_urls(followed["ledger"])
    assert Counter(urls) == Counter(expected)
    assert followed["first"].stored == len(expected) and followed["first"].disallowed == 2
    assert followed["first"].statements > 0
    article_requests = Counter(
        h.path for h in followed["first_hits"] if h.host == scenario.home.name and "/news/" in h.path
    )
    assert set(article_requests.values()) == {1}  # linked from feeds and sitemaps alike, fetched once


def test_no_disallowed_url_is_ever_requested(followed):
    for hits in (followed["first_hits"], followed["second_hits"]):
        assert not [h for h in hits if h.path.startswith("/private/")]


def test_requests_name_the_tool(followed):
    assert {h.user_agent for h in followed["first_hits"]} == {USER_AGENT}


def test_second_round_makes_only_conditional_requests_and_stores_nothing(followed):
    second = followed["second"]
    assert second.stored == 0 and second.found == 0 and second.fetched == 0
    hits = followed["second_hits"]
    assert hits and all(h.conditional for h in hits)
    assert {h.status for h in hits} <= {304, 301}
    assert second.unchanged == second.polled


def test_crawl_delay_and_host_delay_hold_between_requests_to_one_host(followed):
    scenario = followed["scenario"]
    for hits in (followed["first_hits"], followed["second_hits"]):
        for host in scenario.home, scenario.redirecting, scenario.malformed, scenario.slow:
            times = sorted(h.at for h in hits if h.host == host.name)
            gaps = [b - a for a, b in itertools.pairwise(times)]
            least = (
                CRAWL_DELAY if host is scenario.home else HOST_DELAY + (SLOW if host is scenario.slow else 0)
            )
            assert gaps and min(gaps) >= least - 0.01, (host.name, min(gaps))


def test_one_request_at_a_time_per_host_on_one_connection(followed):
    scenario = followed["scenario"]
    for host in scenario.home, scenario.redirecting, scenario.malformed, scenario.slow:
        hits = [h for h in followed["first_hits"] if h.host == host.name]
        assert all(a.done <= b.at for a, b in itertools.pairwise(hits)), host.name
        assert len({h.client_port for h in hits}) == 1, host.name


def test_a_slow_host_does_not_hold_up_the_others(followed):
    scenario = followed["scenario"]
    hits = followed["first_hits"]
    slow_last = max(h.at for h in hits if h.host == scenario.slow.name)
    others_last = max(h.at for h in hits if h.host == scenario.redirecting.name)
    assert others_last < slow_last


def test_redirected_and_malformed_feeds(followed):
    scenario, ledger = followed["scenario"], followed["ledger"]
    urls = set(stored_urls(ledger))
    assert {scenario.redirecting.url("/news/1"), scenario.redirecting.url("/news/2")} <= urls
    assert {scenario.malformed.url("/news/1"), scenario.malformed.url("/news/2")} <= urls
    assert scenario.malformed.url("/news/3") not in urls
    listing_failures = [f for f in ledger.failures() if f.stage == "listing"]
    assert listing_failures and "malformed XML" in listing_failures[0].reason


def test_sources_carry_their_state_and_articles_their_source(followed):
    ledger = followed["ledger"]
    sources = list_sources(ledger)
    assert all(s.last_poll and s.last_success for s in sources)
    assert sum(s.articles_found for s in sources) == len(stored_urls(ledger))
    assert {s.outlet for s in sources} == {"127.0.0.1"}  # the site, as articles name it
    key = ledger.db.scalar("SELECT key FROM pages WHERE url = ?", (followed["scenario"].slow.url("/news/1"),))
    assert source_of_page(ledger, key).url == followed["scenario"].feeds["slow"]


def test_503_with_retry_after_backs_off_then_reads_the_feed(tmp_path):
    with Outlets() as outlets:
        scenario = news_scenario(outlets, retry_after=1)
        with Ledger.open(str(tmp_path / "l.db")) as ledger:
            add_sources(
                ledger, [Found(url=scenario.feeds["busy"], kind="rss", via="given")], scenario.busy.name
            )
            first = run_round(ledger, OPTIONS)
            assert first.poll_failures == 1 and first.stored == 0
            [source] = list_sources(ledger)
            assert source.failures == 1 and source.last_status == 503 and source.next_poll
            assert run_round(ledger, OPTIONS).polled == 0  # still backing off: no request at all
            time.sleep(2.05)  # Retry-After: 1, kept to the second and rounded up
            third = run_round(ledger, OPTIONS)
            assert third.stored == 2 and list_sources(ledger)[0].failures == 0
        feed_hits = [h for h in outlets.hits(scenario.busy) if h.path == "/feed.rss"]
        assert [h.status for h in feed_hits] == [503, 200]
        assert feed_hits[1].at - feed_hits[0].at >= 1.0


def test_since_leaves_out_older_entries_without_requesting_them(tmp_path):
    with Outlets() as outlets:
        scenario = news_scenario(outlets, crawl_delay=0.02)
        with Ledger.open(str(tmp_path / "l.db")) as ledger:
            add_sources(
                ledger,
                [
                    Found(url=scenario.feeds["archive"], kind="sitemap", via="given"),
                    Found(url=scenario.feeds["news"], kind="news-sitemap", via="given"),
                ],
                scenario.home.name,
            )
            summary = run_round(ledger, WatchOptions(sources=LOCAL, jobs=0, since="2026-12-01"))
            assert summary.stored == 2
        assert not [h for h in outlets.hits() if h.path == "/news/10"]


def _watch(db: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [
        sys.executable,
        "-m",
        "newsledger",
        "watch",
        "--once",
        "--db",
        str(db),
        "--allow-private",
        "--host-delay",
        "0.02",
        "-j",
        "0",
        *extra,
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _add_feed(db: Path, feed: str) -> None:
    with Ledger.open(str(db)) as ledger:
        add_outlet(ledger, feed, LOCAL)


def _pages(db: Path) -> int:
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait_for_pages(db: Path, count: int, process: subprocess.Popen, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while _pages(db) < count:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)


def _ledger_state(db: Path) -> tuple:
    with sqlite3.connect(db) as connection:
        pages = connection.execute("SELECT key, url, sha256 FROM pages ORDER BY key").fetchall()
        articles = connection.execute(
            "SELECT url, headline, statement_count FROM articles ORDER BY url"
        ).fetchall()
        statements = connection.execute(
            "SELECT speaker_name, content FROM statements ORDER BY content, speaker_name"
        ).fetchall()
        urls = connection.execute("SELECT url, state, page_key FROM source_urls ORDER BY url").fetchall()
        found = connection.execute("SELECT url, articles_found FROM sources ORDER BY url").fetchall()
    return pages, articles, statements, urls, found


@pytest.mark.slow
def test_kill_9_mid_round_then_rerun_gives_the_ledger_of_a_clean_run(tmp_path):
    with Outlets() as outlets:
        many = many_hosts(outlets, hosts=3, items=90)
        clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
        for db in clean, killed:
            _add_feed(db, many.feed)
        assert _watch(clean).wait(120) == 0
        process = _watch(killed)
        _wait_for_pages(killed, 20, process)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        assert 20 <= _pages(killed) < 90
        rerun = _watch(killed)
        out, _err = rerun.communicate(timeout=120)
        assert rerun.returncode == 0, out
    assert _ledger_state(killed) == _ledger_state(clean)
    assert len(_ledger_state(clean)[0]) == 90


class _CrashAfterStoring(Exception):
    pass


def test_a_crash_between_storing_pages_and_marking_their_urls_leaves_neither(tmp_path, monkeypatch):
    """The pages of a batch and their URLs' outcome are one write: a crash at the point where
    the URLs are being marked must not leave stored pages whose URLs a rerun takes for known."""
    with Outlets() as outlets:
        many = many_hosts(outlets, hosts=2, items=12)
        clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
        for db in clean, crashed:
            _add_feed(db, many.feed)
        with Ledger.open(str(clean)) as ledger:
            run_round(ledger, OPTIONS)
        real_finish = state.finish_urls_in_transaction

        def crash_on_stored(ledger, outcomes):
            if any(outcome[1] == "stored" for outcome in outcomes):
                raise _CrashAfterStoring
            real_finish(ledger, outcomes)

        monkeypatch.setattr(state, "finish_urls_in_transaction", crash_on_stored)
        with Ledger.open(str(crashed)) as ledger, pytest.raises(_CrashAfterStoring):
            run_round(ledger, OPTIONS)
        assert _pages(crashed) == 0
        monkeypatch.setattr(state, "finish_urls_in_transaction", real_finish)
        with Ledger.open(str(crashed)) as ledger:
            run_round(ledger, OPTIONS)
    assert _ledger_state(crashed) == _ledger_state(clean)
    assert len(_ledger_state(clean)[0]) == 12


def test_sigterm_stores_the_pages_in_hand_and_stops(tmp_path):
    with Outlets() as outlets:
        many = many_hosts(outlets, hosts=2, items=200)
        db = tmp_path / "l.db"
        _add_feed(db, many.feed)
        outlets.clear()
        process = _watch(db)
        _wait_for_pages(db, 10, process)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
        assert process.returncode == 0, err
        assert "(stopped)" in out
        requested = {h.host + h.path for h in outlets.hits() if h.path.startswith("/a/") and h.status == 200}
    with Ledger.open(str(db)) as ledger:
        stored = {url.removeprefix("http://") for url in stored_urls(ledger)}
        pending = ledger.db.scalar("SELECT count(*) FROM source_urls WHERE state = 'pending'")
    assert stored == requested and 10 <= len(stored) < 200
    assert pending == 200 - len(stored)
