"""Why a table was or was not read: one trace per unit line, for `begroot tables FILE`.

Each trace names where the table stands, its caption, the header lines and the columns read from
them, how numbers were placed (under their headers by position, or in reading order), the rows,
and the outcome: the layout and subject its facts went to, or the warning that left it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, SourceDocument, Table
from ..vocabulary import VOCABULARY, Vocabulary
from .scan import scan
from .tables import RawTable


@dataclass
class TableTrace:
    page: int
    line: int
    caption: str
    header: list[str]
    columns: list[str]
    placement: str  # "by position" | "in reading order" | "" (+ ", rows by the PDF's ruled cells (k of n)")
    rows: list[str]
    outcome: str
    read: bool


def trace_tables(source: SourceDocument, document: Document, vocabulary: Vocabulary = VOCABULARY) -> list[TableTrace]:
    """A trace for every table `document` (parsed from `source` with `vocabulary`) met, in document order."""
    scanned = scan(source, vocabulary)
    placed = {table.line: table for table in document.tables}
    traces = [_trace(raw, placed, document) for _, raw in scanned.tables]
    for warning in scanned.warnings:
        traces.append(TableTrace(warning.page or 0, warning.line or 0, "", [], [], "", [], warning.message, False))
    return sorted(traces, key=lambda trace: trace.line)


def _trace(raw: RawTable, placed: dict[int, Table], document: Document) -> TableTrace:
    unit = raw.unit_line
    columns = [" ".join(str(part) for part in (c.credit, c.stage, c.year) if part) for c in raw.columns]
    placement = "by position" if raw.positional else "in reading order"
    if raw.ruled:  # rows whose lines the PDF's rules joined (a wrapped label read whole)
        placement += f", rows by the PDF's ruled cells ({raw.ruled} of {len(raw.rows)})"
    rows = [f"{row.label or '(no label)'}: {sum(1 for c in row.cells if c)} numbers" for row in raw.rows]
    table = placed.get(unit.number)
    if table is not None:
        subject = f"{table.scope} {table.subject}" if table.subject else "a subject per row"
        outcome = f"read as {table.layout} ({subject}): {len(table.facts)} facts"
        return TableTrace(unit.page, unit.number, table.title, [h.text for h in raw.header_lines], columns,
                          placement, rows, outcome, True)  # fmt: skip
    last = max([unit.number] + [row.line for row in raw.rows] + [line.number for _, line in raw.problems])
    reasons = [w.message for w in document.warnings if w.line is not None and unit.number <= w.line <= last]
    outcome = "; ".join(reasons) or "left out"
    return TableTrace(unit.page, unit.number, "", [h.text for h in raw.header_lines], columns, placement, rows,
                      outcome, False)  # fmt: skip
