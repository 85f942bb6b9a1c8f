"""Headline, subheadline and site name.

The headline printed on the page (the main ``<h1>``) is the article's own words; meta titles
are often rewritten for search or social cards, and ``<title>`` carries the site's name. The
``<h1>`` is trusted when a declared title confirms it, or differs from it only by an affix, a
kicker, typography or (on an article) a rewording for search; otherwise the declared headline
is taken, with the site's name, a section and a tagline after a vertical bar removed. An
``<h1>`` that is the site's logo is no headline: its words mark the site's part of the titles.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from newsledger.caching import short_key_cache
from newsledger.extract.hygiene import split_url
from newsledger.extract.metadata import jsonld
from newsledger.extract.metadata.choose import evidence_for, first_field
from newsledger.extract.metadata.dates import parse_date
from newsledger.extract.metadata.signals import Found, Signals, clean_text, domain_key
from newsledger.model import TextField

_SEPARATORS = re.compile(r"\s+[|–—·•:»/-]\s+|\s+[-–—|]\s*$|\s*\|\s*")


def site_name(signals: Signals) -> TextField | None:
    candidates = [
        *signals.all("og:site_name"),
        *_jsonld_publisher(signals),
        *signals.all("application-name", "twitter:site", "publisher", "dc.publisher"),
    ]
    candidates = [
        Found(c.value.lstrip("@"), c.source, c.locator)
        for c in candidates
        if not c.value.startswith(("http://", "https://"))
    ]
    return first_field(candidates)


def _jsonld_publisher(signals: Signals) -> list[Found]:
    if signals.article is None:
        return []
    publisher = signals.resolve(signals.article.get("publisher"))
    name = jsonld.text_of(publisher.get("name")) if isinstance(publisher, dict) else jsonld.text_of(publisher)
    return [Found(clean_text(name), "json-ld", f"{signals.article_locator}.publisher.name")] if name else []


def headline(signals: Signals, site: str | None, url: str | None = None) -> TextField | None:
    """The candidate most sources agree on; ties go to the most trusted source.

    Order of trust: JSON-LD headline, OpenGraph title, the main ``<h1>``, other meta titles,
    ``<title>`` (site names removed from all but JSON-LD and ``<h1>``). Agreement is counted
    among the first three, comparing letters and digits only (an ``<h1>`` that lost a colon
    between its kicker and headline still agrees).
    """
    page_url = url or signals.canonical or ""
    ordered = _ordered_titles(signals, site, domain_key(page_url), page_url)
    if not ordered:
        return None
    voters = [c for c in ordered if c.source == "json-ld" or c.locator in _VOTERS]
    votes = Counter(_key(c.value) for c in voters)
    chosen = max(ordered, key=lambda c: votes[_key(c.value)])
    reason = "fewer sources agree" if votes[_key(chosen.value)] > 1 else "lower-priority source"
    if votes[_key(chosen.value)] == 1 and (shared := _shared_after_kickers(voters)) is not None:
        chosen, reason = shared, "a different kicker before the same headline"
    visible = next((c for c in ordered if c.locator == "h1"), None)
    # Two declared sources agreeing on an affix make it the publisher's headline.
    agreed = sum(c.locator != "h1" and _key(c.value) == _key(chosen.value) for c in voters) > 1
    if (
        visible is not None
        and chosen is not visible
        and not agreed
        and _same_headline(visible.value, chosen.value, site)
    ) or (
        # An article's own markup fills its declared headline from the search title.
        visible is not None
        and chosen is not visible
        and _in_article(signals)
        and _reworded(visible.value, chosen.value, site)
    ):
        chosen, reason = visible, "the printed headline, reworded for search or social cards or with an affix"
    others = [c for c in ordered if c is not chosen]
    if (head := _before_bar(chosen.value)) != chosen.value:
        others.insert(0, chosen)
        chosen = Found(head, chosen.source, chosen.locator)
        reason = "a tagline, section or site after a vertical bar"
    return TextField(value=chosen.value, evidence=evidence_for(chosen, others, reason))


def _before_bar(title: str) -> str:
    """A vertical bar is no punctuation of prose: what follows it in a title is a tagline, a
    section or the site ("Headline | Top 19 Picks", "Headline | Opinion"). A single word, or a
    short head before a long rest, is a kicker ("BUDGET | Tax office hires ten new auditors")."""
    head, bar, rest = title.partition(" | ")
    words = len(head.split())
    return head.strip() if bar and words >= 2 and words >= 0.4 * len(rest.split()) else title


def _in_article(signals: Signals) -> bool:
    """Whether the page declares an article (JSON-LD) or prints its headline inside its one
    ``<article>`` (several are teasers or cards, one of which may hold a heading)."""
    if signals.article is not None:
        return True
    if signals.articles != 1:
        return False
    node = signals.h1.parent if signals.h1 is not None else None
    for _ in range(_ARTICLE_DEPTH):
        if node is None:
            return False
        if node.tag == "article":
            return True
        node = node.parent
    return False


_ARTICLE_DEPTH = 12


def _same_headline(printed: str, declared: str, site: str | None) -> bool:
    """Whether the declared title is the printed headline in other typography (quotes, case,
    an ellipsis) or with an affix: after it (a site, a search phrase: "Headline | Top 19 Picks")
    or before it (a kicker, a brand: "Topic: Headline")."""
    printed_key, declared_key = _key(printed), _key(declared)
    if len(printed_key) < 3 or (site and printed_key == _key(site)):
        return False
    if printed_key == declared_key:
        # The case or a separator tells them apart: the printed one reads as meant, unless it
        # has fewer marks (separators lost between the heading's elements are the extraction's,
        # not the page's). Curly or straight quotes are the same words either way.
        if _straight(printed) == _straight(declared):
            return _letters(printed) != _letters(declared)
        return _marks(printed) >= _marks(declared)
    if (
        len(printed_key) >= 8
        and declared_key.startswith(printed_key)
        and 2.5 * len(printed_key) >= len(declared_key)
    ):
        return True
    if len(printed_key) >= 8 and declared_key.endswith(printed_key):
        return True
    if len(declared_key) >= 8 and printed_key.startswith(declared_key) and _grown(printed, declared, site):
        return True
    # A short heading ("Kayaks") whose declared title goes on past it at a word's end.
    return declared.casefold().startswith(printed.casefold()) and bool(
        _AFTER_SEPARATOR.match(declared, len(printed))
    )


def _grown(printed: str, declared: str, site: str | None) -> bool:
    """Whether the printed headline goes on past the declared title in words of its own
    ("Price Guide & Hourly Rates" for "Price Guide"), not with a site, a source or a count set
    apart ("Headline | Site", "Headline (example.com) 87")."""
    parts = [p for p in _SEPARATORS.split(printed) if p.strip()]
    if len(parts) > 1 and any(_key(p) == _key(declared) for p in parts):
        return False
    if _HOST_NAME.search(printed) and not _HOST_NAME.search(declared):
        return False
    extra = _stems(printed) - _stems(declared)
    return any(not stem.isdigit() for stem in extra) and not (site and _key(site) in _key(printed))


_AFTER_SEPARATOR = re.compile(r"\s*[:|–—·•»+]|\s+-\s|\s+(?=\w)")
_WORD = re.compile(r"\w+")


def _stems(text: str) -> set[str]:
    """The words of a title, each cut to its first letters so that inflections still meet."""
    return {word[:5] for word in _WORD.findall(text.casefold()) if len(word) > 3 or word.isdigit()}


def _reworded(printed: str, declared: str, site: str | None) -> bool:
    """Whether the declared title says what the printed headline says in other words: most of
    the headline's words are in it, and each has words of its own (a rewording for search,
    not the headline with an affix or a kicker)."""
    if site and _key(printed) == _key(site):
        return False
    mine, theirs = _stems(printed), _stems(declared)
    shared = len(mine & theirs)
    return (
        shared >= 2
        and shared >= 0.5 * len(mine)
        and bool(mine - theirs)
        and bool(theirs - mine)
        and len(mine ^ theirs) > 2
    )


_STRAIGHT_QUOTES = str.maketrans({q: "'" for q in "‘’‚‛"} | {q: '"' for q in "“”„‟«»"})


def _straight(text: str) -> str:
    return text.translate(_STRAIGHT_QUOTES)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _marks(text: str) -> int:
    """Punctuation marks that part a title; quotation marks and a symbol or emoji decorating a
    card title are none."""
    return sum(unicodedata.category(ch) in _PARTING and ch not in _QUOTES for ch in text)


# Dashes and other punctuation (":", "/", "?"); quotation marks and apostrophes aside.
_PARTING = frozenset({"Pd", "Po"})
_QUOTES = frozenset("'\"‘’‚‛“”„‟«»‹›")


_KICKER = re.compile(r"^[^:|–—-]{3,60}?(?::|\s[-–—|])\s+")


def _after_kicker(title: str) -> str:
    match = _KICKER.match(title)
    # A quotation that opens before the separator runs on past it: not a kicker.
    if match is None or sum(match.group(0).count(q) for q in "'\"„“”‘’«»") % 2:
        return title
    return title[match.end() :]


def _shared_after_kickers(voters: list[Found]) -> Found | None:
    """Sources that each put a different kicker before one headline ("Topic: Headline",
    "Other topic - Headline") agree on the headline."""
    rests = [(c, _after_kicker(c.value)) for c in voters]
    for index, (first, rest) in enumerate(rests):
        for second, other in rests[index + 1 :]:
            if rest == other and rest not in (first.value, second.value) and len(rest) >= 20:
                return Found(rest, first.source, first.locator)
    return None


_VOTERS = ('meta[property="og:title"]', "h1")


def _ordered_titles(signals: Signals, site: str | None, domain: str, url: str) -> list[Found]:
    found: list[Found] = []
    declared = ""
    if signals.article is not None:
        value = jsonld.text_of(signals.article.get("headline")) or jsonld.text_of(signals.article.get("name"))
        if value and (declared := _unquoted(_MARKDOWN_HEADING.sub("", clean_text(value)))):
            found.append(Found(declared, "json-ld", f"{signals.article_locator}.headline"))
    printed, logo = _printed_heading(signals, url)
    keys = (domain, _key(logo)) if logo else (domain,)
    found += [_stripped(c, site, keys, declared) for c in signals.all("og:title")[:1]]
    if printed:
        found.append(Found(strip_site(printed, site, *keys, guess=False), "dom", "h1"))
    found += [
        _stripped(c, site, keys, declared)
        for c in signals.all("twitter:title", "dc.title", "title", "headline")
    ]
    if signals.title:
        found.append(_stripped(Found(signals.title, "dom", "title"), site, keys, declared))
    found = [Found(_FORUM_LABEL.sub("", c.value), c.source, c.locator) for c in found]
    readable = [c for c in found if c.value and len(c.value) <= MAX_HEADLINE_CHARS]
    return _completed_truncations(_without_glued_site(readable, site))


# The label a board's software puts before a thread's subject ("Thread: ...", "View topic - ...").
_FORUM_LABEL = re.compile(r"^(?:view\s+(?:topic|thread)|thread|topic)\s*(?::|\s[-–—])\s+(?=\S)", re.IGNORECASE)


# Headlines run to a couple of hundred characters. A candidate far longer is the rest of a
# page swallowed by a ``<title>`` or heading left open, and no headline.
MAX_HEADLINE_CHARS = 1_000


def _unquoted(value: str) -> str:
    """A JSON-LD headline wrapped whole in double quotes ('"How Git works"') carries them from
    its serialisation; a quotation that is only part of it stays."""
    if len(value) > 2 and value[0] == value[-1] == '"' and '"' not in value[1:-1]:
        return value[1:-1].strip()
    return value


# A Markdown heading mark ("## Title") left in a declared title by the text it was cut from.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?=\w)")


def _printed_heading(signals: Signals, url: str) -> tuple[str, str]:
    """The text of the ``<h1>`` that prints the headline, and that of an ``<h1>`` that prints
    the site's name instead (its logo, linking to the home page), which marks the site's part
    of the declared titles. Past a logo, a later ``<h1>`` counts only when a declared title
    confirms it."""
    main = signals.h1
    text = heading_text(main) if main is not None else ""
    if main is None or not _is_logo(main, text, url):
        return text, ""
    declared = [c.value for c in signals.all("og:title", "twitter:title")]
    if signals.title:
        declared.append(signals.title)
    parts = {_key(p) for title in declared for p in _SEPARATORS.split(title)} - {"", _key(text)}
    for node in signals.headings[:_HEADINGS_LOOKED_AT]:
        if node.mem_id != main.mem_id and _key(other := heading_text(node)) in parts:
            return other, text
    return "", text


_HEADINGS_LOOKED_AT = 12
_HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)


def _is_logo(node: LexborNode, text: str, url: str) -> bool:
    """A heading that is the site's name: written as a host name, or linking to the home page."""
    if _HOST_NAME.fullmatch(text):
        return True
    links = [a.attributes.get("href") for a in node.css("a")]
    parent = node.parent
    for _ in range(2):
        if parent is None:
            break
        if parent.tag == "a":
            links.append(parent.attributes.get("href"))
        parent = parent.parent
    return any(href and _is_home(href, url) for href in links)


