"""Tables in the prose that are not stage x credit (breakdowns by measure, by quarter...).

A block of at least two lines that each carry several numbers; the short
lines just above it are its header.
"""

from __future__ import annotations

import re

from ..model import GenericTable, Line
from .numbers import parse_decimal

NUMBER_WORD = re.compile(r"^[-−]?\d{1,3}(?:\.\d{3})*(?:,\d+)?%?$|^[-−]?\d+(?:,\d+)?%?$")
MAX_GAP = 3


def _numbers(text: str) -> list[str]:
    return [w for w in text.split() if NUMBER_WORD.match(w)]


TWO_NUMBERS = re.compile(r"\d\S*\s+\S*\d")


def _is_number_line(text: str) -> bool:
    if not TWO_NUMBERS.search(text):  # cheap rejection of prose lines
        return False
    words = text.split()
    numbers = _numbers(text)
    return len(numbers) >= 2 and len(numbers) * 2 >= len(words) and len(text.strip()) < 140


def find_generic_tables(lines: list[Line], skip: set[int]) -> list[GenericTable]:
    tables: list[GenericTable] = []
    index = 0
    while index < len(lines):
        if index in skip or not _is_number_line(lines[index].text):
            index += 1
            continue
        block = _block(lines, index, skip)
        if len(block) >= 2:
            tables.append(_table(lines, index, block, skip))
            index = block[-1] + 1
        else:
            index += 1
    return tables


def _block(lines: list[Line], start: int, skip: set[int]) -> list[int]:
    block = [start]
    index = start + 1
    gap = 0
    while index < len(lines) and index not in skip:
        text = lines[index].text.strip()
        if _is_number_line(text):
            block.append(index)
            gap = 0
        elif text and (len(text) > 50 or text.endswith(".")):
            break
        elif text:
            gap += 1
            if gap > MAX_GAP:
                break
        index += 1
    return block


def _table(lines: list[Line], start: int, block: list[int], skip: set[int]) -> GenericTable:
    header = [lines[i].text for i in _header_indexes(lines, start, skip)]
    rows: list[list[str]] = []
    numbers: list[list[float | None]] = []
    pending_label = ""
    for index in range(start, block[-1] + 1):
        text = lines[index].text.strip()
        if not text:
            continue
        if index not in block:
            pending_label = f"{pending_label} {text}".strip()
            continue
        words = text.split()
        cut = len(words)
        while cut and NUMBER_WORD.match(words[cut - 1]):
            cut -= 1
        label = " ".join(words[:cut]) or pending_label
        pending_label = ""
        cells = words[cut:]
        rows.append([label, *cells])
        numbers.append([parse_decimal(c) for c in cells])
    line = lines[start]
    return GenericTable(0, line.page, line.number, header, rows, numbers, end_line=lines[block[-1]].number)


def header_start(lines: list[Line], start: int, skip: set[int]) -> int:
    """Index of the first header line above the rows starting at `start` (or `start` itself)."""
    indexes = _header_indexes(lines, start, skip)
    return indexes[0] if indexes else start


def _header_indexes(lines: list[Line], start: int, skip: set[int]) -> list[int]:
    """The short lines just above the rows; never a line another reader has taken (a budget table above)."""
    header: list[int] = []
    blanks = 0
    for back in range(start - 1, max(start - 20, -1), -1):
        if back in skip:
            break
        text = lines[back].text.strip()
        if not text:
            blanks += 1
            if blanks > 2:
                break
            continue
        if len(text) > 60 or text.endswith((".", ":")):
            break
        header.insert(0, back)
        blanks = 0
    return header
