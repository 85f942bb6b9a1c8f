"""The lead image and the article's figures, each with caption and credit.

The lead image is the one the page declares for itself (JSON-LD ``image``, ``og:image``,
``twitter:image``); a figure in the article is matched to it to give it a caption. Credits are
taken from credit elements or split off the caption ("... (Source: Getty Images)", "Photo: ...").
"""

from __future__ import annotations

import re

import msgspec
from selectolax.lexbor import LexborNode

from newsledger.extract.dom import bounded_text
from newsledger.extract.hygiene import bounded_int, join_url, split_url
from newsledger.extract.metadata import jsonld
from newsledger.extract.metadata.signals import Found, Signals, clean_text
from newsledger.model import Candidate, Evidence, Image

_CREDIT_TAIL = re.compile(
    r"\s*[\(\[]?\s*(?P<credit>(?:photo|foto|picture|image|bild|source|quelle|credit|crédit|crédito|"
    r"fotografía|zdjęcie|©|\(c\))\s*(?:[:/]|by|credit)?\s*[^()\[\]]{2,80}?)[\)\]]?\s*$",
    re.IGNORECASE,
)
_CREDIT_SELECTOR = '[class*="credit"], [class*="Credit"], [class*="copyright"], [class*="source"], [itemprop="copyrightHolder"], small'
_CREDIT_LABEL = re.compile(
    r"^(?:photo|foto|picture|image|bild|source|quelle|credit|crédit|crédito|fotografía|zdjęcie|©|\(c\))"
    r"\s*(?:[:/]|by|credit)?\s*",
    re.IGNORECASE,
)
_MAX_FIGURES = 30
# A caption is a line or a short paragraph under a picture (the longest of 1,562 on the bench
# pages: 689 characters in 36 nodes). A ``<figcaption>`` holding more swallowed the page text
# after it (left open); read for each of many such nested figures, it cost the square of the page.
_CAPTION_MAX_CHARS = 3000
_CAPTION_MAX_NODES = 300
_GENERIC_IMAGE_WORDS = ("logo", "default", "placeholder", "fallback", "favicon", "share-image", "og-image")
_ADVERT_MARKERS = ("sponsor", "advert", "promo", "banner", "logo", "teaser")


def images(signals: Signals, url: str | None) -> tuple[Image | None, tuple[Image, ...]]:
    figures = _figures(signals.figures, url, signals.notes)
    declared = _declared(signals, url)
    generic = [d for d in declared if _is_generic(d.value)]
    declared = [d for d in declared if not _is_generic(d.value)]
    if not declared:
        lead = figures[0] if figures else None
        if lead is not None and generic:
            reason = "the site's default image"
            rejected = tuple(
                Candidate(value=g.value, source=g.source, locator=g.locator, reason=reason) for g in generic
            )
            lead = msgspec.structs.replace(
                lead, evidence=msgspec.structs.replace(lead.evidence, rejected=rejected)
            )
        return lead, figures
    chosen = declared[0]
    match = next((f for f in figures if f.url and _same_image(f.url, chosen.value)), None)
    rejected = tuple(
        Candidate(value=d.value, source=d.source, locator=d.locator, reason="lower-priority source")
        for d in declared[1:]
        if d.value != chosen.value
    )
    evidence = Evidence(source=chosen.source, locator=chosen.locator, raw=chosen.value, rejected=rejected)
    lead = Image(
        url=chosen.value,
        alt=match.alt if match else None,
        caption=match.caption if match else _declared_caption(signals),
        credit=match.credit if match else None,
        evidence=evidence,
    )
    return lead, figures


def _is_generic(link: str) -> bool:
    """A logo or the site's default share image, not a picture of this story."""
    name = link.split("?")[0].rsplit("/", 1)[-1].lower()
    return any(word in name for word in _GENERIC_IMAGE_WORDS)


def _declared(signals: Signals, url: str | None) -> list[Found]:
    found: list[Found] = []
    if signals.article is not None:
        value = signals.article.get("image") or signals.article.get("thumbnailUrl")
        first = value[0] if isinstance(value, list) and value else value
        link = (
            jsonld.text_of(first.get("url") or first.get("contentUrl"))
            if isinstance(first, dict)
            else jsonld.text_of(first)
        )
        if link:
            found.append(Found(link, "json-ld", f"{signals.article_locator}.image"))
    found += signals.all(
        "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnail"
    )
    absolute = ((_absolute(f.value, url), f) for f in found if f.value)
    return [Found(link, f.source, f.locator) for link, f in absolute if link]


