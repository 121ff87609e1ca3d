"""Rules that add programs up: report summaries and slide evolution tables.

- programs-sum-to-total: the program summaries inside the TOTAL perimeter add up to the TOTAL summary.
- program-vs-ise-frames: a program summary equals the sum of its ISE frames (when every ISE has one).
- evolution-delta: the stage before a Delta/evolutie plus the delta is the stage after it, in every table.
- slide-ise-sum: a program's ISE rows add up to its program row.
- slide-program-sum: the program rows add up to Totaal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Document, Fact, Table
from .findings import Finding, rule, sum_finding
from .messages import say

VAK_VEK = ("VAK", "VEK")
FRAME_PARTS = ("esr", "is", "other")


def _program_facts(tables: list[Table]) -> dict[str, list[Fact]]:
    return {table.subject: table.facts for table in tables}


def _sums(programs: dict[str, list[Fact]]) -> dict[tuple[str, str], list[Fact]]:
    """Per (credit, stage) the facts that add up to each table's total: its total row, or, for a frame
    printed without `Totaal`, its part rows (ESR + IS + other), which are that total."""
    parts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for facts in programs.values():
        totals = {(f.credit, f.stage) for f in facts if f.row == "total"}
        for fact in facts:
            if fact.row == "total" or (fact.row in FRAME_PARTS and (fact.credit, fact.stage) not in totals):
                parts[(fact.credit, fact.stage)].append(fact)
    return parts


def _mismatches(total: Table, programs: dict[str, list[Fact]]) -> list[Finding]:
    parts = _sums(programs)
    names = "+".join(sorted(programs))
    found = []
    for f in total.facts:
        if f.row == "total" and (key := (f.credit, f.stage)) in parts:
            what = say("what.programs", names=names, credit=f.credit, stage=f.stage)
            found.append(sum_finding("programs-sum-to-total", "TOTAL", what, parts[key], f))
    return [f for f in found if f]


def _excluded(code: str, doc: Document) -> bool:
    """Apparatus (xA) and provision (xB) programs are outside the TOTAL perimeter."""
    letter = doc.domain_letter or code[:1]
    return code in (f"{letter}A", f"{letter}B")


@rule("programs-sum-to-total", "error/info", "the program summaries inside the TOTAL perimeter add up to TOTAL")
def programs_sum_to_total(doc: Document) -> Iterator[Finding]:
    summaries = [t for t in doc.tables if t.layout == "summary"]
    totals = [t for t in summaries if t.scope == "total"]
    programs = _program_facts([t for t in summaries if t.scope == "program"])
    if not totals or not programs:
        return
    inside = {code: facts for code, facts in programs.items() if not _excluded(code, doc)}
    candidates = [inside, programs] if inside != programs else [inside]
    for total in totals:
        results = [_mismatches(total, subset) for subset in candidates if subset]
        best = next((r for r in results if not r), results[0] if results else [])
        yield from best


@rule("program-vs-ise-frames", "error/info", "a program summary equals the sum of its ISE frames")
def program_vs_ise_frames(doc: Document) -> Iterator[Finding]:
    frames = [t for t in doc.tables if t.layout == "ise_frame"]
    framed = {t.subject for t in frames}
    for table in doc.tables:
        if table.layout != "summary" or table.scope != "program":
            continue
        ises = {i.key for i in doc.ises if i.program == table.subject}
        if not ises or not ises <= framed:
            continue
        parts = _sums({t.subject: t.facts for t in frames if t.subject in ises})
        for fact in table.facts:
            if fact.credit in VAK_VEK and (key := (fact.credit, fact.stage)) in parts:
                what = say("what.program_frames", subject=fact.subject, credit=fact.credit, stage=fact.stage)
                found = sum_finding("program-vs-ise-frames", fact.subject, what, parts[key], fact)
                if found:
                    yield found


@rule("evolution-delta", "error/info", "the stage before + DELTA == the stage after, wherever a table prints a delta")
def evolution_delta(doc: Document) -> Iterator[Finding]:
    """Every table with an evolution (`Delta`, `evolutie`): the stage before it plus the delta is the stage after
    it, per subject, row and credit (`BA 2024` + `evolutie` = `BO 2025`; `BO 2024` + `evolutie` = `BA 2024`)."""
    for table in doc.tables:
        if table.layout == "credit_evolution":
            continue  # its causes of change stand between the stages, not a delta
        series: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
        for fact in table.facts:  # in print order: columns of a row, or rows of a column
            series[(fact.subject, fact.row, fact.credit)].append(fact)
        for (subject, _row, credit), facts in series.items():
            for position, delta in enumerate(facts):
                if delta.stage != "DELTA" or not 0 < position < len(facts) - 1:
                    continue
                before, after = facts[position - 1], facts[position + 1]
                if "DELTA" in (before.stage, after.stage):
                    continue
                what = say("what.delta", table=str(table.index), subject=subject, credit=credit, stage=before.stage,
                           year=str(before.year))  # fmt: skip
                found = sum_finding("evolution-delta", subject, what, [before, delta], after)
                if found:
                    yield found


@rule("slide-ise-sum", "error/info", "slide table: a program's ISE rows add up to the program row")
def slide_ise_sum(doc: Document) -> Iterator[Finding]:
    for table in doc.tables:
        if table.layout != "budget_evolution":
            continue
        ise_parts: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
        for fact in table.facts:
            if fact.scope == "ise":
                ise_parts[(fact.subject.split(":")[0], fact.credit, fact.stage)].append(fact)
        for fact in table.facts:
            parts = ise_parts.get((fact.subject, fact.credit, fact.stage))
            if fact.scope == "program" and parts:
                what = say("what.slide_ises", table=str(table.index), subject=fact.subject, credit=fact.credit,
                           stage=fact.stage)  # fmt: skip
                found = sum_finding("slide-ise-sum", fact.subject, what, parts, fact)
                if found:
                    yield found


@rule("slide-program-sum", "error/info", "slide table: program rows add up to Totaal")
def slide_program_sum(doc: Document) -> Iterator[Finding]:
    for table in doc.tables:
        if table.layout != "budget_evolution":
            continue
        parts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        for fact in table.facts:
            if fact.scope == "program":
                parts[(fact.credit, fact.stage)].append(fact)
        for fact in table.facts:
            if fact.scope == "total" and (key := (fact.credit, fact.stage)) in parts:
                what = say("what.slide_programs", table=str(table.index), credit=fact.credit, stage=fact.stage)
                found = sum_finding("slide-program-sum", "TOTAL", what, parts[key], fact)
                if found:
                    yield found
