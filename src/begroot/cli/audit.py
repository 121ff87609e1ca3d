"""`begroot audit [FILE...]`: check the figures of documents against each other and their prose.

Exit codes (`errors.ExitCode`): 0 when the audit ran (findings or not: findings are a report, not a
failure), 1 when a file could not be read, 3 when the database cannot be audited, 4 on a bug.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import BegrootError, ExitCode
from . import app
from .common import Tally, expand_paths, fail, out, timeout_option

if TYPE_CHECKING:  # the rules load when a command runs: `begroot --help` and `extract` never carry them
    from ..audit import Finding


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
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


class Kept:
    """Findings kept as compact JSON text with their sort key, turned back into objects one at a
    time for printing: a long document gives tens of thousands of findings."""

    def __init__(self) -> None:
        self.records: list[tuple[tuple[int, str, int], str]] = []

    def add(self, findings: Iterable[Finding]) -> None:
        # ASCII JSON: one byte a character in memory, where any accent would make it two or four.
        from ..audit import finding_order

        self.records += [(finding_order(f), json.dumps(f.as_dict())) for f in findings]

    def __iter__(self) -> Iterator[Finding]:
        from ..audit import Finding

        self.records.sort(key=lambda record: record[0])
        for _order, text in self.records:
            yield Finding(**json.loads(text))


TABLE_ROWS = 500  # rows per printed table: a table is measured whole before it is printed


def batched(items: Iterable[Finding], size: int) -> Iterator[list[Finding]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _print_table(findings: Iterable[Finding]) -> None:
    from rich.markup import escape
    from rich.table import Table as RichTable

    count = 0
    for chunk in batched(findings, TABLE_ROWS):
        table = RichTable(show_lines=False)
        for column in ("id", "severity", "rule", "subject", "message", "where", "verdict"):
            table.add_column(column, overflow="fold")
        for f in chunk:
            cells = (f.finding_id, f.severity, f.rule, f.subject, f.message, _where(f), _verdict(f))
            table.add_row(*(escape(cell) for cell in cells))
        out().print(table)
        count += len(chunk)
    out().print(f"{count} finding(s)")


def _plain(value: object) -> object:
    """JSON for what a database gives besides JSON's own types (PostgreSQL numerics, times)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _print_json(findings: Iterable[Finding]) -> None:
    """A JSON array written one finding at a time: thousands of findings are never one big string.
    Each finding is made whole as text before any of it is written, so an error never leaves half an item."""
    out_stream = sys.stdout
    out_stream.write("[")
    count = 0
    for finding in findings:
        item = json.dumps(finding.as_dict(), ensure_ascii=False, indent=2, default=_plain)
        out_stream.write((",\n" if count else "\n") + item)
        count += 1
    out_stream.write("\n]\n" if count else "]\n")


CSV_COLUMNS = ("id", "severity", "rule", "subject", "message", "where", "expected", "actual", "verdict",
               "verdict_note", "verdict_by", "verdict_at")  # fmt: skip


def _print_csv(findings: Iterable[Finding]) -> None:
    """One finding a row; every place it points at in `where` (document:page:line, `; ` between them)."""
    import csv

    from ..formula import csv_safe_rows

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_safe_rows(_csv_row(f) for f in findings))


def _csv_row(f: Finding) -> tuple[object, ...]:
    where = "; ".join(f"{loc.get('document')}:{loc.get('page')}:{loc.get('source_line')}" for loc in f.locations)
    verdict = (f.verdict or "", f.verdict_note or "", f.verdict_by or "", f.verdict_at or "")
    return (f.finding_id, f.severity, f.rule, f.subject, f.message, where,
            _plain_or_empty(f.expected), _plain_or_empty(f.actual), *verdict)  # fmt: skip


def _plain_or_empty(value: object) -> object:
    return "" if value is None else _plain(value) if isinstance(value, Decimal) else value


def _print_markdown(findings: Iterable[Finding]) -> None:
    print("| id | severity | rule | subject | message | where | verdict |")
    print("|---|---|---|---|---|---|---|")
    for f in findings:
        cells = [f.finding_id, f.severity, f.rule, f.subject, f.message, _where(f), _verdict(f)]
        print("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")


