"""A table that reads more than one way takes the reading whose own arithmetic holds (recorded as its `reading`);
when none holds the reader keeps its choice and says it doubts it, and the audit blames the reading, not the document.

The documents are generated (consistent by construction); one ISE frame of each is made ambiguous on purpose: its
first row (ESR-uitgaven) printed blank and its labels printed after their numbers, so that each label could belong
to the numbers above it or below it.
"""

from __future__ import annotations

import re

import pytest

from begroot.audit import audit_document
from begroot.model import Document, Table
from begroot.parse import parse
from begroot.sources import load_bytes
from begroot.testing import random_budget, render_text
from begroot.testing.text import TextStyle

LABEL = {"esr": "ESR-uitgaven", "is": "Toelagen", "other": "Overige", "total": "Totaal"}
NUMBERS = re.compile(r"^-?[\d.]+( -?[\d.]+)+$")


def flemish(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def frame_blocks(lines: list[str]) -> list[int]:
    """Where a frame printed label line, numbers line, blank, ... x4 (the `single` label style) begins."""
    starts = []
    for i in range(len(lines) - 11):
        labels = [lines[i + 3 * k] for k in range(4)]
        if all(label.startswith(word) for label, word in zip(labels, LABEL.values(), strict=True)) and all(
            NUMBERS.match(lines[i + 3 * k + 1]) for k in range(4)
        ):
            starts.append(i)
    return starts


def values(line: str) -> list[int]:
    return [int(token.replace(".", "")) for token in line.split()]


def ambiguous(lines: list[str], start: int, off_by: int = 0) -> list[str]:
    """The frame at `start` with its ESR numbers moved into Overige (totals unchanged: the document stays
    consistent), ESR printed blank, and every label after its numbers; as many lines as before. `off_by` is added to
    the Totaal row's first cell: then no reading adds up."""
    labels = [lines[start + 3 * k] for k in range(4)]
    esr, is_, other, total = (values(lines[start + 3 * k + 1]) for k in range(4))
    other = [o + e for o, e in zip(other, esr, strict=True)]
    total = [total[0] + off_by, *total[1:]]
    block = [labels[0], " ".join(map(flemish, is_)), "", labels[1], " ".join(map(flemish, other)), "", labels[2],
             " ".join(map(flemish, total)), "", labels[3], ""]  # fmt: skip
    return lines[:start] + block + lines[start + 11 :]


def generated(seed: int, off_by: int = 0) -> tuple[Document, str]:
    budget = random_budget(seed)
    document = render_text(budget, "report", "BU", budget.years[1], TextStyle(frame_labels="single"), seed=seed)
    lines = document.text.split("\n")
    starts = frame_blocks(lines)
    assert starts, "the generator printed no frame in the `single` label style"
    changed = ambiguous(lines, starts[0], off_by)
    parsed = parse(load_bytes(f"{document.name}.txt", "\n".join(changed).encode("utf-8")))
    return parsed, lines[starts[0] + 1]


def frame_at(document: Document, first_numbers: str) -> Table:
    """The frame whose IS row is the line that held the ESR numbers before."""
    for table in document.tables:
        if table.layout == "ise_frame" and any(
            f.row == "is" and flemish(f.value) == first_numbers.split()[0] for f in table.facts
        ):
            return table
    raise AssertionError("the ambiguous frame was not read as the frame it is")


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_a_frame_that_reads_two_ways_takes_the_reading_that_adds_up(seed: int) -> None:
    document, _ = generated(seed)
    frames = [t for t in document.tables if t.reading.startswith("frame rows read as")]
    assert len(frames) == 1, [t.reading for t in document.tables]
    table = frames[0]
    rows = {f.row for f in table.facts}
    assert rows == {"is", "other", "total"} and table.has_total and not table.doubts, (rows, table.doubts)
    by = {(f.row, f.credit, f.stage, f.year): f.value for f in table.facts}
    for (row, credit, stage, year), total in by.items():
        if row == "total":
            assert by[("is", credit, stage, year)] + by[("other", credit, stage, year)] == total
    findings = audit_document(document)
    serious = [f for f in findings if f.severity in {"warning", "error"}]
    assert not serious, [(f.rule, f.message) for f in serious[:3]]
    assert not any(w.code == "no_total" for w in document.warnings)


@pytest.mark.parametrize("seed", [3, 11])
def test_a_frame_that_adds_up_no_way_keeps_its_reading_and_says_so(seed: int) -> None:
    document, _ = generated(seed, off_by=100)
    doubted = [t for t in document.tables if t.layout == "ise_frame" and t.doubts]
    assert len(doubted) == 1, [t.doubts for t in document.tables if t.doubts]
    table = doubted[0]
    assert "read 2 ways" in table.doubts[0] and "add up" in table.doubts[0], table.doubts
    assert {f.row for f in table.facts} == {"esr", "is", "other"}  # the likelier reading kept
    findings = audit_document(document)
    blamed = [f for f in findings if f.severity == "error"]
    assert not blamed, [(f.rule, f.message) for f in blamed[:3]]
    doubt = [f for f in findings if f.rule == "reading-doubt" and f.context.get("table") == str(table.index)]
    assert doubt and "add up" in str(doubt[0].context["why"])


def test_a_frame_read_one_way_is_not_reconsidered() -> None:
    """The untouched generated document: no frame reads two ways, no reading note, no doubt."""
    budget = random_budget(3)
    rendered = render_text(budget, "report", "BU", budget.years[1], TextStyle(frame_labels="single"), seed=3)
    document = parse(load_bytes(f"{rendered.name}.txt", rendered.text.encode("utf-8")))
    frames = [t for t in document.tables if t.layout == "ise_frame"]
    assert frames and not any(t.doubts or t.reading for t in frames)


def blank_delta(seed: int, off_by: int = 0) -> tuple[Document, list[int]]:
    """A generated BO report whose first ISE frame prints its ESR row's VAK `evolutie` blank: the change moved to
    Overige (totals unchanged: the document stays consistent), and the row's five numbers could stand under any
    five of its six columns. `off_by` is added to Overige's last cell: then no placement adds up."""
    budget = random_budget(seed)
    document = render_text(budget, "report", "BO", budget.years[1], TextStyle(frame_labels="single"), seed=seed)
    lines = document.text.split("\n")
    start, other_at = next((i, j + 1) for i, line in enumerate(lines) if line.startswith(LABEL["esr"])
                           for j in range(i, i + 12) if lines[j].startswith(LABEL["other"])
                           and all(NUMBERS.match(lines[k]) and len(lines[k].split()) == 6 for k in (i + 1, j + 1)))  # fmt: skip
    esr, other = values(lines[start + 1]), values(lines[other_at])
    change = esr[1]
    esr_printed = [esr[0], esr[0], *esr[3:]]  # evolutie 0, printed blank
    other = [other[0], other[1] + change, other[2] + change, *other[3:5], other[5] + off_by]
    lines[start + 1] = " ".join(map(flemish, esr_printed))
    lines[other_at] = " ".join(map(flemish, other))
    parsed = parse(load_bytes(f"{document.name}.txt", "\n".join(lines).encode("utf-8")))
    return parsed, esr_printed


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_a_blank_cell_goes_where_the_table_adds_up(seed: int) -> None:
    """Five numbers for six columns, nothing telling the blank: the one placement under which every `evolutie` is
    the later stage minus the earlier and the frame's parts add up to its Totaal is taken, and noted."""
    document, esr = blank_delta(seed)
    table = next(t for t in document.tables if t.reading.startswith("blank cells placed"))
    assert "columns 1/3/4/5/6" in table.reading, table.reading
    row = {(f.credit, f.stage): f.value for f in table.facts if f.row == "esr"}
    assert ("VAK", "DELTA") not in row and row[("VAK", "BA")] == esr[0] == row[("VAK", "BO")], row
    assert [row[("VEK", stage)] for stage in ("BA", "DELTA", "BO")] == esr[2:]
    blamed = [f for f in audit_document(document) if f.severity == "error"]
    assert not blamed, [(f.rule, f.message) for f in blamed[:3]]


def test_a_blank_cell_no_placement_explains_leaves_the_table_out_with_a_warning() -> None:
    document, esr = blank_delta(3, off_by=7)
    warning = next(w for w in document.warnings if "blank cells makes the table add up" in w.message)
    assert warning.code == "unplaced_numbers" and "5 of 6 numbers" in warning.message
    assert not any(t.reading.startswith("blank cells placed") for t in document.tables)
    assert not any(f.value == esr[0] and f.row == "esr" for f in document.facts)
