"""`begroot ingest / documents / remove`: load documents into the database and manage them."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from ..audit import audit_document, load_and_parse
from ..errors import BegrootError
from ..store import Store
from . import app
from .common import err, expand_paths, fail, out

DB_OPTION = typer.Option(
    None, "--db", help="Database URL (default: $BEGROOT_DB, else a SQLite file in the user data folder)."
)


def _open(url: str | None) -> Store:
    try:
        return Store(url)
    except (SQLAlchemyError, OSError) as error:
        fail(f"cannot open the database: {_first_line(error)}")
        raise  # unreachable: fail() exits


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _ingest_one(store: Store, path: Path) -> str:
    """'added' or 'present'; raises on any failure (the document's transaction is rolled back).

    The document is audited on its way in, so its findings are stored with it.
    """
    document, source = load_and_parse(path)
    findings = [finding.as_dict() for finding in audit_document(document, source)]
    return "added" if store.ingest(document, findings) else "present"


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="BBT documents (text or PDF), or folders of them."),
    db: str | None = DB_OPTION,
) -> None:
    """Parse documents and store them, one transaction each; documents already stored are skipped."""
    files = expand_paths(paths)
    store = _open(db)
    counts = {"added": 0, "present": 0, "failed": 0}
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path in files:
            progress.update(task, description=path.name)
            try:
                counts[_ingest_one(store, path)] += 1
            except BegrootError as error:
                progress.console.print(f"error: {error}", markup=False, soft_wrap=True)
                counts["failed"] += 1
            except Exception as error:  # one bad file must not stop the others
                progress.console.print(f"error: {path}: {_first_line(error)}", markup=False, soft_wrap=True)
                counts["failed"] += 1
            progress.advance(task)
    store.close()
    err.print(f"{counts['added']} added, {counts['present']} already present, {counts['failed']} failed", markup=False)
    if counts["failed"] or not files:
        raise typer.Exit(1)


@app.command()
def documents(db: str | None = DB_OPTION) -> None:
    """List the stored documents."""
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
