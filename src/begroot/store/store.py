"""`Store`: documents in a SQL database (SQLite or PostgreSQL), one transaction per document."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Engine, Select, and_, bindparam, case, delete, func, insert, inspect, or_, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import BindParameter

from ..errors import AmbiguousDocument, DatabaseError, MissingDatabase
from ..identity import HASH_CHARS, slug, with_hash
from ..jsontext import dumps
from ..model import Document
from .bulk import INSERT_BATCH, insert_batch, insert_values
from .engine import DEFAULT_TIMEOUT, default_url, make_engine, sqlite_file, writable, writing
from .fresh import create_fresh
from .migrate import HEAD, VERSION_TABLE, current_revision, safe_url, upgrade
from .originals import store_original
from .rows import FINDING_COLUMNS, DocumentRows, FindingValues, document_rows, finding_values, kept_original, renamed
from .schema import Base, documents_t, facts_t, findings_t, reviews_t
from .search import index_entries

STAGE_ORDER = {"BO": 0, "BA": 1, "BA-JR": 2, "BU": 3}
CONFLICT_RULE = "cross-document-conflict"
# The columns that name one printed number; two documents agreeing on all of them must agree on the value.
# The perimeter is part of it: "JD (VDAB)" and "JD (incl. VDAB)" are different numbers.
FACT_KEY = ("subject", "row", "credit", "year", "stage", "perimeter")


def open_database(
    url: str,
    *,
    create: bool = True,
    read_only: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    cache_mb: int | None = None,
) -> Engine:
    """An engine on a usable database, brought to the current schema (one that is current already is
    only read: nothing is written); anything in the way (not a database, unreachable, newer schema,
    another application's tables) is a one-line DatabaseError.

    `create`: a missing database may be made (ingest); otherwise it is "no begroot database at ...".
    `read_only` (SQLite): the file is opened read-only (immutable when it cannot be written, as on
    read-only media), after an older schema was brought up to date if the file can be written.
    `cache_mb` (SQLite, writing): each connection's page cache (`make_engine`)."""
    if read_only and (path := sqlite_file(url)):
        engine = _engine(url, read_only=True, create=False, timeout=timeout)
        if _usable_as_is(engine, create):
            return engine
        engine.dispose()
        if not writable(path):
            raise DatabaseError(path, "needs an upgrade to this begroot's schema, but it cannot be written")
        _engine_upgraded(url, create=False, timeout=timeout).dispose()
        return _engine(url, read_only=True, create=False, timeout=timeout)
    return _engine_upgraded(url, create=create, timeout=timeout, cache_mb=cache_mb)


def _engine(url: str, **options: Any) -> Engine:
    try:
        return make_engine(url, **options)
    except DatabaseError:
        raise
    except (SQLAlchemyError, OSError, ValueError, ImportError) as error:  # ImportError: a driver not installed
        raise DatabaseError(_masked(url), f"cannot open the database: {first_line(error)}") from error


def _engine_upgraded(url: str, *, create: bool, timeout: float, cache_mb: int | None = None) -> Engine:
    engine = _engine(url, create=create, timeout=timeout, cache_mb=cache_mb)
    with _given_up_on_failure(engine):
        check_begroot(engine, create)
        if not create_fresh(engine):  # a new SQLite file is made from the schema the migrations make
            upgrade(engine)
    return engine


def _usable_as_is(engine: Engine, create: bool) -> bool:
    """A database at the current schema, read without writing (an older one needs upgrading first)."""
    with _given_up_on_failure(engine):
        check_begroot(engine, create)
        return current_revision(engine) == HEAD


@contextmanager
def _given_up_on_failure(engine: Engine) -> Iterator[None]:
    """The engine disposed of when opening fails; a driver's or the system's error said as a DatabaseError."""
    try:
        yield
    except DatabaseError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as error:
        engine.dispose()
        raise DatabaseError(safe_url(engine), f"cannot open the database: {first_line(error)}") from error


def check_begroot(engine: Engine, create: bool) -> None:
    """A database begroot never migrated is begroot's only when empty: another application's tables are
    never touched. Without `create`, an empty one is no begroot database at all."""
    with engine.connect() as connection:
        found = inspect(connection)
        if found.has_table(VERSION_TABLE):
            return
        tables = sorted(found.get_table_names())
    where = safe_url(engine)
    if tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise DatabaseError(where, f"holds tables that are not begroot's ({shown}); give begroot an empty database")
    if not create:
        raise MissingDatabase(where)


def database_backend(url: str | None) -> str:
    """The kind of database a URL names (`sqlite`, `postgresql`: its dialect's name), without opening it; a URL
    that cannot be read is the one-line DatabaseError that opening it gives."""
    url = url or default_url()
    try:
        return make_url(url).get_backend_name()
    except (SQLAlchemyError, ValueError) as error:
        raise DatabaseError(_masked(url), f"cannot open the database: {first_line(error)}") from error


def _masked(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ValueError, SQLAlchemyError):
        return "the database URL"


def first_line(error: BaseException) -> str:
    """The first line of an error's text (SQLAlchemy adds SQL and links on the lines after it)."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class Store:
    def __init__(
        self,
        url: str | None = None,
        *,
        create: bool = True,
        read_only: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        cache_mb: int | None = None,
    ):
        """`create`: a missing database may be made (only ingest and the Python API do); `read_only`: opened
        so that nothing can be written (SQLite); `timeout`: seconds a write waits for another's lock;
        `cache_mb`: SQLite's page cache per connection, when its 2 MB is too little (an archive's ingest)."""
        self.url = url or default_url()
        self.engine = open_database(self.url, create=create, read_only=read_only, timeout=timeout, cache_mb=cache_mb)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def ingest(
        self, document: Document, findings: Iterable[dict[str, Any]] | None = None, original: bytes | None = None
    ) -> Ingested:
        """Add a document, with the audit findings about it; not added when its sha256 is already there.

        The document is stored under its id, or, when a different document has that id already,
        under the id with a short hash of its content appended (`Ingested.clash` says so).
        All of it lands in one transaction: any error leaves the database as it was. `original`: the
        file's bytes, kept (compressed) to be downloaded and shown page by page.
        """
        kept = kept_original(original, document.format) if original is not None else None
        values = [finding_values(finding) for finding in findings or ()]
        rows = document_rows(document, values, self.engine.dialect.name, kept)
        return self.ingest_rows(rows)

    def ingest_rows(self, rows: DocumentRows) -> Ingested:
        """`ingest` of a document already turned into rows (`rows.document_rows`, made in a worker)."""
        with writing(self.engine) as connection:
            sha256 = rows.document["sha256"]
            present = connection.scalar(select(documents_t.c.name).where(documents_t.c.sha256 == sha256))
            if present is not None:
                return Ingested(False, present)
            wanted = slug(rows.document["name"])
            key = free_id(connection, wanted, sha256)
            row = rows.document | {"name": key, "ingested_at": datetime.now(UTC)}
            document_id = connection.execute(insert(documents_t).values(row).returning(documents_t.c.id)).scalar_one()
            store_findings(connection, rows.findings, {rows.document["name"]: key}, document_id)
            for batch in rows.tables:
                insert_batch(connection, Base.metadata.tables[batch.table], batch, document_id, detach=not rows.sent)
            index_entries(connection, document_id, rows.search)
            if rows.original is not None:
                store_original(connection, rows.original, document_id)
            _pause_for_tests()
            record_conflicts(connection, document_id, rows.document["domain"])
        refresh_statistics(self.engine, document_id)
        return Ingested(True, key, clash=wanted if key != wanted else None)

    def resolve(self, reference: str) -> list[str]:
        """The ids of the documents a user's reference names (see `resolve_document`)."""
        with self.engine.connect() as connection:
            return resolve_document(connection, reference)

    def remove(self, reference: str) -> int:
        """Remove the document with this id, sha256 or file name, and all its rows; the number removed.

        A file name shared by several documents removes none of them: AmbiguousDocument names their ids.
        """
        with writing(self.engine) as connection:
            ids = resolve_document(connection, reference)
            if len(ids) > 1:
                raise AmbiguousDocument(reference, ids)
            return connection.execute(delete(documents_t).where(documents_t.c.name.in_(ids))).rowcount

    # ------------------------------------------------------------------ reading

    def documents(self) -> list[dict[str, Any]]:
        return self.rows(documents_query())

    def timeline(self, subject: str, credit: str | None = None) -> list[dict[str, Any]]:
        return self.rows(timeline_query(subject, credit))

    def findings(self) -> list[dict[str, Any]]:
        return self.rows(findings_query())

    def reviews(self, finding_id: str | None = None) -> list[dict[str, Any]]:
        return self.rows(reviews_query(finding_id))

    def review(self, finding_id: str, verdict: str, note: str, by: str) -> dict[str, Any]:
        """Record a verdict on a stored finding (kept with the time; earlier verdicts stay in the trail)."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
        with writing(self.engine) as connection:
            known = select(findings_t.c.id).where(findings_t.c.finding_id == finding_id).limit(1)
            if connection.scalar(known) is None:
                raise UnknownFinding(finding_id)
            row = {"finding_id": finding_id, "verdict": verdict, "note": note, "reviewer": by,
                   "created_at": datetime.now(UTC)}  # fmt: skip
            row["id"] = connection.execute(insert(reviews_t).values(row).returning(reviews_t.c.id)).scalar_one()
        return row

    def rows(self, query: Select[Any]) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return [dict(row) for row in connection.execute(query).mappings()]


VERDICTS = ("confirmed", "false-positive", "fixed")


class UnknownFinding(LookupError):
    """`Store.review` of a finding id that no stored finding has."""


def store_findings(
    connection: Connection, findings: list[FindingValues], rename: dict[str, str], document_id: int
) -> None:
    """Insert a document's findings (`rows.finding_values`; `rename`: the document's name as audited -> the
    id it is stored under) and empty the list: first of its rows and let go at once, they leave room for
    the rest (on a long document they are tens of megabytes)."""
    names = [*FINDING_COLUMNS, "document_id"]
    for start in range(0, len(findings), INSERT_BATCH):
        batch = findings[start : start + INSERT_BATCH]
        insert_values(connection, findings_t, names, ((*renamed(found, rename), document_id) for found in batch))
    findings.clear()


@dataclass(frozen=True)
class Ingested:
    """What `Store.ingest` did: `added` (false: the same content was stored already), under which id."""

    added: bool
    id: str
    clash: str | None = None  # the id another document already had, when this one got a hash appended

    def __bool__(self) -> bool:
        return self.added


def free_id(connection: Connection, wanted: str, sha256: str) -> str:
    """`wanted`, or when another document has it, `wanted` with more and more of the hash appended."""
    for length in (0, HASH_CHARS, 16, len(sha256)):
        candidate = with_hash(wanted, sha256, length) if length else wanted
        if connection.scalar(select(documents_t.c.id).where(documents_t.c.name == candidate)) is None:
            return candidate
    raise AmbiguousDocument(wanted, [wanted])  # the same sha256 would have been found as present


HEX = frozenset("0123456789abcdef")


def resolve_document(connection: Connection, reference: str) -> list[str]:
    """The ids a reference names, trying in turn: the id; the sha256 or a prefix of 8+ of its
    characters; the file name, with or without its extension; the id the file name would give.
    None found: []. Several (two files of the same name): all of them, for the caller to refuse.
    """
    columns = select(documents_t.c.name).order_by(documents_t.c.id)
    if connection.scalar(columns.where(documents_t.c.name == reference)) is not None:
        return [reference]
    lowered = reference.lower()
    if len(lowered) >= HASH_CHARS and set(lowered) <= HEX:
        found = list(connection.scalars(columns.where(documents_t.c.sha256.startswith(lowered, autoescape=True))))
        if found:
            return found
    by_file = or_(
        documents_t.c.file_name == reference, documents_t.c.file_name.startswith(f"{reference}.", autoescape=True)
    )
    found = [name for name, file_name in connection.execute(columns.add_columns(documents_t.c.file_name).where(by_file))
             if file_name == reference or "." not in file_name[len(reference) + 1 :]]  # fmt: skip
    if found:
        return found
    made = slug(reference)
    return [made] if connection.scalar(columns.where(documents_t.c.name == made)) is not None else []


def titles_query() -> Select[Any]:
    return select(documents_t.c.name, documents_t.c.title).order_by(documents_t.c.id)


def findings_query() -> Select[Any]:
    """Every stored finding with its document's name and the latest verdict given on it (if any)."""
    latest = (
        select(reviews_t.c.finding_id, func.max(reviews_t.c.id).label("review_id"))
        .group_by(reviews_t.c.finding_id)
        .subquery("latest")
    )
    review = aliased(reviews_t, name="review")
    return (
        select(
            documents_t.c.name.label("document"),
            *(c for c in findings_t.c if c.name != "document_id"),
            review.c.verdict,
            review.c.note.label("verdict_note"),
            review.c.reviewer.label("verdict_by"),
            review.c.created_at.label("verdict_at"),
        )
        .outerjoin(documents_t, documents_t.c.id == findings_t.c.document_id)
        .outerjoin(latest, latest.c.finding_id == findings_t.c.finding_id)
        .outerjoin(review, review.c.id == latest.c.review_id)
        .order_by(findings_t.c.id)
    )


