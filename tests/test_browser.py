"""The pages in a real browser: Debian's chromium driven by Playwright against `begroot serve`.

Skips when chromium is missing (install it with scripts/browser.sh), unless CI=true: then it fails.
Screenshots land in artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from webdb import ingest_samples

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
ARTICLE = "JB0-1JDB2CA-WT"  # DOELGROEPVERMINDERINGEN SOCIALE ZEKERHEID
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
PAGES = ["/", f"/articles/{ARTICLE}", "/goals", "/audit", "/search?q=opleiding", "/compare", "/api/docs", "/?lang=en"]


def chromium_path() -> str | None:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed (CI=true): run scripts/browser.sh")
        pytest.skip("chromium is not installed: run scripts/browser.sh")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url, port = ingest_samples(tmp_path_factory.mktemp("browser")), free_port()
    command = [sys.executable, "-m", "begroot", "serve", "--db", url, "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"begroot serve exited: {process.stdout.read().decode() if process.stdout else ''}")
        try:
            if httpx.get(f"{base}/api/v1/documents", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("begroot serve did not start within 30 s")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    opened.errors = []  # console errors and uncaught exceptions, checked by the tests
    opened.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    yield opened
    context.close()


def shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors(server: str, page: object, path: str) -> None:
    response = page.goto(server + path, wait_until="networkidle")  # type: ignore[attr-defined]
    assert response.status == 200
    name = path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "home"
    shot(page, name)
    assert page.errors == [], page.errors  # type: ignore[attr-defined]


def test_charts_are_drawn(server: str, page: object) -> None:
    page.goto(f"{server}/articles/{ARTICLE}", wait_until="networkidle")  # type: ignore[attr-defined]
    page.wait_for_selector("[data-chart='bars-data'][data-drawn='true'] .main-svg")  # type: ignore[attr-defined]
    page.wait_for_selector("[data-chart='lines-data'][data-drawn='true'] .main-svg")  # type: ignore[attr-defined]


def test_treemap_drill_down(server: str, page: object) -> None:
    page.goto(server + "/", wait_until="networkidle")  # type: ignore[attr-defined]
    treemap = page.locator("#treemap")  # type: ignore[attr-defined]
    treemap.locator("g.slice").first.wait_for()
    ise_label = treemap.locator("g.slice text", has_text="ACTIVERING (WERK)")
    assert ise_label.count() == 0  # two levels shown: the root and the programs
    assert treemap.locator("g.pathbar").count() == 0  # at the root: no path yet
    treemap.locator("g.slice", has_text="JD Werk").first.click()
    ise_label.first.wait_for(state="visible", timeout=10_000)
    # The path bar now leads back to the root: we are inside program JD.
    treemap.locator("g.pathbar", has_text="Totaal").first.wait_for(timeout=10_000)
    page.wait_for_timeout(1000)  # let the zoom transition finish before the screenshot  # type: ignore[attr-defined]
    shot(page, "treemap_drilled")


def test_treemap_article_click_opens_its_page(server: str, page: object) -> None:
    page.goto(server + "/", wait_until="networkidle")  # type: ignore[attr-defined]
    treemap = page.locator("#treemap")  # type: ignore[attr-defined]
    treemap.locator("g.slice", has_text="JD Werk").first.click()
    treemap.locator("g.slice", has_text="ACTIVERING (WERK)").first.wait_for()
    page.wait_for_timeout(800)  # the zoom transition  # type: ignore[attr-defined]
    treemap.locator("g.slice", has_text="ACTIVERING (WERK)").last.click()
    leaf = treemap.locator("g.slice", has_text=ARTICLE)
    leaf.first.wait_for(timeout=10_000)
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    with page.expect_navigation():  # type: ignore[attr-defined]
        leaf.first.click()
    assert page.url.endswith(f"/articles/{ARTICLE}")  # type: ignore[attr-defined]


def test_article_shows_bu_vak(server: str, page: object) -> None:
    page.goto(f"{server}/articles/{ARTICLE}")  # type: ignore[attr-defined]
    cell = page.locator("#stages td[data-stage='BU'][data-credit='VAK']")  # type: ignore[attr-defined]
    assert cell.inner_text().strip() == "292.136"
    assert page.locator("mark.fig.ok", has_text="292.136 keuro").count() >= 1  # type: ignore[attr-defined]
    shot(page, "article")


def test_search_finds_article_by_explanation_word(server: str, page: object) -> None:
    page.goto(server + "/search")  # type: ignore[attr-defined]
    page.fill("#q", "RSZ-rapportering")  # type: ignore[attr-defined]
    page.fill("#q", "doelgroepverminderingen")  # type: ignore[attr-defined]
    page.press("#q", "Enter")  # type: ignore[attr-defined]
    page.wait_for_url("**/search?q=*")  # type: ignore[attr-defined]
    link = page.locator(f".results a[href='/articles/{ARTICLE}']")  # type: ignore[attr-defined]
    assert link.count() == 1
    assert page.locator(".results mark").count() > 0  # type: ignore[attr-defined]
    shot(page, "search")


def test_phone_width_has_no_horizontal_scroll(server: str, browser: object) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})  # type: ignore[attr-defined]
    phone = context.new_page()
    phone.goto(f"{server}/articles/{ARTICLE}", wait_until="networkidle")
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    shot(phone, "article_phone")
    context.close()
    assert overflow <= 1
