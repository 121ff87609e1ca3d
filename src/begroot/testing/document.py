"""What a generator returns: the document and the facts it holds."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

FACT_KEY = ("scope", "subject", "row", "credit", "year", "stage", "value")


@dataclass(frozen=True)
class ExpectedFact:
    """One printed number of a stage x credit table, as the fact table must hold it."""

    scope: str
    subject: str
    row: str
    credit: str
    year: int
    stage: str
    value: int
    page: int
    line: int  # 1-based line of the text file where the number is printed (0 for PDFs: not compared)
    layout: str = ""  # the layout it was printed in (summary, ise_frame, ...): for the benchmark's breakdown

    @property
    def key(self) -> tuple[str, str, str, str, int, str, int]:
        return (self.scope, self.subject, self.row, self.credit, self.year, self.stage, self.value)


@dataclass(frozen=True)
class ExpectedStatement:
    """A slide's `Begrotingsinfo` statement: `Totaal beleidskrediet 1,2 miljard: toename van 18,3 miljoen`."""

    subject: str  # the ISE key it speaks of
    total: float  # thousand euro, as rounded in the text
    change: float  # thousand euro, signed, as rounded in the text
    reference_year: int
    page: int
    line: int


@dataclass
class GeneratedDocument:
    name: str
    kind: str  # report | slides
    stage: str  # BO | BA | BU
    year: int
    domain: str
    style: object  # TextStyle or PdfStyle
    facts: list[ExpectedFact]
    pages_marked: bool  # whether the pages of the text can be known (always true for PDFs)
    page_count: int
    text: str = ""
    path: Path | None = None
    format: str = "text"
    statements: list[ExpectedStatement] = field(default_factory=list)
    variations: set[str] = field(default_factory=set)  # which style variations really occur in it
    layouts: set[str] = field(default_factory=set)
    # article code -> the change rows of its BO/BA `Kredietevolutie`: (label, credit -> keuro), in print order
    evolutions: dict[str, list[tuple[str, dict[str, int]]]] = field(default_factory=dict)

    def facts_csv(self) -> str:
        """The expected fact table in the column order of `begroot extract --format csv`."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["document", "scope", "subject", "row", "credit", "year", "stage", "value", "page",
                         "source_line", "layout"])  # fmt: skip
        for f in self.facts:
            writer.writerow([self.name, f.scope, f.subject, f.row, f.credit, f.year, f.stage, f.value, f.page,
                             f.line, f.layout])  # fmt: skip
        return out.getvalue()
