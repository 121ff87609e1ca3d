"""The JSON API and the pages through FastAPI's TestClient, against the samples in a temp SQLite database."""

from __future__ import annotations

import csv
import io
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from begroot.app import create_app
from begroot.audit import load_and_parse
from begroot.parse import extract
from begroot.store import Store
from conftest import postgres_schema_url
from webdb import SAMPLES

ARTICLE = "JB0-1JDB2CA-WT"  # DOELGROEPVERMINDERINGEN SOCIALE ZEKERHEID
REPORT = "000_487494d7f3174438"
SLIDES = "003_99a07576850413ae"


@pytest.fixture(scope="session")
def db_url(samples_db: str) -> str:
    return samples_db  # SQLite, and PostgreSQL when available (conftest)


@pytest.fixture(scope="session")
def client(db_url: str) -> TestClient:
    return TestClient(create_app(db_url), base_url="http://localhost")


# --------------------------------------------------------------------------- endpoints


def test_documents(client: TestClient) -> None:
    body = client.get("/api/v1/documents").json()
    assert [d["name"] for d in body] == [REPORT, SLIDES]
    assert body[0]["kind"] == "report" and body[0]["facts"] > 0


def test_programs_and_ises(client: TestClient) -> None:
    programs = {p["code"]: p["name"] for p in client.get("/api/v1/programs").json()}
    assert programs["JD"] == "Werk"
    keys = {i["key"] for i in client.get("/api/v1/ises").json()}
    assert "JD:activering" in keys


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("program=JD", lambda a: a["program"] == "JD"),
        ("ise=JD:activering", lambda a: a["ise"] == "JD:activering"),
        ("od=OD 1", lambda a: "OD 1" in a["goals"]),
        ("suffix=WT", lambda a: a["suffix"] == "WT"),
        (f"document={REPORT}", lambda a: a["document"] == REPORT),
        ("q=doelgroep", lambda a: "doelgroep" in a["name"].lower()),
    ],
)
def test_article_filters(client: TestClient, query: str, check: object) -> None:
    body = client.get(f"/api/v1/articles?{query}&limit=500").json()
    assert body["total"] == len(body["items"]) > 0
    assert all(check(item) for item in body["items"])  # type: ignore[operator]


def test_od_filter_is_exact(client: TestClient) -> None:
    body = client.get("/api/v1/articles", params={"od": "OD 1", "limit": 500}).json()
    assert all("OD 1" in a["goals"] for a in body["items"])
    assert not any(a["goals"] == ["OD 10"] for a in body["items"])


def test_article_pagination(client: TestClient) -> None:
    first = client.get("/api/v1/articles?limit=10")
    body = first.json()
    assert body["total"] == 50 and len(body["items"]) == 10
    assert 'rel="next"' in first.headers["link"] and 'rel="prev"' not in first.headers["link"]
    last = client.get("/api/v1/articles?limit=10&offset=40")
    assert 'rel="prev"' in last.headers["link"] and 'rel="next"' not in last.headers["link"]
    codes = set()
    for offset in range(0, 50, 10):
        codes |= {
            (a["document"], a["code"]) for a in client.get(f"/api/v1/articles?limit=10&offset={offset}").json()["items"]
        }
    assert len(codes) == 50


def test_article_equals_parsed_facts(client: TestClient) -> None:
    body = client.get(f"/api/v1/articles/{ARTICLE}").json()
    assert body["name"] == "DOELGROEPVERMINDERINGEN SOCIALE ZEKERHEID"
    assert "292.136 keuro" in body["explanation"] and body["summary"]
    assert body["goals"] == ["OD 1"] and body["goal_details"][0]["code"] == "OD 1"
    assert body["generic_tables"] and body["generic_tables"][0]["rows"]
    parsed = extract(SAMPLES / f"{REPORT}.txt")
    expected = {
        (f.credit, f.year, f.stage, f.row): (f.value, f.page, f.source_line)
        for f in parsed.facts
        if f.subject == ARTICLE
    }
    served = {
        (f["credit"], f["year"], f["stage"], f["row"]): (f["value"], f["page"], f["source_line"])
        for f in body["facts"]
        if f["document"] == REPORT
    }
    assert served == expected
    assert expected[("VAK", 2023, "BU", "total")][0] == 292136


