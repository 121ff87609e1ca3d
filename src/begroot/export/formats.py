"""Writers for the flat formats: CSV, Parquet and XLSX."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..formula import csv_cell, looks_like_formula
from .tables import AMOUNTS

THOUSANDS = "#,##0"  # Excel shows it with the reader's separators: 1.581.119 in a Dutch locale
MAX_WIDTH = 60


def write_csv(tables: dict[str, pd.DataFrame], output: Path | None) -> list[Path]:
    """No output: the facts to stdout. Otherwise a folder with `<table>.csv` for every table.
    Text that a spreadsheet would run as a formula is written inert (`formula.py`)."""
    if output is None:
        csv_safe(tables["facts"]).to_csv(sys.stdout, index=False)
        return []
    return _per_table(tables, output, "csv", lambda df, path: csv_safe(df).to_csv(path, index=False))


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns with formula-like cells prefixed by an apostrophe; numbers untouched."""
    risky = [
        column
        for column in df.columns
        if not pd.api.types.is_numeric_dtype(df[column].dtype)
        and bool(df[column].astype(object).map(looks_like_formula).any())
    ]
    if not risky:
        return df
    df = df.copy()
    for column in risky:
        df[column] = df[column].astype(object).map(csv_cell)
    return df


def write_parquet(tables: dict[str, pd.DataFrame], output: Path) -> list[Path]:
    return _per_table(tables, output, "parquet", lambda df, path: df.to_parquet(path, index=False))


def _per_table(
    tables: dict[str, pd.DataFrame], folder: Path, ext: str, write: Callable[[pd.DataFrame, Path], object]
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in tables.items():
        path = folder / f"{name}.{ext}"
        write(df, path)
        paths.append(path)
    return paths


def write_xlsx(tables: dict[str, pd.DataFrame], output: Path) -> list[Path]:
    """One workbook, a sheet per table: header frozen, autofilter, amounts with thousands separators."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(output, engine="openpyxl") as writer:
        for name, df in tables.items():
            _for_excel(df).to_excel(writer, sheet_name=name, index=False)
            _text_stays_text(writer.sheets[name])
            _format_sheet(writer.sheets[name], df)
    return [output]


def _text_stays_text(sheet: Worksheet) -> None:
    """openpyxl stores a string starting with '=' as a formula; every value here is data, so it
    is stored as the string it is (a document named '=HYPERLINK(...)' stays text)."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _for_excel(df: pd.DataFrame) -> pd.DataFrame:
    # Excel has no time zones: timestamps go as naive UTC.
    df = df.copy()
    for column in df.columns:
        if isinstance(df[column].dtype, pd.DatetimeTZDtype):
            df[column] = df[column].dt.tz_convert("UTC").dt.tz_localize(None)
    return df


def _format_sheet(sheet: Worksheet, df: pd.DataFrame) -> None:
    sheet.freeze_panes = "A2"
    if sheet.max_row > 0 and sheet.max_column > 0:
        sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(df.columns, start=1):
        letter = get_column_letter(index)
        if column in AMOUNTS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = THOUSANDS
        sheet.column_dimensions[letter].width = _width(df[column], str(column))


def _width(values: pd.Series, header: str) -> float:
    """Wide enough for the header and the longest value (with room for the filter button)."""
    longest = max((len(_shown(v)) for v in values), default=0)
    return min(max(longest, len(header) + 3) + 2, MAX_WIDTH)


def _shown(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool) and value == value:
        return f"{value:,.0f}" if float(value).is_integer() else str(value)
    return "" if value is None else str(value)
