"""The JSON API under /api/v1: read-only, every parameter validated, every query parametrised."""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import contextmanager_in_threadpool, run_in_threadpool
from fastapi.responses import Response
from sqlalchemy.engine import Connection, Engine

from ..formula import csv_safe_rows
from ..model import FACT_COLUMNS
from ..store import queries
from ..store.queries import ArticleFilter, FactFilter, FindingFilter
from ..store.search import count as count_matches
from ..store.search import search as search_database
from ..store.store import resolve_document
from . import models
from .cache import Counts
from .responses import json_reply, reply, streamed_csv

ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": models.Error, "description": "Unknown document, article or subject"},
    422: {"model": models.Error, "description": "A parameter out of its pattern or range"},
}
router = APIRouter(prefix="/api/v1", tags=["begroot"], responses=ERRORS)
CSV_CONTENT = {"text/csv": {"schema": {"type": "string"}}}
# The dashboard's data: JSON of its own shape (docs/web.md), or CSV with `format=csv`.
JSON_OR_CSV: dict[int | str, dict[str, object]] = {
    200: {"description": "JSON, or CSV with format=csv", "content": {"application/json": {"schema": {}}, **CSV_CONTENT}}
}


def answers(model: object, csv: bool = True) -> dict[int | str, dict[str, object]]:
    """The 200 answer documented: the JSON model, and CSV (`format=csv`) where the route offers it."""
    answer: dict[str, object] = {"model": model}
    if csv:
        answer["content"] = CSV_CONTENT
    return {200: answer}


# Patterns shared with the web pages: what a code, key or name may look like.
CODE = r"^[A-Za-z0-9][A-Za-z0-9-]{1,40}$"
PROGRAM = r"^[A-Za-z0-9]{1,8}$"
ISE = r"^[A-Za-z0-9]{1,8}:[A-Za-z0-9-]{1,80}$"
GOAL = r"^(SD|OD) \d{1,3}$"
SUFFIX = r"^[A-Za-z0-9]{1,4}$"
# A document is named by its id, sha256 or file name (any characters but control characters).
DOCUMENT = r"^[^\x00-\x1f\x7f]{1,200}$"
TEXT = r"^[^\x00-\x1f\x7f]*$"
SUBJECT = r"^[A-Za-z0-9:_.\- ]{1,120}$"
CREDIT = r"^(VAK|VEK|AO|TO|LO)$"
STAGE = r"^(BO|BA|BA-JR|BU|DELTA)$"
SCOPE = r"^(total|program|ise|article)$"
ROW = r"^(total|esr|is|other)$"
RULE = r"^[a-z][a-z-]{0,59}$"
SEVERITY = r"^(error|warning|info)$"
CURSOR = r"^\d{1,12}\.\d{1,12}$"

Limit = Annotated[int, Query(ge=1, le=500)]
VERDICT = r"^(confirmed|false-positive|fixed|none)$"
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Format = Annotated[str, Query(pattern=r"^(json|csv)$", description="json (default) or csv")]


# The dependencies are `async def`: FastAPI runs a plain `def` dependency in the thread pool, a hop
# (and a wait for the GIL under load) that costs more than the work of most of them. Only the route
# itself, which runs the queries, goes to a thread (on SQLite, not even that for `one_page` routes).


async def connect(request: Request) -> AsyncIterator[Connection]:
    """A pooled connection for the request. A SQLite one is taken and given back right here on the event
    loop (microseconds, no I/O once the pool holds it); a server database's checkout and return are
    network round trips (pre-ping, rollback), so they go to the thread pool as for a plain dependency."""
    engine: Engine = request.app.state.engine
    if engine.dialect.name != "sqlite":
        async with contextmanager_in_threadpool(engine.connect()) as connection:
            yield connection
        return
    with engine.connect() as connection:
        yield connection


Db = Annotated[Connection, Depends(connect)]


def known_document(db: Connection, reference: str) -> str:
    """The id of the one document a reference names (id, sha256 or file name); 404 otherwise."""
    ids = resolve_document(db, reference)
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise HTTPException(404, f"no document {reference!r}")
    raise HTTPException(404, f"{reference!r} names {len(ids)} documents ({', '.join(ids)}): give the id")


async def document_reference(
    db: Db,
    document: Annotated[
        str | None, Query(pattern=DOCUMENT, description="document id (or its sha256, or its file name)")
    ] = None,
) -> str | None:
    """The document named, looked up in a thread (a query); most requests name none and need no hop."""
    return None if document is None else await run_in_threadpool(known_document, db, document)


Doc = Annotated[str | None, Depends(document_reference)]


