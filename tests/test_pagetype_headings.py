"""Headings read for the page type: linked (an item of a list) or anchored (a manual's section),
however many elements a heading holds before its link."""

from __future__ import annotations

from newsledger.extract.dom import parse_html
from newsledger.extract.metadata.signals import read_signals
from newsledger.extract.pagetype import read_traits


def _traits(body: str):
    tree = parse_html(f"<html><head><title>Moorings</title></head><body>{body}</body></html>")
    return read_traits(tree, read_signals(tree), headline=None, dated=False, authored=False)


def test_a_link_deep_in_a_heading_makes_it_linked() -> None:
    words = "".join(f"<span>word {n}</span>" for n in range(40))
    traits = _traits(
        '<h2><a href="/harbour">The harbour</a></h2>'
        f'<h3>{words}<a href="/pontoon">The pontoon</a></h3>'
        f'<h3>{words}<a href="#tides">Tides</a></h3>'
        f"<h4>{words}</h4>"
        '<h2><a name="slipway">The slipway</a></h2>'
        '<a href="/moorings"><h4>Moorings</h4></a>'
    )
    assert traits.headings == 6
    assert traits.linked_headings == 3
    assert traits.anchored_headings == 1


def test_the_first_link_of_a_heading_decides_its_kind() -> None:
    words = "".join(f"<b>step {n}</b>" for n in range(30))
    traits = _traits(
        f'<h2><span>{words}</span><a href="#one">1</a><a href="/two">2</a></h2>'
        '<h2><a href="/three">3</a><a href="#four">4</a></h2>'
    )
    assert traits.anchored_headings == 1
    assert traits.linked_headings == 1
