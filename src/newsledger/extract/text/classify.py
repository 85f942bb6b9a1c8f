"""What a line of copied text is when it is not body text: labels, buttons, appeals, menus.

Every rule reads the line alone (its words and shape); the rules that need neighbours (a
headline repeat, a menu cluster) live in :mod:`newsledger.extract.text.body`. Whole-line phrases
are looked up in one dictionary and in-line phrases found by one combined pattern, because every
line of every page passes through here.
"""

from __future__ import annotations

import re

from newsledger.extract.text import vocab
from newsledger.extract.text.lines import Line, lowered_reads_as_text
from newsledger.model import BoilerplateKind

Kind = tuple[BoilerplateKind, str]

_LABEL_KIND: dict[str, str] = {
    **{p: "section" for p in vocab.SECTION_LABELS},
    **{p: "author" for p in vocab.AUTHOR_LABELS},
    **{p: "tags" for p in vocab.TAG_LABELS},
}
# Whole-line phrases: the line says nothing else. Earlier tables win over later ones.
_WHOLE_LINE: dict[str, Kind] = {}
for _phrases, _kind in (
    (vocab.COMMENT_PHRASES, ("comments", "a comments heading")),
    (vocab.RELATED_PHRASES, ("related_links", "a related-links heading")),
    (vocab.AD_PHRASES, ("advertisement", "an advertisement marker")),
    (vocab.NAVIGATION_PHRASES, ("navigation", "a navigation link")),
    (vocab.OTHER_LABELS, ("share_bar", "share buttons")),
    (tuple(_LABEL_KIND), ("label", "a label word")),
):
    for _phrase in _phrases:
        _WHOLE_LINE[_phrase] = _kind  # type: ignore[assignment]
_RELATED_STARTS = tuple(p + " " for p in vocab.RELATED_STARTS)
_AUTHOR_BOX_STARTS = tuple(vocab.AUTHOR_BOX_STARTS)
_SHARE_STARTS = tuple(vocab.SHARE_STARTS)
# The first word of every phrase recognised by how a line opens: a line whose first word is not
# among them skips those checks.
_PREFIX_TABLES = (
    vocab.RELATED_STARTS,
    vocab.AUTHOR_BOX_STARTS,
    vocab.SHARE_STARTS,
    vocab.IMAGE_ALT_PREFIXES,
    vocab.SUPPORT_CALLS,
)
_PREFIX_FIRST_WORDS = frozenset(p.split()[0] for table in _PREFIX_TABLES for p in table)
# Prefixes glued to what follows ("photo:", "фото") are matched as prefixes.
_UNSPACED_PREFIXES = tuple(p for table in _PREFIX_TABLES for p in table if " " not in p)
# The same, by first letter: a line is tried only against the prefixes that open like it.
_UNSPACED_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _prefix in _UNSPACED_PREFIXES:
    _UNSPACED_BY_FIRST[_prefix[0]] = (*_UNSPACED_BY_FIRST.get(_prefix[0], ()), _prefix)
_TRIM = " \t:.!?»›→>…|·•-–—()[]"


def _group(name: str, phrases: tuple[str, ...]) -> str:
    return f"(?P<{name}>" + "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True)) + ")"


_IN_LINE_PHRASES = (
    vocab.DONATION_PHRASES,
    vocab.NEWSLETTER_PHRASES,
    vocab.COOKIE_PHRASES,
    vocab.PAYWALL_PHRASES,
    vocab.FOOTER_PHRASES,
)
_IN_LINE_SOURCE = (
    r"(?<!\w)(?:"
    + "|".join(
        (
            *(
                _group(name, phrases)
                for name, phrases in zip(
                    ("donation", "newsletter", "cookie", "paywall", "footer"), _IN_LINE_PHRASES, strict=True
                )
            ),
            r"(?P<copyright>©|\(c\)|copyright\b)",
        )
    )
    + ")"
)
_IN_LINE = re.compile(_IN_LINE_SOURCE, re.I)
# The phrases are lower-case: over a key that reads as its line, the case-sensitive pattern
# finds what the ignore-case one finds over the line (see lowered_reads_as_text).
_IN_LINE_LOWER = re.compile(_IN_LINE_SOURCE)
_WORD = re.compile(r"\w+")


