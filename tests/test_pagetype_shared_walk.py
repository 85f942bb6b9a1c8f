"""The page type read from the walk that read the signals (``read_signals(also=LOOKED_AT)``)
is the page type read from a walk of its own, and so are the signals."""

from __future__ import annotations

import pytest

from newsledger.extract.dom import parse_html
from newsledger.extract.metadata.signals import read_signals
from newsledger.extract.pagetype import LOOKED_AT, read_traits

PAGES = {
    "marks in the head and on the root": (
        '<html itemscope itemtype="https://schema.org/WebPage" class="post">'
        '<head><meta itemprop="price" content="12"><meta property="og:type" content="product">'
        '<script type="application/LD+JSON" class="post">{"@type": "Product"}</script>'
        '<script type="json+ld ld+json">{"@type": "Offer"}</script></head>'
        '<body class="post-template btn"><h1 class="cart-title">Kettle</h1>'
        '<figure class="answer"><img src="k.jpg"></figure><figure id="main-post"></figure><span itemprop="price">12</span>'
        '<div itemtype></div><div class></div><svg><time class="post">1</time></svg>'
        '<a class="btn" href="/buy">Add to cart</a><button>Reply</button>'
        f"<div><p>{'A kettle that boils water quickly and quietly. ' * 3}</p></div>"
        "<article><h2><a href='/a'>A</a></h2><time>May 1</time></article></body></html>"
    ),
    "a frameset": '<html><frameset><frame src="a.html"></frameset><noframes class="post">x</noframes></html>',
    "elements after the body": "<html><body><p class='reply'>x</p></body></html><div class='post'>y</div>",
    "no markup": "only text",
    "nothing": "",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_shared_walk_reads_what_separate_walks_read(name: str) -> None:
    tree = parse_html(PAGES[name])
    alone = read_signals(tree)
    shared = read_signals(tree, also=LOOKED_AT)
    for field in ("meta", "objects", "articles", "title", "lang", "canonical"):
        assert getattr(shared, field) == getattr(alone, field)
    for field in ("figures", "headings"):
        assert [n.mem_id for n in getattr(shared, field)] == [n.mem_id for n in getattr(alone, field)]
    assert (shared.h1 and shared.h1.mem_id) == (alone.h1 and alone.h1.mem_id)
    assert read_traits(tree, shared, headline=None, dated=True, authored=False) == read_traits(
        tree, alone, headline=None, dated=True, authored=False
    )


def test_scripts_are_read_once_for_each_spelling_of_their_type() -> None:
    tree = parse_html(PAGES["marks in the head and on the root"])
    assert len(read_signals(tree, also=LOOKED_AT).objects) == len(read_signals(tree).objects) == 3
