"""Published and modified dates, kept apart.

Declared dates (JSON-LD, meta tags, microdata, ``<time>`` in the article header) come first;
a date printed in the byline or dateline is next; a date in the URL is the last resort. A page
stating only an update date gets it as the publication date too, with less confidence. When the
chosen value lacks a time or a zone and another source gives the same day more precisely, the
more precise value is taken. Dates in comments, sidebars and teaser lists are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import msgspec
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsledger.extract.dom import bounded_text, with_class_parts
from newsledger.extract.metadata import jsonld
from newsledger.extract.metadata.boxes import DATELINE_CLASS_PARTS, DATELINE_OTHERS
from newsledger.extract.metadata.dates import ParsedDate, parse_date
from newsledger.extract.metadata.nearby import around_headline, heading_holders
from newsledger.extract.metadata.signals import (
    ARTICLE_BOX_IDS,
    ARTICLE_ID,
    PAGE_BOX_IDS,
    Found,
    Signals,
    clean_text,
)
from newsledger.model import Candidate, DateField, Evidence

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "date.available",
    "release_date",
    "created",
    "published",
    "publication_date",
    "publicationdate",
    "date_published",
    "article:published",
    "pub_date",
    "dc.date.published",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "rnews:datepublished",
    "article.created",
    "og:pubdate",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
    "article.updated",
    "modified_time",
)
_UPDATED_LABEL = re.compile(
    r"\b(?:updated|update|modified|aktualisiert|geändert|stand|mis à jour|actualizado|actualización|aggiornato|"
    r"atualizado|bijgewerkt|zaktualizowano|oppdatert|uppdaterad|opdateret|güncelleme)\b",
    re.IGNORECASE,
)
# A dateline box whose class names it the update ("date-modified", "post-updated").
_UPDATED_CLASS = re.compile(r"modified|updated", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\b)")
# The search for a sidebar or comment marker stops at the article's own container.
_OUTSIDE = (
    "comment",
    "sidebar",
    "related",
    "teaser",
    "recommend",
    "newsletter",
    "widget",
    "promo",
    "footer",
    "reply",
)


@dataclass(frozen=True, slots=True)
class DateCandidate:
    parsed: ParsedDate
    found: Found
    # Evidence that says less: an unlabelled date near the headline, a date in script data,
    # a date in the URL. The field then carries a lower confidence.
    weak: bool = False


def dates(
    tree: LexborHTMLParser, signals: Signals, url: str | None
) -> tuple[DateField | None, DateField | None]:
    published = _declared(signals, "datePublished", _PUBLISHED_META)
    modified = _declared(signals, "dateModified", _MODIFIED_META)
    # The page text is read only when the declared dates leave the moment open.
    if not any(_rank(c) >= _FULL_RANK for c in published):
        visible_published, visible_modified = _visible(tree, heading_holders(signals.h1), signals.datelines)
        published += visible_published
        modified += visible_modified
    if not published:
        published += _other_meta_dates(signals)
    if not published:
        near_published, near_modified = _near_headline(signals.h1)
        published += near_published
        modified += near_modified
    if not published:
        published += _attribute_data(tree)
    if not published:
        published += _script_data(tree)
    if url:
        published += _from_url(url)
    if not published and not modified:
        # Pages without an <h1> (forums, some blogs) head the text with their first <h2>.
        heading = signals.h1 or _printed_title(tree, signals.title) or tree.css_first("h2")
        published += _printed_after_heading(heading)
    published_field = _choose(published)
    modified_field = _choose(modified)
    if published_field is None and modified_field is not None:
        return _bound_by_update(modified_field), modified_field
    return published_field, modified_field


def _bound_by_update(modified: DateField) -> DateField:
    """A page that states only when it was updated was published that day or before: the
    update date stands for the publication with less confidence; its evidence points at the
    update."""
    return msgspec.structs.replace(modified, confidence=min(modified.confidence, WEAK_CONFIDENCE))


def _declared(signals: Signals, key: str, meta_keys: tuple[str, ...]) -> list[DateCandidate]:
    found: list[Found] = []
    if signals.article is not None:
        value = jsonld.text_of(signals.article.get(key))
        if value:
            found.append(Found(value, "json-ld", f"{signals.article_locator}.{key}"))
    if signals.page_object is not None:
        value = jsonld.text_of(signals.page_object.get(key))
        if value:
            found.append(Found(value, "json-ld", f"{signals.page_locator}.{key}"))
    found += signals.all(*meta_keys, key.lower())
    return [DateCandidate(parsed, f) for f in found if (parsed := parse_date(f.value)) is not None]


# Meta names of other spellings: one naming publication is declared; one naming only a date
# (and no update, expiry or build) is weak.
_PUBLICATION_NAME = re.compile(r"publish|publication|pubdate")
_DATE_NAME = re.compile(r"date$|datetime$|uploaddate|created")
_NOT_PUBLICATION_NAME = re.compile(r"modif|updat|expir|build|last|valid|start|end|birth|review|event")


def _other_meta_dates(signals: Signals) -> list[DateCandidate]:
    found: list[DateCandidate] = []
    for key, values in signals.meta.items():
        if _NOT_PUBLICATION_NAME.search(key):
            continue
        named = bool(_PUBLICATION_NAME.search(key))
        if not named and not _DATE_NAME.search(key):
            continue
        for value in values[:1]:
            if (parsed := parse_date(value.value)) is not None:
                found.append(DateCandidate(parsed, value, weak=not named))
    # Named publication dates first.
    return sorted(found, key=lambda candidate: candidate.weak)


# Class words of dateline boxes; a box is read once for each it holds.
_DATELINE_CLASS_PARTS = DATELINE_CLASS_PARTS


def reads_datelines(signals: Signals) -> bool:
    """Whether ``dates`` reads the dates the page prints: its declared dates leave the moment open."""
    return not any(_rank(c) >= _FULL_RANK for c in _declared(signals, "datePublished", _PUBLISHED_META))


def _visible(
    tree: LexborHTMLParser,
    holders: frozenset[int] = frozenset(),
    found: list[tuple[LexborNode, int]] | None = None,
) -> tuple[list[DateCandidate], list[DateCandidate]]:
    """Dates printed in ``<time>`` elements and dateline areas of the article, not sidebars.
    ``found``: the dateline boxes, when a walk for the byline found them too."""
    published: list[DateCandidate] = []
    modified: list[DateCandidate] = []
    # Elements that name themselves a date come first; the many "meta" and "info" boxes after.
    if found is None:
        found = with_class_parts(tree, _DATELINE_CLASS_PARTS, DATELINE_OTHERS)
    marked = [node for node, _ in found for _ in range(_date_marks(node))][:40]
    boxes = [node for node, parts in found for _ in range(parts)][:60]
    marks: dict[int, bool] = {}
    for node in (*marked, *boxes):
        if _outside_article(node, holders, marks):
            continue
        item = node.attributes.get("itemprop") or ""
        raw = node.attributes.get("datetime") or node.attributes.get("content") or ""
        if not raw and item and node.tag == "abbr":
            raw = node.attributes.get("title") or ""
        whole = bounded_text(node, chars=_LONG_RAW_TEXT, nodes=_LONG_NODES)
        text = clean_text(whole) if whole is not None else ""
        if not raw and (not text or len(text) > 120):
            # A dateline box that also holds tags or links: its first line may be the date.
            text = _first_line(node)
            if not text:
                continue
        parsed = parse_date(raw) if raw else None
        if parsed is None and text:
            parsed = parse_date(text)
        if parsed is None and not raw and node.tag != "time":
            text = _first_line(node)
            parsed = parse_date(text) if text else None
        if parsed is None:
            continue
        source = "microdata" if item else "time-element" if node.tag == "time" else "dateline"
        classes = (node.attributes.get("class") or "").split()
        locator = f'[itemprop="{item}"]' if item else node.tag + "".join(f".{c}" for c in classes[:2])
        candidate = DateCandidate(parsed, Found(raw or text, source, locator))
        context = f"{text} {_label_before(node)}"
        if item == "dateModified" or (
            item != "datePublished" and (_UPDATED_LABEL.search(context) or _UPDATED_CLASS.search(locator))
        ):
            modified.append(candidate)
        else:
            published.append(candidate)
    return published, modified


def _date_marks(node: LexborNode) -> int:
    """How many of ``time``, ``[itemprop="datePublished"]``, ``[itemprop="dateModified"]`` match
    ``node``: a selector list of them finds it that many times."""
    itemprop = node.attributes.get("itemprop")
    return (node.tag == "time") + (itemprop == "datePublished") + (itemprop == "dateModified")


def _near_headline(h1: LexborNode | None) -> tuple[list[DateCandidate], list[DateCandidate]]:
    """Short texts printed just above or below the main heading that read as a date: the
    unlabelled dateline of pages whose markup names nothing a date."""
    published: list[DateCandidate] = []
    modified: list[DateCandidate] = []
    holders = heading_holders(h1)
    marks: dict[int, bool] = {}
    for node in around_headline(h1):
        text = clean_text(node.text(separator=" "))
        if not text or len(text) > 80 or _outside_article(node, holders, marks):
            continue
        parsed = parse_date(text)
        if parsed is None:
            continue
        candidate = DateCandidate(parsed, Found(text, "dateline", f"{node.tag} near the headline"), weak=True)
        if _UPDATED_LABEL.search(f"{text} {_label_before(node)}"):
            modified.append(candidate)
        else:
            published.append(candidate)
    return published, modified


# Texts read after the main heading in search of a printed date: the heading's own block.
_TEXTS_AFTER_HEADING = 60
# And before it, nearest first: a dateline printed above the heading.
_TEXTS_BEFORE_HEADING = 8
# A date printed alone or in a short byline line ("By Jane Doe - Mar 27, 2024"), not in a sentence.
_DATE_LINE_LENGTH = 40


# Dates a page prints about its people or its events, not about itself.
_NOT_PUBLICATION_LABEL = re.compile(
    r"\b(?:joined|member since|registered|born|expires?|deadline|event date|starts?|ends?)\b", re.IGNORECASE
)


def _printed_after_heading(h1: LexborNode | None) -> list[DateCandidate]:
    """The first short text after the main heading that reads as a day, else the nearest such
    text just above it: the date such pages print beside the headline with nothing in their
    markup naming it (weak evidence)."""
    if h1 is None:
        return []
    after: list[tuple[str, str]] = []
    label = ""
    for raw in _texts_following(h1, _TEXTS_AFTER_HEADING):
        text = clean_text(raw)
        after.append((label, text))
        label = text
    above = [clean_text(raw) for raw in _texts_preceding(h1, _TEXTS_BEFORE_HEADING + 1)]
    # Nearest first, each with the text before it as its label.
    nearest_above = [(above[i + 1] if i + 1 < len(above) else "", above[i]) for i in range(len(above) - 1)]
    for place, lines in (("after", after), ("before", nearest_above)):
        for label, text in lines:
            parsed = _date_line(label, text)
            if parsed is not None:
                return [
                    DateCandidate(parsed, Found(text, "dateline", f"text {place} the headline"), weak=True)
                ]
    return []


def _printed_title(tree: LexborHTMLParser, title: str | None) -> LexborNode | None:
    """On a page with no heading element, the first paragraph or box printing the page's title
    (or its part before a " | site" affix) as its whole text: the heading a reader sees."""
    if not title:
        return None
    wanted = {clean_text(title).casefold(), clean_text(re.split(r"\s[|–—-]\s", title)[0]).casefold()}
    wanted.discard("")
    for node in tree.css("p, h3, span, div")[:3000]:
        if node.child is not None and node.child.tag not in ("-text",) and node.tag == "div":
            continue
        text = bounded_text(node, chars=199, nodes=_SHORT_TEXT_NODES, separator="")
        if text is not None and clean_text(text).casefold() in wanted:
            return node
    return None


# A printed title is a line held in a few elements (reading each candidate's whole text was
# quadratic in nested boxes).
_SHORT_TEXT_NODES = 60


def _texts_following(node: LexborNode, limit: int) -> list[str]:
    """The first ``limit`` non-blank texts after ``node`` in reading order, found by walking its
    following siblings and those of its ancestors (not the whole page before it)."""
    texts: list[str] = []
    for sibling in _siblings_outward(node, after=True):
        for inner in sibling.traverse(include_text=True):
            if inner.is_text_node and (raw := inner.text_content) and not raw.isspace():
                texts.append(raw)
                if len(texts) >= limit:
                    return texts
    return texts


def _texts_preceding(node: LexborNode, limit: int) -> list[str]:
    """The last ``limit`` non-blank texts before ``node``, nearest first."""
    texts: list[str] = []
    for sibling in _siblings_outward(node, after=False):
        inner_texts = [
            raw
            for inner in sibling.traverse(include_text=True)
            if inner.is_text_node and (raw := inner.text_content) and not raw.isspace()
        ]
        for raw in reversed(inner_texts):
            texts.append(raw)
            if len(texts) >= limit:
                return texts
    return texts


def _siblings_outward(node: LexborNode, *, after: bool) -> Iterator[LexborNode]:
    """The siblings of ``node`` after it (or before it, nearest first), then those of its
    parent, and so on up to the body."""
    current: LexborNode | None = node
    while current is not None and current.tag_id not in PAGE_BOX_IDS:
        sibling = current.next if after else current.prev
        while sibling is not None:
            yield sibling
            sibling = sibling.next if after else sibling.prev
        current = current.parent


def _date_line(label: str, text: str) -> ParsedDate | None:
    """The day a short line states, unless it is a sentence or labelled as not the page's."""
    if len(text) > _DATE_LINE_LENGTH or not any(map(str.isdigit, text)):
        return None
    if _NOT_PUBLICATION_LABEL.search(f"{label} {text}"):
        return None
    parsed = parse_date(text)
    return parsed if parsed is not None and parsed.precision not in ("year", "month") else None