def reviews_query(finding_id: str | None = None) -> Select[Any]:
    """The review trail, oldest first (of one finding, or of all)."""
    query = select(*reviews_t.c).order_by(reviews_t.c.id)
    return query.where(reviews_t.c.finding_id == finding_id) if finding_id else query


def _pause_for_tests() -> None:
    # Tests kill an ingest while its transaction is open; this keeps it open long enough.
    if seconds := os.environ.get("BEGROOT_TEST_SLOW_INGEST"):
        print("begroot: slow ingest inside transaction", file=sys.stderr, flush=True)
        time.sleep(float(seconds))


def documents_query() -> Select[Any]:
    facts = select(func.count()).where(facts_t.c.document_id == documents_t.c.id).scalar_subquery()
    return select(*documents_t.c, facts.label("facts")).order_by(documents_t.c.id)


def stage_order() -> Any:
    return case(STAGE_ORDER, value=facts_t.c.stage, else_=len(STAGE_ORDER))


def timeline_query(subject: str, credit: str | None = None) -> Select[Any]:
    query = (
        select(
            facts_t.c.year,
            facts_t.c.stage,
            facts_t.c.credit,
            facts_t.c.row,
            facts_t.c.perimeter,
            facts_t.c.value,
            documents_t.c.name.label("document"),
            facts_t.c.page,
            facts_t.c.source_line,
            facts_t.c.subject,
            facts_t.c.scope,
        )
        .join(documents_t, documents_t.c.id == facts_t.c.document_id)
        .where(facts_t.c.subject == subject, facts_t.c.stage.in_(list(STAGE_ORDER)))
        .order_by(facts_t.c.year, stage_order(), facts_t.c.credit, facts_t.c.row, facts_t.c.perimeter, documents_t.c.id)
    )
    if credit:
        query = query.where(facts_t.c.credit == credit)
    return query


