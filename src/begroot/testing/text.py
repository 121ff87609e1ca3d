"""A budget as converter text: a BBT report (BO, BA, BU) or the minister's slide deck.

`render_text(budget, kind, stage, year, style)` returns a `GeneratedDocument` with the text and
the facts it prints, each with its page and line. `TextStyle` holds the variations converters
and editors bring (see docs/generator.md); `random_style(rng)` draws one.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from ..numbers_nl import format_number
from .budget import Article, Budget, Ise, Program
from .document import GeneratedDocument
from .layout import Item, PageSetup, Pending, PendingStatement, paginate
from .tables import Cell, HeaderLine, RowSpec, TableOptions, TableSpec, over, write_table


@dataclass(frozen=True)
class TextStyle:
    blank_between_rows: bool = True
    page_mark: str = "space"  # space | formfeed | none
    page_length: int = 50  # content lines per page
    running_header: str = "none"  # none | stuk | stuk_page | title
    page_numbers: bool = False  # a page-number line at each page's foot
    frame_labels: str = "hyphenated"  # hyphenated | hyphenated_after | single
    repeat_heading: bool = True  # a table cut by a page break repeats its heading
    footnotes: bool = True
    footnote_gap: bool = False  # one footnote number missing
    ordinal: str = "1e"  # 1e | 2e (BU documents)
    bajr: str = "BA-JR"  # BA-JR | BA – JR
    frame_rows: str = "full"  # full | total_only | no_total
    indent: bool = False  # layout-mode text: indented lines, columns aligned by spaces
    zero_cells: str = "zero"  # zero | blank | dash (layout mode only)
    split_rows: bool = False  # numbers of one row split over two lines
    stray_spaces: bool = False
    toc: str = "none"  # none | dots | plain
    wrap_headings: bool = False  # policy-field headings wrap to the next line
    duplicate_article: bool = False  # an article shown under the department and under the entity
    credit_evolution: str = "standard"  # standard | herverdelingen | bijstellingen
    unit: str = "(duizend euro)"  # or "In duizend euro"
    width: int = 80
    hyphenate: bool = True  # prose hyphenated now and then at the line end
    total_caption_wraps: bool = True  # the TOTAAL caption wraps over two lines
    # The adversarial knobs (`adversarial_style`): off in the standard style.
    heading_blanks: bool = True  # headings set apart by empty lines (False: glued to what is above and below)
    space_lines: bool = False  # empty lines hold a space or a few
    stage_wrap: bool = False  # stage labels wrapped differently per row: above, around or over three lines
    break_after_tables: bool = False  # a page break now and then right after a table ends
    caption_width: int = 0  # captions wrapped at this width over up to three lines (0: as printed)
    label_width: float = 3.0  # PDF: the label column's width in cm (narrow: the word processor wraps labels)
    cells_centred: bool = False  # PDF: table cells centred vertically (amounts beside a wrapped label's middle)

    def variations(self, stage: str) -> set[str]:
        """Names of the variations this style sets (the measured ones are added while rendering)."""
        names = {f"page_mark={self.page_mark}", f"header={self.running_header}", f"frame_labels={self.frame_labels}",
                 f"frame_rows={self.frame_rows}", f"toc={self.toc}"}  # fmt: skip
        for flag in ("blank_between_rows", "page_numbers", "footnote_gap", "indent", "split_rows", "wrap_headings",
                     "duplicate_article", "stray_spaces"):  # fmt: skip
            if getattr(self, flag):
                names.add(flag)
        if not self.blank_between_rows:
            names.add("no_blank_rows")
        if stage == "BU":
            names.add(f"ordinal={self.ordinal}")
            names.add(f"bajr={self.bajr}")
        if self.indent:
            names.add(f"zero_cells={self.zero_cells}")
        if stage != "BU":
            names.add(f"credit_evolution={self.credit_evolution}")
        for flag in ("space_lines", "stage_wrap", "break_after_tables"):
            if getattr(self, flag):
                names.add(flag)
        if not self.heading_blanks:
            names.add("headings_without_blanks")
        if self.caption_width:
            names.add("captions_wrapped")
        if self.label_width < 2.0:
            names.add("narrow_label_cells")
        if self.cells_centred:
            names.add("cells_centred")
        return names


def random_style(rng: random.Random) -> TextStyle:
    """A style with every variation drawn independently."""
    indent = rng.random() < 0.25
    return TextStyle(
        blank_between_rows=rng.random() < 0.5,
        page_mark=rng.choice(["space", "formfeed", "none"]),
        page_length=rng.randint(28, 64),
        running_header=rng.choice(["none", "stuk", "stuk_page", "title"]),
        page_numbers=rng.random() < 0.5,
        frame_labels=rng.choice(["hyphenated", "hyphenated_after", "single"]),
        repeat_heading=rng.random() < 0.5,
        footnotes=rng.random() < 0.7,
        footnote_gap=rng.random() < 0.25,
        ordinal=rng.choice(["1e", "1e", "2e"]),
        bajr=rng.choice(["BA-JR", "BA-JR", "BA – JR"]),
        frame_rows=rng.choice(["full", "full", "total_only", "no_total"]),
        indent=indent,
        zero_cells=rng.choice(["zero", "blank", "dash"]) if indent else "zero",
        split_rows=rng.random() < 0.3,
        stray_spaces=rng.random() < 0.3,
        toc=rng.choice(["none", "dots", "plain"]),
        wrap_headings=rng.random() < 0.3,
        duplicate_article=rng.random() < 0.3,
        credit_evolution=rng.choice(["standard", "herverdelingen", "bijstellingen"]),
        unit=rng.choice(["(duizend euro)", "(duizend euro)", "In duizend euro"]),
        width=rng.choice([72, 80, 88]),
        hyphenate=rng.random() < 0.6,
        total_caption_wraps=rng.random() < 0.5,
    )


def adversarial_style(rng: random.Random) -> TextStyle:
    """A style drawn knob by knob, independently, over wider ranges and with the adversarial knobs: combinations
    the readers were never tuned on (narrow widths with wrapped labels, headings without empty lines, page breaks
    right after tables, captions over three lines, labels wrapped differently per row)."""
    base = random_style(rng)
    indent = rng.random() < 0.3
    return replace(
        base,
        indent=indent,
        zero_cells=rng.choice(["zero", "blank", "dash"]) if indent else "zero",
        page_length=rng.randint(24, 80),
        width=rng.choice([56, 60, 64, 72, 80, 96]),
        heading_blanks=rng.random() < 0.5,
        space_lines=rng.random() < 0.4,
        stage_wrap=rng.random() < 0.6,
        break_after_tables=rng.random() < 0.4,
        caption_width=rng.choice([0, 18, 24, 32, 40]),
        label_width=rng.choice([1.1, 1.4, 1.8, 3.0]),
        total_caption_wraps=rng.random() < 0.5,
    )


# ------------------------------------------------------------------------------- prose

SENTENCES = (
    "In {year} werd verder ingezet op een aanbod op maat van elke burger en organisatie.",
    "De middelen worden ingezet in nauwe samenwerking met de lokale besturen en de middenveldorganisaties.",
    "Het beleid wordt jaarlijks geëvalueerd en waar nodig bijgestuurd op basis van de monitoring.",
    "Daarnaast werd het administratieve proces verder gedigitaliseerd, wat de doorlooptijd van dossiers verkortte.",
    "De evaluatie toont aan dat de vooropgestelde doelstellingen grotendeels werden gerealiseerd.",
    "Ook de samenwerking met de federale overheid en de andere gemeenschappen en gewesten werd versterkt.",
    "De regelgeving werd aangepast om de toegankelijkheid voor kwetsbare groepen te verhogen.",
    "Via projectoproepen werden innovatieve initiatieven ondersteund in heel Vlaanderen.",
    "Het aantal begunstigden steeg opnieuw, in lijn met de verwachtingen bij de opmaak van de begroting.",
    "Er werd bijzondere aandacht besteed aan de kwaliteit en de betaalbaarheid van de dienstverlening.",
    "De Vlaamse Regering keurde hiertoe een nieuw besluit goed dat de subsidievoorwaarden vereenvoudigt.",
    "De resultaten worden opgevolgd via een set van indicatoren die jaarlijks worden gerapporteerd.",
)  # fmt: skip
ABBREVIATIONS = (("BBT", "Beleids- en begrotingstoelichting"), ("ESR", "Europees Stelsel van Rekeningen"),
                 ("ISE", "Inhoudelijk structuurelement"), ("MVG", "Ministerie van de Vlaamse Gemeenschap"),
                 ("DAB", "Dienst met afzonderlijk beheer"), ("VAK", "Vastleggingskrediet"),
                 ("VEK", "Vereffeningskrediet"), ("IVA", "Intern verzelfstandigd agentschap"),
                 ("ORAFIN", "Boekhoudsysteem van de Vlaamse overheid"), ("SD", "Strategische doelstelling"),
                 ("OD", "Operationele doelstelling"))  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
STAGE_WORD = {"BO": "Begrotingsopmaak", "BA": "Begrotingsaanpassing", "BU": "Begrotingsuitvoering"}


@dataclass
class Block:
    kind: str  # heading | line | prose | table
    payload: object  # the text, or the TableSpec
    page_break: bool = False
    statement: PendingStatement | None = None


class Sheet:
    """Items of one document in reading order, with the helpers that write prose and tables."""

    def __init__(self, style: TextStyle, rng: random.Random):
        self.style = style
        self.rng = rng
        self.items: list[Item] = []
        self.variations: set[str] = set()
        self.layouts: set[str] = set()
        # The same content as blocks for word processors: (kind, payload, page break before).
        self.blocks: list[Block] = []

    def line(self, text: str = "", **kwargs: object) -> Item:
        item = Item(text, **kwargs)  # type: ignore[arg-type]
        self.items.append(item)
        if text.strip() or item.page_break_before:
            self.blocks.append(Block("heading" if item.kind == "heading" else "line", text, item.page_break_before,
                                     item.statement))  # fmt: skip
        return item

    def blank(self) -> None:
        self.items.append(Item(""))

    def heading(self, text: str, page_break: bool = False) -> None:
        if self.style.heading_blanks:
            self.blank()
        self.line(text, kind="heading", page_break_before=page_break)
        if self.style.heading_blanks:
            self.blank()

    def prose(self, text: str, footnote: str | None = None) -> None:
        self.blocks.append(Block("prose", text))
        lines = self._wrap(text)
        for number, line in enumerate(lines):
            note = footnote if footnote and self.style.footnotes and number == len(lines) // 2 else None
            if note and not line.endswith((" ", "-")):
                self.items.append(Item(line.rstrip(), footnote=note))
            else:
                self.items.append(Item(line))
        self.blank()

    def _wrap(self, text: str) -> list[str]:
        lines = textwrap.wrap(text, self.style.width, break_on_hyphens=False)
        if not self.style.hyphenate:
            return lines
        result: list[str] = []
        carry = ""
        for line in lines:
            line = f"{carry} {line}".strip() if carry else line
            carry = ""
            words = line.split(" ")
            last = words[-1]
            if len(line) > self.style.width // 2 and len(last) > 9 and last.isalpha() and self.rng.random() < 0.3:
                cut = self.rng.randint(4, len(last) - 4)
                result.append(" ".join([*words[:-1], last[:cut] + "-"]))  # hyphenated at the line end
                carry = last[cut:]
            else:
                result.append(line)
        if carry:
            result.append(carry)
        return result

    def sentences(self, year: int, count: int) -> str:
        return " ".join(self.rng.choice(SENTENCES).format(year=year) for _ in range(count))

    def table(self, spec: TableSpec) -> None:
        options = TableOptions(self.style.blank_between_rows, self.style.indent, self.style.zero_cells,
                               self.style.split_rows, self.style.stray_spaces)  # fmt: skip
        if self.style.caption_width and spec.caption:
            lines = textwrap.wrap(
                " ".join(spec.caption), self.style.caption_width, break_on_hyphens=False, break_long_words=False
            )
            if len(lines) <= 3:
                spec = replace(spec, caption=lines)
                self.variations.add(f"caption_lines={len(lines)}")
        written = write_table(spec, options, self.rng)
        self.blocks.append(Block("table", spec))
        self.items.extend(written.items)
        if self.style.break_after_tables and self.rng.random() < 0.3:
            self.line("", page_break_before=True)  # the next line starts a page
            self.variations.add("page_break_after_table")
        self.variations |= written.variations
        self.layouts.add(spec.layout)


# ------------------------------------------------------------------------------- stages


@dataclass(frozen=True)
class StageColumn:
    label: str  # as printed: `1e BA`, `BA 2024`, `evolutie`
    stage: str  # BO BA BA-JR BU DELTA
    year: int


class Stages:
    """The stages a document shows and how its tables print them."""

    def __init__(self, stage: str, year: int, style: TextStyle):
        self.stage = stage
        self.year = year
        if stage == "BU":
            o = style.ordinal
            self.columns = [StageColumn(f"{o} BA", "BA", year), StageColumn(f"{o} {style.bajr}", "BA-JR", year),
                            StageColumn("BU", "BU", year)]  # fmt: skip
        elif stage == "BO":
            self.columns = [StageColumn(f"BA {year - 1}", "BA", year - 1), StageColumn("evolutie", "DELTA", year),
                            StageColumn(f"BO {year}", "BO", year)]  # fmt: skip
        else:
            self.columns = [StageColumn(f"BO {year}", "BO", year), StageColumn("evolutie", "DELTA", year),
                            StageColumn(f"BA {year}", "BA", year)]  # fmt: skip
        self.first = self.columns[0]
        self.last = self.columns[-1]

    def value(self, getter, column: StageColumn, credit: str) -> int:  # type: ignore[no-untyped-def]
        if column.stage == "DELTA":
            return int(getter(self.last.year, self.last.stage, credit) - getter(self.first.year, self.first.stage,
                                                                                 credit))  # fmt: skip
        return int(getter(column.year, column.stage, credit))


# ------------------------------------------------------------------------------- the report


class ReportWriter:
    def __init__(self, budget: Budget, stage: str, year: int, style: TextStyle, rng: random.Random):
        self.budget = budget
        self.stage = stage
        self.year = year
        self.style = style
        self.rng = rng
        self.sheet = Sheet(style, rng)
        self.causes: dict[
            str, tuple[str, list[tuple[str, dict[str, int]]]]
        ] = {}  # code -> credit, Kredietevolutie causes
        self.stages = Stages(stage, year, style)
        self.available_stage = "BA-JR"  # the stage the last execution table showed as available
        self.domain = budget.domain

    # -------------------------------------------------------------- cells and tables

    def _cells(self, getter, credits: tuple[str, ...], columns: list[StageColumn], scope: str, subject: str,  # type: ignore[no-untyped-def]
               row: str, layout: str, credits_outer: bool = True) -> list[Cell]:  # fmt: skip
        order = (
            [(c, s) for c in credits for s in columns] if credits_outer else [(c, s) for s in columns for c in credits]
        )
        cells = []
        for credit, column in order:
            value = self.stages.value(getter, column, credit)
            cells.append(Cell(value, Pending(scope, subject, row, credit, column.year, column.stage, value, layout)))
        return cells

    def _stage_row_table(self, caption: list[str], getter, credits: tuple[str, ...], scope: str, subject: str,  # type: ignore[no-untyped-def]
                         layout: str, three_line: bool = False, columns: list[StageColumn] | None = None) -> TableSpec:  # fmt: skip
        """Credits as columns, one row per stage (`2023 AO TO LO VAK VEK` / `1e BA 187 0 0 ...`)."""
        columns = columns or self.stages.columns
        header = over(credits, str(self.year) if self.stage == "BU" else "")
        rows = []
        for column in columns:
            cells = [Cell(self.stages.value(getter, column, credit),
                          Pending(scope, subject, "total", credit, column.year, column.stage,
                                  self.stages.value(getter, column, credit), layout)) for credit in credits]  # fmt: skip
            if three_line and column.stage in ("BA", "BA-JR"):
                # `1e` / `aanpassing` / `BA` over three lines (apparatus tables)
                ordinal, _, rest = column.label.partition(" ")
                rows.append(RowSpec(cells, before=[ordinal, "aanpassing", rest], splittable=False))
                self.sheet.variations.add("three_line_stage_label")
            else:
                rows.append(self._stage_row(cells, column.label))
        return TableSpec(caption, self.style.unit, [header], rows, layout)

    def _stage_row(self, cells: list[Cell], label: str) -> RowSpec:
        """A stage row; in the adversarial style its label wraps a way of its own: whole above the numbers, its
        first words above and the rest beside them, the rest below them, or one word a line."""
        words = label.split(" ")
        if not self.style.stage_wrap or any(word.isdigit() for word in words):
            return RowSpec(cells, label=label, splittable=False)  # a year never stands alone: it would be a number
        form = self.rng.choice(["inline", "above", "split_above", "split_below", "one_per_line"])
        if len(words) < 2 and form != "above":
            form = "inline"
        self.sheet.variations.add(f"stage_label={form}")
        cut = self.rng.randint(1, len(words) - 1) if len(words) > 1 else 1
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if form == "above":
            return RowSpec(cells, before=[label], splittable=False)
        if form == "split_above":
            return RowSpec(cells, label=tail, before=[head], splittable=False)
        if form == "split_below":
            return RowSpec(cells, label=head, after=[tail], splittable=False)
        if form == "one_per_line":
            return RowSpec(cells, before=[w for w in words if w not in {"–", "-"}] if "–" not in words else
                           [*words[:-2], " ".join(words[-2:])], splittable=False)  # fmt: skip
        return RowSpec(cells, label=label, splittable=False)

    def _stage_column_heading(self) -> list[HeaderLine]:
        labels = [c.label for c in self.stages.columns]
        year = str(self.year) if self.stage == "BU" else ""
        return [HeaderLine("", [("VAK", len(labels)), ("VEK", len(labels))]), over(labels * 2, year)]

    # -------------------------------------------------------------- document

    def write(self) -> None:
        self._title_page()
        if self.style.toc != "none":
            self._toc()
        chapter = 1
        self.sheet.heading(f"{ROMAN[chapter]}. INLEIDING DOOR DE MINISTER", page_break=True)
        for _ in range(self.rng.randint(2, 4)):
            self.sheet.prose(self.sheet.sentences(self.year, self.rng.randint(3, 6)))
        chapter += 1
        self._summary(ROMAN[chapter])
        chapter += 1
        self._strategic(ROMAN[chapter])
        for policy_field in self.budget.fields:
            chapter += 1
            self._policy_field(ROMAN[chapter], policy_field)
        chapter += 1
        self._apparatus(ROMAN[chapter])
        chapter += 1
        self._abbreviations(ROMAN[chapter])

    def _title_page(self) -> None:
        s = self.sheet
        s.line("Beleids- en begrotingstoelichting", kind="heading")
        s.blank()
        s.line(self.domain.name)
        s.blank()
        s.line(f"{STAGE_WORD[self.stage]} {self.year}")
        s.blank()
        s.line("ingediend door de Vlaamse minister bevoegd voor " + self.domain.name.lower())

    def _toc(self) -> None:
        s = self.sheet
        s.heading("I. INHOUDSTAFEL", page_break=True)
        page = 3
        entries = [f"{ROMAN[1]}. INLEIDING DOOR DE MINISTER", f"{ROMAN[2]}. SAMENVATTING"]
        for number, policy_field in enumerate(self.budget.fields, start=4):
            entries.append(f"{ROMAN[number]}. BELEIDSVELD {policy_field.name.upper()}")
            for ise in policy_field.ises:
                entries.append(f"ISE {ise.name.upper()}")
                entries.extend(f"{a.code} – {a.name}" for a in ise.articles[:2])
        for entry in entries:
            page += self.rng.randint(1, 4)
            if self.style.toc == "dots":
                s.line(f"{entry} {'.' * max(4, 70 - len(entry))} {page}")
            else:
                s.line(f"{entry} {page}")
        self.sheet.variations.add("toc")

    def _summary(self, roman: str) -> None:
        s = self.sheet
        s.heading(f"{roman}. SAMENVATTING", page_break=True)
        name = self.domain.name.upper()
        caption = f"TOTAAL – {name}, excl. DAB’s, excl. apparaatsuitgaven en programma B"
        captions = textwrap.wrap(caption, 60) if self.style.total_caption_wraps else [caption]
        credits = ("AO", "TO", "LO", "VAK", "VEK")
        s.table(self._stage_row_table(captions, self.budget.domain_total, credits, "total", "TOTAL", "summary"))
        for program in self.budget.policy_programs:
            s.blank()
            getter = self._program_getter(program.code)
            s.table(self._stage_row_table([f"PROGRAMMA {program.code} – {program.name.upper()}"], getter, credits,
                                          "program", program.code, "summary"))  # fmt: skip
        if self.stage != "BU":
            s.blank()
            self._evolution_grid()

    def _program_getter(self, code: str, agency: bool | None = None):  # type: ignore[no-untyped-def]
        return lambda y, st, c: self.budget.program_total(code, y, st, c, agency)

    def _evolution_grid(self) -> None:
        """`Budgetevolutie beleidsdomein X` with its title above: programs, their ISEs, the total."""
        s = self.sheet
        s.line(f"Budgetevolutie beleidsdomein {self.domain.name}")
        s.blank()
        first, last = self.stages.first, self.stages.last
        columns = self.stages.columns
        rows: list[RowSpec] = []
        for program in self.budget.policy_programs:
            getter = self._program_getter(program.code)
            rows.append(RowSpec(self._cells(getter, ("VAK", "VEK"), columns, "program", program.code, "total",
                                            "evolution_grid", credits_outer=False), label=f"Programma {program.code}"))  # fmt: skip
            for ise in self._program_ises(program.code):
                getter = self._ise_getter(ise, "total")
                rows.append(RowSpec(self._cells(getter, ("VAK", "VEK"), columns, "ise", ise.key, "total",
                                                "evolution_grid", credits_outer=False), label=f"ISE {ise.name.lower()}"))  # fmt: skip
        rows.append(RowSpec(self._cells(self.budget.domain_total, ("VAK", "VEK"), columns, "total", "TOTAL", "total",
                                        "evolution_grid", credits_outer=False), label="Totaal"))  # fmt: skip
        s.table(TableSpec([], self.style.unit, grid_heading(first.label, last.label), rows, "evolution_grid"))

    def _program_ises(self, code: str) -> list[Ise]:
        return [ise for ise in self.budget.ises if ise.program == code]

    def _ise_getter(self, ise: Ise, row: str, agency: bool | None = None):  # type: ignore[no-untyped-def]
        return lambda y, st, c: self.budget.ise_row(ise, row, y, st, c, agency)

    def _strategic(self, roman: str) -> None:
        s = self.sheet
        s.heading(f"{roman}. OVERKOEPELENDE STRATEGISCHE DOELSTELLINGEN", page_break=True)
        for number, title in enumerate(self.budget.strategic, start=1):
            s.heading(f"SD {number}: {title}")
            s.prose(self.sheet.sentences(self.year, self.rng.randint(2, 5)))

    # -------------------------------------------------------------- policy fields

    def _policy_field(self, roman: str, policy_field) -> None:  # type: ignore[no-untyped-def]
        s = self.sheet
        title = f"{roman}. BELEIDSVELD {policy_field.name.upper()}"
        words = title.split(" ")
        if self.style.wrap_headings and len(words) >= 4:
            s.blank()
            s.line(" ".join(words[:-1]), kind="heading", page_break_before=True)
            s.line(words[-1], kind="heading")  # the name wraps to the next line
            s.blank()
            s.variations.add("wrapped_field_heading")
        else:
            s.heading(title, page_break=True)
        for number, ise in enumerate(policy_field.ises, start=1):
            self._ise(number, ise)

    def _ise(self, number: int, ise: Ise) -> None:
        s = self.sheet
        s.heading(f"{number}. ISE {ise.name.upper()}")
        s.heading(f"{number}.1 Strategische doelstellingen op het niveau van het inhoudelijk structuurelement")
        s.prose(self.sheet.sentences(self.year, 2))
        s.heading(f"{number}.2 Operationele doelstellingen")
        for goal in ise.goals:
            s.heading(f"OD {goal.number}: {goal.title}")
            for theme in goal.themes:
                s.line(theme)
                s.blank()
                cited = self.rng.choice(ise.articles)
                s.prose(self.sheet.sentences(self.year, self.rng.randint(2, 4)),
                        footnote=f"Zie ook begroting: onder {cited.code}, p.{self.rng.randint(20, 160)}.")  # fmt: skip
        s.heading(f"{number}.3 Budgettair kader voor het begrotingsjaar")
        self._frame(ise)
        s.line("Inhoudelijke toelichting:")
        s.blank()
        s.prose(self._frame_explanation(ise))
        department = [a for a in ise.articles if not a.agency]
        agency = [a for a in ise.articles if a.agency]
        duplicate = None
        if self.style.duplicate_article and department and agency:
            duplicate = next((a for a in department if not a.is_receipt), None)
        s.heading(f"{number}.3.1. {self.domain.department} en IVA’s zonder rechtspersoonlijkheid (excl. DAB’s)")
        receipts = [a for a in department if a.is_receipt]
        if receipts:
            s.heading(f"{number}.3.1.1. Ontvangsten")
            for article in receipts:
                self._article(article, ise)
        s.heading(f"{number}.3.1.{2 if receipts else 1}. Uitgaven")
        for article in department:
            if not article.is_receipt:
                self._article(article, ise)
        if agency or duplicate:
            s.heading(f"{number}.3.2. Overige entiteiten onder gezag")
            s.heading(f"{number}.3.2.1 {self.domain.agency}")
            s.prose(self.sheet.sentences(self.year, 2))
            shown = ([duplicate] if duplicate else []) + agency
            if duplicate:
                s.variations.add("duplicate_article")
            for article in shown:
                self._article(article, ise)

    def _frame(self, ise: Ise) -> None:
        s = self.sheet
        name = ise.name.upper()
        caption = f"{name}, MVG excl. DAB" if self.stage == "BU" else f"ISE: {name}, MVG excl. DAB"
        rows: list[RowSpec] = []
        wanted = {"full": ["esr", "is", "other", "total"], "total_only": ["total"],
                  "no_total": ["esr", "is", "other"]}[self.style.frame_rows]  # fmt: skip
        for row in wanted:
            cells = self._cells(self._ise_getter(ise, row), ("VAK", "VEK"), self.stages.columns, "ise", ise.key, row,
                                "ise_frame")  # fmt: skip
            rows.append(self._frame_row(row, cells))
        s.table(TableSpec([caption], self.style.unit, self._stage_column_heading(), rows, "ise_frame"))
        s.blank()

    def _frame_row(self, row: str, cells: list[Cell]) -> RowSpec:
        if row == "total":
            if self.style.frame_labels == "single" and self.rng.random() < 0.5:
                return RowSpec(cells, before=["Totaal"])
            return RowSpec(cells, label="Totaal")
        if self.style.frame_labels == "single":
            labels = {"esr": "ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR))",
                      "is": "Toelagen (interne stromen (IS))",
                      "other": "Overige (leningen (LE), participaties (PA); geen ESR-impact)"}  # fmt: skip
            return RowSpec(cells, before=[labels[row]])
        parts = {"esr": ["ESR-", "uit-", "gaven", "WT, LO,", "PR"], "is": ["Toe-", "lagen", "IS"],
                 "other": ["Overige", "LE, PA,", "andere"]}[row]  # fmt: skip
        if self.style.frame_labels == "hyphenated_after":
            cut = self.rng.randint(1, len(parts) - 1)
            return RowSpec(cells, before=parts[:cut], after=parts[cut:])
        return RowSpec(cells, before=parts)

    def _frame_explanation(self, ise: Ise) -> str:
        first, last = self.stages.first, self.stages.last
        start = self.budget.ise_row(ise, "total", first.year, first.stage, "VAK")
        end = self.budget.ise_row(ise, "total", last.year, last.stage, "VAK")
        return (f"Het inhoudelijk structuurelement ‘{ise.name}’ omvat {len(ise.articles)} begrotingsartikelen. "
                f"Het budget bedroeg bij {first.label} {format_number(start)} keuro VAK en bij {last.label} {format_number(end)} "
                f"keuro VAK. " + self.sheet.sentences(self.year, 2))  # fmt: skip

    # -------------------------------------------------------------- articles

    def _article(self, article: Article, ise: Ise | None) -> None:
        s = self.sheet
        s.blank()
        s.line(f"{article.code} – {article.name}", kind="heading")
        if article.name[-1].isdigit():
            s.variations.add("title_ends_in_number")
        s.blank()
        s.line("Korte inhoud begrotingsartikel:")
        s.blank()
        if ise is not None and article.goal:
            goal = next(g for g in ise.goals if g.number == article.goal)
            s.prose(f"De middelen op dit begrotingsartikel dragen bij tot de realisatie van de operationele "
                    f"doelstelling OD {goal.number} ‘{goal.title}’. " + s.sentences(self.year, 1))  # fmt: skip
        else:
            s.prose(s.sentences(self.year, 2))
        if self.stage == "BU" or article.is_receipt or self.rng.random() < 0.3:
            s.line("Begrotingsuitvoering:")
            s.blank()
            self._execution_table(article)
        else:
            s.line("Kredietevolutie:")
            s.blank()
            self._credit_evolution(article)
        if self.stage == "BU" and not article.is_receipt and self.rng.random() < 0.15:
            s.blank()
            s.line("Kredietevolutie:")
            s.blank()
            self._outcome_evolution(article)
        s.blank()
        s.line("Inhoudelijke toelichting:")
        s.blank()
        s.prose(self._explanation(article))

    def _article_getter(self, article: Article):  # type: ignore[no-untyped-def]
        return article.values.get

    def _execution_table(self, article: Article) -> None:
        s = self.sheet
        getter = self._article_getter(article)
        if article.is_receipt:
            apparatus = article.program.endswith("A")
            credits = ("AO", "TO", "LO", "VAK", "VEK") if apparatus else ("AO", "TO", "LO")
            columns = self.stages.columns
            if self.stage == "BU" and not apparatus and self.rng.random() < 0.6:
                columns = [columns[0], columns[2]]  # receipts often show `1e BA` and `BU` only
            self.available_stage = "BA-JR" if len(columns) == 3 else "BA"  # what the prose may compare with
            spec = self._stage_row_table([], self._receipt_getter(article), credits, "article", article.code,
                                         "article_receipt", three_line=apparatus and self.stage == "BU",
                                         columns=columns)  # fmt: skip
            s.table(spec)
            return
        self.available_stage = "BA-JR"
        cells = self._cells(getter, ("VAK", "VEK"), self.stages.columns, "article", article.code, "total",
                            "article_expenditure")  # fmt: skip
        s.table(TableSpec([], self.style.unit, self._stage_column_heading(), [RowSpec(cells, label="Uitgaven")],
                          "article_expenditure"))  # fmt: skip

    def _receipt_getter(self, article: Article):  # type: ignore[no-untyped-def]
        # Receipt articles of the apparatus print VAK and VEK columns too: zero.
        return lambda y, st, c: article.values.get(y, st, c) if c in article.credits else 0

    def _credit_evolution(self, article: Article) -> None:
        """`Kredietevolutie:` BA 2024 / Index / Compensaties / Andere bijstellingen / BO 2025 (facts: first, last)."""
        credits = article.credits[:2] if not article.is_receipt else ("AO", "TO")
        first, last = self.stages.first, self.stages.last
        middle: list[tuple[str, dict[str, int]]] = []
        if self.stage == "BO":
            causes = {c: article.values.bo_causes.get((self.year, c), (0, 0, 0)) for c in credits}
            if self.style.credit_evolution == "standard":
                names = ["Index", "Compensaties", "Andere bijstellingen"]
                middle = [(n, {c: causes[c][i] for c in credits}) for i, n in enumerate(names)]
            else:
                second = "Herverdelingen" if self.style.credit_evolution == "herverdelingen" else "Compensaties"
                middle = [("Index", {c: causes[c][0] for c in credits}),
                          (second, {c: causes[c][1] for c in credits}),
                          ("Bijstellingen", {c: causes[c][2] for c in credits})]  # fmt: skip
        else:
            causes2 = {c: article.values.ba_causes.get((self.year, c), (0, 0)) for c in credits}
            middle = [("Herverdelingen", {c: causes2[c][0] for c in credits}),
                      ("Bijstellingen", {c: causes2[c][1] for c in credits})]  # fmt: skip
        self.causes[article.code] = (credits[0], middle)  # the prose quotes one of them
        rows = [RowSpec(self._plain_cells(article, credits, first), label=first.label, splittable=False)]
        for label, values in middle:
            rows.append(RowSpec([Cell(values[c], None) for c in credits], label=label, splittable=False))  # type: ignore[arg-type]
        rows.append(RowSpec(self._plain_cells(article, credits, last), label=last.label, splittable=False))
        self.sheet.table(TableSpec([], self.style.unit, [over(credits)], rows, "credit_evolution"))

    def _plain_cells(self, article: Article, credits: tuple[str, ...], column: StageColumn) -> list[Cell]:
        cells = []
        for credit in credits:
            value = article.values.get(column.year, column.stage, credit)
            cells.append(Cell(value, Pending("article", article.code, "total", credit, column.year, column.stage,
                                             value, "credit_evolution")))  # fmt: skip
        return cells

    def _outcome_evolution(self, article: Article) -> None:
        """A BU Kredietevolutie ending in `Uitvoering 2023` / `Realisatie 2023` (facts: BA and BU)."""
        credits = ("VAK", "VEK")
        ba = StageColumn(f"BA {self.year}", "BA", self.year)
        end_word = self.rng.choice(["Uitvoering", "Realisatie"])
        bu = StageColumn(f"{end_word} {self.year}", "BU", self.year)
        values = article.values
        reallocated = {c: values.get(self.year, "BA-JR", c) - values.get(self.year, "BA", c) for c in credits}
        unused = {c: values.get(self.year, "BU", c) - values.get(self.year, "BA-JR", c) for c in credits}
        rows = [RowSpec(self._plain_cells(article, credits, ba), label=ba.label, splittable=False),
                RowSpec([Cell(reallocated[c], None) for c in credits], label="Herverdelingen", splittable=False),  # type: ignore[arg-type]
                RowSpec([Cell(unused[c], None) for c in credits], label="Niet benut", splittable=False),  # type: ignore[arg-type]
                RowSpec(self._plain_cells(article, credits, bu), label=bu.label, splittable=False)]  # fmt: skip
        self.sheet.table(TableSpec([], self.style.unit, [over(credits)], rows, "credit_evolution"))
        self.sheet.variations.add("outcome_evolution")

    def _explanation(self, article: Article) -> str:
        values = article.values
        credit = article.credits[0]
        y = self.year
        if self.stage == "BU":
            ba = values.get(y, "BA", credit)
            # the prose compares with the credit the table shows as available (receipts may show BA and BU only)
            jr = values.get(y, self.available_stage, credit)
            bu = values.get(y, "BU", credit)
            text = f"Bij BA {y} werd voor dit begrotingsartikel een budget voorzien van {format_number(ba)} keuro {credit}. "
            if jr > 0 and bu >= 0:
                share = int(_half_up(bu / jr * 100, 0))
                word = "minder" if bu <= jr else "meer"
                text += (f"De realisatie op dit begrotingsartikel bedraagt {format_number(bu)} keuro. Dit is {share}% of "
                         f"{format_number(abs(jr - bu))} keuro {word} dan het voorziene budget. ")  # fmt: skip
            return text + self.sheet.sentences(y, 1)
        first, last = self.stages.first, self.stages.last
        start = values.get(first.year, first.stage, credit)
        end = values.get(last.year, last.stage, credit)
        verb = "steeg" if end >= start else "daalde"
        return (f"Bij {first.label} werd een budget voorzien van {format_number(start)} keuro {credit}. Het krediet {verb} "
                f"met {format_number(abs(end - start))} keuro tot {format_number(end)} keuro. " + self._cause_sentence(article)
                + self.sheet.sentences(y, 1))  # fmt: skip

    def _cause_sentence(self, article: Article) -> str:
        """A cause of change of the article's `Kredietevolutie`, as the prose quotes it (none: "")."""
        credit, middle = self.causes.get(article.code, ("", []))
        label, value = next(((label, values[credit]) for label, values in middle if values[credit]), ("", 0))
        if not label:
            return ""
        return f"Door {label.lower()} wijzigde het krediet met {format_number(abs(value))} keuro {credit}. "

    # -------------------------------------------------------------- apparatus, provisions, annex

    def _apparatus(self, roman: str) -> None:
        s = self.sheet
        s.heading(f"{roman}. APPARAATSKREDIETEN EN BEGROTINGSPROGRAMMA’S ZONDER BELEIDSVELD", page_break=True)
        credits = ("AO", "TO", "LO", "VAK", "VEK")
        for number, program in enumerate(self.budget.programs[:2], start=1):
            s.heading(
                f"{number}. {'Apparaatskredieten' if number == 1 else 'Begrotingsprogramma’s zonder beleidsveld'}"
            )
            s.heading(f"{number}.1 Budgettair kader voor het begrotingsjaar")
            caption = f"PROGRAMMA {program.code} - {self.budget.department} – {self.domain.department.upper()}"
            layout = "apparatus"
            s.table(self._stage_row_table([caption], self._program_getter(program.code), credits, "program",
                                          program.code, layout, three_line=self.stage == "BU"))  # fmt: skip
            s.blank()
            s.prose(s.sentences(self.year, 2))
            for article in self._ordered(program):
                self._article(article, None)

    @staticmethod
    def _ordered(program: Program) -> list[Article]:
        return sorted(program.articles, key=lambda a: (not a.is_receipt, a.code))

    def _abbreviations(self, roman: str) -> None:
        s = self.sheet
        s.heading(f"{roman}. LIJST MET AFKORTINGEN", page_break=True)
        items = [*ABBREVIATIONS, (self.domain.agency_short, self.domain.agency),
                 (self.domain.department_short, self.domain.department)]  # fmt: skip
        for short, meaning in sorted(items):
            s.line(f"{short}: {meaning}")


