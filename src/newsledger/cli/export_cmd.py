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
from newsledger.ledger.export import FAILURE_COLUMNS

__all__ = ["FAILURE_COLUMNS", "write_csv", "write_jsonl", "write_parquet", "write_to"]

PARQUET_ROWS = 10_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export articles or statements",
        description=(
            "Write the ledger out. jsonl gives full records (each article with its statements and origins, or each "
            "statement, or each failure); csv and parquet give flat rows, every column described in docs/schema.md."
        ),
    )
    add_db_argument(parser)
    parser.add_argument("--format", "-f", choices=("jsonl", "csv", "parquet"), default="jsonl")
    parser.add_argument("--what", choices=("articles", "statements", "failures"), default="articles")
    parser.add_argument("-o", "--output", help="output file (default: stdout; parquet needs a file)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsledger.ledger import export

    if args.format == "parquet" and not args.output:
        raise ConfigError("parquet export needs an output file: -o FILE.parquet")
    flat = {
        "articles": (export.article_rows, export.ARTICLE_COLUMNS),
        "statements": (export.statement_rows, export.STATEMENT_COLUMNS),
        "failures": (export.failure_rows, export.FAILURE_COLUMNS),
    }
    documents = {"articles": export.article_documents, "statements": export.statement_documents,
                 "failures": export.failure_rows}
    with open_ledger(args.db) as ledger:
        if args.format == "jsonl":
            rows = documents[args.what](ledger.db)
            count = write_to(args.output, lambda out: write_jsonl(rows, out))
        else:
            reader, columns = flat[args.what]
            rows = reader(ledger.db)
            if args.format == "csv":
                count = write_to(args.output, lambda out: write_csv(rows, columns, out))
            else:
                count = write_parquet(rows, columns, args.output)
    print(f"exported {count} {args.what}", file=sys.stderr)
    return 0


def write_to(path: str | None, writer) -> int:
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
    from newsledger.ledger.export import FLOAT_COLUMNS, INTEGER_COLUMNS

    def kind(name: str):
        return pa.int64() if name in INTEGER_COLUMNS else pa.float64() if name in FLOAT_COLUMNS else pa.string()

    schema = pa.schema([(name, kind(name)) for name in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows, PARQUET_ROWS):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
