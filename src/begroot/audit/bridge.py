"""The budget bridge: every `Kredietevolutie` adds up.

- bridge-balance: the first stage plus the change rows (index, compensaties, ...) is the last stage, per
  article and credit (`BA 2024` + Index + Compensaties + Andere bijstellingen = `BO 2025`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..bridge import BridgeStep, balance, bridge_steps
from ..model import Document
from .findings import Finding, fmt, rule


@rule("bridge-balance", "error/warning", "an article's Kredietevolutie: first stage + change rows == last stage")
def bridge_balance(doc: Document) -> Iterator[Finding]:
    """start + changes = end for each article's `Kredietevolutie`, credit by credit. The finding names the end
    row first (where the sum breaks), then every row that went into it."""
    steps: dict[tuple[str, str, int], list[BridgeStep]] = defaultdict(list)
    for step in bridge_steps(doc):  # an article printed twice has two tables
        steps[(step.article, step.credit, step.table_index)].append(step)
    for (article, credit, _table), rows in steps.items():
        sums = balance(rows)
        if sums is None or sums[0] == sums[1]:
            continue
        summed, end = sums
        difference = end - summed
        labels = " + ".join(step.label for step in rows[:-1])
        yield Finding(
            rule="bridge-balance",
            severity="warning" if abs(difference) == 1 else "error",
            message=f"Kredietevolutie of {article} {credit}: {labels} = {fmt(summed)}, printed {rows[-1].label} "
            f"{fmt(end)}, difference {fmt(difference)}",
            subject=article,
            numbers={"total": end, "sum": summed, "difference": difference},
            expected=summed,
            actual=end,
            locations=[_location(doc, rows[-1]), *(_location(doc, step) for step in rows[:-1])],
        )


def _location(doc: Document, step: BridgeStep) -> dict[str, object]:
    return {"document": doc.name, "page": step.page, "source_line": step.line}
