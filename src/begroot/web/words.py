"""UI strings of the budget bridge, the lineage and the glossary, in Dutch and English (merged into
`i18n.CATALOGUE`; kept apart so that the pages of issue 22 bring their words along)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "bridge.title": "Kredietevolutie: van vorig budget naar dit budget",
        "bridge.help": "Elke stap zoals de tabel Kredietevolutie ze drukt (begin- en eindstadium als staaf, de wijzigingen ertussen) in",
        "bridge.incomplete": "Niet elk artikel drukt een Kredietevolutie: geen som, zodat artikels met en zonder niet vermengd worden",
        "bridge.articles": "artikels",
        "bridge.step": "Stap",
        "bridge.role": "Soort",
        "bridge.more": "ook in andere documenten",
        "bridge.none": "Er is geen Kredietevolutie geladen.",
        "bridge.data": "Kredietevolutie",
        "bridge.role.start": "Beginstadium",
        "bridge.role.end": "Eindstadium",
        "bridge.role.index": "Indexatie",
        "bridge.role.compensaties": "Compensaties",
        "bridge.role.herverdelingen": "Herverdelingen",
        "bridge.role.bijstellingen": "Bijstellingen",
        "bridge.role.andere": "Andere bijstellingen",
        "bridge.role.niet-benut": "Niet benut",
        "bridge.role.uitvoering": "Uitvoering",
        "bridge.role.realisatie": "Realisatie",
    },
    "en": {
        "bridge.title": "Budget bridge: from last budget to this one",
        "bridge.help": "Every step as the Kredietevolutie table prints it (first and last stage as bars, the changes between them) in",
        "bridge.incomplete": "Not every article prints a Kredietevolutie: no sum, so that articles with and without one are not mixed",
        "bridge.articles": "articles",
        "bridge.step": "Step",
        "bridge.role": "Kind",
        "bridge.more": "also in other documents",
        "bridge.none": "No Kredietevolutie is loaded.",
        "bridge.data": "Budget bridge",
        "bridge.role.start": "First stage",
        "bridge.role.end": "Last stage",
        "bridge.role.index": "Indexation",
        "bridge.role.compensaties": "Compensations",
        "bridge.role.herverdelingen": "Reallocations",
        "bridge.role.bijstellingen": "Adjustments",
        "bridge.role.andere": "Other adjustments",
        "bridge.role.niet-benut": "Not used",
        "bridge.role.uitvoering": "Execution",
        "bridge.role.realisatie": "Realisation",
    },
}
