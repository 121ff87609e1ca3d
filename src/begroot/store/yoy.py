"""Year on year: a subject's figures against the ones they are read against, like for like.

Three comparisons per year and credit, each within one perimeter (a figure is never compared with one
printed for another scope): BO(Y) against BO(Y-1) (this year's budget against last year's), BA(Y) against
BO(Y) (the adjustment against the initial budget) and BU(Y) against BA-JR(Y) (the execution against the
credit available). The main perimeter (the one most figures are printed in) comes first; the others are
listed apart, labelled with theirs.

A subject's figures are its joined timeline (`store/joined.py`): a code that continues a former one is
compared with the former code's figures across the join; a reused code's stretches are separate lines, and
a figure is never compared with one of another line (another article that held the code).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from .joined import joined_timeline
from .overview import DOMAIN_TOTAL, EXPENDITURE, main_perimeter, points

# (name, stage, stage of the base, years back)
COMPARISONS = (("BO/BO-1", "BO", "BO", 1), ("BA/BO", "BA", "BO", 0), ("BU/BA-JR", "BU", "BA-JR", 0))


def compare(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The comparisons the points allow, main perimeter first (`main`: whether a row is in it); a point's
    `line` (a joined timeline's: another after each reuse of its code) is compared only within itself."""
    values = {(p["year"], p["stage"], p["credit"], p["perimeter"], p.get("line", 0)): p["value"] for p in found}
    main = main_perimeter(found)
    rows = []
    for year, stage, credit, perimeter, line in sorted(values, key=lambda k: (k[3] != main, k[3], k[0], k[2], k[4])):
        for name, own, base_stage, back in COMPARISONS:
            base = values.get((year - back, base_stage, credit, perimeter, line))
            if stage != own or base is None:
                continue
            value = values[(year, stage, credit, perimeter, line)]
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
    if domain or subject == DOMAIN_TOTAL:  # within one domain: the subject's own points there
        found = points(db, subject, domain=domain) if domain else []
    else:
        found = joined_timeline(db, subject)["points"]
    return comparisons(found)


def comparisons(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The comparisons of a subject's points: VAK and VEK, else the receipts."""
    spending = [p for p in found if p["credit"] in EXPENDITURE]
    return compare(spending or found)
