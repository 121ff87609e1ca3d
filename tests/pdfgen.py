"""Test PDFs made by the test suite itself: realistic renderings of the sample text
documents, and broken PDFs.

`render_pdf(txt_path)` draws one A4 page per page of the text source, each
non-blank line at its own baseline in Helvetica (a proportional font, so
character counts say nothing about positions). Table rows (a label followed by
two or more numbers) are drawn as a left label and right-aligned number columns;
`style="grid"` also rules every cell. Every page but the cover carries a running
header and a printed page number at the foot; footnotes (trailing lines that
start with a small number) are set smaller at the foot of the page.

Characters outside Helvetica's WinAnsi encoding (−, ●, →, ...) are drawn in
DejaVu Sans when it is installed; otherwise `drawn_text` tells what was drawn
instead, so tests can compare like with like.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from itertools import cycle, islice, pairwise
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
LEFT, RIGHT = 56.0, WIDTH - 56.0
BODY_TOP, BODY_BOTTOM = HEIGHT - 72.0, 72.0  # first and lowest body baselines
HEADER_Y, FOOTER_Y = HEIGHT - 36.0, 34.0
HEADER = "Beleids- en begrotingstoelichting"
DOMAIN = "Werk en Sociale Economie"
FONT = "Helvetica"
FALLBACK = "DejaVuSans"
FALLBACK_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# Used only when no fallback font is installed.
SUBSTITUTES = {"\u2212": "-", "\u25cf": "\u2022", "\u2500": "-", "\u2192": "->", "\u0336": ""}

NUMBER = re.compile(r"^[-\u2212+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?$")
FOOTNOTE = re.compile(r"^\s*\d{1,2} +[^\d\s]")
MAX_LEADING, MAX_SIZE, MIN_SIZE = 14.0, 10.0, 3.0


def _fallback_available() -> bool:
    if FALLBACK in pdfmetrics.getRegisteredFontNames():
        return True
    if not FALLBACK_FILE.exists():
        return False
    pdfmetrics.registerFont(TTFont(FALLBACK, str(FALLBACK_FILE)))
    return True


HAS_FALLBACK = _fallback_available()


def _in_helvetica(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def drawn_text(text: str) -> str:
    """The text as it ends up in the PDF (equal to `text` when DejaVu Sans is installed)."""
    if HAS_FALLBACK:
        return text
    return "".join(c if _in_helvetica(c) else SUBSTITUTES.get(c, "?") for c in text)


def _runs(text: str) -> list[tuple[str, str]]:
    """Split text into (font, text) runs: Helvetica where it can, the fallback elsewhere."""
    runs: list[tuple[str, str]] = []
    for char in drawn_text(text):
        font = FONT if _in_helvetica(char) else FALLBACK
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def text_width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in _runs(text))


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    for font, run in _runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)


def split_row(text: str) -> tuple[str, list[str]] | None:
    """A table row is a label (maybe empty) followed by two or more numbers."""
    tokens = text.split()
    start = len(tokens)
    while start > 0 and NUMBER.match(tokens[start - 1]):
        start -= 1
    numbers = tokens[start:]
    return (" ".join(tokens[:start]), numbers) if len(numbers) >= 2 else None


def _fit(text: str, size: float, width: float) -> float:
    while size > MIN_SIZE and text_width(text, size) > width:
        size *= 0.92
    return size


class _PageWriter:
    """Draws one page's lines; `leading` and `size` are chosen so that all lines fit."""

    def __init__(self, canvas: Canvas, style: str, leading: float):
        self.canvas = canvas
        self.style = style
        self.leading = leading
        self.size = min(MAX_SIZE, leading / 1.2)

    def line(self, y: float, text: str, size: float | None = None) -> None:
        size = size or self.size
        row = split_row(text)
        if row is None or not self._row(y, *row, size=size):
            text = text.strip()
            draw_text(self.canvas, LEFT, y, text, _fit(text, size, RIGHT - LEFT))

    def _row(self, y: float, label: str, numbers: list[str], size: float) -> bool:
        """Label left, numbers right-aligned in columns; False when it cannot fit."""
        while size >= MIN_SIZE:
            gap = 1.5 * size
            column = max(text_width("0.000.000", size), *(text_width(n, size) for n in numbers)) + gap
            first_left = RIGHT - len(numbers) * column + gap
            if LEFT + text_width(label, size) + gap <= first_left:
                break
            size *= 0.9
        else:
            return False
        rights = [RIGHT - (len(numbers) - 1 - i) * column for i in range(len(numbers))]
        if label:
            draw_text(self.canvas, LEFT, y, label, size)
        for right, number in zip(rights, numbers, strict=True):
            draw_text(self.canvas, right - text_width(number, size), y, number, size)
        if self.style == "grid":
            self._rule_cells(y, [LEFT - 3, *(r - column + gap / 2 for r in rights), RIGHT + 3], size)
        return True

    def _rule_cells(self, y: float, edges: list[float], size: float) -> None:
        bottom, height = y - 0.35 * size, 1.3 * size
        for left, right in pairwise(edges):
            self.canvas.rect(left, bottom, right - left, height, stroke=1, fill=0)


