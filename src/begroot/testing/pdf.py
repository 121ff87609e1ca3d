"""Word-processor PDFs: a .docx (python-docx) with real tables, converted by LibreOffice headless.

The document holds what the text renderer writes (same writer, same facts), laid out as a word
processor does: justified prose, tables with merged VAK/VEK header cells, bold header rows,
right-aligned numbers, a narrow label column so long labels wrap inside their cell, a running
header and a footer with a PAGE field. Pages are planned here and forced with explicit page
breaks, every page kept well under full, so the page of every number is known; long tables are
split across a break explicitly (heading repeated or not). After conversion the PDF's page
count is checked against the plan: a mismatch raises.

`render_pdfs` converts many documents in one soffice call (start-up dominates), `render_pdf_sets` several sets.
"""

from __future__ import annotations

import math
import os
import random
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..numbers_nl import format_number
from .budget import random_budget
from .document import ExpectedFact, ExpectedStatement, GeneratedDocument
from .layout import Pending
from .plan import Plan
from .tables import RowSpec, TableSpec
from .text import Block, ReportWriter, SlidesWriter, TextStyle, adversarial_style, check_year, random_style, stuk_header

PAGE_UNITS = 30.0  # what a page is planned to hold: about two thirds of a real A4 page at 10 pt
CHARS_PER_LINE = 95
FOOTNOTE_ROOM = 3.0  # page units a page must have left to end in footnotes
LABEL_CHARS = 16  # a label wraps at about this many characters in its narrow column


