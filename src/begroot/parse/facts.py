"""From a recognised table to facts: scope, subject, row, credit, year, stage.

The table's caption, its row labels and its place (inside an article or not)
say what it is about; its header says the credit, stage and year of every
column. A blank cell (where positions tell one) gives no fact.
"""

from __future__ import annotations

import re
from itertools import combinations, product
from math import prod

from ..model import Article, Cell, CreditChange, CreditEvolution, Document, Fact, Ise, Line, ReaderWarning, Table
from ..vocabulary import Vocabulary
from .codes import LOOSE_CODE, code_from_match
from .tables import RawTable, frame_categories, frame_readings, stage_of_label, trailing_numbers
from .text import one_line


def split_caption(title: str, vocab: Vocabulary) -> tuple[str, str]:
    """`LOOPBANEN, MVG excl. DAB` -> (`LOOPBANEN`, `MVG excl. DAB`); a comma inside a name stays."""
    match = vocab.perimeter.search(title)
    if match is None:
        return title.strip(), ""
    return title[: match.start()].strip(), title[match.end() :].strip()


def ise_slug(name: str, vocab: Vocabulary) -> str:
    """`ACTIVERING (WERK), MVG excl. DAB` -> `activering`; `ISE activering SE` -> `activering`."""
    name = split_caption(vocab.ise_prefix.sub("", name), vocab)[0]
    name = re.sub(r"\([^)]*\)", " ", name)
    name = vocab.abbreviation_end.sub(" ", name.strip() + " ")
    return "-".join(name.lower().split())


def grid_subjects(raw: RawTable, vocab: Vocabulary) -> list[tuple[str, str] | None] | None:
    """Scope and subject of each row of a budget-evolution grid (`Programma`, `ISE`, `Totaal` rows), or None.

    A row the grid vocabulary does not know gets None (the caller warns and leaves it out).
    """
    if raw.stage_rows:
        return None
    program = ""
    subjects: list[tuple[str, str] | None] = []
    for row in raw.rows:
        label = one_line(row.label)
        subject = grid_row_subject(label, program, vocab)
        if subject and subject[0] == "program":
            program = subject[1]
        subjects.append(subject)
    if not any(s and s[0] in {"program", "ise"} for s in subjects):
        return None
    return subjects


def grid_row_subject(label: str, program: str, vocab: Vocabulary) -> tuple[str, str] | None:
    if match := vocab.program_row.match(label):
        return "program", match.group("code")
    if match := vocab.ise_row.match(label):
        return "ise", f"{program}:{ise_slug(match.group('name'), vocab)}"
    if vocab.domain_row.match(label) or vocab.total_label.match(label):
        return "total", "TOTAL"
    code = LOOSE_CODE.match(label)
    if code:
        return "article", code_from_match(code).code
    return None


def describe(raw: RawTable, title: str, article: Article | None, vocab: Vocabulary) -> tuple[str, str, str, str] | None:
    """(layout, scope, subject, perimeter) of a table, or None when it cannot be placed."""
    caption = title.rstrip(":").strip()
    if grid_subjects(raw, vocab) is not None:
        perimeter = vocab.evolution_caption.sub(r"\g<perimeter>", caption).strip() if caption else ""
        return "budget_evolution", "mixed", "", perimeter
    frame = _ise_frame(raw, caption, vocab)
    if frame:
        return frame
    if vocab.total_caption.match(caption):
        return "summary", "total", "TOTAL", split_caption(caption, vocab)[1]
    program = vocab.program_caption.match(caption)
    if program:
        layout = (
            "apparatus" if article is None and raw.stage_rows and vocab.adjustment_word in _labels(raw) else "summary"
        )
        return layout, "program", program.group("code"), ""
    if article is not None:
        if vocab.credit_evolution_caption.match(caption) or _has_causes(raw, vocab):
            layout = "credit_evolution"
        elif raw.stage_rows and article.parts.is_receipt:
            layout = "article_receipt"
        else:
            layout = "article_expenditure" if not raw.stage_rows else "article_stage_rows"
        return layout, "article", article.code, ""
    return None


def _ise_frame(raw: RawTable, caption: str, vocab: Vocabulary) -> tuple[str, str, str, str] | None:
    """An ISE frame: frame rows (ESR-uitgaven, Toelagen, Overige, Totaal), under an ISE caption."""
    if raw.stage_rows or vocab.total_caption.match(caption) or vocab.program_caption.match(caption):
        return None
    categories = frame_categories(raw, vocab)
    if not categories:
        return None
    named = bool(vocab.ise_prefix.match(caption)) or bool(vocab.perimeter.search(caption))
    if len(categories) < 2 and not named:
        return None  # a lone `Totaal` row says nothing of an ISE unless the caption does
    name, perimeter = split_caption(vocab.ise_prefix.sub("", caption), vocab)
    return "ise_frame", "ise", ise_slug(name, vocab), perimeter