def _trigger(phrase: str) -> str:
    """The longest word of a phrase: a line without it cannot contain the phrase."""
    return max(_WORD.findall(phrase.lower()), key=len)


_TRIGGERS = frozenset(_trigger(p) for table in _IN_LINE_PHRASES for p in table) | {"copyright"}
_SHARE_WORD = "|".join(sorted((re.escape(w) for w in vocab.SHARE_WORDS), key=len, reverse=True))
SHARE_BAR = re.compile(
    rf"^(?:(?:{_SHARE_WORD})(?:\s+(?:on|via|to|this|article|story|page))*\s*[\d.,]*[kKmM]?[\s|/·•,]*)+$", re.I
)
IMAGE_ALT = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in vocab.IMAGE_ALT_PREFIXES) + r")\s*(?P<subject>\S.*)$", re.I
)
# Second-person or first-person-plural address: an appeal speaks to the reader about "us".
_ADDRESS_SOURCE = r"(?<!\w)(?:you|your|we|our|us|ihr|ihre|unser|unsere|vous|votre|nous|notre|tu|su|nuestro|вы|ваш|наш|ви|wasz|nasz)(?!\w)"
_ADDRESS = re.compile(_ADDRESS_SOURCE, re.I)
_ADDRESS_LOWER = re.compile(_ADDRESS_SOURCE)
# A short line that is only a call to support someone is a donation button or heading.
_SUPPORT_BUTTON = re.compile(
    r"^(?:support|donate|unterstützen sie|unterstütze|soutenez|apoya|sostieni|поддержите|підтримайте|wesprzyj)\b",
    re.I,
)
# Every line _SUPPORT_BUTTON matches starts with one of these (lower-cased): a cheap test first.
_SUPPORT_STARTS = vocab.SUPPORT_CALLS
# "2 days ago", "3h ago", "vor 2 Stunden", "il y a 3 heures": time stamps of comments and feeds.
_RELATIVE_TIME = re.compile(
    r"(?:\b\d+\s*(?:s|sec|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\s+ago\b"
    r"|\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen)\b|\bil y a\s+\d+|\bhace\s+\d+)",
    re.I,
)
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?$", re.I)
_NUMBERS_ONLY = re.compile(r"^[\W\d_]*\d[\W\d_kKmM]*$")
_LINKY = re.compile(r"https?://|www\.|\.(?:com|org|net)\b|@\w")
# Limits in words: longer lines are prose that merely mentions the word.
_IN_LINE_LIMITS = {
    "donation": 45,
    "newsletter": 30,
    "cookie": 120,
    "paywall": 25,
    "footer": 8,
    "copyright": 25,
}
_IN_LINE_KINDS: dict[str, Kind] = {
    "donation": ("donation_appeal", "asks the reader for support"),
    "newsletter": ("newsletter", "a newsletter prompt"),
    "cookie": ("cookie_consent", "a cookie notice"),
    "paywall": ("paywall", "a paywall prompt"),
    "footer": ("footer", "a footer line"),
    "copyright": ("footer", "a copyright line"),
}
_NEEDS_ADDRESS = {"donation", "newsletter", "cookie"}
# Past this many words only the appeals that address the reader can be found in a line.
_UNADDRESSED_LIMIT = max(limit for name, limit in _IN_LINE_LIMITS.items() if name not in _NEEDS_ADDRESS)


def label_kind(line: Line) -> str | None:
    """'section', 'author' or 'tags' when the line only labels what follows it."""
    return _LABEL_KIND.get(line.key.strip(_TRIM)) if line.words <= 3 else None


_ALT_STARTS = tuple(p.lower() for p in vocab.IMAGE_ALT_PREFIXES)
_SHARE_FIRST = frozenset(w.split()[0] for w in vocab.SHARE_WORDS)


def image_alt_subject(line: Line) -> str | None:
    """The subject of alt text a copy kept ("Photo of Jane Doe" gives "Jane Doe")."""
    if line.words > 12 or line.ends_sentence or not line.key.startswith(_ALT_STARTS):
        return None
    match = IMAGE_ALT.match(line.text)
    return match.group("subject").strip() if match else None


