"""The article's authors: people, each with a role and profile link when the page gives them.

Sources in order of trust: JSON-LD ``author`` objects, author meta tags, then the visible byline
(read only when nothing declared names a person). The first source naming a person wins; names
from the others are kept as rejected candidates. The site itself (its name or its domain) is never
an author; another organisation named with the people (a news agency) is kept with the role
``organisation``.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsledger.extract.dom import tag_ids, with_class_parts
from newsledger.extract.hygiene import join_url, split_url
from newsledger.extract.metadata import jsonld
from newsledger.extract.metadata.boxes import BYLINE_CLASS_PARTS, BYLINE_OTHERS, datelines_and_bylines
from newsledger.extract.metadata.dating import reads_datelines
from newsledger.extract.metadata.nearby import around_headline
from newsledger.extract.metadata.people import PersonName, looks_like_person, split_byline
from newsledger.extract.metadata.printed import printed_byline
from newsledger.extract.metadata.signals import (
    ARTICLE_BOX_IDS,
    Found,
    Signals,
    clean_text,
    domain_key,
)
from newsledger.extract.metadata.titles import _key
from newsledger.model import Author, Candidate, Evidence, EvidenceSource

_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "cxenseparse:author",
)
_BYLINE_CLASS_PARTS = BYLINE_CLASS_PARTS
_BYLINE_OTHERS = BYLINE_OTHERS
# The search for a sidebar or comment marker stops at the article's own container.
_NOT_BYLINE_TAGS = frozenset({"footer", "aside", "nav", "figure", "figcaption", "picture", "form"})
_NOT_TEXT_IDS = frozenset(tag_ids("button", "script", "style", "img", "meta", "link").values())
# Image credits and quotes name people who did not write the article.
_CREDIT_MARKERS = ("caption", "credit", "bild", "image", "photo", "foto", "gallery", "quote")
_OUTSIDE = ("comment", "sidebar", "related", "footer", "teaser", "recommend", "newsletter", "widget", "promo")
# A layout "with" or "has" a sidebar ("main--withSidebar", "has-sidebar") is not the sidebar.
_OUTSIDE_MARKER = re.compile(rf"(?<!with)(?<!with-)(?<!has)(?<!has-)(?:{'|'.join(_OUTSIDE)})")


def authors(
    tree: LexborHTMLParser, signals: Signals, site: str | None, url: str | None = None
) -> tuple[Author, ...]:
    # The site's own social handle (``twitter:site``; ``twitter:creator`` is the writer's) names it too.
    handles = [_key(f.value) for f in signals.all("twitter:site") if "/" not in f.value]
    site_keys = {
        key
        for key in (_key(site or ""), domain_key(url or signals.canonical or ""), *handles)
        if len(key) >= 2
    }
    declared = _from_jsonld(signals)
    # A declared Person bearing the site's name, and no one else, writes a personal site.
    own_site = [a for a in declared if a.name in _declared_persons(signals) and looks_like_person(a.name)]
    cleaned = [_drop_site(declared, site_keys) or own_site, _from_meta(signals, site_keys)]
    # The visible byline is read only when nothing declared names a person.
    if not any(a.role != "organisation" for found in cleaned for a in found):
        cleaned.append(_from_dom(tree, signals, url, site_keys))
    chosen = next((found for found in cleaned if any(a.role != "organisation" for a in found)), None)
    if chosen is None:
        chosen = next((found for found in cleaned if found), [])
    else:
        chosen = _completed(chosen, cleaned)
    return tuple(_with_rejected(chosen, cleaned))


def _with_rejected(chosen: list[Author], sources: list[list[Author]]) -> list[Author]:
    """The names other sources gave, recorded on the first author's evidence."""
    names = {a.name.casefold() for a in chosen}
    others = _unique([a for found in sources for a in found if a.name.casefold() not in names])
    if not chosen or not others:
        return chosen
    rejected = tuple(
        Candidate(value=a.name, source=a.evidence.source, locator=a.evidence.locator, reason="other source")
        for a in others
    )
    first = chosen[0]
    evidence = msgspec.structs.replace(first.evidence, rejected=rejected)
    return [msgspec.structs.replace(first, evidence=evidence), *chosen[1:]]


