"""Compare what a reader extracted with what a generated document holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Document
from .document import GeneratedDocument

Key = tuple[object, ...]


@dataclass
class Rates:
    """Recall and precision of `matched` facts among `expected` and `extracted` ones."""

    expected: int
    extracted: int
    matched: int

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0


@dataclass
class Comparison(Rates):
    missing: list[Key] = field(default_factory=list)  # expected, not extracted
    extra: list[Key] = field(default_factory=list)  # extracted, not in the document
    foreign_subjects: set[tuple[str, str]] = field(default_factory=set)  # subjects the document does not have

    @property
    def perfect(self) -> bool:
        return not self.missing and not self.extra


def keys(generated: GeneratedDocument, with_page: bool | None = None, with_line: bool | None = None) -> Counter[Key]:
    """The expected facts as a multiset, with page and line when the document lets them be known."""
    page = generated.pages_marked if with_page is None else with_page
    line = generated.format == "text" if with_line is None else with_line
    return Counter(f.key + ((f.page,) if page else ()) + ((f.line,) if line else ()) for f in generated.facts)


def extracted_keys(document: Document, generated: GeneratedDocument) -> Counter[Key]:
    page = generated.pages_marked
    line = generated.format == "text"
    return Counter(
        (f.scope, f.subject, f.row, f.credit, f.year, f.stage, f.value)
        + ((f.page,) if page else ())
        + ((f.source_line,) if line else ())
        for f in document.facts
    )


def compare(document: Document, generated: GeneratedDocument) -> Comparison:
    want = keys(generated)
    got = extracted_keys(document, generated)
    matched = sum((want & got).values())
    subjects = {(f.scope, f.subject) for f in generated.facts}
    foreign = {(f.scope, f.subject) for f in document.facts} - subjects
    return Comparison(
        expected=sum(want.values()),
        extracted=sum(got.values()),
        matched=matched,
        missing=sorted((want - got).elements(), key=str),
        extra=sorted((got - want).elements(), key=str),
        foreign_subjects=foreign,
    )
