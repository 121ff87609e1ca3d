"""Databases are never made, taken over or waited on silently: read-only commands and `serve` never create a
database or a folder, another application's tables are refused, a lock is waited on aloud and given up on,
and a database on read-only media is read. SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from begroot.errors import ExitCode
from begroot.store import Store
from cli import Ran, run, run_process
from conftest import postgres_schema_url
from test_cli_errors import SLIDES, one_line_error

# Commands that only read (or serve), and those that write but must find a database: none may make one.
NEVER_CREATE = [["documents"], ["audit"], ["export"], ["report"], ["diff", "a", "b"], ["serve"],
                ["review", "F123", "--verdict", "confirmed", "--note", "x"], ["remove", "x"]]  # fmt: skip


def cli(*args: str) -> Ran | subprocess.CompletedProcess[str]:
    """In this process; `serve` as a real process (should it not refuse, it would serve forever)."""
    return run_process(*args, timeout=120) if args[0] == "serve" else run(*args)


def tables(url: str) -> list[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return sorted(sa.inspect(connection).get_table_names())
    finally:
        engine.dispose()


@pytest.mark.parametrize("command", NEVER_CREATE, ids=lambda c: c[0])
def test_a_typo_in_the_database_path_creates_nothing(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "x.sqlite"
    result = cli(*command, "--db", f"sqlite:///{missing}")
    line = one_line_error(result, f"no begroot database at {missing}; run begroot ingest first")
    assert result.returncode == ExitCode.DATABASE, line
    assert not (tmp_path / "typo").exists()


@pytest.mark.postgres
@pytest.mark.parametrize("command", [["documents"], ["audit"], ["export"], ["serve"]], ids=lambda c: c[0])
def test_an_empty_postgresql_schema_is_no_database_for_reading(command: list[str]) -> None:
    from conftest import postgres_schema

    with postgres_schema() as url:
        one_line_error(cli(*command, "--db", url), "no begroot database at", "run begroot ingest first")
        assert tables(url) == []


def another_applications(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
        connection.execute(sa.text("INSERT INTO notes (id, body) VALUES (1, 'mine')"))
    engine.dispose()


def test_another_applications_database_is_refused(db_url: str) -> None:
    another_applications(db_url)
    for command in (["ingest", str(SLIDES)], ["documents"], ["serve"], ["audit"]):
        result = cli(*command, "--db", db_url)
        one_line_error(result, "holds tables that are not begroot's (notes)")
        assert result.returncode == ExitCode.DATABASE
    assert tables(db_url) == ["notes"]  # nothing of begroot's was added


def test_an_empty_database_is_taken(db_url: str) -> None:
    result = cli("ingest", str(SLIDES), "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert "documents" in tables(db_url)


# --------------------------------------------------------------------------- locks


SCHEMA_KEY = "hashtext(current_schema())"  # the lock's second key: one lock per schema


def hold_write_lock(db_url: str, seconds: float, release: threading.Event | None = None) -> threading.Thread:
    """Another writer: the lock begroot's writers take, held for `seconds` (or until `release` is set)."""
    ready = threading.Event()

    def hold() -> None:
        engine = sa.create_engine(db_url)
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                raw = connection.connection.dbapi_connection
                assert raw is not None
                raw.isolation_level = None
                raw.execute("BEGIN IMMEDIATE")
            else:
                connection.execute(sa.text(f"SELECT pg_advisory_lock(:key, {SCHEMA_KEY})"), {"key": 0x62656772})
            ready.set()
            if release is None:
                time.sleep(seconds)
            else:
                release.wait(seconds)
            if engine.dialect.name == "sqlite":
                raw.execute("ROLLBACK")
            else:
                connection.execute(sa.text(f"SELECT pg_advisory_unlock(:key, {SCHEMA_KEY})"), {"key": 0x62656772})
        engine.dispose()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert ready.wait(30)
    return thread


@pytest.mark.parametrize(
    "command",
    [["ingest", str(SLIDES)], ["remove", "nothing"], ["review", "F0", "--verdict", "confirmed", "--note", "x"]],
    ids=lambda c: c[0],
)
def test_a_lock_is_waited_on_aloud_then_given_up(command: list[str], db_url: str) -> None:
    Store(db_url).close()
    release = threading.Event()
    holder = hold_write_lock(db_url, 15, release)
    started = time.monotonic()
    result = cli(*command, "--db", db_url, "--timeout", "1")  # a second: what is checked needs no longer
    took = time.monotonic() - started
    release.set()  # held until the command has given up, and no longer (the rest of 15 s was idle)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == ExitCode.DATABASE, result.stderr
    assert lines[0].startswith("waiting for") and "another process is writing" in lines[0]
    assert lines[-1].startswith("error: ") and "locked by another process; gave up after 1 s (--timeout)" in lines[-1]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert 1 <= took < 11
    holder.join(30)


