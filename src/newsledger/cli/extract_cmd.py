"""``newsledger extract``: pages (files, URLs, stdin) to records on stdout."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import NamedTuple

import msgspec

from newsledger.errors import NewsledgerError
from newsledger.model import Page
from newsledger.progress import Progress

FORMATS = ("jsonl", "json", "markdown", "text")


class Outcome(NamedTuple):
    input_name: str
    output: str | None
    error: str | None


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract articles (and statements) from pages",
        description="Extract an article record from each input: a file (.gz too), a URL, or - for stdin.",
    )
    parser.add_argument("inputs", nargs="*", metavar="FILE|URL|-", help="inputs; stdin when none is given")
    parser.add_argument("-f", "--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--form", choices=("auto", "html", "text"), default="auto", help="input form (default: detect)")
    parser.add_argument("-s", "--statements", action="store_true", help="also attribute statements")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: when stderr is a terminal and inputs > 1)")
    parser.set_defaults(func=run)


def read_input(name: str) -> Page:
    from newsledger.sources.files import read_file_page, read_stdin_page

    if name == "-":
        return read_stdin_page()
    if name.startswith(("http://", "https://")):
        from newsledger.sources.urls import fetch_page

        return fetch_page(name)
    return read_file_page(name)


def render(record: dict, article, output_format: str, pretty: bool) -> str:
    from newsledger.render import to_markdown, to_text

    if output_format == "markdown":
        return to_markdown(article)
    if output_format == "text":
        return to_text(article)
    return json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)


def process(name: str, output_format: str, form: str, statements: bool, pretty: bool) -> Outcome:
    from newsledger.attribute import attribute
    from newsledger.extract import extract_page

    try:
        page = read_input(name)
        article = extract_page(page, form=form)
        record = msgspec.to_builtins(article)
        if statements:
            record = {"article": record, "statements": msgspec.to_builtins(attribute(article))}
        return Outcome(name, render(record, article, output_format, pretty), None)
    except NewsledgerError as err:
        return Outcome(name, None, str(err.for_input(name)))
    except Exception as err:  # an extractor bug must not stop the batch
        return Outcome(name, None, f"{name}: internal error: {type(err).__name__}: {err}")


def outcomes(args: argparse.Namespace, inputs: list[str]) -> Iterator[Outcome]:
    pretty = args.format == "json" and len(inputs) == 1
    work = [(name, args.format, args.form, args.statements, pretty) for name in inputs]
    if args.jobs <= 1 or len(inputs) <= 1:
        yield from (process(*item) for item in work)
        return
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        yield from pool.map(process, *zip(*work, strict=True), chunksize=4)


def run(args: argparse.Namespace) -> int:
    inputs = args.inputs or ["-"]
    if inputs == ["-"] and sys.stdin.isatty():
        print("newsledger: error: no input given (name files or URLs, or pipe a page to stdin)", file=sys.stderr)
        return 2
    show = args.progress if args.progress is not None else (len(inputs) > 1 and sys.stderr.isatty())
    progress = Progress(len(inputs), "extract", enabled=show)
    as_array = args.format == "json" and len(inputs) > 1
    failures = 0
    written = 0
    if as_array:
        sys.stdout.write("[")
    for outcome in outcomes(args, inputs):
        progress.advance(failed=outcome.error is not None)
        if outcome.error:
            failures += 1
            print(f"newsledger: error: {outcome.error}", file=sys.stderr)
            continue
        if as_array and written:
            sys.stdout.write(",\n")
        sys.stdout.write(outcome.output if as_array else outcome.output.rstrip("\n") + "\n")
        written += 1
    if as_array:
        sys.stdout.write("]\n")
    progress.close()
    return 1 if failures and failures == len(inputs) else 0
