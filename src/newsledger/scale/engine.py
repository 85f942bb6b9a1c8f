"""The Ray engine: plan the tasks, run the unfinished ones on a Ray cluster, merge as they finish.

Workers only extract and write shards; the driver alone writes to the ledger (one writer, as the
ledger wants), merging each task's shard as soon as it is done and once more at the end, so a
relaunch after a crash of the driver, a worker or a whole node merges what was finished before.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import msgspec

import newsledger
from newsledger.errors import ConfigError
from newsledger.ingest.local import DEFAULT_TIMEOUT, IngestSummary
from newsledger.progress import Progress
from newsledger.scale.merge import merge_finished, merge_shard, unfinished
from newsledger.scale.plan import PLAN_FILE, Plan, Task, fingerprint, load_or_write_plan, make_plan, read_plan
from newsledger.scale.shards import Marker, ShardFormat
from newsledger.scale.tasks import PageHook, run_task
from newsledger.sources import SourceOptions

TASKS_PER_CPU = 4
DEFAULT_OBJECT_STORE_BYTES = 200 * 1024 * 1024


class RayOptions(msgspec.Struct, kw_only=True):
    """How to reach Ray and how to split the work.

    ``address``: ``None`` starts a private local cluster of ``num_cpus`` CPUs; ``"auto"`` joins
    the cluster running on this machine; ``ray://host:10001`` connects a Ray Client.
    ``tasks``: how many tasks to split the input into (default: the plan already in the shard
    directory, else four per cluster CPU). ``ship_code`` uploads this newsledger package to the
    workers, so they run the same code as the driver.
    """

    address: str | None = None
    tasks: int | None = None
    shard_dir: str | None = None
    shard_format: ShardFormat = "jsonl"
    num_cpus: int | None = None
    object_store_memory: int = DEFAULT_OBJECT_STORE_BYTES
    max_retries: int = 2
    runtime_env: dict | None = None
    ship_code: bool = True


class TaskFailure(msgspec.Struct, frozen=True, kw_only=True):
    task: int
    reason: str


class RaySummary(msgspec.Struct, kw_only=True):
    """One run of the Ray engine: the pages (counted as the local engine counts them) and the
    tasks; ``failed`` tasks left no shard and run again on relaunch."""

    pages: IngestSummary
    shard_dir: str
    tasks: int
    ran: int
    already_done: int
    failed: tuple[TaskFailure, ...]
    ray_start_seconds: float

    def line(self) -> str:
        return (
            f"{self.tasks} tasks: {self.ran} run, {self.already_done} already done, {len(self.failed)} failed "
            f"(Ray start {self.ray_start_seconds:.1f} s); shards in {self.shard_dir}"
        )


# --------------------------------------------------------------------------- Ray session


def import_ray():
    try:
        import ray
    except ImportError:
        raise ConfigError("the ray engine needs Ray: pip install 'newsledger[ray]'") from None
    return ray


def package_dir() -> str:
    return str(Path(newsledger.__file__).resolve().parent)


def runtime_env_for(options: RayOptions) -> dict:
    env = dict(options.runtime_env or {})
    if options.ship_code:
        env["py_modules"] = [*env.get("py_modules", []), package_dir()]
    return env


TOKEN_HELP = (
    "a cluster started with `ray start --head` may require Ray's token authentication: give this "
    "command the cluster's token in RAY_AUTH_TOKEN, in a file named by RAY_AUTH_TOKEN_PATH, or in "
    "~/.ray/auth_token (`ray get-auth-token` on the head node prints it)"
)


def token_file(environ: Mapping[str, str], home: Path) -> Path:
    """Where Ray looks for the token: ``RAY_AUTH_TOKEN_PATH``, else ``~/.ray/auth_token``."""
    named = environ.get("RAY_AUTH_TOKEN_PATH")
    return Path(named).expanduser() if named else home / ".ray" / "auth_token"


def token_mode_for(address: str | None, environ: Mapping[str, str], home: Path) -> bool:
    """Whether to join ``address`` in Ray's token mode.

    Ray turns token mode on by itself only for a cluster it finds (``auto``); given an address,
    it connects without the token and the cluster refuses it. So when the mode is not chosen
    (``RAY_AUTH_MODE``) and a token is at hand, the driver presents it.
    """
    if address is None or environ.get("RAY_AUTH_MODE"):
        return False
    return bool(environ.get("RAY_AUTH_TOKEN", "").strip()) or token_file(environ, home).is_file()


@contextlib.contextmanager
def token_mode(enabled: bool) -> Iterator[None]:
    """``RAY_AUTH_MODE=token`` for this process while Ray is in use, with Ray's cached settings
    reread so the change takes effect."""
    if not enabled:
        yield
        return
    os.environ["RAY_AUTH_MODE"] = "token"
    reload_ray_config()
    try:
        yield
    finally:
        os.environ.pop("RAY_AUTH_MODE", None)
        reload_ray_config()


def reload_ray_config() -> None:
    try:
        from ray._raylet import Config
    except ImportError:  # older Ray: no token mode to switch
        return
    Config.initialize("")


@contextlib.contextmanager
def ray_session(options: RayOptions) -> Iterator[object]:
    """Ray, initialised as the options say (in token mode where the cluster needs it)."""
    enabled = token_mode_for(options.address, os.environ, Path.home())
    with token_mode(enabled), _ray_session(options, enabled) as ray:
        yield ray


@contextlib.contextmanager
def _ray_session(options: RayOptions, token: bool) -> Iterator[object]:
    """Ray, initialised as the options say; shut down at the end only if started here."""
    ray = import_ray()
    if ray.is_initialized():
        yield ray
        return
    settings: dict = {
        "runtime_env": runtime_env_for(options),
        "logging_level": logging.WARNING,
        "log_to_driver": True,
    }
    if options.address is None:
        settings.update(
            address="local",  # a new private cluster, even where `ray start` left one running
            num_cpus=options.num_cpus or os.cpu_count() or 1,
            include_dashboard=False,
            object_store_memory=options.object_store_memory,
        )
    else:
        settings["address"] = options.address
    try:
        ray.init(**settings)
    except (ConnectionError, RuntimeError, ValueError, ray.exceptions.RayError) as err:
        raise ConfigError(init_failure(options.address, err, token), input_name=options.address) from None
    try:
        yield ray
    finally:
        ray.shutdown()


def init_failure(address: str | None, err: Exception, token: bool) -> str:
    """Why Ray could not be started or reached, with what to check about its token mode."""
    first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    if address is None:
        return f"cannot start a local Ray cluster ({first_line})"
    if token:
        return (
            f"cannot reach the Ray cluster at {address} in token mode ({first_line}); check that the "
            "token given (RAY_AUTH_TOKEN, RAY_AUTH_TOKEN_PATH or ~/.ray/auth_token) is the cluster's"
        )
    return f"cannot reach the Ray cluster at {address} ({first_line}); {TOKEN_HELP}"


def cluster_cpus(ray) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


# --------------------------------------------------------------------------- planning


def default_shard_dir(specs: Sequence[str]) -> Path:
    """``newsledger-shards/<digest of the inputs>``: the same inputs find the same directory."""
    digest = hashlib.sha256(fingerprint(specs, ()).encode()).hexdigest()[:12]
    return Path("newsledger-shards") / digest


def plan_for(
    specs: Sequence[str],
    shard_dir: Path,
    requested: int | None,
    cpus: Callable[[], int],
    source_options: SourceOptions,
) -> Plan:
    """The plan of this run: ``requested`` tasks, else as many as the plan already in the shard
    directory, else four per cluster CPU (asking ``cpus`` starts Ray)."""
    if requested is None and (shard_dir / PLAN_FILE).exists():
        requested = read_plan(shard_dir).requested_tasks
    if requested is None:
        requested = cpus() * TASKS_PER_CPU
    plan = make_plan(specs, requested, options=source_options, base_dir=os.getcwd())
    return load_or_write_plan(plan, shard_dir)


class LazyRay(contextlib.ExitStack):
    """Ray started on first use only: a relaunch that finds every task done never starts it."""

    def __init__(self, options: RayOptions) -> None:
        super().__init__()
        self.options = options
        self.ray = None
        self.start_seconds = 0.0

    def get(self):
        if self.ray is None:
            started = time.monotonic()
            self.ray = self.enter_context(ray_session(self.options))
            self.start_seconds = time.monotonic() - started
        return self.ray


# --------------------------------------------------------------------------- running


def _task_in_worker(
    task: Task,
    plan_base: str,
    shard_dir: str,
    shard_format: ShardFormat,
    source_options: SourceOptions,
    timeout: float | None,
    hook: PageHook | None,
) -> Marker:
    if Path(plan_base).is_dir() and os.getcwd() != plan_base:
        os.chdir(plan_base)  # relative inputs name the same files (and pages) as in a local run
    return run_task(
        task, shard_dir, shard_format=shard_format, options=source_options, timeout=timeout, hook=hook
    )


def run_ray_ingest(
    specs: Sequence[str],
    ledger,
    *,
    options: RayOptions | None = None,
    source_options: SourceOptions | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    hook: PageHook | None = None,
    progress: bool = False,
) -> RaySummary:
    """Ingest ``specs`` into ``ledger`` with tasks run on Ray; see the module docstring."""
    options = options or RayOptions()
    source_options = source_options or SourceOptions()
    started = time.monotonic()
    summary = IngestSummary()
    shard_dir = (Path(options.shard_dir) if options.shard_dir else default_shard_dir(specs)).absolute()
    with LazyRay(options) as ray:
        plan = plan_for(specs, shard_dir, options.tasks, lambda: cluster_cpus(ray.get()), source_options)
        pending = unfinished(plan, shard_dir)
        failed = []
        if pending:
            run = TaskRun(ray.get(), plan, shard_dir, options, source_options, timeout, hook)
            failed = run.until_done(pending, ledger, summary, progress)
    failed_ids = {failure.task for failure in failed}
    merge_finished(
        ledger, plan, shard_dir, exclude={t.id for t in pending if t.id not in failed_ids}, summary=summary
    )
    summary.seconds = time.monotonic() - started
    return RaySummary(
        pages=summary,
        shard_dir=str(shard_dir),
        tasks=len(plan.tasks),
        ran=len(pending) - len(failed),
        already_done=len(plan.tasks) - len(pending),
        failed=tuple(failed),
        ray_start_seconds=round(ray.start_seconds, 3),
    )


class TaskRun:
    """The unfinished tasks of a plan submitted to Ray, each merged as soon as it is done."""

    def __init__(
        self,
        ray,
        plan: Plan,
        shard_dir: Path,
        options: RayOptions,
        source_options: SourceOptions,
        timeout: float | None,
        hook: PageHook | None,
    ) -> None:
        self.ray, self.plan, self.shard_dir, self.options = ray, plan, shard_dir, options
        self.arguments = (plan.base_dir, str(shard_dir), options.shard_format, source_options, timeout, hook)

    def until_done(
        self, pending: list[Task], ledger, summary: IngestSummary, show: bool
    ) -> list[TaskFailure]:
        remote = self.ray.remote(_task_in_worker).options(
            num_cpus=1, max_retries=self.options.max_retries, retry_exceptions=False
        )
        running = {remote.remote(task, *self.arguments): task for task in pending}
        failed: list[TaskFailure] = []
        bar = Progress(sum(task.estimated_pages for task in pending), "pages", enabled=show)
        while running:
            ready, _ = self.ray.wait(list(running), num_returns=1)
            task = running.pop(ready[0])
            try:
                marker = self.ray.get(ready[0])
            except Exception as err:  # a task that died after its retries fails alone; the rest go on
                failed.append(TaskFailure(task=task.id, reason=_one_line(err)))
                bar.advance(task.estimated_pages, failed=True)
                continue
            before = summary.seen
            merge_shard(ledger, self.shard_dir, marker, summary)
            bar.advance(summary.seen - before)
        bar.close()
        return failed


def _one_line(err: BaseException) -> str:
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return f"{type(err).__name__}: {lines[-1] if lines else ''}"[:500]
