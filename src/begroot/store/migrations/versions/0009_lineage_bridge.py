"""The budget bridge and the lineage of codes.

bridge_steps: every row of an article's `Kredietevolutie`, one per credit, with its role (start, index,
compensaties, herverdelingen, bijstellingen, andere, ..., end), value, page and line (bridge.py). Documents
stored before this revision have none until they are ingested again.
code_links: code changes a document states (an article naming its former code: lineage.py), with the document.
lineage: links between an old and a new code (article or program) given by a user (`begroot lineage add`).

Revision ID: 0009_lineage_bridge
Revises: 0008_document_originals
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_lineage_bridge"
down_revision = "0008_document_originals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bridge_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("article", sa.Text(), nullable=False),
        sa.Column("credit", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("table_index", sa.Integer(), nullable=False),
        sa.Column("program", sa.Text(), nullable=False),
        sa.Column("ise", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_bridge_steps_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bridge_steps")),
    )
    with op.batch_alter_table("bridge_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bridge_steps_article"), ["article"], unique=False)
        batch_op.create_index(batch_op.f("ix_bridge_steps_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bridge_steps_ise"), ["ise"], unique=False)
        batch_op.create_index(batch_op.f("ix_bridge_steps_program"), ["program"], unique=False)
    op.create_table(
        "code_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("old_code", sa.Text(), nullable=False),
        sa.Column("new_code", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_code_links_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_links")),
    )
    with op.batch_alter_table("code_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_code_links_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_code_links_new_code"), ["new_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_code_links_old_code"), ["old_code"], unique=False)
    op.create_table(
        "lineage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("old_code", sa.Text(), nullable=False),
        sa.Column("new_code", sa.Text(), nullable=False),
        sa.Column("from_year", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lineage")),
    )
    with op.batch_alter_table("lineage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lineage_new_code"), ["new_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_lineage_old_code"), ["old_code"], unique=False)


def downgrade() -> None:
    op.drop_table("lineage")
    op.drop_table("code_links")
    op.drop_table("bridge_steps")
