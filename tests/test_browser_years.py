"""Years side by side in a real browser (the set-up of tests/test_browser.py: chromium, Playwright, axe-core,
1280 and 390 px): the glossary reached from a column header, a table sorted, filtered and downloaded as
shown, the waterfall of an article's Kredietevolutie, the year-on-year view, the bridge of a document and the
all-domain overview.
Screenshots in artifacts/screenshots/."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import sqlalchemy as sa

import multiyear
from begroot.testing.lineage import Change
from browsing import ERRORS, WIDTHS, check_page, close_page, open_page, serving, shot, visit, zoom
from shared import once

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser


def bridged_article(built: multiyear.Library) -> str:
    """An article with a Kredietevolutie in the latest BO document."""
    engine = sa.create_engine(built.url)
    with engine.connect() as connection:
        code = connection.execute(sa.text(
            "SELECT b.article FROM bridge_steps b JOIN documents d ON d.id = b.document_id "
            "WHERE d.stage = 'BO' ORDER BY d.year DESC, b.id LIMIT 1")).scalar_one()  # fmt: skip
    engine.dispose()
    return str(code)


def new_pages(built: multiyear.Library) -> list[str]:
    return [
        "/glossary",
        "/yoy",
        "/bridge",
        f"/articles/{bridged_article(built)}",
        "/glossary?lang=en",
        "/overview",
        "/overview?lang=en&stage=BU&credit=VAK",
    ]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_new_pages_are_accessible_at_both_widths(
    server: str, browser_context: BrowserContext, browser_library: multiyear.Library, width: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for path in new_pages(browser_library):
        opened = open_page(browser_context, width)
        try:
            response = visit(opened, server + path)
            assert response.status == 200
            name = path.strip("/").replace("/", "_").replace("?", "_").replace("=", "_")
            shot(opened, f"{name}-{WIDTHS[width]}")
            assert ERRORS[opened] == [], (path, ERRORS[opened])
            overflow = opened.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {WIDTHS[width]}px"
            results = Axe().run(opened)
            bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
            assert not bad, (path, results.generate_report())
        finally:
            close_page(opened)


def test_glossary_is_reached_from_a_column_header(server: str, page: Page) -> None:
    visit(page, f"{server}/programs/JD")
    term = page.locator("#timeline thead a.term").first
    title = term.locator("abbr").get_attribute("title")
    assert title and len(title) > 20  # the explanation, as a tooltip
    with page.expect_navigation():
        term.click()
    assert "/glossary#term-" in page.url
    anchor = page.url.split("#")[1]
    assert page.locator(f"dt#{anchor}").is_visible()
    shot(page, "glossary_from_header")


def test_a_table_is_sorted_filtered_and_downloaded_as_shown(server: str, page: Page, tmp_path: Path) -> None:
    visit(page, f"{server}/programs/JD")
    table = page.locator("#members")

    def values() -> list[int]:
        cells = table.locator("tbody tr:not([hidden]) td:nth-child(4)")
        return [int(v) for v in cells.evaluate_all("cells => cells.map(c => c.getAttribute('data-value'))")]

    table.locator("thead th").nth(3).locator("button.sort").click()
    ascending = values()
    assert ascending == sorted(ascending) and len(ascending) > 2
    table.locator("thead th").nth(3).locator("button.sort").click()
    assert values() == sorted(ascending, reverse=True)
    assert table.locator("thead th").nth(3).get_attribute("aria-sort") == "descending"
    first_code = table.locator("tbody tr td:first-child a").first.inner_text()
    bar = page.locator("xpath=//div[contains(@class,'table-tools')][following-sibling::div[1]//table[@id='members']]")
    bar.locator("input.table-filter").fill(first_code)
    visible = table.locator("tbody tr:not([hidden])")
    assert visible.count() >= 1 and all(first_code in t for t in visible.all_inner_texts())
    assert bar.count() == 1
    shot(page, "table_sorted_filtered")
    with page.expect_download() as got:
        bar.locator("button", has_text="CSV (Excel ;)").click()
    flemish = Path(got.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(flemish), delimiter=";"))
    assert len(rows) == visible.count() + 1 and all(first_code in ";".join(r) for r in rows[1:])
    with page.expect_download() as got:
        bar.locator("button", has_text="CSV").first.click()
    standard = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    assert standard[1:] and [r[3] for r in standard[1:]] == [r[3] for r in rows[1:]]
    with page.expect_download() as got:
        bar.locator("button", has_text="XLSX").click()
    target = tmp_path / "members.xlsx"
    target.write_bytes(Path(got.value.path()).read_bytes())
    assert zipfile.is_zipfile(target)
    import openpyxl

    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(cells) == len(rows) and [int(str(r[3])) for r in cells[1:]] == [int(r[3]) for r in standard[1:]]


def test_the_waterfall_on_an_article_page(server: str, page: Page, browser_library: multiyear.Library) -> None:
    code = bridged_article(browser_library)
    visit(page, f"{server}/articles/{code}")
    page.wait_for_selector("[data-chart='bridge-data'][data-drawn='true'] .main-svg")
    chart = page.locator("[data-chart='bridge-data']")
    assert chart.locator("g.trace.waterfall, g.waterfalllayer g.trace").count() >= 1
    axis = chart.locator("text.ytitle").text_content() or ""
    assert axis.startswith("€ ")  # the unit said: € duizend, miljoen or miljard
    rows = page.locator("#bridge tbody tr")
    assert rows.first.get_attribute("data-role") == "start" and rows.last.get_attribute("data-role") == "end"
    chart.scroll_into_view_if_needed()
    shot(page, "article_waterfall")


def test_the_year_on_year_view(server: str, page: Page) -> None:
    visit(page, f"{server}/yoy")
    rows = page.locator("table.yoy-table tbody tr")
    assert rows.count() > 3
    kinds = set(page.locator("table.yoy-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.comparison)"))
    assert {"BO/BO-1", "BA/BO", "BU/BA-JR"} <= kinds
    shot(page, "year_on_year")
    visit(page, f"{server}/programs/JD")
    assert page.locator("#h-yoy").is_visible()


def test_the_all_domain_overview(server: str, page: Page, browser_library: multiyear.Library) -> None:
    year = max(d.year for d in browser_library.documents if d.stage == "BO")
    visit(page, f"{server}/overview?year={year}&stage=BO&credit=VEK")
    chart = page.locator("#overview")
    chart.locator("g.slice").first.wait_for()
    rows = page.locator("#overview-table tbody tr")
    assert rows.count() >= 1
    domain = rows.first.get_attribute("data-domain")
    assert chart.locator("g.slice", has_text=domain).count() >= 1
    zoom(page, "#overview", chart.locator("g.slice", has_text=domain).first)  # into the domain: its programs appear
    chart.locator("g.pathbar").first.wait_for(timeout=10_000)
    shot(page, "overview_drilled")


@pytest.fixture(scope="module")
def lineage_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Change]]:
    """`begroot serve` over one generated domain's BO reports of five years in which codes change
    (begroot.testing.lineage), with the change whose former code the documents state. The database is built
    once per run (tests/shared.py) and copied, as the server of each test process may write beside it."""
    url, change = once(tmp_path_factory, "lineage-browser", lineage_library)
    copy = tmp_path_factory.mktemp("lineage-browser") / "lineage.sqlite"
    shutil.copyfile(url.removeprefix("sqlite:///"), copy)
    with serving(f"sqlite:///{copy}") as base:
        yield base, change


def lineage_library(folder: Path) -> tuple[str, Change]:
    from begroot.ingest import prepared
    from begroot.store import Store
    from begroot.testing.lineage import lineage_corpus

    corpus = lineage_corpus(5, domains=1, years=5, stages=("BO",))
    paths = []
    for document in corpus.documents:
        paths.append(folder / f"{document.name}.txt")
        paths[-1].write_text(document.text, encoding="utf-8")
    url = f"sqlite:///{folder / 'lineage.sqlite'}"
    with Store(url) as store:
        for ready in prepared(paths, 1, store.engine.dialect.name):
            assert ready.rows is not None, ready.error
            store.ingest_rows(ready.rows)
    return url, next(c for c in corpus.changes if c.kind == "recode-stated")


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_join_is_marked_on_an_article_timeline(
    lineage_server: tuple[str, Change],
    browser_context: BrowserContext,
    width: str,
) -> None:
    base, change = lineage_server
    opened = open_page(browser_context, width)
    try:
        visit(opened, f"{base}/articles/{change.new_code}")
        opened.wait_for_selector("[data-chart='lines-data'][data-drawn='true'] .main-svg")
        chart = opened.locator("[data-chart='lines-data']")
        chart.scroll_into_view_if_needed()
        marker = chart.locator("g.annotation", has_text=f"vroeger {change.code}")
        assert marker.count() == 1 and marker.is_visible()
        assert chart.locator(".shapelayer path").count() == 1  # the vertical line at the join
        box, plot = marker.bounding_box(), chart.bounding_box()
        assert box and plot and plot["x"] <= box["x"] and box["x"] + box["width"] <= plot["x"] + plot["width"] + 1
        note = opened.locator("#timeline .lineage-note[data-kind='former']").first
        assert note.inner_text() == f"vroeger {change.code}"
        former = opened.locator(f"#timeline tr[data-code='{change.code}']")
        assert former.count() >= 2 and opened.locator(f"#timeline tr[data-code='{change.new_code}']").count() >= 2
        check_page(opened, f"article_timeline_join-{WIDTHS[width]}")
    finally:
        close_page(opened)
