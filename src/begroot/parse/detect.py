"""Tell from the content alone what a document is: report or slides, stage, year, domain."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import NotABudgetDocument
from ..model import Line, SourceDocument
from .codes import HEADING as ARTICLE_HEADING
from .codes import find_codes
from .tables import RawTable, is_unit_line, read_table, stage_of_label

SLIDE_MARKERS = re.compile(r"(?i)\b(budgetevolutie|begrotingsinfo|bbt-structuur|in duizend euro)\b")
REPORT_MARKERS = re.compile(r"(?i)(korte inhoud begrotingsartikel|inhoudelijke toelichting|begrotingsuitvoering:|"
                            r"budgettair kader|beleidsveld|kredietevolutie)")  # fmt: skip
DOMAIN_PATTERNS = (
    re.compile(r"^TOTAAL\s*[–-]\s*(?P<domain>[A-ZÀ-Ý' ]{4,}?)\s*(?:,|$)"),
    re.compile(r"(?i)\bbeleidsdomein\s+(?P<domain>[A-Z][\w’' -]+?[a-z])(?=\s*(?:\(|,|\.|$))"),
    re.compile(r"(?i)\bBBT\s+(?:\d{4}),?\s+(?P<domain>[A-Z][\w’' -]+?[a-z])\s*$"),
)


@dataclass
class DocInfo:
    kind: str
    stage: str
    year: int
    domain: str
    domain_letter: str
    tables: list[tuple[int, RawTable]]


def scan_tables(lines: list[Line]) -> list[tuple[int, RawTable]]:
    tables = []
    consumed = -1  # a unit line inside a table read already is that table's repeated heading
    for index, line in enumerate(lines):
        if index > consumed and is_unit_line(line.text):
            table = read_table(lines, index)
            if table is not None and (table.rows or table.problems):
                tables.append((index, table))
                consumed = table.end
    return tables


def final_stage(table: RawTable) -> tuple[str, int | None] | None:
    """The stage a table leads to: its last stage column, or its last stage row."""
    if table.stage_rows:
        for row in reversed(table.rows):
            stage = stage_of_label(row.label)
            if stage:
                return stage[0], stage[1] or table.header_year
        return None
    stages = [(c.stage, c.year) for c in table.columns if c.stage and c.stage != "DELTA"]
    return stages[-1] if stages else None


def _title_case(text: str) -> str:
    small = {"en", "van", "de", "het", "voor"}
    words = text.strip().lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def find_domain(lines: list[Line]) -> str:
    head = " ".join(line.text.strip() for line in lines[:12])
    candidates = [head] + [line.text.strip() for line in lines]
    for pattern in DOMAIN_PATTERNS:
        for text in candidates:
            match = pattern.search(text)
            if match:
                return _title_case(match.group("domain"))
    return ""


def detect(source: SourceDocument) -> DocInfo:
    lines = source.lines
    tables = scan_tables(lines)
    text_sample = "\n".join(line.text for line in lines)
    headings = sum(1 for line in lines if ARTICLE_HEADING.match(line.text))
    report_marks = len(REPORT_MARKERS.findall(text_sample))
    slide_marks = len(SLIDE_MARKERS.findall(text_sample))
    if not tables and headings == 0:
        raise NotABudgetDocument(source.path, "not a BBT: no budget tables (duizend euro) and no budget articles found")
    kind = "slides" if slide_marks > report_marks and not headings else "report"
    stages = Counter(s for s in (final_stage(t) for _, t in tables) if s and s[1])
    if not stages:
        raise NotABudgetDocument(source.path, "not a BBT: no table says which budget stage and year it holds")
    (stage, year), _ = stages.most_common(1)[0]
    entities = Counter(code.entity[0] for code, _, _ in find_codes(text_sample))
    letter = entities.most_common(1)[0][0] if entities else ""
    return DocInfo(kind, stage, int(year or 0), find_domain(lines), letter, tables)
