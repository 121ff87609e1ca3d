"""The export tables as typed pandas frames: the facts and the tables that describe them."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from sqlalchemy import Select

from ..store import Store
from ..store.exports import (
    articles_export,
    bridge_export,
    documents_export,
    facts_query,
    findings_export,
    goals_export,
    ises_export,
    programs_export,
)
from ..store.queries import FactFilter

# Export order: the facts first, then what describes them.
TABLES = ("facts", "documents", "programs", "ises", "articles", "goals", "findings", "bridge")

INTEGERS = (
    "id",
    "related_document_id",
    "value",
    "year",
    "page",
    "source_line",
    "table_index",
    "line",
    "end_line",
    "number",
    "page_count",
    "facts",
    "position",
)
CATEGORIES = ("scope", "subject", "row", "credit", "stage", "severity", "rule", "level", "kind")
TIMESTAMPS = ("ingested_at",)
# Lists and nested values travel as JSON text: every format can hold a string.
JSON_COLUMNS = ("goals", "table_indexes", "generic_table_indexes", "credit_evolution", "themes", "ises", "bullets",
                "numbers", "locations", "context")  # fmt: skip
AMOUNTS = ("value", "expected", "actual")  # thousand euro: shown with thousands separators


def frame(store: Store, query: Select[Any]) -> pd.DataFrame:
    with store.engine.connect() as connection:
        result = connection.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """Proper dtypes: int64 counts and amounts, categories for codes, UTC timestamps, JSON text."""
    df = df.copy()
    for column in df.columns:
        if column in JSON_COLUMNS:
            df[column] = df[column].map(lambda v: None if v is None else json.dumps(v, ensure_ascii=False))
        elif column in INTEGERS:
            df[column] = df[column].astype("int64" if df[column].notna().all() else "Int64")
        elif column in CATEGORIES:
            df[column] = df[column].astype("category")
        elif column in TIMESTAMPS:
            df[column] = pd.to_datetime(df[column], utc=True)
    return df


def load(store: Store, where: FactFilter = FactFilter()) -> dict[str, pd.DataFrame]:
    """Every export table, filtered: facts by all filters, the others by document (and program)."""
    doc, program = where.document, where.program
    queries = {
        "facts": facts_query(where),
        "documents": documents_export(doc),
        "programs": programs_export(doc, program),
        "ises": ises_export(doc, program),
        "articles": articles_export(doc, program),
        "goals": goals_export(doc),
        "findings": findings_export(doc),
        "bridge": bridge_export(doc, program),
    }
    return {name: typed(frame(store, queries[name])) for name in TABLES}