def _labels(raw: RawTable) -> str:
    return " ".join(row.label for row in raw.rows)


def _has_causes(raw: RawTable, vocab: Vocabulary) -> bool:
    if not raw.stage_rows:
        return False
    labels = (rejoined_labels(raw, vocab) or ([row.label for row in raw.rows], ""))[0]
    return any(stage_of_label(label, vocab) is None for label in labels)


Known = dict[tuple[str, str, str, str, int, str, str], tuple[int, int, int]]  # key -> value, page, line


def table_facts(doc: Document, raw: RawTable, title: str, article: Article | None, section: str,
                known: Known | None, vocab: Vocabulary) -> Table | None:  # fmt: skip
    """Describe `raw`, make its facts and add it to `doc.tables`; warn and return None if it cannot be placed.
    `known` (the facts stored so far in the document): a table that gives one of them another value is left out."""
    unit = raw.unit_line
    if raw.problems:
        for message, line in raw.problems:
            doc.warnings.append(ReaderWarning(f"table left out: {message}", line.page, line.number, "unplaced_numbers"))
        return None
    described = describe(raw, title, article, vocab)
    if described is None:
        labels = ", ".join(repr(row.label) for row in raw.rows[:4] if row.label)
        doc.warnings.append(
            ReaderWarning(f"table left out: cannot tell what it is about (caption {title!r}; rows {labels or 'unlabelled'})",
                    unit.page, unit.number, "unplaced_table")
        )  # fmt: skip
        return None
    layout, scope, subject, perimeter = described
    table = Table(len(doc.tables), layout, scope, subject, title, unit.page, unit.number, perimeter, section)
    table.reading = "; ".join(raw.readings)
    if raw.short_rows and not place_blanks(raw, table, vocab):
        short = raw.rows[min(raw.short_rows)]
        doc.warnings.append(
            ReaderWarning(f"table left out: row {short.label!r} has {len(raw.short_rows[min(raw.short_rows)])} of "
                          f"{len(raw.columns)} numbers and no one place of its blank cells makes the table add up",
                          short.page, short.line, "unplaced_numbers")
        )  # fmt: skip
        return None
    if layout == "ise_frame":
        choose_frame_reading(raw, table, vocab)
    facts = _facts(doc, raw, table, article, vocab)
    if facts is None:
        return None
    twice = _keys_twice(facts)
    if twice:
        where = ", ".join(f"{stage} {year} {credit}" for credit, year, stage in twice[:3])
        table.doubts.append(f"one key read twice: {where}")
        doc.warnings.append(
            ReaderWarning(f"table left out: its rows give one key two values ({where}); no reading of it is clean",
                    unit.page, unit.number, "ambiguous_table")
        )  # fmt: skip
        return None
    # An ISE frame's subject is its slug until the report names its program (`_name_ises`): not compared.
    if known is not None and layout != "ise_frame" and not _agrees(doc, table, facts, known):
        return None
    table.facts = facts
    if layout == "ise_frame" and "total" not in (frame_categories(raw, vocab) or []):
        table.has_total = False
        doc.warnings.append(ReaderWarning(f"ISE frame {title!r} has no Totaal row", unit.page, unit.number, "no_total"))
    doc.tables.append(table)
    return table


FRAME_PARTS = ("esr", "is", "other")
SUM_TOLERANCE = 1  # keuro: parts rounded one by one may miss their printed total by one


def choose_frame_reading(raw: RawTable, table: Table, vocab: Vocabulary) -> None:
    """An ISE frame whose rows read more than one way (a blank first row and labels after their numbers: `ESR` /
    numbers / `Toelagen` / numbers ...) takes the reading whose own sum holds (parts = Totaal in every column),
    noted in `table.reading`; when none holds, the likelier reading stays and `table.doubts` says why."""
    readings = frame_readings(raw, vocab)
    if len(readings) < 2:
        return
    holds = [reading for reading in readings if frame_adds_up(raw, reading)]
    if holds and holds[0] == readings[0]:
        return
    if holds:
        raw.categories = holds[0]
        note = f"frame rows read as {', '.join(holds[0])} (labels after their numbers): the reading whose sum holds"
        table.reading = "; ".join(filter(None, [table.reading, note]))
        return
    ways = " or ".join(", ".join(reading) for reading in readings)
    table.doubts.append(f"its rows read {len(readings)} ways ({ways}) and in none do the parts add up to Totaal")


