"""How many pages a run will see, when that can be known cheaply (for the progress ETA)."""

from __future__ import annotations

from collections.abc import Iterable

from newsledger.errors import SourceError
from newsledger.sources import SourceOptions, spec_kind
from newsledger.sources.files import walk_page_files
from newsledger.sources.urls import read_url_list


def count_warc_responses(path: str) -> int | None:
    """The page records of a WARC file: HTTP responses with a 2xx status and an HTML (or unstated)
    type, as the WARC source reads them (a pass over the headers; the page bodies are skipped)."""
    from newsledger.sources.warc import is_html_response

    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        with open(path, "rb") as stream:
            records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True, fsspec_args=False)
            return sum(
                1
                for record in records
                if is_html_response(record.http_headers.status_code if record.http_headers else None,
                                    record.http_content_type)
            )
    except (ImportError, OSError, ValueError):
        return None


def count_pages(specs: Iterable[str], options: SourceOptions | None = None) -> int | None:
    """The number of pages the specs will yield (for WARC files, their response records), or None
    when that cannot be known."""
    options = options or SourceOptions()
    specs = list(specs)
    total = 0
    for spec in specs:
        kind = spec_kind(spec)
        if kind == "directory":
            # a directory without pages yields one failure
            total += max(1, sum(1 for _ in walk_page_files(spec, options.extensions)))
        elif kind == "warc":
            records = count_warc_responses(spec)
            if records is None:
                return None
            total += records
        elif kind == "url-list":
            try:
                total += sum(1 for _ in read_url_list(spec[1:]))
            except SourceError:
                return None
        else:
            total += 1
    return total
