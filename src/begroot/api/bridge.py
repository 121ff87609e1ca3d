"""API endpoints of the budget bridge (`Kredietevolutie` rows) and the lineage of codes.

JSON, or CSV with `format=csv` (one row per step).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from ..store import bridge
from .responses import reply
from .routes import CODE, ISE, JSON_OR_CSV, PROGRAM, Db, Doc, known_document

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