def frame_adds_up(raw: RawTable, categories: list[str]) -> bool:
    """In every column the parts of the frame add up to its `Totaal` row (a blank cell: zero); False without one."""
    if "total" not in categories:
        return False
    rows = dict(zip(categories, raw.rows, strict=True))
    parts = [rows[name] for name in FRAME_PARTS if name in rows]
    if not parts:
        return False
    for column in range(len(raw.columns)):
        found = sum(_value(row.cells[column]) for row in parts)
        if abs(found - _value(rows["total"].cells[column])) > SUM_TOLERANCE:
            return False
    return True


MAX_PLACEMENTS = 512  # placements of blank cells tried per table; more: the table is left out


def place_blanks(raw: RawTable, table: Table, vocab: Vocabulary) -> bool:
    """Rows printed with blank cells where nothing tells which (`RawTable.short_rows`): the one placement of the
    blanks under which the table's own arithmetic holds (a Delta column = the later stage minus the earlier, an ISE
    frame's parts = its Totaal) is taken and noted in `table.reading`; False when none or more than one holds."""
    options = [list(combinations(range(len(raw.columns)), len(cells))) for cells in raw.short_rows.values()]
    if prod(len(o) for o in options) > MAX_PLACEMENTS:
        return False
    holding = []
    for placement in product(*options):
        _place(raw, placement)
        if table_adds_up(raw, vocab):
            holding.append(placement)
            if len(holding) > 1:
                return False
    if not holding:
        return False
    _place(raw, holding[0])
    rows = ", ".join(f"{raw.rows[index].label or 'row ' + str(index + 1)!r} in columns "
                     f"{'/'.join(str(k + 1) for k in columns)}"
                     for index, columns in zip(raw.short_rows, holding[0], strict=True))  # fmt: skip
    note = f"blank cells placed where the table adds up: {rows}"
    table.reading = "; ".join(filter(None, [table.reading, note]))
    return True


def _place(raw: RawTable, placement: tuple[tuple[int, ...], ...]) -> None:
    for (index, cells), columns in zip(raw.short_rows.items(), placement, strict=True):
        placed: list[Cell | None] = [None] * len(raw.columns)
        for column, cell in zip(columns, cells, strict=True):
            placed[column] = cell
        raw.rows[index].cells = placed


def table_adds_up(raw: RawTable, vocab: Vocabulary) -> bool:
    """The table's own arithmetic holds and there is some: every Delta column is the later stage minus the earlier
    of its credit (row by row), and an ISE frame's parts add up to its Totaal."""
    checks = 0
    for position, column in enumerate(raw.columns):
        if column.stage != "DELTA" or not 0 < position < len(raw.columns) - 1:
            continue
        before, after = raw.columns[position - 1], raw.columns[position + 1]
        if before.credit != column.credit or after.credit != column.credit:
            continue
        checks += 1
        for row in raw.rows:
            earlier, delta, later = (_value(row.cells[k]) for k in (position - 1, position, position + 1))
            if abs(later - earlier - delta) > SUM_TOLERANCE:
                return False
    categories = frame_categories(raw, vocab) if not raw.stage_rows else None
    if categories and "total" in categories:
        checks += 1
        if not frame_adds_up(raw, categories):
            return False
    return checks > 0


def _value(cell: Cell | None) -> float:
    return (cell.value or 0.0) if cell is not None else 0.0


def _stage_like(label: str, vocab: Vocabulary) -> bool:
    """A label that begins like a stage (`BA 2l21`, `1e BA`) but does not read as one: a misprint, not a cause."""
    first = label.split()[:1]
    return bool(first) and vocab.is_header_word(first[0])


def _keys_twice(facts: list[Fact]) -> list[tuple[str, int, str]]:
    """(credit, year, stage) of the keys two facts of one table share: a misread row (a wrapped stage label
    read as the stage above it), never to be stored as two values of one number."""
    seen: set[tuple[str, str, str, str, int, str]] = set()
    twice = []
    for fact in facts:
        key = (fact.scope, fact.subject, fact.row, fact.credit, fact.year, fact.stage)
        if key in seen:
            twice.append((fact.credit, fact.year, fact.stage))
        seen.add(key)
    return twice