class ConversionError(RuntimeError):
    """LibreOffice failed, or the PDF does not have the pages the plan says."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_plans(count: int, seed: int = 0, style_name: str = "standard") -> list[Plan]:
    """`count` PDF documents over stages, domains and styles (slides included); `adversarial`: every knob drawn
    independently (`adversarial_style`), narrow label cells included."""
    kinds = (("report", "BU"), ("report", "BO"), ("report", "BA"), ("slides", "BO"))
    plans = []
    for number in range(count):
        rng = random.Random(f"pdf-{seed}-{number}" + ("" if style_name == "standard" else f"-{style_name}"))
        kind, stage = kinds[number % len(kinds)]
        if style_name == "adversarial":
            style = adversarial_style(rng)
            style = replace(style, cells_centred=style.label_width < 2.0 and rng.random() < 0.5)  # drawn last
            plans.append(Plan(seed * 100_019 + number + 50_007, kind, stage, 1 + number % 3, style, number))
            continue
        style = replace(random_style(rng), running_header=("stuk", "title", "stuk_page", "none")[number % 4],
                        repeat_heading=number % 2 == 0, frame_rows=("full", "full", "total_only", "no_total")[number % 4])  # fmt: skip
        plans.append(Plan(seed * 100_019 + number + 7, kind, stage, 1 + number % 3, style, number))
    return plans


# ------------------------------------------------------------------------------- planning pages


@dataclass
class Placed:
    """A block on its planned page; tables may be cut into parts."""

    block: Block
    page: int
    rows: list[RowSpec] | None = None  # the rows of this part of a table
    continued: bool = False  # a continuation after a page break
    first_of_page: bool = False
    footnotes: list[str] = field(default_factory=list)  # notes printed after it, at the foot of its page


def _text_units(text: str) -> float:
    return max(1, math.ceil(len(text) / CHARS_PER_LINE)) + 0.4


def _row_units(row: RowSpec, label_width: float = 3.0) -> float:
    label = _label(row)
    chars = max(4, int(LABEL_CHARS * label_width / 3.0))  # a narrower column wraps its labels over more lines
    longest = max((len(word) for word in label.split()), default=0)
    return max(1, math.ceil(len(label) / chars), math.ceil(longest / chars) + 1) * 0.9 + 0.3


def _label(row: RowSpec) -> str:
    parts = [*row.before, row.label, *row.after]
    text = ""
    for part in (p for p in parts if p):
        text = text[:-1] + part if text.endswith("-") and part[:1].islower() else f"{text} {part}".strip()
    return text


def plan_pages(blocks: list[Block], rng: random.Random, split_tables: bool = True,
               footnotes: bool = False, label_width: float = 3.0) -> list[Placed]:  # fmt: skip
    """Pages for the blocks; `split_tables=False` (slides) keeps every table whole on a page of its own.
    With `footnotes`, pages with room end in numbered notes (also where a table goes on overleaf)."""
    placed: list[Placed] = []
    page, used = 1, 0.0
    numbers = iter(range(1, 10_000))

    def new_page() -> None:
        nonlocal page, used
        if footnotes and placed and page > 1 and PAGE_UNITS - used >= FOOTNOTE_ROOM and rng.random() < 0.5:
            placed[-1].footnotes = [f"{next(numbers)} Zie ook de toelichting bij dit programma, p.{page + 3}."
                                    for _ in range(rng.randint(1, 2))]  # fmt: skip
        page += 1
        used = 0.0

    for block in blocks:
        if block.page_break and used > 0:
            new_page()
        if block.kind != "table":
            units = _text_units(str(block.payload)) + (1.0 if block.kind == "heading" else 0.0)
            if used + units > PAGE_UNITS:
                new_page()
            placed.append(Placed(block, page, first_of_page=used == 0))
            used += units
            continue
        spec = block.payload
        assert isinstance(spec, TableSpec)
        head = 1.2 * (len(spec.caption) + 1 + len(spec.heading))
        rows = list(spec.rows)
        continued = False
        if not split_tables:
            if used > 0:
                new_page()
            placed.append(Placed(block, page, rows, False, True))
            used = PAGE_UNITS  # the slide is full: what follows starts a new page
            continue
        while rows:
            room = PAGE_UNITS - used - head
            cut_from_caption = not continued and rng.random() < 0.08  # a break between caption and table
            if used > 0 and (room < _row_units(rows[0], label_width) or cut_from_caption):
                new_page()
                room = PAGE_UNITS - head
            taken: list[RowSpec] = []
            while rows and (not taken or room - _row_units(rows[0], label_width) >= 0):
                room -= _row_units(rows[0], label_width)
                taken.append(rows.pop(0))
            placed.append(Placed(block, page, taken, continued, used == 0))
            used = PAGE_UNITS - room
            if rows:
                new_page()
                continued = True
        used += 1.5 * len(spec.below)
    return placed


# ------------------------------------------------------------------------------- the .docx


def build_docx(placed: list[Placed], path: Path, header_text: str, repeat_heading: bool,
               label_width: float = 3.0, cells_centred: bool = False) -> None:  # fmt: skip
    from docx import Document as Docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Docx()
    normal = doc.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.2)
    if header_text:
        section.header.paragraphs[0].text = header_text
    _page_field(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.CENTER)
    page = 1

    def paragraph(text: str, bold: bool = False, justify: bool = False, breaks: bool = False):  # type: ignore[no-untyped-def]
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if justify:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.page_break_before = breaks
        p.paragraph_format.space_after = Pt(4)
        return p

    def footnote_lines(notes: list[str]) -> None:
        for note in notes:  # small print at the foot of the page (a separator line above the first)
            p = paragraph(note)
            p.runs[0].font.size = Pt(7.5)
            p.paragraph_format.space_after = Pt(0)

    for item in placed:
        breaks = item.page > page
        page = item.page
        block = item.block
        if block.kind != "table":
            paragraph(str(block.payload), bold=block.kind == "heading", justify=block.kind == "prose", breaks=breaks)
            footnote_lines(item.footnotes)
            continue
        spec = block.payload
        assert isinstance(spec, TableSpec) and item.rows is not None
        if not item.continued:
            for caption in spec.caption:
                paragraph(caption, bold=True, breaks=breaks)
                breaks = False
        if not item.continued or repeat_heading:
            paragraph(spec.unit, breaks=breaks)
            heading = spec.heading
        else:
            paragraph("", breaks=breaks)  # the table goes on, without its heading
            heading = []
        _table(doc, spec, heading, item.rows, WD_TABLE_ALIGNMENT, WD_ALIGN_PARAGRAPH, Cm, Pt, label_width,
               cells_centred)  # fmt: skip
        if item.rows and item.rows[-1] is spec.rows[-1]:
            for line in spec.below:
                if line:
                    paragraph(line, bold=True)
        footnote_lines(item.footnotes)
    doc.save(str(path))


def _table(doc, spec: TableSpec, heading, rows: list[RowSpec], table_alignment, align, Cm, Pt,  # type: ignore[no-untyped-def]
           label_width: float = 3.0, cells_centred: bool = False) -> None:  # fmt: skip
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    columns = max(len(row.cells) for row in spec.rows)
    table = doc.add_table(rows=len(heading) + len(rows), cols=columns + 1)
    table.style = "Table Grid"
    table.alignment = table_alignment.CENTER
    widths = [Cm(label_width)] + [Cm(min(2.3, 13.5 / columns))] * columns
    for r, line in enumerate(heading):
        cells = table.rows[r].cells
        _write(cells[0], line.label, bold=True, alignment=align.LEFT, Pt=Pt)
        position = 1
        for text, span in line.cells:
            cell = cells[position]
            if span > 1:
                cell = cell.merge(cells[position + span - 1])  # VAK over its stages
            _write(cell, text, bold=True, alignment=align.CENTER if span > 1 else align.RIGHT, Pt=Pt)
            position += span
    for r, row in enumerate(rows, start=len(heading)):
        cells = table.rows[r].cells
        _write(cells[0], _label(row), bold=False, alignment=align.LEFT, Pt=Pt)
        for c, cell in enumerate(row.cells, start=1):
            _write(cells[c], format_number(cell.value), bold=False, alignment=align.RIGHT, Pt=Pt)
    for row in table.rows:
        for width, cell in zip(widths, row.cells, strict=False):
            cell.width = width
            if cells_centred:  # an amount stands beside the middle line of a label wrapped in its cell
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _write(cell, text: str, bold: bool, alignment, Pt) -> None:  # type: ignore[no-untyped-def]
    p = cell.paragraphs[0]
    p.alignment = alignment
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(9)


def _page_field(p, alignment) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p.alignment = alignment
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)


# ------------------------------------------------------------------------------- rendering


def _facts(placed: list[Placed]) -> tuple[list[ExpectedFact], list[ExpectedStatement]]:
    facts: list[ExpectedFact] = []
    statements: list[ExpectedStatement] = []
    for item in placed:
        if item.block.statement is not None:
            s = item.block.statement
            statements.append(ExpectedStatement(s.subject, s.total, s.change, s.reference_year, item.page, 0))
        for row in item.rows or []:
            for cell in row.cells:
                fact: Pending | None = cell.fact
                if fact is not None:
                    facts.append(ExpectedFact(fact.scope, fact.subject, fact.row, fact.credit, fact.year, fact.stage,
                                              fact.value, item.page, 0, fact.layout))  # fmt: skip
    return facts, statements


def prepare(plan: Plan, folder: Path) -> tuple[GeneratedDocument, Path]:
    """Write the .docx of `plan` and return the document it will be once converted."""
    budget = random_budget(plan.seed)
    year = budget.years[plan.year_index]
    check_year(budget, plan.stage, year)
    rng = random.Random(f"pdf-{plan.seed}-{plan.kind}-{plan.stage}-{year}-{plan.style_seed}")
    style = replace(plan.style, footnotes=False)
    writer: ReportWriter | SlidesWriter
    writer = SlidesWriter(budget, year, style, rng) if plan.kind == "slides" else ReportWriter(budget, plan.stage, year,
                                                                                                style, rng)  # fmt: skip
    writer.write()
    placed = plan_pages(
        writer.sheet.blocks,
        rng,
        split_tables=plan.kind != "slides",
        footnotes=plan.style.footnotes and plan.kind == "report",
        label_width=style.label_width,
    )
    header = ""
    if plan.kind == "report" and style.running_header != "none":
        header = (stuk_header(budget, plan.stage, year) if style.running_header.startswith("stuk")
                  else f"Beleids- en begrotingstoelichting {budget.domain.name}")  # fmt: skip
    name = (
        f"bbt-{budget.domain.letter.lower()}-{plan.kind}-{plan.stage.lower()}{year}-{plan.seed}-{plan.style_seed}-pdf"
    )
    docx_path = folder / f"{name}.docx"
    build_docx(placed, docx_path, header, style.repeat_heading, style.label_width, style.cells_centred)
    facts, statements = _facts(placed)
    variations = {f"pdf_header={'stuk' if header.startswith('Stuk') else 'title' if header else 'none'}",
                  f"frame_rows={style.frame_rows}"}  # fmt: skip
    if any(p.footnotes for p in placed):
        variations.add("pdf_footnotes")
    if style.cells_centred:
        variations.add("cells_centred")
    if any(p.continued for p in placed):
        variations.add("pdf_split_table" + ("_repeated" if style.repeat_heading else ""))
    generated = GeneratedDocument(
        name=name, kind=plan.kind, stage=plan.stage, year=year, domain=budget.domain.name, style=style, facts=facts,
        pages_marked=True, page_count=placed[-1].page if placed else 1, format="pdf", statements=statements,
        variations=variations, layouts=writer.sheet.layouts,
    )  # fmt: skip
    return generated, docx_path


def render_pdfs(plans: list[Plan], folder: str | Path) -> list[GeneratedDocument]:
    """Build every .docx, convert them all in one LibreOffice call, check the page counts."""
    return render_pdf_sets([(plans, folder)])[0]


def render_pdf_sets(sets: Sequence[tuple[Sequence[Plan], str | Path]]) -> list[list[GeneratedDocument]]:
    """`render_pdfs` for several sets of plans, each into its own folder (where the same name may recur), in one
    LibreOffice call for them all."""
    import pypdfium2 as pdfium

    binary = soffice()
    if binary is None:
        raise ConversionError("LibreOffice (soffice) is not installed: run scripts/libreoffice.sh")
    prepared = []
    for plans, folder in sets:
        Path(folder).mkdir(parents=True, exist_ok=True)
        prepared.append([prepare(plan, Path(folder)) for plan in plans])
    every = [docx_path for documents in prepared for _, docx_path in documents]
    if every:
        _convert(binary, every)
    made: list[list[GeneratedDocument]] = []
    for documents in prepared:
        made.append([])
        for generated, docx_path in documents:
            pdf_path = docx_path.with_suffix(".pdf")
            pages = len(pdfium.PdfDocument(str(pdf_path)))
            if pages != generated.page_count:
                raise ConversionError(f"{pdf_path.name}: {pages} pages, the plan says {generated.page_count}")
            docx_path.unlink()
            generated.path = pdf_path
            made[-1].append(generated)
    return made


def _convert(binary: str, paths: list[Path]) -> None:
    """Each .docx of `paths` to a PDF beside it, in one soffice run: under a number of its own in a folder of the
    run (soffice writes every PDF into one folder, and two paths may end in the same name)."""
    with tempfile.TemporaryDirectory(prefix="begroot-lo-") as work:
        profile, staged = Path(work) / "profile", Path(work) / "staged"
        profile.mkdir()
        staged.mkdir()
        for number, path in enumerate(paths):
            shutil.copyfile(path, staged / f"{number}.docx")
        command = [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(staged), *(str(staged / f"{n}.docx") for n in range(len(paths)))]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, timeout=60 + 20 * len(paths),
                                env={**os.environ, "HOME": str(profile)})  # fmt: skip
        for number, path in enumerate(paths):
            pdf = staged / f"{number}.pdf"
            if not pdf.exists():
                raise ConversionError(f"{path.name}: LibreOffice wrote no PDF ({result.stderr.strip()[:300]})")
            shutil.move(pdf, path.with_suffix(".pdf"))


def render_pdf(budget_seed: int, kind: str, stage: str, year_index: int, style: TextStyle,
               folder: str | Path) -> GeneratedDocument:  # fmt: skip
    """One document (prefer `render_pdfs` for many: LibreOffice starts once per call)."""
    return render_pdfs([Plan(budget_seed, kind, stage, year_index, style, 0)], folder)[0]