def _in_line_kind(line: Line, tokens: list[str]) -> Kind | None:
    if "©" not in line.text and _TRIGGERS.isdisjoint(tokens):
        return None
    by_key = lowered_reads_as_text(line.text, line.key)
    addressed: bool | None = None
    if line.words > _UNADDRESSED_LIMIT:
        addressed = _addresses_reader(line, by_key)
        if not addressed:
            return None  # no phrase found in the line could count: the scan is not needed
    matches = _IN_LINE_LOWER.finditer(line.key) if by_key else _IN_LINE.finditer(line.text)
    for match in matches:
        name = match.lastgroup or ""
        if line.words > _IN_LINE_LIMITS[name]:
            continue
        if name in _NEEDS_ADDRESS and line.words > 6:
            if addressed is None:
                addressed = _addresses_reader(line, by_key)
            if not addressed:
                continue
        return _IN_LINE_KINDS[name]
    return None


def _addresses_reader(line: Line, by_key: bool) -> bool:
    return bool(_ADDRESS_LOWER.search(line.key) if by_key else _ADDRESS.search(line.text))


_PERSON = re.compile(
    r"^\S+\s+(?:(?:the|die|den|der|el|la|l'|de|do|da)\s+)?(?:author|autor|autorin|auteur|autore|автор|[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ]\w+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]+){1,3})"
)


def _names_person(text: str) -> bool:
    """ "About Jane Doe", "About the author": the heading names a person or the author."""
    return bool(_PERSON.match(text))


def _by_first_words(line: Line, key: str, words: int) -> Kind | None:
    """Headings and invitations recognised by how they open."""
    if words <= 6 and key.startswith(_RELATED_STARTS) and not line.ends_sentence:
        return "related_links", "a related-links heading"
    if (
        words <= 5
        and key.startswith(_AUTHOR_BOX_STARTS)
        and not line.ends_sentence
        and _names_person(line.text)
    ):
        return "author_box", "heads the box about the author"
    if words <= 8 and key.startswith(_SHARE_STARTS):
        return "share_bar", "an invitation to share or follow"
    return None


def classify(line: Line) -> Kind | None:
    """The boilerplate kind of one line read alone, with the reason, or None when it may be body."""
    words = line.words
    if words > 12:
        return _classify_long(line, words)
    key = line.key
    if words <= 6 and (kind := _WHOLE_LINE.get(key.strip(_TRIM))):
        return kind
    tokens = line.key_tokens or line.tokens
    opens_known = bool(tokens) and (
        tokens[0] in _PREFIX_FIRST_WORDS or key.startswith(_UNSPACED_BY_FIRST.get(key[0], ()))
    )
    if opens_known and words <= 8 and (kind := _by_first_words(line, key, words)):
        return kind
    if ("©" in line.text or not _TRIGGERS.isdisjoint(tokens)) and (kind := _in_line_kind(line, tokens)):
        return kind
    if ("ago" in key or "vor " in key or "il y a" in key or "hace " in key) and _RELATIVE_TIME.search(key):
        return "comments", "a relative time stamp (comments, feeds)"
    if opens_known and key.startswith(_ALT_STARTS) and image_alt_subject(line) is not None:
        return "image_alt", "image alt text"
    if words <= 6 and opens_known and key.startswith(_SUPPORT_STARTS) and _SUPPORT_BUTTON.match(line.text):
        return "donation_appeal", "asks the reader for support"
    if tokens and tokens[0].strip(_TRIM) in _SHARE_FIRST and SHARE_BAR.match(line.text):
        return "share_bar", "share buttons"
    if (
        words <= 6
        and not line.text[0].isalpha()
        and _NUMBERS_ONLY.match(line.text)
        and not _CLOCK.match(line.text)
    ):
        return "other", "numbers only (counters)"
    return None


def _classify_long(line: Line, words: int) -> Kind | None:
    """A line of more than 12 words is furniture only as an appeal, a notice or a footer found
    in it (the checks by first words all stop at 8 words)."""
    if words > 120:
        return None
    if words > 45:
        # Only cookie notices run longer than 45 words; other appeals are shorter.
        return _in_line_kind(line, ["cookies"] if "cookie" in line.key else [])
    return _in_line_kind(line, line.tokens)


def is_linky(line: Line) -> bool:
    return bool(_LINKY.search(line.text))
