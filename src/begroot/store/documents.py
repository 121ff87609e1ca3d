"""Read-only queries behind a document's own page and its page views: what was read from it, what was
left out, its findings, its neighbours, and the figures and findings of one of its pages."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from .queries import all_rows
from .schema import (
    WarningRow,
    articles_t,
    documents_t,
    facts_t,
    findings_t,
    goals_t,
    originals_t,
    tables_t,
)
from .schema import _table as table_of

warnings_t = table_of(WarningRow)
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def document(connection: Connection, name: str) -> dict[str, Any] | None:
    """The document's row (without its database id) and whether its original is kept."""
    row = connection.execute(select(documents_t).where(documents_t.c.name == name)).mappings().first()
    if row is None:
        return None
    found = dict(row)
    kept = select(originals_t.c.document_id).where(originals_t.c.document_id == found["id"])
    found["original"] = connection.scalar(kept) is not None
    return found


def detail(connection: Connection, name: str) -> dict[str, Any] | None:
    """Everything a document's page shows: the document, counts of what was read, what was left out
    (its warnings), its findings by severity and the other documents of its domain and year."""
    found = document(connection, name)
    if found is None:
        return None
    key = found.pop("id")
    counts = {
        label: connection.scalar(select(func.count()).select_from(table).where(table.c.document_id == key))
        for label, table in (("tables", tables_t), ("articles", articles_t), ("goals", goals_t), ("facts", facts_t))
    }
    left_out = all_rows(
        connection,
        select(warnings_t.c.code, warnings_t.c.message, warnings_t.c.page, warnings_t.c.line)
        .where(warnings_t.c.document_id == key)
        .order_by(warnings_t.c.page, warnings_t.c.line, warnings_t.c.id),
    )
    findings = all_rows(
        connection,
        select(
            findings_t.c.rule,
            findings_t.c.severity,
            findings_t.c.message,
            findings_t.c.subject,
            findings_t.c.locations,
            findings_t.c.finding_id,
            findings_t.c.context,
        )
        .where(findings_t.c.document_id == key)
        .order_by(findings_t.c.id),
    )
    findings.sort(key=lambda f: SEVERITY_ORDER.get(f["severity"], 9))
    for finding in findings:
        finding["place"] = first_place(finding["locations"], name)
    siblings = all_rows(
        connection,
        select(documents_t.c.name, documents_t.c.title, documents_t.c.kind, documents_t.c.stage, documents_t.c.year)
        .where(documents_t.c.domain == found["domain"], documents_t.c.year == found["year"], documents_t.c.id != key)
        .order_by(documents_t.c.id),
    )
    severities = Counter(f["severity"] for f in findings)
    return found | {"counts": counts, "left_out": left_out, "findings": findings,
                    "severities": dict(severities), "siblings": siblings}  # fmt: skip


def first_place(locations: list[dict[str, Any]] | None, name: str) -> dict[str, Any] | None:
    """The first location of a finding in this document (page and line), if it names one."""
    return next((place for place in locations or [] if place.get("document") == name and place.get("page")), None)


def page_facts(connection: Connection, name: str, page: int) -> list[dict[str, Any]]:
    """The figures read from one page, in the order they were read."""
    query = (
        select(
            facts_t.c.id,
            facts_t.c.scope,
            facts_t.c.subject,
            facts_t.c.row,
            facts_t.c.credit,
            facts_t.c.year,
            facts_t.c.stage,
            facts_t.c.value,
            facts_t.c.page,
            facts_t.c.source_line,
            facts_t.c.perimeter,
        )
        .join(documents_t, documents_t.c.id == facts_t.c.document_id)
        .where(documents_t.c.name == name, facts_t.c.page == page)
        .order_by(facts_t.c.id)
    )
    return all_rows(connection, query)


def page_findings(connection: Connection, name: str, page: int) -> list[dict[str, Any]]:
    """The findings with a location on this page: the document's own, and those about it and another
    document (a cross-document conflict belongs to the document stored second and names the first)."""
    key = select(documents_t.c.id).where(documents_t.c.name == name).scalar_subquery()
    query = (
        select(
            findings_t.c.finding_id,
            findings_t.c.rule,
            findings_t.c.severity,
            findings_t.c.message,
            findings_t.c.subject,
            findings_t.c.locations,
            findings_t.c.numbers,
            findings_t.c.context,
        )
        .where(or_(findings_t.c.document_id == key, findings_t.c.related_document_id == key))
        .order_by(findings_t.c.id)
    )
    found = []
    for finding in all_rows(connection, query):
        lines = [p["source_line"] for p in finding["locations"] or []
                 if p.get("document") == name and p.get("page") == page and p.get("source_line")]  # fmt: skip
        if lines:
            found.append(finding | {"lines": lines})
    return found


def fact(connection: Connection, fact_id: int) -> dict[str, Any] | None:
    row = (
        connection.execute(
            select(
                documents_t.c.name.label("document"),
                facts_t.c.id,
                facts_t.c.page,
                facts_t.c.source_line,
                facts_t.c.value,
                facts_t.c.subject,
                facts_t.c.credit,
                facts_t.c.stage,
                facts_t.c.year,
            )
            .join(documents_t, documents_t.c.id == facts_t.c.document_id)
            .where(facts_t.c.id == fact_id)
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None
