"""Extraction on the real sample documents, held by independent checks."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from begroot.model import Document
from begroot.parse import extract

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORT = next(SAMPLES.glob("000_*.txt"))
SLIDES = next(SAMPLES.glob("003_*.txt"))
UNIT = re.compile(r"\(?\s*(?:in\s+)?duizend euro\s*\)?", re.IGNORECASE)
NUMBER = re.compile(r"(?<![\w.,])-?\d{1,3}(?:\.\d{3})*(?![\w.,%])")
HEADING = re.compile(r"^ ?([A-Z]{2}\d-[0-9A-Z]{7}-[A-Z]{2}) [–-] [A-Z]")


@pytest.fixture(scope="module")
def report() -> Document:
    return extract(REPORT)


@pytest.fixture(scope="module")
def slides() -> Document:
    return extract(SLIDES)


def raw_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def facts_by(doc: Document, **where: object) -> dict[tuple, int]:
    result = {}
    for fact in doc.facts:
        if all(getattr(fact, key) == value for key, value in where.items()):
            result[(fact.subject, fact.row, fact.credit, fact.year, fact.stage)] = fact.value
    return result


def test_detects_kind_stage_year_domain(report: Document, slides: Document) -> None:
    assert (report.kind, report.stage, report.year) == ("report", "BU", 2023)
    assert (slides.kind, slides.stage, slides.year) == ("slides", "BO", 2022)
    assert report.domain == slides.domain == "Werk en Sociale Economie"


@pytest.mark.parametrize("path", [REPORT, SLIDES], ids=["report", "slides"])
def test_every_unit_header_gives_one_table(path: Path) -> None:
    """Each `(duizend euro)` in the text opens exactly one table of the fact table."""
    document = extract(path)
    units = [n for n, text in enumerate(raw_lines(path), start=1) if UNIT.search(text) and len(text.strip()) < 40]
    assert len(units) > 0
    assert sorted(t.line for t in document.tables) == units
    assert not [w for w in document.warnings if w.code in {"unplaced_numbers", "unplaced_table"}]


@pytest.mark.parametrize("path", [REPORT, SLIDES], ids=["report", "slides"])
def test_every_number_on_a_table_row_is_a_fact(path: Path) -> None:
    """Independent of the parser: the numbers on each fact's line are exactly the facts of that line."""
    document = extract(path)
    lines = raw_lines(path)
    by_line: dict[int, list[int]] = defaultdict(list)
    for fact in document.facts:
        by_line[fact.source_line].append(fact.value)
    for number, values in by_line.items():
        text = lines[number - 1]
        label_free = re.sub(r"^\D*?(?=-?\d)", "", re.sub(r"\b(?:19|20)\d{2}\b", "", text)) if "ISE" in text else text
        printed = [int(n.replace(".", "")) for n in NUMBER.findall(label_free) if not re.fullmatch(r"(19|20)\d{2}", n)]
        assert printed == values, f"line {number}: {text!r}"


def test_every_article_heading_has_its_table(report: Document) -> None:
    headings = [m.group(1) for text in raw_lines(REPORT) if (m := HEADING.match(text))]
    assert len(headings) == len(report.articles) >= 40
    for article in report.articles:
        assert article.tables, f"{article.code} has no table"
        assert all(report.tables[i].subject == article.code for i in article.tables)


def test_ise_frames_add_up(report: Document) -> None:
    frames = [t for t in report.tables if t.layout == "ise_frame"]
    assert {t.subject for t in frames} == {
        "JD:activering", "JD:loopbanen", "JD:duurzame-arbeidsmarkt", "JD:thema-overschrijdend", "JF:competenties",
    }  # fmt: skip
    for frame in frames:
        cells = {(f.row, f.credit, f.stage): f.value for f in frame.facts}
        for credit in ("VAK", "VEK"):
            for stage in ("BA", "BA-JR", "BU"):
                parts = sum(cells[(row, credit, stage)] for row in ("esr", "is", "other"))
                assert parts == cells[("total", credit, stage)], (frame.subject, credit, stage)


