"""The list of abbreviations and the annexes (decisions, resolutions, Court of Audit, rulings)."""

from __future__ import annotations

import re

from ..model import Abbreviation, AnnexItem, Line
from ..vocabulary import Vocabulary
from .text import one_line

ABBREVIATION = re.compile(r"^\s?(?P<short>[^\s:][^:]{0,24}?):\s+(?P<meaning>\S.*?)\s*$")
SUBHEADING = re.compile(r"^\s?\d{1,2}\.\s+(?P<title>[A-Z].{0,80})$")


def iso_date(text: str, vocab: Vocabulary) -> str | None:
    match = vocab.date.search(text)
    if not match:
        return None
    day, month, year = int(match.group(1)), vocab.months[match.group(2).lower()], int(match.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}"


def abbreviations(lines: list[Line], ranges: list[tuple[int, int]]) -> list[Abbreviation]:
    result: list[Abbreviation] = []
    for start, end in ranges:
        for index in range(start + 1, end):
            line = lines[index]
            match = ABBREVIATION.match(line.text)
            if match:
                result.append(Abbreviation(match.group("short").strip(), match.group("meaning"), line.page,
                                           line.number))  # fmt: skip
            elif result and line.text.strip() and result[-1].line >= lines[index - 1].number - 1:
                result[-1].meaning = f"{result[-1].meaning} {line.text.strip()}"
    return result


def _paragraphs(lines: list[Line], start: int, end: int) -> list[tuple[Line, list[str]]]:
    """Blank-line separated paragraphs, each with its first line."""
    paragraphs: list[tuple[Line, list[str]]] = []
    current: list[str] = []
    first: Line | None = None
    for index in range(start, end):
        text = lines[index].text.strip()
        if not text:
            if current and first is not None:
                paragraphs.append((first, current))
            current, first = [], None
            continue
        if first is None:
            first = lines[index]
        current.append(text)
    if current and first is not None:
        paragraphs.append((first, current))
    return paragraphs


def annex_items(lines: list[Line], ranges: list[tuple[str, int, int]], vocab: Vocabulary) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    for annex, start, end in ranges:
        paragraphs = _paragraphs(lines, start + 1, end)
        reader = {
            "decisions": _decisions,
            "resolutions": _resolutions,
            "court_of_audit": _recommendations,
            "rulings": _rulings,
        }[annex]
        items.extend(reader(annex, paragraphs, vocab))
    return items


def _join(parts: list[str]) -> str:
    return one_line(" ".join(parts))


def _decisions(annex: str, paragraphs: list[tuple[Line, list[str]]], vocab: Vocabulary) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    group = ""
    for first, parts in paragraphs:
        text = _join(parts)
        heading = SUBHEADING.match(parts[0]) if len(parts) == 1 else None
        if heading:
            group = heading.group("title").strip()
            continue
        start = vocab.decision_start.match(text)
        if start:
            items.append(AnnexItem(annex, start.group(1).lower(), text, first.page, first.number, iso_date(text, vocab),
                                   group=group))  # fmt: skip
        elif items and text[:1].islower():
            items[-1].title = f"{items[-1].title} {text}"  # an item broken by a page break
    return items


def _resolutions(annex: str, paragraphs: list[tuple[Line, list[str]]], vocab: Vocabulary) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    for first, parts in paragraphs:
        if vocab.resolution_start.match(parts[0]):
            title, number, adopted = [], None, None
            for part in parts:
                doc_number = vocab.parliament_number.match(part)
                if doc_number:
                    number = doc_number.group("number")
                elif vocab.adopted.match(part):
                    adopted = iso_date(part, vocab)
                elif number is None:
                    title.append(part)
            items.append(AnnexItem(annex, vocab.resolution_kind, _join(title), first.page, first.number, adopted, number,
                                   adopted))  # fmt: skip
        elif items:
            joined = _join(parts)
            items[-1].follow_up = f"{items[-1].follow_up}\n\n{joined}".strip()
    return items


def _recommendations(annex: str, paragraphs: list[tuple[Line, list[str]]], vocab: Vocabulary) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    for first, parts in paragraphs:
        text = _join(parts)
        start = vocab.recommendation_start.match(text)
        if start and start.group(1).startswith(vocab.recommendation_word):
            items.append(AnnexItem(annex, vocab.recommendation_kind, start.group(2).strip(), first.page, first.number,
                                   number=start.group(1)))  # fmt: skip
        elif items:
            if vocab.recommendation_group.match(text) and not items[-1].follow_up:
                items[-1].group = f"{items[-1].group}; {text}".strip("; ")
            else:
                items[-1].follow_up = f"{items[-1].follow_up}\n\n{text}".strip()
    return items


def _rulings(annex: str, paragraphs: list[tuple[Line, list[str]]], vocab: Vocabulary) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    for first, parts in paragraphs:
        text = _join(parts)
        if vocab.ruling_start.match(text):
            items.append(AnnexItem(annex, vocab.ruling_kind, text, first.page, first.number, iso_date(text, vocab)))
        elif items:
            items[-1].follow_up = f"{items[-1].follow_up}\n\n{text}".strip()
    return items
