"""From a recognised table to facts: scope, subject, row, credit, year, stage.

The table's caption and its place (inside an article or not) say what it is
about; its header says the credit, stage and year of every column.
"""

from __future__ import annotations

import re

from ..model import Article, CreditChange, CreditEvolution, Document, Fact, Table, Warning
from .tables import OUTCOME_LABEL, RawTable, frame_categories, stage_of_label

PROGRAM_TITLE = re.compile(r"^PROGRAMMA\s+(?P<code>[A-Z]{2})\b")
TOTAL_TITLE = re.compile(r"^TOTAAL\b")
ISE_PREFIX = re.compile(r"(?i)^\s*(?:ISE|inhoudelijk structuurelement)\s*[:–-]?\s*")


def ise_slug(name: str) -> str:
    """`ACTIVERING (WERK), MVG excl. DAB` -> `activering`; `ISE activering SE` -> `activering`."""
    name = ISE_PREFIX.sub("", name)
    name = name.split(",")[0]
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"\s+SE\s*$", " ", name.strip() + " ")
    return "-".join(name.lower().split())


def split_caption(title: str) -> tuple[str, str]:
    """`LOOPBANEN, MVG excl. DAB` -> (`LOOPBANEN`, `MVG excl. DAB`)."""
    name, _, perimeter = title.partition(",")
    return name.strip(), perimeter.strip()


def describe(raw: RawTable, title: str, article: Article | None) -> tuple[str, str, str, str] | None:
    """(layout, scope, subject, perimeter) of a table, or None when it cannot be placed."""
    caption = title.rstrip(":").strip()
    if not raw.stage_rows and frame_categories(raw):
        name, perimeter = split_caption(ISE_PREFIX.sub("", caption))
        return "ise_frame", "ise", ise_slug(name), perimeter
    if TOTAL_TITLE.match(caption):
        return "summary", "total", "TOTAL", split_caption(caption)[1]
    program = PROGRAM_TITLE.match(caption)
    if program:
        layout = "apparatus" if article is None and raw.stage_rows and "aanpassing" in _labels(raw) else "summary"
        return layout, "program", program.group("code"), ""
    if article is not None:
        if re.match(r"(?i)kredietevolutie", caption) or _has_causes(raw):
            layout = "credit_evolution"
        elif raw.stage_rows and article.parts.is_receipt:
            layout = "article_receipt"
        else:
            layout = "article_expenditure" if not raw.stage_rows else "article_stage_rows"
        return layout, "article", article.code, ""
    return None


def _labels(raw: RawTable) -> str:
    return " ".join(row.label for row in raw.rows)


def _has_causes(raw: RawTable) -> bool:
    return raw.stage_rows and any(stage_of_label(row.label) is None for row in raw.rows)


def table_facts(doc: Document, raw: RawTable, title: str, article: Article | None, section: str) -> Table | None:
    """Describe `raw`, make its facts and add it to `doc.tables`; warn and return None if it cannot be placed."""
    unit = raw.unit_line
    if raw.problems:
        for message, line in raw.problems:
            doc.warnings.append(Warning(f"table left out: {message}", line.page, line.number, "unplaced_numbers"))
        return None
    described = describe(raw, title, article)
    if described is None:
        doc.warnings.append(
            Warning(f"table left out: cannot tell what it is about (caption {title!r})", unit.page, unit.number,
                    "unplaced_table")
        )  # fmt: skip
        return None
    layout, scope, subject, perimeter = described
    table = Table(len(doc.tables), layout, scope, subject, title, unit.page, unit.number, perimeter, section)
    facts = _facts(doc, raw, table, article)
    if facts is None:
        return None
    table.facts = facts
    if layout == "ise_frame" and "total" not in (frame_categories(raw) or []):
        table.has_total = False
        doc.warnings.append(Warning(f"ISE frame {title!r} has no Totaal row", unit.page, unit.number, "no_total"))
    doc.tables.append(table)
    return table


def _facts(doc: Document, raw: RawTable, table: Table, article: Article | None) -> list[Fact] | None:
    if raw.stage_rows:
        return _stage_row_facts(doc, raw, table, article)
    return _stage_column_facts(doc, raw, table)


def _fact(doc: Document, table: Table, row: str, credit: str, year: int, stage: str, cell) -> Fact:
    return Fact(doc.name, table.scope, table.subject, row, credit, year, stage, int(cell.value), cell.page,
                cell.line, table.index, table.perimeter)  # fmt: skip


def _stage_column_facts(doc: Document, raw: RawTable, table: Table) -> list[Fact] | None:
    categories = frame_categories(raw) if table.layout == "ise_frame" else None
    if categories is None and len(raw.rows) > 1:
        totals = [i for i, row in enumerate(raw.rows) if row.label.lower().startswith("totaal")]
        if len(totals) != 1:
            doc.warnings.append(
                Warning(f"table left out: {len(raw.rows)} rows and no way to tell them apart", table.page,
                        table.line, "unplaced_table")
            )  # fmt: skip
            return None
        raw.rows = [raw.rows[totals[0]]]
    rows = categories or ["total"] * len(raw.rows)
    facts = []
    for row_key, row in zip(rows, raw.rows, strict=True):
        for column, cell in zip(raw.columns, row.cells, strict=True):
            year = column.year or raw.header_year or doc.year
            facts.append(_fact(doc, table, row_key, column.credit, year, column.stage or doc.stage, cell))
    return facts


def _stage_row_facts(doc: Document, raw: RawTable, table: Table, article: Article | None) -> list[Fact] | None:
    facts: list[Fact] = []
    changes: list[CreditChange] = []
    stages: list[tuple[str, int]] = []
    last = len(raw.rows) - 1
    for position, row in enumerate(raw.rows):
        stage = stage_of_label(row.label)
        outcome = OUTCOME_LABEL.match(row.label.strip())
        if stage is None and outcome and position == last:
            stage = ("BU", int(outcome.group("year")))
        if stage is None or (table.layout == "credit_evolution" and 0 < position < last):
            if table.layout != "credit_evolution":
                doc.warnings.append(
                    Warning(f"table left out: row {row.label!r} is not a budget stage", row.page, row.line,
                            "unplaced_table")
                )  # fmt: skip
                return None
            values = {col.credit: cell.value for col, cell in zip(raw.columns, row.cells, strict=True)}
            changes.append(CreditChange(row.label, _int(values.get("VAK")), _int(values.get("VEK")), row.page,
                                        row.line))  # fmt: skip
            continue
        name, year = stage
        year = year or (_later_year(raw, position) if name == "DELTA" else None) or raw.header_year or doc.year
        stages.append((name, year))
        for column, cell in zip(raw.columns, row.cells, strict=True):
            facts.append(_fact(doc, table, "total", column.credit, year, name, cell))
    if table.layout == "credit_evolution" and article is not None and len(stages) >= 2:
        article.credit_evolution = CreditEvolution(stages[0][0], stages[0][1], stages[-1][0], stages[-1][1], changes)
    return facts


def _later_year(raw: RawTable, position: int) -> int | None:
    """A `Delta`/`evolutie` row takes the year of the stage row after it (`BA 2024`, `evolutie`, `BO 2025`)."""
    for row in raw.rows[position + 1 :]:
        stage = stage_of_label(row.label)
        if stage and stage[1]:
            return stage[1]
    return None


def _int(value: float | None) -> int | None:
    return None if value is None else int(value)