def _completed(chosen: list[Author], sources: list[list[Author]]) -> list[Author]:
    """A later source that names everyone chosen and more shows the chosen list was cut short."""
    names = {a.name.casefold() for a in chosen}
    for found in sources:
        people = [a for a in found if a.role != "organisation"]
        extra = [a for a in people if a.name.casefold() not in names]
        if (
            extra
            and names <= {a.name.casefold() for a in people}
            and all(looks_like_person(a.name) for a in extra)
        ):
            known = {a.name.casefold(): a for a in chosen}
            return [known.get(a.name.casefold(), a) for a in people]
    return chosen


def _unique(found: list[Author]) -> list[Author]:
    seen: set[str] = set()
    out = []
    for author in found:
        if author.name.casefold() not in seen:
            seen.add(author.name.casefold())
            out.append(author)
    return out


def _drop_site(found: list[Author], site_keys: set[str]) -> list[Author]:
    """Authors that are not the site itself ("Example News" on example-news.com, "example.com",
    "Example News (www.example-news.com)")."""
    kept = [a for a in found if not _is_site(_key(a.name), site_keys) and not _labelled_site(a, site_keys)]
    # A field giving the site's own address beside places ("example.com, Frankfurt") names no one.
    if any(_own_address(a.evidence.raw, site_keys) for a in kept) and not any(
        looks_like_person(a.name) for a in kept
    ):
        return []
    return kept


_ADDRESS = re.compile(r"(?:https?://|www\.)[\w.-]+|\b[\w-]+\.(?:com|net|org|[a-z]{2})\b", re.IGNORECASE)


def _own_address(text: str, site_keys: set[str]) -> bool:
    for match in _ADDRESS.finditer(text):
        address = match.group(0)
        if domain_key(address if "//" in address else f"https://{address}") in site_keys:
            return True
    return False


def _labelled_site(author: Author, site_keys: set[str]) -> bool:
    """A name followed by the site's own address in brackets is the site's name."""
    raw = author.evidence.raw
    at = raw.find(author.name + " (")
    if at < 0:
        return False
    inside = raw[at + len(author.name) + 2 :].split(")", 1)[0]
    return _own_address(inside, site_keys)


def _is_site(name_key: str, site_keys: set[str]) -> bool:
    return any(name_key == key or (len(key) >= 3 and name_key.startswith(key)) for key in site_keys)


def _from_jsonld(signals: Signals) -> list[Author]:
    if signals.article is None:
        return []
    value = signals.article.get("author") or signals.article.get("creator")
    items = value if isinstance(value, list) else [value]
    found: list[Author] = []
    for index, item in enumerate(items):
        locator = f"{signals.article_locator}.author" + (f"[{index}]" if isinstance(value, list) else "")
        found += _jsonld_person(signals.resolve(item), locator)
    return _unique(found)


def _declared_persons(signals: Signals) -> set[str]:
    """The names of JSON-LD authors typed ``Person``."""
    if signals.article is None:
        return set()
    value = signals.article.get("author")
    names = set()
    for item in value if isinstance(value, list) else [value]:
        item = signals.resolve(item)
        if isinstance(item, dict) and "person" in jsonld.types_of(item):
            names.add(clean_text(jsonld.text_of(item.get("name"))))
    return names


def _jsonld_person(item: Any, locator: str) -> list[Author]:
    if isinstance(item, str):
        return _people(clean_text(item), "json-ld", locator, None, is_org=False)
    if not isinstance(item, dict):
        return []
    name = jsonld.text_of(item.get("name"))
    if not name:
        given, family = jsonld.text_of(item.get("givenName")), jsonld.text_of(item.get("familyName"))
        name = " ".join(part for part in (given, family) if part)
    if not name:
        return []
    is_org = bool(jsonld.types_of(item) & {"organization", "newsmediaorganization", "corporation"})
    url = jsonld.text_of(item.get("url")) or jsonld.text_of(item.get("sameAs"))
    people = _people(clean_text(name), "json-ld", f"{locator}.name", url, is_org=is_org)
    if not people and "person" in jsonld.types_of(item):
        people = _lowercase_person(clean_text(name), f"{locator}.name", url)
    job = jsonld.text_of(item.get("jobTitle"))
    if job and len(people) == 1:
        person = people[0]
        people = [Author(name=person.name, role=clean_text(job), url=person.url, evidence=person.evidence)]
    return people


