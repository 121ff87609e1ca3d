"""The long BBT report: sections, goals, articles, tables, footnotes and annexes.

The stage x credit tables and footnotes come from `scan`. Passes with explicit inputs and outputs
come first: `not_prose` (the lines no prose reader reads, and the tables in the prose) and
`find_headings` (headings.py), `build_sections` and `build_goals` (sections.py); then the reader
builds the articles, places the tables in their article or section as facts (`facts.py`) and links
the goals to their SD and ISE.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ..model import (
    Article,
    Document,
    Fact,
    GenericTable,
    Goal,
    Ise,
    Line,
    Program,
    ReaderWarning,
    SourceDocument,
)
from ..vocabulary import SETTINGS, VOCABULARY
from . import annexes
from .codes import HEADING as ARTICLE_HEADING
from .codes import code_from_match
from .facts import Known, split_caption, table_facts
from .generic import find_generic_tables, header_start
from .headings import find_headings
from .outline import Heading, Outline, Spans
from .scan import Scanned
from .sections import build_goals, build_sections, prose
from .tables import RawTable, header_items, is_caption, is_caption_start, is_unit_line
from .text import paragraphs, prose_text, title_case

V = VOCABULARY


class ReportReader:
    def __init__(self, source: SourceDocument, document: Document, scanned: Scanned):
        self.source = source
        self.doc = document
        self.lines: list[Line] = source.lines
        self.skip: set[int] = set()  # line indexes that are tables or footnotes, not prose
        self.raw_tables: list[tuple[int, RawTable]] = scanned.tables
        self.scanned = scanned
        self.footnote_lines = scanned.footnote_lines
        self.headings: list[Heading] = []
        # Line numbers rise through the document: an index is found by bisection, not kept in a
        # dict (a long document has hundreds of thousands of lines).
        self.numbers = [line.number for line in self.lines]
        self.generic: list[GenericTable] = []
        self.outline = Outline([], len(self.lines))

    # ------------------------------------------------------------------ passes

    def read(self) -> Document:
        self.doc.footnotes = self.scanned.footnotes
        self.skip, self.generic = not_prose(self.lines, self.numbers, self.scanned)
        self.headings = find_headings(self.lines, self.skip)
        self.outline = Outline(self.headings, len(self.lines))
        self.doc.sections += build_sections(self.lines, self.skip, self.headings)
        self.doc.goals += build_goals(self.headings)
        self._build_articles()
        self._place_tables()
        self._link_goals()
        self.doc.generic_tables += place_prose_tables(self.generic, self._article_spans(), self.outline, self.numbers)
        self.doc.abbreviations = annexes.abbreviations(self.lines, self._chapter_ranges("AFKORTINGEN"))
        self.doc.annex_items = annexes.annex_items(self.lines, self._annex_ranges())
        return self.doc

    # ------------------------------------------------------------------ goals

    def _prose(self, start: int, end: int) -> str:
        return prose(self.lines, self.skip, start, end)

    def _link_goals(self) -> None:
        """An OD serves the SD its ISE names (`SD 2` or the SD's title) and belongs to that ISE."""
        sds = [g for g in self.doc.goals if g.level == "sd"]
        frames = Spans([(self._line_index(t.line), self._line_index(t.line), t) for t in self.doc.tables
                        if t.layout == "ise_frame"])  # fmt: skip
        notes = Spans([(self._line_index(f.line), self._line_index(f.line), f) for f in self.doc.footnotes])
        for goal in self.doc.goals:
            if goal.level != "od":
                continue
            index = self._line_index(goal.line)
            ise_heading = self.outline.enclosing(index, "ise") or self.outline.enclosing(index, "policy_field")
            if ise_heading is None:
                continue
            in_section = frames.between(ise_heading.index, self.outline.next_index(ise_heading.index, 2))
            if in_section:
                goal.ises = [in_section[0].subject]
            cited = notes.between(ise_heading.index - 1, index + 1)
            intro = self._prose(ise_heading.index, index) + " " + " ".join(f.text for f in cited)
            goal.parent = _cited_sd(intro, sds) or goal.parent

    # ------------------------------------------------------------------ articles

    def _build_articles(self) -> None:
        ise_of_line = self._context_by_line()
        for position, heading in enumerate(self.headings):
            if heading.section.kind != "article":
                continue
            match = ARTICLE_HEADING.match(self.lines[heading.index].text)
            assert match is not None
            parts = code_from_match(match)
            end = self._article_end(position)
            article = Article(
                code=parts.code,
                parts=parts,
                name=heading.section.title,
                page=heading.section.page,
                line=heading.section.line,
                end_line=self.lines[end - 1].number,
            )
            printed = match.group("code").strip()
            if printed != parts.code:
                article.printed_code = printed
                self.doc.warnings.append(
                    ReaderWarning(f"article code {printed!r} read as {parts.code}", heading.section.page,
                            heading.section.line, "canonicalised_code")
                )  # fmt: skip
            context = ise_of_line.get(heading.index, {})
            article.ise = context.get("ise")
            article.policy_field = context.get("policy_field")
            article.entity = context.get("entity")
            self._read_article_text(article, heading.index + 1, end)
            heading.section.number = parts.code
            self.doc.articles.append(article)

    def _article_end(self, position: int) -> int:
        for heading in self.headings[position + 1 :]:
            if heading.level <= 8:
                return heading.index
        return len(self.lines)

    def _read_article_text(self, article: Article, start: int, end: int) -> None:
        part = None
        summary: list[Line] = []
        explanation: list[Line] = []
        for index in range(start, end):
            if index in self.skip:
                continue
            line = self.lines[index]
            text = line.text.strip()
            if V.summary_start.match(text):
                part = "summary"
                continue
            if V.explanation_start.match(text):
                part = "explanation"
                continue
            if V.execution_start.match(text):
                part = None
                continue
            if part == "summary":
                summary.append(line)
            elif part == "explanation":
                explanation.append(line)
        article.summary_paragraphs = paragraphs(summary)
        article.explanation_paragraphs = paragraphs(explanation)
        article.summary = prose_text(article.summary_paragraphs)
        article.explanation = prose_text(article.explanation_paragraphs)
        goals = [f"OD {int(n)}" for n in V.od_cited.findall(article.summary)]
        article.goals = list(dict.fromkeys(goals))

    def _context_by_line(self) -> dict[int, dict[str, str | None]]:
        """For each article heading: the policy field, ISE and entity headings it stands under."""
        context: dict[str, str | None] = {"policy_field": None, "ise": None, "entity": None}
        result: dict[int, dict[str, str | None]] = {}
        for heading in self.headings:
            section = heading.section
            if section.kind in {"chapter", "policy_field"}:
                field = _field_name(section.title) if section.kind == "policy_field" else None
                context = {"policy_field": field, "ise": None, "entity": None}
            elif section.kind == "ise":
                context = {**context, "ise": section.title, "entity": None}
            elif section.kind == "heading" and heading.level >= 4 and V.entity_heading.match(section.title):
                context = {**context, "entity": section.title}
            elif section.kind == "article":
                result[heading.index] = dict(context)
        return result

    # ------------------------------------------------------------------ tables

    def _place_tables(self) -> None:
        articles = self._article_spans()
        ise_frames: list[tuple[int, int]] = []  # (table index, line index)
        known: Known = {}
        for index, raw in self.raw_tables:
            title = self._title_before(index)
            article = articles.at(index)
            heading = self.outline.at(index)
            table = table_facts(self.doc, raw, title, article, heading.section.title if heading else "", known)
            if table is None:
                continue
            if table.layout == "ise_frame":
                ise_frames.append((table.index, index))
            if article is not None:
                article.tables.append(table.index)
        self._name_ises(ise_frames)
        self._collect_programs()

    def _article_spans(self) -> Spans[Article]:
        return Spans([(self._line_index(a.line), self._line_index(a.end_line), a) for a in self.doc.articles])

    def _line_index(self, number: int) -> int:
        return line_index(self.numbers, number)

    def _title_before(self, index: int) -> str:
        """The caption printed just above a table's unit line (`PROGRAMMA JD – WERK`); footnotes between are passed."""
        parts: list[str] = []
        blanks = 0
        for back in range(index - 1, max(index - SETTINGS.caption_lines_back, -1), -1):
            text = self.lines[back].text
            if _footnote_shaped(text):
                continue  # a note at the foot of a page (`24 Zie ook ...`) the note finder did not take
            if back in self.footnote_lines or self.lines[back].page != self.lines[back + 1].page:
                blanks = 0  # a page's foot (its notes, its empty lines) does not part a caption from its table
            if not text or back in self.footnote_lines:
                blanks += 0 if text else 1
                if parts and blanks > 2:
                    break
                continue
            if back in self.skip or V.numbered.match(text) or V.chapter.match(text) or V.goal.match(text):
                break
            if is_unit_line(text) or header_items(text):
                break  # the heading of another table, left without rows
            caption = is_caption(text)
            too_long = len(text) > SETTINGS.caption_max_length and not caption
            if too_long or (parts and text.endswith(".") and len(text) > 60 and not caption):
                break  # prose (a caption may end in `excl.`)
            parts.insert(0, text)
            blanks = 0
            if text.endswith(":") or len(parts) >= 3 or (caption and not self._caption_goes_on_above(back)):
                break  # a caption's first line (`PROGRAMMA GC – ZORG`): what stands above is not part of it
        return re.sub(r"\s+", " ", " ".join(parts)).strip()

    def _caption_goes_on_above(self, index: int) -> bool:
        """A caption line that is not a caption's start (`GEZIN, excl. DAB’s, excl.`) under one in capitals
        (`TOTAAL – WELZIJN, VOLKSGEZONDHEID EN`): the caption wrapped, its start is above."""
        if is_caption_start(self.lines[index].text) or index == 0:
            return False
        above, crossed = index - 1, False
        while above > 0 and (not self.lines[above].text or above in self.footnote_lines) and index - above < 8:
            crossed |= self.lines[above].page != self.lines[index].page
            above -= 1  # empty lines and notes at a page's foot: the caption may go on on the page before
        crossed |= self.lines[above].page != self.lines[index].page
        if above in self.skip or (above < index - 2 and not crossed):
            return False  # one empty line may part a caption's lines (a word processor's paragraphs), not more
        above_text = self.lines[above].text
        if not above_text or V.numbered.match(above_text) or V.chapter.match(above_text) or V.goal.match(above_text):
            return False
        if ARTICLE_HEADING.match(above_text):
            return False
        return is_caption_start(above_text) or above_text.split(",")[0].isupper()

    def _name_ises(self, frames: list[tuple[int, int]]) -> None:
        """An ISE's program is that of the articles under it: those after its frame, up to the next frame or ISE."""
        articles = Spans([(self._line_index(a.line), self._line_index(a.line), a) for a in self.doc.articles])
        frame_starts = sorted(line_index for _, line_index in frames)
        boundaries = Spans([(h.index, h.index, h) for h in self.headings
                            if h.section.kind in {"ise", "policy_field", "chapter"}])  # fmt: skip
        for table_index, line_index in frames:
            table = self.doc.tables[table_index]
            end = min(_first_after(frame_starts, line_index, len(self.lines)),
                      _first_after(boundaries.starts, line_index, len(self.lines)))  # fmt: skip
            members = articles.between(line_index, end) or self._articles_of_section(line_index, articles)
            program = _program_of(members)
            if not program:
                self.doc.warnings.append(
                    ReaderWarning(f"no articles under ISE {table.title!r}: program unknown", table.page, table.line,
                            "ise_without_articles")
                )  # fmt: skip
            table.subject = f"{program}:{table.subject}"
            table.facts = [_with_subject(f, table.subject) for f in table.facts]
            name = split_caption(V.ise_prefix.sub("", table.title))[0]
            heading = self.outline.enclosing(line_index, "policy_field", reset=1)
            field = _field_name(heading.section.title) if heading else ""
            if not any(i.key == table.subject for i in self.doc.ises):
                self.doc.ises.append(Ise(table.subject, name, program, field, table.perimeter, table.page, table.line))
            for article in members:
                article.ise = table.subject

    def _articles_of_section(self, index: int, articles: Spans[Article]) -> list[Article]:
        """A frame printed after its articles: the articles of the ISE section it closes."""
        heading = self.outline.enclosing(index, "ise")
        if heading is None:
            return []
        return articles.between(heading.index, self.outline.next_index(heading.index, heading.level))

    def _collect_programs(self) -> None:
        names: dict[str, tuple[str, int, int]] = {}
        for table in self.doc.tables:
            if table.scope == "program":
                name = re.split(r"\s[-–]\s", table.title)[-1].strip()
                names.setdefault(table.subject, (title_case(name), table.page, table.line))
        letter = self.doc.domain_letter
        codes = {a.parts.program for a in self.doc.articles if not letter or a.parts.program.startswith(letter)}
        for code in sorted(codes | set(names)):
            name, page, line = names.get(code, ("", 0, 0))
            self.doc.programs.append(Program(code, name, page, line))

    # ------------------------------------------------------------------ the rest

    def _chapter_ranges(self, word: str) -> list[tuple[int, int]]:
        ranges = []
        chapters = [h for h in self.headings if h.level == 1]
        for position, heading in enumerate(chapters):
            if word in heading.section.title.upper():
                end = chapters[position + 1].index if position + 1 < len(chapters) else len(self.lines)
                ranges.append((heading.index, end))
        return ranges

    def _annex_ranges(self) -> list[tuple[str, int, int]]:
        kinds = {
            "REGELGEVING": "decisions",
            "RESOLUTIES": "resolutions",
            "REKENHOF": "court_of_audit",
            "ARRESTEN": "rulings",
        }
        result = []
        for word, kind in kinds.items():
            for start, end in self._chapter_ranges(word):
                result.append((kind, start, end))
        return result


def _footnote_shaped(text: str) -> bool:
    """`24 Zie ook begroting: ...`: a number without a dot, then a sentence ending in a full stop."""
    match = V.numbered.match(text)
    return bool(match and "." not in match.group("num") and not match.group("dot") and text.endswith("."))


def _field_name(title: str) -> str:
    """`BELEIDSVELD WELZIJN EN GEZIN` -> `Welzijn en Gezin` (a title cut after the word gives "")."""
    return title_case(V.policy_field.sub("", title).strip())


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


def line_index(numbers: list[int], number: int) -> int:
    """The index of the line numbered `number` (0 if none): line numbers rise, so by bisection."""
    index = bisect_left(numbers, number)
    return index if index < len(numbers) and numbers[index] == number else 0


def _first_after(starts: list[int], index: int, default: int) -> int:
    position = bisect_right(starts, index)
    return starts[position] if position < len(starts) else default


def _program_of(articles: list[Article]) -> str:
    """The program most of the articles belong to (expenditure articles first: receipts may be booked elsewhere)."""
    spending = [a.parts.program for a in articles if not a.parts.is_receipt]
    programs = Counter(spending or [a.parts.program for a in articles])
    return programs.most_common(1)[0][0] if programs else ""


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _cited_sd(text: str, sds: list[Goal]) -> str | None:
    match = re.search(r"\bSD\s?(\d{1,2})\b", text)
    if match:
        return f"SD {int(match.group(1))}"
    flat = _key(text)
    for sd in sds:
        if _key(sd.title)[:40] and _key(sd.title)[:40] in flat:
            return sd.code
    return None


def _with_subject(fact: Fact, subject: str) -> Fact:
    from dataclasses import replace

    return replace(fact, subject=subject)


def parse_report(source: SourceDocument, document: Document, scanned: Scanned) -> Document:
    return ReportReader(source, document, scanned).read()