# Publication dates in the data a page embeds in scripts (framework state, escaped JSON-LD).
_SCRIPT_DATE_KEY = (
    "datePublished|publishedDate|publishDate|publishedAt|published_at|publicationDate|"
    "publication_date|first_publication_date|date_published|pubDate"
)
_SCRIPT_DATE = re.compile(
    rf"(?:\\*[\"'])?(?:{_SCRIPT_DATE_KEY})(?:\\*[\"'])?\s*:\s*\\*[\"']"
    r"((?:19|20)\d{2}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)"
)
# The key alone: a pattern that starts with a word is found ten times faster than one that may
# start with a quote or a backslash anywhere.
_SCRIPT_DATE_KEY_AT = re.compile(_SCRIPT_DATE_KEY)


def _script_data(tree: LexborHTMLParser) -> list[DateCandidate]:
    for node in tree.css("script"):
        text = node.text(deep=True)
        if len(text) < 20 or not _may_name_a_date(text):
            continue
        match = _script_date(text)
        if match and (parsed := parse_date(match.group(1))) is not None:
            return [DateCandidate(parsed, Found(match.group(0), "meta", "script data"), weak=True)]
    return []


def _script_date(text: str) -> re.Match[str] | None:
    """The first match of ``_SCRIPT_DATE`` in ``text``: each match holds a key, and starts at the
    quote before it and the backslashes that escape the quote (or at the key itself)."""
    position = 0
    while (key := _SCRIPT_DATE_KEY_AT.search(text, position)) is not None:
        match = _SCRIPT_DATE.match(text, _escaped_quote_start(text, key.start()))
        if match is not None:
            return match
        position = key.start() + 1
    return None


