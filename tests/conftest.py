"""Shared test setup: make helper modules in tests/ (pdfgen, ...) importable."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


# --------------------------------------------------------------------------- databases
# Every test that needs a database takes `db_url`: it runs on SQLite, and on PostgreSQL
# too when BEGROOT_TEST_POSTGRES_URL is set (scripts/test.sh starts one with scripts/postgres.sh).
# Each PostgreSQL test gets a schema of its own, dropped afterwards.

import os  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from needs import missing  # noqa: E402

PG_URL = os.environ.get("BEGROOT_TEST_POSTGRES_URL")


# scripts/test.sh runs the suite in parallel (pytest-xdist, `--dist worksteal`: an idle worker takes tests
# from a busy one). PostgreSQL tests may run in any worker: each has a schema of its own, and begroot's write
# lock there is one per schema (store/engine.py).


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    yield from postgres_schema_url()


def postgres_schema_url() -> Iterator[str]:
    if not PG_URL:
        if os.environ.get("BEGROOT_REQUIRE_POSTGRES"):
            pytest.fail(
                "PostgreSQL is required here (BEGROOT_REQUIRE_POSTGRES) but BEGROOT_TEST_POSTGRES_URL is not set"
            )
        missing("BEGROOT_TEST_POSTGRES_URL not set: run scripts/postgres.sh and export the URL it prints")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(sa.schema.CreateSchema(schema))
    url = sa.engine.make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.schema.DropSchema(schema, cascade=True))
        admin.dispose()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]  # the params of a database fixture


def new_database(backend: str, folder: Path) -> Iterator[str]:
    """A database of its own on `backend`: a SQLite file in `folder`, or a PostgreSQL schema (dropped after)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'begroot.sqlite'}"
    else:
        yield from postgres_schema_url()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


@pytest.fixture(scope="session", params=BACKENDS)
def samples_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database holding both samples with their audit findings, on each backend, for read-only tests."""
    from webdb import ingest_into

    for url in new_database(request.param, tmp_path_factory.mktemp("samples")):
        yield ingest_into(url)


# --------------------------------------------------------------------------- the multiyear library and the browser
# Built or started once per test process for every module that uses them (session scope), the library even once
# per run for all workers (tests/shared.py). The imports are deferred: most tests need none of it.

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

    from begroot.testing import GeneratedDocument
    from multiyear import Library


@pytest.fixture(scope="session")
def multiyear_built(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """tests/multiyear.py's library on SQLite, built once per run: never written, `multiyear.copy` it to use it."""
    import multiyear
    from shared import once

    return once(tmp_path_factory, "multiyear", multiyear.build)


@pytest.fixture(scope="session", params=BACKENDS)
def multiyear_library(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """tests/multiyear.py's library on each backend, for tests that only read it (test_dashboard, test_years)."""
    import multiyear

    folder = tmp_path_factory.mktemp("multiyear")
    if request.param == "sqlite":
        yield multiyear.copy(request.getfixturevalue("multiyear_built"), folder)
    else:
        for url in postgres_schema_url():
            yield multiyear.build(folder, url)


@pytest.fixture(scope="session")
def browser_library(multiyear_built: Library, tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The browser tests' copy of the multiyear library (one of them gives a verdict in it)."""
    import multiyear

    return multiyear.copy(multiyear_built, tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def server(browser_library: Library) -> Iterator[str]:
    """`begroot serve` over the browser tests' library: its base URL."""
    from browsing import serving

    with serving(browser_library.url) as base:
        yield base


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Debian's chromium with a profile on disk (tests/browsing.py says why); `browsing.open_page` opens a tab."""
    from needs import chromium

    executable = chromium()
    from playwright.sync_api import sync_playwright

    from browsing import CHROMIUM_ARGS, HEIGHT, WIDTHS

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, args=CHROMIUM_ARGS,
            viewport={"width": WIDTHS["desktop"], "height": HEIGHT},
        )  # fmt: skip
        yield context
        context.close()


@pytest.fixture
def page(browser_context: BrowserContext) -> Iterator[Page]:
    """A desktop-wide tab for one test."""
    from browsing import close_page, open_page

    opened = open_page(browser_context, "desktop")
    yield opened
    close_page(opened)


@pytest.fixture(scope="session")
def word_processor_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[GeneratedDocument]]:
    """Every word-processor PDF the tests read, by set (tests/wordpdfs.py), converted once per run: read-only."""
    from wordpdfs import converted

    return converted(tmp_path_factory)
