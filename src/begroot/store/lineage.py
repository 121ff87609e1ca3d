"""Codes and names across the years, never merged or split silently.

A code (article or program) printed in several documents keeps one timeline while only its name changes
(a **rename**, shown with the year it happened). When an article's name and ISE both change (a program's
name and all of its ISEs), the code was **reused** for something else: the timeline breaks there, with a
note. A code that changes is **linked** to its former code when a document says so (an article's summary
or explanation naming it after `vroeger`, `voorheen`, `(ex ...)`: found at ingest, table `code_links`) or
when a user says so (`begroot lineage add OLD NEW`, the `lineage` table).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, select
from sqlalchemy.engine import Connection

from .engine import writing
from .schema import articles_t, code_links_t, documents_t, ises_t, lineage_t, programs_t
from .store import STAGE_ORDER


def add_link(engine: Engine, old: str, new: str, from_year: int | None = None, note: str = "") -> dict[str, Any]:
    """Record that `new` continues `old` (from `from_year` on, when given)."""
    row = {"old_code": old, "new_code": new, "from_year": from_year, "note": note, "created_at": datetime.now(UTC)}
    with writing(engine) as connection:
        row["id"] = connection.execute(insert(lineage_t).values(row).returning(lineage_t.c.id)).scalar_one()
    return row


def user_links(db: Connection) -> list[dict[str, Any]]:
    return [dict(row) for row in db.execute(select(lineage_t).order_by(lineage_t.c.id)).mappings()]


def document_links(db: Connection) -> list[dict[str, Any]]:
    """Links the documents state (`code_links`, found at ingest: lineage.py), each pair once, from the
    first year a document states it."""
    query = (
        select(code_links_t.c.old_code, code_links_t.c.new_code, code_links_t.c.page, code_links_t.c.line,
               code_links_t.c.words.label("note"), documents_t.c.name.label("document"),
               documents_t.c.year.label("from_year"))
        .join(documents_t, documents_t.c.id == code_links_t.c.document_id)
        .order_by(documents_t.c.year, documents_t.c.id, code_links_t.c.id)
    )  # fmt: skip
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in db.execute(query).mappings():
        found.setdefault((row["old_code"], row["new_code"]), dict(row))
    return list(found.values())


def links(db: Connection) -> list[dict[str, Any]]:
    """Every link, the documents' first, each with its `source` (document | user)."""
    return [{**link, "source": "document"} for link in document_links(db)] + [
        {**link, "source": "user"} for link in user_links(db)
    ]


def ise_links(db: Connection, program: str) -> list[dict[str, Any]]:
    """Renamed ISEs of a program: a key last printed before another is first printed (same domain), the
    articles of its last document those of the other's first: the same ISE under a new name (and key). An
    ISE whose name and articles both change is another ISE: not linked."""
    query = (
        select(articles_t.c.ise, articles_t.c.code, documents_t.c.id, documents_t.c.year, documents_t.c.stage,
               documents_t.c.domain)
        .join(documents_t, documents_t.c.id == articles_t.c.document_id)
        .where(articles_t.c.part_program == program, articles_t.c.ise.is_not(None))
    )  # fmt: skip
    printed: dict[tuple[str, str], dict[tuple[int, int, int], set[str]]] = {}
    for row in db.execute(query):
        order = (row.year, STAGE_ORDER.get(row.stage, 9), row.id)
        printed.setdefault((row.domain, row.ise), {}).setdefault(order, set()).add(row.code)
    names = {row.key: row.name for row in db.execute(
        select(ises_t.c.key, ises_t.c.name).where(ises_t.c.program == program).order_by(ises_t.c.document_id))}  # fmt: skip
    found = []
    for (domain, old), before in printed.items():
        for (other, new), after in printed.items():
            last, first = max(before), min(after)
            if other == domain and new != old and last[0] < first[0] and before[last] == after[first]:
                found.append({"old_code": old, "new_code": new, "from_year": first[0], "source": "rename",
                              "before": names.get(old, old), "after": names.get(new, new), "note": ""})  # fmt: skip
    return found


