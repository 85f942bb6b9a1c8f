"""``newsledger extract``: pages (files, directories, URLs, URL lists, WARC files, stdin) to records.

Every record names the input it came from (``input``: the file or URL, the WARC record id, the
page's URL); an input that fails writes an error record in its place as well as a line on
stderr, so that output and inputs can be matched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import msgspec

from newsledger.errors import ConfigError, NewsledgerError
from newsledger.model import Page, SourceFailure
from newsledger.progress import Progress

FORMATS = ("jsonl", "json", "markdown", "text")
SUFFIXES = {"jsonl": ".json", "json": ".json", "markdown": ".md", "text": ".txt"}
IN_FLIGHT_PER_JOB = 4
DEFAULT_TIMEOUT = 60.0


class Settings(NamedTuple):
    output_format: str
    form: str
    statements: bool
    pretty: bool
    timeout: float | None


class Outcome(NamedTuple):
    source: dict
    output: str | None
    error: str | None


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract articles (and statements) from pages",
        description=(
            "Extract an article record from each page of the inputs: page files (.gz too), directories (read "
            "recursively), http(s) URLs, @FILE for a list of URLs, WARC files (every HTML response record), or - for "
            "stdin. Each record names its input; a failed input gives an error record in the output and a line on "
            "stderr. Exit status 1 only when every input failed."
        ),
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="inputs; stdin when none is given")
    parser.add_argument("-f", "--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--form", choices=("auto", "html", "text"), default="auto", help="input form (default: detect)")
    parser.add_argument("-s", "--statements", action="store_true", help="also attribute statements")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--output-dir", metavar="DIR", help="write one file per page into DIR")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"seconds allowed per page, fetching and extracting each (default: {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--allow-private", action="store_true",
                        help="let URLs reach loopback, private and link-local addresses")
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="no error lines or progress on stderr")
    loudness.add_argument("-v", "--verbose", action="store_true", help="a line on stderr for every page")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: when stderr is a terminal and inputs > 1)")
    parser.set_defaults(func=run)


def source_of(item: Page | SourceFailure) -> dict:
    """The input a record came from: ``name`` (file, URL or WARC file), ``record`` (the WARC
    record id) and ``url`` (the page's address), the last two when known."""
    if isinstance(item, SourceFailure):
        return {"name": item.input}
    name, record = item.origin or item.url or "<stdin>", None
    if "#<urn:" in name:
        name, record = name.split("#", 1)
    source = {"name": name}
    if record:
        source["record"] = record
    if item.url:
        source["url"] = item.url
    return source


def statements_as_text(statements, markdown: bool) -> str:
    if not statements:
        return ""
    lines = ["## Statements", ""] if markdown else ["Statements:"]
    for statement in statements:
        speaker = statement.speaker
        mention = speaker.mention.text if speaker.mention else None
        unnamed = speaker.resolution == "unnamed" or not (speaker.name or mention)
        who = "unnamed" if unnamed else speaker.name or mention
        who = f"**{who}**" if markdown else who
        how = f"{statement.cue.lemma}, {statement.kind}" + (f"; “{mention}”" if unnamed and mention else "")
        lines.append(f"- {who} ({how}): {statement.content.text}")
    return "\n" + "\n".join(lines) + "\n"


def render(source: dict, article, statements, settings: Settings) -> str:
    from newsledger.render import to_markdown, to_text

    if settings.output_format in ("markdown", "text"):
        markdown = settings.output_format == "markdown"
        body = to_markdown(article) if markdown else to_text(article)
        return body + (statements_as_text(statements, markdown) if settings.statements else "")
    record = msgspec.to_builtins(article)
    if settings.statements:
        record = {"article": record, "statements": msgspec.to_builtins(statements)}
    return json.dumps({"input": source, **record}, ensure_ascii=False, indent=2 if settings.pretty else None)


def error_record(source: dict, stage: str, message: str, settings: Settings) -> str:
    if settings.output_format in ("markdown", "text"):
        return f"error ({stage}): {message}\n"
    record = {"input": source, "error": {"stage": stage, "message": message}}
    return json.dumps(record, ensure_ascii=False, indent=2 if settings.pretty else None)


def process(item: Page | SourceFailure, settings: Settings) -> Outcome:
    """One page to its rendered record, or its error; never raises for a bad page."""
    from newsledger.attribute import attribute
    from newsledger.errors import ExtractionTimeout
    from newsledger.extract import extract_page
    from newsledger.ingest.timeout import Expired, time_limit

    source = source_of(item)
    if isinstance(item, SourceFailure):
        return Outcome(source, error_record(source, item.stage, item.reason, settings), item.reason)
    name = source.get("url") or source["name"]
    try:
        with time_limit(settings.timeout):
            article = extract_page(item, form=settings.form)
            statements = attribute(article) if settings.statements else ()
        return Outcome(source, render(source, article, statements, settings), None)
    except Expired:
        err = ExtractionTimeout(f"extraction took longer than {settings.timeout:g} s", input_name=name)
        return Outcome(source, error_record(source, err.stage, str(err), settings), str(err))
    except NewsledgerError as err:
        message = str(err.for_input(name))
        return Outcome(source, error_record(source, err.stage, message, settings), message)
    except Exception as err:  # an extractor bug must not stop the batch
        message = f"{name}: internal error: {type(err).__name__}: {err}"
        return Outcome(source, error_record(source, "internal", message, settings), message)


def outcomes(items: Iterable[Page | SourceFailure], settings: Settings, jobs: int) -> Iterator[Outcome]:
    """Outcomes in input order; with ``jobs`` > 1, pages are processed in worker processes with
    at most ``IN_FLIGHT_PER_JOB × jobs`` pages out at once (a large WARC never sits in memory)."""
    if jobs <= 1:
        yield from (process(item, settings) for item in items)
        return
    pending: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for item in items:
            pending.append(pool.submit(process, item, settings))
            if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def many_records(inputs: list[str]) -> bool:
    """Whether the inputs can give more than one record (so ``-f json`` writes a list)."""
    from newsledger.sources import spec_kind

    return len(inputs) > 1 or spec_kind(inputs[0]) in ("warc", "directory", "url-list")


class Writer:
    """Where records go: one stream (a JSON list for ``-f json`` with many records, headed
    sections for markdown and text) or one file per page in a directory."""

    def __init__(self, args: argparse.Namespace, many: bool) -> None:
        self.format, self.many = args.format, many
        self.directory = Path(args.output_dir) if args.output_dir else None
        self.stream = sys.stdout
        self.names: set[str] = set()
        self.written = 0
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
        elif args.output:
            self.stream = open(args.output, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        if self.format == "json" and many and self.directory is None:
            self.stream.write("[")

    def write(self, outcome: Outcome) -> None:
        text = outcome.output or ""
        if self.directory is not None:
            if outcome.error is None:
                (self.directory / self._file_name(outcome.source)).write_text(text.rstrip("\n") + "\n", encoding="utf-8")
            return
        if self.format == "json" and self.many:
            text = (",\n" if self.written else "") + text
        elif self.format in ("markdown", "text") and self.many:
            text = f"==> {outcome.source.get('url') or outcome.source['name']} <==\n{text.rstrip()}\n\n"
        else:
            text = text.rstrip("\n") + "\n"
        self.stream.write(text)
        self.written += 1

    def _file_name(self, source: dict) -> str:
        base = source.get("url") or source["name"]
        stem = re.sub(r"[^\w.-]+", "_", base.split("://", 1)[-1]).strip("._")[-120:] or "page"
        name, n = stem + SUFFIXES[self.format], 1
        while name in self.names:
            n += 1
            name = f"{stem}-{n}{SUFFIXES[self.format]}"
        self.names.add(name)
        return name

    def close(self) -> None:
        if self.format == "json" and self.many and self.directory is None:
            self.stream.write("]\n")
        if self.stream is not sys.stdout:
            self.stream.close()
        else:
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from newsledger.ingest.total import count_pages
    from newsledger.sources import SourceOptions, iter_pages

    inputs = args.inputs or ["-"]
    if inputs == ["-"] and sys.stdin.isatty():
        print("newsledger: error: no input given (name files or URLs, or pipe a page to stdin)", file=sys.stderr)
        return 2
    if args.output and args.output_dir:
        raise ConfigError("give -o/--output or --output-dir, not both")
    options = SourceOptions(allow_private=args.allow_private, timeout=args.timeout)
    settings = Settings(args.format, args.form, args.statements, args.format == "json" and not many_records(inputs),
                        args.timeout if args.timeout and args.timeout > 0 else None)
    many = many_records(inputs)
    show = not args.quiet and (args.progress if args.progress is not None else (many and sys.stderr.isatty()))
    progress = Progress(count_pages(inputs, options) if show else None, "extract", enabled=show)
    writer = Writer(args, many)
    failures = seen = 0
    try:
        for outcome in outcomes(iter_pages(inputs, options=options), settings, args.jobs):
            seen += 1
            failures += outcome.error is not None
            progress.advance(failed=outcome.error is not None)
            writer.write(outcome)
            if outcome.error and not args.quiet:
                print(f"newsledger: error: {outcome.error}", file=sys.stderr)
            elif args.verbose:
                print(f"extracted {outcome.source.get('url') or outcome.source['name']}", file=sys.stderr)
    finally:
        progress.close()
        writer.close()
    return 1 if failures and failures == seen else 0
