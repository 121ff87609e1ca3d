"""A report regenerated from the database: the document's tables in BBT layout, with sentences.

`build_report` turns one stored document into `Section`s of blocks (tables, paragraphs,
charts); `markdown.py` and `html.py` only render them, so both formats say the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..errors import BegrootError
from ..model import STAGES, Fact
from ..store import Store
from ..store.exports import (
    articles_export,
    documents_export,
    facts_query,
    ises_export,
    programs_export,
    tables_export,
)
from ..store.queries import FactFilter
from .numbers import execution_sentence

ROW_LABELS = {"esr": "ESR-uitgaven", "is": "Toelagen", "other": "Overige", "total": "Totaal"}
FRAME_ROWS = ("esr", "is", "other", "total")
STAGE_ROW_CREDITS = ("AO", "TO", "LO", "VAK", "VEK")  # the document's column order in stage-row tables
WIDE_CREDITS = ("VAK", "VEK")
# Layouts printed with one column per credit x stage (the others: one row per stage).
WIDE_LAYOUTS = {"ise_frame", "article_expenditure", "budget_evolution"}
RECEIPT_CREDITS = ("AO", "TO", "LO")


@dataclass
class TableBlock:
    subject: str
    layout: str
    table_index: int
    columns: list[str]  # the header: the year, then one label per value column
    rows: list[tuple[str, list[int | None]]]
    groups: list[tuple[str, int]] = field(default_factory=list)  # two-level header: (credit, span)
    note: str = "(duizend euro)"


@dataclass
class Paragraph:
    text: str
    subject: str = ""


@dataclass
class Chart:
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    unit: str = "keuro"


Block = TableBlock | Paragraph | Chart


@dataclass
class Section:
    title: str
    level: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Report:
    title: str
    document: dict[str, Any]
    sections: list[Section]


@dataclass
class Loaded:
    """What the report needs from the database, for one document."""

    document: dict[str, Any]
    tables: list[dict[str, Any]]
    facts: dict[int, list[Fact]]  # by table index
    articles: dict[str, dict[str, Any]]
    ises: dict[str, dict[str, Any]]
    programs: dict[str, str]


# --------------------------------------------------------------------------- loading


def load_document(store: Store, name: str | None) -> Loaded:
    documents = store.rows(documents_export(name))
    if not documents:
        raise BegrootError(name or "database", "no such document in the database" if name else "no documents stored")
    document = documents[-1]  # the most recently ingested when no name is given
    name = document["name"]
    facts: dict[int, list[Fact]] = defaultdict(list)
    for row in store.rows(facts_query(FactFilter(document=name))):
        facts[row["table_index"]].append(_fact(row))
    return Loaded(
        document=document,
        tables=store.rows(tables_export(name)),
        facts=facts,
        articles={a["code"]: a for a in store.rows(articles_export(name))},
        ises={i["key"]: i for i in store.rows(ises_export(name))},
        programs={p["code"]: p["name"] for p in store.rows(programs_export(name))},
    )


def _fact(row: dict[str, Any]) -> Fact:
    return Fact(**{k: row[k] for k in Fact.__dataclass_fields__ if k in row and k != "table"}, table=row["table_index"])


# --------------------------------------------------------------------------- building


def build_report(store: Store, name: str | None = None) -> Report:
    loaded = load_document(store, name)
    doc = loaded.document
    title = f"{doc['domain']} — {_kind(doc)} {doc['year']}"
    summary = Section("Samenvatting", 2)
    detail = Section("Budgettair kader", 2)
    sections = [summary, detail]
    for table in loaded.tables:
        facts = loaded.facts.get(table["table_index"], [])
        if not facts:
            continue
        if table["layout"] in {"summary", "budget_evolution"}:
            summary.blocks += [Paragraph(f"**{_table_title(table, loaded)}**"), table_block(table, facts)]
        else:
            sections.append(_detail_section(table, facts, loaded))
    summary.blocks += _summary_charts(loaded)
    if not detail.blocks and len(sections) == 2:
        sections.remove(detail)
    return Report(title, doc, sections)


def _kind(doc: dict[str, Any]) -> str:
    names = {"BO": "begrotingsopmaak", "BA": "begrotingsaanpassing", "BU": "begrotingsuitvoering"}
    return str(names.get(doc["stage"], doc["stage"])).capitalize()


def _table_title(table: dict[str, Any], loaded: Loaded) -> str:
    subject = table["subject"]
    if table["scope"] == "program" and subject in loaded.programs:
        return f"Programma {subject} – {loaded.programs[subject]}"
    return str(table["title"] or subject)


def _detail_section(table: dict[str, Any], facts: list[Fact], loaded: Loaded) -> Section:
    subject, layout = table["subject"], table["layout"]
    block = table_block(table, facts)
    if table["scope"] == "article":
        name = loaded.articles.get(subject, {}).get("name", "")
        section = Section(f"{subject} – {name}" if name else subject, 4, [block])
        section.blocks += [Paragraph(s, subject) for s in article_sentences(facts, layout)]
        return section
    if layout == "ise_frame":
        ise = loaded.ises.get(subject, {})
        title = f"{ise.get('name', subject)} ({subject})" + (f", {table['perimeter']}" if table["perimeter"] else "")
        sentences = frame_sentences(facts)
        return Section(title, 3, [block, *(Paragraph(s, subject) for s in sentences)])
    return Section(_table_title(table, loaded), 3, [block])


def _periods(facts: list[Fact]) -> list[tuple[str, int]]:
    """(stage, year) of the printed columns, in stage order (a slide compares BO 2022 with BA 2021)."""
    present = {(f.stage, f.year) for f in facts}
    return sorted(present, key=lambda p: (STAGES.index(p[0]), p[1]))


def table_block(table: dict[str, Any], facts: list[Fact]) -> TableBlock:
    """The table as the document prints it (stages and credits in the document's order)."""
    if table["layout"] in WIDE_LAYOUTS:
        return _wide_block(table, facts)
    return _stage_rows_block(table, facts)


Key = tuple[str, str, str, str, int]  # subject, row, credit, stage, year


def _first(facts: list[Fact]) -> dict[Key, int]:
    values: dict[Key, int] = {}
    for f in facts:
        values.setdefault((f.subject, f.row, f.credit, f.stage, f.year), f.value)
    return values


def _wide_block(table: dict[str, Any], facts: list[Fact]) -> TableBlock:
    """One row per table row (ESR-uitgaven ... Totaal; or per subject on a slide), VAK then VEK stages."""
    periods, values = _periods(facts), _first(facts)
    one_year = len({y for _, y in periods}) == 1
    credits = [c for c in WIDE_CREDITS if any(f.credit == c for f in facts)]
    columns = [f"{c} {s}" if one_year else f"{c} {s} {y}" for c in credits for s, y in periods]
    cells = [(c, s, y) for c in credits for s, y in periods]
    rows = [
        (label, [values.get((subj, row, c, s, y)) for c, s, y in cells]) for label, subj, row in _row_keys(table, facts)
    ]
    groups = [(c, len(periods)) for c in credits]
    year = str(periods[0][1]) if one_year else ""
    return TableBlock(table["subject"], table["layout"], table["table_index"], [year, *columns], rows, groups)


def _row_keys(table: dict[str, Any], facts: list[Fact]) -> list[tuple[str, str, str]]:
    """(label, subject, row) of every printed row, in order."""
    if table["layout"] == "ise_frame":
        return [(ROW_LABELS[r], table["subject"], r) for r in FRAME_ROWS if any(f.row == r for f in facts)]
    if table["layout"] == "budget_evolution":
        subjects = list(dict.fromkeys(f.subject for f in facts))
        return [("Totaal" if s == "TOTAL" else s, s, "total") for s in subjects]
    label = "Ontvangsten" if table["layout"] == "article_receipt" else "Uitgaven"
    return [(label, table["subject"], "total")]


def _stage_rows_block(table: dict[str, Any], facts: list[Fact]) -> TableBlock:
    """One row per stage, a column per credit (AO TO LO VAK VEK), as in the summaries."""
    values = _first(facts)
    credits = [c for c in STAGE_ROW_CREDITS if any(f.credit == c for f in facts)]
    subject, periods = table["subject"], _periods(facts)
    one_year = len({y for _, y in periods}) == 1
    rows = [
        (s if one_year else f"{s} {y}", [values.get((subject, "total", c, s, y)) for c in credits]) for s, y in periods
    ]
    year = str(periods[0][1]) if one_year else ""
    return TableBlock(subject, table["layout"], table["table_index"], [year, *credits], rows)


# --------------------------------------------------------------------------- sentences


def _totals(facts: list[Fact]) -> dict[tuple[str, str], int]:
    return {(c, s): v for (_, row, c, s, _), v in _first(facts).items() if row == "total"}


def _budget_stage(totals: dict[tuple[str, str], int], credit: str) -> str | None:
    """The budget the realisation is measured against: BA-JR (available credit), else BA."""
    return next((s for s in ("BA-JR", "BA") if (credit, s) in totals), None)


def sentences_for(facts: list[Fact], credits: list[str], subject: str) -> list[str]:
    """One execution sentence per credit; a single unlabelled one when the credits agree (VAK = VEK)."""
    totals = _totals(facts)
    pairs: dict[str, tuple[int, int]] = {}
    for credit in credits:
        stage = _budget_stage(totals, credit)
        if (credit, "BU") in totals and stage is not None:
            pairs[credit] = (totals[(credit, "BU")], totals[(credit, stage)])
    if len(set(pairs.values())) == 1:
        return [execution_sentence(*next(iter(pairs.values())), subject=subject)]
    return [execution_sentence(*pair, subject=subject, credit=credit) for credit, pair in pairs.items()]


def article_sentences(facts: list[Fact], layout: str) -> list[str]:
    if layout == "article_receipt":
        totals = _totals(facts)
        credits = [c for c in RECEIPT_CREDITS if any(totals.get((c, s)) for s in ("BA", "BA-JR", "BU"))]
        return sentences_for(facts, credits[:1], "dit begrotingsartikel")
    return sentences_for(facts, list(WIDE_CREDITS), "dit begrotingsartikel")


def frame_sentences(facts: list[Fact]) -> list[str]:
    return sentences_for(facts, list(WIDE_CREDITS), "dit structuurelement")


# --------------------------------------------------------------------------- charts


def _summary_charts(loaded: Loaded) -> list[Block]:
    charts: list[Block] = []
    programs = [t for t in loaded.tables if t["layout"] == "summary" and t["scope"] == "program"]
    if programs:
        charts.append(_credit_chart("VAK per programma", programs, loaded))
    executed = _execution_chart(loaded)
    if executed.categories:
        charts.append(executed)
    return charts


def _credit_chart(title: str, tables: list[dict[str, Any]], loaded: Loaded) -> Chart:
    facts = [f for t in tables for f in loaded.facts.get(t["table_index"], []) if f.credit == "VAK"]
    periods = _periods(facts)
    categories = [t["subject"] for t in tables]
    values = _first(facts)
    series = [(f"{s} {y}", [float(values.get((c, "total", "VAK", s, y), 0)) for c in categories]) for s, y in periods]
    return Chart(title, categories, series)


def _execution_chart(loaded: Loaded) -> Chart:
    """BU / BA-JR in VAK for every expenditure article: where the budget was (not) used."""
    categories, rates = [], []
    for table in loaded.tables:
        if table["layout"] != "article_expenditure":
            continue
        totals = _totals(loaded.facts.get(table["table_index"], []))
        budget, realised = totals.get(("VAK", "BA-JR")), totals.get(("VAK", "BU"))
        if budget and realised is not None:
            categories.append(table["subject"])
            rates.append(round(realised / budget * 100, 1))
    return Chart("Uitvoeringsgraad VAK per begrotingsartikel (BU / BA-JR)", categories, [("BU/BA-JR", rates)], "%")
