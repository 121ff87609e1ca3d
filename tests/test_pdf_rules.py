"""A PDF's ruled lines as its tables' cell boundaries (issue 21, item 3).

Word processors draw a table's grid; between two of its horizontal rules stands one row, however its
label wraps (`2e aanpassing` / `BA – JR`, `1e` / `aanpassing` / `BA`). begroot reads the rules
(`sources/rules.py`, `model.Band`) and joins a ruled row's lines cell by cell (`parse.tables.ruled_row`);
where a PDF has no rules, the lines are read as before. Checked on word-processor PDFs made by LibreOffice
(narrow label cells), on tables drawn here with reportlab (rules as lines, as boxes, inside a form
XObject, or none), and on pages whose rules frame no table.
"""

from __future__ import annotations

import io
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from begroot.model import Line
from begroot.parse import extract
from begroot.parse.scan import scan_tables
from begroot.parse.tables import stage_of_label
from begroot.sources import load, load_bytes
from begroot.testing import GeneratedDocument
from begroot.vocabulary import VOCABULARY
from pdfgen import render_pdf
from test_corpus import assert_round_trip

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
REPORT = next(SAMPLES.glob("000_*.txt"))
RULED = "rows read by the PDF's ruled cells"


# ------------------------------------------------------------------------------- word-processor PDFs


@pytest.fixture(scope="module")
def narrow_pdfs(word_processor_pdfs: dict[str, list[GeneratedDocument]]) -> list[GeneratedDocument]:
    """Reports (BU, BO, BA) with the narrowest label cells: stage labels and grid labels wrap in their cells,
    captions over lines, stage labels `2e ...` / `BA – JR`; the same three again with cells centred vertically (the
    amounts beside the middle line of a wrapped label: `1e` / `aanpassing 187 0` / `BA`)."""
    return word_processor_pdfs["narrow"] + word_processor_pdfs["narrow-centred"]  # tests/wordpdfs.py


def wrapped_rows(lines: list[Line]) -> list[list[str]]:
    """The texts of every ruled row printed over two lines or more."""
    bands: dict[int, list[str]] = defaultdict(list)
    for line in lines:
        if line.band is not None:
            bands[line.band.id].append(line.text)
    return [texts for texts in bands.values() if len(texts) >= 2]


@pytest.mark.parametrize("number", range(6))
def test_word_processor_tables_read_by_their_rules(narrow_pdfs: list[GeneratedDocument], number: int) -> None:
    generated = narrow_pdfs[number]
    assert generated.path is not None
    document = extract(generated.path)
    assert_round_trip(document, generated)  # every fact, with its page; nothing else
    assert document.tables and all(table.reading.startswith(RULED) for table in document.tables), [
        (table.title, table.reading) for table in document.tables if not table.reading.startswith(RULED)
    ]
    wrapped = wrapped_rows(load(generated.path).lines)
    assert wrapped, "the narrow cells wrap labels: rows over several lines"


