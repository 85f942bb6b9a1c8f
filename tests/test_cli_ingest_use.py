"""Ingest, failures, stats and export as people use them, on WARC files written here."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tests import warckit
from tests.ledgerkit import article_html

from newsledger.cli import main
from newsledger.ingest.total import count_pages
from newsledger.ledger import Ledger
from newsledger.progress import Progress

pytest.importorskip("fastwarc")


def crawl(path: Path) -> Path:
    """Three pages, a request, a metadata record, a redirect, a 404, a 500 and an image."""
    url = "https://news.example/story/{}"
    return warckit.write(path, [
        warckit.request(url.format(0), record_id="q0"),
        warckit.response(url.format(0), article_html(0), record_id="p0"),
        warckit.metadata(url.format(0), record_id="m0"),
        warckit.response(url.format(1), b"", record_id="r1", status="301 Moved Permanently"),
        warckit.response(url.format(2), article_html(2), record_id="p2"),
        warckit.response(url.format(3), b"gone", record_id="n3", status="404 Not Found"),
        warckit.response(url.format(4), b"oops", record_id="e4", status="500 Internal Server Error"),
        warckit.response(url.format(5), b"\x89PNG....", record_id="i5", media="image/png"),
        warckit.response(url.format(6), article_html(6), record_id="p6"),
    ])


def test_skipped_records_are_counted_by_kind_and_the_total_counts_pages_only(tmp_path, capsys):
    warc = crawl(tmp_path / "crawl.warc.gz")
    assert count_pages([str(warc)]) == 3
    assert main(["ingest", str(warc), "--db", str(tmp_path / "l.db"), "--no-progress", "-j", "0"]) == 0
    out = capsys.readouterr().out
    assert "3 pages" in out and "3 stored" in out
    assert "records not pages: 4, 1 error status, 1 not HTML, 1 not found, 1 redirect" in out


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_truncated_at_its_end_is_a_recorded_failure(tmp_path, capsys, name):
    whole = crawl(tmp_path / name).read_bytes()
    cut = tmp_path / f"cut-{name}"
    cut.write_bytes(whole[:-40])
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(cut), "--db", db, "--no-progress", "-j", "0"]) == 1
    captured = capsys.readouterr()
    assert "truncated" in captured.err and str(cut) in captured.err and "failures by stage: source 1" in captured.err
    with Ledger.open(db) as ledger:
        assert ledger.stats().articles == 2
        [failure] = ledger.failures()
        assert failure.input == str(cut) and "truncated" in failure.reason
    # beside a good input the run goes on and succeeds, the damage still recorded
    good = tmp_path / "good.html"
    good.write_bytes(article_html(9))
    assert main(["ingest", str(cut), str(good), "--db", db, "--no-progress", "-j", "0"]) == 0
    assert "truncated" in capsys.readouterr().err


def test_ingest_names_each_failure_and_counts_them_by_stage(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.html").write_bytes(article_html(1))
    (pages / "empty.html").write_bytes(b"")
    (pages / "broken.html.gz").write_bytes(b"not gzip at all")
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(pages), str(tmp_path / "missing.html"), "--db", db, "--no-progress", "-j", "0"]) == 0
    err = capsys.readouterr().err.splitlines()
    named = [line for line in err if line.startswith("failed [")]
    assert len(named) == 3
    assert any("missing.html" in line and "no such file" in line for line in named)
    assert any("broken.html.gz" in line for line in named) and any("empty.html" in line for line in named)
    assert err[-1] == "failures by stage: source 2, input 1"


def test_failures_are_listed_exported_and_retried(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    late = tmp_path / "late.html"
    run_ingest_cli = ["ingest", str(late), str(tmp_path / "gone.html"), "--db", db, "--no-progress", "-j", "0"]
    assert main(run_ingest_cli) == 1
    capsys.readouterr()
    assert main(["failures", "--db", db]) == 0
    listed = capsys.readouterr()
    assert "late.html" in listed.out and "gone.html" in listed.out and "2 failures" in listed.err
    assert main(["failures", "--db", db, "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["stage"] for row in rows} == {"source"} and all(row["reason"] and row["last_at"] for row in rows)
    assert main(["export", "--what", "failures", "--db", db]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    late.write_bytes(article_html(3))
    assert main(["failures", "--db", db, "--retry", "-j", "0"]) == 0
    assert "1 resolved, 1 remain" in capsys.readouterr().out
    with Ledger.open(db) as ledger:
        assert [f.input for f in ledger.failures()] == [str(tmp_path / "gone.html")]
        assert ledger.failures()[0].attempts == 2 and ledger.stats().articles == 1


def test_stats_command(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    run = ["ingest", str(crawl(tmp_path / "c.warc")), "--db", db, "--no-progress", "-j", "0"]
    assert main(run) == 0
    capsys.readouterr()
    assert main(["stats", "--db", db, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["pages"], stats["origins"], stats["articles"], stats["failures"]) == (3, 3, 3, 0)
    assert main(["stats", "--db", db]) == 0
    assert "articles   3" in capsys.readouterr().out


def test_flat_exports_carry_text_authors_dates_and_statement_details(tmp_path, capsys):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    page = tmp_path / "harbour.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour plan agreed</title>'
        '<meta name="author" content="Lena Fischer">'
        '<meta property="article:published_time" content="2025-03-04T09:00:00Z">'
        '<meta property="article:modified_time" content="2025-03-05T11:00:00Z"></head><body><article>'
        "<h1>Harbour plan agreed</h1><p>\u201cThe dredging will start in April and finish before the summer,\u201d "
        "said Ana Silva, the mayor, on Monday.</p><p>The council met for two hours and voted on the plan.</p>"
        "</article></body></html>"
    )
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(page), "--db", db, "--no-progress", "-j", "0"]) == 0
    capsys.readouterr()
    assert main(["export", "--db", db, "-f", "csv"]) == 0
    [article] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert article["authors"] == "Lena Fischer" and article["modified"].startswith("2025-03-05")
    assert article["page_type"] == "article"
    assert "The council met for two hours" in article["text"]
    out = tmp_path / "s.parquet"
    assert main(["export", "--db", db, "-f", "parquet", "--what", "statements", "-o", str(out)]) == 0
    [statement] = pq.read_table(out).to_pylist()
    assert (statement["speaker"], statement["speaker_kind"], statement["speaker_resolution"]) == (
        "Ana Silva", "person", "explicit")
    assert statement["speaker_description"].startswith("the mayor")
    assert (statement["kind"], statement["attribution"]) == ("direct", "speech")
    assert 0 < statement["confidence"] <= 1 and statement["part"] == "body"
    assert article["text"][statement["content_start"]:statement["content_end"]] == statement["content"]


def test_the_last_progress_line_shows_the_final_count_and_ends():
    stream = io.StringIO()
    progress = Progress(5, "ingest", stream=stream)
    for _ in range(4):
        progress.advance()
    progress.advance(failed=True)
    progress.close()
    assert stream.getvalue().endswith("\n") and stream.getvalue().rstrip("\n").rsplit("\r", 1)[1].startswith(
        "ingest 5/5")
    lines = io.StringIO()
    early = Progress(100, "ingest", stream=lines)
    early.advance(3)
    early.advance()  # drawn less than 0.2 s after the first: not redrawn yet
    early.close()
    assert lines.getvalue().rstrip("\n").rsplit("\r", 1)[1].startswith("ingest 4/100")


def test_ctrl_c_prints_its_message_on_a_line_of_its_own(tmp_path, monkeypatch, capsys):
    import newsledger.ingest.local as local

    (tmp_path / "p").mkdir()
    for n in range(10):
        (tmp_path / "p" / f"{n}.html").write_bytes(article_html(n))
    real = local.work

    def interrupted(page, timeout):
        if page.origin.endswith("9.html"):
            raise KeyboardInterrupt
        return real(page, timeout)

    monkeypatch.setattr(local, "work", interrupted)
    assert main(["ingest", str(tmp_path / "p"), "--db", str(tmp_path / "l.db"), "--progress", "-j", "0"]) == 130
    err = capsys.readouterr().err
    lines = err.split("\n")
    assert lines[-2:] == ["newsledger: interrupted", ""]
    assert lines[-3].rsplit("\r", 1)[1].startswith("ingest 8/10")


def test_every_export_column_is_documented():
    from newsledger.ledger.export import ARTICLE_COLUMNS, FAILURE_COLUMNS, STATEMENT_COLUMNS

    doc = (Path(__file__).resolve().parent.parent / "docs" / "schema.md").read_text()
    section = doc[doc.index("## Export columns"):]
    missing = [c for c in (*ARTICLE_COLUMNS, *STATEMENT_COLUMNS, *FAILURE_COLUMNS) if f"`{c}`" not in section]
    assert missing == []


def test_a_failed_relative_input_is_recorded_absolute_and_retried_from_anywhere(tmp_path, monkeypatch, capsys):
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    (work / "pages").mkdir(parents=True)
    elsewhere.mkdir()
    db = str(tmp_path / "l.db")
    monkeypatch.chdir(work)
    assert main(["ingest", "pages/missing.html", "@urls.txt", "--db", db, "--no-progress", "-j", "0"]) == 1
    with Ledger.open(db) as ledger:
        inputs = sorted(failure.input for failure in ledger.iter_failures())
    assert inputs == [str(work / "pages" / "missing.html"), "@" + str(work / "urls.txt")]
    (work / "pages" / "missing.html").write_bytes(article_html(1))
    (work / "urls.txt").write_text("# nothing to fetch yet\n")
    monkeypatch.chdir(elsewhere)
    capsys.readouterr()
    main(["failures", "--retry", "--db", db, "-j", "0"])
    with Ledger.open(db) as ledger:
        assert ledger.stats().articles == 1
