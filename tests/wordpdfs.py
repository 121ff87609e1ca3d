"""The word-processor PDFs the tests read (begroot.testing.pdf: a .docx converted by LibreOffice): every set of
them converted in one LibreOffice run, once per test run for every test process (tests/shared.py), since
LibreOffice's start-up and the conversions are what they cost. The `word_processor_pdfs` fixture (conftest)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from begroot.testing import GeneratedDocument
from begroot.testing.pdf import ConversionError, pdf_plans, render_pdf_sets, soffice
from begroot.testing.plan import Plan
from needs import missing
from shared import once

PDF_COUNT = 10  # test_corpus's round trips
ADVERSARIAL_PDFS = 4  # of them in the adversarial style (narrow label cells, captions over three lines, ...)


def narrow(centred: bool) -> list[Plan]:
    """test_pdf_rules's reports (BU, BO, BA) with the narrowest label cells, their cells at the top or centred."""
    return [replace(plan, style=replace(plan.style, label_width=1.1, caption_width=24, bajr="BA – JR", ordinal="2e",
                                        stage_wrap=True, cells_centred=centred))
            for plan in pdf_plans(3, 5, "adversarial")]  # fmt: skip


def plan_sets() -> dict[str, list[Plan]]:
    return {
        "corpus": pdf_plans(PDF_COUNT - ADVERSARIAL_PDFS) + pdf_plans(ADVERSARIAL_PDFS, 0, "adversarial"),
        "narrow": narrow(centred=False),
        "narrow-centred": narrow(centred=True),  # the same names as "narrow": a folder each
        "trust": pdf_plans(4, seed=3),  # test_audit_trust's
    }


def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[GeneratedDocument]]:
    if soffice() is None:
        missing("LibreOffice (soffice) is not installed: run scripts/libreoffice.sh")
    try:
        return once(tmp_path_factory, "word-processor-pdfs", convert)
    except ConversionError as error:
        pytest.fail(str(error))


def convert(folder: Path) -> dict[str, list[GeneratedDocument]]:
    sets = plan_sets()
    return dict(zip(sets, render_pdf_sets([(plans, folder / name) for name, plans in sets.items()]), strict=True))
