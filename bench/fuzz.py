"""``python -m bench fuzz``: mutation fuzzing of the library's whole path, bytes to JSON records.

Each input (a mutated bench page or written page, see ``_fuzz_mutate``) goes through
``extract`` → ``attribute`` → ``model.to_json`` in a worker process that has a CPU limit
(``RLIMIT_CPU``) and a memory limit (``RLIMIT_AS``, and its peak RSS checked after each input).
A crash is any exception that is not a ``NewsledgerError``. Crashes, inputs over the slow
threshold and inputs killed at a limit are saved with a reproducer minimised by deleting chunks
(delta debugging) while the failure holds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import resource
import signal
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from bench._fuzz_mutate import FuzzInput, mutate
from bench._fuzz_seeds import Seed, shared_seeds, written_seeds
from bench.common import table

DEFAULT_OUT = Path("/tmp/newsledger-fuzz")


@dataclass(frozen=True)
class Limits:
    slow_seconds: float = 2.0  # CPU seconds past which an input is reported as slow
    cpu_seconds: int = 5  # CPU seconds past which the worker is killed
    memory_mb: int = 1024  # peak RSS past which an input is reported (address space: twice this)


@dataclass(frozen=True)
class Outcome:
    status: str  # "ok", "error" (a NewsledgerError), "crash", "memory", "killed"
    stage: str
    cpu: float
    rss_mb: float
    signature: str = ""
    detail: str = ""

    @property
    def failure(self) -> str | None:
        """What is wrong with this input, if anything: ``crash``, ``slow``, ``killed``, ``memory``."""
        if self.status in ("crash", "killed", "memory"):
            return self.status
        return None


# ----------------------------------------------------------------------------- the worker


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker(conn: Connection, limits: Limits) -> None:
    address_space = limits.memory_mb * 2 * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    from newsledger import attribute, extract  # noqa: F401 - loaded before the first clock starts

    while (item := conn.recv()) is not None:
        soft = int(_cpu() + limits.cpu_seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.RLIM_INFINITY))
        started = _cpu()
        times = os.times()
        conn.send(("times", times.user, times.system))
        status, stage, signature, detail = _run(conn, item)
        conn.send(("done", status, stage, signature, detail, _cpu() - started, _rss_mb()))


def _run(conn: Connection, item: FuzzInput) -> tuple[str, str, str, str]:
    """Run one input; the status, the stage that took the most CPU (or failed), and details."""
    from newsledger import attribute, extract
    from newsledger.errors import NewsledgerError
    from newsledger.model import to_json

    spent: dict[str, float] = {}
    stage, mark = "extract", _cpu()
    try:
        conn.send(("stage", stage))
        article = extract(item.data, item.url, form=item.form)  # type: ignore[arg-type]
        spent[stage], stage, mark = _cpu() - mark, "attribute", _cpu()
        conn.send(("stage", stage))
        statements = attribute(article)
        spent[stage], stage, mark = _cpu() - mark, "json", _cpu()
        to_json(article)
        to_json(statements)
        spent[stage] = _cpu() - mark
    except NewsledgerError as err:
        return "error", stage, type(err).__name__, str(err)[:300]
    except MemoryError:
        return "memory", stage, "MemoryError", ""
    except Exception as err:
        return "crash", stage, _signature(err), traceback.format_exc()[-3000:]
    return "ok", max(spent, key=spent.__getitem__), "", ""


def _signature(err: BaseException) -> str:
    """The exception type and the innermost newsledger line it passed: one per distinct bug."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if "newsledger" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(err).__name__} at {where}"


_loaded = False


def _load_once() -> None:
    """Load in this process what the library loads on its first call (the cue model's weights,
    patterns compiled on first use): every worker forked after it starts with them, so they are
    no input's cost and a restarted worker is ready at once."""
    global _loaded
    if _loaded:
        return
    from newsledger import attribute, extract

    for form in ("html", "text"):
        attribute(extract('<p>"It holds," the engineer said on Monday.</p>', "https://a.example/", form=form))
    _loaded = True


