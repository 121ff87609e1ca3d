"""Store the rest of the model: abbreviations, slide titles and the reader's warnings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _child(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f(f"fk_{name}_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{name}_document_id"), ["document_id"], unique=False)


def upgrade() -> None:
    def where() -> tuple[sa.Column, sa.Column]:
        return sa.Column("page", sa.Integer(), nullable=False), sa.Column("line", sa.Integer(), nullable=False)

    _child("abbreviations", sa.Column("short", sa.Text(), nullable=False),
           sa.Column("meaning", sa.Text(), nullable=False), *where())  # fmt: skip
    _child("slides", sa.Column("title", sa.Text(), nullable=False), *where())
    _child(
        "warnings",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    for name in ("warnings", "slides", "abbreviations"):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{name}_document_id"))
        op.drop_table(name)
