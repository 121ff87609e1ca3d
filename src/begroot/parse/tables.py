"""Stage x credit tables, recognised by their headers and shapes.

A table starts at its unit line (`(duizend euro)`, `In duizend euro`). The
header lines that follow name the credits (VAK VEK AO TO LO) and the stages
(`1e BA`, `2e BA – JR`, `BU`, `BA 2021 Delta BO 2022`, `BA 2024 evolutie BO 2025`).
Two families exist:

* *stage rows*: credits are the columns, each row is a stage (`1e BA 187 0 0`),
  or a cause of change in a `Kredietevolutie` table;
* *stage columns*: the header crosses credits and stages (`VAK VEK` over
  `1e BA 1e BA-JR BU 1e BA 1e BA-JR BU`), each row is a labelled line
  (`Uitgaven`, `ESR-uitgaven`, `Programma JD`, `Totaal`).

Numbers go to columns in one of two ways. When the source knows where words
stand (PDF words, text aligned in columns by a layout-mode converter), a number
goes to the column whose header stands above it, so blank cells stay blank.
Otherwise rows are rebuilt from the order of lines: a row's numbers may be
split over lines, labels may be hyphenated over lines and may even land after
their numbers (see `frame_categories`). A dash cell (`-`) is a printed zero.
Where a PDF rules its table (`model.Band`), the lines between two rules are one
row, read whole (`ruled_row`): no guessing which row a wrapped label belongs to.
The words come from the vocabulary each reader is given (`vocabulary.Vocabulary`), the limits from `SETTINGS`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Generic, NamedTuple, TypeVar

from ..model import Band, Cell, Line, Word
from ..vocabulary import SETTINGS, Vocabulary
from .codes import HEADING as ARTICLE_HEADING
from .numbers import is_year, parse_int
from .text import join_lines, one_line

MISREAD = str.maketrans("OolISB", "001158")  # letters a digit is misread as
MISREAD_DIGITS = frozenset("OolISB")
FOOTNOTE_SHAPE = re.compile(r"^\d{1,3}\s+\S")
GARBLED_LABEL = 48  # a row label is short; prose around a table is not
TOKEN = re.compile(r"\S+")  # a word, or a cell of numbers
WORD_BREAKS = re.compile(r"[\s,;:()–-]+")
BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
WORD_BREAK_SHARE = 0.8  # a lone word filling this share of its cell was broken by the word processor
T = TypeVar("T")


def normalise_stage(word: str, vocab: Vocabulary) -> str:
    word = re.sub(r"\s+", "", word).replace("–", "-").replace("—", "-")
    upper = word.upper()
    if upper in vocab.delta_words:
        return "DELTA"
    return upper


@dataclass
class Column:
    credit: str
    stage: str | None = None
    year: int | None = None
    x0: float | None = None  # where its header stands, when the source knows
    x1: float | None = None


@dataclass
class Row:
    label: str  # the label as read: same-line text, else the text just before
    cells: list[Cell | None]  # None: a blank cell (only where positions tell)
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
    positional: bool = False  # numbers were placed by position under their headers
    readings: list[str] = field(default_factory=list)  # alternative readings taken (labels joined), for Table.reading
    categories: list[str] | None = None  # an ISE frame's rows as the reading taken (None: the likelier one)
    # Rows printed with fewer numbers than columns where positions do not tell the blanks (row index -> its cells
    # in order): placed in order here, each placement of the blanks an alternative reading (`parse.facts`).
    short_rows: dict[int, list[Cell]] = field(default_factory=dict)
    ruled: int = 0  # rows read by the PDF's ruled cells (`model.Band`): their lines joined cell by cell


@dataclass(frozen=True)  # frozen: a line's items are shared by every table that repeats the header (`header_items`)
class HeaderItem:
    """A credit or a stage of a header line, with the span of `Line.text` it was printed in."""

    kind: str  # credit | stage
    value: str
    year: int | None
    start: int
    end: int


def is_unit_line(text: str, vocab: Vocabulary) -> bool:
    # The substring test first: this runs on every line of every document.
    return vocab.unit_hint in text and len(text.strip()) < 40 and bool(vocab.unit_line.search(text))


class LineMemo(Generic[T]):
    """What `compute` makes of a line's text under a vocabulary, kept for the lines met last: the passes over a
    table (scan, header, rows, the end of the table, footnotes) ask about the same line three or four times, and
    a document repeats its table headers. Bounded (emptied when full): an archive's lines are not all kept.
    Keyed by the vocabulary's identity (hashing a whole vocabulary costs more than the work), which is kept
    alive beside its results so that its id is never another's. What it keeps is shared: never to be changed."""

    def __init__(self, compute: Callable[[str, Vocabulary], T], kept: int) -> None:
        self.compute = compute
        self.kept = kept
        self.by_vocabulary: dict[int, tuple[Vocabulary, dict[str, T]]] = {}

    def __call__(self, text: str, vocab: Vocabulary) -> T:
        kept = self.by_vocabulary.get(id(vocab))
        if kept is None:
            kept = self.by_vocabulary[id(vocab)] = (vocab, {})
        found = kept[1]
        if text in found:  # not try/except: a third of the lines asked about are new, and raising costs
            return found[text]
        if len(found) >= self.kept:
            found.clear()
        result = found[text] = self.compute(text, vocab)
        return result


