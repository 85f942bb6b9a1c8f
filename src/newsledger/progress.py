"""A progress line on stderr with count, rate and ETA, redrawn at most a few times a second."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int | None, label: str = "", *, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self._drawn_at = 0.0

    def advance(self, count: int = 1, *, failed: bool = False) -> None:
        """Count ``count`` more items done (all failed when ``failed``)."""
        self.done += count
        self.failed += count if failed else 0
        now = time.monotonic()
        if self.enabled and (now - self._drawn_at > 0.2 or self.done == self.total):
            self._draw(now)

    def _draw(self, now: float) -> None:
        self._drawn_at = now
        clear = "\x1b[K" if getattr(self.stream, "isatty", lambda: False)() else ""
        self.stream.write("\r" + self.line(now) + clear)
        self.stream.flush()
        _open_lines.add(self)

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [self.label] if self.label else []
        parts.append(f"{self.done}/{self.total}" if self.total else str(self.done))
        parts.append(f"{rate:.1f}/s")
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.total and rate > 0:
            parts.append(f"ETA {max(self.total - self.done, 0) / rate:.0f}s")
        return " ".join(parts)

    def close(self) -> None:
        """Redraw the line with the final counts and end it (once)."""
        if self.enabled and self.done and self in _open_lines:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
        _open_lines.discard(self)


# Progress lines drawn and not yet ended, so that a message printed on an interruption starts on
# a line of its own.
_open_lines: set[Progress] = set()


def end_open_lines() -> None:
    """End every progress line left open (on Ctrl-C, before the message is printed)."""
    for progress in list(_open_lines):
        progress.close()
