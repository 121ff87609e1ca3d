"""The report's section tree and goals, from its headings: a pass of the report reader with explicit
inputs (the lines, the indexes no prose reader reads, the headings in document order) and outputs."""

from __future__ import annotations

from ..model import Goal, Line, Paragraph, Section
from .outline import Heading
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
