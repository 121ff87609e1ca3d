"""The words the readers know, and their thresholds: one object, in the manner of pdfplumber's TableSettings.

Every reader, and the sources for page furniture, take its credits, stage words, units, row labels, stop lines,
heading shapes and change words from `VOCABULARY`, and its limits from
`SETTINGS`, so supporting a new wording is a change here, not a hunt through
the readers. Patterns match stripped lines (sources strip the indentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class Vocabulary:
    # --- money: credits and units
    credits: frozenset[str] = frozenset({"VAK", "VEK", "AO", "TO", "LO"})
    unit_line: re.Pattern[str] = re.compile(r"(?i)\(?\s*(?:in\s+)?duizend\s+euro\s*\)?")
    scales: dict[str, float] = field(
        default_factory=lambda: {"miljard": 1_000_000.0, "miljoen": 1_000.0, "keuro": 1.0, "duizend euro": 1.0}
    )

    # --- stages: `1e BA`, `2e aanpassing BA`, `BA – JR`, `BU`, `Delta`, `evolutie`, with or without a year
    stage: re.Pattern[str] = re.compile(
        r"(?<![\w-])(?:(?:\d+\s?e)\s+)?(?:aanpassing\s+)?"
        r"(?P<stage>BA\s*[-–—]\s*JR|BA|BO|BU|Delta|DELTA|delta|[Ee]volutie)"
        r"(?:\s+(?P<year>(?:19|20)\d{2}))?(?![\w-])"
    )
    stage_label: re.Pattern[str] = re.compile(
        r"^(?:\d+\s?e\s+)?(?:aanpassing\s+)?(?P<stage>BA\s*[-–—]\s*JR|BA|BO|BU|[Dd]elta|DELTA|[Ee]volutie)"
        r"(?:\s+(?P<year>(?:19|20)\d{2}))?$"
    )
    outcome_label: re.Pattern[str] = re.compile(r"(?i)^(?:uitvoering|realisatie)\s+(?P<year>(?:19|20)\d{2})$")
    header_words: frozenset[str] = frozenset(
        {"BA", "BO", "BU", "JR", "BA-JR", "Delta", "DELTA", "delta", "evolutie", "Evolutie", "aanpassing",
         "-", "–", "—", "In", "in", "duizend", "euro", "(duizend", "euro)", "e"}
    )  # fmt: skip
    ordinal: re.Pattern[str] = re.compile(r"^\d+e$")

    # --- rows
    dash_cell: frozenset[str] = frozenset({"-", "–", "—", "−"})
    frame_row: re.Pattern[str] = re.compile(r"(?i)^\s*(?P<cat>ESR|Toe|Overige|Totaal|Uitgaven|Ontvangsten)")
    frame_category: dict[str, str] = field(
        default_factory=lambda: {"esr": "esr", "toe": "is", "overige": "other", "totaal": "total"}
    )
    total_label: re.Pattern[str] = re.compile(r"(?i)^(?:totaal|total)\b")
    program_row: re.Pattern[str] = re.compile(r"^(?:Programma|PROGRAMMA)\s+(?P<code>[A-Z]{2})\b")
    ise_row: re.Pattern[str] = re.compile(r"^(?:ISE|Ise)\b\s*:?\s*(?P<name>\S.*)$")
    domain_row: re.Pattern[str] = re.compile(r"(?i)^(?:totaal\s+)?beleidsdomein\b")

    # --- captions
    program_caption: re.Pattern[str] = re.compile(r"^PROGRAMMA\s+(?P<code>[A-Z]{2})\b")
    total_caption: re.Pattern[str] = re.compile(r"^TOTAAL\b")
    ise_prefix: re.Pattern[str] = re.compile(r"(?i)^\s*(?:ISE|inhoudelijk structuurelement)\s*[:–-]?\s*")
    evolution_caption: re.Pattern[str] = re.compile(r"(?i)^\s*budgetevolutie\b\s*(?P<perimeter>.*)$")
    credit_evolution_caption: re.Pattern[str] = re.compile(r"(?i)^\s*kredietevolutie")
    # A perimeter follows the name after a comma: `, MVG excl. DAB`, `, excl. DAB's`, `, incl. VDAB`.
    perimeter: re.Pattern[str] = re.compile(
        r",\s*(?=(?:MVG|excl\.?|incl\.?|exclusief|inclusief|zonder|met|DAB|VDAB)\b)", re.IGNORECASE
    )

    # --- lines that end a table region, and lines that open a part of an article
    stop_line: re.Pattern[str] = re.compile(
        r"(?i)^\s*(inhoudelijke toelichting|korte inhoud|begrotingsuitvoering|budgetevolutie|kredietevolutie"
        r"|toelichting\b|omschrijving\b)"
    )
    summary_start: re.Pattern[str] = re.compile(r"(?i)^\s*korte inhoud")
    explanation_start: re.Pattern[str] = re.compile(r"(?i)^\s*inhoudelijke toelichting")
    execution_start: re.Pattern[str] = re.compile(r"(?i)^\s*(begrotingsuitvoering|kredietevolutie)\s*:?\s*$")

    # --- headings
    chapter: re.Pattern[str] = re.compile(r"^(?P<num>[IVXLC]{1,6})\.\s+(?P<title>[A-ZÀ-Ý‘'“(].*?)\s*$")
    numbered: re.Pattern[str] = re.compile(
        r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})(?P<dot>\.?)\s+(?P<title>[A-ZÀ-Ý‘'“(].*?)\s*$"
    )
    goal: re.Pattern[str] = re.compile(r"^(?P<level>SD|OD)\s?(?P<num>\d{1,2})\s*[:.]\s*(?P<title>\S.*?)\s*$")
    policy_field: re.Pattern[str] = re.compile(r"(?i)^beleidsveld\b")
    ise_heading: re.Pattern[str] = re.compile(r"(?i)^ISE\b")
    entity_heading: re.Pattern[str] = re.compile(
        r"(?i)^(departement|agentschap|vlaamse|overige entiteiten|dab|iva|eva|fonds)"
    )
    dot_leaders: re.Pattern[str] = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,4}\s*$")
    trailing_page: re.Pattern[str] = re.compile(r"\s\d{1,4}\s*$")
    od_cited: re.Pattern[str] = re.compile(r"(?i)(?:operationele\s+doelstelling(?:\s+OD)?|\bOD)\s*(\d{1,2})\b")

    # --- page furniture: a page number alone on its line ("12", "- 12 -", "Pagina 12", "12/160", "12 van 160")
    page_number: re.Pattern[str] = re.compile(
        r"^[\-–—|\s]*(?:(?:pagina|page|blz\.?|p\.)\s*)?(\d{1,4})(?:\s*(?:/|van|of)\s*\d{1,4})?[\-–—|\s]*$", re.I
    )

    # --- slide decks
    slide_title: re.Pattern[str] = re.compile(
        r"(?i)^\s*(budgetevolutie|bbt-structuur|begrotingsinfo|toelichting bbt)\b.*|.*\bbegrotingsinfo\s*$"
    )
    bullet: re.Pattern[str] = re.compile(r"^\s*[•●▪]\s*(?P<text>.*)$")
    cause_mark: re.Pattern[str] = re.compile(r"^\s*(?:[\u0336̶–-]\s+|[\u0336̶])(?P<text>.*)$")
    policy_credit: str = r"totaal\s+beleidskrediet"  # `Totaal beleidskrediet 1,2 miljard`
    reference_year: re.Pattern[str] = re.compile(r"(?i)t\.o\.v\.?\s*(?P<year>(?:19|20)\d{2})")

    # --- what tells a report from a slide deck (counted, lower case)
    report_markers: tuple[str, ...] = (
        "korte inhoud begrotingsartikel", "inhoudelijke toelichting", "begrotingsuitvoering:", "budgettair kader",
        "beleidsveld", "kredietevolutie",
    )  # fmt: skip
    slide_markers: tuple[str, ...] = ("budgetevolutie", "begrotingsinfo", "bbt-structuur", "in duizend euro")

    # --- prose and slide statements
    increase_words: frozenset[str] = frozenset(
        {"toename", "stijging", "verhoging", "groei", "steeg", "stijgt", "verhoogd", "verhoogde", "toegenomen",
         "nam toe", "meer"}
    )  # fmt: skip
    decrease_words: frozenset[str] = frozenset(
        {"daling", "afname", "vermindering", "inkrimping", "daalde", "daalt", "verminderd", "verminderde",
         "afgenomen", "gedaald", "nam af", "minder"}
    )  # fmt: skip

    def is_content_line(self, text: str) -> bool:
        """A line the readers know as content, never page furniture: table headers and labels, part titles."""
        return bool(
            self.unit_line.search(text)
            or self.stop_line.match(text)
            or self.frame_row.match(text)
            or self.program_row.match(text)
            or self.ise_row.match(text)
            or self.execution_start.match(text)
            or all(self.is_header_word(w) or w.isdigit() for w in text.split())
        )

    def is_header_word(self, word: str) -> bool:
        """A word a table header is made of: a credit, a stage word, an ordinal (`2e`), a year."""
        return (
            word in self.credits
            or word in self.header_words
            or bool(self.ordinal.match(word))
            or bool(_YEAR.fullmatch(word))
        )

    def change_sign(self, word: str) -> int:
        """+1 for a word of increase, -1 for one of decrease, 0 otherwise."""
        word = word.lower()
        if word in self.increase_words:
            return 1
        if word in self.decrease_words:
            return -1
        return 0


@dataclass(frozen=True)
class ReaderSettings:
    """Thresholds of the table reader (see parse/tables.py)."""

    max_pending_text: int = 16  # lines of text without numbers before a table is taken to have ended (a frame
    # whose rows are all blank prints only its hyphenated labels: a dozen short lines)
    caption_lines_back: int = 12  # how far above a unit line its caption is looked for
    caption_max_length: int = 90  # longer lines are prose, not captions
    long_line: int = 55  # a line this long without numbers, after rows, is prose: the table has ended
    column_alignment_spaces: int = 2  # text columns aligned by runs of at least this many spaces
    footnote_gap: int = 2  # footnote numbers that may be missing from the sequence


VOCABULARY = Vocabulary()
SETTINGS = ReaderSettings()