def grid_heading(first: str, last: str) -> list[HeaderLine]:
    """`BA 2024 Delta BO 2025` over `VAK VEK VAK VEK VAK VEK`."""
    return [HeaderLine("", [(first, 2), ("Delta", 2), (last, 2)]), over(["VAK", "VEK"] * 3)]


# ------------------------------------------------------------------------------- slides


class SlidesWriter:
    """The minister's deck for the BO of `year`: Budgetevolutie grids (title below), structure, Begrotingsinfo."""

    def __init__(self, budget: Budget, year: int, style: TextStyle, rng: random.Random):
        self.budget = budget
        self.year = year
        self.style = style
        self.rng = rng
        self.sheet = Sheet(style, rng)
        self.stages = Stages("BO", year, style)
        self.statements: list[PendingStatement] = []

    def write(self) -> None:
        s = self.sheet
        domain = self.budget.domain.name
        s.line("Toelichting BBT")
        s.line(f"{self.year}, {domain}")
        s.blank()
        s.line(f"Vlaams Parlement, {self.rng.randint(10, 28)} oktober {self.year - 1}")
        s.blank()
        s.line(f"{self.budget.strategic[0]}")
        self._grid(None, f"Budgetevolutie Beleidsdomein {domain}", page_break=True)
        self._grid(True, f"Budgetevolutie {self.budget.domain.agency_short}", page_break=False)
        self._structure()
        for ise in self.budget.ises:
            self._info(ise)

    def _grid(self, agency: bool | None, title: str, page_break: bool) -> None:
        s = self.sheet
        first, last = self.stages.first, self.stages.last
        columns = self.stages.columns
        rows: list[RowSpec] = []
        programs = self.budget.programs if agency is None else self.budget.policy_programs
        totals = {(c.stage, c.year, credit): 0 for c in columns for credit in ("VAK", "VEK")}
        for program in programs:
            getter = lambda y, st, c, code=program.code: self.budget.program_total(code, y, st, c, agency)  # noqa: E731
            cells = self._cells(getter, program.code, "program")
            if agency and all(cell.value == 0 for cell in cells):
                continue
            rows.append(RowSpec(cells, label=f"Programma {program.code}"))
            for cell in cells:
                totals[(cell.fact.stage, cell.fact.year, cell.fact.credit)] += cell.value
            for ise in (i for i in self.budget.ises if i.program == program.code):
                ise_getter = lambda y, st, c, ise=ise: self.budget.ise_row(ise, "total", y, st, c, agency)  # noqa: E731
                ise_cells = self._cells(ise_getter, ise.key, "ise")
                if agency and all(cell.value == 0 for cell in ise_cells):
                    continue
                label = f"ISE {ise.name.lower()}"
                if self.rng.random() < 0.15:
                    label += " SE"  # the slug drops a trailing ` SE`
                if len(label) > 28 and self.rng.random() < 0.5:
                    head, _, tail = label.rpartition(" ")
                    rows.append(RowSpec(ise_cells, before=[head, tail], splittable=False))  # a wrapped row label
                else:
                    rows.append(RowSpec(ise_cells, label=label))
        if not rows:
            return
        total_cells = []
        for credit_column in [(c, credit) for c in columns for credit in ("VAK", "VEK")]:
            column, credit = credit_column
            value = totals[(column.stage, column.year, credit)]
            total_cells.append(Cell(value, Pending("total", "TOTAL", "total", credit, column.year, column.stage, value,
                                                   "slide_grid")))  # fmt: skip
        rows.append(RowSpec(total_cells, label="Totaal"))
        if page_break:
            s.line("", page_break_before=True)
        unit = "In duizend euro"
        s.table(TableSpec([], unit, grid_heading(first.label, last.label), rows, "slide_grid",
                          below=["", title, ""]))  # fmt: skip

    def _cells(self, getter, subject: str, scope: str) -> list[Cell]:  # type: ignore[no-untyped-def]
        cells = []
        for column in self.stages.columns:
            for credit in ("VAK", "VEK"):
                value = self.stages.value(getter, column, credit)
                cells.append(Cell(value, Pending(scope, subject, "total", credit, column.year, column.stage, value,
                                                 "slide_grid")))  # fmt: skip
        return cells

    def _structure(self) -> None:
        s = self.sheet
        s.line(f"BBT-structuur {self.budget.domain.name}", page_break_before=True)
        s.blank()
        for title in self.budget.strategic:
            s.line(title)
            s.blank()
            for ise in self.rng.sample(self.budget.ises, min(2, len(self.budget.ises))):
                s.line("ISE")
                s.blank()
                s.line(ise.name)
                s.blank()

    def _info(self, ise: Ise) -> None:
        s = self.sheet
        bo = self.budget.ise_row(ise, "total", self.year, "BO", "VAK")
        ba = self.budget.ise_row(ise, "total", self.year - 1, "BA", "VAK")
        change = bo - ba
        s.line(f"• {self.rng.choice(self.budget.ises).goals[0].title}", page_break_before=True)
        s.blank()
        if bo <= 0 or abs(change) < 10:
            return
        total_text, total_value = _millions(bo, self.rng)
        change_text, change_value = _millions(abs(change), self.rng, small=True)
        up = change > 0
        word = self.rng.choice(["toename", "verhoging", "stijging"] if up else ["daling", "vermindering", "afname"])
        joiner = self.rng.choice([" van ", " "])
        sign = 1 if up else -1
        statement = PendingStatement(ise.key, total_value, sign * change_value, self.year - 1)
        s.line(f"• Totaal beleidskrediet {total_text}: {word}{joiner}{change_text} t.o.v. {self.year - 1}",
               statement=statement)  # fmt: skip
        s.blank()
        s.line(f"• Oorzaak {word}:")
        s.line(f"̶ index {'+' if up else '-'}{change_text}")
        s.blank()
        s.line(self.budget.strategic[0])
        s.line("Begrotingsinfo")
        s.blank()
        s.line("ISE")
        s.blank()
        s.line(ise.name)
        self.statements.append(statement)


