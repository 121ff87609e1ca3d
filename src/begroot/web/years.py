"""Pages across years and domains: year on year per policy domain (`/yoy`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..api.routes import Db
from ..store import dashboard
from ..store.yoy import year_on_year

router = APIRouter(include_in_schema=False)


@router.get("/yoy", response_class=HTMLResponse)
def yoy_page(request: Request, db: Db, lang: Annotated[str | None, Query(pattern=r"^(nl|en)$")] = None) -> Response:
    """Every loaded domain's TOTAL, year on year, like for like."""
    from .routes import render, titles

    domains = [{"domain": name, "rows": year_on_year(db, dashboard.DOMAIN_TOTAL, name)} for name in dashboard.domains(db)]
    data = [("yoy.data", f"/api/v1/yoy/TOTAL?domain={d['domain']}") for d in domains]
    return render(request, "yoy_page.html", lang, titles=titles(db), domains=domains, data=data)
