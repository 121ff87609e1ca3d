"""Shared test setup: make helper modules in tests/ (pdfgen, ...) importable."""

from __future__ import annotations

import sys
from pathlib import Path

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
