"""Insert many rows of one table at once: COPY on PostgreSQL, one executemany on SQLite.

A document brings thousands of rows (facts above all). Going through SQLAlchemy's `insert()` with
a list of dicts costs more per row in Python than the database spends storing it, so rows go to
the driver as plain tuples: psycopg's COPY protocol on PostgreSQL, sqlite3's executemany on SQLite.
JSON columns are serialised here as SQLAlchemy's JSON type would.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Connection, Table


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]], document_id: int) -> None:
    """Insert `rows` (dicts with the same keys) into `table`, each tied to `document_id`."""
    if not rows:
        return
    names = [*rows[0], "document_id"]
    json_columns = {name for name in names if isinstance(table.c[name].type, JSON)}
    if connection.dialect.name == "postgresql":
        _copy(connection, table, names, json_columns, rows, document_id)
        return
    quote = connection.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) VALUES ({', '.join('?' for _ in names)})"
    )
    values = [
        (*(json.dumps(row[name]) if name in json_columns else row[name] for name in names[:-1]), document_id)
        for row in rows
    ]
    connection.exec_driver_sql(sql, values)


def _copy(
    connection: Connection,
    table: Table,
    names: list[str],
    json_columns: set[str],
    rows: list[dict[str, Any]],
    document_id: int,
) -> None:
    from psycopg.types.json import Json

    quote = connection.dialect.identifier_preparer.quote
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    statement = f"COPY {quote(table.name)} ({', '.join(map(quote, names))}) FROM STDIN"
    with cursor.copy(statement) as copy:
        for row in rows:
            values = [Json(row[name]) if name in json_columns else row[name] for name in names[:-1]]
            copy.write_row((*values, document_id))
