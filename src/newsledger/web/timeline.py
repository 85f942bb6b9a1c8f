"""A speaker's statements over time as bars, laid out for a server-rendered SVG."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import msgspec

WIDTH = 640
HEIGHT = 160
PADDING_BOTTOM = 24
PADDING_TOP = 16


class Bar(msgspec.Struct, frozen=True, kw_only=True):
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


class Timeline(msgspec.Struct, frozen=True, kw_only=True):
    width: int
    height: int
    baseline: float
    bars: tuple[Bar, ...]
    peak: int
    first: str
    last: str


def month_of(date: str | None) -> str | None:
    """``YYYY-MM`` of an ISO date, or None when the date has no month."""
    if not date or len(date) < 7 or date[4] != "-":
        return None
    return date[:7]


def months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months: list[str] = []
    while (year, month) <= end and len(months) < 600:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def count_months(dates: Iterable[str | None]) -> dict[str, int]:
    return dict(Counter(month for month in map(month_of, dates) if month))


def build_timeline(counts: Mapping[str, int]) -> Timeline | None:
    """One bar per month from the first to the last month counted; None when nothing is counted."""
    counts = {month: count for month, count in counts.items() if month_of(month) == month and count > 0}
    if not counts:
        return None
    months = months_between(min(counts), max(counts))
    peak = max(counts.values())
    slot = WIDTH / len(months)
    usable = HEIGHT - PADDING_BOTTOM - PADDING_TOP
    bars = []
    for index, month in enumerate(months):
        count = counts.get(month, 0)
        height = usable * count / peak
        bars.append(
            Bar(
                label=month,
                count=count,
                x=round(index * slot + slot * 0.1, 2),
                y=round(PADDING_TOP + usable - height, 2),
                width=round(max(slot * 0.8, 1.0), 2),
                height=round(height, 2),
            )
        )
    return Timeline(
        width=WIDTH,
        height=HEIGHT,
        baseline=HEIGHT - PADDING_BOTTOM,
        bars=tuple(bars),
        peak=peak,
        first=months[0],
        last=months[-1],
    )
