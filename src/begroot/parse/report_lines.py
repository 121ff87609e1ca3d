"""What the report reader's passes after the headings read and none changes: `ReportLines`."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..model import Article, Line
from .outline import Heading, Outline, Spans


@dataclass(frozen=True)
class ReportLines:
    lines: list[Line]
    numbers: list[int]  # each line's number, rising: an index is found by bisection
    skip: set[int]  # indexes of the lines no prose reader reads (tables, footnotes)
    footnote_lines: set[int]
    headings: list[Heading]
    outline: Outline

    def index(self, number: int) -> int:
        return line_index(self.numbers, number)

    def article_spans(self, articles: list[Article]) -> Spans[Article]:
        """Each article from its heading to its last line."""
        return Spans([(self.index(a.line), self.index(a.end_line), a) for a in articles])


def line_index(numbers: list[int], number: int) -> int:
    """The index of the line numbered `number` (0 if none): line numbers rise, so by bisection."""
    index = bisect_left(numbers, number)
    return index if index < len(numbers) and numbers[index] == number else 0
