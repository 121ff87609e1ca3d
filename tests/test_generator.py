"""The document generator itself (begroot.testing): budgets add up, facts stand where they say, styles vary."""

from __future__ import annotations

import random
import re

import pytest

from begroot.numbers_nl import format_number
from begroot.testing import random_budget, random_style, render_text
from begroot.testing.budget import FRAME_ROW, STAGES, slug
from begroot.testing.corpus import fixed_set
from begroot.testing.text import TextStyle

SEEDS = range(12)


def test_ise_frame_rows_sum_to_their_total_and_programs_to_the_domain() -> None:
    for seed in SEEDS:
        budget = random_budget(seed)
        for year in budget.years:
            for stage in STAGES:
                for credit in ("VAK", "VEK"):
                    for ise in budget.ises:
                        rows = [budget.ise_row(ise, row, year, stage, credit) for row in ("esr", "is", "other")]
                        assert sum(rows) == budget.ise_row(ise, "total", year, stage, credit)
                    programs = [budget.program_total(p.code, year, stage, credit) for p in budget.policy_programs]
                    assert sum(programs) == budget.domain_total(year, stage, credit)
                    for program in budget.policy_programs:
                        ises = [budget.ise_row(i, "total", year, stage, credit) for i in budget.ises
                                if i.program == program.code]  # fmt: skip
                        assert sum(ises) == budget.program_total(program.code, year, stage, credit)


def test_values_chain_over_the_years() -> None:
    for seed in SEEDS:
        budget = random_budget(seed)
        for article in budget.articles:
            for credit in article.credits:
                for year in budget.years:
                    v = article.values
                    index, compensation, other = v.bo_causes[(year, credit)]
                    assert v.get(year, "BO", credit) == v.get(year - 1, "BA", credit) + index + compensation + other
                    reallocation, adjustment = v.ba_causes[(year, credit)]
                    assert v.get(year, "BA", credit) == v.get(year, "BO", credit) + reallocation + adjustment


def test_budget_structure_follows_the_family() -> None:
    budget = random_budget(3, "Welzijn, Volksgezondheid en Gezin")
    letter = budget.domain.letter
    assert letter == "G" and budget.department == "GB0"
    codes = [p.code for p in budget.programs]
    assert codes[:2] == ["GA", "GB"] and 2 <= len(codes) - 2 <= 4
    for ise in budget.ises:
        assert {a.program for a in ise.articles} == {ise.program}
        assert 2 <= len(ise.articles) <= 9
    for program in {i.program for i in budget.ises}:
        slugs = [i.slug for i in budget.ises if i.program == program]
        assert len(slugs) == len(set(slugs))
    for article in budget.articles:
        assert re.fullmatch(r"[A-Z]{2}\d-[0-9A-Z][A-Z]{2}[0-9A-Z]{4}-[A-Z]{2}", article.code)
        if not article.is_receipt:
            assert article.suffix in FRAME_ROW
    assert slug("ISE: Jeugdhulp (opgroeien), MVG excl. DAB") == "jeugdhulp"
    assert slug("ISE duurzame arbeidsmarkt SE") == "duurzame-arbeidsmarkt"


def _documents():
    return [generated for generated in fixed_set(24)]


def test_every_fact_is_printed_on_its_line_and_page() -> None:
    for generated in _documents():
        lines = generated.text.split("\n")
        page_of_line = _pages(lines, generated.style.page_mark)
        assert generated.facts, generated.name
        for fact in generated.facts:
            line = lines[fact.line - 1]
            printed = "-" if fact.value == 0 and re.search(r"(?<![\d.])-(?![\d.])", line) else format_number(fact.value)
            assert re.search(rf"(?<![\d.,]){re.escape(printed)}(?![\d.,])", line), (generated.name, fact, line)
            if generated.pages_marked:
                assert page_of_line[fact.line - 1] == fact.page, (generated.name, fact)


def _pages(lines: list[str], mark: str) -> list[int]:
    """Pages as the text marks them (form feed, or a first line with a single leading space)."""
    pages, page = [], 1
    for number, line in enumerate(lines):
        if number and (("\f" in line) if mark == "formfeed" else re.match(r"^ (?! )\S", line) is not None):
            page += 1
        pages.append(page)
    return pages


