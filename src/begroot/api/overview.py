"""API endpoints of the overview (store/overview.py): the library, figures over the years, treemaps, comparisons, the data behind the dashboard pages.

Every endpoint answers JSON, or CSV with `format=csv`: each page links the data it shows both ways.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from ..store import overview
from ..store.joined import joined_timeline
from .responses import reply
from .routes import CREDIT, DOCUMENT, ISE, JSON_OR_CSV, PROGRAM, STAGE, SUBJECT, Db, known_document

router = APIRouter(tags=["overview"])

Format = Annotated[str, Query(pattern=r"^(json|csv)$", description="json (default) or csv")]
DOMAIN = r"^[^\x00-\x1f\x7f<>]{1,120}$"  # DEL too: the control-character check refuses it (api/guard.py)
COMPARE_STAGE = r"^(BO|BA|BA-JR|BU|DELTA)?$"


@router.get(
    "/library", summary="Every document with its domain, year, stage, counts and audit status", responses=JSON_OR_CSV
)
def library(request: Request, db: Db, format: Format = "json") -> Response:
    return reply(request, overview.library(db), format, name="library")


@router.get(
    "/totals", summary="The domain totals (TOTAL rows) per year, stage, credit and perimeter", responses=JSON_OR_CSV
)
def totals(
    request: Request,
    db: Db,
    domain: Annotated[str | None, Query(pattern=DOMAIN, description="policy domain name")] = None,
    format: Format = "json",
) -> Response:
    conflicts = overview.Conflicts(db, overview.DOMAIN_TOTAL)  # read once for all domains
    rows = [
        {"domain": name, **point}
        for name in ([domain] if domain else overview.domains(db))
        for point in overview.points(db, overview.DOMAIN_TOTAL, domain=name, conflicts=conflicts)
    ]
    return reply(request, rows, format, name="totals")


@router.get(
    "/points/{subject}",
    summary="A subject's total-row figures over the years, with who states them",
    responses=JSON_OR_CSV,
)
def points(
    request: Request,
    db: Db,
    subject: Annotated[str, Path(pattern=SUBJECT)],
    credit: Annotated[str | None, Query(pattern=CREDIT)] = None,
    format: Format = "json",
) -> Response:
    # following the subject's lineage: a former code's years joined (each point's `code`), a reused code's
    # stretches apart (`line`), as the page draws them
    rows = [p for p in joined_timeline(db, subject)["points"] if credit is None or p["credit"] == credit]
    if not rows:
        raise HTTPException(404, f"no figures for {subject!r}")
    return reply(request, rows, format, name="points")


@router.get(
    "/execution/{subject}",
    summary="BA-JR, BU and the execution rate BU / BA-JR per year and credit",
    responses=JSON_OR_CSV,
)
def execution(
    request: Request, db: Db, subject: Annotated[str, Path(pattern=SUBJECT)], format: Format = "json"
) -> Response:
    found = overview.points(db, subject)
    if not found:
        raise HTTPException(404, f"no figures for {subject!r}")
    return reply(request, overview.execution(found), format, name="execution")


@router.get(
    "/members",
    summary="The articles of a program or ISE (or all): latest figure and change since the year before",
    responses=JSON_OR_CSV,
)
def members(
    request: Request,
    db: Db,
    program: Annotated[str | None, Query(pattern=PROGRAM)] = None,
    ise: Annotated[str | None, Query(pattern=ISE)] = None,
    format: Format = "json",
) -> Response:
    return reply(request, overview.member_articles(db, program=program, ise=ise), format, name="members")


@router.get(
    "/treemap", summary="Programs -> ISEs -> articles of a document, sized by the printed totals", responses=JSON_OR_CSV
)
def treemap(
    request: Request,
    db: Db,
    document: Annotated[str, Query(pattern=DOCUMENT)],
    credit: Annotated[str, Query(pattern=r"^(VAK|VEK)$")] = "VEK",
    stage: Annotated[str, Query(pattern=STAGE)] = "BU",
    format: Format = "json",
) -> Response:
    nodes = overview.treemap(db, known_document(db, document), credit, stage)
    if not nodes:
        raise HTTPException(404, f"no document {document!r}")
    return reply(request, nodes, format, name="treemap")


@router.get(
    "/compare",
    summary="Total-row figures two documents (or stages) both print, biggest change first",
    responses=JSON_OR_CSV,
)
def compare(
    request: Request,
    db: Db,
    a: Annotated[str, Query(pattern=DOCUMENT)],
    b: Annotated[str, Query(pattern=DOCUMENT)],
    sa: Annotated[str | None, Query(pattern=COMPARE_STAGE)] = None,
    sb: Annotated[str | None, Query(pattern=COMPARE_STAGE)] = None,
    credit: Annotated[str, Query(pattern=CREDIT)] = "VEK",
    format: Format = "json",
) -> Response:
    rows = overview.compare(db, known_document(db, a), known_document(db, b), sa or None, sb or None, credit)
    return reply(request, rows, format, name="compare")
