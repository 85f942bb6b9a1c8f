"""The command line as a user meets it: outputs that cannot be written, values that are not dates."""

from __future__ import annotations

import pytest

from newsledger.cli import main

EXAMPLES = "examples/pages"


@pytest.fixture
def blocker(tmp_path):
    """A plain file standing where a directory is needed."""
    path = tmp_path / "not-a-directory"
    path.write_text("x")
    return path


@pytest.fixture
def ledger(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    assert main(["ingest", f"{EXAMPLES}/news-donation.html", "--db", db, "-j", "0", "-q"]) == 0
    capsys.readouterr()
    return db


def one_error_line(capsys, *names: str) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    last = err.splitlines()[-1]
    assert last.startswith("newsledger: error: ")
    for name in names:
        assert name in last
    return last


def test_extract_to_an_output_file_that_cannot_be_made_is_one_line(blocker, capsys):
    out = str(blocker / "o.jsonl")
    assert main(["extract", f"{EXAMPLES}/news-donation.html", "-o", out]) == 1
    assert one_error_line(capsys, out).endswith("not a directory")


def test_extract_to_an_output_dir_that_is_a_file_is_one_line(blocker, capsys):
    assert main(["extract", f"{EXAMPLES}/news-donation.html", "--output-dir", str(blocker)]) == 1
    one_error_line(capsys, str(blocker))


@pytest.mark.parametrize(
    "command",
    [
        ["export", "-f", "jsonl"],
        ["export", "-f", "csv", "--what", "statements"],
        ["failures"],
        ["failures", "-f", "csv"],
    ],
)
def test_ledger_outputs_that_cannot_be_written_are_one_line(ledger, blocker, capsys, command):
    out = str(blocker / "out")
    assert main([*command, "--db", ledger, "-o", out]) == 1
    one_error_line(capsys, out)


@pytest.mark.parametrize("since", ["2026-13-01", "2026-02-30", "01-12-2026"])
def test_watch_refuses_a_since_that_is_not_a_calendar_day(ledger, capsys, since):
    assert main(["watch", "--once", "--since", since, "--db", ledger]) == 1
    assert one_error_line(capsys, since)


def test_a_directory_without_page_files_is_a_failure_named_not_silence(tmp_path, capsys):
    empty = tmp_path / "pages"
    empty.mkdir()
    (empty / "logo.png").write_bytes(b"\x89PNG")
    assert main(["extract", str(empty)]) == 1
    out, err = capsys.readouterr()
    assert '"stage": "source"' in out and str(empty) in out
    assert (
        err.strip()
        == f"newsledger: error: {empty}: no page files in the directory (looked for .html, .htm, .txt, and .gz of them)"
    )


def test_an_empty_directory_beside_pages_is_recorded_and_the_batch_goes_on(tmp_path, capsys):
    empty = tmp_path / "pages"
    empty.mkdir()
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(empty), f"{EXAMPLES}/blog-post.html", "--db", db, "-j", "0", "-q"]) == 0
    capsys.readouterr()
    assert main(["failures", "--db", db]) == 0
    assert "no page files in the directory" in capsys.readouterr().out


def test_a_ray_plan_keeps_a_directory_without_pages_as_one_task_that_records_it(tmp_path):
    from newsledger.scale.plan import directory_segments
    from newsledger.sources.options import SourceOptions

    empty = tmp_path / "pages"
    empty.mkdir()
    assert [segment.input for segment in directory_segments(str(empty), SourceOptions())] == [str(empty)]
    (empty / "a.html").write_text("<p>a</p>")
    assert [segment.input for segment in directory_segments(str(empty), SourceOptions())] == [
        str(empty / "a.html")
    ]


def test_the_progress_total_counts_a_directory_without_pages_as_its_one_failure(tmp_path):
    from newsledger.ingest.total import count_pages

    empty = tmp_path / "pages"
    empty.mkdir()
    assert count_pages([str(empty), f"{EXAMPLES}/blog-post.html"]) == 2


def test_serve_on_a_port_already_taken_is_one_line_before_any_serving_line(ledger, capsys):
    import socket

    pytest.importorskip("uvicorn")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", ledger, "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert "serving" not in err
    assert err.strip() == f"newsledger: error: 127.0.0.1:{port}: cannot listen there (Address already in use)"
