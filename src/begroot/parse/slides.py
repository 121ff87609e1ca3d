"""The minister's slide deck: Budgetevolutie tables, strategic goals and Begrotingsinfo statements.

Slide text comes out of PDF converters in reading order of text boxes, so a
slide's title often follows its content: the caption of a table is looked for
just after it, and a statement's ISE among the labels around it.
"""

from __future__ import annotations

import re

from ..model import Cause, Document, Goal, Ise, Line, Program, Slide, SourceDocument, Span, Statement
from ..vocabulary import Vocabulary
from .facts import Known, ise_slug, table_facts
from .numbers import amount_in_keuro, precision_of
from .tables import RawTable
from .text import join_lines, line_spans


class SlideReader:
    def __init__(
        self, source: SourceDocument, document: Document, tables: list[tuple[int, RawTable]], vocab: Vocabulary
    ):
        self.doc = document
        self.vocab = vocab
        self.lines: list[Line] = source.lines
        self.raw_tables = tables
        self.known: Known = {}  # facts stored so far: a later grid may not give them other values
        self.skip: set[int] = set()

    def read(self) -> Document:
        for index, raw in self.raw_tables:
            self._table(index, raw)
            self.skip.update(range(index, raw.end + 1))
        self._slides()
        self._goals()
        self._statements()
        self.doc.slides = _distinct_slides(self.doc.slides)
        programs = {f.subject for f in self.doc.facts if f.scope == "program"}
        self.doc.programs = [Program(code, "") for code in sorted(programs)]
        if not self.doc.domain_letter and programs:
            self.doc.domain_letter = sorted(programs)[0][0]
        return self.doc

    # ------------------------------------------------------------------ tables

    def _caption_around(self, start: int, raw: RawTable) -> tuple[str, Line | None]:
        """A slide's caption follows its grid (converters put titles last); failing that it stands above."""
        for line in self.lines[raw.end + 1 : raw.end + 8]:
            if self.vocab.evolution_caption.match(line.text):
                return line.text, line
        for line in reversed(self.lines[max(0, start - 4) : start]):
            if self.vocab.evolution_caption.match(line.text):
                return line.text, line
        return "", None

    def _table(self, index: int, raw: RawTable) -> None:
        caption, _ = self._caption_around(index, raw)
        table_facts(self.doc, raw, caption, None, "", self.known, self.vocab)

    # ------------------------------------------------------------------ slides and goals

    def _slides(self) -> None:
        seen = set()
        for index, line in enumerate(self.lines):
            text = line.text.strip()
            if index not in self.skip and self.vocab.slide_title.match(text):
                key = (line.page, text)
                if key not in seen:
                    seen.add(key)
                    self.doc.slides.append(Slide(line.page, text, line.number))

    def _blocks(self, start: int, end: int) -> list[tuple[Line, str]]:
        """Blank-line separated blocks of text, joined, with their first line."""
        blocks: list[tuple[Line, str]] = []
        current: list[str] = []
        first: Line | None = None
        for line in self.lines[start:end]:
            text = line.text.strip()
            if not text:
                if current and first:
                    blocks.append((first, join_lines(current)))
                current, first = [], None
                continue
            first = first or line
            current.append(text)
        if current and first:
            blocks.append((first, join_lines(current)))
        return blocks

    def _goals(self) -> None:
        """The structure slide lists the strategic goals, each followed by its ISEs."""
        start = next((i for i, line in enumerate(self.lines) if self.vocab.structure_slide.search(line.text)), None)
        if start is None:
            return
        end = next(
            (i for i in range(start + 1, len(self.lines)) if self.vocab.bullet.match(self.lines[i].text)),
            len(self.lines),
        )
        goal: Goal | None = None
        expect_ise = False
        for first, text in self._blocks(start + 1, end):
            label = self.vocab.ise_label
            if text == label:
                expect_ise = True
                continue
            if text.startswith(f"{label} ") or expect_ise:
                name = text[len(label) + 1 :] if text.startswith(f"{label} ") else text
                if goal:
                    goal.ises.append(name)
                expect_ise = False
                continue
            if goal and not goal.ises and text[:1].islower():
                goal.title = join_lines([goal.title, text])  # a title wrapped over a blank line
                continue
            number = len(self.doc.goals) + 1
            goal = Goal(f"SD {number}", "sd", number, text, first.page, first.number)
            self.doc.goals.append(goal)
        self._goal_bullets(end)

    def _goal_bullets(self, start: int) -> None:
        """Bullets of a content slide belong to the goal whose title follows them."""
        titles = {_key(g.title): g for g in self.doc.goals}
        bullets: list[str] = []
        for first, text in self._blocks(start, len(self.lines)):
            if _key(text) in titles or _key(text.removesuffix(self.vocab.info_label)) in titles:
                self.doc.slides.append(Slide(first.page, text, first.number))  # a content slide's title
            bullet = self.vocab.bullet.match(text)
            if bullet:
                bullets.extend(b.strip() for b in re.split(r"\s*•\s*", bullet.group("text")) if b.strip())
                continue
            goal = titles.get(_key(text))
            if goal and bullets:
                goal.bullets.extend(b for b in bullets if not b.lower().startswith(self.vocab.not_goal_bullets))
                bullets = []

    # ------------------------------------------------------------------ statements

    def _statements(self) -> None:
        for index, line in enumerate(self.lines):
            match = self.vocab.total_statement.search(line.text)
            if not match:
                continue
            text, spans, end = self._statement_text(index)
            total = amount_in_keuro(match.group("total"), self.vocab)
            change_match = self.vocab.change_statement.search(text)
            change = amount_in_keuro(change_match.group("amount"), self.vocab) if change_match else None
            if change is not None and change_match and self.vocab.change_sign(change_match.group("word")) < 0:
                change = -abs(change)
            reference = self.vocab.reference_year.search(text)
            causes = self._causes(end)
            steps = (
                precision_of(match.group("total"), self.vocab),
                precision_of(change_match.group("amount"), self.vocab) if change_match else 1,
            )
            subject = self._subject(index, total, change, steps)
            self.doc.statements.append(Statement(subject, text, total, change,
                                                 int(reference.group("year")) if reference else None,
                                                 causes, line.page, line.number, spans))  # fmt: skip

    def _statement_text(self, index: int) -> tuple[str, tuple[Span, ...], int]:
        """The statement's text, where each of its lines starts in it, and the index after its last line."""
        first = self.lines[index]
        parts = [Line(self.vocab.bullet.sub(r"\g<text>", first.text).strip(), first.page, first.number)]
        end = index + 1
        while end < len(self.lines):
            text = self.lines[end].text.strip()
            if not text or self.vocab.bullet.match(text):
                break
            parts.append(self.lines[end])
            end += 1
        text, spans = line_spans(parts)
        return text, spans, end

    def _causes(self, start: int) -> list[Cause]:
        """The `Oorzaak toename/daling:` bullet and the cause lines under it."""
        index = start
        while index < len(self.lines) and not self.lines[index].text.strip():
            index += 1
        if index >= len(self.lines) or not self.vocab.cause_heading.search(self.lines[index].text):
            return []
        causes: list[Cause] = []
        head = self.vocab.cause_heading_start.sub(
            "", self.vocab.bullet.sub(r"\g<text>", self.lines[index].text)
        ).strip()
        if head:
            causes.append(Cause(head, amount_in_keuro(head, self.vocab)))
        for line in self.lines[index + 1 :]:
            text = line.text.strip()
            if (
                self.vocab.bullet.match(text)
                or text in {self.vocab.ise_label, self.vocab.info_label}
                or self.vocab.total_statement.search(text)
            ):
                break
            if not text:
                continue
            mark = self.vocab.cause_mark.match(text)
            signed = re.match(r"^[+\-−]\s?\d", text)
            if mark or signed or not causes:
                label = mark.group("text").strip() if mark else text
                causes.append(Cause(label, amount_in_keuro(label, self.vocab)))
            elif _key(text) in {_key(g.title) for g in self.doc.goals} or text.startswith(self.vocab.ise_label):
                break
            else:
                causes[-1].label = join_lines([causes[-1].label, text])
                if causes[-1].amount is None:
                    causes[-1].amount = amount_in_keuro(causes[-1].label, self.vocab)
        return causes

    def _subject(self, index: int, total: float | None, change: float | None, steps: tuple[float, float]) -> str:
        """The ISE a statement speaks of: the one whose figures it rounds, else the nearest ISE label."""
        matches = [key for key in self._ise_keys() if self._rounds_to(key, total, change, steps)]
        if len(matches) == 1:
            return matches[0]
        label = self._nearest_ise_label(index)
        return label or ""

    def _ise_keys(self) -> list[str]:
        return list(dict.fromkeys(f.subject for f in self.doc.facts if f.scope == "ise"))

    def _rounds_to(self, key: str, total: float | None, change: float | None, steps: tuple[float, float]) -> bool:
        facts = [f for f in self.doc.facts if f.subject == key and f.table == 0]
        final = [f.value for f in facts if f.stage == self.doc.stage]
        deltas = [f.value for f in facts if f.stage == "DELTA"]
        return bool(total and any(_same_rounding(total, v, steps[0]) for v in final)) and (
            change is None or any(_same_rounding(change, d, steps[1]) for d in deltas)
        )

    def _label_after(self, position: int) -> str:
        return _label_lines(self.lines, position, self.vocab)

    def _nearest_ise_label(self, index: int) -> str | None:
        best: tuple[int, str] | None = None
        for offset in range(1, 25):
            for position in (index + offset, index - offset):
                if 0 <= position < len(self.lines):
                    text = self.lines[position].text.strip()
                    if text == self.vocab.ise_label and position + 1 < len(self.lines):
                        label = self._label_after(position)
                        key = _match_label(label, self.doc.ises, self.vocab)
                        if key and best is None:
                            best = (offset, key)
            if best:
                return best[1]
        return None