def header_items(text: str, vocab: Vocabulary) -> tuple[list[HeaderItem], list[int]] | None:
    """Credits and stages of a header line in print order, and its bare years; None if not a header line."""
    first = text.split(maxsplit=1)[:1]
    if not first or not (vocab.unit_hint in text.lower() or vocab.is_header_word(first[0])):
        return None  # cheap: most lines are rows or prose, and a header line is header words only
    found = _HEADER_ITEMS(text, vocab)
    return None if found is None else (list(found[0]), list(found[1]))


def _read_header_items(text: str, vocab: Vocabulary) -> tuple[tuple[HeaderItem, ...], tuple[int, ...]] | None:
    unit = vocab.unit_hint in text.lower()
    cleaned = vocab.unit_line.sub(lambda m: " " * len(m.group()), text) if unit else text  # keep offsets
    words = cleaned.split()
    # The last word first: a table row that starts with a stage (`BA 2022`) ends in an amount.
    if not words or not vocab.is_header_word(words[-1]) or not all(vocab.is_header_word(w) for w in words):
        return None
    items: list[HeaderItem] = []
    spans: list[tuple[int, int]] = []
    for match in vocab.stage.finditer(cleaned):
        year = int(match.group("year")) if match.group("year") else None
        items.append(HeaderItem("stage", normalise_stage(match.group("stage"), vocab), year, *match.span()))
        spans.append(match.span())
    for match in TOKEN.finditer(cleaned):
        if match.group() in vocab.credits:
            items.append(HeaderItem("credit", match.group(), None, *match.span()))
    bare_years = [int(m.group(1)) for m in BARE_YEAR.finditer(cleaned) if not any(a <= m.start() < b for a, b in spans)]
    if not items:
        return None
    items.sort(key=lambda item: item.start)
    return tuple(items), tuple(bare_years)


# A header line's items, by vocabulary and text: a document prints the same few headers over and over.
_HEADER_ITEMS = LineMemo(_read_header_items, 2_000)


def _fill_delta_years(stages: list[HeaderItem]) -> list[HeaderItem]:
    """`Delta`/`evolutie` take the later year of the stages around them (new items: the header's are shared)."""
    filled: list[HeaderItem] = []
    for i, item in enumerate(stages):
        if item.value == "DELTA" and item.year is None:
            later = [s.year for s in stages[i + 1 :] if s.year is not None and s.value != "DELTA"]
            earlier = [s.year for s in filled if s.year is not None]
            candidates = later[:1] or earlier[-1:]
            item = replace(item, year=candidates[0] if candidates else None)
        filled.append(item)
    return filled


