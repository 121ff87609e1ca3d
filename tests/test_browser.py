"""The pages in a real browser: Debian's chromium driven by Playwright against `begroot serve`.

The server reads a database of one generated budget over three years and stages plus the samples
(tests/multiyear.py). Every page is loaded at desktop (1280 px) and phone (390 px) width, checked with
axe-core (axe-playwright-python: no serious or critical violation) and photographed. Skips when chromium
is missing (install it with scripts/browser.sh), unless CI=true: then it fails.
Screenshots land in artifacts/screenshots/ (`<page>-<width>.png`).
"""

from __future__ import annotations

import csv
import io
import re
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import httpx
import pytest

import cli
import multiyear
from browsing import WIDTHS, check_page, close_page, open_page, shot, shot_name, visit, zoom

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

    from begroot.testing import GeneratedDocument

pytestmark = pytest.mark.browser

ARTICLE = "JB0-1JDB2CA-WT"  # DOELGROEPVERMINDERINGEN SOCIALE ZEKERHEID
SAMPLE_REPORT = "000_487494d7f3174438"
PAGES = [
    "/", f"/articles/{ARTICLE}", "/programs/JD", "/ises/JD:activering", "/goals", "/audit?severity=error",
    "/search?q=opleiding", "/compare", "/api/docs", "/?lang=en", f"/articles/{ARTICLE}?lang=en",
    f"/?document={SAMPLE_REPORT}&credit=VAK&stage=BU",
]  # fmt: skip


def title(document: GeneratedDocument) -> str:
    """The title the pages show for a generated document (composed from what detection finds)."""
    from begroot.identity import compose_title

    return str(compose_title(document.kind, document.stage, document.year, document.domain))


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_at_both_widths(server: str, browser_context: BrowserContext, path: str, width: str) -> None:
    """Loads without console errors, fits the width (no horizontal scroll), axe finds no serious or
    critical violation; a screenshot of each page at each width."""
    page = open_page(browser_context, width)
    try:
        response = visit(page, server + path)
        assert response.status == 200
        check_page(page, f"{shot_name(path)}-{WIDTHS[width]}")
    finally:
        close_page(page)


def test_charts_are_drawn(server: str, page: Page) -> None:
    visit(page, f"{server}/articles/{ARTICLE}")
    page.wait_for_selector("[data-chart='bars-data'][data-drawn='true'] .main-svg")
    page.wait_for_selector("[data-chart='lines-data'][data-drawn='true'] .main-svg")


def test_treemap_drill_down(server: str, page: Page) -> None:
    visit(page, f"{server}/?document={SAMPLE_REPORT}")
    treemap = page.locator("#treemap")
    treemap.locator("g.slice").first.wait_for()
    ise_label = treemap.locator("g.slice text", has_text="ACTIVERING (WERK)")
    assert ise_label.count() == 0  # two levels shown: the root and the programs
    assert treemap.locator("g.pathbar").count() == 0  # at the root: no path yet
    zoom(page, "#treemap", treemap.locator("g.slice", has_text="JD Werk").first)
    ise_label.first.wait_for(state="visible", timeout=10_000)
    # The path bar now leads back to the root: we are inside program JD.
    treemap.locator("g.pathbar", has_text="Totaal").first.wait_for(timeout=10_000)
    shot(page, "treemap_drilled")


def test_treemap_article_click_opens_its_page(server: str, page: Page) -> None:
    visit(page, f"{server}/?document={SAMPLE_REPORT}")
    treemap = page.locator("#treemap")
    zoom(page, "#treemap", treemap.locator("g.slice", has_text="JD Werk").first)
    treemap.locator("g.slice", has_text="ACTIVERING (WERK)").first.wait_for()
    zoom(page, "#treemap", treemap.locator("g.slice", has_text="ACTIVERING (WERK)").last)
    leaf = treemap.locator("g.slice", has_text=ARTICLE)
    leaf.first.wait_for(timeout=10_000)
    with page.expect_navigation():
        leaf.first.click()
    assert page.url.endswith(f"/articles/{ARTICLE}")


def test_article_shows_bu_vak(server: str, page: Page) -> None:
    visit(page, f"{server}/articles/{ARTICLE}")
    cell = page.locator("#stages td[data-stage='BU'][data-credit='VAK']")
    assert cell.inner_text().strip() == "292.136"
    assert page.locator("mark.fig.ok", has_text="292.136 keuro").count() >= 1
    shot(page, "article")


