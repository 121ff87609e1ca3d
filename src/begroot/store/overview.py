"""Read-only queries behind the dashboard pages, an overview of what is stored: the library, figures over the years,
treemaps from printed totals, comparisons of two documents.

Like `queries`, every function takes an open `Connection`, runs parametrised SQLAlchemy Core selects
and returns plain dicts ready for JSON (and flat enough for CSV).

A *point* is one printed figure of a subject's total row: (year, stage, credit, perimeter). Several
documents can state the same point (a BA is restated by the BU of its year and by the next BO); each
statement is kept with its document, page and line, the point's `value` is the one its own document
prints (the BA document for a BA figure) or else the latest document's, and `agree` says whether all
statements give the same value. Disagreements are the store's `cross-document-conflict` findings;
their ids are attached to the point.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from .queries import all_rows
from .schema import articles_t, documents_t, facts_t, findings_t, ises_t
from .store import CONFLICT_RULE, STAGE_ORDER, findings_query

MAIN_STAGES = ("BO", "BA", "BA-JR", "BU")
EXPENDITURE = ("VAK", "VEK")
DOMAIN_TOTAL = "TOTAL"  # the subject of the domain's TOTAL rows (scope "total")


def label(document: dict[str, Any]) -> str:
    """How a document is named to people: its title when it has one, else its name."""
    return str(document.get("title") or document.get("name") or document.get("document") or "")


# --------------------------------------------------------------------------- library


def library(connection: Connection) -> list[dict[str, Any]]:
    """Every document with what the matrix shows: domain, year, stage, counts and audit status."""
    facts = select(facts_t.c.document_id, func.count().label("n")).group_by(facts_t.c.document_id).subquery()
    articles = (
        select(articles_t.c.document_id, func.count(func.distinct(articles_t.c.code)).label("n"))
        .group_by(articles_t.c.document_id)
        .subquery()
    )
    query = (
        select(
            documents_t.c.id,
            documents_t.c.name,
            documents_t.c.title,
            documents_t.c.domain,
            documents_t.c.year,
            documents_t.c.stage,
            documents_t.c.kind,
            documents_t.c.page_count,
            func.coalesce(facts.c.n, 0).label("facts"),
            func.coalesce(articles.c.n, 0).label("articles"),
        )
        .outerjoin(facts, facts.c.document_id == documents_t.c.id)
        .outerjoin(articles, articles.c.document_id == documents_t.c.id)
        .order_by(documents_t.c.domain, documents_t.c.year, documents_t.c.id)
    )
    counts = _severity_counts(connection)
    rows = []
    for row in all_rows(connection, query):
        row.pop("id")
        found = counts.get(row["name"], {})
        errors, warnings, infos = (found.get(s, 0) for s in ("error", "warning", "info"))
        status = "error" if errors else "warning" if warnings else "ok"
        rows.append(row | {"label": label(row), "errors": errors, "warnings": warnings, "infos": infos,
                           "status": status})  # fmt: skip
    return sorted(rows, key=lambda r: (r["domain"], r["year"], STAGE_ORDER.get(r["stage"], 9), r["kind"]))


def _severity_counts(connection: Connection) -> dict[str, dict[str, int]]:
    """Per document name, the findings per severity that count: one whose latest verdict is false-positive does not."""
    found = findings_query().subquery()
    counting = or_(found.c.verdict.is_(None), found.c.verdict != "false-positive")
    query = (
        select(found.c.document, found.c.severity, func.count().label("n"))
        .where(counting)
        .group_by(found.c.document, found.c.severity)
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in connection.execute(query):
        if row.document is not None:
            counts[row.document][row.severity] = row.n
    return counts


def domains(connection: Connection) -> list[str]:
    return list(connection.scalars(select(documents_t.c.domain).distinct().order_by(documents_t.c.domain)))


# --------------------------------------------------------------------------- points over the years


def points(
    connection: Connection,
    subject: str,
    *,
    domain: str | None = None,
    credit: str | None = None,
    conflicts: Conflicts | None = None,
) -> list[dict[str, Any]]:
    """Every point of a subject's total row across the documents (of one domain, when given), in
    (year, stage, credit, perimeter) order, each with its statements, agreement and conflict findings
    (`conflicts`: those of the subject, when several calls share them)."""
    query = (
        select(
            facts_t.c.year,
            facts_t.c.stage,
            facts_t.c.credit,
            facts_t.c.perimeter,
            facts_t.c.value,
            facts_t.c.page,
            facts_t.c.source_line,
            documents_t.c.id.label("document_id"),
            documents_t.c.name.label("document"),
            documents_t.c.title,
            documents_t.c.year.label("document_year"),
            documents_t.c.stage.label("document_stage"),
        )
        .join(documents_t, documents_t.c.id == facts_t.c.document_id)
        .where(facts_t.c.subject == subject, facts_t.c.row == "total", facts_t.c.stage.in_(MAIN_STAGES))
    )
    if domain is not None:
        query = query.where(documents_t.c.domain == domain)
    if credit is not None:
        query = query.where(facts_t.c.credit == credit)
    grouped: dict[tuple[int, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in all_rows(connection, query):
        grouped[(row["year"], row["stage"], row["credit"], row["perimeter"])].append(row)
    conflicts = conflicts or Conflicts(connection, subject)
    by_place = conflicts.by_place() if any(_disagree(s) for s in grouped.values()) else {}
    found = [_point(subject, key, statements, by_place) for key, statements in grouped.items()]
    return sorted(found, key=lambda p: (p["year"], STAGE_ORDER[p["stage"]], p["credit"], p["perimeter"]))


def _disagree(statements: list[dict[str, Any]]) -> bool:
    return len({s["value"] for s in statements}) > 1


def _authority(point_year: int, point_stage: str) -> Any:
    """Sort key: the document of the point's own year and stage first, then the latest document."""

    def key(statement: dict[str, Any]) -> tuple[int, int, int, int]:
        own = statement["document_year"] == point_year and statement["document_stage"] == point_stage
        stage = STAGE_ORDER.get(statement["document_stage"], -1)
        return (int(own), statement["document_year"], stage, statement["document_id"])

    return key