def record_conflicts(connection: Connection, document_id: int, domain: str) -> int:
    """Findings for every fact of this document that another document of the domain prints differently."""
    params = {"document_id": document_id, "domain": domain}
    if connection.scalar(others_query(), params) is None:
        return 0  # the first document of its domain: nothing to compare with (and no join to run)
    from ..audit.findings import conflict_id  # here: importing the audit would slow every read-only command

    this = documents_t.c
    name, sha256 = connection.execute(select(this.name, this.sha256).where(this.id == document_id)).one()
    rows = connection.execute(conflicts_query(), params)
    count = 0
    # Straight to the driver as tuples, in batches: a document may disagree with hundreds of others' figures.
    while batch := [_conflict(row, name, sha256, document_id, conflict_id) for row in rows.fetchmany(INSERT_BATCH)]:
        insert_values(connection, findings_t, list(CONFLICT_COLUMNS), batch)
        count += len(batch)
    return count


STATISTICS_EVERY = 32


def refresh_statistics(engine: Engine, document_id: int) -> None:
    """PostgreSQL plans the conflicts join from its table statistics, which a bulk ingest outdates
    faster than autovacuum renews them; a stale plan reads every fact of the domain for each new
    document (quadratic). They are renewed after documents 1, 2, 4, ..., 32, then every 32 documents
    (an ANALYZE samples a bounded number of rows: about 0.1 s). SQLite plans without statistics."""
    doubling = document_id < STATISTICS_EVERY and not document_id & (document_id - 1)
    if engine.dialect.name != "postgresql" or not (doubling or document_id % STATISTICS_EVERY == 0):
        return
    with engine.begin() as connection:
        connection.execute(text("ANALYZE documents, facts"))


