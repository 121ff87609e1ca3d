"""Rule ise-frame-sum: in an ISE frame, ESR + IS + other == total per credit and stage."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Document
from .findings import Finding, by_key, rule, sum_finding
from .messages import say

PART_ROWS = ("esr", "is", "other")


@rule("ise-frame-sum", "error/info", "ESR + IS + other == total per credit and stage in an ISE frame")
def ise_frame_sum(doc: Document) -> Iterator[Finding]:
    for table in doc.tables:
        if table.layout != "ise_frame":
            continue
        facts = by_key(table.facts)
        for (subject, row, credit, stage), total in facts.items():
            if row != "total":
                continue
            parts = [facts[k] for r in PART_ROWS if (k := (subject, r, credit, stage)) in facts]
            if len(parts) < 2:
                continue
            found = sum_finding("ise-frame-sum", subject, say("what.frame", subject=subject, credit=credit, stage=stage),
                                parts, total)  # fmt: skip
            if found:
                yield found
