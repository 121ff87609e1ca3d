"""Text that a spreadsheet would run as a formula, made inert (CSV injection, OWASP).

A CSV cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula: a document named `=HYPERLINK(...)` would become a
live link. Following the OWASP convention such text cells get a leading apostrophe, which the
spreadsheet shows as text and hides. Only text is touched: numbers (a negative delta) never.
XLSX needs no prefix: its cells carry a type, and `export/formats.py` writes text as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """The value as it may go into a CSV cell: text that starts like a formula gets a leading `'`."""
    return f"'{value}" if looks_like_formula(value) else value


def csv_safe_rows(rows: Iterable[Iterable[Any]]) -> Iterator[list[Any]]:
    for row in rows:
        yield [csv_cell(value) for value in row]
