"""Parse: pages of lines -> the document model.

`parse(source)` scans the document for its footnotes and tables (`scan`), detects what it is from them
(`detect`: kind, stage, year, domain) and hands it to its reader;
`extract(path)` is `sources.load` followed by `parse`.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Document, SourceDocument
from ..sources import load
from .detect import detect
from .report import parse_report
from .scan import scan
from .slides import parse_slides


def parse(source: SourceDocument) -> Document:
    scanned = scan(source)
    info = detect(source, scanned.tables)
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
        return parse_slides(source, document, scanned.tables)
    return parse_report(source, document, scanned)


def extract(path: str | Path) -> Document:
    return parse(load(path))


__all__ = ["extract", "parse"]
