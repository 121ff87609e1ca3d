"""Year on year: a subject's figures against the ones they are read against, like for like.

Three comparisons per year and credit, each within one perimeter (a figure is never compared with one
printed for another scope): BO(Y) against BO(Y-1) (this year's budget against last year's), BA(Y) against
BO(Y) (the adjustment against the initial budget) and BU(Y) against BA-JR(Y) (the execution against the
credit available). The main perimeter (the one most figures are printed in) comes first; the others are
listed apart, labelled with theirs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from .overview import DOMAIN_TOTAL, EXPENDITURE, main_perimeter, points

# (name, stage, stage of the base, years back)
COMPARISONS = (("BO/BO-1", "BO", "BO", 1), ("BA/BO", "BA", "BO", 0), ("BU/BA-JR", "BU", "BA-JR", 0))


def compare(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The comparisons the points allow, main perimeter first (`main`: whether a row is in it)."""
    values = {(p["year"], p["stage"], p["credit"], p["perimeter"]): p["value"] for p in found}
    main = main_perimeter(found)
    rows = []
    for year, stage, credit, perimeter in sorted(values, key=lambda k: (k[3] != main, k[3], k[0], k[2])):
        for name, own, base_stage, back in COMPARISONS:
            base = values.get((year - back, base_stage, credit, perimeter))
            if stage != own or base is None:
                continue
            value = values[(year, stage, credit, perimeter)]
            rows.append({"comparison": name, "year": year, "credit": credit, "perimeter": perimeter,
                         "main": perimeter == main, "base_label": f"{base_stage} {year - back}",
                         "label": f"{stage} {year}", "base": base, "value": value, "change": value - base,
                         "rate": (value - base) / abs(base) if base else None})  # fmt: skip
    order = {name: i for i, (name, *_rest) in enumerate(COMPARISONS)}
    rows.sort(key=lambda r: (not r["main"], r["perimeter"], order[r["comparison"]], r["year"], r["credit"]))
    return rows


def year_on_year(db: Connection, subject: str, domain: str | None = None) -> list[dict[str, Any]]:
    """A subject's comparisons (article code, ISE key, program code, or the domain's TOTAL with `domain`),
    VAK and VEK, else the receipts."""
    found = points(db, subject, domain=domain) if subject != DOMAIN_TOTAL or domain else []
    spending = [p for p in found if p["credit"] in EXPENDITURE]
    return compare(spending or found)
