"""Findings a reader can trust: consistent documents give no warning or error, and a table the reader
misread is `reading-doubt`, never the document's error (docs/audit.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from begroot.audit import Finding, audit_document
from begroot.parse import extract, parse
from begroot.sources import load_bytes
from begroot.testing import GeneratedDocument
from begroot.testing.corpus import generate, plan
from shared import run_folder
from test_generator import REQUIRED_VARIATIONS

CONSISTENT = 300  # generated documents, every variation of the generator in rotation
PARTS = 6  # ... checked in parts that may run in different test processes


def blamed(findings: list[Finding]) -> list[Finding]:
    """What blames the document: errors and warnings, apart from the reader's own doubts."""
    return [f for f in findings if not f.verified and f.severity != "info" and f.rule != "reading-doubt"]


def audited(name: str, text: str) -> tuple[object, list[Finding]]:
    source = load_bytes(f"{name}.txt", text.encode("utf-8"))
    doc = parse(source)
    return doc, audit_document(doc, source)


@pytest.mark.parametrize("part", range(PARTS))
def test_consistent_generated_documents_give_no_warning_or_error(
    part: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """300 text documents that add up by construction (kinds, stages and styles in rotation): no error, no
    warning; a `reading-doubt` only where the reader itself recorded that it left a table out. In PARTS parts
    (every PARTS-th document), so that test processes share them; the totals over all 300 (every variation
    seen, sentences across page breaks, doubts rare) are checked by the part that ends last."""
    from begroot.audit.prose import scopes

    seen: set[str] = set()
    wrong: Counter[str] = Counter()
    doubts = 0
    across_pages = 0  # sentences quoting figures that a page break (running header, page number) cuts
    examples = []
    for number in range(part, CONSISTENT, PARTS):
        made = generate(plan(number, 7))
        seen |= made.variations
        doc, findings = audited(made.name, made.text)
        across_pages += sum(len({span.page for span in sentence.lines}) > 1 and "keuro" in sentence.text
                            for scope in scopes(doc) for paragraph in scope.paragraphs  # type: ignore[arg-type]
                            for sentence in paragraph.sentences)  # fmt: skip
        for finding in blamed(findings):
            wrong[finding.rule] += 1
            examples.append(f"{made.name} {sorted(made.variations)}: {finding.message[:200]}")
        for finding in findings:
            if finding.rule == "reading-doubt" and finding.severity == "warning":
                doubts += 1
                assert any(w.code in ("unplaced_table", "unplaced_numbers") for w in doc.warnings) or any(
                    t.doubts for t in doc.tables
                )  # type: ignore[attr-defined]
    totals = all_parts(tmp_path_factory, part, {"seen": sorted(seen), "across_pages": across_pages, "doubts": doubts})
    assert not wrong, (dict(wrong), examples[:5])
    if totals is not None:
        assert set(totals["seen"]) >= REQUIRED_VARIATIONS, REQUIRED_VARIATIONS - set(totals["seen"])
        # the sentences joined across page furniture were there, and read right
        assert totals["across_pages"] >= 10, totals["across_pages"]
        # the reader's own losses stay rare (parser issue, not the audit's)
        assert totals["doubts"] <= CONSISTENT // 50, totals["doubts"]


def all_parts(tmp_path_factory: pytest.TempPathFactory, part: int, tally: dict[str, Any]) -> dict[str, Any] | None:
    """Leave this part's `tally` for the others (in the run's folder, common to the test processes); once every
    part has left its own, their sums (lists joined), else None."""
    folder = run_folder(tmp_path_factory) / "consistent-documents"
    folder.mkdir(exist_ok=True)
    written = folder / f"{part}.json.part"
    written.write_text(json.dumps(tally), encoding="utf-8")
    written.replace(folder / f"{part}.json")  # whole or not at all, for a part reading it at the same moment
    tallies = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]
    if len(tallies) < PARTS:
        return None  # the part that ends last sees them all: each one writes its own before it reads
    return {key: sum((t[key] for t in tallies), start=[] if isinstance(tally[key], list) else 0) for key in tally}


def test_consistent_generated_pdfs_give_no_warning_or_error(
    word_processor_pdfs: dict[str, list[GeneratedDocument]],
) -> None:
    made = word_processor_pdfs["trust"]  # four word-processor PDFs (tests/wordpdfs.py)
    for generated in made:
        assert isinstance(generated.path, Path)
        from begroot.audit import audit_file

        assert not blamed(audit_file(generated.path)), generated.name


