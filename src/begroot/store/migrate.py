"""Bring a database to the newest schema with the packaged Alembic migrations (no alembic.ini).

Alembic is imported only when a database needs migrating: opening one that is already current
(every command after the first) reads its revision with one query and compares it with `HEAD`,
which spares every command the 0.15-0.2 s that importing Alembic costs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from ..errors import DatabaseError
from .engine import writing

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The newest migration's revision; a new migration changes it (tests/test_cli_imports.py checks it
# against Alembic's own reading of migrations/versions).
HEAD = "0010_finding_ids"
VERSION_TABLE = "alembic_version"  # Alembic's default, which migrations/env.py keeps


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision (None: never migrated), read as Alembic stores it."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


NEWER_SCHEMA = "database schema is newer than this begroot; upgrade begroot"


def check_known(engine: Engine, current: str | None) -> None:
    """A database migrated by a newer begroot has a revision this one has never heard of."""
    if current is not None and current not in known_revisions():
        raise DatabaseError(safe_url(engine), f"{NEWER_SCHEMA} (schema revision {current!r})")


def safe_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def upgrade(engine: Engine) -> None:
    """`upgrade head`, under the write lock so that two processes opening a new database don't race.
    Alembic's own errors (a broken migration) become a one-line DatabaseError. (A new SQLite database is
    made without Alembic before it comes here: `fresh.create_fresh`.)"""
    current = current_revision(engine)
    if current == HEAD:  # the common case: no lock needed, and no Alembic
        return
    from alembic import command
    from alembic.util import CommandError

    check_known(engine, current)
    config = alembic_config()
    with writing(engine) as connection:
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as error:
            raise DatabaseError(safe_url(engine), f"cannot migrate the database: {error}") from error
