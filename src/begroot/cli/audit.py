"""`begroot audit [FILE...]`: check the figures of documents against each other and their prose.

Exit codes: 0 when the audit ran (findings or not: findings are a report, not a failure),
1 when a file could not be read, 2 when the database cannot be audited.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import BegrootError
from . import app
from .common import expand_paths, fail, out, report_error

if TYPE_CHECKING:  # the audit (and the reader it needs) is imported when the command runs
    from ..audit import Finding


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Verdict(str, Enum):
    confirmed = "confirmed"
    false_positive = "false-positive"
    fixed = "fixed"


def _verdict(finding: Finding) -> str:
    if not finding.verdict:
        return ""
    return f"{finding.verdict}: {finding.verdict_note}" if finding.verdict_note else finding.verdict


def _where(finding: Finding) -> str:
    return ", ".join(f"{loc['document']}:{loc['source_line']}" for loc in finding.locations[:4]) + (
        " …" if len(finding.locations) > 4 else ""
    )


def _print_table(findings: list[Finding]) -> None:
    from rich.table import Table as RichTable

    table = RichTable(show_lines=False)
    for column in ("id", "severity", "rule", "subject", "message", "where", "verdict"):
        table.add_column(column, overflow="fold")
    for f in findings:
        table.add_row(f.finding_id, f.severity, f.rule, f.subject, f.message, _where(f), _verdict(f))
    out.print(table)
    out.print(f"{len(findings)} finding(s)")


def _print_markdown(findings: list[Finding]) -> None:
    print("| id | severity | rule | subject | message | where | verdict |")
    print("|---|---|---|---|---|---|---|")
    for f in findings:
        cells = [f.finding_id, f.severity, f.rule, f.subject, f.message, _where(f), _verdict(f)]
        print("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")


def _from_database(url: str | None) -> list[Finding]:
    """The findings stored at ingest (each document's audit, and conflicts between documents)."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..audit import Finding
    from ..store import Store

    try:
        with Store(url) as store:
            rows = store.findings()
    except SQLAlchemyError as error:
        fail(f"cannot read the database: {str(error).splitlines()[0]}", 2)
        raise  # unreachable: fail() exits
    fields = set(Finding.__dataclass_fields__)
    for row in rows:  # a time in JSON and in tables: ISO 8601
        row["verdict_at"] = row["verdict_at"].isoformat() if row.get("verdict_at") else None
    return [Finding(**{k: v for k, v in row.items() if k in fields and v is not None}) for row in rows]


def _from_files(files: list[Path]) -> tuple[list[Finding], int]:
    from ..audit import audit_documents
    from ..audit import load_and_parse as _load_and_parse

    loaded, failed = [], 0
    for path in expand_paths(files):
        try:
            loaded.append(_load_and_parse(path))
        except BegrootError as error:
            report_error(error)
            failed += 1
    findings = audit_documents([d for d, _ in loaded], {d.name: s for d, s in loaded}) if loaded else []
    return findings, failed


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
    findings, failed = _from_files(files) if files else (_from_database(db), 0)
    if files and failed == len(expand_paths(files)):
        raise typer.Exit(1)  # nothing could be read: the errors said why, an empty report would not
    wanted = {s.value for s in severity} if severity else {s.value for s in Severity}
    findings = [f for f in findings if f.severity in wanted]
    if format is Format.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    elif format is Format.markdown:
        _print_markdown(findings)
    else:
        _print_table(findings)
    if failed:
        raise typer.Exit(1)


@app.command()
def review(
    finding_id: str = typer.Argument(..., help="The finding's id, as `begroot audit` shows it (e.g. F3a9c12d4e5f6)."),
    verdict: Verdict = typer.Option(..., "--verdict", help="confirmed, false-positive or fixed."),
    note: str = typer.Option(..., "--note", help="Why: what was checked, and where."),
    by: str = typer.Option("", "--by", help="Who gives the verdict (default: the user name)."),
    db: str | None = typer.Option(None, "--db", help="Database URL (default: $BEGROOT_DB)."),
) -> None:
    """Record a verdict on a stored finding; earlier verdicts stay in the trail, the latest counts."""
    import getpass

    from sqlalchemy.exc import SQLAlchemyError

    from ..store import Store
    from ..store.store import UnknownFinding

    reviewer = by or getpass.getuser()
    try:
        with Store(db) as store:
            row = store.review(finding_id, verdict.value, note, reviewer)
    except UnknownFinding:
        fail(f"no finding {finding_id!r} in the database (ids: `begroot audit`)")
    except SQLAlchemyError as error:
        fail(f"cannot write to the database: {str(error).splitlines()[0]}", 2)
    out.print(f"{finding_id}: {row['verdict']} by {row['reviewer']} at {row['created_at'].isoformat()}", markup=False)
