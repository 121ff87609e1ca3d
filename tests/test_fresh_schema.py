"""A new SQLite database is made from the schema the migrations make, written down (store/fresh.py): the file
must be what the migrations make today, and a database made from it the same as a migrated one."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from begroot.store import Store, fresh
from begroot.store.engine import make_engine
from begroot.store.migrate import HEAD, current_revision, upgrade

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = next((ROOT / "samples").glob("000_*.txt"))


def described(path: Path) -> dict[str, Any]:
    """Everything about a database's schema that a program could notice: every object SQLite holds (the
    shadow tables of the full-text index and the automatic indexes included) with its statement, the schema
    revision, the pragmas a schema carries, and whether any table holds a row."""
    connection = sqlite3.connect(path)
    try:
        objects = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [name for kind, name, _, _ in objects if kind == "table" and not name.startswith("search_index")]
        rows = {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
        pragmas = {name: connection.execute(f"PRAGMA {name}").fetchone()[0]
                   for name in ("user_version", "application_id", "page_size", "auto_vacuum", "encoding", "journal_mode")}  # fmt: skip
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        connection.close()
    return {"objects": objects, "rows": rows, "pragmas": pragmas, "version": version}


def migrated(path: Path) -> Path:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)  # Alembic, every migration in turn
    engine.dispose()
    return path


def test_the_schema_file_is_what_the_migrations_make() -> None:
    """After a new migration, `python -m begroot.store.fresh` writes the file again; this fails until then."""
    assert fresh.written_schema() == fresh.migrated_schema(), "run: python -m begroot.store.fresh"
    assert json.loads(fresh.SCHEMA_FILE.read_text(encoding="utf-8"))["head"] == HEAD


def test_a_new_database_is_the_migrated_one_object_by_object(tmp_path: Path) -> None:
    Store(f"sqlite:///{tmp_path / 'new.sqlite'}", create=True).close()
    made, expected = described(tmp_path / "new.sqlite"), described(migrated(tmp_path / "migrated.sqlite"))
    assert made == expected
    assert len(made["objects"]) > 60 and made["version"] == [(HEAD,)]
    assert set(made["rows"].values()) == {0} | ({1} if "alembic_version" in made["rows"] else set())


def test_a_new_database_works_like_a_migrated_one(tmp_path: Path) -> None:
    """The same document stored in both gives the same rows: the schemas behave alike, not only read alike."""
    from begroot.audit import audit_document
    from begroot.parse import parse
    from begroot.sources import load

    source = load(SAMPLE)
    document = parse(source)
    findings = [vars(f) for f in audit_document(document, source)]
    paths = {"new": tmp_path / "new.sqlite", "migrated": migrated(tmp_path / "migrated.sqlite")}
    stored = {}
    for name, path in paths.items():
        with Store(f"sqlite:///{path}") as store:
            store.ingest(document, findings, SAMPLE.read_bytes())
            stored[name] = [{k: v for k, v in f.items() if k != "id"} for f in store.findings()]
    assert stored["new"] == stored["migrated"] and len(stored["new"]) > 100
    rows = described(paths["new"])["rows"]
    assert rows == described(paths["migrated"])["rows"] and rows["facts"] > 500


def test_a_schema_file_of_another_head_leaves_it_to_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file left behind by a new migration is never used: Alembic makes the database, the same one."""
    stale = dict(fresh.written_schema() or {}, head="0009_lineage_bridge")
    monkeypatch.setattr(fresh, "written_schema", lambda: stale)
    engine = make_engine(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert not fresh.create_fresh(engine)
    upgrade(engine)
    assert current_revision(engine) == HEAD
    engine.dispose()
    assert described(tmp_path / "new.sqlite") == described(migrated(tmp_path / "migrated.sqlite"))


def test_a_database_made_meanwhile_is_not_made_again(tmp_path: Path) -> None:
    """Two processes opening one new file: the second finds the schema under the lock and leaves it."""
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    Store(url, create=True).close()
    engine = make_engine(url)
    assert not fresh.create_fresh(engine)
    engine.dispose()
    assert described(tmp_path / "new.sqlite") == described(migrated(tmp_path / "migrated.sqlite"))
