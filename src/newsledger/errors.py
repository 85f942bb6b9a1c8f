"""The one tree of typed errors raised by newsledger.

Every error renders as one line that names the input and the problem (``str(err)``), so that the
CLI can print it as is and a batch run can store it as a failure reason.
"""

from __future__ import annotations

import re

# Characters that would break a line or a terminal, or that UTF-8 cannot encode.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# An input name longer than this (a URL of a megabyte) is shortened in messages.
MAX_NAME_CHARS = 300


def printable_name(name: str) -> str:
    """``name`` on one line: newlines and other control characters escaped (``\\n``), long names cut."""
    if len(name) > MAX_NAME_CHARS:
        name = name[: MAX_NAME_CHARS - 1] + "…"
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), name)


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""

    stage = "newsledger"

    def __init__(self, message: str, *, input_name: str | None = None) -> None:
        self.message = message
        self.input_name = input_name
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = _UNPRINTABLE.sub("\ufffd", " ".join(self.message.split()))
        return f"{printable_name(self.input_name)}: {text}" if self.input_name else text

    def for_input(self, input_name: str) -> NewsledgerError:
        """The same error, naming the input it happened on."""
        if self.input_name is None:
            self.input_name = input_name
            self.args = (self.one_line(),)
        return self


class InputError(NewsledgerError):
    """The input cannot be read as a page: empty, unreadable, not a supported form."""

    stage = "input"


class ExtractionError(NewsledgerError):
    """The page was read but no article could be extracted from it."""

    stage = "extract"


class ExtractionTimeout(ExtractionError):
    """Extraction of one page took longer than its time limit."""

    stage = "timeout"


class DeadlineExceeded(NewsledgerError):
    """Extraction or attribution of one input ran past the deadline it was given; ``step``
    names what was running (``extract: body``, ``attribute: sentences``)."""

    stage = "timeout"

    def __init__(self, message: str, *, step: str = "", input_name: str | None = None) -> None:
        self.step = step
        super().__init__(message, input_name=input_name)


class AttributionError(NewsledgerError):
    stage = "attribute"


class SourceError(NewsledgerError):
    """A source (file, directory, WARC, URL list) could not be read."""

    stage = "source"


class FetchError(SourceError):
    """A URL could not be fetched (network error, HTTP error, too large, too many redirects)."""

    stage = "fetch"


class BlockedAddressError(FetchError):
    """A URL resolves to a loopback, private or link-local address and that is not allowed."""


class LedgerError(NewsledgerError):
    stage = "ledger"


class MigrationError(LedgerError):
    pass


class ConfigError(NewsledgerError):
    stage = "config"


class ListingError(SourceError):
    """A feed or sitemap could not be read (malformed XML or JSON, not a listing at all)."""

    stage = "listing"
