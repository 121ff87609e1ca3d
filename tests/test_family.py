"""Each failure class of the BBT family, on a small document built here (the generated corpus covers them at scale).

One test per class: the layouts and converter habits of other domains, stages and years that
the samples do not show.
"""

from __future__ import annotations

from begroot.model import Document
from begroot.parse import parse
from begroot.sources import load_bytes


def read(text: str, name: str = "doc.txt") -> Document:
    return parse(load_bytes(name, text.encode("utf-8")))


def facts(document: Document) -> dict[tuple[object, ...], int]:
    return {(f.scope, f.subject, f.row, f.credit, f.year, f.stage): f.value for f in document.facts}


ARTICLE = """\
GB0-1GCF2BA-WT – WERKING EN TOELAGEN
Korte inhoud begrotingsartikel:
Dit artikel draagt bij tot de realisatie van operationele doelstelling OD 3 'Zorg'.
Begrotingsuitvoering:
(duizend euro)
VAK VEK
2023 2e BA 2e BA – JR BU 2e BA 2e BA – JR BU
Uitgaven 100 110 90 100 105 95
Inhoudelijke toelichting:
De realisatie op dit begrotingsartikel bedraagt 90 keuro.
"""


def test_second_adjustment_and_spaced_ba_jr() -> None:
    summary = (
        "TOTAAL – WELZIJN, VOLKSGEZONDHEID EN GEZIN, excl. DAB’s\n(duizend euro)\n2023 AO TO LO VAK VEK\n"
        "2e BA 1 2 3 400 500\n2e BA – JR 1 2 3 410 520\nBU 1 2 3 390 480\n\n"
    )
    document = read(summary + ARTICLE)
    got = facts(document)
    assert got[("total", "TOTAL", "total", "VEK", 2023, "BA-JR")] == 520
    assert got[("article", "GB0-1GCF2BA-WT", "total", "VEK", 2023, "BA-JR")] == 105
    assert document.domain == "Welzijn, Volksgezondheid en Gezin"
    assert document.tables[0].perimeter == "excl. DAB’s"


def test_budget_evolution_grid_with_its_title_above_in_a_report() -> None:
    grid = (
        "Budgetevolutie beleidsdomein Welzijn, Volksgezondheid en Gezin\n(duizend euro)\nBA 2024 Delta BO 2025\n"
        "VAK VEK VAK VEK VAK VEK\nProgramma GC 1.000 900 50 -10 1.050 890\nISE armoede 600 500 20 0 620 500\n"
        "ISE woonzorg (ouderen) 400 400 30 -10 430 390\nTotaal 1.000 900 50 -10 1.050 890\n\n"
    )
    document = read(grid + ARTICLE.replace("2023 2e BA 2e BA – JR BU 2e BA 2e BA – JR BU",
                                           "BA 2024 evolutie BO 2025 BA 2024 evolutie BO 2025"))  # fmt: skip
    got = facts(document)
    assert got[("program", "GC", "total", "VAK", 2025, "DELTA")] == 50
    assert got[("ise", "GC:woonzorg", "total", "VEK", 2025, "BO")] == 390
    assert got[("total", "TOTAL", "total", "VAK", 2024, "BA")] == 1000
    assert not [w for w in document.warnings if "left out" in w.message]


def test_ise_frame_with_only_its_total_before_the_articles_that_tell_its_program() -> None:
    frame = (
        "1.3 Budgettair kader voor het begrotingsjaar\nISE: ZORG, MVG excl. DAB\n(duizend euro)\nVAK VEK\n"
        "2023 2e BA 2e BA – JR BU 2e BA 2e BA – JR BU\nTotaal 100 110 90 100 105 95\n\n"
        "1.3.1. Departement Zorg en IVA’s\n"
    )
    document = read(frame + ARTICLE)
    got = facts(document)
    assert got[("ise", "GC:zorg", "total", "VAK", 2023, "BU")] == 90
    assert document.article("GB0-1GCF2BA-WT").ise == "GC:zorg"  # type: ignore[union-attr]


def test_running_headers_and_page_numbers_inside_a_table_and_under_a_caption() -> None:
    header = "Stuk 27-G (2023-2024) – Nr. 1"
    prose = "".join(f"Een zin van de toelichting over het beleid, regel {i}.\n" for i in range(36))
    text = (
        f"{header}\n{prose}PROGRAMMA GC – ZORG\n2\n{header}\n(duizend euro)\n2023 AO TO LO VAK VEK\n"
        f"2e BA 1 2 3 400 500\n{prose}2e BA-JR 1 2 3 410 520\n3\n{header}\nBU 1 2 3 390 480\n{prose}4\n"
    )
    text = text.replace(f"2e BA 1 2 3 400 500\n{prose}", "2e BA 1 2 3 400 500\n")  # the table runs on
    document = read(text)
    got = facts(document)
    assert got[("program", "GC", "total", "VAK", 2023, "BU")] == 390
    assert {f.subject for f in document.facts} == {"GC"}
    assert document.tables[0].title == "PROGRAMMA GC – ZORG"
    assert [f.page for f in document.facts if f.stage == "BU"] == [3] * 5  # the page numbers tell the pages


