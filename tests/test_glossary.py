"""Read without a manual: the glossary in both languages, every header cell, badge and unit that is a term
explained (`<abbr title>`) and linked to it, one stage colour scheme for the dashboard and the report, and
charts whose missing years are gaps."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from begroot.app import create_app
from begroot.colours import COLOURS, STAGE_COLOURS, series_colour
from begroot.export.html import chart_svg
from begroot.export.report import Chart
from begroot.web import glossary
from begroot.web.views import timeline_chart
from webdb import term_headers

REQUIRED = (
    "VAK",
    "VEK",
    "AO",
    "TO",
    "LO",
    "BO",
    "BA",
    "BA-JR",
    "BU",
    "ISE",
    "ESR",
    "DAB",
    "MVG",
    "afbakening",
    "keuro",
)


@pytest.fixture(scope="module")
def client(samples_db: str) -> TestClient:
    return TestClient(create_app(samples_db), base_url="http://localhost")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_glossary_explains_every_term_in_both_languages(client: TestClient, lang: str) -> None:
    html = client.get(f"/glossary?lang={lang}").text
    for term in REQUIRED:
        assert f'<dt id="{glossary.anchor(term)}">{term}</dt>' in html
        assert glossary.explain(term, lang) in html.replace("&#39;", "'")
    assert glossary.explain("VAK", "nl") != glossary.explain("VAK", "en")


@pytest.mark.parametrize("path", ["/", "/articles/JB0-1JDB2CA-WT", "/programs/JD", "/ises/JD:activering", "/goals"])
def test_every_header_that_is_a_term_is_explained_and_linked(client: TestClient, path: str) -> None:
    html = client.get(path).text
    glossary_page = client.get("/glossary").text
    terms, bare = term_headers(html)
    assert terms and not bare, (path, bare)
    for header in terms:
        for anchor in re.findall(r"/glossary#([a-z0-9-]+)", header):
            assert f'id="{anchor}"' in glossary_page
    assert '<a href="/glossary"' in html  # and from the menu


def test_no_page_leaves_a_term_header_bare(client: TestClient) -> None:
    """Every page (templates mark terms with the `term` filter: one that forgets it fails here)."""
    document = client.get("/api/v1/documents").json()[0]["name"]
    paths = ["/bridge", "/yoy", "/overview", "/audit", "/search?q=onderwijs", f"/documents/{document}",
             f"/documents/{document}/pages/2", "/compare?credit=VAK"]  # fmt: skip
    for path in paths:
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert not term_headers(answer.text)[1], path


def test_units_and_badges_in_captions_are_explained(client: TestClient) -> None:
    html = client.get("/articles/JB0-1JDB2CA-WT").text
    assert '<caption><a class="term" href="/glossary#term-keuro"><abbr title=' in html


def test_one_stage_colour_scheme_for_dashboard_and_report(client: TestClient) -> None:
    html = client.get("/articles/JB0-1JDB2CA-WT").text
    shown = json.loads(html.split('id="chart-colours">')[1].split("</script>")[0])
    assert shown == COLOURS
    svg = chart_svg(Chart("VAK per programma", ["JD", "JE"], [("BA 2023", [1.0, 2.0]), ("BU 2023", [1.0, 1.0])]))
    assert f'fill="{STAGE_COLOURS["BA"]}"' in svg and f'fill="{STAGE_COLOURS["BU"]}"' in svg
    assert series_colour("BA-JR 2023", 0) == STAGE_COLOURS["BA-JR"] != series_colour("BA 2023", 0)
    script = client.get("/static/charts.js").text
    assert "chart-colours" in script and 'rangemode: "tozero"' in script and "connectgaps: false" in script
    assert "€ miljoen" in script and "€ miljard" in script


def test_a_missing_year_is_a_gap_not_skipped() -> None:
    points = [{"year": y, "stage": "BO", "credit": "VAK", "value": v} for y, v in ((2021, 10), (2023, 12))]
    chart = timeline_chart(points)
    assert chart["series"][0]["x"] == ["2021 BO", "2022 BO", "2023 BO"]
    assert chart["series"][0]["y"] == [10, None, 12]
