"""Where a line stands in the document's outline: lookups by bisection, so no reader scans from the start.

Built once from the headings (each with its line index, level and section);
every question a reader asks about a line (the section it is in, the next
heading of a given level, the enclosing ISE or policy field) costs O(log n).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..model import Section

LEVELS = range(1, 10)
T = TypeVar("T")


@dataclass
class Heading:
    index: int  # index in the flat line list
    level: int
    section: Section


class Outline:
    def __init__(self, headings: list[Heading], line_count: int):
        self.headings = list(headings)  # a copy: the reader adds headings (themes) while it asks this outline
        self.line_count = line_count
        self.starts = [h.index for h in headings]
        self._next = {level: self._next_at_level(level) for level in LEVELS}
        self._enclosing = {
            (kind, reset): self._enclosing_of(kind, reset) for kind in ("ise", "policy_field") for reset in (1, 2)
        }

    def _next_at_level(self, level: int) -> list[int]:
        """For each heading position p: the position of the first heading after p at `level` or above."""
        result = [len(self.headings)] * (len(self.headings) + 1)
        following = len(self.headings)
        for position in range(len(self.headings) - 1, -1, -1):
            result[position] = following
            if self.headings[position].level <= level:
                following = position
        result[len(self.headings)] = len(self.headings)
        return result

    def _enclosing_of(self, kind: str, reset: int) -> list[Heading | None]:
        """The heading of `kind` each heading stands under; a heading of another kind at level `reset` ends it."""
        found: Heading | None = None
        result: list[Heading | None] = []
        for heading in self.headings:
            if heading.section.kind == kind:
                found = heading
            elif heading.level <= reset:
                found = None
            result.append(found)
        return result

    def at(self, index: int) -> Heading | None:
        """The last heading at or before line `index`."""
        position = bisect_right(self.starts, index) - 1
        return self.headings[position] if position >= 0 else None

    def next_index(self, after: int, max_level: int) -> int:
        """Line index of the first heading after line `after` whose level is `max_level` or above."""
        position = bisect_right(self.starts, after)
        if position < len(self.headings) and self.headings[position].level > max_level:
            position = self._next[min(max(max_level, 1), 9)][position]
        return self.starts[position] if position < len(self.headings) else self.line_count

    def enclosing(self, index: int, kind: str, reset: int = 2) -> Heading | None:
        """The `ise` or `policy_field` heading line `index` stands under (ended by another heading at `reset`)."""
        position = bisect_right(self.starts, index) - 1
        return self._enclosing[kind, reset][position] if position >= 0 else None


class Spans(Generic[T]):
    """Items that each cover a range of line indexes (start exclusive, end inclusive), sorted by start."""

    def __init__(self, spans: list[tuple[int, int, T]]):
        self.spans = sorted(spans, key=lambda span: span[0])
        self.starts = [span[0] for span in self.spans]

    def at(self, index: int) -> T | None:
        position = bisect_left(self.starts, index) - 1
        if position >= 0 and self.spans[position][0] < index <= self.spans[position][1]:
            return self.spans[position][2]
        return None

    def between(self, start: int, end: int) -> list[T]:
        """Items whose span starts after `start` and before `end`."""
        return [span[2] for span in self.spans[bisect_right(self.starts, start) : bisect_left(self.starts, end)]]
