"""`begroot export / report / diff`: the database as files, as a regenerated report, and what changed."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import BegrootError
from . import app
from .common import err, fail, out

# pandas, the database and the writers are imported inside the commands: `begroot --help`
# and `begroot extract` must not pay for them (tests/test_cli_imports.py).
if TYPE_CHECKING:
    import pandas as pd

    from ..export.diff import Diff
    from ..store import Store

DB_OPTION = typer.Option(None, "--db", help="Database URL (default: $BEGROOT_DB, else the user data SQLite file).")


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"
    datapackage = "datapackage"


class ReportFormat(str, Enum):
    markdown = "markdown"
    html = "html"


class DiffFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"


def _store(url: str | None) -> Store:
    from sqlalchemy.exc import SQLAlchemyError

    from ..store import Store

    try:
        return Store(url)
    except (SQLAlchemyError, OSError) as error:
        fail(f"cannot open the database: {str(error).strip().splitlines()[0] if str(error).strip() else error!r}")
        raise  # unreachable: fail() exits


DEFAULT_OUTPUT = {"parquet": Path("begroot-parquet"), "xlsx": Path("begroot.xlsx"), "datapackage": Path("begroot-datapackage")}  # fmt: skip


@app.command()
def export(
    format: ExportFormat = typer.Option(ExportFormat.csv, "--format", help="csv, parquet, xlsx or datapackage."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Folder (csv, parquet, datapackage) or .xlsx file."
    ),
    db: str | None = DB_OPTION,
    document: str | None = typer.Option(None, "--document", help="Only this document (name)."),
    scope: str | None = typer.Option(None, "--scope", help="total, program, ise or article."),
    subject: str | None = typer.Option(
        None, "--subject", help="e.g. a program (JD), an ISE (JD:activering) or an article code."
    ),
    credit: str | None = typer.Option(None, "--credit", help="VAK, VEK, AO, TO or LO."),
    year: int | None = typer.Option(None, "--year"),
    stage: str | None = typer.Option(None, "--stage", help="BO, BA, BA-JR, BU or DELTA."),
    program: str | None = typer.Option(None, "--program", help="Facts of a program: its summary, ISEs and articles."),
) -> None:
    """Export the facts and the tables that describe them (documents, programs, ises, articles, goals, findings)."""
    from ..export import load, write_csv, write_datapackage, write_parquet, write_xlsx
    from ..store.exports import FactFilter

    where = FactFilter(
        document=document, scope=scope, subject=subject, credit=credit, year=year, stage=stage, program=program
    )
    with _store(db) as store:
        tables = load(store, where)
    if format is ExportFormat.csv:
        written = write_csv(tables, output)
    else:
        target = output or DEFAULT_OUTPUT[format.value]
        writer = {"parquet": write_parquet, "xlsx": write_xlsx, "datapackage": write_datapackage}[format.value]
        written = writer(tables, target)
    if written:
        err.print(f"{len(tables['facts'])} facts; wrote {', '.join(str(p) for p in written)}", markup=False)


@app.command()
def report(
    document: str | None = typer.Option(None, "--document", help="Document name (default: the last ingested)."),
    format: ReportFormat = typer.Option(ReportFormat.markdown, "--format", help="markdown or html (standalone)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    db: str | None = DB_OPTION,
) -> None:
    """A report regenerated from the database: the document's tables in BBT layout, with sentences."""
    from ..export import build_report, render_html, render_markdown

    with _store(db) as store:
        try:
            built = build_report(store, document)
        except BegrootError as error:
            fail(str(error))
    text = render_html(built) if format is ReportFormat.html else render_markdown(built)
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}", markup=False)


@app.command()
def diff(
    a: str = typer.Argument(..., help="Document name in the database, or a file."),
    b: str = typer.Argument(..., help="Document name in the database, or a file."),
    format: DiffFormat = typer.Option(DiffFormat.table, "--format", help="table, markdown or csv."),
    stages: tuple[str, str] | None = typer.Option(None, "--stages", help="Compare stage X of A with stage Y of B."),
    top: int | None = typer.Option(None, "--top", help="Only the N biggest moves per credit."),
    db: str | None = DB_OPTION,
) -> None:
    """What changed from A to B: articles added or gone, and the figures that moved, biggest first."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..export import compare, load_side
    from ..export.diff import top_per_credit

    try:
        result = compare(load_side(a, db), load_side(b, db), stages)
    except (BegrootError, SQLAlchemyError, OSError) as error:
        fail(str(error).strip().splitlines()[0])
        return
    changes = _change_rows(top_per_credit(result, top), stages)
    if format is DiffFormat.csv:
        changes.to_csv(sys.stdout, index=False)
    elif format is DiffFormat.markdown:
        _print_markdown(result, changes)
    else:
        _print_table(result, changes)


CHANGE_COLUMNS = ["scope", "subject", "row", "credit", "year", "stage", "perimeter", "a", "b", "change"]


def _change_rows(changes: pd.DataFrame, stages: tuple[str, str] | None) -> pd.DataFrame:
    changes = changes.copy()
    if stages:
        changes["stage"] = f"{stages[0]}→{stages[1]}"
    return changes.reindex(columns=CHANGE_COLUMNS)


def _summary_lines(result: Diff, changes: pd.DataFrame) -> list[str]:
    return [
        f"{result.a} → {result.b}",
        f"articles added: {', '.join(result.added) or 'none'}",
        f"articles gone: {', '.join(result.removed) or 'none'}",
        f"figures changed: {len(result.changes)}"
        + (f" (the {len(changes)} biggest shown)" if len(changes) < len(result.changes) else ""),
    ]


def _shown(row: pd.Series) -> list[str]:
    from ..export.numbers import nl

    return [str(row[c]) if c not in ("a", "b", "change") else nl(row[c]) for c in CHANGE_COLUMNS]


def _print_markdown(result: Diff, changes: pd.DataFrame) -> None:
    title, *facts = _summary_lines(result, changes)
    print(f"**{title}**\n")
    print("\n".join(f"- {line}" for line in facts))
    print()
    print("| " + " | ".join(CHANGE_COLUMNS) + " |")
    print("|" + "|".join("---:" if c in ("a", "b", "change", "year") else "---" for c in CHANGE_COLUMNS) + "|")
    for _, row in changes.iterrows():
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in _shown(row)) + " |")


def _print_table(result: Diff, changes: pd.DataFrame) -> None:
    from rich.table import Table as RichTable

    for line in _summary_lines(result, changes):
        out.print(line, markup=False)
    table = RichTable(*CHANGE_COLUMNS)
    for _, row in changes.iterrows():
        table.add_row(*_shown(row))
    out.print(table)
