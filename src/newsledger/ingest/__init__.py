"""Running the pipeline over many pages: sources -> process (extract + attribute) -> ledger.

``process_page`` is pure and runs anywhere (a worker process, a Ray task); ``run_ingest`` is the
local engine: worker processes with bounded in-flight work, the parent alone writing the ledger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.ingest.process import Processed, process_page

if TYPE_CHECKING:
    from newsledger.ingest.local import IngestSummary

__all__ = ["IngestSummary", "Processed", "process_page", "run_ingest", "run_reextract"]


def __getattr__(name: str):
    if name in ("IngestSummary", "run_ingest", "run_reextract"):
        from newsledger.ingest import local

        return getattr(local, name)
    raise AttributeError(name)
