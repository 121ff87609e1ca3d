"""`begroot audit [FILE...]`: check the figures of documents against each other and their prose.

Exit codes (`errors.ExitCode`): 0 when the audit ran (findings or not: findings are a report, not a
failure), 1 when a file could not be read, 3 when the database cannot be audited, 4 on a bug, 5 with
`--fail-on SEVERITY` when a finding of that severity or worse counts (a finding reviewed false-positive does not).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from enum import Enum
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


class Lang(str, Enum):
    nl = "nl"
    en = "en"


class FailOn(str, Enum):
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


WORDS = {  # the summary's words per language (the findings' own messages: audit/messages.py)
    "nl": {"finding": ("bevinding", "bevindingen"), "document": ("document", "documenten"),
           "error": ("fout", "fouten"), "warning": ("waarschuwing", "waarschuwingen"), "info": ("info", "info"),
           "rules": "per regel", "verdicts": "oordelen", "none": "geen", "hidden": "info niet getoond (--all)",
           "false-positive": "vals alarm", "confirmed": "bevestigd", "fixed": "verbeterd"},
    "en": {"finding": ("finding", "findings"), "document": ("document", "documents"),
           "error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("info", "info"),
           "rules": "by rule", "verdicts": "verdicts", "none": "none", "hidden": "info not shown (--all)",
           "false-positive": "false positive", "confirmed": "confirmed", "fixed": "fixed"},
}  # fmt: skip


def counted(count: int, word: str, lang: str) -> str:
    """`1 bevinding`, `2 bevindingen`: the plural right."""
    one, many = WORDS[lang][word]
    return f"{count} {one if count == 1 else many}"


def counts(finding: Finding) -> bool:
    """Whether a finding counts as its severity: a finding reviewed false-positive no longer does."""
    return finding.verdict != "false-positive"


def _print_summary(findings: Iterable[Finding], lang: str, show_info: bool) -> None:
    """A summary (counts by severity and rule, verdicts), then one line per error and warning (info with --all)."""
    from collections import Counter

    from ..audit.messages import message

    severities: Counter[str] = Counter()
    rules: Counter[tuple[str, str]] = Counter()
    verdicts: Counter[str] = Counter()
    documents: set[str] = set()
    lines: list[str] = []
    for f in findings:
        documents.update(str(loc.get("document")) for loc in f.locations[:1])
        verdicts[f.verdict or ""] += 1
        if counts(f):
            severities[f.severity] += 1
            rules[(f.rule, f.severity)] += 1
        if show_info or (f.severity != "info" and counts(f)):
            verdict = f" [{WORDS[lang].get(f.verdict, f.verdict)}]" if f.verdict else ""
            lines.append(f"{f.finding_id} {f.severity:<7} {f.rule} {_where(f)}{verdict}: {message(f, lang)}")
    words = WORDS[lang]
    total = sum(verdicts.values())
    parts = [counted(severities[s], s, lang) for s in ("error", "warning", "info")]
    print(f"{counted(total, 'finding', lang)} ({counted(len(documents), 'document', lang)}): {', '.join(parts)}")
    by_rule = ", ".join(f"{rule} {severity} {n}" for (rule, severity), n in sorted(rules.items()))
    print(f"{words['rules']}: {by_rule or words['none']}")
    given = ", ".join(f"{words.get(v, v)} {n}" for v, n in sorted(verdicts.items()) if v)
    print(f"{words['verdicts']}: {given or words['none']}")
    if not show_info and severities["info"]:
        print(words["hidden"])
    for line in lines:
        print(line)


def _plain(value: object) -> object:
    """JSON for what a database gives besides JSON's own types (PostgreSQL numerics, times)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _print_json(findings: Iterable[Finding], lang: str) -> None:
    """A JSON array written one finding at a time: thousands of findings are never one big string.
    Each finding is made whole as text before any of it is written, so an error never leaves half an item."""
    from ..audit.messages import message

    out_stream = sys.stdout
    out_stream.write("[")
    count = 0
    for finding in findings:
        item = json.dumps(finding.as_dict() | {"message": message(finding, lang)}, ensure_ascii=False, indent=2,
                          default=_plain)  # fmt: skip
        out_stream.write((",\n" if count else "\n") + item)
        count += 1
    out_stream.write("\n]\n" if count else "]\n")


CSV_COLUMNS = ("id", "severity", "rule", "subject", "message", "where", "expected", "actual", "verdict",
               "verdict_note", "verdict_by", "verdict_at")  # fmt: skip


def _print_csv(findings: Iterable[Finding], lang: str) -> None:
    """One finding a row; every place it points at in `where` (document:page:line, `; ` between them)."""
    import csv

    from ..formula import csv_safe_rows

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_safe_rows(_csv_row(f, lang) for f in findings))


def _csv_row(f: Finding, lang: str) -> tuple[object, ...]:
    from ..audit.messages import message

    where = "; ".join(f"{loc.get('document')}:{loc.get('page')}:{loc.get('source_line')}" for loc in f.locations)
    verdict = (f.verdict or "", f.verdict_note or "", f.verdict_by or "", f.verdict_at or "")
    return (f.finding_id, f.severity, f.rule, f.subject, message(f, lang), where,
            _plain_or_empty(f.expected), _plain_or_empty(f.actual), *verdict)  # fmt: skip


def _plain_or_empty(value: object) -> object:
    return "" if value is None else _plain(value) if isinstance(value, Decimal) else value


def _print_markdown(findings: Iterable[Finding], lang: str) -> None:
    from ..audit.messages import message

    print("| id | severity | rule | subject | message | where | verdict |")
    print("|---|---|---|---|---|---|---|")
    for f in findings:
        cells = [f.finding_id, f.severity, f.rule, f.subject, message(f, lang), _where(f), _verdict(f)]
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
    lang: Lang = typer.Option(Lang.nl, "--lang", help="Language of the messages and the summary: nl or en."),
    all_findings: bool = typer.Option(
        False, "--all", help="List the info findings too (default: errors and warnings)."
    ),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Exit 5 when a finding of this severity or worse counts (not reviewed false-positive)."
    ),
) -> None:
    """Check sums, articles against frames, execution, and the prose against the tables.

    Exits 0 whenever the audit ran, with or without findings (5 with --fail-on when such a finding counts);
    1 for unreadable files.
    """
    paths, count = (expand_paths(files) if files else []), Tally()
    found = _from_files(paths, count) if files else _from_database(db)
    if files and not count.ok:
        count.exit(len(paths))  # nothing could be read: the errors said why, an empty report would not
    from ..audit import SEVERITIES

    wanted = {s.value for s in severity} if severity else set(SEVERITIES)
    gate = set(SEVERITIES[: SEVERITIES.index(fail_on.value) + 1]) if fail_on else set()
    failing = False

    def chosen() -> Iterator[Finding]:
        nonlocal failing
        for f in found:
            failing = failing or (f.severity in gate and counts(f))
            if f.severity in wanted:
                yield f

    if format is Format.json:
        _print_json(chosen(), lang.value)
    elif format is Format.csv:
        _print_csv(chosen(), lang.value)
    elif format is Format.markdown:
        _print_markdown(chosen(), lang.value)
    else:
        _print_summary(chosen(), lang.value, all_findings or bool(severity))
    if files:
        count.exit(len(paths))  # returns when every file was read
    if failing:
        raise typer.Exit(ExitCode.FINDINGS)


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
