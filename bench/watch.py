"""``python -m bench watch``: following outlets at scale, and the parsers against the field's.

Part 1 (``--hosts``, ``--items``): test outlets on 127.0.0.1 (one port per host) serve one RSS
feed of ``--items`` items spread over ``--hosts`` hosts, every 100th linking a page robots.txt
disallows. ``newsledger watch --once`` runs as a child process per job count, its process tree's
resident memory sampled; then a second round. Printed: new articles per second, peak memory and
memory at each quarter of the round, the least gap between two requests to one host (from the
server log) against the host delay, disallowed URLs requested, and what the second round did.

Part 2 (``--libraries``): feeds, sitemaps, robots.txt and URL cleaning by newsledger against
feedparser, trafilatura's feed reader, protego, the standard library's robotparser and courlan,
on correctness cases and on speed (median of ``--passes`` interleaved passes).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._outlet import Outlets, many_hosts
from bench._warcgen import REPO
from bench.common import table
from bench.ingest import tree_rss


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench watch", description=__doc__.split("\n\n")[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument(
        "--host-delay", type=float, default=0.1, help="least seconds between two requests to one host"
    )
    parser.add_argument("--jobs", default="0,1", help="comma-separated worker counts (0: one process)")
    parser.add_argument("--libraries", action=argparse.BooleanOptionalAction, default=True, help="part 2")
    parser.add_argument("--scale", action=argparse.BooleanOptionalAction, default=True, help="part 1")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args(argv)
    if args.scale:
        scale(args.hosts, args.items, args.host_delay, [int(j) for j in args.jobs.split(",")])
    if args.libraries:
        from bench._follow_libraries import compare

        compare(args.passes)
    return 0


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]),
    }


def watch_once(db: Path, host_delay: float, jobs: int) -> tuple[float, list[tuple[float, int]], str]:
    """Wall seconds, RSS samples (seconds since start, bytes) and the summary line of one round."""
    command = [
        sys.executable,
        "-m",
        "newsledger",
        "watch",
        "--once",
        "--db",
        str(db),
        "--allow-private",
        "--host-delay",
        str(host_delay),
        "-j",
        str(jobs),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=_env(), stdout=subprocess.PIPE, text=True)
    samples: list[tuple[float, int]] = []
    while process.poll() is None:
        rss = tree_rss(process.pid)
        if rss:
            samples.append((time.perf_counter() - started, rss))
        time.sleep(0.2)
    out = process.stdout.read() if process.stdout else ""
    if process.returncode:
        raise SystemExit(f"watch failed ({process.returncode}): {out}")
    return time.perf_counter() - started, samples, out.strip()


def least_gaps(outlets: Outlets) -> tuple[float, int]:
    """The least gap between two requests to one host, and how many hosts were requested."""
    by_host: dict[str, list[float]] = {}
    for hit in outlets.hits():
        by_host.setdefault(hit.host, []).append(hit.at)
    gaps = [
        b - a for times in by_host.values() for a, b in zip(sorted(times), sorted(times)[1:], strict=False)
    ]
    return (min(gaps) if gaps else float("nan")), len(by_host)


def scale(hosts: int, items: int, host_delay: float, job_counts: list[int]) -> None:
    from newsledger.follow import add_outlet
    from newsledger.ledger import Ledger
    from newsledger.sources.options import SourceOptions

    rows = []
    with Outlets() as outlets, tempfile.TemporaryDirectory() as tmp:
        many = many_hosts(outlets, hosts=hosts, items=items, private_every=100)
        allowed = sum("/private/" not in url for url in many.articles)
        for jobs in job_counts:
            db = Path(tmp) / f"watch-{jobs}.db"
            with Ledger.open(str(db)) as ledger:
                add_outlet(ledger, many.feed, SourceOptions(allow_private=True, host_delay=0))
            outlets.clear()
            seconds, samples, line = watch_once(db, host_delay, jobs)
            hits = outlets.hits()
            gap, requested_hosts = least_gaps(outlets)
            private = sum("/private/" in h.path for h in hits)
            article_hits = [h.at for h in hits if h.path.startswith("/a/")]
            span = max(article_hits) - min(article_hits) if article_hits else float("nan")
            with Ledger.open(str(db)) as ledger:
                stored = ledger.page_count()
            outlets.clear()
            _seconds2, _samples2, line2 = watch_once(db, host_delay, jobs)
            second = outlets.hits()
            rows.append(
                (
                    jobs,
                    f"{stored}/{allowed}",
                    round(stored / span, 1),
                    round(stored / seconds, 1),
                    _mb(max(rss for _t, rss in samples)),
                    " / ".join(_quarters(samples)),
                    round(gap, 3),
                    requested_hosts,
                    private,
                    f"{len(second)} requests, {sum(h.conditional for h in second)} conditional, "
                    f"{sum(h.status == 304 for h in second)} × 304",
                )
            )
            print(f"-j {jobs}: {line}\n-j {jobs} second round: {line2}", file=sys.stderr)
    print(f"\n### Watch: {items} feed items over {hosts} hosts, host delay {host_delay} s\n")
    print(
        table(
            [
                "jobs",
                "stored/allowed",
                "articles/s (fetching)",
                "articles/s (wall, with start-up)",
                "peak MB",
                "MB at 25/50/75/100 %",
                "least gap s",
                "hosts",
                "disallowed requested",
                "second round",
            ],
            rows,
        )
    )


def _mb(value: int) -> str:
    return f"{value / 1e6:.0f}"


def _quarters(samples: list[tuple[float, int]]) -> list[str]:
    if not samples:
        return ["-"]
    return [_mb(samples[min(len(samples) - 1, int(len(samples) * q))][1]) for q in (0.25, 0.5, 0.75, 0.999)]
