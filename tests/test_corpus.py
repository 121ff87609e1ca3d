"""Round trips: generated BBT documents (text and word-processor PDF) read back, every fact right.

Each document comes with the facts it prints (begroot.testing). Extraction must find all of them
(recall), with their page (when the text marks pages; always for PDFs) and line (text), and
nothing else (precision): no number under a subject the document does not have.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from begroot.parse import extract, parse
from begroot.sources import load_bytes
from begroot.testing import GeneratedDocument, adversarial_style, random_budget, random_style, render_text
from begroot.testing.compare import compare
from test_readings import no_key_twice
from wordpdfs import PDF_COUNT

KINDS = [("report", "BU"), ("report", "BO"), ("report", "BA"), ("slides", "BO")]

seeds = st.integers(min_value=0, max_value=2**20)
styles = st.integers(min_value=0, max_value=2**20).map(lambda n: random_style(__import__("random").Random(n)))
adversarial = st.integers(min_value=0, max_value=2**20).map(lambda n: adversarial_style(__import__("random").Random(n)))


def assert_round_trip(document, generated: GeneratedDocument) -> None:  # type: ignore[no-untyped-def]
    result = compare(document, generated)
    where = f"{generated.name} ({sorted(generated.variations)})"
    warnings = "\n".join(str(w) for w in document.warnings[:8])
    assert not result.missing, f"{where}: {len(result.missing)} of {result.expected} facts missing, e.g. " \
                               f"{result.missing[:3]}\nwarnings:\n{warnings}"  # fmt: skip
    assert not result.extra, f"{where}: {len(result.extra)} facts the document does not hold, e.g. {result.extra[:3]}"
    unplaced = [str(w) for w in document.warnings if "fit no row" in w.message or "without a table header" in w.message]
    assert not unplaced, f"{where}: numbers no table took: {unplaced[:3]}"
    no_key_twice(document)
    assert not result.foreign_subjects, f"{where}: subjects the document does not have: {result.foreign_subjects}"
    if generated.statements:
        want = Counter((round(s.total), round(s.change)) for s in generated.statements)
        got = Counter((round(s.total or 0), round(s.change or 0)) for s in document.statements)
        assert want <= got, f"{where}: statements missing: {want - got}"


# No shrinking: a failing document is reported as drawn (shrinking would re-read hundreds of documents).
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(seed=seeds, style=styles, kind=st.sampled_from(KINDS), year=st.integers(min_value=1, max_value=3))
def test_text_documents_read_back_exactly(seed: int, style, kind: tuple[str, str], year: int) -> None:  # type: ignore[no-untyped-def]
    budget = random_budget(seed)
    generated = render_text(budget, kind[0], kind[1], budget.years[year], style, seed=seed)
    document = parse(load_bytes(f"{generated.name}.txt", generated.text.encode("utf-8")))
    assert (document.kind, document.stage, document.year) == (generated.kind, generated.stage, generated.year)
    assert_round_trip(document, generated)


# The adversarial style: every knob drawn independently, in combinations the readers were never tuned on.
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(seed=seeds, style=adversarial, kind=st.sampled_from(KINDS), year=st.integers(min_value=1, max_value=3))
def test_adversarial_text_documents_read_back_exactly(seed: int, style, kind: tuple[str, str], year: int) -> None:  # type: ignore[no-untyped-def]
    test_text_documents_read_back_exactly.hypothesis.inner_test(seed, style, kind, year)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def pdf_documents(word_processor_pdfs: dict[str, list[GeneratedDocument]]) -> list[GeneratedDocument]:
    """A few word-processor PDFs in both styles (tests/wordpdfs.py), converted once for the whole run."""
    return word_processor_pdfs["corpus"]


@pytest.mark.parametrize("number", range(PDF_COUNT))
def test_word_processor_pdfs_read_back_exactly(pdf_documents: list[GeneratedDocument], number: int) -> None:
    generated = pdf_documents[number]
    assert isinstance(generated.path, Path) and generated.path.read_bytes().startswith(b"%PDF")
    document = extract(generated.path)
    assert document.page_count == generated.page_count
    assert (document.kind, document.stage, document.year) == (generated.kind, generated.stage, generated.year)
    assert_round_trip(document, generated)
