"""Everything a page declares about itself, read once from the untouched tree.

Meta tags (OpenGraph, Twitter cards, Dublin Core, plain names), JSON-LD, the ``<title>``, the
main ``<h1>``, the document language and the canonical link. Each value keeps its locator so that
a chosen field can say where it came from.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsledger.caching import short_key_cache
from newsledger.extract.dom import tag_ids
from newsledger.extract.hygiene import url_host
from newsledger.extract.metadata import jsonld
from newsledger.model import EvidenceSource

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Found:
    """One value found on the page, with where it was found."""

    value: str
    source: EvidenceSource
    locator: str


@dataclass(slots=True)
class Signals:
    meta: dict[str, list[Found]] = field(default_factory=dict)
    article: dict[str, Any] | None = None
    article_locator: str = ""
    page_object: dict[str, Any] | None = None
    page_locator: str = ""
    objects: list[jsonld.LinkedObject] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    figures: list[LexborNode] = field(default_factory=list)
    title: str | None = None
    h1: LexborNode | None = None
    headings: list[LexborNode] = field(default_factory=list)
    articles: int = 0
    lang: str | None = None
    canonical: str | None = None
    # What the walk for the declarations found for a later reader (``read_signals(also=)``): every
    # element it found, in document order, and where the body starts among them (None: not walked).
    walked: list[LexborNode] | None = None
    walked_tag_ids: list[int] = field(default_factory=list)
    body_at: int | None = None
    # The dateline boxes, with the count of their class parts, when the walk for the byline found
    # them too (``boxes.datelines_and_bylines``); None: not found yet.
    datelines: list[tuple[LexborNode, int]] | None = None
    notes: list[str] = field(default_factory=list)  # what was left unread, for Article.notes

    def resolve(self, value: Any) -> Any:
        """A JSON-LD reference (``{"@id": ...}`` alone) replaced by the object it names."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
            return self.by_id.get(value["@id"], value)
        return value

    def first(self, *keys: str) -> Found | None:
        for key in keys:
            for found in self.meta.get(meta_key(key), ()):
                if found.value:
                    return found
        return None

    def all(self, *keys: str) -> list[Found]:
        return [found for key in keys for found in self.meta.get(meta_key(key), ()) if found.value]


@short_key_cache(maxsize=4096)
def meta_key(name: str) -> str:
    """Meta names compared without case or punctuation: ``article:published:time`` is
    ``article:published_time``."""
    return _NOT_ALNUM.sub("", name.lower())


@short_key_cache(maxsize=1024)
def meta_source(key: str) -> EvidenceSource:
    if key.startswith(("og:", "article:")):
        return "opengraph"
    if key.startswith("twitter:"):
        return "twitter"
    if key.startswith(("dc.", "dcterms.")):
        return "dublin-core"
    return "meta"


# One pass over the tree finds all five kinds; each css query is a full traversal.
_DECLARING = 'meta, script[type*="ld+json"], script[type*="json+ld"], h1, figure, article'


def read_signals(tree: LexborHTMLParser, also: str = "") -> Signals:
    """``also``: selectors of the elements a later reader looks at. A walk of the tree costs
    lexbor a step per element besides its tests, so the one walk finds those too and keeps all
    it found in ``Signals.walked``, with the ``<body>`` among them for a reader of the body."""
    signals = Signals()
    scripts: list[LexborNode] = []
    headings: list[LexborNode] = []
    if not also:
        for node in tree.css(_DECLARING):
            _read_declaring(node, node.tag, signals, scripts, headings, 1)
    else:
        walked = tree.css(f":is({_DECLARING}, body, {also})")
        # Tag ids, not names: an int costs the node less to give than a string; and the loops
        # over all the elements run in C (``map``, ``compress``), for a page gives thousands.
        walked_ids = list(map(_TAG_ID, walked))
        for index in itertools.compress(range(len(walked_ids)), map(_DECLARING_IDS.__contains__, walked_ids)):
            node = walked[index]
            tag = _DECLARING_IDS[walked_ids[index]]
            marks = _json_ld_marks(node) if tag == "script" else 1
            _read_declaring(node, tag, signals, scripts, headings, marks)
        body = tree.body
        if body is not None:
            signals.body_at = next(
                (
                    index
                    for index in itertools.compress(range(len(walked_ids)), map(_BODY_ID.__eq__, walked_ids))
                    if walked[index].mem_id == body.mem_id
                ),
                None,
            )
        signals.walked = walked
        signals.walked_tag_ids = walked_ids
    blocks = jsonld.read_blocks(scripts)
    # JSON-LD some frameworks print into a meta tag's content instead of a script element.
    for key, values in signals.meta.items():
        if key.endswith("ldjson"):
            blocks += [
                parsed for found in values if (parsed := jsonld.parse_lenient(found.value)) is not None
            ]
    _read_json_ld(blocks, signals)
    head = tree.head or tree.root
    title = head.css_first("title") if head is not None else None
    if title is not None:
        signals.title = clean_text(title.text()) or None
    signals.h1 = _main_h1(headings)
    signals.headings = headings
    root = tree.root
    if root is not None:
        signals.lang = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "").strip() or None
    canonical = head.css_first('link[rel="canonical"]') if head is not None else None
    if canonical is not None:
        signals.canonical = (canonical.attributes.get("href") or "").strip() or None
    return signals


