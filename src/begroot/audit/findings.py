"""The finding record, the rule registry (`@rule`) and small helpers shared by the rule modules."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from ..model import Document, Fact
from ..numbers_nl import format_number
from .messages import Said, render, say, words

SEVERITIES = ("error", "warning", "info")

Location = dict[str, object]


@dataclass
class Finding:
    rule: str
    severity: str  # error | warning | info
    message: str
    subject: str = ""
    numbers: dict[str, float] = field(default_factory=dict)
    expected: float | None = None
    actual: float | None = None
    locations: list[Location] = field(default_factory=list)
    verified: bool = False  # prose checks: True when the sentence agrees with the tables
    context: dict[str, str] = field(default_factory=dict)  # prose checks: sentence, figure, label, claim, offset
    finding_id: str = ""  # stable: rule + subject + content + place (`finding_key_id`), set when the audit returns
    # the review trail (`begroot review`): the latest verdict, its note, who gave it and when
    verdict: str | None = None
    verdict_note: str | None = None
    verdict_by: str | None = None
    verdict_at: Any = None

    def as_dict(self) -> dict[str, object]:
        """The finding as plain data: what `dataclasses.asdict` gives, made directly (an ingest turns
        thousands of findings into rows; asdict's deep copy was a tenth of its time)."""
        data = {name: getattr(self, name) for name in FINDING_FIELDS}
        data["numbers"], data["context"] = dict(self.numbers), dict(self.context)
        data["locations"] = [dict(place) for place in self.locations]
        return data

    @property
    def lines(self) -> set[int]:
        return {int(str(loc["source_line"])) for loc in self.locations}


FINDING_FIELDS = tuple(f.name for f in fields(Finding))

RuleFunction = Callable[..., Iterable[Finding]]


@dataclass(frozen=True)
class Kind:
    """What a finding can be: its rule id, the severities it may have (the first is the default, taken when a
    rule gives none) and one line saying what it means (docs/audit.md lists the same)."""

    id: str
    severities: tuple[str, ...]
    description: str

    @property
    def severity(self) -> str:
        return self.severities[0]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    function: RuleFunction
    needs_source: bool = False
    documents: bool = False  # runs on the whole set of documents (audit_documents)


RULES: dict[str, Rule] = {}
KINDS: dict[str, Kind] = {}  # every rule id a finding can carry: the rules' own and what they emit besides


def rule(
    rule_id: str,
    severities: str,
    description: str,
    *,
    emits: dict[str, tuple[str, str]] | None = None,
    needs_source: bool = False,
    documents: bool = False,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register `function(doc) -> Iterable[Finding]` (or `(doc, source)`, or `(docs)`) as rule `rule_id`.

    `severities`: the ones its findings may have, `"error"` or `"error/info"` (the first is the default);
    `emits`: the other ids it gives findings, each with its severities and description."""
    kinds = {rule_id: (severities, description), **(emits or {})}
    for kind_id, (allowed, said) in kinds.items():
        levels = tuple(allowed.split("/"))
        if not set(levels) <= set(SEVERITIES):
            raise ValueError(f"unknown severity in {allowed!r}")
        KINDS[kind_id] = Kind(kind_id, levels, said)

    def register(function: RuleFunction) -> RuleFunction:
        RULES[rule_id] = Rule(rule_id, KINDS[rule_id].severity, function, needs_source, documents)
        return function

    return register


def registered(finding: Finding) -> Finding:
    """The finding checked against the registry: a rule id nobody registered, or a severity its kind does
    not allow, is a bug in the rule (an internal error, never shown as a finding); no severity: the default."""
    kind = KINDS.get(finding.rule)
    if kind is None:
        raise LookupError(f"finding of unregistered rule {finding.rule!r}")
    if not finding.severity:
        finding.severity = kind.severity
    elif finding.severity not in kind.severities:
        raise ValueError(f"{finding.rule} findings are {'/'.join(kind.severities)}, not {finding.severity}")
    return finding


def location(fact: Fact) -> Location:
    return {"document": fact.document, "page": fact.page, "source_line": fact.source_line}


def locations(facts: Iterable[Fact]) -> list[Location]:
    seen: dict[tuple[object, ...], Location] = {}
    for fact in facts:
        loc = location(fact)
        seen.setdefault(tuple(loc.values()), loc)
    return list(seen.values())


def sum_finding(
    rule_id: str,
    subject: str,
    what: Said,
    parts: list[Fact],
    total: Fact,
    actual: int | None = None,
    *,
    severity: str | None = None,
    note: Said | None = None,
    parts_word: str = "parts",
) -> Finding | None:
    """A finding when `parts` do not add up to `total` (None when they do).

    A difference within one printed unit (1 thousand euro: parts rounded one by one) is an `info`
    finding "rounded differently"; more is an error (or the given severity).
    """
    summed = sum(fact.value for fact in parts) if actual is None else actual
    difference = total.value - summed
    if difference == 0:
        return None
    rounding = abs(difference) <= 1  # each part rounded to the thousand euro on its own
    if rounding:
        severity, note = "info", say("note.rounded")
    said = say("sum", what=what, parts=say(parts_word), sum=fmt(summed), total=fmt(total.value),
               difference=fmt(difference), note=note or "")  # fmt: skip
    return worded(
        Finding(
            rule=rule_id,
            severity=severity or "",  # none given: the rule's registered default
            message="",
            subject=subject,
            numbers={"total": total.value, "sum": summed, "difference": difference},
            expected=summed,
            actual=total.value,
            locations=locations([*parts, total]),
            context={"rounding": "yes"} if rounding else {},
        ),
        said,
    )


def worded(finding: Finding, said: Said) -> Finding:
    """The finding's message from its words: English in `message`, the words in `context` (messages.py)."""
    finding.context = {**finding.context, "words": words(said)}
    finding.message = render(said, "en")
    return finding


def within_printed_unit(printed: float, exact: float, decimals: int) -> bool:
    """Whether a printed figure lies within one unit of its last printed digit of the exact value: what
    rounding instead of truncating, or a rate computed on rounded amounts, can give (docs/audit.md)."""
    return bool(0 < abs(printed - exact) < 10.0**-decimals - 1e-9)


def exact_text(value: float, decimals: int) -> str:
    """The exact value shown two digits finer than printed (101,49 for a printed 102)."""
    return fmt(round(value, decimals + 2), decimals + 2)


def fmt(value: float, decimals: int = 2) -> str:
    """Flemish number format: 1234567 -> 1.234.567, 1234.5 -> 1.234,5 (at most `decimals` decimals)."""
    return format_number(value, decimals, trim=True)


# A number as the ids mask it: the matches of `-?\d[\d.,]*`, written so that the engine tries a place only where
# a digit or a minus before one stands (a quarter faster on a prose finding's long message; tested the same).
_DIGITS = re.compile(r"(?:-(?=\d)|\d)[\d.,]*")


def finding_id(rule: str, subject: str | None, locations: list[Location], context: dict[str, Any] | None,
               message: str) -> str:  # fmt: skip
    """A finding's id as it was made up to migration 0010: where it stands named by the document's *name*,
    so a file renamed gave new ids. Kept unchanged because a shipped migration (0005) imports it; the audit
    uses `finding_key_id`."""
    where = [f"{loc.get('document')}:{loc.get('page')}:{loc.get('source_line')}" for loc in locations]
    context = context or {}
    detail = f"{context.get('field', '')}@{context.get('offset', '')}" if "offset" in context else ""
    key = "|".join([rule, subject or "", *where, detail, _DIGITS.sub("#", message)])
    return "F" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


Place = tuple[str, object, object]  # a document's content hash, a page, a line


def finding_key_id(rule: str, subject: str | None, places: Iterable[Place], context: dict[str, Any] | None,
                   message: str) -> str:  # fmt: skip
    """A finding's stable id: its rule, subject and where it stands, never a name or a row number.

    Where: the content hash (`Document.sha256`, which ignores encoding, byte-order mark and line endings),
    page and line of every number involved, and for prose the figure's offset in the text. The message with
    its numbers masked tells apart findings on the same lines (VAK and VEK of one frame row). The same content
    read again, under any file name and in any order, gives the same ids, so a review survives it. Migration
    0010 holds a frozen copy: what this computes may never change.
    """
    where = [f"{sha256}:{page}:{line}" for sha256, page, line in places]
    context = context or {}
    detail = f"{context.get('field', '')}@{context.get('offset', '')}" if "offset" in context else ""
    key = "|".join([rule, subject or "", *where, detail, _DIGITS.sub("#", message)])
    return "F" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def places(locations: Iterable[Location], sha256: Callable[[str], str]) -> list[Place]:
    """Locations as (content hash, page, line); `sha256` gives a document's content hash from its name."""
    return [(sha256(str(loc.get("document"))), loc.get("page"), loc.get("source_line")) for loc in locations]


def conflict_id(rule: str, key: Iterable[object], figures: Iterable[tuple[str, object, object]]) -> str:
    """A cross-document finding's id, from what it is about only: the rule, the figure's key (subject, row,
    credit, year, stage, perimeter) and, for each document, its content hash with the page and line of its
    figure, sorted. Which document was stored first, the ids documents are stored under and row numbers play
    no part: a document removed and ingested again, in any order, brings back the same id (and its verdict)."""
    where = sorted(f"{sha256}:{page}:{line}" for sha256, page, line in figures)
    text = "|".join([rule, *(str(part) for part in key), *where])
    return "F" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def assign_id(finding: Finding, seen: dict[str, int], sha256: Callable[[str], str]) -> Finding:
    """Give a finding its stable id (`sha256`: a document's content hash from its name); one a rule set itself
    (`conflict_id`) is kept. A second finding with the same id (in `seen`) gets `-2` (then `-3`...)."""
    base = finding.finding_id or finding_key_id(
        finding.rule, finding.subject, places(finding.locations, sha256), finding.context, finding.message
    )
    seen[base] = seen.get(base, 0) + 1
    finding.finding_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return finding


def assign_ids(findings: list[Finding], sha256: Callable[[str], str]) -> list[Finding]:
    seen: dict[str, int] = {}
    return [assign_id(finding, seen, sha256) for finding in findings]


def by_key(facts: Iterable[Fact]) -> dict[tuple[str, str, str, str], Fact]:
    """(subject, row, credit, stage) -> fact (the first one printed)."""
    result: dict[tuple[str, str, str, str], Fact] = {}
    for fact in facts:
        result.setdefault((fact.subject, fact.row, fact.credit, fact.stage), fact)
    return result


def documents_rules() -> list[Rule]:
    return [r for r in RULES.values() if r.documents]


def document_rules() -> list[Rule]:
    return [r for r in RULES.values() if not r.documents]


__all__ = ["KINDS", "RULES", "Document", "Finding", "Kind", "Rule", "registered", "rule"]
