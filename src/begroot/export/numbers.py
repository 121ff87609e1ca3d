"""Dutch number formatting and the standard execution sentence."""

from __future__ import annotations

import math

from ..numbers_nl import format_number


def nl(value: float | None) -> str:
    """As printed in the BBT: 1581119 -> '1.581.119', a fraction with one decimal (98,8); None -> ''."""
    if value is None:
        return ""
    return format_number(value, 0 if float(value).is_integer() else 1)


def percent(part: float, whole: float) -> int:
    """part / whole as a whole percent, half-up (as the audit rounds printed figures)."""
    return math.floor(abs(part) / abs(whole) * 100 + 0.5) * (1 if part * whole >= 0 else -1)


def execution_sentence(realised: int, budget: int, subject: str = "dit begrotingsartikel", credit: str = "") -> str:
    """'De realisatie op dit begrotingsartikel bedraagt 292.136 keuro. Dit is 82% of 64.663 keuro minder ...'.

    The percentage is realised / budget; the difference budget - realised, said as 'minder'
    or 'meer' so the printed amount is never negative.
    """
    unit = f"keuro {credit}".strip()
    first = f"De realisatie op {subject} bedraagt {nl(realised)} {unit}."
    if budget == 0:
        return f"{first} Er was geen budget voorzien."
    share = percent(realised, budget)
    difference = budget - realised
    if difference == 0:
        return f"{first} Dit is {share}% van het voorziene budget."
    direction = "minder" if difference > 0 else "meer"
    return f"{first} Dit is {share}% of {nl(abs(difference))} {unit} {direction} dan het voorziene budget."
