"""Each document's original file kept in the database: identical bytes back, gone with the document,
nothing stored when an ingest fails; downloaded from /documents/{id}/original."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from begroot.app import create_app
from begroot.ingest import prepare, prepared
from begroot.store import Store
from begroot.store import originals as originals_module
from begroot.store import store as store_module
from begroot.store.originals import read_original
from begroot.store.schema import originals_t
from pdfgen import render_pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """Both samples (text) and a PDF made from the first."""
    pdf = tmp_path / "rendered.pdf"
    pdf.write_bytes(render_pdf(SAMPLES[0], pages=6))
    return [*SAMPLES, pdf]


def originals(store: Store) -> int:
    with store.engine.connect() as connection:
        return int(connection.scalar(sa.select(sa.func.count()).select_from(originals_t)) or 0)


def test_original_bytes_come_back_identical(db_url: str, files: list[Path]) -> None:
    with Store(db_url) as store:
        for path in files:
            ready = prepare(path, store.engine.dialect.name)
            assert ready.rows is not None, ready.error
            done = store.ingest_rows(ready.rows)
            with store.engine.connect() as connection:
                found = read_original(connection, done.id)
            assert found is not None
            row, data = found
            assert data == path.read_bytes()
            assert row["media_type"] == ("application/pdf" if path.suffix == ".pdf" else "text/plain; charset=utf-8")
        assert originals(store) == len(files)


def test_original_written_a_chunk_at_a_time_comes_back_identical(
    db_url: str, files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A compressed original larger than a chunk is written into its blob chunk by chunk on SQLite (bound
    whole, SQLite would copy it first): every chunk lands where it belongs, the last one short."""
    monkeypatch.setattr(originals_module, "BLOB_CHUNK", 509)  # prime: the last chunk is partial
    with Store(db_url) as store:
        for path in files:
            ready = prepare(path, store.engine.dialect.name)
            assert ready.rows is not None and ready.rows.original is not None, ready.error
            assert len(ready.rows.original["data"]) > 3 * 509  # several chunks
            done = store.ingest_rows(ready.rows)
            with store.engine.connect() as connection:
                found = read_original(connection, done.id)
            assert found is not None and found[1] == path.read_bytes()


def test_workers_keep_the_originals_too(db_url: str, files: list[Path]) -> None:
    with Store(db_url) as store:
        for ready in prepared(files, jobs=2, dialect=store.engine.dialect.name):
            assert ready.rows is not None, ready.error
            store.ingest_rows(ready.rows)
        names = [document["name"] for document in store.documents()]
        with store.engine.connect() as connection:
            kept = {row["file_name"]: data for row, data in
                    (read_original(connection, name) or ({}, b"") for name in names)}  # fmt: skip
    assert kept == {path.name: path.read_bytes() for path in files}


def test_remove_takes_the_original_away(db_url: str, files: list[Path]) -> None:
    with Store(db_url) as store:
        ids = [store.ingest_rows(rows).id for rows in _rows(store, files)]
        assert originals(store) == len(files)
        assert store.remove(ids[0]) == 1
        assert originals(store) == len(files) - 1
        with store.engine.connect() as connection:
            assert read_original(connection, ids[0]) is None


def test_failed_ingest_stores_no_original(db_url: str, files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object) -> int:  # runs after every row of the document is written
        raise RuntimeError("disk on fire")

    with Store(db_url) as store:
        monkeypatch.setattr(store_module, "record_conflicts", explode)
        for rows in _rows(store, files[-1:]):
            with pytest.raises(RuntimeError, match="disk on fire"):
                store.ingest_rows(rows)
        assert originals(store) == 0
        assert store.documents() == []


def test_download_the_original(db_url: str, files: list[Path]) -> None:
    with Store(db_url) as store:
        ids = [store.ingest_rows(rows).id for rows in _rows(store, files)]
    client = TestClient(create_app(db_url), base_url="http://localhost")
    for name, path in zip(ids, files, strict=True):
        response = client.get(f"/documents/{name}/original")
        assert response.status_code == 200
        assert response.content == path.read_bytes()
        assert path.name in response.headers["content-disposition"]
        expected = "application/pdf" if path.suffix == ".pdf" else "text/plain; charset=utf-8"
        assert response.headers["content-type"] == expected
    assert client.get("/documents/no-such-document/original").status_code == 404


def _rows(store: Store, files: list[Path]) -> list:  # type: ignore[type-arg]
    made = [prepare(path, store.engine.dialect.name) for path in files]
    assert all(ready.rows is not None for ready in made)
    return [ready.rows for ready in made]
