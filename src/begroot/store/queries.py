"""Read-only queries for the HTTP API and the web pages.

Every function takes an open `Connection` and runs parametrised SQLAlchemy Core selects;
nothing here writes. Rows come back as plain dicts ready for JSON.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from sqlalchemy import BigInteger, Integer, Select, Text, bindparam, case, cast, func, or_, select, tuple_
from sqlalchemy.engine import Connection

from ..model import FACT_COLUMNS
from .schema import (
    articles_t,
    documents_t,
    facts_t,
    findings_t,
    generic_t,
    goals_t,
    ises_t,
    programs_t,
    reviews_t,
)
from .store import STAGE_ORDER, documents_query, findings_query, timeline_query, titles_query


def all_rows(connection: Connection, query: Any, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The rows as dicts, made from the result's keys once: `dict(row)` of each `.mappings()` row builds
    its key view anew, which cost more than the query itself for a page of facts."""
    result = connection.execute(query, params)
    keys = tuple(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.all()]


def _where(query: Select[Any], filters: list[tuple[Any, Any]]) -> Select[Any]:
    """`column == value` for every filter that is given."""
    for column, value in filters:
        if value is not None:
            query = query.where(column == value)
    return query


# --------------------------------------------------------------------------- prepared statements

# The API's uncached queries are built once per shape (which filters are given), with a bind parameter
# for each filter value and for the limit, offset and cursor: a request only binds its values. Building
# the Select and its cache key anew took longer than SQLite took to answer. Filters that are not a plain
# equality (an article's goal or text, a fact's program) are built with their values each time.

Params = dict[str, Any]


def _given(filters: Any) -> Params:
    """The filters given (not None) of a filter dataclass, by name."""
    return {
        field.name: getattr(filters, field.name)
        for field in fields(filters)
        if getattr(filters, field.name) is not None
    }


def _prepared(
    build: Callable[[Any], Select[Any]], filters: Any, equalities: frozenset[str]
) -> tuple[Select[Any], Params]:
    """`build(filters)` as a statement and the parameters to run it with."""
    values = _given(filters)
    kind: Any = type(filters)  # a class is hashable; mypy reads its __hash__ as unbound
    if values.keys() <= equalities:
        return _shaped(build, kind, tuple(values)), values
    return build(filters), {}


@lru_cache(maxsize=512)
def _shaped(build: Callable[[Any], Select[Any]], kind: Any, names: tuple[str, ...]) -> Select[Any]:
    return build(kind(**{name: bindparam(name) for name in names}))


def _with_values(prepared: tuple[Select[Any], Params], **values: Any) -> Select[Any]:
    """The statement with its values bound (to show it, e.g. EXPLAIN it)."""
    statement, params = prepared
    return statement.params(params | values)


PAGE = (bindparam("limit", type_=Integer), bindparam("offset", type_=Integer))


# --------------------------------------------------------------------------- documents


def signature(connection: Connection) -> tuple[str, ...]:
    """The sorted sha256s of the stored documents and the last review: changes whenever a document is added or
    removed, or a verdict given (a verdict changes what the pages count)."""
    documents = tuple(connection.scalars(select(documents_t.c.sha256).order_by(documents_t.c.sha256)))
    return (*documents, f"reviews:{connection.scalar(select(func.max(reviews_t.c.id)))}")


def documents(connection: Connection) -> list[dict[str, Any]]:
    rows = all_rows(connection, documents_query())
    for row in rows:
        row.pop("id", None)
        row["ingested_at"] = row["ingested_at"].isoformat() if row["ingested_at"] else None
    return rows


def titles(connection: Connection) -> dict[str, str]:
    """id -> title of every document, for naming documents on the pages."""
    return {name: title or name for name, title in connection.execute(titles_query())}


def document_id(connection: Connection, name: str) -> int | None:
    return connection.scalar(
        select(documents_t.c.id).where(documents_t.c.name == name).order_by(documents_t.c.id.desc())
    )


def latest_report(connection: Connection) -> str | None:
    """The document with article figures ingested last: the default for pages that show one document."""
    query = (
        select(documents_t.c.name)
        .where(documents_t.c.id.in_(select(facts_t.c.document_id).where(facts_t.c.scope == "article")))
        .order_by(documents_t.c.id.desc())
        .limit(1)
    )
    return connection.scalar(query) or connection.scalar(select(documents_t.c.name).order_by(documents_t.c.id.desc()))