def _agrees(doc: Document, table: Table, facts: list[Fact], known: Known) -> bool:
    """No fact gives a key the document holds already another value; else warn (both places) and keep it out."""
    for fact in facts:
        key = (fact.scope, fact.subject, fact.row, fact.credit, fact.year, fact.stage, fact.perimeter)
        if key in known and known[key][0] != fact.value:
            value, page, line = known[key]
            table.doubts.append(f"{fact.stage} {fact.year} {fact.credit} of {fact.subject} is {value} on p.{page} "
                                f"line {line}")  # fmt: skip
            doc.warnings.append(
                ReaderWarning(f"table left out: it gives {fact.stage} {fact.year} {fact.credit} of {fact.subject} the value "
                        f"{fact.value}, the table on p.{page} line {line} {value}", table.page, table.line,
                        "ambiguous_table")
            )  # fmt: skip
            return False
    for fact in facts:
        key = (fact.scope, fact.subject, fact.row, fact.credit, fact.year, fact.stage, fact.perimeter)
        known.setdefault(key, (fact.value, fact.page, fact.source_line))
    return True


def rejoined_labels(raw: RawTable, vocab: Vocabulary) -> tuple[list[str], str] | None:
    """Another reading of a stage-row table whose labels give one stage twice or name no stage: the text printed
    between two rows joined to the label of the row above (a stage label wrapped in its cell, `2e BA –` / `JR`)
    or of the row below (`2e BA –` above the numbers of `JR`). None when no such reading gives distinct stages."""
    labels = [row.label for row in raw.rows]
    if _distinct_stages(labels, vocab):
        return None
    between: dict[int, list[str]] = {}  # row index -> the text lines printed after it, before the next row
    last = -1
    for kind, item in raw.stream:
        if kind == "row":
            assert isinstance(item, int)
            last = item
        elif isinstance(item, Line) and not trailing_numbers(item.text, vocab)[1]:
            between.setdefault(last, []).append(item.text.strip())
    for joined in (_joined(labels, between, False, vocab), _joined(labels, between, True, vocab)):
        if joined and _distinct_stages(joined[0], vocab):
            return joined
    return None


def _joined(
    labels: list[str], between: dict[int, list[str]], below: bool, vocab: Vocabulary
) -> tuple[list[str], str] | None:
    result = list(labels)
    notes = []
    for index, texts in between.items():
        target = index + 1 if below else index
        if not 0 <= target < len(result) or (
            stage_of_label(result[target], vocab) and not _repeats(result, target, vocab)
        ):
            continue
        label = " ".join([*texts, result[target]]) if below else " ".join([result[target], *texts])
        if stage_of_label(label, vocab):
            notes.append(f"{result[target]!r} + {' / '.join(texts)!r}")
            result[target] = label
    return (result, "wrapped stage label joined: " + "; ".join(notes)) if notes else None


def _repeats(labels: list[str], position: int, vocab: Vocabulary) -> bool:
    stage = stage_of_label(labels[position], vocab)
    return stage is not None and any(stage_of_label(label, vocab) == stage for label in labels[:position])


def _distinct_stages(labels: list[str], vocab: Vocabulary) -> bool:
    stages = [stage_of_label(label, vocab) for label in labels]
    return None not in stages and len(set(stages)) == len(stages)


def _facts(doc: Document, raw: RawTable, table: Table, article: Article | None, vocab: Vocabulary) -> list[Fact] | None:
    if table.layout == "budget_evolution":
        return grid_facts(doc, raw, table, vocab)
    if raw.stage_rows:
        return _stage_row_facts(doc, raw, table, article, vocab)
    return _stage_column_facts(doc, raw, table, vocab)


def _fact(doc: Document, table: Table, row: str, credit: str, year: int, stage: str, cell: Cell,
          scope: str = "", subject: str = "") -> Fact:  # fmt: skip
    return Fact(doc.name, scope or table.scope, subject or table.subject, row, credit, year, stage, int(cell.value or 0),
                cell.page, cell.line, table.index, table.perimeter)  # fmt: skip


def grid_facts(doc: Document, raw: RawTable, table: Table, vocab: Vocabulary) -> list[Fact]:
    """Facts of a budget-evolution grid: each row its own subject; rows not understood are left out with a warning."""
    facts: list[Fact] = []
    subjects = grid_subjects(raw, vocab) or []
    for row, subject in zip(raw.rows, subjects, strict=True):
        if subject is None:
            doc.warnings.append(
                ReaderWarning(f"grid row {row.label!r} not understood; its numbers are left out", row.page, row.line,
                        "unplaced_row")
            )  # fmt: skip
            continue
        scope, key = subject
        if scope == "ise":
            _note_ise(doc, key, row.label, table.perimeter, row.page, row.line, vocab)
        for column, cell in zip(raw.columns, row.cells, strict=True):
            if cell is None:
                continue
            year = column.year or raw.header_year or doc.year
            facts.append(_fact(doc, table, "total", column.credit, year, column.stage or doc.stage, cell, scope, key))
    return facts


