"""A page per document, its pages one by one (the PDF page as an image with every figure read from it
boxed, or the text page's lines), and the original file as ingested."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.engine import Connection

from ..api.responses import reply
from ..api.routes import CREDIT, DOCUMENT, STAGE, Db, known_document
from ..identity import slug
from ..pageview import SCALE, PageCache, cache_folder, cached_page, image_key, page_lines, render_page
from ..store import documents
from ..store.originals import read_original
from . import i18n
from .render import language, render, templates, titles
from .review import FINDING_ID

_MAKING_CACHE = threading.Lock()
router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1", include_in_schema=False)  # the pages' JSON/CSV twins
DocumentRef = Annotated[str, Path(pattern=DOCUMENT)]
Lang = Annotated[str | None, Query(pattern=r"^(nl|en)$")]
Format = Annotated[str, Query(pattern=r"^(json|csv)$")]


@router.get("/documents/{reference}/original")
async def original(db: Db, reference: DocumentRef) -> Response:
    """The file as it was ingested, under its own name and content type."""
    found = await run_in_threadpool(_original, db, reference)
    row, data = found
    headers = {"Content-Disposition": attachment(row["file_name"] or row["name"]), "Cache-Control": "no-cache"}
    return Response(data, media_type=row["media_type"], headers=headers)


def _original(db: Db, reference: str) -> tuple[dict[str, Any], bytes]:
    found = read_original(db, known_document(db, reference))
    if found is None:
        raise HTTPException(404, f"the original of {reference!r} was not kept (ingested by an older begroot)")
    return found


def attachment(file_name: str) -> str:
    """Content-Disposition naming the file: an ASCII fallback and the name itself (RFC 6266/5987)."""
    fallback = slug(file_name.rsplit(".", 1)[0]) + ("." + file_name.rsplit(".", 1)[1] if "." in file_name else "")
    if file_name.isascii() and file_name.isprintable() and '"' not in file_name and "\\" not in file_name:
        fallback = file_name
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name)}"


# --------------------------------------------------------------------------- the document's page


def page_cache(request: Request) -> PageCache:
    """The application's page cache, made on first use beside its database."""
    state = request.app.state
    with _MAKING_CACHE:  # one cache per application: two would each render the same page once
        if getattr(state, "page_cache", None) is None:
            state.page_cache = PageCache(cache_folder(state.engine.url.render_as_string(hide_password=False)))
    cache: PageCache = state.page_cache
    return cache


def document_data(db: Connection, reference: str) -> dict[str, Any]:
    found = documents.detail(db, known_document(db, reference))
    if found is None:
        raise HTTPException(404, f"no document {reference!r}")
    return found


@router.get("/documents/{reference}", response_class=HTMLResponse)
def document_page(request: Request, db: Db, reference: DocumentRef, lang: Lang = None) -> Response:

    found = document_data(db, reference)
    data = [("document.data", f"/api/v1/documents/{quote(found['name'])}")]
    return render(request, "document.html", lang, doc=found, titles=titles(db), data=data,
                  severities=("error", "warning", "info"))  # fmt: skip


@api.get("/documents/{reference}")
def document_api(request: Request, db: Db, reference: DocumentRef, format: Format = "json") -> Response:
    """JSON: the document with its counts, what was left out, findings and neighbours; CSV: its findings."""
    found = document_data(db, reference)
    rows = [{k: v for k, v in f.items() if k != "place"} for f in found["findings"]]
    return reply(request, found, format, rows, name=found["name"])


# --------------------------------------------------------------------------- one page


@dataclass
class Selection:
    """What a page view marks: a line, a fact (by id, or by what it is: the figure on `line` with this
    value, credit, stage and year, as pages that know a figure but not its id link it) or a finding."""

    line: int | None = None
    fact: int | None = None
    finding: str | None = None
    value: int | None = None
    credit: str | None = None
    stage: str | None = None
    year: int | None = None

    def pick(self, figures: list[dict[str, Any]]) -> None:
        """Resolve a figure named by what it is to its fact id."""
        if self.fact is not None or self.value is None or self.line is None:
            return
        wanted = {"source_line": self.line, "value": self.value, "credit": self.credit, "stage": self.stage,
                  "year": self.year}  # fmt: skip
        for figure in figures:
            if all(v is None or figure[k] == v for k, v in wanted.items()):
                self.fact = figure["id"]
                return


