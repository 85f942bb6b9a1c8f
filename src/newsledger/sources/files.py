"""Pages from files on disk (plain or gzip), from directories and from standard input."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsledger.errors import SourceError
from newsledger.model import Page, SourceFailure
from newsledger.sources.keys import file_key, stdin_key
from newsledger.sources.options import SourceOptions

MAX_PAGE_BYTES = SourceOptions().max_bytes


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _read_limited(path: Path, max_bytes: int) -> bytes:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise SourceError(f"larger than {max_bytes} bytes", input_name=str(path))
    return raw


def read_file_page(path: str | Path, *, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """One Page from a file; ``.gz`` files are decompressed (at most ``max_bytes`` of them)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise SourceError("is a directory, not a page file", input_name=str(path))
        raw = _read_limited(path, max_bytes)
    except FileNotFoundError:
        raise SourceError("no such file", input_name=str(path)) from None
    except PermissionError:
        raise SourceError("permission denied", input_name=str(path)) from None
    except (OSError, EOFError, zlib.error) as err:
        raise SourceError(f"cannot read the file ({err})", input_name=str(path)) from None
    return Page(content=raw, key=file_key(path, raw), origin=str(path), fetched_at=_now())


def read_stdin_page(*, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    raw = sys.stdin.buffer.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise SourceError(f"larger than {max_bytes} bytes", input_name="<stdin>")
    return Page(content=raw, key=stdin_key(raw), origin="<stdin>", fetched_at=_now())


def iter_stdin(options: SourceOptions) -> Iterator[Page | SourceFailure]:
    try:
        yield read_stdin_page(max_bytes=options.max_bytes)
    except SourceError as err:
        yield SourceFailure(input="<stdin>", stage=err.stage, reason=str(err))


def iter_files(paths: Iterable[str | Path], options: SourceOptions) -> Iterator[Page | SourceFailure]:
    for path in paths:
        try:
            yield read_file_page(path, max_bytes=options.max_bytes)
        except SourceError as err:
            yield SourceFailure(input=str(path), stage=err.stage, reason=str(err))


def is_page_file(name: str, extensions: Iterable[str]) -> bool:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    return lowered.endswith(tuple(extensions))


def walk_page_files(root: str | Path, extensions: Iterable[str]) -> Iterator[Path | SourceFailure]:
    """Page files below ``root`` in a stable order (names sorted), one directory at a time.

    A directory that cannot be listed yields a SourceFailure and the walk goes on.
    """
    extensions = tuple(extensions)
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as err:
        reason = f"{root}: cannot list the directory ({err.strerror})"
        yield SourceFailure(input=str(root), stage=SourceError.stage, reason=reason)
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from walk_page_files(entry.path, extensions)
        elif entry.is_file() and is_page_file(entry.name, extensions):
            yield Path(entry.path)


def iter_directory(root: str | Path, options: SourceOptions) -> Iterator[Page | SourceFailure]:
    """The pages of every page file below ``root``; a directory holding none is a failure, so a
    mistyped or empty directory is said, not passed over in silence."""
    found = False
    for item in walk_page_files(root, options.extensions):
        found = True
        if isinstance(item, SourceFailure):
            yield item
        else:
            yield from iter_files([item], options)
    if not found:
        kinds = ", ".join(options.extensions)
        reason = f"{root}: no page files in the directory (looked for {kinds}, and .gz of them)"
        yield SourceFailure(input=str(root), stage=SourceError.stage, reason=reason)
