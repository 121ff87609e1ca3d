"""`begroot extract FILE...`: the fact table as CSV, or the document model as JSON."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import BegrootError
from . import app
from .common import expand_paths, progress_bar, report_error, warn

if TYPE_CHECKING:  # the reader is imported when a command runs, not for `begroot --help`
    from ..model import Document


class Format(str, Enum):
    csv = "csv"
    json = "json"


def extract_all(files: list[Path], quiet: bool) -> tuple[list[Document], int]:
    """Extract each file (folders expanded); a failing file is reported in one line and counted."""
    from ..parse import extract as extract_document

    documents: list[Document] = []
    failed = 0
    paths = expand_paths(files)
    with progress_bar(len(paths)) as advance:
        for path in paths:
            advance(path.name)
            try:
                document = extract_document(path)
            except BegrootError as error:
                report_error(error)
                failed += 1
                continue
            if not quiet:
                for warning in document.warnings:
                    warn(str(path), str(warning))
            documents.append(document)
    return documents, failed


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="BBT documents (text or PDF), or folders of them."),
    format: Format = typer.Option(Format.csv, "--format", "-f", help="csv: the fact table; json: the whole model."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print warnings."),
) -> None:
    """Extract every number of the documents, each with its page and line."""
    from ..serialise import document_to_json, write_facts_csv

    documents, failed = extract_all(files, quiet=quiet)
    if documents:
        stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if format is Format.csv:
                write_facts_csv(documents, stream)
            else:
                stream.write(document_to_json(documents))
                stream.write("\n")
        finally:
            if output:
                stream.close()
    if failed or not documents:
        raise typer.Exit(1)


@app.command()
def summary(
    files: list[Path] = typer.Argument(..., help="BBT documents (text or PDF), or folders of them."),
) -> None:
    """Extract the documents and print what was found: tables, articles, totals per program."""
    from rich.table import Table as RichTable

    from .common import out

    documents, failed = extract_all(files, quiet=True)
    for document in documents:
        out.print(
            f"[bold]{document.name}[/bold]: {document.kind} {document.stage} {document.year}, {document.domain} - "
            f"{document.page_count} pages, {len(document.tables)} tables, {len(document.facts)} facts, "
            f"{len(document.articles)} articles, {len(document.goals)} goals, {len(document.warnings)} warnings"
        )
        table = RichTable("scope", "subject", "credit", "year", "stage", "value (keuro)", title="Totals per program")
        for fact in document.facts:
            if fact.scope in {"program", "total"} and fact.row == "total" and fact.credit in {"VAK", "VEK"}:
                table.add_row(fact.scope, fact.subject, fact.credit, str(fact.year), fact.stage,
                              f"{fact.value:,}".replace(",", "."))  # fmt: skip
        out.print(table)
    if failed:
        raise typer.Exit(1)
