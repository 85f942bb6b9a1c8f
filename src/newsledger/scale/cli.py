"""The ``--engine ray`` options of ``newsledger ingest`` and the run they lead to."""

from __future__ import annotations

import argparse
import json
import sys

from newsledger.errors import ConfigError

ENGINES = ("local", "ray")


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine", choices=ENGINES, default="local", help="where pages are processed (default: local)"
    )
    group = parser.add_argument_group("Ray engine (--engine ray; needs the ray extra)")
    group.add_argument(
        "--address",
        default=None,
        help="Ray cluster: 'auto' (the one on this machine) or ray://HOST:PORT; default: a private local one",
    )
    group.add_argument(
        "--cpus", type=int, default=None, help="CPUs of the private local cluster (default: all)"
    )
    group.add_argument(
        "--tasks", type=int, default=None, help="split the input into N tasks (default: 4 per CPU)"
    )
    group.add_argument(
        "--shard-dir",
        default=None,
        help="where task results go; on storage every node and this machine see (default: ./newsledger-shards/…)",
    )
    group.add_argument(
        "--shard-format", choices=("jsonl", "parquet"), default="jsonl", help="(default: jsonl)"
    )
    group.add_argument(
        "--max-retries", type=int, default=2, help="retries of a task whose worker died (default: 2)"
    )
    group.add_argument(
        "--runtime-env", default=None, metavar="JSON", help="Ray runtime environment for the workers"
    )


def ray_options(args: argparse.Namespace):
    from newsledger.scale.engine import RayOptions

    runtime_env = None
    if args.runtime_env:
        try:
            runtime_env = json.loads(args.runtime_env)
        except json.JSONDecodeError as err:
            raise ConfigError(f"--runtime-env is not JSON ({err.msg})") from None
        if not isinstance(runtime_env, dict):
            raise ConfigError("--runtime-env must be a JSON object")
    for name in ("tasks", "cpus"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise ConfigError(f"--{name} must be at least 1, not {value}")
    return RayOptions(
        address=args.address,
        tasks=args.tasks,
        shard_dir=args.shard_dir,
        shard_format=args.shard_format,
        num_cpus=args.cpus,
        max_retries=args.max_retries,
        runtime_env=runtime_env,
    )


def run_with_ray(args: argparse.Namespace, ledger, source_options) -> int:
    """``newsledger ingest --engine ray``: run, report as the local engine does, and exit non-zero
    when a task failed (running the same command again reruns only the failed tasks)."""
    from newsledger.cli.ingest_cmd import totals_line
    from newsledger.scale.engine import run_ray_ingest

    summary = run_ray_ingest(
        args.sources,
        ledger,
        options=ray_options(args),
        source_options=source_options,
        timeout=args.timeout,
        progress=bool(args.progress if args.progress is not None else sys.stderr.isatty()),
    )
    if not args.quiet:
        print(summary.pages.line())
        print(summary.line())
        print(totals_line(ledger))
    if summary.failed:
        first = summary.failed[0]
        print(
            f"newsledger: error: {len(summary.failed)} of {summary.tasks} tasks failed "
            f"(task {first.task}: {first.reason}); run the same command again to retry them",
            file=sys.stderr,
        )
        return 1
    pages = summary.pages
    return 1 if pages.seen and pages.failed == pages.seen else 0
