"""Elements found by the words their class holds: what a selector list finds, read in one walk."""

from __future__ import annotations

from newsledger.extract.dom import parse_html, with_class_parts
from newsledger.extract.metadata.authorship import _byline_elements
from newsledger.extract.metadata.dating import _DATELINE_CLASS_PARTS, _date_marks

PAGE = """<html><body>
<div class="post-meta Info"><span class="date dateline">May 2</span><span class="DATE">x</span></div>
<address class="byline">Ana Ruiz</address><a rel="AUTHOR" class="Author-link">Ana</a>
<span itemprop="author" class="autor writer">Ana</span><p class="metadata-info">x</p>
<svg><g class="meta"></g></svg><div class="UPDATE"><b class="username">jdoe</b></div>
<span class="Autor person-link meta-info">x</span><i rel="author">x</i><p>plain</p>
</body></html>"""


def _ids(nodes) -> list[int]:
    return [node.mem_id for node in nodes]


def test_each_element_comes_once_per_class_part_it_holds() -> None:
    tree = parse_html(PAGE)
    parts = ("date", "Date", "dateline", "byline", "meta", "info", "Meta", "Info")
    listed = tree.css(", ".join(f'[class*="{part}"]' for part in parts))
    found = [node for node, count in with_class_parts(tree, parts) for _ in range(count)]
    assert _ids(found) == _ids(listed)
    assert len(found) > len({node.mem_id for node in found})  # some elements hold two parts


def test_byline_elements_are_what_the_selector_list_finds() -> None:
    tree = parse_html(PAGE)
    listed = tree.css(
        '[rel="author"], [itemprop="author"], [class*="byline"], [class*="Byline"], [class*="author"], '
        '[class*="Author"], [class*="autor"], [class*="Autor"], [class*="writer"], [class*="person-link"], '
        '[class*="meta-info"], [class*="username"], address'
    )
    assert _ids(_byline_elements(tree)) == _ids(listed)


def test_dated_elements_come_once_per_mark_as_the_selector_list_finds_them() -> None:
    tree = parse_html(
        '<html><body><time itemprop="datePublished" class="date">May 2</time>'
        '<span itemprop="dateModified">May 3</span><time>May 4</time><p class="meta">x</p>'
        '<span itemprop="DatePublished">May 5</span></body></html>'
    )
    others = 'time, [itemprop="datePublished"], [itemprop="dateModified"]'
    found = with_class_parts(tree, _DATELINE_CLASS_PARTS, others)
    assert _ids(node for node, _ in found for _ in range(_date_marks(node))) == _ids(tree.css(others))