Place = tuple[Any, Any, Any]  # (document, page, source_line) of a statement or a finding's location


def _findings_by_place(conflicts: list[dict[str, Any]]) -> dict[Place, list[tuple[int, str]]]:
    """Place -> (position in `conflicts`, stable finding id) of the findings locating a figure there: built once per
    subject, so that each point looks up its few places instead of scanning every finding's locations
    (a domain's TOTAL has thousands of points and findings)."""
    by_place: dict[Place, list[tuple[int, str]]] = defaultdict(list)
    for position, finding in enumerate(conflicts):
        for loc in finding["locations"] or ():
            by_place[(loc.get("document"), loc.get("page"), loc.get("source_line"))].append(
                (position, finding["finding_id"])
            )
    return by_place


def _point(
    subject: str,
    key: tuple[int, str, str, str],
    statements: list[dict[str, Any]],
    by_place: dict[Place, list[tuple[int, str]]],
) -> dict[str, Any]:
    year, stage, credit, perimeter = key
    ordered = sorted(statements, key=_authority(year, stage), reverse=True)
    places = {(s["document"], s["page"], s["source_line"]) for s in statements}
    # Each finding once, in the findings' order, as a scan of them all would list them.
    finding_ids = [i for _, i in sorted({found for place in places for found in by_place.get(place, ())})]
    return {
        "subject": subject,
        "year": year,
        "stage": stage,
        "credit": credit,
        "perimeter": perimeter,
        "value": ordered[0]["value"],
        "agree": not _disagree(statements),
        "values": sorted({s["value"] for s in statements}),
        "documents": len(statements),
        "statements": [
            {
                "document": s["document"],
                "label": label(s),
                "value": s["value"],
                "page": s["page"],
                "source_line": s["source_line"],
            }
            for s in ordered
        ],
        "findings": finding_ids,
    }


