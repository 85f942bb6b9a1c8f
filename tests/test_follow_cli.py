"""``newsledger sources`` and ``newsledger watch`` end to end, the private-address rule on every
fetch, retries of passing failures in later rounds, and the follow state on PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench._outlet import (
    Outlets,
    Resource,
    add_articles,
    news_scenario,
    robots_resource,
    rss,
    urlset,
    xml_resource,
)
from tests.ledgerkit import postgres_url

from newsledger.cli import main
from newsledger.follow import WatchOptions, add_outlet, list_sources, run_round
from newsledger.follow.discover import Found
from newsledger.follow.state import add_sources
from newsledger.ledger import Ledger
from newsledger.sources.options import SourceOptions

REPO = Path(__file__).resolve().parent.parent
LOCAL = SourceOptions(allow_private=True, host_delay=0.01, timeout=5.0, backoff=0.01)


def test_sources_add_list_and_watch_once_from_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    with Outlets() as outlets:
        scenario = news_scenario(outlets, crawl_delay=0.01, slow_delay=0.0)
        assert (
            main(
                ["sources", "add", scenario.home.url("/"), "--db", db, "--allow-private", "--host-delay", "0"]
            )
            == 0
        )
        added = capsys.readouterr().out
        assert "news-sitemap" in added and scenario.feeds["atom"] in added
        assert (
            main(["watch", "--once", "--db", db, "--allow-private", "--host-delay", "0.01", "-j", "0"]) == 0
        )
        summary = capsys.readouterr().out
        assert (
            "7 sources polled" in summary
            and "10 stored" in summary
            and "2 disallowed by robots.txt" in summary
        )
        assert main(["sources", "list", "--db", db]) == 0
        listing = capsys.readouterr().out.splitlines()
        assert listing[0].split()[:3] == ["id", "kind", "outlet"] and len(listing) == 8
        assert main(["sources", "list", "--db", db, "--json"]) == 0
        assert capsys.readouterr().out.count('"articles_found"') == 7
        assert main(["sources", "pause", "1", "2", "--db", db]) == 0
        assert main(["sources", "pause", "99", "--db", db]) == 1
        capsys.readouterr()
        assert (
            main(["watch", "--once", "--db", db, "--allow-private", "--host-delay", "0.01", "-j", "0"]) == 0
        )
        assert "5 sources polled (5 unchanged" in capsys.readouterr().out
        assert main(["sources", "resume", "1", "--db", db]) == 0


def test_private_addresses_are_refused_unless_allowed(tmp_path, capsys):
    db = str(tmp_path / "private.db")
    with Outlets() as outlets:
        scenario = news_scenario(outlets)
        assert main(["sources", "add", scenario.feeds["slow"], "--db", db]) == 1
        assert "non-public address" in capsys.readouterr().err
        assert not (tmp_path / "private.db").exists()  # a refused add leaves no ledger behind
        with Ledger.open(db) as ledger:
            add_sources(
                ledger, [Found(url=scenario.feeds["slow"], kind="rss", via="given")], scenario.slow.name
            )
        assert main(["watch", "--once", "--db", db, "-j", "0", "--host-delay", "0"]) == 1  # every poll failed
        assert "1 source polled (0 unchanged, 1 failed)" in capsys.readouterr().out
        with Ledger.open(db) as ledger:
            assert "non-public address" in list_sources(ledger)[0].last_error
        assert outlets.hits() == []


def test_an_article_failing_for_a_passing_reason_is_tried_again_next_round(tmp_path):
    with Outlets() as outlets:
        host = outlets.host()
        [good] = add_articles(host, [1])
        flaky = host.add(
            "/news/2",
            Resource(body=b"<html><body><p>x</p></body></html>", fail_first=3, headers={"Retry-After": "0"}),
        )
        host.add("/robots.txt", robots_resource("User-agent: *\nDisallow:\n"))
        host.add("/feed.rss", xml_resource(rss([(good, ""), (flaky, "")]), "f"))
        with Ledger.open(str(tmp_path / "retry.db")) as ledger:
            add_outlet(ledger, host.url("/feed.rss"), LOCAL)
            first = run_round(ledger, WatchOptions(sources=LOCAL, jobs=0))
            assert (first.stored, first.failed) == (1, 1)
            second = run_round(ledger, WatchOptions(sources=LOCAL, jobs=0))
            assert second.fetched == 1 and second.failed == 0
            assert ledger.db.fetchall("SELECT state, attempts FROM source_urls ORDER BY id") == [
                ("stored", 1),
                ("stored", 2),
            ]


def test_watch_every_keeps_polling_until_sigterm(tmp_path):
    db = tmp_path / "every.db"
    with Outlets() as outlets:
        scenario = news_scenario(outlets)
        with Ledger.open(str(db)) as ledger:
            add_outlet(ledger, scenario.feeds["slow"], LOCAL)
        outlets.clear()
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]),
        }
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newsledger",
                "watch",
                "--every",
                "0.5s",
                "--db",
                str(db),
                "--allow-private",
                "--host-delay",
                "0",
                "-j",
                "0",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while (
            sum(h.path == "/feed.rss" for h in outlets.hits(scenario.slow)) < 2
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    lines = out.splitlines()
    assert len(lines) >= 2 and "3 stored" in lines[0] and "1 unchanged" in lines[1]


@pytest.mark.postgres
def test_a_watch_round_on_postgresql():
    with postgres_url() as url, Outlets() as outlets:
        scenario = news_scenario(outlets, crawl_delay=0.01, slow_delay=0.0)
        with Ledger.open(url) as ledger:
            add_outlet(ledger, scenario.feeds["slow"], LOCAL)
            add_outlet(ledger, scenario.feeds["malformed"], LOCAL)
            first = run_round(ledger, WatchOptions(sources=LOCAL, jobs=0))
            second = run_round(ledger, WatchOptions(sources=LOCAL, jobs=0))
            assert (first.stored, second.stored, second.unchanged) == (5, 0, 2)
            assert sorted(s.articles_found for s in list_sources(ledger)) == [2, 3]


def test_discovery_reads_every_sitemap_robots_txt_declares_gzip_and_text_too(tmp_path):
    import gzip

    with Outlets() as outlets:
        host = outlets.host()
        urls = add_articles(host, [1, 2, 3])
        host.add("/", Resource(body=b"<html><head><title>No feeds</title></head><body>hi</body></html>"))
        host.add(
            "/robots.txt",
            robots_resource(
                f"Sitemap: {host.url('/maps/a.xml.gz')}\nUser-agent: *\nDisallow:\nSitemap: {host.url('/maps/b.txt')}\n"
                f"sitemap: {host.url('/maps/missing.xml')}\n"
            ),
        )
        host.add(
            "/maps/a.xml.gz",
            Resource(
                body=gzip.compress(urlset([(urls[0], "2026-12-01")])),
                content_type="application/gzip",
                etag='"a"',
            ),
        )
        host.add(
            "/maps/b.txt",
            Resource(body=f"{urls[1]}\n{urls[2]}\n".encode(), content_type="text/plain", etag='"b"'),
        )
        with Ledger.open(str(tmp_path / "d.db")) as ledger:
            found = add_outlet(ledger, host.url("/"), LOCAL)
            assert {(s.url, s.kind, s.via) for s in found} == {
                (host.url("/maps/a.xml.gz"), "sitemap", "robots"),
                (host.url("/maps/b.txt"), "sitemap", "robots"),
            }
            assert run_round(ledger, WatchOptions(sources=LOCAL, jobs=0)).stored == 3


def test_an_index_polled_alone_adds_its_sitemaps_and_the_round_reads_them(tmp_path):
    with Outlets() as outlets:
        scenario = news_scenario(outlets, crawl_delay=0.01)
        with Ledger.open(str(tmp_path / "index.db")) as ledger:
            add_sources(
                ledger, [Found(url=scenario.feeds["index"], kind="sitemap-index", via="given")], "127.0.0.1"
            )
            summary = run_round(ledger, WatchOptions(sources=LOCAL, jobs=0, since="2026-11-01"))
            kinds = {s.url: (s.kind, s.parent_id) for s in list_sources(ledger)}
            assert kinds[scenario.feeds["news"]] == ("news-sitemap", 1)
            assert kinds[scenario.feeds["archive"]] == ("sitemap", 1)
            # three sitemaps polled; the archive's one entry is older than the window
            assert (summary.polled, summary.stored, summary.disallowed) == (3, 2, 1)
            assert "/news/10" not in {h.path for h in outlets.hits()}


def test_a_redirect_to_another_host_obeys_that_hosts_robots_txt(tmp_path):
    with Outlets() as outlets:
        first, second = outlets.host(), outlets.host()
        [article] = add_articles(second, [1])
        first.add("/robots.txt", robots_resource("User-agent: *\nDisallow:\n"))
        second.add("/robots.txt", robots_resource("User-agent: *\nDisallow: /private/\n"))
        first.add("/feed.rss", Resource(status=302, headers={"Location": second.url("/feeds/main.xml")}))
        first.add("/other.rss", Resource(status=302, headers={"Location": second.url("/private/feed.xml")}))
        second.add("/feeds/main.xml", xml_resource(rss([(article, "")]), "main"))
        second.add("/private/feed.xml", xml_resource(rss([(article, "")]), "hidden"))
        with Ledger.open(str(tmp_path / "moved.db")) as ledger:
            found = [Found(url=first.url(p), kind="rss", via="given") for p in ("/feed.rss", "/other.rss")]
            add_sources(ledger, found, "127.0.0.1")
            summary = run_round(ledger, WatchOptions(sources=LOCAL, jobs=0))
            assert (summary.polled, summary.poll_failures, summary.stored) == (2, 1, 1)
            errors = {s.url: s.last_error for s in list_sources(ledger)}
            assert errors[first.url("/other.rss")] == "disallowed by robots.txt"
        paths = [h.path for h in outlets.hits(second)]
        assert paths[0] == "/robots.txt" and "/feeds/main.xml" in paths and "/private/feed.xml" not in paths


def test_an_article_found_again_under_another_key_still_names_its_source(tmp_path):
    import msgspec
    from tests.ledgerkit import processed

    from newsledger.follow.state import finish_urls, record_listing, source_of_page

    with Ledger.open(str(tmp_path / "origins.db")) as ledger:
        [source] = add_sources(
            ledger, [Found(url="https://outlet.example/feed", kind="rss", via="given")], "outlet.example"
        )
        first = processed(1, [("We will build it.", "Ana Silva")])
        again = msgspec.structs.replace(
            first, page=msgspec.structs.replace(first.page, key="https://outlet.example/a#copy")
        )
        ledger.store(first)
        assert ledger.store(again).stored is False  # the same bytes: matched to the stored page
        record_listing(
            ledger, source, [("https://outlet.example/a", None)], validators=None, status=200, next_poll=""
        )
        finish_urls(ledger, [(1, "stored", again.page.key, None)])
        assert source_of_page(ledger, first.page.key).url == "https://outlet.example/feed"
        assert source_of_page(ledger, "no such key") is None
