"""The audit: reviewed findings on the samples, and seeded mutations that the audit must catch."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from begroot.audit import Finding, audit_document, audit_documents, audit_file
from begroot.audit.findings import fmt
from begroot.model import Document, Fact
from begroot.parse import extract

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORT = SAMPLES / "000_487494d7f3174438.txt"
SLIDES = SAMPLES / "003_99a07576850413ae.txt"
SEED = 20261122


def raw(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def dutch(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def problems(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not f.verified and f.severity != "info"]


@pytest.fixture(scope="module")
def report_findings() -> list[Finding]:
    return audit_file(REPORT)


@pytest.fixture(scope="module")
def slide_findings() -> list[Finding]:
    return audit_file(SLIDES)


# --------------------------------------------------------------------------- (a) reviewed findings


def _line_with(lines: list[str], needle: str) -> int:
    return next(i + 1 for i, text in enumerate(lines) if needle in text)


def test_report_findings_are_all_real(report_findings: list[Finding]) -> None:
    lines = raw(REPORT)
    found = {(f.rule, f.subject, f.context.get("figure")): f for f in problems(report_findings)}
    # Each expectation recomputes the ratio from the article's table row in the raw text.
    expected = {
        # JB0-1JDB2EA-PA: "bedroeg ... 102% van het beschikbare krediet", but BU 274.683 / BA-JR 270.659 = 101.49%
        ("prose-mismatch", "JB0-1JDB2EA-PA", "102%"): (274683, 270659, 101),
        # JB0-1JDB2EB-WT: "21.135 keuro VAK/VEK of 100,3 %", but 21.135 / 21.055 = 100.38% -> 100,4%
        ("prose-mismatch", "JB0-1JDB2EB-WT", "100,3%"): (21135, 21055, 100.4),
        # JB0-1JDB2AY-IS: "648 keuro VEK of 91,7% benutting", but 648 / 706 = 91.78% -> 91,8% (truncated, not rounded)
        ("prose-mismatch", "JB0-1JDB2AY-IS", "91,7%"): (648, 706, 91.8),
    }
    assert set(found) == set(expected)
    for key, (bu, available, percent) in expected.items():
        finding = found[key]
        sentence_line = finding.locations[0]["source_line"]
        assert key[2].replace("%", "") in lines[int(str(sentence_line)) - 1].replace(" %", "%")
        # the two table figures are printed on the article's table lines listed in the finding
        table_text = " ".join(lines[int(str(loc["source_line"])) - 1] for loc in finding.locations[1:])
        assert fmt(bu) in table_text and fmt(available) in table_text
        exact = bu / available * 100
        assert round(exact, 1 if isinstance(percent, float) else 0) == percent != dutch(key[2].rstrip("%"))
        assert finding.expected == percent


def test_slide_findings_are_all_real(slide_findings: list[Finding]) -> None:
    lines = raw(SLIDES)
    [finding] = problems(slide_findings)
    # "Totaal beleidskrediet 11,9 miljoen" for ISE duurzame arbeidsmarkt SE; the slide table row reads
    # BA 2021 11.909 / 12.037, BO 2022 11.988 / 12.116: 11,9 miljoen is the BA 2021 figure, BO 2022 rounds to 12,0.
    statement_line = _line_with(lines, "Totaal beleidskrediet 11,9 miljoen")
    row = next(i for i, text in enumerate(lines) if text.startswith("11.909 12.037"))
    numbers = [dutch(n) for n in lines[row].split()]
    assert numbers[4] == 11988 and round(numbers[4] / 1000, 1) == 12.0 != 11.9 == round(numbers[0] / 1000, 1)
    assert finding.rule == "statement-mismatch" and finding.expected == 11988
    assert statement_line in finding.lines and row + 1 in finding.lines
    assert "11.909" in finding.message


def test_verified_prose_examples(report_findings: list[Finding]) -> None:
    checks = {(f.subject, f.context.get("figure")): f for f in report_findings if f.rule == "prose-check"}
    # 82% <= 292.136 / 356.799 = 81.88%; 64.663 = 356.799 - 292.136; 105,53% quoted with two decimals
    assert checks[("JB0-1JDB2CA-WT", "82%")].verified
    assert checks[("JB0-1JDB2CA-WT", "64.663keuro")].expected == 356799 - 292136
    assert any(figure == "105,53%" for _, figure in checks)


def test_sums_hold_on_samples(report_findings: list[Finding], slide_findings: list[Finding]) -> None:
    sums = {
        "ise-frame-sum",
        "programs-sum-to-total",
        "program-vs-ise-frames",
        "articles-vs-frame",
        "apparatus-vs-articles",
        "slide-delta",
        "slide-ise-sum",
        "slide-program-sum",
    }
    assert not [f for f in report_findings + slide_findings if f.rule in sums]
    assert any(f.rule == "execution" for f in report_findings)


def test_cross_document_conflict() -> None:
    doc = extract(SLIDES)
    other = extract(SLIDES)
    other.name = "copy"
    first = other.tables[0].facts[0]
    other.tables[0].facts[0] = Fact(**{**first.__dict__, "document": "copy", "value": first.value + 1})
    for table in other.tables:
        table.facts = [Fact(**{**f.__dict__, "document": "copy"}) for f in table.facts]
    conflicts = [f for f in audit_documents([doc, other]) if f.rule == "cross-document-conflict"]
    assert len(conflicts) == 1 and conflicts[0].subject == first.subject


def test_document_without_source_runs() -> None:
    doc: Document = extract(REPORT)
    assert audit_document(doc)


# --------------------------------------------------------------------------- (b) seeded mutations

# Receipt articles are left out: their AO/LO figures add up to nothing else in the document
# (only the apparatus program sums receipts, and only for programme A), so a changed digit there
# is only visible when the prose quotes it.
TABLE_LAYOUTS = {"ise_frame", "summary", "article_expenditure", "article_stage_rows", "apparatus", "budget_evolution"}


def _number_pattern(value: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.,]){re.escape(fmt(value))}(?![\d,]|\.\d)")


def mutate(text: str, start: int, end: int, rng: random.Random) -> str:
    """Change one digit of text[start:end] (never a leading digit to 0)."""
    positions = [i for i in range(start, end) if text[i].isdigit()]
    position = rng.choice(positions)
    leading = position == positions[0] and len(positions) > 1
    choices = [d for d in "0123456789" if d != text[position] and not (leading and d == "0")]
    return text[:position] + rng.choice(choices) + text[position + 1 :]


def _caught(path: Path, line: int) -> bool:
    return any(line in f.lines for f in problems(audit_file(path)))


def _write(tmp_path: Path, source: Path, lines: list[str], number: int, new_text: str) -> Path:
    changed = list(lines)
    changed[number - 1] = new_text
    target = tmp_path / source.name
    target.write_text("\n".join(changed) + "\n", encoding="utf-8")
    return target


def _table_cases(path: Path, count: int, rng: random.Random) -> list[tuple[int, str]]:
    lines = raw(path)
    doc = extract(path)
    facts = [f for t in doc.tables if t.layout in TABLE_LAYOUTS for f in t.facts]
    cases: list[tuple[int, str]] = []
    for fact in rng.sample(facts, len(facts)):
        text = lines[fact.source_line - 1]
        matches = list(_number_pattern(fact.value).finditer(text))
        if matches:
            match = rng.choice(matches)
            cases.append((fact.source_line, mutate(text, match.start(), match.end(), rng)))
        if len(cases) == count:
            break
    return cases


@pytest.mark.parametrize(("path", "count"), [(REPORT, 22), (SLIDES, 8)], ids=["report", "slides"])
def test_table_mutations_are_caught(path: Path, count: int, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    lines = raw(path)
    missed = []
    for number, new_text in _table_cases(path, count, rng):
        if not _caught(_write(tmp_path, path, lines, number, new_text), number):
            missed.append((number, lines[number - 1], new_text))
    assert not missed


def test_prose_mutations_are_caught(report_findings: list[Finding], tmp_path: Path) -> None:
    rng = random.Random(SEED)
    lines = raw(REPORT)
    # Only figures the rule claims to guard: verified, equal to a stage value / execution difference /
    # execution ratio, in a sentence about this year's execution whose other figures all agree.
    claimable = [f for f in report_findings if f.context.get("claimable") == "yes"]
    missed = []
    for finding in rng.sample(claimable, 15):
        number = int(str(finding.locations[0]["source_line"]))
        figure = finding.context["figure"].removesuffix("keuro").removesuffix("%")
        text = lines[number - 1]
        match = re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", text)
        assert match, (number, figure, text)
        new_text = mutate(text, match.start(), match.end(), rng)
        if not _caught(_write(tmp_path, REPORT, lines, number, new_text), number):
            missed.append((number, text, new_text))
    assert not missed
