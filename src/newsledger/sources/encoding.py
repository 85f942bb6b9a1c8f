"""HTTP bodies as the server meant them: chunked transfer coding undone, then the content coding
(gzip, deflate, and brotli or zstd when their modules are installed) decompressed, within a
size limit. WARC files keep bodies as they were sent, so a page read from one is decoded here
before it is hashed, stored or extracted."""

from __future__ import annotations

import zlib

from newsledger.errors import SourceError


def header(headers: tuple[tuple[str, str], ...], name: str) -> str:
    """The value of a header (the last one given), lower-cased and stripped; '' when absent."""
    values = [value for key, value in headers if key.lower() == name]
    return values[-1].strip().lower() if values else ""


def dechunk(body: bytes) -> bytes | None:
    """The body of a chunked transfer coding, or None when it is not well-formed chunks."""
    out, at = bytearray(), 0
    while True:
        end = body.find(b"\r\n", at)
        if end < 0:
            return None
        try:
            size = int(body[at:end].split(b";", 1)[0].strip() or b"x", 16)
        except ValueError:
            return None
        if size == 0:
            return bytes(out)
        start = end + 2
        if start + size > len(body):
            return None
        out += body[start : start + size]
        at = start + size + 2


def _inflate(body: bytes, wbits: int, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(body, max_bytes + 1)
    return out


def _decompress(body: bytes, coding: str, max_bytes: int) -> bytes | None:
    """The decompressed body, or None for a coding this reader does not know."""
    if coding in ("gzip", "x-gzip"):
        return _inflate(body, 47, max_bytes)  # 32 + 15: a gzip or zlib header, read from the data
    if coding == "deflate":
        try:
            return _inflate(body, 15, max_bytes)
        except zlib.error:
            return _inflate(body, -15, max_bytes)  # servers that send raw deflate without the header
    if coding == "br":
        try:
            import brotli
        except ImportError:
            return None
        return brotli.decompress(body)
    if coding == "zstd":
        try:
            import zstandard
        except ImportError:
            return None
        return zstandard.ZstdDecompressor().decompress(body, max_output_size=max_bytes + 1)
    return None


def decode_body(body: bytes, headers: tuple[tuple[str, str], ...], *, max_bytes: int, name: str) -> bytes:
    """The page bytes of an HTTP body recorded as sent. A coding that cannot be undone leaves the
    body as it is (some archives store bodies already decoded but keep the header); a body that
    decodes to more than ``max_bytes`` is a SourceError."""
    if "chunked" in header(headers, "transfer-encoding"):
        body = dechunk(body) or body
    coding = header(headers, "content-encoding")
    if not body or coding in ("", "identity"):
        return body
    try:
        decoded = _decompress(body, coding, max_bytes)
    except Exception:
        return body
    if decoded is None:
        return body
    if len(decoded) > max_bytes:
        raise SourceError(f"larger than {max_bytes} bytes once decompressed", input_name=name)
    return decoded
