"""``python -m bench COMMAND``: the benchmark commands."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
NOT_COMMANDS = {"common", "scoring"}
COMMANDS = {
    path.stem: f"bench.{path.stem}" for path in sorted(BENCH_DIR.glob("*.py")) if path.stem not in NOT_COMMANDS and not path.stem.startswith("_")
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m bench {{{','.join(COMMANDS)}}} [options]", file=sys.stderr)
        return 2
    return importlib.import_module(COMMANDS[argv[0]]).main(argv[1:])


raise SystemExit(main(sys.argv[1:]))
