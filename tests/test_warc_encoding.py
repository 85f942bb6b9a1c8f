"""Pages read from WARC files are the bytes the server meant: transfer and content codings undone."""

from __future__ import annotations

import gzip
import zlib

import pytest
from tests import warckit
from tests.ledgerkit import article_html

from newsledger.ingest import run_ingest
from newsledger.ledger import Ledger
from newsledger.model import Page, SourceFailure
from newsledger.sources import SourceOptions, iter_pages
from newsledger.sources.encoding import dechunk

pytest.importorskip("fastwarc")


def _chunked(body: bytes, size: int = 100) -> bytes:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x;ext=1\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


def test_chunked_gzip_and_deflate_bodies_are_decoded_and_stored_once(tmp_path):
    body = article_html(5)
    url = "https://news.example/story"
    raw_deflate = zlib.compressobj(wbits=-15)
    warc = warckit.write(tmp_path / "coded.warc.gz", [
        warckit.response(url, body, record_id="plain"),
        warckit.response(url, _chunked(body), record_id="chunked", headers="Transfer-Encoding: chunked\r\n"),
        warckit.response(url, gzip.compress(body), record_id="gzip", headers="Content-Encoding: gzip\r\n"),
        warckit.response(url, zlib.compress(body), record_id="zlib", headers="Content-Encoding: deflate\r\n"),
        warckit.response(url, raw_deflate.compress(body) + raw_deflate.flush(), record_id="raw",
                         headers="Content-Encoding: deflate\r\n"),
        warckit.response(url, _chunked(gzip.compress(body)), record_id="both",
                         headers="Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
        warckit.response(url, body, record_id="already", headers="Content-Encoding: gzip\r\n"),
    ])
    pages = list(iter_pages([str(warc)]))
    assert [type(p) for p in pages] == [Page] * 7 and all(p.content == body for p in pages)
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        summary = run_ingest([str(warc)], ledger, jobs=0)
        assert (summary.stored, summary.duplicates) == (1, 6)
        assert all(o.matched_by == "content" for o in ledger.origins(1)[1:])


def test_a_body_too_large_once_decoded_fails_alone(tmp_path):
    bomb = gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>")
    warc = warckit.write(tmp_path / "bomb.warc", [
        warckit.response("https://news.example/bomb", bomb, record_id="bomb", headers="Content-Encoding: gzip\r\n"),
        warckit.response("https://news.example/ok", article_html(1), record_id="ok"),
    ])
    items = list(iter_pages([str(warc)], options=SourceOptions(max_bytes=100_000)))
    assert isinstance(items[0], SourceFailure) and "once decompressed" in items[0].reason
    assert items[0].input.endswith("#<urn:uuid:bomb>") and isinstance(items[1], Page)


def test_malformed_chunks_are_left_as_they_are():
    assert dechunk(b"zz\r\nhello\r\n0\r\n\r\n") is None
    assert dechunk(b"10\r\nshort\r\n") is None
    assert dechunk(b"5\r\nhello\r\n0\r\n\r\n") == b"hello"
