"""Article metadata from an HTML page, each field with its evidence.

Reads the untouched tree (body extraction prunes it afterwards): what the page declares about
itself (JSON-LD, OpenGraph, Twitter cards, Dublin Core, microdata) and what it prints (headline,
byline, dateline, figures). Only generic rules: nothing here names a site.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsledger.extract import pagetype
from newsledger.extract.metadata import authorship, dating, details, figures, titles
from newsledger.extract.metadata.dates import ParsedDate, parse_date
from newsledger.extract.metadata.signals import read_signals
from newsledger.extract.parts import Metadata

__all__ = ["ParsedDate", "extract_metadata", "parse_date"]


def extract_metadata(tree: LexborHTMLParser, url: str | None) -> Metadata:
    # One walk of the tree finds what the signals and the page type read.
    signals = read_signals(tree, also=pagetype.LOOKED_AT)
    site = titles.site_name(signals)
    headline = titles.headline(signals, site.value if site else None, url)
    # The authors first: when both the byline and the datelines are read, the one walk that
    # finds them both is made for the byline and left for the dates.
    authors = authorship.authors(tree, signals, site.value if site else None, url)
    published, modified = dating.dates(tree, signals, url)
    lead_image, images = figures.images(signals, url)
    kind = pagetype.page_type(
        tree, signals, headline=headline, dated=published is not None, authored=bool(authors)
    )
    return Metadata(
        page_type=kind,
        canonical_url=details.canonical_url(signals, url),
        headline=headline,
        subheadline=titles.subheadline(signals, headline.value if headline else None),
        site_name=site,
        section=details.section(signals),
        language=details.language(signals),
        authors=authors,
        published=published,
        modified=modified,
        lead_image=lead_image,
        images=images,
        stated_read_time=details.stated_read_time(signals),
        topics=details.topics(signals),
        notes=tuple(signals.notes),
    )