def _escaped_quote_start(text: str, at: int) -> int:
    """Where the quote just before ``at`` and the backslashes before that begin; ``at`` when no
    quote stands there."""
    if at == 0 or text[at - 1] not in "\"'":
        return at
    start = at - 1
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    return start


# Attributes in which components and data-* conventions give the moment an item was created or
# published; the first such element not in a sidebar or comment is the page's own item.
_DATE_ATTRIBUTES = ("created-timestamp", "data-published", "data-publish-date", "data-created", "data-date-published")


def _attribute_data(tree: LexborHTMLParser) -> list[DateCandidate]:
    selector = ", ".join(f"[{name}]" for name in _DATE_ATTRIBUTES)
    marks: dict[int, bool] = {}
    for node in tree.css(selector)[:20]:
        if _outside_article(node, frozenset(), marks):
            continue
        for name in _DATE_ATTRIBUTES:
            value = node.attributes.get(name) or ""
            parsed = parse_date(value) if len(value) >= 8 else None
            if parsed is not None and parsed.precision != "year":
                return [DateCandidate(parsed, Found(value, "dom", f"{node.tag}[{name}]"), weak=True)]
    return []


def _may_name_a_date(text: str) -> bool:
    """Whether ``text`` holds a word every key of ``_SCRIPT_DATE`` contains: a substring test
    skips the costly search of the many scripts that name no date."""
    return "ublish" in text or "ublication" in text or "pubDate" in text


