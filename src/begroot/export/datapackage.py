"""A Fiscal Data Package: `datapackage.json` with CSV resources and an OpenSpending-style `model`.

The fiscal resource `budget.csv` has one row per budget line (document, subject, row, year,
stage, perimeter) and one measure column per credit (VAK, VEK, AO, TO, LO), in thousand euro
(`factor: 1000`). The long fact table and the describing tables travel along as plain resources.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..model import CREDITS
from .formats import csv_safe

# BBT stage -> Fiscal Data Package budget phase (DELTA is a difference, not a phase: left out).
PHASES = {"BO": "proposed", "BA": "adjusted", "BA-JR": "adjusted", "BU": "executed"}
CREDIT_TITLES = {
    "VAK": "Vastleggingskredieten",
    "VEK": "Vereffeningskredieten",
    "AO": "Algemene ontvangsten",
    "TO": "Toegewezen ontvangsten",
    "LO": "Leningsontvangsten",
}
LINE_KEYS = ["document", "table_index", "scope", "subject", "row", "year", "stage", "perimeter"]
PART_COLUMNS = {"part_entity": "article_entity", "part_kind": "article_kind", "part_program": "article_program",
                "part_middle": "article_middle", "part_suffix": "article_suffix"}  # fmt: skip


def budget_lines(facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Facts pivoted so every credit is a measure column, with program, ISE, article and phase columns."""
    facts = facts[facts["stage"].astype(str).isin(list(PHASES))]
    keys = pd.DataFrame({k: facts[k].astype(object) for k in LINE_KEYS})
    long = keys.assign(credit=facts["credit"].astype(str), value=facts["value"])
    wide = long.pivot_table(index=LINE_KEYS, columns="credit", values="value", aggfunc="first").reset_index()
    wide.columns.name = None
    for credit in CREDITS:
        wide[credit] = wide[credit].astype("Int64") if credit in wide else pd.array([pd.NA] * len(wide), "Int64")
    wide = _with_articles(wide, articles)
    wide["budget_phase"] = wide["stage"].map(PHASES)
    wide["program"] = wide.apply(_program, axis=1)
    wide["ise"] = wide.apply(lambda r: r["subject"] if r["scope"] == "ise" else r["article_ise"], axis=1)
    columns = ["document", "scope", "subject", "row", "perimeter", "program", "ise", "article", *PART_COLUMNS.values(),
               "year", "stage", "budget_phase", *CREDITS]  # fmt: skip
    order = wide.sort_values(["document", "table_index", "subject", "row", "year"], kind="stable")
    return order[columns].reset_index(drop=True)


def _with_articles(wide: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    parts = articles[["document", "code", "ise", *PART_COLUMNS]].drop_duplicates(["document", "code"])
    parts = parts.rename(columns={"code": "article", "ise": "article_ise", **PART_COLUMNS})
    wide = wide.assign(article=wide["subject"].where(wide["scope"] == "article"))
    return wide.merge(parts, on=["document", "article"], how="left")


def _program(row: pd.Series) -> Any:
    if row["scope"] == "program":
        return row["subject"]
    if row["scope"] == "ise":
        return str(row["subject"]).partition(":")[0]
    return row["article_program"] if row["scope"] == "article" else None


def model() -> dict[str, Any]:
    measures = {
        credit: {"source": credit, "title": CREDIT_TITLES[credit], "currency": "EUR", "factor": 1000}
        for credit in CREDITS
    }
    article_parts = {name.removeprefix("article_"): {"source": name} for name in PART_COLUMNS.values()}
    dimensions = {
        "program": _dimension("program", "classification", classificationType="functional"),
        "ise": _dimension("ise", "classification", classificationType="functional"),
        "article": {
            "dimensionType": "classification",
            "classificationType": "economic",
            "attributes": {"code": {"source": "article"}, **article_parts},
            "primaryKey": ["code"],
        },
        "budget-phase": {
            "dimensionType": "other",
            "attributes": {"budgetPhase": {"source": "budget_phase"}, "stage": {"source": "stage"}},
            "primaryKey": ["stage"],
        },
        "fiscal-period": _dimension("year", "datetime"),
        "document": _dimension("document", "other"),
        "row": _dimension("row", "other"),
        "perimeter": _dimension("perimeter", "other"),
    }
    return {"measures": measures, "dimensions": dimensions}


def _dimension(source: str, kind: str, **extra: str) -> dict[str, Any]:
    return {"dimensionType": kind, **extra, "attributes": {source: {"source": source}}, "primaryKey": [source]}


def _period(years: list[int]) -> dict[str, str]:
    if not years:
        return {}
    return {"start": f"{min(years)}-01-01", "end": f"{max(years)}-12-31"}


def field_type(series: pd.Series) -> str:
    kind = series.dtype
    if pd.api.types.is_bool_dtype(kind):
        return "boolean"
    if pd.api.types.is_integer_dtype(kind):
        return "integer"
    if pd.api.types.is_float_dtype(kind):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(kind):
        return "datetime"
    return "string"


def _for_csv(df: pd.DataFrame) -> pd.DataFrame:
    # Table Schema datetimes are ISO 8601 with a 'T'; booleans as true/false.
    df = df.copy()
    for column in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[column].dtype):
            df[column] = df[column].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    return df


def _types(df: pd.DataFrame) -> dict[str, str]:
    types = {}
    for column in df.columns:
        series = df[column]
        if series.dtype == object and series.notna().any() and all(isinstance(v, bool) for v in series.dropna()):
            types[column] = "boolean"
        else:
            types[column] = field_type(series)
    return types


def resource(name: str, df: pd.DataFrame, folder: Path) -> dict[str, Any]:
    path = f"{name}.csv"
    types = _types(df)
    csv_safe(_for_csv(df)).to_csv(folder / path, index=False)
    fields = [{"name": column, "type": types[column]} for column in df.columns]
    return {"name": name, "path": path, "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "schema": {"fields": fields}}  # fmt: skip


def write_datapackage(tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    """`datapackage.json` + `budget.csv` (the fiscal resource) + one CSV per export table."""
    folder.mkdir(parents=True, exist_ok=True)
    budget = budget_lines(tables["facts"], tables["articles"])
    resources = [resource("budget", budget, folder)]
    resources += [resource(name, df, folder) for name, df in tables.items()]
    years = sorted({int(y) for y in budget["year"]})
    descriptor = {
        "name": "begroot-bbt",
        "title": "Flemish budget documents (BBT): figures in thousand euro",
        "profile": "tabular-data-package",
        "countryCode": "BE",
        "granularity": "aggregated",
        "fiscalPeriod": _period(years),
        "resources": resources,
        "model": model(),
    }
    path = folder / "datapackage.json"
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [path, *(folder / r["path"] for r in resources)]