def test_timeline(client: TestClient) -> None:
    rows = client.get("/api/v1/timeline/JD", params={"credit": "VEK"}).json()
    assert {r["document"] for r in rows} == {REPORT, SLIDES}
    assert all(r["credit"] == "VEK" and r["subject"] == "JD" for r in rows)
    assert client.get("/api/v1/timeline/NOTHING").status_code == 404


def test_goals_tree(client: TestClient) -> None:
    tree = client.get("/api/v1/goals").json()
    sd1 = next(sd for sd in tree if sd["code"] == "SD 1")
    od1 = next(od for od in sd1["ods"] if od["code"] == "OD 1")
    article = next(a for a in od1["articles"] if a["code"] == ARTICLE)
    assert article["budget"]["VAK BU"] == 292136


def test_findings_filters(client: TestClient) -> None:
    everything = client.get("/api/v1/findings", params={"limit": 500}).json()
    assert everything["items"] and everything["total"] >= len(everything["items"])
    warnings = client.get("/api/v1/findings?severity=warning").json()["items"]
    assert warnings and all(f["severity"] == "warning" for f in warnings)
    rule = client.get("/api/v1/findings?rule=prose-mismatch").json()["items"]
    assert rule and all(f["rule"] == "prose-mismatch" for f in rule)
    by_doc = client.get(f"/api/v1/findings?document={SLIDES}").json()["items"]
    assert by_doc and all(f["document"] == SLIDES for f in by_doc)
    subject = client.get("/api/v1/findings", params={"subject": ARTICLE}).json()["items"]
    assert subject and all(f["subject"] == ARTICLE for f in subject)
    assert all(f["locations"] for f in subject)


def test_findings_honour_limit_and_offset_with_the_true_total(client: TestClient) -> None:
    first = client.get("/api/v1/findings?limit=5").json()
    assert len(first["items"]) == 5 and first["total"] > 5 and first["limit"] == 5
    second = client.get("/api/v1/findings?limit=5&offset=5").json()
    assert second["total"] == first["total"]
    ids = [f["finding_id"] for f in first["items"] + second["items"]]
    assert len(set(ids)) == 10  # the pages do not overlap
    every = client.get("/api/v1/findings", params={"limit": 500}).json()
    assert [f["finding_id"] for f in every["items"][:10]] == ids
    infos = client.get("/api/v1/findings?severity=info&limit=1").json()
    assert infos["total"] == sum(f["severity"] == "info" for f in every["items"]) and len(infos["items"]) == 1
    assert client.get("/api/v1/findings?verdict=none&limit=1").json()["total"] == every["total"]
    assert client.get("/api/v1/findings?verdict=confirmed").json() == {
        "total": 0,
        "limit": 100,
        "offset": 0,
        "items": [],
    }
    response = client.get("/api/v1/findings?limit=5&offset=5")
    assert 'rel="next"' in response.headers["link"] and 'rel="prev"' in response.headers["link"]


