"""The document model: plain dataclasses shared by every step of the pipeline.

`sources` produce `SourceDocument` (pages of lines); `parse` turns them into a
`Document`; `audit`, `store`, `export`, `api`, `web` and `cli` only read it.
The objects mirror the printed document: a document has sections, programs,
ISEs, goals and articles; every number sits in a `Table` and becomes a `Fact`
that knows where it was printed (`Provenance`).
"""

from __future__ import annotations

import dataclasses
import re
from array import array
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from .identity import compose_title

SCHEMA_VERSION = "1.0"

# The fact table's columns, in contract order (docs/fact-table.md).
FACT_COLUMNS = (
    "document",
    "scope",
    "subject",
    "row",
    "credit",
    "year",
    "stage",
    "value",
    "page",
    "source_line",
)

CREDITS = ("VAK", "VEK", "AO", "TO", "LO")
STAGES = ("BO", "BA", "BA-JR", "BU", "DELTA")
SCOPES = ("total", "program", "ise", "article")
_WORD = re.compile(r"\S+")


# --------------------------------------------------------------------------- sources


@dataclass
class ReaderWarning:
    message: str
    page: int | None = None
    line: int | None = None
    code: str = "warning"

    def __str__(self) -> str:
        where = []
        if self.page is not None:
            where.append(f"p.{self.page}")
        if self.line is not None:
            where.append(f"line {self.line}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class Word:
    """A word of a line with where it stands: `start`/`end` index `Line.text`, `x0`/`x1` the page."""

    text: str
    start: int
    end: int
    x0: float  # text files: character columns; PDFs: points from the left edge
    x1: float


@dataclass(frozen=True, slots=True)
class Band:
    """A row of a ruled table: the text between two of its horizontal rules (a PDF that draws its grid).
    Every line standing in the row shares it; `edges` are the x of the vertical rules crossing it (its
    cells lie between them). Made by `sources/rules.py`; `id` is unique in the document."""

    id: int
    page: int
    edges: tuple[float, ...]


# Slots: a long document has hundreds of thousands of lines. Not frozen, though never changed: a frozen
# dataclass sets each field through object.__setattr__, which made building the lines a fifth of reading
# a text file; unsafe_hash hashes a line by its fields, as frozen did.
@dataclass(slots=True, unsafe_hash=True)
class Line:
    """One line of the source, as printed, without its leading and trailing blanks.

    `indent` keeps how far the line stood from the left margin (characters in
    text files, points in PDFs); `xs` where each word stands where the source
    knows it (PDFs: x0, x1 of every word in turn). `words` gives them as Word
    objects, made on first use; text files compute theirs from the characters.
    `band`: the ruled table row the line stands in, where the PDF draws its grid.
    """

    text: str
    page: int  # 1-based physical page (inferred for text files)
    number: int  # 1-based line number in the file (for PDFs: in the extracted text)
    indent: float = 0.0
    xs: tuple[float, ...] | None = None
    band: Band | None = None

    @property
    def words(self) -> tuple[Word, ...] | None:
        """The words with their place, where the source placed them (PDF); None for text files.
        Made on each use (slots leave no room for a cache): only table lines ask."""
        if self.xs is None:
            return None
        return tuple(
            Word(match.group(), match.start(), match.end(), self.xs[2 * i], self.xs[2 * i + 1])
            for i, match in enumerate(_WORD.finditer(self.text))
        )

    def positioned_words(self) -> tuple[Word, ...]:
        """Every word with its span in `text` and its x on the page."""
        if self.words is not None:
            return self.words
        return tuple(
            Word(match.group(), match.start(), match.end(), self.indent + match.start(), self.indent + match.end())
            for match in _WORD.finditer(self.text)
        )


@dataclass
class Page:
    number: int
    lines: list[Line] = field(default_factory=list)
    printed_number: int | None = None  # the page number printed on the page, if seen
    needs_ocr: bool = False


@dataclass
class SourceDocument:
    """A document as pages of lines, whatever the file format."""

    name: str  # the document's id, made from the file name (identity.slug)
    path: str
    format: str  # "text" or "pdf"
    sha256: str
    pages: list[Page]
    warnings: list[ReaderWarning] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]


# --------------------------------------------------------------------------- prose


