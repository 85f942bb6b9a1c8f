"""The vocabulary of boilerplate: class/id words, tag semantics and short-text patterns.

Kept as data so that a rule can be read, tested and changed without touching the algorithm.
Every rule is generic: words page authors use for a kind of box, never a site's own names.
"""

from __future__ import annotations

import re

from newsledger.caching import short_key_cache
from newsledger.model import BoilerplateKind


class ClassWords:
    """The words of one boilerplate kind, matched against the words of a class/id string.

    A class string is cut into words at every non-alphanumeric character (``c-share__bar``:
    ``c``, ``share``, ``bar``). ``prefixes`` match at the start of a word (``share`` matches
    ``sharebar``); a prefix of several words (``sign-up``) matches those words in a row or run
    together (``signup``). ``words`` match only a whole word (``ad`` but not ``adobe``);
    ``tokens`` only a whole space-separated class (``hidden`` but not ``hidden-xs``, a class
    that hides on small screens only).
    """

    __slots__ = ("prefixes", "tokens", "words")

    def __init__(self, prefixes: str = "", words: str = "", tokens: str = "") -> None:
        self.prefixes = tuple(prefixes.split())
        self.words = frozenset(words.split())
        self.tokens = frozenset(tokens.split())


# From the most to the least specific: ``widget widget_newsletter`` is a newsletter box.
CLASS_WORDS: tuple[tuple[BoilerplateKind, ClassWords], ...] = (
    ("cookie_consent", ClassWords("cookie consent gdpr")),
    ("donation_appeal", ClassWords("donat support-us contribut fundrais patreon appeal membership")),
    ("newsletter", ClassWords("newsletter subscri sign-up mailing opt-in email-capture")),
    ("paywall", ClassWords("paywall regwall piano premium-wall")),
    (
        "comments",
        ClassWords(
            "comment-list comment-section comment-area comment-form comment-thread comment-wrap "
            "comment-container comments-list comments-section comments-area comments-form "
            "comments-thread comments-wrap comments-container disqus discussion respond replies",
            words="comments comment",
        ),
    ),
    (
        "share_bar",
        ClassWords(
            "share sharing social addthis sharethis follow-us print-button teilen partager compartir condividi"
        ),
    ),
    (
        "advertisement",
        ClassWords("advert sponsor dfp gpt ad-slot ad-unit commercial banner", words="ad ads adv"),
    ),
    (
        "related_links",
        ClassWords(
            "related recommend more-stories more-articles also-read read-also read-more trending popular "
            "most-read outbrain taboola teaser further-reading up-next next-up more-from you-may suggest "
            "other-stories more-on promo rail sidebar widget"
        ),
    ),
    ("navigation", ClassWords("nav menu breadcrumb pagination pager skip-link toolbar")),
    (
        "author_box",
        ClassWords(
            "author-bio about-author about-the-author author-box author-info author-card bio contributor"
        ),
    ),
    ("byline", ClassWords("byline author autor writer")),
    ("dateline", ClassWords("date timestamp published updated pubdate", words="time meta")),
    ("caption", ClassWords("caption credit figcaption")),
    ("tags", ClassWords(tokens="tag tags tag-list taglist tag-links keywords topics categories")),
    ("footer", ClassWords("footer")),
    ("header", ClassWords("header masthead topbar")),
    (
        "label",
        ClassWords(
            tokens="sr-only visually-hidden visuallyhidden screen-reader-text screenreader-text "
            "screen-reader-only hidden offscreen print-only"
        ),
    ),
    # A form's messages after it is sent ("Thank you! Your submission has been received!"), hidden until then.
    ("other", ClassWords("form-done form-fail form-success form-error", tokens="modal popup pop-up overlay lightbox")),
)

_WORD = re.compile(r"[a-z0-9]+")


