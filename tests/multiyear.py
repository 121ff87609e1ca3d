"""A database of one generated budget over several years and stages, plus the samples, for the dashboard tests.

One budget (`random_budget(SEED, DOMAIN)`) is written as the BO, BA and BU reports of three years and the
slide deck of one BO, so the same domain, programs, ISEs and article codes run through every document. One
figure is changed on purpose: the BU report of the middle year restates one article's BA differently from
the BA report, so the store records a cross-document conflict that the pages must flag. The expected facts
of every document (the generator's truth, the changed figure included) come back with the database.
"""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path

from begroot.audit import audit_document, load_and_parse
from begroot.numbers_nl import format_number
from begroot.store import Store
from begroot.testing import ExpectedFact, GeneratedDocument, TextStyle, random_budget, render_text
from pdfgen import render_pdf
from webdb import SAMPLES

SEED = 11
DOMAIN = "Cultuur, Jeugd en Media"  # a name with a comma, another domain than the samples'
STAGES = ("BO", "BA", "BU")
PDF_NAME = "sample-report-pdf"  # the id of the sample report rendered as a PDF


@dataclass
class Library:
    url: str
    documents: list[GeneratedDocument]  # in ingest order, the changed figure applied
    conflict: ExpectedFact  # the BU report's restated BA, as changed (its BA report prints value - 1)
    years: list[int]

    def facts(self, **where: object) -> list[tuple[GeneratedDocument, ExpectedFact]]:
        return [(d, f) for d in self.documents for f in d.facts
                if all(getattr(f, key) == value for key, value in where.items())]  # fmt: skip

    def document(self, stage: str, year: int, kind: str = "report") -> GeneratedDocument:
        return next(d for d in self.documents if (d.kind, d.stage, d.year) == (kind, stage, year))


def generated_documents() -> tuple[list[GeneratedDocument], ExpectedFact]:
    budget = random_budget(SEED, DOMAIN)
    years = list(budget.years)[1:]
    documents = [render_text(budget, "report", stage, year, TextStyle()) for year in years for stage in STAGES]
    documents.append(render_text(budget, "slides", "BO", years[1], TextStyle(page_mark="space")))
    bu = next(d for d in documents if (d.kind, d.stage, d.year) == ("report", "BU", years[1]))
    changed = restate_differently(bu)
    return documents, changed


def restate_differently(document: GeneratedDocument) -> ExpectedFact:
    """Raise by one the first article's VAK BA as the BU report restates it, wherever it prints it (text and
    expected facts)."""
    target = next(
        f for f in document.facts
        if (f.scope, f.row, f.credit, f.stage) == ("article", "total", "VAK", "BA") and f.value >= 1000
    )  # fmt: skip
    lines = document.text.split("\n")
    printed = format_number(target.value)
    changed = dataclasses.replace(target, value=target.value + 1)
    for index, fact in enumerate(document.facts):
        if fact.key == target.key:
            assert printed in lines[fact.line - 1], (printed, lines[fact.line - 1])
            lines[fact.line - 1] = lines[fact.line - 1].replace(printed, format_number(fact.value + 1), 1)
            document.facts[index] = dataclasses.replace(fact, value=fact.value + 1)
    document.text = "\n".join(lines)
    return changed


def build(folder: Path, url: str | None = None) -> Library:
    """Write the documents to `folder`, ingest them (audited) after the samples into `url` (default: a
    SQLite file in `folder`)."""
    documents, conflict = generated_documents()
    url = url or f"sqlite:///{folder / 'library.sqlite'}"
    # The sample report as a PDF too (page views draw its pages), ingested first: the text samples
    # stay the latest documents of their articles.
    pdf = folder / f"{PDF_NAME}.pdf"
    pdf.write_bytes(render_pdf(next(SAMPLES.glob("000_*.txt"))))
    paths = [pdf, *sorted(SAMPLES.glob("*.txt"))]
    for document in documents:
        path = folder / f"{document.name}.txt"
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    with Store(url) as store:
        for path in paths:
            parsed, source = load_and_parse(path)
            findings = [finding.as_dict() for finding in audit_document(parsed, source)]
            store.ingest(parsed, findings, original=path.read_bytes())
    return Library(url, documents, conflict, sorted({d.year for d in documents}))


def copy(library: Library, folder: Path) -> Library:
    """The SQLite `library` copied into `folder`, to read or write apart from every other user of it."""
    source = Path(library.url.removeprefix("sqlite:///"))
    target = folder / source.name
    shutil.copyfile(source, target)
    return dataclasses.replace(library, url=f"sqlite:///{target}")
