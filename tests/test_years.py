"""Year on year, like for like, on the dashboard's multi-year database (tests/multiyear.py): every comparison
equals the generator's figures, other perimeters stay apart, the article list's "year before" is filled where
the data exist, and the home page's totals show every loaded year."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import multiyear
from begroot.app import create_app
from begroot.store.yoy import COMPARISONS, compare


@pytest.fixture(scope="module")
def library(multiyear_library: multiyear.Library) -> multiyear.Library:
    return multiyear_library  # each backend's, built once for test_dashboard and test_years (conftest)


@pytest.fixture(scope="module")
def client(library: multiyear.Library) -> TestClient:
    return TestClient(create_app(library.url), base_url="http://localhost")


def truth(library: multiyear.Library, subject: str) -> dict[tuple[int, str, str], int]:
    """(year, stage, credit) -> value of a subject's total row, as the document of that year and stage prints it
    (else the latest document that does)."""
    found: dict[tuple[int, str, str], tuple[tuple[bool, int], int]] = {}
    for document, fact in library.facts(subject=subject, row="total"):
        rank = ((document.year, document.stage) == (fact.year, fact.stage), document.year)
        key = (fact.year, fact.stage, fact.credit)
        if key not in found or rank >= found[key][0]:
            found[key] = (rank, fact.value)
    return {key: value for key, (_, value) in found.items()}


@pytest.mark.parametrize("subject", ["article", "program", "ise"])
def test_every_comparison_equals_the_figures_over_the_years(client: TestClient, library: multiyear.Library,
                                                            subject: str) -> None:  # fmt: skip
    """Against the subject's points (tests/test_dashboard.py checks them against the generator), perimeter by
    perimeter; an article's against the generator itself."""
    fact = next(f for _, f in library.facts(scope=subject, row="total", credit="VAK", stage="BO"))
    rows = client.get(f"/api/v1/yoy/{fact.subject}").json()
    points = client.get(f"/api/v1/points/{fact.subject}").json()
    values = {(p["year"], p["stage"], p["credit"], p["perimeter"]): p["value"] for p in points}
    expected = set()
    for year, stage, credit, perimeter in values:
        for name, own, base, back in COMPARISONS:
            if stage == own and (year - back, base, credit, perimeter) in values and credit in ("VAK", "VEK"):
                expected.add((name, year, credit, perimeter))
    assert {(r["comparison"], r["year"], r["credit"], r["perimeter"]) for r in rows} == expected and expected
    for row in rows:
        base_stage, base_year = row["base_label"].split()
        assert row["base"] == values[(int(base_year), base_stage, row["credit"], row["perimeter"])]
        assert row["value"] == values[(row["year"], row["label"].split()[0], row["credit"], row["perimeter"])]
        assert row["change"] == row["value"] - row["base"]
        assert row["rate"] == pytest.approx(row["change"] / abs(row["base"]))
    assert len({r["perimeter"] for r in rows if r["main"]}) == 1
    if subject == "article":
        generated = truth(library, fact.subject)
        for row in rows:
            assert row["value"] == generated[(row["year"], row["label"].split()[0], row["credit"])]
    html = client.get(f"/{subject}s/{fact.subject}").text
    assert 'id="h-yoy"' in html and html.count('data-comparison="BO/BO-1"') == sum(
        1 for r in rows if r["comparison"] == "BO/BO-1"
    )


def test_other_perimeters_are_compared_apart() -> None:
    points = [{"year": 2024, "stage": "BO", "credit": "VAK", "perimeter": p, "value": v}
              for p, v in (("A", 100), ("A", 100), ("B", 7))]  # fmt: skip
    points += [{"year": 2025, "stage": "BO", "credit": "VAK", "perimeter": "A", "value": 110},
               {"year": 2025, "stage": "BO", "credit": "VAK", "perimeter": "B", "value": 9},
               {"year": 2025, "stage": "BA", "credit": "VAK", "perimeter": "B", "value": 8}]  # fmt: skip
    rows = compare(points)
    assert [(r["comparison"], r["perimeter"], r["main"], r["base"], r["value"]) for r in rows] == [
        ("BO/BO-1", "A", True, 100, 110),
        ("BO/BO-1", "B", False, 7, 9),
        ("BA/BO", "B", False, 9, 8),
    ]


