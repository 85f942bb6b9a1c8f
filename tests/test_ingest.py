"""Ingestion end to end: sources through processing into the ledger, resumable and idempotent."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.ledgerkit import article_html, page

from newsledger.cli import main
from newsledger.ingest import process_page, run_ingest, run_reextract
from newsledger.ingest.timeout import process_page_limited
from newsledger.ingest.total import count_pages
from newsledger.ledger import Ledger

REPO = Path(__file__).resolve().parent.parent


def write_pages(root: Path, count: int, *, start: int = 0) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (root / f"page-{n:04d}.html").write_bytes(article_html(n))


def test_ingest_a_directory_then_again_stores_each_page_once(tmp_path):
    write_pages(tmp_path / "pages", 12)
    (tmp_path / "pages" / "empty.html").write_bytes(b"")
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        first = run_ingest([str(tmp_path / "pages"), str(tmp_path / "missing.html")], ledger)
        assert (first.seen, first.stored, first.articles, first.failed) == (14, 13, 12, 2)
        again = run_ingest([str(tmp_path / "pages")], ledger)
        assert (again.stored, again.skipped) == (0, 13)
        stats = ledger.stats()
        assert (stats.pages, stats.articles, stats.failures) == (13, 12, 2)
        stages = {f.stage for f in ledger.failures()}
        assert stages == {"source", "input"}


def test_parallel_ingest_matches_sequential(tmp_path):
    write_pages(tmp_path / "pages", 20)
    results = {}
    for jobs in (1, 2):
        with Ledger.open(str(tmp_path / f"j{jobs}.db")) as ledger:
            summary = run_ingest([str(tmp_path / "pages")], ledger, jobs=jobs)
            assert summary.stored == 20
            results[jobs] = sorted(
                (row[0], row[1]) for row in ledger.db.fetchall(
                    "SELECT p.key, a.headline FROM pages p JOIN articles a ON a.page_id = p.id")
            )
    assert results[1] == results[2]


def test_a_page_over_its_time_limit_becomes_a_timeout_failure(monkeypatch):
    def slow(page, deadline=None):
        time.sleep(5)
        return process_page(page, deadline)

    monkeypatch.setattr("newsledger.ingest.timeout.process_page", slow)
    started = time.monotonic()
    result = process_page_limited(page(1), 0.2)
    assert time.monotonic() - started < 2
    assert result.article is None and result.failure.stage == "timeout"
    assert "longer than 0.2 s" in result.failure.reason


def test_process_page_returns_failures_instead_of_raising():
    from newsledger.model import Page

    result = process_page(Page(content=b"\x00\x01\x02" * 50, key="k", origin="binary.bin"))
    assert result.article is None and result.failure.stage == "input" and "binary.bin" in result.failure.reason


def test_reextract_rebuilds_articles_from_stored_pages(tmp_path):
    write_pages(tmp_path / "pages", 5)
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        run_ingest([str(tmp_path / "pages")], ledger)
        ledger.db.execute("UPDATE articles SET headline = 'stale'")
        ledger.db.execute("UPDATE pages SET extractor = 'older'")
        summary = run_reextract(ledger, outdated_only=True)
        assert summary.seen == 5 and summary.articles == 5
        assert ledger.db.scalar("SELECT count(*) FROM articles WHERE headline = 'stale'") == 0
        assert ledger.stats().articles == 5
        assert run_reextract(ledger, outdated_only=True).seen == 0


def test_count_pages_for_the_progress_total(tmp_path):
    write_pages(tmp_path / "pages", 3)
    listing = tmp_path / "urls.txt"
    listing.write_text("https://example.org/a\nhttps://example.org/b\n")
    assert count_pages([str(tmp_path / "pages"), f"@{listing}", "-"]) == 6
    assert count_pages(["crawl.warc.gz"]) is None


def test_cli_ingest_search_and_reextract(tmp_path, capsys):
    write_pages(tmp_path / "pages", 4)
    db = str(tmp_path / "cli.db")
    assert main(["ingest", str(tmp_path / "pages"), "--db", db, "-j", "2", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "4 pages" in out and "4 stored" in out and "4 articles" in out
    assert main(["search", "council", "--articles", "--db", db]) == 0
    assert "weighs" in capsys.readouterr().out
    assert main(["search", "nothing-like-this", "--db", db]) == 1
    assert main(["reextract", "--db", db, "--no-progress"]) == 0
    assert "4 articles" in capsys.readouterr().out


def _stored(db: Path) -> tuple[int, int]:
    connection = sqlite3.connect(db, timeout=10)
    try:
        return connection.execute("SELECT count(*), count(DISTINCT key) FROM pages").fetchone()
    except sqlite3.OperationalError:
        return (0, 0)
    finally:
        connection.close()


def _processes_using(db: Path) -> list[int]:
    """Processes whose command line names the ledger (the run and its workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(db).encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.slow
def test_kill_minus_nine_mid_run_then_rerun_loses_and_duplicates_nothing(tmp_path):
    total = 400
    write_pages(tmp_path / "pages", total)
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "newsledger", "ingest", str(tmp_path / "pages"), "--db", str(db), "--no-progress"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _stored(db)[0] < 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_at_kill = _stored(db)[0]
    assert 0 < stored_at_kill < total, "the run should have been killed part way"
    deadline = time.monotonic() + 10
    while _processes_using(db) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_using(db) == [], "the workers of a killed run must not linger"

    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    pages, distinct = _stored(db)
    assert pages == distinct == total
    with Ledger.open(str(db)) as ledger:
        assert ledger.stats().articles == total
        orphans = ledger.db.scalar("SELECT count(*) FROM pages p LEFT JOIN articles a ON a.page_id = p.id WHERE a.id IS NULL")
        assert orphans == 0


def test_export_jsonl_csv_and_parquet(tmp_path, capsys):
    import csv
    import json

    from tests.ledgerkit import processed

    db = str(tmp_path / "x.db")
    with Ledger.open(db) as ledger:
        ledger.store(processed(1, [("Ports reopen today.", "Ada Hart"), ("Fees stay.", None)]))
        ledger.store(processed(2, []))
    assert main(["export", "--db", db]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [len(line["statements"]) for line in lines] == [2, 0]
    assert lines[0]["article"]["schema_version"] and lines[0]["site"] == "example.org"
    out = tmp_path / "s.csv"
    assert main(["export", "--db", db, "--format", "csv", "--what", "statements", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [(r["speaker"], r["content"]) for r in rows] == [("Ada Hart", "Ports reopen today."), ("", "Fees stay.")]
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "a.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "-o", str(target)]) == 0
    table = pq.read_table(target)
    assert table.num_rows == 2 and table.column("site").to_pylist() == ["example.org", "example.org"]
    assert main(["export", "--db", db, "--format", "parquet"]) == 1


def _dies_on_page_three(page, timeout):
    from newsledger.ingest.local import prepare, process_page_limited

    if "page-0003.html" in page.key:
        os._exit(3)
    return prepare(process_page_limited(page, timeout))


def test_a_page_that_kills_its_worker_fails_alone_and_the_run_goes_on(tmp_path, monkeypatch):
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the crashing stand-in reaches workers only when they are forked")
    monkeypatch.setattr("newsledger.ingest.local.work", _dies_on_page_three)
    pages = tmp_path / "pages"
    write_pages(pages, 10)
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        summary = run_ingest([str(pages)], ledger, jobs=2)
        assert summary.stored == 10 and summary.articles == 9 and summary.failed == 1
        [failure] = ledger.failures()
        assert failure.stage == "worker" and "page-0003.html" in failure.input


def test_work_in_flight_is_bounded(tmp_path):
    from newsledger.ingest.local import IN_FLIGHT_PER_JOB, processed_stream

    taken = 0

    def endless():
        nonlocal taken
        n = 0
        while True:
            taken += 1
            n += 1
            yield n, page(n)

    stream = processed_stream(endless(), jobs=2, timeout=10)
    for _ in range(5):
        next(stream)
    stream.close()
    assert taken <= 5 + 2 * IN_FLIGHT_PER_JOB + 1


@pytest.mark.postgres
def test_ingest_into_postgresql_is_idempotent_too(tmp_path, capsys):
    from tests.ledgerkit import postgres_url

    write_pages(tmp_path / "pages", 6)
    with postgres_url() as url:
        assert main(["ingest", str(tmp_path / "pages"), "--db", url, "--no-progress"]) == 0
        assert main(["ingest", str(tmp_path / "pages"), "--db", url, "--no-progress"]) == 0
        out = capsys.readouterr().out
        assert "6 stored" in out and "6 already stored" in out
        with Ledger.open(url) as ledger:
            assert (ledger.stats().pages, ledger.stats().articles) == (6, 6)
            assert ledger.search_articles("council").hits
            assert run_reextract(ledger).articles == 6


def test_ingest_a_generated_warc_and_count_it_first(tmp_path):
    pytest.importorskip("fastwarc")
    from bench._warcgen import write_warc

    warc = write_warc(tmp_path / "crawl.warc.gz", ((f"https://news.example/{n}", article_html(n)) for n in range(8)))
    assert count_pages([str(warc)]) == 8
    with Ledger.open(str(tmp_path / "w.db")) as ledger:
        summary = run_ingest([str(warc)], ledger, jobs=0)
        assert (summary.stored, summary.articles) == (8, 8)
        assert {s.site for s in ledger.sites()} == {"news.example"}
        assert run_ingest([str(warc)], ledger, jobs=0).skipped == 8
