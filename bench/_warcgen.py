"""Generate a WARC file of HTML response records for the ingestion benchmarks.

Pages come from the ScrapingHub benchmark set in the shared data folder (``$NEWSLEDGER_SHARED``,
default ``<repo>/../shared``), cycled with distinct URLs and record ids until the count is
reached; without that folder, small synthetic news pages are generated instead. Each record is
its own gzip member, as in Common Crawl files, and every response is preceded by its request
record. The file is written directly (the format is a few header lines per record) so that
generating thousands of pages takes seconds.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import uuid
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSLEDGER_SHARED", REPO.parent / "shared"))


def scrapinghub_pages() -> list[bytes]:
    folder = shared_dir() / "bench" / "scrapinghub" / "html"
    return [gzip.decompress(path.read_bytes()) for path in sorted(folder.glob("*.html.gz"))] if folder.is_dir() else []


def synthetic_page(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>Officials in district {n % 97} said on Monday that work on project {n}-{k} would continue, "
        f"and residents asked for a clear timetable, a budget and a public meeting before the summer.</p>"
        for k in range(12)
    )
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Project {n} goes ahead</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Project {n} goes ahead</h1>"
        f"{paragraphs}</article><footer>All rights reserved.</footer></body></html>"
    ).encode()


def page_bodies(count: int) -> Iterator[bytes]:
    """``count`` page bodies: the shared benchmark pages cycled, else synthetic pages. Each cycled
    copy ends with its own comment, so that the ledger, which stores the same bytes once, stores
    every one of them (the extraction work is the same)."""
    real = scrapinghub_pages()
    for n in range(count):
        yield real[n % len(real)] + f"\n<!-- bench copy {n} -->\n".encode() if real else synthetic_page(n)


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    head = "WARC/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def _member(data: bytes, compress: bool) -> bytes:
    if not compress:
        return data
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def warc_records(pages: Iterable[tuple[str, bytes]], *, date: str) -> Iterator[bytes]:
    """Request and response records (uncompressed bytes) for (url, html) pairs."""
    for url, body in pages:
        host = url.split("/")[2]
        request = f"GET /{url.split('/', 3)[3]} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: bench\r\n\r\n".encode()
        yield _record([("WARC-Type", "request"), ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                       ("WARC-Date", date), ("WARC-Target-URI", url),
                       ("Content-Type", "application/http; msgtype=request")], request)
        http = (
            f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        yield _record([("WARC-Type", "response"), ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                       ("WARC-Date", date), ("WARC-Target-URI", url),
                       ("Content-Type", "application/http; msgtype=response")], http)


def write_warc(path: str | Path, pages: Iterable[tuple[str, bytes]], *, compress: bool | None = None) -> Path:
    """Write (url, html) pairs as a WARC file; gzip per record when the name ends in ``.gz``."""
    path = Path(path)
    compress = path.name.endswith(".gz") if compress is None else compress
    date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with path.open("wb") as out:
        info = b"software: newsledger bench\r\nformat: WARC File Format 1.1\r\n"
        out.write(_member(_record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                                   ("WARC-Date", date), ("Content-Type", "application/warc-fields")], info), compress))
        for record in warc_records(pages, date=date):
            out.write(_member(record, compress))
    return path


def generate_warc(path: str | Path, count: int) -> Path:
    """A WARC of ``count`` HTML pages at ``path`` (reused when it already holds that many)."""
    path = Path(path)
    kind = "real-distinct" if scrapinghub_pages() else "synthetic"
    marker = path.with_name(f"{path.name}.{count}.{kind}.done")
    if path.exists() and marker.exists():
        return path
    pages = ((f"https://news{n % 50}.example/story/{n}", body) for n, body in enumerate(page_bodies(count)))
    write_warc(path, pages)
    marker.write_text(str(count))
    return path
