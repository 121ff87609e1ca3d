"""Footnotes: numbered in one sequence through the document, printed at the foot of pages.

The sequence is what tells a footnote from a line that merely starts with a
number: only the next expected number is accepted, or one a little further on
(a footnote lost by the converter must not make all later ones unreadable).
"""

from __future__ import annotations

import re

from ..model import Footnote, Line
from ..vocabulary import SETTINGS, Vocabulary
from .codes import HEADING, find_codes
from .tables import is_caption, trailing_numbers
from .text import one_line

FOOTNOTE = re.compile(r"^\s?(?P<num>\d{1,3})\s+(?P<text>\S.*?)\s*$")
PAGE_CITE = re.compile(r"p\.\s?(\d{1,4})")


def _looks_like_footnote_text(text: str) -> bool:
    """A note starts a text of its own (`Zie ook …`, `Februari 2024.`); a prose line that wrapped before a
    number (`7 begrotingsartikelen. …`) goes on in lower case."""
    words = text.split()
    numeric = sum(1 for w in words if re.fullmatch(r"[-\d.,%]+", w))
    return bool(words) and numeric <= len(words) // 2 and not text[:1].islower() and not text.startswith("%")


def find_footnotes(lines: list[Line], vocab: Vocabulary) -> tuple[list[Footnote], set[int]]:
    notes: list[Footnote] = []
    used: set[int] = set()
    # Text that marks no pages (no page starts, numbers or running headers) leaves only the sequence to go by.
    pages_known = bool(lines) and lines[-1].page > 1
    expected = 1
    index = 0
    while index < len(lines):
        match = FOOTNOTE.match(lines[index].text)
        number = int(match.group("num")) if match else 0
        if (
            match
            and expected <= number <= expected + SETTINGS.footnote_gap
            and _looks_like_footnote_text(match.group("text"))
        ):
            note, consumed = _read_note(lines, index, match, vocab)
            # A footnote sits in the lower part of its page: the page ends soon after it, or it stands in a
            # run of notes numbered in sequence (a page end the text does not show comes after the run).
            in_run = index - 1 in used or _next_note_follows(lines, index + consumed, number)
            if not pages_known or in_run or _near_page_end(lines, index + consumed):
                notes.append(note)
                used.update(range(index, index + consumed))
                expected = number + 1
                index += consumed
                continue
        index += 1
    return notes, used


def _read_note(lines: list[Line], index: int, match: re.Match[str], vocab: Vocabulary) -> tuple[Footnote, int]:
    parts = [match.group("text")]
    consumed = 1
    page = lines[index].page
    while index + consumed < len(lines):
        nxt = lines[index + consumed]
        if nxt.page != page or not nxt.text or FOOTNOTE.match(nxt.text) or _opens_a_part(nxt.text, vocab):
            break
        if parts[-1].rstrip().endswith(".") and is_caption(nxt.text, vocab):
            break  # a note ends in a full stop; a table's caption opens the next page (unmarked pages)
        parts.append(nxt.text.strip())
        consumed += 1
    text = one_line(" ".join(parts))
    line = lines[index]
    return Footnote(int(match.group("num")), text, line.page, line.number, cites=_cites(text)), consumed


def _opens_a_part(text: str, vocab: Vocabulary) -> bool:
    """A heading or a table line (a label and numbers): the next page begins (where the text does not mark pages)."""
    return bool(
        HEADING.match(text) or vocab.chapter.match(text) or vocab.goal.match(text) or vocab.numbered.match(text)
        or vocab.is_content_line(text) or _is_table_row(text, vocab)
    )  # fmt: skip


def _is_table_row(text: str, vocab: Vocabulary) -> bool:
    label, numbers = trailing_numbers(text, vocab)
    return len(numbers) >= 2 or (bool(numbers) and not label)


def _cites(text: str) -> list[tuple[str, int | None]]:
    cites: list[tuple[str, int | None]] = []
    for code, _printed, start in find_codes(text):
        page = PAGE_CITE.search(text, start, start + 40)
        cites.append((code.code, int(page.group(1)) if page else None))
    return cites


def _next_note_follows(lines: list[Line], index: int, number: int) -> bool:
    match = FOOTNOTE.match(lines[index].text) if index < len(lines) else None
    return bool(match) and int(match.group("num")) == number + 1  # type: ignore[union-attr]


def _near_page_end(lines: list[Line], index: int) -> bool:
    """True when at most a few non-blank lines of the same page follow (other footnotes excepted)."""
    if index >= len(lines):
        return True
    page = lines[index - 1].page
    remaining = 0
    for line in lines[index : index + 40]:
        if line.page != page or re.fullmatch(r"\s*\d{1,4}\s*", line.text):
            return True  # the next page, or the page number printed at this page's foot
        if line.text.strip() and not FOOTNOTE.match(line.text):
            remaining += 1
    return remaining <= 12
