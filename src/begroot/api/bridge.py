"""API endpoints of the budget bridge (`Kredietevolutie` rows), the lineage of codes and year on year.

JSON, or CSV with `format=csv` (one row per step).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from ..store import bridge, lineage
from ..store.joined import joined_timeline
from ..store.yoy import year_on_year
from .responses import reply
from .routes import CODE, ISE, JSON_OR_CSV, PROGRAM, SUBJECT, Db, Doc, known_document

router = APIRouter(tags=["bridge"])

Format = Annotated[str, Query(pattern=r"^(json|csv)$", description="json (default) or csv")]


@router.get(
    "/bridge/{code}",
    summary="An article's Kredietevolutie rows (start, index, compensaties, ..., end) in every document",
    responses=JSON_OR_CSV,
)
def article_bridge(
    request: Request, db: Db, code: Annotated[str, Path(pattern=CODE)], document: Doc, format: Format = "json"
) -> Response:
    rows = bridge.article_bridge(db, code, document)
    if not rows:
        raise HTTPException(404, f"no Kredietevolutie for {code!r}")
    return reply(request, rows, format, name=f"bridge-{code}")


@router.get(
    "/bridge",
    summary="The bridge of a document, program or ISE, summed by role where every article prints one",
    responses=JSON_OR_CSV,
)
def scope_bridge(
    request: Request,
    db: Db,
    document: Annotated[str, Query(pattern=r"^[^\x00-\x1f\x7f]{1,200}$", description="document id")],
    program: Annotated[str | None, Query(pattern=PROGRAM)] = None,
    ise: Annotated[str | None, Query(pattern=ISE)] = None,
    format: Format = "json",
) -> Response:
    found = bridge.scope_bridge(db, known_document(db, document), program, ise)
    return reply(request, found, format, found["steps"], name="bridge")


@router.get(
    "/lineage/{code}",
    summary="A code's names over the years, its renames and reuses, and the codes it continues or that continue it",
    responses=JSON_OR_CSV,
)
def code_lineage(
    request: Request, db: Db, code: Annotated[str, Path(pattern=f"{CODE}|{ISE}")], format: Format = "json"
) -> Response:
    """JSON: the lineage and the marks its timeline shows; CSV: its history (one row per document printing the
    code). An ISE's key too: its renames (a new key) are its links."""
    found = {**lineage.lineage(db, code), "marks": joined_timeline(db, code)["marks"]}
    if not found["history"] and not found["former"] and not found["successors"]:
        raise HTTPException(404, f"no code {code!r}")
    return reply(request, found, format, found["history"], name=f"lineage-{code}")


@router.get("/lineage", summary="Every link between an old and a new code (documents and users)", responses=JSON_OR_CSV)
def all_links(request: Request, db: Db, format: Format = "json") -> Response:
    return reply(request, lineage.links(db), format, name="lineage")


@router.get(
    "/yoy/{subject}",
    summary="Year on year, like for like: BO against last year's BO, BA against BO, BU against BA-JR",
    responses=JSON_OR_CSV,
)
def yoy(
    request: Request,
    db: Db,
    subject: Annotated[str, Path(pattern=SUBJECT)],
    domain: Annotated[str | None, Query(pattern=r"^[^\x00-\x1f\x7f<>]{1,120}$", description="with TOTAL")] = None,
    format: Format = "json",
) -> Response:
    """Rows: comparison, year, credit, perimeter, main (the main perimeter), base, value, change, rate."""
    return reply(request, year_on_year(db, subject, domain), format, name=f"yoy-{subject}")
