"""Text files (the output of a PDF-to-text tool) as pages of lines.

Page rule, in order of trust:
1. a form feed (``\\f``) starts a new page (pdftotext and most tools write one);
2. otherwise a line that begins with exactly one space followed by a
   non-space character starts a new page: the layout-preserving converters
   used for BBTs indent the first line of every page by one space (unless such
   lines are too frequent to be page starts: then the text is indented
   throughout and the rule says nothing);
3. otherwise the page furniture (`furniture.py`) marks pages: a printed page
   number ends one, a running header begins one.

Running headers, footers and printed page numbers are taken out of the lines
whatever rule found the pages, so readers never meet them inside a table; the
printed number is kept on its page. Lines keep their indentation in
`Line.indent` (layout-mode converters align table columns with spaces).

Limits of rule 2: a table cell that happens to start with one space also opens
a page. Pages are therefore an inference, exact only for sources that mark
pages (form feeds, PDFs) or print page numbers.
"""

from __future__ import annotations

import codecs
import hashlib
import re

from ..errors import SourceError
from ..model import Line, Page, ReaderWarning, SourceDocument
from ..vocabulary import VOCABULARY, Vocabulary
from .furniture import find_furniture

PAGE_START = re.compile(r"^ (?! )\S")
MIN_LINES_PER_PAGE = 15  # one-space lines more frequent than this are indentation, not page starts
# Control characters other than tab, newline, carriage return and form feed.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def charset(data: bytes) -> str:
    """The encoding `decode` reads `data` in, as a MIME charset name."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _looks_like_utf16(data):
        return "utf-16le"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1252"
    return "utf-8"


def decode(path: str, data: bytes) -> tuple[str, list[ReaderWarning]]:
    """Decode bytes to text; refuse what is clearly not text."""
    if not data or data.isspace():  # not `data.strip()`: a copy of the whole file
        raise SourceError(path, "the file is empty")
    warnings: list[ReaderWarning] = []
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
    except UnicodeDecodeError:
        text, warning = _damaged_or_legacy(data)
        warnings.append(warning)
    return _checked(path, text), warnings


BAD_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte, as surrogateescape keeps it
SHOWN_LINES = 10


def _damaged_or_legacy(data: bytes) -> tuple[str, ReaderWarning]:
    """Bytes that are not all valid UTF-8. A file with no valid multi-byte character is in a one-byte
    encoding (Windows-1252, which Latin-1 text reads the same in) and is read as such; a UTF-8 file
    with a few bad bytes stays UTF-8, each bad byte replaced (U+FFFD) and its line named, rather than
    the whole file read in another encoding."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = [match.start() for match in BAD_BYTE.finditer(escaped)]
    valid_multibyte = sum(1 for char in escaped if char > "\x7f") - len(bad)
    if valid_multibyte == 0:
        first = escaped.count("\n", 0, bad[0]) + 1
        return data.decode("cp1252", errors="replace"), ReaderWarning(
            "not UTF-8: read as Windows-1252 (Latin-1)", line=first, code="encoding"
        )
    lines = sorted({escaped.count("\n", 0, position) + 1 for position in bad[:1000]})
    shown = ", ".join(str(line) for line in lines[:SHOWN_LINES]) + (" ..." if len(lines) > SHOWN_LINES else "")
    message = f"{len(bad)} invalid UTF-8 byte{'s' if len(bad) != 1 else ''} replaced (U+FFFD) on line{'s' if len(lines) != 1 else ''} {shown}"
    return BAD_BYTE.sub("\ufffd", escaped), ReaderWarning(message, line=lines[0], code="encoding")


def text_identity(text: str) -> str:
    """A text document's content hash, the same whatever its encoding, byte-order mark or line endings:
    the text with line feeds, as UTF-8. (For a UTF-8 file with line feeds, its bytes' sha256.)"""
    digest, text = hashlib.sha256(), _line_feeds(text)
    for start in range(0, len(text), HASH_CHUNK):  # a chunk at a time: never a second copy of the whole text
        digest.update(text[start : start + HASH_CHUNK].encode("utf-8", errors="surrogatepass"))
    return digest.hexdigest()


HASH_CHUNK = 1 << 20  # characters


def _line_feeds(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


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


def split_pages(text: str, vocab: Vocabulary = VOCABULARY) -> list[Page]:
    """Split decoded text into pages of lines following the module's page rule."""
    text = _line_feeds(text)
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    page_of = _marked_pages(raw_lines, text)
    if "\f" in text:
        raw_lines = [raw.replace("\f", "") for raw in raw_lines]
    # Most texts hold no tab: their indentation is counted without a call per line (`_indent`).
    indents = (
        [_indent(raw) for raw in raw_lines] if "\t" in text else [len(raw) - len(raw.lstrip()) for raw in raw_lines]
    )
    stripped = [raw.strip() for raw in raw_lines]
    count = len(raw_lines)
    del raw_lines  # a long document: hold its lines once
    furniture = find_furniture(stripped, page_of, vocab)
    if page_of is None:
        page_of = _pages_from_starts(count, furniture.starts)
    pages: dict[int, Page] = {}
    page = Page(number=0)
    for index, (content, indent) in enumerate(zip(stripped, indents, strict=True)):
        if page.number != page_of[index]:
            page = pages.setdefault(page_of[index], Page(number=page_of[index]))
        if index in furniture.printed:
            page.printed_number = furniture.printed[index]
        if index in furniture.lines:
            continue
        page.lines.append(Line(content, page.number, index + 1, indent))
    return [pages[number] for number in sorted(pages)] or [Page(number=1)]


def _indent(raw: str) -> int:
    if "\t" in raw:
        raw = raw.expandtabs(8)
    return len(raw) - len(raw.lstrip())


def _marked_pages(raw_lines: list[str], text: str) -> list[int] | None:
    """Each line's page when the text marks pages (rules 1 and 2), else None."""
    if "\f" in text:
        starts = [("\f" in raw and number > 0) for number, raw in enumerate(raw_lines)]
    else:
        # A page start begins with one space, and no second: most lines fail on those two characters.
        starts = [raw[:1] == " " and raw[1:2] != " " and bool(PAGE_START.match(raw)) and number > 0
                  for number, raw in enumerate(raw_lines)]  # fmt: skip
        if not any(starts) or sum(starts) > len(raw_lines) / MIN_LINES_PER_PAGE:
            return None
    pages, page, has_text = [], 1, False
    for raw, starts_page in zip(raw_lines, starts, strict=True):
        if starts_page and has_text:  # a run of empty lines opens no page
            page, has_text = page + 1, False
        has_text = has_text or bool(raw.strip())
        pages.append(page)
    return pages


def _pages_from_starts(count: int, starts: set[int]) -> list[int]:
    pages, page = [], 1
    for index in range(count):
        if index in starts and index > 0:
            page += 1
        pages.append(page)
    return pages


def read_text(path: str, name: str, data: bytes, vocab: Vocabulary = VOCABULARY) -> SourceDocument:
    text, warnings = decode(path, data)
    sha256 = text_identity(text)  # the same text in another encoding is the same document
    pages = split_pages(text, vocab)
    return SourceDocument(name=name, path=path, format="text", sha256=sha256, pages=pages, warnings=warnings)