async def fact_filter(
    document: Doc,
    scope: Annotated[str | None, Query(pattern=SCOPE)] = None,
    subject: Annotated[str | None, Query(pattern=SUBJECT)] = None,
    row: Annotated[str | None, Query(pattern=ROW)] = None,
    credit: Annotated[str | None, Query(pattern=CREDIT)] = None,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    stage: Annotated[str | None, Query(pattern=STAGE)] = None,
) -> FactFilter:
    return FactFilter(document, scope, subject, row, credit, year, stage)


def one_page(route: Callable[..., Response]) -> Callable[..., Awaitable[Response]]:
    """For a route whose work is one page of bounded size: about a millisecond; on the 500-document
    database 30 ms for 5,000 facts, 0.1 s at worst for a deep offset into a filter that no index orders
    (the cursor, `after`, goes straight to its page instead).

    On SQLite its queries are CPU work in this process, which a thread does not make any faster: the
    hop to the thread pool and the hand-offs of the GIL between the thread and the event loop cost
    about a fifth of such a request. So it runs right on the event loop. Routes whose work has no such
    bound (the pages, the exports) stay in the thread pool, so that they never hold up the loop; on a
    server database every route does, as its queries wait on the network.
    """

    @functools.wraps(route)
    async def endpoint(request: Request, *args: Any, **kwargs: Any) -> Response:
        if request.app.state.pages_on_loop:
            return route(request, *args, **kwargs)
        return await run_in_threadpool(route, request, *args, **kwargs)

    return endpoint


def counted(request: Request, filters: Hashable, count: Callable[[], int]) -> int:
    """The total of a filter, counted once while the documents stay the same (api/cache.py `Counts`)."""
    counts: Counts = request.app.state.counts
    return counts.get(filters, count)


def page_links(request: Request, total: int, limit: int, offset: int) -> dict[str, str]:
    """An RFC 8288 Link header with next / prev pages, when there are any."""
    links = []
    if offset + limit < total:
        links.append(f'<{request.url.include_query_params(offset=offset + limit, limit=limit)}>; rel="next"')
    if offset > 0:
        links.append(f'<{request.url.include_query_params(offset=max(0, offset - limit), limit=limit)}>; rel="prev"')
    return {"Link": ", ".join(links)} if links else {}


@router.get("/documents", summary="The stored documents", responses=answers(list[models.Document]))
def documents(request: Request, db: Db, format: Format = "json") -> Response:
    return reply(request, queries.documents(db), format, name="documents")


@router.get("/programs", summary="Programs, one per code", responses=answers(list[models.Program], csv=False))
def programs(request: Request, db: Db) -> Response:
    return json_reply(request, queries.programs(db))


@router.get("/ises", summary="Inhoudelijke structuurelementen (ISEs)", responses=answers(list[models.Ise], csv=False))
def ises(request: Request, db: Db) -> Response:
    return json_reply(request, queries.ises(db))


@router.get("/articles", summary="Budget articles, filtered and paginated", responses=answers(models.ArticlePage))
@one_page
def articles(
    request: Request,
    db: Db,
    document: Doc,
    program: Annotated[str | None, Query(pattern=PROGRAM)] = None,
    ise: Annotated[str | None, Query(pattern=ISE)] = None,
    od: Annotated[str | None, Query(pattern=GOAL, description="goal code, e.g. 'OD 1'")] = None,
    suffix: Annotated[str | None, Query(pattern=SUFFIX)] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=100, pattern=TEXT, description="text in code or name")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> Response:
    filters = ArticleFilter(program, ise, od, suffix, document, q)
    total = counted(request, filters, lambda: queries.count_articles(db, filters))
    items = queries.articles_page(db, filters, limit, offset)
    payload = {"total": total, "limit": limit, "offset": offset, "items": items}
    return reply(request, payload, format, items, page_links(request, total, limit, offset), "articles")


@router.get(
    "/articles/{code}", summary="One article with its facts, texts, goals and tables", responses=answers(models.Article)
)
def article(
    request: Request, db: Db, code: Annotated[str, Path(pattern=CODE)], document: Doc, format: Format = "json"
) -> Response:
    """JSON: the article with everything; CSV: its facts."""
    found = queries.article(db, code, document)
    if found is None:
        raise HTTPException(404, f"no article {code!r}")
    return reply(request, found, format, found["facts"], name=code)


@router.get(
    "/timeline/{subject}",
    summary="Every stored figure of a subject across documents",
    responses=answers(list[models.TimelinePoint]),
)
def timeline(
    request: Request,
    db: Db,
    subject: Annotated[str, Path(pattern=SUBJECT)],
    credit: Annotated[str | None, Query(pattern=CREDIT)] = None,
    format: Format = "json",
) -> Response:
    rows = queries.timeline(db, subject, credit)
    if not rows:
        raise HTTPException(404, f"no figures for {subject!r}")
    return reply(request, rows, format, name="timeline")


