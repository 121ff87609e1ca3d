"""Every database an earlier begroot wrote opens with this one: upgraded, listed, ingested into, audited.

The databases in tests/data/upgrades/ were written by earlier commits of main, each running its own code
(tests/data/upgrades/README.md says how), on SQLite and as PostgreSQL dumps. Among them the case that
broke: a database at 0005 from before the document-identity merge, which records a revision whose
chain it never ran. Shipped migrations are never edited (a hash of each is kept here), and the live
functions that old migrations import keep their behaviour on fixed inputs.
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import json
import random
import re
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import sqlalchemy as sa

import cli
from begroot.store import migrate
from begroot.store.schema import Base
from begroot.testing import random_budget, random_style, render_text
from cli import Ran
from conftest import postgres_schema

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "upgrades"
VERSIONS = ROOT / "src" / "begroot" / "store" / "migrations" / "versions"
STORED = "003_99a07576850413ae"  # the sample every fixture holds
SQLITE_FIXTURES = sorted(path.name for path in DATA.glob("*.sqlite"))
POSTGRES_FIXTURES = sorted(path.name for path in DATA.glob("*.postgresql.sql"))
REVIEWED = "F0b7553f0518b"  # the finding the 0005 fixtures hold a verdict on (its id as made up to 0010)


def run(*args: str, db: str) -> Ran:
    """`begroot ARGS --db DB` in this process (tests/cli.py); the database that broke is opened by a real one."""
    return cli.run(*args, "--db", db)


@pytest.fixture(scope="module")
def new_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated slide deck (small) that no fixture holds."""
    budget = random_budget(5)
    generated = render_text(budget, "slides", "BO", budget.years[1], random_style(random.Random(5)))
    path = tmp_path_factory.mktemp("new") / f"{generated.name}.txt"
    path.write_text(generated.text, encoding="utf-8")
    return path


def reviewed_by_content(url: str) -> str:
    """The id the live audit gives the finding the fixture holds a verdict on, from the content hash of its
    document (read from the fixture before it is upgraded): where 0010_finding_ids must move the verdict."""
    from begroot.audit.findings import finding_key_id

    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            query = sa.text("SELECT f.rule, f.subject, f.locations, f.context, f.message, d.sha256 FROM findings f "
                            "JOIN documents d ON d.id = f.document_id WHERE f.finding_id = :old")  # fmt: skip
            row = connection.execute(query, {"old": REVIEWED}).one()
    finally:
        engine.dispose()
    places = [(row.sha256, place["page"], place["source_line"]) for place in as_json(row.locations)]
    return finding_key_id(row.rule, row.subject, places, as_json(row.context), row.message)


def as_json(value: object) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def check_upgraded(url: str, fixture: str, new_document: Path, tmp_path: Path) -> None:
    reviewed = reviewed_by_content(url) if fixture.startswith("0005") else ""
    listing = run("documents", db=url)
    assert listing.returncode == 0, listing.stderr
    assert STORED in listing.stdout
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            assert migrate.current_revision(engine) == migrate.HEAD
            found = sa.inspect(connection)
            for table in Base.metadata.sorted_tables:
                columns = {column["name"] for column in found.get_columns(table.name)}
                assert {column.name for column in table.columns} <= columns, (fixture, table.name)
            names = {index["name"]: index["unique"] for index in found.get_indexes("documents")}
            assert names.get("ix_documents_name"), fixture  # ids unique, as 0003_document_identity made them
            row = connection.execute(sa.text("SELECT name, file_name, title FROM documents")).one()
            assert row.name == STORED and row.file_name.startswith(STORED) and row.title.startswith("Presentatie BBT")
    finally:
        engine.dispose()
    added = run("ingest", str(new_document), db=url)
    assert added.returncode == 0 and "1 added" in added.stderr, added.stderr
    again = run("ingest", str(ROOT / "samples" / f"{STORED}.txt"), db=url)
    assert again.returncode == 0 and "1 already present" in again.stderr, again.stderr
    audit = run("audit", "-f", "json", db=url)
    assert audit.returncode == 0, audit.stderr
    findings = json.loads(audit.stdout)
    assert {place["document"] for f in findings for place in f["locations"]} >= {STORED, new_document.stem}
    if fixture.startswith("0005"):
        check_verdict_kept(url, findings, reviewed, tmp_path)


def check_verdict_kept(url: str, findings: list[dict[str, Any]], reviewed: str, tmp_path: Path) -> None:
    """The verdict given under the old code is on its finding's new id (no verdict left on an id no finding
    has), and stays there when the document is removed and ingested again under another file name."""
    assert reviewed != REVIEWED and REVIEWED not in {f["finding_id"] for f in findings}
    kept = [f for f in findings if f["finding_id"] == reviewed]
    assert len(kept) == 1 and kept[0]["verdict"] == "confirmed" and kept[0]["verdict_note"] == "fixture"
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            known = "SELECT finding_id FROM findings WHERE finding_id IS NOT NULL"
            orphans = connection.execute(sa.text(f"SELECT finding_id FROM reviews WHERE finding_id NOT IN ({known})"))
            assert orphans.all() == []
    finally:
        engine.dispose()
    assert run("remove", STORED, db=url).returncode == 0
    renamed = tmp_path / "renamed report.txt"
    shutil.copyfile(ROOT / "samples" / f"{STORED}.txt", renamed)
    assert run("ingest", str(renamed), db=url).returncode == 0
    audit = run("audit", "-f", "json", db=url)
    again = [f for f in json.loads(audit.stdout) if f["finding_id"] == reviewed]
    assert len(again) == 1 and again[0]["verdict"] == "confirmed", audit.stderr
    assert {place["document"] for place in again[0]["locations"]} == {"renamed-report"}


