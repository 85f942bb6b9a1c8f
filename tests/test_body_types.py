"""The body follows the page type: rules that wait for the type read before the body.

The pages are written for these tests (``tests/fixtures/body/``); each rule is checked both
ways, so that a page of another type keeps its old reading.
"""

from __future__ import annotations

from pathlib import Path

from newsledger.extract.content.select import choose_container, prose_chars, widen
from newsledger.extract.content.walk import segment_tree
from newsledger.extract.dom import drop_non_text, parse_html

PAGES = Path(__file__).resolve().parent / "fixtures" / "body"


def _container_text(name: str, *, thread: bool) -> str:
    tree = parse_html((PAGES / name).read_bytes())
    drop_non_text(tree)
    segments = segment_tree(tree.body)
    prose = [prose_chars(segment) for segment in segments]
    container = choose_container(segments, prose, thread=thread)
    assert container is not None
    container = widen(segments, container)
    return "\n".join(s.text for s in segments if container in s.path)


def test_forum_thread_keeps_the_replies() -> None:
    text = _container_text("forum-replies.html", thread=True)
    assert "We have never been to the fens." in text
    assert "Plan it yourselves." in text
    assert "We have booked two nights in Ely" in text
    assert "Board rules" not in text


def test_the_same_shape_on_another_page_keeps_comments_out() -> None:
    text = _container_text("forum-replies.html", thread=False)
    assert "We have never been to the fens." in text
    assert "Plan it yourselves." not in text
