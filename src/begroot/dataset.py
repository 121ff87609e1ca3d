"""`begroot.open()`: the database as pandas DataFrames.

    >>> import begroot
    >>> ds = begroot.open()                  # BEGROOT_DB, or the default SQLite file
    >>> ds.timeline("JD", credit="VAK")
    >>> ds.execution("JD")                   # BU / BA-JR per subject, credit, year

Every query is a parametrised SQLAlchemy select.
"""

from __future__ import annotations

import builtins
from typing import Any

import pandas as pd
from sqlalchemy import Select, select

from .store import Store
from .store.schema import articles_t, documents_t, facts_t, findings_t
from .store.store import documents_query, findings_query, stage_order, timeline_query


def open(url: str | None = None) -> Dataset:
    return Dataset(Store(url))


def _where(query: Select[Any], column_filters: builtins.list[tuple[Any, Any]]) -> Select[Any]:
    """Add `column == value` for every filter that is given (not None)."""
    for column, value in column_filters:
        if value is not None:
            query = query.where(column == value)
    return query


class Dataset:
    def __init__(self, store: Store):
        self.store = store

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _frame(self, query: Select[Any]) -> pd.DataFrame:
        with self.store.engine.connect() as connection:
            result = connection.execute(query)
            return pd.DataFrame(result.all(), columns=builtins.list(result.keys()))

    def documents(self) -> pd.DataFrame:
        return self._frame(documents_query())

    def articles(self, program: str | None = None, ise: str | None = None, document: str | None = None) -> pd.DataFrame:
        query = (
            select(
                documents_t.c.name.label("document"), *(c for c in articles_t.c if c.name not in {"id", "document_id"})
            )
            .join(documents_t, documents_t.c.id == articles_t.c.document_id)
            .order_by(documents_t.c.id, articles_t.c.id)
        )
        filters = [(articles_t.c.part_program, program), (articles_t.c.ise, ise), (documents_t.c.name, document)]
        return self._frame(_where(query, filters))

    def facts(
        self,
        document: str | None = None,
        scope: str | None = None,
        subject: str | None = None,
        credit: str | None = None,
        year: int | None = None,
        stage: str | None = None,
        row: str | None = None,
    ) -> pd.DataFrame:
        query = (
            select(documents_t.c.name.label("document"), *(c for c in facts_t.c if c.name not in {"id", "document_id"}))
            .join(documents_t, documents_t.c.id == facts_t.c.document_id)
            .order_by(documents_t.c.id, facts_t.c.id)
        )
        filters = [
            (documents_t.c.name, document),
            (facts_t.c.scope, scope),
            (facts_t.c.subject, subject),
            (facts_t.c.credit, credit),
            (facts_t.c.year, year),
            (facts_t.c.stage, stage),
            (facts_t.c.row, row),
        ]
        return self._frame(_where(query, filters))

    def timeline(self, subject: str, credit: str | None = None) -> pd.DataFrame:
        return self._frame(timeline_query(subject, credit))

    def execution(self, subject: str | None = None) -> pd.DataFrame:
        """Budget execution: the realised amount (BU) against the adjusted budget (BA-JR), rate = BU / BA-JR.

        One row per subject, row, perimeter, credit and year; when several documents print the
        figure, the one ingested last counts.
        """
        keys = ["subject", "row", "perimeter", "credit", "year"]
        query = (
            select(*(facts_t.c[k] for k in keys), facts_t.c.stage, facts_t.c.value)
            .where(facts_t.c.stage.in_(["BU", "BA-JR"]))
            .order_by(facts_t.c.document_id, stage_order())
        )
        facts = self._frame(_where(query, [(facts_t.c.subject, subject)]))
        if facts.empty:
            return pd.DataFrame(columns=[*keys, "BU", "BA-JR", "rate"])
        table = facts.pivot_table(index=keys, columns="stage", values="value", aggfunc="last").reset_index()
        table.columns.name = None
        for stage in ("BU", "BA-JR"):
            if stage not in table:
                table[stage] = pd.NA
        table = table.dropna(subset=["BU", "BA-JR"]).astype({"BU": "int64", "BA-JR": "int64"})
        table["rate"] = table["BU"] / table["BA-JR"].where(table["BA-JR"] != 0)
        return table[[*keys, "BU", "BA-JR", "rate"]].reset_index(drop=True)

    def findings(self, rule: str | None = None, severity: str | None = None) -> pd.DataFrame:
        query = findings_query()
        frame = self._frame(_where(query, [(findings_t.c.rule, rule), (findings_t.c.severity, severity)]))
        return frame.drop(columns=["id"], errors="ignore")  # one id per finding: `finding_id`