def _lowercase_person(name: str, locator: str, url: str | None) -> list[Author]:
    """A declared Person typed all in lowercase ("jane doe") is still a name: the casing is the
    author's own, not a label's."""
    words = name.split()
    if not (2 <= len(words) <= 4 and name.islower() and all(w.isalpha() for w in words)):
        return []
    return [Author(name=name, url=url, evidence=Evidence(source="json-ld", locator=locator, raw=name))]


def _people(raw: str, source: EvidenceSource, locator: str, url: str | None, *, is_org: bool) -> list[Author]:
    if not raw or raw.startswith(("http://", "https://")):
        return []
    evidence = Evidence(source=source, locator=locator, raw=raw)
    if is_org:
        return [Author(name=raw, role="organisation", url=url, evidence=evidence)]
    people = split_byline(raw)
    link = url if len(people) == 1 else None
    return [Author(name=p.name, role=p.role, url=link, evidence=evidence) for p in people]


def _from_meta(signals: Signals, site_keys: set[str]) -> list[Author]:
    """The first author meta tag naming someone other than the site (pages often give the site's
    name in ``author`` and the writer in a second tag)."""
    for found in [*signals.all(*_AUTHOR_META), *_labelled_writers(signals)]:
        people = _people(found.value, found.source, found.locator, None, is_org=False)
        people = _drop_site(people, site_keys)
        if people:
            return people
    return []


_WRITTEN_BY = re.compile(
    r"^(?:written\s+by|verfasst\s+von|geschrieben\s+von|écrit\s+par|escrito\s+por|scritto\s+da|"
    r"geschreven\s+door|skrevet\s+av|skriven\s+av|autor|author|auteur)$",
    re.IGNORECASE,
)


def _labelled_writers(signals: Signals) -> list[Found]:
    """Twitter card label/value pairs ("twitter:label1" = "Written by", "twitter:data1" = name),
    as SEO plugins write them, and their "twitter:misc:Written by" form."""
    found = [
        f
        for key, values in signals.meta.items()
        if key.startswith("twittermisc")
        for f in values
        if _WRITTEN_BY.match(f.locator.split("twitter:misc:", 1)[-1].rstrip('"]').strip())
    ]
    for index in range(1, 5):
        label = signals.first(f"twitter:label{index}")
        value = signals.first(f"twitter:data{index}")
        if label is not None and value is not None and _WRITTEN_BY.match(label.value.strip()):
            found.append(value)
    return found


def _from_dom(tree: LexborHTMLParser, signals: Signals, url: str | None, site_keys: set[str]) -> list[Author]:
    """People in the first byline element of the article, and in its siblings of the same kind
    (pages that give each author an element of their own); else a byline printed without markup
    (a byline element naming only the site does not count)."""
    found: list[Author] = []
    family: tuple[int, str] | None = None
    marks: dict[int, tuple[bool, bool]] = {}
    for index, node in enumerate(_byline_elements(tree, signals)):
        if index > 40:
            break
        if _reader_slot(node) or _avatar_monogram(node):
            continue
        if _labelled_starter(node) and not _outside_article(node, marks):
            starter = _drop_site(_byline_people(node, url), site_keys)
            if starter:
                return starter[:1]
        if family is not None and _family(node) != family:
            continue
        if _outside_article(node, marks):
            continue
        people = _byline_people(node, url)
        if people and family is None:
            family = _family(node)
        found += people
    found = _drop_site(_without_monograms(_unique(found)), site_keys)
    if not found:
        people, raw, locator = printed_byline(tree, lambda node: not _outside_article(node, marks))
        if not people:
            people, raw, locator = _by_line_near_headline(signals.h1, marks)
        evidence = Evidence(source="byline", locator=locator, raw=raw)
        found = _drop_site([Author(name=p.name, role=p.role, evidence=evidence) for p in people], site_keys)
    return found


# Initials printed in place of a picture ("JD" in a round badge beside "Jane Doe").
_MONOGRAM = re.compile(r"^[A-Z]{1,3}$")


