"""`begroot tables FILE`: every table the readers met, and why each was or was not read."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import BegrootError
from . import app
from .common import report_error


@app.command()
def tables(
    file: Path = typer.Argument(..., help="A BBT document (text or PDF)."),
    page: int | None = typer.Option(None, "--page", "-p", min=1, help="Only the tables on this page."),
    left_out: bool = typer.Option(False, "--left-out", help="Only the tables that were not read."),
) -> None:
    """Show each table: caption, header, columns, placement of numbers, rows, and the outcome."""
    from rich.console import Console

    from ..parse import parse
    from ..parse.debug import trace_tables
    from ..sources import load

    try:
        source = load(file)
        traces = trace_tables(source, parse(source))
    except BegrootError as error:
        report_error(error)
        raise typer.Exit(1) from error
    console = Console(highlight=False)
    for trace in traces:
        if (page is not None and trace.page != page) or (left_out and trace.read):
            continue
        mark = "[green]read[/]" if trace.read else "[red]left out[/]"
        console.print(f"[bold]p.{trace.page}, line {trace.line}[/] {mark}: {trace.outcome}", markup=True)
        if trace.caption:
            console.print(f"  caption: {trace.caption}", markup=False)
        if trace.header:
            console.print(f"  header: {' | '.join(trace.header)}", markup=False)
        if trace.columns:
            console.print(f"  columns ({trace.placement}): {', '.join(trace.columns)}", markup=False)
        for row in trace.rows:
            console.print(f"  row {row}", markup=False)