def _is_home(href: str, url: str) -> bool:
    """Whether a link leads to a home page above this one: the site's ("/", "../index.html")
    or that of the section the page is in."""
    href = href.strip()
    if not href or href.startswith("#"):
        return False
    try:
        parts, page = split_url(urljoin(url, href)), split_url(url)
    except ValueError:
        return False
    if parts is None or parts.scheme not in ("http", "https", ""):
        return False
    folder = parts.path.rsplit("/", 1)[0] + "/" if "index." in parts.path else parts.path.rstrip("/") + "/"
    if folder == "/" or page is None or parts.netloc != page.netloc:
        return folder == "/"
    return page.path.startswith(folder) and len(page.path.rstrip("/")) > len(folder.rstrip("/"))


# Symbols a heading carries as its own permalink ("Quickstart¶"), not as words.
_PERMALINK_MARKS = "¶§#🔗"
_LINE_BREAKING = frozenset({"br", "div", "p", "li"})


def heading_text(node: LexborNode) -> str:
    """The words of a heading as printed: a line break or a block inside it parts words
    ("Weekend<br>Coding" reads "Weekend Coding"), so do two elements whose words would
    otherwise run together ("<span>Kicker</span><span>Headline</span>"), and a trailing
    permalink mark is dropped. A heading left unclosed can hold the rest of the page: only its
    first ``MAX_HEADING_NODES`` nodes are read."""
    parts: list[str] = []
    holder = None
    # Nodes still to visit, last first, each with whether an unprinted element holds it.
    todo: list[tuple[LexborNode, bool]] = [(node, False)]
    visited = 0
    while todo and visited < MAX_HEADING_NODES:
        inner, unprinted = todo.pop()
        visited += 1
        tag = inner.tag
        if tag == "-text":
            if not unprinted:
                text = inner.text_content or ""
                parent = inner.parent.mem_id if inner.parent is not None else None
                if parts and parent != holder and _runs_together(parts[-1], text):
                    parts.append(" ")
                parts.append(text)
                holder = parent
            continue
        if tag in _LINE_BREAKING and inner is not node:
            parts.append(" ")
        todo.extend(reversed(_children(inner, unprinted or tag in _UNPRINTED, MAX_HEADING_NODES - visited)))
    return clean_text("".join(parts)).rstrip(_PERMALINK_MARKS + " ")


