"""Data for the pages: shapes the query results into what the templates and charts need."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.engine import Connection

from ..store import STAGE_ORDER, overview, queries
from ..store.joined import joined_timeline
from ..store.yoy import comparisons
from . import i18n, marks

CHART_STAGES = ("BA", "BA-JR", "BU")
EXPENDITURE = ("VAK", "VEK")
SEVERITIES = ("error", "warning", "info")


def stage_figures(article: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """credit -> stage -> fact, from the article's own document and its latest year (total row)."""
    own = [f for f in article["facts"] if f["document"] == article["document"] and f["row"] == "total"]
    year = max((f["year"] for f in own), default=None)
    figures: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for fact in own:
        if fact["year"] == year:
            figures[fact["credit"]].setdefault(fact["stage"], fact)
    return dict(figures)


def execution_rates(figures: dict[str, dict[str, dict[str, Any]]]) -> dict[str, float | None]:
    rates: dict[str, float | None] = {}
    for credit, stages in figures.items():
        realised, available = stages.get("BU"), stages.get("BA-JR")
        if realised and available:
            rates[credit] = realised["value"] / available["value"] if available["value"] else None
    return rates


def bars_chart(figures: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    series = [
        {"name": credit, "x": list(CHART_STAGES), "y": [figures[credit].get(s, {}).get("value") for s in CHART_STAGES]}
        for credit in ("VAK", "VEK")
        if credit in figures
    ]
    return {"kind": "bars", "series": series, "unit": "keuro"}


def article_page(db: Connection, code: str, lang: str = "nl") -> dict[str, Any] | None:
    article = queries.article(db, code)
    if article is None:
        return None
    prose = [f for f in queries.article_findings(db, code) if marks.in_article(f, article)]
    anchored = set[str]()
    stages = stage_figures(article)
    return {
        "article": article,
        "summary": marks.marked(article["summary"] or "", marks.by_figure(prose, "summary"), anchored, lang),
        "explanation": marks.marked(
            article["explanation"] or "", marks.by_figure(prose, "explanation"), anchored, lang
        ),
        "stages": stages,
        "rates": execution_rates(stages),
        "bars": bars_chart(stages),
        **history(db, code, lang),
        "findings": queries.findings(db, queries.FindingFilter(subject=code)),
    }


def grouped_findings(rows: list[dict[str, Any]]) -> list[tuple[str, list[tuple[str, list[dict[str, Any]]]]]]:
    """[(severity, [(rule, findings)])] in severity order, rules alphabetically; findings reviewed
    false-positive apart, last ("reviewed"): they no longer count as their severity."""
    tree: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        group = "reviewed" if row.get("verdict") == "false-positive" else row["severity"]
        tree[group][row["rule"]].append(row)
    order = [s for s in SEVERITIES if s in tree] + sorted(set(tree) - set(SEVERITIES))
    return [(severity, sorted(tree[severity].items())) for severity in order]


def finding_link(finding: dict[str, Any], articles: set[str]) -> str | None:
    """The page a finding speaks of: its article's page, at the marked figure when there is one."""
    if finding.get("subject") in articles:
        return f"/articles/{finding['subject']}#finding-{finding['finding_id']}"
    return None


def comparison(db: Connection, a: str, b: str, stage_a: str | None, stage_b: str | None, credit: str) -> dict[str, Any]:
    """Figures both sides print for the same subject in the same perimeter, later minus earlier (overview.comparison)."""
    return overview.comparison(db, a, b, stage_a, stage_b, credit)


def like_for_like(db: Connection, documents: list[dict[str, Any]]) -> tuple[str | None, str | None, str, str]:
    """The comparison /compare opens with (a, b, stage of a, stage of b): the latest document against the latest
    earlier one of the same kind and domain (a report with a report: the same afbakening); without one, the
    latest document against itself, its own stage against the stage before it (the same tables, so the same
    afbakening)."""
    if not documents:
        return None, None, "", ""
    order = sorted(documents, key=lambda d: (d["year"], STAGE_ORDER.get(d["stage"], 9), d["name"]))
    latest = order[-1]
    same = [d for d in order[:-1] if d["kind"] == latest["kind"] and d["domain"] == latest["domain"]]
    if same:
        return same[-1]["name"], latest["name"], "", ""
    stages = [s for s in queries.stages_of(db, latest["name"]) if s != "DELTA"]
    before = [s for s in stages if STAGE_ORDER.get(s, 9) < STAGE_ORDER.get(latest["stage"], 9)]
    if before:
        return latest["name"], latest["name"], before[-1], latest["stage"]
    other = order[-2]["name"] if len(order) > 1 else latest["name"]
    return other, latest["name"], "", ""


# --------------------------------------------------------------------------- library (home page)


def library_matrix(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per domain: its years, the stages met, and the documents of each (year, stage) cell."""
    by_domain: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for document in documents:
        by_domain[document["domain"]].append(document)
    matrix = []
    for domain in sorted(by_domain):
        docs = by_domain[domain]
        cells: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
        for document in docs:
            cells[(document["year"], document["stage"])].append(document)
        stages = sorted({d["stage"] for d in docs}, key=lambda s: STAGE_ORDER.get(s, 9))
        matrix.append({"domain": domain, "years": sorted({d["year"] for d in docs}), "stages": stages,
                       "cells": cells, "count": len(docs)})  # fmt: skip
    return matrix


def domain_totals(db: Connection, domain: str, conflicts: overview.Conflicts | None = None) -> dict[str, Any]:
    """A domain's TOTAL over the years in its main perimeter: a table (year x credit x stage) and a chart per credit.
    `conflicts`: those of the TOTAL, read once for every domain."""
    found = overview.points(db, overview.DOMAIN_TOTAL, domain=domain, conflicts=conflicts)
    perimeter = overview.main_perimeter(found)
    main = [p for p in found if p["perimeter"] == perimeter and p["credit"] in EXPENDITURE]
    main_cells = {(p["year"], p["credit"], p["stage"]): p for p in main}
    cells = dict(main_cells)
    # every loaded year, even one printed only in another perimeter: its figures stand in the table, labelled
    # with their perimeter, and the charts (main perimeter, like for like) leave a gap there
    shown = {p["year"] for p in found if p["credit"] in EXPENDITURE}
    years = list(range(min(shown), max(shown) + 1)) if shown else []  # a year not loaded: an empty row, a gap
    for point in found:
        if point["credit"] in EXPENDITURE:
            cells.setdefault((point["year"], point["credit"], point["stage"]), point)
    charts = [
        {
            "kind": "grouped",
            "title": credit,
            "x": [str(year) for year in years],
            "series": [
                {"name": stage, "y": [_value(main_cells.get((year, credit, stage))) for year in years]}
                for stage in overview.MAIN_STAGES
                if any((year, credit, stage) in main_cells for year in years)
            ],
            "unit": "keuro",
        }
        for credit in EXPENDITURE
    ]
    others = [p for p in found if p not in main and p["credit"] in EXPENDITURE]
    return {"domain": domain, "perimeter": perimeter, "years": years, "cells": cells, "charts": charts,
            "others": others}  # fmt: skip


def _value(point: dict[str, Any] | None) -> int | None:
    return None if point is None else point["value"]


# --------------------------------------------------------------------------- figures over the years


def history(db: Connection, subject: str, lang: str = "nl") -> dict[str, Any]:
    """Every point of a subject over the years (main perimeter first) as its lineage joins and breaks it
    (`store/joined.py`), its chart with the joins, breaks and renames marked, the execution per year and the
    year-on-year comparisons (of the same points: the timeline is joined once per page)."""
    joined = joined_timeline(db, subject)
    found = joined["points"]
    perimeter = overview.main_perimeter(found)
    main = [p for p in found if p["perimeter"] == perimeter]
    notes = point_notes(subject, main, joined["marks"], lang)
    return {
        "points": [{**p, "notes": notes.get(id(p), [])} for p in main],
        "other_points": [p for p in found if p["perimeter"] != perimeter],
        "perimeter": perimeter,
        "lines": timeline_chart(main, joined["marks"], lang),
        "execution": overview.execution(found),
        "marks": joined["marks"],
        "yoy": comparisons(found),
    }


def mark_text(mark: dict[str, Any], lang: str) -> str:
    """What a mark says on the chart and in the table: `vroeger OLD`, `code hergebruikt`, `nieuwe naam: NEW`."""
    if mark["kind"] == "join":
        return f"{i18n.translate(lang, 'timeline.former')} {mark['code']}"
    if mark["kind"] == "reuse":
        return i18n.translate(lang, "timeline.reused")
    return f"{i18n.translate(lang, 'timeline.renamed')}: {mark['after']}"


def point_notes(
    subject: str, main: list[dict[str, Any]], marks: list[dict[str, Any]], lang: str
) -> dict[int, list[dict[str, str]]]:
    """id(point) -> its notes: `vroeger OLD` on a figure printed under a former code; a reuse or rename on
    the first row of its year (the first of the new line, for a reuse)."""
    notes: dict[int, list[dict[str, str]]] = {}
    for point in main:
        if point["code"] != subject:
            notes.setdefault(id(point), []).append(
                {"kind": "former", "text": f"{i18n.translate(lang, 'timeline.former')} {point['code']}"}
            )
    latest = max((p["line"] for p in main), default=0)
    for mark in marks:
        if mark["kind"] == "join":
            continue
        first = next(
            (p for p in main if p["year"] >= mark["year"] and (mark["kind"] != "reuse" or p["line"] == latest)), None
        )
        if first is not None:
            notes.setdefault(id(first), []).append({"kind": mark["kind"], "text": mark_text(mark, lang)})
    return notes


def timeline_chart(
    found: list[dict[str, Any]], marks: list[dict[str, Any]] | None = None, lang: str = "nl"
) -> dict[str, Any]:
    """One line per credit over the (year, stage) points in budget order; VAK and VEK, else the receipts. A
    reused code: a line per credit and stretch (no line across the break; the earlier ones named by their
    years). `marks`: vertical markers between the steps, at the first step of their year."""
    credits = [c for c in EXPENDITURE if any(p["credit"] == c for p in found)] or sorted({p["credit"] for p in found})
    steps = sorted({(p["year"], p["stage"]) for p in found} | _missing_years(found),
                   key=lambda k: (k[0], STAGE_ORDER[k[1]]))  # fmt: skip
    values = {(p["year"], p["stage"], p["credit"], p.get("line", 0)): p["value"] for p in found}
    lines = sorted({p.get("line", 0) for p in found}) or [0]
    series = []
    for line in lines:
        years = [p["year"] for p in found if p.get("line", 0) == line]
        for credit in credits:
            name = credit if line == lines[-1] else f"{credit} {min(years)}–{max(years)}"
            series.append({"name": name, "colour": credit, "line": line, "x": [f"{y} {s}" for y, s in steps],
                           "y": [values.get((y, s, credit, line)) for y, s in steps]})  # fmt: skip
    drawn = []
    for mark in marks or []:
        # a join: right after the former code's last figure (a later document may restate the year before under
        # the new code); else before the first step of the mark's year
        printed = [n for n, (year, stage) in enumerate(steps) for p in found
                   if mark["kind"] == "join" and p.get("code") == mark["code"] and (p["year"], p["stage"]) == (year, stage)]  # fmt: skip
        at = (
            max(printed) + 1
            if printed
            else next((n for n, (year, _) in enumerate(steps) if year >= mark["year"]), None)
        )
        if at is not None:
            drawn.append({"kind": mark["kind"], "year": mark["year"], "at": at - 0.5, "text": mark_text(mark, lang)})
    return {"kind": "lines", "series": series, "unit": "keuro", "marks": drawn}


def _missing_years(found: list[dict[str, Any]]) -> set[tuple[int, str]]:
    """(year, stage) of the years between the first and the last with no figure: the chart shows them as a gap
    instead of skipping them."""
    years = {p["year"] for p in found}
    stages = {p["stage"] for p in found}
    if not years:
        return set()
    return {(year, stage) for year in range(min(years), max(years) + 1) if year not in years for stage in stages}


# --------------------------------------------------------------------------- treemap


def treemap_chart(nodes: list[dict[str, Any]], names: dict[str, str], words: dict[str, str]) -> dict[str, Any]:
    """Plotly treemap data from the nodes of `overview.treemap`: only what has a positive size is drawn."""
    drawn = {"root"}
    chosen = []
    for node in nodes:
        if node["id"] == "root" or (node["parent"] in drawn and node["value"] > 0):
            drawn.add(node["id"])
            chosen.append(node)
    return {
        "kind": "treemap",
        "ids": [n["id"] for n in chosen],
        "labels": [treemap_label(n, names, words) for n in chosen],
        "parents": [n["parent"] for n in chosen],
        "values": [n["value"] for n in chosen],
        "urls": [node_url(n) for n in chosen],
        "notes": [words.get(f"basis.{basis(n)}", "") for n in chosen],
    }


def basis(node: dict[str, Any]) -> str:
    """Where a node's size comes from, as the page says it: printed, sum, rest, article, exceeds."""
    return "exceeds" if node.get("parts_exceed") else str(node["basis"])


def treemap_label(node: dict[str, Any], names: dict[str, str], words: dict[str, str]) -> str:
    level, code = node["level"], node["code"]
    if level == "root":
        return words["root"]
    if level == "rest":
        return words["rest"]
    if level == "domain":  # the all-domain overview (web/years.py)
        return str(code)
    if level == "article":
        return f"{node['name']}<br>{code}"
    name = f"{code} {names.get(code, '')}".strip() if level == "program" else names.get(code, code)
    return f"{name} *" if node["basis"] == "sum" else name


def node_url(node: dict[str, Any]) -> str:
    if node["level"] == "article":
        return f"/articles/{node['code']}"
    if node["level"] == "ise":
        return f"/ises/{node['code']}"
    if node["level"] == "program":
        return f"/programs/{node['code']}"
    return ""
