"""One task, as a worker runs it: read its slices, process every page as the local engine does
(same time limit, same prepared ledger rows), write the shard.

Nothing here knows about Ray: ``run_task`` is a plain function, so a task can be run (and
tested) in any process; the Ray engine only decides where.
"""

from __future__ import annotations

import contextlib
import itertools
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec

from newsledger.ingest.local import DEFAULT_TIMEOUT, work
from newsledger.ledger.rows import PreparedPage
from newsledger.model import Page, SourceFailure
from newsledger.scale.plan import Slice, Task, is_url
from newsledger.scale.shards import (
    Marker,
    ShardFormat,
    file_digest,
    read_marker,
    remove_temporaries,
    shard_path,
    write_marker,
    write_shard,
)
from newsledger.sources import SourceOptions

PageHook = Callable[[Task, int], None]
"""Called before each item of a task is processed, with the task and the item's index."""


class ShardItem(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One line of a shard: a processed page as ledger rows, or the failure of a source to
    yield one. Rows are prepared in the worker, so the single ledger writer only runs SQL."""

    prepared: PreparedPage | None = None
    source_failure: SourceFailure | None = None


def _slice_kind(item: Slice) -> str:
    if item.start != 0 or item.stop is not None:
        return "range"
    return "url" if is_url(item.input) else "whole"


def iter_slice_items(slices: tuple[Slice, ...], options: SourceOptions) -> Iterator[Page | SourceFailure]:
    """What the sources yield for each slice, in order.

    Consecutive URLs share one fetcher (and so its per-host delay), as in a URL list read
    locally; a range reads its input and keeps only its items.
    """
    from newsledger.sources import iter_pages
    from newsledger.sources.urls import iter_urls

    for kind, group in itertools.groupby(slices, key=_slice_kind):
        if kind == "url":
            yield from iter_urls([item.input for item in group], options)
        elif kind == "whole":
            yield from iter_pages([item.input for item in group], options=options)
        else:
            for item in group:
                with contextlib.closing(iter_pages([item.input], options=options)) as stream:
                    yield from itertools.islice(stream, item.start, item.stop)


def encoded_items(
    task: Task, options: SourceOptions, timeout: float | None, hook: PageHook | None, counts: dict[str, int]
) -> Iterator[bytes]:
    encoder = msgspec.json.Encoder()
    for index, item in enumerate(iter_slice_items(task.slices, options)):
        if hook is not None:
            hook(task, index)
        if isinstance(item, SourceFailure):
            counts["failures"] += 1
            yield encoder.encode(ShardItem(source_failure=item))
            continue
        prepared = work(item, timeout)
        counts["failures"] += prepared.failure is not None
        yield encoder.encode(ShardItem(prepared=prepared))


def run_task(
    task: Task,
    shard_dir: str | Path,
    *,
    shard_format: ShardFormat = "jsonl",
    options: SourceOptions | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    hook: PageHook | None = None,
) -> Marker:
    """Run one task to its shard and completion marker; a task already marked is not rerun."""
    shard_dir = Path(shard_dir)
    done = read_marker(shard_dir, task.name)
    if done is not None:
        return done
    shard_dir.mkdir(parents=True, exist_ok=True)
    remove_temporaries(shard_dir, task.name)
    started = time.perf_counter()
    counts = {"failures": 0}
    path = shard_path(shard_dir, task.name, shard_format)
    items = write_shard(
        path, encoded_items(task, options or SourceOptions(), timeout, hook, counts), shard_format
    )
    marker = Marker(
        task=task.id,
        shard=path.name,
        format=shard_format,
        bytes=path.stat().st_size,
        sha256=file_digest(path),
        items=items,
        failures=counts["failures"],
        seconds=round(time.perf_counter() - started, 3),
    )
    write_marker(shard_dir, marker)
    return marker
