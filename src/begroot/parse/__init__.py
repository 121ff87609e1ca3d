"""Parse: pages of lines -> the document model.

`parse(source)` detects the kind of document and hands it to its reader;
`extract(path)` is `sources.load` followed by `parse`.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Document, SourceDocument
from ..sources import load
from .detect import detect
from .report import parse_report
from .slides import parse_slides


def parse(source: SourceDocument) -> Document:
    info = detect(source)
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
        warnings=list(source.warnings) + info.warnings,
    )
    if info.kind == "slides":
        return parse_slides(source, document, info.tables)
    return parse_report(source, document, info)


def extract(path: str | Path) -> Document:
    return parse(load(path))


__all__ = ["extract", "parse"]
