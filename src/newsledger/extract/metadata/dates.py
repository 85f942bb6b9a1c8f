"""Dates as pages print them, read into ISO 8601 with their precision and time zone.

Machine-readable forms (ISO 8601, RFC 2822) are read strictly. Human forms ("28 April 2023,
17:40 CEST", "April 28, 2023 5:40 PM EDT", "28.04.2023 um 17:40 Uhr") are read with month
names in the languages news pages most often use. A value that is not a real calendar date, or
falls outside plausible publication years, is refused rather than guessed.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from newsledger.caching import short_key_cache
from newsledger.model import DatePrecision, Struct

MIN_YEAR = 1990
MAX_YEAR = 2100


class ParsedDate(Struct, kw_only=True):
    """A parsed date: ``value`` in ISO 8601 at ``precision``; the offset kept when printed."""

    value: str
    precision: DatePrecision
    has_timezone: bool

    @property
    def day(self) -> str:
        return self.value[:10]


MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio janeiro januari jänner styczeń stycznia leden ledna ene gen",
        "february feb februar février fevrier febrero febbraio fevereiro februari luty lutego únor února fev",
        "march mar märz maerz mars marzo março maart marca marzec březen března",
        "april apr avril abril aprile kwiecień kwietnia duben dubna abr",
        "may mai mayo maggio maio mei maj maja květen května mag",
        "june jun juni juin junio giugno junho czerwiec czerwca červen června giu",
        "july jul juli juillet julio luglio julho lipiec lipca červenec července lug",
        "august aug août aout agosto augustus sierpień sierpnia srpen srpna ago",
        "september sep sept septembre septiembre settembre setembro wrzesień września září",
        "october oct oktober octobre octubre ottobre outubro okt październik października říjen října ott",
        "november nov novembre noviembre novembro listopad listopada",
        "december dec dezember décembre decembre diciembre dicembre dezembro dez grudzień grudnia prosinec prosince dic",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)

# Abbreviations of zones that news pages print after a time, as hours from UTC.
ZONE_OFFSETS: dict[str, float] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "wet": 0,
    "bst": 1,
    "west": 1,
    "cet": 1,
    "mez": 1,
    "cest": 2,
    "mesz": 2,
    "eet": 2,
    "eest": 3,
    "msk": 3,
    "ist": 5.5,
    "sgt": 8,
    "hkt": 8,
    "jst": 9,
    "kst": 9,
    "aest": 10,
    "aedt": 11,
    "acst": 9.5,
    "awst": 8,
    "nzst": 12,
    "nzdt": 13,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "et": -5,
    "pt": -8,
}

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?(?![\d:])",
    re.IGNORECASE,
)
_COMPACT = re.compile(
    r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?(?P<tz>Z|[+-]\d{4})?$"
)
_NUMERIC_DMY = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4}|\d{2})(?![\d/])"
    r"|(?<![\d-])(?P<d2>\d{1,2})-(?P<m2>\d{1,2})-(?P<y2>\d{4})(?![\d-])"
)
_SLASHED_YMD = re.compile(
    r"(?<![\w.])(?P<y>\d{4})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/]|\.\d)"
)
_WORD_DMY = re.compile(
    r"(?<!\w)(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.|º)?(?:\s+de)?\s+(?P<mon>[^\W\d_]{3,12})\.?,?(?:\s+de)?\s+(?P<y>\d{4})(?!\d)"
    # Or joined by hyphens: "04-Aug-2021".
    r"|(?<![\w-])(?P<d2>\d{1,2})-(?P<mon2>[^\W\d_]{3,12})-(?P<y2>\d{4})(?![\d-])"
)
_WORD_MDY = re.compile(
    r"(?<!\w)(?P<mon>[^\W\d_]{3,12})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)"
)
# Year first, as citations print it: "2023 Jan 7".
_WORD_YMD = re.compile(r"(?<!\d)(?P<y>\d{4})\s+(?P<mon>[^\W\d_]{3,12})\.?\s+(?P<d>\d{1,2})(?![\d:])")
# C asctime and Java's Date.toString: "Fri Apr 28 19:20:36 CEST 2023".
_ASCTIME = re.compile(
    r"(?P<mon>[A-Za-z]{3})\s+(?P<d>\d{1,2})\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s+(?:(?P<tz>[A-Z]{2,5})\s+)?(?P<y>\d{4})"
)
_CJK = re.compile(r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?")
_CLOCK = re.compile(
    r"(?<![\d.:])(?P<H>\d{1,2})\s*(?:[:h]|\.(?=\d{2}\s*uhr)|時|시\s*)(?P<M>\d{2})(?:分|분)?(?::(?P<S>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?:uhr|h))?(?:\s*\(?(?P<tz>[A-Z]{1,5}|(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?)\)?)?(?![\w])",
    re.IGNORECASE,
)
_CLOCK_AMPM = re.compile(r"(?<![\d.:])(?P<H>\d{1,2})\s*(?P<ampm>[ap]\.?m\.?)(?!\w)", re.IGNORECASE)


def parse_date(text: str) -> ParsedDate | None:
    """Read one date or date-time from ``text``; None when there is none to read."""
    # Over 100 words the joined text is past 200 characters: the rest need not be split.
    words = text.split(maxsplit=100)
    if len(words) > 100:
        return None
    raw = " ".join(words)
    if not raw or len(raw) > 200:
        return None
    return _parse_line(raw)


# A page gives the same date in its JSON-LD, its meta tags and its dateline: each is read once
# (lines of at most 200 characters, so the cache stays small).
@short_key_cache(maxsize=4096)
def _parse_line(raw: str) -> ParsedDate | None:
    return _parse_machine(raw) or _parse_human(raw)


def _parse_machine(raw: str) -> ParsedDate | None:
    compact = _COMPACT.match(raw)
    if compact and raw.isascii():
        return _build(compact.groupdict(), compact.group("tz"))
    iso = _ISO.search(raw)
    if iso:
        return _build(iso.groupdict(), iso.group("tz"))
    return _parse_rfc2822(raw)


_RFC2822_STAMP = re.compile(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")


def _parse_rfc2822(raw: str) -> ParsedDate | None:
    if not _RFC2822_STAMP.search(raw):
        return None
    try:
        parsed = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    has_zone = parsed.tzinfo is not None
    precision: DatePrecision = "second" if parsed.second else "minute"
    return ParsedDate(value=_iso(parsed, precision), precision=precision, has_timezone=has_zone)


def _parse_human(raw: str) -> ParsedDate | None:
    stamp = _ASCTIME.search(raw)
    if stamp:
        raw = f"{stamp.group('d')} {stamp.group('mon')} {stamp.group('y')} {stamp.group('time')} {stamp.group('tz') or ''}"
    day = _find_day(raw)
    if day is None:
        return None
    found, start, end = day
    clock = _CLOCK.search(raw, end) or _CLOCK.search(raw[:start])
    if clock is None:
        clock = _CLOCK_AMPM.search(raw, end)
    if clock is None:
        return ParsedDate(value=found.isoformat(), precision="day", has_timezone=False)
    parts = clock.groupdict()
    hour = _hour(int(parts["H"]), parts.get("ampm"))
    minute = int(parts.get("M") or 0)
    second = int(parts.get("S") or 0)
    if hour is None or minute > 59 or second > 59:
        return ParsedDate(value=found.isoformat(), precision="day", has_timezone=False)
    zone = _zone(parts.get("tz"))
    moment = datetime(found.year, found.month, found.day, hour, minute, second, tzinfo=zone)
    precision: DatePrecision = "second" if parts.get("S") else "minute"
    return ParsedDate(value=_iso(moment, precision), precision=precision, has_timezone=zone is not None)


def _find_day(raw: str) -> tuple[date, int, int] | None:
    for pattern in (_CJK, _SLASHED_YMD):
        match = pattern.search(raw)
        if match:
            found = _calendar(match.group("y"), match.group("m"), match.group("d"))
            if found:
                return found, match.start(), match.end()
    numeric = _NUMERIC_DMY.search(raw)
    if numeric:
        first, second, year = (
            numeric.group("d", "m", "y") if numeric.group("d") else numeric.group("d2", "m2", "y2")
        )
        # Day first, as most of the world writes it; month first only when no day-first
        # reading exists ("09/25/2025").
        found = _calendar(year, second, first) or _calendar(year, first, second)
        if found:
            return found, numeric.start(), numeric.end()
    for pattern in (_WORD_DMY, _WORD_MDY, _WORD_YMD):
        for match in pattern.finditer(raw):
            parts = match.groupdict()
            mon, d, y = (parts["mon"], parts["d"], parts["y"]) if parts["mon"] else (parts["mon2"], parts["d2"], parts["y2"])
            month = MONTHS.get(mon.lower().rstrip("."))
            found = _calendar(y, str(month or 0), d)
            if found:
                return found, match.start(), match.end()
    return None


def _build(parts: dict[str, str | None], zone_text: str | None) -> ParsedDate | None:
    found = _calendar(parts["y"] or "", parts["m"] or "", parts["d"] or "")
    if found is None:
        return None
    if parts.get("H") is None:
        return ParsedDate(value=found.isoformat(), precision="day", has_timezone=False)
    hour, minute, second = int(parts["H"] or 0), int(parts["M"] or 0), int(parts.get("S") or 0)
    if hour > 23 or minute > 59 or second > 59:
        return ParsedDate(value=found.isoformat(), precision="day", has_timezone=False)
    zone = _zone(zone_text)
    moment = datetime(found.year, found.month, found.day, hour, minute, second, tzinfo=zone)
    precision: DatePrecision = "second" if parts.get("S") else "minute"
    return ParsedDate(value=_iso(moment, precision), precision=precision, has_timezone=zone is not None)


def _calendar(year: str, month: str, day: str) -> date | None:
    if not (f"{year}{month}{day}".isascii() and year.isdigit() and month.isdigit() and day.isdigit()):
        return None
    number = int(year)
    if len(year) == 2:
        number += 2000
    try:
        found = date(number, int(month), int(day))
    except ValueError:
        return None
    return found if MIN_YEAR <= found.year <= MAX_YEAR else None


def _hour(hour: int, ampm: str | None) -> int | None:
    if ampm:
        if not 1 <= hour <= 12:
            return None
        pm = ampm.lower().startswith("p")
        return (hour % 12) + (12 if pm else 0)
    return hour if hour <= 23 else None


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    cleaned = text.strip().lower().replace(" ", "")
    if cleaned in ZONE_OFFSETS:
        return timezone(timedelta(hours=ZONE_OFFSETS[cleaned]))
    match = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", cleaned)
    if not match:
        return None
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if match.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _iso(moment: datetime, precision: DatePrecision) -> str:
    spec = "seconds" if precision == "second" else "minutes"
    if moment.tzinfo is not None and moment.utcoffset() == timedelta(0):
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec=spec)
