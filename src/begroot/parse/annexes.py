"""The list of abbreviations and the annexes (decisions, resolutions, Court of Audit, rulings)."""

from __future__ import annotations

import re

from ..model import Abbreviation, AnnexItem, Line

ABBREVIATION = re.compile(r"^\s?(?P<short>[^\s:][^:]{0,24}?):\s+(?P<meaning>\S.*?)\s*$")
MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d{2})\b", re.IGNORECASE)
DECISION_START = re.compile(
    r"^(Decreet|Besluit|Ministerieel besluit|Omzendbrief|Wet|Koninklijk besluit|Samenwerkingsakkoord|Protocol)\b"
)
RESOLUTION_START = re.compile(r"^(Voorstel van resolutie|Resolutie|Motie)\b", re.IGNORECASE)
DOC_NUMBER = re.compile(r"^(?P<number>\d+\s*\(\d{4}-\d{4}\))\s*(?:NR|nr)\.?\s*\d+")
ADOPTED = re.compile(r"(?i)^aangenomen\b.*")
RECOMMENDATION_START = re.compile(r"^(Aanbeveling\s*\d*)\s*[:.]?\s*(.*)$")
RULING_START = re.compile(r"(?i)^(arrest|uitspraak)\b")
SUBHEADING = re.compile(r"^\s?\d{1,2}\.\s+(?P<title>[A-Z].{0,80})$")


def iso_date(text: str) -> str | None:
    match = DATE.search(text)
    if not match:
        return None
    day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
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


def annex_items(lines: list[Line], ranges: list[tuple[str, int, int]]) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    for annex, start, end in ranges:
        paragraphs = _paragraphs(lines, start + 1, end)
        reader = {
            "decisions": _decisions,
            "resolutions": _resolutions,
            "court_of_audit": _recommendations,
            "rulings": _rulings,
        }[annex]
        items.extend(reader(annex, paragraphs))
    return items


def _join(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _decisions(annex: str, paragraphs: list[tuple[Line, list[str]]]) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    group = ""
    for first, parts in paragraphs:
        text = _join(parts)
        heading = SUBHEADING.match(parts[0]) if len(parts) == 1 else None
        if heading:
            group = heading.group("title").strip()
            continue
        start = DECISION_START.match(text)
        if start:
            items.append(AnnexItem(annex, start.group(1).lower(), text, first.page, first.number, iso_date(text),
                                   group=group))  # fmt: skip
        elif items and text[:1].islower():
            items[-1].title = f"{items[-1].title} {text}"  # an item broken by a page break
    return items


def _resolutions(annex: str, paragraphs: list[tuple[Line, list[str]]]) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    for first, parts in paragraphs:
        if RESOLUTION_START.match(parts[0]):
            title, number, adopted = [], None, None
            for part in parts:
                doc_number = DOC_NUMBER.match(part)
                if doc_number:
                    number = doc_number.group("number")
                elif ADOPTED.match(part):
                    adopted = iso_date(part)
                elif number is None:
                    title.append(part)
            items.append(AnnexItem(annex, "resolutie", _join(title), first.page, first.number, adopted, number,
                                   adopted))  # fmt: skip
        elif items:
            joined = _join(parts)
            items[-1].follow_up = f"{items[-1].follow_up}\n\n{joined}".strip()
    return items


def _recommendations(annex: str, paragraphs: list[tuple[Line, list[str]]]) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    for first, parts in paragraphs:
        text = _join(parts)
        start = RECOMMENDATION_START.match(text)
        if start and start.group(1).startswith("Aanbeveling"):
            items.append(AnnexItem(annex, "aanbeveling", start.group(2).strip(), first.page, first.number,
                                   number=start.group(1)))  # fmt: skip
        elif items:
            if re.match(r"^ISE\b", text) and not items[-1].follow_up:
                items[-1].group = f"{items[-1].group}; {text}".strip("; ")
            else:
                items[-1].follow_up = f"{items[-1].follow_up}\n\n{text}".strip()
    return items


def _rulings(annex: str, paragraphs: list[tuple[Line, list[str]]]) -> list[AnnexItem]:
    items: list[AnnexItem] = []
    for first, parts in paragraphs:
        text = _join(parts)
        if RULING_START.match(text):
            items.append(AnnexItem(annex, "arrest", text, first.page, first.number, iso_date(text)))
        elif items:
            items[-1].follow_up = f"{items[-1].follow_up}\n\n{text}".strip()
    return items
