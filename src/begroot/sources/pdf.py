"""PDF documents as pages of lines, like the text source makes of text files.

Text comes from PDFium (pypdfium2): one call gives a page's text in content
order, split by PDFium into *segments* (runs of text it found on one line).
Content order is not reading order: a table may be drawn column by column, a
row label after its numbers. So lines are rebuilt from positions: every segment
is placed by the baseline and x of its first character, segments are grouped
into lines by baseline and ordered by x, and a space is put wherever there is a
horizontal gap between them (one space for the wide gap between table columns,
so a table row reads "label n1 n2 n3" as in the text files). Asking PDFium for
positions per segment, not per character, keeps this close to bare text speed.

Running headers and footers (the same text, digits aside, at the top or bottom
of many pages) and page numbers printed on the page are left out of the lines;
the printed number is kept in `Page.printed_number`. Where a page with a row of
numbers draws a table's grid, each line standing in a ruled row gets that row's
`Band` (`sources/rules.py`), so the table reader need not guess which lines of a
wrapped label belong together. See docs/pdf.md.
"""

from __future__ import annotations

import ctypes
import re
import statistics
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import SourceError
from ..model import Line, Page, ReaderWarning, SourceDocument
from ..vocabulary import VOCABULARY, Vocabulary
from .rules import BandKey, Placed, band_objects, bands, read_rules

SEGMENT = re.compile(r"[^\r\n]+")
HYPHEN = re.compile("[-\xad\u2010\u2011]")
WORDS = re.compile(r"\S+")
NUMBER_RUN = re.compile(r"\d\s+[-−–]?\d")  # two numbers side by side: a table row
DIGITS = re.compile(r"\d+")
# A page number at either end of a running header or footer line.
EDGE_NUMBER = re.compile(r"^(\d{1,4})\s|\s(\d{1,4})$")

EMPTY_PAGE_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b|/Count\s+0\b[^>]*/Type\s*/Pages\b")

EDGE_ZONE = 0.12  # headers and footers sit in the top and bottom 12% of the page
RUNNING_SHARE = 0.3  # ... and repeat on at least this share of the pages with text
SAME_LINE = 0.35  # baselines closer than this many font sizes are one line
WORD_GAP = 0.1  # a horizontal gap wider than this many font sizes is a space
MAX_LABEL_WORDS = 8  # segments of fewer words get exact word boxes (labels); so do segments with numbers
PARAGRAPH_GAP = 1.4  # a line pitch this many times the usual one is a blank line
# PDFium marks a hyphen it takes for a line-end hyphenation (U+FFFE, STX); one for one so indexes hold.
PDFIUM_CHARACTERS = str.maketrans({"\x02": "-", "\ufffe": "-", "\x00": " "})


# PDFium is not thread-safe (one library state per process); the API may read in threads.
_PDFIUM = threading.Lock()


WordBox = list[Any]  # [text, x0, x1]: a word of a segment with the x of its first and last character


@dataclass
class _Segment:
    text: str
    x: float  # left of the first character
    right: float  # right of the last character
    y: float  # baseline
    size: float  # font size
    words: list[WordBox] | None = None  # [text, x0, x1] of each word when the segment holds several


@dataclass
class _Row:
    """A rebuilt line of a page, before headers and footers are taken out."""

    text: str
    y: float
    size: float
    running: bool = False
    xs: tuple[float, ...] = ()  # x0, x1 of each word
    band: BandKey | None = None  # the ruled table row it stands in (sources/rules.py)


@dataclass
class _PageText:
    number: int
    height: float
    rows: list[_Row]
    printed: int | None = None
    damaged: str = ""  # why the page could not be read; the other pages still are


def read_pdf(path: str, name: str, data: bytes, sha256: str, vocab: Vocabulary = VOCABULARY) -> SourceDocument:
    """Read a PDF into pages of lines; raise SourceError for PDFs that cannot be read."""
    texts = _read_texts(path, data, vocab)
    if not any(text.rows for text in texts):
        if all(text.damaged for text in texts):
            raise SourceError(path, "damaged PDF: no page can be read")
        raise SourceError(path, "no page has a text layer (scanned images?); run OCR first")
    pages, warnings = _pages(texts)
    return SourceDocument(name=name, path=path, format="pdf", sha256=sha256, pages=pages, warnings=warnings)


