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

    def advance(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._drawn_at > 0.2 or self.done == self.total):
            self._drawn_at = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

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
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()
