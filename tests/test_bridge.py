"""The budget bridge: every `Kredietevolutie` row of generated BO/BA documents stored (serial and worker
ingest, SQLite and PostgreSQL) as the generator printed it, checked by `bridge-balance` at the line that
breaks it, and shown by the API, the exports and the pages."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from begroot.app import create_app
from begroot.audit import audit_file
from begroot.bridge import bridge_steps
from begroot.ingest import prepared
from begroot.store import Store
from begroot.testing import GeneratedDocument, TextStyle, random_budget, render_text
from begroot.testing.mutations import audit_text, bridge_mutations, caught, problems, source_lines
from begroot.vocabulary import VOCABULARY
from webdb import term_headers

SEED = 23
DOMAIN = "Welzijn, Volksgezondheid en Gezin"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[GeneratedDocument, Path]]:
    """BO, BA and BU reports of two years of one budget, written to files."""
    budget = random_budget(SEED, DOMAIN)
    folder = tmp_path_factory.mktemp("bridge")
    made = []
    for year in list(budget.years)[-2:]:
        for stage in ("BO", "BA", "BU"):
            document = render_text(budget, "report", stage, year, TextStyle())
            path = folder / f"{document.name}.txt"
            path.write_text(document.text, encoding="utf-8")
            made.append((document, path))
    return made


def ingest(url: str, paths: list[Path], jobs: int) -> None:
    with Store(url) as store:
        for ready in prepared(paths, jobs, store.engine.dialect.name):
            assert ready.rows is not None, ready.error
            store.ingest_rows(ready.rows)


def stored_changes(url: str) -> dict[tuple[str, str], list[tuple[str, str, str, int]]]:
    """(document, article) -> (label, role, credit, value) of its change rows, in print order."""
    engine = sa.create_engine(url)
    query = sa.text("SELECT d.name, b.article, b.label, b.role, b.credit, b.value FROM bridge_steps b "
                    "JOIN documents d ON d.id = b.document_id WHERE b.role NOT IN ('start', 'end') "
                    "ORDER BY d.name, b.article, b.table_index, b.credit, b.position")  # fmt: skip
    found: dict[tuple[str, str], list[tuple[str, str, str, int]]] = {}
    with engine.connect() as connection:
        for name, article, label, role, credit, value in connection.execute(query):
            found.setdefault((name, article), []).append((label, role, credit, value or 0))  # a dash: zero
    engine.dispose()
    return found


def expected_changes(document: GeneratedDocument) -> dict[tuple[str, str], list[tuple[str, str, str, int]]]:
    """What the generator printed in each article's Kredietevolutie, VAK rows then VEK rows (receipts print
    AO/TO and have no VAK/VEK bridge)."""
    found = {}
    for code, middle in document.evolutions.items():
        credits = [c for c in ("VAK", "VEK") if all(c in values for _, values in middle)]
        rows = [(label, VOCABULARY.bridge_role(label), credit, values[credit])
                for credit in credits for label, values in middle]  # fmt: skip
        if rows:
            found[(document.name, code)] = rows
    return found


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_generated_kredietevolutie_row_is_stored(
    db_url: str, generated: list[tuple[GeneratedDocument, Path]], jobs: int
) -> None:
    ingest(db_url, [path for _, path in generated], jobs)
    stored = stored_changes(db_url)
    expected: dict[tuple[str, str], list[tuple[str, str, str, int]]] = {}
    for document, _ in generated:
        expected |= expected_changes(document)
    assert {d.stage for d, _ in generated if d.evolutions} == {"BO", "BA"}
    assert len(expected) > 20
    assert {key: rows for key, rows in stored.items() if key in expected} == expected
    # what else is stored are the BU outcome tables (Herverdelingen, Niet benut), which the generator keeps apart
    bu = {d.name for d, _ in generated if d.stage == "BU"}
    assert {name for name, _ in set(stored) - set(expected)} <= bu
    assert {role for (name, _), rows in stored.items() if name in bu for _, role, _, _ in rows} == {
        "herverdelingen",
        "niet-benut",
    }


def test_start_and_end_are_the_stages_of_the_table(generated: list[tuple[GeneratedDocument, Path]]) -> None:
    document, path = next((d, p) for d, p in generated if d.stage == "BO")
    from begroot.audit import load_and_parse

    doc, _ = load_and_parse(path)
    steps = list(bridge_steps(doc))
    starts = {(s.article, s.credit): s for s in steps if s.role == "start"}
    ends = {(s.article, s.credit): s for s in steps if s.role == "end"}
    assert starts and set(starts) == set(ends)
    truth = {(f.subject, f.credit, f.year, f.stage): f.value for f in document.facts if f.layout == "credit_evolution"}
    for key, start in starts.items():
        end = ends[key]
        assert (start.stage, start.year, end.stage, end.year) == ("BA", document.year - 1, "BO", document.year)
        assert truth[(key[0], key[1], start.year, "BA")] == start.value
        assert truth[(key[0], key[1], end.year, "BO")] == end.value


# --------------------------------------------------------------------------- the audit rule


def test_documents_as_printed_balance(generated: list[tuple[GeneratedDocument, Path]]) -> None:
    for _, path in generated:
        assert not [f for f in audit_file(path) if f.rule == "bridge-balance"]


def test_a_changed_row_is_caught_at_its_line(generated: list[tuple[GeneratedDocument, Path]], tmp_path: Path) -> None:
    """Each mutated change row (one digit) gives a bridge-balance finding that names that very line."""
    for document, path in generated:
        if document.stage not in ("BO", "BA"):
            continue
        doc, findings = audit_text(path)
        before = {(f.finding_id, f.message) for f in problems(findings)}
        lines = source_lines(path)
        mutations = bridge_mutations(doc, lines, random.Random(SEED), 4)
        assert len(mutations) == 4
        for mutation in mutations:
            changed = list(lines)
            changed[mutation.line - 1] = mutation.after
            target = tmp_path / path.name
            target.write_text("\n".join(changed), encoding="utf-8")
            after = audit_text(target)[1]
            assert caught([f for f in after if f.rule == "bridge-balance"], before, mutation.line), mutation
            bridge = next(f for f in after if f.rule == "bridge-balance" and mutation.line in f.lines)
            assert bridge.numbers["difference"] != 0 and bridge.severity in ("error", "warning")


def test_a_changed_start_is_caught_and_the_finding_starts_at_the_end_row(tmp_path: Path) -> None:
    from test_audit import CAUSES  # a Kredietevolutie as the BBTs print it

    path = tmp_path / "bbt.txt"
    path.write_text(CAUSES.replace("BA 2024 1.000 900", "BA 2024 1.100 900"), encoding="utf-8")
    found = [f for f in audit_file(path) if f.rule == "bridge-balance"]
    assert len(found) == 1 and found[0].subject == "GB0-1GCF2BA-WT"
    assert found[0].numbers == {"total": 1250, "sum": 1350, "difference": -100}
    lines = CAUSES.split("\n")
    end_line = next(i for i, line in enumerate(lines, 1) if line.startswith("BO 2025"))
    assert found[0].locations[0]["source_line"] == end_line
    assert len(found[0].locations) == 5  # the end, the start and the three changes


# --------------------------------------------------------------------------- API, exports, pages


@pytest.fixture(scope="module")
def library(generated: list[tuple[GeneratedDocument, Path]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('lib') / 'bridge.sqlite'}"
    ingest(url, [path for _, path in generated], 1)
    yield url


def test_api_gives_an_articles_rows_in_every_document_and_as_csv(
    library: str, generated: list[tuple[GeneratedDocument, Path]]
) -> None:
    client = TestClient(create_app(library), base_url="http://localhost")
    bo = next(d for d, _ in generated if d.stage == "BO")
    code, rows = next((code, rows) for (_, code), rows in expected_changes(bo).items())
    body = client.get(f"/api/v1/bridge/{code}").json()
    mine = [r for r in body if r["document"] == bo.name]
    assert next(r["role"] for r in mine if r["credit"] == "VAK") == "start"
    changes = [(r["label"], r["role"], r["credit"], r["value"] or 0) for r in mine if r["role"] not in ("start", "end")]
    assert changes == rows
    table = list(csv.DictReader(io.StringIO(client.get(f"/api/v1/bridge/{code}?format=csv").text)))
    assert len(table) == len(body) and table[0]["role"] == "start"
    assert client.get("/api/v1/bridge/XX0-1XXX1XX-WT").status_code == 404


def test_scope_bridge_sums_only_where_every_article_prints_one(library: str) -> None:
    client = TestClient(create_app(library), base_url="http://localhost")
    engine = sa.create_engine(library)
    with engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT d.name, b.ise, b.article, b.credit, b.role, b.value FROM bridge_steps b "
            "JOIN documents d ON d.id = b.document_id WHERE b.ise IS NOT NULL")).all()  # fmt: skip
        articles = connection.execute(sa.text(
            "SELECT d.name, a.ise, a.code FROM articles a JOIN documents d ON d.id = a.document_id "
            "WHERE a.ise IS NOT NULL AND a.part_kind != '9'")).all()  # fmt: skip
    engine.dispose()
    complete = incomplete = 0
    for name, ise in sorted({(r[0], r[1]) for r in rows}):
        body = client.get(f"/api/v1/bridge?document={name}&ise={ise}").json()
        members = {a[2] for a in articles if (a[0], a[1]) == (name, ise)}
        bridged = {r[2] for r in rows if (r[0], r[1]) == (name, ise)}
        assert body["complete"] == (members == bridged)
        if body["complete"]:
            complete += 1
            for credit in ("VAK", "VEK"):
                starts = sum(r[5] or 0 for r in rows if (r[0], r[1], r[3], r[4]) == (name, ise, credit, "start"))
                assert next(s["value"] for s in body["steps"] if s["credit"] == credit) == starts
                moved = sum(
                    s["value"] for s in body["steps"] if s["credit"] == credit and s["role"] not in ("start", "end")
                )
                ends = [s["value"] for s in body["steps"] if s["credit"] == credit and s["role"] == "end"]
                assert ends == [starts + moved]
        else:
            incomplete += 1
            assert body["steps"] == [] and set(body["missing"]) == members - bridged
    assert complete and incomplete


def test_exports_carry_the_bridge(library: str, tmp_path: Path) -> None:
    from begroot.export import load, write_datapackage, write_parquet, write_xlsx

    with Store(library) as store:
        tables = load(store)
    write_xlsx(tables, tmp_path / "all.xlsx")
    write_parquet(tables, tmp_path / "parquet")
    write_datapackage(tables, tmp_path / "package")
    sheet = pd.read_excel(tmp_path / "all.xlsx", sheet_name="bridge")
    parquet = pd.read_parquet(tmp_path / "parquet" / "bridge.parquet")
    engine = sa.create_engine(library)
    with engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM bridge_steps")).scalar()
    engine.dispose()
    assert len(sheet) == len(parquet) == count > 0
    assert {"document", "article", "credit", "role", "label", "value", "page", "line"} <= set(parquet.columns)
    package = json.loads((tmp_path / "package" / "datapackage.json").read_text())
    assert "bridge" in {r["name"] for r in package["resources"]}


def test_article_page_draws_the_waterfall_with_its_table(
    library: str, generated: list[tuple[GeneratedDocument, Path]]
) -> None:
    client = TestClient(create_app(library), base_url="http://localhost")
    bo = next(d for d, _ in generated if d.stage == "BO")
    code = next(iter(expected_changes(bo)))[1]
    html = client.get(f"/articles/{code}").text
    assert 'data-chart="bridge-data"' in html and '<table id="bridge">' in html
    chart = json.loads(html.split('id="bridge-data">')[1].split("</script>")[0])
    assert chart["kind"] == "waterfall" and {s["name"] for s in chart["series"]} <= {"VAK", "VEK"}
    assert all(s["measure"][0] == "absolute" == s["measure"][-1] for s in chart["series"])
    english = client.get(f"/articles/{code}?lang=en").text
    assert "Budget bridge" in english
    for path in (f"/articles/{code}", f"/articles/{code}?lang=en", "/yoy"):
        terms, bare = term_headers(client.get(path).text)
        assert terms and not bare, (path, bare)  # VAK, VEK, keuro... explained and linked to the glossary
