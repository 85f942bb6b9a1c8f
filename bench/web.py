"""``python -m bench web``: search page and API latency over a live server on a large ledger.

Builds a synthetic ledger (articles with statements, written through the Ledger's batch store),
starts ``newsledger serve`` on it, and times the search page (HTML) and its JSON twin for a mix
of queries: common and rare words, phrases, filters by site, speaker, dates and kind, article
search, and following a cursor. Then times the browsing pages: the sites list, the largest site's page (and its next page),
the speakers list, and the most quoted speakers' pages. Prints p50/p95 per face.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx

from bench._server import live_server
from newsledger.model import Article, Block, Cue, DateField, Evidence, Span, Speaker, Statement, TextField

SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ren",
    "to",
    "sa",
    "vel",
    "dor",
    "an",
    "is",
    "por",
    "tu",
    "mer",
    "el",
    "zo",
    "ni",
)
EVIDENCE = Evidence(source="computed", locator="bench")


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Corpus:
    """Deterministic synthetic news: Zipf-distributed words, sites, speakers and dates."""

    def __init__(self, seed: int = 7, words: int = 20_000, sites: int = 300, speakers: int = 5_000) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng, words)
        self.cum_weights = list(_cumulative(1.0 / rank for rank in range(1, words + 1)))
        self.sites = [f"site{index}.example" for index in range(sites)]
        self.speakers = [
            f"{self.rng.choice(self.words).title()} {self.rng.choice(self.words).title()}"
            for _ in range(speakers)
        ]

    def sentence(self, length: int) -> str:
        chosen = self.rng.choices(self.words, cum_weights=self.cum_weights, k=length)
        return " ".join(chosen).capitalize() + "."

    def article(self, index: int) -> tuple[str, Article, tuple[Statement, ...]]:
        rng = self.rng
        day = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        site = self.sites[min(int(rng.paretovariate(1.2)) - 1, len(self.sites) - 1)]
        paragraphs = [
            self.sentence(rng.randint(15, 30)) + " " + self.sentence(rng.randint(10, 20)) for _ in range(4)
        ]
        speakers = rng.sample(self.speakers[: rng.choice((50, 500, len(self.speakers)))], 2)
        quotes = [self.sentence(rng.randint(6, 14)) for _ in speakers]
        paragraphs[1] = f'"{quotes[0]}" said {speakers[0]}. ' + paragraphs[1]
        paragraphs[3] = f'"{quotes[1]}" {speakers[1]} told reporters. ' + paragraphs[3]
        text, blocks = _join(paragraphs)
        statements = (
            _statement(text, "s0", quotes[0], "said", speakers[0], "direct"),
            _statement(
                text, "s1", quotes[1], "told", speakers[1], rng.choice(("direct", "indirect", "mixed"))
            ),
        )
        url = f"https://{site}/{day.replace('-', '/')}/story-{index}"
        article = Article(
            input_form="html",
            url=url,
            headline=TextField(value=self.sentence(rng.randint(5, 10)).rstrip("."), evidence=EVIDENCE),
            published=DateField(value=day, precision="day", evidence=EVIDENCE),
            blocks=blocks,
            text=text,
            extractor="bench",
        )
        return url, article, statements


def _cumulative(weights: Iterator[float]) -> Iterator[float]:
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def _join(paragraphs: list[str]) -> tuple[str, tuple[Block, ...]]:
    blocks, start = [], 0
    for paragraph in paragraphs:
        blocks.append(Block(kind="paragraph", text=paragraph, start=start, end=start + len(paragraph)))
        start += len(paragraph) + 2
    return "\n\n".join(paragraphs), tuple(blocks)


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start=start, end=start + len(needle), text=needle)


def _statement(text: str, ident: str, quote: str, cue: str, speaker: str, kind: str) -> Statement:
    content = _span(text, quote)
    return Statement(
        id=ident,
        kind=kind,
        content=content,
        cue=Cue(span=_span(text, cue, content.end), lemma=cue),
        speaker=Speaker(name=speaker, mention=_span(text, speaker, content.start), kind="person"),
        engine="bench",
    )


def build_ledger(db: Path | str, count: int, batch: int = 1000) -> float:
    """Writes ``count`` synthetic articles; returns the seconds it took."""
    from newsledger.ingest import Processed
    from newsledger.ledger import Ledger
    from newsledger.model import Page

    corpus = Corpus()
    started = time.perf_counter()
    with Ledger.open(str(db)) as ledger:
        for first in range(0, count, batch):
            items = []
            for index in range(first, min(first + batch, count)):
                url, article, statements = corpus.article(index)
                page = Page(
                    content=article.text.encode(), url=url, key=f"bench:{index}", origin=url, form="text"
                )
                items.append(Processed(page=page, article=article, statements=statements))
            ledger.store_many(items)
    return time.perf_counter() - started


def query_mix(base: str, corpus: Corpus) -> list[dict[str, str]]:
    """The searches a reader makes, with the cursor of a first page followed once."""
    rng = random.Random(11)
    common, rare = corpus.words[:50], corpus.words[5_000:15_000]
    mix: list[dict[str, str]] = []
    for _ in range(10):
        mix += [
            {"q": rng.choice(common)},
            {"q": rng.choice(rare)},
            {"q": f"{rng.choice(common)} {rng.choice(rare)}"},
            {"q": rng.choice(common), "site": rng.choice(corpus.sites[:20])},
            {"speaker": rng.choice(corpus.speakers[:50])},
            {"q": rng.choice(common), "since": "2024-01-01", "until": "2024-06-30"},
            {"q": rng.choice(rare), "kind": "direct"},
            {"q": rng.choice(common), "scope": "articles"},
            {},
        ]
    first = httpx.get(f"{base}/api/search", params={"q": common[0]}).json()
    if first.get("next_cursor"):
        mix += [{"q": common[0], "cursor": first["next_cursor"]}] * 10
    return mix


def timed(client: httpx.Client, path: str, params: dict[str, str]) -> float:
    started = time.perf_counter()
    response = client.get(path, params=params)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{path} {params} answered {response.status_code}: {response.text[:200]}")
    return elapsed * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


BROWSE_REPEATS = 10  # requests per browsing path and pass


def browse_mix(client: httpx.Client) -> dict[str, list[tuple[str, dict[str, str]]]]:
    """The listing pages, the largest site (first page and the next) and the most quoted
    speakers' pages, each face with its paths."""
    sites = client.get("/api/sites").json()["items"]
    largest = quote(sites[0]["site"], safe="")
    following = client.get(f"/api/sites/{largest}").json()["articles"]["next_cursor"]
    site_pages = [(f"/sites/{largest}", {})] + ([(f"/sites/{largest}", {"cursor": following})] if following else [])
    top = [item["speaker_id"] for item in client.get("/api/speakers", params={"limit": 3}).json()["items"]]
    return {
        "sites": [("/sites", {})],
        "site": site_pages,
        "speakers": [("/speakers", {}), ("/speakers", {"q": "ka"})],
        "speaker": [(f"/speakers/{speaker_id}", {}) for speaker_id in top],
    }