# A dateline is a line; a box whose raw text runs past this many characters, or over this many
# elements, is read as long without reading it all (reading each of a hundred candidate boxes
# whole was quadratic on a page of nested boxes: 2 MB took seconds).
_LONG_RAW_TEXT = 20_000
_LONG_NODES = 2_000


def _first_line(node: LexborNode) -> str:
    """The text of a box's first child element, when short enough to be a dateline."""
    child = node.child
    while child is not None and child.tag in ("-text", "-comment"):
        child = child.next
    if child is None:
        return ""
    text = clean_text(bounded_text(child, chars=_LONG_RAW_TEXT, nodes=_LONG_NODES))
    return text if 0 < len(text) <= 60 else ""


def _label_before(node: LexborNode) -> str:
    previous = node.prev
    if previous is not None:
        return clean_text(bounded_text(previous, chars=_LONG_RAW_TEXT, nodes=_LONG_NODES, separator=""))[-40:]
    parent = node.parent
    return clean_text(parent.text(deep=False))[:40] if parent is not None else ""


def _outside_article(node: LexborNode, holders: frozenset[int], marks: dict[int, bool]) -> bool:
    """In a comment, sidebar, teaser or footer. The walk up stops at an element holding the main
    heading too: that is the article's own box, whatever its class calls it. ``marks`` keeps what
    each element says, so that an element many candidates share is read once."""
    current: LexborNode | None = node
    depth = 0
    while current is not None and depth < 10 and current.tag_id not in ARTICLE_BOX_IDS:
        if current.mem_id in holders:
            return False
        outside = marks.get(current.mem_id)
        if outside is None:
            outside = marks[current.mem_id] = _says_outside(current)
        if outside:
            return True
        current = current.parent
        depth += 1
    return False


