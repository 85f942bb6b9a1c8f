"""No input crashes the extractor: every page gives an Article or a typed error, in bounded time."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger import extract
from newsledger.errors import NewsledgerError
from newsledger.model import Article

# CPU seconds one page may take; generous, far below a hang.
PAGE_SECONDS = 5.0

TAGS = [
    "div",
    "p",
    "span",
    "a",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "h2",
    "article",
    "section",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "br",
    "script",
    "style",
    "nav",
    "aside",
    "pre",
    "b",
]
ATTRIBUTES = [
    "",
    ' class="share"',
    ' class="article-body"',
    ' id="comments"',
    " hidden",
    ' style="display:none"',
    ' class="newsletter signup"',
    ' aria-hidden="true"',
    ' class="x"y"',
]


def outcome(data: bytes | str, form: str = "auto") -> Article | NewsledgerError:
    # CPU time: on a machine shared with other work, wall time measures the others too.
    started = time.process_time()
    try:
        result: Article | NewsledgerError = extract(data, form=form)  # type: ignore[arg-type]
    except NewsledgerError as err:
        result = err
    elapsed = time.process_time() - started
    assert elapsed < PAGE_SECONDS, f"one page took {elapsed:.1f}s of CPU"
    if isinstance(result, Article):
        assert isinstance(result.text, str)
        for block in result.blocks:
            assert result.text[block.start : block.end] == block.text
    else:
        assert str(result) and "\n" not in str(result)
    return result


fragment = st.one_of(
    st.builds(lambda tag, attr: f"<{tag}{attr}>", st.sampled_from(TAGS), st.sampled_from(ATTRIBUTES)),
    st.builds(lambda tag: f"</{tag}>", st.sampled_from(TAGS)),
    st.text(max_size=80),
    st.sampled_from(
        ["<!--", "-->", "<![CDATA[", "<!doctype html>", "&amp;", "&#x0;", "&nbsp;", "<", ">", "\x00"]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    outcome(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fragment, max_size=120))
def test_mangled_html(fragments: list[str]) -> None:
    outcome("<html><body>" + "".join(fragments), form="html")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(fragment, max_size=60), st.sampled_from(["utf-8", "latin-1", "cp1251", "shift_jis", "utf-16"])
)
def test_wrong_or_missing_charset(fragments: list[str], codec: str) -> None:
    html = "<html><head><meta charset=utf-8></head><body><p>Zürich – Київ – 東京 " + "".join(fragments)
    outcome(html.encode(codec, errors="replace"))


@pytest.mark.parametrize("depth", [10_000])
@pytest.mark.parametrize("tag", ["div", "span", "li", "blockquote", "td"])
def test_deep_nesting(tag: str, depth: int) -> None:
    page = "<html><body>" + f"<{tag}>" * depth + "deep text in a very deep page" + f"</{tag}>" * depth
    result = outcome(page.encode())
    assert isinstance(result, Article)
    assert "deep text" in result.text or any("deep text" in b.text for b in result.boilerplate)


@pytest.mark.parametrize(
    "opening",
    [
        "<div>word ",
        "<div><p>a sentence long enough to read as prose, with a comma.</p>",
        "<ul><li>item ",
        "<table><tr><td>cell ",
        "<blockquote>quote ",
        "<a href=x>link ",
    ],
)
def test_text_at_every_level_of_deep_nesting(opening: str) -> None:
    result = outcome(("<html><body>" + opening * 5000).encode())
    assert isinstance(result, Article)
    kept = result.text + "".join(item.text for item in result.boilerplate)
    assert len(kept) > 5000


@pytest.mark.parametrize(
    "page",
    [
        '<div class="sidebar">' * 5000 + ("<p>" + "word " * 100 + "</p>") * 4000,
        ('<div class="share"><a href=#>x</a> share</div><p>a paragraph, long enough to be prose here.</p>')
        * 10000,
        '<div class="comments">' * 300 + ("<p>" + "word, " * 100 + "</p>") * 2000,
    ],
    ids=["nested-flagged-boxes", "many-flagged-boxes", "nested-comment-boxes"],
)
def test_pathological_boxes(page: str) -> None:
    assert isinstance(outcome(("<html><body>" + page).encode()), Article)


def test_unclosed_tags_keep_the_text() -> None:
    page = "<html><body><article><p>First paragraph of the story, long enough to count as prose<p>Second one<div><ul><li>item"
    result = outcome(page)
    assert isinstance(result, Article)
    assert "First paragraph of the story" in result.text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        b"PK\x03\x04" + b"\x00\x01\x02" * 500,
        b"",
        b"   \n\t ",
        "<html><body><p>caf\xe9 cr\xe8me</p></body></html>".encode("latin-1"),
        b"\xef\xbb\xbf<html><body><p>with a byte order mark</p></body></html>",
        "<p>ok</p>".encode("utf-16"),
    ],
)
def test_binary_and_odd_encodings(data: bytes) -> None:
    outcome(data)


def test_binary_is_a_typed_error() -> None:
    assert isinstance(outcome(b"\x00\x01\x02\x03" * 1000), NewsledgerError)


@pytest.mark.slow
def test_fifty_megabyte_page() -> None:
    paragraph = "<p>" + "A sentence of an enormous page, repeated. " * 20 + "</p>\n"
    page = (
        "<html><body><article>"
        + paragraph * (50 * 1024 * 1024 // len(paragraph) + 1)
        + "</article></body></html>"
    ).encode()
    assert len(page) >= 50 * 1024 * 1024
    result = outcome(page)
    assert isinstance(result, Article)
    assert result.text.startswith("A sentence of an enormous page")
    assert any("cut to its first" in note for note in result.notes)
