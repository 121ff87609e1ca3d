"""The lineage of a code on its page: renames, a reused code's break, the codes it continues and that continue
it, and a timeline drawn a line per stretch (a reused code: two; a former code: its own, joined)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..store import STAGE_ORDER, overview
from ..store.lineage import lineage, links
from ..store.schema import documents_t

EXPENDITURE = ("VAK", "VEK")


def _stretch(
    db: Connection, subject: str, first: int | None, last: int | None, credit: str
) -> dict[tuple[int, str], int]:
    """(year, stage) -> value of a subject as the documents of years first..last print it (the latest one)."""
    years = {row.name: row.year for row in db.execute(select(documents_t.c.name, documents_t.c.year))}
    values: dict[tuple[int, str], int] = {}
    for point in overview.points(db, subject, credit=credit):
        stated = [s for s in point["statements"]
                  if (first is None or years[s["document"]] >= first) and (last is None or years[s["document"]] <= last)]  # fmt: skip
        if stated:
            values[(point["year"], point["stage"])] = max(stated, key=lambda s: years[s["document"]])["value"]
    return values


def joined_chart(db: Connection, found: dict[str, Any], credit: str) -> dict[str, Any]:
    """A line per stretch of the code (split where it was reused) and per code it continues."""
    stretches: list[tuple[str, dict[tuple[int, str], int]]] = []
    for link in found["former"]:
        stretches.append((f"{link['old_code']} ({credit})", _stretch(db, link["old_code"], None, None, credit)))
    lines = found["lines"]
    for position, line in enumerate(lines):
        first = line["first_year"] if position else None
        last = lines[position + 1]["first_year"] - 1 if position + 1 < len(lines) else None
        name = (
            f"{found['code']} ({credit})"
            if len(lines) == 1
            else f"{found['code']} {line['first_year']}–{line['last_year']} ({credit})"
        )
        stretches.append((name, _stretch(db, found["code"], first, last, credit)))
    steps = sorted({key for _, values in stretches for key in values}, key=lambda k: (k[0], STAGE_ORDER[k[1]]))
    series = [{"name": name, "x": [f"{y} {s}" for y, s in steps], "y": [values.get(k) for k in steps]}
              for name, values in stretches if values]  # fmt: skip
    return {"kind": "lines", "series": series, "unit": "keuro"}


def section(db: Connection, code: str) -> dict[str, Any] | None:
    """What the page shows of the code's lineage (None: nothing to say: one name, one line, no links)."""
    found = lineage(db, code)
    if not (found["events"] or found["former"] or found["successors"]):
        return None
    credit = next((c for c in EXPENDITURE if overview.points(db, code, credit=c)), None)
    chart = joined_chart(db, found, credit) if credit and (found["former"] or len(found["lines"]) > 1) else None
    return {**found, "chart": chart, "api": f"/api/v1/lineage/{code}"}


def members_section(db: Connection, codes: list[str], key: str = "") -> dict[str, Any] | None:
    """An ISE's joins and breaks: its own renames (`key`: a new key, linked to the former one) and those of its
    articles, each event naming its article (None: none)."""
    every = links(db)
    own = lineage(db, key, every) if key else {"events": [], "former": [], "successors": []}
    events: list[dict[str, Any]] = list(own["events"])
    former: list[dict[str, Any]] = list(own["former"])
    successors: list[dict[str, Any]] = list(own["successors"])
    for code in sorted(set(codes)):
        found = lineage(db, code, every)
        events += [{**event, "code": code} for event in found["events"]]
        former += [{**link, "code": code} for link in found["former"]]
        successors += [{**link, "code": code} for link in found["successors"]]
    if not (events or former or successors):
        return None
    return {"events": sorted(events, key=lambda e: (e["year"], e.get("code", ""))), "former": former,
            "successors": successors, "chart": None, "api": "/api/v1/lineage"}  # fmt: skip