def _declared_caption(signals: Signals) -> str | None:
    if signals.article is None:
        return None
    value = signals.article.get("image")
    first = value[0] if isinstance(value, list) and value else value
    if isinstance(first, dict):
        caption = jsonld.text_of(first.get("caption")) or jsonld.text_of(first.get("description"))
        return clean_text(caption) or None
    return None


def _figures(nodes: list[LexborNode], url: str | None, notes: list[str]) -> tuple[Image, ...]:
    found: list[Image] = []
    seen: set[str] = set()
    unread = 0  # captions too long to be captions
    for index, figure in enumerate(nodes):
        if len(found) >= _MAX_FIGURES:
            break
        if _is_advert(figure):
            continue
        image, caption_unread = _figure_image(figure, index, url)
        unread += caption_unread
        if image is not None and image.url not in seen:
            seen.add(image.url or "")
            found.append(image)
    if unread:
        notes.append(
            f"{unread:,} figure caption(s) past {_CAPTION_MAX_CHARS:,} characters or "
            f"{_CAPTION_MAX_NODES} nodes read as page text, not as captions"
        )
    return tuple(found)


def _is_advert(figure: LexborNode) -> bool:
    marker = f"{figure.attributes.get('class') or ''} {figure.attributes.get('id') or ''}".lower()
    return any(word in marker for word in _ADVERT_MARKERS)


def _figure_image(figure: LexborNode, index: int, url: str | None) -> tuple[Image | None, bool]:
    """The figure's image, and whether its caption was too long to be one."""
    img = figure.css_first("img")
    source = _img_url(img) if img is not None else None
    link = _absolute(source, url) if source is not None else None
    if link is None:
        return None, False
    caption_node = figure.css_first("figcaption")
    caption = ""
    caption_unread = False
    if caption_node is not None:
        caption_text = bounded_text(caption_node, chars=_CAPTION_MAX_CHARS, nodes=_CAPTION_MAX_NODES)
        if caption_text is None:
            caption_node, caption_unread = None, True
        else:
            caption = clean_text(caption_text)
    credit = None
    if caption_node is not None:
        credit_node = caption_node.css_first(_CREDIT_SELECTOR)
        if credit_node is not None:
            credit = clean_text(credit_node.text(separator=" ")) or None
            if credit and caption.endswith(credit):
                caption = caption[: -len(credit)].strip()
            credit = _without_credit_label(credit or "") or None
    if credit is None and caption:
        caption, credit = split_credit(caption)
    image = Image(
        url=link,
        alt=clean_text(img.attributes.get("alt")) or None if img is not None else None,
        caption=caption or None,
        credit=credit,
        width=bounded_int(img.attributes.get("width")) if img is not None else None,
        height=bounded_int(img.attributes.get("height")) if img is not None else None,
        evidence=Evidence(source="dom", locator=f"figure#{index}"),
    )
    return image, caption_unread


# A credit closes its caption: a label and at most 80 characters. It is looked for in the
# caption's last characters only; searched from every position, a caption of swallowed page
# text with its many "image"s cost a second.
_CREDIT_WINDOW = 400


def split_credit(caption: str) -> tuple[str, str | None]:
    """("A man walks by. (Source: Getty Images)") -> ("A man walks by.", "Getty Images")."""
    match = _CREDIT_TAIL.search(caption, max(0, len(caption) - _CREDIT_WINDOW))
    if not match or (match.start() == 0 and not caption.lower().startswith(("photo", "foto", "©"))):
        return caption, None
    credit = _without_credit_label(match.group("credit"))
    return caption[: match.start()].strip(), credit or None


def _without_credit_label(credit: str) -> str:
    """ "Photo: Ana Ruiz" -> "Ana Ruiz"."""
    return _CREDIT_LABEL.sub("", credit.strip()).strip(" :")


def _img_url(img: LexborNode) -> str | None:
    attrs = img.attributes
    for key in ("src", "data-src", "data-original", "data-lazy-src"):
        value = (attrs.get(key) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = (attrs.get("srcset") or attrs.get("data-srcset") or "").strip()
    return srcset.split(",")[0].split()[0] if srcset else None


def _same_image(a: str, b: str) -> bool:
    def stem(link: str) -> str:
        return link.split("?")[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]

    return a == b or (len(stem(a)) > 6 and stem(a) == stem(b))


def _absolute(link: str, base: str | None) -> str | None:
    """``link`` made absolute against the page URL; None when it cannot be parsed."""
    if base and not link.startswith(("http://", "https://")):
        return join_url(base, link)
    return link if split_url(link) is not None else None
