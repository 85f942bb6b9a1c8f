"""Metadata extraction on fixture pages, one per common complaint, against golden records.

Each fixture ``tests/fixtures/metadata/<name>.html`` has its expected Metadata record beside it
(``<name>.expected.json``). ``NEWSLEDGER_UPDATE_GOLDEN=1 pytest tests/test_metadata.py`` rewrites
the records; review the diff before committing. The explicit checks below pin the behaviour each
fixture was written for, so a rewritten golden file cannot hide a regression.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsledger.extract.dom import parse_html
from newsledger.extract.metadata import extract_metadata
from newsledger.extract.parts import Metadata
from newsledger.model import to_json

FIXTURES = Path(__file__).parent / "fixtures" / "metadata"
URLS = {"url_date": "https://capital.example/2024/01/05/late-night-vote-passes-budget/"}


def page_url(name: str) -> str:
    return URLS.get(name, f"https://news.example/{name}")


def metadata_of(name: str) -> Metadata:
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    return extract_metadata(parse_html(html), page_url(name))


def names(metadata: Metadata) -> list[str]:
    return [author.name for author in metadata.authors]


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.html")))
def test_matches_golden_record(name: str) -> None:
    found = json.loads(to_json(metadata_of(name)))
    golden = FIXTURES / f"{name}.expected.json"
    if os.environ.get("NEWSLEDGER_UPDATE_GOLDEN") == "1":
        golden.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden record for {name}; run with NEWSLEDGER_UPDATE_GOLDEN=1"
    assert found == json.loads(golden.read_text(encoding="utf-8"))


def test_non_authors_are_left_out_of_the_byline() -> None:
    metadata = metadata_of("non_authors")
    assert names(metadata) == ["Jane Doe"]
    assert metadata.authors[0].role == "Staff Reporter"


def test_photo_credit_goes_to_the_image_not_the_authors() -> None:
    metadata = metadata_of("non_authors")
    assert metadata.lead_image is not None
    assert metadata.lead_image.credit == "John Smith"
    assert metadata.lead_image.caption == "Scaffolding went up on Tuesday."


def test_journalist_wins_over_the_site_named_as_author() -> None:
    metadata = metadata_of("site_as_author")
    assert names(metadata) == ["Maria Lopez"]
    assert metadata.authors[0].url == "https://news.example/staff/maria-lopez"
    assert metadata.site_name is not None and metadata.site_name.value == "Northgate Daily"


def test_joined_author_list_is_split_and_a_truncated_one_completed() -> None:
    metadata = metadata_of("joined_authors")
    assert names(metadata) == ["Anna Berg", "Tom Falk", "Lee Chan"]
    first = metadata.authors[0]
    assert first.role == "Agriculture correspondent"
    assert first.url == "https://valley.example/people/anna-berg"


def test_dateline_date_is_found_and_sidebar_and_comment_dates_are_not() -> None:
    metadata = metadata_of("sidebar_dates")
    assert metadata.published is not None
    assert metadata.published.value == "2024-03-12T09:30+01:00"
    assert metadata.published.has_timezone
    assert metadata.published.evidence.source == "dateline"
    rejected = {c.value[:10] for c in metadata.published.evidence.rejected}
    assert not rejected & {"2024-03-14", "2024-03-15", "2024-03-19"}


def test_declared_date_wins_over_the_url_date() -> None:
    metadata = metadata_of("url_date")
    assert metadata.published is not None
    assert metadata.published.value == "2024-01-04T23:10:00-05:00"
    assert [c.source for c in metadata.published.evidence.rejected] == ["url"]


def test_time_zone_is_kept_as_printed() -> None:
    metadata = metadata_of("url_date")
    assert metadata.modified is not None
    assert metadata.modified.value == "2024-01-05T08:02:00-05:00"
    assert metadata.modified.precision == "second"


def test_published_and_updated_are_kept_apart() -> None:
    metadata = metadata_of("published_updated")
    assert metadata.published is not None and metadata.modified is not None
    assert metadata.published.value == "2024-05-03T08:00"
    assert metadata.modified.value == "2024-05-05T10:00"
    assert not metadata.published.has_timezone
    assert names(metadata) == ["Lena Hoffmann", "Jonas Weber"]


def test_lead_image_is_the_declared_one_with_its_caption_and_credit() -> None:
    metadata = metadata_of("lead_image")
    lead = metadata.lead_image
    assert lead is not None
    assert lead.url == "https://cdn.coast.example/photos/smoke-over-pier-1200.jpg"
    assert lead.caption == "Smoke hangs over the pier on Sunday afternoon."
    assert lead.credit == "Getty Images"
    assert all("banner" not in (image.url or "") for image in metadata.images)
    assert metadata.images[-1].credit == "Dana Reyes"


def test_json_ld_graph_with_trailing_commas_and_cdata_is_read() -> None:
    metadata = metadata_of("jsonld_graph")
    assert metadata.headline is not None
    assert metadata.headline.evidence.locator == "json-ld[0].@graph[1].headline"
    assert names(metadata) == ["Claire Dubois", "Marc Petit"]
    assert metadata.authors[0].role == "Journaliste"
    assert metadata.section is not None and metadata.section.value == "Transports"
    assert [t.value for t in metadata.topics] == ["tramway", "aéroport", "mobilité"]
    assert metadata.stated_read_time is not None and metadata.stated_read_time.minutes == 4


def test_stated_read_time_and_precise_time_element() -> None:
    metadata = metadata_of("read_time")
    assert metadata.stated_read_time is not None and metadata.stated_read_time.minutes == 2
    assert metadata.published is not None
    assert metadata.published.value == "2023-11-30T18:20:00-05:00"
    assert metadata.headline is not None and metadata.headline.value == "How the night market came back"


def test_empty_page_gives_empty_metadata() -> None:
    metadata = extract_metadata(parse_html("<html><body></body></html>"), None)
    assert metadata.headline is None
    assert metadata.authors == ()
    assert metadata.published is None
