"""Engines that are safe for several processes writing at once, on SQLite and PostgreSQL.

Every write runs in `writing(engine)`: one transaction holding the database's write lock
from its first statement. On SQLite that is `BEGIN IMMEDIATE` (WAL mode, so readers carry
on; a busy timeout makes a second writer wait instead of failing). On PostgreSQL it is a
transaction-scoped advisory lock. A writer that waits says so after a second and gives up after
the timeout (`--timeout`). Writers are serialised so that the conflict check of an
ingest sees every document committed before it.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

import platformdirs
from sqlalchemy import Connection, Engine, RootTransaction, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from ..errors import DatabaseError, MissingDatabase

DEFAULT_TIMEOUT = 30.0  # seconds a writer waits for another's lock before giving up (`--timeout`)
WAIT_NOTICE = 1.0  # after this long waiting for a lock, say so
WAL_CHECKPOINT_PAGES = 10_000
# Arbitrary constant naming begroot's advisory lock on PostgreSQL; the lock's second key is the schema's
# (`hashtext(current_schema())`), so begroot databases in two schemas of one PostgreSQL database never wait on
# each other's writers.
PG_LOCK_ID = 0x62656772


def default_url() -> str:
    """BEGROOT_DB, else a SQLite file in the user's data folder."""
    if url := os.environ.get("BEGROOT_DB"):
        return url
    folder = Path(platformdirs.user_data_dir("begroot"))
    return f"sqlite:///{folder / 'begroot.sqlite'}"


def sqlite_file(url: str) -> str | None:
    """The file a SQLite URL names (None: another backend, memory, or a SQLite URI naming it its own way)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.query.get("uri") or parsed.database.startswith("file:"):
        return None
    return parsed.database


def writable(path: str) -> bool:
    """Whether SQLite may write beside the file (its log and shared-memory files) and to it."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def make_engine(
    url: str,
    *,
    read_only: bool = False,
    create: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    cache_mb: int | None = None,
) -> Engine:
    """An engine on `url`. `create`: a missing SQLite file (and its folder) may be made; otherwise a
    missing file is a DatabaseError. `read_only` (SQLite): opened so that nothing can be written,
    `immutable` when the file cannot be written (read-only media: no lock, no log is ever made).
    `cache_mb` (SQLite): each connection's page cache, when SQLite's 2 MB is too little (an archive's ingest)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True)
        return engine.execution_options(begroot_timeout=timeout)
    path = sqlite_file(url)
    if path and not create and not Path(path).is_file():
        raise MissingDatabase(path)
    if path and create:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # As many pooled connections as the web server has worker threads (40), so that no request
    # waits for a connection that another request holds; SQLite connections are cheap.
    pool = {"pool_size": 10, "max_overflow": 40}
    if read_only and path:
        mode = "mode=ro" if writable(path) else "immutable=1"
        target = f"file:{quote(os.path.abspath(path))}?{mode}"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(target, uri=True, timeout=timeout, check_same_thread=False)

        # The URL stays the file's (messages name it); the creator opens it read-only.
        engine = create_engine(url, creator=connect, poolclass=QueuePool, **pool)
    else:
        engine = create_engine(url, connect_args={"timeout": timeout}, **pool)
    on_connect = partial(_sqlite_connect, read_only=read_only, timeout=timeout, cache_mb=cache_mb)
    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine.execution_options(begroot_timeout=timeout)


def _sqlite_connect(
    dbapi_connection: Any, _record: Any, *, read_only: bool, timeout: float, cache_mb: int | None = None
) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _sqlite_begin): the sqlite3 module would
    # otherwise start transactions late and run DDL outside them.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    if not read_only:  # a read-only connection takes the journal mode the file has
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # NORMAL is crash-safe in WAL mode; it only risks the last commits on power loss.
    cursor.execute("PRAGMA synchronous=NORMAL")
    # A checkpoint copies the pages the last commits wrote to the log back into the database. Every
    # ingested document rewrites the same index pages, so copying after 10,000 pages (40 MB of log)
    # rather than SQLite's 1,000 copies each page once for many documents: 5% of an archive's ingest.
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    if cache_mb:
        cursor.execute(f"PRAGMA cache_size={-1024 * int(cache_mb)}")  # negative: in KiB, not pages
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    mode = "IMMEDIATE" if connection.get_execution_options().get("begroot_write") else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the write lock; commits on success, rolls back on error.

    Another process holding the lock is waited for: after a second a line on stderr says so, and after
    the engine's timeout (`--timeout`, default 30 s) it is a one-line DatabaseError."""
    timeout = float(engine.get_execution_options().get("begroot_timeout", DEFAULT_TIMEOUT))
    where = engine.url.render_as_string(hide_password=True)
    first = min(WAIT_NOTICE, timeout)
    begun = _locked(engine, first, timeout)
    if begun is None:
        print(f"waiting for {where}: another process is writing to it (--timeout {timeout:g} s)",
              file=sys.stderr, flush=True)  # fmt: skip
        begun = _locked(engine, max(timeout - first, 0.0), timeout)
    if begun is None:
        raise DatabaseError(where, f"locked by another process; gave up after {timeout:g} s (--timeout)")
    connection, transaction = begun
    with connection, transaction:
        yield connection


def _locked(engine: Engine, wait: float, timeout: float) -> tuple[Connection, RootTransaction] | None:
    """A connection whose transaction holds the write lock, waiting at most `wait` seconds (None: still taken)."""
    connection = engine.connect()
    connection.execution_options(begroot_write=True)
    sqlite = engine.dialect.name == "sqlite"
    try:
        if sqlite:
            _busy_timeout(connection, wait)
        transaction = connection.begin()
        if not sqlite and not _advisory_lock(connection, wait):
            transaction.rollback()
            connection.close()
            return None
    except OperationalError as error:
        connection.close()
        if sqlite and "locked" in str(error):
            return None
        raise
    if sqlite:
        _busy_timeout(connection, timeout)
    return connection, transaction


def _busy_timeout(connection: Connection, seconds: float) -> None:
    # On the driver's connection: through SQLAlchemy the PRAGMA would begin a transaction first.
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(f"PRAGMA busy_timeout={int(seconds * 1000)}")
    cursor.close()


def _advisory_lock(connection: Connection, wait: float) -> bool:
    """PostgreSQL: begroot's transaction-scoped advisory lock on this schema, tried until `wait` seconds have
    passed."""
    deadline = time.monotonic() + wait
    lock = func.pg_try_advisory_xact_lock(PG_LOCK_ID, func.hashtext(func.current_schema()))
    while not connection.scalar(select(lock)):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True
