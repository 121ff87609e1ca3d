"""Documents as users name them: files with spaces, accents, parentheses, quotes, and two files of the
same name in different folders. Each gets an id every URL and command takes, and a title readers see.

Runs on SQLite, and on PostgreSQL too (conftest `db_url`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from begroot.app import create_app
from begroot.identity import compose_title, slug, with_hash
from begroot.store import Store
from begroot.store.engine import make_engine, writing
from begroot.store.migrate import alembic_config
from cli import Ran, run
from conftest import BACKENDS, new_database

ROOT = Path(__file__).resolve().parent.parent
REPORT = next((ROOT / "samples").glob("000_*.txt"))
SLIDES = next((ROOT / "samples").glob("003_*.txt"))
REPORT_TITLE = "BBT Werk en Sociale Economie – begrotingsuitvoering 2023"
SLIDES_TITLE = "Presentatie BBT 2022 Werk en Sociale Economie"
FORMULA_NAME = '=HYPERLINK("http:x","klik").txt'


def cli(*args: str) -> Ran:
    """In this process (tests/cli.py): nothing here is about the process itself."""
    return run(*args, env={"COLUMNS": "200"})  # tables as wide as their content


def realistic_folder(root: Path) -> Path:
    """Files named as people name them. The copies differ by trailing blank lines only, so they
    read the same but are different files (another sha256)."""
    folder = root / "Begroting 2023 (definitief)"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    slides = SLIDES.read_bytes()
    (folder / "BBT BU 2023 Werk é.txt").write_bytes(REPORT.read_bytes())
    (folder / "Presentatie (kopie) BBT 2022.txt").write_bytes(slides)
    (folder / "a" / "dup.txt").write_bytes(slides + b"\n")
    (folder / "b" / "dup.txt").write_bytes(slides + b"\n\n")
    (folder / FORMULA_NAME).write_bytes(slides + b"\n\n\n")
    return folder


@pytest.fixture(scope="module", params=BACKENDS)
def ingested(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Ran]]:
    """The realistic folder ingested, on each backend, for the tests that only read it."""
    folder = tmp_path_factory.mktemp("identity")
    for url in new_database(request.param, folder):
        yield url, cli("ingest", str(realistic_folder(folder)), "--db", url)


@pytest.fixture
def ingested_to_change(db_url: str, tmp_path: Path) -> tuple[str, Ran]:
    """The realistic folder ingested into a database of the test's own."""
    return db_url, cli("ingest", str(realistic_folder(tmp_path)), "--db", db_url)


def test_ids_are_url_safe_and_titles_come_from_the_content() -> None:
    assert slug("BBT BU 2023 Werk é") == "BBT-BU-2023-Werk-e"
    assert slug('=HYPERLINK("http:x","klik")') == "HYPERLINK-http-x-klik"
    assert slug("000_487494d7f3174438") == "000_487494d7f3174438"
    assert slug("  ...(  )  ") == "document"
    assert with_hash("dup", "1a2b3c4d5e6f") == "dup-1a2b3c4d"
    assert compose_title("report", "BU", 2023, "Werk en Sociale Economie") == REPORT_TITLE
    assert compose_title("slides", "BO", 2022, "Werk en Sociale Economie") == SLIDES_TITLE


def test_a_realistic_folder_ingests_with_a_warning_for_the_same_name(ingested: tuple[str, object]) -> None:
    url, result = ingested
    assert isinstance(result, Ran)
    assert result.returncode == 0, result.stderr
    assert "5 added, 0 already present, 0 failed" in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "dup.txt" in warnings[0] and "'dup'" in warnings[0]
    with Store(url) as store:
        documents = {d["file_name"]: d for d in store.documents()}
    assert set(documents) == {"BBT BU 2023 Werk é.txt", "Presentatie (kopie) BBT 2022.txt", "dup.txt", FORMULA_NAME}
    with Store(url) as store:
        rows = store.documents()
    dups = [d for d in rows if d["file_name"] == "dup.txt"]
    assert [d["name"] for d in dups] == ["dup", f"dup-{dups[1]['sha256'][:8]}"]
    assert {d["name"] for d in rows} >= {"BBT-BU-2023-Werk-e", "Presentatie-kopie-BBT-2022", "HYPERLINK-http-x-klik"}
    titles = {d["file_name"]: d["title"] for d in rows}
    assert titles["BBT BU 2023 Werk é.txt"] == REPORT_TITLE and titles["dup.txt"] == SLIDES_TITLE