def _from_database(url: str | None) -> list[Finding]:
    """The findings stored at ingest (each document's audit, and conflicts between documents)."""
    from ..store import Store

    try:
        with Store(url, create=False, read_only=True) as store:
            rows = store.findings()
    except BegrootError as error:
        fail(str(error), ExitCode.DATABASE)
        raise  # unreachable: fail() exits
    from ..audit import Finding

    fields = set(Finding.__dataclass_fields__)
    for row in rows:  # a time in JSON and in tables: ISO 8601
        row["verdict_at"] = row["verdict_at"].isoformat() if row.get("verdict_at") else None
        row["numbers"] = _named_numbers(row.get("numbers"), row.get("locations") or [])
    return [Finding(**{k: v for k, v in row.items() if k in fields and v is not None}) for row in rows]


def _named_numbers(numbers: object, locations: list[dict[str, object]]) -> dict[str, object]:
    """A finding's numbers by name. Conflicts between documents store theirs as a list, one value per
    location (this document's, the other's): each is named after its document."""
    if isinstance(numbers, dict):
        return numbers
    if not isinstance(numbers, list):
        return {}
    names = [str(place.get("document", "")) for place in locations]
    if len(names) != len(numbers) or len(set(names)) != len(names):
        names = [f"value {index + 1}" for index in range(len(numbers))]
    return dict(zip(names, numbers, strict=True))


def _from_files(paths: list[Path], count: Tally) -> Kept:
    """Each file audited in turn, its source (the pages of text) dropped before the next one is read;
    only the facts of each document stay, for the rules that compare documents. A file that fails is
    reported in one line and the others go on."""
    from ..audit import cross_document_findings, facts_only, iter_findings, load_and_parse

    kept, documents = Kept(), []
    for path in paths:
        try:
            document, source = load_and_parse(path)
            findings = iter_findings(document, source)
            del source  # the generator holds the only reference now, and lets go of it when done with it
            one = Kept()
            one.add(findings)
        except Exception as error:  # bad input or a bug: Tally tells them apart
            count.file_failed(path, error)
            continue
        kept.records += one.records
        documents.append(facts_only(document))
        count.ok += 1
    kept.add(cross_document_findings(documents))
    return kept


@app.command()
def audit(
    files: list[Path] = typer.Argument(None, help="BBT documents or folders; none: audit the database."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, json, csv or markdown."),
    severity: list[Severity] = typer.Option(
        None, "--severity", "-s", help="Only these severities (repeatable); default: all."
    ),
    db: str | None = typer.Option(None, "--db", help="Database URL when auditing the database (default: $BEGROOT_DB)."),
) -> None:
    """Check sums, articles against frames, execution, and the prose against the tables.

    Exits 0 whenever the audit ran, with or without findings; 1 for unreadable files.
    """
    paths, count = (expand_paths(files) if files else []), Tally()
    found = _from_files(paths, count) if files else _from_database(db)
    if files and not count.ok:
        count.exit(len(paths))  # nothing could be read: the errors said why, an empty report would not
    from ..audit import SEVERITIES

    wanted = {s.value for s in severity} if severity else set(SEVERITIES)
    findings = (f for f in found if f.severity in wanted)
    if format is Format.json:
        _print_json(findings)
    elif format is Format.csv:
        _print_csv(findings)
    elif format is Format.markdown:
        _print_markdown(findings)
    else:
        _print_table(findings)
    if files:
        count.exit(len(paths))


@app.command()
def review(
    finding_id: str = typer.Argument(..., help="The finding's id, as `begroot audit` shows it (e.g. F3a9c12d4e5f6)."),
    verdict: Verdict = typer.Option(..., "--verdict", help="confirmed, false-positive or fixed."),
    note: str = typer.Option(..., "--note", help="Why: what was checked, and where."),
    by: str = typer.Option("", "--by", help="Who gives the verdict (default: the user name)."),
    db: str | None = typer.Option(None, "--db", help="Database URL (default: $BEGROOT_DB)."),
    timeout: float = timeout_option(),
) -> None:
    """Record a verdict on a stored finding; earlier verdicts stay in the trail, the latest counts."""
    import getpass

    from ..store import Store
    from ..store.store import UnknownFinding

    reviewer = by or getpass.getuser()
    try:
        with Store(db, create=False, timeout=timeout) as store:
            row = store.review(finding_id, verdict.value, note, reviewer)
    except UnknownFinding:
        fail(f"no finding {finding_id!r} in the database (ids: `begroot audit`)")
        raise  # unreachable: fail() exits
    except BegrootError as error:
        fail(str(error), ExitCode.DATABASE)
        raise
    out().print(f"{finding_id}: {row['verdict']} by {row['reviewer']} at {row['created_at'].isoformat()}", markup=False)
