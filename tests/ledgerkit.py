"""Building blocks for the ledger, source and ingest tests: pages and records made up here."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import msgspec

from newsledger.extract import extract_page
from newsledger.ingest import Processed
from newsledger.model import Cue, Page, Span, Speaker, Statement, StatementDate

PG_URL = os.environ.get("NEWSLEDGER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

TOWNS = ("Aldermoor", "Brindlecombe", "Caskwell", "Dunmarrow", "Eastholm", "Fenwick")
TOPICS = ("bridge repairs", "the river flood plan", "school meals", "bus fares", "library hours", "harbour dredging")


def article_html(n: int, *, site: str = "example.org") -> bytes:
    """A small news page, different for each ``n``."""
    town = TOWNS[n % len(TOWNS)]
    topic = TOPICS[n % len(TOPICS)]
    paragraphs = "".join(
        f"<p>Council members in {town} met on Tuesday to discuss {topic}, item {n}-{k}, after residents "
        f"asked for a clear timetable and a budget that the whole district could follow.</p>"
        for k in range(6)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{town} weighs {topic} ({n})</title>'
        f'<meta property="og:site_name" content="The {town} Courier">'
        f'<link rel="canonical" href="https://www.{site}/news/{n}">'
        f'<meta property="article:published_time" content="2025-03-{1 + n % 28:02d}T10:00:00Z"></head>'
        f"<body><header><nav><a href='/'>Home</a></nav></header><article><h1>{town} weighs {topic}</h1>"
        f"{paragraphs}</article><footer>Copyright The {town} Courier</footer></body></html>"
    ).encode()


def page(n: int, *, site: str = "example.org") -> Page:
    url = f"https://www.{site}/news/{n}"
    return Page(content=article_html(n, site=site), url=url, key=f"{url} <urn:uuid:{n}>", origin=url)


def statement(index: int, text: str, content: str, speaker: str | None, *, kind: str = "direct",
              lemma: str = "say", date: str | None = None, description: str | None = None) -> Statement:
    start = text.index(content)
    mention = None
    if speaker and speaker in text:
        at = text.index(speaker)
        mention = Span(start=at, end=at + len(speaker), text=speaker)
    date_field = None
    if date:
        date_field = StatementDate(expression=Span(start=0, end=0, text=""), value=date, precision="day")
    return Statement(
        id=f"s{index}",
        kind=kind,
        content=Span(start=start, end=start + len(content), text=content),
        cue=Cue(span=Span(start=0, end=0, text=""), lemma=lemma),
        speaker=Speaker(name=speaker, mention=mention, description=description, kind="person" if speaker else "unknown"),
        date=date_field,
        engine="test",
    )


def processed(n: int, said: list[tuple[str, str | None]], *, site: str = "example.org", kind: str = "direct",
              date: str | None = None, description: str | None = None) -> Processed:
    """A processed page whose article text carries each (content, speaker) statement."""
    source = page(n, site=site)
    article = extract_page(source)
    text = article.text + "".join(f"\n{content} {speaker or 'Someone'} said." for content, speaker in said)
    article = msgspec.structs.replace(article, text=text)
    statements = tuple(
        statement(i, text, content, speaker, kind=kind, date=date, description=description)
        for i, (content, speaker) in enumerate(said)
    )
    return Processed(page=source, article=article, statements=statements)


@contextmanager
def postgres_url() -> Iterator[str]:
    """A fresh schema on the test server for one test, dropped afterwards; skips without a server."""
    import pytest

    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as err:
        pytest.skip(f"no PostgreSQL server at {PG_URL}: {str(err).strip()[:80]}")
    schema = f"nl_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE SCHEMA {schema}")
    try:
        separator = "&" if "?" in PG_URL else "?"
        yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()
