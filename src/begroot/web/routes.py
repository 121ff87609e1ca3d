"""The server-rendered pages: Dutch by default, English with ?lang=en (remembered in a cookie)."""

from __future__ import annotations

import re
from functools import cache, partial
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..api.routes import CODE, CREDIT, DOCUMENT, RULE, SEVERITY, STAGE, TEXT, Db, Doc, known_document
from ..store import STAGE_ORDER, queries
from . import i18n, views

WEB = resources.files("begroot.web")
templates = Jinja2Templates(directory=str(WEB / "templates"))
router = APIRouter(include_in_schema=False)
LANG_COOKIE = "lang"
TREEMAP_STAGES = ("BO", "BA", "BA-JR", "BU")
HOME_DOCUMENTS = 25  # documents listed on the home page


Lang = Annotated[str | None, Query(pattern=r"^(nl|en)$")]


def language(request: Request, lang: str | None) -> str:
    return (
        lang
        or (request.cookies.get(LANG_COOKIE) if request.cookies.get(LANG_COOKIE) in i18n.LANGUAGES else None)
        or i18n.DEFAULT
    )


def render(request: Request, name: str, lang: str | None, status: int = 200, **context: Any) -> HTMLResponse:
    chosen = language(request, lang)
    helpers = {
        "lang": chosen,
        "t": partial(i18n.translate, chosen),
        "num": partial(i18n.number, lang=chosen),
        "pct": partial(i18n.percent, lang=chosen),
        "path": request.url.path,
        "plotly_style_ids": plotly_style_ids(),
    }
    response = templates.TemplateResponse(request, name, helpers | context, status_code=status)
    if lang:  # an explicit choice is remembered
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def titles_of(documents: list[dict[str, Any]]) -> dict[str, str]:
    """id -> title, for naming documents on the pages."""
    return {d["name"]: d["title"] or d["name"] for d in documents}


def html_error(request: Request, status: int, detail: str) -> Response:
    return render(request, "error.html", None, status=status, status_code=status, detail=detail)


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    db: Db,
    document: Doc,
    lang: Lang = None,
    credit: Annotated[str, Query(pattern=r"^(VAK|VEK)$")] = "VEK",
    stage: Annotated[str, Query(pattern=STAGE)] = "BU",
) -> Response:
    chosen = document or queries.latest_report(db)
    rows = queries.treemap(db, chosen, credit, stage) if chosen else []
    no_ise = i18n.translate(language(request, lang), "no_ise")
    documents = queries.documents(db)
    shown = documents[-HOME_DOCUMENTS:]  # the latest; all of them are in the API and the document picker
    names = {d["name"] for d in shown}
    totals = [row for row in queries.domain_totals(db) if row["document"] in names]
    return render(
        request, "home.html", lang, titles=titles_of(documents),
        documents=shown, more=len(documents) - len(shown), all_documents=documents, totals=totals,
        document=chosen, credit=credit, stage=stage, stages=TREEMAP_STAGES, leaves=rows,
        treemap=views.treemap_chart(rows, queries.names(db), no_ise),
    )  # fmt: skip


@router.get("/articles/{code}", response_class=HTMLResponse)
def article(request: Request, db: Db, code: Annotated[str, Path(pattern=CODE)], lang: Lang = None) -> Response:
    page = views.article_page(db, code)
    if page is None:
        raise HTTPException(404, f"no article {code!r}")
    return render(request, "article.html", lang, titles=queries.titles(db), **page)


@router.get("/goals", response_class=HTMLResponse)
def goals(request: Request, db: Db, document: Doc, lang: Lang = None) -> Response:
    tree = queries.goals(db, document)
    return render(request, "goals.html", lang, tree=tree, titles=queries.titles(db))


@router.get("/audit", response_class=HTMLResponse)
def audit(
    request: Request,
    db: Db,
    lang: Lang = None,
    severity: Annotated[str | None, Query(pattern=SEVERITY)] = None,
    rule: Annotated[str | None, Query(pattern=RULE)] = None,
) -> Response:
    rows = queries.findings(db, queries.FindingFilter(rule=rule, severity=severity))
    articles = queries.article_codes(db)
    return render(
        request, "audit.html", lang, groups=views.grouped_findings(rows), total=len(rows), titles=queries.titles(db),
        link=partial(views.finding_link, articles=articles), severity=severity, rule=rule,
    )  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, db: Db, lang: Lang = None, q: Annotated[str, Query(max_length=200, pattern=TEXT)] = ""
) -> Response:
    results = request.app.state.search.search(q, 100) if q.strip() else []
    return render(request, "search.html", lang, q=q, results=results, titles=queries.titles(db))


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    db: Db,
    lang: Lang = None,
    a: Annotated[str | None, Query(pattern=DOCUMENT)] = None,
    b: Annotated[str | None, Query(pattern=DOCUMENT)] = None,
    sa: Annotated[str | None, Query(pattern=r"^(BO|BA|BA-JR|BU|DELTA)?$")] = None,
    sb: Annotated[str | None, Query(pattern=r"^(BO|BA|BA-JR|BU|DELTA)?$")] = None,
    credit: Annotated[str, Query(pattern=CREDIT)] = "VEK",
) -> Response:
    documents = queries.documents(db)
    names = [d["name"] for d in documents]
    a = known_document(db, a) if a else (names[0] if names else None)
    b = known_document(db, b) if b else (names[-1] if names else None)
    rows = views.comparison(db, a, b, sa or None, sb or None, credit) if a and b else []
    stages = sorted(
        {s for name in {a, b} if name for s in queries.stages_of(db, name)}, key=lambda s: STAGE_ORDER.get(s, 9)
    )
    return render(
        request, "compare.html", lang, documents=names, titles=titles_of(documents), a=a, b=b, sa=sa or "",
        sb=sb or "", credit=credit, rows=rows, stages=stages, labels=queries.names(db),
    )  # fmt: skip


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request, lang: Lang = None) -> Response:
    """The OpenAPI description as a plain page (Swagger UI would need a CDN and inline scripts)."""
    return render(request, "api_docs.html", lang, spec=request.app.openapi())


@router.get("/static/vendor/plotly.min.js")
def plotly_js(request: Request) -> Response:
    """plotly.min.js from the installed plotly package: the charts never depend on a CDN."""
    body = _plotly_bundle()
    return Response(body, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})


@cache
def _plotly_bundle() -> bytes:
    return (resources.files("plotly") / "package_data" / "plotly.min.js").read_bytes()


@cache
def plotly_style_ids() -> list[str]:
    """Ids of the <style> elements the plotly bundle injects unless they exist (e.g. its maplibre CSS).

    Read from the installed bundle so a plotly upgrade does not bring CSP violations back.
    """
    found = re.findall(rb'getElementById\("([0-9a-f]{64})"\)', _plotly_bundle())
    return sorted({match.decode() for match in found})


def install(app: FastAPI) -> None:
    app.state.html_error = html_error
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
