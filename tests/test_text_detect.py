"""Telling HTML from copied text, the ``form=`` override, and extraction that never crashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger import extract
from newsledger.errors import InputError
from newsledger.extract.decode import detect_form
from newsledger.extract.text import extract_text

SEED = Path(__file__).parent / "fixtures" / "text" / "united24-kolesnikova.txt"


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "\n  <html lang=en><head><title>x</title></head></html>",
        "<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>",
        "<!-- saved page -->\n<!doctype html>\n<p>x</p>",
        "<!-- one --> <!----><!--\ntwo\n-->\n<HTML>",
        "<body><p>No doctype, no head.</p></body>",
        "<div class='story'><p>A fragment that starts and ends with tags.</p></div>",
        "<p>One</p>\n<p>Two</p>\n<p>Three</p>\n",
    ],
)
def test_markup_is_html(text: str) -> None:
    assert detect_form(text) == "html"


@pytest.mark.parametrize(
    "text",
    [
        SEED.read_text(encoding="utf-8"),
        "Headline\n\nA paragraph that says 3 < 4 and 5 > 2, which is not markup.\n",
        "Web designers wrap paragraphs in <p> tags.\n"
        + "More prose about the craft of writing pages.\n" * 200,
        "Title\nBy Someone\n\n" + "Body text. " * 300,
        "<3 this page\nlove it\n",
        "<!-- a comment that never closes <html>",
        "<!---->" * 20_000 + "not a page start",
    ],
)
def test_copied_text_is_text(text: str) -> None:
    assert detect_form(text) == "text"


def test_form_override_wins_over_detection() -> None:
    markup = "<html><body><p>Plain words inside markup, read as text on request.</p></body></html>"
    assert extract(markup, form="text").input_form == "text"
    assert extract(SEED.read_bytes(), form="auto").input_form == "text"


def test_empty_and_binary_input_raise_input_error() -> None:
    with pytest.raises(InputError, match="empty"):
        extract(b"  \n\n ", form="text", input_name="blank.txt")
    with pytest.raises(InputError, match="binary"):
        extract(b"\x00\x01\x02PNG" * 50, input_name="image.png")


_prose = st.text(
    alphabet=st.characters(blacklist_characters="<>", blacklist_categories=("Cs", "Cc")), max_size=400
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_prose, max_size=30))
def test_text_without_angle_brackets_is_never_html(paragraphs: list[str]) -> None:
    assert detect_form("\n".join(paragraphs)) == "text"


@settings(max_examples=100, deadline=None)
@given(st.lists(_prose, min_size=1, max_size=20))
def test_a_document_is_always_html(paragraphs: list[str]) -> None:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    assert detect_form(f"<!doctype html><html><body>{body}</body></html>") == "html"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_extract_text_never_crashes_and_blocks_index_the_text(text: str) -> None:
    article = extract_text(text)
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text
        first, last = block.evidence.lines
        assert 1 <= first <= last


_line = st.one_of(
    st.sampled_from(
        ["Menu", "Share", "See all", "By Jane Doe", "2 min read", "Photo: AP", "Category", "News", ""]
    ),
    st.text(alphabet="abcdefghij klmnop,.ABCDE", min_size=1, max_size=300),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_line, max_size=60))
def test_page_like_text_never_crashes(lines: list[str]) -> None:
    article = extract_text("\n".join(lines))
    assert article.input_form == "text"


def test_explicit_form_wins_over_the_page_form() -> None:
    from newsledger.extract import extract_page
    from newsledger.model import Page

    page = Page(
        content=b"<html><body><p>Words in markup read as text on request.</p></body></html>", form="html"
    )
    assert extract_page(page, form="text").input_form == "text"
    assert extract_page(page).input_form == "html"
    assert extract_page(Page(content=SEED.read_bytes())).input_form == "text"


def test_cli_form_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import json

    from newsledger.cli import main

    assert main(["extract", str(SEED)]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert record["input_form"] == "text"
    assert record["headline"]["value"].startswith("Freed Belarusian Opposition Figure")
    markup = tmp_path / "page.html"
    markup.write_text("<html><body><p>Plain words inside markup, read as text on request.</p></body></html>")
    assert main(["extract", "--form", "text", str(markup)]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["input_form"] == "text"


@settings(max_examples=150, deadline=None)
@given(st.lists(_line, max_size=50))
def test_every_non_blank_line_is_accounted_for(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = extract_text(text)
    spans = [b.evidence.lines for b in (*article.blocks, *article.boilerplate)]
    fields = [article.headline, article.section, article.site_name, article.subheadline, article.lead_image]
    fields += [article.published, article.modified, *article.authors, *article.images]
    spans += [f.evidence.lines for f in fields if f is not None and f.evidence.lines]
    if article.read_time and article.read_time.evidence and article.read_time.evidence.lines:
        spans.append(article.read_time.evidence.lines)
    covered = {n for first, last in spans for n in range(first, last + 1)}
    wanted = {n for n, line in enumerate(text.split("\n"), start=1) if line.strip()}
    assert wanted <= covered
