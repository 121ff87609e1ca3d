"""The words the readers know, and their thresholds: one object, in the manner of pdfplumber's TableSettings.

Every reader, and the sources for page furniture, take its credits, stage words, units, row labels, stop lines,
heading shapes and change words from `VOCABULARY`, and its limits from
`SETTINGS`, so supporting a new wording is a change here, not a hunt through
the readers. Patterns match stripped lines (sources strip the indentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

_YEAR = re.compile(r"(?:19|20)\d{2}")
# A domain's name: capitalised words joined by spaces, `en` or commas (`Welzijn, Volksgezondheid en Gezin`).
_CAP = r"[A-ZÀ-Ý][\w’'-]+"
_DOMAIN_NAME = rf"(?P<domain>{_CAP}(?:(?:,\s+|\s+en\s+|\s+){_CAP})*)"
_MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip


@dataclass(frozen=True)
class Vocabulary:
    # --- money: credits and units
    credits: frozenset[str] = frozenset({"VAK", "VEK", "AO", "TO", "LO"})
    unit_line: re.Pattern[str] = re.compile(r"(?i)\(?\s*(?:in\s+)?duizend\s+euro\s*\)?")
    unit_hint: str = "uizend"  # every unit line holds it: a cheap test before `unit_line`
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
    delta_words: frozenset[str] = frozenset({"DELTA", "EVOLUTIE"})  # a column of changes (upper case)
    stage_end_words: frozenset[str] = frozenset({"JR"})  # the end of a stage broken over two words (`BA –` `JR`)
    adjustment_word: str = "aanpassing"  # a row label of an adjusted budget (`1e aanpassing BA 2024`)

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
    policy_field_chapter: re.Pattern[str] = re.compile(r"(?i)^beleidsveld")  # a chapter title (`BELEIDSVELDEN`)
    ise_heading: re.Pattern[str] = re.compile(r"(?i)^ISE\b")
    entity_heading: re.Pattern[str] = re.compile(
        r"(?i)^(departement|agentschap|vlaamse|overige entiteiten|dab|iva|eva|fonds)"
    )
    dot_leaders: re.Pattern[str] = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,4}\s*$")
    trailing_page: re.Pattern[str] = re.compile(r"\s\d{1,4}\s*$")
    # (?=o): every form starts with an o (keep it so); told first, the search passes the other letters quickly
    od_cited: re.Pattern[str] = re.compile(r"(?i)(?=o)(?:operationele\s+doelstelling(?:\s+OD)?|\bOD)\s*(\d{1,2})\b")
    sd_cited: re.Pattern[str] = re.compile(r"(?=S)\bSD\s?(\d{1,2})\b")  # (?=S): as od_cited's (?=o)

    # --- what a document is about: the lines that name its policy domain, each with a word it must hold
    domain_lines: tuple[tuple[re.Pattern[str], str], ...] = (
        (re.compile(rf"^TOTAAL\s*[–-]\s*{_DOMAIN_NAME}"), "totaal"),
        (re.compile(rf"(?i:\bbeleidsdomein)\s+{_DOMAIN_NAME}"), "beleidsdomein"),
        (re.compile(rf"(?i:\bBBT\s+(?:\d{{4}}),?)\s+{_DOMAIN_NAME}\s*$"), "bbt"),
        (re.compile(rf"(?i:begrotingstoelichting)\s+{_DOMAIN_NAME}"), "begrotingstoelichting"),
    )
    # Dutch title case: these stay lower case inside a title (`Welzijn, Volksgezondheid en Gezin`), and a label
    # going on with one of them is not glued to the line above
    small_words: frozenset[str] = frozenset(
        {"en", "van", "de", "het", "der", "voor", "in", "op", "met", "of", "te", "tot", "aan", "bij", "uit"}
    )

    # --- the annexes: chapters (a word of their title, upper case) and the items they list
    abbreviations_chapter: str = "AFKORTINGEN"
    annex_chapters: tuple[tuple[str, str], ...] = (
        ("REGELGEVING", "decisions"), ("RESOLUTIES", "resolutions"), ("REKENHOF", "court_of_audit"),
        ("ARRESTEN", "rulings"),
    )  # fmt: skip
    months: dict[str, int] = field(default_factory=lambda: dict(_MONTHS))  # `12 januari 2024`
    decision_start: re.Pattern[str] = re.compile(
        r"^(Decreet|Besluit|Ministerieel besluit|Omzendbrief|Wet|Koninklijk besluit|Samenwerkingsakkoord|Protocol)\b"
    )
    resolution_start: re.Pattern[str] = re.compile(r"^(Voorstel van resolutie|Resolutie|Motie)\b", re.IGNORECASE)
    parliament_number: re.Pattern[str] = re.compile(r"^(?P<number>\d+\s*\(\d{4}-\d{4}\))\s*(?:NR|nr)\.?\s*\d+")
    adopted: re.Pattern[str] = re.compile(r"(?i)^aangenomen\b.*")
    recommendation_start: re.Pattern[str] = re.compile(r"^(Aanbeveling\s*\d*)\s*[:.]?\s*(.*)$")
    recommendation_word: str = "Aanbeveling"
    recommendation_group: re.Pattern[str] = re.compile(r"^ISE\b")  # recommendations grouped under an ISE
    ruling_start: re.Pattern[str] = re.compile(r"(?i)^(arrest|uitspraak)\b")
    # the kind an item of an annex is stored with (a decision's is its first word: `decreet`, `besluit`)
    resolution_kind: str = "resolutie"
    recommendation_kind: str = "aanbeveling"
    ruling_kind: str = "arrest"

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
    structure_slide: re.Pattern[str] = re.compile(r"(?i)bbt-structuur")  # the slide listing goals and ISEs
    ise_label: str = "ISE"  # a slide's label before an ISE's name (alone on its line, or `ISE <name>`)
    info_label: str = "Begrotingsinfo"  # a slide's label before its statements
    not_goal_bullets: tuple[str, ...] = ("totaal beleidskrediet", "oorzaak")  # bullet starts (lower case)
    cause_heading: re.Pattern[str] = re.compile(r"(?i)oorzaak")  # `Oorzaak toename:` before the causes
    # Words a slide label writes out where an ISE's name ends in their abbreviation (`Activering (sociale
    # economie)` for the ISE `activering SE`); the abbreviation is dropped from the name in its slug.
    abbreviations: tuple[tuple[str, str], ...] = (("sociale economie", "SE"),)
    cause_heading_start: re.Pattern[str] = re.compile(r"(?i)^.*?oorzaak\s+\w+\s*:\s*")
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

    # --- the rows of a `Kredietevolutie` table between its first and last stage (the budget bridge, bridge.py):
    # a label's role is the first whose stem it holds (lower case); a label with none is `andere`
    bridge_roles: tuple[tuple[str, str], ...] = (
        ("index", "index"), ("compens", "compensaties"), ("herverdel", "herverdelingen"),
        ("andere bijstel", "andere"), ("bijstel", "bijstellingen"), ("niet benut", "niet-benut"),
        ("onderbenut", "niet-benut"), ("uitvoering", "uitvoering"), ("realisatie", "realisatie"),
    )  # fmt: skip
    # a code a text names as the former one: `(vroeger <code>)`, `voorheen <code>`, `(ex <code>)`; a
    # text holds one of `former_words` wherever the pattern matches in it (the store filters on them)
    former_code: re.Pattern[str] = re.compile(
        r"(?i)(?:\b(?:vroeger|voorheen)\s*:?|\(\s*ex\.?)\s*(?:(?:begrotings)?artikel\s+)?"
        r"(?P<code>[A-Z0-9]{3}-[0-9A-Z][A-Z]{2}[A-Z0-9]{2,6}-[A-Z]{2})\b"
    )
    former_words: tuple[str, ...] = ("vroeger", "voorheen", "(ex")

    claims: ClaimWords = field(default_factory=lambda: ClaimWords())

    @cached_property
    def amount(self) -> re.Pattern[str]:
        """An amount in words: `1,2 miljard`, `18,3 miljoen`, `-0,7 miljoen`, `292.136 keuro`."""
        scales = "|".join(self.scales)
        return re.compile(
            r"(?P<sign>[+\-−])?\s?(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*"
            rf"(?P<scale>{scales})",
            re.IGNORECASE,
        )

    @cached_property
    def abbreviation_end(self) -> re.Pattern[str]:
        """An ISE name's ending abbreviation (`activering SE`), any of `abbreviations`."""
        ends = "|".join(re.escape(short) for _, short in self.abbreviations) or r"(?!)"
        return re.compile(rf"\s+(?:{ends})\s*$")

    @cached_property
    def date(self) -> re.Pattern[str]:
        """A date in words: `12 januari 2024` (day, month, year groups)."""
        return re.compile(r"\b(\d{1,2})\s+(" + "|".join(self.months) + r")\s+((?:19|20)\d{2})\b", re.IGNORECASE)

    @cached_property
    def total_statement(self) -> re.Pattern[str]:
        """A slide's statement of a policy credit: `Totaal beleidskrediet 1,2 miljard`."""
        return re.compile(rf"(?i){self.policy_credit}\s+(?P<total>[\d.,]+\s*(?:{self._scales_longest_first}))")

    @cached_property
    def change_statement(self) -> re.Pattern[str]:
        """A change with its size: `stijging van 18,3 miljoen`, `daling met -0,7 miljoen`."""
        words = self.increase_words | self.decrease_words
        change_words = "|".join(sorted((w for w in words if " " not in w), key=len, reverse=True))
        scales = self._scales_longest_first
        return re.compile(
            rf"(?i)\b(?P<word>{change_words})\s+(?:(?:van|met)\s+)?(?P<amount>[+\-−]?\s?[\d.,]+\s*(?:{scales}))"
        )

    @property
    def _scales_longest_first(self) -> str:
        return "|".join(sorted(self.scales, key=len, reverse=True))

    def bridge_role(self, label: str) -> str:
        """The role of a `Kredietevolutie` change row: `Andere bijstellingen` -> andere, `Index` -> index."""
        lowered = " ".join(label.lower().split())
        return next((role for stem, role in self.bridge_roles if stem in lowered), "andere")

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


