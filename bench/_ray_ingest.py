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


def compare(warc: Path, workdir: Path, job_counts: list[int]) -> int:
    from bench.ingest import run_once, stored_pages

    start = {jobs: ray_start_seconds(jobs) for jobs in job_counts}
    rows = []
    local_rate = {}
    for jobs in job_counts:
        for engine in ("local", "ray"):
            db = workdir / f"ingest-{engine}-j{jobs}.db"
            shards = workdir / f"shards-j{jobs}"
            _remove(db, shards)
            os.environ["NEWSLEDGER_SHARD_DIR"] = str(shards)
            seconds, peak = run_once(warc, db, jobs, engine)
            stored = stored_pages(db)
            rate = stored / seconds
            local_rate.setdefault(jobs, rate)
            warm = stored / max(seconds - start[jobs], 1e-9) if engine == "ray" else rate
            rows.append(
                [
                    engine,
                    jobs,
                    stored,
                    round(seconds, 1),
                    round(rate, 1),
                    round(warm, 1),
                    round(warm / jobs, 1),
                    f"{peak / 2**20:.0f} MB",
                    f"{rate / local_rate[jobs]:.2f}x",
                ]
            )
            _remove(db, shards)
    os.environ.pop("NEWSLEDGER_SHARD_DIR", None)
    starts = ", ".join(f"{jobs} CPU: {seconds:.1f} s" for jobs, seconds in start.items())
    print(f"Ray start-up (init to first task result, median of {RAY_START_PASSES}): {starts}")
    print(
        table(
            [
                "engine",
                "jobs",
                "pages",
                "seconds",
                "pages/s",
                "pages/s after start-up",
                "per worker",
                "peak RSS",
                "vs local",
            ],
            rows,
        )
    )
    return 0


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
