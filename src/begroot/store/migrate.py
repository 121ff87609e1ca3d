"""Bring a database to the newest schema with the packaged Alembic migrations (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ..errors import DatabaseError
from .engine import writing

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


NEWER_SCHEMA = "database schema is newer than this begroot; upgrade begroot"


def check_known(engine: Engine, current: str | None) -> None:
    """A database migrated by a newer begroot has a revision this one has never heard of."""
    if current is not None and current not in known_revisions():
        raise DatabaseError(safe_url(engine), f"{NEWER_SCHEMA} (schema revision {current!r})")


def safe_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def upgrade(engine: Engine) -> None:
    """`upgrade head`, under the write lock so that two processes opening a new database don't race."""
    config = alembic_config()
    current = current_revision(engine)
    if current == head_revision():  # the common case: no lock needed
        return
    check_known(engine, current)
    with writing(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
