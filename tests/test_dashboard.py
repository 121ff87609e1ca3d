"""The dashboard's data on a database of one generated budget over three years and stages plus the samples:
library, figures over the years (with who states them and where they disagree), treemaps from the printed
totals, articles of ISEs and programs, CSV = JSON, and both languages complete. SQLite, and PostgreSQL when
available. The browser side of the same is tests/test_browser.py."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

import multiyear
from begroot.app import create_app
from begroot.formula import csv_cell
from begroot.identity import compose_title
from begroot.store import STAGE_ORDER
from begroot.web import i18n
from webdb import ingest_samples

MAIN_STAGES = ("BO", "BA", "BA-JR", "BU")
WEB = Path(__file__).resolve().parent.parent / "src" / "begroot" / "web"


@pytest.fixture(scope="module")
def library(multiyear_library: multiyear.Library) -> multiyear.Library:
    return multiyear_library  # each backend's, built once for test_dashboard and test_years (conftest)


@pytest.fixture(scope="module")
def client(library: multiyear.Library) -> TestClient:
    return TestClient(create_app(library.url), base_url="http://localhost")


def expected_points(library: multiyear.Library, subject: str) -> dict[tuple[int, str, str], dict[str, int]]:
    """(year, stage, credit) -> {document name: value} of a subject's total row in the generated documents."""
    points: dict[tuple[int, str, str], dict[str, int]] = {}
    for document, fact in library.facts(subject=subject, row="total"):
        if fact.stage in MAIN_STAGES:
            points.setdefault((fact.year, fact.stage, fact.credit), {})[document.name] = fact.value
    return points


def own_value(library: multiyear.Library, key: tuple[int, str, str], stated: dict[str, int]) -> int:
    """The value of the document of the point's own year and stage, else of the latest document."""
    year, stage, _ = key
    order = {d.name: (d.year == year and d.stage == stage, d.year, STAGE_ORDER[d.stage]) for d in library.documents}
    return stated[max(stated, key=lambda name: order[name])]


# --------------------------------------------------------------------------- library


def test_library_places_every_document_with_its_counts(client: TestClient, library: multiyear.Library) -> None:
    rows = {row["name"]: row for row in client.get("/api/v1/library").json()}
    for document in library.documents:
        row = rows[document.name]
        assert (row["domain"], row["year"], row["stage"], row["kind"]) == (
            multiyear.DOMAIN, document.year, document.stage, document.kind)  # fmt: skip
        assert row["facts"] == len(document.facts)
        assert row["label"] == compose_title(document.kind, document.stage, document.year, multiyear.DOMAIN)
    assert {r["domain"] for r in rows.values()} == {multiyear.DOMAIN, "Werk en Sociale Economie"}
    conflicted = rows[library.document("BU", library.conflict.year).name]
    assert conflicted["errors"] >= 1 and conflicted["status"] == "error"


def test_home_page_matrix(client: TestClient, library: multiyear.Library) -> None:
    html = client.get("/").text
    table = html[html.index(f'data-domain="{multiyear.DOMAIN}"') :]
    table = table[: table.index("</table>")]
    for document in library.documents:
        cell = re.search(rf'data-year="{document.year}" data-stage="{document.stage}">(.*?)</td>', table, re.S)
        assert cell and f'data-document="{document.name}"' in cell.group(1)
        assert f'data-facts="{len(document.facts)}"' in cell.group(1)


def test_domain_totals_follow_the_printed_totals(client: TestClient, library: multiyear.Library) -> None:
    rows = client.get("/api/v1/totals", params={"domain": multiyear.DOMAIN}).json()
    shown = {(r["year"], r["stage"], r["credit"], r["perimeter"]): r["value"] for r in rows}
    main = "excl. DAB’s, excl. apparaatsuitgaven en programma B"
    for key, stated in expected_points(library, "TOTAL").items():
        if key[2] in ("VAK", "VEK"):
            assert shown[(*key, main)] == own_value(library, key, stated)


# --------------------------------------------------------------------------- figures over the years


def test_article_points_equal_the_generated_facts(client: TestClient, library: multiyear.Library) -> None:
    code = library.conflict.subject
    points = client.get(f"/api/v1/points/{code}").json()
    by_key = {(p["year"], p["stage"], p["credit"]): p for p in points if p["perimeter"] == ""}
    expected = expected_points(library, code)
    assert set(by_key) == set(expected) and len({k[0] for k in expected}) >= 3  # several years
    for key, stated in expected.items():
        point = by_key[key]
        assert point["value"] == own_value(library, key, stated)
        assert {s["document"] for s in point["statements"]} == set(stated)
        assert point["agree"] == (len(set(stated.values())) == 1)


