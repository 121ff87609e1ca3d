"""Text files (the output of a PDF-to-text tool) as pages of lines.

Page rule, in order of trust:
1. a form feed (``\\f``) starts a new page (pdftotext and most tools write one);
2. otherwise a line that begins with exactly one space followed by a
   non-space character starts a new page: the layout-preserving converters
   used for BBTs indent the first line of every page by one space.

Limits of rule 2: a table cell that happens to start with one space (a number
right-aligned in its column, a lone "(duizend euro)") also opens a page, and a
page whose first line is empty is not seen. Pages are therefore an inference,
exact only for sources that mark pages (form feeds, PDFs).
A lone number followed by blank lines and a page start is taken as the page
number printed at the foot of the page and recorded on that page.
"""

from __future__ import annotations

import codecs
import re

from ..errors import SourceError
from ..model import Line, Page, SourceDocument, Warning

PAGE_START = re.compile(r"^ (?! )\S")
PRINTED_PAGE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
# Control characters other than tab, newline, carriage return and form feed.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(path: str, data: bytes) -> tuple[str, list[Warning]]:
    """Decode bytes to text; refuse what is clearly not text."""
    if not data.strip():
        raise SourceError(path, "the file is empty")
    warnings: list[Warning] = []
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(path, data.decode(encoding, errors="replace")), warnings
    if _looks_like_utf16(data):
        return _checked(path, data.decode("utf-16-le", errors="replace")), warnings
    if b"\x00" in data[:65536]:
        raise SourceError(path, "binary file (NUL bytes), not a text or PDF document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        warnings.append(Warning("not valid UTF-8; read as Windows-1252/Latin-1", line=line, code="encoding"))
    return _checked(path, text), warnings


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    # ASCII text in UTF-16 LE without BOM: every second byte is NUL.
    return len(sample) >= 4 and sample[1::2].count(0) > 0.9 * len(sample[1::2])


def _checked(path: str, text: str) -> str:
    sample = text[:65536]
    if sample and len(CONTROL.findall(sample)) > 0.01 * len(sample):
        raise SourceError(path, "binary content (control characters), not a text document")
    if not text.strip():
        raise SourceError(path, "the file holds no text")
    return text


def split_pages(name: str, text: str) -> list[Page]:
    """Split decoded text into pages of lines following the module's page rule."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    use_form_feeds = "\f" in text
    pages: list[Page] = [Page(number=1)]
    for number, raw in enumerate(raw_lines, start=1):
        starts_page = False
        if use_form_feeds:
            starts_page = "\f" in raw and number > 1
            raw = raw.replace("\f", "")
        elif PAGE_START.match(raw):
            starts_page = number > 1
        if starts_page and pages[-1].lines:
            _note_printed_number(pages[-1])
            pages.append(Page(number=len(pages) + 1))
        page = pages[-1]
        page.lines.append(Line(text=raw, page=page.number, number=number))
    _note_printed_number(pages[-1])
    return pages


def _note_printed_number(page: Page) -> None:
    """Record a page number printed as the last non-blank line of the page."""
    for line in reversed(page.lines):
        if line.text.strip():
            match = PRINTED_PAGE_NUMBER.match(line.text)
            if match and len(page.lines) > 5:
                page.printed_number = int(match.group(1))
            return


def read_text(path: str, name: str, data: bytes, sha256: str) -> SourceDocument:
    text, warnings = decode(path, data)
    pages = split_pages(name, text)
    return SourceDocument(name=name, path=path, format="text", sha256=sha256, pages=pages, warnings=warnings)