def _millions(keuro: int, rng: random.Random, small: bool = False) -> tuple[str, float]:
    """`1,2 miljard`, `520 miljoen`, `18,3 miljoen`, `1.500 miljoen`, `0,08 miljoen`: the text and its keuro value."""
    if keuro >= 1_000_000 and not small and rng.random() < 0.7:
        value = _half_up(keuro / 1_000_000, 1)
        return f"{format_number(value, 1)} miljard", value * 1_000_000
    millions = keuro / 1000
    if millions >= 1000:
        value = _half_up(millions, 0)
        return f"{format_number(int(value))} miljoen", value * 1000.0
    if millions >= 100:
        value = _half_up(millions, 0)
        return f"{int(value)} miljoen", value * 1000.0
    if millions >= 1:
        value = _half_up(millions, 1)
        return f"{format_number(value, 1)} miljoen", value * 1000
    value = _half_up(millions, 2)
    return f"{format_number(value, 2)} miljoen", value * 1000


def _half_up(value: float, decimals: int) -> float:
    """Rounded as people round in print (0,25 -> 0,3), not as Python's round() (to even, and binary floats)."""
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


# ------------------------------------------------------------------------------- entry point


def stuk_header(budget: Budget, stage: str, year: int) -> str:
    session = year if stage == "BU" else year - 1  # BO in autumn Y-1, BA in spring Y, BU in spring Y+1
    number = 20 + budget.seed % 30
    return f"Stuk {number}-{budget.domain.letter} ({session}-{session + 1}) – Nr. 1"


