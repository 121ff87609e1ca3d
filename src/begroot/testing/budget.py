"""A random policy domain whose numbers add up: the truth behind every generated document.

The model follows the BBT family (see the fact-table docs): a domain with a department and
agencies, programs (apparatus A, provisions B, two to four policy programs), policy fields
with their ISEs, and budget articles with values per year and stage. Values chain over the
years the way the budget cycle does:

    BO(Y)    = BA(Y-1) + index + compensaties + andere bijstellingen
    BA(Y)    = BO(Y) + evolutie (herverdelingen + bijstellingen)
    BA-JR(Y) = BA(Y) + herverdelingen during the year
    BU(Y)    = what was spent, mostly below BA-JR(Y), sometimes above

Every total a document prints (ISE frame rows, programs, the domain) is a sum computed here,
so the documents agree with themselves by construction.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

STAGES = ("BO", "BA", "BA-JR", "BU")
EXPENDITURE_CREDITS = ("VAK", "VEK")
RECEIPT_CREDITS = ("AO", "TO", "LO")
FRAME_ROW = {"WT": "esr", "LO": "esr", "PR": "esr", "IS": "is", "LE": "other", "PA": "other"}
RECEIPT_SUFFIXES = ("OW", "OP", "OI", "OV")
LETTERS = "ABCDEFGHJKLMNPRSTUVWXZ"


@dataclass(frozen=True)
class DomainInfo:
    name: str
    letter: str
    department: str  # the department's name as an entity heading
    department_short: str
    agency: str  # an entity under the minister's authority
    agency_short: str
    programs: tuple[str, ...]  # names of the policy programs
    ises: tuple[str, ...]  # a pool of ISE names


DOMAINS = (
    DomainInfo(
        "Welzijn, Volksgezondheid en Gezin",
        "G",
        "Departement Zorg",
        "DZ",
        "Agentschap Opgroeien",
        "Opgroeien",
        ("Welzijn en samenleving", "Gezondheid en zorg", "Gezin en opgroeien", "Armoedebestrijding"),
        (
            "Beleidsondersteuning",
            "Jeugdhulp (opgroeien)",
            "Kinderopvang",
            "Preventie",
            "Eerstelijnszorg",
            "Woonzorg (ouderen)",
            "Geestelijke gezondheidszorg",
            "Gezinsbeleid",
            "Armoede en sociale uitsluiting",
        ),
    ),
    DomainInfo(
        "Cultuur, Jeugd en Media",
        "H",
        "Departement Cultuur, Jeugd en Media",
        "CJM",
        "Agentschap Sport Vlaanderen",
        "Sport Vlaanderen",
        ("Cultuur", "Jeugd", "Media", "Sport"),
        (
            "Kunsten",
            "Cultureel erfgoed",
            "Sociaal-cultureel werk",
            "Jeugdwerk",
            "Omroepen (media)",
            "Mediawijsheid",
            "Sportinfrastructuur",
            "Topsport",
            "Thema-overschrijdend",
        ),
    ),
    DomainInfo(
        "Economie, Wetenschap en Innovatie",
        "E",
        "Departement Economie, Wetenschap en Innovatie",
        "EWI",
        "Agentschap Innoveren en Ondernemen",
        "VLAIO",
        ("Economie", "Wetenschap", "Innovatie"),
        (
            "Ondernemerschap",
            "Onderzoek (fundamenteel)",
            "Innovatie bij bedrijven",
            "Internationalisering",
            "Wetenschapscommunicatie",
            "Clusterbeleid",
            "Beleidsondersteuning",
        ),
    ),
    DomainInfo(
        "Onderwijs en Vorming",
        "F",
        "Departement Onderwijs en Vorming",
        "OV",
        "Agentschap voor Onderwijsdiensten",
        "AGODI",
        ("Basisonderwijs", "Secundair onderwijs", "Hoger onderwijs", "Volwassenenonderwijs"),
        (
            "Kleuteronderwijs",
            "Lager onderwijs",
            "Leerlingenbegeleiding",
            "Schoolgebouwen (infrastructuur)",
            "Studietoelagen",
            "Duaal leren",
            "Lerarenopleiding",
            "Onderwijsinnovatie",
        ),
    ),
    DomainInfo(
        "Mobiliteit en Openbare Werken",
        "M",
        "Departement Mobiliteit en Openbare Werken",
        "MOW",
        "Agentschap Wegen en Verkeer",
        "AWV",
        ("Wegen", "Waterwegen", "Openbaar vervoer"),
        (
            "Wegeninfrastructuur",
            "Verkeersveiligheid",
            "Fietsinfrastructuur",
            "Havens",
            "Waterwegen en zeekanaal",
            "Basisbereikbaarheid",
            "Beleidsondersteuning",
        ),
    ),
    DomainInfo(
        "Omgeving",
        "Q",
        "Departement Omgeving",
        "DO",
        "Agentschap voor Natuur en Bos",
        "ANB",
        ("Natuur", "Milieu", "Ruimte", "Energie"),
        (
            "Natuur en bos",
            "Waterbeleid",
            "Luchtkwaliteit",
            "Ruimtelijke ordening",
            "Onroerend erfgoed",
            "Klimaat (energie)",
            "Bodembescherming",
            "Thema-overschrijdend",
        ),
    ),
    DomainInfo(
        "Werk en Sociale Economie",
        "J",
        "Departement Werk en Sociale Economie",
        "WSE",
        "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding",
        "VDAB",
        ("Werk", "Sociale economie", "Competenties"),
        (
            "Activering",
            "Loopbanen",
            "Duurzame arbeidsmarkt",
            "Thema-overschrijdend",
            "Competenties",
            "Maatwerk (collectief)",
        ),
    ),
)

ARTICLE_WORDS = (
    "WERKING EN TOELAGEN", "SUBSIDIES AAN LOKALE BESTUREN", "LONEN EN WEDDEN", "INVESTERINGEN",
    "DOTATIE AAN HET AGENTSCHAP", "PROJECTOPROEPEN", "ONDERSTEUNING VAN ORGANISATIES", "PREMIES",
    "ERKENDE VOORZIENINGEN", "EUROPESE COFINANCIERING", "STUDIES EN ONDERZOEK", "BELEIDSONDERSTEUNING",
    "INFRASTRUCTUURWERKEN", "SAMENWERKINGSAKKOORDEN", "COMMUNICATIE EN SENSIBILISERING", "DIGITALISERING",
    "LENINGEN AAN DERDEN", "PARTICIPATIES IN VENNOOTSCHAPPEN", "TOELAGE AAN HET FONDS",
)  # fmt: skip
RECEIPT_WORDS = ("ONTVANGSTEN UIT BOETES", "TERUGVORDERINGEN", "ONTVANGSTEN EUROPESE FONDSEN",
                 "ONTVANGSTEN RETRIBUTIES", "ONTVANGSTEN WERKING EN TOELAGEN")  # fmt: skip
PROVISION_WORDS = ("PROVISIE VOOR NIEUW BELEID", "PROVISIE INDEX", "PROVISIE RELANCE",
                   "COMPETITIVITEITSPROVISIE")  # fmt: skip
GOAL_WORDS = (
    "Meer mensen bereiken met een aanbod op maat", "De kwaliteit van de dienstverlening verhogen",
    "Een toegankelijk en betaalbaar aanbod verzekeren", "Lokale besturen versterken",
    "Innovatie en digitalisering ondersteunen", "Kwetsbare groepen beter ondersteunen",
    "Een efficiënte en klantgerichte overheid", "Duurzame investeringen realiseren",
    "Samenwerking met partners versterken", "Transities in de samenleving ondersteunen",
)  # fmt: skip
THEME_WORDS = (
    "Dienstverlening op maat",
    "Samenwerking met lokale besturen",
    "Digitale transformatie",
    "Een gericht doelgroepenbeleid",
    "Kwaliteitszorg",
    "Europese middelen",
    "Monitoring en evaluatie",
)


def slug(name: str) -> str:
    """The fact table's ISE slug: lower case, no `ISE`, perimeter, `(...)` or trailing ` SE`, hyphens."""
    name = re.sub(r"(?i)^\s*ISE\s*:?\s*", "", name)
    name = name.split(",")[0]
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"\s+SE\s*$", " ", name.strip() + " ")
    return "-".join(name.lower().split())