def read_pdf_geometry(path: str, data: bytes, vocab: Vocabulary = VOCABULARY) -> dict[int, tuple[float, float, float]]:
    """Where each line of `read_pdf` stands: line number -> (top, bottom, page height), in points from
    the top of its page. The pages are read as `read_pdf` reads them, so the line numbers are the same;
    the page views box figures with these and the words' x (`Line.xs`)."""
    texts = _read_texts(path, data, vocab)
    places: dict[int, tuple[float, float, float]] = {}
    number = 0
    for text in texts:
        for row in _with_blank_lines([row for row in text.rows if not row.running]):
            number += 1
            if row is not None:  # the baseline, a font size up (ascenders) and a quarter down (descenders)
                places[number] = (text.height - row.y - row.size, text.height - row.y + 0.25 * row.size, text.height)
    return places


def _read_texts(path: str, data: bytes, vocab: Vocabulary) -> list[_PageText]:
    """Every page's rows, running headers and printed page numbers marked: what `read_pdf` and
    `read_pdf_geometry` both start from, so their line numbers agree."""
    with _PDFIUM:
        pdf = _open(path, data)
        try:
            texts = [_read_page(pdf, index) for index in range(len(pdf))]
        finally:
            pdf.close()
    if any(text.rows for text in texts):
        _mark_running(texts, vocab)
        _find_printed_numbers(texts, vocab)
    return texts


# --------------------------------------------------------------------------- opening


def _open(path: str, data: bytes) -> pdfium.PdfDocument:
    # PDFium quietly rebuilds a cut-off file; an interrupted download should not pass
    # unnoticed. Readers look for the marker in the last 1024 bytes; allow some junk.
    if b"%%EOF" not in data[-2048:]:
        raise SourceError(path, "truncated PDF (no end-of-file marker); the file is incomplete")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise SourceError(path, _open_error(error, data)) from error
    if len(pdf) == 0:
        pdf.close()
        raise SourceError(path, "the PDF has no pages")
    return pdf


def _open_error(error: pdfium.PdfiumError, data: bytes) -> str:
    # PDFium refuses an empty page tree without setting an error code, so the
    # code it reports is then stale (left by an earlier file): look first.
    if EMPTY_PAGE_TREE.search(data):
        return "the PDF has no pages"
    code = getattr(error, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return "encrypted PDF (needs a password); save an unprotected copy first"
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "encrypted PDF with an unsupported security handler"
    return "corrupt PDF (cannot be opened)"


# --------------------------------------------------------------------------- one page


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _PageText:
    """One page's rows; a page PDFium cannot load or read is marked damaged, not fatal."""
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return _PageText(number=index + 1, height=0.0, rows=[], damaged="damaged page (cannot be loaded)")
    try:
        textpage = page.get_textpage()
        try:
            segments = _segments(textpage)
        finally:
            textpage.close()
        rows = _rows(segments)
        if any(NUMBER_RUN.search(row.text) for row in rows):  # a row of numbers: a table, perhaps ruled
            _find_bands(page, rows)
        return _PageText(number=index + 1, height=page.get_height(), rows=rows)
    except pdfium.PdfiumError:
        return _PageText(number=index + 1, height=0.0, rows=[], damaged="damaged page (text cannot be read)")
    finally:
        page.close()


def _find_bands(page: pdfium.PdfPage, rows: list[_Row]) -> None:
    """The ruled table row (band) of each row, where the page draws a table's grid."""
    rules = read_rules(page.raw)
    if not rules:
        return
    placed = [Placed(row.y, row.size, row.xs[0], row.xs[-1]) for row in rows if row.xs]
    for row, key in zip([row for row in rows if row.xs], bands(placed, rules), strict=True):
        row.band = key


def _segments(textpage: pdfium.PdfTextPage) -> list[_Segment]:
    """The page's text segments with the position of their first and last characters."""
    text = textpage.get_text_range().translate(PDFIUM_CHARACTERS)
    if not text.strip():
        return []
    raw = textpage.raw
    # Text and character indexes agree unless PDFium dropped or expanded characters.
    aligned = len(text) == pdfium_c.FPDFText_CountChars(raw)

    def char(index: int) -> int:
        return index if aligned else pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, index)

    segments = []
    for match in SEGMENT.finditer(text):
        for start, end in _unhyphenate(raw, text, match.start(), match.end(), char):
            content = text[start:end]
            stripped = content.strip()
            if stripped:
                first = start + len(content) - len(content.lstrip())
                last = start + len(content.rstrip()) - 1
                segment = _place(raw, stripped, char(first), char(last))
                if " " in stripped and _may_be_tabular(stripped):
                    segment.words = _word_boxes(raw, stripped, first, char)
                segments.append(segment)
    return segments


