"""Date expressions in a sentence, resolved against a reference date.

A month-day without a year takes the year that puts it nearest the reference date, a date in
the future counting double (news mostly reports what has happened), and is marked
``year_inferred``. Weekdays resolve to the last such day on or before a day-precise reference.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsledger.attribute.lexicon import MONTHS, WEEKDAYS

_MONTH = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_LEAD = r"(?:(?:on|in|since|by|from|until|as of|before|after|during|earlier|later)\s+)?"
_MODIFIER = r"(?:(?P<{}>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
# Every date opens on one of these characters (a lead word's, a month's or weekday's, a digit, a
# modifier's, "yesterday"'s...): checking it first spares the whole alternation at most word edges.
_DATE_FIRST = r"(?=[\dabdefilmostuyADFJMNOSTW])"
_DATE = re.compile(
    rf"{_DATE_FIRST}\b{_LEAD}(?:"
    rf"(?:{_WEEKDAY},?\s+)?(?P<md_month>{_MONTH})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>(?:19|20)\d\d)\b)?"
    rf"|(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH})\b(?:,?\s+(?P<dm_year>(?:19|20)\d\d)\b)?"
    rf"|{_MODIFIER.format('m_mod')}(?P<m_month>{_MONTH})\b(?:,?\s+(?P<m_year>(?:19|20)\d\d)\b)?"
    rf"|{_MODIFIER.format('y_mod')}(?P<y_year>(?:19|20)\d\d)\b"
    rf"|(?P<weekday>{_WEEKDAY})\b"
    rf"|(?P<relative>yesterday|today|last night|this morning)\b"
    rf")"
)

_MAYBE_DATE = re.compile(r"(?=[\djfmasond])(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|night|morning)", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Reference:
    """The date expressions are resolved against: a day, or only a month or year."""

    year: int
    month: int | None = None
    day: int | None = None

    def as_date(self) -> dt.date:
        return dt.date(self.year, self.month or 6, self.day or 15)


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: int
    end: int
    value: str
    precision: str
    modifier: str | None
    year_inferred: bool


def parse_reference(value: str | None) -> Reference | None:
    """A Reference from an ISO 8601 date or date-time ("2026-01-19", "2026-01", "2026")."""
    if not value:
        return None
    match = _ISO.match(value)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    return Reference(year or 1970, month, day)


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _nearest_year(month: int, day: int | None, reference: Reference) -> int:
    """The year putting month/day nearest the reference, future distances counting double."""
    target = reference.as_date()

    def cost(year: int) -> float:
        if reference.month is None:
            return abs(year - reference.year) * 365.0
        candidate = dt.date(year, month, min(day or 15, 28))
        if reference.day is None:
            months = (year - reference.year) * 12 + month - reference.month
            return months * 60.0 if months > 0 else -months * 30.0
        days = (candidate - target).days
        return days * 2.0 if days > 0 else float(-days)

    years = [year for year in (reference.year - 1, reference.year, reference.year + 1) if dt.MINYEAR <= year <= dt.MAXYEAR]
    return min(years, key=cost)


def _modifier(raw: str | None) -> str | None:
    if not raw:
        return None
    return {"the end of": "late", "the beginning of": "early", "the start of": "early", "the middle of": "mid"}.get(raw, raw)


def resolve(match: re.Match[str], reference: Reference | None) -> FoundDate | None:
    groups = match.groupdict()
    start, end = match.span()
    month_word = groups["md_month"] or groups["dm_month"]
    if month_word:
        month = _month_number(month_word)
        day = int(groups["md_day"] or groups["dm_day"])
        year_text = groups["md_year"] or groups["dm_year"]
        if not 1 <= day <= 31:
            return None
        if year_text:
            return FoundDate(start, end, f"{int(year_text):04d}-{month:02d}-{day:02d}", "day", None, False)
        if reference is None:
            return None
        year = _nearest_year(month, day, reference)
        return FoundDate(start, end, f"{year:04d}-{month:02d}-{day:02d}", "day", None, True)
    if groups["m_month"]:
        if groups["m_month"] == "May" and not groups["m_year"] and not match.group().lower().startswith(("in", "since", "by", "from", "until", "early", "mid", "late", "the")):
            return None  # the modal verb
        month = _month_number(groups["m_month"])
        modifier = _modifier(groups["m_mod"])
        if groups["m_year"]:
            return FoundDate(start, end, f"{int(groups['m_year']):04d}-{month:02d}", "month", modifier, False)
        if reference is None:
            return None
        year = _nearest_year(month, None, reference)
        return FoundDate(start, end, f"{year:04d}-{month:02d}", "month", modifier, True)
    if groups["y_year"]:
        return FoundDate(start, end, groups["y_year"], "year", _modifier(groups["y_mod"]), False)
    return _relative(match, groups, reference)


def _relative(match: re.Match[str], groups: dict[str, str | None], reference: Reference | None) -> FoundDate | None:
    if reference is None or reference.day is None or reference.month is None:
        return None
    try:
        base = dt.date(reference.year, reference.month, reference.day)
        if groups["weekday"]:
            back = (base.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
            day = base - dt.timedelta(days=back)
        elif groups["relative"] == "yesterday":
            day = base - dt.timedelta(days=1)
        else:
            day = base
    except (ValueError, OverflowError):
        return None  # a reference at the edge of the calendar (year 1) has no day before it
    return FoundDate(match.start(), match.end(), day.isoformat(), "day", None, False)


def find_dates(text: str, start: int, end: int, reference: Reference | None) -> list[FoundDate]:
    """Resolved date expressions between ``start`` and ``end`` of ``text``."""
    if not _MAYBE_DATE.search(text, start, end):
        return []
    found = []
    for match in _DATE.finditer(text, start, end):
        resolved = resolve(match, reference)
        if resolved is not None:
            found.append(resolved)
    return found


def latest_full_date(text: str) -> Reference | None:
    """The latest date printed with day, month and year: a reference for an undated article."""
    best: dt.date | None = None
    for match in _DATE.finditer(text):
        resolved = resolve(match, None)
        if resolved and resolved.precision == "day":
            year, month, day = map(int, resolved.value.split("-"))
            try:
                value = dt.date(year, month, day)
            except ValueError:
                continue
            best = value if best is None or value > best else best
    return Reference(best.year, best.month, best.day) if best else None
