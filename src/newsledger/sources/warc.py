"""Pages from WARC files (plain or gzip), such as Common Crawl's CC-NEWS, read with FastWARC.

Only HTTP ``response`` records are read; of those, records with a successful status and an HTML
(or unstated) content type become Pages carrying the target URI, the HTTP headers (so the charset
in ``Content-Type`` reaches the decoder) and the capture date. Each Page is keyed by its URL and
WARC-Record-ID.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

from newsledger.errors import SourceError
from newsledger.model import Page, SourceFailure
from newsledger.sources.encoding import decode_body
from newsledger.sources.keys import warc_key
from newsledger.sources.options import SourceOptions

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _fastwarc():
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        raise SourceError("reading WARC files needs FastWARC: pip install 'newsledger[warc]'") from None
    return ArchiveIterator, WarcRecordType


def is_html_response(status: int | None, content_type: str | None) -> bool:
    return skip_reason(status, content_type) is None


def skip_reason(status: int | None, content_type: str | None) -> str | None:
    """Why a response record is not a page (``redirect``, ``not found``, ``error status``,
    ``no status``, ``not HTML``), or None for an HTML page."""
    if status is None:
        return "no status"
    if not 200 <= status < 300:
        if 300 <= status < 400:
            return "redirect"
        return "not found" if status in (404, 410) else "error status"
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return None if not media or media in HTML_TYPES else "not HTML"


def _page_of(record, path: str, content: bytes, max_bytes: int) -> Page | SourceFailure:
    """The page of a response record, or the failure of that record alone (a body too large
    once decoded)."""
    url = record.headers.get("WARC-Target-URI") or ""
    headers = tuple((str(k), str(v)) for k, v in record.http_headers.astuples())
    name = f"{path}#{record.record_id}"
    try:
        content = decode_body(content, headers, max_bytes=max_bytes, name=name)
    except SourceError as err:
        return SourceFailure(input=name, stage=err.stage, reason=str(err))
    return Page(
        content=content,
        key=warc_key(url, record.record_id or ""),
        url=url or None,
        headers=headers,
        fetched_at=record.headers.get("WARC-Date"),
        origin=f"{path}#{record.record_id}",
    )


def iter_warc(
    path: str, options: SourceOptions, skipped: Counter | None = None
) -> Iterator[Page | SourceFailure]:
    """The HTML response records of a WARC file as Pages, streamed one record at a time; the
    records that are not pages are counted by kind in ``skipped``. A file that ends inside a
    record, or holds bytes after the last record that could be read, yields a SourceFailure."""
    try:
        archive_iterator, record_type = _fastwarc()
        with open(path, "rb") as stream:
            records = archive_iterator(
                stream,
                record_types=record_type.response,
                parse_http=True,
                max_content_length=options.max_bytes,
                fsspec_args=False,
            )
            for record in records:
                http = record.http_headers
                status = http.status_code if http is not None else None
                reason = skip_reason(status, record.http_content_type) if options.warc_html_only else None
                if reason is not None:
                    if skipped is not None:
                        skipped[reason] += 1
                    continue
                content = record.reader.read()
                if record.content_length and len(content) < record.content_length:
                    raise SourceError(
                        f"the WARC file ends inside record {record.record_id} ({len(content)} of"
                        f" {record.content_length} bytes): truncated",
                        input_name=path,
                    )
                yield _page_of(record, path, content, options.max_bytes)
            _check_read_to_end(stream, path)
    except SourceError as err:
        yield SourceFailure(input=path, stage=err.stage, reason=str(err.for_input(path)))
    except OSError as err:
        reason = f"{path}: cannot read the WARC file ({err.strerror or err})"
        yield SourceFailure(input=path, stage=SourceError.stage, reason=reason)


def _check_read_to_end(stream, path: str) -> None:
    size = os.fstat(stream.fileno()).st_size
    if stream.tell() < size:
        raise SourceError(f"unreadable data after byte {stream.tell()} of {size}: damaged", input_name=path)
