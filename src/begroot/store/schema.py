"""The database schema: one table per part of the document model, each row tied to its document.

Child rows reference `documents.id` with ON DELETE CASCADE so removing a document removes
everything it brought. Lists and nested values (goals, header cells, causes...) are JSON:
they are read back whole, never queried piece by piece.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints keep migrations reproducible on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Columns holding a document's prose, long text written straight from the model (store.bulk copies
# such strings before SQLite binds them).
PROSE = {"prose": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _document_fk(nullable: bool = False) -> Mapped[Any]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=nullable, index=True)


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True, unique=True)  # the document's id (identity.py)
    file_name: Mapped[str] = mapped_column(Text, default="")  # as it was on disk
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(Text)
    year: Mapped[int] = mapped_column(Integer)
    domain: Mapped[str] = mapped_column(Text)
    domain_letter: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(Text)
    page_count: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SectionRow(Base):
    __tablename__ = "sections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    section_id: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    number: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    end_line: Mapped[int] = mapped_column(Integer)
    parent: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, info=PROSE)


class GoalRow(Base):
    __tablename__ = "goals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    code: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(Text)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    parent: Mapped[str | None] = mapped_column(Text)
    themes: Mapped[list[str]] = mapped_column(JSON)
    ises: Mapped[list[str]] = mapped_column(JSON)
    bullets: Mapped[list[str]] = mapped_column(JSON)


class ProgramRow(Base):
    __tablename__ = "programs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    code: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)


class IseRow(Base):
    __tablename__ = "ises"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    key: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    program: Mapped[str] = mapped_column(Text)
    policy_field: Mapped[str] = mapped_column(Text)
    perimeter: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)


class ArticleRow(Base):
    __tablename__ = "articles"
    # A program's articles, paged in document order (the API's /articles?program=).
    __table_args__ = (Index("ix_articles_part_program_document_id_code", "part_program", "document_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    code: Mapped[str] = mapped_column(Text, index=True)
    part_entity: Mapped[str] = mapped_column(Text)
    part_kind: Mapped[str] = mapped_column(Text)
    part_program: Mapped[str] = mapped_column(Text, index=True)
    part_middle: Mapped[str] = mapped_column(Text)
    part_suffix: Mapped[str] = mapped_column(Text)
    printed_code: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    ise: Mapped[str | None] = mapped_column(Text, index=True)
    policy_field: Mapped[str | None] = mapped_column(Text)
    entity: Mapped[str | None] = mapped_column(Text)
    goals: Mapped[list[str]] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text, info=PROSE)
    explanation: Mapped[str] = mapped_column(Text, info=PROSE)
    table_indexes: Mapped[list[int]] = mapped_column(JSON)
    generic_table_indexes: Mapped[list[int]] = mapped_column(JSON)
    credit_evolution: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    end_line: Mapped[int] = mapped_column(Integer)


class TableRow(Base):
    __tablename__ = "tables"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    table_index: Mapped[int] = mapped_column(Integer)
    layout: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    perimeter: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(Text)
    has_total: Mapped[bool] = mapped_column(Boolean)


class FactRow(Base):
    __tablename__ = "facts"
    __table_args__ = (
        Index("ix_facts_subject_credit_year_stage", "subject", "credit", "year", "stage"),
        # Filters without a subject, in page order (document_id, id): see migration 0006.
        Index("ix_facts_credit_stage_document_id_id_year", "credit", "stage", "document_id", "id", "year"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    scope: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    row: Mapped[str] = mapped_column(Text)
    credit: Mapped[str] = mapped_column(Text)
    year: Mapped[int] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(Text)
    value: Mapped[int] = mapped_column(BigInteger)  # thousand euro
    page: Mapped[int] = mapped_column(Integer)
    source_line: Mapped[int] = mapped_column(Integer)
    table_index: Mapped[int] = mapped_column(Integer)
    perimeter: Mapped[str] = mapped_column(Text)


class GenericTableRow(Base):
    __tablename__ = "generic_tables"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    table_index: Mapped[int] = mapped_column(Integer)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    end_line: Mapped[int] = mapped_column(Integer)
    header: Mapped[list[str]] = mapped_column(JSON)
    rows: Mapped[list[list[str]]] = mapped_column(JSON)
    numbers: Mapped[list[list[float | None]]] = mapped_column(JSON)
    article: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str] = mapped_column(Text)


class FootnoteRow(Base):
    __tablename__ = "footnotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    cites: Mapped[list[list[Any]]] = mapped_column(JSON)


class AbbreviationRow(Base):
    __tablename__ = "abbreviations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    short: Mapped[str] = mapped_column(Text)
    meaning: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)


class SlideRow(Base):
    __tablename__ = "slides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    title: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)


class WarningRow(Base):
    """What the reader could not place (a table left out, a code canonicalised), with where."""

    __tablename__ = "warnings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    code: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)


class AnnexItemRow(Base):
    __tablename__ = "annex_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    annex: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(Text)
    adopted: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str] = mapped_column(Text)
    group: Mapped[str] = mapped_column(Text)


class StatementRow(Base):
    __tablename__ = "statements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    subject: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    total: Mapped[float | None] = mapped_column(Float)
    change: Mapped[float | None] = mapped_column(Float)
    reference_year: Mapped[int | None] = mapped_column(Integer)
    causes: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)


class BridgeStepRow(Base):
    """A row of an article's `Kredietevolutie`, one per credit: the budget bridge (bridge.py)."""

    __tablename__ = "bridge_steps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    article: Mapped[str] = mapped_column(Text, index=True)
    credit: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(Text)
    value: Mapped[int | None] = mapped_column(BigInteger)  # thousand euro
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(Text)
    year: Mapped[int] = mapped_column(Integer)
    table_index: Mapped[int] = mapped_column(Integer)
    program: Mapped[str] = mapped_column(Text, index=True)
    ise: Mapped[str | None] = mapped_column(Text, index=True)


