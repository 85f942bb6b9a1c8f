"""Bylines printed without byline markup: a labelled line ("Author: Jane Doe") or a bold line
of names alone at the start or end of the text.

Read only when nothing else names a person, so both ask for what a person's name looks like.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsledger.extract.dom import tag_ids
from newsledger.extract.metadata.people import PersonName, looks_like_person, split_byline, word_set
from newsledger.extract.metadata.signals import clean_text

# A label naming who wrote the article, in the languages bylines are printed in.
_LABEL = re.compile(
    r"^(?:autor(?:in)?(?:\s*/\s*autor(?:in)?)?|autoren|authors?|auteurs?|autore|autores|"
    r"text|texte|texto|tekst|written\s+by|by|von|par|por|af|av|door|skrevet\s+av|escrito\s+por)\s*:?$",
    re.IGNORECASE,
)
_LABEL_TAGS = "strong, b, dt, th"
# How far from the start or end of its text a bold line of names may sit.
_FIRST, _LAST = 4, 2
# Bold runs looked at: enough for any byline, bounded on pages that bold every other phrase.
_MAX_BOLD = 40
# A label ("By", "Author:") is a word or two, in a node or a few nested ones.
_MAX_LABEL_NODES = 32
# A byline line of at most 120 characters: a parent holding more nodes is not one.
_MAX_LINE_NODES = 120
# Bold, term and header cells read as labels: the most of 1,936 benchmark pages holds 624. A parser
# clones bold elements left open into every block after them, so a broken page can hold hundreds
# of thousands.
_MAX_LABELS = 5000


Keep = Callable[[LexborNode], bool]


def printed_byline(tree: LexborHTMLParser, keep: Keep) -> tuple[list[PersonName], str, str]:
    """The people of a labelled or bold byline, the raw text and a locator; empty when none.

    ``keep`` says whether a node is in the article (not a sidebar, footer or caption)."""
    # One walk finds the labels and the bold runs among them.
    labels = tree.css(_LABEL_TAGS)[:_MAX_LABELS]
    for found in (_labelled(labels, keep), _bold_line(labels, keep)):
        if found[0]:
            return found
    return [], "", ""


def _labelled(labels: list[LexborNode], keep: Keep) -> tuple[list[PersonName], str, str]:
    texts = _small_label_texts(labels)
    lines: dict[int, str] = {}
    for label in labels:
        label_text = texts.get(label.mem_id, "")
        if not label_text or len(label_text) > 25 or not _LABEL.match(label_text) or not keep(label):
            continue
        raw = _after_label(label, label_text, lines)
        people = _people_only(raw)
        if people:
            return people, raw, f"{label.tag}+text"
    return [], "", ""


def _small_label_texts(labels: list[LexborNode]) -> dict[int, str]:
    """The text of each label that holds at most ``_MAX_LABEL_NODES`` nodes, by ``mem_id``.

    Reading every label's whole text costs its subtree, which is quadratic for labels nested in
    labels (``<b><b><b>…``). Innermost first, a label that holds a label already found too large
    is itself known too large at once.
    """
    too_large: set[int] = set()
    texts: dict[int, str] = {}
    for label in reversed(labels):
        key = label.mem_id
        if _holds_few_nodes(label, too_large):
            texts[key] = clean_text(label.text())
        else:
            too_large.add(key)
    return texts


def _holds_few_nodes(node: LexborNode, too_large: set[int], limit: int = _MAX_LABEL_NODES) -> bool:
    for count, inner in enumerate(node.traverse(include_text=True)):
        if count > limit or (count and inner.mem_id in too_large):
            return False
    return True


def _after_label(label: LexborNode, label_text: str, lines: dict[int, str]) -> str:
    """The text the label introduces: the rest of its line, or the cell or item beside it.

    ``lines`` keeps each parent's text once: many labels in one large parent (or labels in
    nested parents, each holding the next) would otherwise read it again and again."""
    if label.tag in ("dt", "th"):
        following = label.next
        while following is not None and following.tag not in ("dd", "td"):
            following = following.next
        return clean_text(following.text()) if following is not None else ""
    parent = label.parent
    if parent is None:
        return ""
    key = parent.mem_id
    if key not in lines:
        lines[key] = clean_text(parent.text()) if _holds_few_nodes(parent, set(), _MAX_LINE_NODES) else ""
    line = lines[key]
    return line[len(label_text) :].strip(" :") if line.startswith(label_text) and len(line) <= 120 else ""


def _bold_line(labels: list[LexborNode], keep: Keep) -> tuple[list[PersonName], str, str]:
    """A paragraph whose whole text is a ``<strong>`` or ``<b>`` child of it naming people."""
    orders: dict[int, dict[int, int]] = {}
    bolds = (label for label in labels if label.tag in ("strong", "b") and _in_paragraph(label))
    for index, bold in enumerate(bolds):
        if index >= _MAX_BOLD:
            break
        paragraph = bold.parent
        if paragraph is None:
            continue
        text = clean_text(paragraph.text())
        if not text or len(text) > 80 or text != clean_text(bold.text()) or not _near_an_end(paragraph, orders):
            continue
        people = _people_only(text)
        if people and all(_capitalised(p.name) for p in people) and keep(paragraph):
            return people, text, "p>strong"
    return [], "", ""


# Lowercase words a name holds ("Ana de la Cruz", "Jan van Dijk").
_NAME_PARTICLES = word_set("de da di do dos das del della der den van von la le du bin ibn al el ter ten zu af")


def _capitalised(name: str) -> bool:
    """Every word of ``name`` starts with a capital, but a name's particles: a bold line with
    other lowercase words is a lead-in ("Up to", "For drivers"), not a byline."""
    return all(not word[:1].islower() or word in _NAME_PARTICLES for word in name.split())


_P_ID = tag_ids("p")["p"]


def _in_paragraph(node: LexborNode) -> bool:
    parent = node.parent
    return parent is not None and parent.tag_id == _P_ID


def _near_an_end(paragraph: LexborNode, orders: dict[int, dict[int, int]]) -> bool:
    """Among the first or last paragraphs of a text of several. ``orders`` keeps, for each parent
    read, the place of each of its printed paragraphs, so that a parent is read once."""
    parent = paragraph.parent
    if parent is None:
        return False
    if parent.mem_id not in orders:
        printed = [p.mem_id for p in parent.iter() if p.tag == "p" and clean_text(p.text())]
        orders[parent.mem_id] = {key: place for place, key in enumerate(printed)}
    places = orders[parent.mem_id]
    if len(places) < 3:
        return False
    place = places.get(paragraph.mem_id)
    return place is not None and (place < _FIRST or place >= len(places) - _LAST)


def _people_only(raw: str) -> list[PersonName]:
    """The people of ``raw`` when everything named in it reads as a person's full name."""
    if not raw or raw.endswith(":") or len(raw) > 100:
        return []
    people = split_byline(raw)
    return people if people and all(looks_like_person(p.name) for p in people) else []