def _may_be_tabular(text: str) -> bool:
    """Numbers or a short label: words whose columns matter. Long prose runs keep interpolated word x (cheaper)."""
    return text.count(" ") < MAX_LABEL_WORDS or bool(NUMBER_RUN.search(text))


def _word_boxes(raw: object, text: str, first: int, char: Callable[[int], int]) -> list[WordBox]:
    """Each word of a segment with the x of its first and last character (two PDFium calls a word):
    columns and cells are told apart by where words stand, so they must be exact."""
    words = []
    for match in WORDS.finditer(text):
        pdfium_c.FPDFText_GetCharOrigin(raw, char(first + match.start()), _X, _Y)
        left = _X.value
        right = _RIGHT.value if pdfium_c.FPDFText_GetCharBox(raw, char(first + match.end() - 1), _LEFT, _RIGHT,
                                                               _BOTTOM, _TOP) else left  # fmt: skip
        words.append([match.group(), left, max(right, left)])
    return words


def _unhyphenate(raw: object, text: str, start: int, end: int, char: Callable[[int], int]) -> list[tuple[int, int]]:
    """Split a segment where PDFium joined a hyphenated line end to the next line.

    PDFium glues "Noord-" and "Frankrijk" on the next line into one word; the
    text files keep them on two lines, and so do we.
    """
    pieces = []
    for hyphen in HYPHEN.finditer(text, start, end - 1):
        pdfium_c.FPDFText_GetCharOrigin(raw, char(hyphen.start()), _X, _Y)
        above = _Y.value
        pdfium_c.FPDFText_GetCharOrigin(raw, char(hyphen.end()), _X, _Y)
        size = pdfium_c.FPDFText_GetFontSize(raw, char(hyphen.end())) or 10.0
        if above - _Y.value > SAME_LINE * size:
            pieces.append((start, hyphen.end()))
            start = hyphen.end()
    pieces.append((start, end))
    return pieces


_X, _Y, _LEFT, _RIGHT, _BOTTOM, _TOP = (ctypes.c_double() for _ in range(6))


def _place(raw: object, text: str, first: int, last: int) -> _Segment:
    """Position a segment with three PDFium calls (per character would be 6x slower)."""
    pdfium_c.FPDFText_GetCharOrigin(raw, first, _X, _Y)
    size = pdfium_c.FPDFText_GetFontSize(raw, first) or 10.0
    if pdfium_c.FPDFText_GetCharBox(raw, last, _LEFT, _RIGHT, _BOTTOM, _TOP):
        right = _RIGHT.value
    else:
        right = _X.value + 0.5 * size * len(text)
    return _Segment(text, _X.value, right, _Y.value, size)


def _rows(segments: list[_Segment]) -> list[_Row]:
    """Group segments into lines by baseline (top to bottom), each ordered by x."""
    rows: list[_Row] = []
    group: list[_Segment] = []
    for segment in sorted(segments, key=lambda s: (-s.y, s.x)):
        if group and group[0].y - segment.y > SAME_LINE * max(group[0].size, segment.size):
            rows.append(_join(group))
            group = []
        group.append(segment)
    if group:
        rows.append(_join(group))
    return rows


def _join(group: list[_Segment]) -> _Row:
    """One line from its segments: words in x order, a space wherever there is a horizontal gap."""
    pieces: list[WordBox] = []  # [text, x0, x1] per word
    previous: _Segment | None = None
    for segment in sorted(group, key=lambda s: s.x):
        words = _segment_words(segment)
        glued = previous is not None and segment.x - previous.right <= WORD_GAP * segment.size
        if glued and pieces and words:  # no gap: the segment goes on the word before it
            first = words.pop(0)
            pieces[-1][0] += first[0]
            pieces[-1][2] = first[2]
        pieces.extend(words)
        previous = segment
    text = " ".join(piece[0] for piece in pieces)
    xs = tuple(x for piece in pieces for x in (piece[1], piece[2]))
    return _Row(text=text, y=group[0].y, size=max(s.size for s in group), xs=xs)


def _segment_words(segment: _Segment) -> list[WordBox]:
    """The words of a segment with their x: exact where measured, else interpolated along the segment."""
    if segment.words is not None:
        return [list(word) for word in segment.words]
    width = max(segment.right - segment.x, 0.0)
    length = max(len(segment.text), 1)
    return [
        [m.group(), segment.x + width * m.start() / length, segment.x + width * m.end() / length]
        for m in WORDS.finditer(segment.text)
    ]


