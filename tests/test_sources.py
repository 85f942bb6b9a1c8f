"""Sources: files, directories, gzip, URL lists and WARC files yield Pages with stable keys."""

from __future__ import annotations

import gzip
import io

import pytest
from tests.ledgerkit import article_html

from newsledger.model import Page, SourceFailure
from newsledger.sources import SourceOptions, iter_pages, spec_kind
from newsledger.sources.files import read_file_page
from newsledger.sources.urls import read_url_list


def write_tree(root):
    (root / "a").mkdir()
    (root / "a" / "deep").mkdir()
    (root / "one.html").write_bytes(article_html(1))
    (root / "a" / "two.htm").write_bytes(article_html(2))
    (root / "a" / "deep" / "three.html.gz").write_bytes(gzip.compress(article_html(3)))
    (root / "a" / "copied.txt").write_text("A headline\n\nSome copied text of a page.\n")
    (root / "a" / "image.png").write_bytes(b"\x89PNG not a page")
    (root / "notes.md").write_text("not a page either")


def test_spec_kinds(tmp_path):
    assert spec_kind("-") == "stdin"
    assert spec_kind("https://example.org/x") == "url"
    assert spec_kind("@urls.txt") == "url-list"
    assert spec_kind("crawl.warc.gz") == "warc" and spec_kind("CRAWL.WARC") == "warc"
    assert spec_kind(str(tmp_path)) == "directory"
    assert spec_kind(str(tmp_path / "page.html")) == "file"


def test_directory_is_read_recursively_by_extension_in_a_stable_order(tmp_path):
    write_tree(tmp_path)
    pages = list(iter_pages([str(tmp_path)]))
    names = [page.origin.removeprefix(str(tmp_path) + "/") for page in pages]
    assert names == ["a/copied.txt", "a/deep/three.html.gz", "a/two.htm", "one.html"]
    assert pages[1].content == article_html(3)
    assert all(isinstance(page, Page) and page.key for page in pages)


def test_file_keys_are_stable_and_change_with_content(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes(article_html(1))
    first, again = read_file_page(path), read_file_page(path)
    assert first.key == again.key and str(path) in first.key
    path.write_bytes(article_html(2))
    assert read_file_page(path).key != first.key


def test_unreadable_inputs_become_failures_and_the_stream_goes_on(tmp_path):
    good = tmp_path / "good.html"
    good.write_bytes(article_html(1))
    (tmp_path / "bad.html.gz").write_bytes(b"not gzip at all")
    items = list(iter_pages([str(tmp_path / "missing.html"), str(tmp_path / "bad.html.gz"), str(good)]))
    assert [type(item).__name__ for item in items] == ["SourceFailure", "SourceFailure", "Page"]
    assert "missing.html: no such file" in items[0].reason and items[0].stage == "source"


def test_size_limit_applies_to_decompressed_content(tmp_path):
    path = tmp_path / "big.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"x" * 10_000 + b"</p>"))
    [item] = iter_pages([str(path)], options=SourceOptions(max_bytes=1000))
    assert isinstance(item, SourceFailure) and "larger than 1000 bytes" in item.reason


def test_url_list_skips_blanks_and_comments(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# pages to read\nhttps://example.org/a\n\n  https://example.org/b#frag  \n")
    assert list(read_url_list(listing)) == ["https://example.org/a", "https://example.org/b#frag"]


def test_missing_url_list_is_a_failure(tmp_path):
    [item] = iter_pages([f"@{tmp_path / 'none.txt'}"])
    assert isinstance(item, SourceFailure) and "cannot read the URL list" in item.reason


def write_warc(path, records, *, gzip_it=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip_it)
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
        for url, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)


@pytest.mark.parametrize("gzip_it", [True, False])
def test_warc_html_responses_become_pages_with_headers_and_keys(tmp_path, gzip_it):
    pytest.importorskip("fastwarc")
    path = tmp_path / ("crawl.warc.gz" if gzip_it else "crawl.warc")
    cyrillic = "<html><body><p>Привет, мир</p></body></html>".encode("windows-1251")
    write_warc(path, [
        ("https://example.org/1", "200 OK", "text/html; charset=utf-8", article_html(1)),
        ("https://example.org/img", "200 OK", "image/png", b"\x89PNG"),
        ("https://example.org/moved", "301 Moved Permanently", "text/html", b""),
        ("https://example.org/2", "200 OK", "text/html; charset=windows-1251", cyrillic),
    ], gzip_it=gzip_it)
    pages = list(iter_pages([str(path)]))
    assert [page.url for page in pages] == ["https://example.org/1", "https://example.org/2"]
    assert pages[0].content == article_html(1)
    assert pages[0].key.startswith("https://example.org/1 <urn:uuid:")
    assert dict(pages[1].headers)["Content-Type"] == "text/html; charset=windows-1251"
    assert [p.key for p in iter_pages([str(path)])] == [p.key for p in pages]

    from newsledger.extract import extract_page

    assert "Привет, мир" in extract_page(pages[1]).text


def test_truncated_warc_yields_the_records_before_the_damage_then_a_failure(tmp_path):
    pytest.importorskip("fastwarc")
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://example.org/{n}", "200 OK", "text/html", article_html(n)) for n in range(5)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 700])
    items = list(iter_pages([str(path)]))
    pages = [item for item in items if isinstance(item, Page)]
    assert 1 <= len(pages) < 5
    assert all(page.content == article_html(n) for n, page in enumerate(pages))


def test_missing_warc_is_a_failure(tmp_path):
    [item] = iter_pages([str(tmp_path / "none.warc.gz")])
    assert isinstance(item, SourceFailure) and "none.warc.gz" in item.reason
