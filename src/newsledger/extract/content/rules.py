"""The vocabulary of boilerplate: class/id words, tag semantics and short-text patterns.

Kept as data so that a rule can be read, tested and changed without touching the algorithm.
Every rule is generic: words page authors use for a kind of box, never a site's own names.
"""

from __future__ import annotations

import functools
import re

from newsledger.model import BoilerplateKind

# A class/id word matches at the start of a token or after a separator (``-``, ``_``, space,
# or a camelCase hump, lowered first); most words may run on (``share`` matches ``sharebar``).
_START = r"(?:^|[^a-z0-9])"
_END = r"(?:$|[^a-z0-9])"


def _words(*words: str) -> str:
    return _START + "(?:" + "|".join(words) + ")"


def _exact(*words: str) -> str:
    return _START + "(?:" + "|".join(words) + ")" + _END


def _whole(*words: str) -> str:
    """Whole class tokens only: ``hidden`` but not ``hidden-xs`` (hidden on small screens)."""
    return r"(?:^|\s)(?:" + "|".join(words) + r")(?=\s|$)"


# One alternation, a named group per kind, listed from the most to the least specific.
_CLASS_WORDS: tuple[tuple[BoilerplateKind, str], ...] = (
    ("cookie_consent", _words("cookie", "consent", "gdpr", "cmp")),
    (
        "donation_appeal",
        _words("donat", "support-?us", "contribut", "fundrais", "patreon", "appeal", "membership"),
    ),
    (
        "newsletter",
        _words("newsletter", "subscri", "sign-?up", "signup", "mailing", "opt-?in", "email-?capture"),
    ),
    ("paywall", _words("paywall", "regwall", "piano", "premium-?wall")),
    (
        "comments",
        _words(
            "comments?(?:-?(?:list|section|area|form|thread|wrap\\w*|container)|s)?(?:$|\\s)",
            "disqus",
            "discussion",
            "respond",
            "replies",
        ),
    ),
    (
        "share_bar",
        _words(
            "share",
            "sharing",
            "social",
            "addthis",
            "sharethis",
            "follow-?us",
            "print-?button",
            "teilen",
            "partager",
            "compartir",
            "condividi",
        ),
    ),
    (
        "related_links",
        _words(
            "related",
            "recommend",
            "more-?stories",
            "more-?articles",
            "morestories",
            "also-?read",
            "read-?also",
            "read-?more",
            "readmore",
            "trending",
            "popular",
            "most-?read",
            "mostread",
            "outbrain",
            "taboola",
            "teaser",
            "further-?reading",
            "up-?next",
            "next-?up",
            "more-?from",
            "you-?may",
            "suggest",
            "other-?stories",
            "more-?on",
            "promo",
            "rail",
            "sidebar",
            "widget",
        ),
    ),
    (
        "advertisement",
        _exact(
            "ad",
            "ads",
            "adv",
            "advert\\w*",
            "ad-\\w+",
            "\\w+-ad",
            "\\w+-ads",
            "sponsor\\w*",
            "dfp\\w*",
            "gpt\\w*",
            "adslot\\w*",
            "adunit\\w*",
            "commercial\\w*",
            "banner\\w*",
        ),
    ),
    ("navigation", _words("nav", "menu", "breadcrumb", "pagination", "pager", "skip-?link", "toolbar")),
    (
        "author_box",
        _words(
            "author-?bio",
            "about-?the-?author",
            "about-?author",
            "author-?box",
            "author-?info",
            "author-?card",
            "bio",
            "contributor",
        ),
    ),
    ("byline", _words("byline", "author", "autor", "writer")),
    (
        "dateline",
        _exact("date\\w*", "time", "timestamp", "published", "updated", "pubdate", "dateline", "meta"),
    ),
    ("caption", _words("caption", "credit", "figcaption")),
    ("tags", _whole("tags?", "tag-?list", "tag-?links", "keywords", "topics", "categories")),
    ("footer", _words("footer")),
    ("header", _words("header", "masthead", "topbar")),
    (
        "label",
        _whole("sr-only", "visually-?hidden", "screen-?reader\\w*", "hidden", "offscreen", "print-?only"),
    ),
    ("other", _whole("modal", "popup", "pop-up", "overlay", "lightbox")),
)
# Class tokens that name what an article is about (``category-fundraising``, ``tag-cookies``),
# as blog engines write them on the article itself; they say nothing about the box.
_TAXONOMY_TOKEN = re.compile(r"(?:^|\s)(?:category|tag|tags|topic|topics|term)-\S*")
_CLASS_PATTERN = re.compile("|".join(f"(?P<{kind}>{words})" for kind, words in _CLASS_WORDS))

# Elements that by their tag are never article prose (their kind; ``None``: by class only).
TAG_KINDS: dict[str, BoilerplateKind] = {
    "nav": "navigation",
    "footer": "footer",
    "header": "header",
    "aside": "related_links",
    "form": "other",
}

# Short blocks whose wording is one of these formulas are page furniture, whatever their class.
_TEXT_FORMULAS: tuple[tuple[BoilerplateKind, str], ...] = (
    (
        "newsletter",
        r"\b(?:sign(?:ing)? up|subscribe)\b.{0,80}\b(?:newsletter|e-?mail|inbox)|\bnewsletters?\b",
    ),
    (
        "donation_appeal",
        r"\b(?:donate|donation|make a (?:gift|contribution)|support (?:us|our|independent)|become a (?:member|supporter|patron))\b",
    ),
    (
        "share_bar",
        r"^(?:share(?: this)?(?: article| story| post)?|tweet|e-?mail|print|copy link|follow us)\b.{0,40}$",
    ),
    (
        "advertisement",
        r"^(?:advertisement|advertising|advert|sponsored(?: content)?|anzeige|werbung|реклама)$",
    ),
    (
        "related_links",
        r"^(?:read more|related(?: articles| stories| content)?|more on this|see also|recommended|also read|read also|read next|mehr zum thema|lesen sie auch|читайте також|читайте также)\b.{0,120}$",
    ),
    ("cookie_consent", r"\bcookies?\b.{0,120}\b(?:use|accept|consent|policy|settings)\b"),
    ("comments", r"^(?:\d+ )?comments?$|^(?:leave|post) a (?:comment|reply)"),
)
_TEXT_PATTERN = re.compile("|".join(f"(?P<{kind}>{formula})" for kind, formula in _TEXT_FORMULAS), re.I)

# The longest text the text formulas are tried on: a real paragraph may mention a newsletter.
TEXT_RULE_MAX_CHARS = 220


@functools.lru_cache(maxsize=8192)
def kind_from_class(tokens: str) -> BoilerplateKind | None:
    """The boilerplate kind a class/id string names, if any (``tokens`` is lower-cased).

    Pages repeat the same class strings many times, hence the cache of this pure function.
    """
    if "-" in tokens:
        tokens = _TAXONOMY_TOKEN.sub(" ", tokens)
    found = {match.lastgroup for match in _CLASS_PATTERN.finditer(tokens)}
    if not found:
        return None
    # The most specific kind wins: ``widget widget_newsletter`` is a newsletter box.
    return next(kind for kind, _ in _CLASS_WORDS if kind in found)


def kind_from_text(text: str) -> BoilerplateKind | None:
    if len(text) > TEXT_RULE_MAX_CHARS:
        return None
    match = _TEXT_PATTERN.search(text)
    return match.lastgroup if match else None  # type: ignore[return-value]