def measure(base: str, corpus: Corpus, passes: int) -> dict[str, list[float]]:
    mix = query_mix(base, corpus)
    timings: dict[str, list[float]] = {"search page": [], "search API": []}
    with httpx.Client(base_url=base, timeout=30) as client:
        for params in mix[:20]:
            timed(client, "/search", params)
            timed(client, "/api/search", params)
        for _ in range(passes):
            for params in mix:
                timings["search page"].append(timed(client, "/search", params))
                timings["search API"].append(timed(client, "/api/search", params))
        for face, paths in browse_mix(client).items():
            for path, params in paths:  # warm-up
                timed(client, path, params)
                timed(client, "/api" + path, params)
            for _ in range(passes * BROWSE_REPEATS):
                for path, params in paths:
                    timings.setdefault(f"{face} page", []).append(timed(client, path, params))
                    timings.setdefault(f"{face} API", []).append(timed(client, "/api" + path, params))
    return timings


def _ledger_exists(target: str) -> bool:
    if not target.startswith(("postgresql://", "postgres://")):
        return Path(target).exists()
    from newsledger.ledger import Ledger

    with Ledger.open(target) as ledger:
        return ledger.stats().articles > 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench web", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the synthetic ledger")
    parser.add_argument("--passes", type=int, default=2, help="passes over the query mix")
    parser.add_argument(
        "--db", help="reuse or keep the ledger here: a file or a postgresql:// URL (default: a temporary file)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or str(Path(scratch) / "bench-web.db")
        if not _ledger_exists(db):
            seconds = build_ledger(db, args.articles)
            rate = args.articles / seconds
            print(
                f"web  ledger  {args.articles:,} articles, {2 * args.articles:,} statements in {seconds:.1f} s ({rate:,.0f} articles/s)"
            )
        with live_server(db) as base:
            stats = httpx.get(f"{base}/api/stats").json()["stats"]
            print(
                f"web  served  {stats['articles']:,} articles, {stats['statements']:,} statements, {stats['speakers']:,} speakers"
            )
            timings = measure(base, Corpus(), args.passes)
    for face, values in timings.items():
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        print(
            f"web  {face:<13} n={len(values):<4} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {max(values):6.1f} ms"
        )
    return 0