# --------------------------------------------------------------------------- headers, footers, page numbers


def _edge_rows(text: _PageText) -> list[_Row]:
    """The first two and last two rows of a page, when they lie in the header or footer zone."""
    rows = text.rows[:2] + text.rows[-2:] if len(text.rows) > 4 else text.rows
    return [row for row in rows if _in_zone(row, text.height)]


def _in_zone(row: _Row, height: float) -> bool:
    return row.y > height * (1 - EDGE_ZONE) or row.y < height * EDGE_ZONE


def _key(row: _Row) -> str:
    """What repeats on every page: the text with its digits masked (page numbers vary)."""
    return DIGITS.sub("#", row.text).lower()


def _mark_running(texts: list[_PageText], vocab: Vocabulary) -> None:
    """Mark rows repeated at the top or bottom of many pages as running headers and footers."""
    with_text = sum(1 for text in texts if text.rows)
    if with_text < 2:
        return
    counts = Counter(key for text in texts for key in {_key(row) for row in _edge_rows(text)})
    needed = max(2, RUNNING_SHARE * with_text)
    for text in texts:
        for row in _edge_rows(text):
            repeated = counts[_key(row)] >= needed
            row.running = repeated and not vocab.page_number.match(row.text) and not vocab.is_content_line(row.text)
        # A header frames body text; a page holding nothing else keeps its lines.
        if all(row.running for row in text.rows):
            for row in text.rows:
                row.running = False


def _number_candidates(text: _PageText, vocab: Vocabulary) -> list[tuple[_Row, int]]:
    """Rows that may hold the printed page number: a lone number, or one ending a running line."""
    body = [row for row in text.rows if not row.running]
    outer = [row for row in (body[:1] + body[-1:]) if _in_zone(row, text.height)]
    found = [(row, int(m.group(1))) for row in outer if (m := vocab.page_number.match(row.text))]
    for row in text.rows:
        if row.running and (m := EDGE_NUMBER.search(row.text)):
            found.append((row, int(m.group(1) or m.group(2))))
    return found


def _find_printed_numbers(texts: list[_PageText], vocab: Vocabulary) -> None:
    """Keep the candidates that count along with the pages (same offset on two or more pages).

    A lone number that does not follow the sequence (a table total at the foot of
    a page) stays a line of text.
    """
    candidates = {text.number: _number_candidates(text, vocab) for text in texts}
    offsets = Counter(n - number for number, found in candidates.items() for _, n in found)
    single_page = len(texts) == 1
    for text in texts:
        for row, printed in candidates[text.number]:
            if single_page or offsets[printed - text.number] >= 2:
                text.printed = printed
                row.running = True
                break


# --------------------------------------------------------------------------- pages of lines


def _pages(texts: list[_PageText]) -> tuple[list[Page], list[ReaderWarning]]:
    pages: list[Page] = []
    warnings: list[ReaderWarning] = []
    number = 0
    made = 0  # bands so far: their ids are unique in the document
    for text in texts:
        page = Page(number=text.number, printed_number=text.printed, needs_ocr=not text.rows and not text.damaged)
        if text.damaged:
            warnings.append(
                ReaderWarning(f"{text.damaged}; its text is left out", page=text.number, code="damaged_page")
            )
        elif page.needs_ocr:
            warnings.append(ReaderWarning("no text layer; needs OCR", page=text.number, code="needs_ocr"))
        body = [row for row in text.rows if not row.running]
        banded = band_objects([row.band for row in body], text.number, made)
        made += len({band.id for band in banded if band is not None})
        band_of = {id(row): band for row, band in zip(body, banded, strict=True)}
        for row in _with_blank_lines(body):
            number += 1
            if row is None:
                page.lines.append(Line(text="", page=text.number, number=number))
                continue
            indent = row.xs[0] if row.xs else 0.0
            page.lines.append(Line(row.text, text.number, number, indent, row.xs, band_of[id(row)]))
        pages.append(page)
    return pages, warnings


def _with_blank_lines(rows: list[_Row]) -> list[_Row | None]:
    """The rows with None where the vertical gap is wider than usual (a paragraph break)."""
    pitches = [above.y - below.y for above, below in pairwise(rows)]
    usual = statistics.median(pitches) if pitches else 0.0
    lines: list[_Row | None] = [rows[0]] if rows else []
    for pitch, row in zip(pitches, rows[1:], strict=True):
        if pitch > PARAGRAPH_GAP * usual:
            lines.append(None)
        lines.append(row)
    return lines
