"""The dateline and byline boxes of a page, found in one walk when both are read.

Each reader finds its boxes with ``dom.with_class_parts``: a walk of the tree testing each element
against its selectors. A walk costs lexbor a step per element besides its tests, and the two
readers share class words ("byline", and "meta" finds every "meta-info"), so a page whose
declarations name neither its date nor its author is walked once for both; each reader gets what
its own walk would find, in document order with the same counts.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsledger.extract.dom import tag_ids

# Class words of dateline boxes; a box is read once for each it holds.
DATELINE_CLASS_PARTS = ("date", "Date", "dateline", "byline", "meta", "info", "Meta", "Info")
DATELINE_OTHERS = 'time, [itemprop="datePublished"], [itemprop="dateModified"]'
BYLINE_CLASS_PARTS = (
    "byline", "Byline", "author", "Author", "autor", "Autor", "writer", "person-link", "meta-info", "username",
)  # fmt: skip
BYLINE_OTHERS = '[rel="author"], [itemprop="author"], address'

Found = list[tuple[LexborNode, int]]

# lexbor compares ``[class*="word" i]`` without the case of ASCII letters only.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_DATELINE_WORDS = tuple({part.lower() for part in DATELINE_CLASS_PARTS})
_BYLINE_WORDS = tuple({part.lower() for part in BYLINE_CLASS_PARTS})
_IDS = tag_ids("time", "address")


def _fewest_words(words: set[str]) -> list[str]:
    """The words a selector tests: a word that holds a shorter one is found by it."""
    kept: list[str] = []
    for word in sorted(words, key=len):
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return kept


_BOTH = ":is({}, {}, {})".format(
    DATELINE_OTHERS,
    BYLINE_OTHERS,
    ", ".join(f'[class*="{word}" i]' for word in _fewest_words({*_DATELINE_WORDS, *_BYLINE_WORDS})),
)


def datelines_and_bylines(tree: LexborHTMLParser) -> tuple[Found, Found]:
    """What ``with_class_parts(tree, DATELINE_CLASS_PARTS, DATELINE_OTHERS)`` and
    ``with_class_parts(tree, BYLINE_CLASS_PARTS, BYLINE_OTHERS)`` find, from one walk."""
    datelines: Found = []
    bylines: Found = []
    for node in tree.css(_BOTH):
        attrs = node.attributes
        value = attrs.get("class") or ""
        lowered = value.translate(_ASCII_LOWER)
        itemprop = attrs.get("itemprop")
        tag_id = node.tag_id
        if (
            tag_id == _IDS["time"]
            or itemprop in ("datePublished", "dateModified")
            or any(word in lowered for word in _DATELINE_WORDS)
        ):
            datelines.append((node, sum(part in value for part in DATELINE_CLASS_PARTS)))
        if (
            # HTML compares a ``rel`` without case.
            (attrs.get("rel") or "").lower() == "author"
            or itemprop == "author"
            or tag_id == _IDS["address"]
            or any(word in lowered for word in _BYLINE_WORDS)
        ):
            bylines.append((node, sum(part in value for part in BYLINE_CLASS_PARTS)))
    return datelines, bylines
