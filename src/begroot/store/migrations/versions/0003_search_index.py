"""Full-text search in the database: search_entries, and search_index (FTS5 on SQLite, tsvector on PostgreSQL).

The documents already stored are indexed here, with the same code the ingest uses.

Revision ID: 0003_search_index
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_search_index"
down_revision = "0003_document_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_search_entries_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
    )
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_entries_document_id"), ["document_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE search_index (entry_id integer PRIMARY KEY "
            "REFERENCES search_entries(id) ON DELETE CASCADE, terms tsvector NOT NULL)"
        )
        op.execute("CREATE INDEX search_index_terms ON search_index USING gin (terms)")
    else:
        # The words arrive folded and stemmed (store/search.py); the tokenizer folds what is left.
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2')")
        # FTS5 tables take no foreign keys: follow the entries (removed with their document) by trigger.
        op.execute(
            "CREATE TRIGGER search_entries_gone AFTER DELETE ON search_entries "
            "BEGIN DELETE FROM search_index WHERE rowid = old.id; END"
        )
    _index_stored_documents(op.get_bind())


def _index_stored_documents(connection: sa.Connection) -> None:
    """Every document stored before this revision, indexed from its stored articles and sections."""
    from begroot.store.search import entry, index_entries

    documents = connection.execute(sa.text("SELECT id FROM documents ORDER BY id")).scalars().all()
    for document_id in documents:
        # An article is indexed with the prose under its heading (its section's text), and that
        # section not again: as `search.entries` does at ingest.
        articles = connection.execute(
            sa.text("SELECT a.code, a.name, a.page, a.summary, a.explanation, s.text AS under_heading "
                    "FROM articles a LEFT JOIN sections s ON s.document_id = a.document_id "
                    "AND s.kind = 'article' AND s.line = a.line WHERE a.document_id = :d ORDER BY a.id"),
            {"d": document_id},
        )  # fmt: skip
        sections = connection.execute(
            sa.text("SELECT section_id, title, page, line, text FROM sections WHERE document_id = :d AND text != '' "
                    "AND kind != 'article' ORDER BY id"),
            {"d": document_id},
        )  # fmt: skip
        rows = [
            entry("article", a.code, a.name, a.page, None,
                  a.under_heading or "\n\n".join(p for p in (a.summary, a.explanation) if p))
            for a in articles
        ]  # fmt: skip
        rows += [entry("section", s.section_id, s.title, s.page, s.line, s.text) for s in sections]
        index_entries(connection, document_id, rows)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE search_index")
    else:
        op.execute("DROP TRIGGER search_entries_gone")
        op.execute("DROP TABLE search_index")
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_entries_document_id"))
    op.drop_table("search_entries")