def _index() -> tuple[dict, dict, dict, dict, dict]:
    """Lookup tables: prefixes by their first two letters (a word meets only a few), prefixes
    of several words by their first word, whole words, whole tokens, and kind priorities."""
    prefixes: dict[str, list[tuple[str, BoilerplateKind]]] = {}
    compounds: dict[str, list[tuple[tuple[str, ...], BoilerplateKind]]] = {}
    exact: dict[str, BoilerplateKind] = {}
    tokens: dict[str, BoilerplateKind] = {}
    for kind, entry in reversed(CLASS_WORDS):
        for prefix in entry.prefixes:
            parts = tuple(prefix.split("-"))
            joined = "".join(parts)
            prefixes.setdefault(joined[:2], []).append((joined, kind))
            if len(parts) > 1:
                compounds.setdefault(parts[0], []).append((parts, kind))
        exact.update(dict.fromkeys(entry.words, kind))
        tokens.update(dict.fromkeys(entry.tokens, kind))
    priority = {kind: rank for rank, (kind, _) in enumerate(CLASS_WORDS)}
    return prefixes, compounds, exact, tokens, priority


_PREFIXES, _COMPOUNDS, _EXACT, _TOKENS, _PRIORITY = _index()
# The first two letters of every word, prefix and compound start above: most class words
# (``col``, ``md``, ``item``) begin otherwise and are passed over with one set lookup.
_STARTS = frozenset({*_PREFIXES, *(word[:2] for word in _EXACT), *(word[:2] for word in _COMPOUNDS)})


# Words saying a box lacks a kind or hides it (``pdp-no-commercial``, ``hide-read-more-ad``,
# ``layout-without-sidebar``): the words after them in a class name what the box is not.
_NEGATIONS = frozenset({"no", "non", "hide", "without", "disable"})


# Words naming a component of the page (a card, a tile, a section of a landing page): a header
# or footer named right after one (``card-header``, ``StyledCustomerCardFooter``) is that
# component's top or bottom line, its title or its link, not the page's header or footer.
_COMPONENTS = frozenset({"card", "cards", "tile", "tiles", "section", "block", "module", "headline", "hero", "feature"})
_PART_KINDS = frozenset({"header", "footer"})


def _kinds_of_words(words: list[str], found: set[BoilerplateKind]) -> None:
    for index, word in enumerate(words):
        if word in _NEGATIONS:
            return
        if word[:2] not in _STARTS:
            continue
        kinds = _kinds_of_word(word)
        if index and words[index - 1] in _COMPONENTS:
            kinds = tuple(kind for kind in kinds if kind not in _PART_KINDS)
        found.update(kinds)
        for parts, kind in _COMPOUNDS.get(word, ()):
            run = words[index : index + len(parts)]
            if len(run) == len(parts) and run[-1].startswith(parts[-1]) and tuple(run[:-1]) == parts[:-1]:
                found.add(kind)


# Words (``content``, ``column``, ``container``) repeat across class strings and pages.
@short_key_cache(maxsize=16384)
def _kinds_of_word(word: str) -> tuple[BoilerplateKind, ...]:
    """The kinds one word names by itself: exactly, or by beginning with a prefix."""
    kinds = [kind for prefix, kind in _PREFIXES.get(word[:2], ()) if word.startswith(prefix)]
    exact = _EXACT.get(word)
    return (exact, *kinds) if exact is not None else tuple(kinds)


_HUMP = re.compile(r"([a-z0-9])([A-Z])")
# A class a style module writes (``Accordion_header__ZMJrk``: module, local name, then a hash of
# five letters and digits); the hash spells no word, though it may begin like one (``__adKqa``).
_MODULE_HASH = re.compile(r"^([A-Za-z0-9-]+_[A-Za-z0-9-]+)__(?![a-z]{5}$)[A-Za-z0-9_-]{5}$")


# Class tokens that name what an article is about (``category-fundraising``, ``tag-cookies``),
# as blog engines write them on the article itself; they say nothing about the box.
_TAXONOMY_TOKEN = re.compile(r"(?:category|tag|tags|topic|topics|term)-")
# Class tokens that switch a feature on or say a panel is open (``subscription-eligible``,
# ``comments-open``, ``sticky-header-enabled``): a state of the page or of the box, not its kind.
# Nor does a utility class with an arbitrary value (``top-[var(--nav-height)]``): its words name
# a style value, here the height of the menu the box is placed under.
_STATE_TOKEN = re.compile(r".-(?:enabled|eligible|allowed|available|visible|active|open)$")

