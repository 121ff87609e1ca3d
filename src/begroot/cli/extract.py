"""`begroot extract FILE...`: the fact table as CSV, or the document model as JSON."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING

import typer

from . import app
from .common import Tally, expand_paths, output_file, progress_bar, refuse_inputs, warn, writing_text

if TYPE_CHECKING:  # the model (~12 ms of dataclasses) loads with the reader, when a command runs
    from ..model import Document


class Format(str, Enum):
    csv = "csv"
    json = "json"


def extracted(paths: list[Path], quiet: bool, count: Tally) -> Iterator[Document]:
    """Each file's document in turn (one in memory at a time); a failing file is reported in one line
    and the others go on."""
    from ..parse import extract  # the reader loads when a command runs, not for `begroot --help`

    with progress_bar(len(paths)) as advance:
        for path in paths:
            advance(path.name)
            try:
                document = extract(path)
            except Exception as error:  # bad input or a bug: Tally tells them apart
                count.file_failed(path, error)
                continue
            if not quiet:
                for warning in document.warnings:
                    warn(str(path), str(warning))
            count.ok += 1
            yield document


def _destination(output: Path | None) -> AbstractContextManager[IO[str]]:
    return writing_text(output) if output is not None else nullcontext(sys.stdout)


class NothingExtracted(Exception):
    """Raised inside the output block so that a file named by --output is left as it was."""


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="BBT documents (text or PDF), or folders of them."),
    format: Format = typer.Option(Format.csv, "--format", "-f", help="csv: the fact table; json: the whole model."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here instead of standard output (`-`: standard output)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print warnings."),
) -> None:
    """Extract every number of the documents, each with its page and line."""
    paths = expand_paths(files)
    if output is not None:  # a bad --output, or one of the inputs, is refused before any document is read
        output_file(output)
        refuse_inputs(output, paths)
    count = Tally()
    documents = extracted(paths, quiet, count)
    try:
        with _destination(output) as stream:
            if format is Format.csv:
                _write_csv(documents, stream)
            else:
                from ..serialise import write_documents_json

                write_documents_json(documents, stream)
            if not count.ok:
                raise NothingExtracted
    except NothingExtracted:
        pass
    count.exit(len(paths))


def _write_csv(documents: Iterator[Document], stream: IO[str]) -> None:
    """The fact table, its header written with the first document (no document: nothing)."""
    first = next(documents, None)
    if first is not None:
        from ..serialise import write_facts_csv

        write_facts_csv(chain([first], documents), stream)


@app.command()
def summary(
    files: list[Path] = typer.Argument(..., help="BBT documents (text or PDF), or folders of them."),
) -> None:
    """Extract the documents and print what was found: tables, articles, totals per program."""
    from rich.markup import escape
    from rich.table import Table as RichTable

    from ..numbers_nl import format_number
    from .common import out

    count, paths = Tally(), expand_paths(files)
    for document in extracted(paths, True, count):
        out().print(
            f"[bold]{escape(document.title)}[/bold] ({escape(document.name)}): {document.kind} {document.stage} {document.year}, "
            f"{escape(document.domain)} - {document.page_count} pages, {len(document.tables)} tables, "
            f"{len(document.facts)} facts, {len(document.articles)} articles, {len(document.goals)} goals, "
            f"{len(document.warnings)} warnings",
            markup=True,
        )
        table = RichTable("scope", "subject", "credit", "year", "stage", "value (keuro)", title="Totals per program")
        for fact in document.facts:
            if fact.scope in {"program", "total"} and fact.row == "total" and fact.credit in {"VAK", "VEK"}:
                table.add_row(fact.scope, fact.subject, fact.credit, str(fact.year), fact.stage,
                              format_number(fact.value))  # fmt: skip
        out().print(table)
    count.exit(len(paths))
