"""A subject's figures over the years as its lineage joins and breaks them (`store/lineage.py`).

The timeline of an article, program or ISE takes in the years of the codes it continues (a former code,
stated or linked by a user; a renamed ISE's former key), the join marked; a reused code's stretches are
separate lines (no line drawn across the break), the reuse marked; a rename is marked at its year. Each
point carries the `code` it is printed under and its `line` (0, 1, ...: a new one after each reuse).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import overview
from .lineage import lineage
from .schema import documents_t
from .store import STAGE_ORDER

Piece = tuple[str, int | None, int | None, int]  # (code, first document year, last document year, line)


def _pieces(found: dict[str, Any], db: Connection, seen: set[str]) -> list[Piece]:
    """The code's own stretches (one line each) and, before them, the codes it continues (recursively)."""
    lines = found["lines"] or [{"first_year": None}]
    own = [(found["code"], line["first_year"] if n else None,
            lines[n + 1]["first_year"] - 1 if n + 1 < len(lines) else None, n) for n, line in enumerate(lines)]  # fmt: skip
    former: list[Piece] = []
    for link in found["former"]:
        old = link["old_code"]
        if old in seen:
            continue
        seen.add(old)
        year = link.get("from_year") or lines[0].get("first_year")
        joined = next((p for p in reversed(own) if p[1] is None or (year and p[1] <= year)), own[0])
        for code, first, last, _ in _pieces(lineage(db, old), db, seen):
            bounds = [b for b in (last, year - 1 if year else None) if b is not None]
            former.append((code, first, min(bounds) if bounds else None, joined[3]))
    return former + own


def _marks(found: dict[str, Any]) -> list[dict[str, Any]]:
    """What the timeline marks, by year: joins to the codes it continues (a renamed ISE's former key: its
    rename event instead), reuses and renames."""
    lines = found["lines"]
    marks = [{"kind": "join", "year": link.get("from_year") or (lines[0]["first_year"] if lines else None),
              "code": link["old_code"], "before": link.get("before", link["old_code"]),
              "after": link.get("after", found["code"])}
             for link in found["former"] if link.get("source") != "rename"]  # fmt: skip
    marks += [{"kind": e["kind"], "year": e["year"], "code": found["code"], "before": e["before"], "after": e["after"]}
              for e in found["events"]]  # fmt: skip
    return sorted((m for m in marks if m["year"]), key=lambda m: m["year"])


def joined_timeline(db: Connection, subject: str) -> dict[str, Any]:
    """{points, marks}: the points of every piece, merged per (line, year, stage, credit, perimeter), each
    point's value by the dashboard's authority (its own document first, then the latest)."""
    found = lineage(db, subject)
    pieces = _pieces(found, db, {subject})
    if len(pieces) == 1:  # nothing joined or broken: the subject's own points
        return {
            "points": [{**p, "code": subject, "line": 0} for p in overview.points(db, subject)],
            "marks": _marks(found),
        }
    documents = {row.name: row for row in db.execute(select(documents_t.c.name, documents_t.c.id, documents_t.c.year,
                                                              documents_t.c.stage))}  # fmt: skip
    grouped: dict[tuple[int, int, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    findings: dict[tuple[int, int, str, str, str], list[str]] = defaultdict(list)
    for code, first, last, line in pieces:
        for point in overview.points(db, code):
            kept = [s for s in point["statements"] if (first is None or documents[s["document"]].year >= first)
                    and (last is None or documents[s["document"]].year <= last)]  # fmt: skip
            key = (line, point["year"], point["stage"], point["credit"], point["perimeter"])
            grouped[key] += [{**s, "code": code} for s in kept]
            findings[key] += point["findings"] if kept else []
    points = [
        _merged(subject, key, statements, findings[key], documents) for key, statements in grouped.items() if statements
    ]
    points.sort(key=lambda p: (p["year"], STAGE_ORDER[p["stage"]], p["credit"], p["perimeter"], p["line"]))
    return {"points": points, "marks": _marks(found)}


def _merged(subject: str, key: tuple[int, int, str, str, str], statements: list[dict[str, Any]], findings: list[str],
            documents: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    line, year, stage, credit, perimeter = key

    def authority(s: dict[str, Any]) -> tuple[int, int, int, int]:
        document = documents[s["document"]]
        own = document.year == year and document.stage == stage
        return (int(own), document.year, STAGE_ORDER.get(document.stage, -1), document.id)

    ordered = sorted(statements, key=authority, reverse=True)
    agree = len({s["value"] for s in statements}) == 1
    return {"subject": subject, "year": year, "stage": stage, "credit": credit, "perimeter": perimeter,
            "value": ordered[0]["value"], "agree": agree, "values": sorted({s["value"] for s in statements}),
            "documents": len(statements), "statements": ordered,
            "findings": [] if agree else list(dict.fromkeys(findings)), "code": ordered[0]["code"], "line": line}  # fmt: skip
