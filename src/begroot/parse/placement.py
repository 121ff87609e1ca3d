"""Where the report's stage x credit tables belong: passes with explicit inputs and outputs.

`place_tables` gives each table its caption (printed above it), its article and its section, and makes its
facts (`facts.table_facts`, which adds the table to the document); `name_ises` gives each ISE frame its
program (that of the articles under it) and returns the ISEs; `collect_programs` returns the programs named
by the tables and the articles.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from ..model import Article, Document, Fact, Ise, Program, ReaderWarning
from ..vocabulary import SETTINGS, Vocabulary
from .articles import field_name
from .codes import HEADING as ARTICLE_HEADING
from .facts import Known, split_caption, table_facts
from .outline import Spans
from .report_lines import ReportLines
from .tables import RawTable, header_items, is_caption, is_caption_start, is_unit_line
from .text import one_line, title_case

Frame = tuple[int, int]  # an ISE frame: (its table's index, its unit line's index)


def place_tables(
    doc: Document, report: ReportLines, tables: list[tuple[int, RawTable]], vocab: Vocabulary
) -> list[Frame]:
    """Each scanned table described and its facts made, listed by the article it stands in; the ISE frames."""
    articles = report.article_spans(doc.articles)
    frames: list[Frame] = []
    known: Known = {}
    for index, raw in tables:
        title = _title_before(report, index, vocab)
        article = articles.at(index)
        heading = report.outline.at(index)
        table = table_facts(doc, raw, title, article, heading.section.title if heading else "", known, vocab)
        if table is None:
            continue
        if table.layout == "ise_frame":
            frames.append((table.index, index))
        if article is not None:
            article.tables.append(table.index)
    return frames


def _title_before(report: ReportLines, index: int, vocab: Vocabulary) -> str:
    """The caption printed just above a table's unit line (`PROGRAMMA JD – WERK`); footnotes between are passed."""
    lines = report.lines
    parts: list[str] = []
    blanks = 0
    for back in range(index - 1, max(index - SETTINGS.caption_lines_back, -1), -1):
        text = lines[back].text
        if _footnote_shaped(text, vocab):
            continue  # a note at the foot of a page (`24 Zie ook ...`) the note finder did not take
        if back in report.footnote_lines or lines[back].page != lines[back + 1].page:
            blanks = 0  # a page's foot (its notes, its empty lines) does not part a caption from its table
        if not text or back in report.footnote_lines:
            blanks += 0 if text else 1
            if parts and blanks > 2:
                break
            continue
        if back in report.skip or vocab.numbered.match(text) or vocab.chapter.match(text) or vocab.goal.match(text):
            break
        if is_unit_line(text, vocab) or header_items(text, vocab):
            break  # the heading of another table, left without rows
        caption = is_caption(text, vocab)
        too_long = len(text) > SETTINGS.caption_max_length and not caption
        if too_long or (parts and text.endswith(".") and len(text) > 60 and not caption):
            break  # prose (a caption may end in `excl.`)
        parts.insert(0, text)
        blanks = 0
        if text.endswith(":") or len(parts) >= 3 or (caption and not _caption_goes_on_above(report, back, vocab)):
            break  # a caption's first line (`PROGRAMMA GC – ZORG`): what stands above is not part of it
    return one_line(" ".join(parts))


def _caption_goes_on_above(report: ReportLines, index: int, vocab: Vocabulary) -> bool:
    """A caption line that is not a caption's start (`GEZIN, excl. DAB’s, excl.`) under one in capitals
    (`TOTAAL – WELZIJN, VOLKSGEZONDHEID EN`): the caption wrapped, its start is above."""
    lines = report.lines
    if is_caption_start(lines[index].text, vocab) or index == 0:
        return False
    above, crossed = index - 1, False
    while above > 0 and (not lines[above].text or above in report.footnote_lines) and index - above < 8:
        crossed |= lines[above].page != lines[index].page
        above -= 1  # empty lines and notes at a page's foot: the caption may go on on the page before
    crossed |= lines[above].page != lines[index].page
    if above in report.skip or (above < index - 2 and not crossed):
        return False  # one empty line may part a caption's lines (a word processor's paragraphs), not more
    above_text = lines[above].text
    if (
        not above_text
        or vocab.numbered.match(above_text)
        or vocab.chapter.match(above_text)
        or vocab.goal.match(above_text)
    ):
        return False
    if ARTICLE_HEADING.match(above_text):
        return False
    return is_caption_start(above_text, vocab) or above_text.split(",")[0].isupper()


