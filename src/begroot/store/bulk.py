"""Insert many rows of one table at once: COPY on PostgreSQL, one executemany on SQLite.

A document brings thousands of rows (facts above all). Going through SQLAlchemy's `insert()` with
a list of dicts costs more per row in Python than the database spends storing it, so rows go to
the driver as plain tuples: psycopg's COPY protocol on PostgreSQL, sqlite3's executemany on SQLite.
JSON columns are serialised here as SQLAlchemy's JSON type would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import JSON, Connection, Table

from ..jsontext import dumps


@dataclass(frozen=True)
class Batch:
    """Rows of one table as the store binds them: the column names and a tuple of values per row, in that
    order, JSON columns as JSON text (`document_id` is added on insert). Tuples rather than dicts: made in a
    worker, they travel to the storing process smaller and are bound there as they come."""

    table: str
    columns: tuple[str, ...]
    values: list[tuple[Any, ...]]


def batch_of(table: Table, rows: list[dict[str, Any]]) -> Batch:
    """Row dicts with the same keys as a `Batch` of `table`, its JSON columns encoded as SQLAlchemy's JSON type
    would."""
    columns = tuple(rows[0])
    encode = [i for i, name in enumerate(columns) if isinstance(table.c[name].type, JSON)]
    pick = itemgetter(*columns)
    get = pick if len(columns) > 1 else lambda row: (pick(row),)  # itemgetter of one key gives no tuple
    return Batch(table.name, columns, with_json(map(get, rows), encode))


def with_json(
    rows: Iterable[tuple[Any, ...]], at: list[int], plain: Callable[[Any], Any] | None = None
) -> list[tuple[Any, ...]]:
    """Value tuples with the values `at` these places as JSON text (made `plain` data first, if given)."""
    if not at:
        return list(rows)
    encoded = []
    for row in rows:
        values = list(row)
        for i in at:
            values[i] = dumps(plain(values[i]) if plain else values[i])
        encoded.append(tuple(values))
    return encoded


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]], document_id: int) -> None:
    """Insert `rows` (dicts with the same keys) into `table`, each tied to `document_id`."""
    if rows:
        insert_batch(connection, table, batch_of(table, rows), document_id)


def insert_batch(connection: Connection, table: Table, batch: Batch, document_id: int, *, detach: bool = True) -> None:
    """Insert a `Batch` of `table`'s rows, each tied to `document_id`. `detach`: long prose is copied as it is
    bound (`_detached`); not needed for rows whose strings nothing else holds (sent from a worker)."""
    prose = [i for i, name in enumerate(batch.columns) if detach and table.c[name].info.get("prose")]
    names = [*batch.columns, "document_id"]
    if not prose:
        insert_values(connection, table, names, ((*value, document_id) for value in batch.values))
        return
    insert_values(connection, table, names, (_prose_detached(value, prose, document_id) for value in batch.values))


def insert_values(connection: Connection, table: Table, names: list[str], values: Iterable[tuple[Any, ...]]) -> None:
    """Insert parameter tuples (in the order of `names`; JSON columns as JSON text) into `table`."""
    if connection.dialect.name == "postgresql":
        _copy(connection, table, names, values)
        return
    quote = connection.dialect.identifier_preparer.quote
    sql = f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) VALUES ({', '.join('?' for _ in names)})"
    # The driver's cursor takes the rows one at a time from the iterator: a batch's copies of prose
    # (`_detached`) are then never all alive at once.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, values)
    finally:
        cursor.close()


def _prose_detached(value: tuple[Any, ...], prose: list[int], document_id: int) -> tuple[Any, ...]:
    row = list(value)
    for i in prose:
        row[i] = _detached(row[i])
    row.append(document_id)
    return tuple(row)


def _detached(value: Any) -> Any:
    """A long non-ASCII string copied before SQLite binds it. Binding keeps the string's UTF-8 form
    inside the string object, so the document model's prose would carry a second copy of itself for
    as long as it lives; the copy takes it away with it instead."""
    if isinstance(value, str) and len(value) > DETACH_CHARS and not value.isascii():
        return value[:1] + value[1:]
    return value


DETACH_CHARS = 256


def _copy(connection: Connection, table: Table, names: list[str], values: Iterable[tuple[Any, ...]]) -> None:
    # JSON columns arrive as JSON text, which COPY's text format hands to PostgreSQL to parse.
    quote = connection.dialect.identifier_preparer.quote
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    statement = f"COPY {quote(table.name)} ({', '.join(map(quote, names))}) FROM STDIN"
    with cursor.copy(statement) as copy:
        for value in values:
            copy.write_row(value)


T = TypeVar("T")
INSERT_BATCH = 2000  # rows a statement (COPY) takes: a long document's rows are never all made at once


def batches(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    """Rows in lists of at most `size`."""
    batch: list[T] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
