"""Rules on article tables.

- articles-vs-frame: the expenditure articles under an ISE add up to the ISE frame's total.
- apparatus-vs-articles: an apparatus program table equals the sum of the program's article tables.
- program-receipts: the receipts of a program's summary row equal the sum of its articles' receipts.
- execution: BU above BA-JR, or BU below half of BA-JR (information only).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Article, Document, Fact
from .findings import Finding, fmt, locations, rule, sum_finding, worded
from .messages import Said, say

VAK_VEK = ("VAK", "VEK")


def _article_facts(doc: Document, article: Article) -> list[Fact]:
    return [f for i in article.tables for f in doc.tables[i].facts if f.row == "total"]


def _grouped(doc: Document, articles: list[Article], credits: tuple[str, ...]) -> dict[tuple[str, str], list[Fact]]:
    """The articles' figures per (credit, stage), each article counted once (an article shown twice, under the
    department and under the entity, is one article), and only where every article printing that credit gives
    that stage (a `Kredietevolutie` prints no delta: a sum over some articles says nothing)."""
    parts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    printing: dict[str, int] = defaultdict(int)  # credit -> how many articles print it at all
    for article in {article.code: article for article in articles}.values():
        facts = {(f.credit, f.stage): f for f in reversed(_article_facts(doc, article)) if f.credit in credits}
        for credit in {credit for credit, _ in facts}:
            printing[credit] += 1
        for key, fact in facts.items():
            parts[key].append(fact)
    return {key: facts for key, facts in parts.items() if len(facts) == printing[key[0]]}


def _difference(
    rule_id: str, severity: str, subject: str, what: Said, parts: list[Fact], total: Fact, note: Said | None
) -> Finding | None:
    return sum_finding(rule_id, subject, what, parts, total, severity=severity, note=note, parts_word="articles")


@rule("articles-vs-frame", "warning/info", "expenditure articles under an ISE add up to the frame's total")
def articles_vs_frame(doc: Document) -> Iterator[Finding]:
    for table in doc.tables:
        if table.layout != "ise_frame":
            continue
        # receipt articles too: the VAK/VEK they print (nothing, mostly) are part of the frame's total
        articles = [a for a in doc.articles if a.ise == table.subject]
        parts = _grouped(doc, articles, VAK_VEK)
        note = say("note.perimeter", perimeter=table.perimeter)
        for fact in table.facts:
            if fact.row == "total" and (key := (fact.credit, fact.stage)) in parts:
                what = say("what.frame_articles", subject=table.subject, credit=fact.credit, stage=fact.stage)
                found = _difference("articles-vs-frame", "warning", table.subject, what, parts[key], fact, note)
                if found:
                    yield found


@rule("apparatus-vs-articles", "error/info", "an apparatus program table equals the sum of its article tables")
def apparatus_vs_articles(doc: Document) -> Iterator[Finding]:
    for table in doc.tables:
        if table.layout != "apparatus":
            continue
        articles = [a for a in doc.articles if a.parts.program == table.subject]
        expenditure = _grouped(doc, articles, VAK_VEK)  # a receipt article's VAK/VEK, where printed, count too
        receipts = _grouped(doc, articles, ("AO", "TO", "LO"))  # the articles that print receipts
        printed_receipts = {credit for credit, _ in receipts}
        for fact in table.facts:
            what = say("what.apparatus", subject=table.subject, credit=fact.credit, stage=fact.stage)
            parts = (expenditure if fact.credit in VAK_VEK else receipts).get((fact.credit, fact.stage))
            if parts:
                found = _difference("apparatus-vs-articles", "error", table.subject, what, parts, fact, None)
            elif articles and fact.credit not in VAK_VEK and fact.credit not in printed_receipts:
                # The program's articles are all there and none prints this receipt: its total is nothing.
                found = sum_finding("apparatus-vs-articles", table.subject, what, [], fact, 0, parts_word="articles",
                                    note=say("note.no_receipt"))  # fmt: skip
            else:
                found = None
            if found:
                yield found


RECEIPTS = ("AO", "TO", "LO")


@rule("program-receipts", "error/info", "a program summary's receipts (AO, TO, LO) equal its articles' receipts")
def program_receipts(doc: Document) -> Iterator[Finding]:
    """The receipts (AO, TO, LO) of a program's summary row equal the sum of its articles' receipts, per stage,
    where every receipt article of the program prints that receipt (else the articles may not be all)."""
    for table in doc.tables:
        if table.layout != "summary" or table.scope != "program":
            continue
        articles = [a for a in doc.articles if a.parts.program == table.subject]
        receipt_articles = {a.code: a for a in articles if a.parts.is_receipt}.values()
        if not receipt_articles:
            continue
        printed = [{f.credit for f in _article_facts(doc, a)} for a in receipt_articles]
        sums = _grouped(doc, articles, RECEIPTS)
        for fact in table.facts:
            parts = sums.get((fact.credit, fact.stage))
            if fact.credit in RECEIPTS and parts and all(fact.credit in credits for credits in printed):
                what = say("what.receipts", subject=table.subject, credit=fact.credit, stage=fact.stage)
                found = _difference("program-receipts", "error", table.subject, what, parts, fact, None)
                if found:
                    yield found


def _execution(fact_bu: Fact, fact_jr: Fact) -> Finding | None:
    bu, jr = fact_bu.value, fact_jr.value
    if jr <= 0:
        return None
    ratio = bu / jr
    if bu > jr:
        what = say("execution.above")
    elif ratio < 0.5:
        what = say("execution.low")
    else:
        return None
    said = say("execution", subject=fact_bu.subject, credit=fact_bu.credit, what=what, bu=fmt(bu), jr=fmt(jr),
               ratio=fmt(round(ratio * 100, 1), 1))  # fmt: skip
    return worded(
        Finding(
            rule="execution",
            severity="info",
            message="",
            subject=fact_bu.subject,
            numbers={"BU": bu, "BA-JR": jr, "ratio": round(ratio, 4)},
            expected=jr,
            actual=bu,
            locations=locations([fact_bu, fact_jr]),
        ),
        said,
    )


@rule("execution", "info", "execution above the available credit, or very low")
def execution(doc: Document) -> Iterator[Finding]:
    for article in doc.articles:
        if article.parts.is_receipt:
            continue
        facts = {(f.credit, f.stage): f for f in _article_facts(doc, article)}
        for credit in VAK_VEK:
            bu, jr = facts.get((credit, "BU")), facts.get((credit, "BA-JR"))
            if bu and jr and (found := _execution(bu, jr)):
                yield found