def _footnote_shaped(text: str, vocab: Vocabulary) -> bool:
    """`24 Zie ook begroting: ...`: a number without a dot, then a sentence ending in a full stop."""
    match = vocab.numbered.match(text)
    return bool(match and "." not in match.group("num") and not match.group("dot") and text.endswith("."))


def name_ises(
    doc: Document, report: ReportLines, frames: list[Frame], vocab: Vocabulary
) -> tuple[list[Ise], list[ReaderWarning]]:
    """An ISE's program is that of the articles under it: those after its frame, up to the next frame or ISE.
    The frame's table and facts take the program in their subject, the articles the ISE; the ISEs not noted
    yet are returned, with a warning for each frame without articles."""
    articles = Spans([(report.index(a.line), report.index(a.line), a) for a in doc.articles])
    frame_starts = sorted(line_index for _, line_index in frames)
    boundaries = Spans([(h.index, h.index, h) for h in report.headings
                        if h.section.kind in {"ise", "policy_field", "chapter"}])  # fmt: skip
    ises: list[Ise] = []
    keys = {ise.key for ise in doc.ises}
    warnings: list[ReaderWarning] = []
    line_count = len(report.lines)
    for table_index, line_index in frames:
        table = doc.tables[table_index]
        end = min(_first_after(frame_starts, line_index, line_count),
                  _first_after(boundaries.starts, line_index, line_count))  # fmt: skip
        members = articles.between(line_index, end) or _articles_of_section(report, line_index, articles)
        program = _program_of(members)
        if not program:
            warnings.append(
                ReaderWarning(f"no articles under ISE {table.title!r}: program unknown", table.page, table.line,
                        "ise_without_articles")
            )  # fmt: skip
        table.subject = f"{program}:{table.subject}"
        table.facts = [_with_subject(f, table.subject) for f in table.facts]
        name = split_caption(vocab.ise_prefix.sub("", table.title), vocab)[0]
        heading = report.outline.enclosing(line_index, "policy_field", reset=1)
        field = field_name(heading.section.title, vocab) if heading else ""
        if table.subject not in keys:
            keys.add(table.subject)
            ises.append(Ise(table.subject, name, program, field, table.perimeter, table.page, table.line))
        for article in members:
            article.ise = table.subject
    return ises, warnings


def _articles_of_section(report: ReportLines, index: int, articles: Spans[Article]) -> list[Article]:
    """A frame printed after its articles: the articles of the ISE section it closes."""
    heading = report.outline.enclosing(index, "ise")
    if heading is None:
        return []
    return articles.between(heading.index, report.outline.next_index(heading.index, heading.level))


def collect_programs(doc: Document, vocab: Vocabulary) -> list[Program]:
    """The programs of the document's articles (of its own domain) and of its program tables, by code."""
    names: dict[str, tuple[str, int, int]] = {}
    for table in doc.tables:
        if table.scope == "program":
            name = re.split(r"\s[-–]\s", table.title)[-1].strip()
            names.setdefault(table.subject, (title_case(name, vocab), table.page, table.line))
    letter = doc.domain_letter
    codes = {a.parts.program for a in doc.articles if not letter or a.parts.program.startswith(letter)}
    programs = []
    for code in sorted(codes | set(names)):
        name, page, line = names.get(code, ("", 0, 0))
        programs.append(Program(code, name, page, line))
    return programs


def _first_after(starts: list[int], index: int, default: int) -> int:
    position = bisect_right(starts, index)
    return starts[position] if position < len(starts) else default


def _program_of(articles: list[Article]) -> str:
    """The program most of the articles belong to (expenditure articles first: receipts may be booked elsewhere)."""
    spending = [a.parts.program for a in articles if not a.parts.is_receipt]
    programs = Counter(spending or [a.parts.program for a in articles])
    return programs.most_common(1)[0][0] if programs else ""


def _with_subject(fact: Fact, subject: str) -> Fact:
    return replace(fact, subject=subject)