def _avatar_monogram(node: LexborNode) -> bool:
    """An avatar that prints the writer's initials: a picture, not a byline."""
    marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".casefold()
    return "avatar" in marker and bool(_MONOGRAM.match(clean_text(node.text()).replace(" ", "")))


def _without_monograms(found: list[Author]) -> list[Author]:
    """Drop a name that is only the initials of another name found beside it."""
    initials = {
        "".join(word[0] for word in author.name.split()).upper()
        for author in found
        if len(author.name.split()) >= 2
    }
    return [a for a in found if not (_MONOGRAM.match(a.name) and a.name in initials)]


def _byline_elements(tree: LexborHTMLParser, signals: Signals | None = None) -> list[LexborNode]:
    """The elements that name an author, each once per mark of one it bears (a selector list of
    the marks finds it so): its class words, ``rel="author"`` (in any case, as HTML compares
    it), ``itemprop="author"``, an ``<address>``. When the dates will read the dateline boxes
    too (``signals`` given), one walk finds both, and the datelines wait in ``signals``."""
    if signals is not None and signals.datelines is None and reads_datelines(signals):
        signals.datelines, boxes = datelines_and_bylines(tree)
    else:
        boxes = with_class_parts(tree, _BYLINE_CLASS_PARTS, _BYLINE_OTHERS)
    found: list[LexborNode] = []
    for node, parts in boxes:
        attributes = node.attributes
        marks = (
            parts
            + ((attributes.get("rel") or "").lower() == "author")
            + (attributes.get("itemprop") == "author")
            + (node.tag == "address")
        )
        found += [node] * marks
    return found


_ACCOUNT_MARKER = re.compile(r"log-?in|sign-?in|sign-?up|account|profile-menu|user-menu")


def _reader_slot(node: LexborNode) -> bool:
    """A "username" element that is not one poster's name: the signed-in reader's slot in an
    account menu, or a box holding a member's menu of links besides the name."""
    if "username" not in (node.attributes.get("class") or "").lower():
        return False
    if sum(1 for line in node.text(separator="\n").split("\n") if line.strip()) > 1:
        return True
    current, depth = node, 0
    while current is not None and depth < 6 and current.tag_id not in ARTICLE_BOX_IDS:
        marker = f"{current.attributes.get('class') or ''} {current.attributes.get('id') or ''}".lower()
        if _ACCOUNT_MARKER.search(marker):
            return True
        current, depth = current.parent, depth + 1
    return False


# What a thread's pages print beside the name of who opened it.
_STARTER = re.compile(r"\b(?:thread|discussion|topic)\s+(?:starter|author)\b|\boriginal\s+poster\b", re.I)


def _labelled_starter(node: LexborNode) -> bool:
    """Whether an author box, or the short line holding it, says it names the thread's starter."""
    for holder in (node, node.parent):
        if holder is None:
            break
        text = holder.text(deep=True)
        if len(text) > 300:
            break
        if _STARTER.search(text):
            return True
    return False


_BY_LABEL = re.compile(r"^(?:by|written\s+by|posted\s+by|author|von|par|por|door|av)\s*:?$", re.IGNORECASE)


def _by_line_near_headline(
    h1: LexborNode | None, marks: dict[int, tuple[bool, bool]]
) -> tuple[list[PersonName], str, str]:
    """A "By Jane Doe" line printed beside the heading in elements that name nothing a byline:
    its first line (a date often follows on the next), or the line after a lone "By".

    A wrapper around the heading itself that reads as a sidebar or widget (page builders name
    every box so) says nothing of the lines beside the heading."""
    if h1 is None:
        return [], "", ""
    heading_outside = _outside_article(h1, marks)
    for node in around_headline(h1):
        lines = [line for line in (clean_text(t) for t in node.text(separator="\n").split("\n")) if line]
        if not lines or (not heading_outside and _outside_article(node, marks)):
            continue
        line = f"{lines[0]} {lines[1]}" if len(lines) > 1 and _BY_LABEL.match(lines[0]) else lines[0]
        label = line.split(maxsplit=1)[0] if " " in line else ""
        if len(line) > 80 or not (_BY_LABEL.match(label) or line.casefold().startswith("written by ")):
            continue
        people = split_byline(line)
        if people and all(looks_like_person(p.name) for p in people):
            return people, line, f"{node.tag} near the headline"
    return [], "", ""