class Worker:
    """One worker process; restarted after it dies or after its memory grows past the limit."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.process: multiprocessing.process.BaseProcess | None = None
        self.conn: Connection | None = None

    def _start(self) -> None:
        _load_once()
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, self.limits), daemon=True)
        self.process.start()
        child.close()
        self.conn = parent

    def stop(self) -> None:
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
        self.process, self.conn = None, None

    def run(self, item: FuzzInput) -> Outcome:
        if self.process is None or self.conn is None:
            self._start()
        assert self.conn is not None
        self.conn.send(item)
        stage = "extract"
        started: tuple[float, float] = (0.0, 0.0)  # the worker's user and system seconds at the input's start
        # Wall clock as a backstop only: the CPU limit ends a hang (the machine may be shared).
        wall = time.monotonic() + self.limits.cpu_seconds * 6 + 30
        while time.monotonic() < wall:
            if not self.conn.poll(min(1.0, max(0.0, wall - time.monotonic()))):
                continue
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                break
            if message[0] == "stage":
                stage = message[1]
                continue
            if message[0] == "times":
                started = message[1:]
                continue
            _, status, stage, signature, detail, cpu, rss = message
            if rss > self.limits.memory_mb:
                self.stop()
                status = "memory" if status != "crash" else status
            return Outcome(status, stage, cpu, rss, signature, detail)
        return self._died(stage, started)

    def _died(self, stage: str, started: tuple[float, float]) -> Outcome:
        """The outcome of a worker that sent no result: killed at the CPU limit (or by the
        wall-clock backstop), or dead of a signal of its own, which is a crash in native code."""
        assert self.process is not None
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.process.join(timeout=1.0)
        code = self.process.exitcode
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.stop()
        if code is None or code in (-signal.SIGXCPU, -signal.SIGKILL):
            reason = "the CPU limit" if code == -signal.SIGXCPU else "the wall-clock backstop" if code is None else "SIGKILL"
            if code is not None:
                # The input's share of the dead worker's time, read as it is reaped (another
                # worker reaped in the same moment would add to it). Time in the kernel rather
                # than in the library points at the machine (memory reclaimed under pressure from
                # other jobs), not at the input.
                user = after.ru_utime - before.ru_utime - started[0]
                system = after.ru_stime - before.ru_stime - started[1]
                reason += f" (user {user:.1f} s, system {system:.1f} s)"
            return Outcome("killed", stage, float(self.limits.cpu_seconds), 0.0, f"killed during {stage}", reason)
        name = signal.Signals(-code).name if code < 0 and -code in signal.valid_signals() else f"exit code {code}"
        return Outcome("crash", stage, 0.0, 0.0, f"{name} during {stage}", f"the worker died: {name}")


# ----------------------------------------------------------------------------- minimising


def _shorter(data: bytes | str, start: int, size: int) -> bytes | str:
    return data[:start] + data[start + size :]


def minimise(worker: Worker, item: FuzzInput, holds, max_trials: int, max_seconds: float) -> FuzzInput:
    """``item`` with chunks deleted while ``holds(outcome)`` stays true (delta debugging)."""
    data = item.data
    chunk = max(1, len(data) // 2)
    trials, ends = 0, time.monotonic() + max_seconds
    while chunk >= 1 and trials < max_trials and time.monotonic() < ends:
        start, reduced = 0, False
        while start < len(data) and trials < max_trials and time.monotonic() < ends:
            candidate = _shorter(data, start, chunk)
            trials += 1
            if candidate and holds(worker.run(_with_data(item, candidate))):
                data, reduced = candidate, True
            else:
                start += chunk
        if not reduced:
            chunk //= 2
    return _with_data(item, data)


def _with_data(item: FuzzInput, data: bytes | str) -> FuzzInput:
    return FuzzInput(data=data, url=item.url, form=item.form, family=item.family, seed=item.seed)


# ----------------------------------------------------------------------------- the run


@dataclass
class Summary:
    inputs: int = 0
    seconds: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)
    slow: list[tuple[FuzzInput, Outcome]] = field(default_factory=list)
    failures: list[tuple[FuzzInput, Outcome]] = field(default_factory=list)
    signatures: Counter[str] = field(default_factory=Counter)
    by_family: dict[str, list[float]] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    max_cpu: float = 0.0

    @property
    def crashes(self) -> int:
        return self.outcomes["crash"]

    def record(self, item: FuzzInput, outcome: Outcome, limits: Limits) -> bool:
        """Count one outcome; True when the input is to be saved (first of its kind)."""
        self.inputs += 1
        self.outcomes[outcome.status] += 1
        self.peak_rss_mb = max(self.peak_rss_mb, outcome.rss_mb)
        self.max_cpu = max(self.max_cpu, outcome.cpu)
        for family in set(item.family.split("+")):
            stats = self.by_family.setdefault(family, [0, 0, 0, 0.0])
            stats[0] += 1
            stats[1] += outcome.failure in ("crash", "memory")
            stats[2] += outcome.cpu > limits.slow_seconds or outcome.status == "killed"
            stats[3] = max(stats[3], outcome.cpu)
        key = _kind_key(outcome, limits)
        if key is None:
            return False
        if outcome.cpu > limits.slow_seconds and outcome.status in ("ok", "error"):
            self.slow.append((item, outcome))
        else:
            self.failures.append((item, outcome))
        self.signatures[key] += 1
        # A kill or a slow input says less about its cause than a crash's traceback: keep several.
        return self.signatures[key] <= (1 if outcome.status in ("crash", "memory") else SLOW_SAVED)


SLOW_SAVED = 10


def _kind_key(outcome: Outcome, limits: Limits) -> str | None:
    if outcome.status in ("crash", "memory"):
        return f"{outcome.status}: {outcome.signature} ({outcome.stage})"
    if outcome.status == "killed":
        return f"killed: {outcome.stage}"
    if outcome.cpu > limits.slow_seconds:
        return f"slow: {outcome.stage}"
    return None


def run_fuzz(
    *,
    seeds: list[Seed],
    minutes: float | None = None,
    inputs: int | None = None,
    seed: int = 0,
    scale: float = 1.0,
    limits: Limits = Limits(),
    out: Path | None = DEFAULT_OUT,
    minimise_seconds: float = 30.0,
    workers: int = 1,
) -> Summary:
    """Fuzz until ``minutes`` have passed or ``inputs`` were tried, whichever comes first, with
    ``workers`` worker processes side by side (the inputs are the same for any number of them)."""
    rng = random.Random(seed)
    summary = Summary()
    lock = threading.Lock()
    issued = 0
    started = time.monotonic()
    ends = started + minutes * 60 if minutes else float("inf")

    def next_item() -> FuzzInput | None:
        nonlocal issued
        with lock:
            if time.monotonic() >= ends or (inputs is not None and issued >= inputs):
                return None
            issued += 1
            return mutate(rng, rng.choice(seeds), scale)

    def work() -> None:
        worker = Worker(limits)
        try:
            while (item := next_item()) is not None:
                outcome = worker.run(item)
                with lock:
                    save = summary.record(item, outcome, limits)
                if save and out is not None:
                    _save(worker, item, outcome, limits, out, minimise_seconds)
        finally:
            worker.stop()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(max(1, workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    summary.seconds = time.monotonic() - started
    return summary


def _save(
    worker: Worker, item: FuzzInput, outcome: Outcome, limits: Limits, out: Path, seconds: float
) -> None:
    """Write the input, its minimised form and what happened to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    slow = outcome.status not in ("crash", "memory")

    def holds(trial: Outcome) -> bool:
        if slow:
            return trial.status == "killed" or trial.cpu > limits.slow_seconds
        return trial.status == outcome.status and trial.signature == outcome.signature

    if slow:
        # Each trial of a slow input needs only to pass the slow threshold: kill it soon after.
        trial_limits = Limits(limits.slow_seconds, int(limits.slow_seconds) + 2, limits.memory_mb)
        trial_worker = Worker(trial_limits)
        try:
            smallest = minimise(trial_worker, item, holds, max_trials=16, max_seconds=seconds)
        finally:
            trial_worker.stop()
    else:
        smallest = minimise(worker, item, holds, max_trials=400, max_seconds=seconds)
    raw = item.data if isinstance(item.data, bytes) else item.data.encode("utf-8", "surrogatepass")
    # Named by the input itself: several inputs of one kind are kept side by side.
    name = f"{outcome.status if not slow else 'slow'}-{hashlib.sha1(raw).hexdigest()[:10]}"
    for suffix, found in (("input", item), ("min.input", smallest)):
        data = found.data if isinstance(found.data, bytes) else found.data.encode("utf-8", "surrogatepass")
        (out / f"{name}.{suffix}").write_bytes(data)
    meta = {
        "status": outcome.status,
        "stage": outcome.stage,
        "signature": outcome.signature,
        "cpu_seconds": round(outcome.cpu, 3),
        "type": "bytes" if isinstance(item.data, bytes) else "str (UTF-8 with surrogatepass in the file)",
        "form": item.form,
        "url": item.url,
        "family": item.family,
        "seed": item.seed,
        "size": len(item.data),
        "minimised_size": len(smallest.data),
        "detail": outcome.detail,
    }
    (out / f"{name}.json").write_text(json.dumps(meta, indent=2, ensure_ascii=True))