class CodeLinkRow(Base):
    """A code change a document states: an article naming its former code (lineage.py)."""

    __tablename__ = "code_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    old_code: Mapped[str] = mapped_column(Text, index=True)
    new_code: Mapped[str] = mapped_column(Text, index=True)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    words: Mapped[str] = mapped_column(Text)


class LineageRow(Base):
    """A link between an old and a new code (article or program) that a user gave (`begroot lineage add`)."""

    __tablename__ = "lineage"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    old_code: Mapped[str] = mapped_column(Text, index=True)
    new_code: Mapped[str] = mapped_column(Text, index=True)
    from_year: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FindingRow(Base):
    """An audit finding; `document_id` is null for findings about the whole database.

    A cross-document conflict belongs to the document ingested second and names the
    first in `related_document_id`, so removing either document removes the finding.
    """

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = _document_fk(nullable=True)
    related_document_id: Mapped[int | None] = _document_fk(nullable=True)
    rule: Mapped[str] = mapped_column(Text, index=True)
    severity: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    numbers: Mapped[list[Any]] = mapped_column(JSON)
    expected: Mapped[float | None] = mapped_column(Float)
    locations: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    subject: Mapped[str | None] = mapped_column(Text, index=True)
    actual: Mapped[float | None] = mapped_column(Float)
    verified: Mapped[bool | None] = mapped_column(Boolean)
    context: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    finding_id: Mapped[str | None] = mapped_column(Text, index=True)  # stable: rule + subject + content + place


class ReviewRow(Base):
    """A verdict on a finding (`begroot review`); several per finding, the latest (highest id) counts.

    It names the finding by its stable `finding_id`, not its row, so it outlives re-ingesting the document.
    """

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[str] = mapped_column(Text, index=True)
    verdict: Mapped[str] = mapped_column(Text)  # confirmed | false-positive | fixed
    note: Mapped[str] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SearchEntryRow(Base):
    """A piece of prose the search finds: an article's summary and explanation, or a section's text.

    Its words are indexed in `search_index`, which differs per backend (an FTS5 table on SQLite, a
    tsvector table on PostgreSQL) and is made by migration 0003 rather than modelled here; see
    `store/search.py`.
    """

    __tablename__ = "search_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document_id: Mapped[int] = _document_fk()
    kind: Mapped[str] = mapped_column(Text)  # article | section
    key: Mapped[str] = mapped_column(Text)  # article code or section id
    title: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, info=PROSE)


class OriginalRow(Base):
    """A document's file as it was ingested (compressed), so it can be downloaded and its pages shown."""

    __tablename__ = "originals"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    media_type: Mapped[str] = mapped_column(Text)  # application/pdf, text/plain; charset=...
    size: Mapped[int] = mapped_column(BigInteger)  # bytes before compression
    compression: Mapped[str] = mapped_column(Text)  # zlib
    data: Mapped[bytes] = mapped_column(LargeBinary)


SEARCH_INDEX = "search_index"


def managed(name: str | None, type_: str, _parents: object = None) -> bool:
    """Whether Alembic compares this object with the models: not the backend-specific search index
    (`search_index` and the FTS5 shadow tables `search_index_*` that SQLite keeps for it)."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_INDEX))


def _table(model: type[Base]) -> Table:
    """The Core table of a mapped class, typed as the Table it is."""
    return cast(Table, model.__table__)


# Tables holding a document's rows, in insert order (documents first).
CHILD_TABLES = [
    _table(SectionRow),
    _table(GoalRow),
    _table(ProgramRow),
    _table(IseRow),
    _table(ArticleRow),
    _table(TableRow),
    _table(FactRow),
    _table(GenericTableRow),
    _table(FootnoteRow),
    _table(AnnexItemRow),
    _table(StatementRow),
    _table(AbbreviationRow),
    _table(SlideRow),
    _table(WarningRow),
    _table(BridgeStepRow),
    _table(CodeLinkRow),
]
ALL_TABLES = [_table(DocumentRow), *CHILD_TABLES, _table(FindingRow), _table(SearchEntryRow), _table(ReviewRow),
              _table(OriginalRow), _table(LineageRow)]  # fmt: skip

# Core table handles for queries (one place, so every module selects from the same objects).
documents_t = _table(DocumentRow)
articles_t = _table(ArticleRow)
facts_t = _table(FactRow)
findings_t = _table(FindingRow)
goals_t = _table(GoalRow)
programs_t = _table(ProgramRow)
ises_t = _table(IseRow)
sections_t = _table(SectionRow)
generic_t = _table(GenericTableRow)
tables_t = _table(TableRow)
search_entries_t = _table(SearchEntryRow)
reviews_t = _table(ReviewRow)
originals_t = _table(OriginalRow)
bridge_t = _table(BridgeStepRow)
lineage_t = _table(LineageRow)
code_links_t = _table(CodeLinkRow)