def source_link(
    document: str, page: int | None, line: int | None = None, value: int | None = None, credit: str | None = None,
    stage: str | None = None, year: int | None = None, finding: str | None = None,
) -> str:  # fmt: skip
    """The page view of a figure (or line, or finding) as its source: every page that shows a figure
    with where it was printed links it here, the figure selected."""
    chosen = (("line", line), ("value", value), ("credit", credit), ("stage", stage), ("year", year),
              ("finding", finding))  # fmt: skip
    query = urlencode([(k, v) for k, v in chosen if v is not None])
    return (
        f"/documents/{quote(document)}/pages/{page or 1}"
        + (f"?{query}" if query else "")
        + (f"#L{line}" if line else "")
    )


def permanent_link(data: dict[str, Any], number: int, line: int | None, finding: str | None) -> str:
    """The selection named by what it is (line, value, credit, stage, year), not by a fact's row id:
    row ids change when a document is ingested again, the figure's place and key do not."""
    doc = data["document"]
    figure = next((f for f in data["figures"] if f["id"] == data["selected"]["fact"]), None)
    if figure is None:
        return source_link(doc["name"], number, line, finding=finding)
    return source_link(
        doc["name"], number, figure["source_line"], figure["value"], figure["credit"], figure["stage"],
        figure["year"], finding,
    )  # fmt: skip


def page_data(request: Request, db: Connection, reference: str, number: int, chosen: Selection) -> dict[str, Any]:
    """A page of a document with its lines, the figures read from it (boxed where the page is drawn)
    and its findings, the selection marked."""
    name = known_document(db, reference)
    doc = documents.document(db, name)
    assert doc is not None
    if not 1 <= number <= doc["page_count"]:
        raise HTTPException(404, f"{name} has {doc['page_count']} pages, not page {number}")
    if not doc["original"]:
        raise HTTPException(404, f"the original of {name} was not kept (ingested by an older begroot)")
    page = cached_page(page_cache(request), doc["sha256"], doc["file_name"] or name,
                       lambda: _original(db, name)[1], number)  # fmt: skip
    facts = documents.page_facts(db, name, number)
    findings = documents.page_findings(db, name, number)
    lines = page_lines(page, facts, findings)
    figures = [figure for line in lines for figure in line["figures"]]
    chosen.pick(figures)
    selected = selected_lines(chosen, figures, findings)
    return {
        "document": {
            k: doc[k] for k in ("name", "title", "file_name", "kind", "stage", "year", "domain", "format", "page_count")
        },
        "page": number,
        "width": page.width,
        "height": page.height,
        "lines": lines,
        "figures": figures,
        "findings": [{k: v for k, v in f.items() if k != "locations"} for f in findings],
        "selected": {"lines": sorted(selected), "fact": chosen.fact, "finding": chosen.finding},
    }


def selected_lines(chosen: Selection, figures: list[dict[str, Any]], findings: list[dict[str, Any]]) -> set[int]:
    lines = {chosen.line} if chosen.line else set()
    lines |= {f["source_line"] for f in figures if f["id"] == chosen.fact}
    lines |= {n for f in findings if f["finding_id"] == chosen.finding for n in f["lines"]}
    return lines


def citation(data: dict[str, Any], lang: str) -> str | None:
    """One line naming the selected figure (or line) as a reader would cite it."""
    doc, lines = data["document"], data["selected"]["lines"]
    chosen = next((f for f in data["figures"] if f["id"] == data["selected"]["fact"]), None)
    if chosen is None and not lines:
        return None
    say = partial(i18n.translate, lang)
    parts = [doc["title"] or doc["file_name"] or doc["name"], f"{doc['stage']} {doc['year']}",
             f"{say('page')} {data['page']}"]  # fmt: skip
    parts.append(f"{say('line')} {chosen['source_line'] if chosen else lines[0]}")
    if chosen is not None:
        parts.append(f"{chosen['subject']} {chosen['credit']} {chosen['stage']} {chosen['year']}: "
                     f"{i18n.number(chosen['value'], lang)} keuro")  # fmt: skip
    return ", ".join(parts)


