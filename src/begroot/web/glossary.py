"""The glossary (Begrippenlijst, `/glossary`) and the same explanations on every page: a column header, a
caption's unit or a badge that is a term gets an `<abbr title>` with the explanation, linked to its entry.

Templates mark such a text with the `term` filter (`web/render.py`), in the cell itself: only whole header
texts that are a term are touched, never prose. tests/test_glossary.py checks every page's header cells,
so a template that forgets the filter fails there.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# term -> (Dutch, English); the term as the tables print it
TERMS: dict[str, tuple[str, str]] = {
    "VAK": (
        "Vastleggingskrediet: hoeveel de overheid in het jaar mag vastleggen (verbintenissen aangaan).",
        "Commitment appropriation: how much may be committed in the year.",
    ),
    "VEK": (
        "Vereffeningskrediet: hoeveel in het jaar mag worden uitbetaald.",
        "Payment appropriation: how much may be paid out in the year.",
    ),
    "AO": ("Algemene ontvangsten: ontvangsten zonder bestemming.", "General receipts: receipts not earmarked."),
    "TO": (
        "Toegewezen ontvangsten: ontvangsten voor een bepaald doel.",
        "Earmarked receipts: receipts for a given purpose.",
    ),
    "LO": (
        "Derde kolom ontvangsten van de tabellen; in een artikelcode: lonen (ESR).",
        "Third receipts column of the tables; in an article code: wages (ESR).",
    ),
    "BO": (
        "Begrotingsopmaak: de initiële begroting van jaar N, ingediend in het najaar van N-1.",
        "Initial budget of year N, tabled in autumn N-1.",
    ),
    "BA": (
        "Begrotingsaanpassing: de aangepaste begroting, in het voorjaar van jaar N (1e BA: de eerste).",
        "Adjusted budget, in spring of year N (1e BA: the first adjustment).",
    ),
    "BA-JR": (
        "BA plus de herverdelingen tijdens het jaar: het krediet dat uiteindelijk beschikbaar is.",
        "BA plus the reallocations during the year: the credit finally available.",
    ),
    "BU": (
        "Begrotingsuitvoering: wat in jaar N werkelijk is vastgelegd, betaald of ontvangen (ORAFIN).",
        "Budget execution: what was really committed, paid or received in year N (ORAFIN).",
    ),
    "DELTA": (
        "Verschil tussen twee stadia (ook: evolutie), bv. van BA 2024 naar BO 2025.",
        "Difference between two stages (also: evolutie), e.g. from BA 2024 to BO 2025.",
    ),
    "ISE": (
        "Inhoudelijk structuurelement: een deel van een beleidsveld binnen een programma, met een eigen budgettair kader.",
        "Content structure element: part of a policy field within a program, with its own budget frame.",
    ),
    "ESR": (
        "Europees Systeem van Rekeningen: de economische aard van een uitgave (werking en toelagen WT, lonen LO, provisies PR...).",
        "European System of Accounts: the economic nature of an expenditure (operations and grants WT, wages LO, provisions PR...).",
    ),
    "DAB": (
        "Dienst met afzonderlijk beheer: een dienst van de Vlaamse overheid met een eigen begroting.",
        "Service with separate management: a Flemish government service with a budget of its own.",
    ),
    "MVG": (
        "Ministerie van de Vlaamse Gemeenschap: ‘MVG excl. DAB’ is het ministerie zonder de diensten met afzonderlijk beheer.",
        "Ministry of the Flemish Community: ‘MVG excl. DAB’ is the ministry without the services with separate management.",
    ),
    "afbakening": (
        "Welke entiteiten een totaal omvat (bv. ‘MVG excl. DAB’, ‘incl. VDAB’): cijfers met een andere afbakening zijn niet vergelijkbaar.",
        "Perimeter: which entities a total covers (e.g. ‘MVG excl. DAB’, ‘incl. VDAB’): figures of different perimeters do not compare.",
    ),
    "keuro": (
        "Duizend euro: alle tabellen staan in duizend euro; 1.000 keuro is 1 miljoen euro.",
        "Thousand euro: every table is in thousand euro; 1,000 keuro is 1 million euro.",
    ),
    "Kredietevolutie": (
        "De tabel van een artikel die toont hoe het vorige budget het nieuwe werd: index, compensaties, herverdelingen, bijstellingen.",
        "An article's table showing how the previous budget became the new one: index, compensations, reallocations, adjustments.",
    ),
    "Index": (
        "Indexatie: de aanpassing aan de gestegen prijzen en lonen.",
        "Indexation: the adjustment to higher prices and wages.",
    ),
    "Compensaties": ("Verschuivingen tussen artikels die elkaar opheffen.", "Shifts between articles that cancel out."),
    "Herverdelingen": (
        "Kredieten die tijdens het jaar naar een ander artikel verschuiven.",
        "Credits moved to another article during the year.",
    ),
    "Bijstellingen": (
        "Beleidsmatige verhogingen of verlagingen van het krediet.",
        "Policy increases or cuts of the credit.",
    ),
}
# Other ways the pages print a term
ALIASES = {"BA – JR": "BA-JR", "Delta": "DELTA", "esr": "ESR", "k€": "keuro", "perimeter": "afbakening",
           "Perimeter": "afbakening", "Afbakening": "afbakening"}  # fmt: skip


def entries(lang: str) -> list[dict[str, str]]:
    """The glossary in the page's language, alphabetically."""
    index = 1 if lang == "en" else 0
    return [{"term": term, "anchor": anchor(term), "text": texts[index]}
            for term, texts in sorted(TERMS.items(), key=lambda item: item[0].lower())]  # fmt: skip


def anchor(term: str) -> str:
    return "term-" + re.sub(r"[^A-Za-z0-9]+", "-", term).strip("-").lower()


def explain(text: str, lang: str) -> str | None:
    term = ALIASES.get(text, text)
    found = TERMS.get(term)
    return None if found is None else found[1 if lang == "en" else 0]


def _abbr(text: str, lang: str) -> str | None:
    term = ALIASES.get(text, text)
    meaning = explain(text, lang)
    if meaning is None:
        return None
    return f'<a class="term" href="/glossary#{anchor(term)}"><abbr title="{escape(meaning)}">{text}</abbr></a>'


def term(text: object, lang: str) -> Markup:
    """A header cell's or caption unit's text, explained and linked to the glossary where it is a term:
    whole (`BA – JR`) or word by word (`VAK BU`) when every word is one; else the text, escaped."""
    shown = str(text).strip()
    words = [shown] if explain(shown, lang) else shown.split()
    wrapped = [_abbr(word, lang) for word in words]
    if not words or None in wrapped:
        return escape(text)
    return Markup(" ".join(w for w in wrapped if w))