def test_word_processor_tables_without_rules_read_by_word_positions(
    narrow_pdfs: list[GeneratedDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDFs with cells at the top, their rules unseen (as a table style without borders prints them): the lines
    are read by word positions as before, every fact still right, and no table claims its rules. (Cells centred
    vertically are the rules' to read: by word positions alone a fifth of their facts is lost.)"""
    from begroot.sources import pdf as pdf_source

    monkeypatch.setattr(pdf_source, "_find_bands", lambda *_: None)
    for generated in narrow_pdfs[:3]:
        assert generated.path is not None
        document = extract(generated.path)
        assert_round_trip(document, generated)
        assert not any(RULED in table.reading for table in document.tables)


def test_wrapped_stage_labels_are_one_row(narrow_pdfs: list[GeneratedDocument]) -> None:
    """A stage label wrapped in its cell (`2e aanpassing` / `BA – JR`) is one row whose label names its stage."""
    joined = []
    for generated in narrow_pdfs:
        assert generated.path is not None
        tables, _ = scan_tables(load(generated.path).lines, set(), VOCABULARY)
        for _, table in tables:
            joined.extend(row.label for row in table.rows if "aanpassing" in row.label)
    assert joined, "the apparatus tables print `aanpassing` labels"
    assert all(stage_of_label(label, VOCABULARY) for label in joined), joined


# ------------------------------------------------------------------------------- tables drawn here

ROWS = [  # label lines, amounts, the label line the amounts stand on (cells centred vertically: the middle)
    (["1e", "aanpassing", "BA"], ["187", "1.204"], 1),
    (["1e", "aanpassing", "BA – JR"], ["190", "1.187"], 0),
    (["BU"], ["171", "1.120"], 0),
]
EXPECTED = {"BA": (187, 1204), "BA-JR": (190, 1187), "BU": (171, 1120)}
LABELS = ["1e aanpassing BA", "1e aanpassing BA – JR", "BU"]
LEADING, SIZE, PAD = 11.0, 9.0, 4.0
EDGES = (60.0, 140.0, 220.0, 300.0)


def ruled_table_pdf(rules: str = "lines", box_a_paragraph: bool = False) -> bytes:
    """A stage-row table (credits VAK VEK) whose labels wrap over up to three lines, amounts beside the middle line
    of the first row. `rules`: "lines" (stroked), "bars" (thin filled rectangles, a piece per cell), "boxes" (each
    cell a stroked rectangle), "form" (the lines in a form XObject), "frame" (no rules between rows), "none".
    `box_a_paragraph`: a framed paragraph with amounts and a separator line below it."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", SIZE)
    canvas.drawString(EDGES[0], 780, "PROGRAMMA XY – PROEF")
    canvas.drawString(EDGES[0], 766, "(duizend euro)")
    top = 758.0
    boundaries = [top]
    for label, amounts, at in [([], ["VAK", "VEK"], 0), *ROWS]:  # the header row, then the stages
        for k, text in enumerate(label):
            canvas.drawString(EDGES[0] + 3, top - PAD - SIZE - k * LEADING, text)
        for cell, amount in enumerate(amounts, start=1):
            canvas.drawRightString(EDGES[cell + 1] - 3, top - PAD - SIZE - at * LEADING, amount)
        top -= max(len(label), 1) * LEADING + 2 * PAD
        boundaries.append(top)
    if rules == "form":  # drawn 100 pt lower in the form, which is placed 100 pt up: its matrix counts
        canvas.beginForm("grid")
        _rule_lines(canvas, [y - 100 for y in boundaries])
        canvas.endForm()
        canvas.saveState()
        canvas.translate(0, 100)
        canvas.doForm("grid")
        canvas.restoreState()
    elif rules == "lines":
        _rule_lines(canvas, boundaries)
    elif rules == "frame":  # columns ruled, rows not: the whole table one band
        _rule_lines(canvas, [boundaries[0], boundaries[-1]])
        for x in EDGES:
            canvas.line(x, boundaries[0], x, boundaries[-1])
    elif rules == "bars":  # thin filled rectangles, a piece per cell (as Word draws borders)
        for y in boundaries:
            for left, right in pairwise(EDGES):
                canvas.rect(left, y - 0.3, right - left, 0.6, stroke=0, fill=1)
        for x in EDGES:
            canvas.rect(x - 0.3, boundaries[-1], 0.6, boundaries[0] - boundaries[-1], stroke=0, fill=1)
    elif rules == "boxes":
        for upper, lower in pairwise(boundaries):
            for left, right in pairwise(EDGES):
                canvas.rect(left, lower, right - left, upper - lower, stroke=1, fill=0)
    if box_a_paragraph:
        canvas.drawString(EDGES[0] + 3, 480, "In 2024 stijgt het krediet met 1.204 en 1.187 duizend euro")
        canvas.drawString(EDGES[0] + 3, 468, "ten opzichte van 171 en 1.120 in de uitvoering.")
        canvas.rect(EDGES[0], 460, 400, 34, stroke=1, fill=0)
        canvas.line(EDGES[0], 440, EDGES[0] + 200, 440)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _rule_lines(canvas: Canvas, boundaries: list[float]) -> None:
    canvas.setLineWidth(0.5)
    for y in boundaries:
        canvas.line(EDGES[0], y, EDGES[-1], y)
    for x in EDGES:
        canvas.line(x, boundaries[0], x, boundaries[-1])


def stage_rows(data: bytes) -> tuple[dict[str, tuple[int | None, ...]], list[str], list[str]]:
    """The drawn table as the reader reads it: stage -> amounts, its row labels and its readings."""
    source = load_bytes("ruled.pdf", data)
    tables, _ = scan_tables(source.lines, set(), VOCABULARY)
    assert len(tables) == 1
    table = tables[0][1]
    read = {}
    for row in table.rows:
        stage = stage_of_label(row.label, VOCABULARY)
        assert stage is not None, row.label
        read[stage[0]] = tuple(cell.value if cell else None for cell in row.cells)
    return read, [row.label for row in table.rows], table.readings


@pytest.mark.parametrize("rules", ["lines", "bars", "boxes", "form"])
def test_ruled_rows_read_by_cell(rules: str) -> None:
    """Labels over three lines, amounts beside the first or the middle one: each ruled row is one stage."""
    read, labels, readings = stage_rows(ruled_table_pdf(rules))
    assert read == EXPECTED
    assert labels == LABELS  # the `1e` above the amounts of the first row is its own, not left over
    assert readings[:1] == [RULED]


def test_ruled_row_keeps_the_line_of_its_amounts() -> None:
    """A ruled row's amounts point at the line they are printed on (the page view boxes them there)."""
    source = load_bytes("ruled.pdf", ruled_table_pdf("lines"))
    tables, _ = scan_tables(source.lines, set(), VOCABULARY)
    by_number = {line.number: line.text for line in source.lines}
    for row in tables[0][1].rows:
        for cell in row.cells:
            assert cell is not None and cell.text in by_number[cell.line].split()


def test_without_rules_no_band() -> None:
    """The same table without rules: no line has a band, and the table's reading says nothing of rules."""
    data = ruled_table_pdf("none")
    assert all(line.band is None for line in load_bytes("plain.pdf", data).lines)
    tables, _ = scan_tables(load_bytes("plain.pdf", data).lines, set(), VOCABULARY)
    assert all(RULED not in " ".join(table.readings) for _, table in tables)


def test_a_band_of_several_rows_is_read_line_by_line() -> None:
    """Columns ruled but no rules between the rows: the one band holds every row's amounts, so it is no row; the
    lines are read one by one and every row keeps its own amounts."""
    source = load_bytes("frame.pdf", ruled_table_pdf("frame"))
    assert {line.band.id for line in source.lines if line.band is not None} == {0}  # header and rows: one band
    tables, _ = scan_tables(source.lines, set(), VOCABULARY)
    table = tables[0][1]
    assert [tuple(cell.value if cell else None for cell in row.cells) for row in table.rows] == list(EXPECTED.values())
    assert not table.problems and RULED not in " ".join(table.readings)


def test_rules_that_frame_no_table_change_nothing() -> None:
    """A framed paragraph (one cell) and a separator line are rules but no table: their lines get no band, and
    the ruled table on the same page is read as alone."""
    data = ruled_table_pdf("lines", box_a_paragraph=True)
    source = load_bytes("framed.pdf", data)
    paragraph = [line for line in source.lines if "krediet" in line.text or "uitvoering" in line.text]
    assert len(paragraph) == 2 and all(line.band is None for line in paragraph)
    read, labels, _ = stage_rows(data)
    assert (read, labels) == (EXPECTED, LABELS)


GRID_EDGES = (50.0, 120.0, *(120.0 + 62 * k for k in range(1, 7)))
GRID_ROWS = {"Uitgaven": ("1.204", "1.187", "1.120", "904", "880", "871"),
             "Totaal": ("2.310", "2.298", "2.104", "1.501", "1.480", "1.466")}  # fmt: skip


def ruled_grid_pdf() -> bytes:
    """A grid (VAK and VEK each over three stages) whose stage cells are too narrow for `1e BA-JR`: it wraps to
    `1e BA-` / `JR` in its cell, and the header's stage line reads `1e BA 1e BA- BU ...` over `JR JR`."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(50, 780, "PROGRAMMA XY – PROEF")
    canvas.drawString(50, 768, "(duizend euro)")
    edges, bounds = GRID_EDGES, [760.0, 744.0, 718.0, 702.0, 686.0]
    canvas.drawCentredString((edges[1] + edges[4]) / 2, 749, "VAK")
    canvas.drawCentredString((edges[4] + edges[7]) / 2, 749, "VEK")
    for k, lines in enumerate([["1e BA"], ["1e BA-", "JR"], ["BU"]] * 2):
        for n, text in enumerate(lines):
            canvas.drawRightString(edges[k + 2] - 3, 733 - 10 * n, text)
    for (label, amounts), top in zip(GRID_ROWS.items(), bounds[2:], strict=False):
        canvas.drawString(edges[0] + 3, top - 11, label)
        for k, amount in enumerate(amounts):
            canvas.drawRightString(edges[k + 2] - 3, top - 11, amount)
    for y in bounds:
        canvas.line(edges[0], y, edges[-1], y)
    for x in edges:  # the credits' cells span three stage cells: no rule between them in the first header row
        canvas.line(x, bounds[0] if x in (edges[0], edges[4], edges[-1]) else bounds[1], x, bounds[-1])
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_ruled_header_cells_read_whole() -> None:
    """A header cell wrapped in its rules (`1e BA-` / `JR`) is one stage: six columns, each row's amounts under
    them. (Read line by line, `JR JR` is no header line: the header ends there, with VAK and VEK but no stages.)"""
    tables, _ = scan_tables(load_bytes("grid.pdf", ruled_grid_pdf()).lines, set(), VOCABULARY)
    table = tables[0][1]
    assert [(column.credit, column.stage) for column in table.columns] == [
        (credit, stage) for credit in ("VAK", "VEK") for stage in ("BA", "BA-JR", "BU")
    ]
    read = {row.label: tuple(cell.value if cell else None for cell in row.cells) for row in table.rows}
    assert read == {label: tuple(int(a.replace(".", "")) for a in amounts) for label, amounts in GRID_ROWS.items()}


# ------------------------------------------------------------------------------- reportlab renderings


def test_ruled_but_simple_reads_by_rules_and_the_same(tmp_path: Path) -> None:
    """The sample report drawn with every cell ruled (one line a row) and without rules: the same facts (both are
    the text's: test_pdf_source), the ruled one read by its rules, the other with no band at all."""
    ruled, plain = tmp_path / "ruled" / f"{REPORT.stem}.pdf", tmp_path / "plain" / f"{REPORT.stem}.pdf"
    for path, style in ((ruled, "grid"), (plain, "columns")):
        path.parent.mkdir()
        path.write_bytes(render_pdf(REPORT, style))
    assert all(line.band is None for line in load(plain).lines)
    ruled_document, plain_document = extract(ruled), extract(plain)
    assert ruled_document.tables and all(RULED in table.reading for table in ruled_document.tables)
    assert not any(RULED in table.reading for table in plain_document.tables)

    def facts(document) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
        return sorted((f.scope, f.subject, f.row, f.credit, f.year, f.stage, f.value, f.page) for f in document.facts)

    assert facts(ruled_document) == facts(plain_document)


def test_tables_trace_says_rows_were_read_by_rules(narrow_pdfs: list[GeneratedDocument]) -> None:
    """`begroot tables FILE` tells how many rows of each table the rules gave."""
    from begroot.parse import parse
    from begroot.parse.debug import trace_tables

    assert narrow_pdfs[0].path is not None
    source = load(narrow_pdfs[0].path)
    traces = [trace for trace in trace_tables(source, parse(source)) if trace.read]
    assert traces
    for trace in traces:
        rows = len(trace.rows)
        assert trace.placement.endswith(f"rows by the PDF's ruled cells ({rows} of {rows})"), trace.placement