# A printed heading holds a few dozen nodes; an unclosed one can hold the page.
MAX_HEADING_NODES = 2000


def _children(node: LexborNode, unprinted: bool, limit: int) -> list[tuple[LexborNode, bool]]:
    found: list[tuple[LexborNode, bool]] = []
    child = node.child
    while child is not None and len(found) < limit:
        found.append((child, unprinted))
        child = child.next
    return found


# Elements whose text a reader never sees as words of the heading: a button's label
# ("Copy item path"), style rules, scripts.
_UNPRINTED = frozenset({"button", "style", "script", "noscript", "template", "svg"})


def _runs_together(before: str, after: str) -> bool:
    """A word of one element ending where a capitalised word of the next begins ("DemoDer")."""
    return bool(before) and bool(after) and before[-1].islower() and after[0].isupper()


def _completed_truncations(found: list[Found]) -> list[Found]:
    """A title cut short, with an ellipsis or inside a bracket it never closes, gives way to a
    candidate it is the beginning of."""
    out = []
    for candidate in found:
        stem = candidate.value.removesuffix("…").removesuffix("...").rstrip()
        if (stem != candidate.value or _unclosed(stem)) and len(stem) >= 10:
            full = next(
                (
                    c.value
                    for c in found
                    if len(c.value) > len(stem) + 1
                    and c.value.startswith(stem)
                    and not c.value.endswith(("…", "..."))
                ),
                None,
            )
            if full:
                candidate = Found(full, candidate.source, candidate.locator)
        out.append(candidate)
    return out


