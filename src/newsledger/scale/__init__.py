"""Scale-out ingestion on Ray: the same steps as the local engine, split into resumable tasks.

``plan`` splits the inputs into numbered tasks; ``tasks`` runs one task to a shard and a
completion marker (no Ray needed); ``merge`` loads finished shards into the ledger; ``engine``
runs the unfinished tasks on a Ray cluster. Ray is imported only when the engine starts, and the
modules only when first used, so this package costs nothing to the commands that do not use it.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "RayOptions": "engine",
    "RaySummary": "engine",
    "TaskFailure": "engine",
    "run_ray_ingest": "engine",
    "merge_finished": "merge",
    "Plan": "plan",
    "Slice": "plan",
    "Task": "plan",
    "make_plan": "plan",
    "run_task": "tasks",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"newsledger.scale.{_EXPORTS[name]}"), name)
    raise AttributeError(name)
