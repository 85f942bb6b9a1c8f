"""Task results on disk: one shard per task, written atomically, then a completion marker.

A shard holds one item per page a task read: the processed page (page, article, statements, or
the page's failure) or the failure of the source itself. It is written to a temporary name,
flushed to disk and renamed; the marker, written the same way afterwards, records the shard's
size and digest. Only a task with a marker is done: a crash at any point leaves either no marker
(the task runs again) or a complete, verified shard.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

import msgspec

from newsledger.errors import LedgerError

ShardFormat = Literal["jsonl", "parquet"]
SHARD_SUFFIX = {"jsonl": ".jsonl", "parquet": ".parquet"}
MARKER_SUFFIX = ".done"
_CHUNK = 1 << 20


class Marker(msgspec.Struct, frozen=True, kw_only=True):
    """What a finished task left: its shard, the shard's size and digest, and its counts."""

    task: int
    shard: str
    format: ShardFormat
    bytes: int
    sha256: str
    items: int
    failures: int
    seconds: float


# --------------------------------------------------------------------------- atomic files


def fsync_directory(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


def publish(temporary: Path, final: Path) -> None:
    """Flush ``temporary`` to disk and rename it to ``final`` (atomic on POSIX file systems)."""
    fd = os.open(temporary, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, final)
    fsync_directory(final.parent)


def write_atomically(path: Path, data: bytes) -> None:
    temporary = temporary_name(path)
    temporary.write_bytes(data)
    publish(temporary, path)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------- names


def shard_path(shard_dir: Path, task_name: str, shard_format: ShardFormat) -> Path:
    return shard_dir / f"{task_name}{SHARD_SUFFIX[shard_format]}"


def marker_path(shard_dir: Path, task_name: str) -> Path:
    return shard_dir / f"{task_name}{MARKER_SUFFIX}"


def read_marker(shard_dir: Path, task_name: str) -> Marker | None:
    try:
        return msgspec.json.decode(marker_path(shard_dir, task_name).read_bytes(), type=Marker)
    except (FileNotFoundError, msgspec.DecodeError):
        return None


def remove_temporaries(shard_dir: Path, task_name: str) -> None:
    """Leftovers of an attempt that died before publishing its shard."""
    for leftover in shard_dir.glob(f".{task_name}.*.tmp-*"):
        leftover.unlink(missing_ok=True)


# --------------------------------------------------------------------------- writing


def write_shard(path: Path, lines: Iterable[bytes], shard_format: ShardFormat) -> int:
    """Write encoded items to ``path`` atomically; returns how many were written."""
    temporary = temporary_name(path)
    try:
        count = (
            _write_parquet(temporary, lines) if shard_format == "parquet" else _write_jsonl(temporary, lines)
        )
        publish(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count


def _write_jsonl(path: Path, lines: Iterable[bytes]) -> int:
    # Not compressed again: the bulk of a line is the raw page, which the ledger row already holds
    # zlib-compressed; a second pass would cost the merge more time than it saves disk.
    count = 0
    with path.open("wb") as out:
        for line in lines:
            out.write(line)
            out.write(b"\n")
            count += 1
    return count


def _write_parquet(path: Path, lines: Iterable[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    items = list(lines)
    table = pa.table({"item": pa.array(items, type=pa.binary())})
    pq.write_table(table, path, compression="zstd")
    return len(items)


def write_marker(shard_dir: Path, marker: Marker) -> None:
    write_atomically(marker_path(shard_dir, f"task-{marker.task:05d}"), msgspec.json.encode(marker))


# --------------------------------------------------------------------------- reading


def verified_shard(shard_dir: Path, marker: Marker) -> Path:
    """The marker's shard, after checking it is the one the marker describes."""
    path = shard_dir / marker.shard
    if not path.is_file():
        raise LedgerError(
            "the shard of a finished task is missing; remove its marker and relaunch", input_name=str(path)
        )
    if path.stat().st_size != marker.bytes or file_digest(path) != marker.sha256:
        raise LedgerError(
            "the shard does not match its completion marker; remove the marker and relaunch",
            input_name=str(path),
        )
    return path


def read_shard_lines(path: Path, shard_format: ShardFormat) -> Iterator[bytes]:
    if shard_format == "parquet":
        import pyarrow.parquet as pq

        parquet = pq.ParquetFile(path)
        for batch in parquet.iter_batches(columns=["item"], batch_size=256):
            yield from (value.as_py() for value in batch.column(0))
        return
    with path.open("rb") as lines:
        for line in lines:
            if line.strip():
                yield line
