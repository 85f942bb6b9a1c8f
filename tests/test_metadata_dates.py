"""The date parser: examples of what pages print, and properties over generated dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.metadata.dates import MAX_YEAR, MIN_YEAR, parse_date
from newsledger.extract.metadata.people import split_byline

ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
GERMAN_MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value", "precision", "zoned"),
    [
        ("2023-04-28T17:40:08Z", "2023-04-28T17:40:08+00:00", "second", True),
        ("2024-04-22 15:26:46.863186+00:00", "2024-04-22T15:26:46+00:00", "second", True),
        ("2023-04-28T19:09:00+0200", "2023-04-28T19:09:00+02:00", "second", True),
        ("2024-04-22", "2024-04-22", "day", False),
        ("Fri, 28 Apr 2023 17:40:08 GMT", "2023-04-28T17:40:08+00:00", "second", True),
        ("Fri Apr 28 19:20:36 CEST 2023", "2023-04-28T19:20:36+02:00", "second", True),
        ("28.04.2023, 17:40 Uhr", "2023-04-28T17:40", "minute", False),
        ("April 28, 2023 5:40 PM EDT", "2023-04-28T17:40-04:00", "minute", True),
        ("Published 17:40 BST, 28 April 2023", "2023-04-28T17:40+01:00", "minute", True),
        ("28 de abril de 2023", "2023-04-28", "day", False),
        ("le 30 août 2023 à 12h52", "2023-08-30T12:52", "minute", False),
        ("2025年1月14日 21時17分", "2025-01-14T21:17", "minute", False),
        ("Do 25.04.24 | 14:07 Uhr", "2024-04-25T14:07", "minute", False),
        ("20230428", "2023-04-28", "day", False),
        ("Updated: 10/31/2024", "2024-10-31", "day", False),
        ("Thu, 09/25/2025 - 00:00", "2025-09-25T00:00", "minute", False),
        ("3/4/2025", "2025-04-03", "day", False),
        ("2025/12/02", "2025-12-02", "day", False),
        ("02-12-2025", "2025-12-02", "day", False),
        ("2023 Jan 7", "2023-01-07", "day", False),
        ("Essay - Published: 2025.12.17 |", "2025-12-17", "day", False),
        ("04-Aug-2021", "2021-08-04", "day", False),
        ("on 04-ago-2021 5:11:10", "2021-08-04T05:11:10", "second", False),
        ("12 dic 2024", "2024-12-12", "day", False),
        ("3 gen 2025", "2025-01-03", "day", False),
    ],
)
def test_printed_forms(text: str, value: str, precision: str, zoned: bool) -> None:
    parsed = parse_date(text)
    assert parsed is not None, text
    assert (parsed.value, parsed.precision, parsed.has_timezone) == (value, precision, zoned)


@pytest.mark.parametrize(
    "text", ["", "Updated: 3 days ago", "99.99.2023", "2024-02-30", "31/31/2020", "1 min read"]
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


moments = st.datetimes(min_value=datetime(MIN_YEAR, 1, 2), max_value=datetime(MAX_YEAR - 1, 12, 30))
offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))


@settings(deadline=None)
@given(moments, offsets)
def test_iso_with_offset_round_trips_to_the_same_instant(moment: datetime, zone: timezone) -> None:
    aware = moment.replace(microsecond=0, tzinfo=zone)
    parsed = parse_date(aware.isoformat())
    assert parsed is not None and parsed.has_timezone
    assert datetime.fromisoformat(parsed.value) == aware
    assert parsed.day == aware.date().isoformat()


@settings(deadline=None)
@given(moments)
def test_iso_without_offset_keeps_local_time_and_says_so(moment: datetime) -> None:
    naive = moment.replace(microsecond=0)
    parsed = parse_date(naive.strftime("%Y-%m-%dT%H:%M"))
    assert parsed is not None and not parsed.has_timezone
    assert parsed.precision == "minute"
    assert datetime.fromisoformat(parsed.value) == naive.replace(second=0)


@settings(deadline=None)
@given(st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)), st.sampled_from(range(4)))
def test_human_forms_give_the_same_day(day: date, style: int) -> None:
    english, german = ENGLISH_MONTHS[day.month - 1], GERMAN_MONTHS[day.month - 1]
    text = [
        f"{day.day} {english} {day.year}",
        f"{english} {day.day}, {day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}. {german} {day.year}",
    ][style]
    parsed = parse_date(text)
    assert parsed is not None, text
    assert parsed.value == day.isoformat()
    assert parsed.precision == "day"


@settings(deadline=None)
@given(st.text(max_size=80))
def test_any_text_parses_to_a_valid_date_or_nothing(text: str) -> None:
    parsed = parse_date(text)
    if parsed is not None:
        value = datetime.fromisoformat(parsed.value)
        assert MIN_YEAR <= value.year <= MAX_YEAR
        assert (value.tzinfo is not None) == parsed.has_timezone


@settings(deadline=None)
@given(moments)
def test_utc_is_written_with_a_zero_offset(moment: datetime) -> None:
    aware = moment.replace(microsecond=0, tzinfo=UTC)
    parsed = parse_date(aware.strftime("%Y-%m-%dT%H:%M:%SZ"))
    assert parsed is not None and parsed.value.endswith("+00:00")


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe, Staff Reporter", [("Jane Doe", "Staff Reporter")]),
        ("Anna Smith and Bob Jones", [("Anna Smith", None), ("Bob Jones", None)]),
        ("A. Smith & B. Jones, C. Brown", [("A. Smith", None), ("B. Jones", None), ("C. Brown", None)]),
        ("By Madeleine Howell 30 August 2023 • 4:45pm", [("Madeleine Howell", None)]),
        ("Von Lena Hoffmann und Jonas Weber", [("Lena Hoffmann", None), ("Jonas Weber", None)]),
        ("Elena Meier (elm)", [("Elena Meier", None)]),
        ("By", []),
        ("Updated 3 May 2024", []),
        ("Photo: Getty Images", []),
        ("rh Berlin", []),
        ("Ana de la Cruz", [("Ana de la Cruz", None)]),
    ],
)
def test_bylines(byline: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.role) for p in split_byline(byline)] == expected
