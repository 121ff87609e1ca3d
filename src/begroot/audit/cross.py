"""Rule cross-document-conflict: the same figure printed differently in two documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Document, Fact
from .findings import Finding, conflict_id, fmt, locations, rule, worded
from .messages import say

Key = tuple[str, str, str, str, int, str, str]


def _key(fact: Fact) -> Key:
    # The perimeter is part of the key: a slide 'incl. VDAB' figure is not the report's 'MVG excl. DAB'.
    return (fact.scope, fact.subject, fact.row, fact.credit, fact.year, fact.stage, fact.perimeter)


@rule(
    "cross-document-conflict",
    "warning",
    "the same figure printed with different values in two documents",
    documents=True,
)
def cross_document_conflict(docs: list[Document]) -> Iterator[Finding]:
    seen: dict[Key, dict[str, Fact]] = defaultdict(dict)
    content = {doc.name: doc.sha256 for doc in docs}
    for doc in docs:
        for fact in doc.facts:
            seen[_key(fact)].setdefault(doc.name, fact)
    for key, per_document in seen.items():
        values = {f.value for f in per_document.values()}
        if len(per_document) < 2 or len(values) < 2:
            continue
        facts = list(per_document.values())
        printed = ", ".join(f"{f.document}: {fmt(f.value)}" for f in facts)
        said = say("conflict", subject=key[1], row=key[2], credit=key[3], stage=key[5], year=str(key[4]),
                   printed=printed)  # fmt: skip
        # its id from the figure's key and the documents' content, never their file names (`conflict_id`)
        figures = [(content[f.document], f.page, f.source_line) for f in facts]
        yield worded(
            Finding(
                rule="cross-document-conflict",
                severity="warning",
                message="",
                subject=key[1],
                numbers={f.document: f.value for f in facts},
                expected=facts[0].value,
                actual=facts[1].value,
                locations=locations(facts),
                finding_id=conflict_id("cross-document-conflict", key, figures),
            ),
            said,
        )
