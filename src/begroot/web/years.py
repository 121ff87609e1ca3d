"""Pages across years and domains: year on year per policy domain (`/yoy`) and every domain of a year and
stage at once (`/overview`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..api.routes import Db
from ..store import overview, queries
from ..store.schema import documents_t
from ..store.yoy import year_on_year
from .render import language, render, titles

router = APIRouter(include_in_schema=False)


@router.get("/yoy", response_class=HTMLResponse)
def yoy_page(request: Request, db: Db, lang: Annotated[str | None, Query(pattern=r"^(nl|en)$")] = None) -> Response:
    """Every loaded domain's TOTAL, year on year, like for like."""

    domains = [{"domain": name, "rows": year_on_year(db, overview.DOMAIN_TOTAL, name)} for name in overview.domains(db)]
    data = [("yoy.data", f"/api/v1/yoy/TOTAL?domain={d['domain']}") for d in domains]
    return render(request, "yoy_page.html", lang, titles=titles(db), domains=domains, data=data)


# --------------------------------------------------------------------------- all domains at once

OVERVIEW_STAGES = ("BO", "BA", "BA-JR", "BU")
# a stage's figures, by the stage of the document that prints them (a BU report prints BA-JR and BU)
PRINTED_IN = {"BO": ("BO",), "BA": ("BA", "BU"), "BA-JR": ("BU",), "BU": ("BU",)}


def overview_documents(db: Connection, year: int, stage: str) -> dict[str, str]:
    """domain -> the report of that year holding the stage (its own document first, else a later one)."""
    query = select(documents_t.c.domain, documents_t.c.name, documents_t.c.stage).where(
        documents_t.c.year == year, documents_t.c.kind == "report", documents_t.c.stage.in_(PRINTED_IN[stage])
    ).order_by(documents_t.c.id)  # fmt: skip
    chosen: dict[str, tuple[int, str]] = {}
    for row in db.execute(query):
        rank = PRINTED_IN[stage].index(row.stage)
        if row.domain not in chosen or rank < chosen[row.domain][0]:
            chosen[row.domain] = (rank, row.name)
    return {domain: name for domain, (_, name) in sorted(chosen.items())}


def overview_nodes(db: Connection, year: int, stage: str, credit: str) -> list[dict[str, Any]]:
    """Flanders -> domains -> programs -> ISEs -> articles: each domain's treemap (store/overview.py) under one root."""
    nodes: list[dict[str, Any]] = []
    for domain, document in overview_documents(db, year, stage).items():
        tree = overview.treemap(db, document, credit, stage)
        if not tree:
            continue
        domain_id = f"D:{domain}"
        for node in tree:
            if node["id"] == "root":
                nodes.append(node | {"id": domain_id, "level": "domain", "code": domain, "parent": "root",
                                     "document": document})  # fmt: skip
            else:
                nodes.append(node | {"parent": domain_id if node["parent"] == "root" else node["parent"]})
    total = sum(n["value"] for n in nodes if n["level"] == "domain")
    for node in nodes:
        if node["level"] == "domain":
            node["share"] = node["value"] / total if total else None
    root = {"id": "root", "level": "root", "code": "", "parent": "", "value": total, "basis": "sum", "printed": None}
    return [root, *nodes]


def loaded_years(db: Connection) -> list[int]:
    query = select(documents_t.c.year).where(documents_t.c.kind == "report").distinct().order_by(documents_t.c.year)
    return list(db.scalars(query))


@router.get("/overview", response_class=HTMLResponse)
def overview_page(
    request: Request,
    db: Db,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    stage: Annotated[str, Query(pattern=r"^(BO|BA|BA-JR|BU)$")] = "BO",
    credit: Annotated[str, Query(pattern=r"^(VAK|VEK)$")] = "VEK",
    lang: Annotated[str | None, Query(pattern=r"^(nl|en)$")] = None,
) -> Response:
    """Every loaded domain of a year and stage: each one's total and share, down to program, ISE and article."""
    from . import i18n
    from .views import treemap_chart

    years = loaded_years(db)
    chosen = year if year is not None else (years[-1] if years else None)
    nodes = overview_nodes(db, chosen, stage, credit) if chosen is not None else []
    names = queries.names(db)
    words = {key: i18n.translate(language(request, lang), f"treemap.{key}") for key in
             ("root", "rest", "basis.printed", "basis.sum", "basis.rest", "basis.article", "basis.exceeds")}  # fmt: skip
    words["root"] = i18n.translate(language(request, lang), "overview.root")
    chart = treemap_chart(nodes, names, words)
    domains = [n for n in nodes if n["level"] == "domain"]
    data = [
        ("overview.data", f"/api/v1/treemap?document={d['document']}&credit={credit}&stage={stage}") for d in domains
    ]
    return render(request, "overview.html", lang, titles=titles(db), years=years, year=chosen, stage=stage,
                  credit=credit, stages=OVERVIEW_STAGES, domains=domains, chart=chart, data=data)  # fmt: skip
