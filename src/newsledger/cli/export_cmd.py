"""``newsledger export``: the ledger's articles or statements as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Iterator
from itertools import islice

import msgspec

from newsledger.cli.ledger_args import add_db_argument, open_ledger
from newsledger.errors import ConfigError

PARQUET_ROWS = 10_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export articles or statements",
        description=(
            "Write the ledger out. jsonl gives full records (each article with its statements, or each statement); "
            "csv and parquet give flat rows."
        ),
    )
    add_db_argument(parser)
    parser.add_argument("--format", "-f", choices=("jsonl", "csv", "parquet"), default="jsonl")
    parser.add_argument("--what", choices=("articles", "statements"), default="articles")
    parser.add_argument("-o", "--output", help="output file (default: stdout; parquet needs a file)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsledger.ledger import export

    if args.format == "parquet" and not args.output:
        raise ConfigError("parquet export needs an output file: -o FILE.parquet")
    with open_ledger(args.db) as ledger:
        if args.format == "jsonl":
            rows = (export.article_documents if args.what == "articles" else export.statement_documents)(ledger.db)
            count = _write(args.output, lambda out: write_jsonl(rows, out))
        else:
            rows = (export.article_rows if args.what == "articles" else export.statement_rows)(ledger.db)
            columns = export.ARTICLE_COLUMNS if args.what == "articles" else export.STATEMENT_COLUMNS
            if args.format == "csv":
                count = _write(args.output, lambda out: write_csv(rows, columns, out))
            else:
                count = write_parquet(rows, columns, args.output)
    print(f"exported {count} {args.what}", file=sys.stderr)
    return 0


def _write(path: str | None, writer) -> int:
    if not path:
        return writer(sys.stdout)
    with open(path, "w", encoding="utf-8", newline="") as out:
        return writer(out)


def write_jsonl(rows: Iterable[dict], out) -> int:
    encoder = msgspec.json.Encoder()
    count = 0
    for row in rows:
        out.write(encoder.encode(row).decode() + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict], columns: tuple[str, ...], out) -> int:
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def write_parquet(rows: Iterable[dict], columns: tuple[str, ...], path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("parquet export needs pyarrow: pip install 'newsledger[parquet]'") from None
    integer = {"article_id", "statement_id", "position", "speaker_id", "statement_count"}
    schema = pa.schema([(name, pa.int64() if name in integer else pa.string()) for name in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows, PARQUET_ROWS):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