# The tags of the elements ``_DECLARING`` finds.
DECLARING_TAGS = ("meta", "script", "h1", "figure", "article")
_DECLARING_IDS = {tag_id: tag for tag, tag_id in tag_ids(*DECLARING_TAGS).items()}
_BODY_ID = tag_ids("body")["body"]
_TAG_ID = attrgetter("tag_id")
# The boxes that hold an article as a whole: a walk up from a byline or a dateline stops there.
# Walks up compare tag ids, not names: an element's name is whatever the page wrote, and a name
# of 100 KB read again for each of its thousands of children costs the square of the page.
ARTICLE_BOX_IDS = frozenset(tag_ids("article", "main", "body", "html").values())
PAGE_BOX_IDS = frozenset(tag_ids("body", "html").values())  # the page's own boxes, above any article
ARTICLE_ID = tag_ids("article")["article"]


def _read_declaring(
    node: LexborNode,
    tag: str,
    signals: Signals,
    scripts: list[LexborNode],
    headings: list[LexborNode],
    times: int,
) -> None:
    """An element ``_DECLARING`` finds; a script ``times`` over, as often as it finds it."""
    if tag == "meta":
        _read_meta(node, signals.meta)
    elif tag == "script":
        scripts += [node] * times
    elif tag == "figure":
        signals.figures.append(node)
    elif tag == "article":
        signals.articles += 1
    else:
        headings.append(node)


def _json_ld_marks(script: LexborNode) -> int:
    """How many of the script selectors of ``_DECLARING`` find ``script``: HTML compares a
    ``type`` without case, and a type of both spellings is found twice."""
    kind = (script.attributes.get("type") or "").lower()
    return ("ld+json" in kind) + ("json+ld" in kind)


def _read_meta(node: LexborNode, meta: dict[str, list[Found]]) -> None:
    attrs = node.attributes
    content = attrs.get("content")
    if content is None:
        return
    if key := attrs.get("property"):
        attr = "property"
    elif key := attrs.get("name"):
        attr = "name"
    elif key := attrs.get("itemprop"):
        attr = "itemprop"
    else:
        return
    name, source, locator = _meta_place(attr, key)
    meta.setdefault(name, []).append(Found(" ".join(content.split()), source, locator))


@short_key_cache(maxsize=4096)
def _meta_place(attr: str, key: str) -> tuple[str, EvidenceSource, str]:
    """A meta tag's key as compared (``meta_key``), its source and its locator; pages share
    their meta names, so cached."""
    key = key.strip().lower()
    return meta_key(key), meta_source(key), f'meta[{attr}="{key}"]'


def _read_json_ld(blocks: list[Any], signals: Signals) -> None:
    signals.objects = list(itertools.islice(jsonld.iter_objects(blocks), jsonld.MAX_OBJECTS + 1))
    if len(signals.objects) > jsonld.MAX_OBJECTS:
        del signals.objects[jsonld.MAX_OBJECTS :]
        signals.notes.append(f"JSON-LD past its first {jsonld.MAX_OBJECTS:,} objects not read")
    signals.by_id = {
        o.data["@id"]: o.data
        for o in signals.objects
        if isinstance(o.data.get("@id"), str) and len(o.data) > 1
    }
    article, page = jsonld.find_article(signals.objects)
    if article is not None:
        signals.article, signals.article_locator = article.data, article.locator
    if page is not None:
        signals.page_object, signals.page_locator = page.data, page.locator


def _main_h1(headings: list[LexborNode]) -> LexborNode | None:
    """The first non-empty ``<h1>``, preferring one inside ``<article>`` or ``<main>``."""
    first = None
    for node in headings:
        if not node.text(deep=True).strip():
            continue
        if first is None:
            first = node
        parent, depth = node.parent, 0
        while parent is not None and depth < 12:
            if parent.tag in ("article", "main"):
                return node
            parent, depth = parent.parent, depth + 1
    return first


def clean_text(text: str | None) -> str:
    if not text:
        return ""
    if "&" in text:
        text = html.unescape(text)
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")  # a soft hyphen shows only where a line breaks
    return " ".join(text.split())


def domain_key(url: str) -> str:
    """The registered name of a URL's host: ``www.example-news.co.uk`` -> ``examplenews``."""
    host = url_host(url)
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    while len(labels) > 1 and (len(labels[-1]) <= 3 or labels[-1] in ("co", "com", "org", "net")):
        labels.pop()
    return _NOT_ALNUM.sub("", labels[-1].lower()) if labels else ""
