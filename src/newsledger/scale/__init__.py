"""Scale-out ingestion on Ray: the same steps as the local engine, split into resumable tasks.

``plan`` splits the inputs into numbered tasks; ``tasks`` runs one task to a shard and a
completion marker (no Ray needed); ``merge`` loads finished shards into the ledger; ``engine``
runs the unfinished tasks on a Ray cluster. Ray is imported only when the engine starts, so this
package imports without the ``ray`` extra.
"""

from newsledger.scale.engine import RayOptions, RaySummary, TaskFailure, run_ray_ingest
from newsledger.scale.merge import merge_finished
from newsledger.scale.plan import Plan, Slice, Task, make_plan
from newsledger.scale.tasks import run_task

__all__ = [
    "Plan",
    "RayOptions",
    "RaySummary",
    "Slice",
    "Task",
    "TaskFailure",
    "make_plan",
    "merge_finished",
    "run_ray_ingest",
    "run_task",
]
