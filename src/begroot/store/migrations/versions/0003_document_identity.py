"""Documents get a unique id, their file name and a composed title.

`documents.name` becomes the document's id: unique, safe in a URL (identity.slug of the
file name). Older databases stored the bare file stem, possibly twice for two different
files of the same name; each existing name is turned into an id here, a second document
with the same id getting its hash appended, exactly as a new ingest would. The file stem
goes to the new `file_name` column (the extension was not stored before). Empty titles
are composed from kind, stage, year and domain.

Revision ID: 0003_document_identity
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from begroot.identity import compose_title, slug, with_hash

revision = "0003_document_identity"
down_revision = "0002"
branch_labels = None
depends_on = None

documents = sa.table(
    "documents",
    sa.column("id", sa.Integer),
    sa.column("name", sa.Text),
    sa.column("file_name", sa.Text),
    sa.column("sha256", sa.String),
    sa.column("kind", sa.Text),
    sa.column("stage", sa.Text),
    sa.column("year", sa.Integer),
    sa.column("domain", sa.Text),
    sa.column("title", sa.Text),
)
findings = sa.table(
    "findings",
    sa.column("id", sa.Integer),
    sa.column("document_id", sa.Integer),
    sa.column("locations", sa.JSON),
)


def upgrade() -> None:
    # Only operations SQLite does in place: a batch operation that recreated `documents` would drop
    # the old table, and with foreign keys on that deletes every row of every child table.
    op.add_column("documents", sa.Column("file_name", sa.Text(), nullable=False, server_default=""))
    _name_existing_documents(op.get_bind())
    op.drop_index(op.f("ix_documents_name"), table_name="documents")
    op.create_index(op.f("ix_documents_name"), "documents", ["name"], unique=True)


def _name_existing_documents(connection: sa.Connection) -> None:
    rows = connection.execute(sa.select(documents).order_by(documents.c.id)).mappings().all()
    taken: set[str] = set()
    for row in rows:
        document_id = slug(row["name"])
        if document_id in taken:
            document_id = with_hash(document_id, row["sha256"])
        taken.add(document_id)
        title = row["title"] or compose_title(row["kind"], row["stage"], row["year"], row["domain"])
        connection.execute(
            sa.update(documents)
            .where(documents.c.id == row["id"])
            .values(name=document_id, file_name=row["name"], title=title)
        )
        if document_id != row["name"]:
            _rename_in_findings(connection, row["id"], row["name"], document_id)


def _rename_in_findings(connection: sa.Connection, key: int, old: str, new: str) -> None:
    """The locations of a document's own findings name it by id too."""
    query = sa.select(findings.c.id, findings.c.locations).where(findings.c.document_id == key)
    for finding_id, places in connection.execute(query).all():
        renamed = [place | {"document": new} if place.get("document") == old else place for place in places or []]
        connection.execute(sa.update(findings).where(findings.c.id == finding_id).values(locations=renamed))


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_name"), table_name="documents")
    op.create_index(op.f("ix_documents_name"), "documents", ["name"], unique=False)
    op.drop_column("documents", "file_name")  # SQLite 3.35+ drops a column in place
