"""The hot queries of the API (those that miss the response cache) are served by indexes, on both backends.

SQLite: EXPLAIN QUERY PLAN must SEARCH the big tables through the named index, never SCAN them.
PostgreSQL: with sequential scans disabled for the transaction (the test database is too small for
the planner to prefer an index on its own), EXPLAIN must name the index: it exists and fits the query.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import sqlalchemy as sa

from begroot.store import queries
from begroot.store.engine import make_engine
from begroot.store.queries import ArticleFilter, FactFilter
from begroot.store.store import timeline_query


@pytest.fixture(scope="module")
def engine(samples_db: str) -> Any:
    made = make_engine(samples_db)
    yield made
    made.dispose()


def plan(engine: sa.Engine, query: Any) -> str:
    """The query plan as text (literal values inlined, so the planner sees what a request sends)."""
    with engine.connect() as connection, connection.begin():
        sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
        if connection.dialect.name == "sqlite":
            return "\n".join(row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        return "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {sql.replace('%', '%%')}"))


def assert_indexed(text: str, table: str, index: str) -> None:
    assert index in text, text
    assert not re.search(rf"\bSCAN {table}\b(?! USING)", text), text  # SQLite: no full scan of the table
    assert f"Seq Scan on {table}" not in text, text  # PostgreSQL


HOT = {
    "facts of a subject (count)": (lambda: queries.count_facts_query(FactFilter(subject="JD")), "facts",
                                   "ix_facts_subject_credit_year_stage"),
    "facts of a subject (page)": (lambda: queries.facts_page_query(FactFilter(subject="JD", credit="VAK"), 50, 100),
                                  "facts", "ix_facts_subject_credit_year_stage"),
    "facts by credit and stage (count)": (lambda: queries.count_facts_query(FactFilter(credit="VAK", stage="BU")),
                                          "facts", "ix_facts_credit_stage_document_id_id_year"),
    "facts by credit and stage (page)": (lambda: queries.facts_page_query(FactFilter(credit="VAK", stage="BU"), 50, 100),
                                         "facts", "ix_facts_credit_stage_document_id_id_year"),
    "facts of a document (count)": (lambda: queries.count_facts_query(FactFilter(document="x")), "facts",
                                    "ix_facts_document_id"),
    "timeline": (lambda: timeline_query("JD", "VAK"), "facts", "ix_facts_subject_credit_year_stage"),
    "articles of a program (page)": (lambda: queries.articles_page_query(ArticleFilter(program="JD"), 20, 40),
                                     "articles", "ix_articles_part_program_document_id_code"),
    "findings of a subject": (lambda: queries.findings_query().where(sa.column("subject") == "JD"), "findings",
                              "ix_findings_subject"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(HOT))
def test_hot_query_uses_its_index(engine: sa.Engine, name: str) -> None:
    make, table, index = HOT[name]
    assert_indexed(plan(engine, make()), table, index)


@pytest.mark.parametrize(
    "filters", [FactFilter(credit="VAK", stage="BU"), FactFilter(credit="VAK", stage="BU", year=2024)]
)
def test_facts_pages_by_credit_and_stage_come_in_page_order(engine: sa.Engine, filters: FactFilter) -> None:
    """The index gives the rows in page order: a page reads its own rows (and those its offset skips),
    not every matching row to sort them. (SQLite's plan says so; PostgreSQL's planner decides by size.)"""
    for query in (queries.facts_page_query(filters, 50, 100), queries.iter_facts_query(filters)):
        text = plan(engine, query)
        assert "ix_facts_credit_stage_document_id_id_year" in text, text
        assert "TEMP B-TREE" not in text, text


def test_facts_cursor_page_starts_from_an_index(engine: sa.Engine) -> None:
    """Keyset pagination: the page behind a cursor is found by index, not by reading the rows before it."""
    text = plan(engine, queries.facts_page_query(FactFilter(), 50, 0, (1, 100)))
    assert not re.search(r"\bSCAN facts\b(?! USING)", text) and "Seq Scan on facts" not in text, text


def test_search_uses_the_full_text_index(engine: sa.Engine) -> None:
    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
    query = (
        sa.text("SELECT entry_id FROM search_index WHERE terms @@ plainto_tsquery('dutch', 'opleiding')")
        if postgres
        else sa.text("SELECT rowid FROM search_index WHERE search_index MATCH 'opleid'")
    )
    text = plan(engine, query)
    assert ("search_index_terms" in text) if postgres else ("VIRTUAL TABLE INDEX" in text), text
