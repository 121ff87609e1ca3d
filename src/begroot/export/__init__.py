"""Exports of the database (CSV, Parquet, XLSX, Fiscal Data Package), regenerated reports and diffs.

Everything here only reads: the database through `store.exports`, or documents parsed on the fly.
See docs/export.md.
"""

from __future__ import annotations

from .datapackage import write_datapackage
from .diff import compare, load_side
from .formats import write_csv, write_parquet, write_xlsx
from .html import render_html
from .markdown import render_markdown
from .report import build_report
from .tables import TABLES, load

__all__ = [
    "TABLES",
    "build_report",
    "compare",
    "load",
    "load_side",
    "render_html",
    "render_markdown",
    "write_csv",
    "write_datapackage",
    "write_parquet",
    "write_xlsx",
]
