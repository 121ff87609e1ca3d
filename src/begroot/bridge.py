"""The budget bridge: an article's `Kredietevolutie` as steps from its first stage to its last.

`BA 2024` -> Index -> Compensaties -> Andere bijstellingen -> `BO 2025`: the first and last rows are stages
(facts of the table), the rows between them are changes (`Article.credit_evolution.changes`). Each row
becomes one step per credit (VAK, VEK) with its role (`start`, the change's role from
`VOCABULARY.bridge_role`, `end`), value, page and line: what the store keeps in `bridge_steps`, the
audit checks (start + changes = end) and the dashboard draws as a waterfall.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Article, Document, Fact, Table
from .vocabulary import VOCABULARY

BRIDGE_CREDITS = ("VAK", "VEK")  # the credits a change row carries (model.CreditChange)


@dataclass
class BridgeStep:
    article: str
    credit: str
    position: int  # 0 the start, then the changes in print order, the end last
    role: str  # start | index | compensaties | herverdelingen | bijstellingen | andere | niet-benut | ... | end
    label: str  # as printed
    value: int | None  # thousand euro; None: the cell was left blank
    page: int
    line: int
    stage: str = ""  # start and end: the stage (BA, BO, BU...) and its year; changes: empty and the end's year
    year: int = 0
    table_index: int = 0
    program: str = ""  # the article's program code and ISE key, to add articles up per program or ISE
    ise: str | None = None


def evolution_table(doc: Document, article: Article) -> Table | None:
    """The article's last `Kredietevolutie` table (the one its `credit_evolution` was read from)."""
    tables = [doc.tables[i] for i in article.tables if doc.tables[i].layout == "credit_evolution"]
    return tables[-1] if tables else None


def _stage_fact(table: Table, article: str, credit: str, stage: str, year: int) -> Fact | None:
    return next((f for f in table.facts if f.subject == article and f.row == "total" and f.credit == credit
                 and f.stage == stage and f.year == year), None)  # fmt: skip


def article_steps(doc: Document, article: Article) -> Iterator[BridgeStep]:
    """The steps of one article, credit by credit; a credit without both stages, or whose change rows
    are all blank (receipts print AO/TO, not VAK/VEK), has none."""
    evolution, table = article.credit_evolution, evolution_table(doc, article)
    if evolution is None or table is None:
        return
    for credit in BRIDGE_CREDITS:
        start = _stage_fact(table, article.code, credit, evolution.start_stage, evolution.start_year)
        end = _stage_fact(table, article.code, credit, evolution.end_stage, evolution.end_year)
        values = [change.vak if credit == "VAK" else change.vek for change in evolution.changes]
        if start is None or end is None or (evolution.changes and all(v is None for v in values)):
            continue
        yield _stage_step(article, credit, table, 0, "start", start)
        for position, (change, value) in enumerate(zip(evolution.changes, values, strict=True), start=1):
            yield BridgeStep(article.code, credit, position, VOCABULARY.bridge_role(change.label), change.label,
                             value, change.page, change.line, "", end.year, table.index, article.parts.program,
                             article.ise)  # fmt: skip
        yield _stage_step(article, credit, table, len(values) + 1, "end", end)


def _stage_step(article: Article, credit: str, table: Table, position: int, role: str, fact: Fact) -> BridgeStep:
    return BridgeStep(article.code, credit, position, role, f"{fact.stage} {fact.year}", fact.value, fact.page,
                      fact.source_line, fact.stage, fact.year, table.index, article.parts.program,
                      article.ise)  # fmt: skip


def bridge_steps(doc: Document) -> Iterator[BridgeStep]:
    """Every article's steps, in document order."""
    for article in doc.articles:
        yield from article_steps(doc, article)


def balance(steps: list[BridgeStep]) -> tuple[int, int] | None:
    """(start + changes, end) of one article's steps of one credit; None without a start and an end."""
    if len(steps) < 2 or steps[0].role != "start" or steps[-1].role != "end":
        return None
    moved = sum(step.value or 0 for step in steps[1:-1])
    return (steps[0].value or 0) + moved, steps[-1].value or 0