class Conflicts:
    """A subject's conflict findings by place, read once: the home page and /totals take the points of
    every domain's TOTAL, which share them (thousands of findings with their locations, on a big
    database, read for each domain took most of the page's time)."""

    def __init__(self, connection: Connection, subject: str):
        self.connection = connection
        self.subject = subject
        self._by_place: dict[Place, list[tuple[int, str]]] | None = None

    def by_place(self) -> dict[Place, list[tuple[int, str]]]:
        if self._by_place is None:
            self._by_place = _findings_by_place(_conflicts(self.connection, self.subject))
        return self._by_place


def _conflicts(connection: Connection, subject: str) -> list[dict[str, Any]]:
    """The store's cross-document conflicts about this subject (their message starts with it)."""
    query = select(findings_t.c.finding_id, findings_t.c.locations).where(
        findings_t.c.rule == CONFLICT_RULE, findings_t.c.message.startswith(f"{subject} ", autoescape=True)
    )
    return all_rows(connection, query.order_by(findings_t.c.id))


def main_perimeter(found: Iterable[dict[str, Any]]) -> str | None:
    """The perimeter most points are printed in: the one charts follow (ties: the first seen)."""
    counts = Counter(p["perimeter"] for p in found)
    return counts.most_common(1)[0][0] if counts else None


