"""Stage x credit tables as converter text: the numbers, their labels, and the facts they print.

A `TableSpec` says what a table holds (caption, heading, rows of cells, each cell a value and
the fact it prints); `write_table` turns it into `Item`s in a given style: empty lines between
rows or not, labels hyphenated over lines (before or after the numbers) or on one line, numbers
of one row split over two lines, columns aligned by spaces (layout mode) with blank or dash
cells for zeros.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..numbers_nl import format_number
from .layout import Item, Pending, TableRegion


@dataclass
class Cell:
    value: int
    fact: Pending


@dataclass
class RowSpec:
    cells: list[Cell]
    label: str = ""  # printed on the line of the numbers
    before: list[str] = field(default_factory=list)  # label lines printed before the numbers
    after: list[str] = field(default_factory=list)  # label lines printed after the numbers
    splittable: bool = True  # its numbers may be split over two lines


@dataclass
class HeaderLine:
    """A header line: text over the label column, then words over the number columns (with their span)."""

    label: str
    cells: list[tuple[str, int]]

    def plain(self) -> str:
        return " ".join([self.label, *(text for text, _ in self.cells)]).strip()

    def aligned(self) -> str:
        out = self.label.ljust(LABEL_WIDTH)
        for text, span in self.cells:
            width = CELL_WIDTH * span
            out += text.rjust(width) if span == 1 else text.center(width)
        return out.rstrip()


def over(credits: list[str] | tuple[str, ...], label: str = "") -> HeaderLine:
    """A header line with one word per column."""
    return HeaderLine(label, [(c, 1) for c in credits])


@dataclass
class TableSpec:
    caption: list[str]  # caption lines (above the unit line); empty for none
    unit: str
    heading: list[HeaderLine]  # header lines after the unit line
    rows: list[RowSpec]
    layout: str
    below: list[str] = field(default_factory=list)  # a title printed under the table (slides)


@dataclass
class TableOptions:
    blank_between_rows: bool
    indent: bool  # layout mode: columns aligned by spaces
    zero_cells: str  # zero | blank | dash (the last two only in layout mode)
    split_rows: bool
    stray_spaces: bool


@dataclass
class Written:
    items: list[Item]
    variations: set[str]


LABEL_WIDTH = 44  # wider than any row label printed beside its numbers, so numbers keep their columns
CELL_WIDTH = 13


def write_table(spec: TableSpec, options: TableOptions, rng: random.Random) -> Written:
    items: list[Item] = []
    variations: set[str] = set()
    heading = [line.aligned() if options.indent else line.plain() for line in spec.heading]
    region = TableRegion([spec.unit, *heading])

    def add(text: str, facts: list[Pending] | None = None, in_table: bool = True) -> None:
        items.append(Item(text, facts or [], region if in_table else None, kind="table" if in_table else "prose"))

    def gap() -> None:
        if options.blank_between_rows:
            add("")

    for line in spec.caption:
        add(line, in_table=False)
    if spec.caption:
        gap()
    add(spec.unit)
    gap()
    for line in heading:
        add(line)
        gap()
    zero_mode = options.zero_cells if options.indent else "zero"
    for row in spec.rows:
        for line in row.before:
            add(line)
        printed = [_cell_text(cell, zero_mode) for cell in row.cells]
        if any(text == "" for text, _ in printed):
            variations.add("blank_cells")
        if any(text == "-" for text, _ in printed):
            variations.add("dash_cells")
        split = options.split_rows and row.splittable and len(printed) >= 4 and rng.random() < 0.35
        if split:
            variations.add("split_row")
            cut = rng.randint(1, len(printed) - 1)
            parts = [printed[:cut], printed[cut:]]
        else:
            parts = [printed]
        for number, part in enumerate(parts):
            label = row.label if number == 0 else ""
            offset = 0 if number == 0 else len(parts[0])
            text = _row_line(label, [t for t, _ in part], options, rng, offset)
            add(text, [fact for _, fact in part if fact is not None])
        for line in row.after:
            add(line)
        if row.after:
            variations.add("label_after_numbers")
        gap()
    for line in spec.below:
        add(line, in_table=False)
    return Written(items, variations)


def _cell_text(cell: Cell, zero_mode: str) -> tuple[str, Pending | None]:
    if cell.value == 0 and zero_mode == "blank":
        return "", None  # nothing printed: no fact
    if cell.value == 0 and zero_mode == "dash":
        return "-", cell.fact  # a dash for zero: the fact is 0
    return format_number(cell.value), cell.fact


def _row_line(label: str, cells: list[str], options: TableOptions, rng: random.Random, offset: int) -> str:
    if options.indent:
        # Columns aligned by position: a blank cell is spaces, so later numbers keep their column.
        start = label.ljust(LABEL_WIDTH) if label or offset == 0 else " " * LABEL_WIDTH
        start += " " * (CELL_WIDTH * offset)
        return (start + "".join(text.rjust(CELL_WIDTH) for text in cells)).rstrip()
    joiner = " "
    parts = [label] if label else []
    for text in cells:
        if options.stray_spaces and rng.random() < 0.1:
            parts.append("")  # a stray double space, as converters print them
        parts.append(text)
    return joiner.join(parts).strip() if parts else ""
