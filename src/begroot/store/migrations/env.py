"""Alembic environment. begroot runs migrations itself (`begroot.store.migrate`), on a
connection it already holds inside a locked transaction, so there is no alembic.ini."""

from __future__ import annotations

from alembic import context

from begroot.store.schema import Base, managed

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs alembic by hand
    raise RuntimeError("begroot migrations run through begroot.store.migrate.upgrade(engine)")

# render_as_batch lets future ALTERs work on SQLite, which cannot alter most columns in place.
# include_name: the search index is backend-specific and made by hand in 0003 (schema.managed).
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_name=managed)
with context.begin_transaction():
    context.run_migrations()
