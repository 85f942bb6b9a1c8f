"""The smaller fields: section, language, canonical URL, topics and a stated read time."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from newsledger.extract.hygiene import split_url
from newsledger.extract.metadata import jsonld
from newsledger.extract.metadata.choose import first_field
from newsledger.extract.metadata.signals import Found, Signals, clean_text
from newsledger.extract.parts import StatedReadTime
from newsledger.model import Evidence, TextField

_READ_TIME = re.compile(
    r"(?<!\d)(\d{1,3})\s*(?:-|\s)?(?:min(?:ute)?s?\.?|minuten|minutos|minuti)\s*(?:read|reading|lesezeit|leestijd|de lectura|di lettura|lesen|lecture|lesing|läsning)"
    r"|(?:lesezeit|read(?:ing)? time|temps de lecture|tiempo de lectura)\s*:?\s*(\d{1,3})\s*(?:min)",
    re.IGNORECASE,
)
# Internal tracking tags ("stats-team-all-articles") are not topics a reader would name.
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")
_MINUTES = re.compile(r"(\d{1,3})\s*(?:min|minute|minuten|minutos|minuti)", re.IGNORECASE)
_LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")


def section(signals: Signals) -> TextField | None:
    candidates: list[Found] = []
    if signals.article is not None:
        value = jsonld.text_of(signals.article.get("articleSection"))
        if value:
            candidates.append(
                Found(clean_text(value), "json-ld", f"{signals.article_locator}.articleSection")
            )
    candidates += signals.all("article:section", "section", "parsely-section", "category", "dc.subject")
    return first_field(candidates)


def language(signals: Signals) -> TextField | None:
    candidates: list[Found] = []
    if signals.lang:
        candidates.append(Found(signals.lang, "dom", "html[lang]"))
    if signals.article is not None:
        value = jsonld.text_of(signals.article.get("inLanguage"))
        if value:
            candidates.append(Found(value, "json-ld", f"{signals.article_locator}.inLanguage"))
    candidates += signals.all("og:locale", "content-language", "language", "dc.language")
    valid = [
        Found(c.value.replace("_", "-"), c.source, c.locator) for c in candidates if _LANGUAGE.match(c.value)
    ]
    return first_field(valid)


def canonical_url(signals: Signals, url: str | None) -> TextField | None:
    candidates: list[Found] = []
    if signals.canonical:
        candidates.append(Found(signals.canonical, "dom", 'link[rel="canonical"]'))
    candidates += signals.all("og:url")
    if signals.article is not None:
        value = jsonld.text_of(signals.article.get("url")) or jsonld.text_of(
            signals.article.get("mainEntityOfPage")
        )
        if value:
            candidates.append(Found(value, "json-ld", f"{signals.article_locator}.url"))
    absolute = [
        c
        for c in candidates
        if c.value.startswith(("http://", "https://")) and split_url(c.value) is not None
    ]
    if not absolute and url and split_url(url) is not None:
        absolute = [Found(url, "computed", "page url")]
    return first_field(absolute)


def topics(signals: Signals) -> tuple[TextField, ...]:
    found: list[Found] = []
    if signals.article is not None:
        value = signals.article.get("keywords")
        items = value if isinstance(value, list) else (value.split(",") if isinstance(value, str) else [])
        found += [
            Found(clean_text(str(item)), "json-ld", f"{signals.article_locator}.keywords") for item in items
        ]
    if not found:
        found += signals.all("article:tag")
        for key in ("news_keywords", "keywords"):
            for meta in signals.all(key):
                found += [
                    Found(clean_text(part), meta.source, meta.locator)
                    for part in re.split(r"[,;]", meta.value)
                ]
            if found:
                break
    seen: set[str] = set()
    out = []
    for item in found:
        key = item.value.casefold()
        if item.value and key not in seen and len(item.value) <= 80 and not _SLUG.match(item.value):
            seen.add(key)
            out.append(
                TextField(value=item.value, evidence=Evidence(source=item.source, locator=item.locator))
            )
    return tuple(out[:40])


def stated_read_time(signals: Signals) -> StatedReadTime | None:
    labelled = signals.first("twitter:misc:est. reading time", "readingtime", "reading-time")
    if labelled is not None and (match := _MINUTES.search(labelled.value)):
        return _read_time(match, labelled.source, labelled.locator)
    declared = signals.first("twitter:data2")
    if signals.article is not None and (value := jsonld.text_of(signals.article.get("timeRequired"))):
        duration = re.fullmatch(r"PT(\d{1,3})M", value.strip())
        if duration:
            minutes = int(duration.group(1))
            return StatedReadTime(
                minutes=minutes,
                evidence=Evidence(
                    source="json-ld", locator=f"{signals.article_locator}.timeRequired", raw=value
                ),
            )
    if declared is not None and (match := _READ_TIME.search(declared.value)):
        return _read_time(match, declared.source, declared.locator)
    header = _header_of(signals)
    if header is None:
        return None
    for index, node in enumerate(header.css('[class*="read"], [class*="Read"]')):
        if index > 12:
            break
        text = clean_text(node.text(separator=" "))
        if len(text) <= 40 and (match := _READ_TIME.search(text)):
            return _read_time(
                match, "dom", node.tag + "." + (node.attributes.get("class") or "").split(" ")[0]
            )
    return None


def _header_of(signals: Signals) -> LexborNode | None:
    """The block around the headline, where a page prints its read time."""
    node = signals.h1
    for _ in range(3):
        if node is None or node.tag in ("article", "main", "body"):
            break
        node = node.parent
    return node


def _read_time(match: re.Match[str], source: str, locator: str) -> StatedReadTime | None:
    minutes = int(next(group for group in match.groups() if group))
    if not 1 <= minutes <= 180:
        return None
    return StatedReadTime(
        minutes=minutes, evidence=Evidence(source=source, locator=locator, raw=match.group(0))
    )  # type: ignore[arg-type]
