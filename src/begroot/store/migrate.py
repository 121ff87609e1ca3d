"""Bring a database to the newest schema with the packaged Alembic migrations (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

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


def upgrade(engine: Engine) -> None:
    """`upgrade head`, under the write lock so that two processes opening a new database don't race."""
    config = alembic_config()
    if current_revision(engine) == head_revision():  # the common case: no lock needed
        return
    with writing(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
