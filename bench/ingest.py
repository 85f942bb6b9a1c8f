"""``python -m bench ingest``: end-to-end ingestion speed and memory on a generated WARC.

Runs ``newsledger ingest WARC --db fresh.db -j N`` as a child process for each job count, timing
it and sampling the resident memory of its whole process tree, then prints pages/s, pages/s per
worker, the peak RSS and the speed-up over one worker.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._warcgen import REPO, generate_warc, scrapinghub_pages
from bench.common import table

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE_SIZE
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack += [int(child) for child in handle.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_once(warc: Path, db: Path, jobs: int, engine: str) -> tuple[float, int]:
    """Seconds and peak tree RSS of one ingest run."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "newsledger", "ingest", str(warc), "--db", str(db), "-j", str(jobs),
               "--engine", engine, "--no-progress", "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"ingest -j {jobs} failed with exit code {process.returncode}")
    return seconds, peak


def stored_pages(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        connection.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench ingest", description=__doc__)
    parser.add_argument("--pages", type=int, default=5000, help="pages in the generated WARC (default: 5000)")
    parser.add_argument("--jobs", default="1,2", help="job counts to compare (default: 1,2)")
    parser.add_argument("--engine", default="local", help="ingest engine (default: local)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "newsledger-bench",
                        help="where the WARC and ledgers go (the WARC is reused between runs)")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    source = "scrapinghub pages" if scrapinghub_pages() else "synthetic pages"
    warc = generate_warc(args.workdir / f"bench-{args.pages}.warc.gz", args.pages)
    print(f"WARC: {args.pages} {source}, {warc.stat().st_size / 1e6:.0f} MB gzip; engine {args.engine}")
    if args.engine == "ray":
        from bench._ray_ingest import compare

        return compare(warc, args.workdir, [int(j) for j in args.jobs.split(",")])
    rows, base = [], None
    for jobs in (int(j) for j in args.jobs.split(",")):
        db = args.workdir / f"ingest-j{jobs}.db"
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            path.unlink(missing_ok=True)
        seconds, peak = run_once(warc, db, jobs, args.engine)
        stored = stored_pages(db)
        rate = stored / seconds
        base = base or rate
        rows.append([jobs, stored, round(seconds, 1), round(rate, 1), round(rate / max(jobs, 1), 1),
                     f"{peak / 2**20:.0f} MB", f"{rate / base:.2f}x"])
        db.unlink(missing_ok=True)
    print(table(["jobs", "pages", "seconds", "pages/s", "pages/s per worker", "peak RSS", "vs first"], rows))
    return 0
