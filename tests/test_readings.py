"""No key holds two values; stage labels and captions however they wrap; headings never join a table.

Documents built here in the shapes converters give (text); the generated corpus and fuzzed documents
are checked for keys read twice.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from begroot.errors import BegrootError
from begroot.model import Document
from begroot.parse import extract, parse
from begroot.sources import load_bytes
from begroot.testing import random_budget, random_style, render_text

ARTICLE = """\
 JB0-1JDB2CA-WT – EEN ARTIKEL
Begrotingsuitvoering:
(duizend euro)
2023 AO TO LO
{rows}
Inhoudelijke toelichting:
De realisatie bedraagt 12 keuro.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return path


def stages(document: Document) -> dict[str, int]:
    return {f.stage: f.value for f in document.facts if f.credit == "AO"}


def table_keys_twice(document: Document) -> list[tuple[object, ...]]:
    twice = []
    for table in document.tables:
        counts = Counter((f.scope, f.subject, f.row, f.credit, f.year, f.stage) for f in table.facts)
        twice += [key for key, count in counts.items() if count > 1]
    return twice


@pytest.mark.parametrize(
    "rows",
    [
        "2e BA 10 20 30\n2e BA –\nJR 11 21 31\nBU 9 19 29",  # the label wrapped above the numbers
        "2e BA 10 20 30\n2e BA – 11 21 31\nJR\nBU 9 19 29",  # ... or below them
        "2e BA 10 20 30\n2e BA 11 21 31\n– JR\nBU 9 19 29",  # the dash went to the second line
        "1e\naanpassing\nBA 10 20 30\n1e\naanpassing\nBA – JR 11 21 31\nBU 9 19 29",  # over three lines
        "2e\naanpassing BA\n10 20 30\n2e BA\n– JR\n11 21 31\nBU\n9 19 29",  # labels whole above their numbers
    ],
)
def test_wrapped_stage_labels_are_joined(tmp_path: Path, rows: str) -> None:
    document = extract(write(tmp_path, ARTICLE.format(rows=rows)))
    assert stages(document) == {"BA": 10, "BA-JR": 11, "BU": 9}, document.warnings
    assert not table_keys_twice(document)


def test_a_stage_twice_with_no_clean_reading_is_left_out_with_a_warning(tmp_path: Path) -> None:
    text = ARTICLE.format(rows="2e BA 10 20 30\n2e BA 11 21 31\nBU 9 19 29")
    document = extract(write(tmp_path, text))
    assert not document.facts
    warning = next(w for w in document.warnings if w.code == "ambiguous_table")
    assert (warning.page, warning.line) == (1, 3) and "two values" in warning.message


def test_the_reading_taken_is_recorded(tmp_path: Path) -> None:
    document = extract(write(tmp_path, ARTICLE.format(rows="2e BA 10 20 30\n2e BA – 11 21 31\nJR\nBU 9 19 29")))
    table = document.tables[0]
    assert "joined" in table.reading and "JR" in table.reading and not table.doubts


def no_key_twice(document: Document) -> None:
    """No table gives a key twice; no key of the document holds two values (a number printed in two tables, an
    article's execution table and its credit evolution, is one value)."""
    assert not table_keys_twice(document), table_keys_twice(document)[:3]
    values: dict[tuple[object, ...], set[int]] = {}
    for f in document.facts:
        values.setdefault((f.scope, f.subject, f.row, f.credit, f.year, f.stage, f.perimeter), set()).add(f.value)
    twice = [key for key, found in values.items() if len(found) > 1]
    assert not twice, f"keys with two values in {document.name}: {twice[:3]}"


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**20), style_seed=st.integers(min_value=0, max_value=2**20),
       kind=st.sampled_from([("report", "BU"), ("report", "BO"), ("report", "BA"), ("slides", "BO")]),
       fuzz=st.sampled_from(["none", "drop", "shuffle"]))  # fmt: skip
def test_no_key_holds_two_values(seed: int, style_seed: int, kind: tuple[str, str], fuzz: str) -> None:
    """Over generated documents, clean and fuzzed (lines dropped, a stretch shuffled): never a key twice."""
    budget = random_budget(seed)
    generated = render_text(budget, kind[0], kind[1], budget.years[1], random_style(random.Random(style_seed)),
                            seed=seed)  # fmt: skip
    lines = generated.text.split("\n")
    rng = random.Random(seed)
    if fuzz == "drop":
        lines = [line for line in lines if rng.random() > 0.05]
    elif fuzz == "shuffle":
        start = rng.randrange(len(lines))
        window = lines[start : start + 12]
        rng.shuffle(window)
        lines[start : start + 12] = window
    document = parse(load_bytes(f"{generated.name}.txt", "\n".join(lines).encode("utf-8")))
    try:
        no_key_twice(document)
    except AssertionError as error:
        raise AssertionError(f"{error} ({seed}, {style_seed}, {kind}, {fuzz})") from None