def execution(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per year and credit of the main perimeter: BA-JR, BU and the execution rate BU / BA-JR."""
    perimeter = main_perimeter(found)
    by_key = {(p["year"], p["credit"], p["stage"]): p["value"] for p in found if p["perimeter"] == perimeter}
    rows = []
    for year, credit in sorted({(y, c) for y, c, _ in by_key}):
        available, realised = by_key.get((year, credit, "BA-JR")), by_key.get((year, credit, "BU"))
        if available is None and realised is None:
            continue
        rate = realised / available if realised is not None and available else None
        rows.append({"year": year, "credit": credit, "ba_jr": available, "bu": realised, "rate": rate})
    return rows


# --------------------------------------------------------------------------- what a subject is


def subject_kind(connection: Connection, subject: str) -> dict[str, Any] | None:
    """What a program code or ISE key names, from the latest document printing it."""
    if ":" in subject:
        query = (
            select(ises_t.c.key, ises_t.c.name, ises_t.c.program, ises_t.c.policy_field)
            .where(ises_t.c.key == subject)
            .order_by(ises_t.c.document_id.desc())
            .limit(1)
        )
        row: Any = connection.execute(query).mappings().first()
        if row is None and connection.scalar(select(articles_t.c.id).where(articles_t.c.ise == subject).limit(1)):
            row = {"key": subject, "name": subject.split(":", 1)[1], "program": subject.split(":", 1)[0],
                   "policy_field": None}  # fmt: skip
        return None if row is None else {"kind": "ise", **row}
    exists = connection.scalar(select(articles_t.c.id).where(articles_t.c.part_program == subject).limit(1))
    printed = connection.scalar(
        select(facts_t.c.id).where(facts_t.c.scope == "program", facts_t.c.subject == subject).limit(1)
    )
    return {"kind": "program", "code": subject} if exists or printed else None


def program_ises(connection: Connection, program: str) -> list[dict[str, Any]]:
    """The ISEs of a program (keys `program:slug`), each once, with its latest name."""
    query = select(ises_t.c.key, ises_t.c.name).where(ises_t.c.program == program).order_by(ises_t.c.document_id)
    names: dict[str, str] = {}
    for row in all_rows(connection, query):
        names[row["key"]] = row["name"]
    from_articles = select(articles_t.c.ise).where(articles_t.c.part_program == program, articles_t.c.ise.is_not(None))
    for key in connection.scalars(from_articles.distinct()):
        names.setdefault(key, key.split(":", 1)[1])
    return [{"key": key, "name": names[key]} for key in sorted(names)]


# --------------------------------------------------------------------------- articles of an ISE or program


def member_articles(
    connection: Connection, *, program: str | None = None, ise: str | None = None
) -> list[dict[str, Any]]:
    """The articles of a program or ISE (both: of the ISE in that program; neither: all), one row per article and
    credit: the latest figure (latest year, furthest stage), the same stage of the year before and the change."""
    query = select(articles_t.c.code, articles_t.c.name, articles_t.c.ise).order_by(articles_t.c.document_id)
    if ise:
        query = query.where(articles_t.c.ise == ise)
    if program:
        query = query.where(articles_t.c.part_program == program)
    members: dict[str, dict[str, Any]] = {}
    for row in all_rows(connection, query):
        members[row["code"]] = row  # the latest document's name wins
    if not members:
        return []
    facts = (
        select(facts_t.c.subject, facts_t.c.year, facts_t.c.stage, facts_t.c.credit, facts_t.c.value)
        .join(documents_t, documents_t.c.id == facts_t.c.document_id)
        .where(
            facts_t.c.subject.in_(list(members)),
            facts_t.c.row == "total",
            facts_t.c.stage.in_(MAIN_STAGES),
            facts_t.c.scope == "article",
        )
        .order_by(documents_t.c.id)
    )
    values: dict[tuple[str, str], dict[tuple[int, str], int]] = defaultdict(dict)
    for row in all_rows(connection, facts):
        values[(row["subject"], row["credit"])][(row["year"], row["stage"])] = row["value"]
    rows = []
    for code in sorted(members):
        for credit in sorted({c for s, c in values if s == code}, key=_credit_order):
            rows.append(members[code] | {"credit": credit} | _latest_change(values[(code, credit)]))
    return rows


def _credit_order(credit: str) -> tuple[int, str]:
    return (EXPENDITURE.index(credit) if credit in EXPENDITURE else 9, credit)


# The figure a stage is read against a year before when that year's same stage is not loaded: a BO against
# last year's adjusted budget (where every BO's Kredietevolutie starts), as the BBTs do.
PREVIOUS_FALLBACK = {"BO": "BA"}


def _latest_change(series: dict[tuple[int, str], int]) -> dict[str, Any]:
    year, stage = max(series, key=lambda k: (k[0], STAGE_ORDER[k[1]]))
    base = stage if (year - 1, stage) in series else PREVIOUS_FALLBACK.get(stage, stage)
    value, previous = series[(year, stage)], series.get((year - 1, base))
    return {
        "year": year,
        "stage": stage,
        "value": value,
        "previous": previous,
        "previous_label": None if previous is None else f"{base} {year - 1}",
        "change": None if previous is None else value - previous,
        "change_rate": (value - previous) / abs(previous) if previous else None,
    }


# --------------------------------------------------------------------------- treemap


def treemap(connection: Connection, document: str, credit: str, stage: str) -> list[dict[str, Any]]:
    """Nodes root -> programs -> ISEs -> articles of one document, credit and stage, sized by the totals
    the document prints for programs and ISEs.

    `basis` says where a node's size comes from: `printed` (the program or ISE total of the document;
    `printed` holds it with its page and line), `sum` (no total printed: the sum of its parts), `rest` (the
    part of a printed total its printed parts do not cover) or `article`. Where the parts exceed the printed
    total (negative articles left out of a chart of areas, or a total that does not add up), the node is
    sized by its parts and `parts_exceed` is set. Only positive sizes can be drawn; others are kept, size 0.
    """
    doc_id = connection.scalar(
        select(documents_t.c.id).where(documents_t.c.name == document).order_by(documents_t.c.id.desc())
    )
    if doc_id is None:
        return []
    totals = {scope: _printed_totals(connection, doc_id, scope, credit, stage) for scope in ("program", "ise")}
    leaves = _article_values(connection, doc_id, credit, stage)
    programs = sorted(set(totals["program"]) | {a["part_program"] for a in leaves})
    tree = []
    for program in programs:
        ise_keys = sorted(
            {k for k in totals["ise"] if k.split(":", 1)[0] == program}
            | {a["ise"] for a in leaves if a["part_program"] == program and a["ise"]}
        )
        children = [
            _branch("ise", key, totals["ise"].get(key), [_leaf(a) for a in leaves if a["ise"] == key])
            for key in ise_keys
        ]
        children += [_leaf(a) for a in leaves if a["part_program"] == program and not a["ise"]]
        tree.append(_branch("program", program, totals["program"].get(program), children))
    root = {"id": "root", "level": "root", "code": "", "printed": None, "basis": "sum",
            "value": sum(node["value"] for node in tree), "children": tree}  # fmt: skip
    return list(_flatten(root, ""))


def _flatten(node: dict[str, Any], parent: str) -> Iterator[dict[str, Any]]:
    """The tree in pre-order (a parent before its children), each node naming its parent's id."""
    children = node.pop("children", [])
    yield node | {"parent": parent}
    for child in children:
        yield from _flatten(child, node["id"])