# --- the sentence forms in which the prose quotes its tables (audit/claims.py)
# Building blocks: a figure, an amount in keuro, the credits it is about, a hedge before a percentage.
_FIGURE = r"\d{1,3}(?:\.\d{3})+|\d+"
_CREDITS = r"VAK\s*/\s*VEK|VAK\s*/\s*VAK|VAK\s+en\s+VEK|VAK|VEK|AO|TO|LO"
_STAGE_WORDS = r"BA\s*[-–]\s*JR|BA|BO|begrotingsaanpassing|begrotingsopmaak"
_HEDGE = r"(?:(?:afgerond|quasi|bijna|zo\s+goed\s+als|ongeveer|nagenoeg)\s+)?"
_ITEM = (
    rf"(?:(?P<pre>VAK|VEK)-krediet\s+van\s+)?(?P<amount>[-−]?(?:{_FIGURE}))(?:,(?P<decimals>\d+))?\s*keuro"
    rf"(?:\s+(?:in\s+)?(?P<credit>{_CREDITS})(?![\w-]))?"
    rf"(?:\s*\(\s*(?P<paren>\d+(?:[,.]\d{{1,2}})?)\s*%\s*\)"
    rf"|\s+of\s+{_HEDGE}(?P<percent>\d+(?:[,.]\d{{1,2}})?)\s*%(?:\s+(?P<pcredit>VAK|VEK)(?![\w-]))?"
    rf"(?:\s+van\s+het\s+beschikba\w*\s+(?:(?P<tcredit>VAK|VEK)[-\s]?)?(?:krediet|budget))?)?"
)


