"""One helper per job on printed text: title case, lines joined across hyphenation, paragraphs and sentences.

Joining happens in one place, `join_spans`: it returns the joined text and where each source line
starts in it, so prose read from many lines (an article's explanation, a section, a slide
statement) still knows the page and line of every character (`model.Paragraph`, `model.Sentence`).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Sequence
from typing import TypeVar

from ..model import Line, Paragraph, Span
from ..vocabulary import Vocabulary

T = TypeVar("T")

# A sentence ends at . ! ? ; or : followed by a blank (the group) and a capital, a bracket, a quote or a
# dash. The mark is matched rather than looked behind at: the regex engine then skips to the marks.
SENTENCE_END = re.compile(r"[.!?;:](\s+)(?=[A-Z(‘'\"-])")


def one_line(text: str) -> str:
    """Every run of white space (line breaks, tabs, double spaces) one space, none at the ends."""
    return " ".join(text.split())


def title_case(text: str, vocab: Vocabulary) -> str:
    """`WELZIJN, VOLKSGEZONDHEID EN GEZIN` -> `Welzijn, Volksgezondheid en Gezin`; short acronyms (WSE) stay
    (the words kept in lower case are the vocabulary's `small_words`)."""
    words = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if i and lower in vocab.small_words:
            words.append(lower)
        elif len(word) <= 3 and word.isupper() and lower not in vocab.small_words:
            words.append(word)
        else:
            words.append(lower[:1].upper() + lower[1:])
    return " ".join(words)


VOWELS = set("aeiouy")


def join_spans(parts: Sequence[str]) -> tuple[str, list[int]]:
    """Lines joined, and the offset in the result where each part's text starts (-1 for an empty part).

    A word hyphenated at a line end (`uit-` / `gaven`) is rejoined; the hyphen stays where Dutch writes
    one: after an acronym (`ESR-uitgaven`) and between two vowels that would run together
    (`thema-overschrijdend`). Runs of blanks become one space.
    """
    text = ""
    offsets: list[int] = []
    for raw in parts:
        part = " ".join(raw.split())
        if not part:
            offsets.append(-1)
            continue
        if text.endswith("-") and not text.endswith(" -") and part[:1].islower():
            if not _keeps_hyphen(text[-2:-1], part[:1]):
                text = text[:-1]
            offsets.append(len(text))
            text += part
        else:
            if text:
                text += " "
            offsets.append(len(text))
            text += part
    return text, offsets


def join_lines(parts: Sequence[str]) -> str:
    """Lines of one label or sentence joined (see `join_spans`)."""
    return join_spans(parts)[0]


def _keeps_hyphen(before: str, after: str) -> bool:
    return before.isupper() or (before.lower() in VOWELS and after.lower() in VOWELS)


def line_spans(lines: Sequence[Line]) -> tuple[str, tuple[Span, ...]]:
    """The lines joined (as `join_spans`) with the (offset, page, line) where each non-empty line starts."""
    text, offsets = join_spans([line.text for line in lines])
    spans = tuple(Span(offset, line.page, line.number) for offset, line in zip(offsets, lines, strict=True)
                  if offset >= 0)  # fmt: skip
    return text, spans


def paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    """Lines of prose as paragraphs (a blank line separates them), each split into sentences with their lines.

    The paragraphs share one prose text, joined by a blank line (`prose_text`); `start` counts in it.
    """
    runs = _blank_separated(lines, lambda line: line.text)
    joined = [_line_starts(run) for run in runs]
    prose = "\n\n".join(text for text, _starts in joined)
    found: list[Paragraph] = []
    start = 0
    for run, (text, starts) in zip(runs, joined, strict=True):
        found.append(_paragraph(prose, start, len(text), run, starts, _sentence_breaks(text)))
        start += len(text) + 2
    return found


def prose_text(found: Sequence[Paragraph]) -> str:
    """The prose text the paragraphs are part of (the same string, not a copy)."""
    return found[0].prose if found else ""


def join_prose(parts: Sequence[str]) -> str:
    """Lines joined into paragraphs: blank lines separate paragraphs, hyphenated words are rejoined.

    The text `paragraphs` gives, without working out where its lines and sentences stand.
    """
    return "\n\n".join(join_lines(run) for run in _blank_separated(parts, lambda part: part))


def _blank_separated(items: Sequence[T], text: Callable[[T], str]) -> list[list[T]]:
    """The runs of items whose text is not blank (a paragraph's lines), in order."""
    runs: list[list[T]] = [[]]
    for item in items:
        if text(item).strip():
            runs[-1].append(item)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _sentence_breaks(text: str) -> array[int]:
    """Where each sentence of a paragraph starts and ends, as pairs of offsets."""
    breaks = array("i")
    cursor = 0
    for match in SENTENCE_END.finditer(text):
        breaks.extend((cursor, match.start(1)))
        cursor = match.end()
    breaks.extend((cursor, len(text)))
    return breaks


def _line_starts(lines: list[Line]) -> tuple[str, array[int]]:
    """A run of lines with text joined (as `line_spans`), with where each line starts as `Paragraph.starts` keeps
    it: (offset, page, line) flattened, made straight from the offsets (no `Span` per line). Every line of a run
    has text (`_blank_separated`), so every one has its offset."""
    text, offsets = join_spans([line.text for line in lines])
    starts = array("i", [value for offset, line in zip(offsets, lines, strict=True)
                         for value in (offset, line.page, line.number)])  # fmt: skip
    return text, starts


def _paragraph(
    prose: str, start: int, length: int, lines: list[Line], starts: array[int], breaks: array[int]
) -> Paragraph:
    # Its page and lines from the Line objects, not from `starts`: an int read from an array is a new object,
    # and a long document has a hundred thousand paragraphs.
    return Paragraph(prose, start, start + length, lines[0].page, lines[0].number, lines[-1].number, starts, breaks)