def _note_ise(doc: Document, key: str, label: str, perimeter: str, page: int, line: int, vocab: Vocabulary) -> None:
    if any(i.key == key for i in doc.ises):
        return
    name = vocab.ise_row.match(one_line(label))
    program = key.split(":", 1)[0]
    doc.ises.append(Ise(key, name.group("name") if name else label, program, "", perimeter, page, line))


def _stage_column_facts(doc: Document, raw: RawTable, table: Table, vocab: Vocabulary) -> list[Fact] | None:
    categories = frame_categories(raw, vocab) if table.layout == "ise_frame" else None
    rows = raw.rows
    if categories is None and len(rows) > 1:
        totals = [row for row in rows if vocab.total_label.match(row.label)]
        if len(totals) != 1:
            doc.warnings.append(
                ReaderWarning(f"table left out: {len(rows)} rows and no way to tell them apart", table.page,
                        table.line, "unplaced_table")
            )  # fmt: skip
            return None
        rows = totals
    keys = categories or ["total"] * len(rows)
    facts = []
    for row_key, row in zip(keys, rows, strict=True):
        for column, cell in zip(raw.columns, row.cells, strict=True):
            if cell is None:
                continue
            year = column.year or raw.header_year or doc.year
            facts.append(_fact(doc, table, row_key, column.credit, year, column.stage or doc.stage, cell))
    return facts


def _stage_row_facts(
    doc: Document, raw: RawTable, table: Table, article: Article | None, vocab: Vocabulary
) -> list[Fact] | None:
    facts: list[Fact] = []
    changes: list[CreditChange] = []
    stages: list[tuple[str, int]] = []
    last = len(raw.rows) - 1
    labels = [row.label for row in raw.rows]
    if table.layout != "credit_evolution" and (other := rejoined_labels(raw, vocab)):
        labels = other[0]
        table.reading = "; ".join(filter(None, [table.reading, other[1]]))
    for position, row in enumerate(raw.rows):
        stage = stage_of_label(labels[position], vocab)
        outcome = vocab.outcome_label.match(labels[position].strip())
        if stage is None and outcome and position == last:
            stage = ("BU", int(outcome.group("year")))
        if (
            stage is None
            and table.layout == "credit_evolution"
            and position in (0, last)
            and _stage_like(row.label, vocab)
        ):
            doc.warnings.append(
                ReaderWarning(f"row {row.label!r} of a credit evolution is not a budget stage; its numbers are left out",
                        row.page, row.line, "unplaced_row")
            )  # fmt: skip
            table.doubts.append(f"row {row.label!r} (line {row.line}) is not a budget stage")
            continue
        if stage is None or (table.layout == "credit_evolution" and 0 < position < last):
            if table.layout != "credit_evolution":
                doc.warnings.append(
                    ReaderWarning(f"table left out: row {row.label!r} is not a budget stage", row.page, row.line,
                            "unplaced_table")
                )  # fmt: skip
                return None
            values = {col.credit: cell.value for col, cell in zip(raw.columns, row.cells, strict=True) if cell}
            changes.append(CreditChange(row.label, _int(values.get("VAK")), _int(values.get("VEK")), row.page,
                                        row.line))  # fmt: skip
            continue
        name, year = stage
        year = year or (_later_year(raw, position, vocab) if name == "DELTA" else None) or raw.header_year or doc.year
        stages.append((name, year))
        for column, cell in zip(raw.columns, row.cells, strict=True):
            if cell is not None:
                facts.append(_fact(doc, table, "total", column.credit, year, name, cell))
    if table.layout == "credit_evolution" and article is not None and len(stages) >= 2:
        article.credit_evolution = CreditEvolution(stages[0][0], stages[0][1], stages[-1][0], stages[-1][1], changes)
    return facts


def _later_year(raw: RawTable, position: int, vocab: Vocabulary) -> int | None:
    """A `Delta`/`evolutie` row takes the year of the stage row after it (`BA 2024`, `evolutie`, `BO 2025`)."""
    for row in raw.rows[position + 1 :]:
        stage = stage_of_label(row.label, vocab)
        if stage and stage[1]:
            return stage[1]
    return None


def _int(value: float | None) -> int | None:
    return None if value is None else int(value)
