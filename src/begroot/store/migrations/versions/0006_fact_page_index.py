"""facts (credit, stage, document_id, id, year) instead of facts (credit, stage, year).

The API's /facts filtered by credit and stage (no subject) pages in (document_id, id) order. The old
index found the rows but not in that order: every page read and sorted all of them (tens of
thousands on a 500-document database, 13 ms a page). This one gives them in page order, so a page
reads only its own rows and those its offset skips; with `year` in it too, counts and pages filtered
by year as well are answered without reading the table (tests/test_query_plans.py).

Revision ID: 0006_fact_page_index
Revises: 0005_review_trail
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0006_fact_page_index"
down_revision = "0005_review_trail"
branch_labels = None
depends_on = None

NEW = "ix_facts_credit_stage_document_id_id_year"
OLD = "ix_facts_credit_stage_year"


def upgrade() -> None:
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.drop_index(OLD)
        batch_op.create_index(NEW, ["credit", "stage", "document_id", "id", "year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.drop_index(NEW)
        batch_op.create_index(OLD, ["credit", "stage", "year"], unique=False)
