"""The dateline and byline boxes found in one walk are those each reader's own walk finds."""

from __future__ import annotations

import pytest

from newsledger.extract.dom import parse_html, with_class_parts
from newsledger.extract.metadata import boxes
from newsledger.extract.metadata.authorship import _byline_elements
from newsledger.extract.metadata.signals import read_signals

PAGES = {
    "class words in any case": """<html><body>
<div class="post-meta Info"><span class="date dateline">May 2</span><span class="DATE">x</span></div>
<address class="byline">Ana Ruiz</address><a rel="AUTHOR" class="Author-link">Ana</a>
<span itemprop="author" class="autor writer">Ana</span><p class="metadata-info">x</p>
<svg><g class="meta"></g></svg><div class="UPDATE"><b class="username">jdoe</b></div>
<span class="Autor person-link meta-info">x</span><i rel="author">x</i><p>plain</p>
<time itemprop="datePublished" class="byline">May 2</time><span itemprop="DatePublished">May 5</span>
</body></html>""",
    # lexbor folds the case of ASCII letters only: a Kelvin sign is no "k", a dotted capital I no "i".
    "letters that fold to ASCII outside it": (
        '<div class="\u212aperson-link">a</div><div class="PERSON-LINK">b</div><p class="\u0130nfo">c</p>'
        '<p class="INFO">d</p><a rel="\u212author">e</a><a rel=" author">f</a><a rel="Author">g</a>'
    ),
    "no boxes": "<p>plain</p>",
}


def _pairs(found) -> list[tuple[int, int]]:
    return [(node.mem_id, count) for node, count in found]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_one_walk_finds_what_two_find(name: str) -> None:
    tree = parse_html(PAGES[name])
    datelines, bylines = boxes.datelines_and_bylines(tree)
    assert _pairs(datelines) == _pairs(
        with_class_parts(tree, boxes.DATELINE_CLASS_PARTS, boxes.DATELINE_OTHERS)
    )
    assert _pairs(bylines) == _pairs(with_class_parts(tree, boxes.BYLINE_CLASS_PARTS, boxes.BYLINE_OTHERS))


def test_the_byline_walk_leaves_the_datelines_when_the_dates_will_read_them() -> None:
    tree = parse_html(PAGES["class words in any case"])
    signals = read_signals(tree)
    assert [n.mem_id for n in _byline_elements(tree, signals)] == [n.mem_id for n in _byline_elements(tree)]
    assert signals.datelines is not None
    assert _pairs(signals.datelines) == _pairs(
        with_class_parts(tree, boxes.DATELINE_CLASS_PARTS, boxes.DATELINE_OTHERS)
    )


def test_no_dateline_walk_when_the_declared_date_is_enough() -> None:
    tree = parse_html(
        '<html><head><meta property="article:published_time" content="2024-05-02T10:00:00+02:00">'
        '</head><body><span class="byline">Ana Ruiz</span></body></html>'
    )
    signals = read_signals(tree)
    _byline_elements(tree, signals)
    assert signals.datelines is None
