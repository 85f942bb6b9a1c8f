"""The body walk's reading of paragraphs (whole, or node by node) and of images."""

from __future__ import annotations

from newsledger.extract.content.walk import segment_tree
from newsledger.extract.dom import drop_non_text, parse_html


def _segments(body: str):
    tree = parse_html(f"<html><body>{body}</body></html>")
    drop_non_text(tree)
    return segment_tree(tree.body)


def test_a_paragraph_with_links_counts_their_characters() -> None:
    (segment,) = _segments(
        '<p>The council met on <a href="/a">Tuesday</a> and <em>voted</em> on the <a href="/b">budget</a>.</p>'
    )
    assert segment.kind == "p"
    assert segment.text == "The council met on Tuesday and voted on the budget."
    assert segment.link_chars == len("Tuesday") + len("budget")


def test_a_paragraph_with_a_line_break_keeps_it() -> None:
    (segment,) = _segments("<p>First line of the poem<br>second line of the poem</p>")
    assert segment.text == "First line of the poem\nsecond line of the poem"


def test_hidden_text_inside_a_paragraph_is_set_aside() -> None:
    segments = _segments(
        "<p>The mayor <span hidden>(opens a dialog)</span>spoke at length about the new bridge.</p>"
    )
    assert [(s.kind, s.text) for s in segments] == [
        ("aside", "(opens a dialog)"),
        ("p", "The mayor spoke at length about the new bridge."),
    ]


def test_a_styled_element_inside_a_paragraph_is_read_node_by_node() -> None:
    segments = _segments(
        '<p>Prices rose <span style="display:none">Advertisement</span>for the third month.</p>'
    )
    assert [(s.kind, s.text) for s in segments] == [
        ("aside", "Advertisement"),
        ("p", "Prices rose for the third month."),
    ]


def test_an_image_marks_its_figure_only() -> None:
    segments = _segments(
        '<div><img src="/loose.jpg" alt="Loose">Text beside a loose picture.</div>'
        '<figure><img src="/kept.jpg" alt="Kept"><figcaption>The bridge at dusk.</figcaption></figure>'
    )
    figures = [s for s in segments if s.kind == "figure"]
    assert len(figures) == 1
    assert figures[0].path[-1].image == ("/kept.jpg", "Kept")
    assert all(frame.image is None for s in segments for frame in s.path if frame.tag != "figure")
