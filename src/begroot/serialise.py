"""The two extraction outputs: the fact table (CSV, a contract) and the document model (JSON).

The JSON layout is described by `schema/document.schema.json` (docs/json-schema.md).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from .formula import csv_cell
from .model import FACT_COLUMNS, SCHEMA_VERSION, Document, plain


def write_facts_csv(documents: Iterable[Document], stream: IO[str]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FACT_COLUMNS)
    count = 0
    for document in documents:
        for fact in document.facts:
            writer.writerow([csv_cell(value) for value in fact.as_row()])
            count += 1
    return count


def document_to_dict(document: Document) -> dict[str, Any]:
    data: dict[str, Any] = plain(document)
    data["facts_count"] = len(document.facts)
    for article, raw in zip(data["articles"], document.articles, strict=True):
        article["parts"]["code"] = raw.parts.code
    return data


def write_documents_json(documents: Iterable[Document], stream: IO[str]) -> int:
    """The same JSON as `document_to_json`, written one document at a time (a long document's
    model is never held twice as text)."""
    stream.write(f'{{"schema_version": {json.dumps(SCHEMA_VERSION)}, "documents": [\n')
    count = 0
    for document in documents:
        if count:
            stream.write(",\n")
        json.dump(document_to_dict(document), stream, ensure_ascii=False, indent=1)
        count += 1
    stream.write("\n]}\n")
    return count


def document_to_json(documents: list[Document], indent: int | None = 1) -> str:
    payload = {"schema_version": SCHEMA_VERSION, "documents": [document_to_dict(d) for d in documents]}
    return json.dumps(payload, ensure_ascii=False, indent=indent)
