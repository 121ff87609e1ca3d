"""`begroot ingest / documents / remove`: load documents into the database and manage them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import BegrootError
from . import app
from .common import err, expand_paths, fail, out

if TYPE_CHECKING:  # the database is imported by the commands that use it
    from ..store import Store

DB_OPTION = typer.Option(
    None, "--db", help="Database URL (default: $BEGROOT_DB, else a SQLite file in the user data folder)."
)


def _open(url: str | None) -> Store:
    from sqlalchemy.exc import SQLAlchemyError

    from ..store import Store

    try:
        return Store(url)
    except (SQLAlchemyError, OSError) as error:
        fail(f"cannot open the database: {_first_line(error)}")
        raise  # unreachable: fail() exits


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="BBT documents (text or PDF), or folders of them."),
    db: str | None = DB_OPTION,
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Processes reading and auditing documents (default: one per core)."
    ),
) -> None:
    """Parse documents and store them, one transaction each; documents already stored are skipped.

    Documents are read and audited in parallel; they are stored one by one, in the order given.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..ingest import prepared

    files = expand_paths(paths)
    store = _open(db)
    counts = {"added": 0, "present": 0, "failed": 0}
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for ready in prepared(files, jobs):
            progress.update(task, description=ready.path.name)
            try:
                if ready.rows is None:  # could not be read: `error` says why, naming the file
                    progress.console.print(f"error: {ready.error}", markup=False, soft_wrap=True)
                    counts["failed"] += 1
                else:  # the findings of its audit are stored with the document
                    counts["added" if store.ingest_rows(ready.rows) else "present"] += 1
            except BegrootError as error:
                progress.console.print(f"error: {error}", markup=False, soft_wrap=True)
                counts["failed"] += 1
            except Exception as error:  # one bad file must not stop the others
                progress.console.print(f"error: {ready.path}: {_first_line(error)}", markup=False, soft_wrap=True)
                counts["failed"] += 1
            progress.advance(task)
    store.close()
    err.print(f"{counts['added']} added, {counts['present']} already present, {counts['failed']} failed", markup=False)
    if counts["failed"] or not files:
        raise typer.Exit(1)


@app.command()
def documents(db: str | None = DB_OPTION) -> None:
    """List the stored documents."""
    from rich.table import Table

    store = _open(db)
    rows = store.documents()
    store.close()
    table = Table("name", "kind", "stage", "year", "domain", "format", "pages", "facts", "sha256")
    for row in rows:
        table.add_row(
            row["name"], row["kind"], row["stage"], str(row["year"]), row["domain"], row["format"],
            str(row["page_count"]), str(row["facts"]), row["sha256"][:12],
        )  # fmt: skip
    out.print(table)


@app.command()
def remove(name: str = typer.Argument(..., help="Document name or sha256."), db: str | None = DB_OPTION) -> None:
    """Remove a document and everything stored from it."""
    store = _open(db)
    removed = store.remove(name)
    store.close()
    if not removed:
        fail(f"no document named {name!r}")
    out.print(f"removed {removed} document{'s' if removed > 1 else ''}", markup=False)