def test_search_is_dutch_aware(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "opleiding"}).json()
    articles = [r for r in body["results"] if r["kind"] == "article"]
    assert articles, "'opleiding' should find articles whose text says 'opleidingen'"
    detail = client.get(f"/api/v1/articles/{articles[0]['key']}").json()
    text = (detail["summary"] + detail["explanation"]).lower()
    assert "opleiding" in text
    assert any("<mark>opleidingen</mark>" in r["snippet"].lower() for r in body["results"])


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database of its own, on each backend (the session's samples database stays untouched)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'own.sqlite'}"
    else:
        yield from postgres_schema_url()


def test_search_folds_accents_and_escapes(empty_db: str) -> None:
    from begroot.store.search import entry, index_entries, search

    document, _source = load_and_parse(SAMPLES / f"{SLIDES}.txt")
    with Store(empty_db) as store:
        store.ingest(document)
        with store.engine.begin() as connection:
            document_id = connection.scalar(sa.text("SELECT id FROM documents"))
            index_entries(
                connection, document_id, [entry("section", "s", "t", 1, 3, "De financiële <b>opleidingen</b> & meer")]
            )
        with store.engine.connect() as connection:
            [hit] = search(connection, "financiele opleiding")
            assert search(connection, "financiele opleiding nergens") == []  # every word is required
    assert "<mark>financiële</mark>" in hit["snippet"]
    assert "&lt;b&gt;<mark>opleidingen</mark>&lt;/b&gt; &amp;" in hit["snippet"]


def test_facts_json_and_csv_agree(client: TestClient) -> None:
    params = {"subject": "JD", "credit": "VAK", "stage": "BA"}
    body = client.get("/api/v1/facts", params=params).json()
    response = client.get("/api/v1/facts.csv", params=params)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == [
        "document",
        "scope",
        "subject",
        "row",
        "credit",
        "year",
        "stage",
        "value",
        "page",
        "source_line",
    ]
    assert len(rows) == body["total"] == len(body["items"]) > 0
    assert [int(r["value"]) for r in rows] == [f["value"] for f in body["items"]]


# --------------------------------------------------------------------------- HTTP behaviour


def test_etag_gives_304(client: TestClient) -> None:
    first = client.get("/api/v1/articles?limit=5")
    tag = first.headers["etag"]
    again = client.get("/api/v1/articles?limit=5", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/articles?limit=6", headers={"If-None-Match": tag})
    assert other.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles?limit=0",
        "/api/v1/articles?limit=501",
        "/api/v1/articles?offset=-1",
        "/api/v1/articles?program=J%3BD",
        "/api/v1/articles?od=OD%201%27%20OR%201%3D1",
        "/api/v1/facts?credit=XXX",
        "/api/v1/facts?year=abc",
        "/api/v1/findings?severity=fatal",
        "/api/v1/search",
        "/api/v1/articles/bad%20code",
    ],
)
def test_bad_parameters_are_422_json(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid parameter" and body["detail"]


def test_unknown_article_is_404_json(client: TestClient) -> None:
    response = client.get("/api/v1/articles/JB0-1XXX-YY")
    assert response.status_code == 404
    assert response.json() == {"error": "not found", "detail": "no article 'JB0-1XXX-YY'"}


def test_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", "/api/v1/documents", "/api/v1/nothing", f"/articles/{ARTICLE}"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"]


def test_no_write_endpoints(client: TestClient) -> None:
    for path, methods in client.get("/api/openapi.json").json()["paths"].items():
        assert set(methods) == {"get"}, path
    assert client.post("/api/v1/documents").status_code == 405
    assert client.delete(f"/api/v1/articles/{ARTICLE}").status_code == 405


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize(
    "url", ["/", f"/articles/{ARTICLE}", "/goals", "/audit", "/search?q=opleiding", "/compare", "/api/docs"]
)
def test_pages_render(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="nl">' in response.text


def test_article_page_marks_figures(client: TestClient) -> None:
    html = client.get(f"/articles/{ARTICLE}").text
    assert '<mark class="fig ok">292.136 keuro</mark>' in html
    assert "292.136" in html and "82,0 %" not in html  # execution 292.136 / 356.799 = 81,9 %
    assert "81,9 %" in html


def test_a_rate_rounded_differently_is_not_marked_red(client: TestClient) -> None:
    """100,38 % printed as 100,3 % (truncated, not rounded) is within one printed unit: info, not an error."""
    html = client.get("/articles/JB0-1JDB2EB-WT").text
    assert '<mark class="fig ok">100,3 %</mark>' in html and '<mark class="fig bad">' not in html
    assert "gedrukt 100,3% (de uitvoeringsgraad BU/BA-JR) anders afgerond: BU/BA-JR VAK = 100,38%" in html


def test_english_and_cookie(client: TestClient) -> None:
    english = client.get("/?lang=en")
    assert '<html lang="en">' in english.text and "Library: policy domain" in english.text
    assert english.cookies.get("lang") == "en" or "lang=en" in english.headers.get("set-cookie", "")
    fresh = TestClient(client.app, base_url="http://localhost")
    assert "Bibliotheek: beleidsdomein" in fresh.get("/").text
    fresh.cookies.set("lang", "en")
    assert "Library: policy domain" in fresh.get("/").text


def test_dutch_number_format() -> None:
    from begroot.web.i18n import number, percent

    assert number(1581119) == "1.581.119" and percent(0.988) == "98,8 %"
    assert number(1581119, "en") == "1,581,119"


def test_page_errors_are_html(client: TestClient) -> None:
    response = client.get("/articles/JB0-1XXX-YY")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]


def test_plotly_served_locally(client: TestClient) -> None:
    response = client.get("/static/vendor/plotly.min.js")
    assert response.status_code == 200 and b"plotly" in response.content[:2000].lower()


def test_search_page_escapes(client: TestClient) -> None:
    html = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html