def _family(node: LexborNode) -> tuple[int, str]:
    """The parent and the tag and class: siblings of one kind share it."""
    parent = node.parent
    return (parent.mem_id if parent is not None else 0, f"{node.tag}.{node.attributes.get('class') or ''}")


_TOPIC_LINK = re.compile(
    r"/(?:category|categories|section|sections|tag|tags|topic|topics|thema|themen|rubrik)/", re.I
)


def _byline_people(node: LexborNode, url: str | None) -> list[Author]:
    name_node = node.css_first('[itemprop="name"]') or node
    if name_node.tag == "meta":
        text = clean_text(name_node.attributes.get("content"))
    else:
        lines = (clean_text(line) for line in name_node.text(separator="\n").split("\n"))
        text = "; ".join(line for line in lines if line)
    if not text or len(text) > 150:
        return []
    href = node.attributes.get("href") if node.tag == "a" else None
    if href is None and (link := node.css_first("a[href]")) is not None:
        href = link.attributes.get("href")
    if href and _TOPIC_LINK.search(href):
        return []  # an author slot holding only the section's link
    if href:
        href = join_url(url, href) if url else (href if split_url(href) is not None else None)
    source: EvidenceSource = "microdata" if node.attributes.get("itemprop") else "byline"
    people = _people(text, source, _locator(node), href, is_org=False)
    # The profile link names the person when the words around it ("Thread starter") do not.
    linked = _profile_link_name(node, source, url)
    if linked and all(p.name != linked[0].name for p in people):
        return linked
    return people


# Where sites keep a member's page: a link there is labelled with the member's name or handle.
_PROFILE_LINK = re.compile(r"/(?:users?|members?|profiles?|u|people|authors?|community/profile)/", re.I)
_HANDLE = re.compile(r"^(?=[\w.\-]*[^\W\d_])[\w.\-]{2,40}$")


def _profile_link_name(node: LexborNode, source: EvidenceSource, url: str | None) -> list[Author]:
    """The poster named by the profile link of an author box that also prints badges and
    counts ("jdoe77 1,204 posts"): the link's text, a full name or a one-word handle."""
    links = [node] if node.tag == "a" else node.css("a[href]")[:3]
    for link in links:
        href = link.attributes.get("href") or ""
        text = clean_text(link.text(deep=True))
        if len(text) < 2 or not _PROFILE_LINK.search(href):
            continue  # an avatar's initial is no name
        named = split_byline(text)
        if not (len(named) == 1 and named[0].name == text) and not _HANDLE.match(text):
            continue
        target = join_url(url, href) if url else (href if split_url(href) is not None else None)
        evidence = Evidence(source=source, locator=_locator(link), raw=text)
        return [Author(name=text, url=target, evidence=evidence)]
    return []


def _outside_article(node: LexborNode, marks: dict[int, tuple[bool, bool]]) -> bool:
    """In a comment, sidebar, teaser or footer; or an image credit, not a byline. ``marks`` keeps
    what each element's tag, class and id say, so that an element many candidates share is read
    once (a class attribute can run to the rest of a broken page)."""
    if node.tag_id in _NOT_TEXT_IDS:
        return True
    current: LexborNode | None = node
    depth = 0
    while current is not None and depth < 8 and current.tag_id not in ARTICLE_BOX_IDS:
        found = marks.get(current.mem_id)
        if found is None:
            found = marks[current.mem_id] = _marks(current)
        outside, credit = found
        if outside or (depth <= 1 and credit):
            return True
        current = current.parent
        depth += 1
    return False


def _marks(node: LexborNode) -> tuple[bool, bool]:
    """Whether the element reads as outside the article, and whether as an image credit."""
    marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    outside = node.tag in _NOT_BYLINE_TAGS or _OUTSIDE_MARKER.search(marker) is not None
    return outside, any(word in marker for word in _CREDIT_MARKERS)


def _locator(node: LexborNode) -> str:
    classes = (node.attributes.get("class") or "").split()
    return node.tag + "".join(f".{c}" for c in classes[:2])