def programs(connection: Connection) -> list[dict[str, Any]]:
    """One row per program code; the name from the latest document that prints one."""
    query = select(programs_t.c.code, programs_t.c.name, documents_t.c.name.label("document")).join(
        documents_t, documents_t.c.id == programs_t.c.document_id
    )
    best: dict[str, dict[str, Any]] = {}
    for row in all_rows(connection, query.order_by(documents_t.c.id)):
        if row["name"] or row["code"] not in best:
            best[row["code"]] = row
    return [best[code] for code in sorted(best)]


def ises(connection: Connection) -> list[dict[str, Any]]:
    query = (
        select(
            ises_t.c.key,
            ises_t.c.name,
            ises_t.c.program,
            ises_t.c.policy_field,
            ises_t.c.perimeter,
            documents_t.c.name.label("document"),
            ises_t.c.page,
            ises_t.c.line,
        )
        .join(documents_t, documents_t.c.id == ises_t.c.document_id)
        .order_by(ises_t.c.program, ises_t.c.key, documents_t.c.id)
    )
    return all_rows(connection, query)


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class ArticleFilter:
    program: str | None = None
    ise: str | None = None
    od: str | None = None
    suffix: str | None = None
    document: str | None = None
    q: str | None = None


ARTICLE_LIST_COLUMNS = ("code", "name", "part_program", "ise", "part_suffix", "goals", "entity", "page", "line")


def _articles_query(filters: ArticleFilter) -> Select[Any]:
    query = select(documents_t.c.name.label("document"), *(articles_t.c[c] for c in ARTICLE_LIST_COLUMNS)).join(
        documents_t, documents_t.c.id == articles_t.c.document_id
    )
    query = _where(
        query,
        [
            (articles_t.c.part_program, filters.program),
            (articles_t.c.ise, filters.ise),
            (articles_t.c.part_suffix, filters.suffix),
            (documents_t.c.name, filters.document),
        ],
    )
    if filters.od:
        # goals is a JSON list; its text form holds each code quoted, so '"OD 1"' never matches "OD 10".
        query = query.where(cast(articles_t.c.goals, Text).contains(f'"{filters.od}"', autoescape=True))
    if filters.q:
        needle = filters.q.lower()
        query = query.where(
            func.lower(articles_t.c.name).contains(needle, autoescape=True)
            | func.lower(articles_t.c.code).contains(needle, autoescape=True)
        )
    return query


ARTICLE_EQUALITIES = frozenset({"program", "ise", "suffix", "document"})  # od and q: LIKE patterns


def count_articles(connection: Connection, filters: ArticleFilter) -> int:
    return connection.scalar(*_prepared(_count_articles, filters, ARTICLE_EQUALITIES)) or 0


