"""Prose against tables: amounts and percentages quoted in explanations, and slide statements.

Every quoted figure that equals a figure derivable from the article's own table (a stage value,
a difference of two stages, a ratio of two stages, rounded at the printed precision) becomes a
verified `prose-check` finding. A figure that misses every derivable figure but is one printed
digit away from one of them is a `prose-mismatch` (a typo or a stale number). Anything else is
not about the table and is skipped: the check is conservative.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import permutations

from ..model import Article, Document, Fact, Paragraph, Sentence, Statement
from ..parse.numbers import amount_in_keuro, precision_of
from ..vocabulary import VOCABULARY
from .claims import Claim, Expected, Reading, TableValues, cause_key, claims_in, expected, hinted, new_paragraph
from .findings import Finding, Location, exact_text, fmt, locations, rule, within_printed_unit, worded
from .messages import Said, say

AMOUNT = VOCABULARY.claims.amount_figure
PERCENT = re.compile(r"(?<![\d.,])(\d+)(?:,(\d+))?\s*%")
STAGES = ("BA", "BA-JR", "BU")


@dataclass(frozen=True)
class Candidate:
    label: str
    value: float
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Quoted:
    text: str  # the number as printed
    value: float
    decimals: int
    percent: bool
    sentence: str
    start: int = 0  # offset of the figure in its sentence


def round_half_up(value: float, decimals: int) -> float:
    scale = 10.0**decimals
    return math.floor(abs(value) * scale + 0.5) / scale * (1 if value >= 0 else -1)


def candidates(facts: Iterable[Fact]) -> tuple[list[Candidate], list[Candidate]]:
    """Amounts and percentages derivable from stage x credit facts."""
    groups: dict[tuple[str, str], dict[str, Fact]] = defaultdict(dict)
    for fact in facts:
        if fact.stage in STAGES:
            groups[(fact.row, fact.credit)].setdefault(fact.stage, fact)
    amounts: list[Candidate] = []
    percents: list[Candidate] = []
    for (row, credit), stages in groups.items():
        tag = credit if row == "total" else f"{row} {credit}"
        amounts += [Candidate(f"{s} {tag}", f.value, (f,)) for s, f in stages.items()]
        for (a, fa), (b, fb) in permutations(stages.items(), 2):
            amounts.append(Candidate(f"{a} − {b} {tag}", abs(fa.value - fb.value), (fa, fb)))
            if fb.value:
                percents.append(Candidate(f"{a}/{b} {tag}", fa.value / fb.value * 100, (fa, fb)))
                percents.append(
                    Candidate(f"({a} − {b})/{b} {tag}", abs(fa.value - fb.value) / fb.value * 100, (fa, fb))
                )
    return amounts, percents


def quoted(sentence: str) -> Iterator[Quoted]:
    for match, percent in figures_in(sentence):
        whole, decimals = match.group(1), match.group(2) or ""
        value = float(whole.replace(".", "") + ("." + decimals if decimals else ""))
        text = whole + ("," + decimals if decimals else "")
        yield Quoted(text, value, len(decimals), percent, sentence, match.start())


def figures_in(sentence: str) -> Iterator[tuple[re.Match[str], bool]]:
    """The amounts and percentages printed in the sentence (each its match, and whether it is a percentage)."""
    for pattern, percent, marker in ((AMOUNT, False, VOCABULARY.claims.amount_unit), (PERCENT, True, "%")):
        if marker not in sentence:  # most sentences quote nothing: skip the regex
            continue
        for match in pattern.finditer(sentence):
            yield match, percent


def digits(value: float, decimals: int) -> str:
    return f"{abs(round_half_up(value, decimals)):.{decimals}f}".replace(".", "")


def near_miss(quote: Quoted, candidate: Candidate) -> bool:
    """One printed digit away from the candidate (same number of digits)."""
    printed, expected = digits(quote.value, quote.decimals), digits(candidate.value, quote.decimals)
    if len(printed) != len(expected) or len(printed) < 2:
        return False
    return sum(a != b for a, b in zip(printed, expected, strict=True)) == 1


class Pool:
    """Candidates of one kind (amounts or percentages), looked up by their value at a printed precision.

    A sentence is checked against every candidate at the precision it prints; indexing the rounded
    values once per precision turns that scan into a dictionary look-up.
    """

    def __init__(self, candidates: list[Candidate]):
        self.candidates = candidates
        self._rounded: dict[int, dict[float, list[Candidate]]] = {}

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def equal_to(self, value: float, decimals: int) -> list[Candidate]:
        """The candidates that round to `value` at `decimals`, in pool order."""
        index = self._rounded.get(decimals)
        if index is None:
            index = self._rounded[decimals] = defaultdict(list)
            for candidate in self.candidates:
                index[round_half_up(candidate.value, decimals)].append(candidate)
        return index.get(value, [])


Pools = tuple[Pool, Pool]  # amounts, percentages


@dataclass
class Scope:
    """A span of prose (paragraphs whose sentences know their lines) and the facts it may quote."""

    document: str
    subject: str
    paragraphs: list[Paragraph]
    facts: list[Fact]
    year: int = 0
    stage: str = "BU"
    field: str = "explanation"  # which text of the subject: an article's explanation, a section's text


# A mismatch is only claimed for the figures a sentence plainly refers to: stage values,
# execution (BU against BA-JR or BA) and its ratio, on the article's (or frame's) total row;
# in a sentence about execution or budget, about this year only, not a list item, not a row
# of numbers (a table flattened into the prose), and whose other figures all agree with the table.
PRIMARY_AMOUNT = ("BA-JR − BU", "BU − BA-JR", "BA − BU", "BU − BA", "BU", "BA-JR", "BA")
PRIMARY_PERCENT = ("BU/BA-JR", "BU/BA")
AMOUNT_CONTEXT = VOCABULARY.claims.amount_context
PERCENT_CONTEXT = VOCABULARY.claims.percent_context
# A percentage must be stated as a fact of this year ("bedroeg 82%", "Dit is 82%"), not a norm.
FACT_VERB = VOCABULARY.claims.fact_verb
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WORD = re.compile(r"[^\W\d_]{3,}")


class SentenceTraits:
    """What `may_flag` asks of a sentence, worked out once per sentence (not per figure) and only when asked."""

    def __init__(self, sentence: str, figures: int):
        self.text = sentence.strip()
        self.figures = figures  # amounts and percentages printed in it
        self.listed = self.text.startswith(("-", "•", "·"))  # a list item

    @cached_property
    def years(self) -> frozenset[int]:
        return frozenset(int(y) for y in YEAR.findall(self.text))

    @cached_property
    def wordy(self) -> bool:
        """At least two words per figure: prose, not a row of numbers."""
        return len(WORD.findall(self.text)) >= 2 * self.figures

    @cached_property
    def amount_context(self) -> bool:
        return bool(AMOUNT_CONTEXT.search(self.text))

    @cached_property
    def percent_context(self) -> bool:
        return bool(PERCENT_CONTEXT.search(self.text))

    @cached_property
    def fact_verb(self) -> bool:
        return bool(FACT_VERB.search(self.text))


def traits(sentence: str) -> SentenceTraits:
    return SentenceTraits(sentence, sum(1 for _ in quoted(sentence)))


def may_flag(quote: Quoted, year: int, found: SentenceTraits | None = None) -> bool:
    """Whether a mismatch may be claimed for this figure (`found`: its sentence's traits, if known)."""
    found = found or traits(quote.sentence)
    if found.listed or (not quote.percent and quote.value == 0):
        return False
    if quote.percent and quote.value == 100 and quote.decimals == 0:  # "100% halen": a generic aim
        return False
    if any(y != year for y in found.years):
        return False
    if quote.percent and not found.fact_verb:
        return False
    return found.wordy and (found.percent_context if quote.percent else found.amount_context)


def _primary(candidate: Candidate, percent: bool) -> int | None:
    """Rank of a candidate a mismatch may be claimed against (None: not claimable)."""
    label, _, tag = candidate.label.rpartition(" ")
    if tag not in ("VAK", "VEK", "AO", "TO", "LO") or " " in label.replace(" − ", "-"):
        return None  # not the total row
    order = PRIMARY_PERCENT if percent else PRIMARY_AMOUNT
    return order.index(label) if label in order else None


def exact_matches(quote: Quoted, pool: Pool) -> list[Candidate]:
    """Candidates the printed figure equals at its precision, the plainest reading first."""
    found = pool.equal_to(quote.value, quote.decimals)
    return sorted(found, key=lambda c: r if (r := _primary(c, quote.percent)) is not None else 99)


def check_quote(
    quote: Quoted, scope: Scope, pools: Pools, where: Location, sentence: list[Quoted], found: SentenceTraits
) -> Finding | None:
    """A finding for one printed figure (`sentence`: every figure of its sentence, `found` its traits), or None."""
    pool = pools[1] if quote.percent else pools[0]
    unit = "%" if quote.percent else f" {VOCABULARY.claims.amount_unit}"
    exact = exact_matches(quote, pool)
    claimable = may_flag(quote, scope.year, found) and _others_agree(quote, sentence, pools)
    if exact:
        finding = _prose_finding(True, quote, exact[0], scope, where, unit)
        primary = any(_primary(c, quote.percent) is not None for c in exact)
        finding.context["claimable"] = (
            "yes" if claimable and primary and len(digits(quote.value, quote.decimals)) > 1 else "no"
        )
        return finding
    if not claimable:
        return None
    ranked = [(rank, c) for c in pool if (rank := _primary(c, quote.percent)) is not None and near_miss(quote, c)]
    if ranked:
        return _prose_finding(False, quote, min(ranked, key=lambda rc: rc[0])[1], scope, where, unit)
    return None


def _others_agree(quote: Quoted, sentence: list[Quoted], pools: Pools) -> bool:
    """Every other figure of the sentence agrees with the table (else the sentence is about something else)."""
    others = [q for q in sentence if q != quote]
    return all((pools[1] if q.percent else pools[0]).equal_to(q.value, q.decimals) for q in others)


def _prose_finding(ok: bool, quote: Quoted, cand: Candidate, scope: Scope, where: Location, unit: str) -> Finding:
    expected = round_half_up(cand.value, quote.decimals) if quote.percent else cand.value
    rounding = not ok and within_printed_unit(quote.value, cand.value, quote.decimals)
    if ok:
        verdict = say("prose.agrees", label=cand.label, value=f"{fmt(expected)}{unit}")
    elif rounding:
        verdict = say("prose.rounded", label=cand.label, value=f"{exact_text(cand.value, quote.decimals)}{unit}")
    else:
        verdict = say("prose.differs", label=cand.label, value=f"{fmt(expected)}{unit}")
    said = say("prose", subject=scope.subject, figure=f"{quote.text}{unit}", role="", verdict=verdict,
               sentence=quote.sentence.strip()[:160])  # fmt: skip
    finding = Finding(
        rule="prose-check" if ok else "prose-mismatch",
        severity="info" if ok or rounding else "warning",
        message="",
        subject=scope.subject,
        numbers={"printed": quote.value, cand.label: round(cand.value, 4)},
        expected=expected,
        actual=quote.value,
        locations=[where, *locations(cand.facts)],
        verified=ok,
        context={"sentence": quote.sentence.strip(), "figure": quote.text + unit.strip(), "label": cand.label},
    )
    if rounding:
        finding.context["rounding"] = "yes"
    return worded(finding, said)


def check_scope(scope: Scope) -> Iterator[Finding]:
    """Every figure of the scope's sentences: claims against the value they name, the rest conservatively."""
    pools: Pools | None = None  # made when a figure is first left to them: most are claims
    table = TableValues.of(scope.facts)
    reading = Reading(stage=scope.stage, year=scope.year, stage_years={(f.stage, f.year) for f in scope.facts})
    if scope.field == "text":  # a frame's prose speaks of the ISE only where it names it
        reading.parts, reading.anchor = True, VOCABULARY.claims.frame_anchor
    stated: list[Base] = []  # available credits the prose states itself, as it goes
    for paragraph in scope.paragraphs:
        new_paragraph(reading)
        for sentence in paragraph.sentences:
            text = sentence.text
            claims = claims_in(text, reading)  # every sentence: it may name the credits the next ones mean
            if VOCABULARY.claims.amount_unit not in text and "%" not in text:
                continue  # quotes no figure
            claimed = set()
            for claim in claims:
                found = check_claim(claim, sentence, scope, table)
                if found is not None:
                    claimed.add(claim.figure.start)
                    yield found
            stated += stated_bases(scope, sentence)
            for start, found in check_shares(scope, sentence, stated, claimed):
                claimed.add(start)
                yield found
            if all(match.start() in claimed for match, _ in figures_in(text)):
                continue  # every figure checked as a claim (most sentences): nothing left to check conservatively
            figures = list(quoted(text))
            sentence_traits = SentenceTraits(text, len(figures))
            for quote in figures:
                if quote.start in claimed:
                    continue
                pools = pools or _pools(scope.facts)
                where = _where(scope, sentence, quote.start)
                found = check_quote(quote, scope, pools, where, figures, sentence_traits)
                if found:
                    found.context["offset"] = str(sentence.start + quote.start)
                    found.context["field"] = scope.field
                    yield found


def _pools(facts: list[Fact]) -> Pools:
    amounts, percents = candidates(facts)
    return Pool(amounts), Pool(percents)


@dataclass(frozen=True)
class Base:
    """An available credit a share may be of: a table figure, or an amount the prose states."""

    credit: str
    value: float
    label: str
    places: tuple[Location, ...]


SHARE_STAGES = ("BA-JR", "BA", "BO")  # the available credit, latest first


def stated_bases(scope: Scope, sentence: Sentence) -> list[Base]:
    """The budgets and available credits the sentence states (`het beschikbare VAK bedroeg uiteindelijk 8.590
    keuro`, `het krediet voor de maatregel DAC bedroeg 4.189 keuro VAK/VEK`), not the amounts of shares."""
    words = VOCABULARY.claims
    # Most sentences lack its hints (its verbs): the pattern's `.*` made searching them slow.
    if not hinted("budget_stated", sentence.text.lower()) or not words.budget_stated.search(sentence.text):
        return []
    shares = [range(m.start(), m.end()) for m in words.share.finditer(sentence.text)]
    named = {c for c in words.credit_word.findall(sentence.text) if c in ("VAK", "VEK")}
    only = named.pop() if len(named) == 1 else ""  # `Het beschikbare VEK-krediet bedroeg 7.025 keuro`: VEK
    found = []
    for match in words.stated_amount.finditer(sentence.text):
        if any(match.start() in span for span in shares):
            continue
        value = float(match.group("amount").replace(".", ""))
        place = _where(scope, sentence, match.start("amount"))
        for credit in (match.group("credit") or only).upper().split("/"):
            found.append(Base(credit, value, f"{match.group('amount')} {VOCABULARY.claims.amount_unit}", (place,)))
    return found


def _table_bases(scope: Scope) -> list[Base]:
    return [Base(f.credit, f.value, f"{f.stage} {f.credit}", tuple(locations([f]))) for f in scope.facts
            if f.row == "total" and f.stage in SHARE_STAGES and f.value]  # fmt: skip


def check_shares(
    scope: Scope, sentence: Sentence, stated: list[Base], claimed: set[int]
) -> Iterator[tuple[int, Finding]]:
    """A percentage stated with its own amount (`1.861 keuro VAK of 22% van het beschikbare VAK-krediet`): the
    amount over the available credit (the table's, or one the prose stated before) must give the percentage."""
    if "%" not in sentence.text:  # a share prints its percentage
        return
    for match in VOCABULARY.claims.share.finditer(sentence.text):
        start = match.start("percent")
        if start in claimed:
            continue
        credit = (match.group("base") or match.group("credit") or "").upper()
        amount = float(match.group("amount").replace(".", ""))
        whole, _, decimals = match.group("percent").partition(",")
        percent = float(f"{whole}.{decimals}" if decimals else whole)
        bases = [b for b in [*reversed(stated), *_table_bases(scope)] if not credit or b.credit in (credit, "")]
        if bases:
            yield start, _share_finding(scope, sentence, match, amount, percent, len(decimals), bases)


def _share_finding(scope: Scope, sentence: Sentence, match: re.Match[str], amount: float, percent: float,
                   decimals: int, bases: list[Base]) -> Finding:  # fmt: skip
    shares = [(b, amount / b.value * 100) for b in bases]
    agreeing = [(b, v) for b, v in shares if round_half_up(v, decimals) == percent]
    close = [(b, v) for b, v in shares if within_printed_unit(percent, v, decimals)]
    base, value = (agreeing or close or shares)[0]
    figure = match.group("percent") + "%"
    if agreeing:
        verdict = say(
            "prose.agrees",
            label=f"{match.group('amount')} / {base.label}",
            value=f"{fmt(round_half_up(value, decimals))}%",
        )
    elif close:
        verdict = say(
            "prose.rounded", label=f"{match.group('amount')} / {base.label}", value=f"{exact_text(value, decimals)}%"
        )
    else:
        verdict = say("prose.differs", label=f"{match.group('amount')} / {base.label}",
                      value=f"{fmt(round_half_up(value, decimals))}% ({exact_text(value, decimals)})")  # fmt: skip
    said = say("prose", subject=scope.subject, figure=figure, verdict=verdict, sentence=sentence.text.strip()[:160],
               role=say("role", what=say("role.share", amount=match.group("amount"))))  # fmt: skip
    context = {"sentence": sentence.text.strip(), "figure": figure, "label": f"share of {base.label}", "claim": "share",
               "claimable": "yes", "offset": str(sentence.start + match.start("percent")), "field": scope.field}  # fmt: skip
    if close and not agreeing:
        context["rounding"] = "yes"
    ok = bool(agreeing)
    return worded(
        Finding(
            rule="prose-check" if ok else "prose-mismatch",
            severity="info" if ok or close else "error",
            message="",
            subject=scope.subject,
            numbers={"printed": percent, "amount": amount, "base": base.value, "share": round(value, 4)},
            expected=round_half_up(value, decimals),
            actual=percent,
            locations=[
                _where(scope, sentence, match.start("percent")),
                _where(scope, sentence, match.start("amount")),
                *base.places,
            ],
            verified=ok,
            context=context,
        ),
        said,
    )


def _where(scope: Scope, sentence: Sentence, offset: int) -> Location:
    """The page and line of the figure at `offset` in the sentence: where it was printed."""
    span = sentence.where(offset)
    return {"document": scope.document, "page": span.page, "source_line": span.line}


def check_claim(claim: Claim, sentence: Sentence, scope: Scope, table: TableValues) -> Finding | None:
    """A prose-check when the claim's figure is what the table says, a prose-mismatch (error) when not, an
    `info` prose-mismatch "rounded differently" when within one printed unit; None when the table cannot say."""
    values = expected(claim, table)
    if not values:
        return None
    figure = claim.figure
    agreeing: list[Expected] = []
    wrong: list[Expected] = []
    for value in values:
        (agreeing if _agrees(claim, value) else wrong).append(value)
    # A claim that names its credits must hold for each; one that names none, for one of them.
    ok = len(agreeing) == len(values) if claim.credits else bool(agreeing)
    close = [v for v in wrong if _close(claim, v)]
    rounding = not ok and bool(close) and (len(close) == len(wrong) or not claim.credits)
    shown = agreeing[0] if ok else (close[0] if rounding else wrong[0])
    printed = _signed(claim, shown.value)
    unit = "%" if figure.percent else f" {VOCABULARY.claims.amount_unit}"
    if ok:
        verdict = say("prose.agrees", label=shown.label, value=f"{fmt(printed)}{unit}")
    elif rounding:
        exact = exact_text(_exact_signed(claim, shown.value), figure.decimals)
        verdict = say("prose.rounded", label=shown.label, value=f"{exact}{unit}")
    else:
        exact = f" ({exact_text(_exact_signed(claim, shown.value), figure.decimals)})" if figure.percent else ""
        verdict = say("prose.differs", label=shown.label, value=f"{fmt(printed)}{unit}{exact}")
    text = sentence.text.strip()
    said = say("prose", subject=scope.subject, figure=f"{figure.text}{unit}", role=say("role", what=shown.said(claim.role)),
               verdict=verdict, sentence=text[:160])  # fmt: skip
    context = {"sentence": text, "figure": figure.text + unit.strip(), "label": shown.label,
               "claim": claim.role, "claimable": "yes", "offset": str(sentence.start + figure.start),
               "field": scope.field}  # fmt: skip
    if rounding:
        context["rounding"] = "yes"
    return worded(
        Finding(
            rule="prose-check" if ok else "prose-mismatch",
            severity="info" if ok or rounding else "error",
            message="",
            subject=scope.subject,
            numbers={"printed": figure.value, shown.label: round(shown.value, 4)},
            expected=printed,
            actual=figure.value,
            locations=[_where(scope, sentence, figure.start), *locations(shown.facts)],
            verified=ok,
            context=context,
        ),
        said,
    )


def _exact_signed(claim: Claim, value: float) -> float:
    """The table's value with the sign the sentence's words give, not rounded."""
    if claim.role in {"change", "difference"} and claim.sign:
        return value * (claim.sign if claim.role == "change" else -claim.sign)
    if claim.role in {"change", "difference", "cause"}:
        return abs(value)
    return value


def _signed(claim: Claim, value: float) -> float:
    """The table's value as the sentence would print it: rounded at its precision, the sign its words give."""
    return round_half_up(_exact_signed(claim, value), claim.figure.decimals)


def _close(claim: Claim, value: Expected) -> bool:
    """The printed figure within one unit of its last digit of the exact value: rounded differently."""
    return within_printed_unit(claim.figure.value, _exact_signed(claim, value.value), claim.figure.decimals)


def _agrees(claim: Claim, value: Expected) -> bool:
    return math.isclose(_signed(claim, value.value), claim.figure.value, abs_tol=1e-9)


def cause_facts(doc: Document, article: Article) -> list[Fact]:
    """The causes of change of an article's `Kredietevolutie` (index, compensaties...), as facts the prose may
    quote: not in the fact table (its rows are stages), but printed, and claimed by sentences."""
    evolution = article.credit_evolution
    if evolution is None:
        return []
    found = []
    for change in evolution.changes:
        key = cause_key(change.label)
        for credit, value in (("VAK", change.vak), ("VEK", change.vek)):
            if key and value is not None:
                found.append(Fact(doc.name, "article", article.code, "total", credit, evolution.end_year,
                                  f"cause:{key}", value, change.page, change.line))  # fmt: skip
    return found


def scopes(doc: Document) -> Iterator[Scope]:
    for article in doc.articles:
        facts = [f for i in article.tables for f in doc.tables[i].facts] + cause_facts(doc, article)
        if facts and article.explanation_paragraphs:
            yield Scope(doc.name, article.code, article.explanation_paragraphs, facts, doc.year, doc.stage)
    frames = [t for t in doc.tables if t.layout == "ise_frame"]
    for section in doc.sections:
        if section.kind == "article" or VOCABULARY.claims.amount_unit not in section.text:
            continue
        inside = [t for t in frames if section.line <= t.line <= (section.end_line or t.line)]
        if inside:
            facts = [f for t in inside for f in t.facts]
            subject = ", ".join(t.subject for t in inside)
            yield Scope(doc.name, subject, section.paragraphs, facts, doc.year, doc.stage, "text")


@rule(
    "prose-check",
    "info",
    "a figure in the prose that agrees with the tables",
    emits={
        "prose-mismatch": (
            "error/warning/info",
            "a figure in the prose that does not match the tables (info: rounded differently)",
        )
    },
)
def prose_check(doc: Document) -> Iterator[Finding]:
    """Emits prose-check (verified, info) and prose-mismatch (error for claims, warning otherwise) findings."""
    for scope in scopes(doc):
        yield from check_scope(scope)


# --------------------------------------------------------------------------- slide statements


@dataclass(frozen=True)
class Printed:
    text: str
    value: float  # thousand euro, signed as the sentence says (a decrease is negative)
    step: float  # thousand euro: the printed precision
    start: int = 0  # offset in the statement


def printed(part: str, base: int = 0, sign: float = 1.0) -> Printed | None:
    """The amount in `part` (`1,2 miljard`, `1.500 miljoen`), read as the slide reader reads it."""
    match = VOCABULARY.amount.search(part)
    value = amount_in_keuro(part)
    if not match or value is None:
        return None
    start = match.start("sign") if match.group("sign") else match.start("num")
    return Printed(part[start : match.end()], math.copysign(value, sign), precision_of(part), base + start)


def rounds_to(value: float, figure: Printed) -> bool:
    return math.isclose(round_half_up(abs(value) / figure.step, 0) * figure.step, abs(figure.value), abs_tol=1e-6)


def _statement_checks(
    stmt: Statement, facts: dict[tuple[str, str], list[Fact]], subject: str
) -> list[tuple[str, Printed, list[Fact], bool]]:
    head, _, tail = stmt.text.partition(":")
    checks = []
    for what, part, stage, base in (("total", head, "BO", 0), ("change", tail, "DELTA", len(head) + 1)):
        sign = -1.0 if what == "change" and (stmt.change or 0) < 0 else 1.0  # the change word, read by the reader
        figure = printed(part, base, sign)
        stage_facts = facts.get((subject, stage), [])
        if figure is None or not stage_facts:
            continue
        ok = any(rounds_to(f.value, figure) and (f.value < 0) == (figure.value < 0) for f in stage_facts)
        checks.append((what, figure, stage_facts, ok))
    return checks


def _same_ise(key: str, subjects: set[str]) -> list[str]:
    slug = key.partition(":")[2]
    return [key, *sorted(s for s in subjects if s != key and s.partition(":")[2] == slug)]


def _hint(figure: Printed, table_facts: list[Fact]) -> Said | str:
    for fact in table_facts:
        if fact.stage != "DELTA" and rounds_to(fact.value, figure):
            return say("statement.hint", stage=fact.stage, year=str(fact.year), credit=fact.credit,
                       subject=fact.subject, value=fmt(fact.value))  # fmt: skip
    return ""


def _statement_line(stmt: Statement, figure: Printed) -> tuple[int, int]:
    """The page and line of the figure in the statement (its lines know where they start in its text)."""
    if not stmt.lines:
        return stmt.page, stmt.line
    span = Sentence(stmt.text, 0, stmt.page, stmt.line, stmt.line, stmt.lines).where(figure.start)
    return span.page, span.line


@rule(
    "statement-check",
    "info",
    "a slide statement that agrees with the slide table",
    emits={
        "statement-mismatch": (
            "warning/info",
            "a slide statement that does not match the slide table (info: rounded differently)",
        )
    },
)
def statement_check(doc: Document) -> Iterator[Finding]:
    """Slide statements (total and change) against the domain slide table: BO and DELTA of the ISE."""
    tables = [t for t in doc.tables if t.layout == "budget_evolution"]
    if not tables or not doc.statements:
        return
    facts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in tables[0].facts:
        facts[(fact.subject, fact.stage)].append(fact)
    subjects = {s for s, _ in facts}
    for stmt in doc.statements:
        options = [(s, _statement_checks(stmt, facts, s)) for s in _same_ise(stmt.subject, subjects)]
        subject, checks = max(options, key=lambda o: sum(ok for *_, ok in o[1]))
        for what, figure, stage_facts, ok in checks:
            yield _statement_finding(doc, stmt, subject, what, figure, stage_facts, ok, tables[0].facts)


def _statement_finding(
    doc: Document,
    stmt: Statement,
    subject: str,
    what: str,
    figure: Printed,
    stage_facts: list[Fact],
    ok: bool,
    table_facts: list[Fact],
) -> Finding:
    nearest = min(stage_facts, key=lambda f: abs(abs(f.value) - abs(figure.value)))
    page, line = _statement_line(stmt, figure)
    hint = "" if ok else _hint(figure, table_facts)
    # Within one printed step of the table, and no other figure of the table printed instead: rounded differently.
    rounding = not ok and not hint and abs(abs(nearest.value) - abs(figure.value)) < figure.step - 1e-6
    values = ", ".join(f"{f.credit} {fmt(f.value)}" for f in stage_facts)
    verdict = say("statement.agrees" if ok else "statement.rounded" if rounding else "statement.differs")
    said = say("statement", subject=subject, what=say(f"statement.{what}"), figure=figure.text, verdict=verdict,
               stage=nearest.stage, year=str(nearest.year), values=values, hint=hint)  # fmt: skip
    return worded(
        Finding(
            rule="statement-check" if ok else "statement-mismatch",
            severity="info" if ok or rounding else "warning",
            message="",
            subject=subject,
            numbers={
                "printed": figure.value,
                "step": figure.step,
                **{f"{f.stage} {f.credit}": f.value for f in stage_facts},
            },
            expected=nearest.value,
            actual=figure.value,
            locations=[{"document": doc.name, "page": page, "source_line": line}, *locations(stage_facts)],
            context={"rounding": "yes"} if rounding else {},
            verified=ok,
        ),
        said,
    )
