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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'begroot.sqlite'}"
    else:
        yield from postgres_schema_url()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def samples_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database holding both samples with their audit findings, on each backend, for read-only tests."""
    from webdb import ingest_into

    if request.param == "sqlite":
        yield ingest_into(f"sqlite:///{tmp_path_factory.mktemp('samples') / 'samples.sqlite'}")
    else:
        with postgres_schema() as url:
            yield ingest_into(url)
