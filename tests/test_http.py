"""HTTP details: HEAD, Allow on 405, If-None-Match, trusted Host names, control characters, unknown
documents, and spreadsheet-safe CSV; plus docs/web.md against the numbers in the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from begroot.api import cache
from begroot.app import create_app
from begroot.audit import audit_document, load_and_parse
from begroot.model import Document, Fact, Table
from begroot.store import Store
from begroot.store.schema import bridge_t
from begroot.testing import TextStyle, random_budget, render_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PAGES = ["/", "/goals", "/audit", "/compare", "/search?q=opleiding", "/articles/JB0-1JDB2CA-WT"]
API = ["/api/v1/documents", "/api/v1/programs", "/api/v1/ises", "/api/v1/articles", "/api/v1/findings",
       "/api/v1/goals", "/api/v1/facts", "/api/v1/facts.csv", "/api/v1/search?q=opleiding",
       "/api/v1/articles/JB0-1JDB2CA-WT", "/api/v1/timeline/JD", "/api/openapi.json"]  # fmt: skip


@pytest.fixture(scope="module")
def client(samples_db: str) -> TestClient:
    return TestClient(create_app(samples_db), base_url="http://localhost")


@pytest.mark.parametrize("path", PAGES + API + ["/static/style.css"])
def test_head_wherever_get(client: TestClient, path: str) -> None:
    got = client.get(path)
    head = client.head(path)
    assert got.status_code == head.status_code == 200
    assert head.content == b""
    assert head.headers.get("etag") == got.headers.get("etag")
    assert head.headers["content-type"] == got.headers["content-type"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_405_names_the_allowed_methods(client: TestClient, method: str) -> None:
    for path in ("/api/v1/documents", "/goals"):
        response = client.request(method, path)
        assert response.status_code == 405
        assert {m.strip() for m in response.headers["allow"].split(",")} == {"GET", "HEAD"}


@pytest.mark.parametrize("path", ["/api/v1/documents", "/api/v1/facts.csv", "/api/v1/articles/JB0-1JDB2CA-WT"])
def test_if_none_match_star_and_lists(client: TestClient, path: str) -> None:
    tag = client.get(path).headers["etag"]
    for _ in range(2):  # the first answer may come from the application, the second from the cache
        assert client.get(path, headers={"If-None-Match": "*"}).status_code == 304
        assert client.get(path, headers={"If-None-Match": f'"nope", {tag}'}).status_code == 304
        assert client.get(path, headers={"If-None-Match": f"W/{tag}"}).status_code == 304
        assert client.get(path, headers={"If-None-Match": '"nope", "other"'}).status_code == 200


def csv_urls(client: TestClient, bridged: str) -> list[str]:
    """A URL of every route that answers CSV (every one the OpenAPI documents with CSV, and the pages' twins),
    with real ids: a new CSV route is tested here without being named; `bridged`: an article with a bridge."""
    documents = [d["name"] for d in client.get("/api/v1/documents").json()]
    program = client.get("/api/v1/programs").json()[0]["code"]
    filled = {"{code}": bridged, "{subject}": program}
    queries = {"/api/v1/search": "q=opleiding", "/api/v1/treemap": f"document={documents[0]}",
               "/api/v1/bridge": f"document={documents[-1]}", "/api/v1/compare": f"a={documents[0]}&b={documents[1]}"}  # fmt: skip
    spec = client.get("/api/openapi.json").json()["paths"]
    page = client.get("/api/v1/facts", params={"document": documents[0], "limit": 1}).json()["items"][0]["page"]
    urls = [f"/api/v1/documents/{documents[0]}", f"/api/v1/documents/{documents[0]}/pages/{page}"]
    urls += [path for path, ops in spec.items() if "text/csv" in str(ops["get"]["responses"])]
    found = []
    for path in urls:
        for name, value in filled.items():
            path = path.replace(name, value)
        query = [part for part in (queries.get(path, ""), "" if path.endswith(".csv") else "format=csv") if part]
        found.append(f"{path}?{'&'.join(query)}" if query else path)
    return found


def audited(store: Store, path: Path) -> None:
    document, source = load_and_parse(path)
    store.ingest(document, [finding.as_dict() for finding in audit_document(document, source)], path.read_bytes())


def test_every_csv_route_is_streamed_with_the_documents_etag(db_url: str, tmp_path: Path) -> None:
    """Each CSV is sent in chunks as it is written (no Content-Length: never the whole text in memory), with an
    ETag known before anything is read, from the stored documents (not one server's memory: another server
    gives the same tag and its 304), this version and the URL; another document stored, another tag."""
    budget = random_budget(7, "Werk en Sociale Economie")
    generated = tmp_path / "generated.txt"  # a report whose articles have bridges, beside the samples
    generated.write_text(render_text(budget, "report", "BU", list(budget.years)[-1], TextStyle()).text, "utf-8")
    paths = [*sorted(SAMPLES.glob("*.txt")), generated]

    def server() -> TestClient:  # a server of its own: nothing cached
        return TestClient(create_app(db_url), base_url="http://localhost")

    with Store(db_url) as store:
        audited(store, paths[0])
    first = server().get("/api/v1/documents?format=csv")
    assert (
        server().get("/api/v1/documents?format=csv", headers={"If-None-Match": first.headers["etag"]}).status_code
        == 304
    )
    with Store(db_url) as store:
        for path in paths[1:]:
            audited(store, path)
        with store.engine.connect() as connection:
            bridged = connection.scalar(sa.select(bridge_t.c.article).limit(1))
    client = server()
    urls = csv_urls(client, bridged)
    assert len(urls) >= 20
    tags, rows = set(), 0
    for url in urls:
        got = client.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert got.status_code == 200, url
        assert got.headers["content-type"].startswith("text/csv"), url
        assert "content-length" not in got.headers, url  # streamed, not built whole
        assert got.text.count("\n") >= 1, url  # the header at least
        rows += got.text.count("\n") > 1
        assert server().get(url, headers={"If-None-Match": got.headers["etag"]}).status_code == 304, url
        tags.add(got.headers["etag"])
    assert len(tags) == len(urls) and first.headers["etag"] not in tags  # one per URL and per set of documents
    assert rows >= len(urls) - 3  # nearly all with rows (two samples of different kinds compare to nothing)


def test_only_trusted_host_names_are_served(samples_db: str) -> None:
    app = create_app(samples_db)
    assert TestClient(app, base_url="http://evil.example").get("/api/v1/documents").status_code == 400
    for host in ("localhost", "127.0.0.1", "127.0.0.1:8000"):
        assert TestClient(app, base_url=f"http://{host}").get("/api/v1/documents").status_code == 200
    extended = create_app(samples_db, allowed_hosts=["0.0.0.0", "budget.example"])
    assert TestClient(extended, base_url="http://budget.example").get("/").status_code == 200
    assert TestClient(extended, base_url="http://0.0.0.0").get("/").status_code == 400  # a wildcard is no name


@pytest.mark.parametrize(
    "path",
    ["/api/v1/articles?q=a%00b", "/api/v1/search?q=a%00b", "/api/v1/facts?document=x%01", "/api/v1/documents?x=%1b",
     "/search?q=a%00b", "/?document=a%0ab"],
)  # fmt: skip
def test_control_characters_are_422(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    if path.startswith("/api/"):
        assert response.json()["error"] == "invalid parameter"
    else:
        assert "text/html" in response.headers["content-type"]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/facts?document=nope", "/api/v1/facts.csv?document=nope", "/api/v1/goals?document=nope",
     "/api/v1/articles?document=nope", "/api/v1/findings?document=nope", "/api/v1/articles/JB0-1JDB2CA-WT?document=nope",
     "/?document=nope", "/goals?document=nope", "/compare?a=nope"],
)  # fmt: skip
def test_unknown_document_is_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "nope" in response.text


def test_api_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    """A text cell that a spreadsheet would run (here a subject printed as '=1+1') gets the OWASP
    apostrophe; numbers, negative ones included, are left as they are."""
    url = f"sqlite:///{tmp_path / 'f.sqlite'}"
    facts = [Fact("evil", "program", subject, "total", "VAK", 2023, "DELTA", value, 1, 1)
             for subject, value in (("=1+1", 5), ("@SUM(A1)", -7), ("JD", -12))]  # fmt: skip
    table = Table(0, "summary", "program", "JD", "t", 1, 1, facts=facts)
    with Store(url) as store:
        store.ingest(Document("evil", "report", "BU", 2023, "Werk", sha256="e" * 64, tables=[table]))
    body = TestClient(create_app(url), base_url="http://localhost").get("/api/v1/facts.csv").text
    rows = [line.split(",") for line in body.strip().splitlines()[1:]]
    assert [(row[2], row[7]) for row in rows] == [("'=1+1", "5"), ("'@SUM(A1)", "-7"), ("JD", "-12")]


def test_docs_web_states_the_cache_limits_of_the_code() -> None:
    text = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "cached per" in line.lower())
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\b", line)]
    assert cache.MAX_ENTRIES in numbers
    assert cache.MAX_BODY // 1_000_000 in numbers and cache.MAX_BYTES // 1_000_000 in numbers


@pytest.mark.parametrize("threads", [None, 5])
def test_thread_pool_is_sized_for_the_database(samples_db: str, threads: int | None) -> None:
    """On SQLite the routes' queries are CPU work: a few threads by default; PostgreSQL keeps anyio's 40."""
    import anyio.to_thread

    expected = threads or (2 if samples_db.startswith("sqlite") else 40)
    with TestClient(create_app(samples_db, threads=threads), base_url="http://localhost") as client:
        assert client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens) == expected
        assert client.get("/api/v1/documents").status_code == 200
