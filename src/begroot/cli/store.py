"""`begroot ingest / documents / remove`: load documents into the database and manage them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import DatabaseError
from . import app
from .common import Tally, err, expand_paths, fail, out, timeout_option

if TYPE_CHECKING:  # the database is imported by the commands that use it (`begroot --help` stays quick)
    from collections.abc import Iterable

    from ..ingest import Prepared
    from ..store import Store

DB_OPTION = typer.Option(
    None, "--db", help="Database URL (default: $BEGROOT_DB, else a SQLite file in the user data folder)."
)


def _open(
    url: str | None,
    *,
    create: bool = False,
    read_only: bool = False,
    timeout: float = 30.0,
    cache_mb: int | None = None,
) -> Store:
    """The database; a problem opening it (missing, when this command may not create it) is a one-line
    error (the CLI's error handler prints it)."""
    from ..store import Store

    return Store(url, create=create, read_only=read_only, timeout=timeout, cache_mb=cache_mb)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="BBT documents (text or PDF), or folders of them."),
    db: str | None = DB_OPTION,
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Processes reading and auditing documents (default: one per core)."
    ),
    timeout: float = timeout_option(),
) -> None:
    """Parse documents and store them, one transaction each; documents already stored are skipped.

    Documents are read and audited in parallel; they are stored one by one, in the order given.
    A file that fails is reported in one line and the others go on; the exit code is 1 if any failed.
    """
    from ..ingest import Preparing
    from ..store.store import database_backend

    files = expand_paths(paths)
    # The workers start reading before the database is opened (and made, or migrated): they need only its kind.
    with Preparing(files, jobs, database_backend(db)) as documents:
        _ingest(_open(db, create=True, timeout=timeout, cache_mb=documents.store_cache_mb), files, documents)


def _ingest(store: Store, files: list[Path], documents: Iterable[Prepared]) -> None:
    """Store each document as it comes prepared, saying what happened; the exit code says if any failed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    counts, tally = {"added": 0, "present": 0}, Tally()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err(), transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for ready in documents:
            progress.update(task, description=ready.path.name)
            if ready.rows is None:  # could not be read: `error` says why, naming the file
                if ready.trace and os.environ.get("BEGROOT_DEBUG"):
                    progress.console.print(ready.trace, markup=False, soft_wrap=True)
                progress.console.print(f"error: {ready.error}", markup=False, soft_wrap=True)
                tally.internal += ready.internal
                tally.failed += not ready.internal
                progress.advance(task)
                continue
            try:
                done = store.ingest_rows(ready.rows)  # the findings of its audit are stored with it
                counts["added" if done.added else "present"] += 1
                tally.ok += 1
                if done.clash:
                    warning = f"another document is stored as {done.clash!r} already; this one is {done.id!r}"
                    progress.console.print(f"warning: {ready.path}: {warning}", markup=False, soft_wrap=True)
            except DatabaseError:
                raise  # the database, not this file: the others would fail the same way
            except Exception as error:  # one file must not stop the others; a bug is said to be one
                tally.file_failed(ready.path, error)
            progress.advance(task)
    store.close()
    failed = tally.failed + tally.internal
    err().print(f"{counts['added']} added, {counts['present']} already present, {failed} failed", markup=False)
    tally.exit(len(files), summary=False)  # the line above is the summary


@app.command()
def documents(db: str | None = DB_OPTION) -> None:
    """List the stored documents: id (what every command and URL takes), title, file name."""
    from rich.markup import escape
    from rich.table import Table

    store = _open(db, read_only=True)
    rows = store.documents()
    store.close()
    table = Table()
    table.add_column("id", no_wrap=True)  # what the other commands take: always whole, to copy
    table.add_column("title (file)", ratio=1)
    for column in ("kind", "stage", "year", "facts"):
        table.add_column(column, no_wrap=True)
    for row in rows:
        title = f"{escape(row['title'])}\n[dim]{escape(row['file_name'])}[/dim]"  # names are text, never markup
        cells = (row["kind"], row["stage"], str(row["year"]), str(row["facts"]))
        table.add_row(escape(row["name"]), title, *(escape(cell) for cell in cells))
    out().print(table)


@app.command()
def remove(
    name: str = typer.Argument(..., help="Document id, sha256 (or its first 8+ characters), or file name."),
    db: str | None = DB_OPTION,
    timeout: float = timeout_option(),
) -> None:
    """Remove a document and everything stored from it."""
    with _open(db, timeout=timeout) as store:
        removed = store.remove(name)
    if not removed:
        fail(f"no document {name!r} (`begroot documents` lists them)")
    out().print(f"removed {removed} document{'s' if removed > 1 else ''}", markup=False)
