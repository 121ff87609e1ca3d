"""Parse: pages of lines -> the document model.

`parse(source)` scans the document for its footnotes and tables (`scan`), detects what it is from them
(`detect`: kind, stage, year, domain) and hands it to its reader;
`extract(path)` is `sources.load` followed by `parse`. Both take the words the readers know as
`vocabulary` (default `VOCABULARY`), in the manner of pdfplumber's `table_settings`: every reader is given
it, none reads a module global.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Document, SourceDocument
from ..sources import load
from ..vocabulary import VOCABULARY, Vocabulary
from .detect import detect
from .report import parse_report
from .scan import scan
from .slides import parse_slides


def parse(source: SourceDocument, vocabulary: Vocabulary = VOCABULARY) -> Document:
    scanned = scan(source, vocabulary)
    info = detect(source, scanned.tables, vocabulary)
    document = Document(
        name=source.name,
        file_name=Path(source.path).name,
        kind=info.kind,
        stage=info.stage,
        year=info.year,
        domain=info.domain,
        sha256=source.sha256,
        format=source.format,
        page_count=len(source.pages),
        domain_letter=info.domain_letter,
        warnings=list(source.warnings) + scanned.warnings,
    )
    if info.kind == "slides":
        return parse_slides(source, document, scanned.tables, vocabulary)
    return parse_report(source, document, scanned, vocabulary)


def extract(path: str | Path, vocabulary: Vocabulary = VOCABULARY) -> Document:
    return parse(load(path, vocabulary), vocabulary)


__all__ = ["extract", "parse"]
