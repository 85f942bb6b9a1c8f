"""The time budget of extraction and attribution: ``deadline=`` ends the work with a clear error."""

from __future__ import annotations

import time

import pytest

from newsledger import Deadline, DeadlineExceeded, NewsledgerError, attribute, extract
from newsledger.deadline import as_deadline
from newsledger.ingest import process_page
from newsledger.ingest.timeout import process_page_limited
from newsledger.model import Page

PAGE = (
    "<!doctype html><html><head><title>Budget passes</title></head><body><article>"
    "<h1>Budget passes</h1>"
    + "<p>The council approved the new budget on Tuesday after a long debate about the bridge, "
    'and "we have waited long enough," said Maria Lopez, the mayor.</p>' * 20 + "</article></body></html>"
)
TEXT = "Budget passes\n\n" + (
    'The council approved the new budget on Tuesday. "We have waited long enough," said Maria Lopez.\n\n' * 20
)


def passed() -> Deadline:
    return Deadline(time.monotonic() - 1.0, seconds=0.5)


@pytest.mark.parametrize(("data", "form"), [(PAGE, "html"), (TEXT, "text"), (PAGE.encode(), "auto")])
def test_extract_past_its_deadline_raises_naming_input_and_step(data: str | bytes, form: str) -> None:
    with pytest.raises(DeadlineExceeded) as caught:
        extract(data, "https://example.org/budget", form=form, deadline=passed())  # type: ignore[arg-type]
    err = caught.value
    assert isinstance(err, NewsledgerError) and err.stage == "timeout"
    assert str(err).startswith("https://example.org/budget: stopped during extract: ")
    assert "time budget of 0.5 s ran out" in str(err)
    assert err.step.startswith("extract: ")


def test_attribute_past_its_deadline_raises() -> None:
    article = extract(PAGE, "https://example.org/budget")
    assert attribute(article)  # the page has statements to find
    with pytest.raises(DeadlineExceeded) as caught:
        attribute(article, deadline=passed())
    assert caught.value.step.startswith("attribute: ")
    assert str(caught.value).startswith("https://example.org/budget: ")


def test_a_generous_deadline_changes_nothing() -> None:
    article = extract(PAGE, "https://example.org/budget", deadline=30)
    assert article == extract(PAGE, "https://example.org/budget")
    shared = Deadline.after(30)
    assert attribute(article, deadline=shared) == attribute(article)


def test_seconds_and_deadlines_are_accepted() -> None:
    assert as_deadline(None) is None
    limit = as_deadline(2.5, "page.html")
    assert limit is not None and 2.0 < limit.remaining() <= 2.5 and limit.input_name == "page.html"
    shared = Deadline.after(10)
    named = as_deadline(shared, "other.html")
    assert named is not None and named.at == shared.at and named.input_name == "other.html"


def test_ingestion_records_a_deadline_failure() -> None:
    page = Page(content=PAGE.encode(), key="k", url="https://example.org/budget", origin="budget.html")
    result = process_page(page, Deadline(time.monotonic() - 1.0))
    assert result.article is None
    assert result.failure is not None and result.failure.stage == "timeout"
    assert result.failure.reason.startswith("budget.html: stopped during extract: ")


def test_ingestion_gives_each_page_its_time_limit() -> None:
    page = Page(content=PAGE.encode(), key="k", url="https://example.org/budget", origin="budget.html")
    result = process_page_limited(page, 30.0)
    assert result.failure is None and result.statements