PageNumber = Annotated[int, Path(ge=0, le=2**31 - 1)]  # out of range: 404 (page_data)
LineQuery = Annotated[int | None, Query(ge=1, le=10_000_000)]
IdQuery = Annotated[int | None, Query(ge=1, le=2**62)]
FindingQuery = Annotated[str | None, Query(pattern=FINDING_ID)]  # the finding's one stable id
ValueQuery = Annotated[int | None, Query(ge=-(2**62), le=2**62)]
CreditQuery = Annotated[str | None, Query(pattern=CREDIT)]
StageQuery = Annotated[str | None, Query(pattern=STAGE)]
YearQuery = Annotated[int | None, Query(ge=1990, le=2100)]


@router.get("/documents/{reference}/pages/{number}.png")
async def page_image(request: Request, db: Db, reference: DocumentRef, number: PageNumber) -> Response:
    """A PDF page drawn as PNG (made once, then from the cache); off the event loop."""
    body = await run_in_threadpool(_page_image, request, db, reference, number)
    return Response(body, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})


def _page_image(request: Request, db: Connection, reference: str, number: int) -> bytes:
    name = known_document(db, reference)
    doc = documents.document(db, name)
    assert doc is not None
    if doc["format"] != "pdf":
        raise HTTPException(404, f"{name} is a text document: its pages are lines, not images")
    if not 1 <= number <= doc["page_count"]:
        raise HTTPException(404, f"{name} has {doc['page_count']} pages, not page {number}")
    key = image_key(doc["sha256"], number, SCALE)
    return page_cache(request).get(key, lambda: render_page(_original(db, name)[1], number))


@router.get("/documents/{reference}/pages/{number}", response_class=HTMLResponse)
def page_view(
    request: Request, db: Db, reference: DocumentRef, number: PageNumber, lang: Lang = None,
    line: LineQuery = None, fact: IdQuery = None, finding: FindingQuery = None, value: ValueQuery = None,
    credit: CreditQuery = None, stage: StageQuery = None, year: YearQuery = None,
) -> Response:  # fmt: skip

    chosen = Selection(line, fact, finding, value, credit, stage, year)
    data = page_data(request, db, reference, number, chosen)
    doc = data["document"]
    base = f"/documents/{quote(doc['name'])}/pages"
    query = urlencode([(k, v) for k, v in (("line", line), ("fact", chosen.fact), ("finding", finding)) if v])
    permalink = str(request.base_url).rstrip("/") + permanent_link(data, number, line, finding)
    api_url = f"/api/v1/documents/{quote(doc['name'])}/pages/{number}" + (f"?{query}" if query else "")
    return render(request, "page.html", lang, view=data, base=base, permalink=permalink,
                  cite=citation(data, language(request, lang)), data=[("page.data", api_url)])  # fmt: skip


@api.get("/documents/{reference}/pages/{number}")
def page_api(
    request: Request, db: Db, reference: DocumentRef, number: PageNumber, line: LineQuery = None,
    fact: IdQuery = None, finding: FindingQuery = None, value: ValueQuery = None, credit: CreditQuery = None,
    stage: StageQuery = None, year: YearQuery = None, format: Format = "json",
) -> Response:  # fmt: skip
    """JSON: the page's lines, figures (with boxes) and findings; CSV: its figures."""
    chosen = Selection(line, fact, finding, value, credit, stage, year)
    data = page_data(request, db, reference, number, chosen)
    rows = [{k: v for k, v in f.items() if k not in ("span", "box")} for f in data["figures"]]
    return reply(request, data, format, rows, name=f"{data['document']['name']}-p{number}")


templates.env.globals["source_link"] = source_link
