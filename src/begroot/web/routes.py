"""The server-rendered pages: Dutch by default, English with ?lang=en (remembered in a cookie)."""

from __future__ import annotations

from functools import partial
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ..api.routes import CODE, CREDIT, DOCUMENT, ISE, PROGRAM, RULE, SEVERITY, STAGE, TEXT, Db, Doc, known_document
from ..store import STAGE_ORDER, overview, queries
from ..store.search import count as count_matches
from ..store.search import search as search_database
from . import bridge as bridge_views
from . import glossary, i18n, views
from . import lineage as lineage_views
from . import years as years_views
from .documents import api as documents_api
from .documents import router as documents_router
from .render import WEB, Lang, html_error, language, plotly_bundle, render, titles

router = APIRouter(include_in_schema=False)
AUDIT_PAGE = 200  # findings per page of /audit
TREEMAP_STAGES = ("BO", "BA", "BA-JR", "BU")


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
    nodes = overview.treemap(db, chosen, credit, stage) if chosen else []
    chosen_lang = language(request, lang)
    words = {key: i18n.translate(chosen_lang, f"treemap.{key}") for key in
             ("root", "rest", "basis.printed", "basis.sum", "basis.rest", "basis.article", "basis.exceeds")}  # fmt: skip
    library = overview.library(db)
    conflicts = overview.Conflicts(db, overview.DOMAIN_TOTAL)  # shared by the domains' totals
    treemap_url = f"/api/v1/treemap?document={chosen}&credit={credit}&stage={stage}" if chosen else None
    data = [("home.data.library", "/api/v1/library"), ("home.data.totals", "/api/v1/totals")]
    if treemap_url:
        data.append(("home.data.treemap", treemap_url))
    return render(
        request, "home.html", lang, titles=titles(db),
        matrix=views.library_matrix(library), documents=library,
        totals=[views.domain_totals(db, domain, conflicts) for domain in overview.domains(db)],
        document=chosen, credit=credit, stage=stage, stages=TREEMAP_STAGES, nodes=nodes,
        names=queries.names(db), basis=views.basis, node_url=views.node_url,
        treemap=views.treemap_chart(nodes, queries.names(db), words), data=data,
    )  # fmt: skip


@router.get("/articles/{code}", response_class=HTMLResponse)
def article(request: Request, db: Db, code: Annotated[str, Path(pattern=CODE)], lang: Lang = None) -> Response:
    page = views.article_page(db, code, language(request, lang))
    if page is None:
        raise HTTPException(404, f"no article {code!r}")
    data = [("article.data.article", f"/api/v1/articles/{code}"), ("article.data.points", f"/api/v1/points/{code}"),
            ("article.data.execution", f"/api/v1/execution/{code}"), ("article.data.facts", f"/api/v1/facts?subject={code}")]  # fmt: skip
    return render(request, "article.html", lang, titles=titles(db), data=data,
                  bridge=bridge_views.article_section(db, code), lineage=lineage_views.section(db, code),
                  **page)  # fmt: skip


@router.get("/programs/{code}", response_class=HTMLResponse)
def program(request: Request, db: Db, code: Annotated[str, Path(pattern=PROGRAM)], lang: Lang = None) -> Response:
    found = overview.subject_kind(db, code)
    if found is None or found["kind"] != "program":
        raise HTTPException(404, f"no program {code!r}")
    return subject_page(request, db, lang, code, queries.names(db).get(code, ""), "program", program=code)


@router.get("/ises/{key}", response_class=HTMLResponse)
def ise(request: Request, db: Db, key: Annotated[str, Path(pattern=ISE)], lang: Lang = None) -> Response:
    found = overview.subject_kind(db, key)
    if found is None or found["kind"] != "ise":
        raise HTTPException(404, f"no ISE {key!r}")
    return subject_page(request, db, lang, key, found["name"], "ise", ise=key, program=found["program"])


def subject_page(
    request: Request, db: Db, lang: str | None, subject: str, title: str, kind: str, *, program: str,
    ise: str | None = None,
) -> Response:  # fmt: skip
    """A program's or ISE's page: its figures over the years, execution, ISEs, and its articles."""
    members = f"/api/v1/members?ise={ise}" if ise else f"/api/v1/members?program={program}"
    data = [("subject.data.points", f"/api/v1/points/{subject}"),
            ("subject.data.execution", f"/api/v1/execution/{subject}"), ("subject.data.members", members)]  # fmt: skip
    articles = overview.member_articles(db, program=None if ise else program, ise=ise)
    return render(
        request, "subject.html", lang, titles=titles(db), subject=subject, subject_name=title, kind=kind,
        program=program, program_name=queries.names(db).get(program, ""),
        ises=overview.program_ises(db, program) if kind == "program" else [],
        members=articles, data=data,
        bridge=bridge_views.scope_section(db, None, None if ise else program, ise),
        lineage=lineage_views.members_section(db, [m["code"] for m in articles], ise) if ise
        else lineage_views.section(db, program),
        **views.history(db, subject, language(request, lang)),
    )  # fmt: skip