def build_columns(
    credit_lines: list[list[HeaderItem]],
    stage_lines: list[list[HeaderItem]],
    credits_first: bool,
    year: int | None,
) -> tuple[list[Column], bool] | None:
    credits = [c for line in credit_lines for c in line]
    stages = _fill_delta_years([s for line in stage_lines for s in line])
    if not credits:
        return None
    if not stages:
        if len({c.value for c in credits}) < len(credits):
            return None  # a credit twice with no stage over it: a breakdown by measure, not stages x credits
        return [Column(c.value) for c in credits], True
    ncredit, nstage = len(credits), len(stages)

    def column(credit: HeaderItem, stage: HeaderItem) -> Column:
        return Column(credit.value, stage.value, stage.year if stage.year is not None else year)

    if nstage > ncredit and nstage % ncredit == 0:  # credits group the stages: VAK over 3 stages, VEK over 3
        block = nstage // ncredit
        return [column(credits[i // block], stages[i]) for i in range(nstage)], False
    if ncredit > nstage and ncredit % nstage == 0:  # stages group the credits: BA over VAK VEK, ...
        block = ncredit // nstage
        return [column(credits[i], stages[i // block]) for i in range(ncredit)], False
    if ncredit == nstage:
        return [column(credits[i], stages[i]) for i in range(ncredit)], False
    # Neither divides the other: the product, the line printed first being the outer group.
    if credits_first:
        return [column(c, s) for c in credits for s in stages], False
    return [column(c, s) for s in stages for c in credits], False


@dataclass
class Header:
    columns: list[Column]
    stage_rows: bool
    year: int | None
    data_start: int  # index of the first line after the header
    lines: list[Line]
    shifted: bool = False  # the header line naming every column lost its place (a page-start mark)


def read_header(window: list[Line], start: int, skip: set[int] | frozenset[int], vocab: Vocabulary) -> Header | None:
    """Read the header lines after the unit line at `start`; return columns and where data begins."""
    credit_lines: list[list[HeaderItem]] = []
    stage_lines: list[list[HeaderItem]] = []
    leaf_candidates: list[tuple[Line, list[HeaderItem]]] = []
    years: list[int] = []
    header: list[Line] = []
    credits_first: bool | None = None
    unit_items = header_items(window[start].text, vocab)
    i = start if unit_items and vocab.unit_line.sub("", window[start].text).strip() else start + 1
    while i < len(window):
        if not window[i].text or i in skip:
            i += 1
            continue
        line, last = ruled_row(window, i, skip, vocab) or (window[i], i)  # a ruled header row: its cells read whole
        found = header_items(line.text, vocab)
        if found is None:
            break
        items, bare_years = found
        credits = [item for item in items if item.kind == "credit"]
        stages = [item for item in items if item.kind == "stage"]
        if credit_lines and not credits and len(stages) < 2:
            break  # after the credits, a lone stage word is a row label (`1e` / `aanpassing` / `BA`)
        if credits_first is None:
            credits_first = bool(credits)
        if credits:
            credit_lines.append(credits)
            leaf_candidates.append((line, credits))
        if stages:
            stage_lines.append(stages)
            leaf_candidates.append((line, stages))
        years.extend(bare_years)
        header.append(line)
        i = last + 1
    if not credit_lines:
        return None
    year = years[0] if years else None
    built = build_columns(credit_lines, stage_lines, bool(credits_first), year)
    if built is None:
        return None
    columns, stage_rows = built
    shifted = _place_columns(columns, leaf_candidates)
    return Header(columns, stage_rows, year, i, header, shifted)


def _place_columns(columns: list[Column], candidates: list[tuple[Line, list[HeaderItem]]]) -> bool:
    """Give each column the x of the header item printed over it, when one header line names every column.
    True when that line is aligned but shifted by a page-start mark: the columns' places come from the rows."""
    for line, items in reversed(candidates):
        if len(items) != len(columns) or not _aligned(line, items):
            continue
        if shifted(line):
            return True
        words = line.positioned_words()
        for column, item in zip(columns, items, strict=True):
            spanned = [w for w in words if w.start < item.end and w.end > item.start]
            if spanned:
                column.x0, column.x1 = spanned[0].x0, spanned[-1].x1
        return False
    return False


def shifted(line: Line) -> bool:
    """A line of aligned text whose indentation a page-start mark replaced by one space: its x is unknown."""
    return line.words is None and line.indent == 1


def _aligned(line: Line, items: list[HeaderItem]) -> bool:
    """Positions mean something: the source placed the words (PDF), or columns are set apart by runs of spaces."""
    if line.words is not None:
        return True
    gap = " " * SETTINGS.column_alignment_spaces
    return all(gap in line.text[a.end : b.start] for a, b in pairwise(items))


def is_caption_start(text: str, vocab: Vocabulary) -> bool:
    """The first line of a caption by its first words (`PROGRAMMA`, `TOTAAL`, `ISE`, `Budgetevolutie`, ...)."""
    return bool(vocab.program_caption.match(text) or vocab.total_caption.match(text) or vocab.ise_prefix.match(text)
                or vocab.evolution_caption.match(text) or vocab.credit_evolution_caption.match(text))  # fmt: skip


def is_caption(text: str, vocab: Vocabulary) -> bool:
    """A table's caption (`PROGRAMMA GC – ZORG`, `ISE: X, MVG excl. DAB`), not a fragment of a row label."""
    if (
        vocab.program_caption.match(text)
        or vocab.total_caption.match(text)
        or vocab.ise_prefix.match(text)
        or vocab.evolution_caption.match(text)
        or vocab.credit_evolution_caption.match(text)
        or vocab.perimeter.search(text)
    ):
        return True  # fmt: skip
    return _in_capitals(text)


def is_heading_line(text: str, vocab: Vocabulary) -> bool:
    """A line with a heading's shape (the next unit line, a part title, a numbered section, a chapter, a goal, an
    article code and title): it ends any table above it, even one whose last row lacks numbers."""
    return bool(
        is_unit_line(text, vocab) or vocab.stop_line.match(text) or vocab.chapter.match(text) or vocab.goal.match(text)
        or _numbered_heading(text, vocab) or ARTICLE_HEADING.match(text)
    )  # fmt: skip


def _numbered_heading(text: str, vocab: Vocabulary) -> bool:
    """`1.1.1. Ontvangstenartikelen`, `2. Begrotingsprogramma's`: a section number has a dot (`18 Zie ook` is a
    footnote at a page's foot)."""
    match = vocab.numbered.match(text)
    return bool(match and ("." in match.group("num") or match.group("dot")))


def _upper_caption(text: str, vocab: Vocabulary) -> bool:
    """A caption in capitals (`PROGRAMMA GC – ZORG`, `TOTAAL – ...`), never a row label (`ISE x` may be one)."""
    return bool(vocab.program_caption.match(text) or vocab.total_caption.match(text)) or _in_capitals(text)


def _in_capitals(text: str) -> bool:
    """Printed in capitals with a real word in it (`ACTIVERING`), not only codes and initials (`JB0 – VAK`)."""
    return text.isupper() and any(len(word) >= 4 and word.isalpha() for word in WORD_BREAKS.split(text))


def is_stop_line(text: str, has_rows: bool, vocab: Vocabulary) -> bool:
    """A line no table goes on past: the next table or part title, a heading, prose (a long line, even one
    ending in a year)."""
    return is_heading_line(text, vocab) or _is_long_prose(text, has_rows, vocab)


def _is_long_prose(text: str, has_rows: bool, vocab: Vocabulary) -> bool:
    """After rows, a long line without numbers or with a long label: prose."""
    if has_rows and len(text) > SETTINGS.long_line and not vocab.frame_row.match(text):
        label, numbers = trailing_numbers(text, vocab)
        return not numbers or len(label) > SETTINGS.long_line
    return False


# A tuple, so immutable: a line's numbers are shared by every pass that splits it (`trailing_numbers`); and made
# faster than a frozen dataclass (a document's tables hold thousands).
class Number(NamedTuple):
    text: str
    value: int
    start: int  # span in Line.text
    end: int


def trailing_numbers(text: str, vocab: Vocabulary) -> tuple[str, list[Number]]:
    """Split a table line into its label and the run of numbers (or dash cells) that ends it.

    `Uitgaven 356.797 - 292.136` -> ("Uitgaven", [356797, 0, 292136]).
    """
    tail = text.rstrip()[-1:]
    if not (tail.isdigit() or tail in vocab.dash_cell):
        return text.strip(), []  # cheap: a line whose last word is no number nor dash has no numbers
    split = _SPLITS(text, vocab)
    return split[0], list(split[1])


def _split_numbers(text: str, vocab: Vocabulary) -> tuple[str, tuple[Number, ...]]:
    # The words from the end, each found where it ends (the start of the word after it), rather than every word
    # of the line matched from the start: only the last few are asked about.
    words = text.split()
    from_the_end: list[Number] = []
    end = len(text)
    while words:
        value = parse_int(words[-1])
        if value is None and words[-1] in vocab.dash_cell:
            value = 0
        if value is None:
            break
        word = words.pop()
        end = text.rindex(word, 0, end)
        from_the_end.append(Number(word, value, end, end + len(word)))
    numbers = from_the_end[::-1]
    if numbers and words and is_year(numbers[0].text) and _names_a_stage(words[-1], vocab):
        numbers.pop(0)  # `BA 2020 141.475 ...`: the year belongs to the stage label
    if (
        numbers
        and numbers[0].text in vocab.dash_cell
        and words
        and vocab.stage_label.match(words[-1])
        and numbers[0].start - (text.rindex(words[-1], 0, end) + len(words[-1])) == 1
    ):
        numbers = numbers[1:]  # `2e BA –` (its `JR` wrapped to the next line): a label's dash, no dash cell
    label_end = _label_end(text, numbers)
    return text[:label_end].strip(), tuple(numbers)


# A line's split, by vocabulary and text (a document splits a few hundred different lines).
_SPLITS = LineMemo(_split_numbers, 2_000)


def _is_prose(text: str, vocab: Vocabulary) -> bool:
    """A sentence: six words or more, four of them in lower case, ending in at most one number."""
    if vocab.frame_row.match(text) or FOOTNOTE_SHAPE.match(text):
        return False  # a footnote printed at a page's foot inside a table is no end of it
    label, numbers = trailing_numbers(text, vocab)
    words = label.split()
    return len(numbers) <= 1 and len(words) >= 6 and sum(word.islower() for word in words) >= 4


def _garbled_row(text: str, vocab: Vocabulary) -> bool:
    """A row of a table with a cell misprinted (`1.2O4`, `8S8`, `O`): it ends in a run of amounts, at least one of
    them not a number, after a short label. Read as text it would lose its numbers without a word."""
    tokens = text.split()
    end = len(tokens)
    while end and (parse_int(tokens[end - 1]) is not None or tokens[end - 1] in vocab.dash_cell):
        end -= 1
    if not end or not _misread_cell(tokens[end - 1], vocab):
        return False  # every row of amounts but a misprinted one: its run ends in a number or a dash
    run: list[str] = []
    while tokens and (_numberish(tokens[-1], vocab) or _misread_cell(tokens[-1], vocab)):
        run.insert(0, tokens.pop())
    numbers = [t for t in run if parse_int(t) is not None or t in vocab.dash_cell]
    label = " ".join(tokens)
    return bool(run) and len(numbers) < len(run) and bool(numbers or len(run) == 1) and len(label) <= GARBLED_LABEL


def _misread_cell(token: str, vocab: Vocabulary) -> bool:
    """A cell with a digit misread as a letter (`1.2O4`), or one such letter alone (`O`)."""
    return (len(token) == 1 and token in MISREAD_DIGITS) or _misread_amount(token, vocab)


def _numberish(token: str, vocab: Vocabulary) -> bool:
    """An amount, or one with a digit misread as a letter (`1.2O4`, `8S8`)."""
    return parse_int(token) is not None or token in vocab.dash_cell or _misread_amount(token, vocab)


def _misread_amount(token: str, vocab: Vocabulary) -> bool:
    """An amount once its letters read as the digits they resemble (`1.2O4`, `8S8`); not an ordinal (`2e`)."""
    if token.isalpha() or vocab.ordinal.match(token) or not any(char.isdigit() for char in token):
        return False  # a word of letters (a row label's) holds no digit: told without a pass over its letters
    return parse_int(token.translate(MISREAD)) is not None


def _names_a_stage(word: str, vocab: Vocabulary) -> bool:
    return (
        bool(vocab.stage_label.match(word))
        or word in vocab.stage_end_words
        or bool(vocab.outcome_label.match(f"{word} 2000"))
    )


def _label_end(text: str, numbers: list[Number]) -> int:
    return numbers[0].start if numbers else len(text)


class TableReader:
    """Reads the rows of one table after its header; one instance per table."""

    def __init__(
        self, window: list[Line], start: int, header: Header, skip: set[int] | frozenset[int], vocab: Vocabulary
    ):
        self.window = window
        self.vocab = vocab  # the words of the table (`parse(..., vocabulary=...)`)
        self.skip = skip  # footnotes printed inside the table: passed over
        self.table = RawTable(
            window[start], header.lines, header.columns, header.stage_rows, header.year, end=header.data_start - 1
        )
        placed = all(c.x0 is not None for c in header.columns) or header.shifted
        self.positional = placed and len(header.columns) > 1
        self.table.positional = self.positional
        self.heading = _heading_texts(window, start, self.vocab)
        self.pending: list[Line] = []
        self.cells: dict[int, Cell] = {}
        self.label = ""
        self.first: Line | None = None
        self.edges: list[float] = []  # right edges of the columns, from a row with every cell filled
        self.lefts: list[float] = []  # ... and the left edge of its first number
        self.wrapped: dict[int, list[Line]] = {}  # row index -> lines of its label wrapped below it (PDF cells)
        self.inline_labels: dict[int, bool] = {}  # row index -> its label began on the line of its numbers
        self.label_rights: list[float] = []  # right edges of labels printed beside their numbers
        self.ruled_lines: set[int] = set()  # numbers of the lines that are ruled rows (`ruled_row`)

    @property
    def ncols(self) -> int:
        return len(self.table.columns)

    def read(self, i: int) -> RawTable:
        table = self.table
        while i < len(self.window):
            line = self.window[i]
            if not line.text or i in self.skip:
                i += 1
                continue
            if line.text in self.heading:
                i += 1  # the caption repeated after a page break
                continue
            repeated = self._repeated_header(i)
            if repeated:
                table.end = repeated - 1  # the repeated heading belongs to the table
                i = repeated
                continue
            if _garbled_row(line.text, self.vocab):
                table.problems.append((f"a row whose cells are not all numbers ({line.text.strip()[:48]!r})", line))
                table.end = i
                i += 1
                continue
            ruled = ruled_row(self.window, i, self.skip, self.vocab)
            last = i
            if ruled is not None:
                line, last = ruled
                self.ruled_lines.add(line.number)
            if self._closes(line):
                break  # an error stays local: whatever the table above lacks, a heading or caption ends it
            settled = not self.cells or self.positional  # a positioned row may end with blank cells
            if settled and (self._stops(line.text) or self._too_much_text()):
                break
            if settled and table.rows and self.ncols > 1 and _is_prose(line.text, self.vocab):
                break  # a sentence, however narrow the page (`... In 2027`: a year, not a cell)
            found = None if self.cells else header_items(line.text, self.vocab)
            if found:
                items = found[0]
                if any(item.kind == "credit" for item in items) or len(items) >= 2:
                    if self._new_caption_pending():
                        break  # the header of the next table, printed without its unit line
                    i += 1  # a heading repeated after a page break
                    continue
            self._line(line, last)
            i = last + 1
        self._close_row()
        self._finish_wrapped_labels()
        if table.ruled:
            share = "" if table.ruled == len(table.rows) else f" ({table.ruled} of {len(table.rows)})"
            table.readings.insert(0, f"rows read by the PDF's ruled cells{share}")
        return table

    def _stops(self, text: str) -> bool:
        """`is_stop_line`, without asking again whether the line is a heading once the table has begun: `_closes`
        has (six patterns, on every row)."""
        if self.table.rows or self.cells:
            return _is_long_prose(text, True, self.vocab)
        return is_heading_line(text, self.vocab)

    def _closes(self, line: Line) -> bool:
        """A heading, or a caption other than this table's, once the table has begun."""
        if not (self.table.rows or self.cells):
            return False
        text = line.text
        if is_heading_line(text, self.vocab):
            return True
        # `PROGRAMMA GC –` (a caption wrapped after its dash): a dash there is no cell
        numbers = trailing_numbers(text, self.vocab)[1]
        return (
            _upper_caption(text, self.vocab)
            and text not in self.heading
            and all(n.text in self.vocab.dash_cell for n in numbers)
        )

    def _finish_wrapped_labels(self) -> None:
        """Join the lines of labels wrapped in their cells. A word too long for the cell is broken without a
        hyphen: a line holding one word about as wide as the cell, followed by a lower-case start that is not
        a small word (`en`, `van`), is glued on."""
        lines = [line for wrapped in self.wrapped.values() for line in wrapped]
        if not lines:
            return
        left = min(line.indent for line in lines)
        width = max([line.words[-1].x1 for line in lines if line.words] + self.label_rights) - left
        for position, wrapped in self.wrapped.items():
            row = self.table.rows[position]
            fills = [_fills_cell(line.words or (), left, left + width) for line in wrapped]
            row.label = join_cell_lines(
                [row.label, *(line.text for line in wrapped)], [False, *fills], self.vocab.small_words
            )

    def _continues_label(self, line: Line) -> bool:
        """In a placed-word table (PDF) a label wraps inside its cell, below the numbers of its row."""
        if (
            line.words is None
            or not line.words
            or not self.table.rows
            or not self.inline_labels.get(len(self.table.rows) - 1)
        ):
            return False  # a label printed before its numbers is whole: the text after belongs to the next row
        if (
            self.pending
            or self.vocab.frame_row.match(line.text)
            or is_caption(line.text, self.vocab)
            or is_stop_line(line.text, True, self.vocab)
        ):
            return False
        return line.words[-1].x1 < self._columns_left()

    def _columns_left(self) -> float:
        """Where the number columns begin: the header's first word, or a full row's first number."""
        lefts = [c.x0 for c in self.table.columns if c.x0 is not None] + self.lefts
        return min(lefts) if lefts else float("-inf")

    def _too_much_text(self) -> bool:
        return len(self.pending) >= SETTINGS.max_pending_text

    def _repeated_header(self, i: int) -> int | None:
        """After a page break the unit line and header may be printed again: skip them."""
        started = self.table.rows or self.cells or self.pending
        if not started or not is_unit_line(self.window[i].text, self.vocab):
            return None
        if self._new_caption_pending():
            return None  # a new caption: the next table
        header = read_header(self.window, i, self.skip, self.vocab)
        if header and same_columns(header.columns, self.table.columns):
            return header.data_start
        return None

    def _new_caption_pending(self) -> bool:
        return any(is_caption(line.text, self.vocab) and line.text not in self.heading for line in self.pending)

    def _line(self, line: Line, index: int) -> None:
        label, numbers = trailing_numbers(line.text, self.vocab)
        if not self.cells and len(numbers) > self.ncols:
            extra = numbers[: len(numbers) - self.ncols]
            label = " ".join([label, *(n.text for n in extra)]).strip()
            numbers = numbers[len(numbers) - self.ncols :]
        if not numbers:
            if self.positional:
                self._close_row()  # its blank cells stay blank: text follows
            if self._continues_label(line):
                self.wrapped.setdefault(len(self.table.rows) - 1, []).append(line)
                self.table.stream.append(("text", line))
                return
            self.pending.append(line)
            self.table.stream.append(("text", line))
            return
        if self.positional and (len(numbers) != self.ncols or self.cells):
            self._place_by_position(line, label, numbers)
        else:
            self._learn_edges(line, numbers)
            self._place_in_order(line, label, numbers)
        self.table.end = index

    def _start_row(self, line: Line, label: str) -> None:
        self._finish_previous_label(label)
        if label and self.pending and self.table.stage_rows and not stage_of_label(label, self.vocab):
            joined = " ".join([*(text.text for text in self.pending), label])
            if stage_of_label(joined, self.vocab):  # `1e BA` / `– JR 0 0 0`: one label
                self.table.readings.append(f"wrapped stage label {' / '.join(t.text for t in self.pending)} / "
                                           f"{label} joined")  # fmt: skip
                label = joined
        self.inline_labels[len(self.table.rows)] = bool(label)
        if label and line.words:  # where a label beside its numbers ends: the label cell's width
            self.label_rights.extend(w.x1 for w in line.words if w.end <= len(label))
        self.label = label or join_lines([line.text for line in self.pending])
        if label:
            self.table.stream.append(("text", line))
        self.pending = []
        self.first = line

    def _finish_previous_label(self, label: str) -> None:
        """The text between two stage rows may end the label above (`2e BA` / `– JR`, printed below its numbers)
        and begin the one below: split it where both become stages."""
        rows, texts = self.table.rows, [line.text for line in self.pending]
        if not (self.table.stage_rows and rows and texts):
            return
        for k in range(1, len(texts) + 1):
            above = " ".join([rows[-1].label, *texts[:k]])
            below = label if stage_of_label(label, self.vocab) else " ".join([*texts[k:], label]).strip()
            if stage_of_label(above, self.vocab) and (
                stage_of_label(below, self.vocab) or self.vocab.outcome_label.match(below)
            ):
                self.table.readings.append(f"wrapped stage label {rows[-1].label} / {' / '.join(texts[:k])} joined")
                rows[-1].label = above
                self.pending = self.pending[k:]
                return

    def _place_in_order(self, line: Line, label: str, numbers: list[Number]) -> None:
        if self.cells and len(self.cells) + len(numbers) > self.ncols and (label or self.pending):
            self._close_row(short=True)  # a labelled row begins: the row above printed blank cells
        if self.cells and len(self.cells) + len(numbers) > self.ncols:
            first = self.first or line
            self.table.problems.append((f"{len(self.cells)} number(s) that fit no row were left out", first))
            self.cells = {}
        if not self.cells:
            self._start_row(line, label)
        for number in numbers:
            self.cells[len(self.cells)] = _cell(number, line)
        if len(self.cells) == self.ncols:
            self._close_row()

    def _place_by_position(self, line: Line, label: str, numbers: list[Number]) -> None:
        if self.cells and label:
            self._close_row()  # a label starts the next row
        targets = self._targets(line, numbers)
        if targets is None:
            self.table.problems.append(("two numbers under one column", line))
            return
        if self.cells and any(t in self.cells for t in targets):
            self._close_row()
        if not self.cells:
            self._start_row(line, label)
        for target, number in zip(targets, numbers, strict=True):
            self.cells[target] = _cell(number, line)
        if len(self.cells) == self.ncols:
            self._close_row()

    def _targets(self, line: Line, numbers: list[Number]) -> list[int] | None:
        """The column of each number; where positions are unknown or contradict each other (a line shifted by a
        page-start mark) the free columns of the row in order; None when even those are too few."""
        spans = _number_spans(line, numbers)
        found = [self._column_at(span) for span in spans]
        targets = [t for t in found if t is not None]
        if not shifted(line) and len(targets) == len(numbers) and len(set(targets)) == len(targets):
            return targets
        if shifted(line) and (realigned := self._realigned(spans)):
            return realigned
        free = [k for k in range(self.ncols) if k not in self.cells]
        return free[: len(numbers)] if len(numbers) <= len(free) else None

    def _realigned(self, spans: list[tuple[float, float]]) -> list[int] | None:
        """The columns of a line whose indentation a page-start mark replaced by one space: all its numbers moved
        left by one distance; the distance that puts every right end on a column's right edge tells them."""
        edges = self.edges or [c.x1 for c in self.table.columns if c.x1 is not None]
        if len(edges) != self.ncols:
            return None
        for delta in range(SETTINGS.column_alignment_spaces * 4 + 1):
            targets = []
            for _, end in spans:
                k = min(range(len(edges)), key=lambda k: abs(edges[k] - (end + delta)))
                if abs(edges[k] - (end + delta)) > 0.5 or k in self.cells or k in targets:
                    break
                targets.append(k)
            else:
                return targets
        return None

    def _column_at(self, span: tuple[float, float]) -> int | None:
        """The column a number stands in: by the right edges of a full row's numbers when one was read
        (numbers are right-aligned; a header can be shifted, e.g. by a page-start mark), else under its header."""
        if self.edges:
            return min(range(len(self.edges)), key=lambda k: abs(self.edges[k] - span[1]))
        return self._header_column_at(span)

    def _header_column_at(self, span: tuple[float, float]) -> int | None:
        if any(c.x0 is None for c in self.table.columns):
            return None  # the header's places are unknown until a full row shows them
        centres = [((c.x0 or 0.0) + (c.x1 or 0.0)) / 2 for c in self.table.columns]
        middle = (span[0] + span[1]) / 2
        return min(range(len(centres)), key=lambda k: abs(centres[k] - middle))

    def _learn_edges(self, line: Line, numbers: list[Number]) -> None:
        """A full row shows where the columns' numbers end, unless the line itself was shifted (its numbers do
        not stand under their headers one by one, as after a page-start mark)."""
        if not self.positional or len(numbers) != self.ncols or shifted(line):
            return
        spans = _number_spans(line, numbers)
        under = [self._header_column_at(span) for span in spans]
        if under != list(range(self.ncols)) and None not in under:
            return
        self.edges = [span[1] for span in spans]
        self.lefts = [spans[0][0]]

    def _close_row(self, short: bool = False) -> None:
        """End the row being read; `short`: a row of fewer numbers than columns, its blanks to be told apart by
        the table's arithmetic (`RawTable.short_rows`)."""
        if not self.cells:
            return
        first = self.first
        assert first is not None
        complete = len(self.cells) == self.ncols
        if not complete and not self.positional and not short:
            self.table.problems.append((f"a row with {len(self.cells)} of {self.ncols} numbers", first))
        else:
            cells: list[Cell | None] = [self.cells.get(k) for k in range(self.ncols)]
            if not complete and not self.positional:
                self.table.short_rows[len(self.table.rows)] = [self.cells[k] for k in sorted(self.cells)]
            # a short row ends where the text that begins the next one was read: before it, in reading order
            at = len(self.table.stream) - (len(self.pending) if short else 0)
            self.table.stream.insert(at, ("row", len(self.table.rows)))
            self.table.rows.append(Row(self.label, cells, first.number, first.page))
            self.table.ruled += first.number in self.ruled_lines
        self.cells, self.label, self.first = {}, "", None


def join_cell_lines(texts: list[str], fills: list[bool], small_words: frozenset[str] | set[str]) -> str:
    """The lines of a cell's text joined. A word too long for the cell is broken without a hyphen: after a line
    holding one word that fills the cell (`fills`), a lower-case start that is not a small word (`en`, `van`) is
    glued on; a word processor breaks a line after a hyphen the word has (`sociaal-` / `cultureel`)."""
    label = texts[0] if texts else ""
    for text, previous_full in zip(texts[1:], fills, strict=False):
        first = text.split()[0] if text.split() else ""
        glue = previous_full and first[:1].islower() and first.lower() not in small_words
        label = label + text if glue or label.endswith("-") else join_lines([label, text])
    return label


def _fills_cell(words: tuple[Word, ...] | list[Word], left: float, right: float) -> bool:
    """One word reaching (nearly) the right of the cell whose text starts at `left`: a word broken by its cell."""
    return len(words) == 1 and words[0].x1 - left >= WORD_BREAK_SHARE * (right - left)


def ruled_row(
    window: list[Line], i: int, skip: set[int] | frozenset[int], vocab: Vocabulary
) -> tuple[Line, int] | None:
    """The row of a ruled table (`model.Band`, a PDF that draws its grid) whose first line is `window[i]`: its
    lines joined cell by cell into one line (a wrapped label whole, before its numbers) and the index of its last
    line. None where the line stands in no band, or the band is no single row (it began above this line, or a
    cell holds amounts from two lines: a table framed without rules between its rows); the lines are then read
    one by one."""
    band = window[i].band
    if band is None or _band_began_above(window, i, band, skip):
        return None
    members: list[Line] = []
    last = i
    for j in range(i, len(window)):
        line = window[j]
        if line.band == band:
            members.append(line)
            last = j
        elif line.text and j not in skip:
            break
    cells: list[list[tuple[Line, list[Word]]]] = [[] for _ in range(max(len(band.edges) - 1, 1))]
    for line in members:
        by_cell: dict[int, list[Word]] = {}
        for word in line.positioned_words():
            at = bisect_right(band.edges, (word.x0 + word.x1) / 2) - 1
            by_cell.setdefault(min(max(at, 0), len(cells) - 1), []).append(word)
        for at, words in by_cell.items():
            cells[at].append((line, words))
    if any(sum(any(_is_amount(word.text, vocab) for word in words) for _, words in cell) > 1 for cell in cells):
        return None  # amounts from two lines in one cell: rows the rules do not part
    if len(members) == 1:
        return members[0], last
    return _joined_row(members, cells, band.edges, vocab), last


def _band_began_above(window: list[Line], i: int, band: Band, skip: set[int] | frozenset[int]) -> bool:
    """The line above `window[i]` stands in its band: the band is more than the row from here (the lines above
    were read as the header or as rows of their own)."""
    for j in range(i - 1, -1, -1):
        if window[j].band == band:
            return True
        if window[j].text and j not in skip:
            return False
    return False


def _is_amount(word: str, vocab: Vocabulary) -> bool:
    return parse_int(word) is not None or word in vocab.dash_cell


def _joined_row(
    members: list[Line], cells: list[list[tuple[Line, list[Word]]]], edges: tuple[float, ...], vocab: Vocabulary
) -> Line:
    """One line from a band's lines: each cell's text in reading order, cells left to right. A cell's words stand
    where its text does (one span for a cell over several lines); the line is the one holding the numbers."""
    texts: list[str] = []
    xs: list[float] = []
    for k, cell in enumerate(cells):
        if not cell:
            continue
        words = [word for _, line_words in cell for word in line_words]
        left, right = min(w.x0 for w in words), max(w.x1 for w in words)
        inner_right = edges[k + 1] - (left - edges[k]) if k + 1 < len(edges) else right  # the padding on both sides
        fills = [_fills_cell(line_words, left, inner_right) for _, line_words in cell]
        text = join_cell_lines(
            [" ".join(w.text for w in line_words) for _, line_words in cell], fills, vocab.small_words
        )
        texts.append(text)
        spans = [(w.x0, w.x1) for w in words] if len(cell) == 1 else [(left, right)] * len(text.split())
        xs.extend(x for span in spans for x in span)
    amounts = [line for cell in cells for line, words in cell if any(_is_amount(word.text, vocab) for word in words)]
    first = min(amounts, key=lambda line: line.number, default=members[0])  # the line the amounts stand on
    text = " ".join(texts)
    return Line(text, first.page, first.number, xs[0] if xs else 0.0, tuple(xs), first.band)


def _cell(number: Number, line: Line) -> Cell:
    return Cell(number.text, number.value, line.number, line.page)


def _number_spans(line: Line, numbers: list[Number]) -> list[tuple[float, float]]:
    """Where each number stands on the page (x0, x1). In a text line a number is a word of its own, standing at its
    characters' columns: found without making the line's words (Word objects, costly for every row of every table)."""
    if line.xs is None:
        return [(line.indent + number.start, line.indent + number.end) for number in numbers]
    words = line.positioned_words()
    return [_number_span(number, words) for number in numbers]


def _number_span(number: Number, words: tuple[Word, ...]) -> tuple[float, float]:
    spanned = [w for w in words if w.start < number.end and w.end > number.start]
    if not spanned:
        return 0.0, 0.0
    return spanned[0].x0, spanned[-1].x1


def _heading_texts(window: list[Line], start: int, vocab: Vocabulary) -> set[str]:
    """The few lines printed just above the unit line: the caption, repeated if the table goes on a new page."""
    texts: set[str] = set()
    back = start - 1
    while back >= 0 and len(texts) < 3 and start - back <= 6:
        text = window[back].text
        if text and (trailing_numbers(text, vocab)[1] or header_items(text, vocab)):
            break  # another table's row or header: the caption is below it
        if text and not vocab.stop_line.match(text):
            texts.add(text)
        back -= 1
    return texts


def read_table(window: list[Line], start: int, skip: set[int] | frozenset[int], vocab: Vocabulary) -> RawTable | None:
    """Read the stage x credit table whose unit line is `window[start]`, passing over the lines in `skip`."""
    header = read_header(window, start, skip, vocab)
    if header is None:
        return None
    return TableReader(window, start, header, skip, vocab).read(header.data_start)


def same_columns(a: list[Column], b: list[Column]) -> bool:
    return [(c.credit, c.stage, c.year) for c in a] == [(c.credit, c.stage, c.year) for c in b]


def frame_categories(table: RawTable, vocab: Vocabulary) -> list[str] | None:
    """The ISE-frame row of each table row (esr, is, other, total), or None: the reading taken
    (`RawTable.categories`, set when the table's arithmetic chose another), else the first of `frame_readings`."""
    if table.categories is not None:
        return table.categories
    readings = frame_readings(table, vocab)
    return readings[0] if readings else None


def frame_readings(table: RawTable, vocab: Vocabulary) -> list[list[str]]:
    """Every clean reading of an ISE frame's rows (esr, is, other, total), the likelier first; empty: not a frame.

    Labels are matched to rows in reading order, because a label may be split
    over lines and printed before, around or after its numbers: when the first
    label comes before the first row, each row takes the label before it,
    otherwise the label after it. A row whose cells are all blank prints only
    its label; a frame may print only its `Totaal` row. So a frame whose first
    row is blank and whose labels follow their numbers reads both ways: the
    other direction is kept as an alternative (`parse.facts` lets the frame's
    own sum choose).
    """
    events: list[tuple[str, str | int]] = []
    for kind, item in table.stream:
        if kind == "row":
            assert isinstance(item, int)
            events.append(("row", item))
            continue
        assert isinstance(item, Line)
        match = vocab.frame_row.match(item.text)
        category = vocab.frame_category.get(match.group("cat").lower()) if match else None
        if category and not (events and events[-1] == ("label", category)):
            events.append(("label", category))
    if not any(kind == "row" for kind, _ in events):
        return []
    labels_first = events[0][0] == "label"
    readings = []
    for ordered in (events, events[::-1]) if labels_first else (events[::-1], events):
        sequence = _frame_sequence(ordered, len(table.rows))
        if sequence and sequence not in readings:
            readings.append(sequence)
    return readings


def _frame_sequence(ordered: list[tuple[str, str | int]], rows: int) -> list[str] | None:
    """Each row takes the label met last before it in `ordered`; None when a row has none or two share one."""
    categories: dict[int, str] = {}
    current: str | None = None
    for kind, value in ordered:
        if kind == "label":
            current = str(value)
        elif current is None or current in categories.values():
            return None
        else:
            categories[int(value)] = current
    return [categories[i] for i in range(rows)] if len(categories) == rows else None


def stage_of_label(label: str, vocab: Vocabulary) -> tuple[str, int | None] | None:
    """`1e aanpassing BA` -> ("BA", None); `BO 2025` -> ("BO", 2025); a cause of change -> None."""
    label = one_line(label).rstrip(":")
    match = vocab.stage_label.match(label)
    if match:
        year = int(match.group("year")) if match.group("year") else None
        return normalise_stage(match.group("stage"), vocab), year
    return None