def test_index_rebuilds_when_documents_change(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'one.sqlite'}"
    store = Store(url)
    app_client = TestClient(create_app(url), base_url="http://localhost")
    assert app_client.get("/api/v1/search?q=opleiding").json()["total"] == 0
    document, _source = load_and_parse(SAMPLES / f"{REPORT}.txt")
    store.ingest(document)
    store.close()
    time.sleep(1.1)  # the response cache looks at the documents at most once a second
    assert app_client.get("/api/v1/search?q=opleiding").json()["total"] > 0


def test_totals_follow_the_documents(tmp_path: Path) -> None:
    """The totals of /facts and /articles are kept per filter (not per page) until the documents change."""
    url = f"sqlite:///{tmp_path / 'one.sqlite'}"
    Store(url).close()
    app_client = TestClient(create_app(url), base_url="http://localhost")
    assert app_client.get("/api/v1/facts?credit=VAK&limit=1").json()["total"] == 0
    assert app_client.get("/api/v1/articles?limit=1").json()["total"] == 0
    document, _source = load_and_parse(SAMPLES / f"{REPORT}.txt")
    with Store(url) as store:
        store.ingest(document)
    time.sleep(1.1)  # the response cache looks at the documents at most once a second
    facts = app_client.get("/api/v1/facts?credit=VAK&limit=1&offset=1").json()  # another page: not a cached response
    assert facts["total"] == len(app_client.get("/api/v1/facts.csv?credit=VAK").text.splitlines()) - 1 > 0
    assert app_client.get("/api/v1/articles?limit=1&offset=1").json()["total"] == len(document.articles) > 0


def test_a_new_empty_database_is_served(tmp_path: Path) -> None:
    """`begroot serve` on a database with nothing in it yet: the pages say there is nothing yet."""
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    Store(url).close()
    empty = TestClient(create_app(url), base_url="http://localhost")
    assert empty.get("/api/v1/documents").json() == []
    home = empty.get("/")
    assert home.status_code == 200 and "begroot ingest" in home.text
    assert empty.get("/goals").status_code == 200


def test_facts_cursor_pages_cover_the_offset_pages(client: TestClient) -> None:
    """Keyset pagination (after=next) walks the same facts in the same order as offset pages."""
    params = {"credit": "VAK", "limit": 40}
    everything = client.get("/api/v1/facts", params={"credit": "VAK", "limit": 5000}).json()
    walked, cursor, pages = [], None, 0
    while True:
        body = client.get("/api/v1/facts", params=params | ({"after": cursor} if cursor else {})).json()
        walked += body["items"]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    assert pages > 2 and walked == everything["items"] and len(walked) == everything["total"]
    by_offset = client.get("/api/v1/facts", params=params | {"offset": 40}).json()
    second = client.get(
        "/api/v1/facts", params=params | {"after": client.get("/api/v1/facts", params=params).json()["next"]}
    )
    assert second.json()["items"] == by_offset["items"]
    assert 'rel="next"' in second.headers["link"] and "after=" in second.headers["link"]


@pytest.mark.parametrize("query", ["after=abc", "after=1.2.3", "after=1"])
def test_bad_cursor_is_422(client: TestClient, query: str) -> None:
    response = client.get(f"/api/v1/facts?{query}")
    assert response.status_code == 422 and response.json()["error"] == "invalid parameter"


def test_cursor_numbers_beyond_32_bits_are_answered(client: TestClient) -> None:
    """Any cursor of the pattern is answered, however large its numbers (PostgreSQL: not cast to INTEGER)."""
    assert client.get("/api/v1/facts?after=0.3000000000&limit=1").status_code == 200
    body = client.get("/api/v1/facts?after=999999999999.999999999999").json()
    assert body["items"] == [] and body["next"] is None


