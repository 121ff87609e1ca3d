"""Audit: check a document's figures against each other and against its prose.

Rules live in one module per family and register themselves with `@rule(id, severities, description)`
(see `findings.py`: every id a finding can carry is in `KINDS`, checked as the findings come); `audit_document` runs every registered document rule,
`audit_documents` adds the rules that compare documents. See docs/audit.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import Document, SourceDocument
from . import articles, bridge, cross, doubts, frames, prose, totals  # noqa: F401  (register the rules)
from .doubts import Doubts, reconsider
from .findings import (
    KINDS,
    RULES,
    SEVERITIES,
    Finding,
    Rule,
    assign_id,
    assign_ids,
    document_rules,
    documents_rules,
    registered,
    rule,
)

SEVERITY_ORDER = {name: rank for rank, name in enumerate(SEVERITIES)}


def finding_order(f: Finding) -> tuple[int, str, int]:
    """Findings are listed by severity, then by where they are (document, line)."""
    first = f.locations[0] if f.locations else {}
    return (
        SEVERITY_ORDER.get(f.severity, 9),
        str(first.get("document", "")),
        int(str(first.get("source_line", 0))),
    )


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=finding_order)


def iter_findings(doc: Document, source: SourceDocument | None = None) -> Iterator[Finding]:
    """Every document rule's findings as they come, unsorted: a caller that keeps them in a
    compact form (JSON text, database rows) never holds them all as objects.

    The rules that read the source run first and the source is let go after them: a caller that
    hands its only reference over (`iter_findings(*load_and_parse(path))`) frees the pages early.
    """
    rules = sorted(document_rules(), key=lambda one: not one.needs_source)
    seen: dict[str, int] = {}  # the stable ids, given in the rules' fixed order

    def content(_name: str) -> str:  # every place of a document's finding is in it: named by its content
        return doc.sha256

    doubted = Doubts(doc)  # a sum that fails on a table the reader doubts is `reading-doubt`, not the document's
    for one in rules:
        if not one.needs_source:
            source = None
        args = (doc, source) if one.needs_source else (doc,)
        for finding in one.function(*args):
            yield assign_id(registered(reconsider(registered(finding), doubted)), seen, content)


def audit_document(doc: Document, source: SourceDocument | None = None) -> list[Finding]:
    return sort_findings(list(iter_findings(doc, source)))


def facts_only(doc: Document) -> Document:
    """The document with its tables and facts and nothing else: what the rules that compare
    documents need, kept while the next documents are read."""
    return Document(
        name=doc.name, kind=doc.kind, stage=doc.stage, year=doc.year, domain=doc.domain, sha256=doc.sha256,
        format=doc.format, title=doc.title, file_name=doc.file_name, page_count=doc.page_count,
        domain_letter=doc.domain_letter, tables=doc.tables,
    )  # fmt: skip


def audit_documents(docs: list[Document], sources: dict[str, SourceDocument] | None = None) -> list[Finding]:
    sources = sources or {}
    findings = [f for doc in docs for f in audit_document(doc, sources.get(doc.name))]
    return sort_findings(findings + cross_document_findings(docs))


def cross_document_findings(docs: list[Document]) -> list[Finding]:
    """The rules that compare documents (they need no source: they run after the sources are gone)."""
    found = [registered(finding) for rule in documents_rules() for finding in rule.function(docs)]
    hashes = {doc.name: doc.sha256 for doc in docs}
    return assign_ids(found, lambda name: hashes.get(name, name))


def load_and_parse(path: str | Path) -> tuple[Document, SourceDocument]:
    from ..parse import parse
    from ..sources import load

    source = load(path)
    return parse(source), source


def audit_file(path: str | Path) -> list[Finding]:
    doc, source = load_and_parse(path)
    return audit_document(doc, source)


def audit_files(paths: list[str | Path]) -> list[Finding]:
    loaded = [load_and_parse(p) for p in paths]
    return audit_documents([d for d, _ in loaded], {d.name: s for d, s in loaded})


__all__ = [
    "KINDS",
    "RULES",
    "SEVERITIES",
    "Finding",
    "Rule",
    "audit_document",
    "audit_documents",
    "audit_file",
    "audit_files",
    "cross_document_findings",
    "facts_only",
    "finding_order",
    "iter_findings",
    "rule",
    "sort_findings",
]
