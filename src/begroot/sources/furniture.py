"""Page furniture of text files: running headers, footers and printed page numbers.

Converters keep what a PDF prints on every page (`Stuk 27-F (2023-2024) – Nr. 1`,
the document's title, `12`, `- 12 -`), so it lands anywhere in the text: inside a
table, between a caption and its table. Readers should never see it. It is found
by what makes it furniture, not by its wording:

* page numbers count along with the document (12, 13, 14 ...), one per page;
* a running line repeats, apart from a page number at either end, on many pages,
  next to a page boundary when the text marks pages, or at a steady rhythm when
  it does not (then the furniture itself marks the pages).

What is told apart from content (a table's `Totaal` row, `Korte inhoud
begrotingsartikel:`) is decided by `Vocabulary.is_content_line`, the one list of
the words readers know.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from ..vocabulary import Vocabulary

MIN_CHAIN = 3  # page numbers counting along at least this far
MIN_RUNNING_LENGTH = 10  # shorter repeated lines are row labels and the like
NEAR_EDGE = 2  # a running line is among the first or last non-blank lines of its page
EDGE_SHARE = 0.7  # ... in at least this share of its occurrences
PAGE_SHARE = 0.3  # ... and repeats on at least this share of the pages
LINES_PER_PAGE = 80  # unmarked pages: a running line repeats at least this often
MIN_GAP = 6  # ... and, but for a few, never closer than this many lines (a page may end early: a break after a table)
STEADY_SHARE = 0.8  # (pages that end early, at a page break after a table, come closer)
MAX_GAP_FACTOR = 4  # ... and few gaps four times the usual one (a label repeated in three tables is no header)
LONG_GAP_SHARE = 0.1
MIN_UNMARKED_LENGTH = 15


@dataclass
class Furniture:
    lines: set[int] = field(default_factory=set)  # indexes of furniture lines
    printed: dict[int, int] = field(default_factory=dict)  # index of a page-number line -> the number
    starts: set[int] = field(default_factory=set)  # indexes where furniture shows a new page begins


def find_furniture(texts: list[str], page_of: list[int] | None, vocab: Vocabulary) -> Furniture:
    """Furniture among `texts` (stripped lines); `page_of` gives each line's page when the text marks pages."""
    furniture = Furniture()
    chain = _page_number_chain(texts, vocab)
    for index in chain:
        furniture.lines.add(index)
        furniture.printed[index] = int(vocab.page_number.match(texts[index]).group(1))  # type: ignore[union-attr]
    pages = page_of or (_pages_from_numbers(len(texts), chain) if chain else None)
    running = _running_lines(texts, pages, furniture.lines, vocab)
    furniture.lines |= running
    if page_of is None:
        furniture.starts = _starts(texts, chain, running)
    return furniture


def _page_number_chain(texts: list[str], vocab: Vocabulary) -> list[int]:
    """The longest run of lone numbers counting up by one (a page may lack its number)."""
    best_at: dict[int, tuple[int, int]] = {}  # value -> (chain length, index) of the latest chain ending there
    previous: dict[int, int] = {}
    for index, text in enumerate(texts):
        if not text or len(text) > 24:
            continue
        match = vocab.page_number.match(text)
        if not match:
            continue
        value = int(match.group(1))
        links = [best_at[v] for v in (value - 1, value - 2) if v in best_at]
        length, before = max(links) if links else (0, -1)
        if value in best_at and best_at[value][0] >= length + 1:
            continue
        best_at[value] = (length + 1, index)
        previous[index] = before
    if not best_at:
        return []
    length, index = max(best_at.values())
    if length < MIN_CHAIN:
        return []
    chain = []
    while index >= 0:
        chain.append(index)
        index = previous.get(index, -1)
    return chain[::-1]


