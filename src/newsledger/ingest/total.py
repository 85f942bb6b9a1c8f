"""How many pages a run will see, when that can be known cheaply (for the progress ETA)."""

from __future__ import annotations

from collections.abc import Iterable

from newsledger.errors import SourceError
from newsledger.sources import SourceOptions, spec_kind
from newsledger.sources.files import walk_page_files
from newsledger.sources.urls import read_url_list

COUNTED = {"file", "url", "stdin", "directory", "url-list"}


def count_pages(specs: Iterable[str], options: SourceOptions | None = None) -> int | None:
    """The number of inputs, or None when a source (a WARC file) can only be counted by reading it."""
    options = options or SourceOptions()
    specs = list(specs)
    if any(spec_kind(spec) not in COUNTED for spec in specs):
        return None
    total = 0
    for spec in specs:
        kind = spec_kind(spec)
        if kind == "directory":
            total += sum(1 for _ in walk_page_files(spec, options.extensions))
        elif kind == "url-list":
            try:
                total += sum(1 for _ in read_url_list(spec[1:]))
            except SourceError:
                return None
        else:
            total += 1
    return total
