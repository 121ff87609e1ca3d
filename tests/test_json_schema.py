"""The JSON output validates against the published schema, with its version field."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from begroot.model import SCHEMA_VERSION
from begroot.parse import extract
from begroot.serialise import document_to_json

SCHEMA = Path(__file__).resolve().parent.parent / "src" / "begroot" / "schema" / "document.schema.json"
SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def test_json_of_both_samples_validates() -> None:
    schema = json.loads(SCHEMA.read_text())
    payload = json.loads(document_to_json([extract(p) for p in SAMPLES]))
    assert payload["schema_version"] == SCHEMA_VERSION
    jsonschema.validate(payload, schema)
    assert [d["facts_count"] for d in payload["documents"]] == [
        sum(len(t["facts"]) for t in d["tables"]) for d in payload["documents"]
    ]


def test_schema_rejects_a_broken_document() -> None:
    schema = json.loads(SCHEMA.read_text())
    payload = json.loads(document_to_json([extract(SAMPLES[1])]))
    del payload["documents"][0]["tables"][0]["facts"][0]["value"]
    try:
        jsonschema.validate(payload, schema)
    except jsonschema.ValidationError as error:
        assert "value" in error.message
    else:
        raise AssertionError("a fact without value must not validate")
