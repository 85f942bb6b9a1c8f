"""Dates as pages print them ("January 19, 2026", "19 janvier 2026", "2026-01-19", "11/13/19"),
in a few languages, to ISO 8601. Pure functions over one line of text."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from newsledger.extract.text.lines import lowered_reads_as_text

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan jänner januar janvier enero gennaio janeiro januari январь января січня stycznia",
        "february feb februar février febrero febbraio fevereiro februari февраль февраля лютого lutego",
        "march mar märz mars marzo março maart март марта березня marca",
        "april apr avril abril aprile апрель апреля квітня kwietnia",
        "may mai mayo maggio maio mei май мая травня maja",
        "june jun juni juin junio giugno junho июнь июня червня czerwca",
        "july jul juli juillet julio luglio julho июль июля липня lipca",
        "august aug août agosto augustus август августа серпня sierpnia",
        "september sep sept septembre septiembre settembre setembro сентябрь сентября вересня września",
        "october oct oktober octobre octubre ottobre outubro октябрь октября жовтня października",
        "november nov novembre noviembre novembro ноябрь ноября листопада listopada",
        "december dec dez dezember décembre diciembre dicembre dezembro декабрь декабря грудня grudnia",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:,?\s*(?:at\s+|um\s+|à\s+|a las\s+)?(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
_DIGIT = re.compile(r"\d")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_YEAR_DIGITS = re.compile(r"[\d/]\d\d")
_MONTH_WORDS = frozenset(MONTHS)
_ASCII_MONTH_WORDS = frozenset(name.encode() for name in MONTHS if name.isascii())
_ASCII_LETTERS_ONLY = bytes(code if chr(code).isalpha() else ord(" ") for code in range(128)) + b" " * 128
_NAMED_MONTH_SOURCES = (
    rf"(?<!\w){_MONTH}\s+(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?{_TIME}",
    rf"(?<!\w)(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?{_MONTH}(?:,?\s+(?:de\s+)?(?P<year>\d{{4}}))?{_TIME}",
)
# The patterns that name the month (a hundred and fifty names) run case-sensitively over the
# lower-cased line where it reads as the line (see lowered_reads_as_text), ignoring case elsewhere.
_NAMED_MONTH_LOWER = tuple(re.compile(source) for source in _NAMED_MONTH_SOURCES)
_NAMED_MONTH_ANY_CASE = tuple(re.compile(source, re.I) for source in _NAMED_MONTH_SOURCES)
_NUMERIC_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<year>\d{4})-(?P<month_number>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?"
    ),
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\.(?P<month_number>\d{{1,2}})\.(?P<year>\d{{4}}){_TIME}"),
    re.compile(
        rf"(?<![\d/])(?P<month_number>\d{{1,2}})/(?P<day>\d{{1,2}})/(?P<year>\d{{2}}|\d{{4}})(?![\d/]){_TIME}"
    ),
)


# The separator each numeric pattern holds between two digits: a line where no digits are joined
# by it skips the pattern (most lines hold a period, few a "3.4").
_NUMERIC_MARKS = ("-", ".", "/")
_JOINING_MARK = re.compile(r"\d([-./])(?=\d)")


class FoundDate:
    """One date found in a line: the ISO value, its precision and where it was in the line."""

    __slots__ = ("date", "end", "has_year", "minute", "start", "text")

    def __init__(
        self, date: dt.date, minute: tuple[int, int] | None, has_year: bool, text: str, start: int, end: int
    ):
        self.date, self.minute, self.has_year, self.text, self.start, self.end = (
            date,
            minute,
            has_year,
            text,
            start,
            end,
        )

    @property
    def iso(self) -> str:
        if self.minute is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.minute[0]:02d}:{self.minute[1]:02d}"


def _minute(match: re.Match[str]) -> tuple[int, int] | None:
    hour = match.groupdict().get("hour")
    if hour is None:
        return None
    value, minute = int(hour), int(match.group("minute"))
    ampm = (match.groupdict().get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and value < 12:
        value += 12
    elif ampm == "am" and value == 12:
        value = 0
    return (value, minute) if value < 24 and minute < 60 else None


def _month_number(name: str) -> int | None:
    """The month a matched name stands for. Ignoring case, the patterns also match forms that
    lower-case to no name in the table ("ſept", with a long s): case folding maps those."""
    return MONTHS.get(name.lower()) or MONTHS.get(name.casefold())


def _build(match: re.Match[str], default_year: int, text: str) -> FoundDate | None:
    groups = match.groupdict()
    month = _month_number(groups["month"]) if groups.get("month") else int(groups["month_number"])
    if month is None:
        return None
    year_text = groups.get("year")
    year = int(year_text) if year_text else default_year
    if year_text and len(year_text) == 2:
        year += 2000
    try:
        date = dt.date(year, month, int(groups["day"]))
    except ValueError:
        return None
    start, end = match.span()
    return FoundDate(date, _minute(match), bool(year_text), text[start:end], start, end)


def find_dates(text: str, default_year: int = 2000) -> list[FoundDate]:
    """Every date in ``text``, in order; a date printed without a year gets ``default_year``."""
    found: list[FoundDate] = []
    if not _DIGIT.search(text):
        return found
    joining = set(_JOINING_MARK.findall(text))
    searches = [
        (pattern, text)
        for pattern, mark in zip(_NUMERIC_PATTERNS, _NUMERIC_MARKS, strict=True)
        if mark in joining
    ]
    lowered = text.lower()
    if _names_a_month(lowered):
        if lowered_reads_as_text(text, lowered):
            searches = [(pattern, lowered) for pattern in _NAMED_MONTH_LOWER] + searches
        else:
            searches = [(pattern, text) for pattern in _NAMED_MONTH_ANY_CASE] + searches
    # The dates found are disjoint: kept in order of their starts, a match need only be checked
    # against its neighbours (a line of thousands of dates stays linear).
    starts: list[int] = []
    for pattern, searched in searches:
        for match in pattern.finditer(searched):
            at = bisect.bisect_right(starts, match.start())
            if at and found[at - 1].end > match.start():
                continue
            if at < len(found) and found[at].start < match.end():
                continue
            if (date := _build(match, default_year, text)) is not None:
                found.insert(at, date)
                starts.insert(at, date.start)
    return found


def _names_a_month(lowered: str) -> bool:
    """True when a whole word of the lower-cased text is a month name. An ASCII text's words are
    cut out by bytes (every byte not a letter becomes a space), the others by the pattern."""
    if lowered.isascii():
        return not _ASCII_MONTH_WORDS.isdisjoint(lowered.encode().translate(_ASCII_LETTERS_ONLY).split())
    return not _MONTH_WORDS.isdisjoint(_LETTER_RUN.findall(lowered))


def find_dates_with_year(text: str) -> list[FoundDate]:
    """The dates in ``text`` that print their year (most lines have none: they are told apart
    by a cheap look for three digits, or two after a slash, that every such date holds)."""
    if not _YEAR_DIGITS.search(text):
        return []
    return [found for found in find_dates(text) if found.has_year]