def _unclosed(title: str) -> bool:
    return title.count("(") > title.count(")") or title.count("[") > title.count("]")


def _stripped(found: Found, site: str | None, keys: tuple[str, ...], declared: str) -> Found:
    # A tail the JSON-LD headline carries too is part of the headline, unless it names the site.
    guess = found.value != declared
    value = strip_site(_MARKDOWN_HEADING.sub("", found.value), site, *keys, guess=guess)
    return Found(value, found.source, found.locator)


def _without_glued_site(found: list[Found], site: str | None) -> list[Found]:
    """A title ending in the site's name without a spaced separator ("Headline-Section|Site")
    is replaced by another candidate that is its beginning."""
    if not site or len(site) < 2:
        return found
    out = []
    for candidate in found:
        value = candidate.value
        if value.casefold().endswith(site.casefold()) and len(value) > len(site) + 10:
            head = next(
                (
                    c.value
                    for c in found
                    if len(c.value) >= 10 and value.startswith(c.value) and c.value != value
                ),
                None,
            )
            if head:
                candidate = Found(head, candidate.source, candidate.locator)
        out.append(candidate)
    return out


def strip_site(title: str, site: str | None, *domains: str, guess: bool = True) -> str:
    """``title`` without the site's name or a date around it ("Headline | Site | 28.04.2023").

    ``domains`` are other keys the site goes by (its domain, its logo's words). Without
    ``guess`` a last part is removed only when it is the site's name or a date.
    """
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    site_keys = {k for k in (_key(site or ""), *domains) if len(k) >= 2}
    kept = [p for p in parts if not (_is_site_name(p, site_keys) or _is_date(p) or _BYLINE_PART.match(p))]
    # A part that mentions the site ("The Daily Example Online") goes when another part does not;
    # the first part only when it is mostly the site's name (a headline may name the site).
    plain = [p for p in kept if not _mentions_site(p, site_keys, first=p is parts[0])]
    if plain:
        kept = plain
    if kept and len(kept) < len(parts):
        # A last part that only mentions the site ("Site Forums") needs named sections before it: a
        # lowercase part runs on the headline ("Headline – tips and tricks | Site Health").
        names_site = _is_site_name(parts[-1], site_keys) or (
            _mentions_site(parts[-1], site_keys, first=False) and all(p.strip()[:1].isupper() for p in kept[1:])
        )
        if kept[0] is parts[0] and names_site and _sections(kept[1:], kept[0]):
            kept = kept[:1]
        return _rejoin(title, kept)
    if not guess:
        return title.strip()
    # Without a known site name only a short, capitalised last part is taken for it.
    last = parts[-1].strip()
    looks_like_name = not last[0].islower() or ("." in last and " " not in last)
    if len(last) <= 30 and looks_like_name and len(last) < len(" ".join(parts[:-1])) / 1.5:
        return _rejoin(title, parts[:-1])
    return title.strip()


def _sections(middle: list[str], first: str) -> bool:
    """Whether the parts between the page's title and the site's name are short section names
    ("Headline / Section / Site", a breadcrumb read backwards)."""
    return bool(middle) and all(len(p.split()) <= 3 and len(p) < len(first) for p in middle)


# A title part that is the byline ("Headline | Site | by Jane Doe").
_BYLINE_PART = re.compile(r"^\s*(?:by|von|par|por|door|av|af)\s+\S", re.IGNORECASE)


def _is_site_name(part: str, site_keys: set[str]) -> bool:
    key = _key(part)
    return len(key) >= 2 and any(key == site or site.startswith(key) for site in site_keys)


def _mentions_site(part: str, site_keys: set[str], *, first: bool) -> bool:
    key = _key(part)
    return any(
        len(site) >= 5 and site in key and (not first or 2 * len(site) >= len(key)) for site in site_keys
    )


def _is_date(part: str) -> bool:
    return len(part) <= 30 and any(map(str.isdigit, part)) and parse_date(part) is not None


def _rejoin(title: str, kept: list[str]) -> str:
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(kept)


_NOT_WORD = re.compile(r"[\W_]+")


@short_key_cache(maxsize=1024)
def _key(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold())


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