def _distinct_slides(slides: list[Slide]) -> list[Slide]:
    """One title per slide: a title line that only repeats the end of the block before it is dropped."""
    result: list[Slide] = []
    for slide in sorted(slides, key=lambda s: s.line):
        previous = result[-1] if result else None
        if previous and slide.line - previous.line <= 2 and _key(previous.title).endswith(_key(slide.title)):
            continue
        result.append(slide)
    return result


def _label_lines(lines: list[Line], position: int, vocab: Vocabulary) -> str:
    """The ISE name printed under an `ISE` line: the next non-blank lines up to a blank one."""
    parts: list[str] = []
    for line in lines[position + 1 : position + 6]:
        text = line.text.strip()
        if line.page != lines[position].page or vocab.bullet.match(text):
            break
        if not text:
            if parts:
                break
            continue
        parts.append(text)
    return join_lines(parts)


def _match_label(label: str, ises: list[Ise], vocab: Vocabulary) -> str | None:
    """`Activering (sociale economie)` names the ISE row `activering SE`; `Activering (werk)` the other one
    (the words and their abbreviations: `vocab.abbreviations`)."""
    slug = ise_slug(label, vocab)
    lowered = label.lower()
    named = next((short for words, short in vocab.abbreviations if words in lowered), None)
    candidates = [i for i in ises if ise_slug(i.name, vocab) == slug]
    preferred = [i for i in candidates if _abbreviation_of(i.name, vocab) == named]
    chosen = preferred or candidates
    return chosen[0].key if chosen else None


def _abbreviation_of(name: str, vocab: Vocabulary) -> str | None:
    """The abbreviation an ISE's name ends in (`activering SE` -> `SE`), if any."""
    found = vocab.abbreviation_end.search(name.strip())
    return found.group(0).strip() if found else None


def _same_rounding(printed: float, exact: float, step: float) -> bool:
    return abs(printed - exact) <= step / 2 + 1e-9


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def parse_slides(
    source: SourceDocument, document: Document, tables: list[tuple[int, RawTable]], vocab: Vocabulary
) -> Document:
    return SlideReader(source, document, tables, vocab).read()