def test_programs_add_up_to_domain_total(report: Document) -> None:
    totals = facts_by(report, scope="total")
    programs = facts_by(report, scope="program")
    for (_, row, credit, year, stage), value in totals.items():
        parts = sum(programs[(p, row, credit, year, stage)] for p in ("JD", "JE", "JF"))
        assert parts == value, (credit, stage)


def test_slide_rows_follow_ba_plus_delta_is_bo(slides: Document) -> None:
    for table in slides.tables:
        cells = {(f.scope, f.subject, f.credit, f.stage): f.value for f in table.facts}
        for (scope, subject, credit, stage), value in cells.items():
            if stage == "BA":
                assert value + cells[(scope, subject, credit, "DELTA")] == cells[(scope, subject, credit, "BO")]


def test_slide_ise_rows_add_up_to_their_program(slides: Document) -> None:
    for table in slides.tables:
        programs = {f.subject for f in table.facts if f.scope == "program"}
        for program in programs:
            for credit in ("VAK", "VEK"):
                for stage in ("BA", "DELTA", "BO"):
                    row = [f.value for f in table.facts if (f.subject, f.credit, f.stage) == (program, credit, stage)]
                    ises = [f.value for f in table.facts if f.scope == "ise" and f.subject.startswith(program + ":")
                            and (f.credit, f.stage) == (credit, stage)]  # fmt: skip
                    if ises:
                        assert sum(ises) == row[0], (program, credit, stage)


def test_hand_checked_rows(report: Document, slides: Document) -> None:
    article = facts_by(report, subject="JB0-1JDB2CA-WT")
    assert article[("JB0-1JDB2CA-WT", "total", "VAK", 2023, "BU")] == 292136
    assert article[("JB0-1JDB2CA-WT", "total", "VEK", 2023, "BA-JR")] == 356799
    total = facts_by(report, scope="total")
    assert total[("TOTAL", "total", "TO", 2023, "BU")] == -56
    assert total[("TOTAL", "total", "VAK", 2023, "BA")] == 4097976
    frame = facts_by(report, subject="JD:loopbanen")
    assert frame[("JD:loopbanen", "other", "VAK", 2023, "BA-JR")] == 270659
    assert frame[("JD:loopbanen", "esr", "VEK", 2023, "BU")] == 1658521
    receipt = facts_by(report, subject="JB0-9JDBACI-OW")
    assert receipt == {
        ("JB0-9JDBACI-OW", "total", c, 2023, s): v
        for (c, s), v in {("AO", "BA"): 187, ("TO", "BA"): 0, ("LO", "BA"): 0,
                          ("AO", "BU"): 144, ("TO", "BU"): 0, ("LO", "BU"): 0}.items()
    }  # fmt: skip
    apparatus = facts_by(report, subject="JA")
    assert apparatus[("JA", "total", "VAK", 2023, "BA-JR")] == 60924
    first = slides.tables[0]
    slide = {(f.subject, f.credit, f.year, f.stage): f.value for f in first.facts}
    assert slide[("JE:activering", "VAK", 2022, "BO")] == 519912
    assert slide[("JE:duurzame-arbeidsmarkt", "VEK", 2021, "BA")] == 12037
    assert slide[("JD:duurzame-arbeidsmarkt", "VAK", 2022, "DELTA")] == -15158
    vdab = slides.tables[1]
    assert vdab.perimeter == "VDAB"
    assert {(f.subject, f.credit, f.stage): f.value for f in vdab.facts}[("JD:activering", "VAK", "BO")] == 549533


def test_provenance_points_at_the_printed_number(report: Document) -> None:
    lines = raw_lines(REPORT)
    for fact in report.facts:
        printed = f"{abs(fact.value):,}".replace(",", ".")
        assert printed in lines[fact.source_line - 1], fact
        assert 1 <= fact.page <= report.page_count