@pytest.mark.parametrize("fixture", SQLITE_FIXTURES)
def test_an_earlier_sqlite_database_is_upgraded_and_works(fixture: str, tmp_path: Path, new_document: Path) -> None:
    copy = tmp_path / fixture
    shutil.copyfile(DATA / fixture, copy)
    check_upgraded(f"sqlite:///{copy}", fixture, new_document, tmp_path)


def load_dump(url: str, dump: Path) -> None:
    """A plain pg_dump of one schema, loaded into the schema `url` searches."""
    schema = re.search(r"search_path=(\w+)", sa.engine.make_url(url).query["options"])  # type: ignore[arg-type]
    assert schema
    sql = dump.read_text(encoding="utf-8")
    dumped = re.search(r"^CREATE SCHEMA (\w+);$", sql, re.MULTILINE)
    assert dumped
    lines = [line for line in sql.splitlines() if not line.startswith("\\") and line != dumped.group(0)]
    sql = "\n".join(lines).replace(f"{dumped.group(1)}.", f"{schema.group(1)}.")
    engine = sa.create_engine(url)
    try:
        raw = engine.raw_connection()
        try:
            with raw.cursor() as cursor:
                cursor.execute(sql)
            raw.commit()
        finally:
            raw.close()
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("fixture", POSTGRES_FIXTURES)
def test_an_earlier_postgresql_database_is_upgraded_and_works(fixture: str, new_document: Path, tmp_path: Path) -> None:
    with postgres_schema() as url:
        load_dump(url, DATA / fixture)
        check_upgraded(url, fixture, new_document, tmp_path)


def test_the_database_that_broke_names_its_missing_column_no_more(tmp_path: Path) -> None:
    """Before the repair: 'internal error: OperationalError: no such column: documents.file_name'."""
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(DATA / "0005-before-identity-6f79782.sqlite", copy)
    engine = sa.create_engine(f"sqlite:///{copy}")
    with engine.connect() as connection:
        assert "file_name" not in {c["name"] for c in sa.inspect(connection).get_columns("documents")}
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0005_review_trail"
    engine.dispose()
    result = cli.run_process("documents", "--db", f"sqlite:///{copy}")  # a new begroot, as a user runs it
    assert result.returncode == 0 and "file_name" not in result.stderr, result.stderr


# --------------------------------------------------------------------------- the repair itself


def repair_module(name: str = "0007_repair.py") -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"migration_{name[:4]}", VERSIONS / name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_repair_is_idempotent_and_does_nothing_to_a_current_database(tmp_path: Path) -> None:
    repair = repair_module().repair
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(DATA / "0005-before-identity-6f79782.sqlite", copy)
    engine = sa.create_engine(f"sqlite:///{copy}")
    try:
        with engine.begin() as connection:
            done = repair(connection)
        assert "added column documents.file_name" in done and "made index ix_documents_name" in done
        with engine.begin() as connection:
            assert repair(connection) == []  # twice: nothing left to do
    finally:
        engine.dispose()
    current = f"sqlite:///{tmp_path / 'new.sqlite'}"
    from begroot.store import Store

    Store(current).close()
    engine = sa.create_engine(current)
    try:
        with engine.begin() as connection:
            assert repair(connection) == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("name", ["0007_repair.py", "0010_finding_ids.py"])
def test_the_repair_and_the_new_ids_import_nothing_of_begroot(name: str) -> None:
    text = (VERSIONS / name).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) begroot", text, re.MULTILINE)


def test_new_finding_ids_are_the_audits_and_made_once(db_url: str) -> None:
    """0010_finding_ids, run on a database at 0009 holding findings under their old ids, gives each the id
    today's audit gives it (its frozen id function agrees with the live one) and moves the verdicts along;
    run again, it changes nothing."""
    from begroot.audit import audit_document, load_and_parse
    from begroot.audit.findings import finding_id
    from begroot.store import Store

    document, source = load_and_parse(ROOT / "samples" / f"{STORED}.txt")
    found = audit_document(document, source)
    audited = {f.finding_id for f in found}
    with Store(db_url) as store:
        store.ingest(document, [f.as_dict() for f in found])
        rows = store.findings()
    engine = sa.create_engine(db_url)
    old = {row["finding_id"]: finding_id(row["rule"], row["subject"], row["locations"], row["context"],
                                         row["message"]) for row in rows}  # fmt: skip
    try:
        with engine.begin() as connection:  # as the code before 0010 stored them, with a verdict on each
            for new, former in old.items():
                connection.execute(sa.text("UPDATE findings SET finding_id = :old WHERE finding_id = :new"),
                                   {"old": former, "new": new})  # fmt: skip
                connection.execute(
                    sa.text("INSERT INTO reviews (finding_id, verdict, note, reviewer, created_at) "
                            "VALUES (:old, 'confirmed', 'old', 'test', CURRENT_TIMESTAMP)"), {"old": former})  # fmt: skip
        renew_ids = repair_module("0010_finding_ids.py").renew_ids
        with engine.begin() as connection:
            moved = renew_ids(connection)
        assert moved == {former: new for new, former in old.items()} and set(moved.values()) == audited
        with engine.begin() as connection:
            assert renew_ids(connection) == {}
    finally:
        engine.dispose()
    with Store(db_url) as store:
        assert {row["finding_id"] for row in store.findings() if row["verdict"] == "confirmed"} == audited
        assert {row["finding_id"] for row in store.reviews()} == audited


