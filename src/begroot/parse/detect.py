"""Tell from the content alone what a document is: report or slides, stage, year, domain."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from ..errors import NotABudgetDocument
from ..model import Line, Page, SourceDocument
from ..vocabulary import Vocabulary
from .codes import HEADING as ARTICLE_HEADING
from .codes import find_codes
from .facts import split_caption
from .tables import RawTable, is_unit_line, stage_of_label
from .text import title_case


@dataclass
class DocInfo:
    kind: str
    stage: str
    year: int
    domain: str
    domain_letter: str


def _refuse_cells_one_per_line(source: SourceDocument, vocab: Vocabulary) -> None:
    if _cells_one_per_line(source.lines, vocab):
        raise NotABudgetDocument(source.path, "its tables come one cell per line (text converted or copied without "
                                 "layout): give begroot the PDF, or convert it with `pdftotext -layout`")  # fmt: skip


def _cells_one_per_line(lines: list[Line], vocab: Vocabulary) -> bool:
    """Most unit lines are followed by lines of one cell each (a credit, a stage word, a number): the text of a
    table written cell by cell, column by column (`pdftotext` without `-layout`, copy and paste)."""
    units = [i for i, line in enumerate(lines) if is_unit_line(line.text, vocab)]
    one_per_line = 0
    for index in units:
        after = [line.text for line in lines[index + 1 : index + 40] if line.text][:12]
        single = [t for t in after if len(t.split()) == 1 or (vocab.is_header_word(t.split()[0]) and
                                                               stage_of_label(t, vocab))]  # fmt: skip
        one_per_line += len(after) >= 8 and len(single) >= 0.75 * len(after)
    return bool(units) and one_per_line * 2 >= len(units)


def final_stage(table: RawTable, vocab: Vocabulary) -> tuple[str, int | None] | None:
    """The stage a table leads to: its last stage column, or its last stage row."""
    if table.stage_rows:
        for row in reversed(table.rows):
            stage = stage_of_label(row.label, vocab)
            if stage:
                return stage[0], stage[1] or table.header_year
        return None
    stages = [(c.stage, c.year) for c in table.columns if c.stage and c.stage != "DELTA"]
    return stages[-1] if stages else None


def find_domain(lines: list[Line], vocab: Vocabulary) -> str:
    """The policy domain, from the first line that names it (a domain total's caption first), else the title."""
    title = " ".join(itertools.takewhile(bool, (line.text for line in lines)))  # the first paragraph
    for pattern, needle in vocab.domain_lines:
        for text in itertools.chain((line.text for line in lines), [title]):
            if needle in text.lower() and (match := pattern.search(split_caption(text, vocab)[0])):
                return title_case(match.group("domain"), vocab)
    return ""


def _markers(pages: list[Page], vocab: Vocabulary) -> tuple[int, int]:
    """How often report words and slide words occur, counted a page at a time (a long document is
    never made one string; the markers stand within a line, so joining a page's lines adds none)."""
    report = slide = 0
    for page in pages:
        text = "\n".join(line.text for line in page.lines).lower()
        report += sum(text.count(marker) for marker in vocab.report_markers)
        slide += sum(text.count(marker) for marker in vocab.slide_markers)
    return report, slide


def _kind_by_markers(pages: list[Page], vocab: Vocabulary) -> str:
    report_marks, slide_marks = _markers(pages, vocab)
    return "slides" if slide_marks > report_marks else "report"


def detect(source: SourceDocument, tables: list[tuple[int, RawTable]], vocab: Vocabulary) -> DocInfo:
    """What the document is, from its lines and its stage x credit tables (`scan`); a file that is no BBT
    is refused here."""
    lines = source.lines
    heading_codes = [m.group("entity") for line in lines if (m := ARTICLE_HEADING.match(line.text))]
    headings = len(heading_codes)
    if not tables and headings == 0:
        _refuse_cells_one_per_line(source, vocab)
        raise NotABudgetDocument(source.path, "not a BBT: no budget tables (duizend euro) and no budget articles found")
    kind = "report" if headings else _kind_by_markers(source.pages, vocab)  # a deck has no article headings
    stages = Counter(s for s in (final_stage(t, vocab) for _, t in tables) if s and s[1])
    if not stages:
        _refuse_cells_one_per_line(source, vocab)
        raise NotABudgetDocument(source.path, "not a BBT: no table says which budget stage and year it holds")
    (stage, year), _ = stages.most_common(1)[0]
    # The domain's letter: that of its own articles' entities (the prose cites other domains' codes too).
    entities = Counter(entity[0] for entity in heading_codes) or Counter(
        code.entity[0] for line in lines for code, _, _ in find_codes(line.text)
    )
    letter = entities.most_common(1)[0][0] if entities else ""
    return DocInfo(kind, stage, int(year or 0), find_domain(lines, vocab), letter)