# Elements that by their tag are never article prose (their kind; ``None``: by class only).
TAG_KINDS: dict[str, BoilerplateKind] = {
    "nav": "navigation",
    "footer": "footer",
    "header": "header",
    "aside": "related_links",
    "form": "other",
}

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"

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
    ("footer", r"\ball rights reserved\b|^(?:copyright\b|©)"),
    ("dateline", r"^(?:published|updated|posted|last updated)\b[^.]{0,60}\d{4}[^.]{0,30}$"),
    # The stamp a board or a question-and-answer site writes under each post: what was done
    # to it and when ("answered Mar 28, 2014 at 22:52", "Edited June 19 by jdoe", "Posted by
    # jdoe on 07/03/24 02:57 PM"), a verb of posting then a date, no sentence.
    (
        "dateline",
        r"^(?:answered|asked|edited|modified|commented|replied|posted)\b(?=[^.!?]{0,60}$)"
        rf"(?=.*?(?:\b{_MONTH}[a-z]*\.? \d|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b\d+ \w+ ago\b))",
    ),
    # The reading time, alone or after a byline ("6 min read", "Jane Doe | 5 min read"); a date
    # before it is left with it, as a list of stories dates each of its entries.
    ("dateline", r"^[^.!?\d]{0,50}\b\d+\s*(?:min|mins|minutes?)\.? read$|^reading time\b[^.!?]{0,20}\d[^.!?]{0,12}$"),
    # A list's controls: its sort order, its filters, the count of what it shows.
    (
        "navigation",
        r"^(?:sort(?: by)?:.{0,30}|sort by\b.{0,30}|filters? \(\d+\)"
        r"|showing \d[\d,]*(?:\s*[-–]\s*\d[\d,]*)? of \d[\d,]* (?:results|items|products)"
        r"|(?:loaded )?\d[\d,]* results(?: found)?)$",
    ),
    # A page's table of contents or its skip link, titled alone, and a help page's own controls.
    (
        "navigation",
        r"^(?:table of contents|contents|on this page|in this article|jump to|skip to(?: \w+){1,3}"
        r"|edit this page|was this (?:page |article )?helpful\??)$",
    ),
    # A question-and-answer site's pointers to other questions, and the controls under each post
    # of a thread, each alone on its line.
    (
        "related_links",
        r"^(?:explore )?related questions$|^see similar questions\b.{0,30}$"
        r"|^(?:start asking to get answers|find the answer to your question by asking\.?)$",
    ),
    (
        "other",
        r"^(?:reply|quote|report|like|reply quote|quote reply|multi-?quote|report post|permalink|bookmark"
        r"|add a comment|ask question|show \d+ more comments?|click to expand\W*)$",
    ),
    # A script's message when a request fails ("Oops! Something went wrong. Please try again.").
    (
        "other",
        r"^(?:oops|opps|hmm|sorry|uh oh)\W+something went wrong\b|^something went wrong\W*$"
        r"|^something went wrong\b.{0,60}\bplease try again\b|\bplease try again(?: later)?\W*$"
        r"|^(?:sorry|we(?:'|’)re sorry)\b.{0,150}\bplease try again\b",
    ),
    # What a page shows while a script fetches its part, and the buttons of a shop's items, each
    # a label alone on its line; a count of reviews alone stands beside an item's stars.
    (
        "other",
        r"^(?:loading(?:\.{3}|…)?|add to (?:cart|bag|basket|wishlist|wish list)|buy(?: it)? now|shop now"
        r"|apply now|book now|quick (?:view|shop)|compare)$"
        r"|^\(?\d[\d,.]*k?\)? (?:reviews?|ratings?)$",
    ),
)


def _alternatives(formula: str) -> list[str]:
    """The top-level alternatives of a formula (split at each ``|`` outside groups and sets)."""
    parts: list[str] = []
    depth = start = index = 0
    while index < len(formula):
        char = formula[index]
        if char == "\\":
            index += 1
        elif char == "[":
            # A set ends at the first ``]`` not escaped and not its first member.
            index += 2 if formula[index + 1] == "^" else 1
            if formula[index] == "]":
                index += 1
            while formula[index] != "]":
                index += 2 if formula[index] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and not depth:
            parts.append(formula[start:index])
            start = index + 1
        index += 1
    parts.append(formula[start:])
    return parts


