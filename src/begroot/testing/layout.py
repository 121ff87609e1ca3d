"""Lines with the facts printed on them, and the paginator that lays them on pages.

A renderer (report or slides) writes `Item`s: one printed line each, carrying the facts whose
numbers stand on it. `paginate` then places them on pages the way a PDF-to-text converter
shows them: running headers, page-number lines, footnotes at the page foot, page marks (a
leading space or a form feed), tables cut wherever the page ends (their heading repeated or
not). Only then are the line and page of every fact known.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .document import ExpectedFact, ExpectedStatement


@dataclass(frozen=True)
class Pending:
    """A fact before its page and line are known."""

    scope: str
    subject: str
    row: str
    credit: str
    year: int
    stage: str
    value: int
    layout: str


@dataclass
class TableRegion:
    """The table an item belongs to: its heading, repeated after a page break when the style says so."""

    heading: list[str]
    first_item: int = -1  # index of its first item once written
    rows_started: bool = False  # a row of numbers was written: a break from now on cuts the table


@dataclass
class PendingStatement:
    subject: str
    total: float
    change: float
    reference_year: int


@dataclass
class Item:
    text: str
    facts: list[Pending] = field(default_factory=list)
    table: TableRegion | None = None
    footnote: str | None = None  # the footnote this line cites, printed at the page's foot
    page_break_before: bool = False
    statement: PendingStatement | None = None
    kind: str = "prose"  # prose | heading | table | blank


@dataclass
class PageSetup:
    length: int  # content lines per page (headers, footnotes and page numbers come on top)
    mark: str  # space | formfeed | none
    header: str  # none | stuk | stuk_page | title
    header_text: str
    page_numbers: bool
    repeat_heading: bool
    footnote_gap: int  # a footnote number left out after this one (0: none)
    indent: int  # layout-mode indentation of every line (0: none)
    space_lines: bool = False  # empty lines hold one space or a few


@dataclass
class Laid:
    lines: list[str]
    facts: list[ExpectedFact]
    statements: list[ExpectedStatement]
    page_count: int
    breaks_in_tables: int
    footnotes: int


def paginate(items: list[Item], setup: PageSetup, rng: random.Random) -> Laid:
    out: list[str] = []
    facts: list[ExpectedFact] = []
    statements: list[ExpectedStatement] = []
    page = 0
    used = 0
    notes: list[str] = []
    note_number = 0
    breaks_in_tables = 0
    first_on_page = True

    def emit(text: str) -> int:
        nonlocal first_on_page
        text = _mark(text, setup, page, first_on_page)
        if not text and setup.space_lines:
            text = rng.choice([" ", "  ", "    "])
        first_on_page = False
        out.append(text)
        return len(out)

    def open_page() -> None:
        nonlocal page, used, first_on_page
        page += 1
        used = 0
        first_on_page = True
        if setup.header != "none":
            text = setup.header_text
            if setup.header == "stuk_page":
                text = f"{text} {page}" if page % 2 else f"{page} {text}"
            emit(_indent(text, setup))
            emit("")

    def close_page() -> None:
        nonlocal notes
        if notes:
            emit("")
            for note in notes:
                emit(_indent(note, setup))
            notes = []
        if setup.page_numbers:
            emit("")
            emit(" " * (setup.indent * 10) + str(page) if setup.indent else str(page))

    open_page()
    for position, item in enumerate(items):
        note_lines = 1 if item.footnote else 0
        if (item.page_break_before and used > 0) or used + 1 + note_lines + len(notes) > setup.length:
            close_page()
            open_page()
            region = item.table
            if region is not None and region.rows_started:
                breaks_in_tables += 1
                if setup.repeat_heading:
                    for heading in region.heading:
                        emit(_indent(heading, setup))
        if item.table is not None and item.table.first_item == -1:
            item.table.first_item = position
        if first_on_page and not item.text.strip() and setup.header == "none":
            continue  # a page does not start with an empty line (its mark would be lost)
        text = item.text
        if item.footnote:
            note_number += 1
            if setup.footnote_gap and note_number == setup.footnote_gap + 1:
                note_number += 1  # the variant with one number missing
            text = f"{text}{note_number}"
            notes.append(f"{note_number} {item.footnote}")
        line = emit(_indent(text, setup))
        used += 1
        if item.table is not None and item.facts:
            item.table.rows_started = True
        for fact in item.facts:
            facts.append(ExpectedFact(fact.scope, fact.subject, fact.row, fact.credit, fact.year, fact.stage,
                                      fact.value, page, line, fact.layout))  # fmt: skip
        if item.statement:
            s = item.statement
            statements.append(ExpectedStatement(s.subject, s.total, s.change, s.reference_year, page, line))
    close_page()
    return Laid(out, facts, statements, page, breaks_in_tables, note_number)


def _indent(text: str, setup: PageSetup) -> str:
    if not text.strip():
        return ""
    return " " * setup.indent + text if setup.indent else text


def _mark(text: str, setup: PageSetup, page: int, first: bool) -> str:
    """Page marks: a single leading space on a page's first line, or a form feed; nowhere else."""
    if setup.mark == "space" and first:
        return " " + text.lstrip()
    if setup.mark == "formfeed" and first and page > 1:
        return "\f" + text
    if text.startswith(" ") and not text.startswith("  ") and text.strip():
        # A single leading space is a page mark to the readers: never print one by accident.
        return text.lstrip() if not setup.indent else " " + text
    return text