def _says_outside(node: LexborNode) -> bool:
    if node.tag in ("aside", "nav"):
        return True
    if node.tag == "footer" and not _within_article(node):
        return True  # an <article>'s own footer holds its dateline; the page's does not
    marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    words = [word for word in _OUTSIDE if word in marker]
    return bool(words) and not (words == ["footer"] and _within_article(node))


def _within_article(node: LexborNode) -> bool:
    current = node.parent
    for _ in range(12):
        if current is None or current.tag_id in PAGE_BOX_IDS:
            return False
        if current.tag_id == ARTICLE_ID:
            return True
        current = current.parent
    return False


def _from_url(url: str) -> list[DateCandidate]:
    match = _URL_DATE.search(url)
    if not match:
        return []
    parsed = parse_date(f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}")
    return [DateCandidate(parsed, Found(match.group(0), "url", "url"), weak=True)] if parsed else []


_FULL_RANK = 7
WEAK_CONFIDENCE = 0.6


def _rank(candidate: DateCandidate) -> int:
    precision = {"year": 0, "month": 1, "day": 2, "minute": 3, "second": 3}[candidate.parsed.precision]
    return precision * 2 + (1 if candidate.parsed.has_timezone else 0)


def _choose(candidates: list[DateCandidate]) -> DateField | None:
    if not candidates:
        return None
    chosen = candidates[0]
    for other in candidates[1:]:
        if (
            other.parsed.day == chosen.parsed.day
            and _rank(other) > _rank(chosen)
            and other.found.source != "url"
        ):
            chosen = other
    rejected = _rejected(chosen, candidates)
    parsed = chosen.parsed
    field = DateField(
        value=parsed.value,
        precision=parsed.precision,
        has_timezone=parsed.has_timezone,
        evidence=Evidence(
            source=chosen.found.source,
            locator=chosen.found.locator,
            raw=chosen.found.value,
            rejected=rejected,
        ),
    )
    return msgspec.structs.replace(field, confidence=WEAK_CONFIDENCE) if chosen.weak else field


def _rejected(chosen: DateCandidate, candidates: list[DateCandidate]) -> tuple[Candidate, ...]:
    seen = {chosen.parsed.value}
    out = []
    for other in candidates:
        if other.parsed.value in seen:
            continue
        seen.add(other.parsed.value)
        reason = (
            "less precise, same day" if other.parsed.day == chosen.parsed.day else "lower-priority source"
        )
        out.append(
            Candidate(
                value=other.parsed.value,
                source=other.found.source,
                locator=other.found.locator,
                reason=reason,
            )
        )
    return tuple(out)