def test_a_restated_figure_that_differs_is_flagged_with_its_finding(
    client: TestClient, library: multiyear.Library
) -> None:
    fact = library.conflict
    point = next(
        p for p in client.get(f"/api/v1/points/{fact.subject}").json()
        if (p["year"], p["stage"], p["credit"]) == (fact.year, fact.stage, fact.credit)
    )  # fmt: skip
    assert not point["agree"] and point["values"] == [fact.value - 1, fact.value]
    assert point["value"] == fact.value - 1  # the BA report's own figure
    findings = {
        f["finding_id"]: f
        for f in client.get("/api/v1/findings", params={"rule": "cross-document-conflict"}).json()["items"]
    }
    assert point["findings"] and all(findings[i]["message"].startswith(fact.subject) for i in point["findings"])
    html = client.get(f"/articles/{fact.subject}").text
    row = re.search(
        rf'<tr data-year="{fact.year}" data-stage="BA" data-credit="VAK" class="conflict">(.*?)</tr>', html, re.S
    )
    assert row and f'href="/audit#finding-{point["findings"][0]}"' in row.group(1)


def test_execution_rate_per_year(client: TestClient, library: multiyear.Library) -> None:
    code = library.conflict.subject
    expected = expected_points(library, code)
    rows = client.get(f"/api/v1/execution/{code}").json()
    assert {r["year"] for r in rows} == set(library.years)
    for row in rows:
        available = own_value(
            library, (row["year"], "BA-JR", row["credit"]), expected[(row["year"], "BA-JR", row["credit"])]
        )
        realised = own_value(library, (row["year"], "BU", row["credit"]), expected[(row["year"], "BU", row["credit"])])
        assert (row["ba_jr"], row["bu"]) == (available, realised)
        assert row["rate"] == (pytest.approx(realised / available) if available else None)


def test_program_and_ise_pages_list_articles_with_latest_figures(
    client: TestClient, library: multiyear.Library
) -> None:
    last = library.years[-1]
    bu = library.document("BU", last)
    ise = next(f.subject for f in bu.facts if f.scope == "ise")
    program = ise.split(":")[0]
    rows = client.get("/api/v1/members", params={"ise": ise}).json()
    assert rows
    truth = {(f.subject, f.credit, f.stage): f.value for f in bu.facts if f.scope == "article" and f.row == "total"}
    before = library.document("BU", last - 1)
    previous = {
        (f.subject, f.credit, f.stage): f.value for f in before.facts if f.scope == "article" and f.row == "total"
    }
    for row in rows:
        assert (row["year"], row["stage"]) == (last, "BU")
        assert row["value"] == truth[(row["code"], row["credit"], "BU")]
        assert row["previous"] == previous[(row["code"], row["credit"], "BU")]
        assert row["change"] == row["value"] - row["previous"]
    for path in (f"/ises/{ise}", f"/programs/{program}", f"/ises/{ise}?lang=en"):
        html = client.get(path).text
        assert all(f'data-code="{row["code"]}"' in html for row in rows), path
    page = client.get(f"/programs/{program}").text
    assert f'href="/ises/{ise}"' in page
    assert client.get("/programs/ZZ").status_code == 404 and client.get("/ises/ZZ:nothing").status_code == 404


# --------------------------------------------------------------------------- treemap


def test_treemap_is_sized_by_the_printed_totals(client: TestClient, library: multiyear.Library) -> None:
    document = library.document("BU", library.years[1])
    nodes = client.get("/api/v1/treemap", params={"document": document.name, "credit": "VEK", "stage": "BU"}).json()
    printed = {(f.scope, f.subject): f.value for f in document.facts
               if f.scope in ("program", "ise") and f.row == "total" and (f.credit, f.stage) == ("VEK", "BU")}  # fmt: skip
    by_id = {n["id"]: n for n in nodes}
    checked = 0
    for (scope, subject), value in printed.items():
        node = by_id[f"{scope[0].upper()}:{subject}"]
        assert node["printed"] == value and node["basis"] == "printed"
        children = sum(n["value"] for n in nodes if n["parent"] == node["id"])
        if node["parts_exceed"]:
            assert node["value"] == children > value
        else:
            assert node["value"] == value >= children
            checked += 1
        rest = by_id.get(f"R:{subject}")
        assert (rest["value"] if rest else 0) == (node["value"] - children + (rest["value"] if rest else 0))
    assert checked >= 5
    assert by_id["root"]["value"] == sum(n["value"] for n in nodes if n["parent"] == "root")


