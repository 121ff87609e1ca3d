"""What the browser tests share (tests/test_browser.py, tests/test_browser_years.py, tests/test_export.py): the
`begroot serve` they talk to, and their way of opening, waiting for and checking a page. The fixtures that hold
the browser and the server live in tests/conftest.py, one per test process for all three modules.

One chromium per test process, with a profile of its own on disk (a persistent context): as in a visitor's
browser, what it loaded before is in its cache, and V8 reuses the compiled code of the 4.8 MB plotly.min.js
from its third load on, instead of compiling it again on every page (about 1 s a page). Each test still starts
as a new visitor: `open_page` clears the cookies (the dashboard's only state in the browser: the language).
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Locator, Page, Response

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
WIDTHS = {"desktop": 1280, "phone": 390}
HEIGHT = 900


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(url: str) -> Iterator[str]:
    """`begroot serve` over the database at `url`, in a process of its own; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "begroot", "serve", "--db", url, "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
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


ERRORS: dict[Page, list[str]] = {}  # each open page's console errors and uncaught exceptions, checked by the tests


def open_page(context: BrowserContext, width: str) -> Page:
    """A new tab `WIDTHS[width]` px wide, as for a new visitor (no cookies: Dutch)."""
    context.clear_cookies()
    opened = context.new_page()
    opened.set_viewport_size({"width": WIDTHS[width], "height": HEIGHT})
    errors = ERRORS[opened] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    opened.on("console", console)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    return opened


def close_page(page: Page) -> None:
    ERRORS.pop(page, None)
    page.close()


# Set by charts.js on <html> once every chart of the page is drawn; a page without charts.js has nothing to draw.
CHARTS_DRAWN = "() => document.documentElement.hasAttribute('data-charts') || !document.querySelector(\"script[src$='/charts.js']\")"


def visit(page: Page, url: str) -> Response:
    """Open `url` (up to its load event) and wait until its charts are drawn: no fixed pause."""
    response = page.goto(url)
    assert response is not None, url
    page.wait_for_function(CHARTS_DRAWN)
    return response


def zoom(page: Page, chart: str, target: Locator) -> None:
    """Click `target` in the treemap `chart` (a selector) and wait until Plotly says its zoom transition has
    ended (`plotly_animated`): a fixed pause was either too long or, on a busy machine, too short."""
    page.eval_on_selector(chart, "el => { el.removeAttribute('data-zoomed'); "
                                 "el.once('plotly_animated', () => el.setAttribute('data-zoomed', 'true')); }")  # fmt: skip
    target.click()
    page.wait_for_selector(f"{chart}[data-zoomed='true']", state="attached")


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def check_page(page: Page, name: str) -> None:
    """No console errors, no sideways scroll, axe clean (serious/critical), and a screenshot."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function(CHARTS_DRAWN)
    shot(page, name)
    assert ERRORS[page] == [], ERRORS[page]
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{name} scrolls sideways by {overflow}px"
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, results.generate_report()


def shot_name(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", path.strip("/")) or "home"
