"""The report's section tree and goals, from its headings: passes of the report reader with explicit
inputs (the lines, the indexes no prose reader reads, the headings in document order) and outputs; and the
goals linked to their SD and ISE once the tables are read (`link_goals`)."""

from __future__ import annotations

import re

from ..model import Footnote, Goal, Line, Paragraph, Section, Table
from ..vocabulary import Vocabulary
from .outline import Heading, Spans
from .report_lines import ReportLines
from .text import join_prose, paragraphs, prose_text


def build_sections(lines: list[Line], skip: set[int], headings: list[Heading]) -> list[Section]:
    """Each heading's section (filled in: id, parent, last line, prose) in document order."""
    stack: list[Heading] = []
    for number, heading in enumerate(headings, start=1):
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        heading.section.id = f"s{number}"
        heading.section.parent = stack[-1].section.id if stack else None
        stack.append(heading)
    sections = []
    for position, heading in enumerate(headings):
        end = headings[position + 1].index if position + 1 < len(headings) else len(lines)
        heading.section.end_line = lines[end - 1].number
        if heading.section.kind == "article":  # an article's prose is kept, with its lines, on the Article
            heading.section.text = prose(lines, skip, heading.index + 1, end)
        else:
            heading.section.paragraphs = prose_paragraphs(lines, skip, heading.index + 1, end)
            heading.section.text = prose_text(heading.section.paragraphs)
        sections.append(heading.section)
    return sections


def prose_paragraphs(lines: list[Line], skip: set[int], start: int, end: int) -> list[Paragraph]:
    return paragraphs([lines[i] for i in range(start, end) if i not in skip])


def prose(lines: list[Line], skip: set[int], start: int, end: int) -> str:
    return join_prose([lines[i].text for i in range(start, end) if i not in skip])


def build_goals(headings: list[Heading]) -> list[Goal]:
    """The SDs and ODs, each once (the first heading of a code), an OD under the SD before it, with its themes."""
    goals = []
    current_sd: str | None = None
    seen: set[str] = set()
    for position, heading in enumerate(headings):
        section = heading.section
        if section.kind not in {"sd", "od"}:
            continue
        code = section.number
        if code in seen:
            continue
        seen.add(code)
        number = int(code.split()[1])
        goal = Goal(code, section.kind, number, section.title, section.page, section.line)
        if section.kind == "sd":
            current_sd = code
        else:
            goal.parent = current_sd
            goal.themes = _themes_after(headings, position)
        goals.append(goal)
    return goals


def _themes_after(headings: list[Heading], position: int) -> list[str]:
    themes = []
    for heading in headings[position + 1 :]:
        if heading.level <= 8:
            break
        if heading.section.kind == "theme":
            themes.append(heading.section.title)
    return themes


def link_goals(
    goals: list[Goal], tables: list[Table], footnotes: list[Footnote], report: ReportLines, vocab: Vocabulary
) -> None:
    """An OD serves the SD its ISE names (`SD 2` or the SD's title, in the ISE's prose or the notes cited
    there) and belongs to that ISE (the frame under its heading): each OD's `parent` and `ises` filled in."""
    sds = [g for g in goals if g.level == "sd"]
    frames = Spans([(report.index(t.line), report.index(t.line), t) for t in tables if t.layout == "ise_frame"])
    notes = Spans([(report.index(f.line), report.index(f.line), f) for f in footnotes])
    outline = report.outline
    for goal in goals:
        if goal.level != "od":
            continue
        index = report.index(goal.line)
        ise_heading = outline.enclosing(index, "ise") or outline.enclosing(index, "policy_field")
        if ise_heading is None:
            continue
        in_section = frames.between(ise_heading.index, outline.next_index(ise_heading.index, 2))
        if in_section:
            goal.ises = [in_section[0].subject]
        cited = notes.between(ise_heading.index - 1, index + 1)
        intro = prose(report.lines, report.skip, ise_heading.index, index) + " " + " ".join(f.text for f in cited)
        goal.parent = _cited_sd(intro, sds, vocab) or goal.parent


def _cited_sd(text: str, sds: list[Goal], vocab: Vocabulary) -> str | None:
    match = vocab.sd_cited.search(text)
    if match:
        return f"SD {int(match.group(1))}"
    flat = _key(text)
    for sd in sds:
        title = _key(sd.title)[:40]
        if title and title in flat:
            return sd.code
    return None


NOT_A_LETTER = re.compile(r"[^a-z]+")  # runs, not one character at a time: an ISE's prose can be long


def _key(text: str) -> str:
    return NOT_A_LETTER.sub("", text.lower())