def document_name(budget: Budget, kind: str, stage: str, year: int, style_seed: int) -> str:
    letter = budget.domain.letter.lower()
    return f"bbt-{letter}-{kind}-{stage.lower()}{year}-{budget.seed}-{style_seed}"


def render_text(budget: Budget, kind: str, stage: str, year: int, style: TextStyle,
                seed: int = 0, name: str | None = None) -> GeneratedDocument:  # fmt: skip
    """Write `budget` as the text of a BBT report (stage BO, BA or BU) or a slide deck (stage BO)."""
    check_year(budget, stage, year)
    rng = random.Random(f"{budget.seed}-{kind}-{stage}-{year}-{seed}")
    writer: ReportWriter | SlidesWriter
    if kind == "slides":
        if stage != "BO":
            raise ValueError("slide decks present the BO")
        writer = SlidesWriter(budget, year, style, rng)
        header_text = budget.domain.name
    else:
        writer = ReportWriter(budget, stage, year, style, rng)
        header_text = f"Beleids- en begrotingstoelichting {budget.domain.name}"
    writer.write()
    sheet = writer.sheet
    header = style.running_header if kind == "report" else "none"
    if header.startswith("stuk"):
        header_text = stuk_header(budget, stage, year)
    setup = PageSetup(
        length=style.page_length if kind == "report" else 10_000,
        mark=style.page_mark,
        header=header,
        header_text=header_text,
        page_numbers=style.page_numbers and kind == "report",
        repeat_heading=style.repeat_heading,
        footnote_gap=rng.randint(1, 3) if style.footnote_gap else 0,
        indent=4 if style.indent else 0,
        space_lines=style.space_lines,
    )
    laid = paginate(sheet.items, setup, rng)
    variations = style.variations(stage) | sheet.variations
    if laid.breaks_in_tables:
        variations.add("page_break_in_table" + ("_repeated" if style.repeat_heading else ""))
    if laid.footnotes:
        variations.add("footnotes")
    if "," in budget.domain.name:
        variations.add("domain_with_comma")
    text = "\n".join(laid.lines) + "\n"
    return GeneratedDocument(
        name=name or document_name(budget, kind, stage, year, seed),
        kind=kind,
        stage=stage,
        year=year,
        domain=budget.domain.name,
        style=style,
        facts=laid.facts,
        pages_marked=style.page_mark != "none",
        page_count=laid.page_count,
        text=text,
        format="text",
        statements=laid.statements,
        variations=variations,
        layouts=sheet.layouts,
        evolutions={code: middle for code, (_, middle) in writer.causes.items()}
        if isinstance(writer, ReportWriter)
        else {},
    )


def check_year(budget: Budget, stage: str, year: int) -> None:
    if year not in budget.years:
        raise ValueError(f"year {year} is outside the budget's years {budget.years.start}-{budget.years.stop - 1}")
    if stage not in ("BO", "BA", "BU"):
        raise ValueError(f"unknown stage {stage!r}")
