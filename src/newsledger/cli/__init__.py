"""The command line: each command is a thin skin over one library call.

Commands live one per module in this package; each module has ``register(subparsers)`` which adds
its parser and sets ``func`` to a function taking the parsed arguments and returning an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from newsledger._version import __version__
from newsledger.errors import NewsledgerError


def command_modules() -> list[str]:
    """Every ``*_cmd`` module in this package, in name order."""
    return sorted(
        f"{__name__}.{info.name}" for info in pkgutil.iter_modules(__path__) if info.name.endswith("_cmd")
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsledger", description="News pages to records of who said what, according to whom."
    )
    parser.add_argument("--version", action="version", version=f"newsledger {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        importlib.import_module(name).register(subparsers)
    return parser


def subcommand_parser(parser: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        # the sub-command's own usage, not the top-level one, says what it accepts
        command = subcommand_parser(parser, getattr(args, "command", None)) or parser
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except NewsledgerError as err:
        print(f"newsledger: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        from newsledger.progress import end_open_lines

        end_open_lines()
        print("newsledger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:
        # an output file or directory that cannot be made (inputs fail as NewsledgerErrors)
        print(f"newsledger: error: {os_error_line(err)}", file=sys.stderr)
        return 1


def os_error_line(err: OSError) -> str:
    """One line naming the path and the problem, without the errno prefix."""
    reason = (err.strerror or str(err)).rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    return f"{err.filename}: {reason}" if err.filename else reason


if __name__ == "__main__":
    raise SystemExit(main())
