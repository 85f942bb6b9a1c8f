"""Dates printed in copied text, including month names written with letters that only match
their plain forms when case is ignored."""

from __future__ import annotations

from newsledger import extract
from newsledger.extract.text.dates import find_dates


def test_a_month_written_with_a_long_s_is_the_month_it_stands_for() -> None:
    # "İ" keeps the lower-cased form longer than the line, so the ignore-case patterns read it.
    found = find_dates("İzmir, May 1 and ſept. 12, 2026")
    assert [(d.iso, d.text) for d in found] == [("2000-05-01", "May 1"), ("2026-09-12", "ſept. 12, 2026")]


def test_a_page_with_such_a_date_line_is_extracted_with_its_date() -> None:
    page = (
        "İzmir harbour reopens\n\nBy Jane Doe\n\nİzmir, published May 1, 2026, updated ſept. 12, 2026\n\n"
        "The harbour reopened on Monday after a week of repairs, officials said in a statement.\n\n"
        "Ships queued outside the breakwater for most of the morning, and the first ferry docked at noon.\n"
    )
    article = extract(page, form="text")
    assert article.published is not None and article.published.value == "2026-05-01"
    assert article.modified is not None and article.modified.value == "2026-09-12"