def test_articles_know_their_place(report: Document) -> None:
    article = report.article("JB0-1JDB2CA-WT")
    assert article is not None
    assert (article.parts.entity, article.parts.kind, article.parts.program, article.parts.suffix) == (
        "JB0", "1", "JD", "WT")  # fmt: skip
    assert article.ise == "JD:activering" and article.policy_field == "Werk"
    assert article.goals == ["OD 1"]
    assert "RSZ-verminderingen" in article.summary
    assert "292.136 keuro" in article.explanation
    assert article.generic_tables, "the breakdown by target group is kept as a generic table"
    breakdown = report.generic_tables[article.generic_tables[0]]
    assert any(row[0].startswith("Oudere werknemers") for row in breakdown.rows)
    receipts = [a for a in report.articles if a.parts.is_receipt]
    assert receipts and all(report.tables[a.tables[0]].facts[0].credit in {"AO", "TO", "LO"} for a in receipts)


def test_goals_sections_footnotes_annexes(report: Document) -> None:
    codes = [g.code for g in report.goals]
    assert codes[:3] == ["SD 1", "SD 2", "SD 3"]
    ods = [g for g in report.goals if g.level == "od"]
    assert [g.number for g in ods] == list(range(1, len(ods) + 1))
    od1 = ods[0]
    assert od1.parent == "SD 1" and od1.ises == ["JD:activering"]
    assert "Een gericht doelgroepenbeleid" in od1.themes
    chapters = [s for s in report.sections if s.kind in {"chapter", "policy_field"}]
    assert [s.number for s in chapters][:3] == ["II", "III", "IV"]
    numbers = [f.number for f in report.footnotes]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 45
    cited = {code for f in report.footnotes for code, _ in f.cites}
    assert {a.code for a in report.articles} & cited
    assert any(a.short == "VDAB" for a in report.abbreviations)
    kinds = {item.annex for item in report.annex_items}
    assert {"decisions", "resolutions", "court_of_audit"} <= kinds
    resolution = next(i for i in report.annex_items if i.annex == "resolutions")
    assert resolution.number and resolution.adopted and resolution.follow_up
    decree = next(i for i in report.annex_items if i.kind == "decreet")
    assert decree.date and decree.date.startswith("2023-")


def test_slide_goals_and_statements(slides: Document) -> None:
    assert [g.code for g in slides.goals] == ["SD 1", "SD 2", "SD 3"]
    assert slides.goals[0].title == "Meer mensen aan het werk"
    assert all(g.ises for g in slides.goals)
    first = slides.statements[0]
    assert (first.total, first.change, first.reference_year) == (1_200_000, 18_300, 2021)
    assert first.subject == "JD:activering"
    assert [round(c.amount or 0) for c in first.causes] == [15_000, 1_800]
    assert any(s.change is not None and s.change < 0 for s in slides.statements)
    assert [s.subject for s in slides.statements] == [
        "JD:activering", "JE:activering", "JD:loopbanen", "JF:competenties",
        "JD:duurzame-arbeidsmarkt", "JE:duurzame-arbeidsmarkt", "JD:thema-overschrijdend",
    ]  # fmt: skip
    assert any(s.title.startswith("Budgetevolutie") for s in slides.slides)


def test_prose_is_held_once_and_its_sentences_know_their_lines(report: Document) -> None:
    """Paragraphs are stretches of their section's (article's) prose, not copies; their sentences,
    made on demand, are stretches of them that start on the line they name."""
    lines = raw_lines(REPORT)
    owners = [(s.text, s.paragraphs) for s in report.sections if s.paragraphs]
    owners += [(a.explanation, a.explanation_paragraphs) for a in report.articles if a.explanation_paragraphs]
    assert len(owners) > 50
    for text, found in owners:
        assert all(p.prose is text for p in found)
        assert "\n\n".join(p.text for p in found) == text
        for paragraph in found:
            for sentence in paragraph.sentences:
                offset = sentence.start - paragraph.start
                assert paragraph.text[offset : offset + len(sentence.text)] == sentence.text
                first_words = " ".join(sentence.text.split()[:1])
                assert first_words.rstrip("-") in " ".join(lines[sentence.line - 1].split()), sentence
