"""`begroot export / report / diff`: the database as files, as a regenerated report, and what changed."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import AmbiguousDocument, BegrootError, ExitCode
from . import app
from .common import (
    FIRST_YEAR,
    LAST_YEAR,
    err,
    fail,
    filling,
    is_standard_output,
    one_of,
    out,
    output_file,
    output_folder,
    refuse_inputs,
    replacing,
    stage_pair,
    writing_text,
)

if TYPE_CHECKING:  # pandas, the database and the writers load when a command runs: `extract` never needs them
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
    """The database; a problem opening it is a one-line error (the CLI's error handler prints it)."""
    from ..store import Store  # the database loads with the commands that use it

    return Store(url, create=False, read_only=True)


def _database_files(url: str | None) -> list[Path]:
    """A SQLite database's file and its log: an output written onto them would destroy the input."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ..store.engine import default_url

    try:
        parsed = make_url(url or default_url())
    except ArgumentError:
        return []  # opening it says what is wrong
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return []
    return [Path(parsed.database + suffix) for suffix in ("", "-wal", "-shm")]


def _one_document(store: Store, reference: str) -> str:
    """The id of the document a reference (id, sha256, file name) names; a one-line error otherwise."""
    ids = store.resolve(reference)
    if len(ids) > 1:
        raise AmbiguousDocument(reference, ids)
    if not ids:
        raise BegrootError(reference, "no such document in the database (`begroot documents` lists them)")
    return ids[0]


DEFAULT_OUTPUT = {"parquet": Path("begroot-parquet"), "xlsx": Path("begroot.xlsx"), "datapackage": Path("begroot-datapackage")}  # fmt: skip


@app.command()
def export(
    format: ExportFormat = typer.Option(ExportFormat.csv, "--format", help="csv, parquet, xlsx or datapackage."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Folder (csv, parquet, datapackage) or .xlsx file."
    ),
    db: str | None = DB_OPTION,
    document: str | None = typer.Option(None, "--document", help="Only this document (id or file name)."),
    scope: str | None = typer.Option(
        None, "--scope", help="total, program, ise or article.", callback=one_of("SCOPES")
    ),
    subject: str | None = typer.Option(
        None, "--subject", help="e.g. a program (JD), an ISE (JD:activering) or an article code."
    ),
    credit: str | None = typer.Option(None, "--credit", help="VAK, VEK, AO, TO or LO.", callback=one_of("CREDITS")),
    year: int | None = typer.Option(None, "--year", min=FIRST_YEAR, max=LAST_YEAR),
    stage: str | None = typer.Option(None, "--stage", help="BO, BA, BA-JR, BU or DELTA.", callback=one_of("STAGES")),
    program: str | None = typer.Option(None, "--program", help="Facts of a program: its summary, ISEs and articles."),
) -> None:
    """Export the facts and the tables that describe them (documents, programs, ises, articles, goals, findings)."""
    from ..export import load, write_csv
    from ..store.queries import FactFilter

    if output is not None and is_standard_output(output) and format is ExportFormat.csv:
        output = None  # `-o -`: the one CSV on standard output, as without --output
    target = output or DEFAULT_OUTPUT.get(format.value)
    if target is not None:  # a bad --output, or the database itself, is refused before the database is read
        output_file(target) if format is ExportFormat.xlsx else output_folder(target)
        refuse_inputs(target, _database_files(db))
    with _store(db) as store:
        chosen = _one_document(store, document) if document else None
        where = FactFilter(
            document=chosen, scope=scope, subject=subject, credit=credit, year=year, stage=stage, program=program
        )
        tables = load(store, where)
    if target is None:
        write_csv(tables, None)
        return
    written = _write(format, tables, target)
    if not is_standard_output(target):
        err().print(f"{len(tables['facts'])} facts; wrote {', '.join(str(p) for p in written)}", markup=False)


def _write(format: ExportFormat, tables: dict[str, pd.DataFrame], target: Path) -> list[Path]:
    """Written to a temporary place first and moved onto the target only when complete."""
    from ..export import write_csv, write_datapackage, write_parquet, write_xlsx

    if format is ExportFormat.xlsx:
        with replacing(target) as temporary:
            write_xlsx(tables, temporary)
        return [target]
    writer = {"csv": write_csv, "parquet": write_parquet, "datapackage": write_datapackage}[format.value]
    with filling(target) as staging:
        names = [path.name for path in writer(tables, staging)]
    return [target / name for name in names]


@app.command()
def report(
    document: str | None = typer.Option(
        None, "--document", help="Document id or file name (default: the last ingested)."
    ),
    format: ReportFormat = typer.Option(ReportFormat.markdown, "--format", help="markdown or html (standalone)."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default and `-`: standard output)."
    ),
    db: str | None = DB_OPTION,
) -> None:
    """A report regenerated from the database: the document's tables in BBT layout, with sentences."""
    from ..export import build_report, render_html, render_markdown

    if output is not None:  # a bad --output, or the database itself, is refused before the database is read
        output_file(output)
        refuse_inputs(output, _database_files(db))
    with _store(db) as store:
        built = build_report(store, _one_document(store, document) if document else None)
    text = render_html(built) if format is ReportFormat.html else render_markdown(built)
    if output is None or is_standard_output(output):
        sys.stdout.write(text)
        return
    with writing_text(output) as stream:
        stream.write(text)
    err().print(f"wrote {output}", markup=False)


@app.command()
def diff(
    a: str | None = typer.Argument(None, help="Document id (or file name) in the database, or a file."),
    b: str | None = typer.Argument(None, help="Document id (or file name) in the database, or a file."),
    format: DiffFormat = typer.Option(DiffFormat.table, "--format", help="table, markdown or csv."),
    stages: tuple[str, str] | None = typer.Option(
        None, "--stages", help="Compare stage X of A with stage Y of B (BO, BA, BA-JR, BU).", callback=stage_pair
    ),
    start: str | None = typer.Option(None, "--from", help="DOC:STAGE:YEAR, the earlier side (e.g. doc2024:BO:2024)."),
    end: str | None = typer.Option(None, "--to", help="DOC:STAGE:YEAR, the later side: figures matched by subject."),
    top: int | None = typer.Option(None, "--top", min=1, help="Only the N biggest moves per credit."),
    db: str | None = DB_OPTION,
) -> None:
    """What changed from A to B: articles added or gone, and the figures that moved, biggest first (B − A).

    With --from and --to: the figures of one document at a stage and year against another's, matched by
    subject across years (BO 2024 vs BO 2025, BU vs BA-JR)."""
    from ..export import compare, load_side
    from ..export.diff import Point, compare_points, top_per_credit
    from ..export.formats import csv_safe

    if start or end:
        if not (start and end) or a or b or stages:
            fail("give both --from and --to, without documents or --stages", ExitCode.USAGE)
        first, last = Point.parse(start or ""), Point.parse(end or "")
        result = compare_points(load_side(first.document, db), load_side(last.document, db), first, last)
    elif a and b:
        result = compare(load_side(a, db), load_side(b, db), stages)
    else:
        fail("give two documents, or --from DOC:STAGE:YEAR --to DOC:STAGE:YEAR", ExitCode.USAGE)
        return
    changes = _change_rows(top_per_credit(result, top), stages)
    if format is DiffFormat.csv:
        csv_safe(changes).to_csv(sys.stdout, index=False)
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
        f"figures changed: {len(result.changes)} of {result.compared} compared"
        + (f" (the {len(changes)} biggest shown)" if len(changes) < len(result.changes) else ""),
        f"change = {result.label}",
        *([f"nothing changed: {result.why}"] if result.why else []),
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
        out().print(line, markup=False)
    table = RichTable(*CHANGE_COLUMNS)
    for _, row in changes.iterrows():
        table.add_row(*_shown(row))
    out().print(table)
