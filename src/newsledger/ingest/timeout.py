"""A time limit on one page's processing: a :class:`~newsledger.Deadline` that extraction and
attribution check between their steps, and a real-time interval timer as a backstop.

The deadline names the step that ran out of time; the timer, set a little later, interrupts
pure-Python work between bytecodes wherever it is (one long step); it needs the main thread of
the process (true in worker processes and in the CLI).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from newsledger.deadline import Deadline
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


# The backstop timer fires this much later than the deadline, so that a step boundary past the
# deadline is normally reached first and the failure names the step.
BACKSTOP_FACTOR = 1.25


def process_page_limited(page: Page, seconds: float | None) -> Processed:
    """``process_page`` with a time limit; a page over the limit becomes a timeout failure."""
    deadline = Deadline.after(seconds, input_name=page_name(page)) if seconds and seconds > 0 else None
    try:
        with time_limit(seconds * BACKSTOP_FACTOR if seconds else seconds):
            return process_page(page, deadline)
    except _Expired:
        err = ExtractionTimeout(f"processing took longer than {seconds:g} s", input_name=page_name(page))
        return failed(page, err.stage, str(err))
