"""Engines that are safe for several processes writing at once, on SQLite and PostgreSQL.

Every write runs in `writing(engine)`: one transaction holding the database's write lock
from its first statement. On SQLite that is `BEGIN IMMEDIATE` (WAL mode, so readers carry
on; a busy timeout makes a second writer wait instead of failing). On PostgreSQL it is a
transaction-scoped advisory lock. Writers are serialised so that the conflict check of an
ingest sees every document committed before it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url

BUSY_TIMEOUT_MS = 120_000
WAL_CHECKPOINT_PAGES = 10_000
# Arbitrary constant naming begroot's advisory lock on PostgreSQL.
PG_LOCK_ID = 0x62656772


def default_url() -> str:
    """BEGROOT_DB, else a SQLite file in the user's data folder."""
    if url := os.environ.get("BEGROOT_DB"):
        return url
    folder = Path(platformdirs.user_data_dir("begroot"))
    return f"sqlite:///{folder / 'begroot.sqlite'}"


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # As many pooled connections as the web server has worker threads (40), so that no request
    # waits for a connection that another request holds; SQLite connections are cheap.
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, pool_size=10, max_overflow=40)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _sqlite_begin): the sqlite3 module would
    # otherwise start transactions late and run DDL outside them.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # NORMAL is crash-safe in WAL mode; it only risks the last commits on power loss.
    cursor.execute("PRAGMA synchronous=NORMAL")
    # A checkpoint copies the pages the last commits wrote to the log back into the database. Every
    # ingested document rewrites the same index pages, so copying after 10,000 pages (40 MB of log)
    # rather than SQLite's 1,000 copies each page once for many documents: 5% of an archive's ingest.
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    mode = "IMMEDIATE" if connection.get_execution_options().get("begroot_write") else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the write lock; commits on success, rolls back on error."""
    with engine.connect() as connection:
        connection.execution_options(begroot_write=True)
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(select(func.pg_advisory_xact_lock(PG_LOCK_ID)))
            yield connection
