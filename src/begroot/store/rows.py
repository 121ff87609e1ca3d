"""Document model -> plain row dicts, one list per table (`document_id` is added on insert)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table

from ..model import Article, Document
from .schema import (
    AbbreviationRow,
    AnnexItemRow,
    ArticleRow,
    FactRow,
    FootnoteRow,
    GenericTableRow,
    GoalRow,
    IseRow,
    ProgramRow,
    SectionRow,
    SlideRow,
    StatementRow,
    TableRow,
    WarningRow,
    _table,
)

Row = dict[str, Any]


def _plain(obj: Any, rename: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> Row:
    """A dataclass as a dict (nested values to lists/dicts, ready for JSON columns)."""
    data = dataclasses.asdict(obj)
    for name in drop:
        data.pop(name, None)
    for old, new in (rename or {}).items():
        data[new] = data.pop(old)
    return data


def _article(article: Article) -> Row:
    row = _plain(article, {"tables": "table_indexes", "generic_tables": "generic_table_indexes"}, drop=("parts",))
    for part in ("entity", "kind", "program", "middle", "suffix"):
        row[f"part_{part}"] = getattr(article.parts, part)
    return row


def _sections(d: Document) -> list[Row]:
    return [_plain(s, {"id": "section_id"}) for s in d.sections]


def _tables(d: Document) -> list[Row]:
    return [_plain(t, {"index": "table_index"}, drop=("facts",)) for t in d.tables]


def _facts(d: Document) -> list[Row]:
    return [_plain(f, {"table": "table_index"}, drop=("document",)) for f in d.facts]


def _generic(d: Document) -> list[Row]:
    return [_plain(g, {"index": "table_index"}) for g in d.generic_tables]


# Which rows each child table gets from a document.
EXTRACTORS: list[tuple[Table, Callable[[Document], list[Row]]]] = [
    (_table(SectionRow), _sections),
    (_table(GoalRow), lambda d: [_plain(g) for g in d.goals]),
    (_table(ProgramRow), lambda d: [_plain(p) for p in d.programs]),
    (_table(IseRow), lambda d: [_plain(i) for i in d.ises]),
    (_table(ArticleRow), lambda d: [_article(a) for a in d.articles]),
    (_table(TableRow), _tables),
    (_table(FactRow), _facts),
    (_table(GenericTableRow), _generic),
    (_table(FootnoteRow), lambda d: [_plain(f) for f in d.footnotes]),
    (_table(AnnexItemRow), lambda d: [_plain(a) for a in d.annex_items]),
    (_table(StatementRow), lambda d: [_plain(s) for s in d.statements]),
    (_table(AbbreviationRow), lambda d: [_plain(a) for a in d.abbreviations]),
    (_table(SlideRow), lambda d: [_plain(s) for s in d.slides]),
    (_table(WarningRow), lambda d: [_plain(w) for w in d.warnings]),
]


def document_row(d: Document) -> Row:
    return {
        "name": d.name,
        "file_name": d.file_name,
        "sha256": d.sha256,
        "kind": d.kind,
        "stage": d.stage,
        "year": d.year,
        "domain": d.domain,
        "domain_letter": d.domain_letter,
        "title": d.title,
        "format": d.format,
        "page_count": d.page_count,
    }
