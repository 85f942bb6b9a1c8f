"""``python -m bench search``: query latency over a ledger of synthetic statements.

Builds (once, then reuses) a ledger of ``--statements`` synthetic statements — words drawn from a
Zipf-like vocabulary, so some are in half the statements and most are rare — through the same
``Ledger.store_many`` path ingestion uses, then times a fixed mix of searches: rare and common
words, two words, a phrase, a prefix, searches with a site / speaker / date / kind filter, and a
speaker timeline without words. Prints p50/p95 per backend (SQLite, and PostgreSQL when
``--postgres URL`` is given or the local test server answers).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.common import table
from newsledger.ledger import Ledger
from newsledger.ledger.rows import ArticleRow, PageRow, PreparedPage, SpeakerRef, StatementRow, speaker_key

PER_ARTICLE = 10
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
PG_SCHEMA = "newsledger_bench_search"
KINDS = ("direct", "indirect", "mixed")
LEMMAS = ("say", "tell", "add", "warn", "claim", "argue", "note", "insist")


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    syllables = ["ka", "lo", "ri", "ten", "mar", "vo", "sel", "du", "pra", "ne", "gor", "li", "ast", "um", "bre"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def synthetic_pages(count: int, seed: int = 7) -> Iterator[PreparedPage]:
    """``count`` statements' worth of prepared pages, ``PER_ARTICLE`` statements each."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    speakers = [f"{rng.choice(words).title()} {rng.choice(words).title()}" for _ in range(20_000)]
    sites = [f"news{n}.example" for n in range(50)]
    for article in range(count // PER_ARTICLE):
        site = sites[article % len(sites)]
        day = f"{2020 + article % 6}-{1 + article % 12:02d}-{1 + article % 28:02d}"
        statements = []
        for _ in range(PER_ARTICLE):
            name = speakers[int(rng.paretovariate(1.2)) % len(speakers)]
            content = " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(10, 25)))
            statements.append(StatementRow(
                statement_key=f"s{len(statements)}", speaker=SpeakerRef(key=speaker_key(name), name=name, kind="person"),
                kind=rng.choice(KINDS), cue_lemma=rng.choice(LEMMAS), channel=None, content=content, date=None,
                said_on=day, record="{}", extractor="bench",
            ))
        headline = " ".join(rng.choices(words, cum_weights=cumulative, k=8))
        yield PreparedPage(
            page=PageRow(key=f"bench:{article}", url=f"https://{site}/{article}", origin="bench", fetched_at=None,
                         headers="[]", form=None, codec="zlib", content=b"x\x9c\x03\x00\x00\x00\x00\x01",
                         size=0, sha256=""),
            article=ArticleRow(url=f"https://{site}/{article}", canonical_url=None, site=site, site_name=None,
                               headline=headline, published=day, language="en", text=headline, record="{}",
                               extractor="bench"),
            statements=tuple(statements),
            extractor="bench",
        )


def fill(ledger: Ledger, statements: int, batch: int = 500) -> None:
    pending: list[PreparedPage] = []
    started = time.perf_counter()
    for prepared in synthetic_pages(statements):
        pending.append(prepared)
        if len(pending) == batch:
            ledger.store_many(pending)
            pending = []
    if pending:
        ledger.store_many(pending)
    print(f"  built {statements} statements in {time.perf_counter() - started:.0f} s")


def queries(ledger: Ledger) -> list[tuple[str, Callable[[], object]]]:
    rng = random.Random(11)
    words = vocabulary(rng)
    common, mid, rare = words[0], words[50], words[5000]
    top = ledger.speakers(limit=20).speakers
    speaker = top[0].speaker_id
    mid_speaker = top[-1].speaker_id
    return [
        ("rare word", lambda: ledger.search(rare)),
        ("common word", lambda: ledger.search(common)),
        ("two words", lambda: ledger.search(f"{common} {mid}")),
        ("phrase", lambda: ledger.search(f'"{common} {mid}"')),
        ("prefix", lambda: ledger.search(f"{mid[:4]}*") if ledger.backend == "sqlite" else ledger.search(mid)),
        ("word + site", lambda: ledger.search(mid, site="news7.example")),
        ("word + speaker", lambda: ledger.search(mid, speaker=mid_speaker)),
        ("word + since", lambda: ledger.search(mid, since="2025-01-01")),
        ("word + kind", lambda: ledger.search(common, kind="mixed")),
        ("speaker timeline", lambda: ledger.speaker_statements(speaker)),
        ("page 2 of common", lambda: ledger.search(common, cursor=ledger.search(common).next_cursor)),
    ]


def measure(ledger: Ledger, rounds: int) -> tuple[list[list[object]], list[float]]:
    cases = queries(ledger)
    for _, run in cases:
        run()
    rows, everything = [], []
    for name, run in cases:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            run()
            times.append((time.perf_counter() - started) * 1000)
        everything += times
        rows.append([name, round(statistics.median(times), 2), round(percentile(times, 95), 2)])
    return rows, everything


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ready(ledger: Ledger, statements: int) -> bool:
    return ledger.stats().statements >= statements


def run_backend(name: str, target: str, statements: int, rounds: int) -> list[object]:
    with Ledger.open(target) as ledger:
        if not ready(ledger, statements):
            fill(ledger, statements)
            ledger.optimize()
        count = ledger.stats().statements
        rows, everything = measure(ledger, rounds)
    print(f"\n{name}: {count} statements")
    print(table(["query", "p50 ms", "p95 ms"], rows))
    return [name, count, round(statistics.median(everything), 2), round(percentile(everything, 95), 2)]


def postgres_target(url: str) -> str | None:
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f"CREATE SCHEMA IF NOT EXISTS {PG_SCHEMA}")
    except psycopg.Error:
        return None
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{PG_SCHEMA}"


def drop_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench search", description=__doc__)
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=30, help="timed runs of each query (default: 30)")
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "newsledger-bench" / "search.db")
    parser.add_argument("--postgres", default=DEFAULT_PG, help="server URL, or 'none' (default: the local test server)")
    parser.add_argument("--keep-postgres", action="store_true", help="keep the PostgreSQL bench schema afterwards")
    args = parser.parse_args(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    summary = [run_backend("sqlite", str(args.db), args.statements, args.rounds)]
    target = postgres_target(args.postgres) if args.postgres != "none" else None
    if target:
        try:
            summary.append(run_backend("postgresql", target, args.statements, args.rounds))
        finally:
            if not args.keep_postgres:
                drop_postgres(args.postgres)
    else:
        print("\npostgresql: no server reached; skipped")
    print("\nall queries:")
    print(table(["backend", "statements", "p50 ms", "p95 ms"], summary))
    return 0
