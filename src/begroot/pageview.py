"""A document's pages as the reader saw them: the lines of each page with where their words stand,
the figures read from a line found among its words, and a PDF page rendered as an image.

Everything here is made from the original file the store keeps (`store/originals.py`), read again
by the same source readers as at ingest, so line numbers are those of every fact and finding. Reading
a whole document once per page would be slow, so the pages (and rendered images) are kept in a
bounded cache on disk (`PageCache`) beside the database.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .parse.numbers import parse_int

SCALE = 2.0  # 144 dpi: a table's figures stay readable on a phone when zoomed
CACHE_BYTES = 512 * 1024 * 1024  # the page cache's size limit; the oldest files go first
CACHE_ENV = "BEGROOT_PAGE_CACHE"  # a folder for the cache instead of the default
SIGNS = ("-", "−", "–")


@dataclass
class PageLine:
    number: int
    text: str
    words: list[tuple[int, int, float, float]]  # start, end in `text`; x0, x1 on the page (PDF points)
    top: float | None = None  # PDF: points from the top of the page
    bottom: float | None = None


@dataclass
class PageText:
    number: int
    lines: list[PageLine]
    width: float | None = None  # PDF: the page's size in points
    height: float | None = None


def read_pages(label: str, data: bytes) -> list[PageText]:
    """The pages of a document file with their lines, read as at ingest (same pages, same line numbers)."""
    from .sources import is_pdf, load_bytes

    source = load_bytes(label, data)
    places: dict[int, tuple[float, float, float]] = {}
    sizes: list[tuple[float, float]] = []
    if is_pdf(data):
        from .sources.pdf import read_pdf_geometry

        places = read_pdf_geometry(label, data)
        sizes = pdf_page_sizes(data)
    pages = []
    for page in source.pages:
        lines = []
        for line in page.lines:
            words = [(w.start, w.end, w.x0, w.x1) for w in line.positioned_words()]
            top, bottom, _ = places.get(line.number, (None, None, None))
            lines.append(PageLine(line.number, line.text, words, top, bottom))
        width, height = sizes[page.number - 1] if page.number <= len(sizes) else (None, None)
        pages.append(PageText(page.number, lines, width, height))
    return pages


def pdf_page_sizes(data: bytes) -> list[tuple[float, float]]:
    import pypdfium2 as pdfium

    from .sources.pdf import _PDFIUM

    with _PDFIUM:
        pdf = pdfium.PdfDocument(data)
        try:
            return [tuple(pdf.get_page_size(index)) for index in range(len(pdf))]
        finally:
            pdf.close()


def render_page(data: bytes, number: int, scale: float = SCALE) -> bytes:
    """Page `number` (1-based) of a PDF as PNG."""
    import pypdfium2 as pdfium

    from .sources.pdf import _PDFIUM

    with _PDFIUM:
        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[number - 1]
            try:
                image = page.render(scale=scale).to_pil()
            finally:
                page.close()
        finally:
            pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=3)
    return out.getvalue()


# --------------------------------------------------------------------------- figures on a line


def figure_words(line: PageLine, facts: Iterable[dict[str, Any]]) -> dict[int, tuple[int, int]]:
    """fact id -> the span (start, end in the line's text) of the word that prints its value.

    A fact knows its line and value, not its column: each fact, in the order they were read (left to
    right, as a row's columns are), takes the first word not taken yet that reads as its value. A sign
    printed apart from its number ("- 1.234") is one figure with it."""
    numbers = _numbers(line)
    taken: set[int] = set()
    found: dict[int, tuple[int, int]] = {}
    for fact in facts:
        for index, (start, end, value) in enumerate(numbers):
            if index not in taken and value == fact["value"]:
                taken.add(index)
                found[fact["id"]] = (start, end)
                break
    return found


def _numbers(line: PageLine) -> list[tuple[int, int, int]]:
    numbers = []
    words = line.words
    for i, (start, end, _, _) in enumerate(words):
        token = line.text[start:end]
        value = parse_int(token.strip("()"))
        if value is not None:
            previous = line.text[words[i - 1][0] : words[i - 1][1]] if i else ""
            if previous in SIGNS:
                numbers.append((words[i - 1][0], end, -value))
            numbers.append((start, end, value))
    return numbers


def word_box(line: PageLine, span: tuple[int, int]) -> tuple[float, float] | None:
    """The x0, x1 of the words covering `span` of the line (PDF points)."""
    xs = [(x0, x1) for start, end, x0, x1 in line.words if start < span[1] and end > span[0]]
    return (min(x for x, _ in xs), max(x for _, x in xs)) if xs else None


# --------------------------------------------------------------------------- a page with its figures


def page_lines(page: PageText, facts: list[dict[str, Any]], findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_line: dict[int, list[dict[str, Any]]] = {}
    for fact in facts:
        by_line.setdefault(fact["source_line"], []).append(fact)
    flagged: dict[int, list[str]] = {}
    for finding in findings:
        for number in finding["lines"]:
            flagged.setdefault(number, []).append(finding["finding_id"])
    lines = []
    for line in page.lines:
        spans = figure_words(line, by_line.get(line.number, []))
        figures = [figure(page, line, fact, spans.get(fact["id"])) for fact in by_line.get(line.number, [])]
        lines.append({"number": line.number, "text": line.text, "figures": figures,
                      "findings": flagged.get(line.number, []), "box": line_box(page, line)})  # fmt: skip
    return lines


def figure(page: PageText, line: PageLine, fact: dict[str, Any], span: tuple[int, int] | None) -> dict[str, Any]:
    """A fact as the page shows it: where it is printed (span in the line; box in % of the page) and
    the page it belongs to."""
    box = None
    if span is not None and page.width and page.height and line.top is not None and line.bottom is not None:
        xs = word_box(line, span)
        if xs is not None:
            box = percent_box(page, xs[0], xs[1], line.top, line.bottom)
    return fact | {"span": list(span) if span else None, "box": box, "href": subject_href(fact)}


def line_box(page: PageText, line: PageLine) -> dict[str, float] | None:
    if not (page.width and page.height and line.words and line.top is not None and line.bottom is not None):
        return None
    return percent_box(page, line.words[0][2], line.words[-1][3], line.top, line.bottom)


def percent_box(page: PageText, x0: float, x1: float, top: float, bottom: float) -> dict[str, float]:
    """A box in percent of the page, so that it scales with the image (390 px phones too); a little margin."""
    assert page.width and page.height
    pad = 2.0
    return {"left": round(100 * (x0 - pad) / page.width, 3), "top": round(100 * (top - pad) / page.height, 3),
            "width": round(100 * (x1 - x0 + 2 * pad) / page.width, 3),
            "height": round(100 * (bottom - top + 2 * pad) / page.height, 3)}  # fmt: skip


def subject_href(fact: dict[str, Any]) -> str | None:
    """The page of what a figure is about: its article, ISE or program."""
    kind = {"article": "articles", "ise": "ises", "program": "programs"}.get(fact["scope"])
    return f"/{kind}/{quote(fact['subject'], safe=':')}" if kind else None


# --------------------------------------------------------------------------- the cache


class PageCache:
    """Files made from a document (its pages' lines as JSON, rendered pages as PNG) kept in a folder,
    at most `limit` bytes together (the oldest go first). Each file is made once: concurrent requests
    for the same one wait for the first (a lock per key). A folder that cannot be written (a read-only
    disk) leaves the cache off: files are then made on every request, never an error."""

    def __init__(self, folder: Path | None, limit: int = CACHE_BYTES):
        self.folder = folder
        self.limit = limit
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: str, make: Callable[[], bytes]) -> bytes:
        with self._lock(key):
            path = self._path(key)
            if path is not None:
                try:
                    data = path.read_bytes()
                    os.utime(path)  # recently used: kept longest
                    return data
                except OSError:
                    pass
            data = make()
            if path is not None:
                self._store(path, data)
            return data

    def _lock(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def _path(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / key

    def _store(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
            temporary.write_bytes(data)
            temporary.replace(path)
            self._trim()
        except OSError:
            self.folder = None  # not writable: no cache rather than an error

    def _trim(self) -> None:
        """Remove the least recently used files until the cache is within its limit."""
        assert self.folder is not None
        files = [(entry.stat().st_mtime, entry.stat().st_size, entry) for entry in self.folder.rglob("*")
                 if entry.is_file()]  # fmt: skip
        total = sum(size for _, size, _ in files)
        for _, size, entry in sorted(files, key=lambda item: item[0]):
            if total <= self.limit:
                break
            entry.unlink(missing_ok=True)
            total -= size


def cache_folder(url: str) -> Path | None:
    """Where a database's page cache lives: $BEGROOT_PAGE_CACHE; beside a SQLite file (`<file>-pages`);
    else in the user cache folder, one folder per database."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return None
        return Path(database).resolve().parent / f"{Path(database).name}-pages"
    import platformdirs

    which = hashlib.sha256(parsed.render_as_string(hide_password=True).encode()).hexdigest()[:16]
    return Path(platformdirs.user_cache_dir("begroot")) / "pages" / which


# --------------------------------------------------------------------------- pages as JSON, cached


def pages_key(sha256: str, number: int) -> str:
    return f"{sha256[:32]}/page-{number}.json"


def image_key(sha256: str, number: int, scale: float) -> str:
    return f"{sha256[:32]}/page-{number}@{scale:g}.png"


def cached_page(cache: PageCache, sha256: str, label: str, data: Callable[[], bytes], number: int) -> PageText:
    """One page's lines, read from the cache; a miss reads the whole document once and caches every page."""

    def make() -> bytes:
        pages = read_pages(label, data())
        for page in pages:
            if page.number != number:
                cache.get(pages_key(sha256, page.number), lambda page=page: _dump(page))  # type: ignore[misc]
        wanted = next((page for page in pages if page.number == number), PageText(number, []))
        return _dump(wanted)

    return _load(cache.get(pages_key(sha256, number), make))


def _dump(page: PageText) -> bytes:
    lines = [[line.number, line.text, line.words, line.top, line.bottom] for line in page.lines]
    return json.dumps({"number": page.number, "width": page.width, "height": page.height, "lines": lines}).encode()


def _load(data: bytes) -> PageText:
    raw = json.loads(data)
    lines = [PageLine(n, text, [tuple(w) for w in words], top, bottom)
             for n, text, words, top, bottom in raw["lines"]]  # fmt: skip
    return PageText(raw["number"], lines, raw["width"], raw["height"])
