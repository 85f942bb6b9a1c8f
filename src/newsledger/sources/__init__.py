"""Sources: every input form yields Pages through the same interface.

``iter_pages(specs)`` turns input specs into a stream of :class:`~newsledger.model.Page` records,
or :class:`~newsledger.model.SourceFailure` records for inputs that could not be read. A spec is

- ``-``: standard input;
- ``http://…`` or ``https://…``: one URL, fetched;
- ``@list.txt``: a file of URLs, one a line (``#`` starts a comment);
- ``*.warc``, ``*.warc.gz``: the HTML response records of a WARC file;
- a directory: every ``.html``, ``.htm``, ``.txt`` file below it (and ``.gz`` of them);
- any other path: one page file.

Nothing is read before it is needed, so a stream over millions of pages uses constant memory.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

from newsledger.model import Page, SourceFailure
from newsledger.sources.options import SourceOptions

__all__ = ["SourceOptions", "iter_pages", "spec_kind"]


def spec_kind(spec: str) -> str:
    """Which source reads a spec: stdin, url, url-list, warc, directory or file."""
    if spec == "-":
        return "stdin"
    if spec.startswith(("http://", "https://")):
        return "url"
    if spec.startswith("@"):
        return "url-list"
    lowered = spec.lower()
    if lowered.endswith((".warc", ".warc.gz")):
        return "warc"
    if Path(spec).is_dir():
        return "directory"
    return "file"


def iter_pages(
    specs: Iterable[str], *, options: SourceOptions | None = None, skipped: Counter | None = None
) -> Iterator[Page | SourceFailure]:
    """Pages from every spec in order; an unreadable input yields a SourceFailure instead.
    Records that are not pages (redirects, error statuses, other media in a WARC file) are
    counted by kind in ``skipped`` when it is given."""
    options = options or SourceOptions()
    for spec in specs:
        kind = spec_kind(spec)
        for item in _pages_of(spec, options, skipped):
            if isinstance(item, SourceFailure) and kind not in ("stdin", "url"):
                item = msgspec.structs.replace(item, input=located_input(item.input, spec))
            yield item


def located_input(name: str, spec: str) -> str:
    """A failed local input as an absolute spec, so that it can be tried again from any working
    directory: ``name`` is the spec, a file below a directory spec or a record of a WARC file;
    the list of a ``@list`` keeps its ``@``; URLs stay as they are."""
    if name.startswith(("http://", "https://")):
        return name
    if spec.startswith("@") and name == spec[1:]:
        return "@" + os.path.abspath(name)
    if name.startswith(spec + "#"):
        return os.path.abspath(spec) + name[len(spec) :]
    return os.path.abspath(name)


def _pages_of(spec: str, options: SourceOptions, skipped: Counter | None = None) -> Iterator[Page | SourceFailure]:
    kind = spec_kind(spec)
    if kind == "stdin":
        from newsledger.sources.files import iter_stdin

        yield from iter_stdin(options)
    elif kind == "url":
        from newsledger.sources.urls import iter_urls

        yield from iter_urls([spec], options)
    elif kind == "url-list":
        from newsledger.sources.urls import iter_url_list

        yield from iter_url_list(spec[1:], options)
    elif kind == "warc":
        from newsledger.sources.warc import iter_warc

        yield from iter_warc(spec, options, skipped)
    elif kind == "directory":
        from newsledger.sources.files import iter_directory

        yield from iter_directory(spec, options)
    else:
        from newsledger.sources.files import iter_files

        yield from iter_files([spec], options)