@router.get(
    "/goals", summary="SD -> OD tree with the articles serving each OD", responses=answers(list[models.StrategicGoal])
)
def goals(request: Request, db: Db, document: Doc, format: Format = "json") -> Response:
    """JSON: the tree. CSV: one row per OD and article it serves (an OD without articles: one row)."""
    tree = queries.goals(db, document)
    return reply(request, tree, format, goal_rows(tree), name="goals")


def goal_rows(tree: list[dict[str, object]]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for sd in tree:
        for od in sd["ods"]:  # type: ignore[attr-defined]
            base = {"sd": sd["code"], "sd_title": sd["title"], "od": od["code"], "od_title": od["title"]}
            for article in od["articles"] or [{}]:
                budget = article.get("budget", {})
                rows.append(base | {"article": article.get("code"), "name": article.get("name")} | budget)
    return rows


@router.get("/findings", summary="Audit findings, a page at a time", responses=answers(models.FindingPage))
def findings(
    request: Request,
    db: Db,
    document: Doc,
    rule: Annotated[str | None, Query(pattern=RULE)] = None,
    severity: Annotated[str | None, Query(pattern=SEVERITY)] = None,
    subject: Annotated[str | None, Query(pattern=SUBJECT)] = None,
    verdict: Annotated[str | None, Query(pattern=VERDICT, description="the latest verdict; none: not reviewed")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Format = "json",
) -> Response:
    """`total` is the number of findings that match the filters (not the page size); Link headers page on.
    Not cached by filter: a review changes the count of a verdict without changing the documents."""
    filters = FindingFilter(rule, severity, document, subject, verdict)
    items, total = queries.findings_page(db, filters, limit, offset)
    payload = {"total": total, "limit": limit, "offset": offset, "items": items}
    return reply(request, payload, format, items, page_links(request, total, limit, offset), "findings")


@router.get(
    "/search", summary="Dutch-aware full-text search with highlighted snippets", responses=answers(models.SearchResults)
)
@one_page
def search(
    request: Request,
    db: Db,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=TEXT)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    format: Format = "json",
) -> Response:
    results = search_database(db, q, limit)
    total = count_matches(db, q)  # every match, not the page size
    return reply(request, {"query": q, "total": total, "results": results}, format, results, name="search")


@router.get("/facts", summary="The fact table, filtered and paginated", responses=answers(models.FactPage))
@one_page
def facts(
    request: Request,
    db: Db,
    filters: Annotated[FactFilter, Depends(fact_filter)],
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    offset: Offset = 0,
    after: Annotated[
        str | None,
        Query(pattern=CURSOR, description="cursor: the `next` of the previous page (keyset pagination, any depth)"),
    ] = None,
    format: Format = "json",
) -> Response:
    """Pages by `offset`, or by cursor: `after` = the `next` of the previous page, as deep as one likes
    (with both, the offset counts from the cursor)."""
    cursor = tuple(int(part) for part in after.split(".")) if after else None
    total = counted(request, filters, lambda: queries.count_facts(db, filters))
    items, last = queries.facts_page(db, filters, limit, offset, cursor)  # type: ignore[arg-type]
    following = f"{last[0]}.{last[1]}" if last else None
    payload = {"total": total, "limit": limit, "offset": offset, "next": following, "items": items}
    if after is None:
        links = page_links(request, total, limit, offset)
    else:
        links = {"Link": f'<{request.url.include_query_params(after=following)}>; rel="next"'} if following else {}
    return reply(request, payload, format, items, links, "facts")


@router.get(
    "/facts.csv",
    summary="The fact table as CSV (same filters as /facts, no pagination)",
    response_class=Response,
    responses={200: {"content": CSV_CONTENT, "description": "CSV, header first"}},
)
def facts_csv(request: Request, filters: Annotated[FactFilter, Depends(fact_filter)]) -> Response:
    """Streamed a few thousand rows at a time from a connection of its own (the request's is given back
    before the body is sent): memory stays flat however many facts match. The ETag comes from the stored
    documents and the query, so a client holding the table gets a 304 without a row being read."""
    engine: Engine = request.app.state.engine
    disposition = {"Content-Disposition": 'attachment; filename="facts.csv"'}
    return streamed_csv(request, lambda: fact_csv_chunks(engine, filters), disposition)


CSV_BATCH = 5000  # rows per chunk sent: large enough that the per-chunk cost vanishes, small in memory


def fact_csv_chunks(engine: Engine, filters: FactFilter) -> Iterator[bytes]:
    """The fact table as CSV, header first, in chunks of CSV_BATCH rows (a plain iterator: Starlette runs it
    in the thread pool, so the queries never block the event loop)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FACT_COLUMNS)
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=CSV_BATCH).execute(
            queries.iter_facts_query(filters)
        )
        for batch in result.partitions(CSV_BATCH):
            writer.writerows(csv_safe_rows(tuple(row) for row in batch))
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()
