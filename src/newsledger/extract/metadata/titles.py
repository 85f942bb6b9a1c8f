"""Headline, subheadline and site name.

The headline printed on the page (the main ``<h1>``) is the article's own words; meta titles
are often rewritten for search or social cards, and ``<title>`` carries the site's name. The
``<h1>`` is trusted when a declared title confirms it; otherwise the declared headline is taken,
with a site-name prefix or suffix removed.
"""

from __future__ import annotations

import re

from newsledger.extract.metadata import jsonld
from newsledger.extract.metadata.choose import evidence_for, first_field
from newsledger.extract.metadata.signals import Found, Signals, clean_text
from newsledger.model import TextField

_SEPARATORS = re.compile(r"\s+[|–—·•:»/-]\s+|\s+[-–—|]\s*$|\s*\|\s*")


def site_name(signals: Signals) -> TextField | None:
    candidates = [
        *signals.all("og:site_name"),
        *_jsonld_publisher(signals),
        *signals.all("application-name", "twitter:site", "publisher", "dc.publisher"),
    ]
    candidates = [Found(c.value.lstrip("@"), c.source, c.locator) for c in candidates]
    return first_field(candidates)


def _jsonld_publisher(signals: Signals) -> list[Found]:
    if signals.article is None:
        return []
    name = jsonld.text_of(signals.article.get("publisher"))
    return [Found(clean_text(name), "json-ld", f"{signals.article_locator}.publisher.name")] if name else []


def headline(signals: Signals, site: str | None) -> TextField | None:
    declared = _declared_titles(signals)
    h1 = Found(clean_text(signals.h1.text()), "dom", "h1") if signals.h1 is not None else None
    if h1 is not None and h1.value and _confirmed(h1.value, declared, site):
        return TextField(value=h1.value, evidence=evidence_for(h1, declared, "h1 confirmed by declared title"))
    stripped = [Found(strip_site(c.value, site), c.source, c.locator) for c in declared]
    stripped = [c for c in stripped if c.value]
    if h1 is not None and h1.value and not stripped:
        return TextField(value=h1.value, evidence=evidence_for(h1, (), ""))
    return first_field(stripped + ([h1] if h1 and h1.value else []))


def _declared_titles(signals: Signals) -> list[Found]:
    found: list[Found] = []
    if signals.article is not None:
        for key in ("headline", "name", "alternativeHeadline"):
            value = jsonld.text_of(signals.article.get(key))
            if value:
                found.append(Found(clean_text(value), "json-ld", f"{signals.article_locator}.{key}"))
                break
    found += signals.all("og:title", "twitter:title", "dc.title", "title", "headline")
    if signals.title:
        found.append(Found(signals.title, "dom", "title"))
    return found


def _confirmed(h1: str, declared: list[Found], site: str | None) -> bool:
    key = _key(h1)
    if len(key) < 4:
        return False
    for candidate in declared:
        other = _key(candidate.value)
        if other == key or _key(strip_site(candidate.value, site)) == key:
            return True
        if len(key) >= 12 and (other.startswith(key) or other.endswith(key)):
            return True
    return False


def strip_site(title: str, site: str | None) -> str:
    """``title`` without a leading or trailing site name ("Headline | Site", "Site - Headline")."""
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    site_key = _key(site or "")
    if site_key:
        kept = [p for p in parts if _key(p) != site_key and not site_key.startswith(_key(p))]
        if kept and len(kept) < len(parts):
            return _rejoin(title, kept)
    # Without a known site name only a short trailing part is taken for the site's name.
    if len(parts[-1]) <= 30 and len(parts[-1]) < len(" ".join(parts[:-1])) / 1.5:
        return _rejoin(title, parts[:-1])
    return title.strip()


def _rejoin(title: str, kept: list[str]) -> str:
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(kept)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def subheadline(signals: Signals, headline_value: str | None) -> TextField | None:
    candidates = []
    if signals.article is not None:
        value = jsonld.text_of(signals.article.get("description")) or jsonld.text_of(
            signals.article.get("alternativeHeadline")
        )
        if value:
            candidates.append(Found(clean_text(value), "json-ld", f"{signals.article_locator}.description"))
    candidates += signals.all("og:description", "description", "twitter:description", "dc.description")
    head = _key(headline_value or "")
    return first_field([c for c in candidates if _key(c.value) != head])
