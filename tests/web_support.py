"""Shared by the web tests: fixture pages with their statements, a seeded ledger, a live server."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench._server import live_server as serve

from newsledger.extract import extract_page
from newsledger.model import Article, Cue, Page, Span, Speaker, Statement, StatementDate

TOKEN = "test-operator-token"


@dataclass(frozen=True)
class Quote:
    """A statement to mark in a fixture article, located by its text."""

    content: str
    cue: str
    speaker: str
    mention: str
    description: str | None = None
    date_expression: str | None = None
    date_value: str | None = None


def span_of(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start=start, end=start + len(needle), text=needle)


def statement_for(article: Article, index: int, quote: Quote) -> Statement:
    text = article.text
    content = span_of(text, quote.content)
    date = None
    if quote.date_expression and quote.date_value:
        date = StatementDate(
            expression=span_of(text, quote.date_expression), value=quote.date_value, precision="day"
        )
    return Statement(
        id=f"s{index}",
        kind="direct",
        content=content,
        cue=Cue(span=span_of(text, quote.cue, content.start), lemma=quote.cue),
        speaker=Speaker(
            name=quote.speaker,
            mention=span_of(text, quote.mention, content.start),
            description=quote.description,
            kind="person",
        ),
        date=date,
        engine="fixture",
    )


def article_html(*, headline: str, site: str, author: str, published: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{headline}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="{author}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>{headline}</h1><p class="byline">By {author}</p>
{body}
</article>
<aside class="newsletter"><p>Subscribe to our newsletter for daily updates.</p></aside>
<footer><p>All rights reserved.</p></footer></body></html>"""


@dataclass(frozen=True)
class Fixture:
    url: str
    html: str
    quotes: tuple[Quote, ...]


FIXTURES = (
    Fixture(
        url="https://harbour-news.example/2026/01/19/bridge-vote",
        html=article_html(
            headline="Council approves the harbour bridge after a long night",
            site="Harbour News",
            author="Lena Marsh",
            published="2026-01-19T08:00:00+00:00",
            paragraphs=[
                "The city council voted on Monday to approve the new harbour bridge, ending months of debate.",
                '"This bridge will carry the city for a century," said Mayor Ana Ruiz, who has backed the plan since 2024.',
                "Opponents had warned about the cost, which now stands at 400 million.",
                '"We will watch every euro," said Tomas Berg, the council treasurer, on Monday.',
                "Construction is due to start in the spring and to last three years.",
            ],
        ),
        quotes=(
            Quote(
                content="This bridge will carry the city for a century",
                cue="said",
                speaker="Ana Ruiz",
                mention="Mayor Ana Ruiz",
                description="mayor",
                date_expression="on Monday",
                date_value="2026-01-19",
            ),
            Quote(
                content="We will watch every euro",
                cue="said",
                speaker="Tomas Berg",
                mention="Tomas Berg",
                description="the council treasurer",
                date_expression="on Monday",
                date_value="2026-01-19",
            ),
        ),
    ),
    Fixture(
        url="https://valley-post.example/news/ruiz-budget",
        html=article_html(
            headline="Mayor defends the budget before a skeptical audience",
            site="Valley Post",
            author="Omar Haddad",
            published="2025-11-03T17:30:00+00:00",
            paragraphs=[
                "Residents filled the town hall on Monday evening for the first budget hearing of the year.",
                '"Every school will get its new roof," Ana Ruiz told the audience, to loud applause.',
                "The budget must still pass a second reading next month before it becomes law.",
                "Several residents asked about bus routes, which the plan leaves unchanged.",
            ],
        ),
        quotes=(
            Quote(
                content="Every school will get its new roof",
                cue="told",
                speaker="Ana Ruiz",
                mention="Ana Ruiz",
                description="the mayor",
                date_expression="on Monday evening",
                date_value="2025-11-03",
            ),
        ),
    ),
)


def fixture_article(fixture: Fixture) -> tuple[Page, Article, tuple[Statement, ...]]:
    page = Page(
        content=fixture.html.encode(), url=fixture.url, key=f"fixture:{fixture.url}", origin=fixture.url
    )
    article = extract_page(page)
    statements = tuple(statement_for(article, index, quote) for index, quote in enumerate(fixture.quotes))
    return page, article, statements


def seed_ledger(db: Path | str, fixtures: tuple[Fixture, ...] = FIXTURES) -> None:
    """Stores the fixtures with their statements through the Ledger's own store()."""
    from newsledger.ingest import Processed
    from newsledger.ledger import Ledger

    with Ledger.open(str(db)) as ledger:
        for fixture in fixtures:
            page, article, statements = fixture_article(fixture)
            ledger.store(Processed(page=page, article=article, statements=statements))


@contextlib.contextmanager
def live_server(db: Path, *, token: str | None = TOKEN) -> Iterator[str]:
    """``newsledger serve`` on the ledger at ``db`` with the test token; yields its base URL."""
    with serve(db, token=token) as base:
        yield base