@router.get("/goals", response_class=HTMLResponse)
def goals(request: Request, db: Db, document: Doc, lang: Lang = None) -> Response:
    data = [("goals.data", "/api/v1/goals" + (f"?{urlencode({'document': document})}" if document else ""))]
    return render(request, "goals.html", lang, tree=queries.goals(db, document), data=data, titles=titles(db))


@router.get("/audit", response_class=HTMLResponse)
def audit(
    request: Request,
    db: Db,
    document: Doc,
    lang: Lang = None,
    severity: Annotated[str | None, Query(pattern=SEVERITY)] = None,
    rule: Annotated[str | None, Query(pattern=RULE)] = None,
    verdict: Annotated[str | None, Query(pattern=r"^(confirmed|false-positive|fixed|none)?$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The findings a page at a time (errors first), filtered by document, rule, severity and verdict."""
    filters = queries.FindingFilter(rule=rule or None, severity=severity or None, document=document,
                                    verdict=verdict or None)  # fmt: skip
    rows, total = queries.findings_page(db, filters, AUDIT_PAGE, (page - 1) * AUDIT_PAGE, by_severity=True)
    articles = queries.article_codes(db)
    chosen = (("severity", severity), ("rule", rule), ("document", document), ("verdict", verdict))
    query = urlencode([(k, v) for k, v in chosen if v])
    data = [("audit.data", "/api/v1/findings" + (f"?{query}" if query else ""))]
    pages = max(1, -(-total // AUDIT_PAGE))
    links = {n: "/audit?" + urlencode([*((k, v) for k, v in chosen if v), ("page", n)]) for n in (page - 1, page + 1)}
    return render(
        request, "audit.html", lang, groups=views.grouped_findings(rows), total=total,
        link=partial(views.finding_link, articles=articles), severity=severity, rule=rule, document=document,
        verdict=verdict, rules=queries.finding_rules(db), page=page, pages=pages, links=links,
        titles=titles(db), data=data,
    )  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, db: Db, lang: Lang = None, q: Annotated[str, Query(max_length=200, pattern=TEXT)] = ""
) -> Response:
    results = search_database(db, q, 100) if q.strip() else []
    total = count_matches(db, q) if q.strip() else 0
    data = [("search.data", f"/api/v1/search?q={quote(q)}&limit=100")] if q.strip() else []
    return render(request, "search.html", lang, q=q, results=results, total=total, titles=titles(db), data=data)


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
    if not a and not b and not sa and not sb:  # no choice made: like with like
        a, b, sa, sb = views.like_for_like(db, documents)
    else:
        first = views.like_for_like(db, documents)
        a = known_document(db, a) if a else first[0]
        b = known_document(db, b) if b else first[1]
    compared = views.comparison(db, a, b, sa or None, sb or None, credit) if a and b else None
    rows = compared["rows"] if compared else []
    stages = sorted(
        {s for name in {a, b} if name for s in queries.stages_of(db, name)}, key=lambda s: STAGE_ORDER.get(s, 9)
    )
    query = f"a={a}&b={b}&credit={credit}" + (f"&sa={sa}" if sa else "") + (f"&sb={sb}" if sb else "")
    data = [("compare.data", f"/api/v1/compare?{query}")] if a and b else []
    return render(
        request, "compare.html", lang, documents=names, a=a, b=b, sa=sa or "", sb=sb or "", credit=credit,
        rows=rows, compared=compared, stages=stages, labels=queries.names(db), titles=titles(db), data=data,
    )  # fmt: skip


@router.get("/glossary", response_class=HTMLResponse)
def glossary_page(request: Request, lang: Lang = None) -> Response:
    """Begrippenlijst: every term the pages use, explained (Dutch and English)."""
    return render(request, "glossary.html", lang, terms=glossary.entries(language(request, lang)))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request, lang: Lang = None) -> Response:
    """The OpenAPI description as a plain page (Swagger UI would need a CDN and inline scripts)."""
    return render(request, "api_docs.html", lang, spec=request.app.openapi())


@router.get("/static/vendor/plotly.min.js")
def plotly_js() -> Response:
    """plotly.min.js from the installed plotly package: the charts never depend on a CDN."""
    body = plotly_bundle()
    return Response(body, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})


def install(app: FastAPI) -> None:
    from . import review

    app.state.html_error = html_error
    app.include_router(router)
    app.include_router(review.router)  # answers 404 unless the server has a review token
    app.include_router(documents_router)
    app.include_router(documents_api)
    app.include_router(bridge_views.router)
    app.include_router(years_views.router)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
