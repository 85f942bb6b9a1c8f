"""``newsledger ingest --engine ray``: the Ray engine behind the same call as the local engine.

``run_ingest`` takes what the local engine takes (``jobs`` is the CPU count of the private local
cluster) and returns the same ``IngestSummary``. Where to find Ray and how to split the work come
from ``ray`` (a :class:`RayOptions`), else from the environment:

- ``NEWSLEDGER_RAY_ADDRESS``: ``auto`` or ``ray://HOST:PORT`` (default: a private local cluster);
- ``NEWSLEDGER_RAY_TASKS``: how many tasks to split the input into;
- ``NEWSLEDGER_SHARD_DIR``: where task results go (shared storage on a multi-node cluster);
- ``NEWSLEDGER_SHARD_FORMAT``: ``jsonl`` (default) or ``parquet``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from newsledger.errors import ConfigError, NewsledgerError
from newsledger.ingest.local import DEFAULT_TIMEOUT, IngestSummary
from newsledger.progress import Progress
from newsledger.scale.engine import RayOptions, RaySummary, run_ray_ingest
from newsledger.sources import SourceOptions

__all__ = ["RayOptions", "TasksFailed", "options_from_environment", "run_ingest"]


class TasksFailed(NewsledgerError):
    """Some tasks died even after their retries; what the others found is in the ledger."""

    stage = "ray"


def options_from_environment(
    environ: Mapping[str, str] = os.environ, *, jobs: int | None = None
) -> RayOptions:
    tasks = environ.get("NEWSLEDGER_RAY_TASKS")
    shard_format = environ.get("NEWSLEDGER_SHARD_FORMAT", "jsonl")
    if tasks is not None and not (tasks.isascii() and tasks.isdigit() and int(tasks) > 0):
        raise ConfigError(f"NEWSLEDGER_RAY_TASKS must be a positive number, not {tasks!r}")
    if shard_format not in ("jsonl", "parquet"):
        raise ConfigError(f"NEWSLEDGER_SHARD_FORMAT must be jsonl or parquet, not {shard_format!r}")
    return RayOptions(
        address=environ.get("NEWSLEDGER_RAY_ADDRESS") or None,
        tasks=int(tasks) if tasks else None,
        shard_dir=environ.get("NEWSLEDGER_SHARD_DIR") or None,
        shard_format=shard_format,
        num_cpus=jobs,
    )


def run_ingest(
    specs: Iterable[str],
    ledger,
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    options: SourceOptions | None = None,
    progress: Progress | None = None,
    ray: RayOptions | None = None,
) -> IngestSummary:
    """Ingest on Ray; raises :class:`TasksFailed` (after merging the rest) when tasks failed."""
    ray = ray or options_from_environment(jobs=jobs)
    summary = run_ray_ingest(
        list(specs),
        ledger,
        options=ray,
        source_options=options,
        timeout=timeout,
        progress=bool(progress and progress.enabled),
    )
    if progress is not None and progress.enabled:
        print(summary.line(), file=progress.stream)
    if summary.failed:
        raise TasksFailed(failure_message(summary))
    return summary.pages


def failure_message(summary: RaySummary) -> str:
    first = summary.failed[0]
    return (
        f"{len(summary.failed)} of {summary.tasks} tasks failed (task {first.task}: {first.reason}); "
        f"the other tasks' {summary.pages.stored} pages are stored; run the same command again to retry them"
    )