# --------------------------------------------------------------------------- shipped migrations stay as shipped

# sha256 of every migration but the newest. A shipped migration is never edited (docs/database.md):
# a database that ran it must never find it changed. A new migration is added here when the next one ships.
SHIPPED = {
    "0001_initial_schema.py": "d6498da289754795caade3180288b5499389dc21c4dbdbda3fec3b309219212b",
    "0002_abbreviations_slides_warnings.py": "824207b9b9ab998ce7530bf2bf286f5ac18506dc67710f4a015c19a0b8ace010",
    "0003_document_identity.py": "90416ccaf0b931f33bb06c2638c5237d4e53b985885922a9f22f76907279ad6c",
    "0003_search_index.py": "3f5af4db88dcd2e46b10bad2af1eb9e4b42b66fa47bcf20e9c0a67056653c873",
    "0004_query_indexes.py": "ce8b76d965f2a77e91b5679107a2021d04ce824d7179d8c04be9db984652505f",
    "0005_review_trail.py": "d3cdda7eb3d810359499deaaacfcbcd81622b8bdab17b2bf6fcf264267a90e37",
    "0006_fact_page_index.py": "05478b5c4750564bc7fad52be768f9d70b44151ae63c2ccb66d6048ae44b3a4e",
    "0007_repair.py": "a2ff430570a971f7a846f99cfcfde46f732c586f472649d04d2528d9a327ddde",
    "0008_document_originals.py": "913daadb14826132213cfd559e2b99b14611a93464b95a19b9272fd0db643793",
    "0009_lineage_bridge.py": "c79483a057113cbf083e3261a29884de23493a73565e1d2b09a72f46cb223573",
}


def test_shipped_migrations_are_never_edited() -> None:
    files = sorted(path.name for path in VERSIONS.glob("0*.py"))
    newest = max(files)
    assert set(files) - {newest} == set(SHIPPED), "a migration was added or removed: update SHIPPED"
    for name, digest in SHIPPED.items():
        assert hashlib.sha256((VERSIONS / name).read_bytes()).hexdigest() == digest, f"{name} was edited"


def test_the_live_code_old_migrations_import_keeps_its_behaviour() -> None:
    """0003_document_identity imports begroot.identity, 0003_search_index begroot.store.search, 0005
    begroot.audit.findings: what they compute from fixed inputs may never change."""
    from begroot.audit.findings import finding_id, finding_key_id
    from begroot.identity import compose_title, slug, with_hash
    from begroot.store.search import entry, index_entries, with_words

    assert slug("BBT BU 2023 Werk é (kopie)") == "BBT-BU-2023-Werk-e-kopie"
    assert slug("...") == "document"
    assert with_hash("dup", "1a2b3c4d5e6f") == "dup-1a2b3c4d"
    assert compose_title("report", "BU", 2023, "Werk en Sociale Economie") == (
        "BBT Werk en Sociale Economie – begrotingsuitvoering 2023"
    )
    assert compose_title("slides", "BO", 2022, "Werk") == "Presentatie BBT 2022 Werk"
    places = [{"document": "d", "page": 3, "source_line": 120}]
    assert finding_id("frame-sum", "JD", places, {"field": "VAK", "offset": 4}, "sum 1.234 vs 1.235") == "Fe387d8cf2ed2"
    assert finding_id("x", None, [], None, "") == "F63ddbf60f970"
    assert finding_key_id("frame-sum", "JD", [("ab12", 3, 120)], {"field": "VAK", "offset": 4}, "sum 1.234") == (
        "Fba9f3ff6bf23"
    )  # 0010_finding_ids holds a frozen copy: the ids it gave the stored findings are the audit's
    made = entry("article", "JD1", "Naam", 2, None, "Werkgelegenheid en activering")
    assert made == {"kind": "article", "key": "JD1", "title": "Naam", "page": 2, "line": None,
                    "text": "Werkgelegenheid en activering"}  # fmt: skip
    assert with_words(made, "sqlite")["stemmed"] == "naam werklegen en activer"
    assert with_words(made, "postgresql")["folded"] == "naam werkgelegenheid en activering"
    assert list(inspect.signature(index_entries).parameters) == ["connection", "document_id", "rows"]
