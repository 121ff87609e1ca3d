"""Dump what the readers and the audit make, to check that a refactoring changed nothing.

    python scripts/same_outputs.py OUT_DIR [--count N]

writes, for both samples and N generated text documents (the fixed set, plus N/5 in the adversarial
style, whose text it writes too), the model JSON, the fact table CSV and the findings JSON (with the Dutch and English
messages) into OUT_DIR. Run it before and after a change and compare the folders (`diff -r`).
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
from pathlib import Path

from begroot.audit import Finding, audit_document, cross_document_findings
from begroot.audit.messages import message
from begroot.model import Document, SourceDocument
from begroot.parse import parse
from begroot.serialise import document_to_json, write_facts_csv
from begroot.sources import load
from begroot.testing.corpus import generate, plan

ROOT = Path(__file__).resolve().parent.parent


def findings_json(findings: list[Finding]) -> str:
    items = [f.as_dict() | {"nl": message(f, "nl"), "en": message(f, "en")} for f in findings]
    return json.dumps(items, ensure_ascii=False, indent=1, default=str)


def dump(name: str, doc: Document, source: SourceDocument, out: Path) -> None:
    (out / f"{name}.model.json").write_text(document_to_json([doc]), encoding="utf-8")
    facts = io.StringIO()
    write_facts_csv([doc], facts)
    (out / f"{name}.facts.csv").write_text(facts.getvalue(), encoding="utf-8")
    (out / f"{name}.findings.json").write_text(findings_json(audit_document(doc, source)), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    docs: list[Document] = []
    paths = sorted((ROOT / "samples").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        plans = [plan(n) for n in range(args.count)] + [plan(n, 1, "adversarial") for n in range(args.count // 5)]
        for number, item in enumerate(plans):
            generated = generate(item)
            path = Path(tmp) / f"{number:03d}_{generated.name}.txt"
            path.write_text(generated.text, encoding="utf-8")
            (out / f"{path.stem}.txt").write_text(generated.text, encoding="utf-8")  # the generator's own output
            paths.append(path)
        for path in paths:
            source = load(path)
            doc = parse(source)
            dump(path.stem, doc, source, out)
            docs.append(doc)
    cross = cross_document_findings(docs)
    (out / "cross.findings.json").write_text(findings_json(cross), encoding="utf-8")
    print(f"{len(docs)} documents, {len(cross)} cross-document findings in {out}")


if __name__ == "__main__":
    main()
