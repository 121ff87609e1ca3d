"""The budget bridge on the pages: an article's `Kredietevolutie` as a waterfall with its table twin, and the
same summed over a program, an ISE or a whole document where every article prints one (`/bridge`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..api.routes import DOCUMENT, ISE, PROGRAM, Db, known_document
from ..store import bridge
from ..store.schema import bridge_t, documents_t
from .render import render, titles

router = APIRouter(include_in_schema=False)
CREDITS = ("VAK", "VEK")


def table_rows(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per step (label), a value per credit: the waterfall's table twin."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for step in steps:
        row = rows.setdefault((step["role"], step["label"]), {"role": step["role"], "label": step["label"],
                                                              "amounts": {}, "where": {}})  # fmt: skip
        row["amounts"][step["credit"]] = step["value"]
        if "page" in step:
            row["where"][step["credit"]] = (step["page"], step["line"])
    return list(rows.values())


def waterfall_chart(steps: list[dict[str, Any]]) -> dict[str, Any]:
    """Plotly waterfall data, a trace per credit: the stages as absolute bars (the printed figure, not a
    sum, so a bridge that does not add up shows it), the changes as steps between them."""
    series = []
    for credit in CREDITS:
        own = [s for s in steps if s["credit"] == credit]
        if own:
            series.append({"name": credit, "x": [s["label"] for s in own], "y": [s["value"] or 0 for s in own],
                           "measure": ["relative" if s["role"] not in ("start", "end") else "absolute"
                                       for s in own]})  # fmt: skip
    return {"kind": "waterfall", "series": series, "unit": "keuro"}


def article_section(db: Connection, code: str) -> dict[str, Any] | None:
    """The bridge of the article's latest document that prints one."""
    rows = bridge.article_bridge(db, code)
    if not rows:
        return None
    latest = rows[-1]["document"]
    steps = [row for row in rows if row["document"] == latest]
    return {"document": latest, "rows": table_rows(steps), "chart": waterfall_chart(steps),
            "documents": sorted({row["document"] for row in rows}), "api": f"/api/v1/bridge/{code}"}  # fmt: skip


def latest_document(db: Connection, program: str | None = None, ise: str | None = None) -> str | None:
    """The latest document (year, then ingest order) with a bridge for the program or ISE."""
    query = select(documents_t.c.name).join(bridge_t, bridge_t.c.document_id == documents_t.c.id)
    if program is not None:
        query = query.where(bridge_t.c.program == program)
    if ise is not None:
        query = query.where(bridge_t.c.ise == ise)
    return db.scalar(query.order_by(documents_t.c.year.desc(), documents_t.c.id.desc()).limit(1))


def scope_section(db: Connection, document: str | None, program: str | None = None,
                  ise: str | None = None) -> dict[str, Any] | None:  # fmt: skip
    """A program's, ISE's or document's summed bridge (None: no document with one)."""
    document = document or latest_document(db, program, ise)
    if document is None:
        return None
    found = bridge.scope_bridge(db, document, program, ise)
    query = "&".join(f"{key}={value}" for key, value in (("document", document), ("program", program),
                                                          ("ise", ise)) if value)  # fmt: skip
    return {**found, "rows": table_rows(found["steps"]), "chart": waterfall_chart(found["steps"]),
            "api": f"/api/v1/bridge?{query}"}  # fmt: skip


@router.get("/bridge", response_class=HTMLResponse)
def bridge_page(
    request: Request,
    db: Db,
    document: Annotated[str | None, Query(pattern=DOCUMENT)] = None,
    program: Annotated[str | None, Query(pattern=PROGRAM)] = None,
    ise: Annotated[str | None, Query(pattern=ISE)] = None,
    lang: Annotated[str | None, Query(pattern=r"^(nl|en)$")] = None,
) -> Response:
    """A document's (program's, ISE's) bridge: from last year's budget to this one, summed over its articles."""

    chosen = known_document(db, document) if document else latest_document(db, program, ise)
    section = scope_section(db, chosen, program, ise) if chosen else None
    documents = list(db.scalars(select(documents_t.c.name).where(documents_t.c.id.in_(
        select(bridge_t.c.document_id))).order_by(documents_t.c.year, documents_t.c.id)))  # fmt: skip
    data = [("bridge.data", section["api"])] if section else []
    return render(request, "bridge_page.html", lang, titles=titles(db), bridge=section, documents=documents,
                  program=program, ise=ise, data=data)  # fmt: skip