def test_layout_mode_indentation_blank_and_dash_cells() -> None:
    text = (
        "    GB0-1GCF2BA-WT – WERKING EN TOELAGEN\n\n    Korte inhoud begrotingsartikel:\n    Middelen.\n\n"
        "    Kredietevolutie:\n    (duizend euro)\n"
        "                                VAK          VEK\n"
        "    BA 2024                   1.000          900\n"
        "    Index                                     18\n"
        "    Compensaties                  -            -\n"
        "    BO 2025                   1.020          918\n"
    )
    document = read(text)
    assert [a.code for a in document.articles] == ["GB0-1GCF2BA-WT"]
    article = document.articles[0]
    assert article.credit_evolution is not None
    index, compensaties = article.credit_evolution.changes
    assert (index.vak, index.vek) == (None, 18) and (compensaties.vak, compensaties.vek) == (0, 0)
    assert facts(document)[("article", "GB0-1GCF2BA-WT", "total", "VEK", 2025, "BO")] == 918


def test_titles_ending_in_a_number_and_a_contents_page() -> None:
    contents = (
        "INHOUDSTAFEL\nV. BELEIDSVELD ZORG 3\nGB0-1GCF2BA-WT – PROJECTEN FASE 2 14\n"
        "GB0-1GCF2BB-WT – ANDERE PROJECTEN 15\n\n"
    )
    body = ARTICLE.replace("WERKING EN TOELAGEN", "PROJECTEN FASE 2")
    document = read(contents + body)
    assert [(a.code, a.name, a.line) for a in document.articles] == [("GB0-1GCF2BA-WT", "PROJECTEN FASE 2", 6)]
    assert document.articles[0].tables


def test_a_missing_footnote_number_leaves_the_later_ones_readable() -> None:
    page = "".join(f"Tekst over het beleid, regel {i}.\n" for i in range(30))
    notes = ["1 Zie ook begroting: p.3.", "3 Zie ook begroting: p.4.", "4 Zie ook begroting: p.5."]
    text = "".join(f" {page}{note}\n" for note in notes)
    assert [note.number for note in read(ARTICLE + text).footnotes] == [1, 3, 4]


def test_a_wrapped_policy_field_heading() -> None:
    text = "V. BELEIDSVELD\nWELZIJN EN\nGEZONDHEID\n\n1. ISE ZORG\n" + ARTICLE
    document = read(text)
    field = next(s for s in document.sections if s.kind == "policy_field")
    assert field.title == "BELEIDSVELD WELZIJN EN GEZONDHEID"
    assert document.articles[0].policy_field == "Welzijn en Gezondheid"


SLIDES = """\
Toelichting BBT 2025, Cultuur, Jeugd en Media
In duizend euro
BA 2024 Delta BO 2025
VAK VEK VAK VEK VAK VEK
Programma HC 2.000.000 1.900.000 -500.000 -400.000 1.500.000 1.500.000
ISE kunsten 2.000.000 1.900.000 -500.000 -400.000 1.500.000 1.500.000
Agentschap Kunsten 7 7 0 0 7 7
Totaal 2.000.000 1.900.000 -500.000 -400.000 1.500.000 1.500.000
Budgetevolutie Beleidsdomein Cultuur, Jeugd en Media

Begrotingsinfo
ISE
Kunsten
• Totaal beleidskrediet 1.500 miljoen: vermindering van 500 miljoen t.o.v. 2024
"""


def test_slides_amounts_change_words_and_rows_of_other_kinds() -> None:
    document = read(SLIDES)
    got = facts(document)
    assert document.kind == "slides" and document.domain == "Cultuur, Jeugd en Media"
    assert got[("ise", "HC:kunsten", "total", "VAK", 2025, "BO")] == 1_500_000
    assert got[("total", "TOTAL", "total", "VEK", 2025, "DELTA")] == -400_000
    assert any(w.code == "unplaced_row" and "Agentschap Kunsten" in w.message for w in document.warnings)
    (statement,) = document.statements
    assert (statement.total, statement.change, statement.reference_year) == (1_500_000, -500_000, 2024)


def test_tables_printed_without_their_unit_line() -> None:
    text = ARTICLE.replace("(duizend euro)\n", "") + (
        "GB0-1GCF2BC-WT – ANDERE WERKING\nKorte inhoud begrotingsartikel:\nMiddelen.\nKredietevolutie:\n"
        "VAK VEK\nBA 2024 1.000 900\nIndex 20 18\nBO 2025 1.020 918\n"
    )
    got = facts(read(text))
    assert got[("article", "GB0-1GCF2BA-WT", "total", "VEK", 2023, "BA-JR")] == 105
    assert got[("article", "GB0-1GCF2BC-WT", "total", "VEK", 2025, "BO")] == 918
    assert len(got) == 6 + 4


def test_a_prose_table_of_credits_is_no_budget_table() -> None:
    prose = "Budget % 2023 %\nVAK VEK VAK VEK\nOC 2.298 4% 1.912 1.742 83% 76% 0 0\nVOV 60.157 93% 64.808 64.808\n\n"
    document = read(ARTICLE + prose)
    assert {f.subject for f in document.facts} == {"GB0-1GCF2BA-WT"}