# ----------------------------------------------------------------------------- the command


def report(summary: Summary, limits: Limits) -> str:
    rate = summary.inputs / summary.seconds if summary.seconds else 0.0
    slow = sum(1 for _, o in summary.slow) + summary.outcomes["killed"]
    lines = [
        table(
            [
                "inputs",
                "inputs/s",
                "typed errors",
                "crashes",
                f"over {limits.slow_seconds:g} s CPU",
                "killed",
                "over memory",
                "peak RSS",
                "max CPU",
            ],
            [
                [
                    summary.inputs,
                    rate,
                    summary.outcomes["error"],
                    summary.crashes,
                    slow,
                    summary.outcomes["killed"],
                    summary.outcomes["memory"],
                    f"{summary.peak_rss_mb:.0f} MB",
                    f"{summary.max_cpu:.2f} s",
                ]
            ],
        ),
        "",
        table(
            ["mutation", "inputs", "crashes", f"over {limits.slow_seconds:g} s", "max CPU"],
            [[name, *stats[:3], f"{stats[3]:.2f} s"] for name, stats in sorted(summary.by_family.items())],
        ),
    ]
    if summary.signatures:
        lines += ["", table(["failure", "inputs"], sorted(summary.signatures.items()))]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to run (default: 1)")
    parser.add_argument("--inputs", type=int, default=None, help="stop after this many inputs")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument("--scale", type=float, default=1.0, help="size of hostile fragments (default: 1)")
    parser.add_argument("--slow", type=float, default=2.0, help="CPU seconds reported as slow (default: 2)")
    parser.add_argument("--cpu-limit", type=int, default=5, help="CPU seconds before a kill (default: 5)")
    parser.add_argument("--memory-mb", type=int, default=1024, help="peak RSS reported (default: 1024)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"reproducers (default: {DEFAULT_OUT})")
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes side by side (default: 1; one per core is fastest)"
    )
    parser.add_argument("--no-shared", action="store_true", help="only the pages written in the harness")
    args = parser.parse_args(argv)
    seeds = written_seeds() + ([] if args.no_shared else shared_seeds())
    limits = Limits(slow_seconds=args.slow, cpu_seconds=args.cpu_limit, memory_mb=args.memory_mb)
    print(
        f"fuzzing {len(seeds)} seed pages for {args.minutes:g} min with {args.workers} worker(s); "
        f"reproducers in {args.out}",
        flush=True,
    )
    summary = run_fuzz(
        seeds=seeds,
        minutes=args.minutes,
        inputs=args.inputs,
        seed=args.seed,
        scale=args.scale,
        limits=limits,
        out=args.out,
        workers=args.workers,
    )
    print(report(summary, limits))
    return 1 if summary.crashes or summary.slow or summary.outcomes["killed"] else 0