def test_page_count_and_marks_agree() -> None:
    for generated in _documents():
        if generated.pages_marked:
            assert _pages(generated.text.split("\n"), generated.style.page_mark)[-1] in {
                generated.page_count,
                generated.page_count - 1,
            }  # a last page may hold only its page number
        else:
            assert "\f" not in generated.text
            assert not any(re.match(r"^ (?! )\S", line) for line in generated.text.split("\n"))


def test_expected_values_agree_with_the_budget() -> None:
    budget = random_budget(5)
    year = budget.years[1]
    generated = render_text(budget, "report", "BO", year, TextStyle())
    totals = {(f.credit, f.stage, f.year): f.value for f in generated.facts if f.scope == "total"}
    assert totals[("VAK", "BO", year)] == budget.domain_total(year, "BO", "VAK")
    assert totals[("VEK", "BA", year - 1)] == budget.domain_total(year - 1, "BA", "VEK")
    assert totals[("VAK", "DELTA", year)] == budget.domain_total(year, "BO", "VAK") - budget.domain_total(
        year - 1, "BA", "VAK"
    )
    for fact in generated.facts:
        if fact.scope == "article" and fact.stage in STAGES:
            article = next(a for a in budget.articles if a.code == fact.subject)
            assert (
                fact.value == article.values.get(fact.year, fact.stage, fact.credit)
                or fact.credit not in article.credits
            )


def test_slides_hold_grids_and_statements() -> None:
    budget = random_budget(7)
    generated = render_text(budget, "slides", "BO", budget.years[2], TextStyle(page_mark="space"))
    assert generated.kind == "slides" and "slide_grid" in generated.layouts
    subjects = {f.subject for f in generated.facts}
    assert "TOTAL" in subjects and {p.code for p in budget.programs} <= subjects
    assert generated.statements
    for statement in generated.statements:
        assert statement.total > 0 and statement.change != 0
        assert "beleidskrediet" in generated.text.split("\n")[statement.line - 1]


def test_deterministic_per_seed() -> None:
    first = [(g.name, g.text, g.facts) for g in fixed_set(6)]
    again = [(g.name, g.text, g.facts) for g in fixed_set(6)]
    assert first == again
    other = render_text(random_budget(1), "report", "BU", random_budget(1).years[1], random_style(random.Random(2)))
    assert other.text != first[0][1]


REQUIRED_VARIATIONS = {
    "blank_between_rows", "no_blank_rows", "page_mark=space", "page_mark=formfeed", "page_mark=none",
    "header=stuk", "header=stuk_page", "header=title", "page_numbers", "frame_labels=hyphenated",
    "frame_labels=hyphenated_after", "frame_labels=single", "page_break_in_table", "page_break_in_table_repeated",
    "footnotes", "footnote_gap", "ordinal=2e", "bajr=BA – JR", "frame_rows=total_only", "frame_rows=no_total",
    "indent", "blank_cells", "dash_cells", "split_row", "toc", "title_ends_in_number", "wrapped_field_heading",
    "domain_with_comma", "duplicate_article", "three_line_stage_label", "outcome_evolution",
    "credit_evolution=herverdelingen", "credit_evolution=bijstellingen", "label_after_numbers",
}  # fmt: skip


def test_the_fixed_set_holds_every_variation_and_layout() -> None:
    documents = fixed_set(36)
    seen = set().union(*(g.variations for g in documents))
    assert seen >= REQUIRED_VARIATIONS, REQUIRED_VARIATIONS - seen
    layouts = set().union(*(g.layouts for g in documents))
    assert {"summary", "evolution_grid", "ise_frame", "article_expenditure", "article_receipt", "apparatus",
            "credit_evolution", "slide_grid"} <= layouts  # fmt: skip
    assert {(g.kind, g.stage) for g in documents} >= {("report", "BO"), ("report", "BA"), ("report", "BU"),
                                                       ("slides", "BO")}  # fmt: skip


@pytest.mark.parametrize("stage", ["BO", "BA", "BU"])
def test_a_year_outside_the_budget_is_refused(stage: str) -> None:
    budget = random_budget(1)
    with pytest.raises(ValueError):
        render_text(budget, "report", stage, budget.years[-1] + 5, TextStyle())