def _text_pattern(anchored: bool) -> re.Pattern[str]:
    """The formulas' alternatives that match only at the start of a text (``^``), or the
    others; groups are named by kind and rank, as a kind may have several formulas."""
    groups = []
    for rank, (kind, formula) in enumerate(_TEXT_FORMULAS):
        parts = [part for part in _alternatives(formula) if part.startswith("^") == anchored]
        if parts:
            groups.append((f"{kind}__{rank}", parts))
    if not anchored and all(part.startswith(r"\b") for _, parts in groups for part in parts):
        # Tried at every position: the word boundary all of them open with is tested once there.
        alternation = "|".join(f"(?P<{name}>{'|'.join(part[2:] for part in parts)})" for name, parts in groups)
        return re.compile(rf"\b(?:{alternation})", re.I)
    return re.compile("|".join(f"(?P<{name}>{'|'.join(parts)})" for name, parts in groups), re.I)


# A search of all the formulas at once tries each at every position of a text, though most
# are anchored at its start: those are tried there only, the others searched for. Of two
# matches the earlier wins, and of two at the start the formula of lower rank, as in one
# search of all of them.
_TEXT_AT_START = _text_pattern(anchored=True)
_TEXT_ANYWHERE = _text_pattern(anchored=False)
_GROUP_RANKS = {
    name: int(name.rpartition("__")[2]) for pattern in (_TEXT_AT_START, _TEXT_ANYWHERE) for name in pattern.groupindex
}

# Words one of which every formula contains: a cheap test before the regular expression.
_TEXT_CUES = (
    "sign", "subscri", "newsletter", "donat", "contribution", "gift", "support", "member", "patron",
    "share", "tweet", "mail", "print", "copy link", "follow", "advert", "sponsor", "anzeige", "werbung",
    "реклама", "read", "related", "more on", "see also", "recommended", "mehr zum", "lesen sie",
    "читайте", "cookie", "comment", "reply", "rights reserved", "copyright", "©", "published", "updated",
    "posted", "answered", "asked", "edited", "modified", "replied", "min", "sort", "filter", "showing",
    "results", "loading", "add to", "now", "quick", "compare", "review",
    "rating", "similar", "asking", "quote", "report", "like", "permalink", "bookmark", "ask question",
    "expand", "went wrong", "try again", "contents", "on this page", "in this article", "jump to", "skip to", "edit this", "helpful",
)  # fmt: skip


