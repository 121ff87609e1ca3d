"""Claims: the sentences in which the prose quotes its own table, each figure with the value it names.

A sentence such as "De uitvoering op dit begrotingsartikel bedraagt 29.216 keuro VAK/VEK of 98% van
het beschikbare krediet" asserts two things: the execution (BU) of both credits is 29.216, and
BU / BA-JR rounds to 98%. `claims_in` recognises the forms listed in `VOCABULARY.claims` and gives
every figure its role; `expected` says what the table makes of that role. The prose rule
(`prose.py`) then compares each claim with exactly that value, whatever the number of digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Fact
from ..vocabulary import VOCABULARY
from .messages import Said, say

C = VOCABULARY.claims
STAGE_RANK = {"BO": 0, "BA": 1, "BA-JR": 2}


def cause_key(label: str) -> str | None:
    """A cause of change as `Kredietevolutie` rows and sentences name it: `Andere bijstellingen` -> bijstellingen."""
    lowered = label.lower()
    return next((key for stem, key in C.cause_rows if stem in lowered), None)


@dataclass(frozen=True)
class Figure:
    """A figure of a sentence: where it stands (offsets in the sentence), as printed, and its value."""

    start: int
    end: int
    text: str
    value: float
    decimals: int
    percent: bool


@dataclass(frozen=True)
class Claim:
    role: str  # budget | available | execution | rate | underuse | underuse-rate | difference | change
    figure: Figure
    credits: tuple[str, ...] = ()  # () when the sentence names none
    stage: str | None = None  # budget: the stage named
    year: int | None = None
    sign: int = 0  # difference and change: +1 more, -1 less, 0 not said


@dataclass
class Reading:
    """What a scope's earlier sentences told: the credits last named, the last role, measures seen."""

    credits: tuple[str, ...] = ()
    last_role: str = ""
    parts: bool = False  # the prose speaks of parts (a measure got its own budget): only anchored paragraphs count
    anchor: re.Pattern[str] = C.article_anchor  # what names the scope's subject (`dit begrotingsartikel`)
    anchored: bool = False  # the current paragraph named the subject
    stage: str = "BU"  # the document's stage
    year: int = 0
    stage_years: set[tuple[str, int]] = field(default_factory=set)  # (stage, year) printed in the table


def _number(text: str, percent: bool) -> tuple[float, int]:
    """'1.234' -> 1234; '2,5' -> 2.5 (1 decimal); in a percentage '98,8' and '99.6' both have one decimal."""
    if percent:
        plain = text.replace(",", ".")
        return float(plain), len(plain.partition(".")[2])
    whole, _, decimals = text.replace("−", "-").partition(",")  # a budget can be negative
    return float(whole.replace(".", "") + ("." + decimals if decimals else "")), len(decimals)


def _figure(match: re.Match[str], group: str, percent: bool, base: int = 0) -> Figure | None:
    text = match.group(group)
    if text is None:
        return None
    decimals = match.group("decimals") if not percent and "decimals" in match.re.groupindex else None
    printed = text + ("," + decimals if decimals else "")
    value, places = _number(printed, percent)
    end = match.end("decimals") if decimals else match.end(group)
    return Figure(base + match.start(group), base + end, printed, value, places, percent)


