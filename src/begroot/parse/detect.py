"""Tell from the content alone what a document is: report or slides, stage, year, domain."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from ..errors import NotABudgetDocument
from ..model import Footnote, Line, Page, ReaderWarning, SourceDocument
from ..vocabulary import SETTINGS, VOCABULARY
from .codes import HEADING as ARTICLE_HEADING
from .codes import find_codes
from .facts import grid_row_subject, split_caption
from .footnotes import find_footnotes
from .tables import RawTable, header_items, is_unit_line, read_table, same_columns, stage_of_label, trailing_numbers
from .text import title_case

# A domain's name: capitalised words joined by spaces, `en` or commas (`Welzijn, Volksgezondheid en Gezin`).
_CAP = r"[A-ZÀ-Ý][\w’'-]+"
DOMAIN_NAME = rf"(?P<domain>{_CAP}(?:(?:,\s+|\s+en\s+|\s+){_CAP})*)"
DOMAIN_PATTERNS = (  # (pattern, a word the line must hold: a cheap test before the pattern)
    (re.compile(rf"^TOTAAL\s*[–-]\s*{DOMAIN_NAME}"), "totaal"),
    (re.compile(rf"(?i:\bbeleidsdomein)\s+{DOMAIN_NAME}"), "beleidsdomein"),
    (re.compile(rf"(?i:\bBBT\s+(?:\d{{4}}),?)\s+{DOMAIN_NAME}\s*$"), "bbt"),
    (re.compile(rf"(?i:begrotingstoelichting)\s+{DOMAIN_NAME}"), "begrotingstoelichting"),
)


@dataclass
class DocInfo:
    kind: str
    stage: str
    year: int
    domain: str
    domain_letter: str
    tables: list[tuple[int, RawTable]]
    footnotes: list[Footnote]
    footnote_lines: set[int]  # indexes of the footnotes' lines: no table or prose reader reads them
    warnings: list[ReaderWarning]  # tables found by their unit line but not read


BLANK_ROW_LABEL = 40  # a row label, not prose: a table of such lines only has all its cells blank


def scan_tables(lines: list[Line], skip: set[int]) -> tuple[list[tuple[int, RawTable]], list[ReaderWarning]]:
    """Every stage x credit table, from its unit line; a unit line whose table cannot be read is a warning."""
    tables = []
    warnings: list[ReaderWarning] = []
    consumed = -1  # a unit line inside a table read already is that table's repeated heading
    for index, line in enumerate(lines):
        if index <= consumed:
            continue
        if not is_unit_line(line.text):
            if _starts_unitless_table(lines, index):
                table = read_table(lines, index, skip)
                if table is not None and table.rows and not table.problems and _rows_known(table):
                    tables.append((index, table))
                    consumed = table.end
            continue
        table = read_table(lines, index, skip)
        if table is not None and (table.rows or table.problems):
            tables.append((index, table))
            consumed = table.end
        elif not _is_repeated_heading(lines, index, table, tables, skip) and not _all_cells_blank(table):
            warnings.append(
                ReaderWarning(_unread_reason(lines, index, skip, table), line.page, line.number, "unread_table")
            )
    warnings.extend(_headless_rows(lines, skip, tables))
    return tables, warnings


def _headless_rows(lines: list[Line], skip: set[int], tables: list[tuple[int, RawTable]]) -> list[ReaderWarning]:
    """Rows of a stage x credit table (a stage, frame or grid label and two or more numbers) that no table read:
    a table that lost its header. One warning per run of such rows, so the loss is never silent."""
    covered = {i for start, table in tables for i in range(start, table.end + 1)}
    warnings: list[ReaderWarning] = []
    previous = -(10**9)
    for index, line in enumerate(lines):
        text = line.text
        if not text or index in skip or index in covered or not text[-1:].isdigit():
            continue
        label, numbers = trailing_numbers(text)
        if not ((len(numbers) >= 2 and _known_row_label(label)) or (len(numbers) >= 3 and _grid_label(label))):
            continue
        if index - previous > SETTINGS.max_pending_text + 2 and not _headed_otherwise(lines, index, skip):
            warnings.append(ReaderWarning("table left out: rows of numbers without a table header above them",
                                    line.page, line.number, "unread_table"))  # fmt: skip
        previous = index
    return warnings


def _headed_otherwise(lines: list[Line], index: int, skip: set[int]) -> bool:
    """Rows under a header of their own that is no stage x credit header (`Q1 Q2 Q3 Q4 TOTAAL`, `AWI DAC GESCO`
    over `VAK VEK VAK VEK`) or under rows of another kind: a prose table, not a table that lost its header."""
    above = next((lines[i].text for i in range(index - 1, max(-1, index - 4), -1) if lines[i].text and i not in skip),
                 "")  # fmt: skip
    if not above:
        return False
    words = above.split()
    label, numbers = trailing_numbers(above)
    titles = not numbers and len(words) >= 3 and all(word[:1].isupper() or word[:1].isdigit() for word in words)
    other_rows = bool(numbers) and not (_known_row_label(label) or _grid_label(label))  # not rows of this kind
    return other_rows or bool(header_items(above)) or titles


def _known_row_label(label: str) -> bool:
    return bool(stage_of_label(label) or VOCABULARY.frame_row.match(label) or VOCABULARY.outcome_label.match(label))


def _grid_label(label: str) -> bool:
    """No label (it stands above), or a grid's (a program, an ISE, an article: a table of contents entry ends in
    one number, a grid row in three or more)."""
    return not label or bool(grid_row_subject(label, ""))


def _refuse_cells_one_per_line(source: SourceDocument) -> None:
    if _cells_one_per_line(source.lines):
        raise NotABudgetDocument(source.path, "its tables come one cell per line (text converted or copied without "
                                 "layout): give begroot the PDF, or convert it with `pdftotext -layout`")  # fmt: skip


def _cells_one_per_line(lines: list[Line]) -> bool:
    """Most unit lines are followed by lines of one cell each (a credit, a stage word, a number): the text of a
    table written cell by cell, column by column (`pdftotext` without `-layout`, copy and paste)."""
    units = [i for i, line in enumerate(lines) if is_unit_line(line.text)]
    one_per_line = 0
    for index in units:
        after = [line.text for line in lines[index + 1 : index + 40] if line.text][:12]
        single = [t for t in after if len(t.split()) == 1 or (VOCABULARY.is_header_word(t.split()[0]) and
                                                               stage_of_label(t))]  # fmt: skip
        one_per_line += len(after) >= 8 and len(single) >= 0.75 * len(after)
    return bool(units) and one_per_line * 2 >= len(units)


def _starts_unitless_table(lines: list[Line], index: int) -> bool:
    """The first line of a header naming credits (`VAK VEK`, `2023 AO TO LO`, `BA 2021 Delta BO 2022` over
    `VAK VEK ...`) with no unit line above it: a table printed without its `(duizend euro)` (amounts are in
    thousand euro throughout a BBT)."""
    text = lines[index].text
    if not text or not VOCABULARY.is_header_word(text.split(None, 1)[0]) or header_items(text) is None:
        return False  # cheap first: this runs on every line
    above = next((line.text for line in reversed(lines[max(0, index - 3) : index]) if line.text), "")
    if is_unit_line(above) or header_items(above):
        return False
    block = [line.text for line in lines[index : index + 4] if line.text][:3]
    credits = 0
    for line_text in block:
        found = header_items(line_text)
        if found is None:
            break
        credits += sum(1 for item in found[0] if item.kind == "credit")
    return credits >= 2


def _rows_known(table: RawTable) -> bool:
    """Without a unit line a table must prove itself: every row a stage, a frame row or a grid row, or
    (a `Kredietevolutie`) stages first and last with the causes of change between."""

    def stage(label: str) -> bool:
        return bool(stage_of_label(label) or VOCABULARY.outcome_label.match(label))

    rows = [row.label for row in table.rows]
    if table.stage_rows and len(rows) >= 2 and stage(rows[0]) and stage(rows[-1]):
        return True
    return all(stage(r) or VOCABULARY.frame_row.match(r) or grid_row_subject(r, "") for r in rows)


def _unread_reason(lines: list[Line], index: int, skip: set[int], table: RawTable | None) -> str:
    if table is not None:
        return "table left out: a header without rows"
    words = next((lines[i].text for i in range(index + 1, min(index + 6, len(lines))) if lines[i].text
                  and i not in skip), "")  # fmt: skip
    unknown = [w for w in words.split() if not VOCABULARY.is_header_word(w)][:6]
    return f"table left out: header words not understood: {' '.join(unknown) or '(none)'}"


def _all_cells_blank(table: RawTable | None) -> bool:
    """A table whose rows print only their labels (zeros left unprinted): nothing is lost."""
    texts = [item.text for kind, item in table.stream if kind == "text" and isinstance(item, Line)] if table else []
    return bool(texts) and all(len(text) <= BLANK_ROW_LABEL or VOCABULARY.frame_row.match(text) for text in texts)


def _is_repeated_heading(
    lines: list[Line], index: int, table: RawTable | None, tables: list[tuple[int, RawTable]], skip: set[int]
) -> bool:
    """A heading repeated at a page break just after its table (the table had no rows left): no loss."""
    if not tables or table is None or not same_columns(table.columns, tables[-1][1].columns):
        return False
    previous = tables[-1][1]
    between = [line for i, line in enumerate(lines[previous.end + 1 : index], previous.end + 1)
               if line.text and i not in skip]  # fmt: skip
    return len(between) <= 3 and all(VOCABULARY.is_content_line(line.text) for line in between)


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


def find_domain(lines: list[Line]) -> str:
    """The policy domain, from the first line that names it (a domain total's caption first), else the title."""
    title = " ".join(itertools.takewhile(bool, (line.text for line in lines)))  # the first paragraph
    for pattern, needle in DOMAIN_PATTERNS:
        for text in itertools.chain((line.text for line in lines), [title]):
            if needle in text.lower() and (match := pattern.search(split_caption(text)[0])):
                return title_case(match.group("domain"))
    return ""


def _markers(pages: list[Page]) -> tuple[int, int]:
    """How often report words and slide words occur, counted a page at a time (a long document is
    never made one string; the markers stand within a line, so joining a page's lines adds none)."""
    report = slide = 0
    for page in pages:
        text = "\n".join(line.text for line in page.lines).lower()
        report += sum(text.count(marker) for marker in VOCABULARY.report_markers)
        slide += sum(text.count(marker) for marker in VOCABULARY.slide_markers)
    return report, slide


def _kind_by_markers(pages: list[Page]) -> str:
    report_marks, slide_marks = _markers(pages)
    return "slides" if slide_marks > report_marks else "report"


def detect(source: SourceDocument) -> DocInfo:
    lines = source.lines
    notes, note_lines = find_footnotes(lines)
    tables, table_warnings = scan_tables(lines, note_lines)
    heading_codes = [m.group("entity") for line in lines if (m := ARTICLE_HEADING.match(line.text))]
    headings = len(heading_codes)
    if not tables and headings == 0:
        _refuse_cells_one_per_line(source)
        raise NotABudgetDocument(source.path, "not a BBT: no budget tables (duizend euro) and no budget articles found")
    kind = "report" if headings else _kind_by_markers(source.pages)  # a deck has no article headings
    stages = Counter(s for s in (final_stage(t) for _, t in tables) if s and s[1])
    if not stages:
        _refuse_cells_one_per_line(source)
        raise NotABudgetDocument(source.path, "not a BBT: no table says which budget stage and year it holds")
    (stage, year), _ = stages.most_common(1)[0]
    # The domain's letter: that of its own articles' entities (the prose cites other domains' codes too).
    entities = Counter(entity[0] for entity in heading_codes) or Counter(
        code.entity[0] for line in lines for code, _, _ in find_codes(line.text)
    )
    letter = entities.most_common(1)[0][0] if entities else ""
    return DocInfo(kind, stage, int(year or 0), find_domain(lines), letter, tables, notes, note_lines, table_warnings)