def test_treemap_falls_back_to_the_sum_where_no_total_is_printed(client: TestClient) -> None:
    # The BU sample prints no apparatus ISE frame: its ISE-less articles hang under their program; an ISE
    # with articles but no printed frame total is sized by their sum and says so.
    nodes = client.get("/api/v1/treemap", params={"document": "000_487494d7f3174438", "credit": "VEK"}).json()
    for node in nodes:
        if node["basis"] == "sum" and node["level"] != "root":
            assert node["printed"] is None
            assert node["value"] == sum(n["value"] for n in nodes if n["parent"] == node["id"])
    assert any(n["level"] == "program" and n["basis"] == "printed" for n in nodes)


# --------------------------------------------------------------------------- data behind every page


@pytest.mark.parametrize(
    "path",
    ["/api/v1/library", "/api/v1/totals", "/api/v1/points/TOTAL", "/api/v1/members?program=JD",
     "/api/v1/treemap?document=000_487494d7f3174438", "/api/v1/findings?severity=warning", "/api/v1/documents",
     "/api/v1/search?q=opleiding", "/api/v1/timeline/JD"],
)  # fmt: skip
def test_csv_holds_the_json_rows(client: TestClient, path: str) -> None:
    body = client.get(path).json()
    rows = body.get("results", body.get("items")) if isinstance(body, dict) else body
    response = client.get(path + ("&" if "?" in path else "?") + "format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert len(table) == len(rows) > 0
    for row, line in zip(rows, table, strict=True):
        for key, value in row.items():
            if isinstance(value, (int, str)) and not isinstance(value, bool):  # text as a spreadsheet shows it
                assert line[key] == str(csv_cell(value)), (key, line[key], value)


@pytest.mark.parametrize(
    "path", ["/", "/articles/JB0-1JDB2CA-WT", "/programs/JD", "/ises/JD:activering", "/goals", "/audit",
             "/search?q=opleiding", "/compare"],
)  # fmt: skip
def test_every_page_links_its_data_as_json_and_csv(client: TestClient, path: str) -> None:
    html = client.get(path).text
    links = re.findall(r'<a href="([^"]+)" type="application/json" data-format="json">', html)
    assert links, path
    for link in links:
        url = link.replace("&amp;", "&")
        assert client.get(url).status_code == 200, url
        csv_url = url + ("&" if "?" in url else "?") + "format=csv"
        assert f'href="{csv_url.replace("&", "&amp;")}"' in html
        assert client.get(csv_url).headers["content-type"].startswith("text/csv")


def test_format_is_validated(client: TestClient) -> None:
    assert client.get("/api/v1/library?format=xml").status_code == 422
    assert client.get("/api/v1/members?program=x y").status_code == 422


# --------------------------------------------------------------------------- names and languages


def test_a_document_title_is_shown_where_one_is_stored(tmp_path: Path) -> None:
    url = ingest_samples(tmp_path)
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE documents SET title = 'BBT Werk – een andere titel' WHERE name = '000_487494d7f3174438'")
        )
    engine.dispose()
    titled = TestClient(create_app(url), base_url="http://localhost")
    assert "BBT Werk – een andere titel" in titled.get("/").text
    assert "BBT Werk – een andere titel" in titled.get("/articles/JB0-1JDB2CA-WT").text
    assert "BBT Werk – een andere titel" in titled.get("/audit").text


def test_both_languages_are_complete() -> None:
    assert set(i18n.CATALOGUE["nl"]) == set(i18n.CATALOGUE["en"])
    used = set()
    for template in (WEB / "templates").glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_.]+)'\)", template.read_text()))
    used |= {f"{p}.{k}" for p, keys in {"doc.kind": ("report", "slides"), "status": ("ok", "warning", "error"),
             "treemap.basis": ("printed", "sum", "rest", "article", "exceeds"),
             "audit.severity": ("error", "warning", "info")}.items() for k in keys}  # fmt: skip
    for lang in i18n.LANGUAGES:
        assert used <= set(i18n.CATALOGUE[lang]), sorted(used - set(i18n.CATALOGUE[lang]))


def test_english_pages(client: TestClient) -> None:
    html = client.get("/programs/JD?lang=en").text
    assert "Timeline: every stage of every year" in html and "Data behind this page" in html
