"""Repair: whatever an earlier begroot left, the schema of 0006 with its data made consistent.

The revision a database records is not the whole truth. A database written at 0005 by a main from
before the document-identity merge (2026-11-23) records `0005_review_trail` but never ran
`0003_document_identity`: one 0003 migration was relinked onto the other after it had shipped, so
Alembic believes it has `documents.file_name` and the unique document ids, and it has neither. This
migration looks at the tables, columns and indexes the database really has (`sa.inspect`) and adds what
is missing: tables, columns (then filled as the skipped migration would have filled them), indexes, and
finding ids. Run on a database that lacks nothing, it changes nothing; run twice, the second run finds
nothing to do.

Self-contained: everything it needs is copied here as it was at this revision (the schema, the id and
title rules of identity.py, the finding id of audit/findings.py), so a later change to begroot's code
never changes what this migration does. Shipped migrations are never edited (docs/database.md).

Revision ID: 0007_repair
Revises: 0006_fact_page_index
Create Date: 2026-12-04
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

import sqlalchemy as sa
from alembic import op
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext

revision = "0007_repair"
down_revision = "0006_fact_page_index"
branch_labels = None
depends_on = None

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Columns a repair adds as NOT NULL, with the default the migration that should have added them gave.
DEFAULTS = {("documents", "file_name"): ""}


def frozen_schema() -> sa.MetaData:
    """begroot's tables as of revision 0006 (the search index, backend-specific, is 0003's business)."""
    meta = sa.MetaData(naming_convention=NAMING)
    sa.Table(
        "documents",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("domain", sa.Text(), nullable=False),
        sa.Column("domain_letter", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("format", sa.Text(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "reviews",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("finding_id", sa.Text(), nullable=False),
        sa.Column("verdict", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "abbreviations",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("short", sa.Text(), nullable=False),
        sa.Column("meaning", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
    )
    sa.Table(
        "annex_items",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("annex", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("adopted", sa.Text(), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("group", sa.Text(), nullable=False),
    )
    sa.Table(
        "articles",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("part_entity", sa.Text(), nullable=False),
        sa.Column("part_kind", sa.Text(), nullable=False),
        sa.Column("part_program", sa.Text(), nullable=False),
        sa.Column("part_middle", sa.Text(), nullable=False),
        sa.Column("part_suffix", sa.Text(), nullable=False),
        sa.Column("printed_code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("ise", sa.Text(), nullable=True),
        sa.Column("policy_field", sa.Text(), nullable=True),
        sa.Column("entity", sa.Text(), nullable=True),
        sa.Column("goals", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("table_indexes", sa.JSON(), nullable=False),
        sa.Column("generic_table_indexes", sa.JSON(), nullable=False),
        sa.Column("credit_evolution", sa.JSON(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("end_line", sa.Integer(), nullable=False),
    )
    sa.Table(
        "facts",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("row", sa.Text(), nullable=False),
        sa.Column("credit", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("source_line", sa.Integer(), nullable=False),
        sa.Column("table_index", sa.Integer(), nullable=False),
        sa.Column("perimeter", sa.Text(), nullable=False),
    )
    sa.Table(
        "findings",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=True),
        sa.Column(
            "related_document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=True
        ),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("severity", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("numbers", sa.JSON(), nullable=False),
        sa.Column("expected", sa.Float(), nullable=True),
        sa.Column("locations", sa.JSON(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("actual", sa.Float(), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=True),
        sa.Column("context", sa.JSON(), nullable=True),
        sa.Column("finding_id", sa.Text(), nullable=True),
    )
    sa.Table(
        "footnotes",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("cites", sa.JSON(), nullable=False),
    )
    sa.Table(
        "generic_tables",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("table_index", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("end_line", sa.Integer(), nullable=False),
        sa.Column("header", sa.JSON(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("numbers", sa.JSON(), nullable=False),
        sa.Column("article", sa.Text(), nullable=True),
        sa.Column("section", sa.Text(), nullable=False),
    )
    sa.Table(
        "goals",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("level", sa.Text(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("parent", sa.Text(), nullable=True),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("ises", sa.JSON(), nullable=False),
        sa.Column("bullets", sa.JSON(), nullable=False),
    )
    sa.Table(
        "ises",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("program", sa.Text(), nullable=False),
        sa.Column("policy_field", sa.Text(), nullable=False),
        sa.Column("perimeter", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
    )
    sa.Table(
        "programs",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
    )
    sa.Table(
        "search_entries",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
    )
    sa.Table(
        "sections",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("section_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("number", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("end_line", sa.Integer(), nullable=False),
        sa.Column("parent", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
    )
    sa.Table(
        "slides",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
    )
    sa.Table(
        "statements",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("change", sa.Float(), nullable=True),
        sa.Column("reference_year", sa.Integer(), nullable=True),
        sa.Column("causes", sa.JSON(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
    )
    sa.Table(
        "tables",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("table_index", sa.Integer(), nullable=False),
        sa.Column("layout", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("perimeter", sa.Text(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("has_total", sa.Boolean(), nullable=False),
    )
    sa.Table(
        "warnings",
        meta,
        sa.Column("id", sa.Integer(), primary_key=True, nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
    )
    return meta


INDEXES = (
    ("ix_abbreviations_document_id", "abbreviations", ("document_id",), False),
    ("ix_annex_items_document_id", "annex_items", ("document_id",), False),
    ("ix_articles_code", "articles", ("code",), False),
    ("ix_articles_document_id", "articles", ("document_id",), False),
    ("ix_articles_ise", "articles", ("ise",), False),
    ("ix_articles_part_program", "articles", ("part_program",), False),
    ("ix_articles_part_program_document_id_code", "articles", ("part_program", "document_id", "code"), False),
    ("ix_documents_name", "documents", ("name",), True),
    ("ix_facts_credit_stage_document_id_id_year", "facts", ("credit", "stage", "document_id", "id", "year"), False),
    ("ix_facts_document_id", "facts", ("document_id",), False),
    ("ix_facts_subject_credit_year_stage", "facts", ("subject", "credit", "year", "stage"), False),
    ("ix_findings_document_id", "findings", ("document_id",), False),
    ("ix_findings_finding_id", "findings", ("finding_id",), False),
    ("ix_findings_related_document_id", "findings", ("related_document_id",), False),
    ("ix_findings_rule", "findings", ("rule",), False),
    ("ix_findings_subject", "findings", ("subject",), False),
    ("ix_footnotes_document_id", "footnotes", ("document_id",), False),
    ("ix_generic_tables_document_id", "generic_tables", ("document_id",), False),
    ("ix_goals_document_id", "goals", ("document_id",), False),
    ("ix_ises_document_id", "ises", ("document_id",), False),
    ("ix_ises_key", "ises", ("key",), False),
    ("ix_programs_code", "programs", ("code",), False),
    ("ix_programs_document_id", "programs", ("document_id",), False),
    ("ix_reviews_finding_id", "reviews", ("finding_id",), False),
    ("ix_search_entries_document_id", "search_entries", ("document_id",), False),
    ("ix_sections_document_id", "sections", ("document_id",), False),
    ("ix_slides_document_id", "slides", ("document_id",), False),
    ("ix_statements_document_id", "statements", ("document_id",), False),
    ("ix_tables_document_id", "tables", ("document_id",), False),
    ("ix_warnings_document_id", "warnings", ("document_id",), False),
)


def upgrade() -> None:
    repair(op.get_bind())


def downgrade() -> None:
    pass  # a repair adds only what the earlier revisions should have made; nothing to take back


def repair(connection: sa.Connection) -> list[str]:
    """Bring the database on `connection` to the 0006 schema; what was done, one line each."""
    operations = Operations(MigrationContext.configure(connection))
    done: list[str] = []
    present = set(sa.inspect(connection).get_table_names())
    added: set[tuple[str, str]] = set()
    for table in frozen_schema().sorted_tables:
        if table.name not in present:
            table.create(connection)
            done.append(f"created table {table.name}")
            continue
        columns = {column["name"] for column in sa.inspect(connection).get_columns(table.name)}
        for column in table.columns:
            if column.name not in columns:
                operations.add_column(table.name, _addable(table.name, column))
                added.add((table.name, column.name))
                done.append(f"added column {table.name}.{column.name}")
    if ("documents", "file_name") in added:
        _name_documents(connection)
        done.append("named documents by id, file name and title")
    done += _indexes(connection, operations)
    if _fill_finding_ids(connection):
        done.append("gave findings their ids")
    return done


def _addable(table: str, column: sa.Column[Any]) -> sa.Column[Any]:
    default = DEFAULTS.get((table, column.name))
    if default is None:
        return sa.Column(column.name, column.type, nullable=True)
    return sa.Column(column.name, column.type, nullable=False, server_default=default)


def _indexes(connection: sa.Connection, operations: Operations) -> list[str]:
    done = []
    inspector = sa.inspect(connection)
    tables = set(inspector.get_table_names())
    existing = {
        (index["name"], table): bool(index["unique"]) for table in tables for index in inspector.get_indexes(table)
    }
    for name, table, columns, unique in INDEXES:
        if table not in tables or existing.get((name, table)) == unique:
            continue
        if (name, table) in existing:
            operations.drop_index(name, table_name=table)
        if unique and table == "documents":
            _unique_names(connection)
        operations.create_index(name, table, list(columns), unique=unique)
        done.append(f"made index {name}")
    return done


# --------------------------------------------------------------------------- documents (as 0003_document_identity)

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
    sa.column("rule", sa.Text),
    sa.column("subject", sa.Text),
    sa.column("message", sa.Text),
    sa.column("locations", sa.JSON),
    sa.column("context", sa.JSON),
    sa.column("finding_id", sa.Text),
)


def _name_documents(connection: sa.Connection) -> None:
    """A database that never ran 0003_document_identity stored a document's file stem as its name:
    the stem goes to file_name, the name becomes the id (a second document with the same id getting
    its hash appended), an empty title is composed, and findings name their document by its id."""
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


def _unique_names(connection: sa.Connection) -> None:
    """Before ids are made unique: a second document holding an id gets its hash appended."""
    rows = connection.execute(sa.select(documents.c.id, documents.c.name, documents.c.sha256).order_by(documents.c.id))
    taken: set[str] = set()
    for key, name, sha256 in rows.all():
        if name in taken:
            new = with_hash(name, sha256)
            connection.execute(sa.update(documents).where(documents.c.id == key).values(name=new))
            _rename_in_findings(connection, key, name, new)
            name = new
        taken.add(name)


def _rename_in_findings(connection: sa.Connection, key: int, old: str, new: str) -> None:
    query = sa.select(findings.c.id, findings.c.locations).where(findings.c.document_id == key)
    for finding_key, places in connection.execute(query).all():
        places = _json(places) or []
        renamed = [place | {"document": new} if place.get("document") == old else place for place in places]
        connection.execute(sa.update(findings).where(findings.c.id == finding_key).values(locations=renamed))


def _fill_finding_ids(connection: sa.Connection) -> int:
    """Findings without an id (stored before 0005 by a database that skipped its fill) get theirs."""
    query = sa.select(findings.c.id, findings.c.rule, findings.c.subject, findings.c.locations, findings.c.context,
                      findings.c.message).where(findings.c.finding_id.is_(None))  # fmt: skip
    updates = [
        {
            "key": row.id,
            "fid": finding_id(row.rule, row.subject, _json(row.locations) or [], _json(row.context) or {}, row.message),
        }
        for row in connection.execute(query)
    ]
    if updates:
        connection.execute(
            sa.update(findings).where(findings.c.id == sa.bindparam("key")).values(finding_id=sa.bindparam("fid")),
            updates,
        )
    return len(updates)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


# --------------------------------------------------------------------------- frozen copies (identity.py, findings.py)

MAX_ID = 80
HASH_CHARS = 8
STAGE_WORDS = {"BO": "begrotingsopmaak", "BA": "begrotingsaanpassing", "BA-JR": "begrotingsaanpassing",
               "BU": "begrotingsuitvoering"}  # fmt: skip


def slug(stem: str) -> str:
    folded = unicodedata.normalize("NFKD", stem)
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_only)
    safe = re.sub(r"-{2,}", "-", safe).strip("-._")[:MAX_ID].strip("-._")
    return safe or "document"


def with_hash(document_id: str, sha256: str, length: int = HASH_CHARS) -> str:
    return f"{document_id[: MAX_ID - length - 1]}-{sha256[:length]}"


def compose_title(kind: str, stage: str, year: int, domain: str) -> str:
    stage_word = STAGE_WORDS.get(stage, stage)
    year_text = str(year) if year else ""
    if kind == "slides":
        when = year_text if stage == "BO" else f"{stage_word} {year_text}"
        return _joined("Presentatie BBT", when, domain)
    if domain:
        return _joined(f"BBT {domain} –", stage_word, year_text)
    return _joined("BBT", stage_word, year_text)


def _joined(*parts: str) -> str:
    return " ".join(part.strip() for part in parts if part and part.strip())


_DIGITS = re.compile(r"-?\d[\d.,]*")


def finding_id(rule: str, subject: str | None, locations: list[dict[str, Any]], context: dict[str, Any] | None,
               message: str) -> str:  # fmt: skip
    where = [f"{loc.get('document')}:{loc.get('page')}:{loc.get('source_line')}" for loc in locations]
    context = context or {}
    detail = f"{context.get('field', '')}@{context.get('offset', '')}" if "offset" in context else ""
    key = "|".join([rule, subject or "", *where, detail, _DIGITS.sub("#", message)])
    return "F" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
