"""Document model -> plain row dicts, in batches per table (`document_id` is added on insert)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Any

from sqlalchemy import JSON, Table

from ..bridge import bridge_steps
from ..jsontext import dumps
from ..lineage import code_links
from ..model import Article, Document, field_names, plain
from .bulk import INSERT_BATCH, Batch, batch_of, batches, with_json
from .originals import media_type, original_row
from .schema import (
    AbbreviationRow,
    AnnexItemRow,
    ArticleRow,
    BridgeStepRow,
    CodeLinkRow,
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
    findings_t,
)
from .search import rows as search_rows

Row = dict[str, Any]


def _plain(obj: Any, rename: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> Row:
    """A dataclass as a dict (nested values to lists/dicts, ready for JSON columns).

    Like `dataclasses.asdict`, but the dropped fields are never converted (a table's facts) and
    nothing is deep-copied: the values are only read, then written to the database.
    """
    names, values = _fields(obj.__class__, drop)
    # Scalars as they are without a call each (most fields are): a document has tens of thousands of rows.
    data = {
        name: value if type(value) in SCALARS else plain(value) for name, value in zip(names, values(obj), strict=True)
    }
    for old, new in (rename or {}).items():
        data[new] = data.pop(old)
    return data


SCALARS = frozenset({str, int, float, bool, type(None)})  # values `plain` gives back as they are


@cache
def _fields(cls: type, drop: tuple[str, ...]) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    """The names of a dataclass's fields but `drop`, and a function giving their values as a tuple."""
    names = tuple(name for name in field_names(cls) if name not in drop)
    pick = attrgetter(*names)
    return names, (pick if len(names) > 1 else lambda obj: (pick(obj),))


# The lines of each sentence stay in the model: the audit places its findings with them at ingest.
PROSE_SPANS = ("parts", "summary_paragraphs", "explanation_paragraphs")


def _article(article: Article) -> Row:
    row = _plain(article, {"tables": "table_indexes", "generic_tables": "generic_table_indexes"}, drop=PROSE_SPANS)
    for part in ("entity", "kind", "program", "middle", "suffix"):
        row[f"part_{part}"] = getattr(article.parts, part)
    return row


def _rows(table: Table, rows_of: Callable[[Document], Iterable[Row]]) -> Callable[[Document], Iterator[Batch]]:
    """A table's batches from a function giving its rows as dicts."""
    return lambda d: (batch_of(table, batch) for batch in batches(rows_of(d), INSERT_BATCH))


def _records(
    table: Table,
    objects_of: Callable[[Document], Iterable[Any]],
    rename: dict[str, str] | None = None,
    drop: tuple[str, ...] = (),
) -> Callable[[Document], Iterator[Batch]]:
    """A table's batches from a function giving the model's objects (of one dataclass), one row each: their fields
    but `drop` (`rename`d) read straight into value tuples, the JSON columns encoded. The rows `_plain` and
    `batch_of` would make, without a dict for each on the way (a document has hundreds)."""
    return lambda d: (_values_of(table, chunk, rename or {}, drop) for chunk in batches(objects_of(d), INSERT_BATCH))


def _values_of(table: Table, objects: list[Any], rename: dict[str, str], drop: tuple[str, ...]) -> Batch:
    kind: type = type(objects[0])
    names, values = _fields(kind, drop)
    columns = tuple(rename.get(name, name) for name in names)
    # Only JSON columns hold lists, dicts and dataclasses (any other column binds a scalar as it is).
    encoded = [i for i, name in enumerate(columns) if isinstance(table.c[name].type, JSON)]
    return Batch(table.name, columns, with_json(map(values, objects), encoded, plain))


# Each child table's batches from a document, in this order (facts after the tables they are printed in).
EXTRACTORS: list[Callable[[Document], Iterator[Batch]]] = [
    _records(_table(SectionRow), lambda d: d.sections, {"id": "section_id"}, drop=("paragraphs",)),
    _records(_table(GoalRow), lambda d: d.goals),
    _records(_table(ProgramRow), lambda d: d.programs),
    _records(_table(IseRow), lambda d: d.ises),
    _rows(_table(ArticleRow), lambda d: [_article(a) for a in d.articles]),
    # A table's doubts and reading are the reader's notes for the audit and the JSON model, not stored.
    _records(_table(TableRow), lambda d: d.tables, {"index": "table_index"}, drop=("facts", "doubts", "reading")),
    _records(_table(FactRow), lambda d: d.facts, {"table": "table_index"}, drop=("document",)),
    _records(_table(GenericTableRow), lambda d: d.generic_tables, {"index": "table_index"}),
    _records(_table(FootnoteRow), lambda d: d.footnotes),
    _records(_table(AnnexItemRow), lambda d: d.annex_items),
    _records(_table(StatementRow), lambda d: d.statements, drop=("lines",)),
    _records(_table(AbbreviationRow), lambda d: d.abbreviations),
    _records(_table(SlideRow), lambda d: d.slides),
    _records(_table(WarningRow), lambda d: d.warnings),
    _records(_table(BridgeStepRow), bridge_steps),
    _records(_table(CodeLinkRow), code_links),
]


# A finding's row: these columns' values in this order, the JSON columns as JSON text (`document_id` added on insert).
FINDING_COLUMNS = ("rule", "severity", "message", "numbers", "expected", "locations", "subject", "actual",
                   "verified", "context", "finding_id")  # fmt: skip
_FINDING_JSON = frozenset(name for name in FINDING_COLUMNS if isinstance(findings_t.c[name].type, JSON))
_LOCATIONS = FINDING_COLUMNS.index("locations")
FindingValues = tuple[Any, ...]


def finding_values(finding: Mapping[str, Any]) -> FindingValues:
    """An audit finding (as a mapping: a dict, or a Finding's `vars`, so the store needs nothing from the
    audit) as the parameters of its row. Encoded as soon as the audit returns it: a long document has tens of
    thousands of findings, and as JSON text they take a third of the memory of their dicts and lists (and
    travel from a worker process faster)."""
    return tuple([dumps(finding.get(name)) if name in _FINDING_JSON else finding.get(name)
                  for name in FINDING_COLUMNS])  # fmt: skip


def renamed(values: FindingValues, rename: dict[str, str]) -> FindingValues:
    """The finding's locations naming the document by the id it is stored under (`rename`: as audited -> id)."""
    if all(old == new for old, new in rename.items()):
        return values
    places = json.loads(values[_LOCATIONS]) or []
    moved = [place | {"document": rename[place["document"]]} if place.get("document") in rename else place
             for place in places]  # fmt: skip
    return (*values[:_LOCATIONS], dumps(moved), *values[_LOCATIONS + 1 :])


@dataclass
class DocumentRows:
    """Everything `Store.ingest` writes for a document, as plain rows.

    `tables` holds each table's rows in batches (a table may come in several batches);
    `document_id` is added to every row on insert. `tables` and `search` may be made a batch (an
    entry) at a time as the store writes them, so that a long document's model and all its rows
    are never in memory together; `materialised()` makes them at once, to send them from a worker
    process.
    """

    document: Row
    tables: Iterable[Batch]
    findings: list[FindingValues]  # `finding_values`: compact, as the store writes them
    search: Iterable[Row]
    original: Row | None = None  # the file as read, compressed (store/originals.py)
    # Made to be sent from a worker: the copy the store receives is all that holds its strings, so they are bound
    # as they are (`bulk._detached` copies the prose a document model would keep alive).
    sent: bool = False

    def materialised(self) -> DocumentRows:
        """All the rows made at once, to be sent from a worker process."""
        return DocumentRows(
            self.document, list(self.tables), self.findings, list(self.search), self.original, sent=True
        )


def document_rows(
    d: Document, findings: list[FindingValues] | None = None, dialect: str = "sqlite", original: Row | None = None
) -> DocumentRows:
    """The rows of a document, its audit findings (`finding_values`) and its search entries (with the words
    the `dialect`'s index takes), made as they are read; `original`: the file's row (`kept_original`)."""
    return DocumentRows(document_row(d), _table_rows(d), list(findings or []), search_rows(d, dialect), original)


def kept_original(data: bytes, format: str) -> Row:
    """The file's bytes as the row that keeps them, compressed: made as soon as the file is read, so the
    raw bytes need not live through parsing and the audit (a 17 MB text is 3 MB compressed)."""
    return original_row(data, media_type(data, format))


def _table_rows(d: Document) -> Iterator[Batch]:
    """Each table's rows, a batch at a time (a table may come in several batches)."""
    for batches_of in EXTRACTORS:
        yield from batches_of(d)


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
