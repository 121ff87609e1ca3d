"""Insert many rows of one table at once: COPY on PostgreSQL, one executemany on SQLite.

A document brings thousands of rows (facts above all). Going through SQLAlchemy's `insert()` with
a list of dicts costs more per row in Python than the database spends storing it, so rows go to
the driver as plain tuples: psycopg's COPY protocol on PostgreSQL, sqlite3's executemany on SQLite.
JSON columns are serialised here as SQLAlchemy's JSON type would.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Connection, Table


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]], document_id: int) -> None:
    """Insert `rows` (dicts with the same keys) into `table`, each tied to `document_id`."""
    if not rows:
        return
    columns = list(rows[0])
    json_columns = {name for name in columns if isinstance(table.c[name].type, JSON)}
    insert_values(
        connection, table, [*columns, "document_id"], _values(table, columns, json_columns, rows, document_id)
    )


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


def _values(
    table: Table, columns: list[str], json_columns: set[str], rows: list[dict[str, Any]], document_id: int
) -> Iterator[tuple[Any, ...]]:
    """The rows as parameter tuples, JSON columns serialised and prose detached (the rest as they are)."""
    converters = [(i, json.dumps if name in json_columns else _detached) for i, name in enumerate(columns)
                  if name in json_columns or table.c[name].info.get("prose")]  # fmt: skip
    pick = itemgetter(*columns)
    get = pick if len(columns) > 1 else lambda row: (pick(row),)  # itemgetter of one key gives no tuple
    if not converters:
        yield from ((*get(row), document_id) for row in rows)
        return
    for row in rows:
        value = list(get(row))
        for i, convert in converters:
            value[i] = convert(value[i])
        value.append(document_id)
        yield tuple(value)


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


INSERT_BATCH = 2000  # rows a statement (COPY) takes: a long document's rows are never all made at once


def batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Rows in lists of at most `size`."""
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
