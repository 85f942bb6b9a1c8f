"""Processed pages to the values of ledger rows. Pure, so it can run in worker processes.

Preparing (compressing the raw page, encoding the JSON records, deriving the indexed columns and
the speakers) is most of the cost of storing a page; doing it where the page was processed leaves
the single writer with nothing but SQL to run.
"""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit

import msgspec

from newsledger.extract.assemble import EXTRACTOR
from newsledger.ingest.process import Processed
from newsledger.ledger.codec import compress
from newsledger.model import Article, SourceFailure, Statement, Struct

_json = msgspec.json.Encoder()


class PageRow(Struct, kw_only=True):
    key: str
    url: str | None
    origin: str
    fetched_at: str | None
    headers: str
    form: str | None
    codec: str
    content: bytes
    size: int
    sha256: str


class ArticleRow(Struct, kw_only=True):
    url: str | None
    canonical_url: str | None
    site: str
    site_name: str | None
    headline: str | None
    published: str | None
    language: str | None
    text: str
    record: str
    page_type: str | None = None
    extractor: str
    authors: tuple[tuple[str, str | None, str | None], ...] = ()
    url_key: str | None = None


class SpeakerRef(Struct, kw_only=True):
    key: str
    name: str
    kind: str


class StatementRow(Struct, kw_only=True):
    statement_key: str
    span_key: str = ""
    speaker: SpeakerRef | None
    kind: str
    cue_lemma: str
    channel: str | None
    content: str
    attribution: str | None = None
    date: str | None
    said_on: str | None
    record: str
    extractor: str


class MentionRow(Struct, kw_only=True):
    speaker_key: str
    mention: str
    description: str | None
    resolution: str
    statement_count: int


class PreparedPage(Struct, kw_only=True):
    """Everything the ledger writes for one page, ready for SQL."""

    page: PageRow
    article: ArticleRow | None = None
    statements: tuple[StatementRow, ...] = ()
    mentions: tuple[MentionRow, ...] = ()
    failure: SourceFailure | None = None
    extractor: str = EXTRACTOR


# Titles and ranks that precede a person's name; dropped from the matching key only when a
# full name (two words or more) remains, so "Dr Ana Silva" and "Ana Silva" are one speaker while
# "Mayor Silva" is not merged with every other Silva.
_TITLES = (
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother "
    "councillor councilor cllr alderman inspector sergeant sgt detective officer constable chief "
    "senator sen rep representative congressman congresswoman president vice prime minister secretary "
    "governor gov mayor judge justice gen general col colonel maj major capt captain lt lieutenant "
    "admiral commander ambassador chancellor deputy superintendent supt"
)
HONORIFICS = frozenset(_TITLES.split())


def speaker_key(name: str, kind: str = "person") -> str:
    """The name as speakers are matched across articles: NFKC, case-folded, spaces collapsed,
    and for people, leading titles dropped when a full name remains."""
    folded = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    words = [word.strip(" .,;:'\"") for word in folded.split()]
    words = [word for word in words if word]
    while kind == "person" and len(words) > 2 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def site_of(url: str | None) -> str:
    """The host of a URL without a leading ``www.``; empty when there is no URL or it is malformed."""
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


# Query parameters that say where a reader came from, not which page they read.
_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def url_identity(url: str | None) -> str | None:
    """An address reduced to what names the page: scheme and host lower-cased, ``www.``, the
    default port, the fragment, tracking parameters and a trailing slash dropped. None for no
    address, one that is not http(s), or a site's front page (a page that declares its site's
    root as canonical is not saying which article it is)."""
    try:
        parts = urlsplit(url.strip()) if url else None
        port = parts.port if parts else None
    except ValueError:
        return None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    path = parts.path.rstrip("/")
    if not path:
        return None
    host = parts.hostname.removeprefix("www.")
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING_PREFIXES)]
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def article_url_key(url: str | None, canonical: str | None) -> str | None:
    """The address an article is matched by: its canonical URL when that is on the page's own
    site (syndicated copies declaring another site's URL stay apart), else the page's URL."""
    own, declared = url_identity(url), url_identity(canonical)
    if declared and (own is None or site_of(canonical) == site_of(url)):
        return declared
    return own


def span_key(statement: Statement) -> str:
    """What a statement is, for keeping its ledger id across re-extraction: its part and the
    offsets of its content."""
    return f"{statement.part}:{statement.content.start}-{statement.content.end}"


def _page_row(processed: Processed) -> PageRow:
    page = processed.page
    codec, content = compress(page.content)
    digest = hashlib.sha256(page.content).hexdigest()
    return PageRow(
        key=page.key or f"sha256:{digest}",
        url=page.url,
        origin=page.origin,
        fetched_at=page.fetched_at,
        headers=_json.encode(page.headers).decode(),
        form=page.form,
        codec=codec,
        content=content,
        size=len(page.content),
        sha256=digest,
    )


def _article_row(article: Article) -> ArticleRow:
    canonical = article.canonical_url.value if article.canonical_url else None
    return ArticleRow(
        url=article.url,
        canonical_url=canonical,
        site=site_of(article.url or canonical),
        site_name=article.site_name.value if article.site_name else None,
        headline=article.headline.value if article.headline else None,
        published=article.published.value if article.published else None,
        language=article.language.value if article.language else None,
        page_type=article.page_type.value if article.page_type else None,
        text=article.text,
        record=_json.encode(article).decode(),
        extractor=article.extractor or EXTRACTOR,
        authors=tuple((author.name, author.role, author.url) for author in article.authors),
        url_key=article_url_key(article.url, canonical),
    )


def _statement_row(statement: Statement, published: str | None) -> StatementRow:
    name = statement.speaker.name
    kind = statement.speaker.kind
    speaker = SpeakerRef(key=speaker_key(name, kind), name=name.strip(), kind=kind) if name else None
    date = statement.date.value if statement.date else None
    return StatementRow(
        statement_key=statement.id,
        span_key=span_key(statement),
        speaker=speaker if speaker and speaker.key else None,
        kind=statement.kind,
        cue_lemma=statement.cue.lemma,
        attribution=statement.attribution,
        channel=statement.channel.name if statement.channel else None,
        content=statement.content.text,
        date=date,
        said_on=date or (published[:10] if published else None),
        record=_json.encode(statement).decode(),
        extractor=statement.engine or "attribute",
    )


def _mentions(statements: tuple[Statement, ...]) -> tuple[MentionRow, ...]:
    """One row per speaker, mention form and description within an article, with its count."""
    counts: dict[tuple[str, str, str | None, str], int] = {}
    for statement in statements:
        speaker = statement.speaker
        key = speaker_key(speaker.name, speaker.kind) if speaker.name else ""
        if not key:
            continue
        mention = speaker.mention.text if speaker.mention else speaker.name
        row_key = (key, mention, speaker.description, speaker.resolution)
        counts[row_key] = counts.get(row_key, 0) + 1
    return tuple(
        MentionRow(speaker_key=key, mention=mention, description=description, resolution=resolution, statement_count=n)
        for (key, mention, description, resolution), n in counts.items()
    )


def prepare(processed: Processed) -> PreparedPage:
    """The rows for one processed page (the raw page is kept even when extraction failed)."""
    article = processed.article
    if article is None:
        return PreparedPage(page=_page_row(processed), failure=processed.failure)
    published = article.published.value if article.published else None
    return PreparedPage(
        page=_page_row(processed),
        article=_article_row(article),
        statements=tuple(_statement_row(statement, published) for statement in processed.statements),
        mentions=_mentions(processed.statements),
        failure=processed.failure,
        extractor=article.extractor or EXTRACTOR,
    )
