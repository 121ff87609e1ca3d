"""The report's headings: chapters and policy fields, numbered headings and ISEs, SD/OD goals, articles,
and the themes under an OD, each with the lines its title takes (titles wrap).

A pass of the report reader with explicit input and output: `find_headings(lines, skip)` reads the
lines not in `skip` (tables, footnotes) and returns the headings in document order.
"""

from __future__ import annotations

import re

from ..model import Line, Section
from ..vocabulary import Vocabulary
from .codes import HEADING as ARTICLE_HEADING
from .codes import code_from_match
from .outline import Heading, Outline
from .text import one_line


def find_headings(lines: list[Line], skip: set[int], vocab: Vocabulary) -> list[Heading]:
    return HeadingFinder(lines, skip, vocab).find()


class HeadingFinder:
    def __init__(self, lines: list[Line], skip: set[int], vocab: Vocabulary):
        self.lines = lines
        self.vocab = vocab
        self.skip = skip  # read, never changed
        # Asked once of every line: the search for headings and the table of contents' check (is the heading
        # printed again further on?) both want the heading-shaped lines. Their indexes only: a long document
        # has thousands (its headings, its table rows that start with a number or a capital, its footnotes).
        self.shaped = _heading_shaped(lines, vocab)
        self.headings: list[Heading] = []
        self.heading_lines: set[int] = set()
        self._heading_keys: dict[str, int] | None = None
        self.outline = Outline([], len(lines))

    def find(self) -> list[Heading]:
        after = 0  # the first line not read yet: a heading's title may take the lines below it
        for index in self.shaped:  # in line order; a line of no heading's shape is no heading
            if index < after or index in self.skip:
                continue
            heading, consumed = self._heading_at(index)
            if heading:
                self.headings.append(heading)
                self.heading_lines.update(range(index, index + consumed))
            after = index + max(consumed, 1)
        self.outline = Outline(self.headings, len(self.lines))  # the themes look for the end of their OD
        self._find_themes()
        return self.headings

    def _heading_at(self, index: int) -> tuple[Heading | None, int]:
        line = self.lines[index]
        text = line.text
        if not text[:1].isupper() and not text[:1].isdigit():
            return None, 1  # every heading starts with a capital or a number
        if self._is_contents_entry(index):
            return None, 1  # a line of the table of contents, not the heading itself
        article = ARTICLE_HEADING.match(text)
        if article:
            name, used = self._continued_title(index, article.group("name"), upper=True)
            code = code_from_match(article).code  # the printed code canonicalised (the article reader warns)
            section = Section("", "article", code, name, line.page, line.number)
            return Heading(index, 8, section), used
        chapter = self.vocab.chapter.match(text)
        if chapter and chapter.group("title").upper() == chapter.group("title"):
            title, used = self._continued_title(index, chapter.group("title"), upper=True)
            kind = "policy_field" if self.vocab.policy_field_chapter.match(title) else "chapter"
            section = Section("", kind, chapter.group("num"), title, line.page, line.number)
            return Heading(index, 1, section), used
        goal = self.vocab.goal.match(text)
        if goal:
            title, used = self._continued_title(index, goal.group("title"), upper=False)
            title = re.sub(r"(?<=[a-z])\d{1,3}$", "", title).strip()  # a footnote mark glued to the title
            code = f"{goal.group('level')} {int(goal.group('num'))}"
            section = Section("", goal.group("level").lower(), code, title, line.page, line.number)
            return Heading(index, 8, section), used
        numbered = self.vocab.numbered.match(text)
        if numbered and self._is_numbered_heading(numbered):
            title, used = self._continued_title(index, numbered.group("title"), upper=False)
            depth = numbered.group("num").rstrip(".").count(".") + 1
            kind = "ise" if self.vocab.ise_heading.match(title) else "heading"
            section = Section("", kind, numbered.group("num").rstrip("."), title, line.page, line.number)
            return Heading(index, 1 + depth, section), used
        return None, 1

    @property
    def heading_keys(self) -> dict[str, int]:
        """The last line index of every heading-shaped line (built on first use: most documents need none)."""
        if self._heading_keys is None:
            self._heading_keys = _last_heading_keys(self.lines, self.shaped)
        return self._heading_keys

    def _is_contents_entry(self, index: int) -> bool:
        """A table-of-contents line: dot leaders, or a page number after a heading printed again further on.

        A heading's own title may end in a number (`... FASE 2`): it is a contents
        entry only when the same heading stands later in the document.
        """
        text = self.lines[index].text
        if not text[-1:].isdigit():
            return False  # every contents entry ends in its page number
        if self.vocab.dot_leaders.search(text):
            return True
        if not self.vocab.trailing_page.search(text):
            return False
        bare = self.vocab.trailing_page.sub("", text)
        if self.heading_keys.get(" ".join(bare.split()).upper(), -1) > index:
            return True  # the very heading stands further on
        before, after = self._neighbour_ends_in_page_number(index, -1), self._neighbour_ends_in_page_number(index, 1)
        if before and after:
            return True  # inside a run of lines ending in page numbers: the table of contents
        return (before or after) and self.heading_keys.get(_heading_key(bare), -1) > index

    def _neighbour_ends_in_page_number(self, index: int, step: int) -> bool:
        """The nearest non-blank line before (step -1) or after (step 1) line `index` ends in a page number."""
        index += step
        while 0 <= index < len(self.lines) and not self.lines[index].text:
            index += step
        if not 0 <= index < len(self.lines):
            return False
        text = self.lines[index].text
        return bool(self.vocab.dot_leaders.search(text) or self.vocab.trailing_page.search(text))

    @staticmethod
    def _is_numbered_heading(match: re.Match[str]) -> bool:
        number = match.group("num")
        title = match.group("title")
        # `1. Decreten`, `1.3 Budgettair kader`: a single number needs its dot (footnotes have none).
        if "." not in number and not match.group("dot"):
            return False
        return len(title) < 100 and not re.search(r"\d{1,3}(\.\d{3})+", title) and not title.endswith(".")

    def _continued_title(self, index: int, title: str, upper: bool) -> tuple[str, int]:
        """Headings wrap: join the next line while it continues the heading."""
        used = 1
        nxt = index + 1
        while nxt < len(self.lines) and used < 3:
            text = self.lines[nxt].text.strip()
            if not text or nxt in self.skip:
                break
            if upper and text.upper() != text:
                break
            # A wrapped title goes on in lower case; prose after a heading starts a new sentence.
            if not upper and (not text[:1].islower() or len(text) > 80 or title.rstrip().endswith((".", ":"))):
                break
            if ARTICLE_HEADING.match(text) or self.vocab.chapter.match(text):
                break
            title = f"{title} {text}"
            used += 1
            nxt += 1
        return one_line(title), used

    def _find_themes(self) -> None:
        """Themed sub-headings: short stand-alone lines under an OD."""
        ods = [h for h in self.headings if h.section.kind == "od"]
        for od in ods:
            end = self.outline.next_index(od.index, max_level=8)
            for index in range(od.index + 2, end):
                if index in self.skip or not self._is_theme_line(index):
                    continue
                line = self.lines[index]
                title = re.sub(r"(?<=[A-Za-z])\d{1,3}$", "", line.text.strip())  # a footnote mark glued on
                section = Section("", "theme", "", title, line.page, line.number)
                self.headings.append(Heading(index, 9, section))
        self.headings.sort(key=lambda h: h.index)

    def _is_theme_line(self, index: int) -> bool:
        text = self.lines[index].text.strip()
        before = self.lines[index - 1].text.strip() if index else ""
        after = self.lines[index + 1].text.strip() if index + 1 < len(self.lines) else ""
        if before or (after and len(text) >= 60):
            return False  # a theme stands alone, or is clearly shorter than the paragraph it heads
        if not (3 <= len(text) <= 90) or not text[:1].isupper() or text.endswith((".", ":", ";", ",", "-")):
            return False
        if text.upper() == text or text.startswith(("•", "-", "o ", "●", "(")) or len(text.split()) > 12:
            return False
        if self.vocab.numbered.match(text) or self.vocab.goal.match(text) or re.search(r"\d{1,3}\.\d{3}", text):
            return False
        return not self._continues_sentence(index)

    def _continues_sentence(self, index: int) -> bool:
        """A line that carries on an unfinished sentence (cut by a page break or a blank line) is no heading."""
        for back in range(index - 1, max(-1, index - 8), -1):
            text = self.lines[back].text.strip()
            if not text:
                continue
            if back in self.heading_lines or back in self.skip:
                return False
            return not text.endswith((".", ":", "!", "?", "”", "’", ")", ";", "…"))
        return False


def _heading_key(text: str) -> str:
    article = ARTICLE_HEADING.match(text)
    if article:
        return code_from_match(article).code
    return " ".join(text.split()).upper()


def _heading_shaped(lines: list[Line], vocab: Vocabulary) -> list[int]:
    """The indexes of the lines that match a heading pattern (an article's, a chapter's, a goal's, a numbered
    heading's), in order."""
    shaped: list[int] = []
    for index, line in enumerate(lines):
        text = line.text
        first = text[:1]
        # Every heading shape starts with a capital, a digit or a blank: most lines end at this test.
        if (first.isupper() or first.isdigit() or first.isspace()) and (ARTICLE_HEADING.match(text) or vocab.chapter.match(text) or vocab.numbered.match(text)
                     or vocab.goal.match(text)):  # fmt: skip
            shaped.append(index)
    return shaped


def _last_heading_keys(lines: list[Line], shaped: list[int]) -> dict[str, int]:
    """The last line index of every heading-shaped line, by its key (an article's code, else its text)."""
    keys: dict[str, int] = {}
    for index in shaped:  # in line order: the last one stays
        text = lines[index].text
        keys[_heading_key(text)] = index
        keys[" ".join(text.split()).upper()] = index
    return keys
