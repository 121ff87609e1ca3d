"""Data for the pages: shapes the query results into what the templates and charts need."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.engine import Connection

from ..store import queries
from . import marks

CHART_STAGES = ("BA", "BA-JR", "BU")
SEVERITIES = ("error", "warning", "info")


def treemap_chart(rows: list[dict[str, Any]], names: dict[str, str], no_ise: str) -> dict[str, Any]:
    """Plotly treemap nodes: root -> programs -> ISEs -> articles, every node valued at the sum of its leaves."""
    nodes: dict[str, dict[str, Any]] = {"root": {"label": "Totaal", "parent": "", "value": 0, "url": ""}}

    def add(node: str, label: str, parent: str, url: str = "") -> None:
        nodes.setdefault(node, {"label": label, "parent": parent, "value": 0, "url": url})

    for row in rows:
        program, ise = f"P:{row['part_program']}", f"I:{row['ise'] or row['part_program'] + ':-'}"
        add(program, f"{row['part_program']} {names.get(row['part_program'], '')}".strip(), "root")
        add(ise, names.get(row["ise"] or "", no_ise), program)
        add(f"A:{row['code']}", f"{row['name']}<br>{row['code']}", ise, f"/articles/{row['code']}")
        node = f"A:{row['code']}"
        while node:  # branchvalues "total": each ancestor carries the sum
            nodes[node]["value"] += row["value"]
            node = nodes[node]["parent"]
    return {
        "kind": "treemap",
        "ids": list(nodes),
        **{f"{key}s": [node[key] for node in nodes.values()] for key in ("label", "parent", "value", "url")},
    }


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


def lines_chart(timeline: list[dict[str, Any]]) -> dict[str, Any]:
    """One line per credit over (year, stage) points, total row only."""
    series: dict[str, dict[str, list[Any]]] = {}
    for row in timeline:
        if row["row"] != "total" or row["credit"] not in {"VAK", "VEK"}:
            continue
        line = series.setdefault(row["credit"], {"x": [], "y": []})
        point = f"{row['year']} {row['stage']}"
        if point not in line["x"]:
            line["x"].append(point)
            line["y"].append(row["value"])
    return {"kind": "lines", "series": [{"name": k, **v} for k, v in series.items()], "unit": "keuro"}


def article_page(db: Connection, code: str) -> dict[str, Any] | None:
    article = queries.article(db, code)
    if article is None:
        return None
    prose = [f for f in queries.article_findings(db, code) if marks.in_article(f, article)]
    anchored = set[int]()
    stages = stage_figures(article)
    timeline = queries.timeline(db, code)
    return {
        "article": article,
        "summary": marks.marked(article["summary"] or "", marks.by_figure(prose, "summary"), anchored),
        "explanation": marks.marked(article["explanation"] or "", marks.by_figure(prose, "explanation"), anchored),
        "stages": stages,
        "rates": execution_rates(stages),
        "bars": bars_chart(stages),
        "timeline": timeline,
        "lines": lines_chart(timeline),
        "findings": queries.findings(db, queries.FindingFilter(subject=code)),
    }


def grouped_findings(rows: list[dict[str, Any]]) -> list[tuple[str, list[tuple[str, list[dict[str, Any]]]]]]:
    """[(severity, [(rule, findings)])] in severity order, rules alphabetically."""
    tree: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        tree[row["severity"]][row["rule"]].append(row)
    order = [s for s in SEVERITIES if s in tree] + sorted(set(tree) - set(SEVERITIES))
    return [(severity, sorted(tree[severity].items())) for severity in order]


def finding_link(finding: dict[str, Any], articles: set[str]) -> str | None:
    """The page a finding speaks of: its article's page, at the marked figure when there is one."""
    if finding.get("subject") in articles:
        return f"/articles/{finding['subject']}#finding-{finding['id']}"
    return None


def comparison(
    db: Connection, a: str, b: str, stage_a: str | None, stage_b: str | None, credit: str
) -> list[dict[str, Any]]:
    """Figures both sides print for the same subject, biggest absolute change first."""
    left, right = queries.headline(db, a, stage_a), queries.headline(db, b, stage_b)
    rows = [
        {
            "scope": key[0],
            "subject": key[1],
            "a": left[key],
            "b": right[key],
            "change": right[key]["value"] - left[key]["value"],
        }
        for key in left.keys() & right.keys()
        if key[2] == credit
    ]
    return sorted(rows, key=lambda r: (-abs(r["change"]), r["subject"]))
