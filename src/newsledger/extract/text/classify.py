"""What a line of copied text is when it is not body text: labels, buttons, appeals, menus.

Every rule reads the line alone (its words and shape); the rules that need neighbours (a
headline repeat, a menu cluster) live in :mod:`newsledger.extract.text.body`.
"""

from __future__ import annotations

import re

from newsledger.extract.text import vocab
from newsledger.extract.text.lines import Line
from newsledger.model import BoilerplateKind

SECTION_LABEL = vocab.phrase_pattern(vocab.SECTION_LABELS, whole=True)
AUTHOR_LABEL = vocab.phrase_pattern(vocab.AUTHOR_LABELS, whole=True)
TAG_LABEL = vocab.phrase_pattern(vocab.TAG_LABELS, whole=True)
OTHER_LABEL = vocab.phrase_pattern(vocab.OTHER_LABELS, whole=True)
NAVIGATION = vocab.phrase_pattern(vocab.NAVIGATION_PHRASES, whole=True)
RELATED = vocab.phrase_pattern(vocab.RELATED_PHRASES, whole=True)
ADVERTISEMENT = vocab.phrase_pattern(vocab.AD_PHRASES, whole=True)
COMMENTS = vocab.phrase_pattern(vocab.COMMENT_PHRASES, whole=True)
DONATION = vocab.phrase_pattern(vocab.DONATION_PHRASES, whole=False)
NEWSLETTER = vocab.phrase_pattern(vocab.NEWSLETTER_PHRASES, whole=False)
COOKIE = vocab.phrase_pattern(vocab.COOKIE_PHRASES, whole=False)
FOOTER = vocab.phrase_pattern(vocab.FOOTER_PHRASES, whole=False)
PAYWALL = vocab.phrase_pattern(vocab.PAYWALL_PHRASES, whole=False)
_SHARE_WORD = "|".join(sorted((re.escape(w) for w in vocab.SHARE_WORDS), key=len, reverse=True))
SHARE_BAR = re.compile(rf"^(?:(?:{_SHARE_WORD})(?:\s+(?:on|via|to|this|article|story|page))*\s*[\d.,]*[kKmM]?[\s|/·•,]*)+$", re.I)
IMAGE_ALT = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in vocab.IMAGE_ALT_PREFIXES) + r")\s*(?P<subject>\S.*)$", re.I
)
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)", re.I)
# Second-person or first-person-plural address: an appeal speaks to the reader about "us".
_ADDRESS = re.compile(r"(?<!\w)(?:you|your|we|our|us|ihr|ihre|unser|vous|votre|nous|notre|tu|su|nuestro|вы|ваш|наш|ви|wasz|nasz)(?!\w)", re.I)
_NUMBERS_ONLY = re.compile(r"^[\W\d_]*\d[\W\d_kKmM]*$")
_LINKY = re.compile(r"https?://|www\.|\.(?:com|org|net)\b|@\w")


def label_kind(line: Line) -> str | None:
    """'section', 'author' or 'tags' when the line only labels what follows it."""
    if line.words > 3:
        return None
    if SECTION_LABEL.match(line.text):
        return "section"
    if AUTHOR_LABEL.match(line.text):
        return "author"
    if TAG_LABEL.match(line.text):
        return "tags"
    return None


def image_alt_subject(line: Line) -> str | None:
    """The subject of alt text a copy kept ("Photo of Jane Doe" gives "Jane Doe")."""
    if line.words > 12 or line.ends_sentence:
        return None
    match = IMAGE_ALT.match(line.text)
    return match.group("subject").strip() if match else None


def is_appeal(line: Line) -> bool:
    return line.words <= 45 and bool(DONATION.search(line.text)) and (line.words <= 6 or bool(_ADDRESS.search(line.text)))


def classify(line: Line) -> tuple[BoilerplateKind, str] | None:
    """The boilerplate kind of one line read alone, with the reason, or None when it may be body."""
    text = line.text
    if label_kind(line) or (line.words <= 3 and OTHER_LABEL.match(text)):
        return "label", "a label word"
    if image_alt_subject(line) is not None:
        return "image_alt", "image alt text"
    if is_appeal(line):
        return "donation_appeal", "asks the reader for support"
    if line.words <= 30 and NEWSLETTER.search(text) and (line.words <= 6 or _ADDRESS.search(text)):
        return "newsletter", "a newsletter prompt"
    if line.words <= 40 and COOKIE.search(text) and (line.words <= 6 or _ADDRESS.search(text)):
        return "cookie_consent", "a cookie notice"
    if line.words <= 25 and PAYWALL.search(text):
        return "paywall", "a paywall prompt"
    if line.words <= 6 and ADVERTISEMENT.match(text):
        return "advertisement", "an advertisement marker"
    if line.words <= 4 and RELATED.match(text):
        return "related_links", "a related-links heading"
    if line.words <= 4 and COMMENTS.match(text):
        return "comments", "a comments heading"
    if line.words <= 5 and NAVIGATION.match(text):
        return "navigation", "a navigation link"
    if line.words <= 12 and SHARE_BAR.match(text):
        return "share_bar", "share buttons"
    if line.words <= 25 and (COPYRIGHT.search(text) or (line.words <= 8 and FOOTER.search(text))):
        return "footer", "a footer line"
    if _NUMBERS_ONLY.match(text):
        return "other", "numbers only (counters)"
    return None


def is_linky(line: Line) -> bool:
    return bool(_LINKY.search(line.text))