def articles_page(connection: Connection, filters: ArticleFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    statement, params = _prepared(_articles_page, filters, ARTICLE_EQUALITIES)
    rows = all_rows(connection, statement, params | {"limit": limit, "offset": offset})
    for row in rows:
        row["program"] = row.pop("part_program")
        row["suffix"] = row.pop("part_suffix")
    return rows


def _count_articles(filters: ArticleFilter) -> Select[Any]:
    return select(func.count()).select_from(_articles_query(filters).subquery())


def _articles_page(filters: ArticleFilter) -> Select[Any]:
    # articles.document_id rather than documents.id (equal by the join): the index on
    # (part_program, document_id, code) then gives a program's articles in page order.
    return _articles_query(filters).order_by(articles_t.c.document_id, articles_t.c.code).limit(PAGE[0]).offset(PAGE[1])


def articles_page_query(filters: ArticleFilter, limit: int, offset: int) -> Select[Any]:
    return _with_values(_prepared(_articles_page, filters, ARTICLE_EQUALITIES), limit=limit, offset=offset)


def article(connection: Connection, code: str, document: str | None = None) -> dict[str, Any] | None:
    """The article as printed in the latest document (or the one named), with its facts, goals and tables."""
    query = (
        select(documents_t.c.name.label("document"), documents_t.c.id.label("document_id"), articles_t)
        .join(documents_t, documents_t.c.id == articles_t.c.document_id)
        .where(articles_t.c.code == code)
    )
    query = _where(query, [(documents_t.c.name, document)]).order_by(documents_t.c.id.desc()).limit(1)
    row = connection.execute(query).mappings().first()
    if row is None:
        return None
    hidden = {"id", "document_id_1", "table_indexes", "generic_table_indexes"}
    found = {k: v for k, v in row.items() if k not in hidden}
    doc_id = found.pop("document_id")
    found["facts"] = facts(connection, FactFilter(subject=code), limit=10_000)
    found["goal_details"] = _goals_named(connection, doc_id, found["goals"] or [])
    found["generic_tables"] = _generic_tables(connection, doc_id, code)
    return found


def _goals_named(connection: Connection, doc_id: int, codes: list[str]) -> list[dict[str, Any]]:
    query = select(goals_t.c.code, goals_t.c.level, goals_t.c.title, goals_t.c.parent, goals_t.c.page).where(
        goals_t.c.document_id == doc_id, goals_t.c.code.in_(codes)
    )
    return all_rows(connection, query.order_by(goals_t.c.number))


def _generic_tables(connection: Connection, doc_id: int, code: str) -> list[dict[str, Any]]:
    query = select(generic_t.c.page, generic_t.c.line, generic_t.c.header, generic_t.c.rows).where(
        generic_t.c.document_id == doc_id, generic_t.c.article == code
    )
    return all_rows(connection, query.order_by(generic_t.c.table_index))


def article_findings(connection: Connection, code: str) -> list[dict[str, Any]]:
    return all_rows(connection, findings_query().where(findings_t.c.subject == code))


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class FactFilter:
    """Filters on the fact table, shared by the API and the exports; None means 'all'."""

    document: str | None = None
    scope: str | None = None
    subject: str | None = None
    row: str | None = None
    credit: str | None = None
    year: int | None = None
    stage: str | None = None
    program: str | None = None  # the program's summary, its ISEs and its articles

    def apply(self, query: Select[Any]) -> Select[Any]:
        query = _where(
            query,
            [
                (documents_t.c.name, self.document),
                (facts_t.c.scope, self.scope),
                (facts_t.c.subject, self.subject),
                (facts_t.c.row, self.row),
                (facts_t.c.credit, self.credit),
                (facts_t.c.year, self.year),
                (facts_t.c.stage, self.stage),
            ],
        )
        return query if self.program is None else query.where(of_program(self.program))


FACT_EQUALITIES = frozenset({"document", "scope", "subject", "row", "credit", "year", "stage"})  # not program


def of_program(program: str) -> Any:
    """A fact belongs to a program as its summary, one of its ISEs (`JD:...`) or one of its articles."""
    articles = select(articles_t.c.code).where(articles_t.c.part_program == program)
    return or_(
        facts_t.c.subject == program,
        facts_t.c.subject.like(f"{program}:%"),
        facts_t.c.subject.in_(articles),
    )


def _facts_query(filters: FactFilter, *, perimeter: bool = True) -> Select[Any]:
    """The FACT_COLUMNS columns in their order (then the perimeter) of the facts matching `filters`."""
    columns = [
        documents_t.c.name.label("document"),
        *(facts_t.c[name] for name in FACT_COLUMNS[1:]),
        *([facts_t.c.perimeter] if perimeter else []),
    ]
    query = select(*columns).join(documents_t, documents_t.c.id == facts_t.c.document_id)
    return filters.apply(query)


# facts.document_id rather than documents.id (equal by the join): an index holding (document_id, id)
# after the filtered columns then gives the rows in this order, without sorting them all.
FACT_ORDER = (facts_t.c.document_id, facts_t.c.id)


def facts(connection: Connection, filters: FactFilter, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    query = _facts_query(filters).order_by(*FACT_ORDER).limit(limit).offset(offset)
    return all_rows(connection, query)


Cursor = tuple[int, int]  # (document id, fact id) of the last fact of a page


def facts_page(
    connection: Connection, filters: FactFilter, limit: int, offset: int = 0, after: Cursor | None = None
) -> tuple[list[dict[str, Any]], Cursor | None]:
    """One page of facts in (document, fact) order and the cursor of its last fact (None: no more).

    With `after` (keyset pagination) the page starts behind that cursor: the index on
    (document_id, id) finds it directly, however deep, where an offset counts every row before it.
    """
    statement, params = _prepared(_facts_page_after if after else _facts_page, filters, FACT_EQUALITIES)
    params |= {"limit": limit + 1, "offset": offset}
    if after is not None:
        params |= {"after_document": after[0], "after_id": after[1]}
    rows = all_rows(connection, statement, params)
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = (rows[-1]["_document_id"], rows[-1]["_id"]) if more and rows else None
    for row in rows:
        del row["_document_id"], row["_id"]
    return rows, cursor


def facts_page_query(filters: FactFilter, limit: int, offset: int = 0, after: Cursor | None = None) -> Select[Any]:
    if after is None:
        return _with_values(_prepared(_facts_page, filters, FACT_EQUALITIES), limit=limit, offset=offset)
    prepared = _prepared(_facts_page_after, filters, FACT_EQUALITIES)
    return _with_values(prepared, limit=limit, offset=offset, after_document=after[0], after_id=after[1])


def _facts_page(filters: FactFilter) -> Select[Any]:
    query = _facts_query(filters).add_columns(facts_t.c.document_id.label("_document_id"), facts_t.c.id.label("_id"))
    return query.order_by(*FACT_ORDER).limit(PAGE[0]).offset(PAGE[1])


def _facts_page_after(filters: FactFilter) -> Select[Any]:
    # BigInteger: a cursor may hold any 12-digit number (PostgreSQL would refuse it as an INTEGER).
    cursor = tuple_(bindparam("after_document", type_=BigInteger), bindparam("after_id", type_=BigInteger))
    return _facts_page(filters).where(tuple_(facts_t.c.document_id, facts_t.c.id) > cursor)


def count_facts(connection: Connection, filters: FactFilter) -> int:
    return connection.scalar(*_prepared(_count_facts, filters, FACT_EQUALITIES)) or 0


def count_facts_query(filters: FactFilter) -> Select[Any]:
    return _with_values(_prepared(_count_facts, filters, FACT_EQUALITIES))


def _count_facts(filters: FactFilter) -> Select[Any]:
    if filters.document is not None:
        return select(func.count()).select_from(_facts_query(filters).subquery())
    # Without a document filter the join to documents adds nothing (every fact has its document): count
    # the facts table alone, from an index when one covers the filters.
    return filters.apply(select(func.count()).select_from(facts_t))


def iter_facts_query(filters: FactFilter) -> Select[Any]:
    return _facts_query(filters, perimeter=False).order_by(*FACT_ORDER)


def timeline(connection: Connection, subject: str, credit: str | None = None) -> list[dict[str, Any]]:
    return all_rows(connection, timeline_query(subject, credit))


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class FindingFilter:
    rule: str | None = None
    severity: str | None = None
    document: str | None = None
    subject: str | None = None
    verdict: str | None = None  # the latest verdict; "none": not reviewed


def _findings_where(filters: FindingFilter) -> Select[Any]:
    query = _where(
        findings_query(),
        [
            (findings_t.c.rule, filters.rule),
            (findings_t.c.severity, filters.severity),
            (documents_t.c.name, filters.document),
            (findings_t.c.subject, filters.subject),
        ],
    )
    verdict = query.selected_columns.verdict  # the latest review's, joined in this very query
    if filters.verdict == "none":
        return query.where(verdict.is_(None))
    if filters.verdict:
        return query.where(verdict == filters.verdict)
    return query


def findings_page(
    connection: Connection, filters: FindingFilter, limit: int, offset: int = 0, by_severity: bool = False
) -> tuple[list[dict[str, Any]], int]:
    """One page of the findings that match, and how many match in all (the true total); `by_severity`:
    errors first, then warnings, then info (the dashboard), else in the order they were stored."""
    query = _findings_where(filters)
    total = connection.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    if by_severity:
        rank = case({"error": 0, "warning": 1, "info": 2}, value=findings_t.c.severity, else_=3)
        query = query.order_by(None).order_by(rank, findings_t.c.id)
    return _finding_rows(all_rows(connection, query.limit(limit).offset(offset))), int(total)


def finding_rules(connection: Connection) -> list[str]:
    """The rules that gave findings: the choices of the audit page's filter."""
    return list(connection.scalars(select(findings_t.c.rule).distinct().order_by(findings_t.c.rule)))


def findings(connection: Connection, filters: FindingFilter) -> list[dict[str, Any]]:
    return _finding_rows(all_rows(connection, _findings_where(filters)))


def _finding_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row.pop("related_document_id", None)
        row.pop("id", None)  # one id per finding everywhere: its stable `finding_id`, never the row number
    return rows


def article_codes(connection: Connection) -> set[str]:
    return set(connection.scalars(select(articles_t.c.code).distinct()))


# --------------------------------------------------------------------------- goals


def goals(connection: Connection, document: str | None = None) -> list[dict[str, Any]]:
    """The SD -> OD tree of a document (default: the latest report), each OD with its articles and budgets."""
    name = document or latest_report(connection)
    doc_id = document_id(connection, name) if name else None
    if doc_id is None:
        return []
    rows = all_rows(
        connection,
        select(goals_t.c.code, goals_t.c.level, goals_t.c.title, goals_t.c.parent, goals_t.c.themes, goals_t.c.page)
        .where(goals_t.c.document_id == doc_id)
        .order_by(goals_t.c.level.desc(), goals_t.c.number),
    )
    served = _articles_by_goal(connection, doc_id)
    tree = [row | {"document": name, "ods": []} for row in rows if row["level"] == "sd"]
    by_code = {sd["code"]: sd for sd in tree}
    for od in (row for row in rows if row["level"] == "od"):
        od["articles"] = served.get(od["code"], [])
        parent = by_code.get(od["parent"] or "")
        if parent is not None:
            parent["ods"].append(od)
    return tree


def _articles_by_goal(connection: Connection, doc_id: int) -> dict[str, list[dict[str, Any]]]:
    query = select(articles_t.c.code, articles_t.c.name, articles_t.c.goals).where(articles_t.c.document_id == doc_id)
    budgets = _article_budgets(connection, doc_id)
    served: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in all_rows(connection, query.order_by(articles_t.c.code)):
        for code in row["goals"] or []:
            served[code].append({"code": row["code"], "name": row["name"], "budget": budgets.get(row["code"], {})})
    return served


def _article_budgets(connection: Connection, doc_id: int) -> dict[str, dict[str, int]]:
    """'{credit} {stage}' -> value of each article's total row in one document."""
    query = select(facts_t.c.subject, facts_t.c.credit, facts_t.c.stage, facts_t.c.value).where(
        facts_t.c.document_id == doc_id, facts_t.c.scope == "article", facts_t.c.row == "total"
    )
    budgets: dict[str, dict[str, int]] = defaultdict(dict)
    for row in all_rows(connection, query):
        budgets[row["subject"]][f"{row['credit']} {row['stage']}"] = row["value"]
    return budgets


# --------------------------------------------------------------------------- home page


def names(connection: Connection) -> dict[str, str]:
    """Display names of programs and ISEs, keyed by code / ISE key."""
    found = {row["code"]: row["name"] for row in programs(connection) if row["name"]}
    for row in ises(connection):
        found.setdefault(row["key"], row["name"])
    return found


# --------------------------------------------------------------------------- compare


def headline(
    connection: Connection, document: str, stage: str | None, by_perimeter: bool = False
) -> dict[tuple[str, ...], dict[str, Any]]:
    """(scope, subject, credit) -> the total-row figure of a document at a stage (default: its own stage);
    `by_perimeter`: (scope, subject, credit, perimeter), a figure per perimeter it is printed in.

    When a stage is printed for several years, the latest year counts; else the first perimeter printed wins.
    """
    doc = connection.execute(
        select(documents_t.c.id, documents_t.c.stage).where(documents_t.c.name == document)
    ).first()
    if doc is None:
        return {}
    query = (
        select(
            facts_t.c.scope,
            facts_t.c.subject,
            facts_t.c.credit,
            facts_t.c.year,
            facts_t.c.value,
            facts_t.c.page,
            facts_t.c.source_line,
            facts_t.c.perimeter,
        )
        .where(facts_t.c.document_id == doc.id, facts_t.c.row == "total", facts_t.c.stage == (stage or doc.stage))
        .order_by(facts_t.c.year.desc(), facts_t.c.id)
    )
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    for row in all_rows(connection, query):
        key = (row["scope"], row["subject"], row["credit"]) + ((row["perimeter"],) if by_perimeter else ())
        found.setdefault(key, row)
    return found


def stages_of(connection: Connection, document: str) -> list[str]:
    query = (
        select(facts_t.c.stage)
        .join(documents_t, documents_t.c.id == facts_t.c.document_id)
        .where(documents_t.c.name == document)
        .distinct()
    )
    return sorted(connection.scalars(query), key=lambda s: STAGE_ORDER.get(s, 9))