@dataclass
class Values:
    """Values of one article: (year, stage, credit) -> keuro, with the causes behind each change."""

    amounts: dict[tuple[int, str, str], int] = field(default_factory=dict)
    # (year, credit) -> the causes of BO(Y) - BA(Y-1): index, compensaties, andere bijstellingen
    bo_causes: dict[tuple[int, str], tuple[int, int, int]] = field(default_factory=dict)
    # (year, credit) -> herverdelingen and bijstellingen making BA(Y) - BO(Y)
    ba_causes: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)

    def get(self, year: int, stage: str, credit: str) -> int:
        return self.amounts.get((year, stage, credit), 0)


@dataclass
class Article:
    entity: str  # JB0, JH0
    kind: str  # 1 expenditure, 9 receipt, or the agency's letter
    program: str
    middle: str
    suffix: str
    name: str
    values: Values
    goal: int = 0  # the OD it serves
    agency: bool = False

    @property
    def code(self) -> str:
        return f"{self.entity}-{self.kind}{self.program}{self.middle}-{self.suffix}"

    @property
    def is_receipt(self) -> bool:
        return self.kind == "9"

    @property
    def credits(self) -> tuple[str, ...]:
        return RECEIPT_CREDITS if self.is_receipt else EXPENDITURE_CREDITS


