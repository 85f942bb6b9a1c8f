"""The two databases behind one small interface: SQL with ``?`` placeholders, explicit transactions.

SQLite is one file in WAL mode (readers never block the writer). PostgreSQL is reached with
psycopg 3; its ``search_path`` can be set in the URL (``?options=-csearch_path%3Dname``).
Everything that differs between the two — connecting, transactions, migrations, full-text
matching — lives here; the queries above are shared.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from newsledger.errors import LedgerError, MigrationError
from newsledger.ledger.schema import (
    ID_MASK,
    MIGRATIONS_TABLE,
    POSTGRES_MIGRATIONS,
    SQLITE_MIGRATIONS,
    Migration,
)

Params = Sequence[Any]


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Database:
    """One connection, used by one writer at a time (a lock serialises threads)."""

    backend = ""
    migrations: tuple[Migration, ...] = ()

    def __init__(self, target: str) -> None:
        self.target = target
        self.lock = threading.RLock()

    def execute(self, sql: str, params: Params = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        raise NotImplementedError

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def statement_match(self, query: str, *, by_rows: bool = False) -> tuple[str, str, list[Any], str]:
        """(FROM clause, WHERE condition, params, ORDER BY key) for statements matching ``query``;
        ``by_rows`` asks to walk the (few) filtered statement rows and check each against the
        full-text index, instead of walking the index's matches."""
        raise NotImplementedError

    def article_match(self, query: str) -> tuple[str, str, list[Any], str]:
        raise NotImplementedError

    def optimize(self) -> None:
        with self.lock:
            self.execute("ANALYZE")

    def fetchall(self, sql: str, params: Params = ()) -> list[tuple]:
        with self.lock:
            return self.execute(sql, params).fetchall()

    def fetchone(self, sql: str, params: Params = ()) -> tuple | None:
        with self.lock:
            return self.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.fetchone(sql, params)
        return row[0] if row else None

    def applied_migrations(self) -> tuple[str, ...]:
        return tuple(row[0] for row in self.fetchall("SELECT name FROM schema_migrations ORDER BY name"))

    def migrate(self) -> tuple[str, ...]:
        """Apply the migrations not yet recorded, each in its own transaction; return their names."""
        with self.lock:
            self.execute(MIGRATIONS_TABLE)
            done = set(self.applied_migrations())
            applied = []
            for migration in self.migrations:
                if migration.name in done:
                    continue
                try:
                    with self.transaction():
                        for statement in migration.statements:
                            self.execute(statement)
                        self.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (migration.name, now()))
                except LedgerError:
                    raise
                except Exception as err:
                    raise MigrationError(f"migration {migration.name} failed: {err}", input_name=self.target) from None
                applied.append(migration.name)
            return tuple(applied)


class SqliteDatabase(Database):
    backend = "sqlite"
    migrations = SQLITE_MIGRATIONS

    def __init__(self, target: str) -> None:
        super().__init__(target)
        try:
            self.connection = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=30)
            for pragma in (
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = NORMAL",
                "PRAGMA foreign_keys = ON",
                "PRAGMA cache_size = -65536",
                "PRAGMA temp_store = MEMORY",
            ):
                self.connection.execute(pragma)
        except sqlite3.Error as err:
            raise LedgerError(f"cannot open the SQLite ledger ({err})", input_name=target) from None

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        self.connection.executemany(sql, rows)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            self.connection.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("PRAGMA optimize")
            self.connection.close()

    def optimize(self) -> None:
        """Merge the full-text indexes into one segment each (faster matching), then ANALYZE."""
        with self.lock:
            for table in ("statements_fts", "articles_fts"):
                self.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            self.execute("ANALYZE")

    def statement_match(self, query: str, *, by_rows: bool = False) -> tuple[str, str, list[Any], str]:
        from newsledger.ledger.query import fts5_query

        # The index's rowids are the statements' order keys (``said_key``), whose low bits are the id.
        if by_rows:  # CROSS JOIN fixes the loop order in SQLite: rows outside, index probes inside
            return (
                "statements s CROSS JOIN statements_fts ON statements_fts.rowid = s.said_key",
                "statements_fts MATCH ?",
                [fts5_query(query)],
                "s.said_key",
            )
        return (
            f"statements_fts JOIN statements s ON s.id = (statements_fts.rowid & {ID_MASK})",
            "statements_fts MATCH ?",
            [fts5_query(query)],
            "statements_fts.rowid",
        )

    def article_match(self, query: str) -> tuple[str, str, list[Any], str]:
        from newsledger.ledger.query import fts5_query

        return (
            "articles_fts JOIN articles a ON a.id = articles_fts.rowid",
            "articles_fts MATCH ?",
            [fts5_query(query)],
            "articles_fts.rowid",
        )