def _credits(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    found = tuple(dict.fromkeys(C.credit_word.findall(text)))
    return found


def _items(sentence: str, position: int) -> Iterator[re.Match[str]]:
    """The items `X keuro [credit] [of P% ...]` listed from `position` on, joined by `en` or commas."""
    while True:
        match = C.item.match(sentence, position)
        if match is None:
            return
        yield match
        separator = C.item_separator.match(sentence, match.end())
        position = separator.end() if separator else match.end()
        if position == match.end() or not C.item.match(sentence, position):
            return


def _item_claims(item: re.Match[str], role: str, rate_role: str | None, lead_credits: tuple[str, ...],
                 **extra: object) -> list[Claim]:  # fmt: skip
    credits = (_credits(item.group("pre")) or _credits(item.group("credit")) or _credits(item.group("pcredit"))
               or _credits(item.group("tcredit")) or lead_credits)  # fmt: skip
    found = []
    amount = _figure(item, "amount", False)
    if amount:
        found.append(Claim(role, amount, credits, **extra))  # type: ignore[arg-type]
    for group in ("percent", "paren"):
        percent = _figure(item, group, True)
        if percent and rate_role:
            found.append(Claim(rate_role, percent, credits))
    return found


def _years_fit(sentence: str, reading: Reading) -> bool:
    """Every year the sentence prints is the document's, or that of a stage the table shows (`BA 2024`)."""
    others = [m.start() for m in C.year.finditer(sentence) if int(m.group()) != reading.year]
    if not others:  # most sentences print no year but the document's: no need to look for stages
        return True
    stage_years = {m.start("year") for m in C.stage_named.finditer(sentence) if m.group("year")
                   and (_stage(m.group("stage")), int(m.group("year"))) in reading.stage_years}  # fmt: skip
    return all(start in stage_years for start in others)


def _stage(word: str) -> str:
    word = re.sub(r"\s+", "", word).replace("–", "-")
    return C.stage_words.get(word.lower(), word.upper())


def _named_stage(sentence: str, reading: Reading) -> tuple[str, int | None] | None:
    """The one budget stage a sentence names (`bij BA 2023`, `decretaal`), None when none or several."""
    named = {(_stage(m.group("stage")), int(m.group("year")) if m.group("year") else None)
             for m in C.stage_named.finditer(sentence)}  # fmt: skip
    if not named and C.decree.search(sentence):
        named = {("BO" if reading.stage == "BO" else "BA", None)}
    stages = {stage for stage, _ in named}
    if len(stages) != 1:
        return None
    years = {year for _, year in named if year is not None}
    return next(iter(stages)), (next(iter(years)) if len(years) == 1 else None)


def new_paragraph(reading: Reading) -> None:
    reading.last_role = ""
    reading.anchored = False


def claims_in(sentence: str, reading: Reading) -> list[Claim]:
    """The claims of one sentence; `reading` carries what earlier sentences of the scope told."""
    if not reading.parts and C.part_marker.search(sentence):  # once it speaks of parts, it goes on doing so
        reading.parts = True
    # Named here, or by the sentence before when this one goes on about it ("Dit is 82%", "Het budget bedroeg").
    reading.anchored = bool(reading.anchor.search(sentence)) or (
        reading.anchored and bool(C.back_reference.match(sentence))
    )
    named = _credits(sentence)
    found = _recognise(sentence, reading, named)
    reading.last_role = found[-1].role if found else ""
    if named:
        reading.credits = named
    return found


def _recognise(sentence: str, reading: Reading, named: tuple[str, ...]) -> list[Claim]:
    text = sentence.strip()
    if "%" not in text and C.amount_unit not in text:
        return []
    if (reading.parts and not reading.anchored) or not _years_fit(sentence, reading):
        return []
    found: list[Claim] = []
    taken: set[int] = set()

    def add(claims: list[Claim]) -> None:
        for claim in claims:
            if claim.figure.start not in taken:
                taken.add(claim.figure.start)
                found.append(claim)

    inherited = named or reading.credits  # credits the sentence names, else those named last
    present = hint_words(sentence.lower())
    for lead in _search("execution_lead", sentence, present):
        lead_credits = _credits(lead.group("credit")) or inherited
        for item in _items(sentence, lead.end()):
            add(_item_claims(item, "execution", "rate", lead_credits))
    for lead in _search("underuse_lead", sentence, present):
        for item in _items(sentence, lead.end()):
            add(_item_claims(item, "underuse", "underuse-rate", inherited))
    for match in _search("underuse_after", sentence, present):
        add(_pair(match, "underuse", "underuse-rate", inherited))
    for match in _search("shortfall", sentence, present):
        sign = -1 if match.group("word").lower() == C.less_word else 1
        add(_pair(match, "difference", "rate", inherited, sign))
    for lead in _search("cause_lead", sentence, present):
        key = cause_key(lead.group("cause"))
        for item in _items(sentence, lead.end()):
            add(_item_claims(item, "cause", None, inherited, stage=f"cause:{key}"))
    for lead in _search("change_lead", sentence, present):
        add(_change(sentence, lead, inherited))
    for lead in _search("end_lead", sentence, present):
        for item in _items(sentence, lead.end()):
            add(_item_claims(item, "available", None, inherited))
    for lead in _search("available_lead", sentence, present):
        lead_credits = _credits(lead.group()) or inherited
        for item in _items(sentence, lead.end()):
            add(_item_claims(item, "available", None, lead_credits))
    for lead in _search("stage_item", sentence, present):
        staged = C.item.match(sentence, lead.end())
        if staged:
            year = int(lead.group("year"))
            add(_item_claims(staged, "budget", None, inherited, stage=_stage(lead.group("stage")), year=year))
    budget_leads = list(_search("budget_lead", sentence, present))
    stage = _named_stage(sentence, reading) if budget_leads else None  # only a budget lead asks for it
    if stage is not None:
        for lead in budget_leads:
            lead_credits = _credits(lead.group()) or inherited
            for item in _items(sentence, lead.end()):
                add(_item_claims(item, "budget", None, lead_credits, stage=stage[0], year=stage[1]))
    for match in _search("rate", sentence, present):
        credit = _credits(match.group("credit")) or _nearest_credits(found, match.start()) or inherited
        add([_percent_claim(match, "percent" if match.group("percent") else "percent2", credit)])
    if reading.last_role in {"execution", "available"} and not found:
        after = C.rate_after_execution.match(text)
        if after:
            offset = sentence.index(text)
            figure = _figure(after, "percent", True, offset)
            if figure:
                add([Claim("rate", figure, inherited)])
    return sorted(found, key=lambda claim: claim.figure.start)


def _search(pattern: str, sentence: str, present: set[str]) -> Iterator[re.Match[str]]:
    """The matches of the claim pattern of that name; not searched for when the sentence holds none of its hints
    (`present`: the hint words the sentence holds, `hint_words`)."""
    hints, compiled = _HINTED[pattern]
    if present.isdisjoint(hints):
        return iter(())
    return compiled.finditer(sentence)


def hint_words(lowered: str) -> set[str]:
    """The hint words (`ClaimWords.hints`, of every pattern) that the sentence, in lower case, holds: looked for
    once a sentence, each by a substring test, rather than a pattern's hints by a regex search for each pattern."""
    return {word for word in _HINT_WORDS if word in lowered}


def hinted(pattern: str, lowered: str) -> bool:
    """Whether the sentence (in lower case) holds one of the hints of the pattern of that name (`ClaimWords.hints`):
    without one, the pattern cannot match it."""
    return any(word in lowered for word in C.hints[pattern])


# Each claim pattern's hint words and the pattern itself, looked up once (not by `getattr` a sentence).
_HINTED: dict[str, tuple[frozenset[str], re.Pattern[str]]] = {
    name: (frozenset(words), getattr(C, name)) for name, words in C.hints.items()
}
_HINT_WORDS = frozenset(word for words in C.hints.values() for word in words)


def _nearest_credits(found: list[Claim], position: int) -> tuple[str, ...]:
    before = [claim for claim in found if claim.figure.start < position and claim.credits]
    return before[-1].credits if before else ()


def _percent_claim(match: re.Match[str], group: str, credits: tuple[str, ...]) -> Claim:
    figure = _figure(match, group, True)
    assert figure is not None
    return Claim("rate", figure, credits)


def _pair(match: re.Match[str], role: str, rate_role: str, credits: tuple[str, ...], sign: int = 0) -> list[Claim]:
    found = []
    amount = _figure(match, "amount", False)
    if amount:
        found.append(Claim(role, amount, credits, sign=sign))
    percent = _figure(match, "percent", True)
    if percent:
        found.append(Claim(rate_role, percent, credits))
    return found


def _change(sentence: str, lead: re.Match[str], inherited: tuple[str, ...]) -> list[Claim]:
    """`met X keuro ... tot Y keuro`: a change that names where it ends is the whole change."""
    sign = VOCABULARY.change_sign(lead.group("word"))
    if lead.group("word").lower() in C.rise_particles:
        sign = 1
    elif lead.group("word").lower() in C.fall_particles:
        sign = -1
    changes = list(_items(sentence, lead.end()))
    if not changes:
        return []
    end = C.change_end.match(sentence, changes[-1].end())
    if end is None:
        return []
    ends = list(_items(sentence, end.end()))
    if len(ends) != len(changes):
        return []
    found = []
    for change, final in zip(changes, ends, strict=True):
        found += _item_claims(change, "change", None, inherited, sign=sign)
        found += _item_claims(final, "available", None, inherited)
    return found


# --------------------------------------------------------------------------- what the table says


@dataclass
class TableValues:
    """The total row of a scope's tables: (credit, stage, year) -> fact.

    Every claim of a scope asks the same few questions (the credits, each credit's budgets and execution),
    so the answers are worked out once per scope, when it is made, rather than by a scan per claim (most
    scopes have claims; made at once, they spare `cached_property`'s lock on each first question)."""

    facts: dict[tuple[str, str, int], Fact]
    _credits: tuple[str, ...] = field(init=False, repr=False)
    _budgets: dict[str, list[Fact]] = field(init=False, repr=False)
    _first: dict[tuple[str, str | None], Fact] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._credits = tuple(dict.fromkeys(credit for credit, _, _ in self.facts))
        budgets: dict[str, list[Fact]] = {}
        first: dict[tuple[str, str | None], Fact] = {}
        for (credit, stage, _), fact in self.facts.items():
            if stage in STAGE_RANK:
                budgets.setdefault(credit, []).append(fact)
            first.setdefault((credit, stage), fact)
        self._budgets = {credit: sorted(facts, key=lambda f: (f.year, STAGE_RANK[f.stage]))
                         for credit, facts in budgets.items()}  # fmt: skip
        self._first = first

    @classmethod
    def of(cls, facts: list[Fact]) -> TableValues:
        found: dict[tuple[str, str, int], Fact] = {}
        for fact in facts:
            if fact.row == "total":
                found.setdefault((fact.credit, fact.stage, fact.year), fact)
        return cls(found)

    def credits(self) -> list[str]:
        return list(self._credits)

    def budgets(self, credit: str) -> list[Fact]:
        """The budget stages of a credit in order (BO, BA, BA-JR; by year)."""
        return self._budgets.get(credit, [])

    def execution(self, credit: str) -> Fact | None:
        return self.first(credit, "BU")

    def first(self, credit: str, stage: str | None) -> Fact | None:
        """The first fact (in print order) of this credit and stage, whatever its year."""
        return self._first.get((credit, stage))


@dataclass(frozen=True)
class Expected:
    credit: str
    value: float
    facts: tuple[Fact, ...]
    label: str

    def said(self, role: str) -> Said:
        """The role in words, with the stages it uses (`the execution rate BU/BA-JR`), as a finding's message says
        it in Dutch and English (messages.py)."""
        stages = [f.stage for f in self.facts if f.stage != "BU"] or ["BU"]
        stage = self.label if role in {"budget", "cause"} else stages[-1]
        return say(f"role.{role}", stage=stage, start=stages[0])


def expected(claim: Claim, table: TableValues) -> list[Expected]:
    """What the table makes of the claim, per credit it is about (empty: the table cannot say)."""
    known = table.credits()
    credits = [c for c in claim.credits if c in known] if claim.credits else known
    found = []
    for credit in credits:
        value = _value(claim, table, credit)
        if value is not None:
            found.append(value)
    return found


def _value(claim: Claim, table: TableValues, credit: str) -> Expected | None:
    budgets = table.budgets(credit)
    bu = table.execution(credit)
    if claim.role == "cause":
        fact = table.first(credit, claim.stage)
        return Expected(credit, fact.value, (fact,), (claim.stage or "").partition(":")[2]) if fact else None
    if claim.role == "budget":
        fact = next((f for f in budgets if f.stage == claim.stage and claim.year in (None, f.year)), None)
        return Expected(credit, fact.value, (fact,), f"{fact.stage} {fact.year} {credit}") if fact else None
    if not budgets:
        return None
    available, start = budgets[-1], budgets[0]
    if claim.role == "available":
        return Expected(credit, available.value, (available,), f"{available.stage} {credit}")
    if claim.role == "change":
        if available is start:
            return None
        return Expected(credit, available.value - start.value, (start, available),
                        f"{available.stage} − {start.stage} {credit}")  # fmt: skip
    if bu is None:
        return None
    if claim.role == "execution":
        return Expected(credit, bu.value, (bu,), f"BU {credit}")
    if claim.role in {"underuse", "difference"}:
        return Expected(credit, available.value - bu.value, (available, bu), f"{available.stage} − BU {credit}")
    if not available.value:
        return None
    if claim.role == "rate":
        return Expected(credit, bu.value / available.value * 100, (bu, available), f"BU/{available.stage} {credit}")
    return Expected(credit, (available.value - bu.value) / available.value * 100, (available, bu),
                    f"({available.stage} − BU)/{available.stage} {credit}")  # fmt: skip
