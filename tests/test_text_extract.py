"""Copied-text extraction on pages written for these tests: a blog, a live blog, a German news
page and a text-mode browser dump. Each pins what must be in the body, what must be set aside,
and the metadata read from the lines around the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger import extract
from newsledger.extract.text import extract_text
from newsledger.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def read(name: str) -> Article:
    return extract((FIXTURES / name).read_bytes(), form="text")


def boilerplate_kinds(article: Article) -> dict[str, str]:
    return {item.text: item.kind for item in article.boilerplate}


def test_blog_copy() -> None:
    article = read("blog-copy.txt")
    assert article.input_form == "text"
    assert article.headline.value == "Why My Tomatoes Split After the Rain, and What I Do Now"
    assert [a.name for a in article.authors] == ["Alice Marsh"]
    assert article.published.value == "2025-03-03"
    assert article.read_time.stated_minutes == 4
    assert article.site_name.value == "Marsh Garden Notes"
    assert article.text.startswith("Every July the same thing happens")
    assert article.text.endswith("the split ones still went into sauce.")
    assert len(article.blocks) == 5
    assert "Photo: Alice Marsh" not in article.text
    kinds = boilerplate_kinds(article)
    assert kinds["Related posts"] == "related_links"
    assert kinds["Leave a comment"] == "comments"
    assert kinds["Sign up for my newsletter and get new posts in your inbox."] == "newsletter"
    assert kinds["© 2025 Marsh Garden Notes. All rights reserved."] == "footer"


def test_live_blog_copy_keeps_every_entry_and_its_time() -> None:
    article = read("liveblog-copy.txt")
    assert article.headline.value == "Harbour bridge closed after storm damage: updates through the day"
    assert article.modified.value == "2025-11-14T16:40"
    for start in (
        "The city engineer",
        "Ferries are running",
        "A council spokesperson",
        "Wind speeds",
        "Police asked",
    ):
        assert start in article.text
    assert "13:45" in article.text
    assert "Storm leaves thousands without power" not in article.text
    assert boilerplate_kinds(article)["Advertisement"] == "advertisement"


def test_german_copy_reads_labels_in_german() -> None:
    article = read("german-copy.txt")
    assert article.headline.value == "Bäckereien im Umland kämpfen mit hohen Energiekosten"
    assert article.section.value == "Wirtschaft"
    assert [(a.name, a.role) for a in article.authors] == [("Jonas Weber", "Redakteur")]
    assert article.authors[0].evidence.lines == (13, 15)
    assert article.published.value == "2025-02-12"
    assert article.read_time.stated_minutes == 3
    assert len(article.blocks) == 4
    kinds = boilerplate_kinds(article)
    assert kinds["Jetzt spenden und unabhängigen Journalismus unterstützen!"] == "donation_appeal"
    assert kinds["Foto von Jonas Weber"] == "image_alt"
    assert kinds["Kategorie"] == "label"


def test_text_mode_dump_is_unwrapped() -> None:
    article = read("wrapped-dump.txt")
    assert article.headline.value == "Council approves new cycle lanes on the ring road"
    assert [a.name for a in article.authors] == ["Priya Nair"]
    assert [b.evidence.lines for b in article.blocks] == [(7, 9), (11, 13), (15, 16)]
    assert article.blocks[0].text.startswith(
        "The city council voted on Tuesday evening to build protected cycle lanes along"
    )
    assert "\n" not in article.blocks[0].text


def test_every_line_is_accounted_for() -> None:
    """Each non-blank input line is in a block, in a metadata field's evidence, or set aside."""
    for path in FIXTURES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        article = extract_text(text)
        covered: set[int] = set()
        spans = [b.evidence.lines for b in article.blocks] + [b.evidence.lines for b in article.boilerplate]
        fields = [
            article.headline,
            article.section,
            article.site_name,
            article.subheadline,
            article.lead_image,
        ]
        fields += [article.published, article.modified, *article.authors]
        spans += [f.evidence.lines for f in fields if f is not None]
        if article.read_time and article.read_time.evidence and article.read_time.evidence.lines:
            spans.append(article.read_time.evidence.lines)
        for first, last in spans:
            covered.update(range(first, last + 1))
        wanted = {n for n, line in enumerate(text.splitlines(), start=1) if line.strip()}
        assert wanted <= covered, (path.name, sorted(wanted - covered))


def test_block_offsets_index_the_text() -> None:
    article = read("blog-copy.txt")
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text


@pytest.mark.parametrize("text", ["x", "Menu\nHome\n", "One short line without an article."])
def test_pages_without_an_article_give_an_empty_body(text: str) -> None:
    article = extract_text(text)
    assert article.blocks == ()
    assert article.text == ""


def test_bullets_and_numbers_make_list_blocks() -> None:
    text = (
        "How to Store Winter Squash\n\n"
        "By Dana Field\n\n"
        "Squash keeps for months if it is cured first and then kept somewhere cool, dry and dark.\n\n"
        "1. Cure the squash in a warm room for ten days.\n"
        "2. Wipe each one with a cloth dipped in diluted vinegar.\n"
        "3. Store them on a shelf so that they do not touch.\n\n"
        "Check them every few weeks and use any that show a soft spot first, before it spreads.\n"
    )
    article = extract_text(text)
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["paragraph", "list", "paragraph"]
    listing = article.blocks[1]
    assert listing.ordered
    assert listing.items[0] == "Cure the squash in a warm room for ten days."
    assert listing.evidence.lines == (7, 9)
    assert article.text[listing.start : listing.end] == listing.text


def test_line_numbers_follow_line_feeds_whatever_the_line_ends() -> None:
    seed = (FIXTURES / "united24-kolesnikova.txt").read_text(encoding="utf-8")
    expected = [b.evidence.lines for b in extract_text(seed).blocks]
    assert [b.evidence.lines for b in extract_text(seed.replace("\n", "\r\n")).blocks] == expected
    assert [b.evidence.lines for b in extract_text(seed.replace("\n", "\r")).blocks] == expected
    with_separator = seed.replace("Belarus’s isolation", "Belarus’s\u2028isolation", 1)
    assert [b.evidence.lines for b in extract_text(with_separator).blocks] == expected