TOTAL_TABLE = """\
(duizend euro)
2023 AO TO LO VAK VEK
1e BA 10 0 0 1.000 900
1e BA-JR 11 0 0 1.100 950
BU 9 0 0 800 700
"""


@pytest.mark.parametrize(
    "above",
    [
        "III. SAMENVATTING\nTOTAAL – WELZIJN, VOLKSGEZONDHEID EN GEZIN, excl. DAB’s, excl.\n"
        "apparaatsuitgaven en programma B\n",  # after a heading, no blank line
        "Een inleidende zin die op een punt eindigt.\n \n   \nTOTAAL – WELZIJN, VOLKSGEZONDHEID EN GEZIN,\n"
        "excl. DAB’s, excl. apparaatsuitgaven en programma B\n",  # after lines of only spaces
        "III. SAMENVATTING\n\nTOTAAL – WELZIJN, VOLKSGEZONDHEID EN\nGEZIN, excl. DAB’s, excl.\n"
        "apparaatsuitgaven en programma B\n",  # over three lines, narrow
        "Een inleidende zin.\nTOTAAL – WELZIJN,\nVOLKSGEZONDHEID EN GEZIN, excl. DAB’s,\nexcl. apparaatsuitgaven\n",
    ],
)
def test_wrapped_captions_in_any_surroundings(tmp_path: Path, above: str) -> None:
    text = " Beleids- en begrotingstoelichting Welzijn, Volksgezondheid en Gezin\nBegrotingsuitvoering 2023\n" + above
    document = extract(write(tmp_path, text + TOTAL_TABLE))
    table = next((t for t in document.tables), None)
    assert table is not None, document.warnings
    assert (table.scope, table.subject) == ("total", "TOTAL"), table
    assert table.perimeter.startswith("excl. DAB"), table.perimeter
    assert stages(document) == {"BA": 10, "BA-JR": 11, "BU": 9}


def test_cells_one_per_line_are_refused_with_what_to_do(tmp_path: Path) -> None:
    cells = ["2023", "1e BA", "1e BA-JR", "BU", "AO", "10", "11", "9", "TO", "0", "0", "0", "LO", "0", "0", "0",
             "VAK", "1.000", "1.100", "800", "VEK", "900", "950", "700"]  # fmt: skip
    table = "(duizend euro)\n" + "\n".join(cells) + "\n"
    text = " TOTAAL – WELZIJN, VOLKSGEZONDHEID EN GEZIN\n" + table + "\nPROGRAMMA GC – ZORG\n" + table
    with pytest.raises(BegrootError) as error:
        extract(write(tmp_path, text))
    message = str(error.value)
    assert "\n" not in message and message.startswith(str(tmp_path / "doc.txt"))
    assert "one cell per line" in message and "PDF" in message and "pdftotext -layout" in message


@pytest.mark.parametrize("heading", ["1.1.1. Ontvangstenartikelen", "II. APPARAATSKREDIETEN",
                                     "JB0-1JDB2CA-WT – EEN ARTIKEL"])  # fmt: skip
def test_a_heading_under_a_pdf_table_ends_it(tmp_path: Path, heading: str) -> None:
    """In a PDF a heading right under a table is not the last row's wrapped label: it ends the table."""
    from pdfgen import render_pages

    page = ["Beleids- en begrotingstoelichting Werk en Sociale Economie", "Begrotingsuitvoering 2023",
            "PROGRAMMA JA – APPARAAT", "(duizend euro)", "2023 AO TO LO VAK VEK", "1e BA 10 0 0 1.000 900",
            "1e BA-JR 11 0 0 1.100 950", "BU 9 0 0 800 700", heading, "Tekst over de ontvangsten van dit jaar."]  # fmt: skip
    path = tmp_path / "doc.pdf"
    path.write_bytes(render_pages([page], number_from=99))
    document = extract(path)
    assert stages(document) == {"BA": 10, "BA-JR": 11, "BU": 9}, document.warnings
