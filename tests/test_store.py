"""The database: ingest guarantees (atomic, idempotent, concurrent, crash-safe), timeline, conflicts, API, CLI.

Runs on SQLite always, and on PostgreSQL too when BEGROOT_TEST_POSTGRES_URL is set
(scripts/postgres.sh prints one); each PostgreSQL test gets a schema of its own.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import begroot
import cli
from begroot.model import Document
from begroot.parse import extract
from begroot.store import Store
from begroot.store import store as store_module
from begroot.store.schema import ALL_TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def parsed() -> list[Document]:
    return [extract(path) for path in SAMPLES]


@pytest.fixture
def docs(parsed: list[Document]) -> list[Document]:
    return copy.deepcopy(parsed)  # tests may change them


@pytest.fixture
def url(db_url: str) -> str:
    return db_url


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with Store(url) as opened:
        yield opened


def counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {t.name: connection.scalar(sa.select(sa.func.count()).select_from(t)) for t in ALL_TABLES}


def stored_facts(store: Store, name: str) -> list[tuple[object, ...]]:
    return [tuple(row.values()) for row in _fact_rows(store, name)]


def _fact_rows(store: Store, name: str) -> list[dict[str, object]]:
    frame = begroot.dataset.Dataset(store).facts(document=name)
    columns = ["document", "scope", "subject", "row", "credit", "year", "stage", "value", "page", "source_line"]
    frame = frame.rename(columns={"table_index": "table"})[[*columns, "table", "perimeter"]]
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in frame.to_dict("records")]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "begroot", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


# --------------------------------------------------------------------------- ingest


def test_ingest_round_trips_every_fact(store: Store, docs: list[Document]) -> None:
    for doc in docs:
        assert store.ingest(doc).added is True
    assert counts(store)["facts"] == sum(len(doc.facts) for doc in docs)
    for doc in docs:
        expected = [dataclasses.astuple(fact) for fact in doc.facts]
        assert stored_facts(store, doc.name) == expected
    listed = {row["name"]: row for row in store.documents()}
    assert {name: row["facts"] for name, row in listed.items()} == {doc.name: len(doc.facts) for doc in docs}
    assert listed[docs[0].name]["sha256"] == docs[0].sha256


def test_reingest_is_a_no_op(store: Store, docs: list[Document]) -> None:
    for doc in docs:
        store.ingest(doc)
    before = counts(store)
    assert [store.ingest(doc).added for doc in docs] == [False, False]
    assert counts(store) == before


def test_remove_then_reingest(store: Store, docs: list[Document]) -> None:
    for doc in docs:
        store.ingest(doc)
    full = counts(store)
    assert store.remove(docs[0].name) == 1
    assert counts(store)["facts"] == len(docs[1].facts)
    assert store.remove(docs[1].sha256) == 1
    assert all(n == 0 for n in counts(store).values())
    assert store.remove("nothing-by-that-name") == 0
    for doc in docs:
        assert store.ingest(doc).added is True
    assert counts(store) == full


def test_failure_mid_ingest_leaves_database_unchanged(
    store: Store, docs: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    store.ingest(docs[1])
    before = counts(store)

    def explode(*_args: object) -> int:  # runs after every row of the document is inserted
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_module, "record_conflicts", explode)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.ingest(docs[0])
    assert counts(store) == before
    monkeypatch.undo()
    assert store.ingest(docs[0]).added is True


def test_two_processes_ingesting_at_once(url: str, docs: list[Document]) -> None:
    Store(url).close()  # the schema; the processes below also race on it when it is new
    first = run_cli("ingest", *map(str, SAMPLES), "--db", url)
    second = run_cli("ingest", *map(str, reversed(SAMPLES)), "--db", url)
    for process in (first, second):
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    with Store(url) as store:
        got = counts(store)
    assert got["documents"] == 2
    assert got["facts"] == sum(len(doc.facts) for doc in docs)


def test_killed_ingest_leaves_database_consistent(url: str, docs: list[Document]) -> None:
    with Store(url) as store:
        store.ingest(docs[1])
        before = counts(store)
    process = run_cli("ingest", str(SAMPLES[0]), "--db", url, env={"BEGROOT_TEST_SLOW_INGEST": "60"})
    assert process.stderr is not None
    for line in process.stderr:  # wait until its transaction is open and holds rows
        if "slow ingest inside transaction" in line:
            break
    else:
        pytest.fail("the ingest never reached its transaction")
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    with Store(url) as store:
        assert counts(store) == before
        assert store.ingest(docs[0]).added is True  # the write lock is free again
        assert counts(store)["facts"] == before["facts"] + len(docs[0].facts)


# --------------------------------------------------------------------------- timeline and conflicts


def test_timeline_of_a_program_across_documents(store: Store, docs: list[Document]) -> None:
    for doc in docs:
        store.ingest(doc)
    points = store.timeline("JD", credit="VAK")
    order = {"BO": 0, "BA": 1, "BA-JR": 2, "BU": 3}
    keys = [(p["year"], order[p["stage"]]) for p in points]
    assert keys == sorted(keys)
    assert {p["document"] for p in points} == {doc.name for doc in docs}
    assert {(p["year"], p["stage"]) for p in points} >= {(2021, "BA"), (2022, "BO"), (2023, "BA-JR"), (2023, "BU")}
    assert all(p["stage"] != "DELTA" and p["credit"] == "VAK" for p in points)
    printed = {(f.document, f.page, f.source_line, f.year, f.stage, f.value) for d in docs for f in d.facts}
    assert all(
        (p["document"], p["page"], p["source_line"], p["year"], p["stage"], p["value"]) in printed for p in points
    )
    assert {p["credit"] for p in store.timeline("JD")} == {"VAK", "VEK", "AO", "TO", "LO"}


def _modified_copy(doc: Document) -> tuple[Document, int, int]:
    """A copy with one program figure changed, as another document printing it differently."""
    copy_ = copy.deepcopy(doc)
    table = next(t for t in copy_.tables if any(f.stage != "DELTA" for f in t.facts))
    index = next(i for i, f in enumerate(table.facts) if f.stage != "DELTA")
    old = table.facts[index]
    table.facts[index] = dataclasses.replace(old, value=old.value + 7, document="copy")
    return dataclasses.replace(copy_, name="copy", sha256="0" * 64), old.value, index


def test_conflicting_copy_is_recorded_as_a_finding(store: Store, docs: list[Document]) -> None:
    for doc in docs:
        store.ingest(doc)
    changed, old_value, _ = _modified_copy(docs[1])
    assert store.ingest(changed).added is True
    findings = begroot.dataset.Dataset(store).findings(rule="cross-document-conflict")
    assert len(findings) == 1
    finding = findings.iloc[0]
    assert finding["severity"] == "error"
    assert finding["numbers"] == [old_value + 7, old_value]
    assert [loc["document"] for loc in finding["locations"]] == ["copy", docs[1].name]
    # both values stay, side by side
    fact = next(f for f in docs[1].facts if f.stage != "DELTA")
    values = {(p["document"], p["value"]) for p in store.timeline(fact.subject, fact.credit)}
    assert {("copy", old_value + 7), (docs[1].name, old_value)} <= values
    store.remove("copy")
    assert begroot.dataset.Dataset(store).findings().empty


def test_findings_of_a_document_stored_under_another_id_name_that_id(store: Store, tmp_path: Path) -> None:
    """A second document with the first one's id (the same file name in another folder) is stored under the id
    with a hash appended; the locations of its findings (kept as JSON text from the audit on) name that id."""
    from begroot.audit import audit_document, load_and_parse

    other = tmp_path / SAMPLES[0].name
    other.write_bytes(SAMPLES[1].read_bytes())
    first = extract(SAMPLES[0])
    second, source = load_and_parse(other)
    findings = [finding.as_dict() for finding in audit_document(second, source)]
    assert findings and {place["document"] for f in findings for place in f["locations"]} == {first.name}
    store.ingest(first)
    done = store.ingest(second, findings)
    assert done.clash == first.name and done.id != first.name
    every = begroot.dataset.Dataset(store).findings()
    stored = every[every["document"] == done.id]
    assert len(stored) == len(findings)
    assert {place["document"] for places in stored["locations"] for place in places} == {done.id}


def test_identical_figures_in_two_documents_are_no_conflict(store: Store, docs: list[Document]) -> None:
    store.ingest(docs[1])
    store.ingest(dataclasses.replace(docs[1], name="same", sha256="1" * 64))
    assert counts(store)["findings"] == 0


# --------------------------------------------------------------------------- Python API and CLI


def test_dataset_frames(url: str, docs: list[Document]) -> None:
    with Store(url) as store:
        for doc in docs:
            store.ingest(doc)
    with begroot.open(url) as ds:
        assert set(ds.documents()["name"]) == {doc.name for doc in docs}
        facts = ds.facts(subject="JD", year=2023, stage="BU", credit="VAK")
        assert facts["value"].tolist() == [f.value for d in docs for f in d.facts
                                           if (f.subject, f.year, f.stage, f.credit) == ("JD", 2023, "BU", "VAK")]  # fmt: skip
        assert len(ds.facts(document=docs[1].name)) == len(docs[1].facts)
        articles = ds.articles(program="JD")
        assert len(articles) == sum(a.parts.program == "JD" for d in docs for a in d.articles)
        assert all(isinstance(goals, list) for goals in articles["goals"])
        execution = ds.execution("JD").set_index(["credit", "year"])
        row = execution.loc[("VAK", 2023)]
        assert row["rate"] == pytest.approx(row["BU"] / row["BA-JR"])
        assert list(ds.timeline("JD", "VAK")["year"]) == sorted(ds.timeline("JD", "VAK")["year"])
        assert ds.findings(severity="error").empty


def test_cli_ingest_reports_the_bad_file_and_loads_the_rest(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    bad = tmp_path / "broken.txt"
    bad.write_text("no budget here\n", encoding="utf-8")
    process = run_cli("ingest", str(ROOT / "samples"), str(bad), "--db", url)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1
    assert [line for line in stderr.splitlines() if line.startswith("error:")] == [
        line for line in stderr.splitlines() if "broken.txt" in line and line.startswith("error:")
    ]
    assert "2 added" in stderr
    listing = cli.run("documents", "--db", url)  # the rest in this process (tests/cli.py)
    assert listing.returncode == 0
    assert "report" in listing.stdout and "slides" in listing.stdout
    assert cli.run("remove", SAMPLES[0].stem, "--db", url).returncode == 0
    with Store(url) as store:
        assert [d["name"] for d in store.documents()] == [SAMPLES[1].stem]


def test_default_url_follows_begroot_db(monkeypatch: pytest.MonkeyPatch) -> None:
    from begroot.store import default_url

    monkeypatch.setenv("BEGROOT_DB", "sqlite:///x.sqlite")
    assert default_url() == "sqlite:///x.sqlite"
    monkeypatch.delenv("BEGROOT_DB")
    assert default_url().startswith("sqlite:///") and default_url().endswith("begroot.sqlite")


def test_migrations_build_exactly_the_models_schema(url: str) -> None:
    """The Alembic revisions and the SQLAlchemy models describe the same schema (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from begroot.store.schema import Base, managed

    with Store(url) as opened, opened.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": managed})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_whole_model_is_stored(store: Store, docs: list[Document]) -> None:
    report, slides = docs
    report.warnings.append(
        dataclasses.replace(report.warnings[0])
        if report.warnings
        else begroot.model.ReaderWarning("a note", 3, 40, "test")
    )
    store.ingest(report)
    store.ingest(slides)
    got = counts(store)
    assert got["abbreviations"] == len(report.abbreviations) > 50
    assert got["slides"] == len(slides.slides) > 5
    assert got["warnings"] == len(report.warnings) + len(slides.warnings) >= 1


# --------------------------------------------------------------------------- search index


def test_search_index_follows_ingest_and_removal(store: Store, docs: list[Document]) -> None:
    from begroot.store.search import search

    report, slides = docs
    store.ingest(slides)
    with store.engine.connect() as connection:
        assert search(connection, "opleiding") == []  # the slides have no article texts
    store.ingest(report)
    with store.engine.connect() as connection:
        hits = search(connection, "opleiding", limit=200)
        assert hits and {hit["document"] for hit in hits} == {report.name}
        assert all("<mark>" in hit["snippet"] for hit in hits)
        scores = [hit["score"] for hit in hits]
        assert scores == sorted(scores, reverse=True)  # ranked, best first
    store.remove(report.name)
    with store.engine.connect() as connection:
        assert search(connection, "opleiding") == []
        left = connection.scalar(sa.text("SELECT count(*) FROM search_index"))
    assert left == counts(store)["search_entries"]  # the index holds no rows of the removed document


def test_the_search_stems_with_the_c_stemmer_as_the_python_one_would() -> None:
    """The index's words are stemmed by PyStemmer, which snowballstemmer uses when it is installed (a miss costs a
    microsecond rather than 18); its stems are the pure-Python stemmer's, which databases were indexed with."""
    import re

    import Stemmer  # type: ignore[import-not-found,unused-ignore]
    from snowballstemmer.dutch_stemmer import DutchStemmer  # type: ignore[import-not-found,unused-ignore]

    from begroot.store import search

    assert isinstance(search._stemmer, Stemmer.Stemmer)
    words = sorted({word for path in SAMPLES for word in re.findall(r"\w+", path.read_text(encoding="utf-8").lower())})
    python = DutchStemmer()
    assert len(words) > 3000
    assert [search._stemmer.stemWord(word) for word in words] == [python.stemWord(word) for word in words]


def test_search_finds_an_article_once_with_all_the_prose_under_its_heading(store: Store, docs: list[Document]) -> None:
    """An article is one hit (its heading's section is not a second one), and words printed under
    its heading outside the summary and explanation still find it."""
    from begroot.store.search import search

    report = docs[0]
    store.ingest(report)
    with store.engine.connect() as connection:
        hits = search(connection, "doelgroepverminderingen", limit=200)
    places = [(hit["title"], hit["page"]) for hit in hits]
    assert hits and len(places) == len(set(places))
    article_sections = {s.id for s in report.sections if s.kind == "article"}
    assert not [hit for hit in hits if hit["kind"] == "section" and hit["key"] in article_sections]
    label = "Korte inhoud begrotingsartikel"  # printed under each heading, in no summary or explanation
    assert all(label not in a.summary + a.explanation for a in report.articles)
    with store.engine.connect() as connection:
        labelled = search(connection, label, limit=500)
    assert {hit["key"] for hit in labelled if hit["kind"] == "article"} == {
        a.code for a in report.articles if a.summary
    }


def test_migration_indexes_the_documents_already_stored(url: str, docs: list[Document]) -> None:
    """A database made before the search index (revision 0002) gets its documents indexed on upgrade."""
    from alembic import command

    from begroot.store.migrate import alembic_config, upgrade
    from begroot.store.search import search

    report = docs[0]
    with Store(url) as store:
        store.ingest(report)
        with store.engine.connect() as connection:
            before = [(hit["kind"], hit["key"]) for hit in search(connection, "financiele opleiding", 500)]
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")
            assert not sa.inspect(connection).has_table("search_entries")
        upgrade(store.engine)
        with store.engine.connect() as connection:
            after = [(hit["kind"], hit["key"]) for hit in search(connection, "financiele opleiding", 500)]
    assert before and sorted(after) == sorted(before)


def test_parallel_ingest_stores_what_a_serial_one_does(tmp_path: Path) -> None:
    """--jobs 2 (worker processes) and --jobs 1 give the same documents, rows and findings, in the same order."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in SAMPLES:  # the report twice under two names: the second copy is a distinct file, same content
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "zz_copy.txt").write_bytes(SAMPLES[0].read_bytes() + b"\n")
    results = []
    for jobs in ("1", "2"):
        url = f"sqlite:///{tmp_path / f'jobs{jobs}.sqlite'}"
        if jobs == "1":  # in this process (tests/cli.py): no worker processes
            done = cli.run("ingest", str(folder), "--db", url, "--jobs", jobs)
            assert done.returncode == 0, done.stderr
        else:
            process = run_cli("ingest", str(folder), "--db", url, "--jobs", jobs)
            _, stderr = process.communicate(timeout=180)
            assert process.returncode == 0, stderr
        with Store(url) as store:
            names = [row["name"] for row in store.documents()]
            findings = sorted((f["rule"], f["document"] or "", f["message"]) for f in store.findings())
            results.append((names, counts(store), findings))
    assert results[0] == results[1]
    assert results[0][0] == sorted(path.stem for path in folder.iterdir())


@pytest.mark.postgres
def test_postgres_statistics_follow_a_bulk_ingest(docs: list[Document]) -> None:
    """A bulk ingest outdates PostgreSQL's statistics faster than autovacuum renews them, and the
    conflicts join is then planned from every fact of the domain; the store renews them itself
    after documents 1, 2, 4, ... (then every 32)."""
    from conftest import postgres_schema_url

    facts = "SELECT reltuples FROM pg_class WHERE oid = 'facts'::regclass"
    for url in postgres_schema_url():
        with Store(url) as store, store.engine.connect() as connection:
            assert connection.scalar(sa.text(facts)) <= 0  # never analysed (-1 since PostgreSQL 14)
            store.ingest(docs[0])
            assert connection.scalar(sa.text(facts)) == len(docs[0].facts)
            store.ingest(docs[1])
            assert connection.scalar(sa.text(facts)) == len(docs[0].facts) + len(docs[1].facts)


def test_sqlite_connections_checkpoint_after_many_documents(tmp_path: Path) -> None:
    from begroot.store.engine import WAL_CHECKPOINT_PAGES

    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WAL_CHECKPOINT_PAGES > 1000
    store.close()


def test_an_archive_is_stored_with_a_larger_page_cache(tmp_path: Path) -> None:
    """Many files (read by workers) are stored through a page cache of STORE_CACHE_MB; a lone file, read in the
    ingest's own process, leaves SQLite's default (its memory goes to the document)."""
    from begroot.ingest import STORE_CACHE_MB, Preparing

    def cache_kib(store: Store) -> int:
        with store.engine.connect() as connection:
            return -int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())

    with Preparing(SAMPLES, jobs=2) as many, Preparing(SAMPLES[:1], jobs=2) as one:
        assert (many.store_cache_mb, one.store_cache_mb) == (STORE_CACHE_MB, None)
        with Store(f"sqlite:///{tmp_path / 'many.sqlite'}", cache_mb=many.store_cache_mb) as store:
            assert cache_kib(store) == STORE_CACHE_MB * 1024 > 2000
            assert [store.ingest_rows(ready.rows).added for ready in many if ready.rows] == [True] * len(SAMPLES)
        with Store(f"sqlite:///{tmp_path / 'one.sqlite'}", cache_mb=one.store_cache_mb) as store:
            assert cache_kib(store) == 2000  # SQLite's default: 2,000 KiB
            assert [ready.error for ready in one] == [None]


def test_ingest_collects_garbage_less_often_and_restores_the_collector() -> None:
    import gc

    from begroot.ingest import YOUNG_OBJECTS, prepared

    before = gc.get_threshold()
    seen = []
    for ready in prepared([SAMPLES[-1]], jobs=1):
        seen.append((gc.get_threshold()[0], gc.get_freeze_count() > 0, ready.error))
    assert seen == [(YOUNG_OBJECTS, True, None)]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_workers_collect_garbage_rarer_still() -> None:
    """A worker process holds one document at a time: its collector runs four times rarer than the ingest's."""
    import gc

    from begroot.ingest import WORKER_YOUNG_OBJECTS, YOUNG_OBJECTS, Preparing

    with Preparing(SAMPLES, jobs=2) as preparing:
        assert preparing.pool is not None
        in_worker = preparing.pool.submit(gc.get_threshold).result()
        assert [ready.error for ready in preparing] == [None] * len(SAMPLES)
    assert in_worker[0] == WORKER_YOUNG_OBJECTS > YOUNG_OBJECTS


def test_documents_in_flight_are_bounded_in_number_and_in_size(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A few documents per worker are read ahead of the store, never more than IN_FLIGHT_BYTES of files among them
    (but always one a worker, however large): a folder of huge files is not held all at once."""
    import begroot.ingest as ingest

    files = []
    for number in range(10):
        duplicate = tmp_path / f"copy-{number}.txt"
        shutil.copyfile(SAMPLES[0], duplicate)
        files.append(duplicate)
    monkeypatch.setattr(ingest, "IN_FLIGHT_PER_JOB", 3)  # fewer than the files, so that the count bounds them
    for limit, ahead in ((1, 2), (SAMPLES[0].stat().st_size * 5, 5), (10**9, 2 * 3)):
        monkeypatch.setattr(ingest, "IN_FLIGHT_BYTES", limit)
        with ingest.Preparing(files, jobs=2) as preparing:
            assert len(preparing.waiting) == ahead, limit
            done = [ready.path for ready in preparing if ready.error is None]
        assert done == files  # every file, in the order given
