"""Pages from files on disk (plain or gzip) and from standard input."""

from __future__ import annotations

import datetime as dt
import gzip
import sys
import zlib
from pathlib import Path

from newsledger.errors import SourceError
from newsledger.model import Page

MAX_PAGE_BYTES = 64 * 1024 * 1024


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def read_file_page(path: str | Path, *, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """One Page from a file; ``.gz`` files are decompressed."""
    path = Path(path)
    try:
        if path.is_dir():
            raise SourceError("is a directory, not a page file", input_name=str(path))
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
    except FileNotFoundError:
        raise SourceError("no such file", input_name=str(path)) from None
    except PermissionError:
        raise SourceError("permission denied", input_name=str(path)) from None
    except (OSError, EOFError, zlib.error) as err:
        raise SourceError(f"cannot read the file ({err})", input_name=str(path)) from None
    if len(raw) > max_bytes:
        raise SourceError(f"larger than {max_bytes} bytes", input_name=str(path))
    return Page(content=raw, origin=str(path), fetched_at=_now())


def read_stdin_page() -> Page:
    return Page(content=sys.stdin.buffer.read(MAX_PAGE_BYTES + 1), origin="<stdin>", fetched_at=_now())
