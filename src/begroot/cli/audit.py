"""`begroot audit [FILE...]`: check the figures of documents against each other and their prose.

Exit codes: 0 when the audit ran (findings or not: findings are a report, not a failure),
1 when a file could not be read, 2 when the database cannot be audited.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table as RichTable

from ..audit import SEVERITIES, Finding, audit_document, cross_document_findings, sort_findings
from ..audit import load_and_parse as _load_and_parse
from ..errors import BegrootError
from . import app
from .common import expand_paths, fail, out, report_error


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _where(finding: Finding) -> str:
    return ", ".join(f"{loc['document']}:{loc['source_line']}" for loc in finding.locations[:4]) + (
        " …" if len(finding.locations) > 4 else ""
    )


def _print_table(findings: list[Finding]) -> None:
    table = RichTable(show_lines=False)
    for column in ("severity", "rule", "subject", "message", "where"):
        table.add_column(column, overflow="fold")
    for f in findings:
        table.add_row(f.severity, f.rule, f.subject, f.message, _where(f))
    out.print(table)
    out.print(f"{len(findings)} finding(s)")


def _print_json(findings: list[Finding]) -> None:
    """A JSON array written one finding at a time: thousands of findings are never one big string."""
    out_stream = sys.stdout
    out_stream.write("[")
    for index, finding in enumerate(findings):
        out_stream.write(",\n" if index else "\n")
        out_stream.write(json.dumps(finding.as_dict(), ensure_ascii=False, indent=2))
    out_stream.write("\n]\n" if findings else "]\n")


def _print_markdown(findings: list[Finding]) -> None:
    print("| severity | rule | subject | message | where |")
    print("|---|---|---|---|---|")
    for f in findings:
        cells = [f.severity, f.rule, f.subject, f.message, _where(f)]
        print("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")


def _from_database(url: str | None) -> list[Finding]:
    """The findings stored at ingest (each document's audit, and conflicts between documents)."""
    from ..store import Store

    try:
        with Store(url) as store:
            rows = store.findings()
    except BegrootError as error:
        fail(str(error), 2)
        raise  # unreachable: fail() exits
    fields = set(Finding.__dataclass_fields__)
    return [Finding(**{k: v for k, v in row.items() if k in fields and v is not None}) for row in rows]


def _from_files(paths: list[Path]) -> tuple[list[Finding], int]:
    """Each file audited in turn, its source (the pages of text) dropped before the next one is read;
    the documents stay for the rules that compare them."""
    documents, findings, failed = [], [], 0
    for path in paths:
        try:
            document, source = _load_and_parse(path)
        except BegrootError as error:
            report_error(error)
            failed += 1
            continue
        findings += audit_document(document, source)
        del source
        documents.append(document)
    findings += cross_document_findings(documents)
    return sort_findings(findings), failed


@app.command()
def audit(
    files: list[Path] = typer.Argument(None, help="BBT documents or folders; none: audit the database."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, json or markdown."),
    severity: list[Severity] = typer.Option(
        None, "--severity", "-s", help="Only these severities (repeatable); default: all."
    ),
    db: str | None = typer.Option(None, "--db", help="Database URL when auditing the database (default: $BEGROOT_DB)."),
) -> None:
    """Check sums, articles against frames, execution, and the prose against the tables.

    Exits 0 whenever the audit ran, with or without findings; 1 for unreadable files.
    """
    paths = expand_paths(files) if files else []
    findings, failed = _from_files(paths) if files else (_from_database(db), 0)
    if files and failed == len(paths):
        raise typer.Exit(1)  # nothing could be read: the errors said why, an empty report would not
    wanted = {s.value for s in severity} if severity else set(SEVERITIES)
    findings = [f for f in findings if f.severity in wanted]
    if format is Format.json:
        _print_json(findings)
    elif format is Format.markdown:
        _print_markdown(findings)
    else:
        _print_table(findings)
    if failed:
        raise typer.Exit(1)