@dataclass(frozen=True)
class ClaimWords:
    """What tells a sentence that quotes the table, and which figure of it (see docs/audit.md, Claims).

    Each `*_lead` pattern ends where a list of items starts: `X keuro [VAK|VEK|VAK/VEK] [of P% ...]`,
    joined by `en` or commas (`item`, `item_separator`).
    """

    item: re.Pattern[str] = re.compile(_ITEM)
    item_separator: re.Pattern[str] = re.compile(r"\s*,?\s*(?:en\s+)?(?:een\s+(?=VAK|VEK))?")
    # the execution: `De uitvoering op dit begrotingsartikel bedraagt`, `De VEK-uitvoering bedraagt`,
    # `De besteding op het begrotingsfonds bedroeg uiteindelijk`, `kende in 2023 een uitvoering van`
    execution_lead: re.Pattern[str] = re.compile(
        r"(?i)(?:\b(?:(?P<credit>VAK|VEK)-)?(?:globale\s+|totale\s+)?(?:uitvoering|realisatie|besteding|uitgaven"
        r"|begrotingsuitvoering)(?:\s+(?:op|dit|het|begrotingsartikel|begrotingsfonds|in|ORAFIN|(?:19|20)\d\d))*"
        r"\s+(?:bedraagt|bedroeg|bedragen|bedroegen)(?:\s+(?:in\s+(?:19|20)\d\d|uiteindelijk|dus|met\s+andere\s+woorden))*"
        r"|\bkende\s+(?:in\s+(?:19|20)\d\d\s+)?een\s+uitvoering\s+van"
        r"|\b(?:uitvoering|uitgaven)(?:\s+in\s+(?:19|20)\d\d)?\s+ten\s+belope\s+van)\s+"
    )
    # the budget at a stage: `een budget voorzien van`, `het decretaal toegekende krediet bedroeg`,
    # `bedroeg het decretaal toegekende krediet`, `werd er voor deze maatregel X keuro voorzien`
    budget_lead: re.Pattern[str] = re.compile(
        r"(?i)(?<!beschikbaar\s)(?<!beschikbare\s)\b(?:(?:VAK|VEK)-)?(?:budget|krediet|decretaal\s+bedrag|enveloppe)\s+(?:voorzien\s+|ingeschreven\s+)?van\s+"
        r"|\b(?:krediet|budget)\b(?:\s+[^\s.]+){0,4}?\s+(?:bedroeg|bedraagt)\s+(?:bij\s+\S+\s+(?:19|20)\d\d\s+)?"
        r"|\b(?:bedroeg|bedraagt)\s+het\s+(?:[^\s.]+\s+){0,3}?(?:krediet|budget)\s+"
        r"|\bwerd\s+(?:er\s+)?(?:voor\s+(?:dit|deze)\s+\w+\s+)(?=[\d.]+\s*keuro\s+[^.]*?\bvoorzien\b)"
        r"|\bwerd\s+(?:op\s+dit\s+begrotingsartikel\s+)?een\s+(?=VAK-krediet|VEK-krediet)"
    )
    # a stage named in a sentence, with its year when printed: `BA 2023`, `begrotingsaanpassing 2023`
    stage_named: re.Pattern[str] = re.compile(rf"(?i)\b(?P<stage>{_STAGE_WORDS})\b(?:\s+(?P<year>(?:19|20)\d\d))?")
    stage_words: dict[str, str] = field(
        default_factory=lambda: {"begrotingsaanpassing": "BA", "begrotingsopmaak": "BO", "ba": "BA", "bo": "BO"}
    )
    decree: re.Pattern[str] = re.compile(r"(?i)\bdecreta")  # `decretaal toegekend`: the last budget decree
    # the credit available at the end: `het beschikbare budget 2023`, `het uiteindelijk krediet`, `eind 2023`
    available_lead: re.Pattern[str] = re.compile(
        r"(?i)\bbeschikba\w*\s+(?:(?:VAK|VEK)\b-?)?\s*(?:krediet|budget)?(?:\s+(?:19|20)\d\d)?"
        r"(?:\s+(?:bedroeg|bedraagt|was|van|op|uiteindelijk|het|jaareinde|daardoor)){1,6}\s+"
        r"|\buiteindelijke?\s+krediet\s+|\bbedroeg\s+eind\s+(?:19|20)\d\d\s+"
    )
    # a change that names where it ends: `steeg met X keuro tot Y keuro`, `groeide het budget aan met ... tot ...`
    change_lead: re.Pattern[str] = re.compile(
        r"(?i)\b(?P<word>steeg|daalde|verhoogd|verminderd|toe|af|aan|toenam|afnam)\s+met\s+"
    )
    change_end: re.Pattern[str] = re.compile(r"(?i)\s+tot\s+")
    # a cause of change of a `Kredietevolutie` table: `De index bedraagt X keuro`, `door compensaties met X keuro`
    cause_lead: re.Pattern[str] = re.compile(
        r"(?i)\b(?P<cause>indexatie|index|compensaties?|herverdelingen?|(?:andere\s+)?bijstellingen?)\b"
        r"[^.%\d]{0,40}?\b(?:met|van|bedraagt|bedragen|bedroeg|bedroegen)\s+"
    )
    # the end of a change without its size: `steeg het budget tot X keuro`, `nam het budget toe tot`
    end_lead: re.Pattern[str] = re.compile(
        r"(?i)\b(?:(?:steeg|groeide|liep|nam)\s+het\s+(?:VAK-|VEK-)?(?:budget|krediet)\b[^.%]*?"
        r"|(?:VAK-|VEK-)?(?:budget|krediet)\b[^.%]{0,40}?\b(?:aangroeide|toenam))\s+tot\s+"
    )
    # the under-use: `onderbenutting van X keuro [of P%]`; `X keuro [of P%] onder het beschikbare krediet`
    underuse_lead: re.Pattern[str] = re.compile(r"(?i)\bonderbenutting\s+(?:van|met)\s+")
    underuse_after: re.Pattern[str] = re.compile(
        rf"(?i)(?P<amount>{_FIGURE})\s*keuro(?:\s+of\s+(?P<percent>\d+(?:,\d{{1,2}})?)\s*%)?"
        r"\s+onder\s+het\s+(?:beschikbare|voorziene)\s+(?:krediet|budget)"
    )
    # `Dit is P% of X keuro minder dan het voorziene budget`: the execution rate and the difference
    shortfall: re.Pattern[str] = re.compile(
        rf"(?i)(?P<percent>\d+(?:,\d{{1,2}})?)\s*%\s+of\s+(?P<amount>{_FIGURE})\s*keuro\s+"
        r"(?P<word>minder|meer)\s+dan\s+het\s+voorziene\s+budget"
    )
    # the execution rate alone: `realisatiegraad van 86%`, `102% van het beschikbare krediet`, `Dit is 33%`
    rate: re.Pattern[str] = re.compile(
        rf"(?i)(?:\b(?:overeenstemt\s+met|overeenkomt\s+met|komen\s+we\s+op|neer\s+op|bedroeg|bedraagt|is)\s+"
        rf"(?:een\s+)?(?:realisatie|bestedings|benuttings)graad\s+van\s+{_HEDGE}(?P<percent>\d+(?:[,.]\d{{1,2}})?)\s*%"
        rf"|(?<![\d.,])(?P<percent2>\d+(?:[,.]\d{{1,2}})?)\s*%\s+van\s+het\s+beschikba\w*\s+"
        r"(?:(?P<credit>VAK|VEK)[-\s]?)?(?:VAK/VEK\s+)?(?:krediet|budget))"
    )
    rate_after_execution: re.Pattern[str] = re.compile(
        rf"(?i)^(?:dit|dat)\s+(?:is|komt\s+neer\s+op)\s+{_HEDGE}(?P<percent>\d+(?:[,.]\d{{1,2}})?)\s*%"
    )
    # A sentence giving one measure its own budget: from there on the prose speaks of parts of the article.
    part_marker: re.Pattern[str] = re.compile(r"(?i)\b(?:krediet|budget)\s+voor\s+de\s+maatregel\b")
    article_anchor: re.Pattern[str] = re.compile(r"(?i)\bdit\s+begrotingsartikel\b")
    # ISE-frame prose names its ISE (`het ISE ‘Loopbanen’`, `Het inhoudelijk structuurelement ‘…’`)
    frame_anchor: re.Pattern[str] = re.compile(r"(?i)\b(?:ISE|inhoudelijk\s+structuurelement)\b")
    # a sentence that goes on about what the one before said (`Dit is 82%`, `Hierdoor steeg het budget`)
    back_reference: re.Pattern[str] = re.compile(
        r"(?i)^\s*(?:dit|dat|hierdoor|daardoor|daarmee|het\s+(?:budget|krediet)\s+(?:bedroeg|steeg|daalde))\b"
    )
    # budgets at several stages in one sentence: `Het budget bedroeg bij BA 2024 X keuro VAK en bij BO 2025 ...`
    stage_item: re.Pattern[str] = re.compile(
        rf"(?i)\bbij\s+(?P<stage>{_STAGE_WORDS})\s+(?P<year>(?:19|20)\d\d)\s+(?=\d)"
    )
    # the unit of every amount the prose quotes (a sentence without it or `%` quotes nothing), and the figure
    # before it (`1.861 keuro`, `-56 keuro`, `98,8 keuro`: the integer and the decimals as groups)
    amount_unit: str = "keuro"
    amount_figure: re.Pattern[str] = re.compile(r"(?<![\d.,])(-?\d{1,3}(?:\.\d{3})+|-?\d+)(?:,(\d+))?\s*keuro")
    # what tells that a sentence's amount or percentage is about the budget or its execution, stated as a fact
    amount_context: re.Pattern[str] = re.compile(
        r"realisatie|uitvoering|besteding|budget|krediet|\bB[AU]\b|\bVAK\b|\bVEK\b|raming|geraamd", re.I
    )
    percent_context: re.Pattern[str] = re.compile(
        r"realisatie|uitvoering|benut|beschikba|besteding|besteed|budget|krediet", re.I
    )
    fact_verb: re.Pattern[str] = re.compile(
        r"\b(?:bedr(?:oeg|aagt|agen|oegen)|is|komt neer|betekent|gerealiseerd)\b", re.I
    )
    # the cause of a change a `cause_lead` names, by stem (lower case): its row in the `Kredietevolutie` table
    cause_rows: tuple[tuple[str, str], ...] = (
        ("index", "index"), ("compens", "compensaties"), ("herverdel", "herverdelingen"), ("bijstel", "bijstellingen"),
    )  # fmt: skip
    less_word: str = "minder"  # `P% of X keuro minder dan het voorziene budget`: under the budget
    rise_particles: frozenset[str] = frozenset({"toe", "aan", "toenam"})  # `nam toe met`, `groeide aan met`
    fall_particles: frozenset[str] = frozenset({"af", "afnam"})  # `nam af met`
    credit_word: re.Pattern[str] = re.compile(r"\b(VAK|VEK|AO|TO|LO)\b")
    year: re.Pattern[str] = re.compile(r"\b(?:19|20)\d\d\b")
    # a percentage stated with its own amount, as a share of the available credit: `1.861 keuro VAK of 22% van
    # het beschikbare VAK-krediet`, `een totale uitgave van 2.803 keuro of 91% van het beschikbare krediet`
    share: re.Pattern[str] = re.compile(
        r"(?i)(?<![\d.,])(?P<amount>\d{1,3}(?:\.\d{3})+|\d+)\s*keuro(?:\s+(?P<credit>VAK|VEK))?\s+of\s+"
        r"(?P<percent>\d+(?:,\d+)?)\s*%\s+van\s+het\s+(?:totale\s+)?beschikbare\s+(?:(?P<base>VAK|VEK)-)?(?:krediet|budget)"
    )
    # a sentence stating a budget or an available credit (a measure's own, too): `Het decretaal toegekende krediet
    # voor de maatregel DAC bedroeg ... 4.189 keuro VAK/VEK`, `Hierdoor bedroeg het beschikbare VAK uiteindelijk
    # 8.590 keuro`; its amounts (`stated_amount`) are what a share may be of
    budget_stated: re.Pattern[str] = re.compile(
        r"(?i)\b(?:krediet|budget|beschikbare)\b.*\b(?:bedroeg|bedraagt)\b|\b(?:bedroeg|bedraagt)\b.*\b(?:krediet|budget|beschikbare)\b"
    )
    stated_amount: re.Pattern[str] = re.compile(
        r"(?<![\d.,])(?P<amount>\d{1,3}(?:\.\d{3})+|\d+)\s*keuro(?:\s+(?P<credit>VAK/VEK|VAK|VEK))?"
    )
    # Words (lower case) of which a sentence holds one wherever the named pattern matches in it: a sentence
    # without any is not searched with the pattern, which is most sentences for most patterns. A new
    # wording of a pattern needs its word here (a test checks every pattern's matches against these).
    hints: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "execution_lead": ("uitvoering", "realisatie", "besteding", "uitgaven"),
            "underuse_lead": ("onderbenutting",),
            "underuse_after": ("onder",),
            "shortfall": ("voorziene",),
            "cause_lead": ("index", "compensatie", "herverdeling", "bijstelling"),
            "change_lead": ("met",),
            "end_lead": ("tot",),
            "available_lead": ("beschikba", "eind"),
            "stage_item": ("bij",),
            "budget_lead": ("budget", "krediet", "bedrag", "enveloppe", "voorzien"),
            "rate": ("graad", "beschikba"),
            "budget_stated": ("bedroeg", "bedraagt"),  # prose.stated_bases: a budget the prose states
        }
    )


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
