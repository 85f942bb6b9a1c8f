"""The Ray rows of ``python -m bench ingest --engine ray``: the Ray engine beside the local one.

For each job count, ``newsledger ingest`` runs once with the local engine and once with
``--engine ray`` (a private local cluster of that many CPUs, a fresh shard directory), each in a
child process on the same WARC. Ray's start-up cost (``ray.init`` up to a first finished task,
then shutdown) is measured on its own, so the table shows both the end-to-end rate and the rate
once Ray is up, and one worker's rate inside its tasks (from the tasks' completion markers).
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from bench.common import median, table

RAY_START_PASSES = 2
OBJECT_STORE_BYTES = 200 * 1024 * 1024


def ray_start_seconds(cpus: int) -> float:
    """Seconds from ``ray.init`` (private cluster of ``cpus``) to the result of a first task."""
    import ray

    def measure() -> float:
        started = time.perf_counter()
        ray.init(
            num_cpus=cpus,
            include_dashboard=False,
            object_store_memory=OBJECT_STORE_BYTES,
            logging_level=logging.WARNING,
        )
        try:
            ray.get(ray.remote(_nothing).remote())
            return time.perf_counter() - started
        finally:
            ray.shutdown()

    return median([measure() for _ in range(RAY_START_PASSES)])


def _nothing() -> None:
    return None


HEADERS = ["engine", "jobs", "pages", "seconds", "pages/s", "pages/s after Ray start-up",
           "in-task pages/s per worker", "peak RSS", "vs local"]


def compare(warc: Path, workdir: Path, job_counts: list[int]) -> int:
    start = {jobs: ray_start_seconds(jobs) for jobs in job_counts}
    rows = []
    for jobs in job_counts:
        local = measure(warc, workdir, jobs, "local", 0.0)
        ray = measure(warc, workdir, jobs, "ray", start[jobs])
        for row in (local, ray):
            rows.append([*row, f"{row[4] / local[4]:.2f}x"])
    starts = ", ".join(f"{jobs} CPU: {seconds:.1f} s" for jobs, seconds in start.items())
    print(f"Ray start-up (init to first task result, median of {RAY_START_PASSES}): {starts}")
    print(table(HEADERS, rows))
    return 0


def measure(warc: Path, workdir: Path, jobs: int, engine: str, start_seconds: float) -> list:
    """One ingest run in a child process, as a table row (without the last column)."""
    from bench.ingest import run_once, stored_pages

    db = workdir / f"ingest-{engine}-j{jobs}.db"
    shards = workdir / f"shards-{engine}-j{jobs}"
    _remove(db, shards)
    os.environ["NEWSLEDGER_SHARD_DIR"] = str(shards)
    try:
        seconds, peak = run_once(warc, db, jobs, engine)
        stored = stored_pages(db)
        in_task = round(in_task_rate(shards), 1) if engine == "ray" else ""
    finally:
        os.environ.pop("NEWSLEDGER_SHARD_DIR", None)
        _remove(db, shards)
    warm = stored / max(seconds - start_seconds, 1e-9)
    return [engine, jobs, stored, round(seconds, 1), round(stored / seconds, 1), round(warm, 1), in_task,
            f"{peak / 2**20:.0f} MB"]


def in_task_rate(shards: Path) -> float:
    """Pages per second of task time, from the completion markers: one worker's rate with Ray's
    start-up, scheduling and the merge left out."""
    import msgspec

    from newsledger.scale.shards import Marker

    markers = [msgspec.json.decode(path.read_bytes(), type=Marker) for path in shards.glob("*.done")]
    return sum(m.items for m in markers) / max(sum(m.seconds for m in markers), 1e-9)


def _remove(db: Path, shards: Path) -> None:
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    shutil.rmtree(shards, ignore_errors=True)
