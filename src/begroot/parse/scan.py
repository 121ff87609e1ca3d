"""The first pass over a document's lines: its footnotes and every stage x credit table, found before
anything else is read (the other readers leave these lines out, and `detect` tells the stage from the tables)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Footnote, Line, ReaderWarning, SourceDocument
from ..vocabulary import SETTINGS, Vocabulary
from .facts import grid_row_subject
from .footnotes import find_footnotes
from .tables import RawTable, header_items, is_unit_line, read_table, same_columns, stage_of_label, trailing_numbers


@dataclass
class Scanned:
    tables: list[tuple[int, RawTable]]  # (index of its first line, the table), in document order
    footnotes: list[Footnote]
    footnote_lines: set[int]  # indexes of the footnotes' lines: no table or prose reader reads them
    warnings: list[ReaderWarning]  # tables found by their unit line but not read


def scan(source: SourceDocument, vocab: Vocabulary) -> Scanned:
    """The footnotes first (their lines are no table's), then the tables."""
    lines = source.lines  # made from the pages on each use: once here
    notes, note_lines = find_footnotes(lines, vocab)
    tables, warnings = scan_tables(lines, note_lines, vocab)
    return Scanned(tables, notes, note_lines, warnings)


BLANK_ROW_LABEL = 40  # a row label, not prose: a table of such lines only has all its cells blank


def scan_tables(
    lines: list[Line], skip: set[int], vocab: Vocabulary
) -> tuple[list[tuple[int, RawTable]], list[ReaderWarning]]:
    """Every stage x credit table, from its unit line; a unit line whose table cannot be read is a warning."""
    tables = []
    warnings: list[ReaderWarning] = []
    consumed = -1  # a unit line inside a table read already is that table's repeated heading
    for index, line in enumerate(lines):
        if index <= consumed:
            continue
        if not is_unit_line(line.text, vocab):
            if _starts_unitless_table(lines, index, vocab):
                table = read_table(lines, index, skip, vocab)
                if table is not None and table.rows and not table.problems and _rows_known(table, vocab):
                    tables.append((index, table))
                    consumed = table.end
            continue
        table = read_table(lines, index, skip, vocab)
        if table is not None and (table.rows or table.problems):
            tables.append((index, table))
            consumed = table.end
        elif not _is_repeated_heading(lines, index, table, tables, skip, vocab) and not _all_cells_blank(table, vocab):
            warnings.append(
                ReaderWarning(_unread_reason(lines, index, skip, table, vocab), line.page, line.number, "unread_table")
            )
    warnings.extend(_headless_rows(lines, skip, tables, vocab))
    return tables, warnings


def _headless_rows(
    lines: list[Line], skip: set[int], tables: list[tuple[int, RawTable]], vocab: Vocabulary
) -> list[ReaderWarning]:
    """Rows of a stage x credit table (a stage, frame or grid label and two or more numbers) that no table read:
    a table that lost its header. One warning per run of such rows, so the loss is never silent."""
    covered = {i for start, table in tables for i in range(start, table.end + 1)}
    warnings: list[ReaderWarning] = []
    previous = -(10**9)
    for index, line in enumerate(lines):
        text = line.text
        if not text or index in skip or index in covered or not text[-1:].isdigit():
            continue
        label, numbers = trailing_numbers(text, vocab)
        if not (
            (len(numbers) >= 2 and _known_row_label(label, vocab)) or (len(numbers) >= 3 and _grid_label(label, vocab))
        ):
            continue
        if index - previous > SETTINGS.max_pending_text + 2 and not _headed_otherwise(lines, index, skip, vocab):
            warnings.append(ReaderWarning("table left out: rows of numbers without a table header above them",
                                    line.page, line.number, "unread_table"))  # fmt: skip
        previous = index
    return warnings


def _headed_otherwise(lines: list[Line], index: int, skip: set[int], vocab: Vocabulary) -> bool:
    """Rows under a header of their own that is no stage x credit header (`Q1 Q2 Q3 Q4 TOTAAL`, `AWI DAC GESCO`
    over `VAK VEK VAK VEK`) or under rows of another kind: a prose table, not a table that lost its header."""
    above = next((lines[i].text for i in range(index - 1, max(-1, index - 4), -1) if lines[i].text and i not in skip),
                 "")  # fmt: skip
    if not above:
        return False
    words = above.split()
    label, numbers = trailing_numbers(above, vocab)
    titles = not numbers and len(words) >= 3 and all(word[:1].isupper() or word[:1].isdigit() for word in words)
    other_rows = bool(numbers) and not (
        _known_row_label(label, vocab) or _grid_label(label, vocab)
    )  # not rows of this kind
    return other_rows or bool(header_items(above, vocab)) or titles


def _known_row_label(label: str, vocab: Vocabulary) -> bool:
    return bool(stage_of_label(label, vocab) or vocab.frame_row.match(label) or vocab.outcome_label.match(label))


def _grid_label(label: str, vocab: Vocabulary) -> bool:
    """No label (it stands above), or a grid's (a program, an ISE, an article: a table of contents entry ends in
    one number, a grid row in three or more)."""
    return not label or bool(grid_row_subject(label, "", vocab))


def _starts_unitless_table(lines: list[Line], index: int, vocab: Vocabulary) -> bool:
    """The first line of a header naming credits (`VAK VEK`, `2023 AO TO LO`, `BA 2021 Delta BO 2022` over
    `VAK VEK ...`) with no unit line above it: a table printed without its `(duizend euro)` (amounts are in
    thousand euro throughout a BBT)."""
    text = lines[index].text
    if not text or not vocab.is_header_word(text.split(None, 1)[0]) or header_items(text, vocab) is None:
        return False  # cheap first: this runs on every line
    above = next((line.text for line in reversed(lines[max(0, index - 3) : index]) if line.text), "")
    if is_unit_line(above, vocab) or header_items(above, vocab):
        return False
    block = [line.text for line in lines[index : index + 4] if line.text][:3]
    credits = 0
    for line_text in block:
        found = header_items(line_text, vocab)
        if found is None:
            break
        credits += sum(1 for item in found[0] if item.kind == "credit")
    return credits >= 2


def _rows_known(table: RawTable, vocab: Vocabulary) -> bool:
    """Without a unit line a table must prove itself: every row a stage, a frame row or a grid row, or
    (a `Kredietevolutie`) stages first and last with the causes of change between."""

    def stage(label: str) -> bool:
        return bool(stage_of_label(label, vocab) or vocab.outcome_label.match(label))

    rows = [row.label for row in table.rows]
    if table.stage_rows and len(rows) >= 2 and stage(rows[0]) and stage(rows[-1]):
        return True
    return all(stage(r) or vocab.frame_row.match(r) or grid_row_subject(r, "", vocab) for r in rows)


def _unread_reason(lines: list[Line], index: int, skip: set[int], table: RawTable | None, vocab: Vocabulary) -> str:
    if table is not None:
        return "table left out: a header without rows"
    words = next((lines[i].text for i in range(index + 1, min(index + 6, len(lines))) if lines[i].text
                  and i not in skip), "")  # fmt: skip
    unknown = [w for w in words.split() if not vocab.is_header_word(w)][:6]
    return f"table left out: header words not understood: {' '.join(unknown) or '(none)'}"


def _all_cells_blank(table: RawTable | None, vocab: Vocabulary) -> bool:
    """A table whose rows print only their labels (zeros left unprinted): nothing is lost."""
    texts = [item.text for kind, item in table.stream if kind == "text" and isinstance(item, Line)] if table else []
    return bool(texts) and all(len(text) <= BLANK_ROW_LABEL or vocab.frame_row.match(text) for text in texts)


def _is_repeated_heading(
    lines: list[Line],
    index: int,
    table: RawTable | None,
    tables: list[tuple[int, RawTable]],
    skip: set[int],
    vocab: Vocabulary,
) -> bool:
    """A heading repeated at a page break just after its table (the table had no rows left): no loss."""
    if not tables or table is None or not same_columns(table.columns, tables[-1][1].columns):
        return False
    previous = tables[-1][1]
    between = [line for i, line in enumerate(lines[previous.end + 1 : index], previous.end + 1)
               if line.text and i not in skip]  # fmt: skip
    return len(between) <= 3 and all(vocab.is_content_line(line.text) for line in between)