def test_every_document_is_reachable_on_every_page_and_endpoint(ingested: tuple[str, object]) -> None:
    url, _ = ingested
    client = TestClient(create_app(url), base_url="http://localhost")
    documents = client.get("/api/v1/documents").json()
    assert len(documents) == 5
    other = documents[0]["name"]
    for document in documents:
        key, title = document["name"], document["title"]
        facts = client.get("/api/v1/facts", params={"document": key, "limit": 5000}).json()
        assert facts["total"] == document["facts"] > 0
        assert {f["document"] for f in facts["items"]} == {key}  # never merged with the other 'dup'
        csv_rows = client.get("/api/v1/facts.csv", params={"document": key}).text.strip().splitlines()
        assert len(csv_rows) == document["facts"] + 1
        for path in ("/api/v1/articles", "/api/v1/findings", "/api/v1/goals"):
            assert client.get(path, params={"document": key}).status_code == 200, path
        home = client.get("/", params={"document": key})
        assert home.status_code == 200 and title in home.text and f'value="{key}" selected' in home.text
        assert client.get("/goals", params={"document": key}).status_code == 200
        compare = client.get("/compare", params={"a": key, "b": other})
        assert compare.status_code == 200 and f'value="{key}" selected' in compare.text
    # the document the user knows by file name: found by it, with or without the extension
    by_name = client.get("/api/v1/facts", params={"document": "BBT BU 2023 Werk é", "limit": 1}).json()
    assert by_name["items"][0]["document"] == "BBT-BU-2023-Werk-e"
    assert client.get("/", params={"document": "BBT BU 2023 Werk é.txt"}).status_code == 200
    assert client.get(f"/compare?a={quote('BBT BU 2023 Werk é')}&b={quote(FORMULA_NAME)}").status_code == 200
    # a name two files share is refused, with both ids, instead of merging them
    ambiguous = client.get("/api/v1/facts", params={"document": "dup.txt"})
    assert ambiguous.status_code == 404 and "dup-" in ambiguous.json()["detail"]


def test_pages_name_documents_by_title(ingested: tuple[str, object]) -> None:
    url, _ = ingested
    client = TestClient(create_app(url), base_url="http://localhost")
    home = client.get("/").text
    assert REPORT_TITLE in home and SLIDES_TITLE in home
    article = client.get("/articles/JB0-1JDB2CA-WT").text
    assert REPORT_TITLE in article and "BBT-BU-2023-Werk-e" in article
    assert REPORT_TITLE in client.get("/audit").text
    assert REPORT_TITLE in client.get("/search", params={"q": "opleiding"}).text
    listing = cli("documents", "--db", url)
    assert listing.returncode == 0 and "BBT-BU-2023-Werk-e" in listing.stdout and REPORT_TITLE in listing.stdout


def test_remove_takes_the_id_and_refuses_a_shared_file_name(ingested_to_change: tuple[str, object]) -> None:
    url, _ = ingested_to_change
    shared = cli("remove", "dup.txt", "--db", url)  # the file name both have
    assert shared.returncode == 1 and "names 2 documents" in shared.stderr
    assert len(shared.stderr.strip().splitlines()) == 1
    with Store(url) as store:
        second = next(d["name"] for d in store.documents() if d["name"].startswith("dup-"))
    removed = cli("remove", "dup", "--db", url)  # the id: that document only, no longer both
    assert removed.returncode == 0 and "removed 1 document" in removed.stdout
    assert cli("remove", "BBT BU 2023 Werk é.txt", "--db", url).returncode == 0  # a unique file name works
    with Store(url) as store:
        names = [d["name"] for d in store.documents()]
    assert "dup" not in names and second in names and "BBT-BU-2023-Werk-e" not in names


def test_migration_gives_old_documents_ids_titles_and_file_names(db_url: str) -> None:
    """A database made before ids existed, holding the same name twice and a name with a space."""
    from alembic import command

    engine = make_engine(db_url)
    config = alembic_config()
    with writing(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    documents = sa.table("documents", *(sa.column(c) for c in ("id", "name", "sha256", "kind", "stage", "year",
                         "domain", "domain_letter", "title", "format", "page_count", "ingested_at")))  # fmt: skip
    findings = sa.table("findings", *(sa.column(c) for c in ("id", "document_id", "rule", "severity", "message")),
                        sa.column("numbers", sa.JSON), sa.column("locations", sa.JSON))  # fmt: skip
    common = {"kind": "slides", "stage": "BO", "year": 2022, "domain": "Werk en Sociale Economie",
              "domain_letter": "J", "title": "", "format": "text", "page_count": 9,
              "ingested_at": datetime.now(UTC)}  # fmt: skip
    with engine.begin() as connection:
        for key, (name, sha) in enumerate([("dup", "a" * 64), ("dup", "b" * 64), ("BBT é", "c" * 64)], start=1):
            connection.execute(sa.insert(documents).values(id=key, name=name, sha256=sha, **common))
        connection.execute(
            sa.insert(findings),
            [{"id": 1, "document_id": 3, "rule": "r", "severity": "info", "message": "m", "numbers": {},
              "locations": [{"document": "BBT é", "page": 1, "source_line": 2}]}],
        )  # fmt: skip
        connection.execute(sa.text("INSERT INTO programs (id, document_id, code, name, page, line) "
                                   "VALUES (1, 1, 'JD', 'Werk', 1, 1)"))  # fmt: skip
    engine.dispose()
    with Store(db_url) as store:
        rows = store.documents()
        stored = store.findings()
    assert [(d["name"], d["file_name"]) for d in rows] == [
        ("dup", "dup"),
        (f"dup-{'b' * 8}", "dup"),
        ("BBT-e", "BBT é"),
    ]
    assert {d["title"] for d in rows} == {SLIDES_TITLE}
    assert stored[0]["locations"][0]["document"] == "BBT-e"
    with Store(db_url) as store:  # the documents' own rows are all still there
        assert store.rows(sa.select(sa.text("code")).select_from(sa.text("programs"))) == [{"code": "JD"}]
