"""Layouts of other BBTs (domain.md) and bad input, on documents built here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from begroot.errors import BegrootError, NotABudgetDocument, SourceError
from begroot.numbers_nl import format_number
from begroot.parse import extract
from begroot.parse.numbers import parse_int

BO_DOCUMENT = """\
 V. BELEIDSVELD WELZIJN
1. ISE BELEIDSONDERSTEUNING
1.3 Budgettair kader voor het begrotingsjaar
ISE: BELEIDSONDERSTEUNING, MVG excl. DAB
(duizend euro)
VAK VEK
BA 2024 evolutie BO 2025 BA 2024 evolutie BO 2025
ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR))
1.000 250 1.250 900 100 1.000
Toelagen (interne stromen (IS))
2.000 -500 1.500 2.000 -500 1.500
Overige (leningen (LE), participaties (PA); geen ESR-impact)
0 0 0 0 0 0
Totaal
3.000 -250 2.750 2.900 -400 2.500
1.3.1. Departement Zorg
\fGB0-1GCF2BA-WT – WERKING EN TOELAGEN
Korte inhoud begrotingsartikel:
Dit artikel draagt bij tot de realisatie van operationele doelstelling OD 3 'Zorg'.
Kredietevolutie:
(duizend euro)
VAK VEK
BA 2024 1.000 900
Index 20 18
Compensaties -5 -5
Andere bijstellingen 235 87
BO 2025 1.250 1.000
Inhoudelijke toelichting:
Het budget stijgt met 250 keuro VAK.
GH0-AGGF2RD-WT – AGENTSCHAP WERKING
Korte inhoud begrotingsartikel:
Middelen van het agentschap.
Kredietevolutie:
(duizend euro)
VAK VEK
BA 2024 2.000 2.000
Herverdelingen -500 -500
BO 2025 1.500 1.500
"""

BA_TABLE = """\
 PROGRAMMA GC – ZORG
(duizend euro)
VAK VEK
BO 2024 evolutie BA 2024 BO 2024 evolutie BA 2024
GB0-1GCF2BA-WT – WERKING EN TOELAGEN
Begrotingsuitvoering:
(duizend euro)
VAK VEK
BO 2024 evolutie BA 2024 BO 2024 evolutie BA 2024
Uitgaven 1.000 50 1.050 900 -10 890
"""

BU_SPACED = """\
 JB0-1JDB2CA-WT – EEN ARTIKEL
