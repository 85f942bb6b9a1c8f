"""WCXB dev pages with their labels: page type, title, author and publication date."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path("../shared/bench/wcxb-dev")


@dataclass(frozen=True)
class WcxbPage:
    key: str
    url: str | None
    html: str
    page_type: str
    title: str | None
    author: str | None
    date: str | None


def load_pages(data: Path, limit: int | None = None) -> list[WcxbPage]:
    """Every page under ``data/ground-truth`` whose HTML is beside it, in id order."""
    from newsledger.extract.decode import decode

    pages = []
    for truth_file in sorted((data / "ground-truth").glob("*.json"))[:limit]:
        page_file = data / "html" / f"{truth_file.stem}.html.gz"
        if not page_file.exists():
            continue
        record = json.loads(truth_file.read_text(encoding="utf-8"))
        truth = record.get("ground_truth") or {}
        pages.append(
            WcxbPage(
                key=truth_file.stem,
                url=record.get("url"),
                html=decode(gzip.decompress(page_file.read_bytes())),
                page_type=((record.get("_internal") or {}).get("page_type") or {}).get("primary", "unknown"),
                title=truth.get("title") or None,
                author=truth.get("author") or None,
                date=truth.get("publish_date") or None,
            )
        )
    return pages
