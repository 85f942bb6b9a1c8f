"""Golden test: the seed page (text copied from a browser) gives the record a careful reader expects.

``tests/golden/seed-article.json`` holds the expected values field by field, with the 1-based line
numbers each value is read from. ``NEWSLEDGER_UPDATE_GOLDEN=1`` rewrites it from the current
output instead of comparing; review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsledger import extract
from newsledger.model import Article

FIXTURE = Path(__file__).parent / "fixtures" / "text" / "united24-kolesnikova.txt"
GOLDEN = Path(__file__).parent / "golden" / "seed-article.json"


def project(article: Article) -> dict:
    """The fields the golden file pins, in its shape."""

    def field(value) -> dict | None:  # a TextField
        return {"value": value.value, "lines": list(value.evidence.lines)} if value else None

    not_before = [
        n.split("not before ")[1].split(" ")[0] for n in article.notes if n.startswith("published:")
    ]
    read_time = article.read_time
    image = article.lead_image
    return {
        "input_form": article.input_form,
        "headline": field(article.headline),
        "section": field(article.section),
        "site_name": field(article.site_name),
        "read_time_stated": {"minutes": read_time.stated_minutes, "lines": list(read_time.evidence.lines)}
        if read_time and read_time.stated_minutes
        else None,
        "authors": [
            {"name": a.name, "role": a.role, "lines": list(a.evidence.lines)} for a in article.authors
        ],
        "lead_image": {"caption": image.caption, "credit": image.credit, "lines": list(image.evidence.lines)}
        if image
        else None,
        "published": article.published.value if article.published else None,
        "published_not_before": not_before[0] if not_before else None,
        "body_paragraphs": [b.text for b in article.blocks],
        "body_lines": [list(b.evidence.lines) for b in article.blocks],
        "boilerplate": [
            {"line": b.evidence.lines[0], "text": b.text, "kind": b.kind} for b in article.boilerplate
        ],
    }


@pytest.fixture(scope="module")
def actual() -> dict:
    return project(extract(FIXTURE.read_bytes()))


@pytest.fixture(scope="module")
def expected(actual: dict) -> dict:
    if os.environ.get("NEWSLEDGER_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


SCALAR_FIELDS = [
    "input_form",
    "headline",
    "section",
    "site_name",
    "read_time_stated",
    "authors",
    "lead_image",
    "published",
    "published_not_before",
    "body_lines",
    "boilerplate",
]


@pytest.mark.parametrize("name", SCALAR_FIELDS)
def test_seed_field(name: str, actual: dict, expected: dict) -> None:
    assert actual[name] == expected[name]


def test_seed_body_paragraphs(actual: dict, expected: dict) -> None:
    # Blocks are whitespace-trimmed, as HTML extraction trims them; the expected record keeps one
    # paragraph's trailing space as the page has it.
    assert actual["body_paragraphs"] == [p.strip() for p in expected["body_paragraphs"]]


def test_seed_boilerplate_evidence_matches_the_page() -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    article = extract(FIXTURE.read_bytes())
    for item in article.boilerplate:
        first, last = item.evidence.lines
        assert item.text == "\n".join(line.strip() for line in lines[first - 1 : last] if line.strip())
    for block in article.blocks:
        first, _ = block.evidence.lines
        assert lines[first - 1].strip() == block.text