Begrotingsuitvoering:
(duizend euro)
VAK VEK
2023 1e BA 1e BA – JR BU 1e BA 1e BA – JR BU
Uitgaven 10 11 12
13 14 15
Inhoudelijke toelichting:
De realisatie bedraagt 12 keuro.
"""


def write(tmp_path: Path, text: str, name: str = "doc.txt", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def facts(document) -> dict:
    return {(f.scope, f.subject, f.row, f.credit, f.year, f.stage): f.value for f in document.facts}


def test_bo_frame_and_credit_evolution(tmp_path: Path) -> None:
    document = extract(write(tmp_path, BO_DOCUMENT))
    assert (document.kind, document.stage, document.year) == ("report", "BO", 2025)
    got = facts(document)
    assert got[("ise", "GC:beleidsondersteuning", "esr", "VAK", 2024, "BA")] == 1000
    assert got[("ise", "GC:beleidsondersteuning", "is", "VEK", 2025, "DELTA")] == -500
    assert got[("ise", "GC:beleidsondersteuning", "total", "VEK", 2025, "BO")] == 2500
    article = document.article("GB0-1GCF2BA-WT")
    assert article is not None and article.goals == ["OD 3"]
    assert got[("article", "GB0-1GCF2BA-WT", "total", "VAK", 2024, "BA")] == 1000
    assert got[("article", "GB0-1GCF2BA-WT", "total", "VEK", 2025, "BO")] == 1000
    # causes of change are kept with the article, not as facts
    assert [c.label for c in article.credit_evolution.changes] == ["Index", "Compensaties", "Andere bijstellingen"]
    assert article.credit_evolution.changes[1].vak == -5
    assert not [k for k in got if k[1] == "GB0-1GCF2BA-WT" and k[5] not in {"BA", "BO"}]
    entity_article = document.article("GH0-AGGF2RD-WT")
    assert entity_article is not None and entity_article.parts.kind == "A"
    assert got[("article", "GH0-AGGF2RD-WT", "total", "VAK", 2025, "BO")] == 1500
    # the form feed started a page
    assert document.page_count == 2


def test_ba_columns(tmp_path: Path) -> None:
    document = extract(write(tmp_path, BA_TABLE))
    got = facts(document)
    assert (document.stage, document.year) == ("BA", 2024)
    assert got[("article", "GB0-1GCF2BA-WT", "total", "VEK", 2024, "DELTA")] == -10
    assert got[("article", "GB0-1GCF2BA-WT", "total", "VAK", 2024, "BO")] == 1000


def test_stage_rows_with_years_and_an_evolution_row(tmp_path: Path) -> None:
    text = (
        " TOTAAL – WELZIJN, VOLKSGEZONDHEID EN GEZIN\n(duizend euro)\nAO TO LO VAK VEK\n"
        "BA 2024 10 0 0 1.000 900\nevolutie 1 0 0 -100 50\nBO 2025 11 0 0 900 950\n"
    )
    document = extract(write(tmp_path, text))
    got = facts(document)
    assert (document.stage, document.year) == ("BO", 2025)
    assert got[("total", "TOTAL", "total", "VAK", 2025, "DELTA")] == -100
    assert got[("total", "TOTAL", "total", "VEK", 2024, "BA")] == 900
    assert got[("total", "TOTAL", "total", "AO", 2025, "BO")] == 11


def test_spaced_stage_and_split_row(tmp_path: Path) -> None:
    document = extract(write(tmp_path, BU_SPACED))
    got = facts(document)
    assert got[("article", "JB0-1JDB2CA-WT", "total", "VAK", 2023, "BA-JR")] == 11
    assert got[("article", "JB0-1JDB2CA-WT", "total", "VEK", 2023, "BU")] == 15
    sources = {f.source_line for f in document.facts}
    assert sources == {6, 7}


def test_table_continued_after_a_page_break(tmp_path: Path) -> None:
    text = BO_DOCUMENT.replace(
        "Overige (leningen",
        " (duizend euro)\nVAK VEK\nBA 2024 evolutie BO 2025 BA 2024 evolutie BO 2025\nOverige (leningen",
    )
    document = extract(write(tmp_path, text))
    frame = next(t for t in document.tables if t.layout == "ise_frame")
    assert {f.row for f in frame.facts} == {"esr", "is", "other", "total"}
    assert len(document.tables) == 3


def test_table_of_contents_is_not_read_as_headings(tmp_path: Path) -> None:
    toc = (
        " INHOUDSOPGAVE\nV. BELEIDSVELD WELZIJN ........................ 3\n"
        "1.3 Budgettair kader voor het begrotingsjaar ........ 3\n"
        "GB0-1GCF2BA-WT – WERKING EN TOELAGEN 4\n"
    )
    document = extract(write(tmp_path, toc + BO_DOCUMENT))
    assert [a.code for a in document.articles] == ["GB0-1GCF2BA-WT", "GH0-AGGF2RD-WT"]
    assert [s.number for s in document.sections if s.kind == "policy_field"] == ["V"]
    assert all(a.tables for a in document.articles)


def test_typo_in_code_is_canonicalised_with_warning(tmp_path: Path) -> None:
    text = BU_SPACED.replace("JB0-1JDB2CA-WT –", "JB0-1JDB2CAWT –")
    document = extract(write(tmp_path, text))
    assert document.articles[0].code == "JB0-1JDB2CA-WT"
    assert any(w.code == "canonicalised_code" and w.line == 1 for w in document.warnings)


def test_truncated_table_is_left_out_with_a_warning(tmp_path: Path) -> None:
    text = BU_SPACED.split("13 14 15")[0]
    document = extract(write(tmp_path, text))
    assert not document.facts
    assert any(w.code == "unplaced_numbers" and w.line == 6 for w in document.warnings)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_other_encodings(tmp_path: Path, encoding: str) -> None:
    text = BU_SPACED.replace("EEN ARTIKEL", "PRÉVENTIE").replace("–", "-")
    document = extract(write(tmp_path, text, encoding=encoding))
    assert document.articles[0].name == "PRÉVENTIE"
    assert len(document.facts) == 6


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", SourceError, "empty"),
        (b"\x00\x01\x02\xff" * 100, SourceError, "binary"),
        (b"Een gewone tekst zonder begroting.\n" * 50, NotABudgetDocument, "not a BBT"),
        (b"%PDF-1.4 garbage", SourceError, ""),
    ],
)
def test_bad_input_is_refused_clearly(tmp_path: Path, content: bytes, error: type, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as raised:
        extract(path)
    text = str(raised.value)
    assert str(path) in text and message in text and "\n" not in text


def test_cli_errors_are_one_line_and_exit_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "begroot", "extract", str(bad)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_extract_csv_and_json(tmp_path: Path) -> None:
    good = write(tmp_path, BU_SPACED, "article.txt")
    csv_out = tmp_path / "facts.csv"
    subprocess.run([sys.executable, "-m", "begroot", "extract", str(good), "-o", str(csv_out)], check=True)
    lines = csv_out.read_text().splitlines()
    assert lines[0] == "document,scope,subject,row,credit,year,stage,value,page,source_line"
    assert lines[1] == "article,article,JB0-1JDB2CA-WT,total,VAK,2023,BA,10,1,6"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_dutch_integers_round_trip(value: int) -> None:
    printed = format_number(value)
    assert parse_int(printed) == value


def test_errors_are_begroot_errors() -> None:
    assert issubclass(NotABudgetDocument, BegrootError) and issubclass(SourceError, BegrootError)


@pytest.mark.parametrize("seed", range(6))
def test_damaged_text_never_crashes(seed: int) -> None:
    """A sample cut short, with lines dropped or shuffled: a document with warnings, or a BegrootError."""
    import random

    from begroot.audit import audit_document
    from begroot.parse import parse
    from begroot.sources import load_bytes

    rng = random.Random(seed)
    sample = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))[seed % 2]
    lines = sample.read_bytes().split(b"\n")
    kept = [line for line in lines[: rng.randrange(1, len(lines))] if rng.random() > 0.05]
    for _ in range(20):
        a, b = rng.randrange(len(kept)), rng.randrange(len(kept))
        kept[a], kept[b] = kept[b], kept[a]
    try:
        source = load_bytes("damaged.txt", b"\n".join(kept))
        document = parse(source)
    except BegrootError as error:
        assert "damaged.txt" in str(error)
        return
    audit_document(document, source)
    assert all(f.document == "damaged" for f in document.facts)
