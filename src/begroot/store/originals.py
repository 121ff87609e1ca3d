"""A document's original file, kept compressed beside its rows (`originals` table)."""

from __future__ import annotations

import zlib
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from .schema import documents_t, originals_t

COMPRESSION = "zlib"
LEVEL = 6  # zlib's default: a BBT text shrinks to a fifth in milliseconds; higher levels gain little


def original_row(data: bytes, media_type: str) -> dict[str, Any]:
    """The row (without `document_id`) that keeps `data`."""
    return {"media_type": media_type, "size": len(data), "compression": COMPRESSION,
            "data": zlib.compress(data, LEVEL)}  # fmt: skip


BLOB_CHUNK = 1 << 20  # bytes written to SQLite at a time


def store_original(connection: Connection, row: dict[str, Any], document_id: int) -> None:
    """Insert the document's original (`original_row`). On SQLite the compressed bytes are written into a
    blob of their size a chunk at a time: bound as a parameter, SQLite would copy them whole first (a
    long document's 5 MB, at the ingest's peak of memory)."""
    data: bytes = row["data"]
    if connection.dialect.name != "sqlite" or len(data) <= BLOB_CHUNK:
        connection.execute(insert(originals_t).values(row | {"document_id": document_id}))
        return
    connection.execute(insert(originals_t).values(row | {"document_id": document_id, "data": func.zeroblob(len(data))}))
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.blobopen(originals_t.name, "data", document_id) as blob:  # document_id is the table's rowid
        view = memoryview(data)
        for start in range(0, len(data), BLOB_CHUNK):
            blob.write(view[start : start + BLOB_CHUNK])


def media_type(data: bytes, format: str) -> str:
    """The content type a download of the file gets: PDF, or text in the encoding it was read in."""
    if format == "pdf":
        return "application/pdf"
    from ..sources.text import charset

    return f"text/plain; charset={charset(data)}"


def read_original(connection: Connection, name: str) -> tuple[dict[str, Any], bytes] | None:
    """The document's row (id, name, file name, format, title ...) and its original bytes; None when the
    document is unknown or was stored before originals were kept."""
    query = (
        select(documents_t, originals_t.c.media_type, originals_t.c.compression, originals_t.c.data)
        .join(originals_t, originals_t.c.document_id == documents_t.c.id)
        .where(documents_t.c.name == name)
    )
    row = connection.execute(query).mappings().first()
    if row is None:
        return None
    found = dict(row)
    packed = found.pop("data")
    if found["compression"] != COMPRESSION:
        raise ValueError(f"unknown compression {found['compression']!r}")
    return found, zlib.decompress(packed)
