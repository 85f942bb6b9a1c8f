"""Splitting ingestion inputs into numbered tasks, and keeping that split in a plan file.

A task is a list of slices; a slice is one input spec and a range of the items that
``newsledger.sources.iter_pages`` yields for it (``stop=None``: to the end). Ranges only split
inputs that hold many pages (WARC files); directories and URL lists are expanded into one spec
per page first, so a task never reads what another task owns. The split depends only on the
inputs and the task count, so a relaunch over the same inputs finds the same tasks — and the
completion markers of the tasks it has already done.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from newsledger.errors import ConfigError, SourceError
from newsledger.model import SourceFailure
from newsledger.sources.options import SourceOptions

PLAN_FORMAT = 1
PLAN_FILE = "plan.json"


class Slice(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """Items ``start`` to ``stop`` (exclusive; ``None`` = to the end) of one input spec."""

    input: str
    start: int = 0
    stop: int | None = None


class Task(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    slices: tuple[Slice, ...]
    estimated_pages: int

    @property
    def name(self) -> str:
        return f"task-{self.id:05d}"


class Plan(msgspec.Struct, frozen=True, kw_only=True):
    """``base_dir`` is the directory relative input paths are read from."""

    format: int = PLAN_FORMAT
    fingerprint: str
    inputs: tuple[str, ...]
    base_dir: str
    requested_tasks: int
    tasks: tuple[Task, ...]


class Segment(msgspec.Struct, frozen=True, kw_only=True):
    """One input spec and how many pages it is expected to yield; ``splittable`` by range."""

    input: str
    pages: int
    splittable: bool = False


# --------------------------------------------------------------------------- inputs


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def segments_for(specs: Iterable[str], options: SourceOptions) -> list[Segment]:
    """Every input spec expanded into segments, in the order the local engine reads them."""
    segments: list[Segment] = []
    for spec in specs:
        segments.extend(_segments_of(spec, options))
    return segments


def _segments_of(spec: str, options: SourceOptions) -> list[Segment]:
    from newsledger.sources import spec_kind

    kind = spec_kind(spec)
    if kind == "stdin":
        raise ConfigError(
            "standard input cannot be split into tasks; save it to a file first", input_name="-"
        )
    if kind == "url-list":
        from newsledger.sources.urls import read_url_list

        try:
            return [Segment(input=url, pages=1) for url in read_url_list(spec[1:])]
        except SourceError:  # the worker reading the list records the failure, as a local run does
            return [Segment(input=spec, pages=1)]
    if kind == "directory":
        return directory_segments(spec, options)
    if kind == "warc":
        return [Segment(input=spec, pages=count_warc_pages(Path(spec), options), splittable=True)]
    return [Segment(input=spec, pages=1)]


def directory_segments(root: str, options: SourceOptions) -> list[Segment]:
    """One segment per page file below ``root``; a directory that cannot be listed, or holds no
    page file, stays one segment, so that the task reading it records the failure."""
    from newsledger.sources.files import walk_page_files

    segments = [
        Segment(input=item.input if isinstance(item, SourceFailure) else str(item), pages=1)
        for item in walk_page_files(root, options.extensions)
    ]
    return segments or [Segment(input=root, pages=1)]


def count_warc_pages(path: Path, options: SourceOptions) -> int:
    """How many pages the WARC source will yield (an estimate, used only to balance tasks)."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        from newsledger.sources.warc import is_html_response
    except ImportError:  # the worker reading it records the failure; here it is one unit
        return 1
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
            return sum(
                1
                for record in records
                if not options.warc_html_only
                or is_html_response(
                    record.http_headers.status_code if record.http_headers else None, record.http_content_type
                )
            )
    except OSError:
        return 1


# --------------------------------------------------------------------------- splitting


def split(segments: Sequence[Segment], task_count: int) -> tuple[Task, ...]:
    """Contiguous tasks of about equal page counts; a WARC's last range is open-ended.

    WARC files are cut into ranges only when there are fewer of them than tasks: a task reading a
    range parses the file's records before it, so whole files are cheaper when there are enough.
    """
    if task_count < 1:
        raise ConfigError(f"the task count must be at least 1, not {task_count}")
    total = sum(max(segment.pages, 1) for segment in segments)
    if total == 0:
        return ()
    per_task = -(-total // min(task_count, total))
    tasks: list[Task] = []
    current: list[Slice] = []
    room = per_task
    cut_files = sum(segment.splittable for segment in segments) < task_count
    for segment in segments:
        done = 0
        pages = max(segment.pages, 1)
        cut = segment.splittable and cut_files
        while done < pages:
            take = min(room, pages - done) if cut else pages - done
            stop = None if done + take >= pages else done + take
            current.append(
                Slice(input=segment.input, start=done, stop=stop) if cut else Slice(input=segment.input)
            )
            done += take
            room -= take
            if room <= 0:
                tasks.append(Task(id=len(tasks), slices=tuple(current), estimated_pages=per_task - room))
                current, room = [], per_task
    if current:
        tasks.append(Task(id=len(tasks), slices=tuple(current), estimated_pages=per_task - room))
    return tuple(tasks)


def make_plan(specs: Sequence[str], task_count: int, *, options: SourceOptions, base_dir: str) -> Plan:
    tasks = split(segments_for(specs, options), task_count)
    return Plan(
        fingerprint=fingerprint(specs, tasks, base_dir),
        inputs=tuple(specs),
        base_dir=base_dir,
        requested_tasks=task_count,
        tasks=tasks,
    )


def fingerprint(specs: Sequence[str], tasks: Sequence[Task], base_dir: str = "") -> str:
    """A digest of the inputs (names, sizes, modification times), where they are read from,
    and the split."""
    digest = hashlib.sha256(msgspec.json.encode(tasks))
    digest.update(base_dir.encode())
    for spec in specs:
        digest.update(spec.encode())
        target = Path(spec[1:] if spec.startswith("@") else spec)
        if not is_url(spec) and target.is_file():
            stat = target.stat()
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


# --------------------------------------------------------------------------- plan file


def load_or_write_plan(plan: Plan, shard_dir: Path) -> Plan:
    """The plan already in ``shard_dir`` when it is the same one, else ``plan`` written there.

    A shard directory holding a plan for other inputs is refused: its shards would be merged
    as if they belonged to this run.
    """
    path = shard_dir / PLAN_FILE
    if path.exists():
        try:
            existing = msgspec.json.decode(path.read_bytes(), type=Plan)
        except msgspec.DecodeError as err:
            raise ConfigError(f"unreadable plan file ({err})", input_name=str(path)) from None
        if existing.fingerprint != plan.fingerprint:
            raise ConfigError(
                "the shard directory holds the plan of another run (other inputs or task count); "
                "use a new --shard-dir or remove it",
                input_name=str(shard_dir),
            )
        return existing
    from newsledger.scale.shards import write_atomically

    shard_dir.mkdir(parents=True, exist_ok=True)
    write_atomically(path, msgspec.json.format(msgspec.json.encode(plan)))
    return plan


def read_plan(shard_dir: Path) -> Plan:
    path = shard_dir / PLAN_FILE
    try:
        return msgspec.json.decode(path.read_bytes(), type=Plan)
    except FileNotFoundError:
        raise ConfigError("no plan file; run the ingestion first", input_name=str(shard_dir)) from None
    except msgspec.DecodeError as err:
        raise ConfigError(f"unreadable plan file ({err})", input_name=str(path)) from None