def test_the_domain_page_and_the_home_totals_show_every_year(client: TestClient, library: multiyear.Library) -> None:
    html = client.get("/yoy").text
    assert multiyear.DOMAIN in html and 'data-comparison="BO/BO-1"' in html
    home = client.get("/").text
    for year in library.years:
        assert f'data-year="{year}" data-credit="VAK" data-stage="BO"' in home


def test_year_before_is_filled_where_the_data_exist(client: TestClient, library: multiyear.Library) -> None:
    rows = client.get("/api/v1/members", params={"program": next(
        f.subject for _, f in library.facts(scope="program", row="total"))}).json()  # fmt: skip
    assert rows and all(r["previous"] is not None for r in rows if r["year"] > min(library.years))
    for row in rows:
        if row["previous"] is not None:
            assert row["change"] == row["value"] - row["previous"] and row["previous_label"]


# --------------------------------------------------------------------------- all domains at once


@pytest.fixture(scope="module")
def three_domains(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The BO and BU reports of one year of three domains' budgets."""
    from begroot.ingest import prepared
    from begroot.store import Store
    from begroot.testing import TextStyle, random_budget, render_text
    from begroot.testing.budget import DOMAINS

    folder = tmp_path_factory.mktemp("domains")
    paths = []
    for number, info in enumerate(DOMAINS[:3]):
        budget = next(b for seed in range(40 + number, 4000, 7)
                      if 2024 in list((b := random_budget(seed, info.name)).years)[1:])  # fmt: skip
        for stage in ("BO", "BU"):
            document = render_text(budget, "report", stage, 2024, TextStyle())
            path = folder / f"{document.name}.txt"
            path.write_text(document.text, encoding="utf-8")
            paths.append(path)
    url = f"sqlite:///{folder / 'domains.sqlite'}"
    with Store(url) as store:
        for ready in prepared(paths, 1, "sqlite"):
            assert ready.rows is not None, ready.error
            store.ingest_rows(ready.rows)
    return url


@pytest.mark.parametrize("stage", ["BO", "BA-JR", "BU"])
def test_the_overview_puts_every_domain_under_one_root(three_domains: str, stage: str) -> None:
    import sqlalchemy as sa

    from begroot.store import overview
    from begroot.web.years import overview_documents, overview_nodes

    engine = sa.create_engine(three_domains)
    with engine.connect() as db:
        chosen = overview_documents(db, 2024, stage)
        nodes = overview_nodes(db, 2024, stage, "VEK")
        own = {domain: overview.treemap(db, document, "VEK", stage) for domain, document in chosen.items()}
    engine.dispose()
    assert len(chosen) == 3 and all(name.split("-report-")[1].startswith("bo" if stage == "BO" else "bu")
                                    for name in chosen.values())  # fmt: skip
    domains = [n for n in nodes if n["level"] == "domain"]
    assert {n["code"] for n in domains} == set(chosen)
    for node in domains:  # each domain as big as its own treemap, and its share of the whole
        assert node["value"] == own[node["code"]][0]["value"] > 0
        assert node["share"] == pytest.approx(node["value"] / nodes[0]["value"])
    assert sum(n["share"] for n in domains) == pytest.approx(1)
    parents = {n["id"]: n["parent"] for n in nodes}
    for node in nodes[1:]:  # every node reaches a domain, then the root
        up = node["id"]
        while parents[up] != "root":
            up = parents[up]
        assert up.startswith("D:")
    assert len(nodes) - 1 == sum(len(tree) for tree in own.values())


def test_the_overview_page_lists_each_domain_with_its_share(three_domains: str) -> None:
    client = TestClient(create_app(three_domains), base_url="http://localhost")
    html = client.get("/overview?year=2024&stage=BU&credit=VAK").text
    assert html.count('<tr data-domain="') == 3 and 'data-chart="overview-data"' in html
    english = client.get("/overview?lang=en").text
    assert "All policy domains" in english and "Flanders" in english
