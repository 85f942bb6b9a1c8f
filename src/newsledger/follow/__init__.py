"""Following outlets: feeds and sitemaps found from a home page, polled politely, their new
articles run through the ingest pipeline into the ledger.

- ``add_outlet(ledger, url, options)``: discover (``discover.py``) and store the sources.
- ``run_round(ledger, WatchOptions(...))``: one watch round (``watch.py``).
- ``list_sources(ledger)``: every source with its state (``state.py``).

Pure parts: ``urlnorm.py`` (URL spelling, tracking parameters), ``listings.py`` (feeds and
sitemaps to entries), ``robots.py`` (RFC 9309), ``dates.py``. I/O: ``polite.py`` (fetching across
hosts), ``state.py`` (the ledger tables), ``watch.py``.
"""

from __future__ import annotations

from newsledger.follow.discover import Found, discover
from newsledger.follow.state import SourceRecord, list_sources, source_of_page
from newsledger.follow.watch import RoundSummary, WatchOptions, run_round

__all__ = [
    "Found",
    "RoundSummary",
    "SourceRecord",
    "WatchOptions",
    "add_outlet",
    "discover",
    "discover_outlet",
    "list_sources",
    "run_round",
    "source_of_page",
]


def add_outlet(ledger, url: str, options=None) -> list[SourceRecord]:
    """Discover the feeds and sitemaps of ``url`` (a home page, feed or sitemap) and store them
    as sources of its outlet; raises NewsledgerError when nothing to follow is found."""
    from newsledger.follow.state import add_sources, outlet_of

    found = discover_outlet(url, options)
    return add_sources(ledger, found, outlet_of(found[0].url))


def discover_outlet(url: str, options=None) -> list[Found]:
    """The feeds and sitemaps of ``url``, nothing stored; raises NewsledgerError when none is found."""
    from newsledger.errors import SourceError
    from newsledger.sources.options import SourceOptions
    from newsledger.sources.urls import Fetcher

    options = options or SourceOptions()
    with Fetcher(options) as fetcher:
        found = discover(url, _getter(fetcher), options.user_agent)
    if not found:
        raise SourceError(
            "no feed or sitemap found (none linked, none declared in robots.txt, no /sitemap.xml)",
            input_name=url,
        )
    return found


def _getter(fetcher):
    def get(url: str) -> bytes | None:
        response = fetcher.request(url, retries=1)
        return response.body if response.status < 300 else None

    return get
