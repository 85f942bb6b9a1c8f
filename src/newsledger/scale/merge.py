"""Loading finished shards into the ledger: idempotent, in plan order, through the Ledger API.

A page the ledger already holds (same key) is not stored again, so merging a shard twice, or
after a relaunch that reran some tasks, stores every page once. The counts are those of the
local engine (``IngestSummary``): a page already stored is ``skipped``, a page or input that
failed is ``failed``.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from newsledger.ingest.local import IngestSummary
from newsledger.ledger.rows import PreparedPage
from newsledger.scale.plan import Plan, Task
from newsledger.scale.shards import Marker, read_marker, read_shard_lines, verified_shard
from newsledger.scale.tasks import ShardItem

STORE_BATCH = 64
_decoder = msgspec.json.Decoder(ShardItem)


def merge_shard(ledger, shard_dir: Path, marker: Marker, summary: IngestSummary) -> None:
    """Store every page of one finished task's shard that the ledger does not hold yet."""
    batch: list[PreparedPage] = []
    for line in read_shard_lines(verified_shard(shard_dir, marker), marker.format):
        item = _decoder.decode(line)
        summary.seen += 1
        if item.source_failure is not None:
            ledger.record_failure(item.source_failure)
            summary.note_failure(item.source_failure)
            continue
        batch.append(item.prepared)
        if len(batch) >= STORE_BATCH:
            _store(ledger, batch, summary)
            batch = []
    if batch:
        _store(ledger, batch, summary)


def _store(ledger, batch: list[PreparedPage], summary: IngestSummary) -> None:
    for result, prepared in zip(ledger.store_many(batch), batch, strict=True):
        summary.count(result, prepared)


def merge_finished(
    ledger,
    plan: Plan,
    shard_dir: Path,
    *,
    exclude: set[int] = frozenset(),
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Merge every task of the plan that has a completion marker (except ``exclude``)."""
    summary = summary if summary is not None else IngestSummary()
    for task in plan.tasks:
        marker = None if task.id in exclude else read_marker(shard_dir, task.name)
        if marker is not None:
            merge_shard(ledger, shard_dir, marker, summary)
    return summary


def unfinished(plan: Plan, shard_dir: Path) -> list[Task]:
    return [task for task in plan.tasks if read_marker(shard_dir, task.name) is None]
