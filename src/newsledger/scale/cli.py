"""The Ray options of ``newsledger ingest`` (used with ``--engine ray``)."""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable

from newsledger.errors import ConfigError


def add_ray_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "with --engine ray (needs the ray extra; -j is the local cluster's CPUs)"
    )
    group.add_argument(
        "--address",
        default=None,
        help="Ray cluster: 'auto' (the one on this machine), HOST:PORT or ray://HOST:PORT (default: "
        "$NEWSLEDGER_RAY_ADDRESS, else a private local cluster)",
    )
    group.add_argument(
        "--tasks", type=int, default=None, help="split the input into N tasks (default: 4 per cluster CPU)"
    )
    group.add_argument(
        "--shard-dir",
        default=None,
        help="where task results go, on storage every node and this machine see "
        "(default: $NEWSLEDGER_SHARD_DIR, else ./newsledger-shards/<inputs digest>)",
    )
    group.add_argument("--shard-format", choices=("jsonl", "parquet"), default=None, help="(default: jsonl)")
    group.add_argument(
        "--max-retries", type=int, default=2, help="retries of a task whose worker died (default: 2)"
    )
    group.add_argument(
        "--runtime-env", default=None, metavar="JSON", help="Ray runtime environment for the workers"
    )


def ray_options(args: argparse.Namespace):
    """The Ray options: the environment's, overridden by the flags given."""
    from newsledger.scale.ray import options_from_environment

    base = options_from_environment(jobs=max(getattr(args, "jobs", 1) or 1, 1))
    if args.tasks is not None and args.tasks < 1:
        raise ConfigError(f"--tasks must be at least 1, not {args.tasks}")
    if args.max_retries < 0:
        raise ConfigError(f"--max-retries must be 0 or more, not {args.max_retries}")
    changes = {
        "address": args.address,
        "tasks": args.tasks,
        "shard_dir": args.shard_dir,
        "shard_format": args.shard_format,
        "runtime_env": parse_runtime_env(args.runtime_env),
    }
    import msgspec

    return msgspec.structs.replace(
        base,
        max_retries=args.max_retries,
        **{key: value for key, value in changes.items() if value is not None},
    )


def parse_runtime_env(text: str | None) -> dict | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise ConfigError(f"--runtime-env is not JSON ({err.msg})") from None
    if not isinstance(value, dict):
        raise ConfigError("--runtime-env must be a JSON object")
    return value


def bind_engine_arguments(run_ingest: Callable, args: argparse.Namespace) -> Callable:
    """The engine's ``run_ingest`` with the Ray options of the command line bound (for ray)."""
    if getattr(args, "engine", "local") != "ray":
        return run_ingest
    return functools.partial(run_ingest, ray=ray_options(args))