def _leaf(article: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"A:{article['code']}", "level": "article", "code": article["code"], "name": article["name"],
            "value": max(article["value"], 0), "printed": article["value"], "basis": "article",
            "page": article["page"], "source_line": article["source_line"]}  # fmt: skip


def _branch(level: str, code: str, printed: dict[str, Any] | None, children: list[dict[str, Any]]) -> dict[str, Any]:
    """A program or ISE node over its children, sized as `treemap` says."""
    parts = sum(child["value"] for child in children)
    node: dict[str, Any] = {"id": f"{level[0].upper()}:{code}", "level": level, "code": code, "printed": None,
                            "basis": "sum", "value": parts, "parts_exceed": False, "children": children}  # fmt: skip
    if printed is None:
        return node
    node |= {"printed": printed["value"], "basis": "printed", "page": printed["page"],
             "source_line": printed["source_line"], "perimeter": printed["perimeter"]}  # fmt: skip
    if parts > printed["value"]:
        node["parts_exceed"] = True
        return node
    node["value"] = printed["value"]
    if children and printed["value"] > parts:
        children.append({"id": f"R:{code}", "level": "rest", "code": code, "value": printed["value"] - parts,
                         "printed": None, "basis": "rest"})  # fmt: skip
    return node


def _printed_totals(
    connection: Connection, doc_id: int, scope: str, credit: str, stage: str
) -> dict[str, dict[str, Any]]:
    """subject -> the total-row fact of that scope, in the perimeter the document prints most for the scope."""
    query = (
        select(facts_t.c.subject, facts_t.c.perimeter, facts_t.c.value, facts_t.c.page, facts_t.c.source_line)
        .where(facts_t.c.document_id == doc_id, facts_t.c.scope == scope, facts_t.c.row == "total")
        .where(facts_t.c.credit == credit, facts_t.c.stage == stage)
        .order_by(facts_t.c.year.desc(), facts_t.c.id)
    )
    rows = all_rows(connection, query)
    usual = Counter(r["perimeter"] for r in rows)
    found: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: -usual[r["perimeter"]]):  # stable: printing order within a perimeter
        found.setdefault(row["subject"], row)
    return found