def _any_of(words: tuple[str, ...]) -> str:
    """A pattern matching any of ``words``, grouped by first character so that a search
    tries few alternatives at each position."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(tails)})" for first, tails in rests.items())


_TEXT_CUE_FINDER = re.compile(_any_of(_TEXT_CUES))
# A short line that is a date stamp with a few words around it ("Jane Doe 2019-11-20 17:27").
_DATE_STAMP = re.compile(
    r"^\W*(?:[^\W\d]+\.? ){0,4}\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?: [^\W\d]+\.?){0,4}\W*$"
)
DATE_STAMP_MAX_CHARS = 80

# The longest text the text formulas are tried on: a real paragraph may mention a newsletter.
TEXT_RULE_MAX_CHARS = 220


def _word_heads() -> tuple[str, ...]:
    """The shortest beginnings of the words that can name a kind: each prefix (run together),
    whole word, first word of a compound and first word of a whole token has one of these as
    its beginning."""
    heads = {joined for entries in _PREFIXES.values() for joined, _ in entries}
    heads.update(_EXACT, _COMPOUNDS, (token.split("-")[0] for token in _TOKENS))
    return tuple(sorted(head for head in heads if not any(other != head and head.startswith(other) for other in heads)))


# Most class strings name no kind (``col-md-6 container``): in ASCII, a word that names one
# begins with a head, and the string holds that word as it is, lowered (humps and a style
# module's hash only cut it into more words or drop some), so a string without any head names
# none and is not cut into tokens and words. Without humps (no capital), words begin where
# letters and digits do.
_WORD_HEADS = _any_of(_word_heads())
_HEAD_ANYWHERE = re.compile(_WORD_HEADS)
_HEAD_AT_WORD = re.compile(rf"(?<![a-z0-9])(?:{_WORD_HEADS})")


def _names_nothing(tokens: str) -> bool:
    """Whether an ASCII class/id string surely names no kind (a string that may is read)."""
    if tokens.islower():
        return _HEAD_AT_WORD.search(tokens) is None
    return _HEAD_ANYWHERE.search(tokens.lower()) is None


@short_key_cache(maxsize=8192)
def kind_from_class(tokens: str) -> BoilerplateKind | None:
    """The boilerplate kind a class/id string names, if any (camelCase humps count as separators).

    Pages repeat the same class strings many times, hence the cache of this pure function.
    """
    return kind_from_names(tokens)


def kind_from_names(tokens: str) -> BoilerplateKind | None:
    """``kind_from_class`` without its cache, for strings that rarely repeat (an element's id:
    ``post-4711``), which would crowd the class strings out of it; each class of such a string
    is still read once (``_kinds_of_token``)."""
    if tokens.isascii() and _names_nothing(tokens):
        return None
    found: set[BoilerplateKind] = set()
    for token in tokens.split():
        found.update(_kinds_of_token(token))
    if not found:
        return None
    return min(found, key=_PRIORITY.__getitem__)


# A class string is new on most pages; the classes it is made of mostly are not.
@short_key_cache(maxsize=16384)
def _kinds_of_token(token: str) -> tuple[BoilerplateKind, ...]:
    """The kinds one space-separated class names: as a whole token, or by its words."""
    if not token.islower():
        token = _HUMP.sub(r"\1-\2", _MODULE_HASH.sub(r"\1", token)).lower()
    found: set[BoilerplateKind] = set()
    kind = _TOKENS.get(token)
    if kind is not None:
        found.add(kind)
    _kinds_of_words(_WORD.findall(token), found)
    # Most tokens name nothing: whether one is a topic or a state is asked only of the others.
    if not found or _TAXONOMY_TOKEN.match(token) or _STATE_TOKEN.search(token) or "[" in token:
        return ()
    return tuple(found)


def first_kind(*kinds: BoilerplateKind | None) -> BoilerplateKind | None:
    """The most specific of several kinds (``CLASS_WORDS`` order), ignoring None."""
    found = [kind for kind in kinds if kind is not None]
    return min(found, key=_PRIORITY.__getitem__) if found else None


# A line that is one short phrase said over and over ("Book Now * Book Now * Book Now * ...") is
# the text of a ticker scrolling across the page, or the same label of every swatch of a picker.
_REPEATED_PHRASE = re.compile(r"(\w.{2,60}?)(?:\s*\1){3,}\s*", re.DOTALL)
REPEATED_PHRASE_MIN_CHARS = 16
REPEATED_PHRASE_MAX_CHARS = 4000


# The Latin a designer pours into a template until the real text comes ("Lorem ipsum dolor sit
# amet, ..."), and the headings it fills ("Lorem ipsum 2"): left in a page, never its text.
_PLACEHOLDER = "lorem ipsum"


def kind_from_text(text: str) -> BoilerplateKind | None:
    if text[: len(_PLACEHOLDER)].lower() == _PLACEHOLDER:
        return "other"
    if (
        REPEATED_PHRASE_MIN_CHARS <= len(text) <= REPEATED_PHRASE_MAX_CHARS
        and text.count(text[:3]) >= 4
        and _REPEATED_PHRASE.fullmatch(text)
    ):
        return "other"
    if len(text) > TEXT_RULE_MAX_CHARS:
        return None
    if len(text) <= DATE_STAMP_MAX_CHARS and "-" in text and _DATE_STAMP.match(text):
        return "dateline"
    if _TEXT_CUE_FINDER.search(text.lower()) is None:
        return None
    match = _TEXT_AT_START.match(text)
    if match is None:
        match = _TEXT_ANYWHERE.search(text)
    else:
        other = _TEXT_ANYWHERE.match(text)
        if other is not None and _GROUP_RANKS[other.lastgroup] < _GROUP_RANKS[match.lastgroup]:  # type: ignore[index]
            match = other
    return match.lastgroup.partition("__")[0] if match and match.lastgroup else None  # type: ignore[return-value]