def _ise_history(db: Connection, key: str) -> list[dict[str, Any]]:
    query = select(documents_t.c.name.label("document"), documents_t.c.year, documents_t.c.stage, ises_t.c.name).join(
        documents_t, documents_t.c.id == ises_t.c.document_id).where(ises_t.c.key == key)  # fmt: skip
    return [{**row, "ise": None} for row in db.execute(query).mappings()]


def history(db: Connection, code: str) -> list[dict[str, Any]]:
    """Per document that prints the code (oldest first): year, stage, document, name and ISE (article), or
    name and ISE names (program)."""
    if ":" in code:
        rows = _ise_history(db, code)
    elif "-" in code:
        query = select(documents_t.c.name.label("document"), documents_t.c.year, documents_t.c.stage,
                       articles_t.c.name, articles_t.c.ise).join(
            documents_t, documents_t.c.id == articles_t.c.document_id).where(articles_t.c.code == code)  # fmt: skip
        rows = [dict(row) for row in db.execute(query).mappings()]
    else:
        query = select(documents_t.c.name.label("document"), documents_t.c.id, documents_t.c.year,
                       documents_t.c.stage, programs_t.c.name).join(
            documents_t, documents_t.c.id == programs_t.c.document_id).where(programs_t.c.code == code)  # fmt: skip
        rows = [dict(row) for row in db.execute(query).mappings()]
        for row in rows:
            names = select(ises_t.c.name).where(ises_t.c.document_id == row.pop("id"), ises_t.c.program == code)
            row["ise"] = sorted(set(db.scalars(names)))
    unique = {row["document"]: row for row in rows}  # an article printed twice: once
    return sorted(unique.values(), key=lambda r: (r["year"], STAGE_ORDER.get(r["stage"], 9), r["document"]))


def _folded(name: str) -> str:
    """A name as compared: case and spacing aside (headings print names in capitals, tables not)."""
    return " ".join(name.lower().split())


def _same_name(a: str, b: str) -> bool:
    return _folded(a) == _folded(b)


def _same_ise(a: Any, b: Any) -> bool:
    """Whether two ISEs (an article's key; a program's ISE names) may be the same: unknown (none printed) on
    either side counts as the same, so that only two known and different ISEs make a reuse."""
    if not a or not b:
        return True
    if isinstance(a, list) and isinstance(b, list):
        return bool({_folded(n) for n in a} & {_folded(n) for n in b})
    return bool(a == b)


def segments(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The code's lines (a new one where it was reused) and its events (renames within a line, reuses)."""
    lines: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for row in rows:
        current = lines[-1] if lines else None
        if current is None or (
            not _same_name(current["name"], row["name"]) and not _same_ise(current["ise"], row["ise"])
        ):
            if current is not None:
                events.append({"kind": "reuse", "year": row["year"], "document": row["document"],
                               "before": current["name"], "after": row["name"],
                               "note": f"code reused: {current['name']} → {row['name']}"})  # fmt: skip
            lines.append({"name": row["name"], "ise": row["ise"], "first_year": row["year"],
                          "last_year": row["year"], "names": [row["name"]]})  # fmt: skip
            continue
        if not _same_name(current["name"], row["name"]):
            events.append({"kind": "rename", "year": row["year"], "document": row["document"],
                           "before": current["name"], "after": row["name"]})  # fmt: skip
            current["names"].append(row["name"])
        current.update(name=row["name"], ise=row["ise"], last_year=row["year"])
    return lines, events


def lineage(db: Connection, code: str, every: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A code's history: its lines and events, the codes it continues (`former`) and that continue it
    (`every`: the links, when the caller has read them already)."""
    rows = history(db, code)
    lines, events = segments(rows)
    every = links(db) if every is None else every
    if ":" in code:  # an ISE: its renames (a new key) are links, shown as renames
        every = every + ise_links(db, code.split(":", 1)[0])
        events += [{"kind": "rename", "year": link["from_year"], "document": "", "before": link["before"],
                    "after": link["after"]} for link in every if link["new_code"] == code]  # fmt: skip
        events.sort(key=lambda e: e["year"])
    return {
        "code": code,
        "history": rows,
        "lines": lines,
        "events": events,
        "former": [link for link in every if link["new_code"] == code],
        "successors": [link for link in every if link["old_code"] == code],
    }
