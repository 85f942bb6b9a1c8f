"""WARC files written by the tests: response, redirect, error and metadata records, gzip or not."""

from __future__ import annotations

import gzip
from pathlib import Path

DATE = "2025-03-04T10:00:00Z"


def record(warc_type: str, url: str, block: bytes, *, record_id: str, content_type: str) -> bytes:
    head = (
        f"WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\nWARC-Date: {DATE}\r\n"
        f"WARC-Target-URI: {url}\r\nContent-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def response(url: str, body: bytes, *, record_id: str, status: str = "200 OK", media: str = "text/html",
             headers: str = "") -> bytes:
    """A response record; ``headers`` are more HTTP header lines, each ending in CRLF."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {media}; charset=utf-8\r\nContent-Length: {len(body)}\r\n{headers}\r\n"
    )
    return record("response", url, http.encode() + body, record_id=record_id,
                  content_type="application/http; msgtype=response")


def request(url: str, *, record_id: str) -> bytes:
    block = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()
    return record("request", url, block, record_id=record_id, content_type="application/http; msgtype=request")


def metadata(url: str, *, record_id: str) -> bytes:
    return record("metadata", url, b"fetchTimeMs: 12\r\n", record_id=record_id, content_type="application/warc-fields")


def write(path: Path, records: list[bytes]) -> Path:
    """Records into a WARC file; each record its own gzip member when the name ends in ``.gz``."""
    if path.name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(item) for item in records))
    else:
        path.write_bytes(b"".join(records))
    return path
