"""Trying recorded failures again: stored pages whose extraction failed are extracted again from
their stored copy; inputs that could not be read are read again. Failures that do not come back
are forgotten, those that do count one more attempt."""

from __future__ import annotations

from newsledger.ingest.local import DEFAULT_TIMEOUT, IngestSummary, run_ingest, run_reextract
from newsledger.ledger import Ledger
from newsledger.progress import Progress
from newsledger.sources import SourceOptions


def retry_failures(
    ledger: Ledger,
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    options: SourceOptions | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Retry every recorded failure once; return what the retry did (both parts added up)."""
    failures = list(ledger.iter_failures())
    stored = sorted({f.page_key for f in failures if f.page_key and ledger.has_page(f.page_key)})
    unread = sorted({f.input for f in failures if not (f.page_key and f.page_key in stored)})
    progress = progress or Progress(None, enabled=False)
    again = run_reextract(ledger, jobs=jobs, timeout=timeout, page_keys=stored, progress=progress)
    summary = run_ingest(unread, ledger, jobs=jobs, timeout=timeout, options=options, progress=progress)
    for field in ("seen", "stored", "articles", "statements", "seconds"):
        setattr(summary, field, getattr(summary, field) + getattr(again, field))
    for failure in again.failures:
        summary.note_failure(failure)
    ledger.clear_failures(failures)
    return summary