def test_facts_csv_streams_in_batches(client: TestClient, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CSV is sent a batch at a time, and the chunks join to the same table whatever the batch size;
    its ETag (from the stored documents and the query) answers 304 without reading the facts."""
    from begroot.api import routes
    from begroot.store.queries import FactFilter

    whole = client.get("/api/v1/facts.csv?credit=VEK")
    engine = sa.create_engine(db_url)
    try:
        monkeypatch.setattr(routes, "CSV_BATCH", 50)
        chunks = list(routes.fact_csv_chunks(engine, FactFilter(credit="VEK")))
    finally:
        engine.dispose()
    rows = whole.text.count("\n") - 1
    assert rows > 200 and len(chunks) == -(-rows // 50)  # one chunk per batch, the header with the first
    assert b"".join(chunks).decode() == whole.text
    assert "content-length" not in whole.headers  # streamed, not built whole
    tag = whole.headers["etag"]
    assert client.get("/api/v1/facts.csv?credit=VEK", headers={"If-None-Match": tag}).status_code == 304
    assert client.get("/api/v1/facts.csv?credit=VAK").headers["etag"] != tag


def test_search_reports_the_true_total(client: TestClient) -> None:
    one = client.get("/api/v1/search", params={"q": "opleiding", "limit": 1}).json()
    many = client.get("/api/v1/search", params={"q": "opleiding", "limit": 200}).json()
    assert len(one["results"]) == 1 and one["total"] == many["total"] == len(many["results"]) > 1
    page = client.get("/search", params={"q": "opleiding", "lang": "nl"}).text
    assert f"{many['total']} resultaten voor" in page
    for q in ("opleiding", "doelgroepverminderingen sociale zekerheid werkgevers"):
        found = client.get("/api/v1/search", params={"q": q}).json()["total"]
        text = client.get("/search", params={"q": q, "lang": "nl"}).text
        assert (f"{found} resultaat voor" in text) == (found == 1)  # the plural right


def test_counts_say_their_plural_right() -> None:
    from begroot.web.i18n import counted

    assert counted(1, "search.results") == "1 resultaat voor" and counted(2, "search.results") == "2 resultaten voor"
    assert counted(1, "audit.count", "en") == "1 finding" and counted(1234, "audit.count") == "1.234 bevindingen"
    assert counted(1, "doc.pages") == "1 Pagina" and counted(0, "articles", "en") == "0 Articles"


def test_audit_page_is_paginated_and_filterable(client: TestClient) -> None:
    total = client.get("/api/v1/findings", params={"limit": 1}).json()["total"]
    first = client.get("/audit", params={"lang": "nl"}).text
    assert f"{total} bevindingen" in first and 'rel="next"' in first and len(first) < 600_000
    assert first.count('<li id="finding-') == 200
    last_page = -(-total // 200)
    last = client.get("/audit", params={"page": last_page}).text
    assert last.count('<li id="finding-') == total - 200 * (last_page - 1) and 'rel="prev"' in last
    # errors and warnings come first: the warning of the slides is on page 1
    assert "statement-mismatch" in first.split('id="sev-info"')[0]
    only = client.get("/audit", params={"rule": "statement-mismatch", "document": SLIDES}).text
    assert only.count('<li id="finding-') == 1 and 'value="statement-mismatch" selected' in only
    unreviewed = client.get("/audit", params={"verdict": "none", "severity": "warning"}).text
    assert unreviewed.count('<li id="finding-') == client.get("/api/v1/findings?severity=warning").json()["total"]
    assert client.get("/audit", params={"verdict": "confirmed"}).text.count('<li id="finding-') == 0


def test_compare_is_like_with_like_and_later_minus_earlier(client: TestClient) -> None:
    report = "000_487494d7f3174438"
    # the default: the latest document against its own earlier stage (no other report): the same perimeter
    default = client.get("/compare", params={"lang": "nl"}).text
    assert "BU 2023 − BA-JR 2023" in default and "niet vergelijkbaar" not in default
    # a later stage chosen on the left: still later minus earlier, labelled
    swapped = client.get("/compare", params={"a": report, "b": report, "sa": "BU", "sb": "BA-JR", "credit": "VAK",
                                             "lang": "nl"}).text  # fmt: skip
    head = re.search(r"<thead>(.*?)</thead>", swapped, re.S)
    assert head and head.group(1).index("BA-JR 2023") < head.group(1).index(">BU 2023<")
    row = re.search(rf'<a href="/articles/{ARTICLE}">.*?</tr>', swapped, re.S)
    assert row and "356.799" in row.group(0) and "292.136" in row.group(0) and "-64.663" in row.group(0)
    # a report excl. DAB's against the slides incl. VDAB: said, not compared
    mixed = client.get("/compare", params={"a": report, "b": SLIDES, "lang": "nl"}).text
    assert "niet vergelijkbaar" in mixed and "incl. VDAB" in mixed and "BU 2023 − BO 2022" in mixed
    api = client.get(
        "/api/v1/compare", params={"a": report, "b": report, "sa": "BU", "sb": "BA-JR", "credit": "VAK"}
    ).json()
    line = next(r for r in api if r["subject"] == ARTICLE)
    assert (line["earlier"], line["later"], line["change"]) == (356799, 292136, -64663)
