"""``python -m bench COMMAND``: the benchmark commands."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "body": "bench.body",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m bench {{{','.join(COMMANDS)}}} [options]", file=sys.stderr)
        return 2
    return importlib.import_module(COMMANDS[argv[0]]).main(argv[1:])


raise SystemExit(main(sys.argv[1:]))
