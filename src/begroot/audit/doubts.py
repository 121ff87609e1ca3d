"""A misreading is not the document's error: before a sum or stage check blames the document, the
reader's own doubts about the tables it used are heard.

A table is doubtful when the reader says so (`Table.doubts`), when a stage stands twice in one row
or column of it (a stage label wrapped in its cell is read as another stage: two BA, no BA-JR), or,
for the rules that add up many tables, when the reader left a table of the document out
(`Document.warnings`: "table left out") or doubts another table (a part the sum may lack). A finding of a sum or stage rule on a doubtful table
becomes `reading-doubt`: begroot is unsure how it read the table (its page, line and why), and
the document is not blamed. See docs/audit.md.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from ..model import Document, ReaderWarning, Table
from .findings import Finding, rule, worded
from .messages import Said, render, say

# The rules that blame the document for its arithmetic or its prose: their findings are reconsidered.
SUM_RULES = {
    "ise-frame-sum", "programs-sum-to-total", "program-vs-ise-frames", "evolution-delta", "slide-ise-sum",
    "slide-program-sum", "articles-vs-frame", "apparatus-vs-articles", "program-receipts", "prose-mismatch",
    "statement-mismatch",
}  # fmt: skip
# Those that add up tables from all over the document: a table left out anywhere may be a missing part.
WIDE_RULES = {
    "programs-sum-to-total",
    "program-vs-ise-frames",
    "articles-vs-frame",
    "apparatus-vs-articles",
    "program-receipts",
}
LEFT_OUT = ("unplaced_table", "unplaced_numbers", "ambiguous_table", "unread_table")  # every "table left out"
MESSAGE_REASONS = 2  # the message names the first reasons; `context.why` holds them all


def table_doubts(table: Table) -> list[Said | str]:
    """Why the reader may have misread this table (empty: no sign of it): the reader's own words, then ours."""
    reasons: list[Said | str] = [say("reader", text=doubt) for doubt in table.doubts]
    repeated = Counter((f.subject, f.row, f.credit, f.stage, f.year) for f in table.facts if f.stage != "DELTA")
    stages = sorted({key[3] for key, count in repeated.items() if count > 1})
    if stages:
        reasons.append(say("doubt.repeated", stages=", ".join(stages)))
    return reasons


def joined(reasons: list[Said] | list[Said | str]) -> Said | str:
    """Reasons as one phrase: `a; b; c`."""
    if not reasons:
        return ""
    first: Said | str = reasons[0]
    for reason in reasons[1:]:
        first = say("list", first=first, rest=reason)
    return first


class Doubts:
    """The doubts of one document's tables, looked up by the lines a finding names."""

    def __init__(self, doc: Document):
        self.tables: dict[tuple[int, int], Table] = {}  # (page, line) of a fact -> its table
        for table in doc.tables:
            if table_doubts(table):
                for fact in table.facts:
                    self.tables[(fact.page, fact.source_line)] = table
        self.left_out = [w for w in doc.warnings if w.code in LEFT_OUT]
        # An article whose own table was left out: its prose may be checked against another of its tables.
        self.article_left_out: dict[str, list[ReaderWarning]] = {}
        for article in doc.articles:
            end = article.end_line or article.line
            inside = [w for w in self.left_out if w.line is not None and article.line <= w.line <= end]
            if inside:
                self.article_left_out[article.code] = inside
        self.doubtful = list({t.index: t for t in self.tables.values()}.values())

    def __bool__(self) -> bool:
        return bool(self.tables or self.left_out)

    def reasons(self, finding: Finding) -> list[Said]:
        found: dict[int, Table] = {}
        for place in finding.locations:
            table = self.tables.get((int(str(place.get("page") or 0)), int(str(place.get("source_line") or 0))))
            if table is not None:
                found.setdefault(table.index, table)
        if finding.rule in WIDE_RULES:  # a doubtful table may be a part the sum lacks, without standing in it
            found.update((t.index, t) for t in self.doubtful)
        reasons = [say("doubt.at", page=str(t.page), line=str(t.line), why=why)
                   for t in found.values() for why in table_doubts(t)]  # fmt: skip
        left_out = self.left_out if finding.rule in WIDE_RULES else self.article_left_out.get(finding.subject, [])
        reasons += [
            say("doubt.left_out", page=str(w.page), line=str(w.line), why=say("reader", text=w.message))
            for w in left_out
        ]
        return reasons


def reconsider(finding: Finding, doubts: Doubts) -> Finding:
    """A sum or stage finding on a table the reader doubts becomes `reading-doubt` (others are left as they are)."""
    if finding.rule not in SUM_RULES or finding.severity == "info" or not doubts:
        return finding
    reasons = doubts.reasons(finding)
    if not reasons:
        return finding
    shown = joined(reasons[:MESSAGE_REASONS])
    if len(reasons) > MESSAGE_REASONS:
        shown = say("list", first=shown, rest=say("doubt.more", count=str(len(reasons) - MESSAGE_REASONS)))
    before = json.loads(finding.context["words"]) if "words" in finding.context else finding.message
    finding.context = {**finding.context, "doubted_rule": finding.rule, "why": render(joined(reasons), "en")}
    finding.rule, finding.severity = "reading-doubt", "warning"
    return worded(finding, say("doubt", why=shown, finding=before))


@rule(
    "reading-doubt",
    "info/warning",
    "begroot is unsure how it read a table: a failing check on it blames the reading, not the document",
)
def doubtful_tables(doc: Document) -> Iterator[Finding]:
    """Every table the reader doubts, said once (`info`), whether or not a check fails on it: a misreading
    never passes unsaid. A check that fails on it is a `reading-doubt` warning (`reconsider`)."""
    for table in doc.tables:
        reasons = table_doubts(table)
        if reasons:
            why = joined(reasons)
            yield worded(
                Finding(
                    rule="reading-doubt",
                    severity="info",
                    message="",
                    subject=table.subject,
                    locations=[{"document": doc.name, "page": table.page, "source_line": table.line}],
                    context={"why": render(why, "en"), "table": str(table.index)},
                ),
                say("doubt.table", page=str(table.page), line=str(table.line), why=why),
            )
