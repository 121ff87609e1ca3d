"""One helper per job on printed text: title case, lines joined across hyphenation, paragraphs and sentences.

Joining happens in one place, `join_spans`: it returns the joined text and where each source line
starts in it, so prose read from many lines (an article's explanation, a section, a slide
statement) still knows the page and line of every character (`model.Paragraph`, `model.Sentence`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Line, Paragraph, Sentence, Span

SMALL_WORDS = {"en", "van", "de", "het", "der", "voor", "in", "op", "met", "of", "te", "tot", "aan", "bij", "uit"}
# A sentence ends at . ! ? ; or : followed by a blank and a capital, a bracket, a quote or a dash.
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z(‘'\"-])")


def title_case(text: str) -> str:
    """`WELZIJN, VOLKSGEZONDHEID EN GEZIN` -> `Welzijn, Volksgezondheid en Gezin`; short acronyms (WSE) stay."""
    words = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if i and lower in SMALL_WORDS:
            words.append(lower)
        elif len(word) <= 3 and word.isupper() and lower not in SMALL_WORDS:
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

    Offsets (`start`) count in the prose text the paragraphs make together, joined by a blank line
    (`prose_text`).
    """
    found: list[Paragraph] = []
    current: list[Line] = []
    start = 0
    for line in [*lines, None]:
        if line is not None and line.text.strip():
            current.append(line)
            continue
        if current:
            paragraph = _paragraph(current, start)
            found.append(paragraph)
            start += len(paragraph.text) + 2
            current = []
    return found


def prose_text(found: Sequence[Paragraph]) -> str:
    return "\n\n".join(paragraph.text for paragraph in found)


def join_prose(parts: Sequence[str]) -> str:
    """Lines joined into paragraphs: blank lines separate paragraphs, hyphenated words are rejoined."""
    return prose_text(paragraphs([Line(part, 0, 0) for part in parts]))


def _paragraph(lines: list[Line], start: int) -> Paragraph:
    text, spans = line_spans(lines)
    sentences: list[Sentence] = []
    cursor = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        sentences.append(_sentence(text[cursor:end], cursor, spans, start))
        cursor = match.end() if match else len(text)
    return Paragraph(text, start, spans[0].page, spans[0].line, spans[-1].line, tuple(sentences))


def _sentence(text: str, cursor: int, spans: tuple[Span, ...], start: int) -> Sentence:
    """A sentence at `cursor` in its paragraph, with the lines it stands on (offsets within the sentence)."""
    first = 0
    while first + 1 < len(spans) and spans[first + 1].offset <= cursor:
        first += 1
    end = cursor + len(text)
    own = [Span(max(0, span.offset - cursor), span.page, span.line) for span in spans[first:] if span.offset < end]
    return Sentence(text, start + cursor, own[0].page, own[0].line, own[-1].line, tuple(own))