def _full_frames_report() -> tuple[str, str]:
    """The first BU report of the corpus whose frames print ESR, IS, other and Totaal, not in layout mode."""
    number = next(n for n in range(200) if (p := plan(n)).kind == "report" and p.stage == "BU"
                  and p.style.frame_rows == "full" and not p.style.indent)  # fmt: skip
    made = generate(plan(number))
    return made.name, made.text


def test_a_frame_without_totaal_takes_its_total_from_its_parts() -> None:
    """One frame printed without its `Totaal` row among frames with it: the program still adds up, and it
    would not if the frame were summed as zero."""
    name, text = _full_frames_report()
    doc, before = audited(name, text)
    assert not blamed(before)
    frames = [t for t in doc.tables if t.layout == "ise_frame"]  # type: ignore[attr-defined]
    frame = next(t for t in frames if {f.row for f in t.facts} >= {"esr", "is", "other", "total"}
                 and any(f.value for f in t.facts if f.row == "total"))  # fmt: skip
    frame.facts = [f for f in frame.facts if f.row != "total"]  # as the reader reads a frame without Totaal
    frame.has_total = False
    assert not blamed(audit_document(doc)), [f.message for f in blamed(audit_document(doc))][:3]  # type: ignore[arg-type]
    for fact in frame.facts:  # its parts zeroed: now the program's sum must fail
        fact.value = 0
    assert any(f.rule == "program-vs-ise-frames" for f in blamed(audit_document(doc)))  # type: ignore[arg-type]


STAGE_HEADER = re.compile(r"BA(?:-| – )JR")


def _misread(text: str, how: str, which: int) -> tuple[str, int]:
    """The text with the `which`-th stage x credit table misread on purpose, and the 1-based line changed.

    `wrapped`: the stage label `BA-JR` wrapped in its cell, read as a second `BA`;
    `glued`: the heading under which the table stands glued before its first row."""
    lines = text.split("\n")
    headers = [i for i, line in enumerate(lines) if STAGE_HEADER.search(line) and re.search(r"\bBU\b", line)]
    index = headers[which % len(headers)]
    if how == "wrapped":
        lines[index] = STAGE_HEADER.sub("BA", lines[index])
        return "\n".join(lines), index + 1
    row = next(i for i in range(index + 1, len(lines)) if re.search(r"\d", lines[i]))
    lines[row] = "1.3 Budgettair kader " + lines[row]
    return "\n".join(lines), row + 1


@pytest.mark.parametrize("how", ["wrapped", "glued"])
def test_a_misread_table_is_never_the_documents_error(how: str) -> None:
    """Tables misread on purpose, one at a time: the facts come out right or the audit says
    `reading-doubt` (naming the table's page and line), never that the document does not add up."""
    name, text = _full_frames_report()
    original = _facts(audited(name, text)[0])
    outcomes: Counter[str] = Counter()
    for which in range(0, 40, 5):
        changed, line = _misread(text, how, which)
        doc, findings = audited(name, changed)
        assert not blamed(findings), (how, line, [f.message for f in blamed(findings)][:3])
        doubts = [f for f in findings if f.rule == "reading-doubt"]
        for finding in doubts:
            assert re.search(r"p\.\d+, line \d+", finding.message) and finding.context["why"]
        left_out = any(w.line == line or w.line == line - 1 for w in doc.warnings)  # type: ignore[attr-defined]
        right = _facts(doc) == original
        assert right or doubts or left_out, (how, line)  # a misreading never passes unsaid
        outcomes["facts right" if right else "reading-doubt" if doubts else "left out, said"] += 1
    if how == "wrapped":  # a repeated stage cannot come out right: the audit must have said it
        assert outcomes["reading-doubt"], outcomes


def _facts(doc: object) -> Counter[tuple[object, ...]]:
    return Counter((f.subject, f.row, f.credit, f.stage, f.year, f.value) for f in doc.facts)  # type: ignore[attr-defined]


def test_sample_report_has_no_reading_doubt() -> None:
    """The sample report is read without doubt: its findings stay as they are."""
    doc = extract(Path(__file__).resolve().parent.parent / "samples" / "000_487494d7f3174438.txt")
    assert not [f for f in audit_document(doc) if f.rule == "reading-doubt"]
