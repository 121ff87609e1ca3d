"""Mutation testing of the audit: change one printed figure, and see whether the audit flags that very line.

Three kinds of figure are changed: numbers of stage x credit tables (ISE frames, articles, summaries,
slides, Kredietevolutie), figures inside the prose's recognised claims (`audit/claims.py`) and the change
rows of `Kredietevolutie` tables (index, compensaties...: `bridge.py`). A mutation is caught
when a finding that was not there before (or whose numbers changed) names the mutated line.
`bench/bench_audit.py` runs many seeds over the samples and generated documents; `tests/test_audit.py`
a fixed subset.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..audit import Finding, audit_document
from ..audit.findings import fmt
from ..bridge import bridge_steps
from ..model import Document, Fact
from ..parse import parse
from ..sources import load

# Receipt articles too: their AO/TO/LO add up to the program's summary row (`program-receipts`).
TABLE_LAYOUTS = {"ise_frame", "summary", "article_expenditure", "article_receipt", "article_stage_rows", "apparatus",
                 "budget_evolution", "credit_evolution"}  # fmt: skip


KINDS = ("table", "claim", "bridge")


@dataclass(frozen=True)
class Mutation:
    kind: str  # table | claim | bridge (a change row of a `Kredietevolutie`: index, compensaties...)
    line: int  # 1-based line of the source file
    before: str
    after: str


@dataclass
class Outcome:
    """What the audit made of a document's mutations, and of the document itself."""

    document: str
    tried: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    caught: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    as_rounding: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))  # caught only as info
    missed: list[Mutation] = field(default_factory=list)
    unmutated: list[Finding] = field(default_factory=list)  # problems of the document as it is


def problems(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if not f.verified and f.severity != "info"]


def audit_text(path: Path) -> tuple[Document, list[Finding]]:
    source = load(path)
    doc = parse(source)
    return doc, audit_document(doc, source)


def change_digit(text: str, start: int, end: int, rng: random.Random) -> str:
    """Change one digit of text[start:end] (never a leading digit to 0)."""
    positions = [i for i in range(start, end) if text[i].isdigit()]
    position = rng.choice(positions)
    leading = position == positions[0] and len(positions) > 1
    choices = [d for d in "0123456789" if d != text[position] and not (leading and d == "0")]
    return text[:position] + rng.choice(choices) + text[position + 1 :]


def _printed(value: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.,]){re.escape(fmt(value))}(?![\d,]|\.\d)")


def table_mutations(doc: Document, lines: list[str], rng: random.Random, count: int) -> list[Mutation]:
    facts: list[Fact] = [f for t in doc.tables if t.layout in TABLE_LAYOUTS for f in t.facts]
    found: list[Mutation] = []
    for fact in rng.sample(facts, len(facts)):
        if len(found) == count:
            break
        text = lines[fact.source_line - 1]
        matches = list(_printed(fact.value).finditer(text))
        if matches:
            match = rng.choice(matches)
            found.append(Mutation("table", fact.source_line, text, change_digit(text, match.start(), match.end(), rng)))
    return found


def bridge_mutations(doc: Document, lines: list[str], rng: random.Random, count: int) -> list[Mutation]:
    """Figures of the change rows of `Kredietevolutie` tables (not facts: their rows are no stages)."""
    changes = [s for s in bridge_steps(doc) if s.role not in ("start", "end") and s.value]
    found: list[Mutation] = []
    for step in rng.sample(changes, len(changes)):
        if len(found) == count:
            break
        text = lines[step.line - 1]
        matches = list(_printed(abs(step.value or 0)).finditer(text))
        if matches:
            match = rng.choice(matches)
            found.append(Mutation("bridge", step.line, text, change_digit(text, match.start(), match.end(), rng)))
    return found


def claim_mutations(findings: list[Finding], lines: list[str], rng: random.Random, count: int) -> list[Mutation]:
    """Figures of verified claims, changed on the line the audit placed them."""
    claims = [f for f in findings if f.verified and f.context.get("claim")]
    found: list[Mutation] = []
    for finding in rng.sample(claims, len(claims)):
        if len(found) == count:
            break
        line = int(str(finding.locations[0]["source_line"]))
        number = re.escape(finding.context["figure"].removesuffix("keuro").removesuffix("%"))
        text = lines[line - 1]
        matches = list(re.finditer(rf"(?<![\d.,]){number}(?![\d])", text))
        if matches:
            match = rng.choice(matches)
            found.append(Mutation("claim", line, text, change_digit(text, match.start(), match.end(), rng)))
    return found


def rounded(findings: Iterable[Finding]) -> list[Finding]:
    """The `info` findings "rounded differently": a figure within one printed unit of its exact value."""
    return [f for f in findings if f.context.get("rounding") == "yes"]


def caught(findings: list[Finding], before: set[tuple[str, str]], line: int) -> bool:
    """A finding new to the mutated document (or changed by it) names the mutated line: an error or warning,
    or, for a change within one printed unit (a 98% made 99% when the table gives 98,4%), "rounded differently"."""
    flagged = problems(findings) + rounded(findings)
    return any(line in f.lines and (f.finding_id, f.message) not in before for f in flagged)


def caught_as_problem(findings: list[Finding], before: set[tuple[str, str]], line: int) -> bool:
    return any(line in f.lines and (f.finding_id, f.message) not in before for f in problems(findings))


def source_lines(path: Path) -> list[str]:
    """The file's lines as the text source numbers them (form feeds stay inside their line)."""
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def mutate_document(path: Path, rng: random.Random, count: int, workdir: Path) -> Outcome:
    """`count` table and `count` claim mutations of the document at `path`, each audited on its own."""
    lines = source_lines(path)
    doc, findings = audit_text(path)
    outcome = Outcome(doc.name, unmutated=problems(findings))
    before = {(f.finding_id, f.message) for f in outcome.unmutated + rounded(findings)}
    mutations = (table_mutations(doc, lines, rng, count) + claim_mutations(findings, lines, rng, count)
                 + bridge_mutations(doc, lines, rng, count))  # fmt: skip
    target = workdir / path.name
    for mutation in mutations:
        changed = list(lines)
        changed[mutation.line - 1] = mutation.after
        target.write_text("\n".join(changed), encoding="utf-8")
        outcome.tried[mutation.kind] += 1
        found = audit_text(target)[1]
        if caught(found, before, mutation.line):
            outcome.caught[mutation.kind] += 1
            outcome.as_rounding[mutation.kind] += not caught_as_problem(found, before, mutation.line)
        else:
            outcome.missed.append(mutation)
    return outcome