@dataclass
class Goal:
    number: int  # OD number
    title: str
    themes: list[str]
    strategic: int  # SD number


@dataclass
class Ise:
    name: str  # as printed in headings: "Jeugdhulp (opgroeien)"
    program: str
    articles: list[Article]
    goals: list[Goal]

    @property
    def slug(self) -> str:
        return slug(self.name)

    @property
    def key(self) -> str:
        return f"{self.program}:{self.slug}"

    @property
    def expenditures(self) -> list[Article]:
        return [a for a in self.articles if not a.is_receipt]


@dataclass
class PolicyField:
    name: str
    ises: list[Ise]


@dataclass
class Program:
    code: str
    name: str
    role: str  # apparatus | provisions | policy
    articles: list[Article] = field(default_factory=list)  # apparatus and provisions only


@dataclass
class Budget:
    seed: int
    domain: DomainInfo
    years: range  # years with values for every stage
    programs: list[Program]
    fields: list[PolicyField]
    strategic: list[str]  # SD titles
    department: str  # entity code of the department: <letter>B0
    agency: str  # entity code of the agency
    agency_kind: str  # the letter its articles carry

    # ---------------------------------------------------------------- structure

    @property
    def ises(self) -> list[Ise]:
        return [ise for policy_field in self.fields for ise in policy_field.ises]

    @property
    def policy_programs(self) -> list[Program]:
        return [p for p in self.programs if p.role == "policy"]

    def program(self, code: str) -> Program:
        return next(p for p in self.programs if p.code == code)

    def program_articles(self, code: str) -> list[Article]:
        program = self.program(code)
        if program.role != "policy":
            return list(program.articles)
        return [a for ise in self.ises if ise.program == code for a in ise.articles]

    @property
    def articles(self) -> list[Article]:
        return [a for p in self.programs for a in self.program_articles(p.code)]

    @property
    def goals(self) -> list[Goal]:
        return [g for ise in self.ises for g in ise.goals]

    # ---------------------------------------------------------------- sums

    def ise_row(self, ise: Ise, row: str, year: int, stage: str, credit: str, agency: bool | None = None) -> int:
        """An ISE frame row (esr/is/other/total): the sum of its expenditure articles."""
        return sum(
            a.values.get(year, stage, credit)
            for a in ise.expenditures
            if (row == "total" or FRAME_ROW[a.suffix] == row) and (agency is None or a.agency == agency)
        )

    def program_total(self, code: str, year: int, stage: str, credit: str, agency: bool | None = None) -> int:
        return sum(
            a.values.get(year, stage, credit)
            for a in self.program_articles(code)
            if credit in a.credits and (agency is None or a.agency == agency)
        )

    def domain_total(self, year: int, stage: str, credit: str) -> int:
        """The summary's TOTAAL: the policy programs only (no apparatus, no provisions)."""
        return sum(self.program_total(p.code, year, stage, credit) for p in self.policy_programs)


