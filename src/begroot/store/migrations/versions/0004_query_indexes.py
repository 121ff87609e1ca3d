"""Indexes for the API's hot queries that miss the response cache (tests/test_query_plans.py).

facts (credit, stage, year): the fact filters without a subject, counted for every page;
articles (part_program, document_id, code): a program's articles, paged in document order.

Revision ID: 0004_query_indexes
Revises: 0003_search_index
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0004_query_indexes"
down_revision = "0003_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.create_index("ix_facts_credit_stage_year", ["credit", "stage", "year"], unique=False)
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(
            "ix_articles_part_program_document_id_code", ["part_program", "document_id", "code"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_part_program_document_id_code")
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.drop_index("ix_facts_credit_stage_year")
