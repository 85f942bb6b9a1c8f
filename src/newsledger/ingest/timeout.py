"""A time limit on one page's processing, enforced with a real-time interval timer.

The timer interrupts pure-Python work between bytecodes, which is where extraction spends its
time; it needs the main thread of the process (true in worker processes and in the CLI).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from newsledger.errors import ExtractionTimeout
from newsledger.ingest.process import Processed, failed, page_name, process_page
from newsledger.model import Page


class _Expired(BaseException):
    """Raised by the timer; a BaseException so that broad ``except Exception`` does not swallow it."""


Expired = _Expired  # what a caller of ``time_limit`` catches when the time is up


def _expire(signum: int, frame: object) -> None:
    raise _Expired


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    usable = seconds and seconds > 0 and threading.current_thread() is threading.main_thread()
    if not usable or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_page_limited(page: Page, seconds: float | None) -> Processed:
    """``process_page`` with a time limit; a page over the limit becomes a timeout failure."""
    try:
        with time_limit(seconds):
            return process_page(page)
    except _Expired:
        err = ExtractionTimeout(f"processing took longer than {seconds:g} s", input_name=page_name(page))
        return failed(page, err.stage, str(err))
