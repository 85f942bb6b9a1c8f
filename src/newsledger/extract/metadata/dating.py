"""Published and modified dates, kept apart.

Declared dates (JSON-LD, meta tags, microdata, ``<time>`` in the article header) come first;
a date printed in the byline or dateline is next; a date in the URL is the last resort. When the
chosen value lacks a time or a zone and another source gives the same day more precisely, the
more precise value is taken. Dates in comments, sidebars and teaser lists are never read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsledger.extract.metadata import jsonld
from newsledger.extract.metadata.dates import ParsedDate, parse_date
from newsledger.extract.metadata.signals import Found, Signals, clean_text
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
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\b)")
# The search for a sidebar or comment marker stops at the article's own container.
_CONTAINERS = frozenset({"article", "main", "body", "html"})
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


def dates(
    tree: LexborHTMLParser, signals: Signals, url: str | None
) -> tuple[DateField | None, DateField | None]:
    published = _declared(signals, "datePublished", _PUBLISHED_META)
    modified = _declared(signals, "dateModified", _MODIFIED_META)
    # The page text is read only when the declared dates leave the moment open.
    if not any(_rank(c) >= _FULL_RANK for c in published):
        visible_published, visible_modified = _visible(tree)
        published += visible_published
        modified += visible_modified
    if url:
        published += _from_url(url)
    published_field = _choose(published)
    modified_field = _choose(modified)
    if published_field is None and modified_field is not None:
        return None, modified_field
    return published_field, modified_field


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


def _visible(tree: LexborHTMLParser) -> tuple[list[DateCandidate], list[DateCandidate]]:
    """Dates printed in ``<time>`` elements and dateline areas of the article, not sidebars."""
    published: list[DateCandidate] = []
    modified: list[DateCandidate] = []
    for index, node in enumerate(
        tree.css(
            'time, [itemprop="datePublished"], [itemprop="dateModified"], [class*="date"], [class*="Date"], [class*="dateline"], [class*="byline"], '
            '[class*="meta"], [class*="info"], [class*="Meta"], [class*="Info"]'
        )
    ):
        if index > 60:
            break
        if _outside_article(node):
            continue
        item = node.attributes.get("itemprop") or ""
        raw = node.attributes.get("datetime") or node.attributes.get("content") or ""
        text = clean_text(node.text(separator=" "))
        if not raw and (not text or len(text) > 120):
            continue
        parsed = parse_date(raw) if raw else None
        if parsed is None and text:
            parsed = parse_date(text)
        if parsed is None:
            continue
        source = "microdata" if item else "time-element" if node.tag == "time" else "dateline"
        classes = (node.attributes.get("class") or "").split()
        locator = f'[itemprop="{item}"]' if item else node.tag + "".join(f".{c}" for c in classes[:2])
        candidate = DateCandidate(parsed, Found(raw or text, source, locator))
        context = f"{text} {_label_before(node)}"
        if item == "dateModified" or (item != "datePublished" and _UPDATED_LABEL.search(context)):
            modified.append(candidate)
        else:
            published.append(candidate)
    return published, modified


def _label_before(node: LexborNode) -> str:
    previous = node.prev
    if previous is not None:
        return clean_text(previous.text(deep=True))[-40:]
    parent = node.parent
    return clean_text(parent.text(deep=False))[:40] if parent is not None else ""


def _outside_article(node: LexborNode) -> bool:
    current: LexborNode | None = node
    depth = 0
    while current is not None and depth < 10 and current.tag not in _CONTAINERS:
        if current.tag in ("aside", "nav", "footer"):
            return True
        marker = f"{current.attributes.get('class') or ''} {current.attributes.get('id') or ''}".lower()
        if any(word in marker for word in _OUTSIDE):
            return True
        current = current.parent
        depth += 1
    return False


def _from_url(url: str) -> list[DateCandidate]:
    match = _URL_DATE.search(url)
    if not match:
        return []
    parsed = parse_date(f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}")
    return [DateCandidate(parsed, Found(match.group(0), "url", "url"))] if parsed else []


_FULL_RANK = 7


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
    return DateField(
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
