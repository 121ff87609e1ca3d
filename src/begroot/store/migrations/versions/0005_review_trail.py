"""The review trail: a stable id for each finding, and the verdicts given on findings.

findings.finding_id: rule + subject + location (audit/findings.py `finding_id`), the same when the same
document is read again; existing findings get theirs here. reviews: one row per verdict, never updated;
the latest (highest id) counts. Reviews name the finding by its stable id, not by a row, so they
survive removing and ingesting a document again.

Revision ID: 0005_review_trail
Revises: 0004_query_indexes
Create Date: 2026-11-24
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005_review_trail"
down_revision = "0004_query_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("finding_id", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_findings_finding_id"), ["finding_id"], unique=False)
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Text(), nullable=False),
        sa.Column("verdict", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_finding_id"), ["finding_id"], unique=False)
    _fill_ids()


def _fill_ids() -> None:
    """Ids for the findings stored before this revision, made as the audit makes them."""
    from begroot.audit.findings import finding_id

    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, rule, subject, locations, context, message FROM findings"))
    updates = []
    for row in rows.mappings():
        locations: list[dict[str, object]] = _json(row["locations"]) or []
        context: dict[str, object] = _json(row["context"]) or {}
        updates.append({"id": row["id"], "fid": finding_id(row["rule"], row["subject"], locations, context,
                                                           row["message"])})  # fmt: skip
    if updates:
        connection.execute(sa.text("UPDATE findings SET finding_id = :fid WHERE id = :id"), updates)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def downgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_finding_id"))
    op.drop_table("reviews")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_finding_id"))
        batch_op.drop_column("finding_id")
