"""A new SQLite database made in one step: the schema the migrations make, written down once.

Every `begroot ingest` into a new file used to import Alembic and replay all the migrations (0.3-0.5 s,
before the first document could be stored). `migrations/sqlite_schema.json` holds the statements of a
database the migrations brought to `HEAD` (SQLite keeps each object's CREATE statement as it was given),
and a new, empty SQLite database runs them, with the version row Alembic would write, in one transaction.
An older database, PostgreSQL, or a schema file left behind by a new migration still go through Alembic.

tests/test_fresh_schema.py checks that the file is what the migrations make today and that a database made
from it is the same, object by object, as a migrated one. After adding a migration, write it again:
`python -m begroot.store.fresh`.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from .engine import make_engine, writing
from .migrate import HEAD, MIGRATIONS, VERSION_TABLE, current_revision, upgrade

SCHEMA_FILE = MIGRATIONS / "sqlite_schema.json"
# Objects in the order they can be made: a table before its indexes and triggers.
KIND_ORDER = ("table", "index", "trigger", "view")


def schema_of(connection: sqlite3.Connection) -> list[str]:
    """The CREATE statements of a database's own objects, in an order that makes them again. Left out: what
    SQLite makes by itself (`sqlite_*` tables, the indexes of UNIQUE and PRIMARY KEY constraints, and the
    shadow tables of a full-text table, made by its CREATE VIRTUAL TABLE)."""
    rows = connection.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
    objects = [(kind, name, sql) for kind, name, sql in rows if not name.startswith("sqlite_")]
    virtual = [name for kind, name, sql in objects if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
    made_by_sqlite = {name for _, name, _ in objects if any(name.startswith(f"{table}_") for table in virtual)}
    kept = [(kind, sql) for kind, name, sql in objects if name not in made_by_sqlite]
    return [sql for kind in KIND_ORDER for made, sql in kept if made == kind]


def migrated_schema() -> dict[str, Any]:
    """What the migrations make today: a new SQLite database brought to HEAD by Alembic, read back."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "migrated.sqlite"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        engine.dispose()
        connection = sqlite3.connect(path)
        statements = schema_of(connection)
        (head,) = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
        connection.close()
    return {"head": head, "statements": statements}


@cache
def written_schema() -> dict[str, Any] | None:
    """The schema file as written (None: missing or unreadable, then Alembic makes the database)."""
    try:
        loaded = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded, dict) else None


def create_fresh(engine: Engine) -> bool:
    """Make a new (empty, never migrated) SQLite database's schema from the file, under the write lock; False
    when it is no such database or the file is not for this begroot's HEAD (the migrations then run). Another
    process that made it meanwhile is fine."""
    schema = written_schema()
    if engine.dialect.name != "sqlite" or schema is None or schema.get("head") != HEAD:
        return False
    if current_revision(engine) is not None:
        return False  # an older database: migrated step by step
    with writing(engine) as connection:
        if _has_version_table(connection):
            return False  # made meanwhile by another process: Alembic's path checks its revision
        for statement in schema["statements"]:
            connection.exec_driver_sql(statement)
        connection.execute(text(f"INSERT INTO {VERSION_TABLE} (version_num) VALUES (:head)"), {"head": HEAD})
    return True


def _has_version_table(connection: Connection) -> bool:
    query = text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name")
    return connection.execute(query, {"name": VERSION_TABLE}).first() is not None


def main() -> None:
    """Write the schema file from the migrations (after adding one)."""
    schema = migrated_schema()
    SCHEMA_FILE.write_text(json.dumps(schema, indent=1) + "\n", encoding="utf-8")
    print(f"{SCHEMA_FILE}: {len(schema['statements'])} statements, head {schema['head']}", file=sys.stderr)


if __name__ == "__main__":
    main()