def test_search_finds_article_by_explanation_word(server: str, page: Page) -> None:
    visit(page, server + "/search")
    page.fill("#q", "RSZ-rapportering")
    page.fill("#q", "doelgroepverminderingen")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=*")
    link = page.locator(f".results a[href='/articles/{ARTICLE}']")
    # one hit per document holding the article (the sample report is stored as text and as PDF)
    found = httpx.get(f"{server}/api/v1/search?q=doelgroepverminderingen&limit=100").json()["results"]
    assert link.count() == sum(1 for r in found if r["kind"] == "article" and r["key"] == ARTICLE) >= 1
    assert page.locator(".results mark").count() > 0
    shot(page, "search")


def dutch(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def test_library_matrix(server: str, page: Page, browser_library: multiyear.Library) -> None:
    visit(page, server + "/")
    matrix = page.locator(f"table.library[data-domain='{multiyear.DOMAIN}']")
    for document in browser_library.documents:
        cell = matrix.locator(f"td[data-year='{document.year}'][data-stage='{document.stage}']")
        entry = cell.locator(f"[data-document='{document.name}']")
        assert entry.locator("a").first.inner_text() == title(document)  # named by its title
        assert entry.locator("[data-facts]").inner_text().startswith(dutch(len(document.facts)))
    years = matrix.locator("tbody th[scope='row']").all_inner_texts()
    assert years == [str(year) for year in browser_library.years]
    sample = page.locator("table.library[data-domain='Werk en Sociale Economie']")
    assert sample.locator(f"td[data-year='2023'][data-stage='BU'] [data-document='{SAMPLE_REPORT}']").count() == 1
    page.wait_for_selector("[data-chart^='totals-'][data-drawn='true'] .main-svg")


def test_article_timeline_over_the_years(server: str, page: Page, browser_library: multiyear.Library) -> None:
    code = browser_library.conflict.subject
    visit(page, f"{server}/articles/{code}")
    page.wait_for_selector("[data-chart='lines-data'][data-drawn='true'] .main-svg")
    checked = 0
    for document, fact in browser_library.facts(subject=code, row="total"):
        if fact.stage not in ("BO", "BA", "BA-JR", "BU"):
            continue
        row = page.locator(
            f"#timeline tr[data-year='{fact.year}'][data-stage='{fact.stage}'][data-credit='{fact.credit}']"
        )
        assert title(document) in row.locator("ul.sources").inner_text()
        if fact == browser_library.conflict:
            assert "conflict" in (row.get_attribute("class") or "")
            assert dutch(fact.value) in row.inner_text() and dutch(fact.value - 1) in row.inner_text()
            link = row.locator("a.differs").first
            with page.expect_navigation():
                link.click()
            assert page.locator(":target").inner_text().startswith(code)
            page.go_back()
        elif (fact.year, fact.stage, fact.credit) != (browser_library.conflict.year, "BA", "VAK"):
            assert row.locator("td[data-value]").inner_text() == dutch(fact.value)
            checked += 1
    assert checked >= 20
    years = set(page.locator("#timeline tr[data-year]").evaluate_all("rows => rows.map(r => r.dataset.year)"))
    assert {str(y) for y in browser_library.years} <= years


def test_treemap_totals_equal_the_printed_totals(server: str, page: Page, browser_library: multiyear.Library) -> None:
    document = browser_library.document("BU", browser_library.years[-1])
    visit(page, f"{server}/?document={document.name}&credit=VEK&stage=BU")
    page.wait_for_selector("#treemap[data-drawn='true'] g.slice")
    drawn = page.evaluate("() => { const t = document.getElementById('treemap').data[0]; "
                          "return Object.fromEntries(t.ids.map((id, i) => [id, t.values[i]])); }")  # fmt: skip
    page.locator("details.twin summary").click()
    printed = [f for f in document.facts if f.scope in ("program", "ise") and f.row == "total"
               and (f.credit, f.stage) == ("VEK", "BU")]  # fmt: skip
    assert len(printed) >= 5
    for fact in printed:
        node = f"{fact.scope[0].upper()}:{fact.subject}"
        row = page.locator(f"#treemap-table tr[data-node='{node}']")
        assert row.locator("td[data-printed]").inner_text() == dutch(fact.value)
        if row.get_attribute("data-basis") == "printed":
            assert row.locator("td[data-value]").inner_text() == dutch(fact.value)
            if fact.value > 0:
                assert drawn[node] == fact.value
    shot(page, "treemap_table")


def follow(page: Page, selector: str) -> Any:
    """Fetch the URL a data link points to, from the page's origin."""
    href = page.locator(selector).first.get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.status == 200, href
    return response


def test_data_links_return_the_numbers_shown(server: str, page: Page, browser_library: multiyear.Library) -> None:
    code = browser_library.conflict.subject
    visit(page, f"{server}/articles/{code}")
    shown = {
        (r["year"], r["stage"], r["credit"]): r["value"]
        for r in page.locator("#timeline tr[data-year]").evaluate_all(
            "rows => rows.map(r => ({year: +r.dataset.year, stage: r.dataset.stage, credit: r.dataset.credit, "
            "value: +r.querySelector('td[data-value]').dataset.value}))"
        )
    }
    points = ".data a[data-format='json'][href^='/api/v1/points/']"
    data = follow(page, points).json()
    assert {(p["year"], p["stage"], p["credit"]): p["value"] for p in data if p["perimeter"] == ""} == shown
    table = list(csv.DictReader(io.StringIO(follow(page, points.replace("json", "csv")).text())))
    assert {(int(r["year"]), r["stage"], r["credit"]): int(r["value"]) for r in table if r["perimeter"] == ""} == shown
    visit(page, server + "/")
    library_csv = list(
        csv.DictReader(io.StringIO(follow(page, ".data a[data-format='csv'][href^='/api/v1/library']").text()))
    )
    for document in browser_library.documents:
        assert next(r for r in library_csv if r["name"] == document.name)["facts"] == str(len(document.facts))
    nodes = follow(page, ".data a[data-format='json'][href^='/api/v1/treemap']").json()
    page.locator("details.twin summary").click()
    for node in nodes:
        cell = page.locator(f"#treemap-table tr[data-node='{node['id']}'] td[data-value]")
        assert cell.inner_text() == dutch(node["value"])


def test_keyboard_reaches_the_content_and_the_tables(server: str, page: Page) -> None:
    visit(page, f"{server}/articles/{ARTICLE}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    for _ in range(40):  # the tables that may scroll sideways take the focus, so arrows can scroll them
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('scroll')"):
            break
    else:
        pytest.fail("no scrollable table reached by Tab")
    focus = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus != "none"


# --------------------------------------------------------------------------- documents and their pages (issue 19)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_library_to_document_page(server: str, browser_context: BrowserContext, width: str) -> None:
    page = open_page(browser_context, width)
    try:
        visit(page, server + "/")
        cell = page.locator(f"[data-document='{SAMPLE_REPORT}'] a.document-link")
        with page.expect_navigation():
            cell.click()
        assert page.url.endswith(f"/documents/{SAMPLE_REPORT}")
        assert page.locator("[data-count='facts'] strong").inner_text() != "0"
        assert page.locator(f"a[href='/documents/{multiyear.PDF_NAME}']").count() == 1
        check_page(page, f"document-{WIDTHS[width]}")
    finally:
        close_page(page)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_timeline_cell_to_pdf_page_with_the_figure_highlighted(
    server: str, browser_context: BrowserContext, width: str
) -> None:
    page = open_page(browser_context, width)
    try:
        visit(page, f"{server}/articles/{ARTICLE}")
        source = page.locator(f"#timeline a.source[href^='/documents/{multiyear.PDF_NAME}/pages/']").first
        with page.expect_navigation():
            source.click()
        image = page.locator(".pdf-page img")
        image.wait_for()
        page.wait_for_function("document.querySelector('.pdf-page img').naturalWidth > 0")
        chosen = page.locator(".pdf-page a.figure-box.selected")
        assert chosen.count() == 1
        box, frame = chosen.bounding_box(), image.bounding_box()
        assert box is not None and frame is not None
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
        fact = chosen.get_attribute("data-fact")
        assert page.locator(f"#fact-{fact}.selected").count() == 1
        assert "keuro" in page.locator("#cite-text").input_value()
        check_page(page, f"pdf-page-{WIDTHS[width]}")
    finally:
        close_page(page)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_finding_to_its_line_on_a_text_page(server: str, browser_context: BrowserContext, width: str) -> None:
    page = open_page(browser_context, width)
    try:
        visit(page, f"{server}/audit?document={SAMPLE_REPORT}")
        # info findings are folded away: the first one shown (an error or warning, else an unfolded info)
        page.locator("details:not([open]) > summary").first.click()
        source = page.locator(f"a.source[href^='/documents/{SAMPLE_REPORT}/pages/']:visible").first
        target = re.search(r"#L(\d+)$", source.get_attribute("href") or "")
        assert target is not None
        line = target.group(1)
        with page.expect_navigation():
            source.click()
        row = page.locator(f"tr#L{line}.selected")
        assert row.count() == 1 and row.is_visible()
        assert page.locator(".findings li.selected").count() >= 1
        check_page(page, f"text-page-{WIDTHS[width]}")
    finally:
        close_page(page)


def test_section_search_hit_to_its_page(server: str, page: Page) -> None:
    visit(page, f"{server}/search?q=opleiding")
    hit = page.locator(".results a.section-hit").first
    href = hit.get_attribute("href") or ""
    with page.expect_navigation():
        hit.click()
    assert re.search(r"/documents/[^/]+/pages/\d+", page.url)
    line = re.search(r"#L(\d+)$", href)
    if line:
        assert page.locator(f"tr#L{line.group(1)}.selected").is_visible()
    shot(page, "section-hit-page")


def test_figure_boxes_are_reached_and_chosen_by_keyboard(server: str, page: Page) -> None:
    visit(page, f"{server}/documents/{multiyear.PDF_NAME}")
    facts = httpx.get(f"{server}/api/v1/facts?document={multiyear.PDF_NAME}&limit=1").json()["items"]
    visit(page, f"{server}/documents/{multiyear.PDF_NAME}/pages/{facts[0]['page']}")
    for _ in range(60):
        page.keyboard.press("Tab")
        if "figure-box" in (page.evaluate("document.activeElement.getAttribute('class')") or ""):
            break
    else:
        pytest.fail("no figure box reached by Tab")
    fact = page.evaluate("document.activeElement.getAttribute('data-fact')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"fact={fact}" in page.url
    assert page.locator(f".pdf-page a.figure-box.selected[data-fact='{fact}']").count() == 1


def test_finding_messages_in_the_dashboards_language(server: str, page: Page) -> None:
    """The Dutch dashboard says its findings in Dutch, with Flemish numbers; English when switched."""
    visit(page, f"{server}/audit?rule=prose-check")
    dutch = page.locator("ul.findings li").first.text_content() or ""  # info: folded
    assert "gedrukt" in dutch and "stemt overeen met" in dutch and "printed" not in dutch, dutch
    visit(page, f"{server}/audit?rule=prose-check&lang=en")
    english = page.locator("ul.findings li").first.text_content() or ""
    assert "printed" in english and "agrees with" in english, english
    visit(page, f"{server}/audit?lang=nl")  # back to Dutch


def test_compare_opens_like_with_like(server: str, page: Page) -> None:
    """/compare without parameters compares like with like, later minus earlier, labelled, within 1280 px."""
    visit(page, f"{server}/compare")
    basis = page.locator(".compare-basis").inner_text()
    assert re.search(r"(BO|BA|BA-JR|BU) \d{4} − (BO|BA|BA-JR|BU) \d{4}", basis), basis
    assert page.locator(".not-comparable").count() == 0
    headers = page.locator("table.compare thead th").all_inner_texts()
    sort_marks = " ↕▲▼"  # tables.js adds a sort mark to every header
    assert headers[3].rstrip(sort_marks) == basis.split(": ", 1)[1].split(" · ")[0].strip()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    table = page.evaluate("document.querySelector('table.compare').getBoundingClientRect().right")
    assert overflow <= 1 and table <= WIDTHS["desktop"]


def test_a_reviewed_false_positive_no_longer_counts_on_the_home_page(server: str, page: Page,
                                                                     browser_library: multiyear.Library) -> None:  # fmt: skip
    """The slides' warning reviewed false-positive no longer counts in the library. The one browser test that
    writes (a verdict in the browser tests' database): no other looks at the slides' warnings."""
    slides = "003_99a07576850413ae"
    warnings = httpx.get(f"{server}/api/v1/findings", params={"document": slides, "severity": "warning"}).json()
    [finding] = warnings["items"]
    status = page.locator(f'[data-document="{slides}"] a.status')
    visit(page, f"{server}/")
    assert status.get_attribute("data-warnings") == "1"
    review = cli.run("review", finding["finding_id"], "--verdict", "false-positive", "--note", "browser test",
                     "--db", browser_library.url)  # fmt: skip
    assert review.returncode == 0, review.stderr
    time.sleep(1.2)  # the server looks at the verdicts at most once a second
    visit(page, f"{server}/")
    assert status.get_attribute("data-warnings") == "0" and "status-ok" in (
        page.locator(f'[data-document="{slides}"]').get_attribute("class") or ""
    )
    visit(page, f"{server}/audit?document={slides}")
    assert page.locator(f"#finding-{finding['finding_id']}.sev-reviewed").count() == 1
