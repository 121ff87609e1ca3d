"""Read-only queries on the budget bridge (`bridge_steps`): an article's `Kredietevolutie` rows in every
document, and the bridge of a program, ISE or whole document where every article prints one."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from .schema import articles_t, bridge_t, documents_t

STEP_COLUMNS = ("credit", "position", "role", "label", "value", "page", "line", "stage", "year", "table_index")
RECEIPT_KIND = "9"  # receipt articles print AO/TO, not the VAK/VEK of a bridge


def _steps_query() -> Any:
    return (
        select(documents_t.c.name.label("document"), documents_t.c.stage.label("document_stage"),
               documents_t.c.year.label("document_year"), bridge_t.c.article, bridge_t.c.program, bridge_t.c.ise,
               *(bridge_t.c[name] for name in STEP_COLUMNS))
        .join(documents_t, documents_t.c.id == bridge_t.c.document_id)
        .order_by(documents_t.c.year, documents_t.c.id, bridge_t.c.table_index, bridge_t.c.credit,
                  bridge_t.c.position)
    )  # fmt: skip


def article_bridge(db: Connection, code: str, document: str | None = None) -> list[dict[str, Any]]:
    """Every stored `Kredietevolutie` row of an article, oldest document first (one table per document:
    an article printed twice counts once)."""
    query = _steps_query().where(bridge_t.c.article == code)
    if document is not None:
        query = query.where(documents_t.c.name == document)
    rows = [dict(row) for row in db.execute(query).mappings()]
    first_table: dict[str, int] = {}
    for row in rows:
        first_table.setdefault(row["document"], row["table_index"])
    return [row for row in rows if row["table_index"] == first_table[row["document"]]]


def scope_bridge(db: Connection, document: str, program: str | None = None, ise: str | None = None) -> dict[str, Any]:
    """The bridge of a program, an ISE or (neither) the whole document, summed over its articles by role:
    given only when every expenditure article of that scope prints a `Kredietevolutie` (else the sum would
    mix bridged and unbridged articles). `complete` says whether it did; `missing` lists the others."""
    articles = (
        select(articles_t.c.code)
        .join(documents_t, documents_t.c.id == articles_t.c.document_id)
        .where(documents_t.c.name == document, articles_t.c.part_kind != RECEIPT_KIND)
    )
    steps = _steps_query().where(documents_t.c.name == document)
    if program is not None:
        articles, steps = (
            articles.where(articles_t.c.part_program == program),
            steps.where(bridge_t.c.program == program),
        )
    if ise is not None:
        articles, steps = articles.where(articles_t.c.ise == ise), steps.where(bridge_t.c.ise == ise)
    expected = set(db.scalars(articles))
    rows = _first_tables([dict(row) for row in db.execute(steps).mappings()])
    bridged = {row["article"] for row in rows}
    missing = sorted(expected - bridged)
    result: dict[str, Any] = {"document": document, "program": program, "ise": ise, "articles": len(bridged),
                              "missing": missing, "complete": bool(bridged) and not missing, "steps": []}  # fmt: skip
    if result["complete"]:
        result["steps"] = summed_steps(rows)
    return result


def _first_tables(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    first: dict[str, int] = {}
    for row in rows:
        first.setdefault(row["article"], row["table_index"])
    return [row for row in rows if row["table_index"] == first[row["article"]]]


def summed_steps(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Steps of many articles added up per credit and role, in the order the roles first appear
    (start first, end last); a start or end at different stages is kept apart by its label."""
    order: dict[tuple[str, str, str], int] = {}
    totals: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in rows:
        rank = 0 if row["role"] == "start" else 2 if row["role"] == "end" else 1
        key = (row["credit"], row["role"], row["label"] if rank != 1 else row["role"])
        order.setdefault(key, rank * 1000 + row["position"])
        totals[key] += row["value"] or 0
    ordered = sorted(totals, key=lambda key: (key[0], order[key]))
    return [{"credit": credit, "role": role, "label": label, "value": totals[(credit, role, label)]}
            for credit, role, label in ordered]  # fmt: skip
