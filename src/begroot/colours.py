"""One colour per budget stage and per credit, the same in the dashboard (`static/charts.js` reads them from
the page) and in the exported report (`export/html.py`), so a reader learns them once."""

from __future__ import annotations

STAGE_COLOURS = {"BO": "#4c72b0", "BA": "#dd8452", "BA-JR": "#55a868", "BU": "#c44e52", "DELTA": "#8172b3"}
CREDIT_COLOURS = {"VAK": "#1f5fa8", "VEK": "#d9730d", "AO": "#6b8e23", "TO": "#8c564b", "LO": "#7f7f7f"}
OTHER_COLOURS = ("#72b7b2", "#b279a2", "#9d755d", "#bab0ac")
COLOURS = STAGE_COLOURS | CREDIT_COLOURS


def series_colour(name: str, position: int) -> str:
    """A series' colour: its stage (`BA 2023`, `BA-JR`) or credit (`VAK`) when it names one, else by position."""
    first = name.split()[0] if name.split() else ""
    return COLOURS.get(first) or COLOURS.get(first.upper()) or OTHER_COLOURS[position % len(OTHER_COLOURS)]
