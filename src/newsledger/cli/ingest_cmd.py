"""``newsledger ingest``: pages from files, directories, URLs and WARC files into a ledger."""

from __future__ import annotations

import argparse
import importlib
import sys

from newsledger.cli.ledger_args import add_db_argument, open_ledger
from newsledger.counts import counted
from newsledger.errors import ConfigError
from newsledger.progress import Progress
from newsledger.scale.cli import add_ray_arguments, bind_engine_arguments

OPTIMIZE_AFTER = 1000  # pages stored in one run before the full-text indexes are merged


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="extract pages into a ledger (SQLite file or PostgreSQL)",
        description=(
            "Extract articles and statements from every input and store them in a ledger. Inputs: page files "
            "(.html .htm .txt, .gz too), directories (read recursively), - for stdin, http(s) URLs, @FILE for a "
            "list of URLs, WARC files (.warc, .warc.gz). Pages already stored are skipped, so a run that was "
            "stopped continues when started again."
        ),
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="inputs")
    add_db_argument(parser)
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes beside the writer (default: 1; 0 works in one process)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per page (default: 60)")
    parser.add_argument("--allow-private", action="store_true",
                        help="let URLs reach loopback, private and link-local addresses")
    parser.add_argument("--host-delay", type=float, default=1.0,
                        help="least seconds between two requests to one host (default: 1)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress line on stderr (default: when stderr is a terminal)")
    parser.add_argument("--engine", default="local",
                        help="local (worker processes, the default) or a scale-out engine such as ray")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary at the end (failures are still listed)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list up to 1000 failures instead of 50")
    add_ray_arguments(parser)
    parser.set_defaults(func=run)


def engine_runner(name: str):
    """The ``run_ingest`` of an engine: ``local``, or ``newsledger.scale.<name>.run_ingest``."""
    if name == "local":
        from newsledger.ingest import run_ingest

        return run_ingest
    if not name.isidentifier():
        raise ConfigError(f"no engine named {name!r}")
    try:
        module = importlib.import_module(f"newsledger.scale.{name}")
    except ImportError as err:
        raise ConfigError(f"engine {name!r} is not available ({err})") from None
    return module.run_ingest


def run(args: argparse.Namespace) -> int:
    from newsledger.ingest.total import count_pages
    from newsledger.sources import SourceOptions

    options = SourceOptions(allow_private=args.allow_private, host_delay=args.host_delay)
    run_ingest = bind_engine_arguments(engine_runner(args.engine), args)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    progress = Progress(count_pages(args.sources, options) if show else None, "ingest", enabled=show)
    with open_ledger(args.db, create=True) as ledger:
        summary = run_ingest(args.sources, ledger, jobs=max(args.jobs, 0), timeout=args.timeout,
                             options=options, progress=progress)
        if summary.stored >= OPTIMIZE_AFTER:
            ledger.optimize()
        for line in summary.failure_lines(shown=1000 if args.verbose else 50):
            print(line, file=sys.stderr)
        if not args.quiet:
            print(summary.line())
            print(totals_line(ledger))
    return 1 if every_input_failed(args.sources, summary) else 0


def every_input_failed(sources: list[str], summary) -> bool:
    """The exit rule: non-zero only when nothing could be read — every page failed, or every
    input named on the command line was unreadable or damaged (a truncated WARC file)."""
    if summary.seen and summary.failed == summary.seen:
        return True
    damaged = {failure.input for failure in summary.failures}
    return bool(sources) and all(source in damaged for source in sources)


def totals_line(ledger) -> str:
    """What the ledger holds now: counts, and the most quoted speakers."""
    stats = ledger.stats()
    where = ledger.db.target if ledger.backend == "sqlite" else ledger.backend
    line = (
        f"ledger {where}: {counted(stats.articles, 'article')}, {counted(stats.statements, 'statement')}, "
        f"{counted(stats.speakers, 'speaker')}, {counted(stats.sites, 'site')}, {counted(stats.failures, 'failure')}"
    )
    top = ledger.speakers(limit=5).speakers
    if top:
        line += "\nmost quoted: " + ", ".join(f"{s.name} ({s.statement_count})" for s in top)
    return line