# -------------------------------------------------------------------- drawing


def _amount(rng: random.Random) -> int:
    """A base amount over wide ranges: zeros, hundreds, millions."""
    roll = rng.random()
    if roll < 0.06:
        return 0
    if roll < 0.3:
        return rng.randint(1, 999)
    if roll < 0.75:
        return rng.randint(1_000, 99_999)
    if roll < 0.97:
        return rng.randint(100_000, 999_999)
    return rng.randint(1_000_000, 5_000_000)


def _change(rng: random.Random, base: int, spread: float) -> int:
    if base == 0 or rng.random() < 0.15:
        return 0
    return round(base * rng.uniform(-spread, spread))


def _values(rng: random.Random, years: range, credits: tuple[str, ...], provision: bool) -> Values:
    values = Values()
    base = _amount(rng)
    if rng.random() < 0.04:
        base = -rng.randint(1, 20_000)  # a correction article: negative throughout
    for credit in credits:
        if credit == "LO" and rng.random() < 0.85:
            start = 0
        elif credit == "TO":
            start = rng.choice([0, 0, rng.randint(1, 5_000)])
        elif credit == "VEK":
            start = base if rng.random() < 0.5 else round(base * rng.uniform(0.7, 1.3))
        else:
            start = base
        previous_ba = start
        values.amounts[(years[0] - 1, "BA", credit)] = start
        for year in years:
            index = round(previous_ba * rng.uniform(0.0, 0.04)) if rng.random() < 0.7 else 0
            compensation = _change(rng, previous_ba, 0.05)
            other = _change(rng, previous_ba, 0.2)
            bo = previous_ba + index + compensation + other
            reallocation = _change(rng, bo, 0.05)
            adjustment = _change(rng, bo, 0.1)
            ba = bo + reallocation + adjustment
            during_year = _change(rng, ba, 0.05)
            ba_jr = ba + during_year
            if provision:
                bu = 0
            elif rng.random() < 0.85:
                bu = round(ba_jr * rng.uniform(0.55, 1.0))
            else:
                bu = round(ba_jr * rng.uniform(1.0, 1.15))
            values.bo_causes[(year, credit)] = (index, compensation, other)
            values.ba_causes[(year, credit)] = (reallocation, adjustment)
            for stage, amount in zip(STAGES, (bo, ba, ba_jr, bu), strict=True):
                values.amounts[(year, stage, credit)] = amount
            previous_ba = ba
    return values


