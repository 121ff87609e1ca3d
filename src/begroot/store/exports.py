"""Read-only selects for the exports and reports: the fact table and the tables that describe it.

Each function returns a parametrised SQLAlchemy select with the document's name in place of
its id, so the result stands on its own outside the database.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, select

from ..model import FACT_COLUMNS
from .queries import FactFilter
from .schema import (
    articles_t,
    bridge_t,
    documents_t,
    facts_t,
    goals_t,
    ises_t,
    programs_t,
    tables_t,
)
from .store import documents_query, findings_query

HIDDEN = {"id", "document_id"}


def _named(table: Table) -> Select[Any]:
    """Every column of a document's child table, with the document's name first."""
    columns = [c for c in table.c if c.name not in HIDDEN]
    return (
        select(documents_t.c.name.label("document"), *columns)
        .join(documents_t, documents_t.c.id == table.c.document_id)
        .order_by(documents_t.c.id, table.c.id)
    )


def _of_document(query: Select[Any], document: str | None) -> Select[Any]:
    return query if document is None else query.where(documents_t.c.name == document)


def facts_query(where: FactFilter = FactFilter()) -> Select[Any]:
    """The fact table (contract columns first, then table index and perimeter)."""
    contract = [documents_t.c.name.label("document"), *(facts_t.c[name] for name in FACT_COLUMNS[1:])]
    query = (
        select(*contract, facts_t.c.table_index, facts_t.c.perimeter)
        .join(documents_t, documents_t.c.id == facts_t.c.document_id)
        .order_by(documents_t.c.id, facts_t.c.id)
    )
    return where.apply(query)


def documents_export(document: str | None = None) -> Select[Any]:
    return _of_document(documents_query(), document)


def programs_export(document: str | None = None, program: str | None = None) -> Select[Any]:
    query = _of_document(_named(programs_t), document)
    return query if program is None else query.where(programs_t.c.code == program)


def ises_export(document: str | None = None, program: str | None = None) -> Select[Any]:
    query = _of_document(_named(ises_t), document)
    return query if program is None else query.where(ises_t.c.program == program)


def articles_export(document: str | None = None, program: str | None = None) -> Select[Any]:
    query = _of_document(_named(articles_t), document)
    return query if program is None else query.where(articles_t.c.part_program == program)


def goals_export(document: str | None = None) -> Select[Any]:
    return _of_document(_named(goals_t), document)


def tables_export(document: str | None = None) -> Select[Any]:
    """The stage x credit tables as recognised (layout, title, subject), in document order."""
    query = _named(tables_t).order_by(None).order_by(documents_t.c.id, tables_t.c.table_index)
    return _of_document(query, document)


def findings_export(document: str | None = None) -> Select[Any]:
    return _of_document(findings_query(), document)


def bridge_export(document: str | None = None, program: str | None = None) -> Select[Any]:
    """Every `Kredietevolutie` row (the budget bridge), in document order."""
    query = _of_document(_named(bridge_t), document)
    return query if program is None else query.where(bridge_t.c.program == program)
