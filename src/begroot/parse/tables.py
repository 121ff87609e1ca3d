"""Stage x credit tables, recognised by their headers and shapes.

A table starts at its unit line (`(duizend euro)`, `In duizend euro`). The
header lines that follow name the credits (VAK VEK AO TO LO) and the stages
(`1e BA`, `1e BA-JR`, `BU`, `BA 2021 Delta BO 2022`, `BA 2024 evolutie BO 2025`).
Two families exist:

* *stage rows*: credits are the columns, each row is a stage (`1e BA 187 0 0`),
  or a cause of change in a `Kredietevolutie` table;
* *stage columns*: the header crosses credits and stages (`VAK VEK` over
  `1e BA 1e BA-JR BU 1e BA 1e BA-JR BU`), each row is a labelled line
  (`Uitgaven`, `ESR-uitgaven`, `Programma JD`, `Totaal`).

Rows are rebuilt from the order of lines, not from positions: numbers of a
row may be split over lines, labels may be hyphenated over lines and may even
land after their numbers (see `frame_categories`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Cell, Line
from .numbers import is_year, parse_int, split_trailing_numbers

CREDIT_WORDS = {"VAK", "VEK", "AO", "TO", "LO"}
STAGE_PATTERN = re.compile(
    r"(?<![\w-])(?:(?:\d+e)\s+)?(?:aanpassing\s+)?"
    r"(?P<stage>BA\s*[-–]\s*JR|BA|BO|BU|Delta|DELTA|delta|[Ee]volutie)"
    r"(?:\s+(?P<year>(?:19|20)\d{2}))?(?![\w-])"
)
HEADER_WORDS = CREDIT_WORDS | {
    "BA", "BO", "BU", "JR", "BA-JR", "Delta", "DELTA", "evolutie", "Evolutie", "aanpassing",
    "-", "–", "In", "in", "duizend", "euro", "(duizend", "euro)", "1e", "2e", "3e",
}  # fmt: skip
UNIT_LINE = re.compile(r"(?i)\(?\s*(?:in\s+)?duizend\s+euro\s*\)?")
# Lines that end a table region: prose headings, the next table, long sentences.
STOP_LINE = re.compile(
    r"(?i)^\s*(inhoudelijke toelichting|korte inhoud|begrotingsuitvoering|budgetevolutie|kredietevolutie"
    r"|toelichting\b|omschrijving\b)"
)
FRAME_START = re.compile(r"^\s*(?P<cat>ESR|Toe|Overige|Totaal|Uitgaven|Ontvangsten)", re.IGNORECASE)
MAX_PENDING_TEXT = 10


def normalise_stage(word: str) -> str:
    word = re.sub(r"\s+", "", word).replace("–", "-")
    upper = word.upper()
    if upper in {"DELTA", "EVOLUTIE"}:
        return "DELTA"
    return upper


@dataclass
class Column:
    credit: str
    stage: str | None = None
    year: int | None = None


@dataclass
class Row:
    label: str  # the label as read: same-line text, else the text just before
    cells: list[Cell]
    line: int  # line of the first number
    page: int


@dataclass
class RawTable:
    unit_line: Line
    header_lines: list[Line]
    columns: list[Column]
    stage_rows: bool  # True: rows are stages (credits are the columns)
    header_year: int | None
    rows: list[Row] = field(default_factory=list)
    # Text fragments and rows in reading order: ("text", Line) or ("row", index).
    stream: list[tuple[str, object]] = field(default_factory=list)
    end: int = 0  # index (in the window) of the last line that belongs to the table
    problems: list[tuple[str, Line]] = field(default_factory=list)


def is_unit_line(text: str) -> bool:
    # The substring test first: this runs on every line of every document.
    return "uizend" in text and len(text.strip()) < 40 and bool(UNIT_LINE.search(text))


def header_tokens(text: str) -> tuple[list[str], list[tuple[str, int | None]], list[int]] | None:
    """Credits, stages and bare years of a header line, or None if it is not a header line."""
    cleaned = UNIT_LINE.sub(" ", text)
    words = cleaned.split()
    if not words:
        return None
    if not all(w in HEADER_WORDS or is_year(w) for w in words):
        return None
    credits = [w for w in words if w in CREDIT_WORDS]
    stages: list[tuple[str, int | None]] = []
    spans: list[tuple[int, int]] = []
    for match in STAGE_PATTERN.finditer(cleaned):
        year = int(match.group("year")) if match.group("year") else None
        stages.append((normalise_stage(match.group("stage")), year))
        spans.append(match.span())
    bare_years = []
    for match in re.finditer(r"(?<!\d)((?:19|20)\d{2})(?!\d)", cleaned):
        if not any(a <= match.start() < b for a, b in spans):
            bare_years.append(int(match.group(1)))
    if not credits and not stages:
        return None
    return credits, stages, bare_years


def _fill_delta_years(stages: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """`Delta`/`evolutie` take the later year of the stages around them."""
    result = list(stages)
    for i, (stage, year) in enumerate(result):
        if stage == "DELTA" and year is None:
            later = [y for s, y in result[i + 1 :] if y is not None and s != "DELTA"]
            earlier = [y for s, y in result[:i] if y is not None]
            candidates = later[:1] or earlier[-1:]
            result[i] = (stage, candidates[0] if candidates else None)
    return result


def build_columns(
    credit_lines: list[list[str]],
    stage_lines: list[list[tuple[str, int | None]]],
    credits_first: bool,
    year: int | None,
) -> tuple[list[Column], bool] | None:
    credits = [c for line in credit_lines for c in line]
    stages = _fill_delta_years([s for line in stage_lines for s in line])
    stages = [(s, y if y is not None else year) for s, y in stages]
    if not credits:
        return None
    if not stages:
        return [Column(c) for c in credits], True
    ncredit, nstage = len(credits), len(stages)
    if nstage > ncredit and nstage % ncredit == 0:  # credits group the stages: VAK over 3 stages, VEK over 3
        block = nstage // ncredit
        return [Column(credits[i // block], *stages[i]) for i in range(nstage)], False
    if ncredit > nstage and ncredit % nstage == 0:  # stages group the credits: BA over VAK VEK, ...
        block = ncredit // nstage
        return [Column(credits[i], *stages[i // block]) for i in range(ncredit)], False
    if ncredit == nstage:
        return [Column(credits[i], *stages[i]) for i in range(ncredit)], False
    # Neither divides the other: the product, the line printed first being the outer group.
    if credits_first:
        return [Column(c, *s) for c in credits for s in stages], False
    return [Column(c, *s) for s in stages for c in credits], False


def read_header(window: list[Line], start: int) -> tuple[list[Column], bool, int | None, int, list[Line]] | None:
    """Read the header lines after the unit line at `start`; return columns and where data begins."""
    credit_lines: list[list[str]] = []
    stage_lines: list[list[tuple[str, int | None]]] = []
    years: list[int] = []
    header: list[Line] = []
    credits_first: bool | None = None
    unit_tokens = header_tokens(window[start].text)
    i = start if unit_tokens and UNIT_LINE.sub("", window[start].text).strip() else start + 1
    while i < len(window):
        text = window[i].text
        if not text.strip():
            i += 1
            continue
        tokens = header_tokens(text)
        if tokens is None:
            break
        credits, stages, bare_years = tokens
        if credit_lines and not credits and len(stages) < 2:
            break  # after the credits, a lone stage word is a row label (`1e` / `aanpassing` / `BA`)
        if credits_first is None:
            credits_first = bool(credits)
        if credits:
            credit_lines.append(credits)
        if stages:
            stage_lines.append(stages)
        years.extend(bare_years)
        header.append(window[i])
        i += 1
    if not credit_lines:
        return None
    year = years[0] if years else None
    built = build_columns(credit_lines, stage_lines, bool(credits_first), year)
    if built is None:
        return None
    columns, stage_rows = built
    return columns, stage_rows, year, i, header


def is_stop_line(text: str, has_rows: bool) -> bool:
    stripped = text.strip()
    if is_unit_line(stripped) or STOP_LINE.match(stripped):
        return True
    if has_rows and len(stripped) > 55 and not FRAME_START.match(stripped):
        _label, numbers = split_trailing_numbers(stripped)
        return not numbers
    return False


def read_table(window: list[Line], start: int) -> RawTable | None:
    """Read the stage x credit table whose unit line is `window[start]`."""
    header = read_header(window, start)
    if header is None:
        return None
    columns, stage_rows, year, i, header_lines = header
    table = RawTable(window[start], header_lines, columns, stage_rows, year, end=i - 1)
    ncols = len(columns)
    pending: list[Line] = []
    partial: list[tuple[str, Line]] = []
    partial_label = ""
    while i < len(window):
        line = window[i]
        text = line.text
        if not text.strip():
            i += 1
            continue
        if not partial and not pending and table.rows and is_unit_line(text):
            # No caption since the last row: the same table goes on after a page break.
            repeated = read_header(window, i)
            if repeated and _same_columns(repeated[0], columns):
                i = repeated[3]
                continue
        if not partial and (is_stop_line(text, bool(table.rows)) or len(pending) >= MAX_PENDING_TEXT):
            break
        tokens = header_tokens(text)
        if tokens and not partial and (tokens[0] or len(tokens[1]) >= 2):
            i += 1  # a heading repeated after a page break
            continue
        label, numbers = split_trailing_numbers(text)
        if not partial and len(numbers) > ncols:
            label = " ".join([label, *numbers[: len(numbers) - ncols]]).strip()
            numbers = numbers[len(numbers) - ncols :]
        if not numbers:
            pending.append(line)
            table.stream.append(("text", line))
            i += 1
            continue
        if partial and len(partial) + len(numbers) > ncols:
            table.problems.append((f"{len(partial)} number(s) that fit no row were left out", partial[0][1]))
            partial, partial_label = [], ""
        if not partial:
            partial_label = label or _join_fragments(pending)
            if label:
                table.stream.append(("text", line))
            pending = []
        partial.extend((n, line) for n in numbers)
        if len(partial) == ncols:
            first = partial[0][1]
            cells = [Cell(n, parse_int(n), ln.number, ln.page) for n, ln in partial]
            table.stream.append(("row", len(table.rows)))
            table.rows.append(Row(partial_label, cells, first.number, first.page))
            partial, partial_label = [], ""
        table.end = i
        i += 1
    if partial:
        table.problems.append((f"a row with {len(partial)} of {ncols} numbers", partial[0][1]))
    return table


def _same_columns(a: list[Column], b: list[Column]) -> bool:
    return [(c.credit, c.stage, c.year) for c in a] == [(c.credit, c.stage, c.year) for c in b]


def _join_fragments(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        part = line.text.strip()
        if text.endswith("-") and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}".strip()
    return text


FRAME_CATEGORY = {"esr": "esr", "toe": "is", "overige": "other", "totaal": "total"}


def frame_categories(table: RawTable) -> list[str] | None:
    """The ISE-frame row of each table row (esr, is, other, total), or None.

    Labels are matched to rows in reading order, because a label may be split
    over lines and printed before, around or after its numbers.
    """
    sequence: list[str] = []
    for kind, item in table.stream:
        if kind != "text":
            continue
        assert isinstance(item, Line)
        match = FRAME_START.match(item.text)
        if not match:
            continue
        category = FRAME_CATEGORY.get(match.group("cat").lower())
        if category and (not sequence or sequence[-1] != category):
            sequence.append(category)
    if len(sequence) == len(table.rows) and len(set(sequence)) == len(sequence) and len(sequence) >= 2:
        return sequence
    return None


STAGE_LABEL = re.compile(
    r"^(?:\d+e\s+)?(?:aanpassing\s+)?(?P<stage>BA\s*[-–]\s*JR|BA|BO|BU|[Dd]elta|DELTA|[Ee]volutie)"
    r"(?:\s+(?P<year>(?:19|20)\d{2}))?$"
)
OUTCOME_LABEL = re.compile(r"^(?:Uitvoering|Realisatie)\s+(?P<year>(?:19|20)\d{2})$", re.IGNORECASE)


def stage_of_label(label: str) -> tuple[str, int | None] | None:
    """`1e aanpassing BA` -> ("BA", None); `BO 2025` -> ("BO", 2025); a cause of change -> None."""
    label = re.sub(r"\s+", " ", label).strip().rstrip(":")
    match = STAGE_LABEL.match(label)
    if match:
        year = int(match.group("year")) if match.group("year") else None
        return normalise_stage(match.group("stage")), year
    return None