def test_a_lock_released_in_time_is_only_waited_for(db_url: str) -> None:
    """The lock is let go once the ingest says it waits (a fixed hold raced a slow start on a busy machine)."""
    Store(db_url).close()
    release = threading.Event()
    holder = hold_write_lock(db_url, 60, release)
    command = [sys.executable, "-m", "begroot", "ingest", str(SLIDES), "--db", db_url, "--timeout", "30"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert process.stderr is not None
    first = process.stderr.readline()
    release.set()
    rest = process.stderr.read()
    holder.join(30)
    assert process.wait(60) == 0, first + rest
    assert first.startswith("waiting for") and "1 added" in rest


def test_a_writer_in_another_schema_is_not_waited_for_on_postgres() -> None:
    """Two begroot databases in two schemas of one PostgreSQL database: a writer in one never holds up the other."""
    schemas = [postgres_schema_url(), postgres_schema_url()]
    db_url, other = (next(schema) for schema in schemas)
    try:
        Store(db_url).close()
        Store(other).close()
        release = threading.Event()
        holder = hold_write_lock(other, 30, release)
        try:
            result = cli("ingest", str(SLIDES), "--db", db_url, "--timeout", "2")
            held_here = cli("ingest", str(SLIDES), "--db", other, "--timeout", "1")
        finally:
            release.set()
            holder.join(30)
    finally:
        for schema in schemas:
            schema.close()  # each schema dropped
    assert result.returncode == 0 and "waiting for" not in result.stderr, result.stderr
    assert held_here.returncode == ExitCode.DATABASE and "locked by another process" in held_here.stderr


def test_a_negative_timeout_is_a_usage_error(tmp_path: Path) -> None:
    result = cli("ingest", str(SLIDES), "--db", f"sqlite:///{tmp_path / 'x.sqlite'}", "--timeout", "-1")
    assert result.returncode == ExitCode.USAGE and "--timeout" in result.stderr


# --------------------------------------------------------------------------- read-only media


@pytest.fixture
def read_only_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database on what begroot must take for read-only media. Root writes whatever the permission bits say,
    so the bits are set (for a reader who is not root) and the answer to `may I write` is what such media
    give (os.access: no); what SQLite then does (an immutable open: no lock, no log) is real."""
    source = tmp_path / "made" / "begroot.sqlite"
    source.parent.mkdir()
    with Store(f"sqlite:///{source}") as store:
        from begroot.audit import audit_document, load_and_parse

        document, text = load_and_parse(SLIDES)
        store.ingest(document, [f.as_dict() for f in audit_document(document, text)])
    media = tmp_path / "media"
    media.mkdir()
    shutil.copyfile(source, media / "begroot.sqlite")
    os.chmod(media / "begroot.sqlite", 0o444)
    os.chmod(media, 0o555)
    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and str(path).startswith(str(media)):
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("begroot.store.engine.os.access", access)
    yield media / "begroot.sqlite"
    os.chmod(media, 0o755)


def test_read_commands_work_on_read_only_media(read_only_copy: Path) -> None:
    url = f"sqlite:///{read_only_copy}"
    before = sorted(os.listdir(read_only_copy.parent))
    with Store(url, create=False, read_only=True) as store:
        assert [row["name"] for row in store.documents()] == [SLIDES.stem]
        assert store.findings()
        # Opened immutable: a write is refused by SQLite itself.
        with store.engine.connect() as connection, pytest.raises(sa.exc.OperationalError, match="readonly"):
            connection.execute(sa.text("DELETE FROM documents"))
    assert sorted(os.listdir(read_only_copy.parent)) == before  # no -wal, no -shm: nothing written beside it


def test_serve_works_on_read_only_media(read_only_copy: Path) -> None:
    from fastapi.testclient import TestClient

    from begroot.app import create_app

    before = sorted(os.listdir(read_only_copy.parent))
    with TestClient(create_app(f"sqlite:///{read_only_copy}"), base_url="http://localhost") as client:
        response = client.get("/api/v1/documents")
        assert response.status_code == 200 and SLIDES.stem in response.text
    assert sorted(os.listdir(read_only_copy.parent)) == before


def test_read_commands_open_sqlite_read_only(tmp_path: Path) -> None:
    """A writable file is still opened read-only by the commands that only read (mode=ro): even root cannot
    write through them."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    Store(url).close()
    with (
        Store(url, create=False, read_only=True) as store,
        store.engine.connect() as connection,
        pytest.raises(sa.exc.OperationalError, match="readonly"),
    ):
        connection.execute(sa.text("DELETE FROM documents"))
    assert sqlite3.connect(tmp_path / "db.sqlite").execute("SELECT count(*) FROM documents").fetchone() == (0,)
