"""Audit: check a document's figures against each other and against its prose.

Rules live in one module per family and register themselves with `@rule(id, severity)`
(see `findings.py`); `audit_document` runs every registered document rule,
`audit_documents` adds the rules that compare documents. See docs/audit.md.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Document, SourceDocument
from . import articles, cross, frames, prose, totals  # noqa: F401  (register the rules)
from .findings import RULES, SEVERITIES, Finding, Rule, document_rules, documents_rules, rule

SEVERITY_ORDER = {name: rank for rank, name in enumerate(SEVERITIES)}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    def key(f: Finding) -> tuple[int, str, int]:
        first = f.locations[0] if f.locations else {}
        return (
            SEVERITY_ORDER.get(f.severity, 9),
            str(first.get("document", "")),
            int(str(first.get("source_line", 0))),
        )

    return sorted(findings, key=key)


def audit_document(doc: Document, source: SourceDocument | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for registered in document_rules():
        args = (doc, source) if registered.needs_source else (doc,)
        findings.extend(registered.function(*args))
    return sort_findings(findings)


def audit_documents(docs: list[Document], sources: dict[str, SourceDocument] | None = None) -> list[Finding]:
    sources = sources or {}
    findings = [f for doc in docs for f in audit_document(doc, sources.get(doc.name))]
    return sort_findings(findings + cross_document_findings(docs))


def cross_document_findings(docs: list[Document]) -> list[Finding]:
    """The rules that compare documents (they need no source: they run after the sources are gone)."""
    return [finding for registered in documents_rules() for finding in registered.function(docs)]


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
    "RULES",
    "SEVERITIES",
    "Finding",
    "Rule",
    "audit_document",
    "audit_documents",
    "audit_file",
    "audit_files",
    "cross_document_findings",
    "rule",
    "sort_findings",
]