class _Codes:
    """Unique article codes."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def middle(self, entity: str, kind: str, program: str, suffix: str) -> str:
        while True:
            middle = (self.rng.choice(LETTERS) + str(self.rng.randint(0, 9)) + self.rng.choice(LETTERS)
                      + self.rng.choice(LETTERS))  # fmt: skip
            code = f"{entity}-{kind}{program}{middle}-{suffix}"
            if code not in self.used:
                self.used.add(code)
                return middle


def _article_name(rng: random.Random, words: tuple[str, ...], used: set[str]) -> str:
    name = rng.choice(words)
    if rng.random() < 0.2:
        name += rng.choice([f" {rng.randint(2019, 2027)}", f" FASE {rng.randint(1, 4)}"])  # titles ending in a number
    while name in used:
        name = f"{rng.choice(words)} {rng.choice(['VLAANDEREN', 'ALGEMEEN', 'BIJZONDER', 'REGIONAAL'])}"
        if len(used) > 50:
            name += f" {len(used)}"
    used.add(name)
    return name


def random_budget(seed: int, domain: str | None = None, span: int = 4) -> Budget:
    """A domain with programs, fields, ISEs, articles and chained values; deterministic per seed."""
    rng = random.Random(seed)
    info = next(d for d in DOMAINS if d.name == domain) if domain else rng.choice(DOMAINS)
    letter = info.letter
    first = rng.randint(2019, 2026)
    years = range(first, first + span)  # `span` years with values for every stage
    department = f"{letter}B0"
    agency = f"{letter}{rng.choice('CDEFGH')}0"
    agency_kind = rng.choice("ADEGH")
    codes = _Codes(rng)
    names: set[str] = set()

    def article(program: str, suffix: str, words: tuple[str, ...], on_agency: bool = False) -> Article:
        receipt = suffix in RECEIPT_SUFFIXES
        entity = agency if on_agency else department
        kind = "9" if receipt else (agency_kind if on_agency else "1")
        credits = RECEIPT_CREDITS if receipt else EXPENDITURE_CREDITS
        values = _values(rng, years, credits, provision=suffix == "PR" and program.endswith("B"))
        middle = codes.middle(entity, kind, program, suffix)
        return Article(entity, kind, program, middle, suffix, _article_name(rng, words, names), values,
                       agency=on_agency)  # fmt: skip

    policy_count = rng.randint(2, min(4, len(info.programs)))
    policy_names = rng.sample(info.programs, policy_count)
    programs = [Program(f"{letter}A", "Apparaatskredieten", "apparatus"),
                Program(f"{letter}B", "Provisies", "provisions")]  # fmt: skip
    programs[0].articles = [article(f"{letter}A", s, ARTICLE_WORDS) for s in ("WT", "LO")]
    programs[0].articles.append(article(f"{letter}A", rng.choice(RECEIPT_SUFFIXES), RECEIPT_WORDS))
    programs[1].articles = [article(f"{letter}B", "PR", PROVISION_WORDS) for _ in range(rng.randint(1, 2))]
    fields: list[PolicyField] = []
    goal_number = 0
    strategic = rng.sample(GOAL_WORDS, 3)
    pool = list(info.ises)
    for position, name in enumerate(policy_names):
        code = f"{letter}{'CDEFGH'[position]}"
        programs.append(Program(code, name, "policy"))
        ises: list[Ise] = []
        for _ in range(rng.randint(1, 4)):
            ise_name = rng.choice(pool)
            if any(slug(i.name) == slug(ise_name) for i in ises):
                continue  # slugs are unique per program
            goals = []
            for _ in range(rng.randint(1, 2)):
                goal_number += 1
                goals.append(Goal(goal_number, rng.choice(GOAL_WORDS), rng.sample(THEME_WORDS, 2),
                                  rng.randint(1, 3)))  # fmt: skip
            articles = []
            for _ in range(rng.randint(2, 8)):
                suffix = rng.choices(["WT", "LO", "PR", "IS", "LE", "PA", "RECEIPT"], [8, 2, 1, 3, 1, 1, 2])[0]
                if suffix == "RECEIPT":
                    item = article(code, rng.choice(RECEIPT_SUFFIXES), RECEIPT_WORDS)
                else:
                    item = article(code, suffix, ARTICLE_WORDS, on_agency=rng.random() < 0.2)
                item.goal = rng.choice(goals).number
                articles.append(item)
            if all(a.is_receipt for a in articles):
                extra = article(code, "WT", ARTICLE_WORDS)
                extra.goal = goals[0].number
                articles.append(extra)
            ises.append(Ise(ise_name, code, articles, goals))
        fields.append(PolicyField(name, ises))
    return Budget(seed, info, years, programs, fields, strategic, department, agency, agency_kind)
