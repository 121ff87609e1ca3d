"""The PDF source yields the same pages of lines as the text source (issue: PDF input).

The PDFs are rendered from the sample text documents by tests/pdfgen.py, so the
text source is the oracle: same page count, same non-blank lines per page (up to
whitespace), running header and printed page number kept out of the lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from begroot.errors import SourceError
from begroot.model import SourceDocument
from begroot.sources import load
from pdfgen import (
    HEADER,
    corrupt_pdf,
    drawn_text,
    encrypted_pdf,
    huge_pdf,
    image_only_pdf,
    render_pdf,
    scrambled_table_pdf,
    truncated_pdf,
    zero_page_pdf,
)

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
REPORT = next(SAMPLES.glob("000_*.txt"))
SLIDES = next(SAMPLES.glob("003_*.txt"))
STYLES = ("columns", "grid")


def normalized(text: str) -> str:
    return re.sub(r"\s+", " ", drawn_text(text)).strip()


def page_texts(document: SourceDocument) -> list[list[str]]:
    return [[normalized(line.text) for line in page.lines if line.text.strip()] for page in document.pages]


@pytest.fixture(scope="module")
def pdf_files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Each sample in each style, written once for the module (rendering the report takes ~1 s).

    The PDF keeps the sample's file name, hence its document id.
    """
    folder = tmp_path_factory.mktemp("pdf")
    files = {}
    for style in STYLES:
        (folder / style).mkdir()
        for sample in (REPORT, SLIDES):
            path = folder / style / f"{sample.stem}.pdf"
            path.write_bytes(render_pdf(sample, style))
            files[sample.stem, style] = path
    return files


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("sample", [REPORT, SLIDES], ids=["report", "slides"])
def test_same_lines_per_page_as_text(pdf_files: dict[tuple[str, str], Path], sample: Path, style: str) -> None:
    text = load(sample)
    pdf = load(pdf_files[sample.stem, style])
    assert pdf.format == "pdf"
    assert len(pdf.pages) == len(text.pages)
    for expected, got, page in zip(page_texts(text), page_texts(pdf), pdf.pages, strict=True):
        assert got == expected, f"page {page.number}"


@pytest.mark.parametrize("style", STYLES)
def test_printed_numbers_recorded_and_running_lines_left_out(
    pdf_files: dict[tuple[str, str], Path], style: str
) -> None:
    pdf = load(pdf_files[REPORT.stem, style])
    # pdfgen leaves the cover unnumbered and numbers the next pages 1, 2, ...
    assert [page.printed_number for page in pdf.pages] == [None, *range(1, len(pdf.pages))]
    assert not [line for line in pdf.lines if HEADER in line.text]
    assert not pdf.warnings


def test_lines_numbered_over_the_whole_document(pdf_files: dict[tuple[str, str], Path]) -> None:
    pdf = load(pdf_files[SLIDES.stem, "columns"])
    assert [line.number for line in pdf.lines] == list(range(1, len(pdf.lines) + 1))
    for page in pdf.pages:
        assert page.number == pdf.pages.index(page) + 1
        assert all(line.page == page.number for line in page.lines)
        assert all(line.text == line.text.strip() and line.indent >= 0 for line in page.lines)


def test_table_rows_rebuilt_from_positions(tmp_path: Path) -> None:
    data, expected = scrambled_table_pdf()
    path = tmp_path / "scrambled.pdf"
    path.write_bytes(data)
    assert [normalized(line.text) for line in load(path).lines if line.text.strip()] == expected


def test_copy_protected_pdf_reads(tmp_path: Path) -> None:
    path = tmp_path / "protected.pdf"
    path.write_bytes(encrypted_pdf(user_password=""))
    assert [line.text.strip() for line in load(path).lines] == ["Vertrouwelijk"]


def _bad(name: str) -> bytes:
    if name == "truncated":
        return truncated_pdf(render_pdf(SLIDES))
    return {"encrypted": encrypted_pdf, "corrupt": corrupt_pdf, "zero": zero_page_pdf, "scan": image_only_pdf}[name]()


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("encrypted", "password"),
        ("truncated", "truncated"),
        ("corrupt", "corrupt"),
        ("zero", "no pages"),
        ("scan", "OCR"),
    ],
)
def test_bad_pdf_gives_one_line_error_naming_the_file(tmp_path: Path, name: str, says: str) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(_bad(name))
    with pytest.raises(SourceError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert says in message


def test_image_only_page_needs_ocr_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    path.write_bytes(image_only_pdf(text_pages=(1, 3)))
    pdf = load(path)
    assert [page.needs_ocr for page in pdf.pages] == [False, True, False]
    assert [(w.page, w.message) for w in pdf.warnings] == [(2, "no text layer; needs OCR")]
    assert pdf.pages[1].lines == []
    assert [line.text.strip() for line in pdf.pages[2].lines] == ["Gewone tekst op pagina 3"]


@pytest.mark.slow
def test_huge_pdf(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    path.write_bytes(huge_pdf(REPORT, pages=400))
    pdf = load(path)
    assert len(pdf.pages) == 400
    assert pdf.pages[-1].printed_number == 399
    assert not pdf.warnings


FACT_FIELDS = ("document", "scope", "subject", "row", "credit", "year", "stage", "value", "page")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("sample", [REPORT, SLIDES], ids=["report", "slides"])
def test_same_facts_from_pdf_as_from_text(pdf_files: dict[tuple[str, str], Path], sample: Path, style: str) -> None:
    from begroot.parse import parse

    def facts(source: SourceDocument) -> list[tuple[object, ...]]:
        return sorted(tuple(getattr(f, name) for name in FACT_FIELDS) for f in parse(source).facts)

    text = load(sample)
    pdf = load(pdf_files[sample.stem, style])
    assert pdf.name == text.name
    expected = facts(text)
    assert expected, "the text source gives facts"
    assert facts(pdf) == expected


def test_damaged_page_is_a_warning_and_the_rest_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFium failing on one page (simulated: real damage is hard to make on purpose) costs that page only."""
    import pypdfium2 as pdfium

    from begroot.sources import pdf as pdf_source

    path = tmp_path / "mixed.pdf"
    path.write_bytes(image_only_pdf(text_pages=(1, 2, 3)))
    real = pdf_source._segments
    calls = {"n": 0}

    def failing_on_second_page(textpage):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise pdfium.PdfiumError("simulated damage")
        return real(textpage)

    monkeypatch.setattr(pdf_source, "_segments", failing_on_second_page)
    document = load(path)
    assert [w.code for w in document.warnings] == ["damaged_page"]
    assert document.warnings[0].page == 2 and "damaged page" in document.warnings[0].message
    assert document.pages[1].lines == [] and not document.pages[1].needs_ocr
    assert [line.text.strip() for line in document.pages[2].lines] == ["Gewone tekst op pagina 3"]
