"""The two extraction outputs: the fact table (CSV, a contract) and the document model (JSON).

The JSON layout is described by `schema/document.schema.json` (docs/json-schema.md).
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterable
from typing import IO, Any

from .model import FACT_COLUMNS, SCHEMA_VERSION, Document


def write_facts_csv(documents: Iterable[Document], stream: IO[str]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FACT_COLUMNS)
    count = 0
    for document in documents:
        for fact in document.facts:
            writer.writerow(fact.as_row())
            count += 1
    return count


def document_to_dict(document: Document) -> dict[str, Any]:
    data = dataclasses.asdict(document)
    data["facts_count"] = len(document.facts)
    for article, raw in zip(data["articles"], document.articles, strict=True):
        article["parts"]["code"] = raw.parts.code
    return data


def document_to_json(documents: list[Document], indent: int | None = 1) -> str:
    payload = {"schema_version": SCHEMA_VERSION, "documents": [document_to_dict(d) for d in documents]}
    return json.dumps(payload, ensure_ascii=False, indent=indent)
