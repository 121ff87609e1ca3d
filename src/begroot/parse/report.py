"""The long BBT report: sections, goals, articles, tables, footnotes and annexes, read in passes.

The stage x credit tables and footnotes come from `scan`. Each pass takes what it reads and returns what it
makes: `not_prose` (the lines no prose reader reads, and the tables in the prose), `find_headings`
(headings.py), `build_sections` and `build_goals` (sections.py), `read_articles` (articles.py),
`place_tables`, `name_ises` and `collect_programs` (placement.py), `link_goals` (sections.py),
`place_prose_tables` and the annexes (annexes.py). What every pass after the headings reads and none changes
is `ReportLines`.
"""

from __future__ import annotations

from ..model import Article, Document, GenericTable, Line, SourceDocument
from ..vocabulary import Vocabulary
from . import annexes
from .articles import read_articles
from .generic import find_generic_tables, header_start
from .headings import find_headings
from .outline import Outline, Spans
from .placement import collect_programs, name_ises, place_tables
from .report_lines import ReportLines, line_index
from .scan import Scanned
from .sections import build_goals, build_sections, link_goals


def parse_report(source: SourceDocument, document: Document, scanned: Scanned, vocab: Vocabulary) -> Document:
    lines = source.lines
    # Line numbers rise through the document: an index is found by bisection, not kept in a dict (a long
    # document has hundreds of thousands of lines).
    numbers = [line.number for line in lines]
    skip, prose_tables = not_prose(lines, numbers, scanned)
    headings = find_headings(lines, skip, vocab)
    report = ReportLines(lines, numbers, skip, scanned.footnote_lines, headings, Outline(headings, len(lines)))
    document.footnotes = scanned.footnotes
    document.sections += build_sections(lines, skip, headings)
    document.goals += build_goals(headings)
    articles, warnings = read_articles(report, vocab)
    document.articles += articles
    document.warnings += warnings
    frames = place_tables(document, report, scanned.tables, vocab)
    ises, warnings = name_ises(document, report, frames, vocab)
    document.ises += ises
    document.warnings += warnings
    document.programs += collect_programs(document, vocab)
    link_goals(document.goals, document.tables, document.footnotes, report, vocab)
    article_spans = report.article_spans(document.articles)
    document.generic_tables += place_prose_tables(prose_tables, article_spans, report.outline, numbers)
    document.abbreviations = annexes.abbreviations(lines, chapter_ranges(report, vocab.abbreviations_chapter))
    document.annex_items = annexes.annex_items(lines, annex_ranges(report, vocab), vocab)
    return document


def not_prose(lines: list[Line], numbers: list[int], scanned: Scanned) -> tuple[set[int], list[GenericTable]]:
    """The first pass: the indexes of the lines no prose reader reads (footnotes, the stage x credit tables
    `scan` read, the tables in the prose with their headers) and those prose tables."""
    skip = set(scanned.footnote_lines)
    for index, table in scanned.tables:
        skip.update(range(index, table.end + 1))
    prose_tables = find_generic_tables(lines, skip)
    for prose_table in prose_tables:
        start = header_start(lines, line_index(numbers, prose_table.line), skip)
        skip.update(range(start, line_index(numbers, prose_table.end_line) + 1))
    return skip, prose_tables


def place_prose_tables(
    tables: list[GenericTable], articles: Spans[Article], outline: Outline, numbers: list[int]
) -> list[GenericTable]:
    """The prose tables numbered in document order, each in its section and its article (which lists it)."""
    for position, table in enumerate(tables):
        table.index = position
        index = line_index(numbers, table.line)
        article = articles.at(index)
        if article is not None:
            table.article = article.code
            article.generic_tables.append(table.index)
        heading = outline.at(index)
        table.section = heading.section.id if heading else ""
    return tables


def chapter_ranges(report: ReportLines, word: str) -> list[tuple[int, int]]:
    """The line ranges of the chapters whose title holds `word` (upper case)."""
    ranges = []
    chapters = [h for h in report.headings if h.level == 1]
    for position, heading in enumerate(chapters):
        if word in heading.section.title.upper():
            end = chapters[position + 1].index if position + 1 < len(chapters) else len(report.lines)
            ranges.append((heading.index, end))
    return ranges


def annex_ranges(report: ReportLines, vocab: Vocabulary) -> list[tuple[str, int, int]]:
    """Each annex chapter (`vocab.annex_chapters`: a word of its title and the kind of its items) and its lines."""
    return [(kind, start, end) for word, kind in vocab.annex_chapters for start, end in chapter_ranges(report, word)]