def _article_values(connection: Connection, doc_id: int, credit: str, stage: str) -> list[dict[str, Any]]:
    """Expenditure articles of a document with their total-row value for one credit and stage."""
    query = (
        select(
            articles_t.c.code,
            articles_t.c.name,
            articles_t.c.part_program,
            articles_t.c.ise,
            facts_t.c.value,
            facts_t.c.page,
            facts_t.c.source_line,
        )
        .join(facts_t, (facts_t.c.document_id == articles_t.c.document_id) & (facts_t.c.subject == articles_t.c.code))
        .where(articles_t.c.document_id == doc_id, articles_t.c.part_kind != "9", facts_t.c.scope == "article")
        .where(facts_t.c.row == "total", facts_t.c.credit == credit, facts_t.c.stage == stage)
        .order_by(articles_t.c.part_program, articles_t.c.ise, articles_t.c.code, facts_t.c.year.desc())
    )
    seen: dict[str, dict[str, Any]] = {}
    for row in all_rows(connection, query):
        seen.setdefault(row["code"], row)  # an article shown twice (department and entity) counts once
    return list(seen.values())


# --------------------------------------------------------------------------- compare


def compare(
    connection: Connection, a: str, b: str, stage_a: str | None, stage_b: str | None, credit: str
) -> list[dict[str, Any]]:
    """The rows of `comparison`: like with like, later minus earlier."""
    return list(comparison(connection, a, b, stage_a, stage_b, credit)["rows"])


def comparison(
    connection: Connection, a: str, b: str, stage_a: str | None, stage_b: str | None, credit: str
) -> dict[str, Any]:
    """Total-row figures both sides print for the same subject in the same perimeter (afbakening), biggest
    change first; the difference is always the later side minus the earlier (`change`, labelled
    `BO 2025 − BO 2024`). Subjects both print only in different perimeters are not compared: `not_comparable`
    names the perimeters of each side (`BU 2023 MVG excl. DAB vs BO 2022 incl. VDAB`)."""
    from .queries import headline

    sides = [(a, stage_a), (b, stage_b)]
    figures = [headline(connection, name, stage, by_perimeter=True) for name, stage in sides]
    labels = [_side_label(connection, name, stage, found) for (name, stage), found in zip(sides, figures, strict=True)]
    earlier, later = sorted((0, 1), key=lambda i: (labels[i][1], STAGE_ORDER.get(labels[i][0], 9), i))
    first, last = figures[earlier], figures[later]
    rows = [
        {"scope": key[0], "subject": key[1], "credit": credit, "perimeter": key[3],
         "earlier": first[key]["value"], "earlier_year": first[key]["year"],
         "later": last[key]["value"], "later_year": last[key]["year"],
         "change": last[key]["value"] - first[key]["value"],
         # where each side prints it (the pages link the figures to their page views)
         "earlier_page": first[key]["page"], "earlier_line": first[key]["source_line"],
         "later_page": last[key]["page"], "later_line": last[key]["source_line"]}
        for key in first.keys() & last.keys()
        if key[2] == credit
    ]  # fmt: skip
    perimeters = [{k[3] for k in found if k[2] == credit} for found in (first, last)]
    subjects = [{k[:3] for k in found if k[2] == credit} for found in (first, last)]
    compared = {(r["scope"], r["subject"], credit) for r in rows}
    apart = (subjects[0] & subjects[1]) - compared
    name = [f"{labels[i][0]} {labels[i][1]}" for i in (earlier, later)]
    return {
        "rows": sorted(rows, key=lambda r: (-abs(r["change"]), r["subject"])),
        "earlier": name[0], "later": name[1], "earlier_document": sides[earlier][0], "later_document": sides[later][0],
        "label": f"{name[1]} − {name[0]}",
        "perimeters": [sorted(p - {""}) or [""] for p in perimeters],
        "not_comparable": len(apart),
    }  # fmt: skip


def _side_label(
    connection: Connection, name: str, stage: str | None, found: dict[tuple[str, ...], dict[str, Any]]
) -> tuple[str, int]:
    """(stage, year) of one side's figures: the stage compared and the year most of its figures are of."""
    doc = connection.execute(select(documents_t.c.stage, documents_t.c.year).where(documents_t.c.name == name)).first()
    years = Counter(row["year"] for row in found.values())
    year = years.most_common(1)[0][0] if years else (doc.year if doc else 0)
    return (stage or (doc.stage if doc else "")), int(year)
