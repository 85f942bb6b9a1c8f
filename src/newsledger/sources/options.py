"""The settings every source reads, declared once."""

from __future__ import annotations

from newsledger._version import __version__
from newsledger.model import Struct

PAGE_EXTENSIONS = (".html", ".htm", ".txt")
USER_AGENT = f"newsledger/{__version__} (+https://github.com/newsledger/newsledger)"


class SourceOptions(Struct, kw_only=True):
    """How sources read their inputs.

    ``allow_private`` lets URL fetching reach loopback, private and link-local addresses (off by
    default so that a URL list cannot be used to probe the machine's own network).
    ``host_delay`` is the least time between two requests to the same host.
    """

    max_bytes: int = 64 * 1024 * 1024
    extensions: tuple[str, ...] = PAGE_EXTENSIONS
    timeout: float = 20.0
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5
    host_delay: float = 1.0
    user_agent: str = USER_AGENT
    allow_private: bool = False
    warc_html_only: bool = True
