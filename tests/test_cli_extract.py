"""``newsledger extract`` as people use it: WARC files, directories, lists, output files and flags."""

from __future__ import annotations

import gzip
import json

import pytest
from tests import warckit
from tests.ledgerkit import article_html

from newsledger.cli import main

HARBOUR = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour plan agreed</title></head><body>'
    "<article><h1>Harbour plan agreed</h1><p>\u201cThe dredging will start in April and finish before the summer "
    "season,\u201d said Ana Silva on Monday.</p><p>The council met for two hours and voted for the plan.</p>"
    "</article></body></html>"
).encode()


def _warc(tmp_path):
    pytest.importorskip("fastwarc")
    return warckit.write(tmp_path / "crawl.warc.gz", [
        warckit.response("https://news.example/a", article_html(1), record_id="a"),
        warckit.response("https://news.example/gone", b"", record_id="r", status="302 Found"),
        warckit.response("https://news.example/b", article_html(2), record_id="b"),
        warckit.response("https://news.example/c", article_html(3), record_id="c"),
    ])


def _lines(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_warc_gives_one_record_per_page_each_naming_its_record(tmp_path, capsys):
    warc = _warc(tmp_path)
    assert main(["extract", str(warc)]) == 0
    records = _lines(capsys)
    assert [r["input"] for r in records] == [
        {"name": str(warc), "record": f"<urn:uuid:{x}>", "url": f"https://news.example/{x}"} for x in "abc"]
    assert [r["headline"]["value"] for r in records] == ["Brindlecombe weighs the river flood plan",
                                                         "Caskwell weighs school meals", "Dunmarrow weighs bus fares"]
    assert all(r["url"] == r["input"]["url"] for r in records)
    assert main(["extract", "-j", "2", str(warc)]) == 0
    assert _lines(capsys) == records


def test_json_is_a_list_for_a_warc_or_directory_and_an_object_for_one_file(tmp_path, capsys):
    warc = _warc(tmp_path)
    assert main(["extract", "-f", "json", str(warc)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "one.html").write_bytes(HARBOUR)
    assert main(["extract", "-f", "json", str(pages)]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert main(["extract", "-f", "json", str(pages / "one.html")]) == 0
    assert json.loads(capsys.readouterr().out)["input"] == {"name": str(pages / "one.html")}


def test_directories_and_url_lists_are_read_and_failures_are_records_in_the_stream(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_bytes(HARBOUR)
    (pages / "b.html.gz").write_bytes(gzip.compress(article_html(4)))
    (pages / "c.html").write_bytes(b"")
    urls = tmp_path / "urls.txt"
    urls.write_text("http://127.0.0.1:9/blocked\n")
    assert main(["extract", str(pages), f"@{urls}", str(tmp_path / "missing.html")]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["input"]["name"] for r in records] == [
        str(pages / "a.html"), str(pages / "b.html.gz"), str(pages / "c.html"), "http://127.0.0.1:9/blocked",
        str(tmp_path / "missing.html")]
    assert [("error" in r) for r in records] == [False, False, True, True, True]
    assert records[4]["error"]["stage"] == "source" and "no such file" in records[4]["error"]["message"]
    assert "127.0.0.1" in records[3]["error"]["message"]
    assert captured.err.count("newsledger: error:") == 3


def test_private_addresses_are_allowed_only_when_asked(tmp_path, capsys):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(HARBOUR)))
            self.end_headers()
            self.wfile.write(HARBOUR)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/harbour"
    try:
        assert main(["extract", url, "--timeout", "5"]) == 1
        assert "non-public address" in capsys.readouterr().err
        assert main(["extract", url, "--allow-private", "--timeout", "5"]) == 0
        [record] = _lines(capsys)
        assert record["input"] == {"name": url, "url": url} and record["headline"]["value"] == "Harbour plan agreed"
    finally:
        server.shutdown()


def test_output_file_and_output_dir(tmp_path, capsys):
    warc = _warc(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(warc), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr() == ("", "")
    assert len(out.read_text().splitlines()) == 3
    folder = tmp_path / "md"
    assert main(["extract", str(warc), "--output-dir", str(folder), "-f", "markdown", "-s"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["news.example_a.md", "news.example_b.md", "news.example_c.md"]
    assert (folder / "news.example_a.md").read_text().startswith("# Brindlecombe weighs")
    assert main(["extract", str(warc), "-o", str(out), "--output-dir", str(folder)]) == 1
    assert "not both" in capsys.readouterr().err


def test_statements_in_markdown_and_text(tmp_path, capsys):
    page = tmp_path / "harbour.html"
    page.write_bytes(HARBOUR)
    assert main(["extract", "-s", "-f", "markdown", str(page)]) == 0
    assert "## Statements\n\n- **Ana Silva** (say, direct): \u201cThe dredging will start" in capsys.readouterr().out
    assert main(["extract", "-s", "-f", "text", str(page)]) == 0
    assert "Statements:\n- Ana Silva (say, direct)" in capsys.readouterr().out
    assert main(["extract", "-f", "text", str(page)]) == 0
    assert "Statements" not in capsys.readouterr().out


def test_markdown_for_many_inputs_heads_each_record_with_its_input(tmp_path, capsys):
    warc = _warc(tmp_path)
    assert main(["extract", "-f", "text", str(warc)]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("==>")] == [
        f"==> https://news.example/{x} <==" for x in "abc"]


def test_a_page_over_the_time_limit_is_an_error_record(tmp_path, capsys, monkeypatch):
    import importlib
    import time

    extract = importlib.import_module("newsledger.extract")

    def slow(page, form="auto"):
        time.sleep(5)

    monkeypatch.setattr(extract, "extract_page", slow)
    page = tmp_path / "p.html"
    page.write_bytes(HARBOUR)
    started = time.monotonic()
    assert main(["extract", "--timeout", "0.3", str(page)]) == 1
    assert time.monotonic() - started < 3
    [record] = _lines(capsys)
    assert record["error"]["stage"] == "timeout"


def test_verbose_names_every_page_and_quiet_nothing(tmp_path, capsys):
    warc = _warc(tmp_path)
    assert main(["extract", "-v", str(warc), str(tmp_path / "nope.html")]) == 0
    err = capsys.readouterr().err
    assert err.count("extracted https://news.example/") == 3 and "nope.html" in err
    assert main(["extract", "-q", str(tmp_path / "nope.html")]) == 1
    captured = capsys.readouterr()
    assert captured.err == "" and json.loads(captured.out)["error"]["stage"] == "source"


@pytest.mark.parametrize("command", ["extract", "ingest", "search", "export"])
def test_an_unknown_option_prints_the_commands_usage(capsys, command):
    with pytest.raises(SystemExit) as stop:
        main([command, "x", "--no-such-flag"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: newsledger {command}") and "--no-such-flag" in err


def test_an_unnamed_source_is_listed_as_unnamed_with_the_words_that_stand_for_it(tmp_path, capsys):
    page = tmp_path / "report.txt"
    page.write_text(
        "Bridge repairs delayed\n\nThe repairs to the old bridge will take another year. Earlier, it was "
        "reported that the council had found cracks in two of the piers.\n"
    )
    assert main(["extract", "-s", "-f", "markdown", str(page)]) == 0
    out = capsys.readouterr().out
    assert "- **unnamed** (report, indirect; \u201cit was reported\u201d): that the council had found cracks" in out
    assert "**it was reported**" not in out