def _split_footnotes(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """Trailing lines that look like footnotes ("3 Zie ook ...") go to the foot."""
    body = list(lines)
    notes: list[str] = []
    while body and (not body[-1].strip() or FOOTNOTE.match(body[-1])):
        line = body.pop()
        if line.strip():
            notes.insert(0, line)
    return body, notes


def _units(lines: Sequence[str]) -> float:
    """Vertical space in leadings: a line is 1, a run of blank lines 0.5."""
    units, blank = 0.0, False
    for line in lines:
        if line.strip():
            units += 1 + (0.5 if blank and units else 0)
            blank = False
        else:
            blank = True
    return units


def _draw_page(canvas: Canvas, lines: Sequence[str], style: str) -> None:
    body, notes = _split_footnotes(lines)
    units = _units(body) + (0.85 * len(notes) + 1 if notes else 0)
    writer = _PageWriter(canvas, style, min(MAX_LEADING, (BODY_TOP - BODY_BOTTOM) / max(units - 1, 1)))
    y, blank = BODY_TOP, False
    for line in body:
        if not line.strip():
            blank = True
            continue
        if blank and y < BODY_TOP:
            y -= writer.leading / 2
        writer.line(y, line)
        y -= writer.leading
        blank = False
    note_leading = 0.85 * writer.leading
    y = BODY_BOTTOM + (len(notes) - 1) * note_leading
    if notes:
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, y + note_leading, LEFT + 120, y + note_leading)
    for note in notes:
        writer.line(y, note, size=0.8 * writer.size)
        y -= note_leading


def _draw_running(canvas: Canvas, domain: str, printed: int) -> None:
    draw_text(canvas, LEFT, HEADER_Y, f"{HEADER} {domain}", 8)
    canvas.setLineWidth(0.5)
    canvas.line(LEFT, HEADER_Y - 4, RIGHT, HEADER_Y - 4)
    number = str(printed)
    draw_text(canvas, (WIDTH - text_width(number, 9)) / 2, FOOTER_Y, number, 9)


def render_pages(
    pages: Sequence[Sequence[str]], style: str = "columns", domain: str = DOMAIN, number_from: int = 2
) -> bytes:
    """One A4 page per list of lines; pages from `number_from` on get header and number 1, 2, ..."""
    if style not in ("columns", "grid"):
        raise ValueError(f"unknown style {style!r}")
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    for index, lines in enumerate(pages, start=1):
        _draw_page(canvas, lines, style)
        if index >= number_from:
            _draw_running(canvas, domain, index - number_from + 1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def source_pages(txt_path: str | Path) -> list[list[str]]:
    """The pages of a text document as the text source reads them."""
    from begroot.sources import load

    return [[line.text for line in page.lines] for page in load(txt_path).pages]


def render_pdf(
    txt_path: str | Path, style: str = "columns", pages: int | None = None, domain: str = DOMAIN, number_from: int = 2
) -> bytes:
    """Render a text document as a PDF; `pages` repeats its pages cyclically up to that count."""
    content = source_pages(txt_path)
    if pages is not None:
        content = list(islice(cycle(content), pages))
    return render_pages(content, style, domain, number_from)


# --------------------------------------------------------------------------- bad PDFs


def encrypted_pdf(user_password: str = "geheim") -> bytes:
    """A PDF that opens only with a password; with user_password="" it opens freely but
    forbids copying (owner-password protection, common for published documents)."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    out = io.BytesIO()
    encrypt = StandardEncryption(user_password, ownerPassword="eigenaar", canCopy=0, canModify=0)
    canvas = Canvas(out, pagesize=A4, encrypt=encrypt)
    canvas.drawString(LEFT, BODY_TOP, "Vertrouwelijk")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def truncated_pdf(data: bytes, keep: float = 0.6) -> bytes:
    """The first part of a PDF, as left by an interrupted download."""
    return data[: int(len(data) * keep)]


def corrupt_pdf() -> bytes:
    """A PDF header and trailer around garbage."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


def image_only_pdf(text_pages: Sequence[int] = ()) -> bytes:
    """Three pages holding only an image and a frame (a scan), except `text_pages` (1-based)."""
    from PIL import Image

    image = Image.linear_gradient("L").resize((120, 80))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(1, 4):
        if number in text_pages:
            canvas.setFont(FONT, 10)
            canvas.drawString(LEFT, BODY_TOP, f"Gewone tekst op pagina {number}")
        else:
            canvas.drawImage(ImageReader(image), LEFT, 300, width=WIDTH - 2 * LEFT, height=400)
            canvas.rect(LEFT, 300, WIDTH - 2 * LEFT, 400)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (/Count 0): reportlab cannot make one."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def huge_pdf(txt_path: str | Path, pages: int = 400) -> bytes:
    """Hundreds of pages: the text document's pages repeated."""
    return render_pdf(txt_path, pages=pages)


# --------------------------------------------------------------------------- scrambled content order

SCRAMBLED_ROWS = [
    ("1e BA", ["256.233", "1.000", "0", "3.182.627", "3.182.338"]),
    ("1e BA-JR", ["256.233", "1.000", "0", "3.202.966", "3.226.757"]),
    ("BU", ["282.521", "-56", "0", "3.080.259", "3.078.121"]),
]


def scrambled_table_pdf() -> tuple[bytes, list[str]]:
    """A table drawn column by column, labels last, as some producers write them.

    Returns the PDF and the lines a reader should rebuild, top to bottom.
    """
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont(FONT, 10)
    ys = [BODY_TOP - 40 - 16 * i for i in range(len(SCRAMBLED_ROWS))]
    for column in reversed(range(5)):  # right column first
        right = RIGHT - (4 - column) * 70
        for y, (_, numbers) in zip(ys, SCRAMBLED_ROWS, strict=True):
            canvas.drawRightString(right, y, numbers[column])
    for y, (label, _) in zip(ys, SCRAMBLED_ROWS, strict=True):
        canvas.drawString(LEFT, y, label)
    canvas.drawString(LEFT, BODY_TOP, "PROGRAMMA JD – WERK")
    canvas.showPage()
    canvas.save()
    expected = ["PROGRAMMA JD – WERK"] + [" ".join([label, *numbers]) for label, numbers in SCRAMBLED_ROWS]
    return out.getvalue(), expected