class PostgresDatabase(Database):
    backend = "postgresql"
    migrations = POSTGRES_MIGRATIONS

    def __init__(self, target: str) -> None:
        super().__init__(target)
        try:
            import psycopg
        except ImportError:
            raise LedgerError("PostgreSQL needs psycopg: pip install 'newsledger[postgres]'") from None
        self._errors = psycopg.Error
        try:
            self.connection = psycopg.connect(target, autocommit=True)
        except psycopg.Error as err:
            raise LedgerError(f"cannot connect to PostgreSQL ({str(err).strip()})", input_name=_redacted(target)) from None

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Params = ()) -> Any:
        return self.connection.execute(self._sql(sql), params or None)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(self._sql(sql), rows)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock, self.connection.transaction():
            yield

    def close(self) -> None:
        with self.lock:
            self.connection.close()

    def statement_match(self, query: str, *, by_rows: bool = False) -> tuple[str, str, list[Any], str]:
        _check_query(query)
        return ("statements s", "s.tsv @@ websearch_to_tsquery('english', ?)", [query], "s.said_key")

    def article_match(self, query: str) -> tuple[str, str, list[Any], str]:
        _check_query(query)
        return ("articles a", "a.tsv @@ websearch_to_tsquery('english', ?)", [query], "a.id")


def _check_query(query: str) -> None:
    from newsledger.ledger.query import fts5_query

    fts5_query(query)  # the same query language, and the same error for a query with no words


def _redacted(target: str) -> str:
    """The URL without a password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(target)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return target


SCHEMES = ("postgresql://", "postgres://", "sqlite:///")


def sqlite_path(target: str) -> str | None:
    """The file of a SQLite target (a path or ``sqlite:///path``); None for a PostgreSQL URL.

    Raises ConfigError for an empty target or a URL of a scheme the ledger does not speak, so a
    mistyped ``--db`` is never taken for a file name."""
    from newsledger.errors import ConfigError

    if not target or not target.strip():
        raise ConfigError("no ledger given: name a SQLite file or a postgresql:// URL")
    if target.startswith(("postgresql://", "postgres://")):
        return None
    if target.startswith("sqlite:///"):
        return target.removeprefix("sqlite:///")
    scheme = target.split("://", 1)[0] if "://" in target else ""
    if scheme or target.startswith(("sqlite:", "postgresql:", "postgres:")):
        raise ConfigError(
            "not a ledger address: use a file path, sqlite:///PATH or postgresql://...", input_name=_redacted(target)
        )
    return target


def open_database(target: str, *, must_exist: bool = False) -> Database:
    """The database at ``target``; ``must_exist`` refuses a SQLite file that is not there and a
    PostgreSQL database without a ledger in it, instead of creating an empty one."""
    path = sqlite_path(target)
    if path is None:
        db: Database = PostgresDatabase(target)
        if must_exist and db.fetchone("SELECT to_regclass('schema_migrations')")[0] is None:
            db.close()
            raise LedgerError("no ledger in this database (ingest into it first)", input_name=_redacted(target))
        return db
    if must_exist and path != ":memory:" and not os.path.isfile(path):
        raise LedgerError("no such ledger (ingest into it first, or check --db)", input_name=path)
    return SqliteDatabase(path)