class Span(NamedTuple):
    """Where a source line starts in joined prose: the offset of its first character, its page and line."""

    offset: int
    page: int
    line: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of prose and the source lines it was printed on.

    `start` is its offset in the whole prose text it belongs to (an article's explanation, a
    section's text); `lines` are the lines it stands on, each with the offset in the sentence
    where that line's text begins (the first at 0, even when the sentence starts mid-line).
    """

    text: str
    start: int
    page: int
    line: int
    end_line: int
    lines: tuple[Span, ...]

    def where(self, offset: int) -> Span:
        """The page and line of the character at `offset` in the sentence (offset: the line's start there)."""
        found = self.lines[0]
        for span in self.lines:
            if span.offset > offset:
                break
            found = span
        return found


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of prose (blank lines around it), its first and last source line, and its sentences.

    A long document has hundreds of thousands of prose lines, so a paragraph holds no text of its
    own: it is the stretch `start:end` of the prose text it belongs to (`prose`, shared by every
    paragraph of it), with where each of its lines starts (`starts`: offset in the paragraph,
    page, line, flattened) and where each sentence starts and ends (`breaks`, pairs of offsets in
    the paragraph). `spans` and `sentences` are made from them when asked for.
    """

    prose: str = field(repr=False, compare=False)
    start: int  # offset in the whole prose text
    end: int
    page: int
    line: int
    end_line: int
    starts: array[int] = field(repr=False)
    breaks: array[int] = field(repr=False)

    @property
    def text(self) -> str:
        return self.prose[self.start : self.end]

    @property
    def spans(self) -> tuple[Span, ...]:
        """Where each source line starts in `text`."""
        s = self.starts
        return tuple(Span(s[i], s[i + 1], s[i + 2]) for i in range(0, len(s), 3))

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        text, spans, b = self.text, self.spans, self.breaks
        return tuple(self._sentence(text, spans, b[i], b[i + 1]) for i in range(0, len(b), 2))

    def _sentence(self, text: str, spans: tuple[Span, ...], cursor: int, end: int) -> Sentence:
        """The sentence at `cursor:end`, with the lines it stands on (offsets within the sentence)."""
        first = 0
        while first + 1 < len(spans) and spans[first + 1].offset <= cursor:
            first += 1
        own = [Span(max(0, span.offset - cursor), span.page, span.line) for span in spans[first:] if span.offset < end]
        return Sentence(text[cursor:end], self.start + cursor, own[0].page, own[0].line, own[-1].line, tuple(own))

    def as_dict(self) -> dict[str, object]:
        """The paragraph as the JSON output shows it (schema/document.schema.json)."""
        sentences = [
            {"text": s.text, "start": s.start, "page": s.page, "line": s.line, "end_line": s.end_line,
             "lines": [list(span) for span in s.lines]}
            for s in self.sentences
        ]  # fmt: skip
        return {"text": self.text, "start": self.start, "page": self.page, "line": self.line,
                "end_line": self.end_line, "sentences": sentences}  # fmt: skip


# --------------------------------------------------------------------------- provenance


@dataclass(frozen=True)
class Provenance:
    document: str
    page: int
    line: int

    def as_dict(self) -> dict[str, object]:
        return {"document": self.document, "page": self.page, "source_line": self.line}


# --------------------------------------------------------------------------- numbers


@dataclass(unsafe_hash=True)  # never changed, but not frozen: see Line
class Fact:
    """One number of a stage x credit table: a row of the fact table."""

    document: str
    scope: str  # total | program | ise | article
    subject: str  # TOTAL | program code | <program>:<slug> | article code
    row: str  # total | esr | is | other
    credit: str  # VAK VEK AO TO LO
    year: int
    stage: str  # BO BA BA-JR BU DELTA
    value: int  # thousand euro
    page: int
    source_line: int
    table: int = 0  # index into Document.tables
    perimeter: str = ""  # e.g. "MVG excl. DAB", "VDAB", "incl. VDAB"

    def as_row(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in FACT_COLUMNS)


@dataclass
class Cell:
    """A number read from a table, with where it stood."""

    text: str
    value: float | None
    line: int
    page: int


@dataclass
class Table:
    """A stage x credit table as recognised (layout name) with its facts."""

    index: int
    layout: str  # summary | ise_frame | article_expenditure | article_receipt | apparatus | budget_evolution | credit_evolution
    scope: str
    subject: str
    title: str
    page: int
    line: int  # line of the header that identified the table
    perimeter: str = ""
    section: str = ""  # id of the section it sits in
    has_total: bool = True
    doubts: list[str] = field(default_factory=list)  # why the reader is unsure how it read this table; empty when sure
    reading: str = ""  # a note when an alternative reading was taken (e.g. a wrapped stage label joined)
    facts: list[Fact] = field(default_factory=list)


@dataclass
class GenericTable:
    """A table in the prose that is not stage x credit: header cells and rows."""

    index: int
    page: int
    line: int
    header: list[str]
    rows: list[list[str]]
    numbers: list[list[float | None]]
    article: str | None = None
    section: str = ""
    end_line: int = 0


@dataclass
class CreditChange:
    """A row between the first and last of a `Kredietevolutie` table."""

    label: str
    vak: int | None
    vek: int | None
    page: int
    line: int


@dataclass
class CreditEvolution:
    start_stage: str
    start_year: int
    end_stage: str
    end_year: int
    changes: list[CreditChange] = field(default_factory=list)


# --------------------------------------------------------------------------- structure


@dataclass
class Section:
    id: str  # stable within the document: "V", "V/1.3", ...
    kind: str  # chapter | policy_field | ise | sd | od | theme | heading | article
    number: str  # "V", "1.3", "SD 1", "OD 4", ""
    title: str
    page: int
    line: int
    end_line: int = 0
    parent: str | None = None
    text: str = ""  # the prose directly under the heading
    paragraphs: list[Paragraph] = field(default_factory=list)  # `text` with the lines of each sentence


@dataclass
class Goal:
    code: str  # "SD 1", "OD 4"
    level: str  # sd | od
    number: int
    title: str
    page: int
    line: int
    parent: str | None = None  # the SD of an OD
    themes: list[str] = field(default_factory=list)
    ises: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)  # slide decks


@dataclass
class Program:
    code: str  # "JD"
    name: str
    page: int = 0
    line: int = 0


@dataclass
class Ise:
    key: str  # "<program>:<slug>"
    name: str
    program: str
    policy_field: str
    perimeter: str
    page: int
    line: int


@dataclass(frozen=True)
class ArticleCode:
    entity: str  # "JB0"
    kind: str  # "1" expenditure, "9" receipt, or a letter for entities under authority
    program: str  # "JD"
    middle: str  # the part after the program: "B2CA"
    suffix: str  # ESR aggregation: "WT"

    @property
    def code(self) -> str:
        return f"{self.entity}-{self.kind}{self.program}{self.middle}-{self.suffix}"

    @property
    def is_receipt(self) -> bool:
        return self.kind == "9"


@dataclass
class Article:
    code: str
    parts: ArticleCode
    name: str
    page: int
    line: int
    printed_code: str = ""  # as printed, when it had to be canonicalised
    ise: str | None = None  # Ise.key
    policy_field: str | None = None
    entity: str | None = None  # "Departement WSE en IVA's ...", "VDAB", ...
    goals: list[str] = field(default_factory=list)  # "OD 1"
    summary: str = ""  # Korte inhoud
    explanation: str = ""  # Inhoudelijke toelichting
    tables: list[int] = field(default_factory=list)  # Document.tables indexes
    generic_tables: list[int] = field(default_factory=list)
    credit_evolution: CreditEvolution | None = None
    end_line: int = 0
    # `summary` and `explanation` as paragraphs and sentences that know their source lines
    summary_paragraphs: list[Paragraph] = field(default_factory=list)
    explanation_paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Footnote:
    number: int
    text: str
    page: int
    line: int
    cites: list[tuple[str, int | None]] = field(default_factory=list)  # (article code, page)


@dataclass
class Abbreviation:
    short: str
    meaning: str
    page: int
    line: int


@dataclass
class AnnexItem:
    annex: str  # decisions | resolutions | court_of_audit | rulings
    kind: str  # decreet | besluit | resolutie | aanbeveling | arrest | ...
    title: str
    page: int
    line: int
    date: str | None = None  # ISO date
    number: str | None = None  # parliamentary document number
    adopted: str | None = None  # ISO date adopted
    follow_up: str = ""
    group: str = ""  # sub-heading (entity) the item stands under


@dataclass
class Cause:
    label: str
    amount: float | None  # thousand euro, signed


@dataclass
class Statement:
    """A `Begrotingsinfo` statement of a slide deck."""

    subject: str  # the ISE key or program it speaks of, when known
    text: str
    total: float | None  # thousand euro
    change: float | None  # thousand euro, signed
    reference_year: int | None
    causes: list[Cause]
    page: int
    line: int
    lines: tuple[Span, ...] = ()  # where each source line of `text` starts in it


@dataclass
class Slide:
    page: int
    title: str
    line: int


@dataclass
class Document:
    name: str  # the id (identity.slug of the file name); the store may add a hash to keep it unique
    kind: str  # report | slides
    stage: str  # BO | BA | BU
    year: int
    domain: str
    sha256: str = ""
    format: str = "text"
    title: str = ""  # composed from kind, stage, year and domain when not given
    file_name: str = ""  # the file it was read from, as named on disk
    page_count: int = 0
    domain_letter: str = ""
    sections: list[Section] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    ises: list[Ise] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    generic_tables: list[GenericTable] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    annex_items: list[AnnexItem] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    slides: list[Slide] = field(default_factory=list)
    warnings: list[ReaderWarning] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.title:
            self.title = compose_title(self.kind, self.stage, self.year, self.domain)

    @property
    def facts(self) -> list[Fact]:
        return [fact for table in self.tables for fact in table.facts]

    def article(self, code: str) -> Article | None:
        return next((a for a in self.articles if a.code == code), None)


_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass, in order (`dataclasses.fields` builds them anew on every call)."""
    return tuple(f.name for f in dataclasses.fields(cls))


def plain(value: Any) -> Any:
    """A model value as plain data (dicts, lists, numbers, strings), ready for JSON.

    Like `dataclasses.asdict`, but nothing is deep-copied (the values are only read), and a
    paragraph is written with its text and sentences (`Paragraph.as_dict`), not as its offsets.
    """
    if type(value) in _SCALARS:  # the exact types first: most values are (a subclass goes the long way)
        return value
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Paragraph):
        return value.as_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in field_names(type(value))}
    if isinstance(value, list | tuple):  # tuples (and Spans) too: JSON has only arrays
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