@cache
def others_query() -> Select[Any]:
    """Another document of the `domain` than `document_id`, if any (built once, as `conflicts_query`)."""
    others = select(documents_t.c.id).where(
        documents_t.c.domain == bindparam("domain"), documents_t.c.id != bindparam("document_id")
    )
    return others.limit(1)


@cache
def conflicts_query() -> Select[Any]:
    """This document's facts (`document_id`) that another document of the `domain` prints with another value:
    the fact's key, value, page and line, the other's value, page and line, the other's id and name.

    Built once: making the statement cost more than running it on a small archive.
    """
    new, old = aliased(facts_t, name="new"), aliased(facts_t, name="old")
    other = aliased(documents_t, name="other")
    document_id: BindParameter[int] = bindparam("document_id")
    domain: BindParameter[str] = bindparam("domain")
    return (
        select(
            *(new.c[name] for name in (*FACT_KEY, "value", "page", "source_line")),
            old.c.value.label("old_value"),
            old.c.page.label("old_page"),
            old.c.source_line.label("old_line"),
            other.c.id.label("other_id"),
            other.c.name.label("other_name"),
            other.c.sha256.label("other_sha256"),
        )
        .join(old, and_(*(new.c[key] == old.c[key] for key in FACT_KEY), old.c.document_id != new.c.document_id))
        .join(other, and_(other.c.id == old.c.document_id, other.c.domain == domain))
        .where(new.c.document_id == document_id, new.c.value != old.c.value, new.c.stage != "DELTA")
    )


CONFLICT_COLUMNS = ("document_id", "related_document_id", "rule", "severity", "message", "numbers", "expected",
                    "locations", "finding_id")  # fmt: skip


def _conflict(
    row: Any, name: str | None, sha256: str, document_id: int, conflict_id: Callable[..., str]
) -> tuple[Any, ...]:
    """A conflict's finding (a row of `conflicts_query`) as parameters in CONFLICT_COLUMNS order (the
    columns it leaves out stay null), with its id from the audit's `conflict_id`: the figure's key and
    both documents' content, never which of them was stored first."""
    *key, value, page, line, old_value, old_page, old_line, other_id, other_name, other_sha256 = row
    what = " ".join(str(part) for part in key if part != "")
    message = f"{what}: {value} in {name} p.{page}, but {old_value} in {other_name} p.{old_page}"
    locations = [
        {"document": name, "page": page, "source_line": line},
        {"document": other_name, "page": old_page, "source_line": old_line},
    ]
    stable_id = conflict_id(CONFLICT_RULE, key, [(sha256, page, line), (other_sha256, old_page, old_line)])
    return (document_id, other_id, CONFLICT_RULE, "error", message, dumps([value, old_value]), old_value,
            dumps(locations), stable_id)  # fmt: skip
