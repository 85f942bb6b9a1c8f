"""Shared pieces of the benchmark commands: timing passes and printing tables."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence


def timed_passes(
    run_all: Callable[[], object], passes: int, clock: Callable[[], float] = time.perf_counter
) -> list[float]:
    """Seconds of ``passes`` full runs on ``clock`` (wall clock unless told; garbage collected between runs)."""
    seconds = []
    for _ in range(passes):
        gc.collect()
        started = clock()
        run_all()
        seconds.append(clock() - started)
    return seconds


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (it reads well in a terminal and pastes into BENCHMARKS.md)."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(h), *(len(row[i]) for row in cells)) if cells else len(h) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)