def _pages_from_numbers(count: int, chain: list[int]) -> list[int]:
    """Pages when only printed page numbers mark them: a page ends with its number."""
    pages = []
    page = 1
    ends = set(chain)
    for index in range(count):
        pages.append(page)
        if index in ends:
            page += 1
    return pages


def running_key(text: str) -> str:
    """What repeats on every page: the line without the numbers at its ends (page numbers, left or right)."""
    if not (text[:1].isdigit() or text[-1:].isdigit()):
        return text  # the common case, kept cheap: this runs on every line
    words = text.split()
    start, end = 0, len(words)
    while start < end and _is_page_number(words[start]):  # `12 Stuk … Nr. 1` and `Stuk … Nr. 1 13` alike
        start += 1
    while end > start and _is_page_number(words[end - 1]):
        end -= 1
    return " ".join(words[start:end])


def _is_page_number(word: str) -> bool:
    return len(word) <= 4 and word.isdigit()


def _running_lines(texts: list[str], pages: list[int] | None, taken: set[int], vocab: Vocabulary) -> set[int]:
    occurrences: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        if len(text) >= MIN_RUNNING_LENGTH and index not in taken:
            occurrences[running_key(text)].append(index)
    # How often a running line repeats at least: on a share of the pages, or once every so many lines. Asked
    # first: of the lines that repeat (a table's header, a row label) few repeat that often.
    if pages is not None:
        least = max(3, PAGE_SHARE * len(set(pages)))
    else:
        least = max(3, sum(1 for text in texts if text) / LINES_PER_PAGE)
    candidates = {
        key: found
        for key, found in occurrences.items()
        if len(found) >= least and not vocab.is_content_line(texts[found[0]])  # one key, one kind of line
    }
    if not candidates:
        return set()
    if pages is not None:
        near = _near_page_edges(texts, pages, taken)
        found_lines: set[int] = set()
        for found in candidates.values():
            at_edge = sum(1 for i in found if i in near)
            if at_edge >= EDGE_SHARE * len(found):
                found_lines.update(i for i in found if i in near)
        return found_lines
    result: set[int] = set()
    for key, found in candidates.items():
        if _looks_like_a_header(key) and _at_steady_rhythm(found):
            result.update(found)
    return result


def _looks_like_a_header(key: str) -> bool:
    """Unmarked pages give no position to go by: a running header is a line of some length starting a phrase."""
    return len(key) >= MIN_UNMARKED_LENGTH and not key[:1].islower()


def _at_steady_rhythm(found: list[int]) -> bool:
    """Once a page: never (but for a few) closer than MIN_GAP lines, and no gap far beyond the usual one."""
    gaps = [b - a for a, b in pairwise(found)]
    if sum(1 for gap in gaps if gap >= MIN_GAP) < STEADY_SHARE * len(gaps):
        return False
    usual = sorted(gaps)[len(gaps) // 2]
    long_gaps = sum(1 for gap in gaps if gap > MAX_GAP_FACTOR * usual)  # pages without it: a chapter title...
    return long_gaps <= LONG_GAP_SHARE * len(gaps)


def _near_page_edges(texts: list[str], pages: list[int], taken: set[int]) -> set[int]:
    """Indexes of the first and last few non-blank lines of every page (furniture found so far aside)."""
    by_page: dict[int, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        if text and index not in taken:
            by_page[pages[index]].append(index)
    near: set[int] = set()
    for indexes in by_page.values():
        near.update(indexes[:NEAR_EDGE])
        near.update(indexes[-NEAR_EDGE:])
    return near


def _starts(texts: list[str], chain: list[int], running: set[int]) -> set[int]:
    """Where a new page begins in text that does not mark pages: after a page number, at a running header."""
    starts = {index + 1 for index in chain if index + 1 < len(texts)}
    if not chain:
        # Headers only: each begins a page; consecutive furniture lines belong to one page top.
        for index in sorted(running):
            if index - 1 not in running and index > 0:
                starts.add(index)
    return starts
